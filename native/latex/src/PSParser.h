
// Generated from PS.g4 by ANTLR 4.13.2

#pragma once


#include "antlr4-runtime.h"




class  PSParser : public antlr4::Parser {
public:
  enum {
    T__0 = 1, T__1 = 2, T__2 = 3, T__3 = 4, T__4 = 5, T__5 = 6, T__6 = 7, 
    T__7 = 8, T__8 = 9, T__9 = 10, T__10 = 11, T__11 = 12, WS = 13, THINSPACE = 14, 
    MEDSPACE = 15, THICKSPACE = 16, QUAD = 17, QQUAD = 18, NEGTHINSPACE = 19, 
    NEGMEDSPACE = 20, NEGTHICKSPACE = 21, DOLLAR_SIGN = 22, IGNORE = 23, 
    ADD = 24, SUB = 25, MUL = 26, DIV = 27, L_PAREN = 28, R_PAREN = 29, 
    L_PAREN_VISUAL = 30, R_PAREN_VISUAL = 31, L_GROUP = 32, R_GROUP = 33, 
    L_BRACE = 34, R_BRACE = 35, L_BRACE_VISUAL = 36, R_BRACE_VISUAL = 37, 
    L_BRACE_CMD = 38, R_BRACE_CMD = 39, L_BRACKET = 40, R_BRACKET = 41, 
    L_BRACK = 42, R_BRACK = 43, PHANTOM_CMD = 44, BOXED_CMD = 45, BAR = 46, 
    L_VERT = 47, R_VERT = 48, VERT = 49, NORM = 50, L_ANGLE = 51, R_ANGLE = 52, 
    L_FLOOR = 53, R_FLOOR = 54, LL_CORNER = 55, LR_CORNER = 56, L_CEIL = 57, 
    R_CEIL = 58, UL_CORNER = 59, UR_CORNER = 60, FUNC_LIM = 61, LIM_APPROACH_SYM = 62, 
    FUNC_INT = 63, FUNC_SUM = 64, FUNC_PROD = 65, FUNC_LOG = 66, FUNC_LN = 67, 
    FUNC_EXP = 68, FUNC_SIN = 69, FUNC_COS = 70, FUNC_TAN = 71, FUNC_CSC = 72, 
    FUNC_SEC = 73, FUNC_COT = 74, FUNC_GAMMA = 75, FUNC_ARCSIN = 76, FUNC_ARCCOS = 77, 
    FUNC_ARCTAN = 78, FUNC_ARCCSC = 79, FUNC_ARCSEC = 80, FUNC_ARCCOT = 81, 
    FUNC_SINH = 82, FUNC_COSH = 83, FUNC_TANH = 84, FUNC_ARSINH = 85, FUNC_ARCOSH = 86, 
    FUNC_ARTANH = 87, FUNC_ARCSINH = 88, FUNC_ARCCOSH = 89, FUNC_ARCTANH = 90, 
    FUNC_ARSINH_NAME = 91, FUNC_ARCSINH_NAME = 92, FUNC_ARCOSH_NAME = 93, 
    FUNC_ARCCOSH_NAME = 94, FUNC_ARTANH_NAME = 95, FUNC_ARCTANH_NAME = 96, 
    FUNC_GCD_NAME = 97, FUNC_LCM_NAME = 98, FUNC_FLOOR_NAME = 99, FUNC_CEIL_NAME = 100, 
    FUNC_SQRT = 101, FUNC_GCD = 102, FUNC_LCM = 103, FUNC_FLOOR = 104, FUNC_CEIL = 105, 
    FUNC_MAX = 106, FUNC_MIN = 107, FUNC_DET = 108, FUNC_EYE_NAME = 109, 
    FUNC_ZEROS_NAME = 110, FUNC_ONES_NAME = 111, FUNC_COLS_NAME = 112, FUNC_ROWS_NAME = 113, 
    FUNC_DIAG_NAME = 114, FUNC_NORM_NAME = 115, FUNC_RANK_NAME = 116, FUNC_TRACE_NAME = 117, 
    FUNC_RREF_NAME = 118, FUNC_HSTACK_NAME = 119, FUNC_VSTACK_NAME = 120, 
    FUNC_ORTHOGONALIZE_NAME = 121, FUNC_NULLSPACE_NAME = 122, FUNC_DIAGONALIZE_NAME = 123, 
    FUNC_EIGENVALS_NAME = 124, FUNC_EIGENVECTORS_NAME = 125, FUNC_SVD_NAME = 126, 
    CMD_TIMES = 127, CMD_CDOT = 128, CMD_DIV = 129, CMD_FRAC = 130, CMD_BINOM = 131, 
    CMD_CHOOSE = 132, CMD_MOD = 133, CMD_MATHIT = 134, CMD_OPERATORNAME = 135, 
    MATRIX_TYPE_MATRIX = 136, MATRIX_TYPE_PMATRIX = 137, MATRIX_TYPE_BMATRIX = 138, 
    MATRIX_TYPE_DET = 139, MATRIX_TYPES = 140, CMD_MATRIX_START = 141, CMD_MATRIX_END = 142, 
    CMD_ARRAY_START = 143, CMD_ARRAY_END = 144, CMD_DET_START = 145, CMD_DET_END = 146, 
    MATRIX_DEL_COL = 147, MATRIX_DEL_ROW = 148, UNDERSCORE = 149, CARET = 150, 
    COLON = 151, SEMICOLON = 152, COMMA = 153, PERIOD = 154, DIFFERENTIAL = 155, 
    EXP_E = 156, E_NOTATION_E = 157, LETTER_NO_E = 158, MATRIX_XRIGHTARROW = 159, 
    TRANSFORM_EXCHANGE = 160, NUMBER = 161, E_NOTATION = 162, IN = 163, 
    ASSIGNMENT = 164, EQUAL = 165, APPROX = 166, LT = 167, LTE = 168, GT = 169, 
    GTE = 170, UNEQUAL = 171, BANG = 172, PERCENT_NUMBER = 173, GREEK_CMD = 174, 
    OTHER_SYMBOL_CMD = 175, SYMBOL = 176, VARIABLE = 177, SET_NATURALS = 178, 
    SET_INTEGERS = 179, SET_RATIONALS = 180, SET_REALS = 181, SET_COMPLEX = 182, 
    SET_PRIMES = 183, ACCENT = 184, UNION = 185, INTERSECTION = 186, SET_MINUS = 187, 
    PLUS_MINUS = 188, SET_EMPTY = 189, SUPSET = 190, SUBSET = 191, NOTIN = 192
  };

  enum {
    RuleMath = 0, RuleTranspose = 1, RuleDegree = 2, RuleTransform_atom = 3, 
    RuleTransform_scale = 4, RuleTransform_swap = 5, RuleTransform_assignment = 6, 
    RuleElementary_transform = 7, RuleElementary_transforms = 8, RuleMatrix = 9, 
    RuleDet = 10, RuleMatrix_row = 11, RuleRelation = 12, RuleEquality = 13, 
    RuleExpr = 14, RuleAdditive = 15, RuleMp = 16, RuleMp_nofunc = 17, RuleUnary = 18, 
    RuleUnary_nofunc = 19, RulePostfix = 20, RulePostfix_nofunc = 21, RulePostfix_op = 22, 
    RuleEval_at = 23, RuleEval_at_sub = 24, RuleEval_at_sup = 25, RuleExp = 26, 
    RuleExp_nofunc = 27, RuleComp = 28, RuleComp_nofunc = 29, RuleGroup = 30, 
    RuleFormatting_group = 31, RuleNorm_group = 32, RuleAbs_group = 33, 
    RuleDot_product = 34, RuleFloor_group = 35, RuleCeil_group = 36, RuleAtom_expr_no_supexpr = 37, 
    RuleAtom_expr = 38, RuleAtom_expr_list = 39, RuleNumber_subexpr = 40, 
    RuleAtom = 41, RuleFrac = 42, RuleBinom = 43, RuleFunc_normal_functions_single_arg = 44, 
    RuleFunc_normal_functions_multi_arg = 45, RuleFunc_operator_names_single_arg = 46, 
    RuleFunc_operator_names_multi_arg = 47, RuleFunc_normal_single_arg = 48, 
    RuleFunc_normal_multi_arg = 49, RuleFunc = 50, RuleArgs = 51, RuleFunc_common_args = 52, 
    RuleLimit_sub = 53, RuleFunc_single_arg = 54, RuleFunc_single_arg_noparens = 55, 
    RuleFunc_multi_arg = 56, RuleFunc_multi_arg_noparens = 57, RuleSubexpr = 58, 
    RuleSupexpr = 59, RuleSubeq = 60, RuleSupeq = 61, RuleSet_relation = 62, 
    RuleMinus_expr = 63, RuleUnion_expr = 64, RuleIntersection_expr = 65, 
    RuleSet_group = 66, RuleSet_atom = 67, RuleInterval = 68, RuleOrdered_tuple = 69, 
    RuleFinite_set = 70, RuleSet_elements_relation = 71, RuleSet_elements = 72, 
    RuleSemicolon_elements = 73, RuleSemicolon_elements_no_relation = 74, 
    RuleComma_elements = 75, RuleComma_elements_no_relation = 76, RuleElement_no_relation = 77, 
    RuleElement = 78, RulePlus_minus_expr = 79, RuleLiteral_set = 80
  };

  explicit PSParser(antlr4::TokenStream *input);

  PSParser(antlr4::TokenStream *input, const antlr4::atn::ParserATNSimulatorOptions &options);

  ~PSParser() override;

  std::string getGrammarFileName() const override;

  const antlr4::atn::ATN& getATN() const override;

  const std::vector<std::string>& getRuleNames() const override;

  const antlr4::dfa::Vocabulary& getVocabulary() const override;

  antlr4::atn::SerializedATNView getSerializedATN() const override;


  class MathContext;
  class TransposeContext;
  class DegreeContext;
  class Transform_atomContext;
  class Transform_scaleContext;
  class Transform_swapContext;
  class Transform_assignmentContext;
  class Elementary_transformContext;
  class Elementary_transformsContext;
  class MatrixContext;
  class DetContext;
  class Matrix_rowContext;
  class RelationContext;
  class EqualityContext;
  class ExprContext;
  class AdditiveContext;
  class MpContext;
  class Mp_nofuncContext;
  class UnaryContext;
  class Unary_nofuncContext;
  class PostfixContext;
  class Postfix_nofuncContext;
  class Postfix_opContext;
  class Eval_atContext;
  class Eval_at_subContext;
  class Eval_at_supContext;
  class ExpContext;
  class Exp_nofuncContext;
  class CompContext;
  class Comp_nofuncContext;
  class GroupContext;
  class Formatting_groupContext;
  class Norm_groupContext;
  class Abs_groupContext;
  class Dot_productContext;
  class Floor_groupContext;
  class Ceil_groupContext;
  class Atom_expr_no_supexprContext;
  class Atom_exprContext;
  class Atom_expr_listContext;
  class Number_subexprContext;
  class AtomContext;
  class FracContext;
  class BinomContext;
  class Func_normal_functions_single_argContext;
  class Func_normal_functions_multi_argContext;
  class Func_operator_names_single_argContext;
  class Func_operator_names_multi_argContext;
  class Func_normal_single_argContext;
  class Func_normal_multi_argContext;
  class FuncContext;
  class ArgsContext;
  class Func_common_argsContext;
  class Limit_subContext;
  class Func_single_argContext;
  class Func_single_arg_noparensContext;
  class Func_multi_argContext;
  class Func_multi_arg_noparensContext;
  class SubexprContext;
  class SupexprContext;
  class SubeqContext;
  class SupeqContext;
  class Set_relationContext;
  class Minus_exprContext;
  class Union_exprContext;
  class Intersection_exprContext;
  class Set_groupContext;
  class Set_atomContext;
  class IntervalContext;
  class Ordered_tupleContext;
  class Finite_setContext;
  class Set_elements_relationContext;
  class Set_elementsContext;
  class Semicolon_elementsContext;
  class Semicolon_elements_no_relationContext;
  class Comma_elementsContext;
  class Comma_elements_no_relationContext;
  class Element_no_relationContext;
  class ElementContext;
  class Plus_minus_exprContext;
  class Literal_setContext; 

  class  MathContext : public antlr4::ParserRuleContext {
  public:
    MathContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *EOF();
    Set_elements_relationContext *set_elements_relation();
    Set_elementsContext *set_elements();
    Set_relationContext *set_relation();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  MathContext* math();

  class  TransposeContext : public antlr4::ParserRuleContext {
  public:
    TransposeContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  TransposeContext* transpose();

  class  DegreeContext : public antlr4::ParserRuleContext {
  public:
    DegreeContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  DegreeContext* degree();

  class  Transform_atomContext : public antlr4::ParserRuleContext {
  public:
    Transform_atomContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *LETTER_NO_E();
    antlr4::tree::TerminalNode *UNDERSCORE();
    antlr4::tree::TerminalNode *NUMBER();
    antlr4::tree::TerminalNode *L_BRACE();
    antlr4::tree::TerminalNode *R_BRACE();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Transform_atomContext* transform_atom();

  class  Transform_scaleContext : public antlr4::ParserRuleContext {
  public:
    Transform_scaleContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Transform_atomContext *transform_atom();
    ExprContext *expr();
    GroupContext *group();
    antlr4::tree::TerminalNode *ADD();
    antlr4::tree::TerminalNode *SUB();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Transform_scaleContext* transform_scale();

  class  Transform_swapContext : public antlr4::ParserRuleContext {
  public:
    Transform_swapContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<Transform_atomContext *> transform_atom();
    Transform_atomContext* transform_atom(size_t i);
    antlr4::tree::TerminalNode *TRANSFORM_EXCHANGE();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Transform_swapContext* transform_swap();

  class  Transform_assignmentContext : public antlr4::ParserRuleContext {
  public:
    Transform_assignmentContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Transform_atomContext *transform_atom();
    Transform_scaleContext *transform_scale();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Transform_assignmentContext* transform_assignment();

  class  Elementary_transformContext : public antlr4::ParserRuleContext {
  public:
    Elementary_transformContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Transform_assignmentContext *transform_assignment();
    Transform_scaleContext *transform_scale();
    Transform_swapContext *transform_swap();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Elementary_transformContext* elementary_transform();

  class  Elementary_transformsContext : public antlr4::ParserRuleContext {
  public:
    Elementary_transformsContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<Elementary_transformContext *> elementary_transform();
    Elementary_transformContext* elementary_transform(size_t i);
    std::vector<antlr4::tree::TerminalNode *> COMMA();
    antlr4::tree::TerminalNode* COMMA(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Elementary_transformsContext* elementary_transforms();

  class  MatrixContext : public antlr4::ParserRuleContext {
  public:
    MatrixContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *CMD_MATRIX_START();
    std::vector<Matrix_rowContext *> matrix_row();
    Matrix_rowContext* matrix_row(size_t i);
    antlr4::tree::TerminalNode *CMD_MATRIX_END();
    antlr4::tree::TerminalNode *CMD_ARRAY_START();
    antlr4::tree::TerminalNode *CMD_ARRAY_END();
    antlr4::tree::TerminalNode *MATRIX_XRIGHTARROW();
    antlr4::tree::TerminalNode *L_BRACE();
    std::vector<Elementary_transformsContext *> elementary_transforms();
    Elementary_transformsContext* elementary_transforms(size_t i);
    antlr4::tree::TerminalNode *R_BRACE();
    std::vector<antlr4::tree::TerminalNode *> MATRIX_DEL_ROW();
    antlr4::tree::TerminalNode* MATRIX_DEL_ROW(size_t i);
    antlr4::tree::TerminalNode *L_BRACKET();
    antlr4::tree::TerminalNode *R_BRACKET();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  MatrixContext* matrix();

  class  DetContext : public antlr4::ParserRuleContext {
  public:
    DetContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *CMD_DET_START();
    std::vector<Matrix_rowContext *> matrix_row();
    Matrix_rowContext* matrix_row(size_t i);
    antlr4::tree::TerminalNode *CMD_DET_END();
    std::vector<antlr4::tree::TerminalNode *> MATRIX_DEL_ROW();
    antlr4::tree::TerminalNode* MATRIX_DEL_ROW(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  DetContext* det();

  class  Matrix_rowContext : public antlr4::ParserRuleContext {
  public:
    Matrix_rowContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<ExprContext *> expr();
    ExprContext* expr(size_t i);
    std::vector<antlr4::tree::TerminalNode *> MATRIX_DEL_COL();
    antlr4::tree::TerminalNode* MATRIX_DEL_COL(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Matrix_rowContext* matrix_row();

  class  RelationContext : public antlr4::ParserRuleContext {
  public:
    RelationContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    ExprContext *expr();
    std::vector<RelationContext *> relation();
    RelationContext* relation(size_t i);
    antlr4::tree::TerminalNode *IN();
    antlr4::tree::TerminalNode *ASSIGNMENT();
    antlr4::tree::TerminalNode *EQUAL();
    antlr4::tree::TerminalNode *APPROX();
    antlr4::tree::TerminalNode *LT();
    antlr4::tree::TerminalNode *LTE();
    antlr4::tree::TerminalNode *GT();
    antlr4::tree::TerminalNode *GTE();
    antlr4::tree::TerminalNode *UNEQUAL();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  RelationContext* relation();
  RelationContext* relation(int precedence);
  class  EqualityContext : public antlr4::ParserRuleContext {
  public:
    EqualityContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<ExprContext *> expr();
    ExprContext* expr(size_t i);
    antlr4::tree::TerminalNode *EQUAL();
    antlr4::tree::TerminalNode *ASSIGNMENT();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  EqualityContext* equality();

  class  ExprContext : public antlr4::ParserRuleContext {
  public:
    ExprContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    AdditiveContext *additive();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  ExprContext* expr();

  class  AdditiveContext : public antlr4::ParserRuleContext {
  public:
    AdditiveContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    MpContext *mp();
    std::vector<AdditiveContext *> additive();
    AdditiveContext* additive(size_t i);
    antlr4::tree::TerminalNode *ADD();
    antlr4::tree::TerminalNode *SUB();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  AdditiveContext* additive();
  AdditiveContext* additive(int precedence);
  class  MpContext : public antlr4::ParserRuleContext {
  public:
    MpContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    UnaryContext *unary();
    std::vector<MpContext *> mp();
    MpContext* mp(size_t i);
    antlr4::tree::TerminalNode *MUL();
    antlr4::tree::TerminalNode *CMD_TIMES();
    antlr4::tree::TerminalNode *CMD_CDOT();
    antlr4::tree::TerminalNode *DIV();
    antlr4::tree::TerminalNode *CMD_DIV();
    antlr4::tree::TerminalNode *COLON();
    antlr4::tree::TerminalNode *CMD_MOD();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  MpContext* mp();
  MpContext* mp(int precedence);
  class  Mp_nofuncContext : public antlr4::ParserRuleContext {
  public:
    Mp_nofuncContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Unary_nofuncContext *unary_nofunc();
    std::vector<Mp_nofuncContext *> mp_nofunc();
    Mp_nofuncContext* mp_nofunc(size_t i);
    antlr4::tree::TerminalNode *MUL();
    antlr4::tree::TerminalNode *CMD_TIMES();
    antlr4::tree::TerminalNode *CMD_CDOT();
    antlr4::tree::TerminalNode *DIV();
    antlr4::tree::TerminalNode *CMD_DIV();
    antlr4::tree::TerminalNode *COLON();
    antlr4::tree::TerminalNode *CMD_MOD();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Mp_nofuncContext* mp_nofunc();
  Mp_nofuncContext* mp_nofunc(int precedence);
  class  UnaryContext : public antlr4::ParserRuleContext {
  public:
    UnaryContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    UnaryContext *unary();
    antlr4::tree::TerminalNode *ADD();
    antlr4::tree::TerminalNode *SUB();
    std::vector<PostfixContext *> postfix();
    PostfixContext* postfix(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  UnaryContext* unary();

  class  Unary_nofuncContext : public antlr4::ParserRuleContext {
  public:
    Unary_nofuncContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Unary_nofuncContext *unary_nofunc();
    antlr4::tree::TerminalNode *ADD();
    antlr4::tree::TerminalNode *SUB();
    PostfixContext *postfix();
    std::vector<Postfix_nofuncContext *> postfix_nofunc();
    Postfix_nofuncContext* postfix_nofunc(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Unary_nofuncContext* unary_nofunc();

  class  PostfixContext : public antlr4::ParserRuleContext {
  public:
    PostfixContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    ExpContext *exp();
    std::vector<Postfix_opContext *> postfix_op();
    Postfix_opContext* postfix_op(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  PostfixContext* postfix();

  class  Postfix_nofuncContext : public antlr4::ParserRuleContext {
  public:
    Postfix_nofuncContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Exp_nofuncContext *exp_nofunc();
    std::vector<Postfix_opContext *> postfix_op();
    Postfix_opContext* postfix_op(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Postfix_nofuncContext* postfix_nofunc();

  class  Postfix_opContext : public antlr4::ParserRuleContext {
  public:
    Postfix_opContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *BANG();
    Eval_atContext *eval_at();
    TransposeContext *transpose();
    DegreeContext *degree();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Postfix_opContext* postfix_op();

  class  Eval_atContext : public antlr4::ParserRuleContext {
  public:
    Eval_atContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *BAR();
    Eval_at_supContext *eval_at_sup();
    Eval_at_subContext *eval_at_sub();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Eval_atContext* eval_at();

  class  Eval_at_subContext : public antlr4::ParserRuleContext {
  public:
    Eval_at_subContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *UNDERSCORE();
    antlr4::tree::TerminalNode *L_BRACE();
    antlr4::tree::TerminalNode *R_BRACE();
    ExprContext *expr();
    EqualityContext *equality();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Eval_at_subContext* eval_at_sub();

  class  Eval_at_supContext : public antlr4::ParserRuleContext {
  public:
    Eval_at_supContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *CARET();
    antlr4::tree::TerminalNode *L_BRACE();
    antlr4::tree::TerminalNode *R_BRACE();
    ExprContext *expr();
    EqualityContext *equality();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Eval_at_supContext* eval_at_sup();

  class  ExpContext : public antlr4::ParserRuleContext {
  public:
    ExpContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    CompContext *comp();
    ExpContext *exp();
    antlr4::tree::TerminalNode *CARET();
    AtomContext *atom();
    antlr4::tree::TerminalNode *L_BRACE();
    ExprContext *expr();
    antlr4::tree::TerminalNode *R_BRACE();
    SubexprContext *subexpr();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  ExpContext* exp();
  ExpContext* exp(int precedence);
  class  Exp_nofuncContext : public antlr4::ParserRuleContext {
  public:
    Exp_nofuncContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Comp_nofuncContext *comp_nofunc();
    Exp_nofuncContext *exp_nofunc();
    antlr4::tree::TerminalNode *CARET();
    AtomContext *atom();
    antlr4::tree::TerminalNode *L_BRACE();
    ExprContext *expr();
    antlr4::tree::TerminalNode *R_BRACE();
    SubexprContext *subexpr();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Exp_nofuncContext* exp_nofunc();
  Exp_nofuncContext* exp_nofunc(int precedence);
  class  CompContext : public antlr4::ParserRuleContext {
  public:
    CompContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    GroupContext *group();
    Formatting_groupContext *formatting_group();
    Norm_groupContext *norm_group();
    Abs_groupContext *abs_group();
    Dot_productContext *dot_product();
    Floor_groupContext *floor_group();
    Ceil_groupContext *ceil_group();
    FuncContext *func();
    AtomContext *atom();
    FracContext *frac();
    BinomContext *binom();
    MatrixContext *matrix();
    DetContext *det();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  CompContext* comp();

  class  Comp_nofuncContext : public antlr4::ParserRuleContext {
  public:
    Comp_nofuncContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    GroupContext *group();
    Formatting_groupContext *formatting_group();
    Norm_groupContext *norm_group();
    Abs_groupContext *abs_group();
    Dot_productContext *dot_product();
    Floor_groupContext *floor_group();
    Ceil_groupContext *ceil_group();
    AtomContext *atom();
    FracContext *frac();
    BinomContext *binom();
    MatrixContext *matrix();
    DetContext *det();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Comp_nofuncContext* comp_nofunc();

  class  GroupContext : public antlr4::ParserRuleContext {
  public:
    GroupContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *L_PAREN();
    ExprContext *expr();
    antlr4::tree::TerminalNode *R_PAREN();
    antlr4::tree::TerminalNode *L_GROUP();
    antlr4::tree::TerminalNode *R_GROUP();
    antlr4::tree::TerminalNode *L_BRACE();
    antlr4::tree::TerminalNode *R_BRACE();
    antlr4::tree::TerminalNode *L_BRACKET();
    antlr4::tree::TerminalNode *R_BRACKET();
    antlr4::tree::TerminalNode *L_BRACE_VISUAL();
    antlr4::tree::TerminalNode *R_BRACE_VISUAL();
    antlr4::tree::TerminalNode *L_BRACE_CMD();
    antlr4::tree::TerminalNode *R_BRACE_CMD();
    antlr4::tree::TerminalNode *L_BRACK();
    antlr4::tree::TerminalNode *R_BRACK();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  GroupContext* group();

  class  Formatting_groupContext : public antlr4::ParserRuleContext {
  public:
    Formatting_groupContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *PHANTOM_CMD();
    antlr4::tree::TerminalNode *L_BRACE();
    ExprContext *expr();
    antlr4::tree::TerminalNode *R_BRACE();
    antlr4::tree::TerminalNode *BOXED_CMD();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Formatting_groupContext* formatting_group();

  class  Norm_groupContext : public antlr4::ParserRuleContext {
  public:
    Norm_groupContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<antlr4::tree::TerminalNode *> NORM();
    antlr4::tree::TerminalNode* NORM(size_t i);
    ExprContext *expr();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Norm_groupContext* norm_group();

  class  Abs_groupContext : public antlr4::ParserRuleContext {
  public:
    Abs_groupContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<antlr4::tree::TerminalNode *> BAR();
    antlr4::tree::TerminalNode* BAR(size_t i);
    ExprContext *expr();
    antlr4::tree::TerminalNode *L_VERT();
    antlr4::tree::TerminalNode *R_VERT();
    std::vector<antlr4::tree::TerminalNode *> VERT();
    antlr4::tree::TerminalNode* VERT(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Abs_groupContext* abs_group();

  class  Dot_productContext : public antlr4::ParserRuleContext {
  public:
    Dot_productContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *L_ANGLE();
    ExprContext *expr();
    antlr4::tree::TerminalNode *R_ANGLE();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Dot_productContext* dot_product();

  class  Floor_groupContext : public antlr4::ParserRuleContext {
  public:
    Floor_groupContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *L_FLOOR();
    ExprContext *expr();
    antlr4::tree::TerminalNode *R_FLOOR();
    antlr4::tree::TerminalNode *LL_CORNER();
    antlr4::tree::TerminalNode *LR_CORNER();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Floor_groupContext* floor_group();

  class  Ceil_groupContext : public antlr4::ParserRuleContext {
  public:
    Ceil_groupContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *L_CEIL();
    ExprContext *expr();
    antlr4::tree::TerminalNode *R_CEIL();
    antlr4::tree::TerminalNode *UL_CORNER();
    antlr4::tree::TerminalNode *UR_CORNER();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Ceil_groupContext* ceil_group();

  class  Atom_expr_no_supexprContext : public antlr4::ParserRuleContext {
  public:
    Atom_expr_no_supexprContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *LETTER_NO_E();
    antlr4::tree::TerminalNode *GREEK_CMD();
    antlr4::tree::TerminalNode *OTHER_SYMBOL_CMD();
    antlr4::tree::TerminalNode *ACCENT();
    SubexprContext *subexpr();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Atom_expr_no_supexprContext* atom_expr_no_supexpr();

  class  Atom_exprContext : public antlr4::ParserRuleContext {
  public:
    Atom_exprContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *LETTER_NO_E();
    antlr4::tree::TerminalNode *GREEK_CMD();
    antlr4::tree::TerminalNode *OTHER_SYMBOL_CMD();
    antlr4::tree::TerminalNode *ACCENT();
    SupexprContext *supexpr();
    SubexprContext *subexpr();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Atom_exprContext* atom_expr();

  class  Atom_expr_listContext : public antlr4::ParserRuleContext {
  public:
    Atom_expr_listContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *L_PAREN();
    std::vector<Atom_exprContext *> atom_expr();
    Atom_exprContext* atom_expr(size_t i);
    antlr4::tree::TerminalNode *R_PAREN();
    std::vector<antlr4::tree::TerminalNode *> COMMA();
    antlr4::tree::TerminalNode* COMMA(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Atom_expr_listContext* atom_expr_list();

  class  Number_subexprContext : public antlr4::ParserRuleContext {
  public:
    Number_subexprContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *NUMBER();
    SubexprContext *subexpr();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Number_subexprContext* number_subexpr();

  class  AtomContext : public antlr4::ParserRuleContext {
  public:
    AtomContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Atom_exprContext *atom_expr();
    antlr4::tree::TerminalNode *SYMBOL();
    Number_subexprContext *number_subexpr();
    antlr4::tree::TerminalNode *PERCENT_NUMBER();
    antlr4::tree::TerminalNode *E_NOTATION();
    antlr4::tree::TerminalNode *E_NOTATION_E();
    antlr4::tree::TerminalNode *DIFFERENTIAL();
    antlr4::tree::TerminalNode *VARIABLE();
    antlr4::tree::TerminalNode *FUNC_GAMMA();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  AtomContext* atom();

  class  FracContext : public antlr4::ParserRuleContext {
  public:
    PSParser::ExprContext *upper = nullptr;
    PSParser::ExprContext *lower = nullptr;
    FracContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *CMD_FRAC();
    std::vector<antlr4::tree::TerminalNode *> L_BRACE();
    antlr4::tree::TerminalNode* L_BRACE(size_t i);
    std::vector<antlr4::tree::TerminalNode *> R_BRACE();
    antlr4::tree::TerminalNode* R_BRACE(size_t i);
    std::vector<ExprContext *> expr();
    ExprContext* expr(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  FracContext* frac();

  class  BinomContext : public antlr4::ParserRuleContext {
  public:
    PSParser::ExprContext *upper = nullptr;
    PSParser::ExprContext *lower = nullptr;
    BinomContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<antlr4::tree::TerminalNode *> L_BRACE();
    antlr4::tree::TerminalNode* L_BRACE(size_t i);
    antlr4::tree::TerminalNode *CMD_CHOOSE();
    std::vector<antlr4::tree::TerminalNode *> R_BRACE();
    antlr4::tree::TerminalNode* R_BRACE(size_t i);
    std::vector<ExprContext *> expr();
    ExprContext* expr(size_t i);
    antlr4::tree::TerminalNode *CMD_BINOM();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  BinomContext* binom();

  class  Func_normal_functions_single_argContext : public antlr4::ParserRuleContext {
  public:
    Func_normal_functions_single_argContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *FUNC_LOG();
    antlr4::tree::TerminalNode *FUNC_LN();
    antlr4::tree::TerminalNode *FUNC_EXP();
    antlr4::tree::TerminalNode *FUNC_SIN();
    antlr4::tree::TerminalNode *FUNC_COS();
    antlr4::tree::TerminalNode *FUNC_TAN();
    antlr4::tree::TerminalNode *FUNC_CSC();
    antlr4::tree::TerminalNode *FUNC_SEC();
    antlr4::tree::TerminalNode *FUNC_COT();
    antlr4::tree::TerminalNode *FUNC_ARCSIN();
    antlr4::tree::TerminalNode *FUNC_ARCCOS();
    antlr4::tree::TerminalNode *FUNC_ARCTAN();
    antlr4::tree::TerminalNode *FUNC_ARCCSC();
    antlr4::tree::TerminalNode *FUNC_ARCSEC();
    antlr4::tree::TerminalNode *FUNC_ARCCOT();
    antlr4::tree::TerminalNode *FUNC_SINH();
    antlr4::tree::TerminalNode *FUNC_COSH();
    antlr4::tree::TerminalNode *FUNC_TANH();
    antlr4::tree::TerminalNode *FUNC_ARSINH();
    antlr4::tree::TerminalNode *FUNC_ARCOSH();
    antlr4::tree::TerminalNode *FUNC_ARTANH();
    antlr4::tree::TerminalNode *FUNC_ARCSINH();
    antlr4::tree::TerminalNode *FUNC_ARCCOSH();
    antlr4::tree::TerminalNode *FUNC_ARCTANH();
    antlr4::tree::TerminalNode *FUNC_FLOOR();
    antlr4::tree::TerminalNode *FUNC_CEIL();
    antlr4::tree::TerminalNode *FUNC_DET();
    antlr4::tree::TerminalNode *FUNC_GAMMA();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_normal_functions_single_argContext* func_normal_functions_single_arg();

  class  Func_normal_functions_multi_argContext : public antlr4::ParserRuleContext {
  public:
    Func_normal_functions_multi_argContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *FUNC_GCD();
    antlr4::tree::TerminalNode *FUNC_LCM();
    antlr4::tree::TerminalNode *FUNC_MAX();
    antlr4::tree::TerminalNode *FUNC_MIN();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_normal_functions_multi_argContext* func_normal_functions_multi_arg();

  class  Func_operator_names_single_argContext : public antlr4::ParserRuleContext {
  public:
    Func_operator_names_single_argContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *FUNC_ARSINH_NAME();
    antlr4::tree::TerminalNode *FUNC_ARCOSH_NAME();
    antlr4::tree::TerminalNode *FUNC_ARTANH_NAME();
    antlr4::tree::TerminalNode *FUNC_ARCSINH_NAME();
    antlr4::tree::TerminalNode *FUNC_ARCCOSH_NAME();
    antlr4::tree::TerminalNode *FUNC_ARCTANH_NAME();
    antlr4::tree::TerminalNode *FUNC_FLOOR_NAME();
    antlr4::tree::TerminalNode *FUNC_CEIL_NAME();
    antlr4::tree::TerminalNode *FUNC_EYE_NAME();
    antlr4::tree::TerminalNode *FUNC_RANK_NAME();
    antlr4::tree::TerminalNode *FUNC_TRACE_NAME();
    antlr4::tree::TerminalNode *FUNC_RREF_NAME();
    antlr4::tree::TerminalNode *FUNC_NULLSPACE_NAME();
    antlr4::tree::TerminalNode *FUNC_DIAGONALIZE_NAME();
    antlr4::tree::TerminalNode *FUNC_NORM_NAME();
    antlr4::tree::TerminalNode *FUNC_EIGENVALS_NAME();
    antlr4::tree::TerminalNode *FUNC_EIGENVECTORS_NAME();
    antlr4::tree::TerminalNode *FUNC_SVD_NAME();
    antlr4::tree::TerminalNode *FUNC_COLS_NAME();
    antlr4::tree::TerminalNode *FUNC_ROWS_NAME();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_operator_names_single_argContext* func_operator_names_single_arg();

  class  Func_operator_names_multi_argContext : public antlr4::ParserRuleContext {
  public:
    Func_operator_names_multi_argContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *FUNC_GCD_NAME();
    antlr4::tree::TerminalNode *FUNC_LCM_NAME();
    antlr4::tree::TerminalNode *FUNC_ZEROS_NAME();
    antlr4::tree::TerminalNode *FUNC_ORTHOGONALIZE_NAME();
    antlr4::tree::TerminalNode *FUNC_ONES_NAME();
    antlr4::tree::TerminalNode *FUNC_DIAG_NAME();
    antlr4::tree::TerminalNode *FUNC_HSTACK_NAME();
    antlr4::tree::TerminalNode *FUNC_VSTACK_NAME();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_operator_names_multi_argContext* func_operator_names_multi_arg();

  class  Func_normal_single_argContext : public antlr4::ParserRuleContext {
  public:
    PSParser::Func_operator_names_single_argContext *func_operator_name = nullptr;
    Func_normal_single_argContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Func_normal_functions_single_argContext *func_normal_functions_single_arg();
    antlr4::tree::TerminalNode *CMD_OPERATORNAME();
    antlr4::tree::TerminalNode *L_BRACE();
    antlr4::tree::TerminalNode *R_BRACE();
    Func_operator_names_single_argContext *func_operator_names_single_arg();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_normal_single_argContext* func_normal_single_arg();

  class  Func_normal_multi_argContext : public antlr4::ParserRuleContext {
  public:
    PSParser::Func_operator_names_multi_argContext *func_operator_name = nullptr;
    Func_normal_multi_argContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Func_normal_functions_multi_argContext *func_normal_functions_multi_arg();
    antlr4::tree::TerminalNode *CMD_OPERATORNAME();
    antlr4::tree::TerminalNode *L_BRACE();
    antlr4::tree::TerminalNode *R_BRACE();
    Func_operator_names_multi_argContext *func_operator_names_multi_arg();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_normal_multi_argContext* func_normal_multi_arg();

  class  FuncContext : public antlr4::ParserRuleContext {
  public:
    PSParser::ExprContext *root = nullptr;
    PSParser::ExprContext *base = nullptr;
    FuncContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Func_normal_single_argContext *func_normal_single_arg();
    antlr4::tree::TerminalNode *L_PAREN();
    Func_single_argContext *func_single_arg();
    antlr4::tree::TerminalNode *R_PAREN();
    Func_single_arg_noparensContext *func_single_arg_noparens();
    SubexprContext *subexpr();
    SupexprContext *supexpr();
    Func_normal_multi_argContext *func_normal_multi_arg();
    Func_multi_argContext *func_multi_arg();
    Func_multi_arg_noparensContext *func_multi_arg_noparens();
    Atom_expr_no_supexprContext *atom_expr_no_supexpr();
    Func_common_argsContext *func_common_args();
    antlr4::tree::TerminalNode *L_BRACKET();
    antlr4::tree::TerminalNode *R_BRACKET();
    std::vector<antlr4::tree::TerminalNode *> L_BRACE();
    antlr4::tree::TerminalNode* L_BRACE(size_t i);
    std::vector<antlr4::tree::TerminalNode *> R_BRACE();
    antlr4::tree::TerminalNode* R_BRACE(size_t i);
    antlr4::tree::TerminalNode *FUNC_INT();
    antlr4::tree::TerminalNode *DIFFERENTIAL();
    FracContext *frac();
    AdditiveContext *additive();
    antlr4::tree::TerminalNode *UNDERSCORE();
    antlr4::tree::TerminalNode *CARET();
    antlr4::tree::TerminalNode *FUNC_SQRT();
    std::vector<ExprContext *> expr();
    ExprContext* expr(size_t i);
    MpContext *mp();
    antlr4::tree::TerminalNode *FUNC_SUM();
    antlr4::tree::TerminalNode *FUNC_PROD();
    SubeqContext *subeq();
    antlr4::tree::TerminalNode *FUNC_LIM();
    Limit_subContext *limit_sub();
    antlr4::tree::TerminalNode *EXP_E();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  FuncContext* func();

  class  ArgsContext : public antlr4::ParserRuleContext {
  public:
    ArgsContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    ExprContext *expr();
    antlr4::tree::TerminalNode *COMMA();
    ArgsContext *args();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  ArgsContext* args();

  class  Func_common_argsContext : public antlr4::ParserRuleContext {
  public:
    Func_common_argsContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    AtomContext *atom();
    ExprContext *expr();
    antlr4::tree::TerminalNode *COMMA();
    ArgsContext *args();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_common_argsContext* func_common_args();

  class  Limit_subContext : public antlr4::ParserRuleContext {
  public:
    Limit_subContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *UNDERSCORE();
    std::vector<antlr4::tree::TerminalNode *> L_BRACE();
    antlr4::tree::TerminalNode* L_BRACE(size_t i);
    antlr4::tree::TerminalNode *LIM_APPROACH_SYM();
    ExprContext *expr();
    std::vector<antlr4::tree::TerminalNode *> R_BRACE();
    antlr4::tree::TerminalNode* R_BRACE(size_t i);
    antlr4::tree::TerminalNode *LETTER_NO_E();
    antlr4::tree::TerminalNode *GREEK_CMD();
    antlr4::tree::TerminalNode *OTHER_SYMBOL_CMD();
    antlr4::tree::TerminalNode *CARET();
    antlr4::tree::TerminalNode *ADD();
    antlr4::tree::TerminalNode *SUB();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Limit_subContext* limit_sub();

  class  Func_single_argContext : public antlr4::ParserRuleContext {
  public:
    Func_single_argContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    ExprContext *expr();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_single_argContext* func_single_arg();

  class  Func_single_arg_noparensContext : public antlr4::ParserRuleContext {
  public:
    Func_single_arg_noparensContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Mp_nofuncContext *mp_nofunc();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_single_arg_noparensContext* func_single_arg_noparens();

  class  Func_multi_argContext : public antlr4::ParserRuleContext {
  public:
    Func_multi_argContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    ExprContext *expr();
    antlr4::tree::TerminalNode *COMMA();
    Func_multi_argContext *func_multi_arg();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_multi_argContext* func_multi_arg();

  class  Func_multi_arg_noparensContext : public antlr4::ParserRuleContext {
  public:
    Func_multi_arg_noparensContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Mp_nofuncContext *mp_nofunc();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Func_multi_arg_noparensContext* func_multi_arg_noparens();

  class  SubexprContext : public antlr4::ParserRuleContext {
  public:
    SubexprContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *UNDERSCORE();
    AtomContext *atom();
    antlr4::tree::TerminalNode *L_BRACE();
    antlr4::tree::TerminalNode *R_BRACE();
    ExprContext *expr();
    ArgsContext *args();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  SubexprContext* subexpr();

  class  SupexprContext : public antlr4::ParserRuleContext {
  public:
    SupexprContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *CARET();
    AtomContext *atom();
    antlr4::tree::TerminalNode *L_BRACE();
    ExprContext *expr();
    antlr4::tree::TerminalNode *R_BRACE();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  SupexprContext* supexpr();

  class  SubeqContext : public antlr4::ParserRuleContext {
  public:
    SubeqContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *UNDERSCORE();
    antlr4::tree::TerminalNode *L_BRACE();
    EqualityContext *equality();
    antlr4::tree::TerminalNode *R_BRACE();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  SubeqContext* subeq();

  class  SupeqContext : public antlr4::ParserRuleContext {
  public:
    SupeqContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *UNDERSCORE();
    antlr4::tree::TerminalNode *L_BRACE();
    EqualityContext *equality();
    antlr4::tree::TerminalNode *R_BRACE();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  SupeqContext* supeq();

  class  Set_relationContext : public antlr4::ParserRuleContext {
  public:
    Set_relationContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Atom_expr_listContext *atom_expr_list();
    std::vector<Set_relationContext *> set_relation();
    Set_relationContext* set_relation(size_t i);
    antlr4::tree::TerminalNode *IN();
    antlr4::tree::TerminalNode *NOTIN();
    antlr4::tree::TerminalNode *ASSIGNMENT();
    Minus_exprContext *minus_expr();
    antlr4::tree::TerminalNode *SUBSET();
    antlr4::tree::TerminalNode *SUPSET();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Set_relationContext* set_relation();
  Set_relationContext* set_relation(int precedence);
  class  Minus_exprContext : public antlr4::ParserRuleContext {
  public:
    Minus_exprContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Union_exprContext *union_expr();
    std::vector<Minus_exprContext *> minus_expr();
    Minus_exprContext* minus_expr(size_t i);
    antlr4::tree::TerminalNode *SET_MINUS();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Minus_exprContext* minus_expr();
  Minus_exprContext* minus_expr(int precedence);
  class  Union_exprContext : public antlr4::ParserRuleContext {
  public:
    Union_exprContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Intersection_exprContext *intersection_expr();
    std::vector<Union_exprContext *> union_expr();
    Union_exprContext* union_expr(size_t i);
    antlr4::tree::TerminalNode *UNION();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Union_exprContext* union_expr();
  Union_exprContext* union_expr(int precedence);
  class  Intersection_exprContext : public antlr4::ParserRuleContext {
  public:
    Intersection_exprContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Set_groupContext *set_group();
    std::vector<Intersection_exprContext *> intersection_expr();
    Intersection_exprContext* intersection_expr(size_t i);
    antlr4::tree::TerminalNode *INTERSECTION();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Intersection_exprContext* intersection_expr();
  Intersection_exprContext* intersection_expr(int precedence);
  class  Set_groupContext : public antlr4::ParserRuleContext {
  public:
    Set_groupContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *L_PAREN();
    Minus_exprContext *minus_expr();
    antlr4::tree::TerminalNode *R_PAREN();
    Set_atomContext *set_atom();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Set_groupContext* set_group();

  class  Set_atomContext : public antlr4::ParserRuleContext {
  public:
    Set_atomContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    IntervalContext *interval();
    Literal_setContext *literal_set();
    Ordered_tupleContext *ordered_tuple();
    Finite_setContext *finite_set();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Set_atomContext* set_atom();

  class  IntervalContext : public antlr4::ParserRuleContext {
  public:
    IntervalContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<ExprContext *> expr();
    ExprContext* expr(size_t i);
    antlr4::tree::TerminalNode *COMMA();
    antlr4::tree::TerminalNode *L_BRACKET();
    antlr4::tree::TerminalNode *L_PAREN();
    antlr4::tree::TerminalNode *L_PAREN_VISUAL();
    antlr4::tree::TerminalNode *L_BRACK();
    antlr4::tree::TerminalNode *L_GROUP();
    antlr4::tree::TerminalNode *R_BRACKET();
    antlr4::tree::TerminalNode *R_PAREN();
    antlr4::tree::TerminalNode *R_PAREN_VISUAL();
    antlr4::tree::TerminalNode *R_BRACK();
    antlr4::tree::TerminalNode *R_GROUP();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  IntervalContext* interval();

  class  Ordered_tupleContext : public antlr4::ParserRuleContext {
  public:
    Ordered_tupleContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *L_PAREN();
    Semicolon_elementsContext *semicolon_elements();
    antlr4::tree::TerminalNode *R_PAREN();
    antlr4::tree::TerminalNode *L_PAREN_VISUAL();
    antlr4::tree::TerminalNode *R_PAREN_VISUAL();
    antlr4::tree::TerminalNode *L_BRACKET();
    antlr4::tree::TerminalNode *R_BRACKET();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Ordered_tupleContext* ordered_tuple();

  class  Finite_setContext : public antlr4::ParserRuleContext {
  public:
    Finite_setContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *L_BRACE();
    Semicolon_elementsContext *semicolon_elements();
    antlr4::tree::TerminalNode *R_BRACE();
    antlr4::tree::TerminalNode *L_BRACE_VISUAL();
    antlr4::tree::TerminalNode *R_BRACE_VISUAL();
    antlr4::tree::TerminalNode *BOXED_CMD();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Finite_setContext* finite_set();

  class  Set_elements_relationContext : public antlr4::ParserRuleContext {
  public:
    Set_elements_relationContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Atom_expr_listContext *atom_expr_list();
    Semicolon_elements_no_relationContext *semicolon_elements_no_relation();
    antlr4::tree::TerminalNode *IN();
    antlr4::tree::TerminalNode *ASSIGNMENT();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Set_elements_relationContext* set_elements_relation();

  class  Set_elementsContext : public antlr4::ParserRuleContext {
  public:
    Set_elementsContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Semicolon_elementsContext *semicolon_elements();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Set_elementsContext* set_elements();

  class  Semicolon_elementsContext : public antlr4::ParserRuleContext {
  public:
    Semicolon_elementsContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<Comma_elementsContext *> comma_elements();
    Comma_elementsContext* comma_elements(size_t i);
    std::vector<antlr4::tree::TerminalNode *> SEMICOLON();
    antlr4::tree::TerminalNode* SEMICOLON(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Semicolon_elementsContext* semicolon_elements();

  class  Semicolon_elements_no_relationContext : public antlr4::ParserRuleContext {
  public:
    Semicolon_elements_no_relationContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<Comma_elements_no_relationContext *> comma_elements_no_relation();
    Comma_elements_no_relationContext* comma_elements_no_relation(size_t i);
    std::vector<antlr4::tree::TerminalNode *> SEMICOLON();
    antlr4::tree::TerminalNode* SEMICOLON(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Semicolon_elements_no_relationContext* semicolon_elements_no_relation();

  class  Comma_elementsContext : public antlr4::ParserRuleContext {
  public:
    Comma_elementsContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<ElementContext *> element();
    ElementContext* element(size_t i);
    std::vector<antlr4::tree::TerminalNode *> COMMA();
    antlr4::tree::TerminalNode* COMMA(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Comma_elementsContext* comma_elements();

  class  Comma_elements_no_relationContext : public antlr4::ParserRuleContext {
  public:
    Comma_elements_no_relationContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<Element_no_relationContext *> element_no_relation();
    Element_no_relationContext* element_no_relation(size_t i);
    std::vector<antlr4::tree::TerminalNode *> COMMA();
    antlr4::tree::TerminalNode* COMMA(size_t i);


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Comma_elements_no_relationContext* comma_elements_no_relation();

  class  Element_no_relationContext : public antlr4::ParserRuleContext {
  public:
    Element_no_relationContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Plus_minus_exprContext *plus_minus_expr();
    Set_atomContext *set_atom();
    ExprContext *expr();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Element_no_relationContext* element_no_relation();

  class  ElementContext : public antlr4::ParserRuleContext {
  public:
    ElementContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    Plus_minus_exprContext *plus_minus_expr();
    Set_atomContext *set_atom();
    RelationContext *relation();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  ElementContext* element();

  class  Plus_minus_exprContext : public antlr4::ParserRuleContext {
  public:
    Plus_minus_exprContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    std::vector<ExprContext *> expr();
    ExprContext* expr(size_t i);
    antlr4::tree::TerminalNode *PLUS_MINUS();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Plus_minus_exprContext* plus_minus_expr();

  class  Literal_setContext : public antlr4::ParserRuleContext {
  public:
    Literal_setContext(antlr4::ParserRuleContext *parent, size_t invokingState);
    virtual size_t getRuleIndex() const override;
    antlr4::tree::TerminalNode *SET_NATURALS();
    antlr4::tree::TerminalNode *SET_INTEGERS();
    antlr4::tree::TerminalNode *SET_RATIONALS();
    antlr4::tree::TerminalNode *SET_REALS();
    antlr4::tree::TerminalNode *SET_COMPLEX();
    antlr4::tree::TerminalNode *SET_PRIMES();
    antlr4::tree::TerminalNode *SET_EMPTY();
    antlr4::tree::TerminalNode *L_BRACE();
    antlr4::tree::TerminalNode *R_BRACE();


    virtual std::any accept(antlr4::tree::ParseTreeVisitor *visitor) override;
   
  };

  Literal_setContext* literal_set();


  bool sempred(antlr4::RuleContext *_localctx, size_t ruleIndex, size_t predicateIndex) override;

  bool relationSempred(RelationContext *_localctx, size_t predicateIndex);
  bool additiveSempred(AdditiveContext *_localctx, size_t predicateIndex);
  bool mpSempred(MpContext *_localctx, size_t predicateIndex);
  bool mp_nofuncSempred(Mp_nofuncContext *_localctx, size_t predicateIndex);
  bool expSempred(ExpContext *_localctx, size_t predicateIndex);
  bool exp_nofuncSempred(Exp_nofuncContext *_localctx, size_t predicateIndex);
  bool set_relationSempred(Set_relationContext *_localctx, size_t predicateIndex);
  bool minus_exprSempred(Minus_exprContext *_localctx, size_t predicateIndex);
  bool union_exprSempred(Union_exprContext *_localctx, size_t predicateIndex);
  bool intersection_exprSempred(Intersection_exprContext *_localctx, size_t predicateIndex);

  // By default the static state used to implement the parser is lazily initialized during the first
  // call to the constructor. You can call this function if you wish to initialize the static state
  // ahead of time.
  static void initialize();

private:
};



// Generated from PS.g4 by ANTLR 4.13.2

#pragma once


#include "antlr4-runtime.h"
#include "PSParser.h"



/**
 * This class defines an abstract visitor for a parse tree
 * produced by PSParser.
 */
class  PSVisitor : public antlr4::tree::AbstractParseTreeVisitor {
public:

  /**
   * Visit parse trees produced by PSParser.
   */
    virtual std::any visitMath(PSParser::MathContext *context) = 0;

    virtual std::any visitTranspose(PSParser::TransposeContext *context) = 0;

    virtual std::any visitDegree(PSParser::DegreeContext *context) = 0;

    virtual std::any visitTransform_atom(PSParser::Transform_atomContext *context) = 0;

    virtual std::any visitTransform_scale(PSParser::Transform_scaleContext *context) = 0;

    virtual std::any visitTransform_swap(PSParser::Transform_swapContext *context) = 0;

    virtual std::any visitTransform_assignment(PSParser::Transform_assignmentContext *context) = 0;

    virtual std::any visitElementary_transform(PSParser::Elementary_transformContext *context) = 0;

    virtual std::any visitElementary_transforms(PSParser::Elementary_transformsContext *context) = 0;

    virtual std::any visitMatrix(PSParser::MatrixContext *context) = 0;

    virtual std::any visitDet(PSParser::DetContext *context) = 0;

    virtual std::any visitMatrix_row(PSParser::Matrix_rowContext *context) = 0;

    virtual std::any visitRelation(PSParser::RelationContext *context) = 0;

    virtual std::any visitEquality(PSParser::EqualityContext *context) = 0;

    virtual std::any visitExpr(PSParser::ExprContext *context) = 0;

    virtual std::any visitAdditive(PSParser::AdditiveContext *context) = 0;

    virtual std::any visitMp(PSParser::MpContext *context) = 0;

    virtual std::any visitMp_nofunc(PSParser::Mp_nofuncContext *context) = 0;

    virtual std::any visitUnary(PSParser::UnaryContext *context) = 0;

    virtual std::any visitUnary_nofunc(PSParser::Unary_nofuncContext *context) = 0;

    virtual std::any visitPostfix(PSParser::PostfixContext *context) = 0;

    virtual std::any visitPostfix_nofunc(PSParser::Postfix_nofuncContext *context) = 0;

    virtual std::any visitPostfix_op(PSParser::Postfix_opContext *context) = 0;

    virtual std::any visitEval_at(PSParser::Eval_atContext *context) = 0;

    virtual std::any visitEval_at_sub(PSParser::Eval_at_subContext *context) = 0;

    virtual std::any visitEval_at_sup(PSParser::Eval_at_supContext *context) = 0;

    virtual std::any visitExp(PSParser::ExpContext *context) = 0;

    virtual std::any visitExp_nofunc(PSParser::Exp_nofuncContext *context) = 0;

    virtual std::any visitComp(PSParser::CompContext *context) = 0;

    virtual std::any visitComp_nofunc(PSParser::Comp_nofuncContext *context) = 0;

    virtual std::any visitGroup(PSParser::GroupContext *context) = 0;

    virtual std::any visitFormatting_group(PSParser::Formatting_groupContext *context) = 0;

    virtual std::any visitNorm_group(PSParser::Norm_groupContext *context) = 0;

    virtual std::any visitAbs_group(PSParser::Abs_groupContext *context) = 0;

    virtual std::any visitDot_product(PSParser::Dot_productContext *context) = 0;

    virtual std::any visitFloor_group(PSParser::Floor_groupContext *context) = 0;

    virtual std::any visitCeil_group(PSParser::Ceil_groupContext *context) = 0;

    virtual std::any visitAtom_expr_no_supexpr(PSParser::Atom_expr_no_supexprContext *context) = 0;

    virtual std::any visitAtom_expr(PSParser::Atom_exprContext *context) = 0;

    virtual std::any visitAtom_expr_list(PSParser::Atom_expr_listContext *context) = 0;

    virtual std::any visitNumber_subexpr(PSParser::Number_subexprContext *context) = 0;

    virtual std::any visitAtom(PSParser::AtomContext *context) = 0;

    virtual std::any visitFrac(PSParser::FracContext *context) = 0;

    virtual std::any visitBinom(PSParser::BinomContext *context) = 0;

    virtual std::any visitFunc_normal_functions_single_arg(PSParser::Func_normal_functions_single_argContext *context) = 0;

    virtual std::any visitFunc_normal_functions_multi_arg(PSParser::Func_normal_functions_multi_argContext *context) = 0;

    virtual std::any visitFunc_operator_names_single_arg(PSParser::Func_operator_names_single_argContext *context) = 0;

    virtual std::any visitFunc_operator_names_multi_arg(PSParser::Func_operator_names_multi_argContext *context) = 0;

    virtual std::any visitFunc_normal_single_arg(PSParser::Func_normal_single_argContext *context) = 0;

    virtual std::any visitFunc_normal_multi_arg(PSParser::Func_normal_multi_argContext *context) = 0;

    virtual std::any visitFunc(PSParser::FuncContext *context) = 0;

    virtual std::any visitArgs(PSParser::ArgsContext *context) = 0;

    virtual std::any visitFunc_common_args(PSParser::Func_common_argsContext *context) = 0;

    virtual std::any visitLimit_sub(PSParser::Limit_subContext *context) = 0;

    virtual std::any visitFunc_single_arg(PSParser::Func_single_argContext *context) = 0;

    virtual std::any visitFunc_single_arg_noparens(PSParser::Func_single_arg_noparensContext *context) = 0;

    virtual std::any visitFunc_multi_arg(PSParser::Func_multi_argContext *context) = 0;

    virtual std::any visitFunc_multi_arg_noparens(PSParser::Func_multi_arg_noparensContext *context) = 0;

    virtual std::any visitSubexpr(PSParser::SubexprContext *context) = 0;

    virtual std::any visitSupexpr(PSParser::SupexprContext *context) = 0;

    virtual std::any visitSubeq(PSParser::SubeqContext *context) = 0;

    virtual std::any visitSupeq(PSParser::SupeqContext *context) = 0;

    virtual std::any visitSet_relation(PSParser::Set_relationContext *context) = 0;

    virtual std::any visitMinus_expr(PSParser::Minus_exprContext *context) = 0;

    virtual std::any visitUnion_expr(PSParser::Union_exprContext *context) = 0;

    virtual std::any visitIntersection_expr(PSParser::Intersection_exprContext *context) = 0;

    virtual std::any visitSet_group(PSParser::Set_groupContext *context) = 0;

    virtual std::any visitSet_atom(PSParser::Set_atomContext *context) = 0;

    virtual std::any visitInterval(PSParser::IntervalContext *context) = 0;

    virtual std::any visitOrdered_tuple(PSParser::Ordered_tupleContext *context) = 0;

    virtual std::any visitFinite_set(PSParser::Finite_setContext *context) = 0;

    virtual std::any visitSet_elements_relation(PSParser::Set_elements_relationContext *context) = 0;

    virtual std::any visitSet_elements(PSParser::Set_elementsContext *context) = 0;

    virtual std::any visitSemicolon_elements(PSParser::Semicolon_elementsContext *context) = 0;

    virtual std::any visitSemicolon_elements_no_relation(PSParser::Semicolon_elements_no_relationContext *context) = 0;

    virtual std::any visitComma_elements(PSParser::Comma_elementsContext *context) = 0;

    virtual std::any visitComma_elements_no_relation(PSParser::Comma_elements_no_relationContext *context) = 0;

    virtual std::any visitElement_no_relation(PSParser::Element_no_relationContext *context) = 0;

    virtual std::any visitElement(PSParser::ElementContext *context) = 0;

    virtual std::any visitPlus_minus_expr(PSParser::Plus_minus_exprContext *context) = 0;

    virtual std::any visitLiteral_set(PSParser::Literal_setContext *context) = 0;


};



// Generated from PS.g4 by ANTLR 4.13.2

#pragma once


#include "antlr4-runtime.h"




class  PSLexer : public antlr4::Lexer {
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

  explicit PSLexer(antlr4::CharStream *input);

  ~PSLexer() override;


  std::string getGrammarFileName() const override;

  const std::vector<std::string>& getRuleNames() const override;

  const std::vector<std::string>& getChannelNames() const override;

  const std::vector<std::string>& getModeNames() const override;

  const antlr4::dfa::Vocabulary& getVocabulary() const override;

  antlr4::atn::SerializedATNView getSerializedATN() const override;

  const antlr4::atn::ATN& getATN() const override;

  // By default the static state used to implement the lexer is lazily initialized during the first
  // call to the constructor. You can call this function if you wish to initialize the static state
  // ahead of time.
  static void initialize();

private:

  // Individual action functions triggered by action() above.

  // Individual semantic predicate functions triggered by sempred() above.

};


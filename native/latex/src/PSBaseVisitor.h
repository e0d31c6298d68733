
// Generated from PS.g4 by ANTLR 4.13.2

#pragma once


#include "antlr4-runtime.h"
#include "PSVisitor.h"


/**
 * This class provides an empty implementation of PSVisitor, which can be
 * extended to create a visitor which only needs to handle a subset of the available methods.
 */
class  PSBaseVisitor : public PSVisitor {
public:

  virtual std::any visitMath(PSParser::MathContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitTranspose(PSParser::TransposeContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitDegree(PSParser::DegreeContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitTransform_atom(PSParser::Transform_atomContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitTransform_scale(PSParser::Transform_scaleContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitTransform_swap(PSParser::Transform_swapContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitTransform_assignment(PSParser::Transform_assignmentContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitElementary_transform(PSParser::Elementary_transformContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitElementary_transforms(PSParser::Elementary_transformsContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitMatrix(PSParser::MatrixContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitDet(PSParser::DetContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitMatrix_row(PSParser::Matrix_rowContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitRelation(PSParser::RelationContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitEquality(PSParser::EqualityContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitExpr(PSParser::ExprContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitAdditive(PSParser::AdditiveContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitMp(PSParser::MpContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitMp_nofunc(PSParser::Mp_nofuncContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitUnary(PSParser::UnaryContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitUnary_nofunc(PSParser::Unary_nofuncContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitPostfix(PSParser::PostfixContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitPostfix_nofunc(PSParser::Postfix_nofuncContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitPostfix_op(PSParser::Postfix_opContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitEval_at(PSParser::Eval_atContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitEval_at_sub(PSParser::Eval_at_subContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitEval_at_sup(PSParser::Eval_at_supContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitExp(PSParser::ExpContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitExp_nofunc(PSParser::Exp_nofuncContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitComp(PSParser::CompContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitComp_nofunc(PSParser::Comp_nofuncContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitGroup(PSParser::GroupContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFormatting_group(PSParser::Formatting_groupContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitNorm_group(PSParser::Norm_groupContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitAbs_group(PSParser::Abs_groupContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitDot_product(PSParser::Dot_productContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFloor_group(PSParser::Floor_groupContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitCeil_group(PSParser::Ceil_groupContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitAtom_expr_no_supexpr(PSParser::Atom_expr_no_supexprContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitAtom_expr(PSParser::Atom_exprContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitAtom_expr_list(PSParser::Atom_expr_listContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitNumber_subexpr(PSParser::Number_subexprContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitAtom(PSParser::AtomContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFrac(PSParser::FracContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitBinom(PSParser::BinomContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_normal_functions_single_arg(PSParser::Func_normal_functions_single_argContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_normal_functions_multi_arg(PSParser::Func_normal_functions_multi_argContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_operator_names_single_arg(PSParser::Func_operator_names_single_argContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_operator_names_multi_arg(PSParser::Func_operator_names_multi_argContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_normal_single_arg(PSParser::Func_normal_single_argContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_normal_multi_arg(PSParser::Func_normal_multi_argContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc(PSParser::FuncContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitArgs(PSParser::ArgsContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_common_args(PSParser::Func_common_argsContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitLimit_sub(PSParser::Limit_subContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_single_arg(PSParser::Func_single_argContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_single_arg_noparens(PSParser::Func_single_arg_noparensContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_multi_arg(PSParser::Func_multi_argContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFunc_multi_arg_noparens(PSParser::Func_multi_arg_noparensContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSubexpr(PSParser::SubexprContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSupexpr(PSParser::SupexprContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSubeq(PSParser::SubeqContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSupeq(PSParser::SupeqContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSet_relation(PSParser::Set_relationContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitMinus_expr(PSParser::Minus_exprContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitUnion_expr(PSParser::Union_exprContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitIntersection_expr(PSParser::Intersection_exprContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSet_group(PSParser::Set_groupContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSet_atom(PSParser::Set_atomContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitInterval(PSParser::IntervalContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitOrdered_tuple(PSParser::Ordered_tupleContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitFinite_set(PSParser::Finite_setContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSet_elements_relation(PSParser::Set_elements_relationContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSet_elements(PSParser::Set_elementsContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSemicolon_elements(PSParser::Semicolon_elementsContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitSemicolon_elements_no_relation(PSParser::Semicolon_elements_no_relationContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitComma_elements(PSParser::Comma_elementsContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitComma_elements_no_relation(PSParser::Comma_elements_no_relationContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitElement_no_relation(PSParser::Element_no_relationContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitElement(PSParser::ElementContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitPlus_minus_expr(PSParser::Plus_minus_exprContext *ctx) override {
    return visitChildren(ctx);
  }

  virtual std::any visitLiteral_set(PSParser::Literal_setContext *ctx) override {
    return visitChildren(ctx);
  }


};


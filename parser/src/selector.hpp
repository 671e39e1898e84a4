// Which grammar rules become parse-tree nodes. Everything else (whitespace, keywords, punctuation, the
// named wrappers of grammar.hpp) leaves no node, so lower.cpp sees declarations, clauses, tokens and
// expression nodes only. Every selected node keeps its begin and end: the AST needs both for its spans.
#pragma once

#include <memory>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar.hpp"

namespace akkoord::dsl {

// Like parse_tree::fold_one, but a node that keeps several children keeps its content (its end position),
// which the expression's span needs. `a` alone is a path node, not an or-and-not-cmp-add-mul tower.
struct fold_single_child : tao::pegtl::parse_tree::apply<fold_single_child> {
  template <typename Node, typename... States>
  static void transform(std::unique_ptr<Node>& n, States&&... /*unused*/) noexcept {
    if (n->children.size() == 1) n = std::move(n->children.front());
  }
};

using tao::pegtl::parse_tree::store_content;

// clang-format off
template <typename Rule>
using selector = tao::pegtl::parse_tree::selector<
  Rule,
  store_content::on<
    // tokens
    ident, string_literal, integer, decimal_number, percent, year, date, money, money_amount, taakveld_code,
    boolean_literal, rule_severity,
    // declarations and their clauses
    article_clause,
    agreement_decl, since_clause, documents_clause, hours_per_fte_clause, tolerance_clause,
    party_decl, roles_clause, inhabitants_clause,
    executor_decl, employer_clause, part_of_clause, serves_clause, until_clause,
    period_decl, provisional_clause,
    milestone_decl, due_clause,
    task_decl, taakveld_clause, taakveld_from, taakveld_until, responsible_clause, executed_by_clause,
    returned_to_clause, basic_clause, task_for_clause,
    contribution_decl, payer_clause, payee_clause, contribution_line, indexation_line,
    saving_decl, on_clause, base_clause, saving_from_clause, rate_clause, amount_clause,
    benchmark_decl, source_clause, benchmark_year_clause, benchmark_entry,
    rule_decl, for_clause, let_clause, when_clause, require_clause, message_clause, message_nl_clause,
    message_template, template_text, template_hole,
    include_decl,
    // expressions
    path_expr, aggregate_call, has_call, year_call, days_call, round_call, where_clause,
    aggregate_name, has_name, year_name, days_name, round_name,
    parenthesised, list_literal, not_application, negation,
    or_op, and_op, not_op, cmp_op, add_op, mul_op, minus_op>,
  fold_single_child::on<or_expr, and_expr, cmp_expr, add_expr, mul_expr>>;
// clang-format on

}  // namespace akkoord::dsl

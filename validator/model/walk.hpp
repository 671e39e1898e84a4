// Visiting the nodes of an agreement that checks look at in bulk: rule expressions and date literals.
// Iterative (an explicit stack), so no expression depth can exhaust the call stack.
#pragma once

#include <vector>

#include "akkoord/validator/agreement.hpp"

namespace akkoord {

// Calls f(const ast::expr&) for `root` and every sub-expression, parents before children.
template <class F>
void for_each_expr(const ast::expr& root, F&& f) {
  std::vector<const ast::expr*> stack{&root};
  while (!stack.empty()) {
    const ast::expr* e = stack.back();
    stack.pop_back();
    f(*e);
    for (auto it = e->where_clause.rbegin(); it != e->where_clause.rend(); ++it) stack.push_back(&*it);
    for (auto it = e->operands.rbegin(); it != e->operands.rend(); ++it) stack.push_back(&*it);
  }
}

// Calls f(const ast::expr&) for every expression of a rule: its lets, `when`, `require` and the `{…}` holes of
// its messages (a milestone named only in a message is used, and renaming it edits the message too).
template <class F>
void for_each_rule_expr(const ast::rule_decl& rule, F&& f) {
  for (const auto& let : rule.lets) for_each_expr(let.value, f);
  if (rule.when) for_each_expr(*rule.when, f);
  for_each_expr(rule.require, f);
  for (const auto* message : {&rule.message, &rule.message_nl})
    if (*message)
      for (const auto& piece : (*message)->pieces)
        if (piece.value) for_each_expr(*piece.value, f);
}

// Calls f(const ast::date_literal&) for every date written in the agreement, in file order.
template <class F>
void for_each_date(const agreement_model& model, F&& f) {
  for (const auto& file : model.files) {
    for (const auto& decl : file.declarations) {
      if (const auto* a = std::get_if<ast::agreement_decl>(&decl)) {
        if (a->since) f(*a->since);
      } else if (const auto* e = std::get_if<ast::executor_decl>(&decl)) {
        if (e->since) f(*e->since);
      } else if (const auto* p = std::get_if<ast::period_decl>(&decl)) {
        f(p->from);
        f(p->to);
      } else if (const auto* m = std::get_if<ast::milestone_decl>(&decl)) {
        f(m->due);
      } else if (const auto* t = std::get_if<ast::task_decl>(&decl)) {
        for (const auto& entry : t->timeline) f(entry.from);
      } else if (const auto* r = std::get_if<ast::rule_decl>(&decl)) {
        for_each_rule_expr(*r, [&](const ast::expr& x) {
          if (const auto* d = std::get_if<ast::date_literal>(&x.value)) f(*d);
        });
      }
    }
  }
}

}  // namespace akkoord

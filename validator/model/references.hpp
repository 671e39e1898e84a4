// Every place the agreement refers to a declaration by id. Shared by `undefined-reference` (what does not
// resolve) and `unused-definition` (what nothing resolves to), so both agree on what a reference is.
#pragma once

#include <string_view>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/agreement.hpp"

namespace akkoord {

// `document`: a name in the agreement's `documents`, referred to by `article DOCUMENT "…"`.
enum class decl_kind { agreement, party, executor, period, milestone, task, contribution, saving, benchmark, rule, document };

// "party" / "partij"
text kind_name(decl_kind kind);

// What a reference may name: one kind, or (for `returned_to`) an executor or a party.
struct reference {
  const ast::identifier* name = nullptr;
  decl_kind kind = decl_kind::party;
  bool or_party = false;  // `returned_to`: an executor or a party
};

// In file order. Rule expressions contribute `party.ID…`, `period.ID…`, `milestone.ID…`, `saving.ID…` and
// `contribution.ID[…]` (any second segment but the plan fields `total` and `id`), unless the first segment
// is a name the rule binds itself (`let`, `for activity`, `activity`).
std::vector<reference> collect_references(const agreement_model& model);

// The declaration's id of `name` in a kind, or nullptr.
const ast::identifier* find_declared(const agreement_model& model, decl_kind kind, std::string_view name);

}  // namespace akkoord

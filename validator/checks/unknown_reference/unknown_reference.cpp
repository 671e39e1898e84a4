#include "unknown_reference/unknown_reference.hpp"

#include <fmt/format.h>

#include "akkoord/fix.hpp"
#include "plan_support.hpp"
#include "toml_errors.hpp"

namespace akkoord::checks {

namespace {

struct kind_words {
  std::string_view en;
  std::string_view nl;
};

}  // namespace

void unknown_reference::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const agreement_model& agreement = context.agreement;

  // The value is replaced as a whole by a TOML string: `task = 'tsak'` becomes `task = "task"`.
  const auto report = [&](const spanned<std::string>& value, kind_words kind, const closest_match& match) {
    auto d = finding(p.span(value.span), {fmt::format("unknown {} `{}`", kind.en, value.value),
                                          fmt::format("onbekende {} `{}`", kind.nl, value.value)});
    if (const auto& best = match.best()) {
      d.help = did_you_mean_text(*best);
      if (match.only_candidate()) d.fix = replacement_fix(d.primary, value.value, *best, toml_string(*best));
    } else {
      d.notes.push_back({fmt::format("the agreement declares no {} with this id", kind.en),
                         fmt::format("de overeenkomst kent geen {} met dit id", kind.nl)});
    }
    out.push_back(std::move(d));
  };
  const auto check_in = [&](const std::optional<spanned<std::string>>& value, const auto& index, kind_words kind) {
    if (!value || index.contains(value->value)) return;
    closest_match match(value->value);
    for (const auto& [id, decl] : index) match.consider(id);
    report(*value, kind, match);
  };

  constexpr kind_words party{"party", "partij"};
  check_in(p.municipality, agreement.parties, party);
  check_in(p.contribution_id, agreement.contributions, {"contribution", "bijdrage"});

  for (const auto& a : p.activities) {
    check_in(a.task, agreement.tasks, {"task", "taak"});
    check_in(a.responsible, agreement.parties, party);
    // `executor`: an executor or a party
    if (a.executor && !agreement.executors.contains(a.executor->value) &&
        !agreement.parties.contains(a.executor->value)) {
      closest_match match(a.executor->value);
      for (const auto& [id, decl] : agreement.executors) match.consider(id);
      for (const auto& [id, decl] : agreement.parties) match.consider(id);
      report(*a.executor, {"executor", "uitvoerder"}, match);
    }
  }
  for (const auto& m : p.milestones) check_in(m.id, agreement.milestones, {"milestone", "mijlpaal"});
}

}  // namespace akkoord::checks

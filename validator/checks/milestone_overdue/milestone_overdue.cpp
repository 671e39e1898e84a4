#include "milestone_overdue/milestone_overdue.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void milestone_overdue::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const auto year = plan_support::plan_year(p);
  if (!year) return;
  const bool adopted = p.status && p.status->value == "vastgesteld";

  for (const auto* milestone : context.agreement.all<ast::milestone_decl>()) {
    const civil_date due = milestone->due.value();
    if (!is_valid(due) || plan_support::last_day(*year) < due) continue;
    // A plan adopted before the due date could not record the milestone (recording it is milestone-dates').
    if (adopted && p.adopted && p.adopted->value < due) continue;
    const std::string& id = milestone->id.name;
    // an entry without `completed` is `missing-field`: one finding is enough
    if (std::any_of(p.milestones.begin(), p.milestones.end(),
                    [&](const plan_milestone& m) { return m.id && m.id->value == id; }))
      continue;
    const text due_text = plan_support::day(due);
    auto d = finding(p.span(p.plan_header), {fmt::format("milestone `{}` was due on {} and is not recorded as completed", id, due_text.en),
                                             fmt::format("mijlpaal `{}` moest uiterlijk op {} gereed zijn, maar het plan legt "
                                                         "niet vast dat zij is afgerond",
                                                         id, due_text.nl)});
    if (adopted && p.adopted && due < p.adopted->value) {
      // adopting a plan after the due date without the milestone is more than a reminder
      d.level = severity::error;
      const text on = plan_support::day(p.adopted->value);
      d.notes.push_back({fmt::format("the plan was adopted on {}, after the due date", on.en),
                         fmt::format("het plan is op {} vastgesteld, na de uiterste datum", on.nl)});
    }
    d.related.push_back({milestone->span, {fmt::format("due {}", due_text.en), fmt::format("uiterlijk gereed op {}", due_text.nl)}});
    d.help = text{fmt::format("once it is done, record it: `[[milestone]]` with `id = \"{}\"` and `completed = YYYY-MM-DD`", id),
                  fmt::format("leg de mijlpaal vast zodra zij is afgerond: `[[milestone]]` met `id = \"{}\"` en "
                              "`completed = JJJJ-MM-DD`",
                              id)};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks

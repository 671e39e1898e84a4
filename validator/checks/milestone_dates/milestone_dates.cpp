#include "milestone_dates/milestone_dates.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void milestone_dates::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  // Only an adopted plan has a moment after which it cannot know anything (a concept is still being written).
  const bool adopted = p.status && p.status->value == "vastgesteld" && p.adopted;

  for (const auto& entry : p.milestones) {
    // An entry without id or `completed` is missing-field's; an unknown id is unknown-reference's.
    if (!entry.id || !entry.completed) continue;
    const auto declared = context.agreement.milestones.find(entry.id->value);
    if (declared == context.agreement.milestones.end()) continue;
    const ast::milestone_decl& milestone = *declared->second;
    const civil_date completed = entry.completed->value;
    const civil_date due = milestone.due.value();
    const bool late = is_valid(due) && due < completed;
    const bool after_adoption = adopted && p.adopted->value < completed;
    if (!late && !after_adoption) continue;

    const std::string& id = milestone.id.name;
    const std::string on = plan_support::date(completed), on_nl = dutch_date(completed);
    const label due_clause{milestone.span, {fmt::format("due {}", plan_support::date(due)),
                                            fmt::format("uiterlijk {}", dutch_date(due))}};
    // One entry, one finding: a record dated after the adoption is the bigger problem (the plan cannot know it);
    // that it was also late is a note.
    if (after_adoption) {
      const std::string adopted_on = plan_support::date(p.adopted->value), adopted_nl = dutch_date(p.adopted->value);
      auto d = finding(p.span(entry.completed->span),
                       {fmt::format("milestone `{}` is recorded as completed on {}, after the plan was adopted on {}", id,
                                    on, adopted_on),
                        fmt::format("mijlpaal `{}` staat als voltooid op {} geregistreerd, na de vaststelling van het "
                                    "plan op {}",
                                    id, on_nl, adopted_nl)});
      d.notes.push_back({"an adopted plan cannot record what happened after its adoption",
                         "een vastgesteld plan kan niet vastleggen wat na de vaststelling is gebeurd"});
      if (late)
        d.notes.push_back({fmt::format("that is also after its due date, {}", plan_support::date(due)),
                           fmt::format("dat is bovendien na de uiterste datum van {}", dutch_date(due))});
      d.related.push_back(due_clause);
      d.help = text{"correct the date, or record the milestone in the first plan adopted after it was completed",
                    "verbeter de datum, of registreer de mijlpaal in het eerste plan dat na de voltooiing wordt "
                    "vastgesteld"};
      out.push_back(std::move(d));
      continue;
    }
    const std::int64_t days = to_days(completed) - to_days(due);
    auto d = finding(p.span(entry.completed->span),
                     {fmt::format("milestone `{}` was completed on {}, {} day{} after its due date {}", id, on, days,
                                  days == 1 ? "" : "s", plan_support::date(due)),
                      fmt::format("mijlpaal `{}` is op {} voltooid, {} dag{} na de uiterste datum van {}", id, on_nl,
                                  days, days == 1 ? "" : "en", dutch_date(due))});
    d.related.push_back(due_clause);
    d.help = text{"check the date; when it is right, explain the delay in the plan",
                  "controleer de datum; klopt die, licht de vertraging dan toe in het plan"};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks

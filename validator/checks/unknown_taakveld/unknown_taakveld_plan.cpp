// unknown-taakveld, plan side: an activity's `taakveld` must be a code of the BBV list of the plan's book
// year. The message names the years the code is valid in and the codes of the plan's year that replaced it.
#include <fmt/format.h>

#include "plan_support.hpp"
#include "unknown_taakveld/unknown_taakveld.hpp"

namespace akkoord::checks {

namespace {

std::string years_of(const taakveld_list& list) { return fmt::format("{}–{}", list.first_year, list.last_year); }

}  // namespace

void unknown_taakveld::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const auto year = plan_support::plan_year(p);
  if (!year) return;
  const taakveld_list* list = context.taakvelden.for_year(*year);
  if (list == nullptr) return;  // before the first BBV list: nothing to check against

  for (const auto& a : p.activities) {
    if (!a.taakveld || list->find(a.taakveld->value)) continue;
    const std::string& code = a.taakveld->value;
    auto d = finding(p.span(a.taakveld->span), {fmt::format("taakveld `{}` is not a BBV taakveld in {}", code, *year),
                                                fmt::format("taakveld `{}` is geen BBV-taakveld in {}", code, *year)});
    const auto valid_in = context.taakvelden.lists_with(code);
    if (valid_in.empty()) {
      d.notes.push_back({fmt::format("`{}` is in none of the BBV lists", code),
                         fmt::format("`{}` staat in geen enkele BBV-lijst", code)});
    } else {
      std::vector<std::string> ranges;
      for (const auto* l : valid_in) ranges.push_back(years_of(*l));
      std::string en, nl;
      for (std::size_t i = 0; i < ranges.size(); ++i) {
        const bool last = i + 1 == ranges.size();
        en += (i == 0 ? "" : last ? " and " : ", ") + ranges[i];
        nl += (i == 0 ? "" : last ? " en " : ", ") + ranges[i];
      }
      d.notes.push_back({fmt::format("`{}` is a taakveld in {}", code, en),
                         fmt::format("`{}` is een taakveld in {}", code, nl)});
    }
    const auto replaced_by = context.taakvelden.replacements(code, *year);
    if (replaced_by.size() == 1) {
      const taakveld& t = *replaced_by.front();
      d.help = text{fmt::format("in {} use `{}` ({})", *year, t.code, t.name),
                    fmt::format("gebruik in {} `{}` ({})", *year, t.code, t.name)};
    } else if (!replaced_by.empty()) {
      std::vector<std::string> codes;
      for (const auto* t : replaced_by) codes.push_back(t->code);
      const text one_of = plan_support::list_of(codes);
      d.help = text{fmt::format("in {} use one of {}", *year, one_of.en),
                    fmt::format("gebruik in {} een van {}", *year, one_of.nl)};
    } else {
      std::vector<std::string_view> codes;
      for (const auto& t : list->entries) codes.push_back(t.code);
      d.help = plan_support::did_you_mean_help(code, codes);
    }
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks

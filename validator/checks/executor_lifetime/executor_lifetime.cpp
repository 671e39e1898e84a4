#include "executor_lifetime/executor_lifetime.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "check_support.hpp"

namespace akkoord::checks {

namespace {

bool real(const std::optional<ast::date_literal>& d) { return d && is_valid(d->value()); }

// "task `x` is executed by `y` from …" / "taak `x` wordt vanaf … uitgevoerd door `y`"
text entry_text(const ast::task_decl& task, const ast::timeline_entry& entry) {
  const std::string& t = task.id.name;
  const std::string& who = entry.who.name;
  const civil_date from = entry.from.value();
  if (entry.what == ast::timeline_entry::kind::executed_by)
    return {fmt::format("task `{}` is executed by `{}` from {}", t, who, date_text(entry.from)),
            fmt::format("taak `{}` wordt vanaf {} uitgevoerd door `{}`", t, dutch_date(from), who)};
  return {fmt::format("task `{}` is returned to `{}` from {}", t, who, date_text(entry.from)),
          fmt::format("taak `{}` is vanaf {} teruggenomen en belegd bij `{}`", t, dutch_date(from), who)};
}

}  // namespace

void executor_lifetime::lint(const lint_context& context, diagnostics& out) const {
  const auto& model = context.agreement;
  for (const auto* task : model.all<ast::task_decl>()) {
    // The entries with real dates in date order (invalid dates are invalid-date's, the order timeline-order's).
    std::vector<const ast::timeline_entry*> entries;
    for (const auto& entry : task->timeline)
      if (is_valid(entry.from.value())) entries.push_back(&entry);
    std::stable_sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) {
      return a->from.value() < b->from.value();
    });

    // Entries timeline-order reports (out of order, or returned before the first assignment) have a wrong date
    // already: one mistake, one finding.
    std::set<const ast::timeline_entry*> misplaced;
    const ast::timeline_entry* previous = nullptr;
    const ast::timeline_entry* first_assignment = nullptr;
    for (const auto& entry : task->timeline) {
      if (!is_valid(entry.from.value())) continue;
      if (previous && !(previous->from.value() < entry.from.value())) misplaced.insert(&entry);
      previous = &entry;
      if (entry.what == ast::timeline_entry::kind::executed_by &&
          (!first_assignment || entry.from.value() < first_assignment->from.value()))
        first_assignment = &entry;
    }
    for (const auto& entry : task->timeline)
      if (entry.what == ast::timeline_entry::kind::returned_to &&
          (!first_assignment || entry.from.value() < first_assignment->from.value()))
        misplaced.insert(&entry);

    for (std::size_t i = 0; i < entries.size(); ++i) {
      const ast::timeline_entry& entry = *entries[i];
      if (misplaced.count(&entry)) continue;
      // Only executors have a lifetime; a party (returned_to a municipality) always exists. Unknown names are
      // undefined-reference's.
      const auto found = model.executors.find(entry.who.name);
      if (found == model.executors.end()) continue;
      const ast::executor_decl& executor = *found->second;
      const std::string& who = executor.id.name;
      const civil_date from = entry.from.value();
      const text what = entry_text(*task, entry);

      if (real(executor.since) && from < executor.since->value()) {
        const civil_date since = executor.since->value();
        auto d = finding(entry.from.span, {fmt::format("{}, before `{}` exists (from {})", what.en, who, date_text(*executor.since)),
                                           fmt::format("{}, voordat `{}` bestaat (vanaf {})", what.nl, who, dutch_date(since))});
        d.related.push_back({executor.since->span, {fmt::format("`{}` exists from {}", who, date_text(*executor.since)),
                                                    fmt::format("`{}` bestaat vanaf {}", who, dutch_date(since))}});
        d.help = text{fmt::format("start this entry on or after {}, or correct the executor's `since`",
                                  date_text(*executor.since)),
                      fmt::format("laat deze regel op of na {} beginnen, of verbeter de `since` van de uitvoerder",
                                  dutch_date(since))};
        out.push_back(std::move(d));
        continue;
      }
      if (!real(executor.until)) continue;
      const civil_date until = executor.until->value();
      const label until_clause{executor.until->span, {fmt::format("`{}` exists until {}", who, date_text(*executor.until)),
                                                      fmt::format("`{}` bestaat tot en met {}", who, dutch_date(until))}};
      if (until < from) {
        auto d = finding(entry.from.span, {fmt::format("{}, after `{}` ceased to exist on {}", what.en, who, date_text(*executor.until)),
                                           fmt::format("{}, nadat `{}` op {} is opgeheven", what.nl, who, dutch_date(until))});
        d.related.push_back(until_clause);
        d.help = text{"name the executor that exists from that date, or correct the executor's `until`",
                      "noem de uitvoerder die vanaf die datum bestaat, of verbeter de `until` van de uitvoerder"};
        out.push_back(std::move(d));
        continue;
      }
      // The entry is in force until the next one (with a later date) takes over; without one it runs on.
      const ast::timeline_entry* next = nullptr;
      for (std::size_t j = i + 1; j < entries.size() && next == nullptr; ++j)
        if (from < entries[j]->from.value()) next = entries[j];
      if (next != nullptr && next->from.value() <= next_day(until)) continue;
      const civil_date after = next_day(until);
      auto d = finding(entry.span,
                       {fmt::format("{}, and still after `{}` ceases to exist on {}", what.en, who,
                                    date_text(*executor.until)),
                        fmt::format("{}, ook nog nadat `{}` op {} is opgeheven", what.nl, who,
                                    dutch_date(until))});
      d.related.push_back(until_clause);
      if (next != nullptr)
        d.notes.push_back({fmt::format("the next entry starts on {}", date_text(next->from)),
                           fmt::format("de volgende regel begint op {}", dutch_date(next->from.value()))});
      d.help = text{fmt::format("add the entry that executes the task from {}", to_string(after)),
                    fmt::format("voeg de regel toe voor wie de taak vanaf {} uitvoert", dutch_date(after))};
      out.push_back(std::move(d));
    }
  }
}

}  // namespace akkoord::checks

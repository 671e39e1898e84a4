#include "timeline_order/timeline_order.hpp"

#include "check_support.hpp"

namespace akkoord::checks {

namespace {

std::string_view clause_name(const ast::timeline_entry& e) {
  return e.what == ast::timeline_entry::kind::executed_by ? "executed_by" : "returned_to";
}

}  // namespace

void timeline_order::lint(const lint_context& context, diagnostics& out) const {
  for (const auto* task : context.agreement.all<ast::task_decl>()) {
    const std::string task_id = quoted(task->id.name);

    // Dates must increase in file order: the executor at a date is "the last entry on or before it", which
    // only reads one way when the entries are in order. Invalid dates are `invalid-date`'s.
    const ast::timeline_entry* previous = nullptr;
    for (const auto& entry : task->timeline) {
      if (!is_valid(entry.from.value())) continue;
      if (previous && !(previous->from.value() < entry.from.value())) {
        const std::string clause = quoted(clause_name(entry)), date = quoted(date_text(entry.from));
        const std::string before = quoted(date_text(previous->from));
        auto d = previous->from.value() == entry.from.value()
                     ? finding(entry.from.span, {clause + " entry of task " + task_id + " starts on " + date +
                                                     ", the same date as the previous entry",
                                                 "de regel " + clause + " van taak " + task_id + " begint op " +
                                                     dutch_date(entry.from.value()) +
                                                     ", dezelfde datum als de vorige regel"})
                     : finding(entry.from.span, {clause + " entry of task " + task_id + " starts on " + date +
                                                     ", before the previous entry (" + before + ")",
                                                 "de regel " + clause + " van taak " + task_id + " begint op " +
                                                     dutch_date(entry.from.value()) + ", vóór de vorige regel (" +
                                                     dutch_date(previous->from.value()) + ")"});
        d.related.push_back({previous->span, {"the previous entry", "de vorige regel"}});
        d.help = text{"list the entries in date order, each on a later date than the one before",
                      "zet de regels in datumvolgorde, elke regel op een latere datum dan de vorige"};
        out.push_back(std::move(d));
      }
      previous = &entry;
    }

    // A competence can only be returned after it was handed out.
    const ast::timeline_entry* first_assignment = nullptr;
    for (const auto& entry : task->timeline)
      if (entry.what == ast::timeline_entry::kind::executed_by && is_valid(entry.from.value()) &&
          (!first_assignment || entry.from.value() < first_assignment->from.value()))
        first_assignment = &entry;
    for (const auto& entry : task->timeline) {
      if (entry.what != ast::timeline_entry::kind::returned_to || !is_valid(entry.from.value())) continue;
      const std::string who = quoted(entry.who.name), date = quoted(date_text(entry.from));
      if (first_assignment == nullptr) {
        auto d = finding(entry.span, {"task " + task_id + " is returned to " + who + " but never assigned",
                                      "taak " + task_id + " wordt teruggenomen en belegd bij " + who +
                                          ", maar is nooit eerder aan een uitvoerder toegewezen"});
        d.help = text{"add the `executed_by` entry the task is returned from, before this one",
                      "neem vóór deze regel de regel `executed_by` op van de uitvoerder bij wie de taak wordt "
                      "teruggenomen"};
        out.push_back(std::move(d));
        break;
      }
      if (entry.from.value() < first_assignment->from.value()) {
        const std::string assigned = quoted(date_text(first_assignment->from));
        auto d = finding(entry.from.span, {"task " + task_id + " is returned to " + who + " on " + date +
                                               ", before its first assignment on " + assigned,
                                           "taak " + task_id + " wordt per " + dutch_date(entry.from.value()) +
                                               " teruggenomen en belegd bij " + who + ", vóór de eerste toewijzing op " +
                                               dutch_date(first_assignment->from.value())});
        d.related.push_back({first_assignment->span, {"first assigned here", "hier voor het eerst toegewezen"}});
        d.help = text{"return the task after it was assigned, or correct one of the dates",
                      "laat de terugname ná de eerste toewijzing vallen, of corrigeer een van de datums"};
        out.push_back(std::move(d));
        break;
      }
    }
  }
}

}  // namespace akkoord::checks

#include "unused_definition/unused_definition.hpp"

#include <set>

#include "check_support.hpp"
#include "references.hpp"

namespace akkoord::checks {

namespace {

using name_set = std::set<std::string, std::less<>>;

// Declarations of a kind that are the indexed (first) one of their id and nothing refers to. Repeated ids
// are `duplicate-definition`'s.
template <class Decl>
std::vector<const Decl*> unreferenced(const agreement_model& model, const index_of<Decl>& index,
                                      const name_set& used) {
  std::vector<const Decl*> out;
  for (const Decl* decl : model.template all<Decl>()) {
    const auto it = index.find(decl->id.name);
    if (it != index.end() && it->second == decl && !used.count(decl->id.name)) out.push_back(decl);
  }
  return out;
}

}  // namespace

void unused_definition::lint(const lint_context& context, diagnostics& out) const {
  const auto& model = context.agreement;
  // A file that failed to load, or a declaration that did not parse, may hold the references: better silent
  // than wrong.
  if (!model.complete || !model.broken.empty()) return;

  name_set parties, executors, periods, milestones;
  for (const reference& ref : collect_references(model)) {
    const std::string& name = ref.name->name;
    switch (ref.kind) {
      case decl_kind::party: parties.insert(name); break;
      case decl_kind::executor:
        executors.insert(name);
        if (ref.or_party) parties.insert(name);
        break;
      case decl_kind::period: periods.insert(name); break;
      case decl_kind::milestone: milestones.insert(name); break;
      default: break;
    }
  }
  // Plans are checked against the periods that cover their year, so a period is in use as soon as some task
  // has an executor during it: the earliest timeline date is on or before the period's end.
  std::optional<civil_date> first_work;
  for (const auto* task : model.all<ast::task_decl>())
    for (const auto& entry : task->timeline)
      if (is_valid(entry.from.value()) && (!first_work || entry.from.value() < *first_work))
        first_work = entry.from.value();
  for (const auto& [name, period] : model.periods)
    if (first_work && is_valid(period->to.value()) && !(period->to.value() < *first_work)) periods.insert(name);

  for (const auto* party : unreferenced(model, model.parties, parties)) {
    const std::string id = quoted(party->id.name);
    auto d = finding(party->id.span, {"party " + id + " is never referred to",
                                      "partij " + id + " wordt nergens genoemd"});
    d.notes.push_back({"a plan naming it as `municipality` does not count: lint sees the agreement only",
                       "een plan dat haar als `municipality` noemt, telt niet mee: `lint` leest alleen de overeenkomst"});
    d.help = text{"refer to it where it was meant (`responsible`, `payer`, `employer`, `serves`), or remove it",
                  "noem haar waar dat bedoeld was (`responsible`, `payer`, `employer`, `serves`), of verwijder haar"};
    out.push_back(std::move(d));
  }
  for (const auto* executor : unreferenced(model, model.executors, executors)) {
    const std::string id = quoted(executor->id.name);
    auto d = finding(executor->id.span, {"executor " + id + " is never referred to",
                                         "uitvoerder " + id + " wordt nergens genoemd"});
    d.help = text{"assign it a task with `executed_by` (or a contribution with `payee`), or remove it",
                  "wijs de uitvoerder een taak toe met `executed_by` (of een bijdrage met `payee`), of verwijder "
                  "de uitvoerder"};
    out.push_back(std::move(d));
  }
  for (const auto* period : unreferenced(model, model.periods, periods)) {
    const std::string id = quoted(period->id.name);
    auto d = finding(period->id.span, {"period " + id + " is never referred to and no task is executed during it",
                                       "periode " + id +
                                           " wordt nergens genoemd en in die periode wordt geen taak uitgevoerd"});
    d.help = text{"let a task be executed in it, name it in `basic during`, or remove it",
                  "laat in deze periode een taak uitvoeren, noem haar bij `basic during`, of verwijder haar"};
    out.push_back(std::move(d));
  }
  for (const auto* milestone : unreferenced(model, model.milestones, milestones)) {
    const std::string id = quoted(milestone->id.name);
    auto d = finding(milestone->id.span, {"milestone " + id + " is never referred to",
                                          "mijlpaal " + id + " wordt nergens genoemd"});
    d.help = text{"end a provisional period with it (`provisional until " + milestone->id.name +
                      "`), use it in a rule, or remove it",
                  "laat er een voorlopige periode mee eindigen (`provisional until " + milestone->id.name +
                      "`), gebruik haar in een regel, of verwijder haar"};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks

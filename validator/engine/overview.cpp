// The overview of a run (overview.hpp): copied from the run's result, never recomputed. The status of a plan at
// a glance lists the clauses that apply in its year and marks each one the plan's own findings point into.
#include "akkoord/validator/overview.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <span>

#include <fmt/format.h>

#include "akkoord/validator/agreement.hpp"
#include "plan_support.hpp"

namespace akkoord {

namespace {

template <class Decl>
const Decl* find_in(const index_of<Decl>& index, std::string_view id) {
  const auto it = index.find(id);
  return it == index.end() ? nullptr : it->second;
}

bool inside(const source_span& inner, const source_span& outer) {
  return inner.valid() && outer.valid() && inner.file == outer.file && outer.begin <= inner.begin &&
         inner.end <= outer.end;
}

// The findings of a check that point into a clause (a finding names the clause it comes from as related).
bool reported_in(std::span<const diagnostic* const> findings, const source_span& clause) {
  return std::any_of(findings.begin(), findings.end(), [&](const diagnostic* d) {
    return std::any_of(d->related.begin(), d->related.end(), [&](const label& l) { return inside(l.span, clause); });
  });
}

status_clause clause_of(const ast::identifier& id, const ast::string_literal& title, const source_span& where,
                        const std::optional<ast::article_ref>& article) {
  status_clause c;
  c.id = id.name;
  c.title = title.value;
  c.where = where;
  c.article = article ? &*article : nullptr;
  return c;
}

// Basic services, returned competences, milestones due and savings in force for a plan's year.
std::vector<status_item> status_of(const agreement_model& agreement, const plan& p, int year,
                                   std::span<const diagnostic> findings) {
  const std::string* municipality = plan_support::municipality_of(agreement, p);
  const auto for_this_plan = [&](const ast::task_decl& task) {
    return municipality == nullptr || plan_support::task_is_for(task, *municipality);
  };
  std::vector<status_item> items;

  status_item basic{status_kind::basic_services, "missing-basic-service", 0, {}};
  status_item returned{status_kind::returned_competences, "returned-competence", 0, {}};
  const auto periods = plan_support::periods_covering(agreement, year);
  for (const auto& [id, task] : agreement.tasks) {
    if (!for_this_plan(*task)) continue;
    const bool basic_now = std::any_of(task->basic_during.begin(), task->basic_during.end(), [&](const auto& period) {
      return std::any_of(periods.begin(), periods.end(), [&](const auto* p2) { return p2->id.name == period.name; });
    });
    if (basic_now) basic.clauses.push_back(clause_of(task->id, task->title, task->span, task->article));
    const bool returned_by_year_end =
        std::any_of(task->timeline.begin(), task->timeline.end(), [&](const ast::timeline_entry& e) {
          return e.what == ast::timeline_entry::kind::returned_to && e.from.value() <= plan_support::last_day(year);
        });
    if (returned_by_year_end) returned.clauses.push_back(clause_of(task->id, task->title, task->span, task->article));
  }
  items.push_back(std::move(basic));
  items.push_back(std::move(returned));

  status_item milestones{status_kind::milestones, "milestone-overdue", 0, {}};
  for (const auto& [id, milestone] : agreement.milestones) {
    const civil_date due = milestone->due.value();
    if (!is_valid(due) || plan_support::last_day(year) < due) continue;
    status_clause c = clause_of(milestone->id, milestone->title, milestone->span, milestone->article);
    c.due = due;
    for (const plan_milestone& m : p.milestones)
      if (m.id && m.id->value == id && m.completed) c.recorded = m.completed->value;
    milestones.clauses.push_back(std::move(c));
  }
  items.push_back(std::move(milestones));

  status_item savings{status_kind::savings, "saving-not-realised", 0, {}};
  const ast::contribution_decl* contribution =
      p.contribution_id ? find_in(agreement.contributions, p.contribution_id->value) : nullptr;
  if (contribution != nullptr) {
    for (const saving_group& group : savings_in_force(agreement, *contribution, year))
      for (const ast::saving_decl* saving : group.savings) {
        status_clause c = clause_of(saving->id, saving->title, saving->span, saving->article);
        if (group.state == saving_group::status::known) c.ceiling_cents = group.limit;
        savings.clauses.push_back(std::move(c));
      }
  }
  items.push_back(std::move(savings));

  for (status_item& item : items) {
    std::vector<const diagnostic*> of_item;
    for (const diagnostic& d : findings)
      if (!d.suppressed && d.id == item.check_id) of_item.push_back(&d);
    item.findings = of_item.size();
    for (status_clause& c : item.clauses) c.met = !reported_in(of_item, c.where);
  }
  return items;
}

finding_counts count_findings(std::span<const diagnostic> findings) {
  finding_counts counts;
  for (const diagnostic& d : findings) {
    if (d.suppressed) {
      ++counts.suppressed;
    } else if (d.level == severity::error) {
      ++counts.errors;
    } else if (d.level == severity::warning) {
      ++counts.warnings;
    } else {
      ++counts.infos;
    }
  }
  return counts;
}

plan_verdict verdict_of(std::span<const diagnostic> findings, severity fail_on, bool readable) {
  if (!readable) return plan_verdict::unreadable;
  bool any = false;
  for (const diagnostic& d : findings) {
    if (d.suppressed) continue;
    if (d.level >= fail_on) return plan_verdict::fails;
    any = true;
  }
  return any ? plan_verdict::remarks : plan_verdict::clean;
}

overview_plan row_of(const checked_file& file, const run_result& run, const agreement_model* agreement) {
  overview_plan row;
  row.file = &file;
  const std::span<const diagnostic> findings(run.findings.data() + file.first_finding, file.finding_count);
  row.findings = count_findings(findings);
  const plan* p = file.typed.get();
  row.verdict = verdict_of(findings, run.fail_on, p != nullptr && p->readable);
  if (p == nullptr || !p->readable) return row;

  if (p->municipality) row.municipality_id = p->municipality->value;
  if (p->year) row.year = static_cast<int>(p->year->value);  // the reader accepts four-digit years only
  if (p->status) row.status = p->status->value;
  if (p->adopted) row.adopted = p->adopted->value;
  if (p->title) row.title = p->title->value;
  if (p->contribution_id) row.contribution_id = p->contribution_id->value;
  if (p->total) row.total_cents = p->total->value;
  if (row.year) row.bbv = taakveld_catalog::builtin().for_year(*row.year, &row.bbv_newest_applied);
  if (agreement == nullptr) return row;

  if (const auto* party = find_in(agreement->parties, row.municipality_id)) row.municipality_name = party->name.value;
  const ast::contribution_decl* contribution = find_in(agreement->contributions, row.contribution_id);
  if (contribution != nullptr) row.contribution_title = contribution->title.value;
  if (!row.year) return row;
  if (contribution != nullptr) {
    row.agreed = agreed_amount_for(*contribution, *row.year);
    for (const saving_group& group : savings_in_force(*agreement, *contribution, *row.year)) {
      if (group.state != saving_group::status::known) {
        row.savings_unknown = true;
      } else if (!row.saving_ceiling_cents || group.limit < *row.saving_ceiling_cents) {
        row.saving_ceiling_cents = group.limit;
      }
    }
  }
  row.at_a_glance = status_of(*agreement, *p, *row.year, findings);
  return row;
}

}  // namespace

text verdict_words(plan_verdict verdict) {
  switch (verdict) {
    case plan_verdict::clean: return {"complies", "voldoet"};
    case plan_verdict::remarks: return {"complies, with remarks", "voldoet, met opmerkingen"};
    case plan_verdict::fails: return {"does not comply", "voldoet niet"};
    case plan_verdict::unreadable: break;
  }
  return {"cannot be read", "niet leesbaar"};
}

text unknown_taakveld_words(std::optional<int> year) {
  if (!year) return {"not a taakveld of a BBV list", "geen taakveld in een BBV-lijst"};
  return {"not a taakveld of the BBV list of " + std::to_string(*year),
          "geen taakveld in de BBV-lijst van " + std::to_string(*year)};
}

std::string_view overview::party_name(std::string_view id) const {
  const auto* party = agreement != nullptr ? find_in(agreement->parties, id) : nullptr;
  return party != nullptr ? std::string_view(party->name.value) : std::string_view();
}

std::string_view overview::executor_name(std::string_view id) const {
  const auto* executor = agreement != nullptr ? find_in(agreement->executors, id) : nullptr;
  return executor != nullptr ? std::string_view(executor->name.value) : party_name(id);
}

std::string_view overview::task_title(std::string_view id) const {
  const auto* task = agreement != nullptr ? find_in(agreement->tasks, id) : nullptr;
  return task != nullptr ? std::string_view(task->title.value) : std::string_view();
}

std::string_view overview::contribution_title(std::string_view id) const {
  const auto* contribution = agreement != nullptr ? find_in(agreement->contributions, id) : nullptr;
  return contribution != nullptr ? std::string_view(contribution->title.value) : std::string_view();
}

std::string_view overview::saving_title(std::string_view id) const {
  const auto* saving = agreement != nullptr ? find_in(agreement->savings, id) : nullptr;
  return saving != nullptr ? std::string_view(saving->title.value) : std::string_view();
}

taakveld_naming overview::taakveld_name(std::string_view code, std::optional<int> year) {
  const taakveld_list* list = year ? taakveld_catalog::builtin().for_year(*year) : nullptr;
  const taakveld* entry = list != nullptr ? list->find(code) : nullptr;
  if (entry == nullptr) return {};
  return {entry->name, true};
}

void set_generated_time(run_facts& facts, const char* source_date_epoch, std::int64_t now) {
  facts.generated_seconds = now;
  facts.from_source_date_epoch = false;
  if (source_date_epoch == nullptr || *source_date_epoch == '\0') return;
  // Digits only, up to the end of year 9999 (what a date can show); anything else is said on the page.
  constexpr std::int64_t last_second = 253'402'300'799;
  std::int64_t seconds = 0;
  bool valid = true;
  for (const char* c = source_date_epoch; *c != '\0' && valid; ++c) {
    valid = *c >= '0' && *c <= '9' && seconds <= (last_second - (*c - '0')) / 10;
    if (valid) seconds = seconds * 10 + (*c - '0');
  }
  if (!valid) {
    facts.invalid_source_date_epoch = source_date_epoch;
    return;
  }
  facts.generated_seconds = seconds;
  facts.from_source_date_epoch = true;
}

std::string generated_time_text(std::int64_t seconds, language lang) {
  const std::int64_t days = seconds / 86'400, in_day = seconds % 86'400;  // seconds >= 0
  const civil_date day = from_days(days);
  const std::string time = fmt::format("{:02}:{:02} UTC", in_day / 3600, in_day / 60 % 60);
  return lang == language::nl ? dutch_date(day) + ", " + time : to_string(day) + " " + time;
}

overview build_overview(const run_result& run) {
  overview result;
  run_facts& facts = result.facts;
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch()).count();
  set_generated_time(facts, std::getenv("SOURCE_DATE_EPOCH"), now);
  facts.tool_version = run.tool_version;
  facts.fail_on = run.fail_on;
  if (!run.agreements.empty()) result.agreement = run.agreements.front().get();
  for (const checked_file& file : run.files) {
    if (file.role == file_role::agreement && facts.agreement_file.empty()) facts.agreement_file = file.path;
  }
  if (result.agreement != nullptr && result.agreement->agreement != nullptr) {
    facts.agreement_id = result.agreement->agreement->id.name;
    facts.agreement_title = result.agreement->agreement->title.value;
  }

  for (const checked_file& file : run.files)
    if (file.role == file_role::plan) result.plans.push_back(row_of(file, run, result.agreement));

  for (const overview_plan& row : result.plans)
    if (row.bbv != nullptr && std::find(facts.bbv_lists.begin(), facts.bbv_lists.end(), row.bbv) == facts.bbv_lists.end())
      facts.bbv_lists.push_back(row.bbv);
  std::sort(facts.bbv_lists.begin(), facts.bbv_lists.end(),
            [](const taakveld_list* a, const taakveld_list* b) { return a->first_year < b->first_year; });

  // Municipalities sorted by id, plans that name none last; within one, years in order (input order breaks ties).
  std::map<std::string, std::vector<std::size_t>> plans_of;
  std::vector<std::size_t> without_municipality;
  for (std::size_t k = 0; k < result.plans.size(); ++k) {
    const std::string& id = result.plans[k].municipality_id;
    (id.empty() ? without_municipality : plans_of[id]).push_back(k);
  }
  const auto add_group = [&](const std::string& id, std::vector<std::size_t> plans) {
    std::stable_sort(plans.begin(), plans.end(), [&](std::size_t a, std::size_t b) {
      const auto& ya = result.plans[a].year;
      const auto& yb = result.plans[b].year;
      return ya && (!yb || *ya < *yb);
    });
    overview_municipality group;
    group.id = id;
    group.name = std::string(result.party_name(id));
    std::map<std::string, std::vector<std::optional<std::int64_t>>> budgets;
    for (std::size_t k = 0; k < plans.size(); ++k) {
      const plan_figures* figures = result.plans[plans[k]].figures();
      if (figures == nullptr) continue;
      for (const named_sum& task : figures->tasks) {
        auto& per_year = budgets[task.id];
        per_year.resize(plans.size());
        per_year[k] = task.budget_cents;
      }
    }
    for (auto& [task, per_year] : budgets) group.tasks.push_back({task, std::move(per_year)});
    group.plans = std::move(plans);
    result.municipalities.push_back(std::move(group));
  };
  for (auto& [id, plans] : plans_of) add_group(id, std::move(plans));
  if (!without_municipality.empty()) add_group("", std::move(without_municipality));
  return result;
}

}  // namespace akkoord

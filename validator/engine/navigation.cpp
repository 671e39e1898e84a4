// Hover, definition, references and rename (navigation.hpp). Each request lists the ids of the file under the
// cursor (declarations, references, plan values) with what they name, once, and answers from that list.
#include "akkoord/validator/navigation.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include <fmt/format.h>

#include "akkoord/exact.hpp"
#include "akkoord/validator/agreed_amount.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/plan.hpp"
#include "akkoord/validator/taakvelden.hpp"
#include "navigation_support.hpp"
#include "references.hpp"

namespace akkoord {
namespace {

using namespace navigation_support;

// ---- the ids of a file -------------------------------------------------------------------------------------

// An id as written somewhere, with what it names.
struct occurrence {
  source_span span;  // the id; a plan string without its quotes when written plainly
  bool quoted = false;  // `span` includes the quotes (a string written with escapes): a rename rewrites them too
  std::string_view name;
  decl_kind kind = decl_kind::party;
  bool or_party = false;                          // an executor or a party (`returned_to`, a plan's `executor`)
  const ast::identifier* declares = nullptr;      // set when this is the declaration itself
  const plan* in_plan = nullptr;
  const plan_activity* activity = nullptr;        // the plan's activity it belongs to
};

// The span of a plan string's content, without the quotes, when its text is exactly the value.
occurrence plan_value(const plan& p, const spanned<std::string>& value, decl_kind kind) {
  occurrence o{p.span(value.span), true, value.value, kind};
  o.in_plan = &p;
  const source_span& s = o.span;
  if (s.begin.line == s.end.line && s.end.column >= s.begin.column + 2) {
    const source_span inner{s.file, {s.begin.line, s.begin.column + 1}, {s.end.line, s.end.column - 1}};
    if (span_text(inner) == value.value) {
      o.span = inner;
      o.quoted = false;
    }
  }
  return o;
}

// `on_line`: only the values on that line (the one under the cursor), 0 for all.
std::vector<occurrence> plan_occurrences(const plan& p, std::uint32_t on_line = 0) {
  std::vector<occurrence> out;
  if (!p.readable) return out;
  auto add = [&](const std::optional<spanned<std::string>>& value, decl_kind kind, const plan_activity* a = nullptr,
                 bool or_party = false) {
    if (!value || (on_line != 0 && value->span.begin.line != on_line)) return;
    out.push_back(plan_value(p, *value, kind));
    out.back().activity = a;
    out.back().or_party = or_party;
  };
  add(p.agreement, decl_kind::agreement);
  add(p.municipality, decl_kind::party);
  add(p.contribution_id, decl_kind::contribution);
  for (const auto& a : p.activities) {
    add(a.task, decl_kind::task, &a);
    add(a.executor, decl_kind::executor, &a, true);
    add(a.responsible, decl_kind::party, &a);
  }
  for (const auto& m : p.milestones) add(m.id, decl_kind::milestone);
  return out;
}

decl_kind kind_of(const ast::agreement_decl&) { return decl_kind::agreement; }
decl_kind kind_of(const ast::party_decl&) { return decl_kind::party; }
decl_kind kind_of(const ast::executor_decl&) { return decl_kind::executor; }
decl_kind kind_of(const ast::period_decl&) { return decl_kind::period; }
decl_kind kind_of(const ast::milestone_decl&) { return decl_kind::milestone; }
decl_kind kind_of(const ast::task_decl&) { return decl_kind::task; }
decl_kind kind_of(const ast::contribution_decl&) { return decl_kind::contribution; }
decl_kind kind_of(const ast::saving_decl&) { return decl_kind::saving; }
decl_kind kind_of(const ast::benchmark_decl&) { return decl_kind::benchmark; }
decl_kind kind_of(const ast::rule_decl&) { return decl_kind::rule; }

// Declarations first, then references, of every agreement file (callers filter by file).
std::vector<occurrence> agreement_occurrences(const agreement_model& model) {
  std::vector<occurrence> out;
  auto declare = [&](const ast::identifier& id, decl_kind kind) {
    if (id.name.empty()) return;
    occurrence o{id.span, false, id.name, kind};
    o.declares = &id;
    out.push_back(o);
  };
  for (const auto& f : model.files)
    for (const auto& decl : f.declarations)
      std::visit(
          [&](const auto& d) {
            if constexpr (requires { d.id; }) declare(d.id, kind_of(d));
            if constexpr (requires { d.documents; })
              for (const auto& document : d.documents) declare(document, decl_kind::document);
          },
          decl);
  for (const reference& r : collect_references(model))
    out.push_back({r.name->span, false, r.name->name, r.kind, r.or_party});
  return out;
}

// What an occurrence names: its declaration's id and kind (an executor-or-party resolves to the executor
// first, as the checks do), or a null id.
struct resolved {
  const ast::identifier* id = nullptr;
  decl_kind kind = decl_kind::party;
};

resolved resolve(const agreement_model& model, const occurrence& o) {
  if (o.declares != nullptr) return {o.declares, o.kind};
  if (const auto* id = find_declared(model, o.kind, o.name)) return {id, o.kind};
  if (o.or_party)
    if (const auto* id = find_declared(model, decl_kind::party, o.name)) return {id, decl_kind::party};
  return {};
}

const plan* plan_of(const navigation_scope& scope, const source_file& file) {
  for (const plan* p : scope.plans)
    if (p->source == &file) return p;
  return nullptr;
}

// The occurrences of the cursor's file (of a plan: on the cursor's line).
std::vector<occurrence> occurrences_in(const navigation_scope& scope, const source_file& file, source_pos at) {
  if (is_agreement_file(scope, file)) {
    if (scope.agreement == nullptr) return {};
    auto all = agreement_occurrences(*scope.agreement);
    std::erase_if(all, [&](const occurrence& o) { return o.span.file != &file; });
    return all;
  }
  const plan* p = plan_of(scope, file);
  return p == nullptr ? std::vector<occurrence>{} : plan_occurrences(*p, at.line);
}

std::optional<occurrence> occurrence_at(const navigation_scope& scope, const source_file& file, source_pos at) {
  for (const auto& o : occurrences_in(scope, file, at))
    if (touches(o.span, at)) return o;
  return std::nullopt;
}

// Every occurrence in the agreement and the scope's plans that names `target`, the declaration first.
std::vector<occurrence> uses_of(const navigation_scope& scope, const ast::identifier* target) {
  std::vector<occurrence> out;
  auto keep = [&](const std::vector<occurrence>& all) {
    for (const auto& o : all)
      if (resolve(*scope.agreement, o).id == target) out.push_back(o);
  };
  keep(agreement_occurrences(*scope.agreement));
  for (const plan* p : scope.plans) keep(plan_occurrences(*p));
  std::stable_partition(out.begin(), out.end(), [](const occurrence& o) { return o.declares != nullptr; });
  return out;
}

// ---- hover texts ----------------------------------------------------------------------------------------------

template <class Decl>
const Decl* declaration(const index_of<Decl>& index, std::string_view name) {
  const auto it = index.find(name);
  return it == index.end() ? nullptr : it->second;
}

text heading(decl_kind kind, std::string_view id, std::string_view title) {
  const text k = kind_name(kind);
  return {fmt::format("**{}** `{}`: {}", k.en, id, title), fmt::format("**{}** `{}`: {}", k.nl, id, title)};
}

text article_line(const std::optional<ast::article_ref>& article) {
  if (!article) return {};
  return {fmt::format("*{}, {}*", article->document.name, article->text.value),
          fmt::format("*{}, {}*", article->document.name, article->text.value)};
}

std::string ids(const std::vector<ast::identifier>& list) {
  std::string out;
  for (const auto& id : list) out += (out.empty() ? "`" : ", `") + id.name + "`";
  return out;
}

// The activity's days: its own `from`/`to`, else the plan year.
struct activity_days {
  civil_date from;
  civil_date to;
};

std::optional<activity_days> days_of(const plan& p, const plan_activity& a) {
  if (!p.year) return std::nullopt;
  const int year = static_cast<int>(p.year->value);
  return activity_days{a.from ? a.from->value : civil_date{year, 1, 1}, a.to ? a.to->value : civil_date{year, 12, 31}};
}

text timeline_entry_text(const ast::timeline_entry& entry) {
  const civil_date d = entry.from.value();
  if (entry.what == ast::timeline_entry::kind::returned_to)
    return {fmt::format("returned to `{}` from {}", entry.who.name, to_string(d)),
            fmt::format("teruggenomen bevoegdheid, uitgevoerd door `{}` vanaf {}", entry.who.name, dutch_date(d))};
  return {fmt::format("executed by `{}` from {}", entry.who.name, to_string(d)),
          fmt::format("uitgevoerd door `{}` vanaf {}", entry.who.name, dutch_date(d))};
}

// Who executes the task on the activity's days: the entry in force on its first day, then every change.
// `lead` names the subject: "During the activity" / "In de looptijd van de activiteit".
text executors_on(const agreement_model& model, const ast::task_decl& task, activity_days days, const text& lead) {
  text out{fmt::format("{} ({} to {}): ", lead.en, to_string(days.from), to_string(days.to)),
           fmt::format("{} ({} tot en met {}): ", lead.nl, dutch_date(days.from), dutch_date(days.to))};
  const ast::timeline_entry* first = model.executor_at(task, days.from);
  if (first == nullptr) {
    out.en += "nobody executes the task";
    out.nl += "niemand voert de taak uit";
  } else {
    const text t = timeline_entry_text(*first);
    out.en += t.en;
    out.nl += t.nl;
  }
  for (const auto& entry : task.timeline) {
    const civil_date d = entry.from.value();
    if (days.from < d && d <= days.to) {
      const text t = timeline_entry_text(entry);
      out.en += "; then " + t.en;
      out.nl += "; daarna " + t.nl;
    }
  }
  return out;
}

text taakvelden_of_year(const ast::task_decl& task, int year) {
  const taakveld_list* list = taakveld_catalog::builtin().for_year(year);
  text out{fmt::format("Taakvelden in {}:", year), fmt::format("Taakvelden in {}:", year)};
  bool any = false;
  for (const auto& clause : task.taakvelden) {
    if (clause.from_year && clause.from_year->value > year) continue;
    if (clause.until_year && clause.until_year->value < year) continue;
    for (const auto& code : clause.codes) {
      const taakveld* t = list == nullptr ? nullptr : list->find(code.code);
      const std::string name = t == nullptr ? "" : " " + t->name;
      out.en += fmt::format("\n- `{}`{}", code.code, name);
      out.nl += fmt::format("\n- `{}`{}", code.code, name);
      any = true;
    }
  }
  if (!any) return {fmt::format("The task has no taakveld in {}", year),
                    fmt::format("De taak heeft geen taakveld in {}", year)};
  return out;
}

text taakvelden_all(const ast::task_decl& task) {
  text out{"Taakvelden:", "Taakvelden:"};
  for (const auto& clause : task.taakvelden) {
    std::string codes;
    for (const auto& code : clause.codes) codes += (codes.empty() ? "`" : ", `") + code.code + "`";
    text years;
    if (clause.from_year && clause.until_year)
      years = {fmt::format(" ({}–{})", clause.from_year->value, clause.until_year->value),
               fmt::format(" ({}–{})", clause.from_year->value, clause.until_year->value)};
    else if (clause.from_year)
      years = {fmt::format(" (from {})", clause.from_year->value), fmt::format(" (vanaf {})", clause.from_year->value)};
    else if (clause.until_year)
      years = {fmt::format(" (until {})", clause.until_year->value), fmt::format(" (tot en met {})", clause.until_year->value)};
    out.en += "\n- " + codes + years.en;
    out.nl += "\n- " + codes + years.nl;
  }
  return out;
}

// The plan and activity a hover in a plan stands in, for the terms of its year and days.
struct hover_context {
  const plan* in_plan = nullptr;
  const plan_activity* activity = nullptr;
};

std::optional<int> year_of(const hover_context& context) {
  if (context.in_plan == nullptr || !context.in_plan->year) return std::nullopt;
  return static_cast<int>(context.in_plan->year->value);
}

void describe_task(const agreement_model& model, const ast::task_decl& t, const hover_context& context,
                   paragraphs& out) {
  out.add(heading(decl_kind::task, t.id.name, t.title.value));
  if (t.responsible) {
    text line{fmt::format("Responsible: `{}`", t.responsible->name),
              fmt::format("Verantwoordelijk: `{}`", t.responsible->name)};
    if (!t.for_parties.empty()) {
      line.en += "; in the plans of " + ids(t.for_parties);
      line.nl += "; hoort in de plannen van " + ids(t.for_parties);
    }
    out.add(line);
  }
  std::optional<activity_days> days;
  if (context.activity != nullptr) days = days_of(*context.in_plan, *context.activity);
  if (days) {
    out.add(executors_on(model, t, *days, {"During the activity", "In de looptijd van de activiteit"}));
  } else {
    text line;
    for (const auto& entry : t.timeline) {
      const text e = timeline_entry_text(entry);
      line.en += (line.en.empty() ? "" : "; ") + e.en;
      line.nl += (line.nl.empty() ? "" : "; ") + e.nl;
    }
    // The entries read as one sentence: its first letter a capital (ASCII: every entry starts with a verb).
    if (!line.empty()) {
      line.en[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(line.en[0])));
      line.nl[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(line.nl[0])));
    }
    out.add(line);
  }
  if (const auto year = year_of(context)) out.add(taakvelden_of_year(t, *year));
  else if (!t.taakvelden.empty()) out.add(taakvelden_all(t));
  if (!t.basic_during.empty())
    out.add({"Basic service during " + ids(t.basic_during), "Basisdienstverlening in " + ids(t.basic_during)});
  out.add(article_line(t.article));
}

void describe_executor(const agreement_model& model, const ast::executor_decl& e, const hover_context& context,
                       paragraphs& out) {
  out.add(heading(decl_kind::executor, e.id.name, e.name.value));
  if (e.kind == ast::executor_decl::relation::employer)
    out.add({fmt::format("Employer: `{}`", e.owner.name), fmt::format("Werkgever: `{}`", e.owner.name)});
  else
    out.add({fmt::format("Part of `{}`", e.owner.name), fmt::format("Onderdeel van `{}`", e.owner.name)});
  if (!e.serves.empty()) out.add({"Serves " + ids(e.serves), "Werkt voor " + ids(e.serves)});
  if (e.since && e.until)
    out.add({fmt::format("Exists from {} to {}", to_string(e.since->value()), to_string(e.until->value())),
             fmt::format("Bestaat van {} tot en met {}", dutch_date(e.since->value()), dutch_date(e.until->value()))});
  else if (e.since)
    out.add({fmt::format("Exists from {}", to_string(e.since->value())),
             fmt::format("Bestaat vanaf {}", dutch_date(e.since->value()))});
  else if (e.until)
    out.add({fmt::format("Exists until {}", to_string(e.until->value())),
             fmt::format("Bestaat tot en met {}", dutch_date(e.until->value()))});
  // Who executes the activity's task then: the executor named in the plan should be the one.
  if (context.activity != nullptr && context.activity->task)
    if (const auto* t = declaration(model.tasks, context.activity->task->value))
      if (const auto days = days_of(*context.in_plan, *context.activity)) {
        out.add(executors_on(model, *t, *days,
                             {fmt::format("Task `{}` during the activity", t->id.name),
                              fmt::format("Taak `{}` in de looptijd van de activiteit", t->id.name)}));
      }
  out.add(article_line(e.article));
}

void describe_party(const ast::party_decl& p, paragraphs& out) {
  out.add(heading(decl_kind::party, p.id.name, p.name.value));
  if (!p.roles.empty()) out.add({"Roles: " + ids(p.roles), "Rollen: " + ids(p.roles)});
  if (p.inhabitants) {
    const auto n = static_cast<std::uint64_t>(std::max<std::int64_t>(0, p.inhabitants->value));
    out.add({"Inhabitants: " + format_count(n, money_style::en), "Inwoners: " + format_count(n, money_style::nl)});
  }
  out.add(article_line(p.article));
}

void describe_contribution(const ast::contribution_decl& c, const hover_context& context, paragraphs& out) {
  out.add(heading(decl_kind::contribution, c.id.name, c.title.value));
  if (c.payer && c.payee)
    out.add({fmt::format("Paid by `{}` to `{}`", c.payer->name, c.payee->name),
             fmt::format("Betaald door `{}` aan `{}`", c.payer->name, c.payee->name)});
  if (const auto year = year_of(context)) {
    const agreed_amount agreed = agreed_amount_for(c, *year);
    if (agreed.known())
      out.add({fmt::format("Agreed for {}: {}", *year, format_cents(agreed.cents, money_style::en)),
               fmt::format("Overeengekomen voor {}: {}", *year, format_cents(agreed.cents, money_style::nl))});
    else
      out.add({fmt::format("No amount agreed for {}", *year), fmt::format("Geen bedrag overeengekomen voor {}", *year)});
  } else {
    for (const auto& amount : c.amounts)
      out.add({fmt::format("{}: {}", amount.year.value, format_cents(amount.amount.cents, money_style::en)),
               fmt::format("{}: {}", amount.year.value, format_cents(amount.amount.cents, money_style::nl))});
  }
  out.add(article_line(c.article));
}

void describe_milestone(const ast::milestone_decl& m, paragraphs& out) {
  out.add(heading(decl_kind::milestone, m.id.name, m.title.value));
  out.add({"Due " + to_string(m.due.value()), "Uiterlijk gereed op " + dutch_date(m.due.value())});
  out.add(article_line(m.article));
}

void describe_period(const ast::period_decl& p, paragraphs& out) {
  out.add(heading(decl_kind::period, p.id.name, p.title.value));
  out.add({fmt::format("From {} to {}", to_string(p.from.value()), to_string(p.to.value())),
           fmt::format("Van {} tot en met {}", dutch_date(p.from.value()), dutch_date(p.to.value()))});
  if (p.provisional) {
    if (p.until)
      out.add({fmt::format("Provisional until milestone `{}` is completed", p.until->name),
               fmt::format("Voorlopig, tot mijlpaal `{}` is behaald", p.until->name)});
    else
      out.add({"Provisional", "Voorlopig"});
  }
  out.add(article_line(p.article));
}

void describe_agreement(const ast::agreement_decl& a, paragraphs& out) {
  out.add(heading(decl_kind::agreement, a.id.name, a.title.value));
  if (a.since)
    out.add({"In force since " + to_string(a.since->value()), "Van kracht sinds " + dutch_date(a.since->value())});
  if (!a.documents.empty()) out.add({"Documents: " + ids(a.documents), "Documenten: " + ids(a.documents)});
  out.add(article_line(a.article));
}

// A declaration that a hover shows by its title and article only.
template <class Decl>
void describe_titled(const Decl* d, decl_kind kind, paragraphs& out) {
  if (d == nullptr) return;
  out.add(heading(kind, d->id.name, d->title.value));
  out.add(article_line(d->article));
}

// A declaration by its id: a heading and its clauses that a reader of a plan or a reference needs.
text describe(const agreement_model& model, const resolved& what, const hover_context& context) {
  paragraphs out;
  const std::string_view name = what.id->name;
  switch (what.kind) {
    case decl_kind::task:
      if (const auto* t = declaration(model.tasks, name)) describe_task(model, *t, context, out);
      break;
    case decl_kind::executor:
      if (const auto* e = declaration(model.executors, name)) describe_executor(model, *e, context, out);
      break;
    case decl_kind::party:
      if (const auto* p = declaration(model.parties, name)) describe_party(*p, out);
      break;
    case decl_kind::contribution:
      if (const auto* c = declaration(model.contributions, name)) describe_contribution(*c, context, out);
      break;
    case decl_kind::milestone:
      if (const auto* m = declaration(model.milestones, name)) describe_milestone(*m, out);
      break;
    case decl_kind::period:
      if (const auto* p = declaration(model.periods, name)) describe_period(*p, out);
      break;
    case decl_kind::agreement:
      if (model.agreement != nullptr) describe_agreement(*model.agreement, out);
      break;
    case decl_kind::saving: describe_titled(declaration(model.savings, name), what.kind, out); break;
    case decl_kind::benchmark: describe_titled(declaration(model.benchmarks, name), what.kind, out); break;
    case decl_kind::rule: describe_titled(declaration(model.rules, name), what.kind, out); break;
    case decl_kind::document:
      out.add({fmt::format("**document** `{}`: a source document of the agreement", name),
               fmt::format("**document** `{}`: een brondocument van de overeenkomst", name)});
      break;
  }
  return out.joined();
}

// ---- taakveld codes ----------------------------------------------------------------------------------------

std::string year_range(const taakveld_list& list) {
  return list.first_year == list.last_year ? std::to_string(list.first_year)
                                           : fmt::format("{}–{}", list.first_year, list.last_year);
}

// "2017–2022, 2023–2024 and 2025–2026" / "… en …"
text joined_ranges(const std::vector<const taakveld_list*>& lists) {
  text out;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const char* en_sep = i == 0 ? "" : (i + 1 == lists.size() ? " and " : ", ");
    const char* nl_sep = i == 0 ? "" : (i + 1 == lists.size() ? " en " : ", ");
    out.en += en_sep + year_range(*lists[i]);
    out.nl += nl_sep + year_range(*lists[i]);
  }
  return out;
}

// A BBV code: its name in the book year (else in the newest list that has it) and the lists it is valid in.
text describe_taakveld(std::string_view code, std::optional<int> year) {
  const taakveld_catalog& catalog = taakveld_catalog::builtin();
  const auto lists = catalog.lists_with(code);
  paragraphs out;
  const taakveld_list* in_year = year ? catalog.for_year(*year) : nullptr;
  const taakveld* entry = in_year == nullptr ? nullptr : in_year->find(code);
  if (entry == nullptr && !lists.empty()) entry = lists.back()->find(code);
  const std::string name = entry == nullptr ? "" : ": " + entry->name;
  out.add({fmt::format("**taakveld** `{}`{}", code, name), fmt::format("**taakveld** `{}`{}", code, name)});
  if (lists.empty()) {
    out.add({"In none of the BBV lists", "Staat in geen enkele BBV-lijst"});
  } else {
    const text where = joined_ranges(lists);
    if (lists.size() == 1) out.add({"Valid in the BBV list of " + where.en, "Geldig in de BBV-lijst van " + where.nl});
    else out.add({"Valid in the BBV lists of " + where.en, "Geldig in de BBV-lijsten van " + where.nl});
  }
  if (year && in_year != nullptr && in_year->find(code) == nullptr) {
    text line{fmt::format("Not in the BBV list of {}", *year), fmt::format("Staat niet in de BBV-lijst van {}", *year)};
    std::string codes;
    for (const taakveld* t : catalog.replacements(code, *year)) codes += (codes.empty() ? "`" : ", `") + t->code + "`";
    if (!codes.empty()) {
      line.en += "; replaced by " + codes;
      line.nl += "; vervangen door " + codes;
    }
    out.add(line);
  }
  return out.joined();
}

std::optional<hover_answer> taakveld_hover(const navigation_scope& scope, const source_file& file, source_pos at) {
  if (is_agreement_file(scope, file)) {
    if (scope.agreement == nullptr) return std::nullopt;
    for (const auto& f : scope.agreement->files) {
      if (f.source != &file) continue;
      for (const auto& decl : f.declarations) {
        if (const auto* t = std::get_if<ast::task_decl>(&decl)) {
          for (const auto& clause : t->taakvelden)
            for (const auto& code : clause.codes)
              if (touches(code.span, at)) {
                // A clause with `from YEAR` names the codes of that year's list.
                std::optional<int> year;
                if (clause.from_year) year = static_cast<int>(clause.from_year->value);
                return hover_answer{describe_taakveld(code.code, year), code.span};
              }
        } else if (const auto* b = std::get_if<ast::benchmark_decl>(&decl)) {
          for (const auto& entry : b->entries)
            if (touches(entry.code.span, at)) {
              std::optional<int> year;
              if (b->year) year = static_cast<int>(b->year->value);
              return hover_answer{describe_taakveld(entry.code.code, year), entry.code.span};
            }
        }
      }
    }
    return std::nullopt;
  }
  const plan* p = plan_of(scope, file);
  if (p == nullptr) return std::nullopt;
  for (const auto& a : p->activities) {
    if (!a.taakveld) continue;
    const occurrence o = plan_value(*p, *a.taakveld, decl_kind::task);  // the code without its quotes
    if (!touches(o.span, at)) continue;
    std::optional<int> year;
    if (p->year) year = static_cast<int>(p->year->value);
    return hover_answer{describe_taakveld(a.taakveld->value, year), o.span};
  }
  return std::nullopt;
}

bool is_id(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

namespace navigation_support {

text declaration_markdown(const agreement_model& model, decl_kind kind, std::string_view name) {
  const ast::identifier* id = find_declared(model, kind, name);
  return id == nullptr ? text{} : describe(model, {id, kind}, {});
}

}  // namespace navigation_support

std::optional<hover_answer> hover(const navigation_scope& scope, const source_file& file, source_pos at) {
  if (scope.agreement == nullptr) return std::nullopt;
  if (const auto o = occurrence_at(scope, file, at)) {
    const resolved what = resolve(*scope.agreement, *o);
    if (what.id == nullptr) return std::nullopt;
    const text markdown = describe(*scope.agreement, what, {o->in_plan, o->activity});
    if (markdown.empty()) return std::nullopt;
    return hover_answer{markdown, o->span};
  }
  return taakveld_hover(scope, file, at);
}

std::optional<source_span> definition(const navigation_scope& scope, const source_file& file, source_pos at) {
  if (scope.agreement == nullptr) return std::nullopt;
  const auto o = occurrence_at(scope, file, at);
  if (!o) return std::nullopt;
  const resolved what = resolve(*scope.agreement, *o);
  if (what.id == nullptr) return std::nullopt;
  return what.id->span;
}

std::vector<source_span> references(const navigation_scope& scope, const source_file& file, source_pos at,
                                    bool include_declaration) {
  std::vector<source_span> out;
  if (scope.agreement == nullptr) return out;
  const auto o = occurrence_at(scope, file, at);
  if (!o) return out;
  const resolved what = resolve(*scope.agreement, *o);
  if (what.id == nullptr) return out;
  for (const auto& use : uses_of(scope, what.id))
    if (include_declaration || use.declares == nullptr) out.push_back(use.span);
  return out;
}

rename_answer prepare_rename(const navigation_scope& scope, const source_file& file, source_pos at) {
  rename_answer answer;
  const auto o = scope.agreement == nullptr ? std::nullopt : occurrence_at(scope, file, at);
  if (!o) {
    answer.refused = text{"only an id that the agreement declares can be renamed",
                          "u kunt alleen een id hernoemen dat de overeenkomst declareert"};
    return answer;
  }
  answer.range = o->span;
  answer.current_name = std::string(o->name);
  if (resolve(*scope.agreement, *o).id == nullptr)
    answer.refused = text{fmt::format("`{}` is not declared in the agreement", o->name),
                          fmt::format("`{}` is niet gedeclareerd in de overeenkomst", o->name)};
  return answer;
}

rename_answer rename(const navigation_scope& scope, const source_file& file, source_pos at,
                     const std::string& new_name) {
  rename_answer answer = prepare_rename(scope, file, at);
  if (answer.refused) return answer;
  const resolved what = resolve(*scope.agreement, *occurrence_at(scope, file, at));
  if (!is_id(new_name)) {
    answer.refused = text{fmt::format("`{}` is not an id: use letters, digits and `_`, not starting with a digit",
                                      new_name),
                          fmt::format("`{}` is geen id: een id bestaat uit letters, cijfers en `_` en begint niet met een cijfer",
                                      new_name)};
    return answer;
  }
  if (new_name == what.id->name) return answer;  // nothing to change
  // A party and an executor share a name space where a plan's `executor` or a `returned_to` names either.
  const bool shared = what.kind == decl_kind::party || what.kind == decl_kind::executor;
  for (const decl_kind kind : {what.kind, what.kind == decl_kind::party ? decl_kind::executor : decl_kind::party}) {
    if (kind != what.kind && !shared) continue;
    if (find_declared(*scope.agreement, kind, new_name) != nullptr) {
      const text k = kind_name(kind);
      answer.refused = text{fmt::format("the agreement already declares {} `{}`", k.en, new_name),
                            fmt::format("de overeenkomst declareert al {} `{}`", k.nl, new_name)};
      return answer;
    }
  }
  for (const auto& use : uses_of(scope, what.id))
    answer.edits.push_back({use.span, use.quoted ? "\"" + new_name + "\"" : new_name});
  return answer;
}

}  // namespace akkoord

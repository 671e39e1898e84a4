#include "plan_support.hpp"

#include <algorithm>

namespace akkoord::plan_support {

std::optional<int> plan_year(const plan& p) {
  if (!p.year) return std::nullopt;
  return static_cast<int>(p.year->value);
}

bool covers(const ast::period_decl& period, int year) {
  return period.from.value() <= last_day(year) && first_day(year) <= period.to.value();
}

std::vector<const ast::period_decl*> periods_covering(const agreement_model& agreement, int year) {
  std::vector<const ast::period_decl*> out;
  for (const auto* period : agreement.all<ast::period_decl>())
    if (covers(*period, year)) out.push_back(period);
  return out;
}

bool milestone_completed(const plan& p, std::string_view milestone_id) {
  return std::any_of(p.milestones.begin(), p.milestones.end(), [&](const plan_milestone& m) {
    return m.id && m.id->value == milestone_id && m.completed.has_value();
  });
}

bool provisional_for(const ast::period_decl& period, const plan& p) {
  if (!period.provisional) return false;
  return !period.until || !milestone_completed(p, period.until->name);
}

std::optional<day_range> activity_days(const plan_activity& a, std::optional<int> year) {
  if ((!a.from || !a.to) && !year) return std::nullopt;
  return day_range{a.from ? a.from->value : first_day(*year), a.to ? a.to->value : last_day(*year)};
}

const ast::task_decl* task_of(const agreement_model& agreement, const plan_activity& a) {
  if (!a.task) return nullptr;
  const auto it = agreement.tasks.find(a.task->value);
  return it == agreement.tasks.end() ? nullptr : it->second;
}

const std::string* municipality_of(const agreement_model& agreement, const plan& p) {
  if (!p.municipality || !agreement.parties.contains(p.municipality->value)) return nullptr;
  return &p.municipality->value;
}

bool task_is_for(const ast::task_decl& task, std::string_view party) {
  if (!task.for_parties.empty())
    return std::any_of(task.for_parties.begin(), task.for_parties.end(),
                       [&](const ast::identifier& id) { return id.name == party; });
  return !task.responsible || task.responsible->name == party;
}

bool belongs_in(const agreement_model& agreement, const plan& p, const ast::task_decl& task) {
  const std::string* municipality = municipality_of(agreement, p);
  return municipality == nullptr || task_is_for(task, *municipality);
}

bool paid_by_municipality(const agreement_model& agreement, const plan& p, const ast::contribution_decl& contribution) {
  const std::string* municipality = municipality_of(agreement, p);
  return municipality == nullptr || !contribution.payer || contribution.payer->name == *municipality;
}

namespace {

const ast::executor_decl* executor_named(const agreement_model& agreement, std::string_view id) {
  const auto it = agreement.executors.find(id);
  return it == agreement.executors.end() ? nullptr : it->second;
}

}  // namespace

bool same_actor(const agreement_model& agreement, std::string_view executor, std::string_view who) {
  if (executor == who) return true;
  const auto part_of = [&](std::string_view part, std::string_view whole) {
    const auto* e = executor_named(agreement, part);
    return e && e->kind == ast::executor_decl::relation::part_of && e->owner.name == whole;
  };
  return part_of(who, executor) || part_of(executor, who);
}

bool returned_from(const agreement_model& agreement, std::string_view executor, std::string_view previous_who) {
  if (same_actor(agreement, executor, previous_who)) return true;
  const auto* e = executor_named(agreement, previous_who);
  return e && e->owner.name == executor;
}

std::vector<executor_stretch> executors_during(const ast::task_decl& task, day_range range) {
  // Date order; of two entries on one date the later one in the file is in force (agreement_model::executor_at).
  // A linted agreement is in date order already; only an unordered timeline is sorted (into a copy).
  constexpr std::size_t inline_entries = 8;
  const ast::timeline_entry* inline_buffer[inline_entries];
  std::vector<const ast::timeline_entry*> heap_buffer;
  const ast::timeline_entry** entries = inline_buffer;
  if (task.timeline.size() > inline_entries) {
    heap_buffer.resize(task.timeline.size());
    entries = heap_buffer.data();
  }
  const std::size_t count = task.timeline.size();
  for (std::size_t i = 0; i < count; ++i) {
    if (!is_valid(task.timeline[i].from.value())) return {};
    entries[i] = &task.timeline[i];
  }
  const auto by_date = [](const auto* a, const auto* b) { return a->from.value() < b->from.value(); };
  if (!std::is_sorted(entries, entries + count, by_date)) std::stable_sort(entries, entries + count, by_date);

  std::vector<executor_stretch> out;
  if (range.to < range.from) return out;
  out.reserve(count + 1);
  const auto add = [&](civil_date from, civil_date to, const ast::timeline_entry* entry,
                       const ast::timeline_entry* previous) {
    from = std::max(from, range.from);
    to = std::min(to, range.to);
    if (from <= to) out.push_back({from, to, entry, previous});
  };
  if (count == 0 || range.from < entries[0]->from.value())
    add(range.from, count == 0 ? range.to : previous_day(entries[0]->from.value()), nullptr, nullptr);
  for (std::size_t i = 0; i < count; ++i) {
    const civil_date start = entries[i]->from.value();
    const civil_date end = i + 1 < count ? previous_day(entries[i + 1]->from.value()) : range.to;
    if (start > range.to) break;
    add(start, std::min(end, range.to), entries[i], i > 0 ? entries[i - 1] : nullptr);
  }
  return out;
}

int compare_fractions(u128 a, u128 b, u128 c, u128 d) {
  // continued fractions: compare the integer parts, then the reciprocals of the remainders
  for (;;) {
    const u128 qa = a / b, qc = c / d;
    if (qa != qc) return qa < qc ? -1 : 1;
    const u128 ra = a % b, rc = c % d;
    if (ra == 0 || rc == 0) {
      if (ra == rc) return 0;
      return ra == 0 ? -1 : 1;
    }
    // ra/b < rc/d  <=>  d/rc < b/ra: the same question with smaller numbers
    const u128 next_a = d, next_b = rc, next_c = b, next_d = ra;
    a = next_a;
    b = next_b;
    c = next_c;
    d = next_d;
  }
}

text money(std::int64_t cents) { return {format_cents(cents, money_style::en), format_cents(cents, money_style::nl)}; }

text count(std::int64_t n) {
  std::string digits = std::to_string(n);
  text out;
  std::size_t first = 0;
  if (digits[0] == '-') {  // sign first; built front to back (GCC 12 misreads insert(0, …) at -O3)
    out.en = out.nl = "-";
    first = 1;
  }
  for (std::size_t i = first; i < digits.size(); ++i) {
    if (i > first && (digits.size() - i) % 3 == 0) {
      out.en += ',';
      out.nl += '.';
    }
    out.en += digits[i];
    out.nl += digits[i];
  }
  return out;
}

text number(decimal d) { return {format_decimal(d, money_style::en), format_decimal(d, money_style::nl)}; }

text percent(decimal d) {
  const text n = number(d);
  return {n.en + "%", n.nl + "%"};
}

std::string date(civil_date d) { return to_string(d); }

text day(civil_date d) { return {to_string(d), dutch_date(d)}; }

text list_of(const std::vector<std::string>& items) {
  text out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const bool last = i + 1 == items.size();
    if (i > 0) {
      out.en += last ? " and " : ", ";
      out.nl += last ? " en " : ", ";
    }
    out.en += "`" + items[i] + "`";
    out.nl += "`" + items[i] + "`";
  }
  return out;
}

text derivation(const agreed_amount& amount) {
  if (amount.stated == nullptr) return {};
  const auto year = amount.stated->year.value;
  const text start = money(amount.stated->amount.cents);
  text out{start.en + " stated for " + std::to_string(year), start.nl + " vastgelegd voor " + std::to_string(year)};
  for (std::size_t i = 0; i < amount.steps.size(); ++i) {
    const auto& step = amount.steps[i];
    const text rate = percent(step.indexation->rate.value);
    const std::string step_year = std::to_string(step.indexation->year.value);
    const bool fits = !(amount.state == agreed_amount::status::too_large && i + 1 == amount.steps.size());
    const text result = fits ? money(step.cents) : text{"more than EUR 92,233,720,368,547,758.07",
                                                        "meer dan € 92.233.720.368.547.758,07"};
    out.en += (i == 0 ? ", indexed by " : ", by ") + rate.en + " for " + step_year + " to " + result.en;
    out.nl += (i == 0 ? ", geïndexeerd met " : ", met ") + rate.nl + " voor " + step_year + " tot " + result.nl;
  }
  return out;
}

std::vector<label> derivation_clauses(const agreed_amount& amount) {
  std::vector<label> out;
  if (amount.stated == nullptr) return out;
  const text start = money(amount.stated->amount.cents);
  const std::string year = std::to_string(amount.stated->year.value);
  out.push_back({amount.stated->span, {start.en + " stated for " + year, start.nl + " vastgelegd voor " + year}});
  for (const auto& step : amount.steps) {
    const text rate = percent(step.indexation->rate.value);
    const std::string step_year = std::to_string(step.indexation->year.value);
    out.push_back({step.indexation->span, {"indexation of " + rate.en + " for " + step_year,
                                           "indexering van " + rate.nl + " voor " + step_year}});
  }
  return out;
}

}  // namespace akkoord::plan_support

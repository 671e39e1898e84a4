#include "report_context.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "akkoord/validator/plan.hpp"

namespace akkoord::cli {

namespace {

bool switched_off(const check_settings& settings, std::string_view id) {
  const auto it = settings.overrides.find(id);
  return it != settings.overrides.end() && !it->second;
}

// BBV order: "0.1" < "0.2" < "0.10" < "6.6" < "6.60" < "6.71a": the parts before and after the point compare
// as numbers, then whatever follows the digits as text.
struct taakveld_key {
  std::uint64_t major = 0, minor = 0;
  std::string rest;
  auto operator<=>(const taakveld_key&) const = default;
};

taakveld_key key_of(std::string_view code) {
  taakveld_key key;
  std::size_t i = 0;
  const auto number = [&](std::uint64_t& n) {
    for (std::size_t digits = 0; i < code.size() && code[i] >= '0' && code[i] <= '9'; ++i, ++digits)
      if (digits < 18) n = n * 10 + static_cast<std::uint64_t>(code[i] - '0');
  };
  number(key.major);
  if (i < code.size() && code[i] == '.') {
    ++i;
    number(key.minor);
  }
  key.rest = std::string(code.substr(i));
  return key;
}

bool taakveld_before(const std::string& a, const std::string& b) {
  return std::tuple(key_of(a), a) < std::tuple(key_of(b), b);
}

severity rule_severity(const ast::rule_decl& rule) {
  return parse_severity(rule.severity.name).value_or(severity::error);
}

}  // namespace

std::vector<std::string> checks_that_ran(check_scope scope, const agreement_model* agreement,
                                         const check_settings& settings) {
  std::vector<std::string> ids;
  for (const check* c : all_checks())
    if (c->info().scope == scope && !switched_off(settings, c->info().id)) ids.emplace_back(c->info().id);
  if (scope == check_scope::plan && agreement != nullptr)
    for (const auto& [name, rule] : agreement->rules)
      if (!switched_off(settings, "rule:" + name)) ids.push_back("rule:" + name);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<check_description> describe_checks(const agreement_model* agreement) {
  std::vector<check_description> out;
  for (const check* c : all_checks()) {
    const check_info& info = c->info();
    out.push_back({std::string(info.id), info.default_severity,
                   {std::string(info.summary_en), std::string(info.summary_nl)},
                   std::string(check_documentation(info.id))});
  }
  if (agreement != nullptr)
    for (const auto& [name, rule] : agreement->rules)
      out.push_back({"rule:" + name, rule_severity(*rule), {rule->title.value, rule->title.value}, {}});
  return out;
}

std::optional<plan_figures> figures_of(const agreement_model& agreement, const source_file& plan_file) {
  diagnostics ignored;  // already reported by the check itself
  const plan p = read_plan(plan_file, ignored);
  if (!p.readable) return std::nullopt;

  plan_figures f;
  if (p.municipality) {
    f.municipality = p.municipality->value;
    const auto party = agreement.parties.find(f.municipality);
    if (party != agreement.parties.end() && party->second->inhabitants)
      f.inhabitants = party->second->inhabitants->value;
  }
  if (p.year) f.year = p.year->value;
  if (p.title) f.title = p.title->value;
  if (p.contribution_id) {
    f.contribution_id = p.contribution_id->value;
    const auto contribution = agreement.contributions.find(f.contribution_id);
    if (contribution != agreement.contributions.end() && contribution->second->payee)
      f.payee = contribution->second->payee->name;
  }
  if (p.total) f.contribution_cents = p.total->value;

  std::map<std::string, std::int64_t> per_code;
  std::int64_t payee_sum = 0;
  const auto add = [&](std::int64_t& sum, std::int64_t amount) {
    const auto next = checked_add(sum, amount);
    if (next) {
      sum = *next;
    } else {
      f.overflow = true;
    }
  };
  for (const plan_activity& a : p.activities) {
    if (!a.budget) continue;
    add(f.budget_cents, a.budget->value);
    if (a.taakveld) add(per_code[a.taakveld->value], a.budget->value);
    if (!f.payee.empty() && a.executor && a.executor->value == f.payee) add(payee_sum, a.budget->value);
  }
  if (!f.payee.empty()) f.payee_budget_cents = payee_sum;

  const auto benchmarks = agreement.all<ast::benchmark_decl>();
  for (const auto& [code, cents] : per_code) {
    taakveld_spending t;
    t.code = code;
    t.budget_cents = cents;
    // The first benchmark (in the agreement's order) with an entry for this taakveld.
    for (const ast::benchmark_decl* benchmark : benchmarks) {
      const auto entry = std::find_if(benchmark->entries.begin(), benchmark->entries.end(),
                                      [&](const ast::benchmark_entry& e) { return e.code.code == code; });
      if (entry == benchmark->entries.end()) continue;
      t.benchmark_id = benchmark->id.name;
      t.per_inhabitant_cents = entry->per_inhabitant.cents;
      if (f.inhabitants) t.benchmark_cents = checked_mul(entry->per_inhabitant.cents, *f.inhabitants);
      if (benchmark->tolerance) t.tolerance = benchmark->tolerance->value;
      break;
    }
    f.taakvelden.push_back(std::move(t));
  }
  std::sort(f.taakvelden.begin(), f.taakvelden.end(),
            [](const taakveld_spending& a, const taakveld_spending& b) { return taakveld_before(a.code, b.code); });
  return f;
}

}  // namespace akkoord::cli

// A plan's figures, once per run (figures.hpp). Exact: 64-bit cents, 128-bit intermediates for comparisons.
#include "akkoord/validator/figures.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/plan.hpp"

namespace akkoord {
namespace {

__extension__ using u128 = unsigned __int128;

// A running sum that stays nullopt once it no longer fits.
void add_to(std::optional<std::int64_t>& sum, std::int64_t amount, bool& overflow) {
  if (!sum) return;
  sum = checked_add(*sum, amount);
  if (!sum) overflow = true;
}

u128 pow10(int n) {
  u128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

// a / b for non-negative a and positive b, rounded half to even.
std::int64_t divide_half_even(u128 a, u128 b) {
  const u128 q = a / b, r = a % b;
  const u128 twice = r * 2;
  const bool up = twice > b || (twice == b && (q % 2) == 1);
  return static_cast<std::int64_t>(q + (up ? 1 : 0));
}

// The comparison of spending with one benchmark entry.
benchmark_comparison compare_with(const ast::benchmark_decl& benchmark, const ast::benchmark_entry& entry,
                                  std::optional<std::int64_t> spending, std::optional<std::int64_t> inhabitants) {
  benchmark_comparison c;
  c.benchmark = &benchmark;
  c.entry = &entry;
  c.per_inhabitant_cents = entry.per_inhabitant.cents;
  if (benchmark.tolerance) c.tolerance = benchmark.tolerance->value;
  const bool sane_tolerance = c.tolerance.units >= 0 && c.tolerance.scale >= 0 && c.tolerance.scale <= 16;
  if (!inhabitants || *inhabitants <= 0 || c.per_inhabitant_cents < 0) return c;
  c.benchmark_cents = checked_mul(c.per_inhabitant_cents, *inhabitants);
  if (!c.benchmark_cents || !sane_tolerance) return c;
  if (const auto extra = percent_of_cents(c.tolerance, *c.benchmark_cents))
    c.allowed_cents = checked_add(*c.benchmark_cents, *extra);
  if (!spending || *spending < 0) return c;
  // spending > benchmark × (100 × 10^scale + tolerance units) / (100 × 10^scale), exactly: both sides < 2^127.
  const u128 scale = 100 * pow10(c.tolerance.scale);
  c.computable = true;
  c.above = static_cast<u128>(*spending) * scale >
            static_cast<u128>(*c.benchmark_cents) * (scale + static_cast<u128>(c.tolerance.units));
  return c;
}

// BBV order: the parts before and after the point compare as numbers, then whatever follows the digits as text.
struct taakveld_key {
  std::uint64_t major = 0, minor = 0;
  std::string_view rest;
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
  key.rest = code.substr(i);
  return key;
}

struct running_sum {
  std::optional<std::int64_t> cents = 0;
  const plan_activity* largest = nullptr;
};

void add_activity(running_sum& sum, const plan_activity& a, bool& overflow) {
  add_to(sum.cents, a.budget->value, overflow);
  if (sum.largest == nullptr || sum.largest->budget->value < a.budget->value) sum.largest = &a;
}

std::vector<named_sum> sorted_sums(const std::map<std::string_view, running_sum>& sums) {
  std::vector<named_sum> out;
  out.reserve(sums.size());
  for (const auto& [id, sum] : sums) out.push_back({std::string(id), sum.cents, sum.largest});
  return out;
}

}  // namespace

bool taakveld_before(std::string_view a, std::string_view b) {
  return std::tuple(key_of(a), a) < std::tuple(key_of(b), b);
}

plan_figures compute_figures(const agreement_model& agreement, const plan& p) {
  plan_figures f;
  if (p.municipality) {
    const auto party = agreement.parties.find(p.municipality->value);
    if (party != agreement.parties.end() && party->second->inhabitants)
      f.inhabitants = party->second->inhabitants->value;
  }
  if (p.contribution_id) {
    const auto contribution = agreement.contributions.find(p.contribution_id->value);
    if (contribution != agreement.contributions.end()) {
      f.contribution = contribution->second;
      if (f.contribution->payee) f.payee = f.contribution->payee->name;
    }
  }

  struct per_code {
    std::optional<std::int64_t> cents = 0;
    const plan_activity* largest = nullptr;
  };
  std::unordered_map<std::string_view, per_code> codes;
  std::map<std::string_view, running_sum> tasks, executors;
  f.budget_cents = 0;
  if (!f.payee.empty()) f.payee_budget_cents = 0;
  for (const plan_activity& a : p.activities) {
    const bool of_payee = !f.payee.empty() && a.executor && a.executor->value == f.payee;
    if (!a.budget) {
      // A budget that could not be read has its own finding; a sum without it would be a second, false one.
      if (of_payee) f.payee_budget_complete = false;
      continue;
    }
    const std::int64_t cents = a.budget->value;
    add_to(f.budget_cents, cents, f.overflow);
    if (of_payee) add_to(f.payee_budget_cents, cents, f.overflow);
    if (a.taakveld) {
      per_code& c = codes[a.taakveld->value];
      add_to(c.cents, cents, f.overflow);
      if (c.largest == nullptr || c.largest->budget->value < cents) c.largest = &a;
    }
    if (a.task) add_activity(tasks[a.task->value], a, f.overflow);
    if (a.executor) add_activity(executors[a.executor->value], a, f.overflow);
  }
  if (!f.payee_budget_complete) f.payee_budget_cents.reset();

  const auto benchmarks = agreement.all<ast::benchmark_decl>();
  f.taakvelden.reserve(codes.size());
  for (const auto& [code, c] : codes) {
    taakveld_spending t;
    t.code = std::string(code);
    t.budget_cents = c.cents;
    t.largest = c.largest;
    if (c.cents && *c.cents >= 0 && f.inhabitants && *f.inhabitants > 0)
      t.per_inhabitant_cents = divide_half_even(static_cast<u128>(*c.cents), static_cast<u128>(*f.inhabitants));
    for (const ast::benchmark_decl* benchmark : benchmarks)
      for (const ast::benchmark_entry& entry : benchmark->entries)
        if (entry.code.code == code) t.benchmarks.push_back(compare_with(*benchmark, entry, c.cents, f.inhabitants));
    f.taakvelden.push_back(std::move(t));
  }
  std::sort(f.taakvelden.begin(), f.taakvelden.end(),
            [](const taakveld_spending& a, const taakveld_spending& b) { return taakveld_before(a.code, b.code); });
  f.tasks = sorted_sums(tasks);
  f.executors = sorted_sums(executors);
  return f;
}

}  // namespace akkoord

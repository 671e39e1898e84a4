// The figures of one plan, computed once per run by the engine: spending per taakveld, task and executor, the
// budgets behind the contribution, and every benchmark comparison. The checks that judge money
// (contribution-mismatch, above-benchmark, invalid-amount for sums) and every report read these; nothing
// else adds budgets up. A sum or product that does not fit in 64-bit cents is `nullopt`, never a wrapped value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "akkoord/exact.hpp"
#include "akkoord/parser/ast.hpp"

namespace akkoord {

struct agreement_model;
struct plan;
struct plan_activity;

// One benchmark of the agreement that has an entry for a taakveld, held against the plan's spending on it.
struct benchmark_comparison {
  const ast::benchmark_decl* benchmark = nullptr;
  const ast::benchmark_entry* entry = nullptr;
  std::int64_t per_inhabitant_cents = 0;        // the benchmark's amount per inhabitant
  decimal tolerance{0, 0};                      // e.g. 10 for 10%; 0 when the benchmark states none
  std::optional<std::int64_t> benchmark_cents;  // per inhabitant × inhabitants; nullopt: no inhabitants or overflow
  std::optional<std::int64_t> allowed_cents;    // the benchmark plus its tolerance, half-to-even to the cent
  bool computable = false;  // spending, inhabitants and benchmark known and in range: `above` means something
  bool above = false;       // spending > benchmark × (100% + tolerance), compared exactly (no rounding)
};

struct taakveld_spending {
  std::string code;                            // as written in the plan
  std::optional<std::int64_t> budget_cents;    // the budgets on it, added up; nullopt: the sum does not fit
  const plan_activity* largest = nullptr;      // the activity with the largest budget on it (where findings point)
  std::optional<std::int64_t> per_inhabitant_cents;  // budget / inhabitants, half-to-even to the cent
  std::vector<benchmark_comparison> benchmarks;      // every benchmark with an entry for the code, agreement order
};

struct named_sum {
  std::string id;                            // a task or executor id, as in the plan
  std::optional<std::int64_t> budget_cents;  // nullopt: the sum does not fit
  const plan_activity* largest = nullptr;    // the activity with the largest budget (where findings point)
};

struct plan_figures {
  std::optional<std::int64_t> inhabitants;  // of the plan's municipality, from the agreement

  // The contribution the plan books (`[contribution] id`), the executor it pays (its `payee`), and the budgets of
  // the activities that executor runs. `payee_budget_cents` is nullopt when the sum does not fit, or when an
  // activity of the payee has no readable budget (`payee_budget_complete` false: no sum can be stated).
  const ast::contribution_decl* contribution = nullptr;
  std::string payee;
  std::optional<std::int64_t> payee_budget_cents;
  bool payee_budget_complete = true;

  std::optional<std::int64_t> budget_cents;   // every activity budget added up; nullopt: does not fit
  std::vector<taakveld_spending> taakvelden;  // BBV order (0.1, 0.2, …, 0.10, …, 6.71a)
  std::vector<named_sum> tasks;               // budget per task id, sorted by id
  std::vector<named_sum> executors;           // budget per executor id, sorted by id

  // True when any sum or product above did not fit: the invalid-amount finding at `total` says so.
  bool overflow = false;
};

// Computes the figures of a plan that was read (plan::readable). Linear in the number of activities.
plan_figures compute_figures(const agreement_model& agreement, const plan& p);

// BBV order of taakveld codes: "0.1" < "0.2" < "0.10" < "6.6" < "6.60" < "6.71a".
bool taakveld_before(std::string_view a, std::string_view b);

}  // namespace akkoord

// The amount of a contribution agreed for a year: stated (`YEAR: MONEY`), or indexed year by year from a stated
// amount (`indexation YEAR: PERCENT`, the loon- en prijscompensatie). One function, so every check and report
// that needs the agreed amount derives it the same way and can show how.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "akkoord/parser/ast.hpp"

namespace akkoord {

struct agreement_model;

// cents × (1 + percent / 100), rounded half to even to the cent (5% is `decimal{5, 0}`); nullopt when the result
// does not fit in cents.
std::optional<std::int64_t> indexed_cents(std::int64_t cents, decimal percent);

// One indexation applied on the way to a year's amount.
struct indexation_step {
  const ast::contribution_indexation* indexation = nullptr;  // its year and percentage
  std::int64_t cents = 0;  // the amount after this step (meaningless for the step that did not fit)
};

struct agreed_amount {
  enum class status {
    known,      // `cents` is the agreed amount
    unknown,    // neither stated nor reachable by indexation from a stated year
    too_large,  // an indexation on the way does not fit in cents: `steps.back()` is the one that overflowed
  };
  status state = status::unknown;
  std::int64_t cents = 0;
  // The stated amount the derivation starts from (known, too_large); nullptr when unknown.
  const ast::contribution_amount* stated = nullptr;
  // The indexations applied after `stated`, year by year (empty when the year's own amount is stated).
  std::vector<indexation_step> steps;

  bool known() const { return state == status::known; }
};

// The agreed amount of `contribution` for `year`:
// - the stated `YEAR: MONEY` for that year (the first, when a year is stated twice; lint reports the second);
//   a stated amount wins over an indexation for the same year;
// - otherwise, when the year before has an agreed amount and `indexation YEAR: P` is stated (the first for
//   that year), that amount × (1 + P), rounded half to even to the cent; year by year back to a stated amount;
// - otherwise unknown (also when an indexation has no agreed amount before it).
// Linear in the number of stated amounts and indexations.
agreed_amount agreed_amount_for(const ast::contribution_decl& contribution, std::int64_t year);

// The savings on a contribution in force in a plan year (`from` <= year) that share a base year: together they
// lower the ceiling, which is the base year's agreed amount minus all of their cuts.
struct saving_group {
  std::int64_t base_year = 0;
  agreed_amount base;                            // the agreed amount of the base year
  std::vector<const ast::saving_decl*> savings;  // in source order
  std::vector<std::int64_t> cuts;                // each saving's cut: its `amount`, else `rate` × base (when known)
  enum class status {
    known,         // `limit` is the ceiling
    base_unknown,  // no agreed amount for the base year
    too_large,     // the base, a cut or their sum does not fit in cents
  };
  status state = status::base_unknown;
  std::int64_t limit = 0;  // base - the cuts, when known
};

// Every group of savings on `contribution` in force in `year`, ordered by base year. A saving without `base` or
// `from` is left out (the parser reports it).
std::vector<saving_group> savings_in_force(const agreement_model& agreement, const ast::contribution_decl& contribution,
                                           std::int64_t year);

}  // namespace akkoord

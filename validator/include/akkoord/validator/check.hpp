// One check = one unit: an id, a default severity, a documentation page and fixtures.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/figures.hpp"
#include "akkoord/validator/plan.hpp"
#include "akkoord/validator/taakvelden.hpp"

namespace akkoord {

// Where a check looks: the agreement, plans, or both (`unknown-taakveld` judges codes in either).
enum class check_scope { agreement, plan, both };

inline bool applies_to(check_scope scope, check_scope where) { return scope == where || scope == check_scope::both; }

struct check_info {
  std::string_view id;  // kebab-case, as in docs/checks.md
  severity default_severity;
  check_scope scope;
  std::string_view summary_en;  // one line for `akkoord checks`
  std::string_view summary_nl;
};

struct lint_context {
  const agreement_model& agreement;
  const taakveld_catalog& taakvelden;
};

// What the other plans of the run say about one plan (the engine finds them before any plan is checked, so
// they are the same for any --jobs). Input order decides which of two plans is the earlier.
struct plan_neighbours {
  const plan* earlier_duplicate = nullptr;  // the first earlier plan with the same agreement, municipality and year
  const plan* previous_year = nullptr;      // the first plan of the same agreement and municipality for year - 1
  const plan_figures* previous_year_figures = nullptr;  // its figures, against the same agreement
};

struct plan_context {
  const agreement_model& agreement;
  const akkoord::plan& plan;  // qualified: a member named `plan` must not change what `plan` means here
  const taakveld_catalog& taakvelden;
  const plan_figures& figures;  // computed once by the engine; checks that judge money read them
  const plan_neighbours& neighbours;
  const check_parameters& parameters;
};

class check {
 public:
  virtual ~check() = default;
  virtual const check_info& info() const = 0;
  // Agreement checks implement lint(), plan checks check_plan(). Findings that only a loader can see
  // (syntax, include, TOML shape) are emitted by the loader under the unit's id; those units run nothing.
  virtual void lint(const lint_context&, diagnostics&) const {}
  virtual void check_plan(const plan_context&, diagnostics&) const {}

 protected:
  // A finding of this check at `where`, with the default severity.
  diagnostic finding(source_span where, text message) const {
    diagnostic d;
    d.id = std::string(info().id);
    d.level = info().default_severity;
    d.message = std::move(message);
    d.primary = where;
    return d;
  }
};

// Every built-in check, sorted by id (registry.cpp).
std::span<const check* const> all_checks();
const check* find_check(std::string_view id);
// The check's page, compiled in: README.md, or README.nl.md for Dutch; empty when there is none.
std::string_view check_documentation(std::string_view id, language lang = language::en);

}  // namespace akkoord

// Shared by the rule tests: a small agreement that declares one of everything a rule can name, and helpers
// to load it with extra rules and to check a plan against them.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/plan.hpp"
#include "akkoord/validator/rules.hpp"
#include "fixture_support.hpp"

namespace akkoord::testing {

// 13 lines: a rule appended to it starts on line 14.
inline constexpr std::string_view base_agreement = R"(agreement T "Test" {
  since 2013-01-01  documents regeling
  hours_per_fte 1_536 tolerance 5%
}
party gemeente "Gemeente" { roles opdrachtgever inhabitants 30_000 }
party centrum "Centrum" { roles centrumgemeente inhabitants 90_000 }
executor org "Organisatie" { employer centrum serves centrum, gemeente }
period basis "Basis" 2022-01-01 .. 2026-12-31
milestone evaluatie "Evaluatie" { due 2025-07-01 }
task burgerzaken "Burgerzaken" { taakveld 0.2 responsible gemeente executed_by org from 2013-01-01 }
task overhead "Overhead" { taakveld 0.4 responsible centrum executed_by org from 2013-01-01 }
contribution bijdrage "Bijdrage" { payer gemeente payee org 2024: EUR 20_000_000 }
saving besparing "Besparing" { on bijdrage base 2024 from 2025 rate 1.5% amount EUR 300_000 }
)";
inline constexpr std::uint32_t first_rule_line = 14;

// The plan's head: activities are appended. 10 lines.
inline constexpr std::string_view plan_head = R"([plan]
agreement = "T"
municipality = "gemeente"
year = 2025

[contribution]
id = "bijdrage"
total = 19_700_000

)";

struct loaded_agreement {
  source_manager sources;
  diagnostics load_findings;
  std::unique_ptr<agreement_model> model;
  const diagnostics& type_errors() const { return rules_of(*model)->type_errors(); }
};

inline std::unique_ptr<loaded_agreement> load_with_rules(std::string_view rules) {
  auto out = std::make_unique<loaded_agreement>();
  out->model = load_agreement_text("agreement.akkoord", std::string(base_agreement) + std::string(rules), out->sources,
                                   out->load_findings);
  return out;
}

// The text a span covers.
inline std::string text_of(const source_span& s) {
  if (s.file == nullptr) return "<no file>";
  const std::size_t b = s.file->offset_of(s.begin), e = s.file->offset_of(s.end);
  if (e < b) return "<inverted span>";
  return std::string(s.file->text().substr(b, e - b));
}

// Reads the plan (head + activities) and runs only the custom rules on it.
inline diagnostics run_on_plan(loaded_agreement& a, std::string_view plan_text, const std::string& path = "plan.toml") {
  const source_file& file = a.sources.add(path, std::string(plan_text));
  diagnostics shape;
  const plan p = read_plan(file, shape);
  diagnostics out;
  run_rules(*rules_of(*a.model), p, out);
  return out;
}

}  // namespace akkoord::testing

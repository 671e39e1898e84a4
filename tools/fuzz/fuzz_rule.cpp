// libFuzzer target: a rule expression from bytes, as the `require` of a rule in a small agreement. The rule is
// type-checked by lint and, when the agreement loads, evaluated on every activity of a small plan. With the
// condition `a.budget > EUR 0` the agreement lints clean and the plan checks clean (tools/fuzz/README.md).
#include <memory>

#include "akkoord/validator/engine.hpp"
#include "fuzz_support.hpp"

namespace {

constexpr const char* agreement_head = R"(agreement fuzz "Fuzz" {
  since 2020-01-01
  documents regeling
  hours_per_fte 1_536
}
party gemeente "Gemeente" {
  roles opdrachtgever
  inhabitants 10_000
}
executor uitvoerder "Uitvoerder" {
  employer gemeente
  serves gemeente
  since 2020-01-01
}
task taak "Taak" {
  taakveld 0.4
  responsible gemeente
  executed_by uitvoerder from 2020-01-01
}
contribution bijdrage "Bijdrage" {
  payer gemeente
  payee uitvoerder
  2025: EUR 1_000
}
rule fuzz "Fuzz" error {
  for activity a
  require )";

constexpr const char* agreement_tail = R"(
  message "{a.id}"
}
)";

constexpr const char* plan_text = R"([plan]
agreement = "fuzz"
municipality = "gemeente"
year = 2025
status = "concept"

[contribution]
id = "bijdrage"
total = 1_000

[[activity]]
id = "a1"
task = "taak"
executor = "uitvoerder"
taakveld = "0.4"
budget = 400.50
hours = 2_304
fte = 1.5
from = 2025-01-01
to = 2025-12-31
description = "een"

[[activity]]
id = "a2"
task = "taak"
executor = "uitvoerder"
taakveld = "0.4"
budget = 599.50
from = 2025-03-01
to = 2025-06-30
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace akkoord;
  const std::string expression = fuzz::as_text(data, size);
  const std::string text = agreement_head + expression + agreement_tail;
  const fuzz::memory_files files("fuzz.akkoord", text);
  source_manager sources;
  diagnostics found;
  const std::unique_ptr<agreement_model> model = lint_agreement("fuzz.akkoord", sources, check_settings{}, found, &files);
  if (model) {
    const source_file& plan = sources.add("fuzz-plan.toml", plan_text);
    const diagnostics checked = check_plan_file(*model, plan, check_settings{});
    found.insert(found.end(), checked.begin(), checked.end());
  }
  fuzz::render_all(found, expression);
  return 0;
}

// libFuzzer target: a plan file from bytes, checked against the reference agreement (rules/aa.akkoord, loaded
// once), every finding rendered. Also the incremental reader's oracle: the input cut at the first `#==next==`
// line into two texts, read one after the other through one plan_read_cache, must give exactly what the full
// read of the second text gives (abort otherwise).
#include <cstdlib>
#include <iostream>
#include <memory>

#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/plan.hpp"
#include "fuzz_support.hpp"

namespace {

struct reference_agreement {
  akkoord::source_manager sources;
  std::unique_ptr<akkoord::agreement_model> model;

  reference_agreement() {
    akkoord::diagnostics problems;
    model = akkoord::load_agreement(AKKOORD_SOURCE_DIR "/rules/aa.akkoord", sources, problems);
    if (!model) {
      std::cerr << "fuzz_plan: " AKKOORD_SOURCE_DIR "/rules/aa.akkoord does not load\n";
      std::abort();
    }
  }
};

// The findings in both languages, in order, with every position, note, help and fix (the JSON report).
std::string findings_json(akkoord::diagnostics found) {
  using namespace akkoord;
  sort_diagnostics(found);
  std::string out;
  for (const language lang : {language::en, language::nl}) render_json(out, found, summarize(found, 1), lang);
  return out;
}

void expect_cached_read_exact(std::string_view input) {
  using namespace akkoord;
  constexpr std::string_view separator = "#==next==\n";
  const std::size_t cut = input.find(separator);
  const std::string before(input.substr(0, cut));
  const std::string after = cut == std::string_view::npos ? before : std::string(input.substr(cut + separator.size()));
  source_manager sources;
  plan_read_cache cache;
  diagnostics first;
  read_plan(sources.add("fuzz-plan.toml", before), first, cache);
  const source_file& file = sources.add("fuzz-plan.toml", after);
  diagnostics full_findings, cached_findings;
  const plan full = read_plan(file, full_findings);
  const plan cached = read_plan(file, cached_findings, cache);
  if (!(full == cached) || findings_json(full_findings) != findings_json(cached_findings)) {
    std::cerr << "fuzz_plan: the cached read differs from the full read\n";
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace akkoord;
  static const reference_agreement reference;
  const std::string text = fuzz::as_text(data, size);
  source_manager sources;
  const source_file& plan = sources.add("fuzz-plan.toml", text);
  const diagnostics found = check_plan_file(*reference.model, plan, check_settings{});
  fuzz::render_all(found, text);
  expect_cached_read_exact(text);
  return 0;
}

// libFuzzer target: a plan file from bytes, checked against the reference agreement (rules/aa.akkoord, loaded
// once), every finding rendered.
#include <cstdlib>
#include <iostream>
#include <memory>

#include "akkoord/validator/engine.hpp"
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace akkoord;
  static const reference_agreement reference;
  const std::string text = fuzz::as_text(data, size);
  source_manager sources;
  const source_file& plan = sources.add("fuzz-plan.toml", text);
  const diagnostics found = check_plan_file(*reference.model, plan, check_settings{});
  fuzz::render_all(found, text);
  return 0;
}

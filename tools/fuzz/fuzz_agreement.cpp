// libFuzzer target: an agreement file from bytes, loaded and linted, every finding rendered.
#include "akkoord/validator/engine.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace akkoord;
  const std::string text = fuzz::as_text(data, size);
  const fuzz::memory_files files("fuzz.akkoord", text);
  source_manager sources;
  diagnostics found;
  lint_agreement("fuzz.akkoord", sources, check_settings{}, found, &files);
  fuzz::render_all(found, text);
  return 0;
}

// libFuzzer target: an agreement file from bytes, loaded and linted, every finding rendered; then formatted
// (`akkoord fmt`): what the formatter prints must parse, mean the same and format to itself.
#include <cstdio>
#include <cstdlib>

#include "akkoord/parser/format.hpp"
#include "akkoord/validator/diff.hpp"
#include "akkoord/validator/engine.hpp"
#include "fuzz_support.hpp"

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_agreement: %s\n", what);
  std::abort();
}

void check_formatter(const akkoord::source_file& file) {
  using namespace akkoord;
  const parser::format_outcome once = parser::format_agreement(file);
  if (once.failure) fail("the formatter could not read a file that parses");
  if (!once.text || !once.tree) return;  // a syntax error: fmt leaves the file alone
  source_manager sources;
  const parser::format_outcome twice = parser::format_agreement(sources.add("formatted.akkoord", *once.text));
  if (!twice.text || !twice.tree) fail("the formatted file does not parse");
  if (*twice.text != *once.text) fail("formatting the formatted file changes it");
  if (meaning_lines(*twice.tree) != meaning_lines(*once.tree)) fail("the formatted file means something else");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace akkoord;
  const std::string text = fuzz::as_text(data, size);
  const fuzz::memory_files files("fuzz.akkoord", text);
  source_manager sources;
  diagnostics found;
  lint_agreement("fuzz.akkoord", sources, check_settings{}, found, &files);
  fuzz::render_all(found, text);
  check_formatter(sources.add("fuzz-format.akkoord", text));
  return 0;
}

// What toml++ 3.3.0 cannot be trusted with, found in one linear pass before the text reaches it. Shared by the
// plan reader and `.akkoord.toml`.
//
// - Nesting: toml++ builds and frees its tree recursively and has no limit for key parts (`a.a.a… = 1`,
//   `[a.a.a…]`): 30,000 levels overflow the stack.
// - A character other than ASCII where toml++ asks "is this whitespace?" (outside quotes, or first after a
//   backslash in a multi-line string): for U+00A1..U+0499 (`é`, `ë`, Greek, Cyrillic), U+2C5E..U+3057 and
//   U+FB26..U+FEFE that question reaches `TOML_UNREACHABLE` (undefined behaviour) in
//   `is_non_ascii_horizontal_whitespace`. Outside quotes it is never valid TOML; after a line-ending backslash
//   it is, and the only case this guard refuses that TOML 1.0 allows.
// - A table header that does not start with a key (`[.]`, `[!]`): toml++ assumes one (TOML_ASSERT_ASSUME).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "akkoord/diagnostic.hpp"

namespace akkoord {

// The deepest nesting akkoord reads, counted from the top of the file: every key part is one level and so is
// every array element (`[[activity]]` + `id = "x"` is 3). Documented in docs/limits.md.
inline constexpr std::size_t max_toml_nesting = 128;

struct toml_hazard {
  std::size_t begin = 0;  // byte offsets into the scanned text, end exclusive
  std::size_t end = 0;
  text message;
  text help;
};

// The first hazard in `toml` (text without a byte order mark), or nullopt. Exact on valid TOML; on invalid
// TOML it never stops early, so nothing toml++ might still read goes unscanned.
std::optional<toml_hazard> find_toml_hazard(std::string_view toml);

}  // namespace akkoord

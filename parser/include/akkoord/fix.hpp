// Applying the fixes of findings to a file's text: one function for `check --fix`, `lint --fix`, `--diff` and
// the language server's code actions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "akkoord/diagnostic.hpp"

namespace akkoord {

struct fixed_text {
  // A fix left out: its edits overlap those of an earlier fix (`conflicts_with`), or it is not a valid fix for
  // this file (a position outside the file, edits that overlap each other or lie in several files:
  // `conflicts_with` is null).
  struct skipped_fix {
    const diagnostic* finding = nullptr;
    const diagnostic* conflicts_with = nullptr;
  };
  std::string text;                        // the file's text with every applied fix
  std::vector<const diagnostic*> applied;  // in text order
  std::vector<skipped_fix> skipped;        // in text order
};

// The fix that replaces what is written at `span` with `replacement`; its title names `was` and `now`:
// "replace `tsak` with `task`" / "vervang `tsak` door `task`" (for `task = "task"`, the names without quotes).
suggested_fix replacement_fix(source_span span, std::string_view was, std::string_view now, std::string replacement);
// The same, the title quoting `was` and `replacement` as written: "replace `6.60` with `"6.60"`".
suggested_fix replacement_fix(source_span span, std::string_view was, std::string replacement);

// The text a span covers in its file (empty for a span without a file).
std::string_view text_at(const source_span& span);

// Applies the fixes of `findings` that edit `file`, in text order; findings without a fix, with a fix for another
// file, or suppressed by a waiver are left alone. A fix is applied whole or not at all: when its edits overlap
// (or insert at the same place as) those of a fix earlier in the text, it is skipped and listed, so that a second
// run can apply it to the new text. Pure: `file` is not changed, nothing is read or written.
fixed_text apply_fixes(const source_file& file, const diagnostics& findings);

}  // namespace akkoord

// The one diagnostic type: DSL syntax errors, TOML errors, model problems and check findings alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/source.hpp"

namespace akkoord {

enum class severity { info = 0, warning = 1, error = 2 };

std::string_view to_string(severity s);                  // "info" | "warning" | "error"
std::optional<severity> parse_severity(std::string_view);  // inverse of to_string

enum class language { en, nl };

// Every user-visible message exists in English and Dutch; the renderer picks one.
struct text {
  std::string en;
  std::string nl;
  const std::string& in(language lang) const { return lang == language::nl ? nl : en; }
  bool empty() const { return en.empty() && nl.empty(); }
};

struct label {
  source_span span;
  text message;  // may be empty: the span alone says enough
};

// One replacement in a file: the text of `span` becomes `replacement` (an empty span inserts).
struct text_edit {
  source_span span;
  std::string replacement;
};

// A machine-applicable fix, offered only where it is certain (ruff's "safe" fixes): applying its edits removes
// the finding and changes nothing else. All its edits are in one file (apply_fixes in akkoord/fix.hpp).
struct suggested_fix {
  text title;  // what the fix does, as a command: "replace `tsak-1` with `task-1`"
  std::vector<text_edit> edits;
};

struct diagnostic {
  std::string id;              // check id: "returned-competence", "rule:overhead_aandeel", ...
  severity level = severity::error;
  text message;                // stands on its own; lowercase start; no final period
  source_span primary;         // the smallest span that shows the problem
  std::vector<label> related;  // other places, possibly in another file (the agreement clause)
  std::vector<text> notes;     // circumstances
  std::optional<text> help;    // the fix, in words
  bool suppressed = false;     // waived by an inline suppression; still listed in machine formats
  std::string suppression_reason{};  // when suppressed: the waiver's reason (after `--`), for SARIF and HTML
  std::optional<suggested_fix> fix{};  // the fix as edits, only where it is certain (last: positional inits)
};

using diagnostics = std::vector<diagnostic>;

// Deterministic order (file, line, column, severity, id), as ruff's rendering sort key.
void sort_diagnostics(diagnostics& ds);

}  // namespace akkoord

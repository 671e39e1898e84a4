// toml++'s parse errors in akkoord's own words (English and Dutch), and the fixes for what Dutch users type
// where TOML wants something else: `1.250.000`, `12,5`, `01-03-2026`, `ja`, text without its quotes. Shared by
// the plan reader and `.akkoord.toml`; toml++ itself is not seen here, only its message text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "akkoord/diagnostic.hpp"

namespace akkoord {

// A `key = value` line cut into its parts: byte offsets into the line, ends exclusive. The value runs to a
// comment or the end of the line, without the blanks around it.
struct toml_statement {
  std::size_t key_begin = 0;
  std::size_t key_end = 0;
  std::size_t value_begin = 0;
  std::size_t value_end = 0;
};

// The parts of `line` when it reads as `key = value` (a dotted or quoted key included), else nullopt.
std::optional<toml_statement> split_toml_statement(std::string_view line);

// `s` as a TOML basic string, quotes included: what a fix writes for a text value (`"task-1"`).
std::string toml_string(std::string_view s);

// What the value of a fixed statement is in TOML.
enum class toml_value_kind { string, integer, floating_point, boolean, date };

// The statement a line should hold: valid TOML on its own, and the text the help quotes.
struct toml_fix {
  std::string statement;  // `key = value`, the key as written: `budget = 1_250_000`
  std::string value;      // the value of `statement`: `1_250_000`
  bool certain = false;   // only one reading is possible (not `01-03-2026`, not where an open quote ends): a fix
  toml_value_kind kind;   // what the value in `statement` is
  toml_statement written; // where the line holds the key and the value being replaced
  text problem;           // what is wrong with the value as written: "`12,5` is not a number in TOML"
  text help;              // why, ending in `statement`
};

// The fix for the statement on `line` when its value is written the way people write it outside TOML: a point
// or comma between thousands, a decimal comma, a date day first (quoted or not), `ja`/`nee`/`waar`/`onwaar`,
// text without quotes or without its closing quote, a date or number in quotes. nullopt for anything else,
// a valid value of its own kind included.
std::optional<toml_fix> suggest_toml_fix(std::string_view line);

// Where the caret of a TOML syntax error goes.
enum class toml_caret {
  reported,  // where toml++ stopped
  key,       // the key of the statement on that line (toml++ stops after it, e.g. for a key written twice)
};

// A toml++ parse error in akkoord's words.
struct toml_error_text {
  text message;
  std::optional<text> help;  // general advice; a toml_fix for the line says more and replaces it
  toml_caret caret = toml_caret::reported;
  text library_note;         // toml++'s own words, in English in both languages: "toml++: …"
};

// `description` is toml++'s parse_error::description() ("Error while parsing SCOPE: REASON");
// `at_line_end`: toml++ stopped at the end of its line (an unclosed string stops there).
// An unknown description gets a general message; the library's text is always kept in the note.
toml_error_text explain_toml_error(std::string_view description, bool at_line_end);

// A toml++ parse error in `file`, ready to report: the message, help and note of explain_toml_error, the problem
// and help of the line's toml_fix when toml++ stopped in that value, and the span the caret marks: where toml++ stopped
// (`at`: its line, and its column in code points), the key (toml_caret::key) or the value a fix replaces.
struct toml_syntax_error {
  source_pos begin;
  source_pos end;
  text message;
  std::optional<text> help;
  text library_note;
  std::optional<std::string> replacement = {};  // for begin..end (the value), when the line's fix is certain
};
toml_syntax_error describe_toml_error(const source_file& file, source_pos at, std::string_view description);

}  // namespace akkoord

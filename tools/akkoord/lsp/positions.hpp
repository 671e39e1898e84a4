// LSP positions (0-based lines, columns in UTF-16 code units) and the tool's (source.hpp: 1-based lines,
// columns in code points), both ways; edits of a document's text at LSP positions. Lines end at '\n' (a
// preceding '\r' belongs to the line end), as in source_file.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "akkoord/source.hpp"

namespace akkoord::lsp {

struct lsp_position {
  std::uint32_t line = 0;       // 0-based
  std::uint32_t character = 0;  // UTF-16 code units from the start of the line
  friend bool operator==(const lsp_position&, const lsp_position&) = default;
};

// Within one line's text (without its line end). A column past the end of the line means its end, as LSP
// says; a UTF-16 offset inside a surrogate pair means the character it splits.
std::uint32_t utf16_from_code_points(std::string_view line, std::uint32_t code_points);
std::uint32_t code_points_from_utf16(std::string_view line, std::uint32_t utf16);

// The LSP position of a tool position in `file` (line 0, "no position": the start of the file).
lsp_position to_lsp(const source_file& file, source_pos pos);
// A tool range as LSP's {"start", "end"}.
nlohmann::json to_lsp_range(const source_file& file, source_pos begin, source_pos end);
nlohmann::json to_json(lsp_position pos);
lsp_position position_from_json(const nlohmann::json& pos);  // throws json::exception when malformed

// The byte offset in `text` of an LSP position; a line past the end means the end of the text.
std::size_t byte_offset(std::string_view text, lsp_position pos);
// The position just after the last character of `text` (for an edit that replaces all of it).
lsp_position end_position(std::string_view text);

// Applies one `TextDocumentContentChangeEvent`: with a `range`, the text between its ends is replaced;
// without one, the whole text is.
void apply_change(std::string& text, const nlohmann::json& change);

}  // namespace akkoord::lsp

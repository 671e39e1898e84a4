#include "positions.hpp"

#include <algorithm>

namespace akkoord::lsp {

namespace {

// The bytes of the UTF-8 sequence that starts with `lead` (an invalid byte stands alone, as a code point of
// its own, which is how the tool counts columns).
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF8) return 4;
  return 1;
}

// A code point beyond the Basic Multilingual Plane is two UTF-16 code units (a surrogate pair).
std::uint32_t utf16_units(std::size_t sequence) { return sequence == 4 ? 2 : 1; }

// The line `line` (0-based) of `text`: its first byte and the byte of its '\n' (or the end).
std::pair<std::size_t, std::size_t> line_bounds(std::string_view text, std::uint32_t line) {
  std::size_t start = 0;
  for (std::uint32_t i = 0; i < line; ++i) {
    const std::size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) return {text.size(), text.size()};
    start = newline + 1;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  return {start, end};
}

std::string_view without_carriage_return(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Where a UTF-16 offset falls in `line` (the end of the line when it is past it): its byte and its code point.
struct line_place {
  std::size_t byte = 0;
  std::uint32_t code_points = 0;
};
line_place place_of_utf16(std::string_view line, std::uint32_t utf16) {
  line_place place;
  std::uint32_t units = 0;
  while (place.byte < line.size() && units < utf16) {
    const std::size_t length =
        std::min(sequence_length(static_cast<unsigned char>(line[place.byte])), line.size() - place.byte);
    units += utf16_units(length);
    place.byte += length;
    ++place.code_points;
  }
  return place;
}

}  // namespace

std::uint32_t utf16_from_code_points(std::string_view line, std::uint32_t code_points) {
  std::size_t byte = 0;
  std::uint32_t units = 0;
  for (std::uint32_t i = 0; i < code_points && byte < line.size(); ++i) {
    const std::size_t length = std::min(sequence_length(static_cast<unsigned char>(line[byte])), line.size() - byte);
    units += utf16_units(length);
    byte += length;
  }
  return units;
}

std::uint32_t code_points_from_utf16(std::string_view line, std::uint32_t utf16) {
  return place_of_utf16(line, utf16).code_points;
}

lsp_position to_lsp(const source_file& file, source_pos pos) {
  if (pos.line == 0 || file.line_count() == 0) return {};
  const std::uint32_t line = std::min(pos.line, file.line_count());
  const std::uint32_t column = pos.column == 0 ? 0 : pos.column - 1;
  return {line - 1, utf16_from_code_points(file.line_text(line), column)};
}

nlohmann::json to_json(lsp_position pos) { return {{"line", pos.line}, {"character", pos.character}}; }

nlohmann::json to_lsp_range(const source_file& file, source_pos begin, source_pos end) {
  const lsp_position from = to_lsp(file, begin);
  lsp_position to = end.line == 0 ? from : to_lsp(file, end);
  if (to.line < from.line || (to.line == from.line && to.character < from.character)) to = from;
  return {{"start", to_json(from)}, {"end", to_json(to)}};
}

lsp_position position_from_json(const nlohmann::json& pos) {
  return {pos.at("line").get<std::uint32_t>(), pos.at("character").get<std::uint32_t>()};
}

std::size_t byte_offset(std::string_view text, lsp_position pos) {
  const auto [start, end] = line_bounds(text, pos.line);
  return start + place_of_utf16(without_carriage_return(text.substr(start, end - start)), pos.character).byte;
}

lsp_position end_position(std::string_view text) {
  const auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
  const std::size_t last_start = text.rfind('\n') == std::string_view::npos ? 0 : text.rfind('\n') + 1;
  return {lines, utf16_from_code_points(text.substr(last_start), static_cast<std::uint32_t>(-1))};
}

void apply_change(std::string& text, const nlohmann::json& change) {
  const std::string& replacement = change.at("text").get_ref<const std::string&>();
  const auto range = change.find("range");
  if (range == change.end() || range->is_null()) {
    text = replacement;
    return;
  }
  const std::size_t begin = byte_offset(text, position_from_json(range->at("start")));
  const std::size_t end = std::max(begin, byte_offset(text, position_from_json(range->at("end"))));
  text.replace(begin, end - begin, replacement);
}

}  // namespace akkoord::lsp

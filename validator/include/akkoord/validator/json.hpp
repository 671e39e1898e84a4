// JSON in and out through nlohmann-json: documents are built as nlohmann::ordered_json (keys stay in the order
// the formats document), and append_json() prints them in the documented layout.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/report.hpp"

namespace akkoord {

// Appends `value` with its line breaks where the documented formats have them. A container nested less deep
// than `expanded_depth` (the document itself is depth 0), and an array that is the value of one of
// `expanded_keys`, puts each member on a line of its own, indented two spaces more than the line it opens on.
// Every other container stays on one line, with ", " and ": " between its members; the defaults put the whole
// document on one line. Strings are escaped by the library, and invalid UTF-8 in them becomes U+FFFD, so the
// output is always valid JSON.
void append_json(std::string& out, const nlohmann::ordered_json& value, std::size_t expanded_depth = 0,
                 std::initializer_list<std::string_view> expanded_keys = {});

// The long list of a document (the findings of a report), given item by item: each item is built, written
// and freed in turn, so that a report of many findings never holds them all as JSON values at once.
struct json_list {
  std::string_view key;  // the member of the document it fills (there an empty array), one item per line
  std::size_t size = 0;
  std::function<nlohmann::ordered_json(std::size_t)> item;
};
// The same, with `list` written into the document.
void append_json(std::string& out, const nlohmann::ordered_json& document, const json_list& list,
                 std::size_t expanded_depth = 0, std::initializer_list<std::string_view> expanded_keys = {});

// The JSON report (README, `--format json`) with its findings left out: {"version", "findings": [], "summary"},
// keys in documented order. render_json() writes it with a json_list of json_finding()s under "findings".
nlohmann::ordered_json json_report(const report_summary& summary);
// One finding of the JSON report.
nlohmann::ordered_json json_finding(const diagnostic& d, language lang);

}  // namespace akkoord

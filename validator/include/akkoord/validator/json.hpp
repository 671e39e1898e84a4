// JSON in and out through nlohmann-json: documents are built as nlohmann::ordered_json (keys stay in the order
// the formats document), and append_json() prints them in the documented layout.
#pragma once

#include <cstddef>
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

// The JSON report (README, `--format json`): {"version", "findings", "summary"}, keys in documented order.
nlohmann::ordered_json json_report(const diagnostics& ds, const report_summary& summary, language lang);
// One finding of it. The report is laid out with `append_json(out, report, 0, {"findings"})`.
nlohmann::ordered_json json_finding(const diagnostic& d, language lang);

}  // namespace akkoord

// The SARIF 2.1.0 report (OASIS; what code-scanning services read). One run, one result per finding, in the
// findings' order. Valid against both the 2.1.0 schema and the errata01 schema (tests/data/schemas): only
// properties both define, a `region` always with `startLine`, and no suppression `state`/`status`.
#include <algorithm>
#include <map>
#include <vector>

#include "akkoord/validator/json.hpp"
#include "akkoord/validator/report.hpp"
#include "support.hpp"

namespace akkoord {

using namespace report_detail;

namespace {

std::string_view sarif_level(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "note";
  }
  return "error";
}

// A path as a URI reference: relative paths stay relative (as given), absolute ones become file:// URIs.
// Everything but unreserved characters and `/` is percent-encoded, byte by byte (UTF-8), so spaces, `#`, `%`
// and non-ASCII names survive, and a `:` never looks like a URI scheme.
std::string path_to_uri(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  if (path.starts_with('/')) out += "file://";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

nlohmann::ordered_json message_object(std::string_view message) { return {{"text", message}}; }

// `physicalLocation` for a span with a file. Columns are code points (run.columnKind says so); the end is
// exclusive in both SARIF and akkoord.
nlohmann::ordered_json physical_location(const source_span& span) {
  nlohmann::ordered_json location;
  location["artifactLocation"] = {{"uri", path_to_uri(span.file->path())}};
  if (span.begin.line != 0) {
    nlohmann::ordered_json region;
    region["startLine"] = span.begin.line;
    if (span.begin.column != 0) region["startColumn"] = span.begin.column;
    if (span.end.line >= span.begin.line && span.end.column != 0) {
      region["endLine"] = span.end.line;
      region["endColumn"] = span.end.column;
    }
    location["region"] = std::move(region);
  }
  return location;
}

nlohmann::ordered_json rule(std::string_view id, const check_description* description, language lang) {
  nlohmann::ordered_json rule;
  rule["id"] = id;
  if (description != nullptr) {
    if (!description->summary.empty()) rule["shortDescription"] = message_object(description->summary.in(lang));
    if (!description->documentation.empty()) {
      rule["fullDescription"] = message_object(description->documentation);
      rule["help"] = {{"text", description->documentation}, {"markdown", description->documentation}};
    }
    rule["defaultConfiguration"] = {{"level", sarif_level(description->default_level)}};
  }
  return rule;
}

nlohmann::ordered_json result(const diagnostic& d, std::size_t rule_index, language lang) {
  nlohmann::ordered_json result;
  result["ruleId"] = d.id;
  result["ruleIndex"] = rule_index;
  result["level"] = sarif_level(d.level);
  result["message"] = message_object(d.message.in(lang));
  if (d.primary.file != nullptr) {
    result["locations"] = nlohmann::ordered_json::array({{{"physicalLocation", physical_location(d.primary)}}});
  }
  if (!d.related.empty()) {
    nlohmann::ordered_json related = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < d.related.size(); ++k) {
      const label& l = d.related[k];
      nlohmann::ordered_json place;
      place["id"] = k + 1;
      if (l.span.file != nullptr) place["physicalLocation"] = physical_location(l.span);
      place["message"] = message_object(related_message(l, lang));
      related.push_back(std::move(place));
    }
    result["relatedLocations"] = std::move(related);
  }
  if (d.suppressed) {
    nlohmann::ordered_json suppression{{"kind", "inSource"}};
    if (!d.suppression_reason.empty()) suppression["justification"] = d.suppression_reason;
    result["suppressions"] = nlohmann::ordered_json::array({std::move(suppression)});
  }
  // A certain fix (SARIF 2.1.0 §3.55): its edits as replacements, grouped by file in order of appearance;
  // deletedRegion columns are code points like every region here, and an empty region inserts.
  if (d.fix) {
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    std::vector<const source_file*> files;
    for (const text_edit& e : d.fix->edits) {
      if (!e.span.valid()) continue;
      const auto at = std::find(files.begin(), files.end(), e.span.file);
      if (at == files.end()) {
        files.push_back(e.span.file);
        changes.push_back({{"artifactLocation", {{"uri", path_to_uri(e.span.file->path())}}},
                           {"replacements", nlohmann::ordered_json::array()}});
      }
      auto& replacements = changes[static_cast<std::size_t>(std::find(files.begin(), files.end(), e.span.file) -
                                                            files.begin())]["replacements"];
      replacements.push_back({{"deletedRegion", physical_location(e.span)["region"]},
                              {"insertedContent", {{"text", e.replacement}}}});
    }
    if (!changes.empty())
      result["fixes"] = nlohmann::ordered_json::array(
          {{{"description", message_object(d.fix->title.in(lang))}, {"artifactChanges", std::move(changes)}}});
  }
  // Notes and the fix have no SARIF property of their own: they travel in the result's property bag.
  if (!d.notes.empty() || d.help) {
    nlohmann::ordered_json properties = nlohmann::ordered_json::object();
    if (!d.notes.empty()) {
      nlohmann::ordered_json notes = nlohmann::ordered_json::array();
      for (const text& note : d.notes) notes.push_back(note.in(lang));
      properties["notes"] = std::move(notes);
    }
    if (d.help) properties["help"] = d.help->in(lang);
    result["properties"] = std::move(properties);
  }
  return result;
}

}  // namespace

void render_sarif(std::string& out, const run_result& checked, const report_options& options) {
  const diagnostics& ds = checked.findings;
  const run_result& context = checked;
  const language lang = options.lang;
  // `rules`: every id that occurs, sorted; results point at them by index.
  std::map<std::string_view, std::size_t> rule_index;
  for (const diagnostic& d : ds) rule_index.emplace(d.id, 0);
  std::size_t next = 0;
  for (auto& [id, index] : rule_index) index = next++;

  nlohmann::ordered_json driver;
  driver["name"] = "akkoord";
  if (!context.tool_version.empty()) driver["version"] = context.tool_version;
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& [id, index] : rule_index) rules.push_back(rule(id, find_description(context, id), lang));
  driver["rules"] = std::move(rules);

  nlohmann::ordered_json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["language"] = lang == language::nl ? "nl" : "en";
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = nlohmann::ordered_json::array();  // written one by one below

  nlohmann::ordered_json log;
  log["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = nlohmann::ordered_json::array({std::move(run)});
  // The document, `runs` and the run one member per line; rules and results one per line.
  const json_list results{"results", ds.size(), [&](std::size_t k) { return result(ds[k], rule_index[ds[k].id], lang); }};
  append_json(out, log, results, 3, {"rules"});
  out += '\n';
}

}  // namespace akkoord

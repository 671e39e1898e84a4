// The SARIF 2.1.0 report (OASIS; what code-scanning services read). One run, one result per finding, in the
// findings' order. Valid against both the 2.1.0 schema and the errata01 schema (tests/data/schemas): only
// properties both define, a `region` always with `startLine`, and no suppression `state`/`status`.
#include <algorithm>
#include <map>

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

void append_message(std::string& out, std::string_view key, std::string_view message) {
  out += '"';
  out += key;
  out += "\": {\"text\": ";
  append_json_string(out, message);
  out += '}';
}

// `"physicalLocation": {…}` for a span with a file. Columns are code points (run.columnKind says so);
// the end is exclusive in both SARIF and akkoord.
void append_physical_location(std::string& out, const source_span& span) {
  out += "\"physicalLocation\": {\"artifactLocation\": {\"uri\": ";
  append_json_string(out, path_to_uri(span.file->path()));
  out += '}';
  if (span.begin.line != 0) {
    out += ", \"region\": {\"startLine\": ";
    append_number(out, span.begin.line);
    if (span.begin.column != 0) {
      out += ", \"startColumn\": ";
      append_number(out, span.begin.column);
    }
    if (span.end.line >= span.begin.line && span.end.column != 0) {
      out += ", \"endLine\": ";
      append_number(out, span.end.line);
      out += ", \"endColumn\": ";
      append_number(out, span.end.column);
    }
    out += '}';
  }
  out += '}';
}

void append_rule(std::string& out, std::string_view id, const check_description* description, language lang) {
  out += "{\"id\": ";
  append_json_string(out, id);
  if (description != nullptr) {
    if (!description->summary.empty()) {
      out += ", ";
      append_message(out, "shortDescription", description->summary.in(lang));
    }
    if (!description->documentation.empty()) {
      out += ", ";
      append_message(out, "fullDescription", description->documentation);
      out += ", \"help\": {\"text\": ";
      append_json_string(out, description->documentation);
      out += ", \"markdown\": ";
      append_json_string(out, description->documentation);
      out += '}';
    }
    out += ", \"defaultConfiguration\": {\"level\": \"";
    out += sarif_level(description->default_level);
    out += "\"}";
  }
  out += '}';
}

void append_result(std::string& out, const diagnostic& d, std::size_t rule_index, language lang) {
  out += "{\"ruleId\": ";
  append_json_string(out, d.id);
  out += ", \"ruleIndex\": ";
  append_number(out, rule_index);
  out += ", \"level\": \"";
  out += sarif_level(d.level);
  out += "\", ";
  append_message(out, "message", d.message.in(lang));
  if (d.primary.file != nullptr) {
    out += ", \"locations\": [{";
    append_physical_location(out, d.primary);
    out += "}]";
  }
  if (!d.related.empty()) {
    out += ", \"relatedLocations\": [";
    for (std::size_t k = 0; k < d.related.size(); ++k) {
      const label& l = d.related[k];
      if (k > 0) out += ", ";
      out += "{\"id\": ";
      append_number(out, k + 1);
      if (l.span.file != nullptr) {
        out += ", ";
        append_physical_location(out, l.span);
      }
      out += ", ";
      append_message(out, "message", related_message(l, lang));
      out += '}';
    }
    out += ']';
  }
  if (d.suppressed) {
    out += ", \"suppressions\": [{\"kind\": \"inSource\"";
    if (!d.suppression_reason.empty()) {
      out += ", \"justification\": ";
      append_json_string(out, d.suppression_reason);
    }
    out += "}]";
  }
  // Notes and the fix have no SARIF property of their own: they travel in the result's property bag.
  if (!d.notes.empty() || d.help) {
    out += ", \"properties\": {";
    bool first = true;
    if (!d.notes.empty()) {
      out += "\"notes\": [";
      for (std::size_t k = 0; k < d.notes.size(); ++k) {
        if (k > 0) out += ", ";
        append_json_string(out, d.notes[k].in(lang));
      }
      out += ']';
      first = false;
    }
    if (d.help) {
      if (!first) out += ", ";
      out += "\"help\": ";
      append_json_string(out, d.help->in(lang));
    }
    out += '}';
  }
  out += '}';
}

}  // namespace

void render_sarif(std::string& out, const run_result& run, const report_options& options) {
  const diagnostics& ds = run.findings;
  const run_result& context = run;
  const language lang = options.lang;
  // `rules`: every id that occurs, sorted; results point at them by index.
  std::map<std::string_view, std::size_t> rule_index;
  for (const diagnostic& d : ds) rule_index.emplace(d.id, 0);
  std::size_t next = 0;
  for (auto& [id, index] : rule_index) index = next++;

  out += "{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\n"
         "  \"version\": \"2.1.0\",\n"
         "  \"runs\": [{\n"
         "    \"tool\": {\"driver\": {\"name\": \"akkoord\"";
  if (!context.tool_version.empty()) {
    out += ", \"version\": ";
    append_json_string(out, context.tool_version);
  }
  out += ", \"rules\": [";
  bool first = true;
  for (const auto& [id, index] : rule_index) {
    out += first ? "\n      " : ",\n      ";
    first = false;
    append_rule(out, id, find_description(context, id), lang);
  }
  out += first ? "]}},\n" : "\n    ]}},\n";
  out += "    \"language\": \"";
  out += lang == language::nl ? "nl" : "en";
  out += "\",\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [";
  first = true;
  for (const diagnostic& d : ds) {
    out += first ? "\n      " : ",\n      ";
    first = false;
    append_result(out, d, rule_index[d.id], lang);
  }
  out += first ? "]\n" : "\n    ]\n";
  out += "  }]\n}\n";
}

}  // namespace akkoord

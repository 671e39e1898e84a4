// The JSON report of cli.md (one object, keys in documented order, one finding per line) and the layout
// routine every JSON output of akkoord goes through. nlohmann-json escapes; this file only breaks lines.
#include "akkoord/validator/json.hpp"

#include <algorithm>

#include "akkoord/validator/report.hpp"

namespace akkoord {

using nlohmann::ordered_json;

namespace {

struct json_layout {
  std::size_t expanded_depth;
  std::initializer_list<std::string_view> expanded_keys;
};

void append_scalar(std::string& out, const ordered_json& value) {
  out += value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// `indent`: the indentation of the line `value` starts on; `expanded`: one member per line.
void append_laid_out(std::string& out, const ordered_json& value, const json_layout& layout, std::size_t depth,
                     std::size_t indent, bool expanded) {
  if (!value.is_structured()) {
    append_scalar(out, value);
    return;
  }
  const bool object = value.is_object();
  out += object ? '{' : '[';
  bool first = true;
  for (auto member = value.begin(); member != value.end(); ++member) {
    if (expanded) {
      out += first ? "\n" : ",\n";
      out.append(indent + 2, ' ');
    } else if (!first) {
      out += ", ";
    }
    first = false;
    bool expand_member = depth + 1 < layout.expanded_depth;
    if (object) {
      append_scalar(out, ordered_json(member.key()));
      out += ": ";
      expand_member = expand_member || (member->is_array() && std::find(layout.expanded_keys.begin(),
                                                                        layout.expanded_keys.end(),
                                                                        member.key()) != layout.expanded_keys.end());
    }
    append_laid_out(out, *member, layout, depth + 1, expanded ? indent + 2 : indent, expand_member);
  }
  if (expanded && !first) {
    out += '\n';
    out.append(indent, ' ');
  }
  out += object ? '}' : ']';
}

// A position field: a number, or null when the finding has no position (a whole-file message).
ordered_json position(std::uint32_t value, bool present) { return present ? ordered_json(value) : ordered_json(); }

ordered_json file_of(const source_span& span) {
  return span.file != nullptr ? ordered_json(span.file->path()) : ordered_json();
}

}  // namespace

void append_json(std::string& out, const ordered_json& value, std::size_t expanded_depth,
                 std::initializer_list<std::string_view> expanded_keys) {
  append_laid_out(out, value, {expanded_depth, expanded_keys}, 0, 0, expanded_depth > 0);
}

// Kept for `diff --format json`, which still assembles its additions by hand.
void append_json_string(std::string& out, std::string_view s) { append_scalar(out, ordered_json(std::string(s))); }

ordered_json json_finding(const diagnostic& d, language lang) {
  const bool located = d.primary.valid();
  const bool has_end = located && d.primary.end.line != 0;
  ordered_json finding;
  finding["id"] = d.id;
  finding["severity"] = to_string(d.level);
  finding["message"] = d.message.in(lang);
  finding["file"] = file_of(d.primary);
  finding["line"] = position(d.primary.begin.line, located);
  finding["column"] = position(d.primary.begin.column, located);
  finding["end_line"] = position(d.primary.end.line, has_end);
  finding["end_column"] = position(d.primary.end.column, has_end);
  // Built apart and moved in: a reference into `finding` would dangle once another key is added.
  ordered_json related = ordered_json::array();
  for (const label& l : d.related) {
    ordered_json place;
    place["file"] = file_of(l.span);
    place["line"] = position(l.span.begin.line, l.span.valid());
    place["column"] = position(l.span.begin.column, l.span.valid());
    place["message"] = l.message.in(lang);
    related.push_back(std::move(place));
  }
  finding["related"] = std::move(related);
  ordered_json notes = ordered_json::array();
  for (const text& note : d.notes) notes.push_back(note.in(lang));
  finding["notes"] = std::move(notes);
  finding["help"] = d.help ? ordered_json(d.help->in(lang)) : ordered_json();
  finding["suppressed"] = d.suppressed;
  return finding;
}

ordered_json json_report(const diagnostics& ds, const report_summary& summary, language lang) {
  ordered_json report;
  report["version"] = 1;
  ordered_json findings = ordered_json::array();
  for (const diagnostic& d : ds) findings.push_back(json_finding(d, lang));
  report["findings"] = std::move(findings);
  report["summary"] = {{"files", summary.files},
                       {"errors", summary.errors},
                       {"warnings", summary.warnings},
                       {"infos", summary.infos},
                       {"suppressed", summary.suppressed}};
  return report;
}

void render_json_diagnostic(std::string& out, const diagnostic& d, language lang) {
  append_json(out, json_finding(d, lang));
}

void render_json(std::string& out, const diagnostics& ds, const report_summary& summary, language lang) {
  append_json(out, json_report(ds, summary, lang), 0, {"findings"});  // one finding per line
  out += '\n';
}

}  // namespace akkoord

// The JSON report of cli.md: one object, stable key order, one finding per line.
#include <charconv>

#include "akkoord/validator/report.hpp"
#include "utf8.hpp"

namespace akkoord {

using namespace report_detail;

namespace {

void append_number(std::string& out, std::uint64_t n) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, result.ptr);
}

// A position field: a number, or null when the finding has no position (a whole-file message).
void append_position(std::string& out, std::string_view key, std::uint32_t value, bool present) {
  out += ", \"";
  out += key;
  out += "\": ";
  if (present) {
    append_number(out, value);
  } else {
    out += "null";
  }
}

void append_file(std::string& out, const source_span& span) {
  out += "\"file\": ";
  if (span.file != nullptr) {
    append_json_string(out, span.file->path());
  } else {
    out += "null";
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (c < 0x20 || c == 0x7F) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    const decoded d = decode_at(s, i);
    if (d.code_point == invalid_code_point) {
      out += "\\ufffd";
    } else {
      out.append(s.substr(i, d.length));
    }
    i += d.length;
  }
  out += '"';
}

void render_json_diagnostic(std::string& out, const diagnostic& d, language lang) {
  const bool located = d.primary.valid();
  out += "{\"id\": ";
  append_json_string(out, d.id);
  out += ", \"severity\": ";
  append_json_string(out, to_string(d.level));
  out += ", \"message\": ";
  append_json_string(out, d.message.in(lang));
  out += ", ";
  append_file(out, d.primary);
  append_position(out, "line", d.primary.begin.line, located);
  append_position(out, "column", d.primary.begin.column, located);
  const bool has_end = located && d.primary.end.line != 0;
  append_position(out, "end_line", d.primary.end.line, has_end);
  append_position(out, "end_column", d.primary.end.column, has_end);
  out += ", \"related\": [";
  for (std::size_t k = 0; k < d.related.size(); ++k) {
    const label& l = d.related[k];
    if (k > 0) out += ", ";
    out += '{';
    append_file(out, l.span);
    append_position(out, "line", l.span.begin.line, l.span.valid());
    append_position(out, "column", l.span.begin.column, l.span.valid());
    out += ", \"message\": ";
    append_json_string(out, l.message.in(lang));
    out += '}';
  }
  out += "], \"notes\": [";
  for (std::size_t k = 0; k < d.notes.size(); ++k) {
    if (k > 0) out += ", ";
    append_json_string(out, d.notes[k].in(lang));
  }
  out += "], \"help\": ";
  if (d.help) {
    append_json_string(out, d.help->in(lang));
  } else {
    out += "null";
  }
  out += ", \"suppressed\": ";
  out += d.suppressed ? "true" : "false";
  out += '}';
}

void render_json(std::string& out, const diagnostics& ds, const report_summary& summary, language lang) {
  out += "{\"version\": 1, \"findings\": [";
  for (std::size_t k = 0; k < ds.size(); ++k) {
    out += k == 0 ? "\n  " : ",\n  ";
    render_json_diagnostic(out, ds[k], lang);
  }
  if (!ds.empty()) out += '\n';
  out += "], \"summary\": {\"files\": ";
  append_number(out, summary.files);
  out += ", \"errors\": ";
  append_number(out, summary.errors);
  out += ", \"warnings\": ";
  append_number(out, summary.warnings);
  out += ", \"infos\": ";
  append_number(out, summary.infos);
  out += ", \"suppressed\": ";
  append_number(out, summary.suppressed);
  out += "}}\n";
}

}  // namespace akkoord

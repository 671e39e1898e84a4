// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,endLine=…,endColumn=…,
// title=ID::message` line per finding that is not suppressed, which GitHub shows as annotations on the
// changed files. Related places, notes and help follow the message on lines of their own (escaped as %0A).
#include "akkoord/validator/report.hpp"
#include "support.hpp"
#include "utf8.hpp"

namespace akkoord {

using namespace report_detail;

namespace {

std::string_view command_for(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "notice";
  }
  return "error";
}

// Escapes as GitHub's runner (toolkit `escapeData`/`escapeProperty`) expects, so a value can never end the
// command line and start one of its own; invalid UTF-8 and other control characters become U+FFFD. A property
// (the file name) keeps its line breaks, escaped, so that GitHub finds the file it names.
void append_github_escaped(std::string& out, std::string_view s, bool property) {
  for (std::size_t i = 0; i < s.size();) {
    const decoded d = decode_at(s, i);
    switch (d.code_point) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      case '\t': out += ' '; break;
      default:
        if (d.code_point == invalid_code_point || is_control(d.code_point)) {
          out += replacement_character;
        } else {
          out.append(s.substr(i, d.length));
        }
    }
    i += d.length;
  }
}

void append_property(std::string& out, bool& first, std::string_view name, std::string_view value) {
  out += first ? " " : ",";
  first = false;
  out += name;
  out += '=';
  append_github_property(out, value);
}

void append_number_property(std::string& out, bool& first, std::string_view name, std::uint32_t value) {
  std::string digits;
  append_number(digits, value);
  append_property(out, first, name, digits);
}

}  // namespace

void append_github_data(std::string& out, std::string_view s) { append_github_escaped(out, s, false); }
void append_github_property(std::string& out, std::string_view s) { append_github_escaped(out, s, true); }

void render_github(std::string& out, const diagnostics& ds, const report_options& options) {
  const language lang = options.lang;
  const bool nl = lang == language::nl;
  for (const diagnostic& d : ds) {
    if (d.suppressed) continue;  // waived with a reason: no annotation
    out += "::";
    out += command_for(d.level);
    bool first = true;
    if (d.primary.file != nullptr) {
      append_property(out, first, "file", d.primary.file->path());
      if (d.primary.begin.line != 0) {
        append_number_property(out, first, "line", d.primary.begin.line);
        if (d.primary.begin.column != 0) append_number_property(out, first, "col", d.primary.begin.column);
        if (d.primary.end.line >= d.primary.begin.line && d.primary.end.column != 0) {
          append_number_property(out, first, "endLine", d.primary.end.line);
          append_number_property(out, first, "endColumn", d.primary.end.column);
        }
      }
    }
    if (!d.id.empty()) append_property(out, first, "title", d.id);
    out += "::";
    // The message, then one line per related place, note and help, in the words of the short form. Each
    // piece of user text is made printable first, so the only line breaks are these separators.
    std::string message = printable(d.message.in(lang));
    for (const label& l : d.related) {
      message += nl ? "\nzie ook: " : "\nrelated: ";
      const std::string where = plain_location(l.span);
      if (!where.empty()) message += printable(where) + ": ";
      message += printable(related_message(l, lang));
    }
    for (const text& note : d.notes) message += (nl ? "\nopmerking: " : "\nnote: ") + printable(note.in(lang));
    if (d.help) message += (nl ? "\ntip: " : "\nhelp: ") + printable(d.help->in(lang));
    append_github_data(out, message);
    out += '\n';
  }
}

}  // namespace akkoord

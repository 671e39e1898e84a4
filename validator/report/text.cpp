// The text renderers: the rich compiler-style form (source line and caret per location) and the short form.
#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>
#include <vector>

#include "akkoord/validator/report.hpp"
#include "utf8.hpp"

namespace akkoord {

using namespace report_detail;

namespace {

// ANSI styles, used only when report_options::color is set.
namespace ansi {
constexpr std::string_view reset = "\x1b[0m";
constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view red = "\x1b[1;31m";
constexpr std::string_view magenta = "\x1b[1;35m";
constexpr std::string_view blue = "\x1b[1;34m";
constexpr std::string_view cyan = "\x1b[1;36m";
constexpr std::string_view green = "\x1b[1;32m";
}  // namespace ansi

std::string_view severity_style(severity s) {
  switch (s) {
    case severity::error: return ansi::red;
    case severity::warning: return ansi::magenta;
    case severity::info: return ansi::blue;
  }
  return ansi::red;
}

// Appends `content` wrapped in `style` when colour is on.
void styled(std::string& out, bool color, std::string_view style, std::string_view content) {
  if (color) out += style;
  out += content;
  if (color) out += ansi::reset;
}

void append_number(std::string& out, std::uint64_t n) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, result.ptr);
}

std::string_view note_word(language lang) { return lang == language::nl ? "opmerking" : "note"; }
std::string_view help_word(language lang) { return lang == language::nl ? "tip" : "help"; }
std::string_view related_word(language lang) { return lang == language::nl ? "zie ook" : "related"; }
// A waived finding: the Dutch plan documents call a waiver an "uitzondering".
std::string_view suppressed_word(language lang) { return lang == language::nl ? "(uitgezonderd)" : "(suppressed)"; }

const std::string& label_message(const label& l, language lang) {
  static const text related_place{"related location", "bijbehorende plaats"};
  return l.message.empty() ? related_place.in(lang) : l.message.in(lang);
}

// "path:line:col", "path" for a whole-file message, "" when not tied to a file.
std::string location(const source_span& span) {
  std::string out;
  if (span.file == nullptr) return out;
  append_printable(out, span.file->path());
  if (span.begin.line != 0) {
    out += ':';
    append_number(out, span.begin.line);
    out += ':';
    append_number(out, std::max<std::uint32_t>(span.begin.column, 1));
  }
  return out;
}

std::size_t digits(std::uint32_t n) {
  std::size_t d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}

// One displayed character of a source line.
struct cell {
  std::size_t byte;    // offset in the line
  std::string shown;   // what is printed (tabs expanded, control characters replaced)
  std::size_t width;   // terminal columns
};

// The source line of `span` with a caret line under the span: `^` under its first character and `~` under
// the rest. Works in display columns, so tabs, wide and non-ASCII characters before the span still align.
void append_snippet(std::string& out, const source_span& span, std::size_t gutter, std::string_view caret_style,
                    const report_options& options) {
  const source_file& file = *span.file;
  if (span.begin.line > file.line_count()) return;
  std::string_view line = file.line_text(span.begin.line);
  const std::size_t line_start = file.offset_of({span.begin.line, 1});
  std::size_t begin = file.offset_of(span.begin) - line_start;
  std::size_t end = span.end.line == span.begin.line && span.end.column > span.begin.column
                        ? file.offset_of(span.end) - line_start
                        : (span.end.line > span.begin.line ? line.size() : begin);
  begin = std::min(begin, line.size());
  end = std::clamp(end, begin, line.size());

  // A huge line (minified or binary input): look only at a byte window around the span, wide enough for
  // snippet_width characters of up to 4 bytes on either side, so each finding costs the same on any line.
  bool cut_left = false, cut_right = false;
  const std::size_t byte_window = std::max<std::size_t>(4 * options.snippet_width, 256);
  std::size_t first = 0, last = line.size();
  if (line.size() > 2 * byte_window) {
    if (begin > byte_window) {
      first = begin - byte_window;
      while (first < begin && is_continuation(static_cast<unsigned char>(line[first]))) ++first;
      cut_left = true;
    }
    if (line.size() - begin > byte_window) {
      last = begin + byte_window;
      while (last < line.size() && is_continuation(static_cast<unsigned char>(line[last]))) ++last;
      cut_right = true;
    }
  }

  std::vector<cell> cells;
  cells.reserve(last - first);
  std::size_t column = 0;  // display column, for tab stops
  for (std::size_t i = first; i < last;) {
    const decoded d = decode_at(line, i);
    cell c{i, {}, 1};
    if (d.code_point == '\t') {
      c.width = options.tab_width - column % options.tab_width;
      c.shown.assign(c.width, ' ');
    } else if (d.code_point == invalid_code_point || is_control(d.code_point)) {
      c.shown = replacement_character;
    } else {
      c.shown = line.substr(i, d.length);
      c.width = display_width(d.code_point);
    }
    column += c.width;
    cells.push_back(std::move(c));
    i += d.length;
  }

  // Index of the first cell of the span (cells.size() when the span starts at the end of the line).
  const auto cell_at = [&](std::size_t byte) {
    return static_cast<std::size_t>(
        std::partition_point(cells.begin(), cells.end(), [&](const cell& c) { return c.byte < byte; }) -
        cells.begin());
  };
  const std::size_t span_first = cell_at(begin);
  const std::size_t span_last = std::max(cell_at(end), span_first + 1);  // at least one caret

  // Keep the shown part within snippet_width: start a third of the width before the span when needed.
  std::size_t from = 0, to = cells.size();
  const auto width_of = [&](std::size_t a, std::size_t b) {
    std::size_t w = 0;
    for (std::size_t k = a; k < b && k < cells.size(); ++k) w += cells[k].width;
    return w;
  };
  if (width_of(0, cells.size()) > options.snippet_width) {
    const std::size_t lead = options.snippet_width / 3;
    for (std::size_t before = width_of(0, span_first); from < span_first && before > lead; ++from)
      before -= cells[from].width;
    std::size_t w = 0;
    to = from;
    while (to < cells.size() && (w + cells[to].width <= options.snippet_width || to < span_first + 1)) w += cells[to++].width;
  }
  cut_left = cut_left || from > 0;
  cut_right = cut_right || to < cells.size();

  std::string number;
  append_number(number, span.begin.line);
  out.append(gutter + 1 - number.size(), ' ');
  out += number;
  out += " | ";
  std::string caret_line(gutter + 1, ' ');
  caret_line += " | ";
  if (cut_left) {
    out += "\xE2\x80\xA6";  // …
    caret_line += ' ';
  }
  for (std::size_t k = from; k < to; ++k) out += cells[k].shown;
  if (cut_right) out += "\xE2\x80\xA6";
  out += '\n';

  for (std::size_t k = from; k < span_first && k < to; ++k) caret_line.append(cells[k].width, ' ');
  std::string carets = "^";
  std::size_t first_width = span_first < cells.size() ? cells[span_first].width : 1;
  if (first_width > 1) carets.append(first_width - 1, '~');
  for (std::size_t k = span_first + 1; k < span_last && k < to; ++k) carets.append(cells[k].width, '~');
  if (options.color) caret_line += caret_style;
  caret_line += carets;
  if (options.color) caret_line += ansi::reset;
  out += caret_line;
  out += '\n';
}

void append_header(std::string& out, const source_span& where, std::string_view word, std::string_view word_style,
                   const std::string& message, std::string_view id, const report_options& options, bool fixable) {
  const std::string loc = location(where);
  if (!loc.empty()) {
    styled(out, options.color, ansi::bold, loc);
    out += ": ";
  }
  styled(out, options.color, word_style, word);
  out += ": ";
  append_printable(out, message);
  if (!id.empty()) {
    out += " [";
    if (options.color) out += word_style;
    append_printable(out, id);
    if (options.color) out += ansi::reset;
    out += ']';
  }
  if (fixable) out += " [*]";
  out += '\n';
}

// `note: …` and `help: …`: one line each, whatever the text (user text must not start a line of its own).
void append_block(std::string& out, std::string_view word, std::string_view style, const std::string& body,
                  std::string_view indent, const report_options& options) {
  out += indent;
  styled(out, options.color, style, word);
  out += ": ";
  append_printable(out, body);
  out += '\n';
}

}  // namespace

// The formats by name; one renderer file each (text.cpp has text and short).
constexpr std::pair<std::string_view, report_format> format_names[] = {
    {"text", report_format::text},   {"short", report_format::short_}, {"json", report_format::json},
    {"sarif", report_format::sarif}, {"junit", report_format::junit},  {"github", report_format::github},
    {"html", report_format::html},   {"xlsx", report_format::xlsx},
};

std::optional<report_format> parse_report_format(std::string_view name) {
  for (const auto& [known, format] : format_names)
    if (name == known) return format;
  return std::nullopt;
}

void append_printable(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const decoded d = decode_at(s, i);
    if (d.code_point == '\t' || d.code_point == '\n' || d.code_point == '\r') {
      out += ' ';
    } else if (d.code_point == invalid_code_point || is_control(d.code_point)) {
      out += replacement_character;
    } else {
      out.append(s.substr(i, d.length));
    }
    i += d.length;
  }
}

std::string printable(std::string_view s) {
  std::string out;
  append_printable(out, s);
  return out;
}

std::string_view report_format_name(report_format format) {
  for (const auto& [known, f] : format_names)
    if (f == format) return known;
  return "text";
}

std::string_view severity_word(severity s, language lang) {
  const bool nl = lang == language::nl;
  switch (s) {
    case severity::error: return nl ? "fout" : "error";
    case severity::warning: return nl ? "waarschuwing" : "warning";
    case severity::info: return nl ? "melding" : "info";
  }
  return "error";
}

report_summary summarize(const diagnostics& ds, std::size_t files) {
  report_summary s;
  s.files = files;
  for (const diagnostic& d : ds) {
    if (d.suppressed) {
      ++s.suppressed;
      continue;
    }
    if (d.fix) ++s.fixable;
    switch (d.level) {
      case severity::error: ++s.errors; break;
      case severity::warning: ++s.warnings; break;
      case severity::info: ++s.infos; break;
    }
  }
  return s;
}

std::string summary_line(const report_summary& s, language lang) {
  std::string out;
  const auto count = [&](std::size_t n, std::string_view one, std::string_view many) {
    append_number(out, n);
    out += ' ';
    out += n == 1 ? one : many;
  };
  struct words { std::string_view error, errors, warning, warnings, info, infos, file, files, suppressed; };
  static constexpr words en{"error", "errors", "warning", "warnings", "info", "infos", "file", "files", "suppressed"};
  static constexpr words nl{"fout", "fouten", "waarschuwing", "waarschuwingen", "melding", "meldingen", "bestand",
                            "bestanden", "uitgezonderd"};
  const words& w = lang == language::nl ? nl : en;
  count(s.errors, w.error, w.errors);
  out += ", ";
  count(s.warnings, w.warning, w.warnings);
  out += ", ";
  count(s.infos, w.info, w.infos);
  out += " in ";
  count(s.files, w.file, w.files);
  if (s.suppressed > 0) {
    out += " (";
    append_number(out, s.suppressed);
    out += ' ';
    out += w.suppressed;
    out += ')';
  }
  return out;
}

std::string fixable_line(const report_summary& s, language lang) {
  if (s.fixable == 0) return {};
  std::string n;
  append_number(n, s.fixable);
  const bool one = s.fixable == 1;
  if (lang == language::nl)
    return "[*] " + n + (one ? " bevinding is" : " bevindingen zijn") +
           " te herstellen met `--fix` (`--diff` toont eerst de wijzigingen)";
  return "[*] " + n + (one ? " finding" : " findings") + " can be fixed with `--fix` (`--diff` shows the changes first)";
}

void render_text_diagnostic(std::string& out, const diagnostic& d, const report_options& options) {
  const language lang = options.lang;
  // One gutter width for every snippet of the finding, so the bars line up.
  std::size_t gutter = 3;
  if (d.primary.valid()) gutter = std::max(gutter, digits(d.primary.begin.line));
  for (const label& l : d.related)
    if (l.span.valid()) gutter = std::max(gutter, digits(l.span.begin.line));

  const std::string_view style = severity_style(d.level);
  append_header(out, d.primary, severity_word(d.level, lang), style, d.message.in(lang), d.id, options,
                d.fix.has_value());
  if (d.primary.valid()) append_snippet(out, d.primary, gutter, style, options);
  for (const label& l : d.related) {
    append_header(out, l.span, note_word(lang), ansi::cyan, label_message(l, lang), {}, options, false);
    if (l.span.valid()) append_snippet(out, l.span, gutter, ansi::cyan, options);
  }
  for (const text& note : d.notes) append_block(out, note_word(lang), ansi::cyan, note.in(lang), "", options);
  if (d.help) append_block(out, help_word(lang), ansi::green, d.help->in(lang), "", options);
  out += '\n';
}

void render_short_diagnostic(std::string& out, const diagnostic& d, const report_options& options) {
  const language lang = options.lang;
  const std::string loc = location(d.primary);
  if (!loc.empty()) {
    out += loc;
    out += ": ";
  }
  out += severity_word(d.level, lang);
  out += ": ";
  append_printable(out, d.message.in(lang));
  if (!d.id.empty()) {
    out += " [";
    append_printable(out, d.id);
    out += ']';
  }
  if (d.fix) out += " [*]";
  if (d.suppressed) {
    out += ' ';
    out += suppressed_word(lang);
  }
  out += '\n';
  // `  related: path:line:col: message`, the form the check fixtures' expected.txt use as well.
  for (const label& l : d.related) {
    out += "  ";
    out += related_word(lang);
    out += ':';
    const std::string related_loc = location(l.span);
    if (!related_loc.empty()) {
      out += ' ';
      out += related_loc;
      if (!l.message.empty()) out += ':';
    }
    if (!l.message.empty()) {
      out += ' ';
      append_printable(out, l.message.in(lang));
    }
    out += '\n';
  }
  const report_options plain{.lang = lang};
  for (const text& note : d.notes) append_block(out, note_word(lang), {}, note.in(lang), "  ", plain);
  if (d.help) append_block(out, help_word(lang), {}, d.help->in(lang), "  ", plain);
}

void render_text(std::string& out, const diagnostics& ds, const report_summary& summary,
                 const report_options& options) {
  if (!options.summary_only)
    for (const diagnostic& d : ds)
      if (!d.suppressed) render_text_diagnostic(out, d, options);
  styled(out, options.color, ansi::bold, summary_line(summary, options.lang));
  out += '\n';
  if (const std::string fixable = fixable_line(summary, options.lang); !fixable.empty()) out += fixable + '\n';
}

void render_short(std::string& out, const diagnostics& ds, const report_summary& summary,
                  const report_options& options) {
  if (!options.summary_only)
    for (const diagnostic& d : ds)
      if (!d.suppressed || options.show_suppressed) render_short_diagnostic(out, d, options);
  out += summary_line(summary, options.lang);
  out += '\n';
  if (const std::string fixable = fixable_line(summary, options.lang); !fixable.empty()) out += fixable + '\n';
}

void render(report_format format, std::string& out, const run_result& run, const report_options& options) {
  const diagnostics& ds = run.findings;
  switch (format) {
    case report_format::text: render_text(out, ds, summarize(ds, run.subject_files), options); return;
    case report_format::short_: render_short(out, ds, summarize(ds, run.subject_files), options); return;
    case report_format::json: render_json(out, run, options.lang); return;
    case report_format::sarif: render_sarif(out, run, options); return;
    case report_format::junit: render_junit(out, run, options); return;
    case report_format::github: render_github(out, ds, options); return;
    case report_format::html: render_html(out, run, options); return;
    case report_format::xlsx:
      // A caller's mistake, not the user's: a spreadsheet is binary and goes to its file through write_xlsx().
      throw std::logic_error("render(): the xlsx report is written by write_xlsx(), not rendered as text");
  }
}

}  // namespace akkoord

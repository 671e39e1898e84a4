// Rendering diagnostics for people and scripts. The data (akkoord::diagnostic) knows nothing about output;
// these renderers turn a finished, ordered list of findings into text, the one-line short form, JSON, SARIF,
// JUnit XML, GitHub workflow commands or an HTML page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/exact.hpp"
#include "akkoord/validator/run.hpp"

namespace akkoord {

enum class report_format {
  text,   // compiler-style: location, message, source line with caret, notes, help, summary
  short_, // one line per finding (plus indented related/note/help lines); what golden files compare
  json,   // one stable object for scripts (cli.md)
  sarif,  // SARIF 2.1.0 (code scanning)
  junit,  // JUnit XML: one testcase per file per check (CI test reports)
  github, // GitHub Actions workflow commands (`::error file=…::message`)
  html,   // one self-contained page for policy staff
  xlsx,   // a spreadsheet (Office Open XML) for controllers; binary, so only to a file: write_xlsx()
};

// "text" | "short" | "json" | "sarif" | "junit" | "github" | "html" | "xlsx"; nullopt for anything else.
std::optional<report_format> parse_report_format(std::string_view name);
// The name parse_report_format() accepts for `format`.
std::string_view report_format_name(report_format format);

struct report_options {
  language lang = language::en;
  bool color = false;               // ANSI colours (text form only)
  bool summary_only = false;        // --quiet: only the summary line (text and short forms)
  bool show_suppressed = false;     // short form: list suppressed findings too, marked `(suppressed)`
  std::size_t tab_width = 4;        // tab stops when showing a source line
  std::size_t snippet_width = 120;  // longer source lines are shown as a window around the span
};

struct report_summary {
  std::size_t files = 0;
  std::size_t errors = 0;  // not counting suppressed findings
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t suppressed = 0;
  std::size_t fixable = 0;  // findings (not suppressed) with a certain fix, which `--fix` applies
};

// Counts per severity; suppressed findings are counted apart and not per severity.
report_summary summarize(const diagnostics& ds, std::size_t files);

// "2 errors, 1 warning, 0 infos in 3 files (1 suppressed)" / "2 fouten, 1 waarschuwing, 0 info's in 3 bestanden".
std::string summary_line(const report_summary& summary, language lang);

// "[*] 2 findings can be fixed with `--fix` (`--diff` shows the changes first)", or empty when none can; the
// findings that can are marked ` [*]` after their id in text and short.
std::string fixable_line(const report_summary& summary, language lang);

// Each renderer appends the whole report, summary included, to `out` (built in memory: fast, and written
// in one go so that a report is never half written).
void render_text(std::string& out, const diagnostics& ds, const report_summary& summary, const report_options& options);
void render_short(std::string& out, const diagnostics& ds, const report_summary& summary, const report_options& options);
void render_json(std::string& out, const diagnostics& ds, const report_summary& summary, language lang);
// SARIF 2.1.0: one run; `rules` for every check id in the findings; suppressed findings carry `suppressions`.
void render_sarif(std::string& out, const run_result& run, const report_options& options);
// JUnit XML: a testsuite per file, a testcase per check that ran on it; findings at or above
// run.fail_on are <failure>s, the others (and suppressed ones) go to the testcase's <system-out>.
void render_junit(std::string& out, const run_result& run, const report_options& options);
// GitHub workflow commands, one per finding that is not suppressed: `::error file=…,line=…::message`.
void render_github(std::string& out, const diagnostics& ds, const report_options& options);
// One self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched).
void render_html(std::string& out, const run_result& run, const report_options& options);

// The JSON report of a run: render_json()'s object with `plans` added, the figures of each plan of the run.
void render_json(std::string& out, const run_result& run, language lang);

// The report of a whole run in `format`. Text, short and GitHub need only its findings and summary; JSON,
// SARIF, JUnit and HTML also what it looked at (files, checks, figures). Not xlsx: write_xlsx() writes it.
void render(report_format format, std::string& out, const run_result& run, const report_options& options);

// The spreadsheet of a run (`--format xlsx:FILE`): sheets for the overview of the plans, the findings, the
// activities and the spending per taakveld and per task, with the run's own figures. Written to `path` like
// write_file_atomically(). On failure returns false and sets `error` (English and Dutch, naming the path).
bool write_xlsx(const std::string& path, const run_result& run, const report_options& options, text& error);

// One finding, for tests and fixture drivers.
void render_text_diagnostic(std::string& out, const diagnostic& d, const report_options& options);
void render_short_diagnostic(std::string& out, const diagnostic& d, const report_options& options);
void render_json_diagnostic(std::string& out, const diagnostic& d, language lang);

// The localised word for a severity as shown in text: error/warning/info, fout/waarschuwing/info.
std::string_view severity_word(severity s, language lang);

// User text (file names, values and identifiers quoted from the input, messages built from them) made safe
// for a terminal and for line-based readers such as GitHub Actions, which runs any line starting with `::`:
// a line break or tab becomes a space; any other control character (ESC, NUL, …), a Unicode line separator,
// a bidirectional override and invalid UTF-8 become U+FFFD, visible in place of what was there. Every output
// that is not a structured format (JSON, SARIF, XML, HTML escape their own way) passes user text through it.
void append_printable(std::string& out, std::string_view s);
std::string printable(std::string_view s);

// Appends `s` escaped for XML and HTML text and attribute values (& < > " '); invalid UTF-8 and characters XML
// forbids become U+FFFD; with `in_attribute`, line breaks and tabs become character references.
void append_xml_escaped(std::string& out, std::string_view s, bool in_attribute = false);

// GitHub workflow command escaping: the message (data) escapes % CR LF; a property value also : and ,.
void append_github_data(std::string& out, std::string_view s);
void append_github_property(std::string& out, std::string_view s);

// Writes `content` to `path` through a temporary file in the same directory and rename(), so that a reader
// never sees a half-written report and a failed run leaves an existing report untouched. A symbolic link is
// followed (the file it points to is replaced, with its permissions kept); anything but a regular file (a
// directory, FIFO, device or socket) is refused. On failure returns false, sets `error` (English and Dutch,
// naming the path) and removes the temporary file.
bool write_file_atomically(const std::string& path, std::string_view content, text& error);
// The same for content that a library writes itself: `fill` gets the temporary file, open as `fd` and named
// `temporary`, writes it (by either) and returns true, or false with `reason` set (what follows "cannot write
// the report to `PATH`: ").
using file_filler = std::function<bool(int fd, const std::string& temporary, text& reason)>;
bool write_file_atomically(const std::string& path, const file_filler& fill, text& error);

}  // namespace akkoord

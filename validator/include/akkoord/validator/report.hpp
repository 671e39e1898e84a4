// Rendering diagnostics for people and scripts. The data (akkoord::diagnostic) knows nothing about output;
// these renderers turn a finished, ordered list of findings into text, the one-line short form, JSON, SARIF,
// JUnit XML, GitHub workflow commands or an HTML page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/exact.hpp"

namespace akkoord {

enum class report_format {
  text,   // compiler-style: location, message, source line with caret, notes, help, summary
  short_, // one line per finding (plus indented related/note/help lines); what golden files compare
  json,   // one stable object for scripts (cli.md)
  sarif,  // SARIF 2.1.0 (code scanning)
  junit,  // JUnit XML: one testcase per file per check (CI test reports)
  github, // GitHub Actions workflow commands (`::error file=…::message`)
  html,   // one self-contained page for policy staff
};

// "text" | "short" | "json" | "sarif" | "junit" | "github" | "html"; nullopt for anything else.
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
};

// ---- what a run looked at, beyond its findings (SARIF, JUnit, HTML) -------------------------------------
// Filled in by the command line, which knows the checks and the plans; the renderers stay independent of both.

// One check as the reports describe it: SARIF `rules`, the HTML page.
struct check_description {
  std::string id;
  severity default_level = severity::error;
  text summary;               // one line (`akkoord checks`); for a custom rule its title
  std::string documentation;  // the `akkoord explain` page (Markdown); empty for custom rules
};

// A plan's spending on one taakveld, exact, for the HTML chart.
struct taakveld_spending {
  std::string code;                                    // as written in the plan
  std::int64_t budget_cents = 0;                       // the plan's activity budgets on it, added up
  std::optional<std::int64_t> benchmark_cents;         // benchmark per inhabitant × inhabitants
  std::optional<std::int64_t> per_inhabitant_cents;    // the benchmark's amount per inhabitant
  std::string benchmark_id;                            // the benchmark it comes from
  std::optional<decimal> tolerance;                    // that benchmark's tolerance, e.g. 10 for 10%
};

// The figures of one plan the HTML page draws; every amount in exact cents.
struct plan_figures {
  std::string municipality;                         // the party id, as in the plan
  std::optional<std::int64_t> year;
  std::string title;
  std::optional<std::int64_t> inhabitants;          // of the municipality, from the agreement
  std::string contribution_id;
  std::optional<std::int64_t> contribution_cents;   // the plan's `[contribution] total`
  std::string payee;                                // the executor the contribution pays (the agreement)
  std::optional<std::int64_t> payee_budget_cents;   // the budgets of the activities it executes, added up
  std::int64_t budget_cents = 0;                    // every activity budget, added up
  bool overflow = false;                            // a sum did not fit: the figures are not shown
  std::vector<taakveld_spending> taakvelden;        // in taakveld order (0.1, 0.2, …, 0.10)
};

// One file the run checked.
struct checked_file {
  std::string path;                  // as given; the same string as in the findings' spans
  std::vector<std::string> checks;   // ids of the checks that ran on it, sorted (JUnit testcases)
  std::optional<plan_figures> plan;  // a plan's figures, when an HTML report is made
};

struct report_context {
  std::vector<checked_file> files;        // in input order
  std::vector<check_description> checks;  // at least every id that occurs in the findings
  severity fail_on = severity::error;     // JUnit: findings at or above it are failures
  std::string tool_version;               // SARIF `driver.version`; empty: left out
};

// Counts per severity; suppressed findings are counted apart and not per severity.
report_summary summarize(const diagnostics& ds, std::size_t files);

// "2 errors, 1 warning, 0 infos in 3 files (1 suppressed)" / "2 fouten, 1 waarschuwing, 0 info's in 3 bestanden".
std::string summary_line(const report_summary& summary, language lang);

// Each renderer appends the whole report, summary included, to `out` (built in memory: fast, and written
// in one go so that a report is never half written).
void render_text(std::string& out, const diagnostics& ds, const report_summary& summary, const report_options& options);
void render_short(std::string& out, const diagnostics& ds, const report_summary& summary, const report_options& options);
void render_json(std::string& out, const diagnostics& ds, const report_summary& summary, language lang);
// SARIF 2.1.0: one run; `rules` for every check id in the findings; suppressed findings carry `suppressions`.
void render_sarif(std::string& out, const diagnostics& ds, const report_options& options,
                  const report_context& context);
// JUnit XML: a testsuite per file, a testcase per check that ran on it; findings at or above
// context.fail_on are <failure>s, the others (and suppressed ones) go to the testcase's <system-out>.
void render_junit(std::string& out, const diagnostics& ds, const report_options& options,
                  const report_context& context);
// GitHub workflow commands, one per finding that is not suppressed: `::error file=…,line=…::message`.
void render_github(std::string& out, const diagnostics& ds, const report_options& options);
// One self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched).
void render_html(std::string& out, const diagnostics& ds, const report_summary& summary,
                 const report_options& options, const report_context& context);

void render(report_format format, std::string& out, const diagnostics& ds, const report_summary& summary,
            const report_options& options);
// The same, with what the run looked at (needed by SARIF, JUnit and HTML for their full content).
void render(report_format format, std::string& out, const diagnostics& ds, const report_summary& summary,
            const report_options& options, const report_context& context);

// One finding, for tests and fixture drivers.
void render_text_diagnostic(std::string& out, const diagnostic& d, const report_options& options);
void render_short_diagnostic(std::string& out, const diagnostic& d, const report_options& options);
void render_json_diagnostic(std::string& out, const diagnostic& d, language lang);

// The localised word for a severity as shown in text: error/warning/info, fout/waarschuwing/info.
std::string_view severity_word(severity s, language lang);

// Appends `s` as a JSON string literal, through nlohmann-json (invalid UTF-8 becomes U+FFFD). Only for
// `diff --format json`, which still adds to the report by hand; new code builds an ordered_json (json.hpp).
void append_json_string(std::string& out, std::string_view s);

// Appends `s` escaped for XML and HTML text and attribute values (& < > " '); invalid UTF-8 and characters XML
// forbids become U+FFFD; with `in_attribute`, line breaks and tabs become character references.
void append_xml_escaped(std::string& out, std::string_view s, bool in_attribute = false);

// GitHub workflow command escaping: the message (data) escapes % CR LF; a property value also : and ,.
void append_github_data(std::string& out, std::string_view s);
void append_github_property(std::string& out, std::string_view s);

// Writes `content` to `path` through a temporary file in the same directory and rename(), so that a reader
// never sees a half-written report and a failed run leaves an existing report untouched. On failure returns
// false, sets `error` (English and Dutch, naming the path) and removes the temporary file.
bool write_file_atomically(const std::string& path, std::string_view content, text& error);

}  // namespace akkoord

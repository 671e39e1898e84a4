// The HTML report: one self-contained page for policy staff (docs/report.md). The run first (its facts, one row
// per plan grouped by municipality, the across-years view), then per checked file: for a plan its facts and
// status at a glance, its findings with the source line, the agreement clauses involved, its figures and its
// activities. Inline CSS, no scripts, nothing fetched (a Content-Security-Policy says so to the browser); every
// text is escaped. A print stylesheet for A4 starts each plan on a page of its own with the plan in the page
// header. Everything shown comes from the run's overview (overview.hpp); nothing is computed here.
#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "akkoord/validator/overview.hpp"
#include "akkoord/validator/report.hpp"
#include "html_parts.hpp"
#include "support.hpp"
#include "utf8.hpp"

namespace akkoord {

using namespace report_detail;
using namespace html_detail;

namespace {

// ---- source lines -------------------------------------------------------------------------------------

void append_line_part(std::string& out, std::string_view line, std::size_t from, std::size_t to) {
  esc(out, line.substr(from, to - from));
}

// Moves a byte offset back to the start of its UTF-8 character.
std::size_t char_start(std::string_view s, std::size_t i) {
  while (i > 0 && i < s.size() && is_continuation(static_cast<unsigned char>(s[i]))) --i;
  return std::min(i, s.size());
}

// One source line: its number, then the text with bytes [mark_from, mark_to) in <mark> (none when equal).
// A very long line (minified input) is cut to a window around the mark.
void append_source_line(std::string& out, const source_file& file, std::uint32_t line_number, std::size_t mark_from,
                        std::size_t mark_to, bool highlighted) {
  const std::string_view line = file.line_text(line_number);
  mark_from = std::min(mark_from, line.size());
  mark_to = std::clamp(mark_to, mark_from, line.size());
  constexpr std::size_t before = 160, after = 320;  // bytes shown around the mark on a huge line
  std::size_t first = 0, last = line.size();
  if (line.size() > before + after) {
    if (mark_from > before) first = char_start(line, mark_from - before);
    if (line.size() - mark_from > after) last = char_start(line, mark_from + after);
    mark_to = std::min(mark_to, last);
  }
  out += highlighted ? "<span class=\"line hl\">" : "<span class=\"line\">";
  out += "<span class=\"ln\">";
  append_number(out, line_number);
  out += "</span>";
  if (first > 0) out += "\xE2\x80\xA6";
  if (mark_to > mark_from) {
    append_line_part(out, line, first, mark_from);
    out += "<mark>";
    append_line_part(out, line, mark_from, mark_to);
    out += "</mark>";
    append_line_part(out, line, mark_to, last);
  } else {
    append_line_part(out, line, first, last);
  }
  if (last < line.size()) out += "\xE2\x80\xA6";
  out += "</span>\n";
}

// The line of a span with the span marked (to the end of its first line when it goes on).
void append_span_snippet(std::string& out, const source_span& span) {
  const source_file& file = *span.file;
  if (span.begin.line == 0 || span.begin.line > file.line_count()) return;
  const std::size_t line_start = file.offset_of({span.begin.line, 1});
  const std::size_t line_size = file.line_text(span.begin.line).size();
  const std::size_t from = file.offset_of(span.begin) - line_start;
  std::size_t to = from;
  if (span.end.line == span.begin.line && span.end.column > span.begin.column) {
    to = file.offset_of(span.end) - line_start;
  } else if (span.end.line > span.begin.line) {
    to = line_size;
  }
  out += "<pre class=\"source\">";
  append_source_line(out, file, span.begin.line, from, to, false);
  out += "</pre>\n";
}

// ---- clauses: places in other files (the agreement) that findings point at ------------------------------

struct clause {
  const source_file* file;
  std::uint32_t first_line;
  std::uint32_t last_line;
  std::string anchor;
};

std::uint32_t last_line_of(const source_span& span) {
  if (span.end.line <= span.begin.line) return span.begin.line;
  return span.end.column <= 1 ? span.end.line - 1 : span.end.line;  // the end is exclusive
}

void append_clause(std::string& out, const clause& c, language lang) {
  constexpr std::uint32_t context_lines = 2, most_lines = 12;
  const std::uint32_t count = c.file->line_count();
  const std::uint32_t last_marked = std::min(c.last_line, c.first_line + most_lines - 1);
  const std::uint32_t from = c.first_line > context_lines ? c.first_line - context_lines : 1;
  const std::uint32_t to = std::min(count, last_marked + context_lines);
  out += "<div class=\"clause\" id=\"";
  out += c.anchor;
  out += "\"><p class=\"where\">";
  esc(out, c.file->path());
  out += ", ";
  out += c.first_line == c.last_line ? tr(lang, "line ", "regel ") : tr(lang, "lines ", "regels ");
  append_number(out, c.first_line);
  if (c.last_line != c.first_line) {
    out += "\xE2\x80\x93";  // en dash
    append_number(out, c.last_line);
  }
  out += "</p>\n<pre class=\"source\">";
  for (std::uint32_t line = from; line <= to; ++line) {
    const bool marked = line >= c.first_line && line <= last_marked;
    append_source_line(out, *c.file, line, 0, 0, marked);
  }
  if (last_marked < c.last_line) out += "<span class=\"line\">\xE2\x80\xA6</span>\n";
  out += "</pre></div>\n";
}

// ---- findings -------------------------------------------------------------------------------------------

struct file_section {
  std::string path;
  const checked_file* checked = nullptr;       // null: a file only the findings name
  std::vector<const diagnostic*> findings;
  const overview_plan* row = nullptr;          // a plan's row in the overview
};

struct counts {
  std::size_t errors = 0, warnings = 0, infos = 0, suppressed = 0;
};

counts count_of(const file_section& section) {
  counts c;
  for (const diagnostic* d : section.findings) {
    if (d->suppressed) {
      ++c.suppressed;
    } else if (d->level == severity::error) {
      ++c.errors;
    } else if (d->level == severity::warning) {
      ++c.warnings;
    } else {
      ++c.infos;
    }
  }
  return c;
}

std::string counts_text(const counts& c, language lang) {
  report_summary s;
  s.errors = c.errors;
  s.warnings = c.warnings;
  s.infos = c.infos;
  s.suppressed = c.suppressed;
  std::string line = summary_line(s, lang);
  // summary_line ends with " in N files"; per file that part says nothing.
  const auto in = line.find(" in ");
  if (in != std::string::npos) {
    const auto paren = line.find(" (", in);
    line.erase(in, paren == std::string::npos ? std::string::npos : paren - in);
  }
  return line;
}

std::string_view severity_class(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "info";
  }
  return "error";
}

void append_finding(std::string& out, const diagnostic& d, const file_section& section,
                    const std::map<std::tuple<const source_file*, std::uint32_t, std::uint32_t>, std::string>& anchors,
                    language lang) {
  out += "<li class=\"finding ";
  out += d.suppressed ? "suppressed" : severity_class(d.level);
  out += "\"><p class=\"headline\"><span class=\"badge ";
  out += severity_class(d.level);
  out += "\">";
  esc(out, severity_word(d.level, lang));
  out += "</span> ";
  append_prose(out, d.message.in(lang));
  if (!d.id.empty()) {
    out += " <span class=\"id\">[";
    esc(out, d.id);
    out += "]</span>";
  }
  out += "</p>\n";
  const std::string where = plain_location(d.primary);
  if (!where.empty()) {
    out += "<p class=\"where\">";
    esc(out, where);
    out += "</p>\n";
  }
  if (d.primary.valid()) append_span_snippet(out, d.primary);
  if (d.related.empty() && d.notes.empty() && !d.help && !d.suppressed) {
    out += "</li>\n";
    return;
  }
  out += "<ul class=\"details\">\n";
  for (const label& l : d.related) {
    const bool elsewhere = l.span.valid() && l.span.file->path() != section.path;
    out += "<li class=\"related\"><span class=\"label\">";
    out += elsewhere ? tr(lang, "Agreement", "Afspraak") : tr(lang, "See also", "Zie ook");
    out += "</span> ";
    const std::string related_where = plain_location(l.span);
    const auto anchor = elsewhere ? anchors.find({l.span.file, l.span.begin.line, last_line_of(l.span)}) : anchors.end();
    if (anchor != anchors.end()) {
      out += "<a href=\"#";
      out += anchor->second;
      out += "\">";
      esc(out, related_where);
      out += "</a>: ";
    } else if (!related_where.empty()) {
      esc(out, related_where);
      out += ": ";
    }
    append_prose(out, related_message(l, lang));
    if (l.span.valid() && !elsewhere) {
      out += "\n";
      append_span_snippet(out, l.span);
    }
    out += "</li>\n";
  }
  for (const text& note : d.notes) {
    out += "<li class=\"note\"><span class=\"label\">";
    out += tr(lang, "Note", "Opmerking");
    out += "</span> ";
    append_prose(out, note.in(lang));
    out += "</li>\n";
  }
  if (d.help) {
    out += "<li class=\"help\"><span class=\"label\">";
    out += tr(lang, "How to fix", "Oplossing");
    out += "</span> ";
    append_prose(out, d.help->in(lang));
    out += "</li>\n";
  }
  if (d.suppressed) {
    out += "<li class=\"waiver\"><span class=\"label\">";
    out += tr(lang, "Suppressed", "Uitgezonderd");
    out += "</span> ";
    if (d.suppression_reason.empty()) {
      out += tr(lang, "(no reason recorded)", "(geen reden vastgelegd)");
    } else {
      esc(out, d.suppression_reason);
    }
    out += "</li>\n";
  }
  out += "</ul></li>\n";
}

// What a plan's page header and heading say: "Gemeente Aalsmeer · 2025 · Uitvoeringsplan 2025".
std::string plan_heading(const file_section& section) {
  if (section.row == nullptr || section.row->typed() == nullptr || !section.row->typed()->readable) return section.path;
  const overview_plan& row = *section.row;
  std::string heading = row.municipality_name.empty() ? row.municipality_id : row.municipality_name;
  const auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!heading.empty()) heading += " \xC2\xB7 ";
    heading += part;
  };
  add(row.year ? std::to_string(*row.year) : std::string());
  add(row.title);
  return heading.empty() ? section.path : heading;
}

void append_section(std::string& out, const overview& o, const file_section& section, std::size_t number,
                    language lang) {
  const std::string anchor = "f" + std::to_string(number);
  out += "<section class=\"file";
  if (section.row != nullptr) out += " plan";
  out += "\" id=\"";
  out += anchor;
  out += "\">\n<h2>";
  esc(out, section.path.empty() ? std::string(tr(lang, "Other findings", "Overige bevindingen")) : plan_heading(section));
  out += "</h2>\n";
  if (!section.path.empty()) {
    out += "<p class=\"where\">";
    esc(out, section.path);
    out += "</p>\n";
  }
  const overview_plan* row = section.row;
  const bool charted = row != nullptr && row->typed() != nullptr && row->figures() != nullptr;
  if (row != nullptr) {
    append_plan_facts(out, *row, lang);
    append_status(out, *row, lang);
  }

  // Clauses in other files that the findings point at, numbered in order of first mention.
  std::map<std::tuple<const source_file*, std::uint32_t, std::uint32_t>, std::string> anchors;
  std::vector<clause> clauses;
  for (const diagnostic* d : section.findings)
    for (const label& l : d->related) {
      if (!l.span.valid() || l.span.file->path() == section.path) continue;
      if (l.span.begin.line > l.span.file->line_count()) continue;
      const std::uint32_t last = std::min(last_line_of(l.span), l.span.file->line_count());
      const auto [it, added] = anchors.emplace(std::tuple{l.span.file, l.span.begin.line, last_line_of(l.span)},
                                               anchor + "-c" + std::to_string(clauses.size() + 1));
      if (added) clauses.push_back({l.span.file, l.span.begin.line, last, it->second});
    }

  out += "<h3>";
  out += tr(lang, "Findings", "Bevindingen");
  out += "</h3>\n";
  if (section.findings.empty()) {
    out += "<p class=\"none\">";
    out += tr(lang, "No findings.", "Geen bevindingen.");
    out += "</p>\n";
  } else {
    out += "<p class=\"counts\">";
    esc(out, counts_text(count_of(section), lang));
    out += "</p>\n<ol class=\"findings\">\n";
    for (const diagnostic* d : section.findings) append_finding(out, *d, section, anchors, lang);
    out += "</ol>\n";
  }
  if (!clauses.empty()) {
    out += "<h3>";
    out += tr(lang, "Agreement clauses involved", "Betrokken bepalingen uit de afspraken");
    out += "</h3>\n";
    for (const clause& c : clauses) append_clause(out, c, lang);
  }
  if (charted) append_figures(out, o, *row, anchor, lang);
  if (row != nullptr) append_activities(out, o, *row, lang);
  out += "</section>\n";
}

// `s` as a CSS string's content: every character but letters, digits and spaces as an escape, so plan text can
// neither end the string nor the <style> element; control characters and invalid UTF-8 become U+FFFD.
void append_css_string(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const decoded d = decode_at(s, i);
    i += d.length;
    const char32_t cp = d.code_point == invalid_code_point || is_control(d.code_point) ? U'\uFFFD' : d.code_point;
    if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9') || cp == U' ') {
      out += static_cast<char>(cp);
    } else {
      fmt::format_to(std::back_inserter(out), "\\{:X} ", static_cast<std::uint32_t>(cp));
    }
  }
}

constexpr std::string_view style_sheet = R"css(
body { font: 15px/1.45 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; margin: 0; background: #f6f6f4; }
header, main, nav, footer, section.overview, section.years { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { font-size: 1.6em; margin: 0.4em 0 0.2em; }
h2 { font-size: 1.25em; margin: 0.6em 0 0.4em; overflow-wrap: anywhere; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
.summary { font-weight: 600; }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0.6em 0; }
dl.run dt { font-weight: 600; }
dl.run dd { margin: 0; overflow-wrap: anywhere; }
nav ul { padding-left: 1.2em; }
nav li.group > ul { display: inline; padding: 0; }
nav li.group > ul > li { display: inline; margin-right: 0.6em; }
section.file { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 16px 20px; margin: 18px 0; }
.facts, .counts, .where, figcaption, footer, .note, .article { color: #555; }
.where, code.path { font-family: "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
.where { margin: 0.2em 0; }
ol.findings { padding-left: 1.4em; }
li.finding { margin: 0 0 1em; }
li.finding.suppressed { opacity: 0.7; }
.headline { margin: 0; }
.badge { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 0.85em; font-weight: 600; color: #fff; }
.badge.error { background: #b3261e; }
.badge.warning { background: #9a6700; }
.badge.info { background: #3d6fb6; }
.id { color: #666; font-family: "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; font-size: 0.85em; }
code { font-family: "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; font-size: 0.92em; background: #f0f0ec; padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
pre.source { white-space: normal; background: #fafaf8; border: 1px solid #e4e4e0; border-radius: 4px; padding: 6px 8px; overflow-x: auto; margin: 0.3em 0; font-size: 0.85em; }
pre.source .line { display: block; white-space: pre; }
pre.source .line.hl { background: #fff3c4; }
pre.source .ln { display: inline-block; min-width: 3.2em; color: #777; user-select: none; }
mark { background: #ffd9d4; color: inherit; text-decoration: underline; }
ul.details { list-style: none; padding-left: 0; margin: 0.3em 0 0; }
ul.details li { margin: 0.2em 0; }
.label { font-weight: 600; margin-right: 0.3em; }
.clause { margin: 0.6em 0; }
figure { margin: 1em 0; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg text { font: 12px "DejaVu Sans", system-ui, sans-serif; fill: #1d1d1f; }
svg text.amount { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .bar { fill: #3d6fb6; }
svg .bar.reference { fill: #b5b5b0; stroke: #555; stroke-width: 1; }
svg .bar.over, svg .bar.mismatch { stroke: #1d1d1f; stroke-width: 1; }
svg .hatch-ground { fill: #e07a5f; }
svg .hatch-line { stroke: #1d1d1f; stroke-width: 2; }
svg .band { fill: #f2d94e; fill-opacity: 0.55; stroke: #1d1d1f; stroke-dasharray: 2 2; }
svg .benchmark { stroke: #1d1d1f; stroke-width: 2; }
svg .ceiling { stroke: #1d1d1f; stroke-width: 2; stroke-dasharray: 4 3; }
svg.spark { vertical-align: middle; }
svg.spark rect { fill: #6b8fc9; }
table { border-collapse: collapse; font-size: 0.9em; margin-top: 0.6em; }
th, td { border-bottom: 1px solid #e4e4e0; padding: 3px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
table.years td:first-child { min-width: 12em; }
table.years td.num { font-size: 0.9em; }
td.num, table.figures td { text-align: right; white-space: nowrap; }
table.figures th:first-child, table.figures td:first-child { text-align: left; white-space: normal; }
table.figures tr.over td { font-weight: 600; }
table.figures tr.total td, tr.group th { font-weight: 600; }
tr.group th { background: #ecece8; }
td.verdict.clean, .status tr.met td.state { color: #1e6b2a; }
td.verdict.fails, td.verdict.unreadable, .status tr.unmet td.state, li.unmet { color: #a33a26; }
table.status th { width: 14em; }
ul.clauses { margin: 0; padding: 0; list-style: none; }
ul.clauses li { display: inline; }
ul.clauses li + li::before { content: "; "; }
table.activities td:first-child, table.overview td:first-child, table.overview td:nth-child(3) { white-space: nowrap; }
.unknown, .flag { font-style: italic; font-weight: 600; }
.none { color: #1e6b2a; }
footer { padding-bottom: 24px; font-size: 0.85em; }
@page { size: A4; margin: 18mm 14mm 16mm 14mm;
  @top-left { content: "akkoord"; font: 9pt "DejaVu Sans", sans-serif; color: #555; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 9pt "DejaVu Sans", sans-serif; color: #555; } }
@media print {
  body { background: #fff; font-size: 9pt; }
  footer { display: none; }
  svg.chart { max-width: 85%; }
  header, main, nav, footer, section.overview, section.years { max-width: none; padding: 0; }
  section.file { border: none; padding: 0; margin: 0; }
  section.file.plan, section.years { break-before: page; }
  figure, tr, li.finding, .clause, dl.run { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  pre.source { overflow: visible; }
  pre.source .line { white-space: pre-wrap; overflow-wrap: anywhere; }
  a { color: inherit; text-decoration: none; }
  table { width: 100%; }
  th, td { padding: 2px 4px; }
}
)css";

}  // namespace

void render_html(std::string& out, const run_result& run, const report_options& options) {
  const language lang = options.lang;
  const diagnostics& ds = run.findings;
  const report_summary summary = summarize(ds, run.subject_files);
  const overview o = build_overview(run);

  // Sections: the checked files in input order, then any other file the findings name, then findings tied
  // to no file at all.
  std::vector<file_section> sections;
  std::map<std::string, std::size_t, std::less<>> section_of;
  for (const checked_file& file : run.files) {
    if (section_of.emplace(file.path, sections.size()).second) sections.push_back({file.path, &file, {}});
  }
  for (const diagnostic& d : ds) {
    const std::string path = d.primary.file != nullptr ? d.primary.file->path() : std::string();
    const auto [it, added] = section_of.emplace(path, sections.size());
    if (added) sections.push_back({path, nullptr, {}});
    sections[it->second].findings.push_back(&d);
  }
  std::vector<std::string> anchor_of_plan;  // per overview row, its section
  for (const overview_plan& row : o.plans) {
    const std::size_t k = section_of.find(row.file->path)->second;
    if (sections[k].row == nullptr) sections[k].row = &row;
    anchor_of_plan.push_back("f" + std::to_string(k + 1));
  }

  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>",
                 lang == language::nl ? "nl" : "en", tr(lang, "akkoord report", "akkoord-rapport"));
  out += style_sheet;
  // Printed, each plan is a named page: it starts on a new page and its page header names the plan.
  for (std::size_t k = 0; k < sections.size(); ++k) {
    if (sections[k].row == nullptr) continue;
    fmt::format_to(it, "section#f{0} {{ page: f{0}; }}\n@page f{0} {{ @top-left {{ content: \"", k + 1);
    append_css_string(out, plan_heading(sections[k]));
    out += "\"; } }\n";
  }
  fmt::format_to(it, "</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<p class=\"summary\">",
                 tr(lang, "akkoord report", "akkoord-rapport"));
  esc(out, summary_line(summary, lang));
  out += "</p>\n";
  append_run_facts(out, o, lang);
  out += "</header>\n";

  // The table of contents: the overview, each municipality with its years in order, then the other files.
  if (sections.size() > 1) {
    fmt::format_to(it, "<nav>\n<h2>{}</h2>\n<ul>\n", tr(lang, "Contents", "Inhoud"));
    if (!o.plans.empty()) fmt::format_to(it, "<li><a href=\"#overview\">{}</a></li>\n", tr(lang, "Overview", "Overzicht"));
    for (std::size_t g = 0; g < o.municipalities.size(); ++g) {
      const overview_municipality& m = o.municipalities[g];
      out += "<li class=\"group\">";
      if (m.plans.size() > 1 && !m.id.empty()) fmt::format_to(it, "<a href=\"#m{}\">", g + 1);
      esc(out, m.id.empty() ? std::string(tr(lang, "Plans without a municipality", "Plannen zonder gemeente"))
                            : (m.name.empty() ? m.id : m.name));
      if (m.plans.size() > 1 && !m.id.empty()) out += "</a>";
      out += ": <ul>";
      for (const std::size_t k : m.plans) {
        fmt::format_to(it, "<li><a href=\"#{}\">", anchor_of_plan[k]);
        if (o.plans[k].year) {
          fmt::format_to(it, "{}", *o.plans[k].year);
        } else {
          esc(out, o.plans[k].file->path);
        }
        out += "</a></li>";
      }
      out += "</ul></li>\n";
    }
    for (std::size_t k = 0; k < sections.size(); ++k) {
      if (sections[k].row != nullptr) continue;
      fmt::format_to(it, "<li><a href=\"#f{}\">", k + 1);
      esc(out, sections[k].path.empty() ? std::string(tr(lang, "Other findings", "Overige bevindingen"))
                                        : sections[k].path);
      out += "</a>: ";
      esc(out, sections[k].findings.empty() ? std::string(tr(lang, "no findings", "geen bevindingen"))
                                            : counts_text(count_of(sections[k]), lang));
      out += "</li>\n";
    }
    out += "</ul>\n</nav>\n";
  }

  append_overview(out, o, anchor_of_plan, lang);
  append_across_years(out, o, anchor_of_plan, lang);
  out += "<main>\n";
  for (std::size_t k = 0; k < sections.size(); ++k) append_section(out, o, sections[k], k + 1, lang);
  fmt::format_to(it, "</main>\n<footer>{}", tr(lang, "Made by akkoord", "Gemaakt met akkoord"));
  if (!run.tool_version.empty()) {
    out += ' ';
    esc(out, run.tool_version);
  }
  out += ". ";
  append_prose(out, tr(lang, "Amounts are exact; `akkoord explain ID` explains each check.",
                       "Bedragen zijn exact; `akkoord explain ID` legt elke controle uit."));
  out += "</footer>\n</body>\n</html>\n";
}

}  // namespace akkoord

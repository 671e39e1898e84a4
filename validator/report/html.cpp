// The HTML report: one self-contained page for policy staff. Per checked file: its findings with the source
// line, the agreement clauses involved (their source lines), and for a plan its spending per taakveld against
// the contribution and the benchmark, as inline SVG bar charts with an exact table beside them. Inline CSS, no
// scripts, nothing fetched (a Content-Security-Policy says so to the browser); every text is escaped.
// Amounts are exact: bar lengths are computed from cents in integer arithmetic.
#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "akkoord/validator/report.hpp"
#include "support.hpp"
#include "utf8.hpp"

namespace akkoord {

using namespace report_detail;

namespace {

__extension__ using i128 = __int128;

std::string_view tr(language lang, std::string_view en, std::string_view nl) {
  return lang == language::nl ? nl : en;
}

money_style style_of(language lang) { return lang == language::nl ? money_style::nl : money_style::en; }

void esc(std::string& out, std::string_view s) { append_xml_escaped(out, s); }

// Message prose: `identifier` becomes <code>identifier</code>; the rest is escaped text.
void append_prose(std::string& out, std::string_view s) {
  bool in_code = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '`') continue;
    esc(out, s.substr(start, i - start));
    out += in_code ? "</code>" : "<code>";
    in_code = !in_code;
    start = i + 1;
  }
  esc(out, s.substr(start));
  if (in_code) out += "</code>";
}

// a / b rounded half away from zero; b > 0.
std::int64_t divide_rounded(i128 a, i128 b) {
  const i128 q = (2 * (a < 0 ? -a : a) + b) / (2 * b);
  return static_cast<std::int64_t>(a < 0 ? -q : q);
}

// "12.3%" / "12,3%": part / whole, to a tenth of a percent.
std::string percent_text(std::int64_t part, std::int64_t whole, language lang) {
  const std::int64_t tenths = divide_rounded(static_cast<i128>(part) * 1000, whole);
  return format_decimal(decimal{tenths, 1}, style_of(lang)) + "%";
}

std::string money_text(std::int64_t cents, language lang) { return format_cents(cents, style_of(lang)); }

// "31,991" / "31.991"
std::string count_text(std::int64_t n, language lang) {
  const auto as_cents = checked_mul(n, 100);
  if (!as_cents) return std::to_string(n);
  std::string grouped = format_cents(*as_cents, style_of(lang), false);
  grouped.erase(grouped.size() - 3);  // the ".00" / ",00"
  return grouped;
}

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

// ---- charts ---------------------------------------------------------------------------------------------

struct bar_row {
  std::string label;
  std::int64_t cents = 0;
  std::optional<std::int64_t> benchmark;  // a marker line
  std::optional<std::int64_t> allowed;    // the end of the tolerance band after the marker
  std::string tooltip;
  std::string_view kind = "bar";         // CSS class: `bar`, `bar over` (above what is allowed),
                                          // `bar mismatch` (should equal the reference), `bar reference`
};

// "123.4" from tenths.
void append_tenths(std::string& out, std::int64_t tenths) {
  append_signed(out, tenths / 10);
  out += '.';
  append_signed(out, tenths % 10);
}

// A horizontal bar chart. Lengths: cents × (bar area in tenths of a pixel) / the largest amount, in integers.
void append_bar_chart(std::string& out, const std::vector<bar_row>& rows, std::int64_t label_width,
                      std::string_view title_id, std::string_view title, bool with_legend, language lang) {
  constexpr std::int64_t area = 420, amount_width = 150, row_height = 26, bar_height = 14, top = 8;
  const std::int64_t bar_x = label_width + 10;
  std::int64_t largest = 1;
  for (const bar_row& r : rows) {
    largest = std::max({largest, r.cents, r.benchmark.value_or(0), r.allowed.value_or(0)});
  }
  const auto x_of = [&](std::int64_t cents) -> std::int64_t {  // tenths of a pixel from the left edge
    const i128 clamped = std::max<std::int64_t>(cents, 0);
    return bar_x * 10 + static_cast<std::int64_t>(clamped * (area * 10) / largest);
  };
  const std::int64_t legend_height = with_legend ? 28 : 0;
  const std::int64_t width = bar_x + area + amount_width;
  const std::int64_t height = top + static_cast<std::int64_t>(rows.size()) * row_height + legend_height + 4;

  out += "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ";
  append_signed(out, width);
  out += ' ';
  append_signed(out, height);
  out += "\" width=\"";
  append_signed(out, width);
  out += "\" height=\"";
  append_signed(out, height);
  out += "\" aria-labelledby=\"";
  out += title_id;
  out += "\"><title id=\"";
  out += title_id;
  out += "\">";
  esc(out, title);
  out += "</title>\n";
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const bar_row& r = rows[k];
    const std::int64_t y = top + static_cast<std::int64_t>(k) * row_height;
    out += "<g><title>";
    esc(out, r.tooltip);
    out += "</title>";
    out += "<text class=\"label\" x=\"";
    append_signed(out, label_width);
    out += "\" y=\"";
    append_signed(out, y + bar_height - 3);
    out += "\" text-anchor=\"end\">";
    esc(out, r.label);
    out += "</text>";
    if (r.benchmark && r.allowed && *r.allowed > *r.benchmark) {
      out += "<rect class=\"band\" x=\"";
      append_tenths(out, x_of(*r.benchmark));
      out += "\" y=\"";
      append_signed(out, y - 3);
      out += "\" width=\"";
      append_tenths(out, x_of(*r.allowed) - x_of(*r.benchmark));
      out += "\" height=\"";
      append_signed(out, bar_height + 6);
      out += "\"/>";
    }
    out += "<rect class=\"";
    out += r.kind;
    out += "\" x=\"";
    append_signed(out, bar_x);
    out += "\" y=\"";
    append_signed(out, y);
    out += "\" width=\"";
    append_tenths(out, x_of(r.cents) - bar_x * 10);
    out += "\" height=\"";
    append_signed(out, bar_height);
    out += "\"/>";
    if (r.benchmark) {
      out += "<line class=\"benchmark\" x1=\"";
      append_tenths(out, x_of(*r.benchmark));
      out += "\" x2=\"";
      append_tenths(out, x_of(*r.benchmark));
      out += "\" y1=\"";
      append_signed(out, y - 4);
      out += "\" y2=\"";
      append_signed(out, y + bar_height + 4);
      out += "\"/>";
    }
    const std::int64_t text_x = std::max({x_of(r.cents), r.allowed ? x_of(*r.allowed) : 0,
                                          r.benchmark ? x_of(*r.benchmark) : 0}) + 60;
    out += "<text class=\"amount\" x=\"";
    append_tenths(out, text_x);
    out += "\" y=\"";
    append_signed(out, y + bar_height - 3);
    out += "\">";
    esc(out, money_text(r.cents, lang));
    out += "</text></g>\n";
  }
  if (with_legend) {
    const std::int64_t y = top + static_cast<std::int64_t>(rows.size()) * row_height + 8;
    const auto legend_text = [&](std::int64_t x, std::string_view words) {
      out += "<text class=\"legend\" x=\"";
      append_signed(out, x);
      out += "\" y=\"";
      append_signed(out, y + 11);
      out += "\">";
      esc(out, words);
      out += "</text>";
    };
    out += "<g class=\"legend\">";
    out += "<rect class=\"bar\" x=\"";
    append_signed(out, bar_x);
    out += "\" y=\"";
    append_signed(out, y + 1);
    out += "\" width=\"14\" height=\"12\"/>";
    legend_text(bar_x + 20, tr(lang, "budget", "begroot"));
    out += "<line class=\"benchmark\" x1=\"";
    append_signed(out, bar_x + 110);
    out += "\" x2=\"";
    append_signed(out, bar_x + 110);
    out += "\" y1=\"";
    append_signed(out, y - 1);
    out += "\" y2=\"";
    append_signed(out, y + 15);
    out += "\"/>";
    legend_text(bar_x + 118, tr(lang, "benchmark", "benchmark"));
    const auto legend_swatch = [&](std::string_view css_class, long long x) {
      out += "<rect class=\"";
      out += css_class;
      out += "\" x=\"";
      append_signed(out, x);
      out += "\" y=\"";
      append_signed(out, y + 1);
      out += "\" width=\"14\" height=\"12\"/>";
    };
    legend_swatch("band", bar_x + 210);
    legend_text(bar_x + 230, tr(lang, "tolerance", "tolerantie"));
    legend_swatch("bar over", bar_x + 320);
    legend_text(bar_x + 340, tr(lang, "above", "erboven"));
    out += "</g>\n";
  }
  out += "</svg>\n";
}

// The first benchmark of a taakveld draws its line; the row is "over" when the plan is above any of them, as
// `above-benchmark` reports (both read the same figures).
const benchmark_comparison* first_benchmark(const taakveld_spending& t) {
  return t.benchmarks.empty() ? nullptr : &t.benchmarks.front();
}
bool above_any(const taakveld_spending& t) {
  return std::any_of(t.benchmarks.begin(), t.benchmarks.end(), [](const benchmark_comparison& c) { return c.above; });
}

// GCC 12 at -O3 reports std::optional members read after a has_value() test as "maybe uninitialized" once
// inlined here (GCC bug 80635); the reads are guarded.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
void append_figures(std::string& out, const plan& p, const plan_figures& plan, std::string_view anchor,
                    language lang) {
  out += "<h3>";
  out += tr(lang, "Spending per taakveld", "Uitgaven per taakveld");
  out += "</h3>\n";
  if (plan.overflow) {
    out += "<p class=\"none\">";
    out += tr(lang, "The budgets of this plan are too large to add up; no figures are shown.",
              "De budgetten van dit plan zijn te groot om op te tellen; er worden geen cijfers getoond.");
    out += "</p>\n";
    return;
  }
  const bool has_total = p.total.has_value();
  const std::int64_t total_cents = has_total ? p.total->value : 0;
  if (plan.taakvelden.empty() && !has_total) {
    out += "<p class=\"none\">";
    out += tr(lang, "This plan has no budgets on a taakveld.", "Dit plan heeft geen budgetten op een taakveld.");
    out += "</p>\n";
    return;
  }
  const std::int64_t budget_cents = plan.budget_cents.value_or(0);

  // Totals against the contribution.
  if (has_total) {
    std::vector<bar_row> totals;
    bar_row contribution;
    contribution.label = std::string(tr(lang, "contribution", "bijdrage"));
    if (p.contribution_id) contribution.label += " " + p.contribution_id->value;
    contribution.cents = total_cents;
    contribution.kind = "bar reference";
    contribution.tooltip = contribution.label + ": " + money_text(contribution.cents, lang);
    totals.push_back(contribution);
    if (plan.payee_budget_cents) {
      bar_row payee;
      payee.label = std::string(tr(lang, "executed by ", "uitgevoerd door ")) + plan.payee;
      payee.cents = *plan.payee_budget_cents;
      if (payee.cents != total_cents) payee.kind = "bar mismatch";
      payee.tooltip = payee.label + ": " + money_text(payee.cents, lang);
      totals.push_back(payee);
    }
    bar_row all;
    all.label = std::string(tr(lang, "all activities", "alle activiteiten"));
    all.cents = budget_cents;
    all.tooltip = all.label + ": " + money_text(all.cents, lang);
    totals.push_back(all);
    out += "<figure>\n";
    append_bar_chart(out, totals, 230, std::string(anchor) + "-totals",
                     tr(lang, "Budgets against the contribution", "Budgetten tegenover de bijdrage"), false, lang);
    out += "<figcaption>";
    out += tr(lang,
              "Grey: the contribution, the plan's total. The budgets of the activities executed by the party it "
              "pays should add up to it exactly (red when they do not).",
              "Grijs: de bijdrage, het totaal van het plan. De budgetten van de activiteiten die de ontvanger ervan "
              "uitvoert, horen daar precies op uit te komen (rood als dat niet zo is).");
    out += "</figcaption>\n</figure>\n";
  }

  if (plan.taakvelden.empty()) return;
  std::vector<bar_row> rows;
  for (const taakveld_spending& t : plan.taakvelden) {
    bar_row r;
    const benchmark_comparison* benchmark = first_benchmark(t);
    r.label = t.code;
    r.cents = t.budget_cents ? *t.budget_cents : 0;
    if (benchmark != nullptr) {
      r.benchmark = benchmark->benchmark_cents;
      r.allowed = benchmark->allowed_cents;
    }
    if (above_any(t)) r.kind = "bar over";
    r.tooltip = t.code + ": " + money_text(r.cents, lang);
    if (r.benchmark) r.tooltip += std::string("; benchmark ") + money_text(*r.benchmark, lang);
    rows.push_back(std::move(r));
  }
  out += "<figure>\n";
  append_bar_chart(out, rows, 70, std::string(anchor) + "-chart",
                   tr(lang, "Spending per taakveld against the benchmark", "Uitgaven per taakveld tegenover de benchmark"),
                   true, lang);
  out += "<figcaption>";
  out += tr(lang,
            "Bar: the plan's budgets on the taakveld. Line: the benchmark, its amount per inhabitant times the "
            "inhabitants of the municipality; shaded: the tolerance above it.",
            "Balk: de budgetten van het plan op het taakveld. Streep: de benchmark, het bedrag per inwoner maal het "
            "aantal inwoners van de gemeente; gearceerd: de tolerantie daarboven.");
  out += "</figcaption>\n</figure>\n";

  // The exact figures.
  out += "<table class=\"figures\"><thead><tr><th>Taakveld</th><th>";
  out += tr(lang, "Budget", "Begroot");
  out += "</th><th>";
  out += tr(lang, "Share of the contribution", "Aandeel in de bijdrage");
  out += "</th><th>";
  out += tr(lang, "Per inhabitant", "Per inwoner");
  out += "</th><th>";
  out += tr(lang, "Benchmark per inhabitant", "Benchmark per inwoner");
  out += "</th><th>";
  out += tr(lang, "Benchmark for the municipality", "Benchmark voor de gemeente");
  out += "</th></tr></thead>\n<tbody>\n";
  const auto cell = [&](const std::optional<std::string>& value) {
    out += "<td>";
    if (value) {
      esc(out, *value);
    } else {
      out += "\xE2\x80\x93";
    }
    out += "</td>";
  };
  const auto share = [&](std::int64_t cents) -> std::optional<std::string> {
    if (!has_total || total_cents <= 0) return std::nullopt;
    return percent_text(cents, total_cents, lang);
  };
  const auto per_inhabitant = [&](std::int64_t cents) -> std::optional<std::string> {
    if (!plan.inhabitants || *plan.inhabitants <= 0) return std::nullopt;
    return money_text(divide_rounded(cents, *plan.inhabitants), lang);
  };
  for (const taakveld_spending& t : plan.taakvelden) {
    out += above_any(t) ? "<tr class=\"over\"><td>" : "<tr><td>";
    esc(out, t.code);
    out += "</td>";
    const std::int64_t cents = t.budget_cents.value_or(0);
    cell(money_text(cents, lang));
    cell(share(cents));
    cell(t.per_inhabitant_cents ? std::optional(money_text(*t.per_inhabitant_cents, lang)) : std::nullopt);
    // Every benchmark with an entry for the code, as the check compares with each.
    std::optional<std::string> per_inhabitant_norm, norm;
    for (const benchmark_comparison& c : t.benchmarks) {
      const auto join = [](std::optional<std::string>& cell_text, const std::string& part) {
        cell_text = cell_text ? *cell_text + "; " + part : part;
      };
      join(per_inhabitant_norm, money_text(c.per_inhabitant_cents, lang));
      if (!c.benchmark_cents) continue;
      std::string amount = money_text(*c.benchmark_cents, lang);
      if (c.tolerance.units != 0)
        amount += " (+" + format_decimal(c.tolerance, style_of(lang)) + "% " +
                  std::string(tr(lang, "allowed)", "toegestaan)"));
      join(norm, amount);
    }
    cell(per_inhabitant_norm);
    cell(norm);
    out += "</tr>\n";
  }
  out += "<tr class=\"total\"><td>";
  out += tr(lang, "all", "totaal");
  out += "</td>";
  cell(money_text(budget_cents, lang));
  cell(share(budget_cents));
  cell(per_inhabitant(budget_cents));
  cell(std::nullopt);
  cell(std::nullopt);
  out += "</tr>\n</tbody></table>\n";
}

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// ---- findings -------------------------------------------------------------------------------------------

struct file_section {
  std::string path;
  const checked_file* checked = nullptr;       // null: a file only the findings name
  std::vector<const diagnostic*> findings;
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

void append_section(std::string& out, const file_section& section, std::size_t number, language lang) {
  const std::string anchor = "f" + std::to_string(number);
  out += "<section class=\"file\" id=\"";
  out += anchor;
  out += "\">\n<h2>";
  esc(out, section.path.empty() ? std::string(tr(lang, "Other findings", "Overige bevindingen")) : section.path);
  out += "</h2>\n";
  const checked_file* checked = section.checked;
  const bool charted = checked != nullptr && checked->typed != nullptr && checked->figures;
  if (charted) {
    const plan& p = *checked->typed;
    std::vector<std::string> facts;
    if (p.title) facts.push_back(p.title->value);
    if (p.municipality) facts.push_back(std::string(tr(lang, "municipality ", "gemeente ")) + p.municipality->value);
    if (p.year) facts.push_back(std::string(tr(lang, "year ", "jaar ")) + std::to_string(p.year->value));
    if (checked->figures->inhabitants)
      facts.push_back(count_text(*checked->figures->inhabitants, lang) +
                      std::string(tr(lang, " inhabitants", " inwoners")));
    if (!facts.empty()) {
      out += "<p class=\"facts\">";
      for (std::size_t k = 0; k < facts.size(); ++k) {
        if (k > 0) out += " \xC2\xB7 ";
        esc(out, facts[k]);
      }
      out += "</p>\n";
    }
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
  if (charted) append_figures(out, *checked->typed, *checked->figures, anchor, lang);
  out += "</section>\n";
}

constexpr std::string_view style_sheet = R"css(
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; margin: 0; background: #f6f6f4; }
header, main, nav, footer { max-width: 1040px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { font-size: 1.6em; margin: 0.4em 0 0.2em; }
h2 { font-size: 1.25em; margin: 0 0 0.4em; word-break: break-all; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
.summary { font-weight: 600; }
nav ul { padding-left: 1.2em; }
section.file { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 16px 20px; margin: 18px 0; }
.facts, .counts, .where, figcaption, footer { color: #555; }
.where { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; margin: 0.2em 0; }
ol.findings { padding-left: 1.4em; }
li.finding { margin: 0 0 1em; }
li.finding.suppressed { opacity: 0.7; }
.headline { margin: 0; }
.badge { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 0.85em; font-weight: 600; color: #fff; }
.badge.error { background: #b3261e; }
.badge.warning { background: #9a6700; }
.badge.info { background: #3d6fb6; }
.id { color: #666; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85em; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.92em; background: #f0f0ec; padding: 0 3px; border-radius: 3px; }
pre.source { background: #fafaf8; border: 1px solid #e4e4e0; border-radius: 4px; padding: 6px 8px; overflow-x: auto; margin: 0.3em 0; font-size: 0.85em; }
pre.source .line { display: block; white-space: pre; }
pre.source .line.hl { background: #fff3c4; }
pre.source .ln { display: inline-block; min-width: 3.2em; color: #999; user-select: none; }
mark { background: #ffd9d4; color: inherit; }
ul.details { list-style: none; padding-left: 0; margin: 0.3em 0 0; }
ul.details li { margin: 0.2em 0; }
.label { font-weight: 600; margin-right: 0.3em; }
.clause { margin: 0.6em 0; }
figure { margin: 1em 0; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
svg .bar { fill: #3d6fb6; }
svg .bar.over, svg .bar.mismatch { fill: #c8553d; }
svg .bar.reference { fill: #8a8a86; }
svg .band { fill: #e9d98f; opacity: 0.7; }
svg .benchmark { stroke: #1d1d1f; stroke-width: 2; }
table.figures { border-collapse: collapse; font-size: 0.9em; margin-top: 0.6em; }
table.figures th, table.figures td { border-bottom: 1px solid #e4e4e0; padding: 3px 10px; text-align: right; }
table.figures th:first-child, table.figures td:first-child { text-align: left; }
table.figures tr.over td { color: #a33a26; font-weight: 600; }
table.figures tr.total td { font-weight: 600; }
.none { color: #2e7d32; }
footer { padding-bottom: 24px; font-size: 0.85em; }
@media print { body { background: #fff; } section.file { border: none; page-break-inside: avoid; } }
)css";

}  // namespace

void render_html(std::string& out, const run_result& run, const report_options& options) {
  const language lang = options.lang;
  const diagnostics& ds = run.findings;
  const report_summary summary = summarize(ds, run.subject_files);
  const run_result& context = run;

  // Sections: the checked files in input order, then any other file the findings name, then findings tied
  // to no file at all.
  std::vector<file_section> sections;
  std::map<std::string, std::size_t, std::less<>> section_of;
  for (const checked_file& file : context.files) {
    if (section_of.emplace(file.path, sections.size()).second) sections.push_back({file.path, &file, {}});
  }
  for (const diagnostic& d : ds) {
    const std::string path = d.primary.file != nullptr ? d.primary.file->path() : std::string();
    const auto [it, added] = section_of.emplace(path, sections.size());
    if (added) sections.push_back({path, nullptr, {}});
    sections[it->second].findings.push_back(&d);
  }

  out += "<!DOCTYPE html>\n<html lang=\"";
  out += lang == language::nl ? "nl" : "en";
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += tr(lang, "akkoord report", "akkoord-rapport");
  out += "</title>\n<style>";
  out += style_sheet;
  out += "</style>\n</head>\n<body>\n<header>\n<h1>";
  out += tr(lang, "akkoord report", "akkoord-rapport");
  out += "</h1>\n<p class=\"summary\">";
  esc(out, summary_line(summary, lang));
  out += "</p>\n</header>\n";

  if (sections.size() > 1) {
    out += "<nav>\n<h2>";
    out += tr(lang, "Files", "Bestanden");
    out += "</h2>\n<ul>\n";
    for (std::size_t k = 0; k < sections.size(); ++k) {
      out += "<li><a href=\"#f";
      append_number(out, k + 1);
      out += "\">";
      esc(out, sections[k].path.empty() ? std::string(tr(lang, "Other findings", "Overige bevindingen"))
                                        : sections[k].path);
      out += "</a>: ";
      esc(out, sections[k].findings.empty() ? std::string(tr(lang, "no findings", "geen bevindingen"))
                                            : counts_text(count_of(sections[k]), lang));
      out += "</li>\n";
    }
    out += "</ul>\n</nav>\n";
  }

  out += "<main>\n";
  for (std::size_t k = 0; k < sections.size(); ++k) append_section(out, sections[k], k + 1, lang);
  out += "</main>\n<footer>";
  out += tr(lang, "Made by akkoord", "Gemaakt met akkoord");
  if (!context.tool_version.empty()) {
    out += ' ';
    esc(out, context.tool_version);
  }
  out += ". ";
  append_prose(out, tr(lang, "Amounts are exact; `akkoord explain ID` explains each check.",
                       "Bedragen zijn exact; `akkoord explain ID` legt elke controle uit."));
  out += "</footer>\n</body>\n</html>\n";
}

}  // namespace akkoord

// What the parts of the HTML page share (internal): words in both languages, escaping, exact numbers, and the
// bar chart. The page itself is html.cpp (skeleton, findings), html_overview.cpp (the run, across years, the
// status and activities of each plan) and html_charts.cpp (charts and the figures of a plan).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/validator/overview.hpp"
#include "akkoord/validator/report.hpp"

namespace akkoord::html_detail {

inline std::string_view tr(language lang, std::string_view en, std::string_view nl) {
  return lang == language::nl ? nl : en;
}
inline money_style style_of(language lang) { return lang == language::nl ? money_style::nl : money_style::en; }
inline void esc(std::string& out, std::string_view s) { append_xml_escaped(out, s); }
inline std::string money_text(std::int64_t cents, language lang) { return format_cents(cents, style_of(lang)); }
// A date as the language writes it: "2024-11-12" / "12 november 2024".
inline std::string date_text(civil_date d, language lang) {
  return lang == language::nl ? dutch_date(d) : to_string(d);
}

// Message prose: `identifier` becomes <code>identifier</code>; the rest is escaped text.
void append_prose(std::string& out, std::string_view s);
// "12.3%" / "12,3%": part / whole to a tenth of a percent, rounded half away from zero; whole > 0.
std::string percent_text(std::int64_t part, std::int64_t whole, language lang);
// a / b rounded half away from zero; b > 0.
std::int64_t divide_rounded(std::int64_t a, std::int64_t b);
// A code with its name beside it: `<code>0.2</code> Burgerzaken`; an empty name leaves the code alone.
void append_named(std::string& out, std::string_view code, std::string_view name);
// Beside a taakveld code that is not in the book year's BBV list: " (not a taakveld of the BBV list of 2025)".
void unknown_code(std::string& out, std::optional<int> year, language lang);
// The same as plain text ("0.2 Burgerzaken"), for chart labels and titles (escaped by the caller).
std::string named_text(std::string_view code, std::string_view name);

struct bar_row {
  std::string label;
  std::int64_t cents = 0;
  std::optional<std::int64_t> benchmark;  // a marker line on the bar
  std::optional<std::int64_t> allowed;    // the end of the tolerance band after the marker
  std::optional<std::int64_t> ceiling;    // a second, dashed marker (the saving ceiling)
  std::string tooltip;
  std::string_view kind = "bar";  // CSS class: `bar`, `bar over`, `bar mismatch`, `bar reference`
  std::string remark;             // words after the amount, so no colour carries meaning alone ("above")
};

struct chart_legend {
  bool benchmark = false;  // the benchmark line, its tolerance band and "above"
  bool agreed = false;     // the agreed amount line and the saving ceiling
};

// A horizontal bar chart in inline SVG: each amount just after its own bar, markers on the same bar, labels as
// wide as their text (never clipped), a <title> for the chart and each bar. Lengths from cents in integers.
void append_bar_chart(std::string& out, const std::vector<bar_row>& rows, std::string_view title_id,
                      std::string_view title, chart_legend legend, language lang);
// A small bar for a table cell: `cents` of `largest`, 48 px at most.
void append_spark_bar(std::string& out, std::int64_t cents, std::int64_t largest);

// The parts of a plan's section: its heading facts, status at a glance, activities, and its figures.
void append_plan_facts(std::string& out, const overview_plan& row, language lang);
void append_status(std::string& out, const overview_plan& row, language lang);
void append_activities(std::string& out, const overview& o, const overview_plan& row, language lang);
void append_figures(std::string& out, const overview& o, const overview_plan& row, std::string_view anchor,
                    language lang);

// The top of the page: the run's facts, the overview table (the table of contents, grouped by municipality)
// and the across-years view of each municipality with more than one year. `anchor_of` gives a plan's section.
void append_run_facts(std::string& out, const overview& o, language lang);
void append_overview(std::string& out, const overview& o, const std::vector<std::string>& anchor_of_plan,
                     language lang);
void append_across_years(std::string& out, const overview& o, const std::vector<std::string>& anchor_of_plan,
                         language lang);

}  // namespace akkoord::html_detail

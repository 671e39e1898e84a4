// The charts of the HTML page and the figures of a plan: spending against the contribution, the agreed amount
// and the saving ceiling; spending per taakveld against the benchmark, with the exact table beside it. Bar
// lengths come from cents in integer arithmetic; label and amount widths from the length of their text, so
// nothing is clipped; each amount sits just after its own bar, and words say what colour shows.
#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "html_parts.hpp"
#include "utf8.hpp"

namespace akkoord::html_detail {

namespace {

__extension__ using i128 = __int128;

// Pixels a text takes at the chart's 12 px font, generously (wide glyphs, digits), so labels are never cut.
std::int64_t text_width(std::string_view s) {
  std::int64_t characters = 0;
  for (const char c : s) characters += report_detail::is_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return characters * 15 / 2 + 6;
}

// "123.4" from tenths of a pixel.
std::string tenths(std::int64_t t) { return fmt::format("{}.{}", t / 10, t % 10); }

}  // namespace

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

std::int64_t divide_rounded(std::int64_t a, std::int64_t b) {
  const i128 magnitude = a < 0 ? -static_cast<i128>(a) : a;
  const i128 q = (2 * magnitude + b) / (2 * static_cast<i128>(b));
  return static_cast<std::int64_t>(a < 0 ? -q : q);
}

namespace {
// part / whole in tenths of a percent, rounded half away from zero; whole > 0.
std::int64_t rounded_tenths(std::int64_t part, std::int64_t whole) {
  const i128 scaled = static_cast<i128>(part) * 1000;
  const i128 q = (2 * (scaled < 0 ? -scaled : scaled) + whole) / (2 * static_cast<i128>(whole));
  return static_cast<std::int64_t>(scaled < 0 ? -q : q);
}
}  // namespace

std::string percent_text(std::int64_t part, std::int64_t whole, language lang) {
  return format_decimal(decimal{rounded_tenths(part, whole), 1}, style_of(lang)) + "%";
}

void append_named(std::string& out, std::string_view code, std::string_view name) {
  out += "<code>";
  esc(out, code);
  out += "</code>";
  if (name.empty()) return;
  out += ' ';
  esc(out, name);
}

void unknown_code(std::string& out, std::optional<int> year, language lang) {
  out += " <span class=\"unknown\">(";
  esc(out, unknown_taakveld_words(year).in(lang));
  out += ")</span>";
}

std::string named_text(std::string_view code, std::string_view name) {
  std::string s(code);
  if (!name.empty()) {
    s += ' ';
    s += name;
  }
  return s;
}

void append_bar_chart(std::string& out, const std::vector<bar_row>& rows, std::string_view title_id,
                      std::string_view title, chart_legend legend, language lang) {
  constexpr std::int64_t area = 360, row_height = 26, bar_height = 14, top = 10;
  std::int64_t label_width = 40, amount_width = 0, largest = 1;
  std::vector<std::string> amounts;
  for (const bar_row& r : rows) {
    label_width = std::max(label_width, text_width(r.label));
    amounts.push_back(money_text(r.cents, lang) + (r.remark.empty() ? "" : " (" + r.remark + ")"));
    amount_width = std::max(amount_width, text_width(amounts.back()));
    largest = std::max({largest, r.cents, r.benchmark.value_or(0), r.allowed.value_or(0), r.ceiling.value_or(0)});
  }
  const std::int64_t bar_x = label_width + 8;
  const auto x_of = [&](std::int64_t cents) -> std::int64_t {  // tenths of a pixel from the left edge
    const i128 clamped = std::max<std::int64_t>(cents, 0);
    return bar_x * 10 + static_cast<std::int64_t>(clamped * (area * 10) / largest);
  };
  // The legend, one entry after the other, each as wide as its words.
  std::vector<std::pair<std::string_view, std::string_view>> entries;  // swatch kind, words
  if (legend.benchmark) {
    entries.push_back({"bar", tr(lang, "budget", "begroot")});
    entries.push_back({"benchmark", tr(lang, "benchmark", "benchmark")});
    entries.push_back({"band", tr(lang, "tolerance", "tolerantie")});
    entries.push_back({"bar over", tr(lang, "above the tolerance", "boven de tolerantie")});
  }
  if (legend.agreed) {
    entries.push_back({"bar reference", tr(lang, "contribution total", "totaal bijdrage")});
    entries.push_back({"benchmark", tr(lang, "agreed amount", "afgesproken bedrag")});
    entries.push_back({"ceiling", tr(lang, "saving ceiling", "plafond na besparing")});
  }
  std::int64_t legend_width = 0;
  for (const auto& [kind, words] : entries) legend_width += 24 + text_width(words) + 12;
  const std::int64_t legend_height = entries.empty() ? 0 : 28;
  const std::int64_t width = std::max(bar_x + area + 8 + amount_width, legend_width + 8);
  const std::int64_t height = top + static_cast<std::int64_t>(rows.size()) * row_height + legend_height + 4;

  auto it = std::back_inserter(out);
  fmt::format_to(it, R"(<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {0} {1}" width="{0}" height="{1}" aria-labelledby="{2}"><title id="{2}">)",
                 width, height, title_id);
  esc(out, title);
  fmt::format_to(it, R"svg(</title><defs><pattern id="{}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-ground"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/></pattern></defs>)svg",
                 title_id);
  out += '\n';
  const auto fill_of = [&](std::string_view kind) {
    return kind == "bar over" || kind == "bar mismatch" ? fmt::format(R"svg( fill="url(#{}-hatch)")svg", title_id)
                                                         : std::string();
  };
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const bar_row& r = rows[k];
    const std::int64_t y = top + static_cast<std::int64_t>(k) * row_height;
    out += "<g><title>";
    esc(out, r.tooltip);
    fmt::format_to(it, R"(</title><text class="label" x="{}" y="{}" text-anchor="end">)", label_width, y + bar_height - 3);
    esc(out, r.label);
    out += "</text>";
    fmt::format_to(it, R"(<rect class="{}"{} x="{}" y="{}" width="{}" height="{}"/>)", r.kind, fill_of(r.kind), bar_x, y,
                   tenths(x_of(r.cents) - bar_x * 10), bar_height);
    // The tolerance band over the bar (translucent), so it shows on a bar that runs past it.
    if (r.benchmark && r.allowed && *r.allowed > *r.benchmark)
      fmt::format_to(it, R"(<rect class="band" x="{}" y="{}" width="{}" height="{}"/>)", tenths(x_of(*r.benchmark)),
                     y - 3, tenths(x_of(*r.allowed) - x_of(*r.benchmark)), bar_height + 6);
    for (const auto& [marker, css] : {std::pair{r.benchmark, "benchmark"}, std::pair{r.ceiling, "ceiling"}})
      if (marker)
        fmt::format_to(it, R"(<line class="{0}" x1="{1}" x2="{1}" y1="{2}" y2="{3}"/>)", css, tenths(x_of(*marker)),
                       y - 4, y + bar_height + 4);
    fmt::format_to(it, R"(<text class="amount" x="{}" y="{}">)", tenths(x_of(r.cents) + 60), y + bar_height - 3);
    esc(out, amounts[k]);
    out += "</text></g>\n";
  }
  if (!entries.empty()) {
    const std::int64_t y = top + static_cast<std::int64_t>(rows.size()) * row_height + 8;
    std::int64_t x = 4;
    out += "<g class=\"legend\">";
    for (const auto& [kind, words] : entries) {
      if (kind == "benchmark" || kind == "ceiling") {
        fmt::format_to(it, R"(<line class="{0}" x1="{1}" x2="{1}" y1="{2}" y2="{3}"/>)", kind, x + 7, y - 1, y + 15);
      } else {
        fmt::format_to(it, R"(<rect class="{}"{} x="{}" y="{}" width="14" height="12"/>)", kind, fill_of(kind), x, y + 1);
      }
      fmt::format_to(it, R"(<text class="legend" x="{}" y="{}">)", x + 20, y + 11);
      esc(out, words);
      out += "</text>";
      x += 24 + text_width(words) + 12;
    }
    out += "</g>\n";
  }
  out += "</svg>\n";
}

void append_spark_bar(std::string& out, std::int64_t cents, std::int64_t largest) {
  constexpr std::int64_t most = 480;  // tenths of a pixel
  const std::int64_t length =
      largest <= 0 ? 0 : static_cast<std::int64_t>(static_cast<i128>(std::max<std::int64_t>(cents, 0)) * most / largest);
  fmt::format_to(std::back_inserter(out),
                 R"(<svg class="spark" xmlns="http://www.w3.org/2000/svg" width="48" height="10" aria-hidden="true"><rect x="0" y="1" width="{}" height="8"/></svg>)",
                 tenths(length));
}

// ---- the figures of a plan -------------------------------------------------------------------------------

namespace {

bool above_any(const taakveld_spending& t) {
  return std::any_of(t.benchmarks.begin(), t.benchmarks.end(), [](const benchmark_comparison& c) { return c.above; });
}

// Shares of `base` in tenths of a percent that add up to exactly 1000 (largest remainder), so the column sums
// to the 100% it states. Plain rounding when a part is negative (then no sum is promised).
std::vector<std::int64_t> shares_in_tenths(const std::vector<std::int64_t>& parts, std::int64_t base) {
  std::vector<std::int64_t> floors;
  std::vector<std::pair<i128, std::size_t>> remainders;
  const bool all_positive = std::all_of(parts.begin(), parts.end(), [](std::int64_t p) { return p >= 0; });
  std::int64_t given = 0;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const i128 scaled = static_cast<i128>(parts[k]) * 1000;
    if (!all_positive) {
      floors.push_back(rounded_tenths(parts[k], base));
      continue;
    }
    floors.push_back(static_cast<std::int64_t>(scaled / base));
    remainders.push_back({scaled % base, k});
    given += floors.back();
  }
  if (!all_positive) return floors;
  std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < 1000 && k < remainders.size(); ++k, ++given) ++floors[remainders[k].second];
  return floors;
}

}  // namespace

// GCC 12 at -O3 reports std::optional members read after a has_value() test as "maybe uninitialized" once
// inlined here (GCC bug 80635); the reads are guarded.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
void append_figures(std::string& out, const overview& o, const overview_plan& row, std::string_view anchor,
                    language lang) {
  const plan_figures& plan = *row.figures();
  out += "<h3>";
  out += tr(lang, "Spending", "Uitgaven");
  out += "</h3>\n";
  if (plan.overflow) {
    out += "<p class=\"none\">";
    out += tr(lang, "The budgets of this plan are too large to add up; no figures are shown.",
              "De budgetten van dit plan zijn te groot om op te tellen; er worden geen cijfers getoond.");
    out += "</p>\n";
    return;
  }
  if (plan.taakvelden.empty() && !row.total_cents) {
    out += "<p class=\"none\">";
    out += tr(lang, "This plan has no budgets on a taakveld.", "Dit plan heeft geen budgetten op een taakveld.");
    out += "</p>\n";
    return;
  }
  const std::int64_t budget_cents = plan.budget_cents.value_or(0);
  const std::string year_text = row.year ? std::to_string(*row.year) : std::string();

  // Totals against the contribution, the amount agreed for the year and the saving ceiling.
  if (row.total_cents) {
    std::vector<bar_row> totals;
    const auto add = [&](std::string label, std::int64_t cents, std::string_view kind, std::string remark = {}) {
      bar_row r;
      r.label = std::move(label);
      r.cents = cents;
      r.kind = kind;
      r.remark = std::move(remark);
      r.tooltip = r.label + ": " + money_text(cents, lang);
      totals.push_back(std::move(r));
    };
    add(std::string(tr(lang, "contribution total", "totaal bijdrage")), *row.total_cents, "bar reference");
    if (row.agreed && row.agreed->known())
      add(std::string(tr(lang, "agreed for ", "afgesproken voor ")) + year_text, row.agreed->cents, "bar reference");
    if (row.saving_ceiling_cents)
      add(std::string(tr(lang, "ceiling after savings", "plafond na besparing")), *row.saving_ceiling_cents,
          "bar reference");
    if (plan.payee_budget_cents) {
      const std::string_view payee_name = o.executor_name(plan.payee);
      add(std::string(tr(lang, "executed by ", "uitgevoerd door ")) + (payee_name.empty() ? plan.payee : std::string(payee_name)),
          *plan.payee_budget_cents, *plan.payee_budget_cents == *row.total_cents ? "bar" : "bar mismatch",
          *plan.payee_budget_cents == *row.total_cents ? std::string()
                                                       : std::string(tr(lang, "not the total", "niet het totaal")));
    }
    add(std::string(tr(lang, "all activities", "alle activiteiten")), budget_cents, "bar");
    out += "<figure>\n";
    append_bar_chart(out, totals, std::string(anchor) + "-totals",
                     tr(lang, "Budgets against the contribution", "Budgetten tegenover de bijdrage"), {}, lang);
    out += "<figcaption>";
    out += tr(lang,
              "Grey: the contribution total the plan states, the amount the agreement sets for the year and the "
              "ceiling its savings leave. The budgets of the activities of the party the contribution pays should "
              "add up to the total exactly (hatched, with words, when they do not).",
              "Grijs: het totaal van de bijdrage in het plan, het bedrag dat de overeenkomst voor het jaar vastlegt "
              "en het plafond dat de besparingen overlaten. De budgetten van de activiteiten van de ontvanger van de "
              "bijdrage horen precies op het totaal uit te komen (gearceerd en benoemd als dat niet zo is).");
    out += "</figcaption>\n</figure>\n";
  }
  if (plan.taakvelden.empty()) return;

  // Per taakveld: only codes of the book year's BBV list are charted; an unknown code is listed apart.
  std::vector<bar_row> rows;
  std::vector<std::string> unknown;
  for (const taakveld_spending& t : plan.taakvelden) {
    const taakveld_naming naming = overview::taakveld_name(t.code, row.year);
    if (!naming.known) {
      unknown.push_back(t.code);
      continue;
    }
    bar_row r;
    r.label = named_text(t.code, naming.name);
    r.cents = t.budget_cents.value_or(0);
    if (!t.benchmarks.empty()) {
      r.benchmark = t.benchmarks.front().benchmark_cents;
      r.allowed = t.benchmarks.front().allowed_cents;
    }
    if (above_any(t)) {
      r.kind = "bar over";
      r.remark = std::string(tr(lang, "above the benchmark", "boven de benchmark"));
    }
    r.tooltip = r.label + ": " + money_text(r.cents, lang);
    if (r.benchmark) r.tooltip += "; benchmark " + money_text(*r.benchmark, lang);
    rows.push_back(std::move(r));
  }
  out += "<figure>\n";
  if (!rows.empty())
    append_bar_chart(out, rows, std::string(anchor) + "-chart",
                     tr(lang, "Spending per taakveld against the benchmark", "Uitgaven per taakveld tegenover de benchmark"),
                     {.benchmark = true}, lang);
  out += "<figcaption>";
  out += tr(lang,
            "Bar: the plan's budgets on the taakveld. Line: the benchmark, its amount per inhabitant times the "
            "inhabitants of the municipality; shaded: the tolerance above it.",
            "Balk: de budgetten van het plan op het taakveld. Streep: de benchmark, het bedrag per inwoner maal het "
            "aantal inwoners van de gemeente; gearceerd vlak: de tolerantie daarboven.");
  if (!unknown.empty()) {
    out += ' ';
    out += tr(lang, "Not charted, not a taakveld of the BBV list of ", "Niet in de grafiek, geen taakveld van de BBV-lijst van ");
    esc(out, year_text);
    out += ": ";
    for (std::size_t k = 0; k < unknown.size(); ++k) {
      if (k > 0) out += ", ";
      out += "<code>";
      esc(out, unknown[k]);
      out += "</code>";
    }
    out += '.';
  }
  out += "</figcaption>\n</figure>\n";

  // The exact figures; the shares are of every activity budget together, which the column heading states.
  std::vector<std::int64_t> parts;
  for (const taakveld_spending& t : plan.taakvelden) parts.push_back(t.budget_cents.value_or(0));
  const std::vector<std::int64_t> shares =
      budget_cents > 0 ? shares_in_tenths(parts, budget_cents) : std::vector<std::int64_t>();
  auto it = std::back_inserter(out);
  fmt::format_to(it, "<table class=\"figures\"><thead><tr><th>Taakveld</th><th>{}</th><th>", tr(lang, "Budget", "Begroot"));
  out += tr(lang, "Share of all activity budgets", "Aandeel in alle activiteitbudgetten");
  if (budget_cents > 0) {
    out += " (";
    esc(out, money_text(budget_cents, lang));
    out += " = 100%)";
  }
  fmt::format_to(it, "</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                 tr(lang, "Per inhabitant", "Per inwoner"), tr(lang, "Benchmark per inhabitant", "Benchmark per inwoner"),
                 tr(lang, "Benchmark for the municipality", "Benchmark voor de gemeente"));
  const auto cell = [&](const std::optional<std::string>& value) {
    out += "<td>";
    if (value) {
      esc(out, *value);
    } else {
      out += "\xE2\x80\x93";
    }
    out += "</td>";
  };
  for (std::size_t k = 0; k < plan.taakvelden.size(); ++k) {
    const taakveld_spending& t = plan.taakvelden[k];
    const taakveld_naming naming = overview::taakveld_name(t.code, row.year);
    out += above_any(t) ? "<tr class=\"over\"><td>" : "<tr><td>";
    append_named(out, t.code, naming.name);
    if (!naming.known) unknown_code(out, row.year, lang);
    if (above_any(t)) {
      out += " <span class=\"flag\">";
      out += tr(lang, "above the benchmark", "boven de benchmark");
      out += "</span>";
    }
    out += "</td>";
    cell(money_text(t.budget_cents.value_or(0), lang));
    cell(shares.empty() ? std::nullopt : std::optional(format_decimal(decimal{shares[k], 1}, style_of(lang)) + "%"));
    cell(t.per_inhabitant_cents ? std::optional(money_text(*t.per_inhabitant_cents, lang)) : std::nullopt);
    std::optional<std::string> per_inhabitant_norm, norm;
    const auto join = [](std::optional<std::string>& cell_text, const std::string& part) {
      cell_text = cell_text ? *cell_text + "; " + part : part;
    };
    for (const benchmark_comparison& c : t.benchmarks) {
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
  fmt::format_to(it, "<tr class=\"total\"><td>{}</td>", tr(lang, "all", "totaal"));
  cell(money_text(budget_cents, lang));
  cell(budget_cents > 0 ? std::optional<std::string>("100%") : std::nullopt);
  cell(plan.inhabitants && *plan.inhabitants > 0
           ? std::optional(money_text(divide_rounded(budget_cents, *plan.inhabitants), lang))
           : std::nullopt);
  cell(std::nullopt);
  cell(std::nullopt);
  out += "</tr>\n</tbody></table>\n";
  if (budget_cents > 0) {
    out += "<p class=\"note\">";
    out += tr(lang, "Shares are rounded to a tenth of a percent so that together they are exactly 100%.",
              "Aandelen zijn afgerond op een tiende procent, zodat ze samen precies 100% zijn.");
    out += "</p>\n";
  }
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace akkoord::html_detail

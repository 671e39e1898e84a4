// The top of the HTML page and the parts of a plan's section that come from the run's overview (overview.hpp):
// the facts of the run, one row per plan grouped by municipality (the table of contents), the across-years view,
// and per plan its facts, status at a glance and activities. Names stand beside codes everywhere.
#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "html_parts.hpp"

namespace akkoord::html_detail {

namespace {

std::string_view verdict_class(plan_verdict v) {
  switch (v) {
    case plan_verdict::clean: return "clean";
    case plan_verdict::remarks: return "remarks";
    case plan_verdict::fails: return "fails";
    case plan_verdict::unreadable: return "unreadable";
  }
  return "fails";
}

// Words, never colour alone (verdict_words, as the spreadsheet says it), with a mark for the two ends.
std::string verdict_text(plan_verdict v, language lang) {
  const std::string_view mark = v == plan_verdict::clean ? "\xE2\x9C\x93 " : v == plan_verdict::remarks ? "" : "\xE2\x9C\x97 ";
  return std::string(mark) + verdict_words(v).in(lang);
}

// "adopted on 12 November 2024" / "vastgesteld op 12 november 2024"; "draft" / "concept"; as written otherwise.
std::string plan_status_text(const overview_plan& row, language lang) {
  std::string s;
  if (row.status == "vastgesteld") {
    s = tr(lang, "adopted", "vastgesteld");
  } else if (row.status == "concept") {
    s = tr(lang, "draft", "concept");
  } else {
    s = row.status;
  }
  if (row.adopted) {
    if (!s.empty()) s += ' ';
    s += tr(lang, "on ", "op ");
    s += lang == language::nl ? dutch_date(*row.adopted) : to_string(*row.adopted);
  }
  return s;
}

void money_cell(std::string& out, const std::optional<std::int64_t>& cents, language lang) {
  out += "<td class=\"num\">";
  if (cents) {
    esc(out, money_text(*cents, lang));
  } else {
    out += "\xE2\x80\x93";
  }
  out += "</td>";
}

std::string municipality_heading(const overview_municipality& m, language lang) {
  if (m.id.empty()) return std::string(tr(lang, "Plans without a municipality", "Plannen zonder gemeente"));
  return m.name.empty() ? m.id : m.name;
}

std::string_view kind_words(status_kind kind, language lang) {
  switch (kind) {
    case status_kind::basic_services: return tr(lang, "Basic services present", "Basisdienstverlening aanwezig");
    case status_kind::returned_competences:
      return tr(lang, "Returned competences respected", "Teruggenomen bevoegdheden gerespecteerd");
    case status_kind::milestones: return tr(lang, "Milestones due and recorded", "Mijlpalen: gereed en vastgelegd");
    case status_kind::savings: return tr(lang, "Savings met", "Besparingen gerealiseerd");
  }
  return {};
}

}  // namespace

void append_run_facts(std::string& out, const overview& o, language lang) {
  const run_facts& f = o.facts;
  auto it = std::back_inserter(out);
  fmt::format_to(it, "<dl class=\"run\">\n<dt>{}</dt><dd>", tr(lang, "Made", "Gemaakt"));
  esc(out, generated_time_text(f.generated_seconds, lang));
  if (f.from_source_date_epoch) out += tr(lang, " (SOURCE_DATE_EPOCH)", " (SOURCE_DATE_EPOCH)");
  if (!f.invalid_source_date_epoch.empty()) {
    out += " <span class=\"flag\">";
    out += tr(lang, "SOURCE_DATE_EPOCH is not a number of seconds since 1970 (", "SOURCE_DATE_EPOCH is geen aantal seconden sinds 1970 (");
    esc(out, f.invalid_source_date_epoch);
    out += tr(lang, "); the current time is shown", "); de huidige tijd is getoond");
    out += "</span>";
  }
  out += "</dd>\n";
  if (!f.tool_version.empty()) {
    out += "<dt>akkoord</dt><dd>";
    out += tr(lang, "version ", "versie ");
    esc(out, f.tool_version);
    out += "</dd>\n";
  }
  if (!f.agreement_file.empty()) {
    fmt::format_to(it, "<dt>{}</dt><dd>", tr(lang, "Agreement", "Overeenkomst"));
    if (!f.agreement_title.empty()) {
      esc(out, f.agreement_title);
      out += ' ';
    }
    if (!f.agreement_id.empty()) {
      out += "(<code>";
      esc(out, f.agreement_id);
      out += "</code>) ";
    }
    out += tr(lang, "in ", "in ");
    out += "<code class=\"path\">";
    esc(out, f.agreement_file);
    out += "</code></dd>\n";
  }
  if (!f.bbv_lists.empty()) {
    fmt::format_to(it, "<dt>{}</dt><dd>", tr(lang, "BBV taakveld lists", "BBV-lijsten van taakvelden"));
    for (std::size_t k = 0; k < f.bbv_lists.size(); ++k) {
      if (k > 0) out += ", ";
      fmt::format_to(it, "{}\xE2\x80\x93{}", f.bbv_lists[k]->first_year, f.bbv_lists[k]->last_year);
    }
    if (std::any_of(o.plans.begin(), o.plans.end(), [](const overview_plan& r) { return r.bbv_newest_applied; }))
      out += tr(lang, " (the newest list also for later years)", " (de nieuwste lijst ook voor latere jaren)");
    out += "</dd>\n";
  }
  fmt::format_to(it, "<dt>{}</dt><dd>{}</dd>\n</dl>\n", tr(lang, "Fails on", "Afgekeurd vanaf ernst"),
                 severity_word(f.fail_on, lang));
}

void append_overview(std::string& out, const overview& o, const std::vector<std::string>& anchor_of_plan,
                     language lang) {
  if (o.plans.empty()) return;
  auto it = std::back_inserter(out);
  fmt::format_to(it, "<section class=\"overview\" id=\"overview\">\n<h2>{}</h2>\n", tr(lang, "Overview", "Overzicht"));
  fmt::format_to(it,
                 "<table class=\"overview\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
                 "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n",
                 tr(lang, "Year", "Jaar"), tr(lang, "Plan", "Plan"), tr(lang, "Status", "Status"),
                 tr(lang, "Contribution total", "Totaal bijdrage"), tr(lang, "Agreed amount", "Afgesproken bedrag"),
                 tr(lang, "Saving ceiling", "Plafond na besparing"), tr(lang, "Errors", "Fouten"),
                 tr(lang, "Warnings", "Waarschuwingen"), tr(lang, "Infos", "Info's"),
                 tr(lang, "Suppressed", "Uitgezonderd"), tr(lang, "Verdict", "Oordeel"));
  for (const overview_municipality& m : o.municipalities) {
    out += "<tbody><tr class=\"group\"><th colspan=\"11\">";
    esc(out, municipality_heading(m, lang));
    if (!m.id.empty() && !m.name.empty()) {
      out += " <code>";
      esc(out, m.id);
      out += "</code>";
    }
    out += "</th></tr>\n";
    for (const std::size_t k : m.plans) {
      const overview_plan& row = o.plans[k];
      fmt::format_to(it, "<tr class=\"{}\"><td><a href=\"#{}\">", verdict_class(row.verdict), anchor_of_plan[k]);
      if (row.year) {
        fmt::format_to(it, "{}", *row.year);
      } else {
        out += tr(lang, "(no year)", "(geen jaar)");
      }
      out += "</a></td><td>";
      esc(out, row.title);
      out += "<br><code class=\"path\">";
      esc(out, row.file->path);
      out += "</code></td><td>";
      esc(out, plan_status_text(row, lang));
      out += "</td>";
      money_cell(out, row.total_cents, lang);
      money_cell(out, row.agreed && row.agreed->known() ? std::optional(row.agreed->cents) : std::nullopt, lang);
      money_cell(out, row.saving_ceiling_cents, lang);
      fmt::format_to(it, "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
                     row.findings.errors, row.findings.warnings, row.findings.infos, row.findings.suppressed);
      fmt::format_to(it, "<td class=\"verdict {}\">{}</td></tr>\n", verdict_class(row.verdict),
                     verdict_text(row.verdict, lang));
    }
    out += "</tbody>\n";
  }
  out += "</table>\n";
  out += "<p class=\"note\">";
  out += tr(lang,
            "Agreed amount: what the agreement sets for the year (stated, or indexed from an earlier year). Saving "
            "ceiling: the amount of the saving's base year minus the savings in force. Suppressed findings are "
            "counted apart and do not change the verdict.",
            "Afgesproken bedrag: wat de overeenkomst voor het jaar vastlegt (genoemd, of geïndexeerd vanaf een eerder "
            "jaar). Plafond na besparing: het bedrag van het basisjaar van de besparing min de besparingen die gelden. "
            "Uitgezonderde bevindingen worden apart geteld en veranderen het oordeel niet.");
  out += "</p>\n</section>\n";
}

void append_across_years(std::string& out, const overview& o, const std::vector<std::string>& anchor_of_plan,
                         language lang) {
  auto it = std::back_inserter(out);
  for (std::size_t g = 0; g < o.municipalities.size(); ++g) {
    const overview_municipality& m = o.municipalities[g];
    if (m.plans.size() < 2 || m.id.empty()) continue;
    const std::string heading = municipality_heading(m, lang);
    fmt::format_to(it, "<section class=\"years\" id=\"m{}\">\n<h2>", g + 1);
    esc(out, heading);
    out += tr(lang, " across the years", " door de jaren heen");
    out += "</h2>\n";
    std::vector<bar_row> rows;
    for (const std::size_t k : m.plans) {
      const overview_plan& row = o.plans[k];
      bar_row r;
      r.label = row.year ? std::to_string(*row.year) : std::string(tr(lang, "(no year)", "(geen jaar)"));
      r.cents = row.total_cents.value_or(0);
      r.kind = "bar reference";
      if (row.agreed && row.agreed->known()) r.benchmark = row.agreed->cents;
      r.ceiling = row.saving_ceiling_cents;
      if (!row.total_cents) r.remark = std::string(tr(lang, "no total", "geen totaal"));
      r.tooltip = r.label + ": " + money_text(r.cents, lang);
      if (r.benchmark) r.tooltip += std::string(tr(lang, "; agreed ", "; afgesproken ")) + money_text(*r.benchmark, lang);
      if (r.ceiling) r.tooltip += std::string(tr(lang, "; ceiling ", "; plafond ")) + money_text(*r.ceiling, lang);
      rows.push_back(std::move(r));
    }
    out += "<figure>\n";
    append_bar_chart(out, rows, "m" + std::to_string(g + 1) + "-totals",
                     heading + std::string(tr(lang, ": contribution total per year against the agreed amount and the saving ceiling",
                                              ": totaal bijdrage per jaar tegenover het afgesproken bedrag en het plafond na besparing")),
                     {.agreed = true}, lang);
    out += "</figure>\n";

    // Per task the budget of each year, with a spark bar against the task's largest year.
    fmt::format_to(it, "<table class=\"years\"><thead><tr><th>{}</th>", tr(lang, "Task", "Taak"));
    for (const std::size_t k : m.plans) {
      fmt::format_to(it, "<th><a href=\"#{}\">", anchor_of_plan[k]);
      if (o.plans[k].year) {
        fmt::format_to(it, "{}", *o.plans[k].year);
      } else {
        out += tr(lang, "(no year)", "(geen jaar)");
      }
      out += "</a></th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const task_years& task : m.tasks) {
      out += "<tr><td>";
      append_named(out, task.id, o.task_title(task.id));
      out += "</td>";
      std::int64_t largest = 0;
      for (const auto& cents : task.budget_cents) largest = std::max(largest, cents.value_or(0));
      for (const auto& cents : task.budget_cents) {
        out += "<td class=\"num\">";
        if (cents) {
          append_spark_bar(out, *cents, largest);
          out += ' ';
          esc(out, money_text(*cents, lang));
        } else {
          out += "\xE2\x80\x93";
        }
        out += "</td>";
      }
      out += "</tr>\n";
    }
    out += "</tbody></table>\n</section>\n";
  }
}

void append_plan_facts(std::string& out, const overview_plan& row, language lang) {
  std::vector<std::string> facts;
  if (!row.municipality_id.empty())
    facts.push_back(std::string(tr(lang, "municipality ", "gemeente ")) +
                    named_text(row.municipality_id, row.municipality_name.empty() ? "" : "(" + row.municipality_name + ")"));
  if (row.year) facts.push_back(std::string(tr(lang, "year ", "jaar ")) + std::to_string(*row.year));
  const std::string status = plan_status_text(row, lang);
  if (!status.empty()) facts.push_back(status);
  if (!row.contribution_id.empty())
    facts.push_back(std::string(tr(lang, "contribution ", "bijdrage ")) +
                    named_text(row.contribution_id, row.contribution_title.empty() ? "" : "(" + row.contribution_title + ")"));
  const plan_figures* figures = row.figures();
  if (figures != nullptr && figures->inhabitants)
    facts.push_back(format_count(static_cast<std::uint64_t>(std::max<std::int64_t>(*figures->inhabitants, 0)), style_of(lang)) +
                    std::string(tr(lang, " inhabitants", " inwoners")));
  if (row.bbv != nullptr)
    facts.push_back(fmt::format("{} {}\xE2\x80\x93{}", tr(lang, "BBV list", "BBV-lijst"), row.bbv->first_year,
                                row.bbv->last_year));
  if (facts.empty()) return;
  out += "<p class=\"facts\">";
  for (std::size_t k = 0; k < facts.size(); ++k) {
    if (k > 0) out += " \xC2\xB7 ";
    esc(out, facts[k]);
  }
  out += "</p>\n";
}

void append_status(std::string& out, const overview_plan& row, language lang) {
  if (row.at_a_glance.empty()) return;
  auto it = std::back_inserter(out);
  fmt::format_to(it, "<h3>{}</h3>\n<table class=\"status\"><tbody>\n", tr(lang, "Status at a glance", "Stand van zaken"));
  for (const status_item& item : row.at_a_glance) {
    fmt::format_to(it, "<tr class=\"{}\"><th>{}</th><td class=\"state\">", item.met() ? "met" : "unmet",
                   kind_words(item.kind, lang));
    if (item.clauses.empty()) {
      out += tr(lang, "not applicable", "niet van toepassing");
    } else if (item.met()) {
      out += tr(lang, "\xE2\x9C\x93 yes", "\xE2\x9C\x93 ja");
    } else {
      fmt::format_to(it, "{} ({} <code>{}</code>)", tr(lang, "\xE2\x9C\x97 no", "\xE2\x9C\x97 nee"), item.findings,
                     item.check_id);
    }
    out += "</td><td>";
    if (item.clauses.empty()) {
      out += tr(lang, "nothing in the agreement applies in this year", "niets uit de overeenkomst is dit jaar van toepassing");
    } else {
      out += "<ul class=\"clauses\">";
      for (const status_clause& c : item.clauses) {
        out += c.met ? "<li>" : "<li class=\"unmet\">";
        if (!c.met) {
          out += "<strong>";
          out += tr(lang, "not met: ", "niet in orde: ");
          out += "</strong>";
        }
        esc(out, c.title);
        out += " <code>";
        esc(out, c.id);
        out += "</code>";
        if (c.due) {
          out += "; ";
          out += tr(lang, "due ", "uiterlijk ");
          esc(out, date_text(*c.due, lang));
          out += ", ";
          if (c.recorded) {
            out += tr(lang, "completed ", "afgerond op ");
            esc(out, date_text(*c.recorded, lang));
          } else {
            out += tr(lang, "not recorded as completed", "niet vastgelegd als afgerond");
          }
        }
        if (c.ceiling_cents) {
          out += "; ";
          out += tr(lang, "ceiling ", "plafond ");
          esc(out, money_text(*c.ceiling_cents, lang));
        }
        if (c.article != nullptr) {
          out += " <span class=\"article\">(";
          esc(out, c.article->document.name);
          out += ", ";
          esc(out, c.article->text.value);
          out += ")</span>";
        }
        out += "</li>";
      }
      out += "</ul>";
    }
    out += "</td></tr>\n";
  }
  out += "</tbody></table>\n";
}

void append_activities(std::string& out, const overview& o, const overview_plan& row, language lang) {
  const plan* p = row.typed();
  if (p == nullptr || p->activities.empty()) return;
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "<h3>{}</h3>\n<table class=\"activities\"><thead><tr><th>Id</th><th>{}</th><th>{}</th><th>Taakveld</th>"
                 "<th>{}</th><th>FTE</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                 tr(lang, "Activities", "Activiteiten"), tr(lang, "Task", "Taak"), tr(lang, "Executor", "Uitvoerder"),
                 tr(lang, "Budget", "Begroot"), tr(lang, "Dates", "Looptijd"), tr(lang, "Description", "Omschrijving"));
  const auto dash = [&] { out += "\xE2\x80\x93"; };
  for (const plan_activity& a : p->activities) {
    out += "<tr><td>";
    if (a.id) {
      out += "<code>";
      esc(out, a.id->value);
      out += "</code>";
    }
    out += "</td><td>";
    if (a.task) append_named(out, a.task->value, o.task_title(a.task->value));
    out += "</td><td>";
    if (a.executor) append_named(out, a.executor->value, o.executor_name(a.executor->value));
    out += "</td><td>";
    if (a.taakveld) {
      const taakveld_naming naming = overview::taakveld_name(a.taakveld->value, row.year);
      append_named(out, a.taakveld->value, naming.name);
      if (!naming.known) unknown_code(out, row.year, lang);
    }
    out += "</td><td class=\"num\">";
    if (a.budget) {
      esc(out, money_text(a.budget->value, lang));
    } else {
      dash();
    }
    out += "</td><td class=\"num\">";
    if (a.fte) {
      esc(out, format_decimal(a.fte->value, style_of(lang)));
    } else {
      dash();
    }
    out += "</td><td>";
    if (!a.from && !a.to) {
      out += tr(lang, "the whole year", "het hele jaar");
    } else {
      if (a.from) esc(out, date_text(a.from->value, lang));
      out += " \xE2\x80\x93 ";
      if (a.to) esc(out, date_text(a.to->value, lang));
    }
    out += "</td><td>";
    if (a.description) esc(out, a.description->value);
    out += "</td></tr>\n";
  }
  out += "</tbody></table>\n";
}

}  // namespace akkoord::html_detail

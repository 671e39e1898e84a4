// The spreadsheet report (`--format xlsx:FILE`) for controllers, written with libxlsxwriter: an overview of the
// plans, the findings, the activities and the spending per taakveld and per task, one table per sheet, each
// with its header row frozen and an autofilter. Money is a number with a euro format, dates are dates. Every
// figure is the run's own (the engine's plan_figures, laid out through the run's overview); nothing is added up
// or looked up a second time here.
#include <algorithm>
#include <ctime>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/validator/overview.hpp"
#include "akkoord/validator/plan.hpp"
#include "akkoord/validator/report.hpp"
#include "support.hpp"
#include "utf8.hpp"
#include "xlsxwriter_library.hpp"

namespace akkoord {

using namespace report_detail;

namespace {

// Excel's most characters in a cell (counted in UTF-16 units) and rows in a sheet.
constexpr std::size_t max_cell_units = 32'767;
constexpr lxw_row_t max_rows = LXW_ROW_MAX;
// Column widths in characters: at least the header's, at most this, so a long message does not push the
// other columns off the screen (the whole text is in the cell).
constexpr std::size_t widest_column = 60;

// User text made safe for a cell: what printable() does for every other non-structured output (no control
// characters, no bidirectional overrides, invalid UTF-8 as U+FFFD), cut to what a cell holds with a visible `…`.
// Always written as a string cell, never as a formula, so `=cmd|…` or `@SUM(…)` stays text.
std::string cell_text(std::string_view s) {
  std::string out = printable(s);
  if (out.size() <= max_cell_units) return out;  // a UTF-16 unit takes at least one byte
  std::size_t units = 0, cut = std::string::npos;
  for (std::size_t i = 0; i < out.size();) {
    const decoded d = decode_at(out, i);
    units += d.code_point >= 0x10000 ? 2 : 1;  // outside the BMP: a surrogate pair
    if (units > max_cell_units - 1 && cut == std::string::npos) cut = i;  // room for the `…`
    if (units > max_cell_units) {
      out.resize(cut);
      out += "\xE2\x80\xA6";  // …
      break;
    }
    i += d.length;
  }
  return out;
}

std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += decode_at(s, i).length) ++n;
  return n;
}

struct styles {
  lxw_format* header = nullptr;
  lxw_format* euro = nullptr;
  lxw_format* date = nullptr;
  lxw_format* count = nullptr;
  lxw_format* fraction = nullptr;
};

// One table on one sheet: a header row, then rows written cell by cell, left to right, top to bottom (the
// workbook runs in constant-memory mode: each finished row goes to disk). The first libxlsxwriter error is kept.
class table_sheet {
 public:
  table_sheet(const xlsxwriter_library& lib, lxw_workbook* book, const styles& style, const text& name,
              std::initializer_list<text> headers, language lang)
      : lib_(lib), sheet_(lib_.workbook_add_worksheet(book, name.in(lang).c_str())), style_(style), name_(name.in(lang)) {
    if (sheet_ == nullptr) {
      error_ = LXW_ERROR_MEMORY_MALLOC_FAILED;
      return;
    }
    for (const text& header : headers) {
      widths_.push_back(characters(header.in(lang)) + 3);  // room for the autofilter's button
      check(lib_.worksheet_write_string(sheet_, 0, column_++, header.in(lang).c_str(), style_.header));
    }
  }

  // Starts the next row; false (and nothing more is written) when the sheet is full.
  bool next_row() {
    if (row_ + 1 >= max_rows) {
      full_ = true;
      return false;
    }
    ++row_;
    column_ = 0;
    return true;
  }

  void string(std::string_view value) {
    const std::string safe = cell_text(value);
    widen(characters(safe));
    if (!safe.empty()) check(lib_.worksheet_write_string(sheet_, row_, column_, safe.c_str(), nullptr));
    ++column_;
  }
  void count(std::optional<std::int64_t> value) {
    if (value) {
      widen(std::to_string(*value).size() + 1);
      // A count fits a double exactly up to 2^53; plans hold line numbers, years and hours far below that.
      check(lib_.worksheet_write_number(sheet_, row_, column_, static_cast<double>(*value), style_.count));
    }
    ++column_;
  }
  void year(std::optional<std::int64_t> value) {
    if (value) {
      widen(std::to_string(*value).size());
      check(lib_.worksheet_write_number(sheet_, row_, column_, static_cast<double>(*value), nullptr));
    }
    ++column_;
  }
  // Money is exact cents everywhere in akkoord; a spreadsheet needs a number, so the cents become one here, at
  // the very end: cents / 100 is the double nearest to the exact amount, and Excel's 15 significant digits show
  // it exactly up to 2^53 cents (EUR 90 trillion). Beyond that (never in a real plan) the exact amount is
  // written as text rather than a rounded number.
  void money(std::optional<std::int64_t> cents) {
    if (cents) {
      const std::string shown = format_cents(*cents, money_style::en);
      widen(shown.size() + 1);
      constexpr std::int64_t exact_limit = std::int64_t{1} << 53;
      if (*cents <= exact_limit && *cents >= -exact_limit) {
        check(lib_.worksheet_write_number(sheet_, row_, column_, static_cast<double>(*cents) / 100.0, style_.euro));
      } else {
        check(lib_.worksheet_write_string(sheet_, row_, column_, shown.c_str(), nullptr));
      }
    }
    ++column_;
  }
  // FTE is an exact decimal in the plan; a spreadsheet needs a number (FTE has a few decimals, far within a
  // double's 15 significant digits).
  void fraction(std::optional<decimal> value) {
    if (value) {
      double number = static_cast<double>(value->units);
      for (int k = 0; k < value->scale; ++k) number /= 10;
      widen(format_decimal(*value, money_style::en).size() + 1);
      check(lib_.worksheet_write_number(sheet_, row_, column_, number, style_.fraction));
    }
    ++column_;
  }
  // A real date cell; Excel has no dates before 1900, so such a date (a typing error) is written as ISO text.
  void date(std::optional<civil_date> value) {
    if (value) {
      widen(10);
      if (value->year >= 1900) {
        lxw_datetime when{value->year, value->month, value->day, 0, 0, 0.0};
        check(lib_.worksheet_write_datetime(sheet_, row_, column_, &when, style_.date));
      } else {
        check(lib_.worksheet_write_string(sheet_, row_, column_, to_string(*value).c_str(), nullptr));
      }
    }
    ++column_;
  }

  // Column widths, the frozen header row and the autofilter over the whole table.
  void finish() {
    if (sheet_ == nullptr) return;
    for (std::size_t k = 0; k < widths_.size(); ++k)
      check(lib_.worksheet_set_column(sheet_, static_cast<lxw_col_t>(k), static_cast<lxw_col_t>(k),
                                 static_cast<double>(std::min(widths_[k], widest_column) + 1), nullptr));
    lib_.worksheet_freeze_panes(sheet_, 1, 0);
    check(lib_.worksheet_autofilter(sheet_, 0, 0, row_, static_cast<lxw_col_t>(widths_.size() - 1)));
  }

  lxw_error error() const { return error_; }
  bool full() const { return full_; }
  const std::string& name() const { return name_; }

 private:
  void widen(std::size_t width) {
    if (column_ < widths_.size()) widths_[column_] = std::max(widths_[column_], width);
  }
  void check(lxw_error e) {
    if (error_ == LXW_NO_ERROR) error_ = e;
  }

  const xlsxwriter_library& lib_;
  lxw_worksheet* sheet_;
  const styles& style_;
  std::string name_;
  std::vector<std::size_t> widths_;
  lxw_row_t row_ = 0;
  lxw_col_t column_ = 0;
  lxw_error error_ = LXW_NO_ERROR;
  bool full_ = false;
};

// ---- per plan -------------------------------------------------------------------------------------------

template <class T>
std::optional<T> value_of(const std::optional<spanned<T>>& field) {
  return field ? std::optional<T>(field->value) : std::nullopt;
}

std::string_view string_of(const std::optional<spanned<std::string>>& field) {
  return field ? std::string_view(field->value) : std::string_view();
}

// The plans in the overview's order: municipalities by id, each one's years in order.
std::vector<const overview_plan*> plans_in_order(const overview& run) {
  std::vector<const overview_plan*> plans;
  for (const overview_municipality& m : run.municipalities)
    for (const std::size_t k : m.plans) plans.push_back(&run.plans[k]);
  return plans;
}

// The first columns of every per-plan table: file, municipality (its name, else as written), year.
void plan_columns(table_sheet& sheet, const overview_plan& p) {
  sheet.string(p.file->path);
  sheet.string(p.municipality_name.empty() ? p.municipality_id : p.municipality_name);
  sheet.year(p.year);
}

// The BBV name of a taakveld in the plan's book year, or that it has none there.
std::string taakveld_name(std::string_view code, std::optional<int> year, language lang) {
  if (code.empty()) return {};
  const taakveld_naming naming = overview::taakveld_name(code, year);
  if (naming.known) return std::string(naming.name);
  return "(" + unknown_taakveld_words(year).in(lang) + ")";
}

const text file_header{"File", "Bestand"};
const text municipality_header{"Municipality", "Gemeente"};
const text year_header{"Year", "Jaar"};

// ---- the sheets ------------------------------------------------------------------------------------------

void overview_sheet(table_sheet& sheet, const std::vector<const overview_plan*>& plans, language lang) {
  for (const overview_plan* p : plans) {
    if (!sheet.next_row()) return;
    plan_columns(sheet, *p);
    sheet.string(p->status);
    sheet.date(p->adopted);
    sheet.money(p->total_cents);
    sheet.money(p->agreed && p->agreed->known() ? std::optional<std::int64_t>(p->agreed->cents) : std::nullopt);
    sheet.money(p->saving_ceiling_cents);
    sheet.money(p->figures() != nullptr ? p->figures()->budget_cents : std::nullopt);
    sheet.count(static_cast<std::int64_t>(p->findings.errors));
    sheet.count(static_cast<std::int64_t>(p->findings.warnings));
    sheet.count(static_cast<std::int64_t>(p->findings.infos));
    sheet.count(static_cast<std::int64_t>(p->findings.suppressed));
    sheet.string(verdict_words(p->verdict).in(lang));
  }
}

// The clauses of a finding: its related places in other files (the agreement), as `path:line:column: message`.
std::string clauses_of(const diagnostic& d, language lang) {
  std::string out;
  for (const label& l : d.related) {
    if (!l.span.valid() || (d.primary.file != nullptr && l.span.file->path() == d.primary.file->path())) continue;
    if (!out.empty()) out += "; ";
    out += plain_location(l.span);
    out += ": ";
    out += related_message(l, lang);
  }
  return out;
}

void findings_sheet(table_sheet& sheet, const run_result& run, language lang) {
  for (const diagnostic& d : run.findings) {
    if (!sheet.next_row()) return;
    sheet.string(d.id);
    sheet.string(severity_word(d.level, lang));
    sheet.string(d.primary.file != nullptr ? std::string_view(d.primary.file->path()) : std::string_view());
    const bool located = d.primary.valid() && d.primary.begin.line != 0;
    sheet.count(located ? std::optional<std::int64_t>(d.primary.begin.line) : std::nullopt);
    sheet.count(located ? std::optional<std::int64_t>(d.primary.begin.column) : std::nullopt);
    sheet.string(d.message.in(lang));
    sheet.string(clauses_of(d, lang));
    sheet.string(d.help ? std::string_view(d.help->in(lang)) : std::string_view());
    const std::string& reason = d.suppression_reason;
    const text waived = reason.empty() ? text{"yes", "ja"} : text{"yes: " + reason, "ja: " + reason};
    sheet.string(d.suppressed ? std::string_view(waived.in(lang)) : std::string_view());
  }
}

void activities_sheet(table_sheet& sheet, const overview& run, const std::vector<const overview_plan*>& plans,
                      language lang) {
  for (const overview_plan* p : plans) {
    if (p->typed() == nullptr || !p->typed()->readable) continue;
    for (const plan_activity& a : p->typed()->activities) {
      if (!sheet.next_row()) return;
      plan_columns(sheet, *p);
      sheet.string(string_of(a.id));
      sheet.string(string_of(a.task));
      sheet.string(run.task_title(string_of(a.task)));
      sheet.string(string_of(a.executor));
      sheet.string(run.executor_name(string_of(a.executor)));
      sheet.string(string_of(a.taakveld));
      sheet.string(taakveld_name(string_of(a.taakveld), p->year, lang));
      sheet.money(value_of(a.budget));
      sheet.fraction(value_of(a.fte));
      sheet.count(value_of(a.hours));
      sheet.date(value_of(a.from));
      sheet.date(value_of(a.to));
      sheet.string(string_of(a.description));
    }
  }
}

void taakveld_sheet(table_sheet& sheet, const std::vector<const overview_plan*>& plans, language lang) {
  for (const overview_plan* p : plans) {
    if (p->figures() == nullptr) continue;
    for (const taakveld_spending& spending : p->figures()->taakvelden) {
      if (!sheet.next_row()) return;
      plan_columns(sheet, *p);
      sheet.string(spending.code);
      sheet.string(taakveld_name(spending.code, p->year, lang));
      sheet.money(spending.budget_cents);
      sheet.money(spending.per_inhabitant_cents);
    }
  }
}

void task_sheet(table_sheet& sheet, const overview& run, const std::vector<const overview_plan*>& plans) {
  for (const overview_plan* p : plans) {
    if (p->figures() == nullptr) continue;
    for (const named_sum& task : p->figures()->tasks) {
      if (!sheet.next_row()) return;
      plan_columns(sheet, *p);
      sheet.string(task.id);
      sheet.string(run.task_title(task.id));
      sheet.money(task.budget_cents);
    }
  }
}

// The library's reason, as it words it (in English), in both languages.
text library_error(const xlsxwriter_library& lib, lxw_error e) {
  const std::string why = std::string("libxlsxwriter: ") + lib.lxw_strerror(e);
  return {why, why};
}

// A workbook given up on is freed without being written (the temporary file is removed anyway).
struct workbook_discarder {
  const xlsxwriter_library& lib;
  void operator()(lxw_workbook* book) const { lib.lxw_workbook_free(book); }
};

// Writes the workbook to `path` (a fresh temporary file); false with `reason` set on failure.
bool write_workbook(const xlsxwriter_library& lib, const std::string& path, const run_result& run, language lang,
                    text& reason) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are written: memory stays flat for big runs
  std::unique_ptr<lxw_workbook, workbook_discarder> book(lib.workbook_new_opt(path.c_str(), &options),
                                                         workbook_discarder{lib});
  if (!book) {
    reason = {"libxlsxwriter could not start the workbook", "libxlsxwriter kon de werkmap niet aanmaken"};
    return false;
  }
  const overview run_overview = build_overview(run);
  const run_facts& facts = run_overview.facts;
  // What the HTML page says at its top, in the document's properties (File > Properties in a spreadsheet).
  const std::string title = text{"akkoord report", "akkoord-rapport"}.in(lang);
  const std::string subject = facts.agreement_title.empty() ? facts.agreement_file
                                                            : facts.agreement_title + " (" + facts.agreement_file + ")";
  std::string comments = "akkoord " + facts.tool_version;
  for (const taakveld_list* list : facts.bbv_lists)
    comments += (list == facts.bbv_lists.front() ? "; BBV " : ", ") + std::to_string(list->first_year) + "\u2013" +
                std::to_string(list->last_year);
  lxw_doc_properties properties{};
  // libxlsxwriter copies these strings; its API is not const-correct.
  properties.title = const_cast<char*>(title.c_str());
  properties.subject = const_cast<char*>(subject.c_str());
  properties.author = const_cast<char*>("akkoord");
  properties.comments = const_cast<char*>(comments.c_str());
  // SOURCE_DATE_EPOCH when set (the overview reads it): the same run gives the same bytes.
  properties.created = static_cast<time_t>(facts.generated_seconds);
  if (const lxw_error e = lib.workbook_set_properties(book.get(), &properties); e != LXW_NO_ERROR) {
    reason = library_error(lib, e);
    return false;
  }

  styles style;
  style.header = lib.workbook_add_format(book.get());
  lib.format_set_bold(style.header);
  lib.format_set_bottom(style.header, LXW_BORDER_THIN);
  style.euro = lib.workbook_add_format(book.get());
  // € 1,234.56 and € -1,234.56 (a spreadsheet shows its own locale's separators: € 1.234,56 in Dutch).
  lib.format_set_num_format(style.euro, "\"\xE2\x82\xAC \"#,##0.00;\"\xE2\x82\xAC \"-#,##0.00");
  style.date = lib.workbook_add_format(book.get());
  // Dutch dates day first (31-12-2025), English ones as ISO 8601 (2025-12-31), as the text reports write them.
  lib.format_set_num_format(style.date, lang == language::nl ? "dd-mm-yyyy" : "yyyy-mm-dd");
  style.count = lib.workbook_add_format(book.get());
  lib.format_set_num_format(style.count, "0");
  style.fraction = lib.workbook_add_format(book.get());
  lib.format_set_num_format(style.fraction, "0.0#");

  const std::vector<const overview_plan*> plans = plans_in_order(run_overview);
  std::vector<std::unique_ptr<table_sheet>> sheets;
  const auto add = [&](const text& name, std::initializer_list<text> headers) -> table_sheet& {
    sheets.push_back(std::make_unique<table_sheet>(lib, book.get(), style, name, headers, lang));
    return *sheets.back();
  };
  const text budget_header{"Budget", "Budget"};
  const text task_header{"Task", "Taak"}, task_title_header{"Task title", "Omschrijving taak"};

  const text taakveld_header{"Taakveld", "Taakveld"};
  const text taakveld_name_header{"Taakveld name (BBV)", "Naam taakveld (BBV)"};

  overview_sheet(add({"Overview", "Overzicht"},
                     {file_header, municipality_header, year_header, {"Status", "Status"},
                      {"Adopted", "Vastgesteld op"}, {"Contribution total", "Totaal bijdrage"},
                      {"Agreed amount", "Afgesproken bedrag"}, {"Saving ceiling", "Plafond na bezuiniging"},
                      {"Budgets of all activities", "Som van alle budgetten"}, {"Errors", "Fouten"},
                      {"Warnings", "Waarschuwingen"}, {"Infos", "Meldingen"}, {"Waived", "Uitgezonderd"},
                      {"Verdict", "Oordeel"}}),
                 plans, lang);
  findings_sheet(add({"Findings", "Bevindingen"},
                     {{"Check", "Controle"}, {"Severity", "Ernst"}, file_header, {"Line", "Regel"}, {"Column", "Kolom"},
                      {"Message", "Melding"}, {"Agreement clause", "Bepaling uit de afspraken"}, {"Help", "Tip"},
                      {"Waived", "Uitgezonderd"}}),
                 run, lang);
  activities_sheet(add({"Activities", "Activiteiten"},
                       {file_header, municipality_header, year_header, {"Activity", "Activiteit"}, task_header,
                        task_title_header, {"Executor", "Uitvoerder"}, {"Executor name", "Naam uitvoerder"},
                        taakveld_header, taakveld_name_header, budget_header, {"FTE", "Fte"}, {"Hours", "Uren"},
                        {"From", "Van"}, {"To", "Tot en met"}, {"Description", "Omschrijving"}}),
                   run_overview, plans, lang);
  taakveld_sheet(add({"Spending per taakveld", "Uitgaven per taakveld"},
                     {file_header, municipality_header, year_header, taakveld_header, taakveld_name_header,
                      budget_header, {"Per inhabitant", "Per inwoner"}}),
                 plans, lang);
  task_sheet(add({"Spending per task", "Uitgaven per taak"},
                 {file_header, municipality_header, year_header, task_header, task_title_header, budget_header}),
             run_overview, plans);

  for (const auto& sheet : sheets) {
    sheet->finish();
    if (sheet->full()) {
      reason = {"sheet `" + sheet->name() + "` needs more than the " + format_count(max_rows, money_style::en) +
                    " rows a spreadsheet can hold",
                "werkblad `" + sheet->name() + "` heeft meer dan de " + format_count(max_rows, money_style::nl) +
                    " rijen nodig die een spreadsheet kan bevatten"};
      return false;
    }
    if (sheet->error() != LXW_NO_ERROR) {
      reason = library_error(lib, sheet->error());
      return false;
    }
  }
  const lxw_error closed = lib.workbook_close(book.release());
  if (closed != LXW_NO_ERROR) {
    reason = library_error(lib, closed);
    return false;
  }
  return true;
}

}  // namespace

bool write_xlsx(const std::string& path, const run_result& run, const report_options& options, text& error) {
  return write_file_atomically(
      path,
      // libxlsxwriter writes to a path of its own choosing: the temporary file, which is then renamed.
      [&](int, const std::string& temporary, text& reason) {
        const xlsxwriter_library* lib = open_xlsxwriter(reason);
        return lib != nullptr && write_workbook(*lib, temporary, run, options.lang, reason);
      },
      error);
}

}  // namespace akkoord

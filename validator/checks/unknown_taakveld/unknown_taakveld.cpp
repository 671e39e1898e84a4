#include "unknown_taakveld/unknown_taakveld.hpp"

#include <algorithm>
#include <climits>

#include "check_support.hpp"

namespace akkoord::checks {

namespace {

struct year_range {
  int first = INT_MIN;  // inclusive; INT_MIN / INT_MAX: open
  int last = INT_MAX;
};

// The book years the agreement's periods touch, when it has any period with real dates.
std::optional<year_range> agreement_years(const agreement_model& model) {
  std::optional<year_range> out;
  for (const auto* p : model.all<ast::period_decl>()) {
    if (!is_valid(p->from.value()) || !is_valid(p->to.value())) continue;
    const int first = std::min(p->from.year, p->to.year), last = std::max(p->from.year, p->to.year);
    if (!out) out = year_range{first, last};
    out->first = std::min(out->first, first);
    out->last = std::max(out->last, last);
  }
  return out;
}

// A clause's years: its own `from`/`until`; a missing bound is the agreement's (or open without periods,
// or when the agreement's bound would leave the clause no year at all).
year_range clause_years(const ast::taakveld_clause& clause, const std::optional<year_range>& agreement) {
  year_range r;
  if (clause.from_year) r.first = static_cast<int>(std::clamp<std::int64_t>(clause.from_year->value, INT_MIN, INT_MAX));
  if (clause.until_year) r.last = static_cast<int>(std::clamp<std::int64_t>(clause.until_year->value, INT_MIN, INT_MAX));
  if (agreement) {
    if (!clause.from_year && agreement->first <= r.last) r.first = agreement->first;
    if (!clause.until_year && agreement->last >= r.first) r.last = agreement->last;
  }
  return r;
}

// The lists that apply to some year of the range; years after the newest list use the newest list.
std::vector<const taakveld_list*> lists_for(const taakveld_catalog& catalog, year_range years) {
  std::vector<const taakveld_list*> out;
  if (years.first > years.last) return out;
  for (const auto& list : catalog.lists())
    if (list.first_year <= years.last && list.last_year >= years.first) out.push_back(&list);
  if (!catalog.lists().empty()) {
    const auto* newest = &catalog.lists().back();
    if (years.last > newest->last_year && (out.empty() || out.back() != newest)) out.push_back(newest);
  }
  return out;
}

std::string list_years(const taakveld_list& list) {
  return std::to_string(list.first_year) + "–" + std::to_string(list.last_year);
}

// "2017–2022", "2017–2022 and 2023–2024", "a, b and c"
text join_years(const std::vector<const taakveld_list*>& lists) {
  text out;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const bool last = i + 1 == lists.size();
    if (i > 0) {
      out.en += last ? " and " : ", ";
      out.nl += last ? " en " : ", ";
    }
    out.en += list_years(*lists[i]);
    out.nl += list_years(*lists[i]);
  }
  return out;
}

}  // namespace

void unknown_taakveld::lint(const lint_context& context, diagnostics& out) const {
  const auto& model = context.agreement;
  const auto& catalog = context.taakvelden;
  const auto agreement = agreement_years(model);

  // One finding per code written: the lists it is missing from, where it does exist, and what replaced it.
  auto check_code = [&](const ast::taakveld_code& code, const std::vector<const taakveld_list*>& lists,
                        std::optional<text> note) {
    std::vector<const taakveld_list*> missing;
    for (const auto* list : lists)
      if (!list->find(code.code)) missing.push_back(list);
    if (missing.empty()) return;
    const std::string c = quoted(code.code);
    const text years = join_years(missing);
    auto d = finding(code.span, {"taakveld " + c + " is not a BBV taakveld in " + years.en,
                                 "taakveld " + c + " is geen BBV-taakveld in " + years.nl});
    const auto valid_in = catalog.lists_with(code.code);
    if (valid_in.empty()) {
      d.notes.push_back({c + " is in none of the BBV lists", c + " staat in geen enkele BBV-lijst"});
    } else {
      const text where = join_years(valid_in);
      d.notes.push_back({c + " is a taakveld in " + where.en, c + " is een taakveld in " + where.nl});
    }
    if (note) d.notes.push_back(std::move(*note));

    // What replaced the code, per list it is missing from; neighbouring lists with the same answer merge
    // ("in 2017–2022 and 2023–2024 use `6.6`").
    text help;
    std::vector<std::pair<std::vector<const taakveld_list*>, std::string>> advice;
    for (const auto* list : missing) {
      std::string codes;
      for (const auto* t : catalog.replacements(code.code, list->first_year))
        codes += (codes.empty() ? "" : ", ") + quoted(t->code);
      if (codes.empty()) continue;
      if (!advice.empty() && advice.back().second == codes)
        advice.back().first.push_back(list);
      else
        advice.push_back({{list}, codes});
    }
    for (const auto& [lists_for_advice, codes] : advice) {
      const text years_text = join_years(lists_for_advice);
      help.en += (help.en.empty() ? "" : "; ") + std::string("in ") + years_text.en + " use " + codes;
      help.nl += (help.nl.empty() ? "" : "; ") + std::string("gebruik in ") + years_text.nl + " " + codes;
    }
    if (help.empty() && !valid_in.empty()) {
      help = {"limit the clause with `from`/`until` to the years the code is valid in",
              "beperk de regel met `from`/`until` tot de jaren waarin de code geldt"};
    } else if (help.empty()) {
      // No did-you-mean: codes a digit apart are different taakvelden, so the nearest one is a guess.
      help = {"use a code of the BBV list of those years", "gebruik een code uit de BBV-lijst van die jaren"};
    }
    if (!help.empty()) d.help = std::move(help);
    out.push_back(std::move(d));
  };

  for (const auto* task : model.all<ast::task_decl>()) {
    for (const auto& clause : task->taakvelden) {
      const year_range years = clause_years(clause, agreement);
      std::optional<text> note;
      if (!clause.from_year && !clause.until_year && agreement) {
        const std::string span = std::to_string(agreement->first) + "–" + std::to_string(agreement->last);
        note = text{"a clause without `from`/`until` applies to every year of the agreement's periods (" + span + ")",
                    "een regel zonder `from`/`until` geldt voor elk jaar van de periodes van de overeenkomst (" +
                        span + ")"};
      }
      const auto lists = lists_for(catalog, years);
      for (const auto& code : clause.codes) check_code(code, lists, note);
    }
  }

  for (const auto* benchmark : model.all<ast::benchmark_decl>()) {
    std::vector<const taakveld_list*> lists;
    if (benchmark->year) {
      if (benchmark->year->value >= INT_MIN && benchmark->year->value <= INT_MAX)
        if (const auto* list = catalog.for_year(static_cast<int>(benchmark->year->value))) lists.push_back(list);
    } else {
      lists = lists_for(catalog, agreement.value_or(year_range{}));
    }
    for (const auto& entry : benchmark->entries) check_code(entry.code, lists, std::nullopt);
  }
}

}  // namespace akkoord::checks

// One plan against the agreement: the figures once, every plan check, then the custom rules, then the plan's
// inline suppressions, then the settings; sorted at the end.
#include <algorithm>
#include <ctime>
#include <string>

#include <fmt/format.h>

#include "akkoord/validator/check.hpp"
#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/plan.hpp"
#include "akkoord/validator/rules.hpp"
#include "akkoord/validator/suggest.hpp"
#include "suppression/suppression.hpp"

namespace akkoord {
namespace {

// ---- custom rules --------------------------------------------------------------------------------------

// The agreement's custom rules (`rule:ID`, validator/rules), compiled once when the agreement loaded.
// They run after the built-in checks and before the suppressions, so a `rule:ID` finding can be waived
// like any other.
// `previous(…)` in a rule reads the plan of the year before, when the run holds one.
void run_custom_rules(const agreement_model& agreement, const plan& plan, const akkoord::plan* previous_year,
                      diagnostics& out) {
  run_rules(*rules_of(agreement), plan, previous_year, out);
}

// ---- suppressions --------------------------------------------------------------------------------------

civil_date local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// Findings that cannot be waived: the file is broken, or the finding is about a waiver itself.
bool can_be_suppressed(const diagnostic& d) { return d.id != "toml-syntax" && d.id != checks::suppression::metadata.id; }

bool is_known_id(const agreement_model& agreement, std::string_view id) {
  if (id.starts_with("rule:")) return agreement.rules.contains(id.substr(5));
  return find_check(id) != nullptr;
}

std::optional<std::string> closest_id(const agreement_model& agreement, std::string_view id) {
  closest_match match(id);
  for (const check* c : all_checks()) match.consider(c->info().id);
  for (const auto& [name, rule] : agreement.rules) match.consider("rule:" + name);
  return match.best();
}

diagnostic suppression_finding(const plan& p, const suppression& s, text message, std::optional<text> help) {
  diagnostic d;
  d.id = std::string(checks::suppression::metadata.id);
  d.level = checks::suppression::metadata.default_severity;
  d.message = std::move(message);
  d.primary = p.span(s.span);
  d.help = std::move(help);
  return d;
}

std::string ids_text(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "`" : ", `") + id + "`";
  return out;
}

// Marks the findings each suppression covers (its own line and the next) and reports the suppressions that
// have no reason, have expired, name an unknown check, or waived nothing. Reasonless and expired ones do not
// waive: a waiver needs its reason, and an expired one brings its findings back.
void apply_suppressions(const agreement_model& agreement, const plan& p, std::optional<civil_date> pinned_today,
                        diagnostics& found) {
  const auto& sups = p.suppressions;
  if (sups.empty()) return;
  const civil_date today = pinned_today ? *pinned_today : local_today();

  struct state {
    bool valid = false;
    std::vector<bool> id_used;  // per id in the comment
  };
  std::vector<state> states(sups.size());
  // suppressions by line; usually a handful, so a sorted index and binary search keep this linear in findings
  std::vector<std::size_t> by_line(sups.size());
  for (std::size_t i = 0; i < sups.size(); ++i) {
    by_line[i] = i;
    states[i].valid = !sups[i].reason.empty() && !(sups[i].until && today > *sups[i].until);
    states[i].id_used.assign(sups[i].ids.size(), false);
  }
  std::sort(by_line.begin(), by_line.end(), [&](std::size_t a, std::size_t b) { return sups[a].line < sups[b].line; });

  for (auto& d : found) {
    if (d.primary.file != p.source || !can_be_suppressed(d)) continue;
    const std::uint32_t line = d.primary.begin.line;
    // comments on this line or the line above
    const auto first = std::lower_bound(by_line.begin(), by_line.end(), line > 0 ? line - 1 : 0,
                                        [&](std::size_t i, std::uint32_t l) { return sups[i].line < l; });
    for (auto it = first; it != by_line.end() && sups[*it].line <= line; ++it) {
      const suppression& s = sups[*it];
      for (std::size_t k = 0; k < s.ids.size(); ++k) {
        if (s.ids[k] != d.id) continue;
        states[*it].id_used[k] = true;
        if (states[*it].valid) {
          d.suppressed = true;
          d.suppression_reason = s.reason;
        }
      }
    }
  }

  diagnostics reports;
  for (std::size_t i = 0; i < sups.size(); ++i) {
    const suppression& s = sups[i];
    const std::string ids = ids_text(s.ids);
    if (s.reason.empty()) {
      reports.push_back(suppression_finding(
          p, s, {fmt::format("suppression of {} has no reason", ids), fmt::format("de uitzondering voor {} vermeldt geen reden", ids)},
          text{"give the reason after `--`, with the decision it rests on, e.g. `-- besluit B&W 2025/123`",
               "vermeld na `--` de reden en het besluit waarop de uitzondering berust, bijvoorbeeld `-- besluit B&W 2025/123`"}));
      continue;
    }
    if (s.until && today > *s.until) {
      auto d = suppression_finding(
          p, s,
          {fmt::format("suppression of {} expired on {}", ids, to_string(*s.until)),
           fmt::format("de uitzondering voor {} is op {} verlopen", ids, dutch_date(*s.until))},
          text{"fix what it waived, or renew it with a new `until` date and the decision that extends it",
               "los op waarvoor de uitzondering gold, of verleng haar met een nieuwe datum bij `until` en het besluit "
               "waarop de verlenging berust"});
      d.notes.push_back({"the findings it covered are reported again", "de bevindingen waarvoor zij gold, worden weer gemeld"});
      reports.push_back(std::move(d));
      continue;
    }
    for (std::size_t k = 0; k < s.ids.size(); ++k) {
      if (states[i].id_used[k]) continue;
      const std::string& id = s.ids[k];
      if (!is_known_id(agreement, id)) {
        std::optional<text> help;
        if (auto best = closest_id(agreement, id))
          help = did_you_mean_text(*best);
        else
          help = text{"`akkoord checks` lists the check ids", "`akkoord checks` toont alle check-ids"};
        reports.push_back(suppression_finding(
            p, s, {fmt::format("suppression names `{}`, which is not a check", id),
                   fmt::format("de uitzondering noemt `{}`, maar akkoord heeft geen controle met dat id", id)},
            std::move(help)));
      } else {
        reports.push_back(suppression_finding(
            p, s, {fmt::format("suppression of `{}` suppresses nothing", id),
                   fmt::format("de uitzondering voor `{}` is nergens voor nodig", id)},
            text{"remove it: nothing on this line or the next is reported as `" + id + "`",
                 "verwijder haar: op deze regel en de volgende wordt niets als `" + id + "` gemeld"}));
      }
    }
  }
  for (auto& d : reports) found.push_back(std::move(d));
}

}  // namespace

diagnostics check_read_plan(const agreement_model& agreement, const plan& p, const diagnostics& shape,
                            const check_settings& settings, plan_figures& figures) {
  if (p.readable) figures = compute_figures(agreement, p);
  return check_read_plan(agreement, p, shape, settings, figures, plan_neighbours{});
}

diagnostics check_read_plan(const agreement_model& agreement, const plan& p, const diagnostics& shape,
                            const check_settings& settings, const plan_figures& figures,
                            const plan_neighbours& neighbours) {
  diagnostics found = shape;
  if (p.readable) {
    const plan_context context{agreement, p, taakveld_catalog::builtin(), figures, neighbours, settings.parameters};
    // Every check's check_plan() runs (agreement checks inherit an empty one; `unknown-taakveld` has both
    // sides). With `only`, the others are skipped, unless waivers are under test: whether a waiver is
    // used depends on every finding.
    const bool run_all = !settings.only || *settings.only == checks::suppression::metadata.id;
    for (const check* c : all_checks()) {
      if (!run_all && c->info().id != *settings.only) continue;
      c->check_plan(context, found);
    }
    if (run_all || settings.only->starts_with("rule:")) run_custom_rules(agreement, p, neighbours.previous_year, found);
    apply_suppressions(agreement, p, settings.today, found);
  }
  cite_articles(agreement, found);
  apply_settings(found, settings);
  sort_diagnostics(found);
  return found;
}

diagnostics check_plan_file(const agreement_model& agreement, const source_file& plan_file,
                            const check_settings& settings) {
  diagnostics shape;
  const plan p = read_plan(plan_file, shape);
  plan_figures figures;
  return check_read_plan(agreement, p, shape, settings, figures);
}

diagnostics check_plan_file(const agreement_model& agreement, const source_file& plan_file,
                            const check_settings& settings, plan_read_cache& cache) {
  diagnostics shape;
  const plan p = read_plan(plan_file, shape, cache);
  plan_figures figures;
  return check_read_plan(agreement, p, shape, settings, figures);
}

}  // namespace akkoord

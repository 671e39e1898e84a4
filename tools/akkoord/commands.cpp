#include "commands.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <set>
#include <sys/stat.h>
#include <system_error>
#include <thread>

#include <nlohmann/json.hpp>

#include "akkoord/validator/check.hpp"
#include "akkoord/validator/run.hpp"
#include "akkoord/validator/diff.hpp"
#include "akkoord/validator/json.hpp"
#include "akkoord/validator/rules.hpp"
#include "akkoord/validator/suggest.hpp"
#include "fix_files.hpp"
#include "inputs.hpp"
#include "tool_log.hpp"

#ifndef AKKOORD_VERSION
#define AKKOORD_VERSION ""
#endif

namespace akkoord::cli {

namespace {

// A finished report goes out in one piece: to stdout, or atomically to its file.
bool emit(const std::string& content, const report_target& target) {
  if (target.to_stdout()) {
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() || std::fflush(stdout) != 0) {
      const std::string reason = std::strerror(errno);
      tool_error({"cannot write to standard output: " + reason, "er kan niet naar de standaarduitvoer worden geschreven: " + reason});
      return false;
    }
    return true;
  }
  text error;
  if (!write_file_atomically(target.path, content, error)) {
    tool_error(error);
    return false;
  }
  return true;
}

// The diff's JSON: the JSON report of its findings, with "changes" and "plans" added at its end.
std::string diff_json(const diff_result& result, language lang) {
  nlohmann::ordered_json document = json_report(summarize(result.run.findings, result.run.subject_files));
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();
  for (const declaration_change& change : result.changes) {
    changes.push_back({{"change", change.what == change_kind::added     ? "added"
                                  : change.what == change_kind::removed ? "removed"
                                                                        : "changed"},
                       {"kind", change.kind},
                       {"id", change.id},
                       {"file", change.where.file ? change.where.file->path() : std::string()},
                       {"line", change.where.begin.line},
                       {"column", change.where.begin.column},
                       {"details", change.details}});
  }
  document["changes"] = std::move(changes);
  document["plans"] = {{"checked", result.plans_checked}, {"broken", result.broken}, {"fixed", result.fixed}};
  const diagnostics& findings = result.run.findings;
  std::string out;
  append_json(out, document,
              json_list{"findings", findings.size(), [&](std::size_t i) { return json_finding(findings[i], lang); }}, 0,
              {"changes"});
  return out;
}

// A scope as `checks` names it in English and in JSON.
std::string_view scope_id(check_scope scope) {
  switch (scope) {
    case check_scope::plan: return "plan";
    case check_scope::agreement: return "agreement";
    case check_scope::both: return "both";
  }
  return "both";
}

bool wants(const run_settings& settings, report_format format) {
  return std::any_of(settings.reports.begin(), settings.reports.end(),
                     [&](const report_target& target) { return target.format == format; });
}

// What the engine needs from the command line's settings.
run_options options_for(const run_settings& settings) {
  run_options options;
  options.checks = settings.checks;
  options.jobs = settings.jobs;
  options.fail_on = settings.fail_on;
  options.tool_version = AKKOORD_VERSION;
  // The HTML, JSON and spreadsheet reports show each plan's figures and the baseline keys findings by their
  // activity; without any of them a large run keeps no typed plans in memory.
  options.keep_plans = wants(settings, report_format::html) || wants(settings, report_format::json) ||
                       wants(settings, report_format::xlsx) || !settings.baseline_path.empty();
  return options;
}

// The options of one report: colour only for text on a terminal (stdout), never in a file.
report_options options_for_target(const run_settings& settings, const report_target& target) {
  report_options options = settings.report;
  options.color = options.color && target.format == report_format::text && target.to_stdout();
  return options;
}

// Renders one report of the run and writes it. A spreadsheet is binary: the library writes its file itself.
bool write_report(const run_result& run, const run_settings& settings, const report_target& target) {
  if (target.format == report_format::xlsx) {
    text error;
    if (write_xlsx(target.path, run, options_for_target(settings, target), error)) return true;
    tool_error(error);
    return false;
  }
  std::string out;
  render(target.format, out, run, options_for_target(settings, target));
  return emit(out, target);
}

// Renders every report of the run, writes each, and turns the run into an exit code. `trouble` forces exit
// code 2; so does a report that cannot be written (the others are still written).
int finish(const run_result& run, const run_settings& settings, bool trouble) {
  for (const text& failure : run.failures) tool_error(failure);
  bool written = true;
  for (const report_target& target : settings.reports) written = write_report(run, settings, target) && written;
  if (!written || trouble || run.failed) return exit_trouble;
  return run.fails() ? exit_findings : exit_clean;
}

// --update-baseline records this run's findings (not after a failed run: the file would accept too little); then
// the baseline, read or just written, accepts its findings. False when the baseline file cannot be written.
bool use_baseline(run_result& run, const run_settings& settings, bool trouble) {
  // Paths in the file are relative to it, so a run from another directory matches.
  const std::filesystem::path baseline_dir = std::filesystem::path(settings.baseline_path).parent_path();
  if (settings.update_baseline) {
    if (trouble) {
      tool_warning({"the baseline `" + settings.baseline_path + "` was not updated: the run failed",
                    "de baseline `" + settings.baseline_path + "` is niet bijgewerkt: de controle is mislukt"});
      return true;
    }
    const baseline recorded = make_baseline(run, baseline_dir);
    text error;
    if (!write_file_atomically(settings.baseline_path, render_baseline(recorded), error)) {
      tool_error(error);
      return false;
    }
    tool_debug("baseline " + settings.baseline_path + ": recorded " + std::to_string(recorded.entries.size()) +
               " findings");
    apply_baseline(run, recorded, baseline_dir);
    return true;
  }
  if (settings.accepted) {
    const std::size_t unused = apply_baseline(run, *settings.accepted, baseline_dir);
    tool_debug("baseline " + settings.baseline_path + ": " + std::to_string(unused) +
               " recorded findings no longer occur");
  }
  return true;
}

std::string suggestion_en(const std::optional<std::string>& best) {
  return best ? "; did you mean `" + *best + "`?" : std::string();
}
std::string suggestion_nl(const std::optional<std::string>& best) {
  return best ? "; bedoelde u `" + *best + "`?" : std::string();
}

std::vector<std::string_view> check_ids() {
  std::vector<std::string_view> ids;
  for (const check* c : all_checks()) ids.push_back(c->info().id);
  return ids;
}

// `rule:X` settings can only be checked against the rules of the loaded agreement.
void warn_about_unknown_rules(const agreement_model& model, const check_settings& settings) {
  for (const auto& [id, level] : settings.overrides) {
    if (!id.starts_with("rule:")) continue;
    const std::string name = id.substr(5);
    if (model.rules.count(name)) continue;
    const auto best = did_you_mean(name, model.rules);
    tool_warning({"the configuration sets `" + id + "`, but the agreement has no rule `" + name + "`" +
                      (best ? "; did you mean `rule:" + *best + "`?" : std::string()),
                  "de configuratie stelt `" + id + "` in, maar de afspraken hebben geen regel `" + name + "`" +
                      (best ? "; bedoelde u `rule:" + *best + "`?" : std::string())});
  }
}

}  // namespace

int run_lint(const std::vector<std::string>& files, const run_settings& settings) {
  const auto lint = [&] { return lint_run(files, options_for(settings)); };
  run_result run = lint();
  if (settings.fix == run_settings::fix_mode::preview) return preview_fixes(run, settings);
  const bool fix_failed = settings.fix == run_settings::fix_mode::apply && !fix_until_clean(run, lint, settings);
  const bool baseline_failed = !use_baseline(run, settings, run.failed);
  return finish(run, settings, baseline_failed || fix_failed);
}

int run_check(const std::string& rules, const plan_selector& plans, const run_settings& settings) {
  // Which plans, is decided once the agreement is loaded (a changed file may be one of its includes).
  plan_inputs inputs;
  const auto choose = [&](const agreement_model& model) {
    inputs = plans(model);
    return inputs.nothing_changed ? std::vector<std::string>{} : inputs.files;
  };
  const auto check = [&] { return check_run(rules, choose, options_for(settings)); };
  run_result run = check();
  // Fixes first: one may be what keeps the agreement from being used.
  if (settings.fix == run_settings::fix_mode::preview) return preview_fixes(run, settings);
  const bool fix_failed = settings.fix == run_settings::fix_mode::apply && !fix_until_clean(run, check, settings);
  if (run.failed && run.files.size() == 1) {
    finish(run, settings, true);
    tool_error({"the agreement `" + rules + "` has errors; no plan was checked",
                "de afspraken in `" + rules + "` bevatten fouten; er is geen plan gecontroleerd"});
    return exit_trouble;
  }
  for (const text& warning : inputs.warnings) tool_warning(warning);
  warn_about_unknown_rules(*run.agreements.front(), settings.checks);
  if (inputs.nothing_changed) {
    // Nothing the commit touched belongs to the agreement: a clean run over no plans.
    run.subject_files = 0;
    return finish(run, settings, false);
  }
  if (inputs.files.empty()) {
    finish(run, settings, true);
    tool_error({"no plan files to check", "geen planbestanden om te controleren"});
    return exit_trouble;
  }
  const bool baseline_failed = !use_baseline(run, settings, run.failed);
  return finish(run, settings, baseline_failed || fix_failed);
}

int run_test(const std::string& rules, const std::vector<std::string>& dirs, const run_settings& settings) {
  // The agreement alone (no plans): the rule tests read their plans themselves, each once.
  const run_result run = check_run(rules, std::vector<std::string>{}, options_for(settings));
  if (run.failed) {
    finish(run, settings, true);
    tool_error({"the agreement `" + rules + "` has errors; no test was run",
                "de afspraken in `" + rules + "` bevatten fouten; er is geen test uitgevoerd"});
    return exit_trouble;
  }
  const agreement_model& model = *run.agreements.front();
  warn_about_unknown_rules(model, settings.checks);
  const rule_test_report report = run_rule_tests(model, dirs, *run.sources, settings.checks);
  if (!emit(render_rule_test_report(report, settings.report.lang), settings.reports.front())) return exit_trouble;
  return report.all_passed() ? exit_clean : exit_findings;
}

int run_checks(const run_settings& settings) {
  const language lang = settings.report.lang;
  const bool nl = lang == language::nl;
  std::string out;
  if (settings.reports.front().format == report_format::json) {
    // Keys, severities and scopes stay English for scripts; the summary follows --lang.
    nlohmann::ordered_json checks = nlohmann::ordered_json::array();
    for (const check* c : all_checks()) {
      const check_info& info = c->info();
      checks.push_back({{"id", info.id},
                        {"severity", to_string(info.default_severity)},
                        {"scope", scope_id(info.scope)},
                        {"summary", nl ? info.summary_nl : info.summary_en}});
    }
    nlohmann::ordered_json document;
    document["version"] = 1;
    document["checks"] = std::move(checks);
    append_json(out, document, 0, {"checks"});  // one check per line
    out += '\n';
  } else {
    const auto scope_word = [&](check_scope scope) -> std::string_view {
      if (!nl) return scope_id(scope);
      return scope == check_scope::plan ? "plan" : scope == check_scope::agreement ? "afspraken" : "beide";
    };
    struct columns { std::string_view id, level, scope, summary; };
    const columns heading = nl ? columns{"controle", "ernst", "geldt voor", "omschrijving"}
                               : columns{"id", "severity", "scope", "what it finds"};
    // Widths from the words shown, so a long Dutch severity (`waarschuwing`) does not shift the columns.
    std::size_t id_width = heading.id.size(), level_width = heading.level.size(), scope_width = heading.scope.size();
    for (const check* c : all_checks()) {
      const check_info& info = c->info();
      id_width = std::max(id_width, info.id.size());
      level_width = std::max(level_width, severity_word(info.default_severity, lang).size());
      scope_width = std::max(scope_width, scope_word(info.scope).size());
    }
    const auto cell = [&](std::string_view value, std::size_t width) {
      out += value;
      out.append(width + 2 - value.size(), ' ');
    };
    const auto row = [&](const columns& r) {
      cell(r.id, id_width);
      cell(r.level, level_width);
      cell(r.scope, scope_width);
      out += r.summary;
      out += '\n';
    };
    row(heading);
    for (const check* c : all_checks()) {
      const check_info& info = c->info();
      row({info.id, severity_word(info.default_severity, lang), scope_word(info.scope),
           nl ? info.summary_nl : info.summary_en});
    }
  }
  return emit(out, settings.reports.front()) ? exit_clean : exit_trouble;
}

int run_explain(const std::string& id, const run_settings& settings) {
  const language lang = settings.report.lang;
  std::string_view documentation = check_documentation(id, lang);
  if (documentation.empty() && lang == language::nl && !check_documentation(id).empty()) {
    // Every check has a Dutch page (a test enforces it); should one be missing, say so rather than print nothing.
    tool_warning({"check `" + id + "` has no Dutch page in this build; the English page follows",
                  "controle `" + id + "` heeft in deze build geen Nederlandse pagina; hieronder volgt de Engelse"});
    documentation = check_documentation(id);
  }
  if (documentation.empty()) {
    if (id.starts_with("rule:")) {
      tool_error({"`" + id + "` is a custom rule: its title and message are in the agreement file that declares it",
                  "`" + id + "` is een eigen regel: titel en melding staan in het afsprakenbestand dat hem declareert"});
      return exit_trouble;
    }
    if (find_check(id) != nullptr) {  // every check has a page (a test enforces it): this is a build problem
      tool_error({"check `" + id + "` has no documentation page in this build",
                  "controle `" + id + "` heeft geen documentatiepagina in deze build"});
      return exit_trouble;
    }
    const auto best = did_you_mean(id, check_ids());
    tool_error({"unknown check `" + id + "`" + suggestion_en(best) + " (`akkoord checks` lists them all)",
                "onbekende controle `" + id + "`" + suggestion_nl(best) + " (`akkoord checks` toont ze allemaal)"});
    return exit_trouble;
  }
  std::string out(documentation);
  if (!out.ends_with('\n')) out += '\n';
  return emit(out, settings.reports.front()) ? exit_clean : exit_trouble;
}

int run_diff(const diff_request& request, const run_settings& settings) {
  const report_target& target = settings.reports.front();
  const bool nl = settings.report.lang == language::nl;

  // Every --plans path must exist: a mistyped folder must not turn the gate green.
  for (const std::string& path : request.plans) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
      tool_error({"`--plans " + path + "`: no such file or directory", "`--plans " + path + "`: dit bestand of deze map bestaat niet"});
      return exit_trouble;
    }
  }
  plan_inputs inputs = request.plans.empty() && request.configured ? *request.configured
                                                                    : expand_plan_inputs(request.plans);
  for (const text& warning : inputs.warnings) tool_warning(warning);

  run_options options = options_for(settings);
  auto sources = std::make_shared<source_manager>();
  loaded_agreement before;
  if (request.revision) {
    std::optional<text> why;
    before.model = load_agreement_at_revision(*request.revision, request.before, *sources, settings.checks, before.findings, why);
    if (why) {
      tool_error(*why);
      return exit_trouble;
    }
  } else {
    before.model = lint_agreement(request.before, *sources, settings.checks, before.findings);
  }
  const std::string before_shown = request.revision ? *request.revision + ":" + request.before : request.before;
  diff_result result = diff_run(std::move(before), request.after, inputs.files, options, sources);
  if (!result.after) {
    finish(result.run, settings, true);
    tool_error({"the new agreement `" + request.after + "` could not be loaded",
                "de nieuwe afspraken in `" + request.after + "` konden niet worden geladen"});
    return exit_trouble;
  }
  if (!result.before) {
    tool_error({"the old agreement `" + before_shown + "` could not be loaded",
                "de oude afspraken in `" + before_shown + "` konden niet worden geladen"});
    return exit_trouble;
  }
  for (const text& failure : result.run.failures) tool_error(failure);

  const bool quiet = settings.report.summary_only;
  const bool with_plans = !request.plans.empty() || request.configured.has_value();
  std::string plans_summary;
  if (with_plans) {
    const std::string count = std::to_string(result.plans_checked);
    const std::string broken = std::to_string(result.broken.size()), fixed = std::to_string(result.fixed.size());
    plans_summary = nl ? count + (result.plans_checked == 1 ? " plan" : " plannen") + " gecontroleerd: " + broken +
                             " voldoen door de wijziging niet meer, " + fixed + " voldoen weer\n"
                       : count + (result.plans_checked == 1 ? " plan" : " plans") + " checked: " + broken +
                             " broken by the edit, " + fixed + " fixed\n";
  }

  std::string out;
  report_options options_out = options_for_target(settings, target);
  switch (target.format) {
    case report_format::xlsx:
      break;  // written below, by write_report()
    case report_format::text:
    case report_format::short_: {
      if (!quiet) {
        for (const declaration_change& change : result.changes) {
          if (change.where.file != nullptr)
            out += printable(change.where.file->path()) + ":" + std::to_string(change.where.begin.line) + ":" +
                   std::to_string(change.where.begin.column) + ": ";
          out += printable(describe_change(change).in(settings.report.lang)) + "\n";
        }
        if (result.changes.empty()) out += nl ? "geen wijzigingen\n" : "no changes\n";
      }
      if (with_plans || !result.run.findings.empty()) {
        if (quiet) options_out.summary_only = true;
        render(target.format, out, result.run, options_out);
      }
      if (!quiet) {
        for (const std::string& path : result.broken)
          out += (nl ? "voldoet door de wijziging niet meer: " : "broken by the edit: ") + printable(path) + "\n";
        for (const std::string& path : result.fixed)
          out += (nl ? "voldoet door de wijziging weer: " : "fixed by the edit: ") + printable(path) + "\n";
      }
      out += plans_summary;
      break;
    }
    case report_format::json: {
      out = diff_json(result, settings.report.lang);
      break;
    }
    default:
      // SARIF, GitHub, JUnit and HTML carry only what the edit adds: a pull request shows exactly what it breaks.
      render(target.format, out, result.run, options_out);
      break;
  }
  if (target.format == report_format::xlsx ? !write_report(result.run, settings, target) : !emit(out, target))
    return exit_trouble;
  for (std::size_t k = 1; k < settings.reports.size(); ++k)
    if (!write_report(result.run, settings, settings.reports[k])) return exit_trouble;
  if (result.run.failed) return exit_trouble;
  return result.run.fails() ? exit_findings : exit_clean;
}

}  // namespace akkoord::cli

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

#include "akkoord/validator/check.hpp"
#include "akkoord/validator/diff.hpp"
#include "akkoord/validator/json.hpp"
#include "akkoord/validator/rules.hpp"
#include "akkoord/validator/suggest.hpp"
#include "inputs.hpp"
#include "report_context.hpp"
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
      tool_error({"cannot write to standard output: " + reason, "kan niet naar standaarduitvoer schrijven: " + reason});
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

// A device, pipe or socket named as an input: reading it might never end (`/dev/zero`, a FIFO nobody writes).
std::optional<read_error> special_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) return std::nullopt;
  return read_error{"is not a regular file (a device, pipe or socket)",
                    "is geen gewoon bestand (een apparaat, pipe of socket)"};
}

// A whole-file finding for an input that cannot be read at all.
diagnostic unreadable(std::string_view id, const std::string& path, const read_error& why, source_manager& sources) {
  diagnostic d;
  d.id = std::string(id);
  d.level = severity::error;
  d.message = {"cannot read `" + path + "`: " + why.en, "kan `" + path + "` niet lezen: " + why.nl};
  d.primary = {&sources.add(path, std::string()), {}, {}};
  return d;
}

bool reaches(const diagnostics& ds, severity fail_on) {
  return std::any_of(ds.begin(), ds.end(), [&](const diagnostic& d) { return !d.suppressed && d.level >= fail_on; });
}

bool wants(const run_settings& settings, report_format format) {
  return std::any_of(settings.reports.begin(), settings.reports.end(),
                     [&](const report_target& target) { return target.format == format; });
}

// What the SARIF, JUnit and HTML reports add to the findings; the files are filled in by the caller.
report_context context_for(const run_settings& settings, const agreement_model* agreement) {
  report_context context;
  context.fail_on = settings.fail_on;
  context.tool_version = AKKOORD_VERSION;
  if (wants(settings, report_format::sarif) || wants(settings, report_format::html))
    context.checks = describe_checks(agreement);
  return context;
}

// Renders every report, writes each, and turns the findings into an exit code. `trouble` forces exit code 2;
// so does a report that cannot be written (the others are still written).
int finish(const diagnostics& ds, std::size_t files, const run_settings& settings, bool trouble,
           const report_context& context) {
  const report_summary summary = summarize(ds, files);
  bool written = true;
  for (const report_target& target : settings.reports) {
    report_options options = settings.report;
    options.color = options.color && target.format == report_format::text && target.to_stdout();
    std::string out;
    render(target.format, out, ds, summary, options, context);
    written = emit(out, target) && written;
  }
  if (!written || trouble) return exit_trouble;
  return reaches(ds, settings.fail_on) ? exit_findings : exit_clean;
}

// --update-baseline records this run's findings (not after a failed run: the file would accept too little); then
// the baseline, read or just written, accepts its findings. False when the baseline file cannot be written.
bool use_baseline(diagnostics& ds, const run_settings& settings, bool trouble) {
  if (settings.update_baseline) {
    if (trouble) {
      tool_warning({"the baseline `" + settings.baseline_path + "` was not updated: the run failed",
                    "de baseline `" + settings.baseline_path + "` is niet bijgewerkt: de run is mislukt"});
      return true;
    }
    const baseline recorded = make_baseline(ds);
    text error;
    if (!write_file_atomically(settings.baseline_path, render_baseline(recorded), error)) {
      tool_error(error);
      return false;
    }
    tool_debug("baseline " + settings.baseline_path + ": recorded " + std::to_string(recorded.entries.size()) +
               " findings");
    apply_baseline(ds, recorded);
    return true;
  }
  if (settings.accepted) {
    const std::size_t unused = apply_baseline(ds, *settings.accepted);
    tool_debug("baseline " + settings.baseline_path + ": " + std::to_string(unused) +
               " recorded findings no longer occur");
  }
  return true;
}

// The agreement file as a checked file of its own (JUnit: its agreement checks are testcases too).
checked_file agreement_file(const std::string& path, const agreement_model* agreement, const run_settings& settings) {
  return {path, checks_that_ran(check_scope::agreement, agreement, settings.checks), std::nullopt};
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
  source_manager sources;
  diagnostics all;
  bool unloadable = false;
  std::set<std::string> seen;  // a file named twice is linted once
  std::size_t linted = 0;
  report_context context = context_for(settings, nullptr);
  for (const std::string& file : files) {
    if (!seen.insert(std::filesystem::path(file).lexically_normal().generic_string()).second) continue;
    ++linted;
    context.files.push_back(agreement_file(file, nullptr, settings));
    diagnostics found;
    if (const auto why = special_file(file)) {
      all.push_back(unreadable("dsl-syntax", file, *why, sources));
      unloadable = true;
      continue;
    }
    const auto model = lint_agreement(file, sources, settings.checks, found);
    if (!model) {
      unloadable = true;
      if (found.empty()) {  // the loader always says why; this only guards against a silent failure
        diagnostic d;
        d.id = "dsl-syntax";
        d.message = {"`" + file + "` could not be loaded", "`" + file + "` kon niet worden geladen"};
        d.primary = {&sources.add(file, std::string()), {}, {}};
        found.push_back(std::move(d));
      }
    }
    tool_debug("linted " + file + ": " + std::to_string(found.size()) + " findings");
    sort_diagnostics(found);
    all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  const bool baseline_failed = !use_baseline(all, settings, unloadable);
  return finish(all, linted, settings, unloadable || baseline_failed, context);
}

int run_check(const std::string& rules, const std::vector<std::string>& plans, const run_settings& settings) {
  source_manager sources;
  diagnostics agreement_findings;
  const auto model = lint_agreement(rules, sources, settings.checks, agreement_findings);
  sort_diagnostics(agreement_findings);
  report_context context = context_for(settings, model.get());
  if (!model || reaches(agreement_findings, severity::error)) {
    context.files.push_back(agreement_file(rules, model.get(), settings));
    const int code = finish(agreement_findings, 1, settings, true, context);
    tool_error({"the agreement `" + rules + "` has errors; no plan was checked",
                "de afspraken in `" + rules + "` bevatten fouten; er is geen plan gecontroleerd"});
    return code;
  }
  warn_about_unknown_rules(*model, settings.checks);

  plan_inputs inputs = expand_plan_inputs(plans);
  for (const text& warning : inputs.warnings) tool_warning(warning);
  const std::vector<std::string>& files = inputs.files;
  if (files.empty()) {
    context.files.push_back(agreement_file(rules, model.get(), settings));
    finish(agreement_findings, 0, settings, true, context);
    tool_error({"no plan files to check", "geen planbestanden om te controleren"});
    return exit_trouble;
  }

  // Each file's findings land in its own slot, so the output order is the input order for any --jobs.
  std::vector<diagnostics> results(files.size());
  std::vector<std::optional<plan_figures>> figures(files.size());  // for the HTML report only
  const bool want_figures = wants(settings, report_format::html);
  std::vector<std::string> failures(files.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> internal_failure{false};
  const auto check_one = [&](std::size_t i) {
    const std::string& path = files[i];
    try {
      read_error why;
      std::optional<std::string> content;
      if (const auto special = special_file(path)) {
        why = *special;
      } else {
        content = read_whole_file(path, why);
      }
      if (!content) {
        results[i].push_back(unreadable("toml-syntax", path, why, sources));
        return;
      }
      const source_file& file = sources.add(path, std::move(*content));
      results[i] = check_plan_file(*model, file, settings.checks);
      sort_diagnostics(results[i]);
      if (want_figures) figures[i] = figures_of(*model, file);
    } catch (const std::exception& e) {
      failures[i] = e.what();
      internal_failure = true;
    } catch (...) {
      failures[i] = "unknown exception";
      internal_failure = true;
    }
  };
  const auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) check_one(i);
  };

  const std::size_t workers = std::min<std::size_t>(settings.jobs, files.size());
  tool_debug("checking " + std::to_string(files.size()) + " plan files with " + std::to_string(workers) + " workers");
  std::vector<std::thread> threads;
  try {
    for (std::size_t k = 1; k < workers; ++k) threads.emplace_back(work);
  } catch (const std::system_error& e) {
    tool_debug(std::string("could not start another worker, continuing with fewer: ") + e.what());
  }
  work();  // this thread works too; and if no thread could start, it does everything
  for (std::thread& t : threads) t.join();

  for (std::size_t i = 0; i < files.size(); ++i)
    if (!failures[i].empty())
      tool_error({"internal error while checking `" + files[i] + "`: " + failures[i],
                  "interne fout bij het controleren van `" + files[i] + "`: " + failures[i]});

  diagnostics all = std::move(agreement_findings);
  for (diagnostics& found : results)
    all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  const std::vector<std::string> plan_checks = checks_that_ran(check_scope::plan, model.get(), settings.checks);
  for (std::size_t i = 0; i < files.size(); ++i) context.files.push_back({files[i], plan_checks, std::move(figures[i])});
  context.files.push_back(agreement_file(rules, model.get(), settings));
  const bool baseline_failed = !use_baseline(all, settings, internal_failure);
  return finish(all, files.size(), settings, internal_failure || baseline_failed, context);
}

int run_test(const std::string& rules, const std::vector<std::string>& dirs, const run_settings& settings) {
  source_manager sources;
  diagnostics agreement_findings;
  const auto model = lint_agreement(rules, sources, settings.checks, agreement_findings);
  sort_diagnostics(agreement_findings);
  if (!model || reaches(agreement_findings, severity::error)) {
    report_context context = context_for(settings, model.get());
    context.files.push_back(agreement_file(rules, model.get(), settings));
    finish(agreement_findings, 1, settings, true, context);
    tool_error({"the agreement `" + rules + "` has errors; no test was run",
                "de afspraken in `" + rules + "` bevatten fouten; er is geen test uitgevoerd"});
    return exit_trouble;
  }
  warn_about_unknown_rules(*model, settings.checks);
  const rule_test_report report = run_rule_tests(*model, dirs, sources, settings.checks);
  if (!emit(render_rule_test_report(report, settings.report.lang), settings.reports.front())) return exit_trouble;
  return report.all_passed() ? exit_clean : exit_findings;
}

int run_checks(const run_settings& settings) {
  const language lang = settings.report.lang;
  const bool nl = lang == language::nl;
  std::string out;
  const auto scope_word = [&](check_scope scope) -> std::string_view {
    return scope == check_scope::plan ? "plan" : (nl ? "afspraken" : "agreement");
  };
  if (settings.reports.front().format == report_format::json) {
    nlohmann::ordered_json checks = nlohmann::ordered_json::array();
    for (const check* c : all_checks()) {
      const check_info& info = c->info();
      checks.push_back({{"id", info.id},
                        {"severity", to_string(info.default_severity)},
                        {"scope", info.scope == check_scope::plan ? "plan" : "agreement"},
                        {"summary", nl ? info.summary_nl : info.summary_en}});
    }
    nlohmann::ordered_json document;
    document["version"] = 1;
    document["checks"] = std::move(checks);
    append_json(out, document, 0, {"checks"});  // one check per line
    out += '\n';
  } else {
    std::size_t id_width = 2;
    for (const check* c : all_checks()) id_width = std::max(id_width, c->info().id.size());
    const auto row = [&](std::string_view id, std::string_view level, std::string_view scope, std::string_view summary) {
      out += id;
      out.append(id_width + 2 - id.size(), ' ');
      out += level;
      out.append(9 - std::min<std::size_t>(level.size(), 8), ' ');
      out += scope;
      out.append(11 - std::min<std::size_t>(scope.size(), 10), ' ');
      out += summary;
      out += '\n';
    };
    row("id", nl ? "ernst" : "severity", nl ? "soort" : "scope", nl ? "wat het vindt" : "what it finds");
    for (const check* c : all_checks()) {
      const check_info& info = c->info();
      row(info.id, to_string(info.default_severity), scope_word(info.scope), nl ? info.summary_nl : info.summary_en);
    }
  }
  return emit(out, settings.reports.front()) ? exit_clean : exit_trouble;
}

int run_explain(const std::string& id, const run_settings& settings) {
  const std::string_view documentation = check_documentation(id);
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

int run_diff(const std::string& before, const std::string& after, const std::string& plans_dir,
             const run_settings& settings) {
  const report_target& target = settings.reports.front();
  const bool nl = settings.report.lang == language::nl;
  if (target.format != report_format::text && target.format != report_format::short_ &&
      target.format != report_format::json) {
    tool_error({"`diff` writes only `text`, `short` or `json` reports",
                "`diff` schrijft alleen rapporten in `text`, `short` of `json`"});
    return exit_trouble;
  }

  // Both agreements in one source manager: plan findings of either point into it.
  source_manager sources;
  diagnostics old_lint;
  const auto old_model = lint_agreement(before, sources, settings.checks, old_lint);
  diagnostics new_lint;
  const auto new_model = lint_agreement(after, sources, settings.checks, new_lint);
  sort_diagnostics(new_lint);
  // The errors of NEW are printed (they fail the gate too); OLD's are the past.
  diagnostics shown;
  for (const diagnostic& d : new_lint)
    if (d.level == severity::error) shown.push_back(d);
  if (!new_model) {
    report_context context = context_for(settings, nullptr);
    finish(shown.empty() ? new_lint : shown, 1, settings, true, context);
    tool_error({"the new agreement `" + after + "` could not be loaded",
                "de nieuwe afspraken in `" + after + "` konden niet worden geladen"});
    return exit_trouble;
  }
  if (!old_model) {
    tool_error({"the old agreement `" + before + "` could not be loaded",
                "de oude afspraken in `" + before + "` konden niet worden geladen"});
    return exit_trouble;
  }

  const std::vector<declaration_change> changes = diff_declarations(*old_model, *new_model);
  std::string changes_text;
  for (const declaration_change& change : changes) {
    if (change.where.file != nullptr)
      changes_text += change.where.file->path() + ":" + std::to_string(change.where.begin.line) + ":" +
                      std::to_string(change.where.begin.column) + ": ";
    const text description = describe_change(change);
    changes_text += (nl ? description.nl : description.en) + "\n";
  }
  if (changes.empty()) changes_text = nl ? "geen wijzigingen\n" : "no changes\n";

  // Every plan against OLD and NEW; only what the edit adds (or removes) is reported.
  std::size_t plans_checked = 0, broken = 0, fixed = 0;
  std::vector<std::string> broken_plans;
  if (!plans_dir.empty()) {
    plan_inputs inputs = expand_plan_inputs({plans_dir});
    for (const text& warning : inputs.warnings) tool_warning(warning);
    for (const std::string& path : inputs.files) {
      read_error why;
      std::optional<std::string> content;
      if (const auto special = special_file(path)) why = *special;
      else content = read_whole_file(path, why);
      ++plans_checked;
      if (!content) {
        tool_warning({"cannot read `" + path + "`: " + why.en, "kan `" + path + "` niet lezen: " + why.nl});
        continue;
      }
      const source_file& file = sources.add(path, std::move(*content));
      const diagnostics old_results = check_plan_file(*old_model, file, settings.checks);
      diagnostics new_results = check_plan_file(*new_model, file, settings.checks);
      sort_diagnostics(new_results);
      const diagnostics added = new_findings(old_results, new_results);
      const diagnostics gone = new_findings(new_results, old_results);
      if (reaches(added, settings.fail_on)) {
        ++broken;
        broken_plans.push_back(path);
      } else if (reaches(gone, settings.fail_on)) {
        ++fixed;
      }
      shown.insert(shown.end(), added.begin(), added.end());
    }
  }

  std::string out;
  const bool json = target.format == report_format::json;
  if (!json) out += changes_text;
  if (json || !plans_dir.empty() || !shown.empty()) {
    report_options options = settings.report;
    options.color = options.color && target.format == report_format::text && target.to_stdout();
    std::string report;
    render(target.format, report, shown, summarize(shown, plans_checked + 1), options, context_for(settings, nullptr));
    if (json) {
      // The findings object of every JSON report, with the changes and the plan counts added at its end.
      while (!report.empty() && (report.back() == '\n' || report.back() == '}')) {
        const bool brace = report.back() == '}';
        report.pop_back();
        if (brace) break;
      }
      report += ", \"changes\": [";
      for (std::size_t i = 0; i < changes.size(); ++i) {
        const declaration_change& change = changes[i];
        report += i ? ",\n  " : "\n  ";
        report += "{\"change\": ";
        append_json_string(report, change.what == change_kind::added     ? "added"
                                   : change.what == change_kind::removed ? "removed"
                                                                         : "changed");
        report += ", \"kind\": ";
        append_json_string(report, change.kind);
        report += ", \"id\": ";
        append_json_string(report, change.id);
        report += ", \"file\": ";
        append_json_string(report, change.where.file ? change.where.file->path() : std::string());
        report += ", \"line\": " + std::to_string(change.where.begin.line) +
                  ", \"column\": " + std::to_string(change.where.begin.column) + ", \"details\": [";
        for (std::size_t k = 0; k < change.details.size(); ++k) {
          if (k) report += ", ";
          append_json_string(report, change.details[k]);
        }
        report += "]}";
      }
      report += changes.empty() ? "]" : "\n]";
      report += ", \"plans\": {\"checked\": " + std::to_string(plans_checked) +
                ", \"broken\": " + std::to_string(broken) + ", \"fixed\": " + std::to_string(fixed) + "}}\n";
    }
    out += report;
  }
  if (!json && !plans_dir.empty()) {
    for (const std::string& path : broken_plans)
      out += (nl ? "gebroken door de wijziging: " : "broken by the edit: ") + path + "\n";
    const std::string count = std::to_string(plans_checked);
    out += nl ? count + (plans_checked == 1 ? " plan" : " plannen") + " gecontroleerd: " + std::to_string(broken) +
                    " gebroken door de wijziging, " + std::to_string(fixed) + " hersteld\n"
              : count + (plans_checked == 1 ? " plan" : " plans") + " checked: " + std::to_string(broken) +
                    " broken by the edit, " + std::to_string(fixed) + " fixed\n";
  }
  if (!emit(out, target)) return exit_trouble;
  return reaches(shown, settings.fail_on) ? exit_findings : exit_clean;
}

}  // namespace akkoord::cli

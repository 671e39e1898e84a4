// The run as one value (run.hpp): load, read each plan file once, compute its figures once, check, collect.
#include "akkoord/validator/run.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <set>
#include <sys/stat.h>
#include <system_error>
#include <thread>

#include "akkoord/validator/check.hpp"

namespace akkoord {
namespace {

bool switched_off(const check_settings& settings, std::string_view id) {
  const auto it = settings.overrides.find(id);
  return it != settings.overrides.end() && !it->second;
}

severity rule_severity(const ast::rule_decl& rule) {
  return parse_severity(rule.severity.name).value_or(severity::error);
}

// A device, pipe or socket named as an input: reading it might never end (`/dev/zero`, a FIFO nobody writes).
std::optional<read_error> special_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) return std::nullopt;
  return read_error{"is not a regular file (a device, pipe or socket)",
                    "het is geen gewoon bestand (maar een apparaat, pipe of socket)"};
}

// A whole-file finding for an input that cannot be read at all.
diagnostic unreadable(std::string_view id, const std::string& path, const read_error& why, source_manager& sources) {
  diagnostic d;
  d.id = std::string(id);
  d.level = severity::error;
  d.message = {"cannot read `" + path + "`: " + why.en, "`" + path + "` is niet te lezen: " + why.nl};
  d.primary = {&sources.add(path, std::string()), {}, {}};
  return d;
}

// An agreement the loader returned nothing for, without saying why: never a silent failure.
diagnostic not_loaded(const std::string& path, source_manager& sources) {
  diagnostic d;
  d.id = "dsl-syntax";
  d.message = {"`" + path + "` could not be loaded", "`" + path + "` kon niet worden ingelezen"};
  d.primary = {&sources.add(path, std::string()), {}, {}};
  return d;
}

bool has_errors(const diagnostics& ds) {
  return std::any_of(ds.begin(), ds.end(), [](const diagnostic& d) { return !d.suppressed && d.level == severity::error; });
}

// Appends one file's findings to the run, remembering where they are.
void add_file(run_result& run, checked_file file, diagnostics found) {
  file.first_finding = run.findings.size();
  file.finding_count = found.size();
  run.findings.insert(run.findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  run.files.push_back(std::move(file));
}

run_result empty_run(const run_options& options) {
  run_result run;
  run.fail_on = options.fail_on;
  run.tool_version = options.tool_version;
  return run;
}

}  // namespace

bool run_result::fails() const {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const diagnostic& d) { return !d.suppressed && d.level >= fail_on; });
}

std::vector<std::string> checks_that_ran(file_role role, const agreement_model* agreement,
                                         const check_settings& settings) {
  const check_scope where = role == file_role::plan ? check_scope::plan : check_scope::agreement;
  std::vector<std::string> ids;
  for (const check* c : all_checks())
    if (applies_to(c->info().scope, where) && !switched_off(settings, c->info().id)) ids.emplace_back(c->info().id);
  if (role == file_role::plan && agreement != nullptr)
    for (const auto& [name, rule] : agreement->rules)
      if (!switched_off(settings, "rule:" + name)) ids.push_back("rule:" + name);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<check_description> describe_checks(const agreement_model* agreement) {
  std::vector<check_description> out;
  for (const check* c : all_checks()) {
    const check_info& info = c->info();
    out.push_back({std::string(info.id), info.default_severity,
                   {std::string(info.summary_en), std::string(info.summary_nl)},
                   std::string(check_documentation(info.id))});
  }
  if (agreement != nullptr)
    for (const auto& [name, rule] : agreement->rules)
      out.push_back({"rule:" + name, rule_severity(*rule), {rule->title.value, rule->title.value}, {}});
  return out;
}

std::vector<std::string> run_in_parallel(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work) {
  std::vector<std::string> failures(count);
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) {
      try {
        work(i);
      } catch (const std::exception& e) {
        failures[i] = e.what();
      } catch (...) {
        failures[i] = "unknown exception";
      }
    }
  };
  const std::size_t workers = std::min<std::size_t>(std::max(1u, jobs), count);
  std::vector<std::thread> threads;
  try {
    for (std::size_t k = 1; k < workers; ++k) threads.emplace_back(worker);
  } catch (const std::system_error&) {
    // Fewer workers than asked: the ones running (at least this thread) do the rest.
  }
  worker();
  for (std::thread& t : threads) t.join();
  return failures;
}

plan_check check_plan_against(const std::string& path, std::span<const agreement_model* const> agreements,
                              source_manager& sources, const check_settings& settings) {
  plan_check result;
  read_error why;
  std::optional<std::string> content;
  if (const auto special = special_file(path)) {
    why = *special;
  } else {
    content = read_whole_file(path, why);
  }
  if (!content) {
    const diagnostic finding = unreadable("toml-syntax", path, why, sources);
    result.findings.assign(agreements.size(), diagnostics{finding});
    return result;
  }
  const source_file& file = sources.add(path, std::move(*content));
  diagnostics shape;  // what reading the TOML found: the same against every agreement
  auto typed = std::make_shared<plan>(read_plan(file, shape));
  for (const agreement_model* agreement : agreements) {
    plan_figures figures;
    result.findings.push_back(check_read_plan(*agreement, *typed, shape, settings, figures));
    if (typed->readable) result.figures = std::move(figures);
  }
  result.typed = std::move(typed);
  return result;
}

run_result lint_run(const std::vector<std::string>& files, const run_options& options) {
  run_result run = empty_run(options);
  run.checks = describe_checks(nullptr);
  std::set<std::string> seen;  // a file named twice is linted once
  for (const std::string& path : files) {
    if (!seen.insert(std::filesystem::path(path).lexically_normal().generic_string()).second) continue;
    ++run.subject_files;
    diagnostics found;
    std::unique_ptr<agreement_model> model;
    if (const auto why = special_file(path)) {
      found.push_back(unreadable("dsl-syntax", path, *why, *run.sources));
    } else {
      model = lint_agreement(path, *run.sources, options.checks, found);
    }
    if (!model) run.failed = true;
    // The loader always says why; this only guards against a silent failure.
    if (!model && found.empty()) found.push_back(not_loaded(path, *run.sources));
    sort_diagnostics(found);
    add_file(run, {path, file_role::agreement, checks_that_ran(file_role::agreement, model.get(), options.checks)},
             std::move(found));
    run.agreements.push_back(std::move(model));
  }
  return run;
}

run_result check_run(const std::string& agreement_path, const std::vector<std::string>& plans,
                     const run_options& options) {
  return check_run(agreement_path, [&](const agreement_model&) { return plans; }, options);
}

run_result check_run(const std::string& agreement_path, const plan_chooser& choose, const run_options& options) {
  run_result run = empty_run(options);
  diagnostics agreement_findings;
  std::shared_ptr<const agreement_model> model =
      lint_agreement(agreement_path, *run.sources, options.checks, agreement_findings);
  sort_diagnostics(agreement_findings);
  run.checks = describe_checks(model.get());
  run.agreements.push_back(model);
  add_file(run, {agreement_path, file_role::agreement, checks_that_ran(file_role::agreement, model.get(), options.checks)},
           std::move(agreement_findings));
  if (!model || has_errors(run.findings)) {
    // Checking plans against a broken agreement would report its mistakes as theirs.
    run.failed = true;
    run.subject_files = 1;
    if (!model && run.findings.empty()) {
      run.findings.push_back(not_loaded(agreement_path, *run.sources));
      run.files.back().finding_count = 1;
    }
    return run;
  }

  const std::vector<std::string> plans = choose(*model);
  // Each file's result lands in its own slot, so the output is in input order for any number of jobs.
  std::vector<plan_check> results(plans.size());
  const agreement_model* const against[] = {model.get()};
  const std::vector<std::string> failures = run_in_parallel(plans.size(), options.jobs, [&](std::size_t i) {
    results[i] = check_plan_against(plans[i], against, *run.sources, options.checks);
    if (!options.keep_plans) {
      // Memory stays bounded per plan: only the findings outlive the check.
      results[i].figures.reset();
      results[i].typed.reset();
    }
  });

  const std::vector<std::string> plan_checks = checks_that_ran(file_role::plan, model.get(), options.checks);
  run.subject_files = plans.size();
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (!failures[i].empty()) {
      run.failed = true;
      run.failures.push_back({"internal error while checking `" + plans[i] + "`: " + failures[i],
                              "interne fout bij het controleren van `" + plans[i] + "`: " + failures[i]});
    }
    plan_check& result = results[i];
    checked_file file{plans[i], file_role::plan, plan_checks};
    if (options.keep_plans) {
      file.typed = std::move(result.typed);
      file.figures = std::move(result.figures);
    }
    add_file(run, std::move(file), result.findings.empty() ? diagnostics{} : std::move(result.findings.front()));
  }
  return run;
}

}  // namespace akkoord

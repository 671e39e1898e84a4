// The run as one value (run.hpp): load, read each plan file once, compute its figures once, check, collect.
#include "akkoord/validator/run.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <filesystem>
#include <optional>
#include <set>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "akkoord/parser/parse.hpp"
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

// "3 errors, 1 warning": the counts that are not zero, in English and Dutch.
text count_phrase(const std::array<std::size_t, 4>& counts) {
  static constexpr std::array<std::array<std::string_view, 4>, 4> words{{
      {"info", "infos", "melding", "meldingen"},
      {"warning", "warnings", "waarschuwing", "waarschuwingen"},
      {"error", "errors", "fout", "fouten"},
      {"waived", "waived", "uitgezonderd", "uitgezonderd"},
  }};
  text out;
  for (std::size_t k = counts.size(); k-- > 0;) {
    if (counts[k] == 0) continue;
    const bool one = counts[k] == 1;
    const std::string n = std::to_string(counts[k]);
    out.en += (out.en.empty() ? "" : ", ") + n + " " + std::string(words[k][one ? 0 : 1]);
    out.nl += (out.nl.empty() ? "" : ", ") + n + " " + std::string(words[k][one ? 2 : 3]);
  }
  return out;
}

// Appends one file's findings to the run, remembering where they are.
void add_file(run_result& run, checked_file file, diagnostics found) {
  limit_findings_of_file(found);
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

// Keeps the first max_findings_per_file of one file's sorted findings and replaces the rest by one
// `too-many-findings` finding where they start (run.hpp says why its severity is theirs).
void limit_findings_of_file(diagnostics& found) {
  if (found.size() <= max_findings_per_file) return;
  const auto hidden = found.begin() + static_cast<std::ptrdiff_t>(max_findings_per_file);
  std::array<std::size_t, 4> counts{};  // per severity, then the suppressed ones
  std::optional<severity> highest;
  for (auto it = hidden; it != found.end(); ++it) {
    if (it->suppressed) {
      ++counts[3];
      continue;
    }
    ++counts[static_cast<std::size_t>(it->level)];
    highest = std::max(highest.value_or(it->level), it->level);
  }
  diagnostic summary;
  summary.id = "too-many-findings";
  summary.level = highest.value_or(severity::info);
  summary.primary = hidden->primary;
  const std::size_t more = found.size() - max_findings_per_file;
  const std::string limit = std::to_string(max_findings_per_file);
  const text counted = count_phrase(counts);
  const text not_listed = more == 1 ? text{"1 more finding from here on is not listed",
                                           "nog 1 bevinding vanaf hier wordt niet getoond"}
                                    : text{std::to_string(more) + " more findings from here on are not listed",
                                           "nog " + std::to_string(more) + " bevindingen vanaf hier worden niet getoond"};
  summary.message = {not_listed.en + " (" + counted.en + "): akkoord lists at most " + limit + " findings per file",
                     not_listed.nl + " (" + counted.nl + "): akkoord toont hoogstens " + limit + " bevindingen per bestand"};
  summary.help = text{"correct the findings listed and check again: the next ones are listed then",
                      "herstel de getoonde bevindingen en controleer opnieuw: dan worden de volgende getoond"};
  // Findings that are all waived make a waived summary: it must not fail a run they do not fail.
  summary.suppressed = !highest.has_value();
  if (summary.suppressed) summary.suppression_reason = "waived";
  found.erase(hidden, found.end());
  found.push_back(std::move(summary));
}

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

namespace {

// Phase 1 of a plan: the file read once, what reading it found, and its figures against each agreement.
struct plan_read {
  std::shared_ptr<const plan> typed;  // nullptr: the file could not be read
  diagnostics shape;                  // the unreadable finding, or what reading the TOML found
  std::vector<plan_figures> figures;  // per agreement; empty when the plan is not readable
};

plan_read read_plan_file(const std::string& path, std::span<const agreement_model* const> agreements,
                         source_manager& sources) {
  plan_read result;
  read_error why;
  std::optional<std::string> content;
  if (const auto special = special_file(path)) {
    why = *special;
  } else {
    content = read_whole_file(path, why, parser::max_file_bytes);
  }
  if (!content) {
    result.shape.push_back(unreadable("toml-syntax", path, why, sources));
    return result;
  }
  const source_file& file = sources.add(path, std::move(*content));
  auto typed = std::make_shared<plan>(read_plan(file, result.shape));
  if (typed->readable)
    for (const agreement_model* agreement : agreements) result.figures.push_back(compute_figures(*agreement, *typed));
  result.typed = std::move(typed);
  return result;
}

// What makes two plans "the same plan": agreement, municipality and year. A plan that leaves out its
// municipality or year has no key (missing-field says so) and no neighbours.
struct plan_key {
  std::string_view agreement, municipality;
  std::int64_t year = 0;
  friend bool operator==(const plan_key&, const plan_key&) = default;
};

struct plan_key_hash {
  std::size_t operator()(const plan_key& k) const {
    const std::size_t h = std::hash<std::string_view>{}(k.agreement) * 31 + std::hash<std::string_view>{}(k.municipality);
    return h * 31 + std::hash<std::int64_t>{}(k.year);
  }
};

std::optional<plan_key> key_of(const plan_read& read) {
  const plan* p = read.typed.get();
  if (p == nullptr || !p->readable || !p->municipality || !p->year) return std::nullopt;
  return plan_key{p->agreement ? std::string_view(p->agreement->value) : std::string_view(), p->municipality->value,
                  p->year->value};
}

// Phase 2, sequential and linear: index the plans by key (the first in input order is the one that counts),
// then look up each plan's earlier duplicate and its previous year. The same file named twice is one plan.
struct plan_links {
  std::optional<std::size_t> earlier_duplicate;
  std::optional<std::size_t> previous_year;
};

std::vector<plan_links> link_plans(const std::vector<plan_read>& reads) {
  std::unordered_map<plan_key, std::size_t, plan_key_hash> first_with_key;
  std::vector<std::optional<plan_key>> keys(reads.size());
  for (std::size_t i = 0; i < reads.size(); ++i)
    if ((keys[i] = key_of(reads[i]))) first_with_key.try_emplace(*keys[i], i);
  std::vector<plan_links> links(reads.size());
  for (std::size_t i = 0; i < reads.size(); ++i) {
    if (!keys[i]) continue;
    const std::size_t first = first_with_key.at(*keys[i]);
    const auto same_file = [&](std::size_t j) {
      return reads[j].typed->source->path() == reads[i].typed->source->path();
    };
    if (first != i && !same_file(first)) links[i].earlier_duplicate = first;
    if (keys[i]->year > INT64_MIN) {
      plan_key previous = *keys[i];
      --previous.year;
      if (const auto it = first_with_key.find(previous); it != first_with_key.end()) links[i].previous_year = it->second;
    }
  }
  return links;
}

}  // namespace

std::vector<plan_check> check_plans_against(const std::vector<std::string>& paths,
                                            std::span<const agreement_model* const> agreements,
                                            source_manager& sources, const check_settings& settings, unsigned jobs,
                                            std::vector<std::string>& failures) {
  // Each plan's result lands in its own slot, and phase 2 runs on one thread in input order: the result is
  // the same for any number of jobs.
  std::vector<plan_read> reads(paths.size());
  failures = run_in_parallel(paths.size(), jobs, [&](std::size_t i) { reads[i] = read_plan_file(paths[i], agreements, sources); });

  const std::vector<plan_links> links = link_plans(reads);

  std::vector<plan_check> results(paths.size());
  const std::vector<std::string> check_failures = run_in_parallel(paths.size(), jobs, [&](std::size_t i) {
    plan_read& read = reads[i];
    plan_check& result = results[i];
    if (read.typed == nullptr) {
      if (!read.shape.empty()) result.findings.assign(agreements.size(), read.shape);
      return;
    }
    const plan* const earlier = links[i].earlier_duplicate ? reads[*links[i].earlier_duplicate].typed.get() : nullptr;
    const plan_read* const previous = links[i].previous_year ? &reads[*links[i].previous_year] : nullptr;
    for (std::size_t a = 0; a < agreements.size(); ++a) {
      plan_figures none;
      const plan_figures& figures = read.typed->readable ? read.figures[a] : none;
      plan_neighbours neighbours;
      neighbours.earlier_duplicate = earlier;
      if (previous != nullptr) {
        neighbours.previous_year = previous->typed.get();
        neighbours.previous_year_figures = &previous->figures[a];
      }
      result.findings.push_back(check_read_plan(*agreements[a], *read.typed, read.shape, settings, figures, neighbours));
    }
    result.typed = read.typed;
  });
  // Only now that no plan reads its neighbours' figures any more: each plan's figures move to its result.
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (failures[i].empty()) failures[i] = check_failures[i];
    if (results[i].typed != nullptr && !reads[i].figures.empty()) results[i].figures = std::move(reads[i].figures.back());
  }
  return results;
}

plan_check check_plan_against(const std::string& path, std::span<const agreement_model* const> agreements,
                              source_manager& sources, const check_settings& settings) {
  std::vector<std::string> failures;
  std::vector<plan_check> results = check_plans_against({path}, agreements, sources, settings, 1, failures);
  if (!failures.front().empty()) throw std::runtime_error(failures.front());
  return std::move(results.front());
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
    // A file that cannot be read or parsed is a finding like any other (exit code 1); only a loader that
    // fails without saying why fails the run.
    if (!model && found.empty()) {
      run.failed = true;
      found.push_back(not_loaded(path, *run.sources));
    }
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
  const agreement_model* const against[] = {model.get()};
  std::vector<std::string> failures;
  std::vector<plan_check> results = check_plans_against(plans, against, *run.sources, options.checks, options.jobs, failures);

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

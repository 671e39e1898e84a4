// akkoord: checks yearly execution plans against the cooperation agreement, and agreement files themselves.
// This file wires the command line (CLI11) to the commands; everything user-visible is in both languages.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <set>
#include <thread>
#include <unistd.h>

#include "akkoord/validator/report.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "tool_log.hpp"

#ifndef AKKOORD_VERSION
#define AKKOORD_VERSION "unknown"
#endif

namespace akkoord::cli {
namespace {

// The options as typed; resolved against `.akkoord.toml` into run_settings.
struct command_line {
  std::vector<std::string> formats;  // FORMAT[:FILE], repeatable; none given: text
  std::string output;
  std::string lang;
  std::string config;
  std::string fail_on = "error";
  unsigned jobs = 0;  // 0: one worker per core
  std::string color = "auto";
  bool quiet = false;
  bool verbose = false;
  std::string rules;
  std::vector<std::string> inputs;
  std::string check_id;
};

void add_common_options(CLI::App& command, command_line& cl) {
  // One value per --format (not greedy): `--format sarif plans/` must leave `plans/` to the positionals.
  command
      .add_option("--format", cl.formats,
                  "report format: text (default), short, json, sarif, junit, github or html; repeatable as "
                  "FORMAT:FILE to write several reports in one run (`--format text --format sarif:report.sarif`)")
      ->allow_extra_args(false)
      ->type_name("FORMAT[:FILE]");
  command.add_option("--output,-o", cl.output,
                     "write the report without a file of its own to FILE (atomically) instead of stdout");
  command.add_option("--lang", cl.lang, "language of messages: en or nl (default: `lang` of .akkoord.toml, else en)")
      ->check(CLI::IsMember({"en", "nl"}));
  command.add_option("--config", cl.config, "configuration file (default: .akkoord.toml here or in a parent)");
  command.add_option("--fail-on", cl.fail_on, "exit with 1 for findings at or above: error (default), warning, info")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  command.add_option("--jobs,-j", cl.jobs, "plan files checked in parallel (default: one per core)")
      ->check(CLI::Range(0u, 1024u));
  command.add_option("--color", cl.color, "colour in text output: auto (default), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command.add_flag("--quiet,-q", cl.quiet, "text and short reports: print only the summary line");
  command.add_flag("--verbose,-v", cl.verbose, "log what the tool does to stderr");
}

bool color_wanted(const command_line& cl) {
  if (cl.color == "always") return true;
  if (cl.color == "never") return false;
  if (!cl.output.empty() && cl.output != "-") return false;  // a file is not a terminal
  // https://no-color.org: set and not empty disables colour; a dumb terminal understands no escapes.
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

// --format FORMAT[:FILE] (repeatable) and --output into the reports of the run. At most one report goes to
// stdout (or to --output); two reports never share a file. nullopt after a usage error, already printed.
std::optional<std::vector<report_target>> resolve_reports(const command_line& cl) {
  const std::vector<std::string> specs = cl.formats.empty() ? std::vector<std::string>{"text"} : cl.formats;
  std::vector<report_target> targets;
  std::size_t to_stdout = 0;
  for (const std::string& spec : specs) {
    const auto colon = spec.find(':');
    const std::string name = spec.substr(0, colon);
    const auto format = parse_report_format(name);
    if (!format) {
      tool_error({"unknown output format `" + name + "`; use `text`, `short`, `json`, `sarif`, `junit`, `github` or `html`",
                  "onbekend uitvoerformaat `" + name + "`; gebruik `text`, `short`, `json`, `sarif`, `junit`, `github` of `html`"});
      return std::nullopt;
    }
    report_target target{*format, colon == std::string::npos ? std::string() : spec.substr(colon + 1)};
    if (colon != std::string::npos && target.path.empty()) {
      tool_error({"`--format " + spec + "` names no file after the colon; leave the colon out for standard output",
                  "`--format " + spec + "` noemt geen bestand na de dubbele punt; laat die weg voor standaarduitvoer"});
      return std::nullopt;
    }
    if (target.to_stdout()) {
      ++to_stdout;
      if (!cl.output.empty()) target.path = cl.output;
    }
    targets.push_back(std::move(target));
  }
  if (to_stdout > 1) {
    tool_error({"only one report can go to standard output; give the others a file, e.g. `--format sarif:report.sarif`",
                "er kan maar één rapport naar standaarduitvoer; geef de andere een bestand, bijvoorbeeld "
                "`--format sarif:rapport.sarif`"});
    return std::nullopt;
  }
  if (!cl.output.empty() && to_stdout == 0) {
    tool_error({"`--output " + cl.output + "` names no report: every `--format` has a file of its own",
                "`--output " + cl.output + "` hoort bij geen rapport: elk `--format` heeft een eigen bestand"});
    return std::nullopt;
  }
  std::set<std::string> files;
  for (const report_target& target : targets) {
    if (target.to_stdout()) continue;
    if (!files.insert(std::filesystem::path(target.path).lexically_normal().string()).second) {
      tool_error({"two reports would be written to `" + target.path + "`; give each its own file",
                  "twee rapporten zouden naar `" + target.path + "` worden geschreven; geef elk een eigen bestand"});
      return std::nullopt;
    }
  }
  return targets;
}

// Reads --config FILE, or the discovered `.akkoord.toml`. nullopt with `failed` set on an unusable file.
// Its warnings are returned, to be printed once the language of the run is known (it may come from the file).
std::optional<config> load_configuration(const command_line& cl, bool& failed, std::vector<text>& warnings) {
  std::filesystem::path path;
  if (!cl.config.empty()) {
    path = cl.config;
  } else if (auto found = discover_config(std::filesystem::current_path())) {
    path = *found;
  } else {
    return std::nullopt;
  }
  const std::string shown = cl.config.empty() ? display_path(path) : cl.config;
  read_error why;
  const auto content = read_whole_file(path.string(), why);
  if (!content) {
    tool_error({"cannot read the configuration `" + shown + "`: " + why.en,
                "kan de configuratie `" + shown + "` niet lezen: " + why.nl});
    failed = true;
    return std::nullopt;
  }
  tool_debug("configuration: " + shown);
  text error;
  auto parsed = parse_config(*content, shown, path.parent_path(), error, warnings);
  if (!parsed) {
    tool_error(error);
    failed = true;
  }
  return parsed;
}

int run(int argc, char** argv) {
  CLI::App app{"akkoord: checks the yearly execution plans of a cooperation agreement against its terms",
               "akkoord"};
  app.set_version_flag("--version", "akkoord " AKKOORD_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error, an agreement "
             "that cannot be loaded, or an internal failure.\nSee `akkoord checks` and `akkoord explain ID`.");

  command_line cl;
  CLI::App* lint = app.add_subcommand("lint", "check agreement files (.akkoord) themselves");
  lint->add_option("FILE", cl.inputs, "agreement files")->required();
  add_common_options(*lint, cl);

  CLI::App* check = app.add_subcommand("check", "check plans (.toml) against an agreement");
  check->add_option("--rules", cl.rules, "the agreement file (default: `rules` of .akkoord.toml)");
  check->add_option("PLAN", cl.inputs, "plan files, or directories searched for *.toml")->required();
  add_common_options(*check, cl);

  CLI::App* test = app.add_subcommand("test", "rule tests: each plan in DIR states the findings it must produce "
                                              "(`# expect: ID` on the line, or `# expect-anywhere: ID`)");
  test->add_option("--rules", cl.rules, "the agreement file (default: `rules` of .akkoord.toml)");
  test->add_option("DIR", cl.inputs, "directories of plans (*.toml), or plan files")->required();
  add_common_options(*test, cl);

  CLI::App* checks = app.add_subcommand("checks", "list every check with its id, severity and one line");
  add_common_options(*checks, cl);

  CLI::App* explain = app.add_subcommand("explain", "print the documentation of a check");
  explain->add_option("ID", cl.check_id, "a check id, e.g. returned-competence")->required();
  add_common_options(*explain, cl);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end here with 0; every real parse error is a usage error (2).
    return app.exit(e) == 0 ? exit_clean : exit_trouble;
  }

  init_logging(cl.verbose);
  if (cl.lang == "nl") set_message_language(language::nl);

  bool config_failed = false;
  std::vector<text> config_warnings;
  const std::optional<config> configuration = load_configuration(cl, config_failed, config_warnings);
  if (config_failed) {
    for (const text& warning : config_warnings) tool_warning(warning);
    return exit_trouble;
  }

  run_settings settings;
  settings.report.lang = !cl.lang.empty()                        ? (cl.lang == "nl" ? language::nl : language::en)
                         : configuration && configuration->lang ? *configuration->lang
                                                                 : language::en;
  set_message_language(settings.report.lang);
  for (const text& warning : config_warnings) tool_warning(warning);

  auto reports = resolve_reports(cl);
  if (!reports) return exit_trouble;
  settings.reports = std::move(*reports);
  settings.report.color = color_wanted(cl);  // for a text report on stdout only (commands.cpp)
  settings.report.summary_only = cl.quiet;
  settings.report.show_suppressed = true;  // short form: listed and marked, as in JSON; text shows only the count
  settings.fail_on = parse_severity(cl.fail_on).value_or(severity::error);
  settings.jobs = cl.jobs != 0 ? cl.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (configuration) settings.checks.overrides = configuration->checks;

  if (lint->parsed()) return run_lint(cl.inputs, settings);
  if (checks->parsed()) return run_checks(settings);
  if (explain->parsed()) return run_explain(cl.check_id, settings);

  std::string rules = cl.rules;
  if (rules.empty() && configuration && configuration->rules) rules = *configuration->rules;
  if (rules.empty()) {
    tool_error({"no agreement to check against: pass `--rules FILE`, or put `rules = \"path/to/agreement.akkoord\"` "
                "in a `.akkoord.toml` in this directory or a parent",
                "geen afspraken om tegen te controleren: geef `--rules BESTAND` op, of zet "
                "`rules = \"pad/naar/afspraken.akkoord\"` in een `.akkoord.toml` in deze map of een bovenliggende"});
    return exit_trouble;
  }
  tool_debug("agreement: " + rules);
  if (test->parsed()) return run_test(rules, cl.inputs, settings);
  return run_check(rules, cl.inputs, settings);
}

}  // namespace
}  // namespace akkoord::cli

int main(int argc, char** argv) {
  // Never a crash or an uncaught exception: anything unexpected is an internal failure, exit code 2.
  try {
    return akkoord::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "akkoord: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "akkoord: internal error\n");
  }
  return akkoord::cli::exit_trouble;
}

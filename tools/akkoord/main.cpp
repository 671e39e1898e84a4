// akkoord: checks yearly execution plans against the cooperation agreement, and agreement files themselves.
// This file wires the command line (CLI11) to the commands; everything user-visible is in both languages.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <regex>
#include <set>
#include <span>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unistd.h>

#include "akkoord/validator/report.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "fmt.hpp"
#include "generate.hpp"
#include "lsp/server.hpp"
#include "plan_selection.hpp"
#include "tool_log.hpp"
#include "version.hpp"

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
  std::string fail_on;  // empty: `fail_on` of .akkoord.toml, else error
  unsigned jobs = 0;  // 0: one worker per core
  std::string color = "auto";
  bool quiet = false;
  bool verbose = false;
  std::string rules;
  std::vector<std::string> inputs;
  bool changed = false;  // check --changed: `inputs` are the changed files of a commit
  std::string check_id;
  std::vector<std::string> plans;  // diff --plans DIR…
  std::string git_revision;        // diff --git REV
  std::string baseline;  // lint and check: --baseline FILE
  bool update_baseline = false;
  bool fmt_check = false;  // fmt --check
  bool fmt_diff = false;   // fmt --diff
  bool fix = false;        // lint and check: --fix
  bool fix_diff = false;   // lint and check: --diff
};

// CLI11 wants one string per help text; this picks the run's language while the app is built.
struct pick {
  language lang;
  std::string operator()(std::string en, std::string nl) const { return lang == language::nl ? nl : en; }
};

CLI::Option* add_lang_option(CLI::App& command, command_line& cl, const pick& say) {
  return command
      .add_option("--lang", cl.lang,
                  say("language of messages: en or nl (default: `lang` of .akkoord.toml, else en)",
                      "taal van de meldingen: en of nl (standaard: `lang` uit .akkoord.toml, anders en)"))
      ->check(CLI::IsMember({"en", "nl"}));
}

void add_common_options(CLI::App& command, command_line& cl, const pick& say) {
  // One value per --format (not greedy): `--format sarif plans/` must leave `plans/` to the positionals.
  command
      .add_option("--format", cl.formats,
                  say("report format: text (default), short, json, sarif, junit, github, html or xlsx (only to a "
                      "file); repeatable as FORMAT:FILE to write several reports in one run "
                      "(`--format text --format sarif:report.sarif --format xlsx:report.xlsx`)",
                      "rapportformaat: text (standaard), short, json, sarif, junit, github, html of xlsx (alleen naar "
                      "een bestand); herhaalbaar als FORMAAT:BESTAND om in één run meerdere rapporten te schrijven "
                      "(`--format text --format sarif:rapport.sarif --format xlsx:rapport.xlsx`)"))
      ->allow_extra_args(false)
      ->type_name(say("FORMAT[:FILE]", "FORMAAT[:BESTAND]"));
  command
      .add_option("--output,-o", cl.output,
                  say("write the report without a file of its own to FILE (atomically) instead of stdout",
                      "schrijf het rapport zonder eigen bestand naar BESTAND (atomair) in plaats van naar stdout"))
      ->type_name(say("FILE", "BESTAND"));
  add_lang_option(command, cl, say);
  command
      .add_option("--config", cl.config,
                  say("configuration file (default: .akkoord.toml here or in a parent)",
                      "configuratiebestand (standaard: .akkoord.toml hier of in een bovenliggende map)"))
      ->type_name(say("FILE", "BESTAND"));
  command
      .add_option("--fail-on", cl.fail_on,
                  say("exit with 1 for findings at or above: error, warning, info "
                      "(default: `fail_on` of .akkoord.toml, else error)",
                      "eindig met 1 bij bevindingen vanaf: error, warning, info "
                      "(standaard: `fail_on` uit .akkoord.toml, anders error)"))
      ->check(CLI::IsMember({"error", "warning", "info"}));
  command
      .add_option("--jobs,-j", cl.jobs,
                  say("plan files checked in parallel (default: one per core)",
                      "aantal planbestanden dat tegelijk wordt gecontroleerd (standaard: één per kern)"))
      ->check(CLI::Range(0u, 1024u));
  command
      .add_option("--color", cl.color,
                  say("colour in text output: auto (default), always, never",
                      "kleur in tekstuitvoer: auto (standaard), always, never"))
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command.add_flag("--quiet,-q", cl.quiet,
                   say("text and short reports: print only the summary line",
                       "text- en short-rapporten: druk alleen de samenvattingsregel af"));
  command.add_flag("--verbose,-v", cl.verbose,
                   say("log what the tool does to stderr", "meld op stderr wat het programma doet"));
}

// `lint` and `check`: accept the findings recorded in a baseline file, or record them.
void add_baseline_options(CLI::App& command, command_line& cl, const pick& say) {
  CLI::Option* file =
      command
          .add_option("--baseline", cl.baseline,
                      say("accept the findings recorded in FILE and report only new ones",
                          "accepteer de bevindingen die in BESTAND staan en meld alleen nieuwe"))
          ->type_name(say("FILE", "BESTAND"));
  command
      .add_flag("--update-baseline", cl.update_baseline,
                say("record this run's findings in the --baseline FILE (created when missing)",
                    "leg de bevindingen van deze run vast in het --baseline-BESTAND (aangemaakt als het ontbreekt)"))
      ->needs(file);
}

// `lint` and `check`: apply the certain fixes of the findings, or preview them.
void add_fix_options(CLI::App& command, command_line& cl, const pick& say) {
  CLI::Option* fix = command.add_flag(
      "--fix", cl.fix,
      say("apply every certain fix (marked [*]) to its file, then report what is left",
          "breng elke zekere correctie (gemarkeerd met [*]) aan in het bestand en meld daarna wat overblijft"));
  command
      .add_flag("--diff", cl.fix_diff,
                say("change nothing; print a unified diff of what --fix would change (exit code 1 when it would "
                    "change a file)",
                    "wijzig niets; toon als unified diff wat --fix zou wijzigen (afsluitcode 1 als er een bestand "
                    "zou wijzigen)"))
      ->excludes(fix);
}

// Reads --baseline FILE into `settings`; a missing or invalid file is a usage error (false, already printed).
bool load_baseline(const command_line& cl, run_settings& settings) {
  if (cl.baseline.empty()) return true;
  settings.baseline_path = cl.baseline;
  settings.update_baseline = cl.update_baseline;
  if (cl.update_baseline) return true;  // written, not read
  read_error why;
  std::optional<std::string> content;
  std::error_code status_error;
  const auto status = std::filesystem::status(cl.baseline, status_error);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
      !std::filesystem::is_directory(status)) {
    // A device or pipe might never end (`/dev/zero`).
    why = {"is not a regular file (a device, pipe or socket)", "het is geen gewoon bestand (maar een apparaat, pipe of socket)"};
  } else {
    content = read_whole_file(cl.baseline, why);
  }
  if (!content) {
    tool_error({"cannot read the baseline `" + cl.baseline + "`: " + why.en + "; create it with `--update-baseline`",
                "de baseline `" + cl.baseline + "` is niet te lezen: " + why.nl + "; maak deze aan met `--update-baseline`"});
    return false;
  }
  baseline accepted;
  text error;
  if (!parse_baseline(*content, accepted, error)) {
    tool_error({"`" + cl.baseline + "`: " + error.en, "`" + cl.baseline + "`: " + error.nl});
    return false;
  }
  tool_debug("baseline " + cl.baseline + ": " + std::to_string(accepted.entries.size()) + " recorded findings");
  settings.accepted = std::move(accepted);
  return true;
}

// The language of the run, needed before CLI11 builds its help texts and usage errors: `--lang` anywhere on
// the command line (the last one wins, as in CLI11), else `lang` of the configuration, else English. An
// unusable configuration counts as none here; it is reported properly once the command line is parsed.
language early_language(int argc, char** argv) {
  std::optional<std::string> lang;
  std::optional<std::string> config_path;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    const auto value_of = [&](std::string_view name) -> std::optional<std::string> {
      if (arg == name) return i + 1 < argc ? std::optional<std::string>(argv[i + 1]) : std::nullopt;
      if (arg.size() > name.size() && arg.starts_with(name) && arg[name.size()] == '=')
        return std::string(arg.substr(name.size() + 1));
      return std::nullopt;
    };
    if (auto value = value_of("--lang")) lang = std::move(value);
    if (auto value = value_of("--config")) config_path = std::move(value);
  }
  if (lang == "nl") return language::nl;
  if (lang == "en") return language::en;

  std::filesystem::path path;
  if (config_path) {
    path = *config_path;
  } else if (auto found = discover_config(std::filesystem::current_path())) {
    path = *found;
  } else {
    return language::en;
  }
  read_error why;
  const auto content = read_whole_file(path.string(), why);
  if (!content) return language::en;
  text error;
  std::vector<text> warnings;
  const auto parsed = parse_config(*content, path.string(), path.parent_path(), error, warnings);
  return parsed && parsed->lang ? *parsed->lang : language::en;
}

// CLI11's usage errors in both languages. Its exceptions carry only the English sentence, so the Dutch one is
// made from CLI11's fixed wording; a sentence not recognised keeps CLI11's English text (in a Dutch frame).
text usage_error_text(const CLI::Error& e) {
  std::string en = e.what();
  struct wording {
    const char* pattern;
    const char* dutch;  // std::regex_replace format: $1, $2…
  };
  // Validator details (after "NAME: ") first, then CLI11's own sentences.
  static const wording validations[] = {
      {R"(^(.+): (.*) not in \{(.*)\}$)", "$1: `$2` is niet een van {$3}"},
      // `--jobs many` and `--jobs 5000` alike: CLI11's range check sees text, not yet a number.
      {R"(^(.+): Value (.*) not in range (.*) to (.*)$)", "$1: `$2` is geen getal van $3 tot en met $4"},
      {R"(^(.+): Value (.*) could not be converted.*$)", "$1: `$2` is geen geldig getal"},
  };
  static const wording conversions[] = {
      {R"(^Could not convert: (.+) = (.*)$)", "$1: `$2` is geen geldige waarde"},
      {R"(^The value (.+) is not an allowed value for (.+)$)", "de waarde $1 is niet toegestaan voor $2"},
      {R"(^(.+): too many inputs for a flag$)", "$1: te veel waarden voor een vlag"},
      {R"(^(.+): Should be true/false or a number$)", "$1: moet true/false of een getal zijn"},
  };
  static const wording extras[] = {
      {R"(^The following argument was not expected: (.*)$)", "het volgende argument werd niet verwacht: $1"},
      {R"(^The following arguments were not expected: (.*)$)", "de volgende argumenten werden niet verwacht: $1"},
  };
  static const wording required[] = {
      {R"(^A subcommand is required$)",
       "een subcommando is verplicht: lint, check, test, diff, fmt, checks, explain of lsp"},
      {R"(^Requires at least (\d+) subcommands$)", "ten minste $1 subcommando's zijn verplicht"},
      {R"(^(.+) is required$)", "$1 is verplicht"},
  };
  static const wording mismatches[] = {
      {R"(^Expected exactly (\d+) arguments to (.+), got (\d+)$)",
       "$2 verwacht precies $1 argument(en); u gaf er $3"},
      {R"(^Expected at least (\d+) arguments to (.+), got (\d+)$)",
       "$2 verwacht ten minste $1 argument(en); u gaf er $3"},
      {R"(^(.+): At least (\d+) required but received (\d+)$)", "$1 verwacht ten minste $2 argument(en); u gaf er $3"},
      {R"(^(.+): At Most (\d+) required but received (\d+)$)", "$1 verwacht ten hoogste $2 argument(en); u gaf er $3"},
      // The type (`TEXT:{en,nl}`) is CLI11's, not ours: the option's name says enough.
      {R"(^(.+): (\d+) required (.+) missing$)", "$1: de waarde ontbreekt"},
      {R"(^(.+) was given a disallowed flag override$)", "$1 kreeg een niet-toegestane waarde"},
  };
  static const wording excludes[] = {{R"(^(.+) excludes (.+)$)", "$1 kan niet samen met $2"}};
  static const wording requires_[] = {{R"(^(.+) requires (.+)$)", "$1 vereist $2"}};
  static const wording not_found[] = {{R"(^(.+) not found$)", "$1 niet gevonden"}};

  std::span<const wording> candidates;
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) candidates = extras;
  else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) candidates = required;
  else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) candidates = mismatches;
  else if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) candidates = validations;
  else if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) candidates = conversions;
  else if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr) candidates = excludes;
  else if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr) candidates = requires_;
  else if (dynamic_cast<const CLI::OptionNotFound*>(&e) != nullptr) candidates = not_found;

  std::string nl = en;  // not recognised: CLI11's English text
  for (const wording& w : candidates) {
    const std::regex pattern(w.pattern);
    if (std::regex_match(en, pattern)) {
      nl = std::regex_replace(en, pattern, w.dutch);
      break;
    }
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr && nl == en) {
    // An unknown validator detail: at least the frame in Dutch.
    const auto colon = en.find(": ");
    if (colon != std::string::npos) nl = en.substr(0, colon) + ": ongeldige waarde (" + en.substr(colon + 2) + ")";
  }
  // Messages start in lowercase (the project's style); CLI11 starts its sentences with a capital.
  if (!en.empty() && en[0] >= 'A' && en[0] <= 'Z' && !(en.size() > 1 && en[1] >= 'A' && en[1] <= 'Z'))
    en[0] = static_cast<char>(en[0] - 'A' + 'a');
  return {en, nl};
}

// Dutch labels for the parts of CLI11's help that are not our own descriptions.
void use_dutch_help_labels(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", "Gebruik");
  formatter->label("OPTIONS", "OPTIES");
  formatter->label("SUBCOMMAND", "SUBCOMMANDO");
  formatter->label("SUBCOMMANDS", "SUBCOMMANDO'S");
  formatter->label("Positionals", "Argumenten");
  formatter->label("REQUIRED", "VERPLICHT");
  formatter->label("TEXT", "TEKST");
  formatter->label("UINT", "GETAL");
  // With a validator CLI11 shows the type and the validator together, and looks the whole up as one label.
  formatter->label("TEXT:{en,nl}", "TAAL:{en,nl}");
  formatter->label("TEXT:{error,warning,info}", "ERNST:{error,warning,info}");
  formatter->label("TEXT:{auto,always,never}", "KLEUR:{auto,always,never}");
  formatter->label("UINT:UINT in [0 - 1024]", "AANTAL:0 tot en met 1024");
  formatter->label("Needs", "Vereist");
  formatter->label("Excludes", "Sluit uit");
  app.option_defaults()->group("Opties");
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
      tool_error({"unknown output format `" + name + "`; use `text`, `short`, `json`, `sarif`, `junit`, `github`, `html` or `xlsx`",
                  "onbekend uitvoerformaat `" + name + "`; gebruik `text`, `short`, `json`, `sarif`, `junit`, `github`, `html` of `xlsx`"});
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
    if (target.format == report_format::xlsx && target.to_stdout()) {
      tool_error({"`--format " + spec + "` needs a file: a spreadsheet is binary and is not written to standard "
                  "output; name one, e.g. `--format xlsx:report.xlsx`",
                  "`--format " + spec + "` heeft een bestand nodig: een spreadsheet is binair en wordt niet naar de "
                  "standaarduitvoer geschreven; noem er een, bijvoorbeeld `--format xlsx:rapport.xlsx`"});
      return std::nullopt;
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
                "de configuratie `" + shown + "` is niet te lezen: " + why.nl});
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

// The subcommand the command line names (its first word that is not an option or an option's value), so that
// only its options are built: defining every subcommand's options cost a tenth of a small check's start-up
// (issue #10). nullopt for `--generate`, which prints every definition. Another or no word (`akkoord --help`,
// a typo) defines no subcommand's options: CLI11's top-level help and usage errors do not show them.
std::optional<std::string_view> named_subcommand(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") return "";
    if (!arg.starts_with('-')) return arg;
    const std::string_view name = arg.substr(0, arg.find('='));
    if (name == "--generate") return std::nullopt;
    const CLI::Option* option = app.get_option_no_throw(std::string(name));
    if (option != nullptr && option->get_items_expected_min() > 0 && name.size() == arg.size()) ++i;  // its value
  }
  return "";
}

int run(int argc, char** argv) {
  const language early = early_language(argc, argv);
  set_message_language(early);
  const pick say{early};

  CLI::App app{say("akkoord: checks the yearly execution plans of a cooperation agreement against its terms",
                   "akkoord: controleert de jaarlijkse uitvoeringsplannen van een samenwerkingsovereenkomst aan "
                   "de afspraken"),
               "akkoord"};
  if (early == language::nl) use_dutch_help_labels(app);
  // Before the subcommands: they copy the help flag, description included.
  app.set_help_flag("-h,--help", say("Print this help message and exit", "toon deze hulp en stop"));
  app.set_version_flag("--version", [early] { return version_text(early); },
                       say("print the version, the git revision and the BBV taakveld lists inside, and exit",
                           "toon de versie, de git-revisie en de opgenomen BBV-taakveldlijsten, en stop"));
  app.require_subcommand(1);
  app.footer(exit_codes_summary(early) +
             say("\nSee `akkoord checks` and `akkoord explain ID`.", "\nZie `akkoord checks` en `akkoord explain ID`."));

  command_line cl;
  // Also before the subcommand (`akkoord --lang nl check …`), so the language can come first.
  add_lang_option(app, cl, say);
  // For packagers: printed from this very definition, so the man page and completion never miss an option.
  app.add_option_function<std::string>(
         "--generate",
         [&app, early](const std::string& kind) {
           const std::string generated = kind == "man" ? man_page(app, early) : bash_completion(app);
           // A man page cut short by a full disk must fail the build, not install half a page.
           if (std::fwrite(generated.data(), 1, generated.size(), stdout) != generated.size() ||
               std::fflush(stdout) != 0)
             throw std::runtime_error("cannot write to standard output");
           throw CLI::Success();
         },
         say("print the man page (in the language of --lang) or the bash completion script, and exit",
             "druk de man-pagina (in de taal van --lang) of het bash-aanvulscript af, en stop"))
      ->check(CLI::IsMember({"man", "complete-bash"}))
      ->type_name(say("KIND", "SOORT"));
  const std::string rules_help = say("the agreement file (default: `rules` of .akkoord.toml)",
                                     "het afsprakenbestand (standaard: `rules` uit .akkoord.toml)");
  const std::string subcommand_group = say("Subcommands", "Subcommando's");
  const std::optional<std::string_view> named = named_subcommand(app, argc, argv);
  const auto defining = [&named](const CLI::App* command) { return !named || command->get_name() == *named; };

  CLI::App* lint = app.add_subcommand("lint", say("check agreement files (.akkoord) themselves",
                                                  "controleer afsprakenbestanden (.akkoord) zelf"));
  if (defining(lint)) {
    // Positional names appear in help and usage errors, so they follow the language too.
    lint->add_option(say("FILE", "BESTAND"), cl.inputs, say("agreement files", "afsprakenbestanden"))
        ->required()
        ->type_name("");  // the name says what it is; CLI11's `TEXT` would add nothing but English
    add_common_options(*lint, cl, say);
    add_baseline_options(*lint, cl, say);
    add_fix_options(*lint, cl, say);
  }

  CLI::App* check = app.add_subcommand("check", say("check plans (.toml) against an agreement",
                                                    "controleer plannen (.toml) aan afspraken"));
  if (defining(check)) {
    check->add_option("--rules", cl.rules, rules_help)->type_name(say("FILE", "BESTAND"));
    check->add_option("PLAN", cl.inputs,
                      say("plan files, or directories searched for *.toml (default: `plans` of .akkoord.toml)",
                          "planbestanden, of mappen met *.toml (standaard: `plans` uit .akkoord.toml)"))
        ->type_name("");
    check->add_flag("--changed", cl.changed,
                    say("the arguments are the changed files of a commit (pre-commit): check the changed configured "
                        "plans, or every configured plan when the agreement or .akkoord.toml changed; other files "
                        "are left alone",
                        "de argumenten zijn de gewijzigde bestanden van een commit (pre-commit): controleer de "
                        "gewijzigde geconfigureerde plannen, of alle geconfigureerde plannen als de afspraken of "
                        ".akkoord.toml zijn gewijzigd; andere bestanden blijven buiten beschouwing"));
    add_common_options(*check, cl, say);
    add_baseline_options(*check, cl, say);
    add_fix_options(*check, cl, say);
  }

  CLI::App* test = app.add_subcommand(
      "test", say("rule tests: each plan in DIR states the findings it must produce "
                  "(`# expect: ID` on the line, or `# expect-anywhere: ID`)",
                  "regeltests: elk plan in MAP noemt de bevindingen die het moet opleveren "
                  "(`# expect: ID` op de regel, of `# expect-anywhere: ID`)"));
  if (defining(test)) {
    test->add_option("--rules", cl.rules, rules_help)->type_name(say("FILE", "BESTAND"));
    test->add_option(say("DIR", "MAP"), cl.inputs,
                     say("directories of plans (*.toml), or plan files", "mappen met plannen (*.toml), of planbestanden"))
        ->required()
        ->type_name("");
    add_common_options(*test, cl, say);
  }

  CLI::App* checks = app.add_subcommand("checks", say("list every check with its id, severity and one line",
                                                      "toon elke controle met id, ernst en één regel uitleg"));
  if (defining(checks)) {
    add_common_options(*checks, cl, say);
  }

  CLI::App* explain =
      app.add_subcommand("explain", say("print the documentation of a check", "toon de documentatie van een controle"));
  if (defining(explain)) {
    explain->add_option("ID", cl.check_id, say("a check id, e.g. returned-competence",
                                               "een controle-id, bijvoorbeeld returned-competence"))
        ->required()
        ->type_name("");
    add_common_options(*explain, cl, say);
  }

  CLI::App* diff = app.add_subcommand("diff", say("what an agreement edit changes, and which plans it breaks",
                                                  "wat een wijziging van de afspraken verandert, en welke plannen "
                                                  "erdoor breken"));
  if (defining(diff)) {
    diff->add_option(say("OLD NEW", "OUD NIEUW"), cl.inputs,
                     say("the agreement before and after the edit (with --git: only FILE, as it is now)",
                         "de afspraken voor en na de wijziging (met --git: alleen BESTAND, zoals het nu is)"))
        ->required()
        ->type_name("")
        ->expected(1, 2);
    diff->add_option("--git", cl.git_revision,
                     say("compare FILE with FILE and its includes as they were at git revision REV (e.g. origin/main)",
                         "vergelijk BESTAND met BESTAND en zijn includes zoals ze waren in git-revisie REV "
                         "(bijvoorbeeld origin/main)"))
        ->type_name("REV");
    diff->add_option("--plans", cl.plans,
                     say("check every plan under DIR (or FILE) against both versions and report what the edit breaks; "
                         "repeatable",
                         "controleer elk plan onder MAP (of BESTAND) tegen beide versies en meld wat de wijziging "
                         "breekt; herhaalbaar"))
        ->type_name(say("DIR", "MAP"))
        ->allow_extra_args(false);
    add_common_options(*diff, cl, say);
  }

  CLI::App* fmt = app.add_subcommand("fmt", say("format agreement files (.akkoord) in the canonical layout",
                                                "maak afsprakenbestanden (.akkoord) op in de standaardindeling"));
  if (defining(fmt)) {
    fmt->add_option(say("FILE", "BESTAND"), cl.inputs,
                    say("agreement files; `-` reads standard input and writes standard output",
                        "afsprakenbestanden; `-` leest de standaardinvoer en schrijft naar de standaarduitvoer"))
        ->required()
        ->type_name("");
    fmt->add_flag("--check", cl.fmt_check,
                  say("change nothing; name the files that are not formatted (exit code 1 when there are any)",
                      "wijzig niets; noem de bestanden die niet zijn opgemaakt (afsluitcode 1 als die er zijn)"));
    fmt->add_flag("--diff", cl.fmt_diff,
                  say("change nothing; print a unified diff of what formatting would change (exit code 1 when it "
                      "changes something)",
                      "wijzig niets; toon als unified diff wat het opmaken zou wijzigen (afsluitcode 1 als er iets "
                      "wijzigt)"));
    add_lang_option(*fmt, cl, say);
    fmt->add_option("--config", cl.config,
                    say("configuration file, for `lang` (default: .akkoord.toml here or in a parent)",
                        "configuratiebestand, voor `lang` (standaard: .akkoord.toml hier of in een bovenliggende map)"))
        ->type_name(say("FILE", "BESTAND"));
    fmt->add_flag("--quiet,-q", cl.quiet,
                  say("print only errors, no line per file and no summary",
                      "toon alleen fouten, geen regel per bestand en geen samenvatting"));
    fmt->add_flag("--verbose,-v", cl.verbose, say("log what the tool does to stderr", "meld op stderr wat het programma doet"));
    fmt->footer(say("Exit codes: 0 every file is formatted (or is now); 1 a file has syntax errors or cannot be read, or "
                    "with --check or --diff a file would change; 2 usage error, or a file that cannot be written.",
                    "Afsluitcodes: 0 elk bestand is opgemaakt (of is dat nu); 1 een bestand bevat syntaxisfouten of is "
                    "niet te lezen, of met --check of --diff zou een bestand wijzigen; 2 gebruiksfout, of een bestand "
                    "dat niet te schrijven is."));
  }
  CLI::App* lsp = app.add_subcommand("lsp", say("run the language server for editors (LSP over stdin and stdout)",
                                                "start de taalserver voor editors (LSP via stdin en stdout)"));
  // The protocol's own exit codes (LSP `exit`), not the findings': those go to the editor.
  lsp->footer(say("Exit codes: 0 the editor asked to shut down before it stopped; 1 it stopped (`exit`, or the end "
                  "of the input) without asking to shut down first; 2 usage error.",
                  "Afsluitcodes: 0 de editor vroeg om af te sluiten voordat hij stopte; 1 de editor stopte (`exit`, "
                  "of het einde van de invoer) zonder eerst om afsluiten te vragen; 2 gebruiksfout."));
  for (CLI::App* command : {lint, check, test, checks, explain, diff, fmt, lsp}) {
    command->group(subcommand_group);
    // A subcommand's help flag is made before it takes the option defaults, so its group is set here.
    command->get_help_ptr()->group(app.option_defaults()->get_group());
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e) == 0 ? exit_clean : exit_trouble;  // --help and --version: CLI11 prints them, exit 0
  } catch (const CLI::ParseError& e) {
    // Every real parse error is a usage error (2), told in the run's language.
    tool_error(usage_error_text(e));
    std::string help = "akkoord --help";
    for (const CLI::App* command : app.get_subcommands()) help = "akkoord " + command->get_name() + " --help";
    std::fprintf(stderr, "akkoord: %s\n",
                 say("run `" + help + "` for more information", "voer `" + help + "` uit voor meer informatie").c_str());
    return exit_trouble;
  }

  init_logging(cl.verbose);
  if (cl.lang == "nl") set_message_language(language::nl);
  // The editor sends its own settings; each file's `.akkoord.toml` is read as the file is checked.
  if (lsp->parsed()) {
    std::ios::sync_with_stdio(false);  // the server reads byte by byte: unsynchronised streams buffer
    return lsp::run_language_server(std::cin, std::cout);
  }

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
  settings.fail_on = parse_severity(cl.fail_on)
                         .value_or(configuration && configuration->fail_on ? *configuration->fail_on : severity::error);
  settings.jobs = cl.jobs != 0 ? cl.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (configuration) {
    settings.checks.overrides = configuration->checks;
    if (configuration->budget_swing_threshold)
      settings.checks.parameters.budget_swing_threshold = *configuration->budget_swing_threshold;
  }
  if ((lint->parsed() || check->parsed()) && !load_baseline(cl, settings)) return exit_trouble;
  // Only `check`, `lint` and `diff` report a run, in every format and to several places. The others write one
  // text (`checks`: or JSON) to stdout or one file: another format would be a file that claims to be a workbook
  // or a SARIF log and holds text, and a second `--format` a report silently never written.
  if (!(lint->parsed() || check->parsed() || diff->parsed())) {
    const CLI::App* command = app.get_subcommands().empty() ? nullptr : app.get_subcommands().front();
    const std::string name = command != nullptr ? command->get_name() : std::string("akkoord");
    const bool writes_json = checks->parsed();
    for (const report_target& target : settings.reports) {
      const bool text_form = target.format == report_format::text || target.format == report_format::short_;
      if (text_form || (writes_json && target.format == report_format::json)) continue;
      const std::string format(report_format_name(target.format));
      const std::string writes = writes_json ? "`text` or `json`" : "`text`";
      tool_error({"`--format " + format + "` is a report of `check`, `lint` and `diff`; `akkoord " + name +
                      "` writes " + writes,
                  "`--format " + format + "` is een rapport van `check`, `lint` en `diff`; `akkoord " + name +
                      "` schrijft " + (writes_json ? "`text` of `json`" : "`text`")});
      return exit_trouble;
    }
    if (settings.reports.size() > 1) {
      tool_error({"`akkoord " + name + "` writes one report: give `--format` once",
                  "`akkoord " + name + "` schrijft één rapport: geef `--format` één keer op"});
      return exit_trouble;
    }
  }
  settings.fix = cl.fix        ? run_settings::fix_mode::apply
                 : cl.fix_diff ? run_settings::fix_mode::preview
                               : run_settings::fix_mode::off;

  if (lint->parsed()) return run_lint(cl.inputs, settings);
  if (fmt->parsed()) return run_fmt({cl.inputs, cl.fmt_check, cl.fmt_diff}, settings);
  if (checks->parsed()) return run_checks(settings);
  if (explain->parsed()) return run_explain(cl.check_id, settings);
  if (diff->parsed()) {
    diff_request request;
    request.plans = cl.plans;
    // In a document repository the configured plans are the ones an agreement edit may break.
    if (request.plans.empty() && configuration && !configuration->plans.empty())
      request.configured = configured_plans(*configuration);
    if (!cl.git_revision.empty()) {
      if (cl.inputs.size() != 1) {
        tool_error({"`diff --git REV` takes one FILE: the agreement as it is now, compared with itself at REV",
                    "`diff --git REV` verwacht één BESTAND: de afspraken zoals ze nu zijn, vergeleken met dezelfde afspraken in REV"});
        return exit_trouble;
      }
      request.before = request.after = cl.inputs.front();
      request.revision = cl.git_revision;
    } else {
      if (cl.inputs.size() != 2) {
        tool_error({"`diff` takes OLD and NEW, or `--git REV FILE`",
                    "`diff` neemt OUD en NIEUW, of `--git REV BESTAND`"});
        return exit_trouble;
      }
      request.before = cl.inputs.at(0);
      request.after = cl.inputs.at(1);
    }
    return run_diff(request, settings);
  }

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
  const auto plans = select_plans(cl.inputs, cl.changed, configuration);
  if (!plans) return exit_trouble;
  return run_check(rules, *plans, settings);
}

}  // namespace
}  // namespace akkoord::cli

int main(int argc, char** argv) {
  // Never a crash or an uncaught exception: anything unexpected is an internal failure, exit code 2.
  try {
    return akkoord::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "akkoord: internal error: %s\n", akkoord::printable(e.what()).c_str());
  } catch (...) {
    std::fprintf(stderr, "akkoord: internal error\n");
  }
  return akkoord::cli::exit_trouble;
}

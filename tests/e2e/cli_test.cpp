// The built `akkoord` binary, run as users and CI run it: exit codes, output, JSON, configuration, colour,
// parallel checking and report files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <utility>

#include "akkoord/source.hpp"
#include "strict_json.hpp"
#include "run_process.hpp"

namespace {

namespace fs = std::filesystem;
using e2e::run;

std::string aa_agreement() { return e2e::read_file(e2e::source_dir() / "rules" / "aa.akkoord"); }

// A small 2025 plan against rules/aa.akkoord; `extra` is appended (more activities, mistakes).
std::string plan_2025(const std::string& extra = "") {
  return "[plan]\n"
         "agreement = \"AA\"\n"
         "municipality = \"aalsmeer\"\n"
         "year = 2025\n"
         "\n"
         "[[activity]]\n"
         "id = \"A-001\"\n"
         "task = \"burgerzaken\"\n"
         "executor = \"AA\"\n"
         "taakveld = \"0.2\"\n"
         "budget = 850_000\n" +
         extra;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

std::string last_line(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == '\r')) trimmed.pop_back();
  const auto nl = trimmed.rfind('\n');
  return nl == std::string::npos ? trimmed : trimmed.substr(nl + 1);
}

// --- basics -------------------------------------------------------------------------------------------------

TEST(Cli, VersionAndHelpExitZero) {
  const auto version = run({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("akkoord ", 0), 0u) << version.out;
  const auto help = run({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"lint", "check", "checks", "explain"}) EXPECT_NE(help.out.find(command), std::string::npos);
  const auto check_help = run({"check", "--help"});
  EXPECT_EQ(check_help.exit_code, 0);
  EXPECT_NE(check_help.out.find("--rules"), std::string::npos);
  EXPECT_NE(check_help.out.find("--fail-on"), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run({}).exit_code, 2);
  EXPECT_EQ(run({"lnit", "rules/aa.akkoord"}).exit_code, 2);
  EXPECT_EQ(run({"lint"}).exit_code, 2);  // no file
  EXPECT_EQ(run({"lint", "rules/aa.akkoord", "--fail-on", "fatal"}).exit_code, 2);
  EXPECT_EQ(run({"lint", "rules/aa.akkoord", "--color", "sometimes"}).exit_code, 2);
  EXPECT_EQ(run({"lint", "rules/aa.akkoord", "--lang", "de"}).exit_code, 2);
  EXPECT_EQ(run({"lint", "rules/aa.akkoord", "--jobs", "many"}).exit_code, 2);
  EXPECT_EQ(run({"lint", "rules/aa.akkoord", "--no-such-option"}).exit_code, 2);
}

TEST(Cli, UsageErrorsAreInTheChosenLanguage) {
  const auto dutch = run({"--lang", "nl", "check", "plan.toml", "--bogus"});
  EXPECT_EQ(dutch.exit_code, 2);
  EXPECT_NE(dutch.err.find("akkoord: fout: het volgende argument werd niet verwacht: --bogus"), std::string::npos)
      << dutch.err;
  EXPECT_NE(dutch.err.find("voor meer informatie"), std::string::npos) << dutch.err;
  EXPECT_EQ(dutch.err.find("not expected"), std::string::npos) << dutch.err;
  EXPECT_EQ(dutch.err.find("Run with"), std::string::npos) << dutch.err;

  const auto english = run({"check", "plan.toml", "--bogus"});
  EXPECT_EQ(english.exit_code, 2);
  EXPECT_NE(english.err.find("akkoord: error: the following argument was not expected: --bogus"), std::string::npos)
      << english.err;
  EXPECT_NE(english.err.find("for more information"), std::string::npos) << english.err;

  // `--lang=nl` after the subcommand, and the other common error types.
  const auto missing = run({"lint", "--lang=nl"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("akkoord: fout: BESTAND is verplicht"), std::string::npos) << missing.err;
  const auto invalid = run({"lint", "rules/aa.akkoord", "--lang", "nl", "--fail-on", "fatal"});
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_NE(invalid.err.find("akkoord: fout: --fail-on: `fatal` is niet een van"), std::string::npos) << invalid.err;
  const auto no_value = run({"lint", "rules/aa.akkoord", "--lang", "nl", "--fail-on"});
  EXPECT_EQ(no_value.exit_code, 2);
  EXPECT_NE(no_value.err.find("akkoord: fout: --fail-on"), std::string::npos) << no_value.err;
  EXPECT_EQ(no_value.err.find("required"), std::string::npos) << no_value.err;
  const auto no_command = run({"--lang", "nl"});
  EXPECT_EQ(no_command.exit_code, 2);
  EXPECT_NE(no_command.err.find("akkoord: fout: een subcommando is verplicht"), std::string::npos) << no_command.err;
}

// CLI11 writes its errors in English only; in Dutch mode none of its phrases may come through.
TEST(Cli, UsageErrorsInDutchHaveNoEnglishPhrase) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"lint", "rules/aa.akkoord", "--jobs", "many"}, "--jobs: `many` is geen getal van 0 tot en met 1024"},
      {{"lint", "rules/aa.akkoord", "--jobs", "5000"}, "--jobs: `5000` is geen getal van 0 tot en met 1024"},
      {{"lint", "rules/aa.akkoord", "--quiet=maybe"}, "--quiet: `maybe` is geen geldige waarde"},
      {{"lint", "rules/aa.akkoord", "--format"}, "--format: de waarde ontbreekt"},
      {{"diff", "a", "b", "c"}, "OUD NIEUW verwacht ten hoogste 2 argument(en); u gaf er 3"},
      {{"diff"}, "OUD NIEUW is verplicht"},
      {{"test"}, "MAP is verplicht"},
      {{"explain", "a", "b"}, "het volgende argument werd niet verwacht: b"},
      {{"check", "--update-baseline"}, "--update-baseline vereist --baseline"},
  };
  const std::regex english(
      "Value|not in range|required|Could not|convert|Expected|expected|Run with|received|missing|FILE|DIR|OLD");
  for (const auto& [args, dutch] : cases) {
    std::vector<std::string> with_lang{"--lang", "nl"};
    with_lang.insert(with_lang.end(), args.begin(), args.end());
    const auto result = run(with_lang);
    EXPECT_EQ(result.exit_code, 2) << args.front();
    EXPECT_NE(result.err.find("akkoord: fout: " + dutch + "\n"), std::string::npos) << result.err;
    EXPECT_FALSE(std::regex_search(result.err, english)) << result.err;
  }
}

TEST(Cli, HelpInDutchNamesArgumentsAndTypesInDutch) {
  const auto diff = run({"--lang", "nl", "diff", "--help"});
  EXPECT_EQ(diff.exit_code, 0);
  EXPECT_NE(diff.out.find("Gebruik: akkoord diff [OPTIES] OUD NIEUW"), std::string::npos) << diff.out;
  const auto check = run({"check", "--help", "--lang", "nl"});
  for (const char* dutch : {"--rules BESTAND", "--config BESTAND", "-o,--output BESTAND", "--lang TAAL:{en,nl}",
                            "--jobs AANTAL:0 tot en met 1024", "toon deze hulp en stop"})
    EXPECT_NE(check.out.find(dutch), std::string::npos) << dutch << " in\n" << check.out;
  const std::regex english("\\b(TEXT|UINT|FILE|DIR|Usage|OPTIONS|Options|Positionals|REQUIRED|Print this)\\b");
  EXPECT_FALSE(std::regex_search(check.out, english)) << check.out;
  const auto english_check = run({"check", "--help"});
  EXPECT_NE(english_check.out.find("--rules FILE"), std::string::npos) << english_check.out;
}

TEST(Cli, UsageErrorsFollowTheLanguageOfTheConfiguration) {
  e2e::temp_dir dir;
  dir.write(".akkoord.toml", "lang = \"nl\"\n");
  const auto dutch = run({"check", "--bogus"}, {.cwd = dir.path()});
  EXPECT_EQ(dutch.exit_code, 2);
  EXPECT_NE(dutch.err.find("akkoord: fout: "), std::string::npos) << dutch.err;
  const auto overridden = run({"check", "--bogus", "--lang", "en"}, {.cwd = dir.path()});
  EXPECT_NE(overridden.err.find("akkoord: error: "), std::string::npos) << overridden.err;
}

TEST(Cli, HelpIsInTheChosenLanguage) {
  const auto dutch = run({"--lang", "nl", "--help"});
  EXPECT_EQ(dutch.exit_code, 0);
  EXPECT_NE(dutch.out.find("controleer plannen (.toml) aan afspraken"), std::string::npos) << dutch.out;
  EXPECT_NE(dutch.out.find("Afsluitcodes:"), std::string::npos) << dutch.out;
  EXPECT_NE(dutch.out.find("Gebruik:"), std::string::npos) << dutch.out;
  EXPECT_EQ(dutch.out.find("check plans (.toml) against an agreement"), std::string::npos) << dutch.out;
  const auto dutch_check = run({"check", "--help", "--lang=nl"});
  EXPECT_EQ(dutch_check.exit_code, 0);
  EXPECT_NE(dutch_check.out.find("het afsprakenbestand"), std::string::npos) << dutch_check.out;
  EXPECT_NE(dutch_check.out.find("taal van de meldingen"), std::string::npos) << dutch_check.out;

  const auto english = run({"--help"});
  EXPECT_EQ(english.exit_code, 0);
  EXPECT_NE(english.out.find("check plans (.toml) against an agreement"), std::string::npos) << english.out;
  EXPECT_NE(english.out.find("Exit codes:"), std::string::npos) << english.out;
  EXPECT_NE(english.out.find("Usage:"), std::string::npos) << english.out;
  EXPECT_EQ(english.out.find("Afsluitcodes"), std::string::npos) << english.out;
}

TEST(Cli, UnknownFormatsAreRejectedClearly) {
  const auto bogus = run({"lint", "rules/aa.akkoord", "--format", "yaml"});
  EXPECT_EQ(bogus.exit_code, 2);
  EXPECT_NE(bogus.err.find("unknown output format `yaml`"), std::string::npos) << bogus.err;
  EXPECT_TRUE(bogus.out.empty());
}

// `test`, `checks` and `explain` write one text (`checks`: or JSON): a file named for another format, or a
// second report, is refused before anything is written, never filled with text or silently left out.
TEST(Cli, CommandsThatWriteTextRefuseOtherFormats) {
  const e2e::temp_dir dir;
  const fs::path target = dir.path() / "report.out";
  const std::vector<std::vector<std::string>> commands = {
      {"test", "--rules", "rules/aa.akkoord", "samples/rule-tests"}, {"checks"}, {"explain", "period-overlap"}};
  for (const auto& command : commands) {
    for (const std::string format : {"junit", "sarif", "html", "github", "xlsx"}) {
      std::vector<std::string> args = command;
      args.insert(args.end(), {"--format", format + ":" + target.string()});
      const auto refused = run(args);
      EXPECT_EQ(refused.exit_code, 2) << command[0] << " " << format << ": " << refused.err;
      EXPECT_NE(refused.err.find("`--format " + format + "` is a report of `check`, `lint` and `diff`; `akkoord " +
                                 command[0] + "` writes"),
                std::string::npos)
          << refused.err;
      EXPECT_FALSE(fs::exists(target)) << command[0] << " " << format;
    }
    std::vector<std::string> twice = command;
    twice.insert(twice.end(), {"--format", "text", "--format", "short:" + target.string(), "--lang", "nl"});
    const auto refused = run(twice);
    EXPECT_EQ(refused.exit_code, 2) << command[0];
    EXPECT_NE(refused.err.find("`akkoord " + command[0] + "` schrijft één rapport: geef `--format` één keer op"),
              std::string::npos)
        << refused.err;
    EXPECT_FALSE(fs::exists(target)) << command[0];
  }
  // What they do write still works: `checks` as JSON, `test` as text to a file.
  const auto json = run({"checks", "--format", "json"});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out.rfind("{\"version\": 1", 0), 0u) << json.out;
  const auto to_file = run({"test", "--rules", "rules/aa.akkoord", "samples/rule-tests", "--format", "text:" + target.string()});
  EXPECT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_NE(e2e::read_file(target).find("passed"), std::string::npos);
}

// --- lint ---------------------------------------------------------------------------------------------------

TEST(Lint, ReferenceAgreementIsClean) {
  const auto result = run({"lint", "rules/aa.akkoord"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(result.out, "0 errors, 0 warnings, 0 infos in 1 file\n");
}

TEST(Lint, SeveralFilesAreAllReported) {
  const auto result = run({"lint", "--format", "short", "samples/agreements/period-overlap.akkoord",
                           "no/such/file.akkoord", "samples/agreements", "samples/agreements/saving-arithmetic.akkoord"});
  ASSERT_EQ(result.signal, 0);
  EXPECT_EQ(result.exit_code, 1);  // two of them cannot be read: findings like any other
  EXPECT_NE(result.out.find("samples/agreements/period-overlap.akkoord:"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("[period-overlap]"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("no/such/file.akkoord"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("samples/agreements:"), std::string::npos) << result.out;  // the directory, named
  EXPECT_NE(result.out.find("[saving-arithmetic]"), std::string::npos) << result.out;
  EXPECT_NE(last_line(result.out).find(" in 4 files"), std::string::npos) << result.out;
}

TEST(Lint, AFileNamedTwiceIsLintedOnce) {
  const auto result = run({"lint", "samples/agreements/period-overlap.akkoord",
                           "./samples/agreements/period-overlap.akkoord", "--format", "short"});
  EXPECT_EQ(count(result.out, "[period-overlap]"), 1u) << result.out;
  EXPECT_NE(last_line(result.out).find(" in 1 file"), std::string::npos) << result.out;
}

TEST(Lint, FindingsInTheAgreementExitOne) {
  const auto result = run({"lint", "samples/agreements/period-overlap.akkoord"});
  EXPECT_EQ(result.exit_code, 1) << result.out;
}

// A syntax error is a finding of `lint` (exit code 1); `check` cannot use that agreement (exit code 2).
TEST(Lint, SyntaxErrorsExitOneButCheckCannotLoadTheAgreement) {
  const char* agreement = "samples/agreements/syntax-errors-recovered.akkoord";
  const auto lint = run({"lint", agreement, "--format", "short"});
  EXPECT_EQ(lint.exit_code, 1) << lint.out << lint.err;
  EXPECT_EQ(count(lint.out, "[dsl-syntax]"), 3u) << lint.out;
  EXPECT_EQ(count(lint.out, "[undefined-reference]"), 1u) << "what parsed is linted: " << lint.out;
  const auto check = run({"check", "--rules", agreement, "samples/plans/aalsmeer-2025.toml", "--format", "short"});
  EXPECT_EQ(check.exit_code, 2) << check.out << check.err;
  EXPECT_EQ(count(check.out, "[dsl-syntax]"), 3u) << check.out;
}

TEST(Lint, BadInputNeverCrashes) {
  e2e::temp_dir dir;
  dir.write("empty.akkoord", "");
  dir.write("binary.akkoord", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\xff\xfe\x00\x01", 14));  // 14 bytes, NULs included
  dir.write("latin1.akkoord", "party x \"Gemeente \xe9\xe9n\" { inhabitants 1 }\n");
  dir.write("deep.akkoord", "rule r \"t\" error { require " + std::string(100000, '(') + "1" +
                                std::string(100000, ')') + " }\n");
  for (const char* name : {"empty.akkoord", "binary.akkoord", "latin1.akkoord", "deep.akkoord"}) {
    const auto result = run({"lint", name}, {.cwd = dir.path()});
    EXPECT_EQ(result.signal, 0) << name;
    EXPECT_EQ(result.exit_code, 1) << name << ": " << result.out;  // each a `dsl-syntax` finding
    EXPECT_NE(result.out.find(name), std::string::npos) << result.out;  // the message names the file
  }
}

// `file` and `./file` beside an agreement given by a bare relative path, and a loop of symbolic links, were
// reported as "leads outside the directory": each names the file and why it cannot be read.
TEST(Lint, AnIncludeThatCannotBeReadIsNamedFromAnyWorkingDirectory) {
  e2e::temp_dir dir;
  dir.write("main.akkoord", "include \"file\"\ninclude \"./other.akkoord\"\ninclude \"loop.akkoord\"\n");
  fs::create_symlink("loop.akkoord", dir.path() / "loop.akkoord");
  for (const char* root : {"main.akkoord", "./main.akkoord"}) {
    const auto result = run({"lint", root, "--format", "short"}, {.cwd = dir.path()});
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    const std::string at = std::string(root) + ":";
    EXPECT_NE(result.out.find(at + "1:9: error: cannot read included file `file`: no such file [include-error]"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find(at + "2:9: error: cannot read included file `./other.akkoord`: no such file"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find(at + "3:9: error: cannot read included file `loop.akkoord`: a loop of symbolic links"),
              std::string::npos)
        << result.out;
    EXPECT_EQ(result.out.find("outside"), std::string::npos) << result.out;
  }
}

TEST(Lint, DevicesAreReportedNotRead) {
  // Reading /dev/zero would never end: it is named and skipped, and the other file is still linted.
  const auto result = run({"lint", "/dev/zero", "rules/aa.akkoord", "--format", "short"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("/dev/zero: error: cannot read `/dev/zero`: is not a regular file"), std::string::npos)
      << result.out;
  EXPECT_NE(last_line(result.out).find(" in 2 files"), std::string::npos) << result.out;
}

TEST(Lint, FailOnDecidesTheExitCode) {
  e2e::temp_dir dir;
  // A party nobody refers to: an unused-definition warning, no error.
  dir.write("aa.akkoord", aa_agreement() + "\nparty ouderkerk \"Dorp Ouderkerk\" {\n  roles opdrachtgever\n  inhabitants 9_000\n}\n");
  const auto default_run = run({"lint", "aa.akkoord", "--format", "short"}, {.cwd = dir.path()});
  EXPECT_NE(default_run.out.find("warning:"), std::string::npos) << default_run.out;
  EXPECT_EQ(default_run.out.find("error:"), std::string::npos) << default_run.out;
  EXPECT_EQ(default_run.exit_code, 0);
  EXPECT_EQ(run({"lint", "aa.akkoord", "--fail-on", "warning"}, {.cwd = dir.path()}).exit_code, 1);
  EXPECT_EQ(run({"lint", "aa.akkoord", "--fail-on", "info"}, {.cwd = dir.path()}).exit_code, 1);
  EXPECT_EQ(run({"lint", "aa.akkoord", "--fail-on", "error"}, {.cwd = dir.path()}).exit_code, 0);
}

TEST(Lint, QuietPrintsOnlyTheSummary) {
  const auto result = run({"lint", "samples/agreements/period-overlap.akkoord", "--quiet"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(count(result.out, "\n"), 1u) << result.out;
  EXPECT_TRUE(std::regex_search(result.out, std::regex("^[1-9][0-9]* errors?, [0-9]+ warnings?, [0-9]+ infos? in 1 file\n$")))
      << result.out;
}

TEST(Lint, DutchOutput) {
  const auto result = run({"lint", "samples/agreements/period-overlap.akkoord", "--lang", "nl"});
  EXPECT_NE(result.out.find(": fout: "), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(" in 1 bestand\n"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find(": error: "), std::string::npos) << result.out;
}

// --- JSON ---------------------------------------------------------------------------------------------------

TEST(Json, LintReportIsValidAndConsistent) {
  const auto result = run({"lint", "--format", "json", "samples/agreements/period-overlap.akkoord", "rules/aa.akkoord"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_FALSE(akkoord::find_invalid_utf8(result.out).has_value());
  nlohmann::ordered_json doc;
  ASSERT_NO_THROW(doc = strict_json::parse(result.out)) << result.out;
  EXPECT_EQ(strict_json::keys(doc), (std::vector<std::string>{"version", "findings", "summary", "plans"}));
  EXPECT_EQ(doc.at("version").get<double>(), 1);
  EXPECT_TRUE(doc.at("plans").empty()) << "lint checks no plan";
  std::size_t errors = 0, warnings = 0, infos = 0, suppressed = 0;
  bool overlap_seen = false;
  for (const nlohmann::ordered_json& f : doc.at("findings")) {
    for (const char* key : {"id", "severity", "message", "file", "line", "column", "end_line", "end_column", "related",
                            "help", "suppressed"})
      EXPECT_TRUE(f.contains(key)) << key;
    const std::string& level = f.at("severity").get<std::string>();
    EXPECT_TRUE(level == "error" || level == "warning" || level == "info") << level;
    if (f.at("suppressed").get<bool>()) {
      ++suppressed;
    } else {
      (level == "error" ? errors : level == "warning" ? warnings : infos)++;
    }
    for (const nlohmann::ordered_json& r : f.at("related"))
      EXPECT_EQ(strict_json::keys(r), (std::vector<std::string>{"file", "line", "column", "message"}));
    if (f.at("id").get<std::string>() == "period-overlap") {
      overlap_seen = true;
      EXPECT_EQ(f.at("file").get<std::string>(), "samples/agreements/period-overlap.akkoord");  // paths as given
      EXPECT_GE(f.at("line").get<double>(), 1);
      EXPECT_GE(f.at("column").get<double>(), 1);
      EXPECT_FALSE(f.at("related").empty()) << "period-overlap names the other period";
    }
  }
  EXPECT_TRUE(overlap_seen) << result.out;
  const nlohmann::ordered_json& summary = doc.at("summary");
  EXPECT_EQ(summary.at("files").get<double>(), 2);
  EXPECT_EQ(summary.at("errors").get<double>(), static_cast<double>(errors));
  EXPECT_EQ(summary.at("warnings").get<double>(), static_cast<double>(warnings));
  EXPECT_EQ(summary.at("infos").get<double>(), static_cast<double>(infos));
  EXPECT_EQ(summary.at("suppressed").get<double>(), static_cast<double>(suppressed));
}

TEST(Json, CleanRunHasNoFindings) {
  const auto result = run({"lint", "--format", "json", "rules/aa.akkoord"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "{\"version\": 1, \"findings\": [], \"summary\": {\"files\": 1, \"errors\": 0, \"warnings\": 0, "
                        "\"infos\": 0, \"suppressed\": 0}, \"plans\": []}\n");
}

// --- checks and explain -------------------------------------------------------------------------------------

TEST(Checks, ListsEveryCheckSortedWithSeverity) {
  const auto result = run({"checks"});
  EXPECT_EQ(result.exit_code, 0);
  std::istringstream lines(result.out);
  std::string line;
  std::getline(lines, line);  // header
  std::vector<std::string> ids;
  const std::regex row("^([a-z0-9]+(-[a-z0-9]+)*) +(error|warning|info) +(plan|agreement|both) +\\S.*$");
  while (std::getline(lines, line)) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, row)) << line;
    ids.push_back(m[1]);
  }
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  for (const char* id : {"period-overlap", "dsl-syntax", "returned-competence", "contribution-mismatch",
                         "unknown-taakveld", "suppression"})
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
}

TEST(Checks, JsonListMatchesTheTable) {
  const auto table = run({"checks"});
  const auto json = run({"checks", "--format", "json"});
  EXPECT_EQ(json.exit_code, 0);
  const auto doc = strict_json::parse(json.out);
  const auto& checks = doc.at("checks");
  EXPECT_EQ(checks.size() + 1, count(table.out, "\n"));
  for (const auto& c : checks) {
    EXPECT_EQ(strict_json::keys(c), (std::vector<std::string>{"id", "severity", "scope", "summary"}));
    EXPECT_NE(table.out.find(c.at("id").get<std::string>() + " "), std::string::npos);
  }
}

// A check may judge agreements, plans or both; the table, the JSON list and the JUnit testcases all say so.
TEST(Checks, ACheckOfBothScopesRunsOnPlansAndAgreements) {
  const auto json = strict_json::parse(run({"checks", "--format", "json"}).out);
  std::string scope;
  for (const auto& c : json.at("checks"))
    if (c.at("id") == "unknown-taakveld") scope = c.at("scope");
  EXPECT_EQ(scope, "both");
  EXPECT_NE(run({"checks"}).out.find("both"), std::string::npos);
  const auto junit = run({"check", "--rules", "rules/aa.akkoord", "samples/plans/aalsmeer-2025.toml", "--format", "junit"});
  const auto plan_suite = junit.out.find("<testsuite name=\"samples/plans/aalsmeer-2025.toml\"");
  const auto agreement_suite = junit.out.find("<testsuite name=\"rules/aa.akkoord\"");
  ASSERT_NE(plan_suite, std::string::npos) << junit.out;
  ASSERT_NE(agreement_suite, std::string::npos) << junit.out;
  const std::string plan_part = plan_suite < agreement_suite ? junit.out.substr(plan_suite, agreement_suite - plan_suite)
                                                             : junit.out.substr(plan_suite);
  EXPECT_NE(plan_part.find("name=\"unknown-taakveld\""), std::string::npos) << plan_part;
}

TEST(Explain, PrintsTheDocumentationPage) {
  const auto result = run({"explain", "period-overlap"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out.rfind("# period-overlap", 0), 0u) << result.out;
  EXPECT_NE(result.out.find("## What it does"), std::string::npos);
}

TEST(Explain, UnknownIdIsAUsageErrorWithDidYouMean) {
  const auto result = run({"explain", "period-overlapp"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(result.out.empty());
  EXPECT_NE(result.err.find("did you mean `period-overlap`?"), std::string::npos) << result.err;
  const auto dutch = run({"explain", "period-overlapp", "--lang", "nl"});
  EXPECT_NE(dutch.err.find("bedoelde u `period-overlap`?"), std::string::npos) << dutch.err;
}

TEST(Explain, EveryListedCheckHasAPage) {
  const auto doc = strict_json::parse(run({"checks", "--format", "json"}).out);
  for (const auto& c : doc.at("checks")) {
    const auto result = run({"explain", c.at("id").get<std::string>()});
    EXPECT_EQ(result.exit_code, 0) << c.at("id").get<std::string>();
    EXPECT_EQ(result.out.rfind("# " + c.at("id").get<std::string>(), 0), 0u) << c.at("id").get<std::string>();
  }
}

// --- colour -------------------------------------------------------------------------------------------------

TEST(Color, OnlyOnATerminalAndNeverWithNoColor) {
  const std::vector<std::string> args{"lint", "samples/agreements/period-overlap.akkoord"};
  const auto piped = run(args, {.env = {{"NO_COLOR", std::nullopt}, {"TERM", "xterm"}}});
  EXPECT_EQ(piped.out.find('\x1b'), std::string::npos) << "no colour into a pipe";
  const auto terminal = run(args, {.env = {{"NO_COLOR", std::nullopt}, {"TERM", "xterm"}}, .terminal = true});
  EXPECT_EQ(terminal.exit_code, 1);
  EXPECT_NE(terminal.out.find("\x1b["), std::string::npos) << "colour on a terminal";
  const auto no_color = run(args, {.env = {{"NO_COLOR", "1"}, {"TERM", "xterm"}}, .terminal = true});
  EXPECT_EQ(no_color.out.find('\x1b'), std::string::npos) << "NO_COLOR is honoured";
  const auto never = run({"lint", "samples/agreements/period-overlap.akkoord", "--color", "never"},
                         {.env = {{"NO_COLOR", std::nullopt}, {"TERM", "xterm"}}, .terminal = true});
  EXPECT_EQ(never.out.find('\x1b'), std::string::npos);
  const auto always = run({"lint", "samples/agreements/period-overlap.akkoord", "--color", "always"});
  EXPECT_NE(always.out.find("\x1b["), std::string::npos) << "--color always wins, also into a pipe";
  const auto json = run({"lint", "samples/agreements/period-overlap.akkoord", "--color", "always", "--format", "json"});
  EXPECT_EQ(json.out.find('\x1b'), std::string::npos) << "never colour in JSON";
}

// --- check --------------------------------------------------------------------------------------------------

// A directory of plans with some findings each, and a rules file.
class CheckRun : public ::testing::Test {
 protected:
  e2e::temp_dir dir;
  void SetUp() override {
    dir.write("rules/aa.akkoord", aa_agreement());
    dir.write("plans/2025/a.toml", plan_2025());
    dir.write("plans/2025/b.toml", plan_2025("budjet = 1\n"));
    dir.write("plans/2025/sub/c.toml", plan_2025("\n[[activity]]\nid = \"A-002\"\ntask = \"strategie\"\n"
                                                 "executor = \"AA\"\nbudget = 100_000\n"));
    dir.write("plans/2025/notes.txt", "not a plan");
    dir.write("plans/2025/.hidden.toml", "not = [valid");
    for (int k = 0; k < 6; ++k)
      dir.write("plans/many/p" + std::to_string(k) + ".toml", plan_2025(k % 2 ? "budjet = 1\n" : "taakveld2 = 1\n"));
  }
  e2e::run_result check(std::vector<std::string> args) {
    args.insert(args.begin(), {"check", "--rules", "rules/aa.akkoord"});
    return run(args, {.cwd = dir.path()});
  }
};

TEST_F(CheckRun, DirectoriesAreWalkedForTomlInSortedOrder) {
  const auto result = check({"plans/2025", "--format", "json"});
  ASSERT_EQ(result.signal, 0) << result.err;
  const auto doc = strict_json::parse(result.out);
  EXPECT_EQ(doc.at("summary").at("files").get<double>(), 3) << "a.toml, b.toml, sub/c.toml; not notes.txt or hidden files";
  std::vector<std::string> files;
  for (const auto& f : doc.at("findings"))
    if (files.empty() || files.back() != f.at("file").get<std::string>()) files.push_back(f.at("file").get<std::string>());
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end())) << result.out;
  for (const auto& f : files) EXPECT_EQ(f.rfind("plans/2025/", 0), 0u) << f;
  EXPECT_EQ(result.out.find(".hidden.toml"), std::string::npos);
}

TEST_F(CheckRun, MissingAndUnreadableFilesAreReportedAndTheRunGoesOn) {
  dir.write("plans/locked.toml", plan_2025());
  fs::permissions(dir.path() / "plans/locked.toml", fs::perms::none);
  const bool root = ::geteuid() == 0;  // root reads anything: then only the missing file is unreadable
  const auto result = check({"plans/2025/a.toml", "missing.toml", "plans/locked.toml", "plans/2025/b.toml",
                             "--format", "short"});
  ASSERT_EQ(result.signal, 0) << result.err;
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("missing.toml: error: cannot read `missing.toml`: no such file"), std::string::npos)
      << result.out;
  if (!root) {
    EXPECT_NE(result.out.find("plans/locked.toml: error: cannot read"), std::string::npos) << result.out;
  }
  EXPECT_NE(result.out.find("plans/2025/b.toml:"), std::string::npos) << "the file after them is still checked";
  EXPECT_NE(last_line(result.out).find(" in 4 files"), std::string::npos) << result.out;
  // Input order: a.toml's findings come before missing.toml's, which come before b.toml's.
  EXPECT_LT(result.out.find("plans/2025/a.toml:"), result.out.find("missing.toml:"));
  EXPECT_LT(result.out.find("missing.toml:"), result.out.find("plans/2025/b.toml:"));
  fs::permissions(dir.path() / "plans/locked.toml", fs::perms::owner_all);
}

TEST_F(CheckRun, DevicesAreReportedNotRead) {
  const auto result = check({"/dev/zero", "plans/2025/a.toml", "--format", "short"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("/dev/zero: error: cannot read `/dev/zero`: is not a regular file"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("plans/2025/a.toml:"), std::string::npos) << result.out;
}

TEST_F(CheckRun, ADirectoryGivenAsAPlanIsWalkedAndAFileTwiceIsCheckedOnce) {
  const auto twice = check({"plans/2025/a.toml", "plans/2025/a.toml", "./plans/2025/a.toml", "--format", "json"});
  EXPECT_EQ(strict_json::parse(twice.out).at("summary").at("files").get<double>(), 1);
}

TEST_F(CheckRun, OutputIsIdenticalForAnyNumberOfJobs) {
  const auto one = check({"plans", "--jobs", "1", "--format", "short"});
  const auto two = check({"plans", "--jobs", "2", "--format", "short"});
  const auto eight = check({"plans", "--jobs", "8", "--format", "short"});
  ASSERT_EQ(one.signal, 0);
  EXPECT_FALSE(one.out.empty());
  EXPECT_NE(last_line(one.out).find(" in 9 files"), std::string::npos) << one.out;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, eight.out);
  EXPECT_EQ(one.exit_code, two.exit_code);
  const auto json_one = check({"plans", "--jobs", "1", "--format", "json"});
  const auto json_two = check({"plans", "--jobs", "2", "--format", "json"});
  EXPECT_EQ(json_one.out, json_two.out);
}

TEST_F(CheckRun, NoRulesIsAUsageErrorThatSaysHowToPassThem) {
  const auto result = run({"check", "plans"}, {.cwd = dir.path()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--rules"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(".akkoord.toml"), std::string::npos) << result.err;
}

TEST_F(CheckRun, BrokenAgreementStopsTheRunWithExitTwo) {
  dir.write("rules/broken.akkoord", e2e::read_file(e2e::source_dir() / "samples/agreements/period-overlap.akkoord"));
  const auto result = run({"check", "--rules", "rules/broken.akkoord", "plans", "--format", "short"}, {.cwd = dir.path()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("rules/broken.akkoord:"), std::string::npos) << "its findings are printed";
  EXPECT_EQ(result.out.find("plans/"), std::string::npos) << "no plan is checked";
  const auto missing = run({"check", "--rules", "rules/none.akkoord", "plans"}, {.cwd = dir.path()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.out.find("rules/none.akkoord"), std::string::npos);
}

TEST_F(CheckRun, ConfigurationIsFoundInAParentDirectory) {
  dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\nlang = \"nl\"\n");
  fs::create_directories(dir.path() / "work/deeper");
  const auto result = run({"check", "../../plans/2025/b.toml", "--format", "short"}, {.cwd = dir.path() / "work/deeper"});
  ASSERT_EQ(result.signal, 0);
  EXPECT_NE(result.out.find("../../plans/2025/b.toml:"), std::string::npos) << result.out << result.err;
  EXPECT_NE(result.out.find(" in 1 bestand\n"), std::string::npos) << "lang = \"nl\" applies: " << result.out;
  // The command line wins over the file.
  const auto english = run({"check", "../../plans/2025/b.toml", "--lang", "en"}, {.cwd = dir.path() / "work/deeper"});
  EXPECT_NE(english.out.find(" in 1 file\n"), std::string::npos) << english.out;
}

TEST_F(CheckRun, ConfigurationChangesSeveritiesAndSwitchesChecksOff) {
  const auto before = check({"plans/2025/b.toml", "--format", "short"});
  ASSERT_NE(before.out.find("[unknown-field]"), std::string::npos) << before.out;
  dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\n[checks]\nunknown-field = \"off\"\n");
  const auto off = run({"check", "plans/2025/b.toml", "--format", "short"}, {.cwd = dir.path()});
  EXPECT_EQ(off.out.find("[unknown-field]"), std::string::npos) << off.out;
  dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\n[checks]\nunknown-field = \"error\"\n");
  const auto raised = run({"check", "plans/2025/b.toml", "--format", "short"}, {.cwd = dir.path()});
  EXPECT_TRUE(std::regex_search(raised.out, std::regex("error: [^\n]*\\[unknown-field\\]"))) << raised.out;
  EXPECT_EQ(raised.exit_code, 1);
}

TEST_F(CheckRun, BudgetSwingThresholdComesFromTheConfiguration) {
  // burgerzaken: EUR 1,000,000 in 2024, EUR 1,300,000 in 2025: exactly 30% more.
  const auto plan = [](int year, std::string_view budget) {
    return "[plan]\nagreement = \"AA\"\nmunicipality = \"aalsmeer\"\nyear = " + std::to_string(year) +
           "\n\n[[activity]]\nid = \"A-001\"\ntask = \"burgerzaken\"\nexecutor = \"AA\"\nbudget = " +
           std::string(budget) + "\n";
  };
  dir.write("swing/aalsmeer-2024.toml", plan(2024, "1_000_000"));
  dir.write("swing/aalsmeer-2025.toml", plan(2025, "1_300_000"));
  const auto with = [&](std::string config) {
    dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\n" + config);
    return run({"check", "swing", "--format", "short"}, {.cwd = dir.path()});
  };
  EXPECT_NE(with("").out.find("30% higher than in 2024"), std::string::npos) << "default 25%";
  EXPECT_EQ(with("[budget-swing]\nthreshold = \"30%\"\n").out.find("[budget-swing]"), std::string::npos)
      << "exactly the threshold is not reported";
  EXPECT_NE(with("[budget-swing]\nthreshold = \"29.9999%\"\n").out.find("[budget-swing]"), std::string::npos);
  for (const char* bad : {"threshold = \"lots\"", "threshold = 25", "threshold = \"-1%\"", "threshold = \"1.23456%\""}) {
    const auto result = with(std::string("[budget-swing]\n") + bad + "\n");
    EXPECT_EQ(result.exit_code, 2) << bad;
    EXPECT_NE(result.err.find(".akkoord.toml:3:1: `threshold` must be a percentage"), std::string::npos) << result.err;
  }
  const auto unknown = with("[budget-swing]\ntreshold = \"30%\"\n");
  EXPECT_NE(unknown.err.find("unknown setting `treshold` in [budget-swing]"), std::string::npos) << unknown.err;
}

TEST_F(CheckRun, UnknownCheckInConfigurationIsAWarningWithDidYouMean) {
  dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\n[checks]\nunknown-feild = \"off\"\n\"rule:overhead_aandeell\" = \"error\"\n");
  const auto result = run({"check", "plans/2025/a.toml"}, {.cwd = dir.path()});
  EXPECT_NE(result.err.find("unknown check `unknown-feild`"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("did you mean `unknown-field`?"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("did you mean `rule:overhead_aandeel`?"), std::string::npos) << result.err;
  EXPECT_NE(result.exit_code, 2) << "a warning, not a usage error";
}

TEST_F(CheckRun, BadConfigurationIsAUsageErrorNeverACrash) {
  for (const char* content : {"[", "[.]", "[..]", "[!]", "lang = \"de\"", "[checks]\nunknown-field = \"loud\"",
                              "rules = 3", "\xff\xfe"}) {
    dir.write(".akkoord.toml", content);
    const auto result = run({"check", "plans/2025/a.toml"}, {.cwd = dir.path()});
    EXPECT_EQ(result.signal, 0) << content;
    EXPECT_EQ(result.exit_code, 2) << content;
    EXPECT_NE(result.err.find(".akkoord.toml"), std::string::npos) << content << ": " << result.err;
  }
  const auto explicit_missing = run({"check", "--config", "nope.toml", "plans"}, {.cwd = dir.path()});
  EXPECT_EQ(explicit_missing.exit_code, 2);
  EXPECT_NE(explicit_missing.err.find("nope.toml"), std::string::npos);
}

// toml++ recursed without a limit (a stack overflow) and has undefined behaviour on `é` outside quotes: the scan
// before it makes each a finding or a usage error at its place (tests/plan/toml_guard_test.cpp has the details).
std::string dotted_key(std::size_t parts) {
  std::string key = "a";
  for (std::size_t k = 1; k < parts; ++k) key += ".a";
  return key;
}

TEST_F(CheckRun, HostilePlansAreFindingsAtTheirPlaceNeverACrash) {
  dir.write("hostile/deep_key.toml", "[plan]\n" + dotted_key(35'000) + " = 1\n");
  dir.write("hostile/deep_header.toml", "[" + dotted_key(35'000) + "]\n");
  dir.write("hostile/deep_array.toml", "x = " + std::string(35'000, '[') + std::string(35'000, ']') + "\n");
  dir.write("hostile/key.toml", "[plan]\nagreement = \"AA\"\nénergie = 1\n");
  const auto result = check({"hostile", "--format", "short"});
  EXPECT_EQ(result.signal, 0);
  EXPECT_EQ(result.exit_code, 1);
  const std::string too_deep = ": error: keys, arrays and inline tables are nested more than 128 levels deep [toml-syntax]";
  EXPECT_NE(result.out.find("hostile/deep_key.toml:2:255" + too_deep), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("hostile/deep_header.toml:1:258" + too_deep), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("hostile/deep_array.toml:1:133" + too_deep), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("hostile/key.toml:3:1: error: a key without quotes cannot contain `é` (U+00E9) "
                            "[toml-syntax]"),
            std::string::npos)
      << result.out;
  EXPECT_NE(last_line(result.out).find("4 errors"), std::string::npos) << result.out;
}

TEST_F(CheckRun, HostileConfigurationIsAUsageErrorAtItsPlace) {
  const std::pair<std::string, std::string> cases[] = {
      {"lang = \"nl\"\n" + dotted_key(35'000) + " = 1\n",
       ".akkoord.toml:2:257: the configuration is not valid TOML: keys, arrays and inline tables are nested more "
       "than 128 levels deep"},
      {"[" + dotted_key(35'000) + "]\n",
       ".akkoord.toml:1:258: the configuration is not valid TOML: keys, arrays and inline tables are nested more "
       "than 128 levels deep"},
      {"\xEF\xBB\xBF[checks]\nrègle = \"off\"\n",
       ".akkoord.toml:2:2: the configuration is not valid TOML: a key without quotes cannot contain `è` (U+00E8); "
       "put the key in double quotes: `\"règle\"`"},
      // toml++'s own errors in akkoord's words, with the fix a plan would get and toml++'s text kept
      {"fail_on = warning\n",
       ".akkoord.toml:1:11: the configuration is not valid TOML: `warning` is text without quotes; put text in "
       "double quotes: `fail_on = \"warning\"` (toml++: Error while parsing value: could not determine value type)"},
  };
  for (const auto& [content, message] : cases) {
    dir.write(".akkoord.toml", content);
    const auto result = check({"plans/2025/a.toml"});
    EXPECT_EQ(result.signal, 0);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find(message), std::string::npos) << result.err.substr(0, 400);
  }
}

// --- report files -------------------------------------------------------------------------------------------

TEST_F(CheckRun, OutputFileGetsTheSameReportAndNoTemporaryStays) {
  const auto to_stdout = check({"plans", "--format", "json"});
  const auto to_file = check({"plans", "--format", "json", "--output", "reports/report.json"});
  EXPECT_EQ(to_file.exit_code, 2) << "the reports/ directory does not exist: the report cannot be written";
  EXPECT_NE(to_file.err.find("reports/report.json"), std::string::npos) << to_file.err;
  fs::create_directories(dir.path() / "reports");
  dir.write("reports/report.json", "old report");
  const auto written = check({"plans", "--format", "json", "--output", "reports/report.json"});
  EXPECT_EQ(written.exit_code, to_stdout.exit_code);
  EXPECT_TRUE(written.out.empty());
  EXPECT_EQ(e2e::read_file(dir.path() / "reports/report.json"), to_stdout.out);
  std::size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(dir.path() / "reports")) {
    ++entries;
    EXPECT_EQ(entry.path().filename(), "report.json");
  }
  EXPECT_EQ(entries, 1u);
  const auto onto_directory = check({"plans", "--output", "reports"});
  EXPECT_EQ(onto_directory.exit_code, 2);
  EXPECT_EQ(e2e::read_file(dir.path() / "reports/report.json"), to_stdout.out) << "a failed write keeps the old report";
}

}  // namespace

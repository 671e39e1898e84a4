// `akkoord fmt` end to end: rewriting in place, --check, --diff, standard input, files it must leave alone; the
// reference agreement and the samples kept formatted; the CI recipe samples/ci/agreement.yml made of commands
// and options that exist.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "run_process.hpp"

namespace {

namespace fs = std::filesystem;
using e2e::run;

const std::string unformatted = "party aalsmeer \"Gemeente Aalsmeer\" { roles opdrachtgever   # the client\n"
                                "inhabitants 31_991 }\n";
const std::string formatted = "party aalsmeer \"Gemeente Aalsmeer\" {\n"
                              "  roles opdrachtgever  # the client\n"
                              "  inhabitants 31_991\n"
                              "}\n";

TEST(Fmt, RewritesAFileInPlaceAndSaysSo) {
  e2e::temp_dir dir;
  const fs::path file = dir.write("aa.akkoord", unformatted);
  const auto result = run({"fmt", file.string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(e2e::read_file(file), formatted);
  EXPECT_EQ(result.out, "reformatted " + file.string() + "\n1 file reformatted, 0 files left unchanged\n");
  // Written through a temporary file and rename(): nothing else is left in the directory.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);

  const auto again = run({"fmt", file.string(), "--lang", "nl"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "0 bestanden opnieuw opgemaakt, 1 bestand ongewijzigd\n");
}

TEST(Fmt, CheckNamesTheFilesThatWouldChangeAndChangesNothing) {
  e2e::temp_dir dir;
  const fs::path messy = dir.write("messy.akkoord", unformatted);
  const fs::path tidy = dir.write("tidy.akkoord", formatted);
  const auto result = run({"fmt", "--check", messy.string(), tidy.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_EQ(result.out, "would reformat " + messy.string() +
                            "\n1 file would be reformatted, 1 file already formatted\n");
  EXPECT_EQ(e2e::read_file(messy), unformatted);

  const auto nl = run({"fmt", "--check", "--lang", "nl", messy.string()});
  EXPECT_EQ(nl.exit_code, 1);
  EXPECT_EQ(nl.out, messy.string() + " zou opnieuw worden opgemaakt\n"
                        "1 bestand zou opnieuw worden opgemaakt, 0 bestanden zijn al opgemaakt\n");
  EXPECT_EQ(run({"fmt", "--check", tidy.string()}).exit_code, 0);
}

TEST(Fmt, DiffPrintsAUnifiedDiffAndChangesNothing) {
  e2e::temp_dir dir;
  const fs::path file = dir.write("aa.akkoord", unformatted);
  const auto result = run({"fmt", "--diff", file.string()});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.out, "--- " + file.string() + "\n+++ " + file.string() + "\n" +
                            "@@ -1,2 +1,4 @@\n"
                            "-party aalsmeer \"Gemeente Aalsmeer\" { roles opdrachtgever   # the client\n"
                            "-inhabitants 31_991 }\n"
                            "+party aalsmeer \"Gemeente Aalsmeer\" {\n"
                            "+  roles opdrachtgever  # the client\n"
                            "+  inhabitants 31_991\n"
                            "+}\n");
  // The lines for people go to stderr, so stdout is a patch.
  EXPECT_NE(result.err.find("would reformat " + file.string()), std::string::npos) << result.err;
  EXPECT_EQ(e2e::read_file(file), unformatted);
}

TEST(Fmt, DashReadsStandardInputAndWritesStandardOutput) {
  e2e::temp_dir dir;
  const fs::path input = dir.write("input", unformatted);
  e2e::run_options options;
  options.stdin_file = input;
  const auto result = run({"fmt", "-"}, options);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, formatted);
  EXPECT_EQ(result.err, "");
}

TEST(Fmt, AFileWithASyntaxErrorIsReportedAndLeftUntouched) {
  e2e::temp_dir dir;
  const std::string broken = "period basis \"Basis\" 2022-01-01 ..   # no end date\n";
  const fs::path file = dir.write("broken.akkoord", broken);
  const fs::path tidy = dir.write("tidy.akkoord", formatted);
  const auto result = run({"fmt", file.string(), tidy.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_EQ(e2e::read_file(file), broken);
  EXPECT_NE(result.err.find(file.string() + ":1:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("[dsl-syntax]"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("was left untouched: it has syntax errors"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("1 file with syntax errors left untouched"), std::string::npos) << result.out;

  const auto nl = run({"fmt", "--lang", "nl", file.string()});
  EXPECT_EQ(nl.exit_code, 1);
  EXPECT_NE(nl.err.find("is niet aangeraakt: het bevat syntaxisfouten"), std::string::npos) << nl.err;

  // From standard input: nothing on stdout, so an editor keeps its buffer.
  e2e::run_options options;
  options.stdin_file = file;
  const auto piped = run({"fmt", "-"}, options);
  EXPECT_EQ(piped.exit_code, 1);
  EXPECT_EQ(piped.out, "");
}

TEST(Fmt, AMissingFileIsNamedAndTheOthersAreStillFormatted) {
  e2e::temp_dir dir;
  const fs::path file = dir.write("aa.akkoord", unformatted);
  const auto result = run({"fmt", (dir.path() / "missing.akkoord").string(), file.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("missing.akkoord"), std::string::npos) << result.err;
  EXPECT_EQ(e2e::read_file(file), formatted);
}

// The issue's promise: rules/aa.akkoord and every sample agreement that parses are kept formatted.
TEST(Fmt, TheReferenceAgreementAndTheSamplesAreFormatted) {
  std::vector<std::string> args{"fmt", "--check", "rules/aa.akkoord"};
  for (const auto& entry : fs::directory_iterator(e2e::source_dir() / "samples/agreements"))
    if (entry.path().extension() == ".akkoord" && !entry.path().filename().string().starts_with("syntax-error"))
      args.push_back("samples/agreements/" + entry.path().filename().string());
  ASSERT_GT(args.size(), 8u);
  const auto result = run(args);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

// ---- the CI recipe -------------------------------------------------------------------------------------------

// The `akkoord …` commands of the workflow (`run: akkoord …`), without trailing comments.
std::vector<std::vector<std::string>> workflow_commands() {
  std::vector<std::vector<std::string>> commands;
  std::istringstream in(e2e::read_file(e2e::source_dir() / "samples/ci/agreement.yml"));
  const std::regex command_line(R"(^\s*(?:-\s+)?run:\s+(akkoord\s.*?)\s*(#.*)?$)");
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, command_line)) continue;
    std::istringstream words(m[1].str());
    std::vector<std::string> command;
    for (std::string word; words >> word;) command.push_back(word);
    commands.push_back(command);
  }
  return commands;
}

TEST(CiRecipe, RunsLintFmtCheckAndDiffGitWithOptionsThatExist) {
  const auto commands = workflow_commands();
  std::set<std::string> subcommands;
  for (const auto& command : commands) {
    ASSERT_GE(command.size(), 2u);
    const std::string& sub = command[1];
    subcommands.insert(sub);
    const auto help = run({sub, "--help"});
    ASSERT_EQ(help.exit_code, 0) << "`akkoord " << sub << "` does not exist";
    for (const std::string& word : command) {
      if (!word.starts_with("--")) continue;
      EXPECT_NE(help.out.find(word), std::string::npos) << "`akkoord " << sub << "` has no option " << word;
    }
  }
  EXPECT_EQ(subcommands, (std::set<std::string>{"lint", "fmt", "diff"}));
  const std::string workflow = e2e::read_file(e2e::source_dir() / "samples/ci/agreement.yml");
  EXPECT_NE(workflow.find("akkoord fmt --check"), std::string::npos);
  EXPECT_NE(workflow.find("akkoord diff --git origin/main"), std::string::npos);
}

// The lint and fmt steps as they would run on this repository's own agreement: green.
TEST(CiRecipe, ItsLintAndFmtStepsPassOnTheReferenceAgreement) {
  for (auto command : workflow_commands()) {
    if (command[1] != "lint" && command[1] != "fmt") continue;
    std::vector<std::string> args;
    for (std::size_t i = 1; i < command.size(); ++i)
      if (!command[i].ends_with(".akkoord")) args.push_back(command[i]);
    args.push_back("rules/aa.akkoord");
    const auto result = run(args);
    EXPECT_EQ(result.exit_code, 0) << command[1] << ":\n" << result.out << result.err;
  }
}

}  // namespace

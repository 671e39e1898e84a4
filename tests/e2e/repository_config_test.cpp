// `.akkoord.toml` for a document repository, through the built binary: `plans` (what `check` without arguments
// checks), `fail_on`, and `check --changed FILE…` (what the pre-commit hook runs; pre_commit_hooks.sh runs the
// hook itself with the real pre-commit tool).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "strict_json.hpp"
#include "run_process.hpp"

namespace {

namespace fs = std::filesystem;
using e2e::run;

// The clean sample plan; `extra` goes into its [plan] table at line 12 (a mistake: `budjet = 1` is an unknown
// field, a warning; `year = 2025` a second time is a TOML error).
std::string plan_2025(const std::string& extra = "") {
  std::string plan = e2e::read_file(e2e::source_dir() / "samples/plans/aalsmeer-2025.toml");
  const auto title = plan.find("title = \"Uitvoeringsplan 2025\"\n");
  EXPECT_NE(title, std::string::npos);
  return plan.insert(plan.find('\n', title) + 1, extra);
}

class RepositoryConfig : public ::testing::Test {
 protected:
  e2e::temp_dir dir;
  void SetUp() override {
    // The agreement in two files: `rules/parties.akkoord` is included by `rules/aa.akkoord`.
    std::string agreement = e2e::read_file(e2e::source_dir() / "rules/aa.akkoord");
    const auto begin = agreement.find("party aalsmeer ");
    const auto end = agreement.find("\n}\n", begin) + 3;
    ASSERT_NE(begin, std::string::npos);
    dir.write("rules/parties.akkoord", agreement.substr(begin, end - begin));
    agreement.replace(begin, end - begin, "include \"parties.akkoord\"\n");
    dir.write("rules/aa.akkoord", agreement);
    dir.write("rules/draft.akkoord", "# an agreement file the configuration does not use\n");
    dir.write("plans/aalsmeer-2025.toml", plan_2025());
    dir.write("plans/amstelveen-2025.toml", plan_2025());
    dir.write("archive/2024/old.toml", plan_2025());
    dir.write("site/hugo.toml", "baseURL = \"https://example.org/\"\n");
  }
  // The plans here are copies of one sample (aalsmeer, 2025): which files a run takes is under test, not that
  // they are duplicates of each other, so duplicate-plan is switched off.
  static constexpr std::string_view copies_are_fine = "[checks]\nduplicate-plan = \"off\"\n";
  void configure(const std::string& extra) {
    dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\nplans = [\"plans/*.toml\", \"archive/**/*.toml\"]\n" +
                                   extra + std::string(copies_are_fine));
  }
  e2e::run_result akkoord(const std::vector<std::string>& args, const fs::path& cwd = {}) {
    return run(args, {.cwd = cwd.empty() ? dir.path() : cwd});
  }
  // The files of a JSON report's findings plus its file count, to see what a run checked.
  static double files_checked(const e2e::run_result& result) {
    return strict_json::parse(result.out).at("summary").at("files").get<double>();
  }
};

TEST_F(RepositoryConfig, CheckWithoutArgumentsChecksTheConfiguredPlans) {
  configure("");
  dir.write("plans/amstelveen-2025.toml", plan_2025("budjet = 1\n"));
  const auto result = akkoord({"check", "--format", "short"});
  ASSERT_EQ(result.signal, 0) << result.err;
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("plans/amstelveen-2025.toml:12:1: warning:"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(" in 3 files\n"), std::string::npos) << "two plans and archive/2024/old.toml: "
                                                                   << result.out;
  // From a subdirectory the configuration is found in the parent; the plans stay the configured ones.
  fs::create_directories(dir.path() / "site/content");
  const auto below = akkoord({"check", "--format", "short"}, dir.path() / "site/content");
  EXPECT_NE(below.out.find("../../plans/amstelveen-2025.toml:12:1: warning:"), std::string::npos) << below.out;
  EXPECT_NE(below.out.find(" in 3 files\n"), std::string::npos) << below.out;
}

TEST_F(RepositoryConfig, PlansNamedOnTheCommandLineWinOverTheConfiguredOnes) {
  configure("");
  const auto result = akkoord({"check", "plans/aalsmeer-2025.toml", "--format", "json"});
  EXPECT_EQ(files_checked(result), 1) << result.out;
}

TEST_F(RepositoryConfig, WithoutPlansNamedOrConfiguredItIsAUsageError) {
  dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\n");
  const auto result = akkoord({"check"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("plans = [\"plans/*.toml\"]"), std::string::npos) << result.err;
  dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\nplans = []\n");
  EXPECT_EQ(akkoord({"check"}).exit_code, 2);
  const auto dutch = akkoord({"check", "--lang", "nl"});
  EXPECT_NE(dutch.err.find("geen plannen om te controleren"), std::string::npos) << dutch.err;
}

TEST_F(RepositoryConfig, AnEntryThatMatchesNothingIsNamedNeverSilentlyClean) {
  configure("");
  dir.write(".akkoord.toml",
            "rules = \"rules/aa.akkoord\"\nplans = [\"plans/*.toml\",\n  \"archief/*.toml\"]\n");
  const auto some = akkoord({"check", "--format", "json"});
  EXPECT_EQ(files_checked(some), 2) << some.out;
  EXPECT_NE(some.err.find(".akkoord.toml:3:3: the `plans` entry `archief/*.toml` matches no file"), std::string::npos)
      << some.err;
  dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\nlang = \"nl\"\nplans = [\"plannen/*.toml\"]\n");
  const auto none = akkoord({"check"});
  EXPECT_EQ(none.exit_code, 2) << "no plan at all is never a clean run";
  EXPECT_NE(none.err.find("het `plans`-item `plannen/*.toml` levert geen bestand op"), std::string::npos) << none.err;
}

TEST_F(RepositoryConfig, FailOnInTheConfigurationAndTheCommandLineWins) {
  configure("fail_on = \"warning\"\n");
  dir.write("plans/amstelveen-2025.toml", plan_2025("budjet = 1\n"));  // unknown-field: a warning
  EXPECT_EQ(akkoord({"check"}).exit_code, 1);
  EXPECT_EQ(akkoord({"check", "--fail-on", "error"}).exit_code, 0);
  configure("fail_on = \"error\"\n");
  EXPECT_EQ(akkoord({"check"}).exit_code, 0);
  EXPECT_EQ(akkoord({"check", "--fail-on", "warning"}).exit_code, 1);
}

TEST_F(RepositoryConfig, UnusableEntriesAreUsageErrorsThatSayWhere) {
  struct bad {
    const char* content;
    const char* message;
  };
  for (const bad& c : {bad{"plans = \"plans/*.toml\"", ".akkoord.toml:2:1: `plans` must be a list"},
                       bad{"plans = [\"plans/*.toml\", 3]", ".akkoord.toml:2:26: `plans` must be a list"},
                       bad{"plans = [\"\"]", ".akkoord.toml:2:10: `plans` must be a list"},
                       bad{"fail_on = \"warnings\"", ".akkoord.toml:2:1: `fail_on` must be \"error\", \"warning\" or"},
                       bad{"fail_on = 1", ".akkoord.toml:2:1: `fail_on` must be"}}) {
    dir.write(".akkoord.toml", std::string("rules = \"rules/aa.akkoord\"\n") + c.content + "\n");
    const auto result = akkoord({"check"});
    EXPECT_EQ(result.exit_code, 2) << c.content;
    EXPECT_NE(result.err.find(c.message), std::string::npos) << c.content << ": " << result.err;
  }
}

TEST_F(RepositoryConfig, MisspelledKeysAreWarningsWithDidYouMean) {
  dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\nplan = [\"plans/*.toml\"]\nfail-on = \"warning\"\n" +
                                 std::string(copies_are_fine));
  const auto result = akkoord({"check", "plans"});
  EXPECT_NE(result.err.find(".akkoord.toml:2:1: unknown setting `plan`; did you mean `plans`?"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find(".akkoord.toml:3:1: unknown setting `fail-on`; did you mean `fail_on`?"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.exit_code, 0) << "warnings, not usage errors";
}

// --- check --changed: the pre-commit hook -------------------------------------------------------------------

TEST_F(RepositoryConfig, ChangedChecksOnlyTheChangedConfiguredPlans) {
  configure("");
  dir.write("plans/amstelveen-2025.toml", plan_2025("year = 2025\n"));  // a key twice: toml-syntax
  const auto broken = akkoord({"check", "--changed", "plans/amstelveen-2025.toml", "site/hugo.toml", "--format",
                               "short"});
  EXPECT_EQ(broken.exit_code, 1) << broken.out << broken.err;
  EXPECT_NE(broken.out.find("plans/amstelveen-2025.toml:12:1: error:"), std::string::npos) << broken.out;
  EXPECT_NE(broken.out.find(" in 1 file\n"), std::string::npos) << broken.out;
  const auto other = akkoord({"check", "--changed", "./plans/aalsmeer-2025.toml", "--format", "json"});
  EXPECT_EQ(other.exit_code, 0);
  EXPECT_EQ(files_checked(other), 1) << "`./plans/…` is the configured plans/…: " << other.out;
}

TEST_F(RepositoryConfig, ChangedLeavesOtherFilesAlone) {
  configure("");
  for (const char* changed : {"site/hugo.toml", "rules/draft.akkoord", "README.md"}) {
    const auto result = akkoord({"check", "--changed", changed, "--format", "json"});
    EXPECT_EQ(result.exit_code, 0) << changed << ": " << result.err;
    EXPECT_EQ(files_checked(result), 0) << changed << ": " << result.out;
  }
  EXPECT_EQ(akkoord({"check", "--changed"}).exit_code, 0) << "nothing changed";
}

TEST_F(RepositoryConfig, ChangedAgreementIncludeOrConfigurationChecksEveryPlan) {
  configure("");
  dir.write("archive/2024/old.toml", plan_2025("year = 2025\n"));
  for (const char* changed : {"rules/aa.akkoord", "rules/parties.akkoord", ".akkoord.toml"}) {
    const auto result = akkoord({"check", "--changed", changed, "site/hugo.toml", "--format", "short"});
    EXPECT_EQ(result.exit_code, 1) << changed << ": the committed plan archive/2024/old.toml has an error";
    EXPECT_NE(result.out.find("archive/2024/old.toml:12:1: error:"), std::string::npos) << changed << result.out;
    EXPECT_NE(result.out.find(" in 3 files\n"), std::string::npos) << changed << ": " << result.out;
  }
  // From a subdirectory (paths as pre-commit would not give them, but as a user might).
  const auto below = akkoord({"check", "--changed", "../rules/parties.akkoord", "--format", "json"},
                             dir.path() / "site");
  EXPECT_EQ(files_checked(below), 3) << below.out << below.err;
}

TEST_F(RepositoryConfig, ChangedNeedsTheConfiguredPlans) {
  dir.write(".akkoord.toml", "rules = \"rules/aa.akkoord\"\n");
  const auto result = akkoord({"check", "--changed", "plans/aalsmeer-2025.toml"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("`--changed` needs the list of plans"), std::string::npos) << result.err;
}

}  // namespace

// `--baseline FILE` and `--update-baseline` (README, Baseline): recorded findings are accepted by meaning (id,
// file, place, figures), new ones still count.
#include <gtest/gtest.h>

#include <filesystem>

#include "run_process.hpp"

namespace {

using e2e::run;

// A 2025 plan against rules/aa.akkoord with an unknown taakveld; `above` goes before it, `extra` after it.
std::string plan_with_mistake(const std::string& above = "", const std::string& extra = "") {
  return above +
         "[plan]\n"
         "agreement = \"AA\"\n"
         "municipality = \"aalsmeer\"\n"
         "year = 2025\n"
         "\n"
         "[[activity]]\n"
         "id = \"A-001\"\n"
         "task = \"burgerzaken\"\n"
         "executor = \"AA\"\n"
         "taakveld = \"9.9\"\n"
         "budget = 850_000\n" +
         extra;
}

std::vector<std::string> check_args(const std::filesystem::path& rules, std::vector<std::string> more) {
  std::vector<std::string> args{"check", "--rules", rules.string(), "plan.toml"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(Baseline, RecordedFindingsAreAcceptedAndNewOnesReported) {
  e2e::temp_dir dir;
  const auto rules = e2e::source_dir() / "rules" / "aa.akkoord";
  dir.write("plan.toml", plan_with_mistake());
  const e2e::run_options here{.cwd = dir.path()};
  ASSERT_EQ(run(check_args(rules, {}), here).exit_code, 1);

  const auto recorded = run(check_args(rules, {"--baseline", "baseline.json", "--update-baseline"}), here);
  EXPECT_EQ(recorded.exit_code, 0) << recorded.out << recorded.err;
  const std::string file = e2e::read_file(dir.path() / "baseline.json");
  EXPECT_NE(file.find("\"version\": 2"), std::string::npos) << file;
  EXPECT_NE(file.find("\"key\": \"activity `A-001` taakveld\""), std::string::npos) << file;
  EXPECT_NE(file.find("\"unknown-taakveld\""), std::string::npos) << file;

  const auto accepted = run(check_args(rules, {"--baseline", "baseline.json"}), here);
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out << accepted.err;

  // Lines inserted above keep the recorded findings accepted.
  dir.write("plan.toml", plan_with_mistake("# toegevoegd commentaar\n\n"));
  const auto shifted = run(check_args(rules, {"--baseline", "baseline.json", "--format", "json"}), here);
  EXPECT_EQ(shifted.exit_code, 0) << shifted.out << shifted.err;
  EXPECT_NE(shifted.out.find("unknown-taakveld"), std::string::npos) << "machine formats still list it";

  // A new mistake is reported, the recorded one is not.
  dir.write("plan.toml", plan_with_mistake("# toegevoegd commentaar\n\n",
                                           "\n[[activity]]\nid = \"A-002\"\ntask = \"burgerzaken\"\n"
                                           "executor = \"AA\"\ntaakveld = \"8.8\"\nbudget = 1_000\n"));
  const auto grown = run(check_args(rules, {"--baseline", "baseline.json", "--format", "short"}), here);
  EXPECT_EQ(grown.exit_code, 1) << grown.out << grown.err;
  EXPECT_NE(grown.out.find("`8.8`"), std::string::npos) << grown.out;
  const auto line_of = [&](const std::string& needle) {
    const auto at = grown.out.find(needle);
    return at == std::string::npos ? std::string() : grown.out.substr(at, grown.out.find('\n', at) - at);
  };
  EXPECT_NE(line_of("taakveld `9.9` is not").find("(suppressed)"), std::string::npos) << grown.out;
  EXPECT_EQ(line_of("taakveld `8.8` is not").find("(suppressed)"), std::string::npos) << grown.out;
  EXPECT_NE(grown.out.find("1 error, "), std::string::npos) << grown.out;
}

// The outside testers' case: a contribution-mismatch of EUR 50,000 recorded, then the budgets drop by another
// EUR 1,000,000. The finding still points at the same `total` line, but it got worse: it is new.
TEST(Baseline, AContributionMismatchThatGrewIsReported) {
  e2e::temp_dir dir;
  const auto rules = e2e::source_dir() / "rules" / "aa.akkoord";
  const std::string sample = e2e::read_file(e2e::source_dir() / "samples" / "plans" / "contribution-mismatch.toml");
  dir.write("plan.toml", sample);
  const e2e::run_options here{.cwd = dir.path()};
  const auto recorded = run(check_args(rules, {"--baseline", "baseline.json", "--update-baseline"}), here);
  ASSERT_EQ(recorded.exit_code, 0) << recorded.out << recorded.err;
  EXPECT_NE(e2e::read_file(dir.path() / "baseline.json")
                .find(R"("key": "[contribution] total", "figures": ["19,650,000.00", "19,700,000.00"])"),
            std::string::npos)
      << e2e::read_file(dir.path() / "baseline.json");
  ASSERT_EQ(run(check_args(rules, {"--baseline", "baseline.json"}), here).exit_code, 0);

  const std::string budget = "budget = 1_449_999.50";
  std::string worse = sample;
  ASSERT_NE(worse.find(budget), std::string::npos) << "the sample changed";
  worse.replace(worse.find(budget), budget.size(), "budget = 449_999.50");
  dir.write("plan.toml", worse);
  const auto grown = run(check_args(rules, {"--baseline", "baseline.json", "--format", "short"}), here);
  EXPECT_EQ(grown.exit_code, 1) << grown.out << grown.err;
  EXPECT_NE(grown.out.find("plan.toml:16:9: error: the budgets of activities executed by `AA` add up to EUR "
                           "18,650,000.00, not to the total EUR 19,700,000.00 [contribution-mismatch]\n"),
            std::string::npos)
      << grown.out;
  EXPECT_NE(grown.out.find("note: difference: EUR 1,050,000.00"), std::string::npos) << grown.out;
}

// Paths in the baseline are relative to it: a run from another directory, naming the plan differently, matches.
TEST(Baseline, ARunFromAnotherDirectoryMatches) {
  e2e::temp_dir dir;
  const auto rules = e2e::source_dir() / "rules" / "aa.akkoord";
  dir.write("plans/plan.toml", plan_with_mistake());
  const auto recorded = run({"check", "--rules", rules.string(), "plans/plan.toml", "--baseline", "baseline.json",
                             "--update-baseline"},
                            {.cwd = dir.path()});
  ASSERT_EQ(recorded.exit_code, 0) << recorded.out << recorded.err;
  EXPECT_NE(e2e::read_file(dir.path() / "baseline.json").find(R"("file": "plans/plan.toml")"), std::string::npos);
  const auto from_plans = run({"check", "--rules", rules.string(), "plan.toml", "--baseline", "../baseline.json"},
                              {.cwd = dir.path() / "plans"});
  EXPECT_EQ(from_plans.exit_code, 0) << from_plans.out << from_plans.err;
  const auto absolute = run({"check", "--rules", rules.string(), (dir.path() / "plans" / "plan.toml").string(),
                             "--baseline", (dir.path() / "baseline.json").string()},
                            {.cwd = e2e::source_dir()});
  EXPECT_EQ(absolute.exit_code, 0) << absolute.out << absolute.err;
}

TEST(Baseline, AVersion1FileSaysToRecordItAgain) {
  e2e::temp_dir dir;
  const auto rules = e2e::source_dir() / "rules" / "aa.akkoord";
  dir.write("plan.toml", plan_with_mistake());
  dir.write("old.json", "{\n  \"version\": 1,\n  \"findings\": [\n    {\"id\": \"unknown-taakveld\", \"file\": "
                        "\"plan.toml\", \"fingerprint\": \"0123456789abcdef\"}\n  ]\n}\n");
  const e2e::run_options here{.cwd = dir.path()};
  const auto english = run(check_args(rules, {"--baseline", "old.json"}), here);
  EXPECT_EQ(english.exit_code, 2);
  EXPECT_NE(english.err.find("`old.json`: this baseline was recorded by an older version of akkoord (file version 1, "
                             "which matched findings by their source line); record it again with `--update-baseline`"),
            std::string::npos)
      << english.err;
  const auto dutch = run(check_args(rules, {"--baseline", "old.json", "--lang", "nl"}), here);
  EXPECT_NE(dutch.err.find("leg de baseline opnieuw vast met `--update-baseline`"), std::string::npos) << dutch.err;
  EXPECT_EQ(run(check_args(rules, {"--baseline", "old.json", "--update-baseline"}), here).exit_code, 0);
  EXPECT_EQ(run(check_args(rules, {"--baseline", "old.json"}), here).exit_code, 0) << "recorded again";
}

TEST(Baseline, MissingOrInvalidBaselineIsAUsageError) {
  e2e::temp_dir dir;
  const auto rules = e2e::source_dir() / "rules" / "aa.akkoord";
  dir.write("plan.toml", plan_with_mistake());
  const e2e::run_options here{.cwd = dir.path()};
  const auto missing = run(check_args(rules, {"--baseline", "nope.json"}), here);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read the baseline `nope.json`"), std::string::npos) << missing.err;
  const auto dutch = run(check_args(rules, {"--baseline", "nope.json", "--lang", "nl"}), here);
  EXPECT_NE(dutch.err.find("de baseline `nope.json` is niet te lezen"), std::string::npos) << dutch.err;

  dir.write("bad.json", "{\"version\": 2}");
  const auto invalid = run(check_args(rules, {"--baseline", "bad.json"}), here);
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_NE(invalid.err.find("not a baseline file"), std::string::npos) << invalid.err;
  dir.write("broken.json", "{\n  \"version\": 2,\n  \"findings\": [,]\n}\n");  // a merge gone wrong
  const auto broken = run(check_args(rules, {"--baseline", "broken.json", "--lang", "nl"}), here);
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("`broken.json`: dit is geen baselinebestand: ongeldige JSON op regel 3, kolom 16"),
            std::string::npos)
      << broken.err;

  EXPECT_EQ(run(check_args(rules, {"--update-baseline"}), here).exit_code, 2) << "needs --baseline";
  EXPECT_EQ(run({"check", "--rules", rules.string(), "plan.toml", "--baseline", "/dev/zero"}, here).exit_code, 2);
}

// Agreement findings are keyed by the declaration that contains them: an edit above keeps them accepted, the
// same mistake in another declaration is new.
TEST(Baseline, LintTakesABaselineToo) {
  e2e::temp_dir dir;
  const std::string agreement =
      e2e::read_file(e2e::source_dir() / "samples" / "agreements" / "period-overlap.akkoord");
  dir.write("a.akkoord", agreement);
  const e2e::run_options here{.cwd = dir.path()};
  ASSERT_EQ(run({"lint", "a.akkoord"}, here).exit_code, 1);
  EXPECT_EQ(run({"lint", "a.akkoord", "--baseline", "b.json", "--update-baseline"}, here).exit_code, 0);
  EXPECT_NE(e2e::read_file(dir.path() / "b.json").find(R"("key": "period `volgende`")"), std::string::npos)
      << e2e::read_file(dir.path() / "b.json");
  EXPECT_EQ(run({"lint", "a.akkoord", "--baseline", "b.json"}, here).exit_code, 0);
  dir.write("a.akkoord", "# Een regel commentaar erboven.\n\n" + agreement);
  EXPECT_EQ(run({"lint", "a.akkoord", "--baseline", "b.json"}, here).exit_code, 0);
  dir.write("a.akkoord", agreement + "\nperiod later \"Nog later\" 2030-01-01 .. 2031-12-31\n");
  const auto another = run({"lint", "a.akkoord", "--baseline", "b.json", "--format", "short"}, here);
  EXPECT_EQ(another.exit_code, 1) << another.out << another.err;
  EXPECT_NE(another.out.find("period `later`"), std::string::npos) << another.out;
}

}  // namespace

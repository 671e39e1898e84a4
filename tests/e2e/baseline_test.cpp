// `--baseline FILE` and `--update-baseline` (cli.md): recorded findings are accepted, new ones still count.
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
  EXPECT_NE(file.find("\"version\": 1"), std::string::npos) << file;
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

TEST(Baseline, MissingOrInvalidBaselineIsAUsageError) {
  e2e::temp_dir dir;
  const auto rules = e2e::source_dir() / "rules" / "aa.akkoord";
  dir.write("plan.toml", plan_with_mistake());
  const e2e::run_options here{.cwd = dir.path()};
  const auto missing = run(check_args(rules, {"--baseline", "nope.json"}), here);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read the baseline `nope.json`"), std::string::npos) << missing.err;
  const auto dutch = run(check_args(rules, {"--baseline", "nope.json", "--lang", "nl"}), here);
  EXPECT_NE(dutch.err.find("kan de baseline `nope.json` niet lezen"), std::string::npos) << dutch.err;

  dir.write("bad.json", "{\"version\": 1}");
  const auto invalid = run(check_args(rules, {"--baseline", "bad.json"}), here);
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_NE(invalid.err.find("not a baseline file"), std::string::npos) << invalid.err;
  dir.write("broken.json", "{\n  \"version\": 1,\n  \"findings\": [,]\n}\n");  // a merge gone wrong
  const auto broken = run(check_args(rules, {"--baseline", "broken.json", "--lang", "nl"}), here);
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("`broken.json`: geen baselinebestand: ongeldige JSON op regel 3, kolom 16"),
            std::string::npos)
      << broken.err;

  EXPECT_EQ(run(check_args(rules, {"--update-baseline"}), here).exit_code, 2) << "needs --baseline";
  EXPECT_EQ(run({"check", "--rules", rules.string(), "plan.toml", "--baseline", "/dev/zero"}, here).exit_code, 2);
}

TEST(Baseline, LintTakesABaselineToo) {
  e2e::temp_dir dir;
  const auto agreement = e2e::source_dir() / "samples" / "agreements" / "period-overlap.akkoord";
  const e2e::run_options here{.cwd = dir.path()};
  ASSERT_EQ(run({"lint", agreement.string()}, here).exit_code, 1);
  EXPECT_EQ(run({"lint", agreement.string(), "--baseline", "b.json", "--update-baseline"}, here).exit_code, 0);
  EXPECT_EQ(run({"lint", agreement.string(), "--baseline", "b.json"}, here).exit_code, 0);
}

}  // namespace

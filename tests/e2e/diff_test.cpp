// `akkoord diff OLD NEW [--plans DIR]`: an edit of rules/aa.akkoord in a temporary directory, against samples/plans.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

#include "run_process.hpp"

namespace {

using e2e::run;

std::string aa_agreement() { return e2e::read_file(e2e::source_dir() / "rules" / "aa.akkoord"); }

// rules/aa.akkoord with the competence of `strategie` returned to Aalsmeer in 2026 instead of 2022: plans that
// have the kernorganisatie carry it out in 2025 are then wrong.
std::string strategie_returned_later() {
  std::string text = aa_agreement();
  const std::string task = "task strategie ";
  const auto at = text.find(task);
  const std::string clause = "returned_to kernorganisatie from 2022-04-01";
  const auto clause_at = at == std::string::npos ? at : text.find(clause, at);
  EXPECT_NE(clause_at, std::string::npos) << "rules/aa.akkoord no longer has the clause this test edits";
  if (clause_at != std::string::npos)
    text.replace(clause_at, clause.size(), "returned_to kernorganisatie from 2026-01-01");
  return text;
}

TEST(Diff, ListsTheChangeAndTheBrokenPlans) {
  e2e::temp_dir dir;
  const auto edited = dir.write("aa.akkoord", strategie_returned_later());
  const auto result =
      run({"diff", "rules/aa.akkoord", edited.string(), "--plans", "samples/plans", "--color", "never"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find(edited.string() + ":"), std::string::npos) << "the change is located in NEW";
  EXPECT_NE(result.out.find("changed task `strategie`: returned_to kernorganisatie from 2022-04-01 -> 2026-01-01"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("broken by the edit: samples/plans/aalsmeer-2025.toml"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("[wrong-executor]"), std::string::npos) << result.out;
  // The plan that had the AA-organisation do `strategie` in 2025 is right again.
  std::smatch counts;
  const std::regex summary(R"((\d+) plans checked: (\d+) broken by the edit, (\d+) fixed)");
  ASSERT_TRUE(std::regex_search(result.out, counts, summary)) << result.out;
  EXPECT_GT(std::stoi(counts[2]), 0);
  EXPECT_GE(std::stoi(counts[3]), 1);
  // Findings the plans already had are not repeated.
  EXPECT_EQ(result.out.find("[unknown-agreement]"), std::string::npos) << result.out;
}

TEST(Diff, IdenticalAgreementsChangeNothing) {
  e2e::temp_dir dir;
  const auto copy = dir.write("aa.akkoord", "# only a comment more\n" + aa_agreement());
  const auto result = run({"diff", "rules/aa.akkoord", copy.string(), "--plans", "samples/plans"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(result.out.rfind("no changes\n", 0), 0u) << result.out;
  EXPECT_NE(result.out.find(" checked: 0 broken by the edit, 0 fixed"), std::string::npos) << result.out;
  const auto without_plans = run({"diff", "rules/aa.akkoord", "rules/aa.akkoord"});
  EXPECT_EQ(without_plans.exit_code, 0);
  EXPECT_EQ(without_plans.out, "no changes\n");
}

TEST(Diff, DutchAndJson) {
  e2e::temp_dir dir;
  const auto edited = dir.write("aa.akkoord", strategie_returned_later());
  const auto dutch = run({"diff", "rules/aa.akkoord", edited.string(), "--plans", "samples/plans", "--lang", "nl"});
  EXPECT_EQ(dutch.exit_code, 1);
  EXPECT_NE(dutch.out.find("task `strategie` gewijzigd: returned_to kernorganisatie"), std::string::npos) << dutch.out;
  EXPECT_NE(dutch.out.find("voldoet door de wijziging niet meer: samples/plans/aalsmeer-2025.toml"), std::string::npos);
  const auto json = run({"diff", "rules/aa.akkoord", edited.string(), "--plans", "samples/plans", "--format", "json"});
  EXPECT_EQ(json.exit_code, 1);
  const auto parsed = nlohmann::json::parse(json.out);
  EXPECT_EQ(parsed.at("version"), 1);
  ASSERT_FALSE(parsed.at("findings").empty());
  const auto& changes = parsed.at("changes");
  ASSERT_EQ(changes.size(), 1u) << json.out;
  EXPECT_EQ(changes[0].at("change"), "changed");
  EXPECT_EQ(changes[0].at("kind"), "task");
  EXPECT_EQ(changes[0].at("id"), "strategie");
  const auto& plans = parsed.at("plans");
  EXPECT_GT(plans.at("checked").get<int>(), 20);
  const auto& broken = plans.at("broken");
  EXPECT_NE(std::find(broken.begin(), broken.end(), "samples/plans/aalsmeer-2025.toml"), broken.end()) << json.out;
  EXPECT_EQ(plans.at("fixed"), nlohmann::json::array({"samples/plans/returned-competence-strategie-by-aa.toml"}));
  // Every finding the JSON lists is one the edit added: none of them is in a plan the edit did not break.
  for (const auto& finding : parsed.at("findings")) {
    const std::string file = finding.at("file");
    EXPECT_NE(std::find(broken.begin(), broken.end(), file), broken.end()) << file;
  }
}

TEST(Diff, RemovedDeclarationAndUnloadableAgreement) {
  e2e::temp_dir dir;
  std::string text = aa_agreement();
  const auto at = text.find("milestone evaluatie ");
  ASSERT_NE(at, std::string::npos);
  const auto end = text.find("}\n", at);
  ASSERT_NE(end, std::string::npos);
  text.erase(at, end + 2 - at);
  text = std::regex_replace(text, std::regex(" until evaluatie"), "");  // keep the agreement loadable
  const auto edited = dir.write("aa.akkoord", text);
  const auto removed = run({"diff", "rules/aa.akkoord", edited.string()});
  EXPECT_NE(removed.out.find("rules/aa.akkoord:"), std::string::npos) << "a removed declaration is shown in OLD";
  EXPECT_NE(removed.out.find("removed milestone `evaluatie`"), std::string::npos) << removed.out << removed.err;
  EXPECT_NE(removed.out.find("changed period `volgende`: - until evaluatie"), std::string::npos) << removed.out;

  const auto broken = dir.write("broken.akkoord", "agreement {\n");
  EXPECT_EQ(run({"diff", "rules/aa.akkoord", broken.string()}).exit_code, 2);
  EXPECT_EQ(run({"diff", "rules/aa.akkoord"}).exit_code, 2);  // NEW missing: usage error
}

}  // namespace

namespace diff_ci {

// A document repository in a temporary directory: the agreement split over two files (the task `strategie` in
// an included file), one plan, everything committed.
struct repository {
  e2e::temp_dir dir;
  std::string strategie;  // the included file's text as committed

  repository() {
    std::string text = aa_agreement();
    const auto at = text.find("task strategie ");
    const auto end = at == std::string::npos ? at : text.find("\n}\n", at);
    EXPECT_NE(end, std::string::npos) << "rules/aa.akkoord no longer has the task this test moves";
    strategie = text.substr(at, end + 3 - at);
    text.erase(at, end + 3 - at);
    dir.write("rules/main.akkoord", "include \"strategie.akkoord\"\n" + text);
    dir.write("rules/strategie.akkoord", strategie);
    dir.write("plans/aalsmeer-2025.toml", e2e::read_file(e2e::source_dir() / "samples/plans/aalsmeer-2025.toml"));
    git("init -q");
    git("add -A");
    git("-c user.name=test -c user.email=test@example.org commit -q -m plans");
  }
  void git(const std::string& args) const {
    const std::string command = "git -C '" + dir.path().string() + "' " + args + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  e2e::run_result akkoord(const std::vector<std::string>& args) const { return run(args, {.cwd = dir.path()}); }
};

TEST(DiffGit, ReadsTheOldVersionWithItsIncludesFromTheRevision) {
  const repository repo;
  // Unchanged: the old version's include is read at the revision too, so nothing counts as added.
  const auto same = repo.akkoord({"diff", "--git", "HEAD", "rules/main.akkoord", "--plans", "plans"});
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  EXPECT_EQ(same.out.rfind("no changes\n", 0), 0u) << same.out;

  std::string edited = repo.strategie;
  const auto clause = edited.find("from 2022-04-01");
  ASSERT_NE(clause, std::string::npos);
  edited.replace(clause, 15, "from 2026-01-01");
  repo.dir.write("rules/strategie.akkoord", edited);
  const auto changed = repo.akkoord({"diff", "--git", "HEAD", "rules/main.akkoord", "--plans", "plans"});
  EXPECT_EQ(changed.exit_code, 1) << changed.out << changed.err;
  EXPECT_NE(changed.out.find("rules/strategie.akkoord:1:1: changed task `strategie`"), std::string::npos) << changed.out;
  EXPECT_NE(changed.out.find("broken by the edit: plans/aalsmeer-2025.toml"), std::string::npos) << changed.out;
  EXPECT_NE(changed.out.find("1 plan checked: 1 broken by the edit, 0 fixed"), std::string::npos) << changed.out;
}

TEST(DiffGit, WithoutPlansTheConfiguredPlansAreChecked) {
  const repository repo;
  repo.dir.write(".akkoord.toml", "rules = \"rules/main.akkoord\"\nplans = [\"plans/*.toml\"]\n");
  std::string edited = repo.strategie;
  edited.replace(edited.find("from 2022-04-01"), 15, "from 2026-01-01");
  repo.dir.write("rules/strategie.akkoord", edited);
  const auto result = repo.akkoord({"diff", "--git", "HEAD", "rules/main.akkoord"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("1 plan checked: 1 broken by the edit, 0 fixed"), std::string::npos) << result.out;
}

TEST(DiffGit, AnUnknownRevisionIsAUsageError) {
  const repository repo;
  const auto result = repo.akkoord({"diff", "--git", "no-such-branch", "rules/main.akkoord"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("`no-such-branch` is not a revision"), std::string::npos) << result.err;
  const auto two_files = repo.akkoord({"diff", "--git", "HEAD", "rules/main.akkoord", "rules/main.akkoord"});
  EXPECT_EQ(two_files.exit_code, 2) << two_files.err;
}

TEST(DiffCi, AMistypedPlansFolderIsAUsageError) {
  const repository repo;
  const auto result = repo.akkoord({"diff", "--git", "HEAD", "rules/main.akkoord", "--plans", "plan"});
  EXPECT_EQ(result.exit_code, 2) << result.out;
  EXPECT_NE(result.err.find("`--plans plan`: no such file or directory"), std::string::npos) << result.err;
}

TEST(DiffCi, MachineFormatsCarryOnlyWhatTheEditAdds) {
  e2e::temp_dir dir;
  const auto edited = dir.write("aa.akkoord", strategie_returned_later());
  const std::vector<std::string> base{"diff", "rules/aa.akkoord", edited.string(), "--plans", "samples/plans"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  };
  const auto json = nlohmann::json::parse(with({"--format", "json"}).out);
  const std::size_t added = json.at("findings").size();
  ASSERT_GT(added, 0u);

  const auto sarif = with({"--format", "sarif"});
  EXPECT_EQ(sarif.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(sarif.out).at("runs").at(0).at("results").size(), added);

  const auto github = with({"--format", "github"});
  std::size_t annotations = 0;
  for (std::size_t at = 0; (at = github.out.find("\n::", at)) != std::string::npos; ++at) ++annotations;
  if (github.out.rfind("::", 0) == 0) ++annotations;
  EXPECT_EQ(annotations, added) << github.out;

  const auto quiet = with({"--quiet"});
  EXPECT_EQ(quiet.exit_code, 1);
  EXPECT_EQ(quiet.out.find("changed task"), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find("[wrong-executor]"), std::string::npos) << quiet.out;
  EXPECT_NE(quiet.out.find(" plans checked: "), std::string::npos) << quiet.out;

  // --plans is repeatable: each plan once, the same verdict.
  const auto twice = with({"--plans", "samples/plans/aalsmeer-2025.toml", "--format", "json"});
  const auto twice_json = nlohmann::json::parse(twice.out);
  EXPECT_EQ(twice_json.at("plans").at("checked"), json.at("plans").at("checked"));
  EXPECT_EQ(twice_json.at("plans").at("broken"), json.at("plans").at("broken"));
}

}  // namespace diff_ci

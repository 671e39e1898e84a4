// `check --fix`, `lint --fix` and `--diff` end to end, on copies of samples: the file changed (atomically), the
// fixed findings gone, what changed told, the exit code of what is left; `--diff` leaves the file as it was.
#include <gtest/gtest.h>

#include <filesystem>

#include "run_process.hpp"
#include "strict_json.hpp"

namespace {

namespace fs = std::filesystem;
using e2e::run;

const std::string rules = "rules/aa.akkoord";

fs::path copy_sample(const e2e::temp_dir& dir, const std::string& sample) {
  const fs::path from = e2e::source_dir() / "samples" / sample;
  return dir.write(from.filename().string(), e2e::read_file(from));
}

std::size_t entries_in(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(Fix, CheckFixRewritesThePlanAndReportsWhatIsLeft) {
  e2e::temp_dir dir;
  const fs::path plan = copy_sample(dir, "plans/unknown-reference-misspelt-task.toml");
  const std::string before = e2e::read_file(plan);
  const auto found = run({"check", "--rules", rules, "--format", "short", plan.string()});
  EXPECT_EQ(found.exit_code, 1);
  EXPECT_NE(found.out.find("[unknown-reference] [*]"), std::string::npos) << found.out;
  EXPECT_NE(found.out.find("[*] 1 finding can be fixed with `--fix`"), std::string::npos) << found.out;

  const auto fixed = run({"check", "--rules", rules, "--format", "short", "--fix", plan.string()});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out << fixed.err;
  const std::string after = e2e::read_file(plan);
  EXPECT_NE(after, before);
  EXPECT_NE(after.find("task = \"deelnemingen\""), std::string::npos);
  EXPECT_EQ(after.find("task = \"deelneming\"\n"), std::string::npos);
  EXPECT_NE(fixed.out.find(plan.string() + ": 1 fix applied\n  - replace `deelneming` with `deelnemingen` "
                                           "[unknown-reference]\n"),
            std::string::npos)
      << fixed.out;
  EXPECT_NE(fixed.out.find("0 errors, 0 warnings, 0 infos in 1 file"), std::string::npos) << fixed.out;
  EXPECT_EQ(entries_in(dir.path()), 1u);  // written through a temporary file and rename(): nothing left beside it

  // Nothing left to fix: a second run changes nothing and is clean.
  const auto again = run({"check", "--rules", rules, "--fix", plan.string()});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(e2e::read_file(plan), after);
}

TEST(Fix, DiffPreviewsTheFixAndChangesNothing) {
  e2e::temp_dir dir;
  const fs::path plan = copy_sample(dir, "plans/invalid-type-numeric-taakveld.toml");
  const std::string before = e2e::read_file(plan);
  const auto preview = run({"check", "--rules", rules, "--diff", plan.string()});
  EXPECT_EQ(preview.exit_code, 1) << preview.out << preview.err;
  EXPECT_EQ(preview.out.rfind("--- " + plan.string() + "\n+++ " + plan.string() + "\n@@ ", 0), 0u) << preview.out;
  EXPECT_NE(preview.out.find("\n-taakveld = 6.60\n+taakveld = \"6.60\"\n"), std::string::npos) << preview.out;
  EXPECT_NE(preview.err.find(plan.string() + ": 1 fix would be applied"), std::string::npos) << preview.err;
  EXPECT_EQ(e2e::read_file(plan), before);

  const auto dutch = run({"check", "--rules", rules, "--diff", "--lang", "nl", plan.string()});
  EXPECT_NE(dutch.err.find(plan.string() + ": 1 correctie zou worden aangebracht\n  - vervang `6.60` door `\"6.60\"`"),
            std::string::npos)
      << dutch.err;

  // A file without anything to fix: no diff, exit code 0.
  const auto clean = run({"check", "--rules", rules, "--diff", (e2e::source_dir() / "samples/plans/aalsmeer-2025.toml").string()});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(clean.out, "");
}

TEST(Fix, LintFixCorrectsAReferenceInAnAgreement) {
  e2e::temp_dir dir;
  const fs::path agreement = copy_sample(dir, "agreements/undefined-reference.akkoord");
  const auto fixed = run({"lint", "--fix", agreement.string()});
  EXPECT_NE(fixed.out.find("replace `aalsmer` with `aalsmeer` [undefined-reference]"), std::string::npos) << fixed.out;
  const auto after = run({"lint", "--format", "json", agreement.string()});
  EXPECT_EQ(after.out.find("\"undefined-reference\""), std::string::npos) << after.out;
  EXPECT_EQ(fixed.exit_code, after.exit_code);
  EXPECT_NE(e2e::read_file(agreement).find("responsible aalsmeer"), std::string::npos);
}

TEST(Fix, AnAgreementWithSyntaxErrorsIsLeftUntouched) {
  e2e::temp_dir dir;
  // A fixable reference, and a syntax error further on.
  const fs::path agreement = copy_sample(dir, "agreements/undefined-reference.akkoord");
  const std::string broken = e2e::read_file(agreement) + "\nperiod kapot \"Kapot\" 2026-01-01 ..\n";
  dir.write(agreement.filename().string(), broken);
  const auto fixed = run({"lint", "--fix", agreement.string()});
  EXPECT_EQ(fixed.exit_code, 1) << fixed.out << fixed.err;
  EXPECT_EQ(e2e::read_file(agreement), broken);
}

TEST(Fix, JsonAndSarifCarryTheFix) {
  const std::string plan = (e2e::source_dir() / "samples/plans/unknown-reference-misspelt-task.toml").string();
  const auto json = run({"check", "--rules", rules, "--format", "json", plan});
  const auto report = strict_json::parse(json.out);
  const auto& fix = report["findings"][0]["fix"];
  EXPECT_EQ(fix["title"], "replace `deelneming` with `deelnemingen`");
  ASSERT_EQ(fix["edits"].size(), 1u);
  EXPECT_EQ(fix["edits"][0]["line"], 140);
  EXPECT_EQ(fix["edits"][0]["column"], 8);
  EXPECT_EQ(fix["edits"][0]["end_column"], 20);
  EXPECT_EQ(fix["edits"][0]["replacement"], "\"deelnemingen\"");

  const auto sarif = run({"check", "--rules", rules, "--format", "sarif", plan});
  const auto log = strict_json::parse(sarif.out);
  const auto& result = log["runs"][0]["results"][0];
  ASSERT_TRUE(result.contains("fixes")) << sarif.out;
  const auto& change = result["fixes"][0]["artifactChanges"][0];
  EXPECT_EQ(result["fixes"][0]["description"]["text"], "replace `deelneming` with `deelnemingen`");
  EXPECT_EQ(change["replacements"][0]["deletedRegion"]["startLine"], 140);
  EXPECT_EQ(change["replacements"][0]["deletedRegion"]["startColumn"], 8);
  EXPECT_EQ(change["replacements"][0]["deletedRegion"]["endColumn"], 20);
  EXPECT_EQ(change["replacements"][0]["insertedContent"]["text"], "\"deelnemingen\"");
  EXPECT_EQ(log["runs"][0]["columnKind"], "unicodeCodePoints");
}

TEST(Fix, FixAndDiffTogetherAreAUsageError) {
  EXPECT_EQ(run({"lint", "--fix", "--diff", rules}).exit_code, 2);
}

}  // namespace

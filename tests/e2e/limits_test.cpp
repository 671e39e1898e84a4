// Every limit of docs/limits.md, through the built binary: an input just over the limit gives the documented
// finding and the run goes on with the other files; an input just under it is read as usual.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "run_process.hpp"
#include "strict_json.hpp"

namespace {

namespace fs = std::filesystem;
using e2e::run;

constexpr std::size_t max_file_bytes = 16u * 1024u * 1024u;
constexpr std::size_t max_agreement_files = 256;
constexpr int max_directory_depth = 64;
constexpr std::size_t max_toml_nesting = 128;

std::string sample(const std::string& relative) { return e2e::read_file(e2e::source_dir() / relative); }

// `text` followed by a comment that makes it exactly `size` bytes.
std::string padded(std::string text, std::size_t size) {
  text += "#";
  text.append(size - text.size() - 1, 'x');
  text += '\n';
  return text;
}

struct report {
  int exit_code = -1;
  nlohmann::ordered_json json;
  std::string err;

  // The findings in `file` (a path as given, or its ending) with `id`.
  std::vector<nlohmann::ordered_json> findings(const std::string& file_ending, const std::string& id) const {
    std::vector<nlohmann::ordered_json> out;
    for (const auto& f : json["findings"])
      if (f["id"] == id && f["file"].is_string() && f["file"].get<std::string>().ends_with(file_ending)) out.push_back(f);
    return out;
  }
};

report json_run(std::vector<std::string> args, const fs::path& cwd = e2e::source_dir()) {
  args.insert(args.end(), {"--format", "json"});
  const auto result = run(args, {.cwd = cwd});
  report r;
  r.exit_code = result.exit_code;
  r.err = result.err;
  r.json = strict_json::parse(result.out);
  return r;
}

// The plan the other files of a run are checked beside: it has one contribution-mismatch error.
const std::string witness_plan = "samples/plans/contribution-mismatch.toml";

// ---- file size ----------------------------------------------------------------------------------------------

TEST(Limits, APlanFileOverSixteenMebibytesIsNotReadAndTheRunGoesOn) {
  e2e::temp_dir dir;
  const fs::path over = dir.write("over.toml", padded(sample("samples/plans/aalsmeer-2025.toml"), max_file_bytes + 1));
  const fs::path under = dir.write("under.toml", padded(sample("samples/plans/aalsmeer-2025.toml"), max_file_bytes));
  const report r = json_run({"check", "--rules", "rules/aa.akkoord", over.string(), under.string(), witness_plan});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto too_large = r.findings("over.toml", "toml-syntax");
  ASSERT_EQ(too_large.size(), 1u) << r.json.dump(1);
  EXPECT_EQ(too_large[0]["message"], "cannot read `" + over.string() +
                                         "`: is too large (16,777,217 bytes): akkoord reads files of at most 16 MiB");
  EXPECT_TRUE(too_large[0]["line"].is_null());
  for (const auto& f : r.json["findings"]) EXPECT_FALSE(f["file"].get<std::string>().ends_with("under.toml")) << f;
  EXPECT_EQ(r.findings(witness_plan, "contribution-mismatch").size(), 1u) << r.json.dump(1);
  EXPECT_EQ(r.json["summary"]["files"], 3);
}

TEST(Limits, AnAgreementFileOverSixteenMebibytesIsNotReadAndLintGoesOn) {
  e2e::temp_dir dir;
  const std::string agreement = sample("rules/aa.akkoord");
  const fs::path over = dir.write("over.akkoord", padded(agreement, max_file_bytes + 1));
  const fs::path under = dir.write("under.akkoord", padded(agreement, max_file_bytes));
  const report r = json_run({"lint", over.string(), under.string(), "samples/agreements/period-overlap.akkoord"});
  EXPECT_EQ(r.exit_code, 1) << "a file lint cannot read is a finding like a syntax error: " << r.err;
  const auto too_large = r.findings("over.akkoord", "dsl-syntax");
  ASSERT_EQ(too_large.size(), 1u) << r.json.dump(1);
  EXPECT_NE(too_large[0]["message"].get<std::string>().find("is too large (16,777,217 bytes)"), std::string::npos);
  for (const auto& f : r.json["findings"]) EXPECT_FALSE(f["file"].get<std::string>().ends_with("under.akkoord")) << f;
  EXPECT_EQ(r.findings("period-overlap.akkoord", "period-overlap").size(), 1u) << r.json.dump(1);
}

// ---- includes -----------------------------------------------------------------------------------------------

// An agreement that includes `parts` files, each with one rule: `parts` + 1 files in all.
fs::path agreement_with_parts(const e2e::temp_dir& dir, const std::string& name, std::size_t parts) {
  std::string root = sample("rules/aa.akkoord");
  for (std::size_t k = 1; k <= parts; ++k) {
    const std::string part = name + "-parts/p" + std::to_string(k) + ".akkoord";
    root += "include \"" + part + "\"\n";
    dir.write(part, "rule r_" + name + "_" + std::to_string(k) + " \"Deel\" info { require plan.year > 0 }\n");
  }
  return dir.write(name + ".akkoord", root);
}

TEST(Limits, AnAgreementOfMoreThan256FilesReportsTheIncludeThatIsOneTooMany) {
  e2e::temp_dir dir;
  const fs::path over = agreement_with_parts(dir, "over", max_agreement_files);
  const fs::path under = agreement_with_parts(dir, "under", max_agreement_files - 1);
  const report r = json_run({"lint", over.string(), under.string(), "samples/agreements/period-overlap.akkoord"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto errors = r.findings("over.akkoord", "include-error");
  ASSERT_EQ(errors.size(), 1u) << r.json.dump(1);
  const std::string reference = sample("rules/aa.akkoord");
  const auto lines_before_includes = std::count(reference.begin(), reference.end(), '\n');
  EXPECT_EQ(errors[0]["line"], lines_before_includes + static_cast<std::ptrdiff_t>(max_agreement_files));
  EXPECT_EQ(errors[0]["message"], "the agreement already has 256 files, the most akkoord reads: "
                                  "`over-parts/p256.akkoord` is not read");
  EXPECT_TRUE(r.findings("under.akkoord", "include-error").empty()) << r.json.dump(1);
  EXPECT_EQ(r.findings("period-overlap.akkoord", "period-overlap").size(), 1u) << r.json.dump(1);
}

// ---- findings per file --------------------------------------------------------------------------------------

// The too-many-findings fixtures: 1,004 findings (warnings, then one error) and 1,000.
const fs::path findings_fixtures = "validator/checks/too_many_findings/fixtures";

TEST(Limits, AThousandFindingsAreListedAndTheRestCountedInOneThatFailsTheRun) {
  const report r = json_run({"check", "--rules", "rules/aa.akkoord",
                             (findings_fixtures / "over_the_limit/plans/aalsmeer-2025.toml").string(), witness_plan});
  // The listed findings are warnings: the hidden error alone makes the exit code 1.
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::size_t in_plan = 0, errors_listed = 0;
  for (const auto& f : r.json["findings"]) {
    if (!f["file"].get<std::string>().ends_with("over_the_limit/plans/aalsmeer-2025.toml")) continue;
    ++in_plan;
    if (f["id"] != "too-many-findings" && f["severity"] == "error") ++errors_listed;
  }
  EXPECT_EQ(in_plan, 1001u);
  EXPECT_EQ(errors_listed, 0u);
  const auto summary = r.findings("aalsmeer-2025.toml", "too-many-findings");
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(summary[0]["severity"], "error");
  EXPECT_EQ(summary[0]["message"], "4 more findings from here on are not listed (1 error, 3 warnings): akkoord lists "
                                   "at most 1000 findings per file");
  EXPECT_EQ(r.findings(witness_plan, "contribution-mismatch").size(), 1u);

  // With the check of the error switched off, only warnings are hidden: a warning, and no failure.
  e2e::temp_dir dir;
  dir.write(".akkoord.toml", "[checks]\nunknown-taakveld = \"off\"\n");
  const report without_error =
      json_run({"check", "--rules", (e2e::source_dir() / "rules/aa.akkoord").string(),
                (e2e::source_dir() / findings_fixtures / "over_the_limit/plans/aalsmeer-2025.toml").string()},
               dir.path());
  EXPECT_EQ(without_error.exit_code, 0) << without_error.err;
  const auto warning = without_error.findings("aalsmeer-2025.toml", "too-many-findings");
  ASSERT_EQ(warning.size(), 1u);
  EXPECT_EQ(warning[0]["severity"], "warning");
}

TEST(Limits, AThousandFindingsAreAllListed) {
  const report r = json_run({"check", "--rules", "rules/aa.akkoord",
                             (findings_fixtures / "at_the_limit/plans/aalsmeer-2025.toml").string()});
  EXPECT_EQ(r.exit_code, 1) << "the error is listed: " << r.err;
  EXPECT_EQ(r.json["findings"].size(), 1000u);
  EXPECT_TRUE(r.findings("aalsmeer-2025.toml", "too-many-findings").empty());
}

// ---- directories --------------------------------------------------------------------------------------------

std::string nested(int levels) {
  std::string path;
  for (int k = 0; k < levels; ++k) path += "d/";
  return path;
}

TEST(Limits, DirectoriesDeeperThan64LevelsAreNamedInAWarningAndNotSearched) {
  e2e::temp_dir dir;
  const std::string plan = sample("samples/plans/aalsmeer-2025.toml");
  dir.write("plans/" + nested(max_directory_depth - 1) + "found.toml", plan);
  dir.write("plans/" + nested(max_directory_depth) + "not-found.toml", plan);
  dir.write(".akkoord.toml", "rules = \"" + (e2e::source_dir() / "rules/aa.akkoord").string() +
                                 "\"\nplans = [\"plans/**/*.toml\"]\n");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"check", "plans"},  // a directory as input
                                              std::vector<std::string>{"check"}}) {        // `plans` with `**`
    const auto result = run(args, {.cwd = dir.path()});
    SCOPED_TRACE(args.size() == 1 ? "** pattern" : "directory");
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find(" in 1 file"), std::string::npos) << result.out;
    const std::string deepest = nested(max_directory_depth);
    EXPECT_NE(result.err.find(deepest.substr(0, deepest.size() - 1) + "` lies more than 64 levels deep and was not searched"),
              std::string::npos)
        << result.err;
  }
}

// ---- TOML nesting -------------------------------------------------------------------------------------------

std::string dotted_key(std::size_t parts) {
  std::string key = "a";
  for (std::size_t k = 1; k < parts; ++k) key += ".a";
  return key;
}

TEST(Limits, TomlNestedDeeperThan128LevelsIsATomlSyntaxFindingAndTheRunGoesOn) {
  e2e::temp_dir dir;
  const std::string plan = sample("samples/plans/aalsmeer-2025.toml");
  const fs::path over = dir.write("over.toml", dotted_key(max_toml_nesting + 1) + " = 1\n" + plan);
  const fs::path under = dir.write("under.toml", dotted_key(max_toml_nesting) + " = 1\n" + plan);
  const report r = json_run({"check", "--rules", "rules/aa.akkoord", over.string(), under.string(), witness_plan});
  const auto too_deep = r.findings("over.toml", "toml-syntax");
  ASSERT_EQ(too_deep.size(), 1u) << r.json.dump(1);
  EXPECT_EQ(too_deep[0]["line"], 1);
  EXPECT_EQ(too_deep[0]["column"], 2 * static_cast<int>(max_toml_nesting) + 1);
  EXPECT_TRUE(r.findings("under.toml", "toml-syntax").empty()) << r.json.dump(1);
  EXPECT_EQ(r.findings("under.toml", "unknown-field").size(), 1u) << "read as usual: " << r.json.dump(1);
  EXPECT_EQ(r.findings(witness_plan, "contribution-mismatch").size(), 1u);
}

}  // namespace

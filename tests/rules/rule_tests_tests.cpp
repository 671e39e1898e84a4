// `akkoord test`, the library part: samples/rule-tests passes against rules/aa.akkoord and fires every rule;
// a directory of deliberately wrong expectations reports exactly what is missing and what is unexpected.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "rules_support.hpp"

namespace akkoord::testing {
namespace {

namespace fs = std::filesystem;

struct aa_agreement {
  source_manager sources;
  diagnostics load;
  std::unique_ptr<agreement_model> model;
  aa_agreement() { model = load_agreement((source_dir() / "rules" / "aa.akkoord").string(), sources, load); }
};

check_settings pinned() {
  check_settings s;
  s.today = civil_date{2025, 6, 1};
  return s;
}

TEST(rule_tests, the_sample_directory_passes_and_covers_every_rule) {
  aa_agreement aa;
  ASSERT_TRUE(aa.model) << render_short(aa.load, ".");
  const auto report =
      run_rule_tests(*aa.model, {(source_dir() / "samples" / "rule-tests").string()}, aa.sources, pinned());
  EXPECT_TRUE(report.all_passed()) << render_rule_test_report(report, language::en);
  EXPECT_GE(report.passed, 4u);
  EXPECT_EQ(report.failed, 0u);
  EXPECT_TRUE(report.uncovered_rules.empty()) << render_rule_test_report(report, language::en);
  const std::string text = render_rule_test_report(report, language::en);
  EXPECT_NE(text.find(std::to_string(report.passed) + " passed, 0 failed"), std::string::npos) << text;
}

// samples/plans/rule-ID.toml fires rule ID of rules/aa.akkoord, and nothing else.
TEST(rule_tests, each_sample_plan_fires_its_rule) {
  aa_agreement aa;
  ASSERT_TRUE(aa.model);
  for (const std::string rule : {"overhead_aandeel", "grote_activiteit"}) {
    const fs::path path = source_dir() / "samples" / "plans" / ("rule-" + rule + ".toml");
    const source_file& plan = aa.sources.add(path.string(), read_text(path));
    const auto found = check_plan_file(*aa.model, plan, pinned());
    ASSERT_EQ(found.size(), 1u) << render_short(found, source_dir());
    EXPECT_EQ(found[0].id, "rule:" + rule);
    EXPECT_EQ(found[0].level, severity::warning);
    EXPECT_EQ(found[0].related.at(0).span.file->path(), (source_dir() / "rules" / "aa.akkoord").string());
  }
}

class scratch_dir {
 public:
  scratch_dir() : path_(fs::temp_directory_path() / ("akkoord-rule-tests-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~scratch_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(rule_tests, wrong_expectations_are_reported_per_file_with_lines) {
  aa_agreement aa;
  ASSERT_TRUE(aa.model);
  const std::string sample = read_text(source_dir() / "samples" / "rule-tests" / "grote-activiteit.toml");
  scratch_dir dir;
  // The same plan, its markers removed: the rule's finding is now unexpected.
  std::string unmarked = sample;
  for (std::size_t p; (p = unmarked.find("# expect")) != std::string::npos;)
    unmarked.erase(p, unmarked.find('\n', p) - p);
  dir.write("a-unmarked.toml", unmarked);
  // A marker for something that does not happen: missing, at its line, and anywhere.
  dir.write("b-missing.toml", sample + "# expect-anywhere: rule:overhead_aandeel\n");
  dir.write("c-not-a-plan.txt", "ignored: not *.toml");

  const auto report = run_rule_tests(*aa.model, {dir.path().string()}, aa.sources, pinned());
  ASSERT_EQ(report.files.size(), 2u);
  EXPECT_EQ(report.failed, 2u);
  EXPECT_EQ(report.passed, 0u);
  EXPECT_FALSE(report.all_passed());

  const auto& unmarked_result = report.files[0];
  EXPECT_TRUE(unmarked_result.missing.empty());
  ASSERT_EQ(unmarked_result.unexpected.size(), 1u);
  EXPECT_EQ(unmarked_result.unexpected[0].id, "rule:grote_activiteit");
  EXPECT_GT(unmarked_result.unexpected[0].line, 0u);

  const auto& missing_result = report.files[1];
  EXPECT_TRUE(missing_result.unexpected.empty());
  ASSERT_EQ(missing_result.missing.size(), 1u);
  EXPECT_EQ(missing_result.missing[0].id, "rule:overhead_aandeel");
  EXPECT_EQ(missing_result.missing[0].line, 0u);

  // Only grote_activiteit fired in this directory.
  EXPECT_EQ(report.uncovered_rules, std::vector<std::string>{"rule:overhead_aandeel"});

  const std::string en = render_rule_test_report(report, language::en);
  EXPECT_NE(en.find("FAIL " + (dir.path() / "a-unmarked.toml").string()), std::string::npos) << en;
  EXPECT_NE(en.find("unexpected `rule:grote_activiteit`"), std::string::npos) << en;
  EXPECT_NE(en.find("anywhere: expected `rule:overhead_aandeel`, not reported"), std::string::npos) << en;
  EXPECT_NE(en.find("0 passed, 2 failed"), std::string::npos) << en;
  EXPECT_NE(en.find("rules no test made fire: rule:overhead_aandeel"), std::string::npos) << en;
  const std::string nl = render_rule_test_report(report, language::nl);
  EXPECT_NE(nl.find("0 geslaagd, 2 mislukt"), std::string::npos) << nl;
  EXPECT_NE(nl.find("MISLUKT "), std::string::npos) << nl;
}

TEST(rule_tests, a_marker_on_the_wrong_line_is_missing_there_and_unexpected_elsewhere) {
  aa_agreement aa;
  ASSERT_TRUE(aa.model);
  std::string sample = read_text(source_dir() / "samples" / "rule-tests" / "grote-activiteit.toml");
  const std::size_t marker = sample.find("  # expect: rule:grote_activiteit");
  ASSERT_NE(marker, std::string::npos);
  sample.erase(marker, std::string("  # expect: rule:grote_activiteit").size());
  sample = "# expect: rule:grote_activiteit\n" + sample;  // line 1: wrong
  scratch_dir dir;
  dir.write("moved.toml", sample);
  const auto report = run_rule_tests(*aa.model, {dir.path().string()}, aa.sources, pinned());
  ASSERT_EQ(report.files.size(), 1u);
  ASSERT_EQ(report.files[0].missing.size(), 1u);
  EXPECT_EQ(report.files[0].missing[0].line, 1u);
  ASSERT_EQ(report.files[0].unexpected.size(), 1u);
  EXPECT_EQ(report.files[0].unexpected[0].id, "rule:grote_activiteit");
}

// A comment line of 200,000 `#` and as many trailing spaces holds no marker; looking for one must not
// trim the rest of the line again for every `#` (10^10 steps). A marker after other `#`s is still found.
TEST(rule_tests, a_long_line_of_hashes_is_read_once) {
  aa_agreement aa;
  ASSERT_TRUE(aa.model);
  std::string sample = read_text(source_dir() / "samples" / "rule-tests" / "grote-activiteit.toml");
  const std::string marker = "  # expect: rule:grote_activiteit";
  const std::size_t at = sample.find(marker);
  ASSERT_NE(at, std::string::npos);
  sample.replace(at, marker.size(), "  # note # # expect: rule:grote_activiteit");
  sample = std::string(200000, '#') + std::string(200000, ' ') + "\n" + sample;
  scratch_dir dir;
  dir.write("hashes.toml", sample);
  const auto report = run_rule_tests(*aa.model, {dir.path().string()}, aa.sources, pinned());
  EXPECT_TRUE(report.all_passed()) << render_rule_test_report(report, language::en);
  EXPECT_EQ(report.passed, 1u);
}

TEST(rule_tests, a_directory_that_does_not_exist_fails_the_run) {
  aa_agreement aa;
  ASSERT_TRUE(aa.model);
  scratch_dir empty;
  const auto report = run_rule_tests(*aa.model, {"/no/such/dir", empty.path().string()}, aa.sources, pinned());
  EXPECT_TRUE(report.files.empty());
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_FALSE(report.all_passed());
  EXPECT_NE(render_rule_test_report(report, language::en).find("error: `/no/such/dir` does not exist"),
            std::string::npos);
}

TEST(rule_tests, severity_overrides_apply_to_rules) {
  aa_agreement aa;
  ASSERT_TRUE(aa.model);
  const source_file& plan =
      aa.sources.add("grote.toml", read_text(source_dir() / "samples" / "rule-tests" / "grote-activiteit.toml"));
  check_settings settings = pinned();
  settings.overrides["rule:grote_activiteit"] = severity::error;
  auto found = check_plan_file(*aa.model, plan, settings);
  const auto it =
      std::find_if(found.begin(), found.end(), [](const diagnostic& d) { return d.id == "rule:grote_activiteit"; });
  ASSERT_NE(it, found.end());
  EXPECT_EQ(it->level, severity::error);
  settings.overrides["rule:grote_activiteit"] = std::nullopt;  // off
  found = check_plan_file(*aa.model, plan, settings);
  EXPECT_TRUE(
      std::none_of(found.begin(), found.end(), [](const diagnostic& d) { return d.id == "rule:grote_activiteit"; }));
}

}  // namespace
}  // namespace akkoord::testing

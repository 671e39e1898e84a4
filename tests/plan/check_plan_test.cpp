// The plan engine: every plan check, then the plan's inline suppressions, then the settings.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/plan.hpp"
#include "akkoord/validator/run.hpp"
#include "plan_support.hpp"

namespace akkoord {
namespace {

const std::string aa_path = std::string(AKKOORD_SOURCE_DIR) + "/rules/aa.akkoord";

class check_plan_test : public ::testing::Test {
 protected:
  void SetUp() override {
    diagnostics problems;
    model_ = load_agreement(aa_path, sources_, problems);
    ASSERT_TRUE(model_);
    settings_.today = civil_date{2025, 6, 1};
  }

  diagnostics check(std::string text) {
    const source_file& file = sources_.add("plan.toml", std::move(text));
    return check_plan_file(*model_, file, settings_);
  }

  source_manager sources_;
  std::unique_ptr<agreement_model> model_;
  check_settings settings_;
};

// A 2025 plan with one burgerzaken activity whose hours do not match its fte (8 × 1536 = 12288).
std::string plan_with(std::string_view comment_above, std::string_view trailing = "") {
  std::string text = R"([plan]
agreement = "AA"
municipality = "aalsmeer"
year = 2025

[[activity]]
id = "A-001"
task = "burgerzaken"
executor = "AA"
budget = 850_000
fte = 8.0
)";
  text += comment_above;
  text += "hours = 10_000";
  text += trailing;
  text += "\n";
  return text;
}

std::vector<const diagnostic*> with_id(const diagnostics& ds, std::string_view id) {
  std::vector<const diagnostic*> out;
  for (const auto& d : ds)
    if (d.id == id) out.push_back(&d);
  return out;
}

TEST_F(check_plan_test, finding_without_suppression_is_reported) {
  const auto found = check(plan_with(""));
  const auto fte = with_id(found, "fte-hours-mismatch");
  ASSERT_EQ(fte.size(), 1u);
  EXPECT_FALSE(fte[0]->suppressed);
  EXPECT_EQ(fte[0]->primary.begin, (source_pos{12, 9}));
  EXPECT_TRUE(with_id(found, "suppression").empty());
}

TEST_F(check_plan_test, suppression_on_the_line_above_waives_and_keeps_the_finding) {
  const auto found =
      check(plan_with("# akkoord: allow(fte-hours-mismatch) until 2026-01-01 -- part-time staff (besluit B&W 2025/123)\n"));
  const auto fte = with_id(found, "fte-hours-mismatch");
  ASSERT_EQ(fte.size(), 1u);
  EXPECT_TRUE(fte[0]->suppressed);
  EXPECT_TRUE(with_id(found, "suppression").empty());
}

TEST_F(check_plan_test, suppression_on_the_same_line_waives) {
  const auto found = check(plan_with("", "  # akkoord: allow(fte-hours-mismatch) -- besluit B&W 2025/123"));
  const auto fte = with_id(found, "fte-hours-mismatch");
  ASSERT_EQ(fte.size(), 1u);
  EXPECT_TRUE(fte[0]->suppressed);
}

TEST_F(check_plan_test, suppression_two_lines_above_does_not_reach) {
  const auto found = check(plan_with("# akkoord: allow(fte-hours-mismatch) -- besluit B&W 2025/123\n\n"));
  const auto fte = with_id(found, "fte-hours-mismatch");
  ASSERT_EQ(fte.size(), 1u);
  EXPECT_FALSE(fte[0]->suppressed);
  const auto sup = with_id(found, "suppression");
  ASSERT_EQ(sup.size(), 1u);
  EXPECT_EQ(sup[0]->message.en, "suppression of `fte-hours-mismatch` suppresses nothing");
}

TEST_F(check_plan_test, suppression_without_reason_is_a_warning_and_does_not_waive) {
  const auto found = check(plan_with("# akkoord: allow(fte-hours-mismatch)\n"));
  const auto fte = with_id(found, "fte-hours-mismatch");
  ASSERT_EQ(fte.size(), 1u);
  EXPECT_FALSE(fte[0]->suppressed);
  const auto sup = with_id(found, "suppression");
  ASSERT_EQ(sup.size(), 1u);
  EXPECT_EQ(sup[0]->level, severity::warning);
  EXPECT_EQ(sup[0]->message.en, "suppression of `fte-hours-mismatch` has no reason");
  EXPECT_EQ(sup[0]->message.nl, "de uitzondering voor `fte-hours-mismatch` vermeldt geen reden");
  EXPECT_EQ(sup[0]->primary.begin, (source_pos{12, 1}));
}

TEST_F(check_plan_test, expired_suppression_is_a_warning_and_the_finding_returns) {
  const auto found = check(plan_with("# akkoord: allow(fte-hours-mismatch) until 2025-05-31 -- besluit B&W 2024/9\n"));
  const auto fte = with_id(found, "fte-hours-mismatch");
  ASSERT_EQ(fte.size(), 1u);
  EXPECT_FALSE(fte[0]->suppressed);
  const auto sup = with_id(found, "suppression");
  ASSERT_EQ(sup.size(), 1u);
  EXPECT_EQ(sup[0]->message.en, "suppression of `fte-hours-mismatch` expired on 2025-05-31");
}

TEST_F(check_plan_test, suppression_until_today_still_holds) {
  const auto found = check(plan_with("# akkoord: allow(fte-hours-mismatch) until 2025-06-01 -- besluit B&W 2024/9\n"));
  ASSERT_EQ(with_id(found, "fte-hours-mismatch").size(), 1u);
  EXPECT_TRUE(with_id(found, "fte-hours-mismatch")[0]->suppressed);
  EXPECT_TRUE(with_id(found, "suppression").empty());
}

TEST_F(check_plan_test, unknown_id_in_a_suppression_gets_did_you_mean) {
  const auto found = check(plan_with("# akkoord: allow(fte-hour-mismatch) -- besluit B&W 2025/123\n"));
  const auto sup = with_id(found, "suppression");
  ASSERT_EQ(sup.size(), 1u);
  EXPECT_EQ(sup[0]->message.en, "suppression names `fte-hour-mismatch`, which is not a check");
  ASSERT_TRUE(sup[0]->help.has_value());
  EXPECT_EQ(sup[0]->help->en, "did you mean `fte-hours-mismatch`?");
}

TEST_F(check_plan_test, rule_ids_can_be_suppressed_by_name) {
  const auto found = check(plan_with("# akkoord: allow(rule:no_such_rule, rule:overhead_aandeel) -- besluit\n"));
  const auto sup = with_id(found, "suppression");
  ASSERT_EQ(sup.size(), 2u);
  std::vector<std::string> messages{sup[0]->message.en, sup[1]->message.en};
  std::sort(messages.begin(), messages.end());
  EXPECT_EQ(messages[0], "suppression names `rule:no_such_rule`, which is not a check");
  EXPECT_EQ(messages[1], "suppression of `rule:overhead_aandeel` suppresses nothing");
}

TEST_F(check_plan_test, settings_apply_after_suppressions) {
  settings_.overrides["fte-hours-mismatch"] = std::nullopt;  // off
  const auto found = check(plan_with("# akkoord: allow(fte-hours-mismatch) -- besluit B&W 2025/123\n"));
  EXPECT_TRUE(with_id(found, "fte-hours-mismatch").empty());
  EXPECT_TRUE(with_id(found, "suppression").empty());  // it did waive something before the switch
  settings_.overrides["fte-hours-mismatch"] = severity::error;
  const auto found2 = check(plan_with(""));
  ASSERT_EQ(with_id(found2, "fte-hours-mismatch").size(), 1u);
  EXPECT_EQ(with_id(found2, "fte-hours-mismatch")[0]->level, severity::error);
}

TEST_F(check_plan_test, a_plan_file_is_read_once_and_checked_against_each_agreement) {
  const auto path = std::filesystem::temp_directory_path() / ("akkoord-check-plan-" + std::to_string(::getpid()) + ".toml");
  {
    std::ofstream out(path);
    out << plan_with("");
  }
  const agreement_model* const both[] = {model_.get(), model_.get()};
  const plan_check result = check_plan_against(path.string(), both, sources_, settings_);
  std::filesystem::remove(path);
  ASSERT_EQ(result.findings.size(), 2u);
  EXPECT_EQ(with_id(result.findings[0], "fte-hours-mismatch").size(), 1u);
  ASSERT_EQ(result.findings[1].size(), result.findings[0].size());
  ASSERT_NE(result.typed, nullptr);
  ASSERT_EQ(result.typed->activities.size(), 1u);
  EXPECT_EQ(result.typed->activities[0].budget->value, 85'000'000);
  ASSERT_TRUE(result.figures);
  EXPECT_EQ(result.figures->budget_cents, 85'000'000);
}

TEST_F(check_plan_test, a_plan_that_cannot_be_read_has_a_finding_against_each_agreement) {
  const agreement_model* const both[] = {model_.get(), model_.get()};
  const plan_check result = check_plan_against("/nonexistent/akkoord/plan.toml", both, sources_, settings_);
  ASSERT_EQ(result.findings.size(), 2u);
  for (const diagnostics& found : result.findings) {
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].id, "toml-syntax");
    EXPECT_NE(found[0].message.en.find("/nonexistent/akkoord/plan.toml"), std::string::npos);
  }
  EXPECT_EQ(result.typed, nullptr);
}

TEST_F(check_plan_test, toml_syntax_stops_the_plan_checks) {
  const auto found = check("[plan]\nyear = \n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "toml-syntax");
}

TEST_F(check_plan_test, the_four_toml_abort_headers_are_findings) {
  for (const char* text : {"[", "[.]", "[..]", "[!]"}) {
    const auto found = check(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].id, "toml-syntax") << text;
  }
}

TEST_F(check_plan_test, findings_are_sorted_and_identical_across_threads) {
  std::string text = plan_with("");
  text += "[[activity]]\nid = \"A-001\"\ntask = \"burgerzakn\"\nexecutor = \"AB\"\nbudget = 1\ntaakveld = \"6.6\"\n";
  const source_file& file = sources_.add("plan.toml", text);
  const auto reference = check_plan_file(*model_, file, settings_);
  ASSERT_GE(reference.size(), 4u);
  for (std::size_t i = 1; i < reference.size(); ++i)
    EXPECT_LE(reference[i - 1].primary.begin, reference[i].primary.begin);
  std::vector<diagnostics> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&] { r = check_plan_file(*model_, file, settings_); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    ASSERT_EQ(r.size(), reference.size());
    for (std::size_t i = 0; i < r.size(); ++i) EXPECT_EQ(r[i].message.en, reference[i].message.en);
  }
}

TEST(compare_fractions, is_exact_near_the_edges) {
  using plan_support::compare_fractions;
  using plan_support::u128;
  EXPECT_EQ(compare_fractions(1, 3, 1, 3), 0);
  EXPECT_EQ(compare_fractions(2, 6, 1, 3), 0);
  EXPECT_EQ(compare_fractions(1, 3, 333, 1000), 1);
  EXPECT_EQ(compare_fractions(333, 1000, 1, 3), -1);
  EXPECT_EQ(compare_fractions(0, 5, 0, 7), 0);
  EXPECT_EQ(compare_fractions(0, 5, 1, 7), -1);
  EXPECT_EQ(compare_fractions(5, 100, 5, 100), 0);  // exactly at a 5% tolerance
  const u128 big = (u128{1} << 120) + 1;
  EXPECT_EQ(compare_fractions(big, big - 1, big - 1, big - 2), -1);  // 1 + 1/(b-1) < 1 + 1/(b-2)
  EXPECT_EQ(compare_fractions(big - 1, big, big - 2, big - 1), 1);
}

}  // namespace
}  // namespace akkoord

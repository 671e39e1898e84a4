// Cross-plan work in the run (run.cpp, check_plans_against): many plans of two municipalities over several years,
// with duplicates, checked with one job and with four. The findings must be identical, and the cross-plan
// findings (duplicate-plan, budget-swing, a rule with `previous(…)`) must be there, so the comparison means
// something; `diff` gets the same cross-plan findings against each agreement.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>

#include "akkoord/validator/run.hpp"

namespace akkoord {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view agreement_text = R"(agreement AA "Samenwerking" {
  since 2013-01-01
  documents centrumregeling
  hours_per_fte 1_536 tolerance 5%
}
party aalsmeer "Gemeente Aalsmeer" { roles opdrachtgever inhabitants 31_991 }
party amstelveen "Gemeente Amstelveen" { roles centrumgemeente inhabitants 94_435 }
executor AA "AA-organisatie" { employer amstelveen serves amstelveen, aalsmeer }
period basis "Basisdienstverlening" 2013-01-01 .. 2030-12-31
task burgerzaken "Burgerzaken" { taakveld 0.2 responsible aalsmeer executed_by AA from 2013-01-01 }
task belastingen "Belastingen" { taakveld 0.61 responsible aalsmeer executed_by AA from 2013-01-01 }
task wmo "Wmo" { taakveld 6.1 responsible aalsmeer executed_by AA from 2013-01-01 }
rule groei "Hoogstens 10% groei" warning {
  require sum(activity.budget) <= previous(sum(activity.budget)) * 110%
  message "{sum(activity.budget)} against {previous(sum(activity.budget))}"
}
)";

class scratch {
 public:
  scratch() : path_(fs::temp_directory_path() / ("akkoord-cross-plan-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_ / "plans");
  }
  ~scratch() { fs::remove_all(path_); }
  void write(const std::string& name, std::string_view text) const { std::ofstream(path_ / name) << text; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A plan whose budgets change from year to year (and the wmo task comes and goes), so that budget-swing and the
// rule fire on some plans and not on others.
std::string plan_text(std::string_view municipality, int year, int variant) {
  std::string text = fmt::format("[plan]\nagreement = \"AA\"\nmunicipality = \"{}\"\nyear = {}\n", municipality, year);
  const int step = (year * 7 + variant * 13) % 10;
  const auto activity = [&](int n, std::string_view task, long euros) {
    text += fmt::format("\n[[activity]]\nid = \"A-{:03}\"\ntask = \"{}\"\nexecutor = \"AA\"\nbudget = {}\n", n, task, euros);
  };
  activity(1, "burgerzaken", 1'000'000 + 150'000L * step);
  activity(2, "belastingen", 900'000 - 60'000L * step);
  if (year % 3 != 0) activity(3, "wmo", 300'000 + 10'000L * step);
  return text;
}

std::string rendered(const run_result& run) {
  std::string out;
  for (const diagnostic& d : run.findings) {
    out += fmt::format("{}:{}:{}: {} {} / {}\n", d.primary.file ? d.primary.file->path() : "-", d.primary.begin.line,
                       d.primary.begin.column, d.id, d.message.en, d.message.nl);
    for (const label& r : d.related)
      out += fmt::format("  {}:{}: {}\n", r.span.file ? r.span.file->path() : "-", r.span.begin.line, r.message.en);
    for (const text& n : d.notes) out += "  " + n.en + "\n";
  }
  return out;
}

std::size_t count_of(const run_result& run, std::string_view id) {
  return static_cast<std::size_t>(
      std::count_if(run.findings.begin(), run.findings.end(), [&](const diagnostic& d) { return d.id == id; }));
}

struct corpus {
  scratch dir;
  std::vector<std::string> plans;
  std::size_t duplicates = 0;
  corpus() {
    dir.write("agreement.akkoord", agreement_text);
    // Input order is not year order: the engine must not depend on it (except to pick the earlier duplicate).
    for (int round = 0; round < 4; ++round)
      for (const char* municipality : {"amstelveen", "aalsmeer"})
        for (int year = 2030; year >= 2013; --year) {
          if (round > 0 && year % (round + 2) != 0) continue;  // a few duplicates per municipality
          const std::string name = fmt::format("plans/{}-{}-{}.toml", municipality, year, round);
          dir.write(name, plan_text(municipality, year, round));
          plans.push_back((dir.path() / name).string());
          duplicates += round > 0 ? 1 : 0;
        }
  }
  std::string agreement() const { return (dir.path() / "agreement.akkoord").string(); }
};

run_result run_with(const corpus& c, unsigned jobs) {
  run_options options;
  options.jobs = jobs;
  options.checks.today = civil_date{2025, 6, 1};
  return check_run(c.agreement(), c.plans, options);
}

TEST(cross_plan, the_findings_are_the_same_for_one_job_and_for_four) {
  const corpus c;
  ASSERT_GE(c.plans.size(), 60u);
  const run_result one = run_with(c, 1);
  const run_result four = run_with(c, 4);
  ASSERT_FALSE(one.failed) << rendered(one);
  EXPECT_EQ(count_of(one, "duplicate-plan"), c.duplicates);
  EXPECT_GT(count_of(one, "budget-swing"), 10u);
  EXPECT_GT(count_of(one, "rule:groei"), 5u);
  EXPECT_EQ(rendered(one), rendered(four));
  // Repeated runs with many jobs: a race would show as a difference sooner or later.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(rendered(one), rendered(run_with(c, 8)));
}

TEST(cross_plan, a_duplicate_points_to_the_first_plan_in_input_order) {
  const corpus c;
  const run_result run = run_with(c, 4);
  for (const diagnostic& d : run.findings) {
    if (d.id != "duplicate-plan") continue;
    ASSERT_EQ(d.related.size(), 1u);
    const std::string later = d.primary.file->path(), earlier = d.related[0].span.file->path();
    EXPECT_NE(later, earlier);
    EXPECT_TRUE(earlier.ends_with("-0.toml")) << earlier << " is not the first of its year";
    EXPECT_LT(std::find(c.plans.begin(), c.plans.end(), earlier), std::find(c.plans.begin(), c.plans.end(), later));
  }
}

TEST(cross_plan, previous_year_is_found_whatever_the_input_order) {
  scratch dir;
  dir.write("agreement.akkoord", agreement_text);
  dir.write("plans/b.toml", plan_text("aalsmeer", 2025, 0));
  dir.write("plans/a.toml", plan_text("aalsmeer", 2024, 5));  // burgerzaken EUR 1,000,000 in 2024, 1,750,000 in 2025
  run_options options;
  for (const auto& order : {std::vector<std::string>{"b", "a"}, std::vector<std::string>{"a", "b"}}) {
    std::vector<std::string> plans;
    for (const auto& name : order) plans.push_back((dir.path() / "plans" / (name + ".toml")).string());
    const run_result run = check_run((dir.path() / "agreement.akkoord").string(), plans, options);
    ASSERT_FALSE(run.failed);
    std::size_t swings_in_2025 = 0;
    for (const diagnostic& d : run.findings)
      if (d.id == "budget-swing" && d.primary.file->path().ends_with("b.toml")) ++swings_in_2025;
    EXPECT_GE(swings_in_2025, 1u) << rendered(run);
    EXPECT_EQ(count_of(run, "duplicate-plan"), 0u);
  }
}

TEST(cross_plan, the_same_file_named_twice_is_not_a_duplicate) {
  scratch dir;
  dir.write("agreement.akkoord", agreement_text);
  dir.write("plans/a.toml", plan_text("aalsmeer", 2025, 0));
  const std::string path = (dir.path() / "plans" / "a.toml").string();
  const run_result run = check_run((dir.path() / "agreement.akkoord").string(), {path, path}, run_options{});
  ASSERT_FALSE(run.failed);
  EXPECT_EQ(count_of(run, "duplicate-plan"), 0u) << rendered(run);
}

TEST(cross_plan, diff_sees_the_neighbours_against_both_agreements) {
  const corpus c;
  source_manager sources;
  diagnostics problems;
  std::unique_ptr<agreement_model> before = load_agreement(c.agreement(), sources, problems);
  std::unique_ptr<agreement_model> after = load_agreement(c.agreement(), sources, problems);
  ASSERT_TRUE(before && after);
  const agreement_model* const both[] = {before.get(), after.get()};
  std::vector<std::string> failures;
  const std::vector<plan_check> checked = check_plans_against(c.plans, both, sources, check_settings{}, 4, failures);
  ASSERT_EQ(checked.size(), c.plans.size());
  std::size_t duplicates = 0;
  for (std::size_t i = 0; i < checked.size(); ++i) {
    EXPECT_TRUE(failures[i].empty()) << failures[i];
    ASSERT_EQ(checked[i].findings.size(), 2u);
    EXPECT_EQ(checked[i].findings[0].size(), checked[i].findings[1].size()) << c.plans[i];
    for (const diagnostic& d : checked[i].findings[1]) duplicates += d.id == "duplicate-plan" ? 1 : 0;
  }
  EXPECT_EQ(duplicates, c.duplicates);
}

}  // namespace
}  // namespace akkoord

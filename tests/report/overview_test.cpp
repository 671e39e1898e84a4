// The overview of a run (overview.hpp) on the bundled samples, checked by the real engine: one row per plan with
// the engine's figures, municipalities with their years in order, the status of a plan at a glance tied to the
// findings of its checks, names beside codes, and the report time (SOURCE_DATE_EPOCH).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "akkoord/validator/overview.hpp"

namespace akkoord {
namespace {

std::string at(const std::string& relative) { return std::string(AKKOORD_SOURCE_DIR) + "/" + relative; }

run_result checked(const std::vector<std::string>& plans) {
  std::vector<std::string> paths;
  for (const std::string& p : plans) paths.push_back(at(p));
  return check_run(at("rules/aa.akkoord"), paths, {});
}

const status_item& item(const overview_plan& row, status_kind kind) {
  const auto it = std::find_if(row.at_a_glance.begin(), row.at_a_glance.end(),
                               [&](const status_item& i) { return i.kind == kind; });
  if (it == row.at_a_glance.end()) throw std::runtime_error("no status item");
  return *it;
}

const status_clause& clause(const status_item& i, std::string_view id) {
  const auto it = std::find_if(i.clauses.begin(), i.clauses.end(), [&](const status_clause& c) { return c.id == id; });
  if (it == i.clauses.end()) throw std::runtime_error("no clause " + std::string(id));
  return *it;
}

TEST(Overview, OneRowPerPlanWithTheEngineFiguresAndYearsInOrder) {
  // Given newest first: the municipality lists them oldest first.
  const run_result run = checked({"samples/years/aalsmeer-2026.toml", "samples/years/aalsmeer-2024.toml",
                                  "samples/years/aalsmeer-2023.toml", "samples/years/aalsmeer-2025.toml"});
  const overview o = build_overview(run);
  EXPECT_EQ(o.facts.agreement_id, "AA");
  EXPECT_EQ(o.facts.agreement_title, "Centrumregeling ambtelijke samenwerking Aalsmeer en Amstelveen");
  EXPECT_EQ(o.facts.agreement_file, at("rules/aa.akkoord"));
  ASSERT_EQ(o.plans.size(), 4u);
  ASSERT_EQ(o.municipalities.size(), 1u);
  const overview_municipality& aalsmeer = o.municipalities.front();
  EXPECT_EQ(aalsmeer.id, "aalsmeer");
  EXPECT_EQ(aalsmeer.name, "Gemeente Aalsmeer");
  ASSERT_EQ(aalsmeer.plans, (std::vector<std::size_t>{2, 1, 3, 0}));

  const overview_plan& y2025 = o.plans[3];
  EXPECT_EQ(y2025.year, 2025);
  EXPECT_EQ(y2025.municipality_name, "Gemeente Aalsmeer");
  EXPECT_EQ(y2025.contribution_title, "Dienstverleningsbijdrage Aalsmeer aan AA");
  EXPECT_EQ(y2025.verdict, plan_verdict::clean);
  EXPECT_EQ(y2025.total_cents, y2025.typed()->total->value);
  ASSERT_TRUE(y2025.agreed && y2025.agreed->known());
  EXPECT_EQ(y2025.agreed->cents, 1'970'000'000);  // stated for 2025
  EXPECT_EQ(y2025.saving_ceiling_cents, 1'970'000'000);  // EUR 20,000,000 (2024) - EUR 300,000
  ASSERT_TRUE(o.plans[0].agreed && o.plans[0].agreed->known());
  EXPECT_EQ(o.plans[0].agreed->cents, 2'009'400'000);  // 2026: 2025 indexed by 2%
  EXPECT_FALSE(o.plans[2].saving_ceiling_cents);       // 2023: no saving in force

  // Per task a budget per year, from each plan's figures.
  for (const task_years& task : aalsmeer.tasks) EXPECT_EQ(task.budget_cents.size(), 4u) << task.id;
  const auto burgerzaken = std::find_if(aalsmeer.tasks.begin(), aalsmeer.tasks.end(),
                                        [](const task_years& t) { return t.id == "burgerzaken"; });
  ASSERT_NE(burgerzaken, aalsmeer.tasks.end());
  const auto& tasks_2025 = y2025.figures()->tasks;
  const auto in_2025 = std::find_if(tasks_2025.begin(), tasks_2025.end(),
                                    [](const named_sum& t) { return t.id == "burgerzaken"; });
  ASSERT_NE(in_2025, tasks_2025.end());
  EXPECT_EQ(burgerzaken->budget_cents[2], in_2025->budget_cents);

  // The BBV lists of 2023–2026 are two: 2023–2024 and 2025–2026.
  ASSERT_EQ(o.facts.bbv_lists.size(), 2u);
  EXPECT_EQ(o.facts.bbv_lists[0]->first_year, 2023);
  EXPECT_EQ(o.facts.bbv_lists[1]->first_year, 2025);
}

TEST(Overview, StatusAtAGlanceMarksTheClauseTheFindingPointsInto) {
  const run_result run = checked({"samples/plans/missing-basic-service-groen.toml"});
  const overview o = build_overview(run);
  ASSERT_EQ(o.plans.size(), 1u);
  const overview_plan& row = o.plans.front();
  EXPECT_EQ(row.verdict, plan_verdict::fails);
  EXPECT_EQ(row.findings.errors, 1u);
  const status_item& basic = item(row, status_kind::basic_services);
  EXPECT_EQ(basic.check_id, "missing-basic-service");
  EXPECT_FALSE(basic.met());
  EXPECT_FALSE(clause(basic, "groen").met);
  EXPECT_TRUE(clause(basic, "burgerzaken").met);
  EXPECT_TRUE(item(row, status_kind::returned_competences).met());
  EXPECT_EQ(clause(item(row, status_kind::returned_competences), "strategie").article->text.value, "artikel 5");
  // Amstelveen's own basic task is not Aalsmeer's to plan.
  EXPECT_THROW(clause(basic, "dienstverlening_amstelveen"), std::runtime_error);
}

TEST(Overview, MilestonesDueAndSavingsInForce) {
  const run_result run = checked({"samples/plans/milestone-overdue.toml", "samples/plans/saving-not-realised.toml"});
  const overview o = build_overview(run);
  ASSERT_EQ(o.plans.size(), 2u);
  const status_item& milestones = item(o.plans[0], status_kind::milestones);
  EXPECT_FALSE(milestones.met());
  EXPECT_EQ(clause(milestones, "evaluatie").due, (civil_date{2025, 7, 1}));
  EXPECT_FALSE(clause(milestones, "evaluatie").recorded);
  EXPECT_EQ(o.plans[0].verdict, plan_verdict::remarks);  // a warning, below fail_on = error

  const status_item& savings = item(o.plans[1], status_kind::savings);
  EXPECT_FALSE(savings.met());
  EXPECT_FALSE(clause(savings, "kadernota_2025").met);
  EXPECT_EQ(clause(savings, "kadernota_2025").ceiling_cents, 1'970'000'000);
}

TEST(Overview, AnUnreadablePlanHasARowOfItsOwn) {
  const run_result run = checked({"samples/plans/toml-syntax-unclosed-string.toml", "samples/years/aalsmeer-2025.toml"});
  const overview o = build_overview(run);
  ASSERT_EQ(o.plans.size(), 2u);
  EXPECT_EQ(o.plans[0].verdict, plan_verdict::unreadable);
  ASSERT_EQ(o.municipalities.size(), 2u);
  EXPECT_EQ(o.municipalities.back().id, "");  // plans that name no municipality come last
  EXPECT_EQ(o.municipalities.back().plans, std::vector<std::size_t>{0});
}

TEST(Overview, NamesBesideCodes) {
  const run_result run = checked({"samples/years/aalsmeer-2025.toml"});
  const overview o = build_overview(run);
  EXPECT_EQ(o.task_title("strategie"), "Strategie en beleidsadvies Aalsmeer");
  EXPECT_EQ(o.executor_name("aalsmeer"), "Gemeente Aalsmeer");  // a party executes too
  EXPECT_EQ(o.saving_title("kadernota_2025"), "Formatieve besparing Kadernota 2025");
  EXPECT_EQ(o.task_title("nothing"), "");
  const taakveld_naming burgerzaken = overview::taakveld_name("0.2", 2025);
  EXPECT_TRUE(burgerzaken.known);
  EXPECT_EQ(burgerzaken.name, "Burgerzaken");
  EXPECT_FALSE(overview::taakveld_name("6.6", 2025).known);  // 6.60 since 2020
  EXPECT_TRUE(overview::taakveld_name("6.6", 2019).known);
}

TEST(Overview, ReportTimeHonoursSourceDateEpoch) {
  run_facts facts;
  set_generated_time(facts, "1764580200", 5);
  EXPECT_TRUE(facts.from_source_date_epoch);
  EXPECT_EQ(facts.generated_seconds, 1'764'580'200);
  EXPECT_EQ(generated_time_text(facts.generated_seconds, language::en), "2025-12-01 09:10 UTC");
  EXPECT_EQ(generated_time_text(facts.generated_seconds, language::nl), "1 december 2025, 09:10 UTC");

  for (const char* invalid : {"12x", "-1", "99999999999999999999"}) {
    run_facts other;
    set_generated_time(other, invalid, 5);
    EXPECT_FALSE(other.from_source_date_epoch) << invalid;
    EXPECT_EQ(other.invalid_source_date_epoch, invalid);
    EXPECT_EQ(other.generated_seconds, 5);
  }
  run_facts unset;
  set_generated_time(unset, nullptr, 7);
  EXPECT_EQ(unset.generated_seconds, 7);
  EXPECT_TRUE(unset.invalid_source_date_epoch.empty());
}

}  // namespace
}  // namespace akkoord

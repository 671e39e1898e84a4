// One driver for every check's fixtures: validator/checks/<check>/fixtures/<case>/ holds agreement.akkoord
// (and plan.toml for a plan check) and expected.txt, the short rendering of what that one check reports.
// An empty expected.txt means the check must stay silent. UPDATE_EXPECTED=1 rewrites expected.txt instead.
// Checks that compare plans (duplicate-plan, budget-swing, `previous(…)` in rules) take a `plans/` folder
// instead of plan.toml: its `*.toml` files, sorted by name (that is the input order, which decides which of two
// plans is the earlier), are checked in ONE run through the engine (check_run), as `akkoord check plans/` does;
// expected.txt lists the findings of all of them, file by file. Without agreement.akkoord, a case uses
// rules/aa.akkoord.
// A case whose findings carry fixes has `fixed.toml` (or `fixed.akkoord`): its input with every fix applied. The
// driver applies the fixes, compares, and checks the fixed file again: the fixed findings must be gone.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>

#include "akkoord/fix.hpp"
#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/run.hpp"
#include "fixture_support.hpp"

namespace akkoord::testing {
namespace {

namespace fs = std::filesystem;

struct fixture_case {
  std::string check_id;  // from the check directory's name
  fs::path dir;
  std::string test_name;  // DuplicateDefinitionTwoParties
};

// gtest prints a failing case's parameter: show its directory, not its bytes.
void PrintTo(const fixture_case& c, std::ostream* os) { *os << c.dir.string(); }

std::string camel_case(std::string_view s) {
  std::string out;
  bool upper = true;
  for (const char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::vector<fixture_case> discover_cases() {
  std::vector<fixture_case> cases;
  std::error_code ec;
  for (const auto& check : fs::directory_iterator(checks_dir(), ec)) {
    const fs::path fixtures = check.path() / "fixtures";
    if (!fs::is_directory(fixtures)) continue;
    for (const auto& c : fs::directory_iterator(fixtures, ec)) {
      if (!c.is_directory()) continue;
      const std::string check_name = check.path().filename().string();
      cases.push_back({id_of_directory(check_name), c.path(),
                       camel_case(check_name) + camel_case(c.path().filename().string())});
    }
  }
  std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.dir < b.dir; });
  return cases;
}

// The fixed file of a case (`fixed.toml` / `fixed.akkoord`): what applying every fix of its findings gives; the
// fixed text checked again no longer has the findings that were fixed.
void expect_fixes(const fixture_case& c, const diagnostics& found, const fs::path& input,
                  const std::function<diagnostics(const std::string&)>& recheck) {
  const bool any_fix = std::any_of(found.begin(), found.end(), [](const diagnostic& d) { return d.fix.has_value(); });
  const fs::path fixed_path = input.empty() ? fs::path() : c.dir / ("fixed" + input.extension().string());
  if (!any_fix || input.empty()) {
    EXPECT_FALSE(!fixed_path.empty() && fs::exists(fixed_path)) << fixed_path << ": no finding of the case has a fix";
    EXPECT_FALSE(any_fix) << c.dir << ": fixes are tested on plan.toml or agreement.akkoord cases";
    return;
  }
  const source_file* file = nullptr;
  for (const diagnostic& d : found)
    if (d.fix) file = d.fix->edits.front().span.file;
  ASSERT_NE(file, nullptr);
  ASSERT_EQ(file->path(), input.string()) << "a case's fixes edit its input";
  const fixed_text fixed = apply_fixes(*file, found);
  EXPECT_TRUE(fixed.skipped.empty()) << c.dir << ": a case's fixes apply in one pass";
  const char* update = std::getenv("UPDATE_EXPECTED");
  if (update && std::string_view(update) == "1") {
    std::ofstream(fixed_path, std::ios::binary) << fixed.text;
  } else {
    ASSERT_TRUE(fs::exists(fixed_path)) << fixed_path << " is missing (UPDATE_EXPECTED=1 writes it)";
    EXPECT_EQ(fixed.text, read_text(fixed_path)) << "in " << c.dir.string();
  }
  const diagnostics again = recheck(fixed.text);
  for (const diagnostic* d : fixed.applied)
    for (const diagnostic& left : again)
      EXPECT_FALSE(left.id == d->id && left.message.en == d->message.en)
          << fixed_path << " still has the fixed finding: " << d->message.en;
  for (const diagnostic& left : again) EXPECT_FALSE(left.fix.has_value()) << fixed_path << ": " << left.message.en;
}

class check_fixture : public ::testing::TestWithParam<fixture_case> {};

TEST_P(check_fixture, matches_expected) {
  const fixture_case& c = GetParam();
  source_manager sources;
  check_settings settings;
  // too-many-findings counts what the other checks find: they all run, and only its own findings are compared.
  const bool counts_others = c.check_id == "too-many-findings";
  if (!counts_others) settings.only = c.check_id;
  settings.today = civil_date{2025, 6, 1};  // expiring suppressions are judged against a fixed day
  diagnostics found;
  std::shared_ptr<source_manager> run_sources;
  // A single-file case: its input and how to check a fixed version of it.
  fs::path fixed_input;
  std::function<diagnostics(const std::string&)> recheck;

  const fs::path agreement = c.dir / "agreement.akkoord";
  if (fs::is_directory(c.dir / "plans")) {
    std::vector<std::string> plans;
    for (const auto& entry : fs::directory_iterator(c.dir / "plans"))
      if (entry.path().extension() == ".toml") plans.push_back(entry.path().string());
    std::sort(plans.begin(), plans.end());
    ASSERT_GE(plans.size(), 2u) << c.dir / "plans" << " needs at least two plans";
    const fs::path rules = fs::exists(agreement) ? agreement : source_dir() / "rules" / "aa.akkoord";
    run_options options;
    options.checks = settings;
    run_result run = check_run(rules.string(), plans, options);
    ASSERT_FALSE(run.failed) << render_short(run.findings, c.dir);
    ASSERT_EQ(run.files.size(), plans.size() + 1);
    run_sources = run.sources;  // the findings point into the run's sources
    found = std::move(run.findings);
    if (counts_others) std::erase_if(found, [&](const diagnostic& d) { return d.id != c.check_id; });
  } else if (fs::exists(c.dir / "plan.toml")) {
#if AKKOORD_PLAN_ENGINE_READY
    // A plan case: the agreement must load; then the plan is checked against it.
    diagnostics load_problems;
    const fs::path rules = fs::exists(agreement) ? agreement : source_dir() / "rules" / "aa.akkoord";
    auto model = load_agreement(rules.string(), sources, load_problems);
    ASSERT_TRUE(model) << render_short(load_problems, c.dir);
    const fs::path plan_path = c.dir / "plan.toml";
    const source_file& plan = sources.add(plan_path.string(), read_text(plan_path));
    found = check_plan_file(*model, plan, settings);
    // plan_path by value: the lambda is called after this block ends.
    recheck = [&, plan_path, model = std::shared_ptr<agreement_model>(std::move(model))](const std::string& fixed_text) {
      return check_plan_file(*model, sources.add(plan_path.string(), fixed_text), settings);
    };
    fixed_input = plan_path;
#else
    GTEST_SKIP() << "plan fixture: check_plan_file is not implemented yet (set plan_engine_ready in "
                    "tests/checks/CMakeLists.txt once it is)";
#endif
  } else {
    ASSERT_TRUE(fs::exists(agreement)) << c.dir << " has neither agreement.akkoord nor plan.toml";
    lint_agreement(agreement.string(), sources, settings, found);
    recheck = [&](const std::string& fixed_text) {
      // lint reads a path (for its includes): the fixed text goes in a file of the same name beside a copy of the case
      const fs::path scratch = fs::temp_directory_path() / ("akkoord-fix-" + c.test_name);
      fs::remove_all(scratch);
      fs::copy(c.dir, scratch, fs::copy_options::recursive);
      std::ofstream(scratch / "agreement.akkoord", std::ios::binary) << fixed_text;
      diagnostics again;
      lint_agreement((scratch / "agreement.akkoord").string(), sources, settings, again);
      fs::remove_all(scratch);
      return again;
    };
    fixed_input = agreement;
  }

  // Every finding belongs to the check under test and speaks both languages.
  for (const auto& d : found) {
    EXPECT_EQ(d.id, c.check_id);
    EXPECT_FALSE(d.message.en.empty());
    EXPECT_FALSE(d.message.nl.empty()) << d.message.en;
    if (d.help) {
      EXPECT_FALSE(d.help->nl.empty()) << d.help->en;
    }
    for (const auto& n : d.notes) EXPECT_FALSE(n.nl.empty()) << n.en;
    for (const auto& r : d.related) EXPECT_EQ(r.message.en.empty(), r.message.nl.empty()) << r.message.en;
  }

  const std::string actual = render_short(found, c.dir);
  const fs::path expected_path = c.dir / "expected.txt";
  const char* update = std::getenv("UPDATE_EXPECTED");
  if (update && std::string_view(update) == "1") {
    std::ofstream(expected_path, std::ios::binary) << actual;
    expect_fixes(c, found, fixed_input, recheck);
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " is missing (UPDATE_EXPECTED=1 writes it)";
  EXPECT_EQ(actual, read_text(expected_path)) << "in " << c.dir.string()
                                               << "\n(UPDATE_EXPECTED=1 rewrites expected.txt; review the diff)";
  expect_fixes(c, found, fixed_input, recheck);
}

INSTANTIATE_TEST_SUITE_P(fixtures, check_fixture, ::testing::ValuesIn(discover_cases()),
                         [](const ::testing::TestParamInfo<fixture_case>& param_info) { return param_info.param.test_name; });

}  // namespace
}  // namespace akkoord::testing

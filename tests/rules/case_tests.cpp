// A directory of cases: tests/rules/cases/<case>/ holds agreement.akkoord, optionally plan.toml, and
// expected.txt — the short rendering (English) of the agreement's rule-type-error findings followed by what
// the custom rules report on the plan. expected.nl.txt, when present, is the same in Dutch. An empty
// expected.txt means: type-checks and stays silent. UPDATE_EXPECTED=1 rewrites the expected files.
// Instead of plan.toml a case may hold `plans/`: its `*.toml` (sorted by name) are checked in one run through
// the engine (check_run), so `previous(…)` sees the plan of the year before; the rules' findings are compared.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "akkoord/validator/run.hpp"
#include "rules_support.hpp"

namespace akkoord::testing {
namespace {

namespace fs = std::filesystem;

fs::path cases_dir() { return source_dir() / "tests" / "rules" / "cases"; }

std::vector<std::string> discover() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cases_dir(), ec))
    if (entry.is_directory()) out.push_back(entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

class rule_case : public ::testing::TestWithParam<std::string> {};

TEST_P(rule_case, matches_expected) {
  const fs::path dir = cases_dir() / GetParam();
  source_manager sources;
  diagnostics load;
  auto model = load_agreement((dir / "agreement.akkoord").string(), sources, load);
  ASSERT_TRUE(model) << render_short(load, dir);
  diagnostics found = rules_of(*model)->type_errors();
  std::shared_ptr<source_manager> run_sources;  // the run's findings point into it
  if (fs::is_directory(dir / "plans")) {
    std::vector<std::string> plans;
    for (const auto& entry : fs::directory_iterator(dir / "plans"))
      if (entry.path().extension() == ".toml") plans.push_back(entry.path().string());
    std::sort(plans.begin(), plans.end());
    run_options options;
    options.checks.today = civil_date{2025, 6, 1};
    run_result run = check_run((dir / "agreement.akkoord").string(), plans, options);
    run_sources = run.sources;
    for (diagnostic& d : run.findings)
      if (d.id.rfind("rule:", 0) == 0) found.push_back(std::move(d));
  } else if (fs::exists(dir / "plan.toml")) {
    const source_file& file = sources.add((dir / "plan.toml").string(), read_text(dir / "plan.toml"));
    diagnostics shape;
    const plan p = read_plan(file, shape);
    run_rules(*rules_of(*model), p, found);
  }
  sort_diagnostics(found);
  for (const auto& d : found) {
    EXPECT_TRUE(d.id == "rule-type-error" || d.id.rfind("rule:", 0) == 0) << d.id;
    EXPECT_FALSE(d.message.nl.empty()) << d.message.en;
  }
  const bool update = std::getenv("UPDATE_EXPECTED") && std::string_view(std::getenv("UPDATE_EXPECTED")) == "1";
  for (const auto& [name, lang] :
       {std::pair{"expected.txt", language::en}, std::pair{"expected.nl.txt", language::nl}}) {
    const fs::path expected = dir / name;
    if (lang == language::nl && !fs::exists(expected)) continue;
    const std::string actual = render_short(found, dir, lang);
    if (update) {
      std::ofstream(expected, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected)) << expected << " is missing (UPDATE_EXPECTED=1 writes it)";
    EXPECT_EQ(actual, read_text(expected)) << "in " << expected.string();
  }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string out;
  bool upper = true;
  for (const char c : info.param) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(cases, rule_case, ::testing::ValuesIn(discover()), test_name);

}  // namespace
}  // namespace akkoord::testing

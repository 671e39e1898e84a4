// The Dutch side of every finding.
//
// 1. A check fixture with `expected.nl.txt` beside its expected.txt is also rendered in Dutch, by the real short
//    renderer (`fout:`, `zie ook:`, `opmerking:`, `tip:`), and compared with that file. UPDATE_EXPECTED=1 rewrites
//    the expected.nl.txt files that exist (create an empty one to start).
// 2. Over every fixture (all checks on) and every sample, each finding speaks Dutch wherever it speaks English, and
//    its Dutch keeps the house style: dates in running text as "1 juli 2025" (ISO only inside backticks), money as
//    "€ 1.000,00", and the formal "u".
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>

#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/report.hpp"
#include "fixture_support.hpp"

namespace akkoord::testing {
namespace {

namespace fs = std::filesystem;

struct dutch_case {
  std::string check_id;
  fs::path dir;
  std::string test_name;
};

void PrintTo(const dutch_case& c, std::ostream* os) { *os << c.dir.string(); }

std::string camel(std::string_view s) {
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

// Every fixture directory, sorted; `with_dutch_only`: those with an expected.nl.txt.
std::vector<dutch_case> fixture_cases(bool with_dutch_only) {
  std::vector<dutch_case> cases;
  std::error_code ec;
  for (const auto& check : fs::directory_iterator(checks_dir(), ec)) {
    const fs::path fixtures = check.path() / "fixtures";
    if (!fs::is_directory(fixtures)) continue;
    for (const auto& c : fs::directory_iterator(fixtures, ec)) {
      if (!c.is_directory() || (with_dutch_only && !fs::exists(c.path() / "expected.nl.txt"))) continue;
      const std::string check_name = check.path().filename().string();
      cases.push_back({id_of_directory(check_name), c.path(), camel(check_name) + camel(c.path().filename().string())});
    }
  }
  std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.dir < b.dir; });
  return cases;
}

// What a fixture reports: its agreement linted and, for a plan case, the plan checked against it.
diagnostics run_fixture(const fs::path& dir, source_manager& sources, const check_settings& settings) {
  diagnostics found;
  const fs::path agreement = fs::exists(dir / "agreement.akkoord") ? dir / "agreement.akkoord"
                                                                   : source_dir() / "rules" / "aa.akkoord";
  const bool plan_case = fs::exists(dir / "plan.toml");
  diagnostics lint_found;
  auto model = lint_agreement(agreement.string(), sources, settings, lint_found);
  if (!plan_case) return lint_found;
  if (!model) return lint_found;
  const fs::path plan_path = dir / "plan.toml";
  const source_file& plan = sources.add(plan_path.string(), read_text(plan_path));
  found = check_plan_file(*model, plan, settings);
  if (settings.only) return found;  // the expected files hold what the check under test reports on the plan
  for (auto& d : lint_found) found.push_back(std::move(d));
  return found;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// ---- 1. expected.nl.txt --------------------------------------------------------------------------------

class dutch_fixture : public ::testing::TestWithParam<dutch_case> {};

TEST_P(dutch_fixture, matches_expected_nl) {
  const dutch_case& c = GetParam();
  source_manager sources;
  check_settings settings;
  settings.only = c.check_id;
  settings.today = civil_date{2025, 6, 1};  // as check_fixture_tests.cpp: expiring waivers against a fixed day
  const diagnostics found = run_fixture(c.dir, sources, settings);

  std::string actual;
  for (const diagnostic& d : found) render_short_diagnostic(actual, d, report_options{.lang = language::nl});
  // paths relative to the case, as in expected.txt
  replace_all(actual, c.dir.string() + "/", "");
  replace_all(actual, source_dir().string() + "/", "");

  const fs::path expected_path = c.dir / "expected.nl.txt";
  const char* update = std::getenv("UPDATE_EXPECTED");
  if (update && std::string_view(update) == "1") {
    std::ofstream(expected_path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(actual, read_text(expected_path)) << "in " << c.dir.string()
                                               << "\n(UPDATE_EXPECTED=1 rewrites expected.nl.txt; read it as a Dutch reader would)";
}

INSTANTIATE_TEST_SUITE_P(fixtures, dutch_fixture, ::testing::ValuesIn(fixture_cases(true)),
                         [](const ::testing::TestParamInfo<dutch_case>& param_info) { return param_info.param.test_name; });

// The files exist: a Dutch golden per rewritten check keeps its wording from drifting back.
TEST(dutch_fixture_files, at_least_one_per_check_that_fires) {
  EXPECT_GE(fixture_cases(true).size(), 20u);
}

// ---- 2. every finding in Dutch, in the house style -------------------------------------------------------

// The text outside `code spans`: what a reader reads as Dutch.
std::string running_text(const std::string& s) {
  std::string out;
  bool in_code = false;
  for (const char c : s) {
    if (c == '`') {
      in_code = !in_code;
      out += ' ';
      continue;
    }
    if (!in_code) out += c;
  }
  return out;
}

// What is wrong with a piece of Dutch, or "" when nothing is.
std::string dutch_style_problem(const std::string& nl) {
  static const std::regex iso_date(R"(\b\d{4}-\d{2}-\d{2}\b)");
  static const std::regex english_money(R"(\bEUR\b)");
  static const std::regex informal(R"(\b([Jj]e|[Jj]ij|[Jj]ouw|[Jj]ullie|[Jj]ezelf)\b)");
  const std::string prose = running_text(nl);
  if (std::regex_search(prose, iso_date)) return "an ISO date in running Dutch text (write dutch_date(): 1 juli 2025)";
  if (std::regex_search(prose, english_money)) return "EUR in Dutch text (write format_cents(c, money_style::nl))";
  if (std::regex_search(prose, informal)) return "informal 'je/jij/jouw' (the project writes the formal 'u')";
  return {};
}

// Every problem with the Dutch of one finding, one line each.
std::vector<std::string> dutch_problems(const diagnostic& d) {
  std::vector<std::string> problems;
  const bool custom_rule = d.id.starts_with("rule:");  // the agreement's author wrote its message
  const auto judge = [&](const text& t, std::string_view what) {
    if (t.en.empty() && t.nl.empty()) return;
    if (t.nl.empty()) {
      problems.push_back(std::string(what) + " has no Dutch: " + t.en);
      return;
    }
    if (custom_rule) return;
    // The same words in both languages are English left untranslated (code alone may be the same, and so may an
    // article citation alone, "(centrumregeling, artikel 4 lid 2)", which quotes the agreement).
    static const std::regex word(R"([A-Za-z]{2,})");
    const bool citation_only = t.en.starts_with('(') && t.en.ends_with(')');
    if (t.nl == t.en && !citation_only && std::regex_search(running_text(t.en), word))
      problems.push_back(std::string(what) + " is the English text: " + t.en);
    if (const std::string problem = dutch_style_problem(t.nl); !problem.empty())
      problems.push_back(std::string(what) + ": " + problem + ": " + t.nl);
  };
  judge(d.message, "message");
  for (const text& n : d.notes) judge(n, "note");
  if (d.help) judge(*d.help, "help");
  for (const label& l : d.related) judge(l.message, "related label");
  return problems;
}

void expect_dutch(const diagnostics& found, const std::string& where) {
  for (const diagnostic& d : found)
    for (const std::string& problem : dutch_problems(d)) ADD_FAILURE() << where << " [" << d.id << "]: " << problem;
}

TEST(every_finding_in_dutch, check_fixtures) {
  std::size_t findings = 0;
  for (const dutch_case& c : fixture_cases(false)) {
    source_manager sources;
    check_settings settings;  // every check: findings of other checks on the same input count too
    settings.today = civil_date{2025, 6, 1};
    const diagnostics found = run_fixture(c.dir, sources, settings);
    findings += found.size();
    expect_dutch(found, c.dir.string());
  }
  EXPECT_GT(findings, 100u) << "the fixtures should give this test findings to judge";
}

TEST(every_finding_in_dutch, samples) {
  std::size_t findings = 0;
  std::vector<fs::path> agreements, plans;
  for (const auto& e : fs::directory_iterator(source_dir() / "samples" / "agreements"))
    if (e.path().extension() == ".akkoord") agreements.push_back(e.path());
  for (const auto& e : fs::directory_iterator(source_dir() / "samples" / "plans"))
    if (e.path().extension() == ".toml") plans.push_back(e.path());
  ASSERT_FALSE(agreements.empty());
  ASSERT_FALSE(plans.empty());
  for (const fs::path& path : agreements) {
    source_manager sources;
    diagnostics found;
    lint_agreement(path.string(), sources, check_settings{}, found);
    findings += found.size();
    expect_dutch(found, path.string());
  }
  source_manager sources;
  diagnostics lint_found;
  auto model = lint_agreement((source_dir() / "rules" / "aa.akkoord").string(), sources, check_settings{}, lint_found);
  ASSERT_TRUE(model);
  expect_dutch(lint_found, "rules/aa.akkoord");
  for (const fs::path& path : plans) {
    const source_file& plan = sources.add(path.string(), read_text(path));
    const diagnostics found = check_plan_file(*model, plan, check_settings{});
    findings += found.size();
    expect_dutch(found, path.string());
  }
  EXPECT_GT(findings, 10u);
}

// The style rules themselves must be able to fail.
TEST(every_finding_in_dutch, style_rules_catch_translated_english) {
  EXPECT_NE(dutch_style_problem("taak `x` is op 2022-04-01 teruggenomen"), "");
  EXPECT_EQ(dutch_style_problem("taak `x` is per 1 april 2022 teruggenomen (`2022-04-01`)"), "");
  EXPECT_NE(dutch_style_problem("verschil: EUR 50,000.00"), "");
  EXPECT_NE(dutch_style_problem("controleer je plan"), "");
  EXPECT_EQ(dutch_style_problem("controleer uw plan; `je` mag in code"), "");
  diagnostic d;
  d.id = "wrong-executor";
  d.message = {"task `x` is executed by `y`", ""};
  d.help = text{"write `executor = \"y\"`", "write `executor = \"y\"`"};
  d.related.push_back({source_span{}, {"the plan year", ""}});
  EXPECT_EQ(dutch_problems(d).size(), 3u);
  diagnostic cited;
  cited.id = "wrong-executor";
  cited.message = {"task `x` is executed by `y`", "taak `x` wordt uitgevoerd door `y`"};
  cited.related.push_back({source_span{}, {"(centrumregeling, artikel 4 lid 2)", "(centrumregeling, artikel 4 lid 2)"}});
  EXPECT_TRUE(dutch_problems(cited).empty());
}

}  // namespace
}  // namespace akkoord::testing

// Advice that holds up when followed, and one finding per mistake, over the checks' own fixtures with every
// check running (the fixture driver runs one check at a time, so it cannot see either).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "akkoord/validator/engine.hpp"
#include "fixture_support.hpp"

namespace akkoord::testing {
namespace {

namespace fs = std::filesystem;

// Every finding of every check on `plan_text`, checked as the fixture's plan against its agreement.
diagnostics check_all(const fs::path& fixture, const std::string& plan_text, source_manager& sources) {
  diagnostics load_problems;
  const auto model = load_agreement((fixture / "agreement.akkoord").string(), sources, load_problems);
  if (!model) {
    ADD_FAILURE() << fixture << ": the agreement does not load";
    return {};
  }
  check_settings settings;
  settings.today = civil_date{2025, 6, 1};  // as the fixture driver
  return check_plan_file(*model, sources.add((fixture / "plan.toml").string(), plan_text), settings);
}

// A finding as the user sees it, without columns (a replaced value may be longer or shorter).
std::string key_of(const diagnostic& d) {
  return d.id + " at line " + std::to_string(d.primary.begin.line) + ": " + d.message.en;
}

// The plan fixtures of a check.
std::vector<fs::path> plan_fixtures(std::string_view check_directory) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(checks_dir() / check_directory / "fixtures", ec))
    if (fs::exists(entry.path() / "plan.toml")) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The values a help text tells the user to write at the finding's place: `KEY = "VALUE"` gives VALUE, and a
// taakveld code in backticks is itself (`in 2023 use one of `6.71a` and `6.71b``).
std::vector<std::string> suggested_values(const std::string& help) {
  static const std::regex quoted("`([^`]+)`");
  static const std::regex assignment("[a-z_]+ = \"([^\"]*)\"");
  static const std::regex taakveld_code("[0-9]+\\.[0-9]+[a-z]?");
  std::vector<std::string> out;
  for (std::sregex_iterator it(help.begin(), help.end(), quoted), end; it != end; ++it) {
    const std::string token = (*it)[1].str();
    std::smatch value;
    if (std::regex_match(token, value, assignment))
      out.push_back(value[1].str());
    else if (std::regex_match(token, taakveld_code))
      out.push_back(token);
  }
  return out;
}

TEST(advice, the_helper_reads_suggestions_as_written) {
  EXPECT_EQ(suggested_values("in 2023 use one of `6.71a` and `6.71b`, the taakvelden of task `wmo` that year"),
            (std::vector<std::string>{"6.71a", "6.71b"}));
  EXPECT_EQ(suggested_values("write `id = \"bijdrage\"`, the contribution `amstelveen` pays"),
            (std::vector<std::string>{"bijdrage"}));
  EXPECT_TRUE(suggested_values("leave out `[contribution]`").empty());
}

// Checks whose help replaces the value the finding points at.
constexpr std::string_view checks_with_replacing_advice[] = {"unknown_taakveld", "taakveld_mismatch", "wrong_payer",
                                                             "executor_not_serving"};

TEST(advice, following_a_suggestion_fixes_the_finding_and_makes_no_new_one) {
  int applied = 0;
  for (const std::string_view check_directory : checks_with_replacing_advice) {
    for (const fs::path& fixture : plan_fixtures(check_directory)) {
      const std::string plan_text = read_text(fixture / "plan.toml");
      source_manager sources;
      const diagnostics before = check_all(fixture, plan_text, sources);
      std::multiset<std::string> known;
      for (const auto& d : before) known.insert(key_of(d));

      for (const auto& d : before) {
        if (d.id != id_of_directory(std::string(check_directory)) || !d.help || !d.primary.valid()) continue;
        const std::size_t begin = d.primary.file->offset_of(d.primary.begin);
        const std::size_t end = d.primary.file->offset_of(d.primary.end);
        for (const std::string& value : suggested_values(d.help->en)) {
          std::string followed = plan_text;
          followed.replace(begin, end - begin, "\"" + value + "\"");
          source_manager followed_sources;
          std::multiset<std::string> still = known;
          for (const auto& after : check_all(fixture, followed, followed_sources)) {
            const std::string key = key_of(after);
            EXPECT_NE(after.id + std::to_string(after.primary.begin.line), d.id + std::to_string(d.primary.begin.line))
                << fixture << ": writing `" << value << "` as advised still gives: " << key;
            const auto known_before = still.find(key);
            if (known_before == still.end())
              ADD_FAILURE() << fixture << ": writing `" << value << "` as advised gives a new finding: " << key;
            else
              still.erase(known_before);
          }
          ++applied;
        }
      }
    }
  }
  EXPECT_GE(applied, 10);  // the fixtures do give advice to follow
}

// The checks about who does an activity's work, and for whom. One mistake (a task in the wrong municipality's
// plan, a wrong executor) must give one of them, not three.
constexpr std::string_view party_checks[] = {"task-not-for-municipality", "executor-not-serving", "wrong-executor",
                                             "returned-competence", "wrong-responsible"};

TEST(advice, one_finding_about_the_parties_of_an_activity) {
  int activities_judged = 0;
  for (const std::string_view check_id : party_checks) {
    std::string check_directory(check_id);
    std::replace(check_directory.begin(), check_directory.end(), '-', '_');
    for (const fs::path& fixture : plan_fixtures(check_directory)) {
      const std::string plan_text = read_text(fixture / "plan.toml");
      source_manager sources;
      std::map<std::uint32_t, std::vector<std::string>> by_activity;  // the line of its `[[activity]]` header
      for (const auto& d : check_all(fixture, plan_text, sources)) {
        if (std::find(std::begin(party_checks), std::end(party_checks), d.id) == std::end(party_checks)) continue;
        std::uint32_t header = 0;
        for (std::uint32_t line = 1; line <= d.primary.begin.line; ++line)
          if (d.primary.file->line_text(line).starts_with("[[activity]]")) header = line;
        by_activity[header].push_back(key_of(d));
      }
      for (const auto& [header, findings] : by_activity) {
        ++activities_judged;
        EXPECT_EQ(findings.size(), 1u) << fixture << ": the activity at line " << header << " gets "
                                       << ::testing::PrintToString(findings);
      }
    }
  }
  EXPECT_GE(activities_judged, 8);
}

}  // namespace
}  // namespace akkoord::testing

// The registry's invariants: ids as in checks.md, sorted and unique; every check a complete unit (README with
// the required headings, compiled in; a fixture that fires and one that stays silent).
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "akkoord/validator/check.hpp"
#include "fixture_support.hpp"

namespace akkoord::testing {
namespace {

namespace fs = std::filesystem;

// table ("plan" / "lint") -> ids, from checks_md_ids.txt
std::map<std::string, std::set<std::string>> checks_md_ids() {
  std::map<std::string, std::set<std::string>> out;
  std::istringstream in(read_text(AKKOORD_CHECK_IDS_FILE));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.find(' ');
    out[line.substr(0, space)].insert(line.substr(space + 1));
  }
  return out;
}

std::string directory_of(std::string_view id) {
  std::string dir(id);
  for (char& c : dir)
    if (c == '-') c = '_';
  return dir;
}

TEST(registry, ids_are_kebab_case_sorted_and_unique) {
  const std::regex kebab("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  std::string previous;
  ASSERT_FALSE(all_checks().empty());
  for (const check* c : all_checks()) {
    const std::string id(c->info().id);
    EXPECT_TRUE(std::regex_match(id, kebab)) << id;
    EXPECT_LT(previous, id) << "registry.cpp must list checks sorted by id, each once";
    previous = id;
  }
}

TEST(registry, every_id_is_in_checks_md) {
  const auto tables = checks_md_ids();
  std::set<std::string> known;
  for (const auto& [table, ids] : tables) known.insert(ids.begin(), ids.end());
  ASSERT_GT(known.size(), 30u);
  for (const check* c : all_checks()) EXPECT_TRUE(known.count(std::string(c->info().id))) << c->info().id;
}

TEST(registry, every_lint_check_of_checks_md_is_registered) {
  // rule-type-error comes with the rule language.
  const auto tables = checks_md_ids();
  for (const auto& id : tables.at("lint"))
    if (id != "rule-type-error") {
      EXPECT_NE(find_check(id), nullptr) << id;
    }
}

TEST(registry, find_check_finds_each_check_and_nothing_else) {
  for (const check* c : all_checks()) EXPECT_EQ(find_check(c->info().id), c);
  EXPECT_EQ(find_check("no-such-check"), nullptr);
  EXPECT_EQ(find_check(""), nullptr);
}

TEST(registry, summaries_exist_in_both_languages) {
  for (const check* c : all_checks()) {
    EXPECT_FALSE(c->info().summary_en.empty()) << c->info().id;
    EXPECT_FALSE(c->info().summary_nl.empty()) << c->info().id;
  }
}

TEST(registry, every_check_has_a_readme_with_the_required_sections) {
  for (const check* c : all_checks()) {
    const std::string id(c->info().id);
    const fs::path readme = checks_dir() / directory_of(id) / "README.md";
    ASSERT_TRUE(fs::exists(readme)) << readme;
    const std::string text = read_text(readme);
    EXPECT_EQ(text.rfind("# " + id + "\n", 0), 0u) << readme << " must start with `# " << id << "`";
    for (const char* heading : {"\n## What it does\n", "\n## Why is this bad?\n", "\n## Example\n"})
      EXPECT_NE(text.find(heading), std::string::npos) << readme << " lacks" << heading;
    EXPECT_NE(text.find("Use instead:"), std::string::npos) << readme << " lacks `Use instead:`";
    // The page `akkoord explain` prints is this README, compiled in.
    EXPECT_EQ(check_documentation(id), text) << id << ": rebuild to embed the current README";
  }
  EXPECT_TRUE(check_documentation("no-such-check").empty());
}

TEST(registry, a_rendered_example_in_a_readme_is_its_fixtures_output) {
  // "The finding (fixture `NAME`):" followed by a code block: the block must be that fixture's expected.txt,
  // so the documentation cannot drift from what the check says.
  const std::regex pasted("\\(fixture `([a-z0-9_]+)`\\):\n\n```\n([\\s\\S]*?)```");
  int quoted_examples = 0;
  for (const check* c : all_checks()) {
    const fs::path dir = checks_dir() / directory_of(c->info().id);
    const std::string text = read_text(dir / "README.md");
    for (std::sregex_iterator it(text.begin(), text.end(), pasted), end; it != end; ++it) {
      const fs::path expected = dir / "fixtures" / (*it)[1].str() / "expected.txt";
      ASSERT_TRUE(fs::exists(expected)) << expected;
      EXPECT_EQ((*it)[2].str(), read_text(expected)) << dir / "README.md" << " quotes an outdated " << expected;
      ++quoted_examples;
    }
  }
  EXPECT_GE(quoted_examples, 11);  // at least the agreement checks quote theirs
}

TEST(registry, every_check_has_a_firing_and_a_silent_fixture) {
  for (const check* c : all_checks()) {
    const fs::path fixtures = checks_dir() / directory_of(c->info().id) / "fixtures";
    int firing = 0, silent = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fixtures, ec)) {
      const fs::path expected = entry.path() / "expected.txt";
      if (!fs::exists(expected)) continue;
      (read_text(expected).empty() ? silent : firing) += 1;
    }
    EXPECT_GE(firing, 1) << c->info().id << ": no fixture that fires in " << fixtures;
    EXPECT_GE(silent, 1) << c->info().id << ": no fixture that stays silent in " << fixtures;
  }
}

TEST(registry, every_fixture_directory_belongs_to_a_registered_check) {
  std::error_code ec;
  for (const auto& dir : fs::directory_iterator(checks_dir(), ec)) {
    if (!fs::is_directory(dir.path() / "fixtures")) continue;
    const std::string id = id_of_directory(dir.path().filename().string());
    EXPECT_NE(find_check(id), nullptr) << dir.path() << " has fixtures but no check `" << id << "` is registered";
  }
}

}  // namespace
}  // namespace akkoord::testing

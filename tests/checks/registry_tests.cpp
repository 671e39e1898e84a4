// The registry's invariants: ids as in checks.md, sorted and unique; every check a complete unit (README.md and
// README.nl.md with the required headings, compiled in; a fixture that fires and one that stays silent).
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include "akkoord/validator/check.hpp"
#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/report.hpp"
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

// The informal Dutch "you": the project addresses its readers with the formal "u".
const std::regex informal_you("(^|[^A-Za-z])([Jj]e|[Jj]ij|[Jj]ouw|[Jj]ullie)([^A-Za-z]|$)");

// Prose only: fenced blocks and `code spans` are code or plan text, not Dutch.
std::string prose_of(const std::string& markdown) {
  static const std::regex fence("```[^\\n]*\\n[\\s\\S]*?```");
  static const std::regex code_span("`[^`\\n]*`");
  return std::regex_replace(std::regex_replace(markdown, fence, ""), code_span, "");
}

TEST(registry, summaries_exist_in_both_languages) {
  for (const check* c : all_checks()) {
    const check_info& info = c->info();
    EXPECT_FALSE(info.summary_en.empty()) << info.id;
    EXPECT_FALSE(info.summary_nl.empty()) << info.id;
    EXPECT_NE(info.summary_nl, info.summary_en) << info.id << ": summary_nl is not Dutch";
    const std::string dutch(info.summary_nl);
    EXPECT_FALSE(std::regex_search(prose_of(dutch), informal_you))
        << info.id << ": summary_nl says \"je\"; the project writes the formal \"u\": " << dutch;
  }
}

TEST(registry, the_formal_you_check_sees_je_and_not_code) {
  EXPECT_TRUE(std::regex_search(prose_of("wat je ziet"), informal_you));
  EXPECT_TRUE(std::regex_search(prose_of("Jij schrijft"), informal_you));
  EXPECT_TRUE(std::regex_search(prose_of("bedoelde-je"), informal_you));
  EXPECT_FALSE(std::regex_search(prose_of("wat u ziet in een briefje"), informal_you));
  EXPECT_FALSE(std::regex_search(prose_of("u ziet `je`\n```\nje\n```\n"), informal_you));
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

// The Dutch page beside README.md: the same sections under Dutch headings, compiled in for `explain --lang nl`.
TEST(registry, every_check_has_a_dutch_page_with_the_required_sections) {
  for (const check* c : all_checks()) {
    const std::string id(c->info().id);
    const fs::path page = checks_dir() / directory_of(id) / "README.nl.md";
    ASSERT_TRUE(fs::exists(page)) << page << " is missing: every check has a Dutch page beside its README.md";
    const std::string text = read_text(page);
    EXPECT_EQ(text.rfind("# " + id + "\n", 0), 0u) << page << " must start with `# " << id << "`";
    for (const char* heading : {"\n## Wat het doet\n", "\n## Waarom is dit een probleem?\n", "\n## Voorbeeld\n"})
      EXPECT_NE(text.find(heading), std::string::npos) << page << " lacks" << heading;
    for (const char* english : {"\n## What it does\n", "\n## Why is this bad?\n", "\n## Example\n", "Use instead"})
      EXPECT_EQ(text.find(english), std::string::npos) << page << " still has the English `" << english << "`";
    EXPECT_NE(text.find("Gebruik in plaats daarvan"), std::string::npos)
        << page << " lacks `Gebruik in plaats daarvan` (the English page has `Use instead`)";
    EXPECT_FALSE(std::regex_search(prose_of(text), informal_you))
        << page << " says \"je\"; the project writes the formal \"u\"";
    // The page `akkoord explain --lang nl` prints is this file, compiled in.
    EXPECT_EQ(check_documentation(id, language::nl), text) << id << ": rebuild to embed the current README.nl.md";
    EXPECT_NE(check_documentation(id, language::nl), check_documentation(id, language::en)) << id;
  }
  EXPECT_TRUE(check_documentation("no-such-check", language::nl).empty());
}

// What one check reports on one of its fixtures (as the fixture driver runs it).
diagnostics findings_of_fixture(const fs::path& dir, const std::string& check_id, source_manager& sources) {
  check_settings settings;
  settings.only = check_id;
  settings.today = civil_date{2025, 6, 1};  // as the fixture driver: expiring waivers judged on a fixed day
  diagnostics found;
  const fs::path agreement = dir / "agreement.akkoord";
  if (fs::exists(dir / "plan.toml")) {
    diagnostics load_problems;
    const fs::path rules = fs::exists(agreement) ? agreement : source_dir() / "rules" / "aa.akkoord";
    const auto model = load_agreement(rules.string(), sources, load_problems);
    if (!model) {
      ADD_FAILURE() << rules << " does not load";
      return found;
    }
    const fs::path plan_path = dir / "plan.toml";
    return check_plan_file(*model, sources.add(plan_path.string(), read_text(plan_path)), settings);
  }
  lint_agreement(agreement.string(), sources, settings, found);
  return found;
}

// The Dutch short form of a fixture's findings, paths relative to the fixture: what `--lang nl --format short`
// prints for it, without the summary line.
std::string dutch_short_form(const fs::path& dir, const std::string& check_id) {
  source_manager sources;
  std::string out;
  for (const diagnostic& d : findings_of_fixture(dir, check_id, sources))
    render_short_diagnostic(out, d, {.lang = language::nl, .show_suppressed = true});
  const std::string prefix = dir.string() + "/";
  for (auto at = out.find(prefix); at != std::string::npos; at = out.find(prefix, at)) out.erase(at, prefix.size());
  return out;
}

TEST(registry, a_rendered_example_in_a_dutch_page_is_its_fixtures_dutch_output) {
  // As in README.md, "(fixture `NAME`):" and a code block; the Dutch page quotes the Dutch rendering, made by
  // the real short renderer, so the page follows every rewrite of a Dutch message. UPDATE_EXPECTED=1 rewrites
  // the quoted blocks (review the diff: the page must still read well).
  const std::regex pasted("\\(fixture `([a-z0-9_]+)`\\):\n\n```\n([\\s\\S]*?)```");
  const char* update = std::getenv("UPDATE_EXPECTED");
  const bool updating = update != nullptr && std::string_view(update) == "1";
  int quoted_examples = 0;
  for (const check* c : all_checks()) {
    const std::string id(c->info().id);
    const fs::path dir = checks_dir() / directory_of(id);
    const fs::path page = dir / "README.nl.md";
    if (!fs::exists(page)) continue;  // every_check_has_a_dutch_page_with_the_required_sections says so
    const std::string text = read_text(page);
    std::string rewritten;
    std::size_t copied = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), pasted), end; it != end; ++it) {
      ++quoted_examples;
      const fs::path fixture = dir / "fixtures" / (*it)[1].str();
      ASSERT_TRUE(fs::is_directory(fixture)) << page << " quotes a fixture that does not exist: " << fixture;
      const std::string dutch = dutch_short_form(fixture, id);
      EXPECT_FALSE(dutch.empty()) << page << " quotes " << fixture << ", which gives no finding";
      if (!updating) {
        EXPECT_EQ((*it)[2].str(), dutch) << page << " quotes an outdated Dutch rendering of " << fixture
                                         << " (UPDATE_EXPECTED=1 rewrites it; review the diff)";
        continue;
      }
      const auto block = static_cast<std::size_t>(it->position(2));
      rewritten += text.substr(copied, block - copied) + dutch;
      copied = block + static_cast<std::size_t>(it->length(2));
    }
    if (updating && copied > 0) std::ofstream(page, std::ios::binary) << rewritten + text.substr(copied);
  }
  EXPECT_GE(quoted_examples, 35);  // every check that had a page when the Dutch pages were written quotes one
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

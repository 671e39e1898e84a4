// docs/ is what users read instead of the code: its examples must still be accepted by the built tool, its
// deliberate mistakes must still give their finding, and no link may lead out of the repository. The checks'
// pages (`akkoord explain`, README.md and the Dutch README.nl.md) are held to the same links, and the Dutch
// ones must be what `explain --lang nl` prints.
//
// Fenced blocks are read by their info string: ```akkoord and ```toml are examples; a second word
// `expect=ID` marks a deliberate mistake that must give finding ID, and `file=PATH` (language.md) writes the
// block to PATH beside the example agreement, for `include`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run_process.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct code_block {
  std::string language;  // first word of the info string
  std::string expect;    // `expect=ID`
  std::string file;      // `file=PATH`
  std::string body;
  int first_line = 0;  // line in the page of the block's first line of code
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<code_block> code_blocks(const std::string& markdown) {
  std::vector<code_block> blocks;
  const auto lines = lines_of(markdown);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].starts_with("```")) continue;
    code_block b;
    std::istringstream info(lines[i].substr(3));
    info >> b.language;
    for (std::string word; info >> word;) {
      if (word.starts_with("expect=")) b.expect = word.substr(7);
      if (word.starts_with("file=")) b.file = word.substr(5);
    }
    b.first_line = static_cast<int>(i) + 2;
    for (++i; i < lines.size() && !lines[i].starts_with("```"); ++i) b.body += lines[i] + "\n";
    blocks.push_back(std::move(b));
  }
  return blocks;
}

std::vector<code_block> blocks_in(const std::string& page, const std::string& language) {
  std::vector<code_block> out;
  for (auto& b : code_blocks(e2e::read_file(e2e::source_dir() / "docs" / page)))
    if (b.language == language) out.push_back(std::move(b));
  return out;
}

// A reader does not see the info string: a mistake says so in its first line, with the finding it gives.
void expect_mistakes_visible(const std::string& page, const std::string& language) {
  for (const auto& b : blocks_in(page, language)) {
    const std::string first = b.body.substr(0, b.body.find('\n'));
    const bool marked = first.starts_with("# Wrong:");
    EXPECT_EQ(marked, !b.expect.empty()) << "docs/" << page << ":" << b.first_line
                                         << ": a block with `expect=ID` starts with `# Wrong:`, and only such a block";
    if (marked) {
      EXPECT_NE(first.find("(" + b.expect), std::string::npos) << "docs/" << page << ":" << b.first_line;
    }
  }
}

TEST(DocsMistakes, AreMarkedForTheReader) {
  expect_mistakes_visible("language.md", "akkoord");
  expect_mistakes_visible("plan-format.md", "toml");
}

struct finding {
  std::string id, file;
  int line = 0;
  std::string message;
};

// Runs akkoord with --format json in `dir`; the findings it reports.
std::vector<finding> findings_of(std::vector<std::string> args, const fs::path& dir) {
  args.insert(args.end(), {"--format", "json"});
  const auto result = e2e::run(args, {.cwd = dir});
  EXPECT_GE(result.exit_code, 0) << "crashed: " << result.err;
  std::vector<finding> out;
  const json report = json::parse(result.out, nullptr, false);
  EXPECT_TRUE(report.is_object()) << result.out << result.err;
  if (!report.is_object()) return out;
  for (const auto& f : report["findings"])
    out.push_back({f["id"].get<std::string>(), f["file"].get<std::string>(), f["line"].is_number() ? f["line"].get<int>() : 0,
                   f["message"].get<std::string>()});
  return out;
}

// ---- docs/language.md -------------------------------------------------------------------------------------

// The example blocks, one after the other, form one agreement; where each block starts in it.
struct example_agreement {
  std::string text;
  std::vector<std::pair<int, const code_block*>> starts;  // line in `text`, block
  int lines = 0;
};

example_agreement assemble(const std::vector<code_block>& blocks) {
  example_agreement a;
  for (const auto& b : blocks) {
    if (!b.expect.empty() || !b.file.empty()) continue;
    a.starts.emplace_back(a.lines + 1, &b);
    a.text += b.body + "\n";
    a.lines += static_cast<int>(lines_of(b.body).size()) + 1;
  }
  return a;
}

// "docs/language.md:LINE" for a line of the assembled example.
std::string page_place(const example_agreement& a, int line) {
  const code_block* block = nullptr;
  int start = 1;
  for (const auto& [at, b] : a.starts)
    if (at <= line) start = at, block = b;
  if (block == nullptr) return "?";
  return "docs/language.md:" + std::to_string(block->first_line + line - start);
}

void write_included_files(const e2e::temp_dir& dir, const std::vector<code_block>& blocks) {
  for (const auto& b : blocks)
    if (!b.file.empty()) dir.write(b.file, b.body);
}

TEST(DocsLanguage, ShowsEveryDeclarationInAnExample) {
  const auto blocks = blocks_in("language.md", "akkoord");
  const std::regex declaration("^(agreement|party|executor|period|milestone|task|contribution|saving|benchmark|rule|include) ");
  std::set<std::string> shown;
  for (const auto& b : blocks)
    for (const auto& line : lines_of(b.body))
      if (std::smatch m; b.expect.empty() && std::regex_search(line, m, declaration)) shown.insert(m[1]);
  EXPECT_EQ(shown, (std::set<std::string>{"agreement", "benchmark", "contribution", "executor", "include", "milestone",
                                          "party", "period", "rule", "saving", "task"}));
}

TEST(DocsLanguage, ExampleAgreementLintsWithoutFindings) {
  const auto blocks = blocks_in("language.md", "akkoord");
  ASSERT_GE(blocks.size(), 10u) << "docs/language.md lost its examples";
  const e2e::temp_dir dir;
  const auto example = assemble(blocks);
  dir.write("agreement.akkoord", example.text);
  write_included_files(dir, blocks);
  for (const auto& f : findings_of({"lint", "agreement.akkoord"}, dir.path()))
    ADD_FAILURE() << (f.file == "agreement.akkoord" ? page_place(example, f.line) : f.file + ":" + std::to_string(f.line))
                  << ": " << f.id << ": " << f.message;
}

TEST(DocsLanguage, EachExampleParsesOnItsOwn) {
  for (const auto& b : blocks_in("language.md", "akkoord")) {
    if (!b.expect.empty()) continue;
    const e2e::temp_dir dir;
    dir.write("block.akkoord", b.body);
    for (const auto& f : findings_of({"lint", "block.akkoord"}, dir.path()))
      EXPECT_NE(f.id, "dsl-syntax") << "docs/language.md:" << b.first_line + f.line - 1 << ": " << f.message;
  }
}

TEST(DocsLanguage, EachMistakeGivesItsFinding) {
  const auto blocks = blocks_in("language.md", "akkoord");
  const auto example = assemble(blocks);
  int mistakes = 0;
  for (const auto& b : blocks) {
    if (b.expect.empty()) continue;
    ++mistakes;
    const e2e::temp_dir dir;
    dir.write("agreement.akkoord", example.text + b.body);
    write_included_files(dir, blocks);
    bool found = false;
    for (const auto& f : findings_of({"lint", "agreement.akkoord"}, dir.path()))
      found = found || (f.id == b.expect && f.file == "agreement.akkoord" && f.line > example.lines);
    EXPECT_TRUE(found) << "docs/language.md:" << b.first_line << ": the mistake does not give `" << b.expect << "`";
  }
  EXPECT_GE(mistakes, 1);
}

// ---- docs/plan-format.md ----------------------------------------------------------------------------------

// The findings about a plan's form: an example plan must give none of them.
const std::set<std::string> form_findings{"toml-syntax", "missing-field", "invalid-type", "invalid-amount",
                                          "unknown-field"};

std::vector<finding> check_plan(const code_block& b, const e2e::temp_dir& dir) {
  dir.write("plan.toml", b.body);
  return findings_of({"check", "--rules", (e2e::source_dir() / "rules" / "aa.akkoord").string(), "plan.toml"},
                     dir.path());
}

TEST(DocsPlanFormat, EveryExamplePlanReadsWithoutFormFindings) {
  const auto blocks = blocks_in("plan-format.md", "toml");
  int examples = 0;
  for (const auto& b : blocks) {
    if (!b.expect.empty()) continue;
    ++examples;
    const e2e::temp_dir dir;
    for (const auto& f : check_plan(b, dir))
      EXPECT_EQ(form_findings.count(f.id), 0u)
          << "docs/plan-format.md:" << b.first_line + f.line - 1 << ": " << f.id << ": " << f.message;
  }
  EXPECT_GE(examples, 2) << "docs/plan-format.md lost its examples";
}

TEST(DocsPlanFormat, ExamplesShowEveryField) {
  std::set<std::string> shown;
  const std::regex key("^([a-z_]+) = ");
  for (const auto& b : blocks_in("plan-format.md", "toml"))
    for (const auto& line : lines_of(b.body))
      if (std::smatch m; b.expect.empty() && std::regex_search(line, m, key)) shown.insert(m[1]);
  for (const char* field : {"agreement", "municipality", "year", "status", "adopted", "title", "id", "total", "task",
                            "executor", "responsible", "taakveld", "budget", "fte", "hours", "from", "to",
                            "description", "completed"})
    EXPECT_EQ(shown.count(field), 1u) << "no example plan in docs/plan-format.md shows `" << field << "`";
}

TEST(DocsPlanFormat, EachMistakeGivesItsFinding) {
  int mistakes = 0;
  for (const auto& b : blocks_in("plan-format.md", "toml")) {
    if (b.expect.empty()) continue;
    ++mistakes;
    const e2e::temp_dir dir;
    bool found = false;
    for (const auto& f : check_plan(b, dir)) found = found || f.id == b.expect;
    EXPECT_TRUE(found) << "docs/plan-format.md:" << b.first_line << ": the mistake does not give `" << b.expect << "`";
  }
  EXPECT_GE(mistakes, 1);
}

// ---- links ------------------------------------------------------------------------------------------------

// The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces as `-`.
std::string anchor_of(std::string heading) {
  heading.erase(0, heading.find_first_not_of(' '));
  heading.erase(heading.find_last_not_of(' ') + 1);
  std::string out;
  for (const char c : heading) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || u >= 0x80)
      out += static_cast<char>(std::tolower(u));
    else if (c == ' ')
      out += '-';
  }
  return out;
}

std::set<std::string> anchors_in(const std::string& markdown) {
  std::set<std::string> anchors;
  bool in_code = false;
  for (const auto& line : lines_of(markdown)) {
    if (line.starts_with("```")) in_code = !in_code;
    if (in_code || !line.starts_with("#")) continue;
    const auto text = line.find_first_not_of('#');
    if (text != std::string::npos) anchors.insert(anchor_of(line.substr(text + 1)));
  }
  return anchors;
}

// Every link target outside code: `[text](target)` and `<scheme:…>`, with its line.
std::vector<std::pair<int, std::string>> links_in(const std::string& markdown) {
  std::vector<std::pair<int, std::string>> links;
  const std::regex link(R"(\]\(([^)\s]*)[^)]*\)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>)");
  const std::regex code_span("`[^`]*`");
  bool in_code = false;
  int number = 0;
  for (const auto& line : lines_of(markdown)) {
    ++number;
    if (line.starts_with("```")) in_code = !in_code;
    if (in_code) continue;
    const std::string prose = std::regex_replace(line, code_span, "");
    for (std::sregex_iterator it(prose.begin(), prose.end(), link), end; it != end; ++it)
      links.emplace_back(number, (*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
  }
  return links;
}

// The explain pages of the checks, English and Dutch.
std::vector<fs::path> check_pages(const fs::path& root) {
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(root / "validator" / "checks"))
    for (const char* name : {"README.md", "README.nl.md"})
      if (fs::exists(entry.path() / name)) pages.push_back(entry.path() / name);
  std::sort(pages.begin(), pages.end());
  return pages;
}

TEST(DocsLinks, StayInsideTheRepositoryAndLeadSomewhere) {
  const fs::path root = fs::weakly_canonical(e2e::source_dir());
  std::vector<fs::path> pages{root / "README.md"};
  for (const auto& entry : fs::recursive_directory_iterator(root / "docs"))
    if (entry.path().extension() == ".md") pages.push_back(entry.path());
  const auto explain_pages = check_pages(root);
  ASSERT_GE(explain_pages.size(), 70u) << "the pages of the checks were not found";
  pages.insert(pages.end(), explain_pages.begin(), explain_pages.end());
  ASSERT_GE(pages.size(), 3u);
  int checked = 0;
  for (const auto& page : pages) {
    const std::string where = fs::relative(page, root).string();
    for (const auto& [line, target] : links_in(e2e::read_file(page))) {
      ++checked;
      const std::string place = where + ":" + std::to_string(line) + ": `" + target + "`";
      if (target.find(':') != std::string::npos || target.starts_with("/")) {
        ADD_FAILURE() << place << " leaves the repository";
        continue;
      }
      const auto hash = target.find('#');
      const std::string path = target.substr(0, hash);
      const fs::path file = path.empty() ? page : fs::weakly_canonical(page.parent_path() / path);
      const auto [outside, _] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
      if (outside != root.end()) {
        ADD_FAILURE() << place << " leaves the repository";
      } else if (!fs::exists(file)) {
        ADD_FAILURE() << place << " names a file that does not exist";
      } else if (hash != std::string::npos && !anchors_in(e2e::read_file(file)).count(target.substr(hash + 1))) {
        ADD_FAILURE() << place << " names a heading that does not exist";
      }
    }
  }
  EXPECT_GE(checked, 5) << "the link scanner found almost no links";
}

TEST(DocsLinks, ScannerSeesOutsideLinksAndSkipsCode) {
  const auto links =
      links_in("See [x](https://example.org) and <http://a.b>.\n`[no](http://c)`\n```\n[no](d)\n```\n[y](../z.md#h)\n");
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].second, "https://example.org");
  EXPECT_EQ(links[1].second, "http://a.b");
  EXPECT_EQ(links[2], (std::pair<int, std::string>{6, "../z.md#h"}));
  EXPECT_EQ(anchor_of(" `[plan]` (required)"), "plan-required");
  EXPECT_EQ(anchor_of(" Dates and years"), "dates-and-years");
}

// ---- the Dutch pages and `checks --lang nl` ----------------------------------------------------------------

std::vector<std::string> listed_check_ids() {
  std::vector<std::string> ids;
  const json list = json::parse(e2e::run({"checks", "--format", "json"}).out, nullptr, false);
  EXPECT_TRUE(list.is_object());
  if (list.is_object())
    for (const auto& c : list["checks"]) ids.push_back(c["id"].get<std::string>());
  EXPECT_GE(ids.size(), 35u);
  return ids;
}

std::string page_of(const std::string& id, const char* name) {
  std::string dir = id;
  std::replace(dir.begin(), dir.end(), '-', '_');
  std::string page = e2e::read_file(e2e::source_dir() / "validator" / "checks" / dir / name);
  if (!page.ends_with('\n')) page += '\n';  // as `explain` prints it
  return page;
}

TEST(DocsDutch, ExplainInDutchPrintsTheDutchPageOfEveryCheck) {
  for (const std::string& id : listed_check_ids()) {
    const auto dutch = e2e::run({"explain", id, "--lang", "nl"});
    EXPECT_EQ(dutch.exit_code, 0) << id << ": " << dutch.err;
    EXPECT_EQ(dutch.err, "") << id;
    EXPECT_EQ(dutch.out, page_of(id, "README.nl.md")) << "`akkoord explain " << id << " --lang nl`";
    EXPECT_NE(dutch.out.find("\n## Wat het doet\n"), std::string::npos) << id;
    EXPECT_EQ(dutch.out.find("\n## What it does\n"), std::string::npos) << id;
    EXPECT_EQ(e2e::run({"explain", id, "--lang", "en"}).out, page_of(id, "README.md")) << id;
  }
}

TEST(DocsDutch, ExplainFollowsTheConfiguredLanguage) {
  const e2e::temp_dir dir;
  dir.write(".akkoord.toml", "lang = \"nl\"\n");
  const auto configured = e2e::run({"explain", "period-overlap"}, {.cwd = dir.path()});
  EXPECT_EQ(configured.exit_code, 0) << configured.err;
  EXPECT_EQ(configured.out, page_of("period-overlap", "README.nl.md"));
  const auto overridden = e2e::run({"explain", "period-overlap", "--lang", "en"}, {.cwd = dir.path()});
  EXPECT_EQ(overridden.out, page_of("period-overlap", "README.md"));
  EXPECT_EQ(e2e::run({"explain", "period-overlap"}).out, page_of("period-overlap", "README.md"));
}

// The words of the table's frame (heading, severities, scopes): each a column of its own, so split on the
// two spaces between columns.
std::vector<std::string> columns_of(const std::string& line) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < line.size()) {
    const auto gap = line.find("  ", at);
    out.push_back(line.substr(at, gap - at));
    if (gap == std::string::npos) break;
    at = line.find_first_not_of(' ', gap);
  }
  return out;
}

TEST(DocsDutch, ChecksInDutchIsEntirelyDutch) {
  const auto table = e2e::run({"checks", "--lang", "nl"});
  EXPECT_EQ(table.exit_code, 0) << table.err;
  const json list = json::parse(e2e::run({"checks", "--format", "json", "--lang", "nl"}).out, nullptr, false);
  ASSERT_TRUE(list.is_object());
  const auto lines = lines_of(table.out);
  ASSERT_EQ(lines.size(), list["checks"].size() + 1) << table.out;
  const std::set<std::string> english{"id", "severity", "scope", "what it finds", "error", "warning", "agreement",
                                      "both"};
  const auto heading = columns_of(lines.front());
  ASSERT_EQ(heading.size(), 4u) << lines.front();
  for (const auto& word : heading) EXPECT_EQ(english.count(word), 0u) << "English heading `" << word << "`";
  for (std::size_t row = 1; row < lines.size(); ++row) {
    const auto cells = columns_of(lines[row]);
    ASSERT_GE(cells.size(), 4u) << lines[row];
    const json& listed = list["checks"][row - 1];
    EXPECT_EQ(cells[0], listed["id"].get<std::string>());
    EXPECT_EQ(english.count(cells[1]), 0u) << "English severity in: " << lines[row];
    EXPECT_EQ(english.count(cells[2]), 0u) << "English scope in: " << lines[row];
    // The summary is the Dutch one (JSON with --lang nl), never the English one.
    EXPECT_NE(lines[row].find(listed["summary"].get<std::string>()), std::string::npos) << lines[row];
  }
  // The columns line up: every row starts its severity where the heading starts `ernst`.
  const auto severity_column = lines.front().find("ernst");
  ASSERT_NE(severity_column, std::string::npos) << lines.front();
  for (std::size_t row = 1; row < lines.size(); ++row)
    EXPECT_NE(lines[row][severity_column], ' ') << lines[row];
}

}  // namespace

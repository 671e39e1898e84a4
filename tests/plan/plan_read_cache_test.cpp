// The incremental plan reader (plan_read_cache): on every plan of the repository, and on edits of each, reading
// through a cache gives exactly what the full read gives: the typed plan field by field and every finding.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "akkoord/validator/plan.hpp"

namespace akkoord {
namespace {

namespace fs = std::filesystem;
using namespace std::string_view_literals;

// Every plan the repository holds: check fixtures, test cases and samples (the `.akkoord.toml` configurations
// are TOML too, and read as plans they must give the same as well).
std::vector<fs::path> repository_plans() {
  std::vector<fs::path> found;
  for (const char* folder : {"samples", "tests", "validator/checks"})
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(AKKOORD_SOURCE_DIR) / folder))
      if (entry.is_regular_file() && entry.path().extension() == ".toml") found.push_back(entry.path());
  std::sort(found.begin(), found.end());
  return found;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream all;
  all << in.rdbuf();
  return all.str();
}

std::string describe(const source_span& s) {
  return (s.file ? s.file->path() : "-") + ":" + std::to_string(s.begin.line) + ":" + std::to_string(s.begin.column) +
         "-" + std::to_string(s.end.line) + ":" + std::to_string(s.end.column);
}

// A finding with everything the server or a report shows of it, one line per part.
std::string describe(const diagnostic& d) {
  std::string out = d.id + " " + std::string(to_string(d.level)) + " " + describe(d.primary) + "\n  " + d.message.en +
                    "\n  " + d.message.nl + "\n";
  for (const label& l : d.related) out += "  related " + describe(l.span) + " " + l.message.en + "/" + l.message.nl + "\n";
  for (const text& n : d.notes) out += "  note " + n.en + "/" + n.nl + "\n";
  if (d.help) out += "  help " + d.help->en + "/" + d.help->nl + "\n";
  if (d.fix) {
    out += "  fix " + d.fix->title.en + "/" + d.fix->title.nl + "\n";
    for (const text_edit& e : d.fix->edits) out += "    " + describe(e.span) + " -> " + e.replacement + "\n";
  }
  return out;
}

std::string describe_all(diagnostics ds) {
  sort_diagnostics(ds);
  std::string out;
  for (const diagnostic& d : ds) out += describe(d);
  return out;
}

// Reads `text` through `cache` and compares with the full read of the same text.
void expect_same_as_full_read(const std::string& text, plan_read_cache& cache, const std::string& what) {
  SCOPED_TRACE(what);
  const source_file file("plan.toml", text);
  diagnostics full_findings, cached_findings;
  const plan full = read_plan(file, full_findings);
  const plan cached = read_plan(file, cached_findings, cache);
  EXPECT_TRUE(full == cached) << "the typed plans differ for:\n" << text;
  EXPECT_EQ(describe_all(full_findings), describe_all(cached_findings));
}

// The lines of a text, each with its line end.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l;
  return out;
}

bool is_activity_header(const std::string& line) { return line.rfind("[[activity]]", 0) == 0; }

std::vector<std::size_t> activity_headers(const std::vector<std::string>& lines) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (is_activity_header(lines[i])) at.push_back(i);
  return at;
}

struct edit {
  std::string name;
  std::string text;
};

// The edits a user makes while typing, and a few that must make the cache read the whole text again.
std::vector<edit> edits_of(const std::string& text) {
  const std::vector<std::string> lines = lines_of(text);
  const std::vector<std::size_t> activities = activity_headers(lines);
  std::vector<edit> out;
  const auto with = [&](std::string name, const std::vector<std::string>& changed) {
    out.push_back({std::move(name), joined(changed)});
  };
  if (!activities.empty()) {
    const std::size_t first = activities.front();
    // a value in one activity: the first line below its header with a value
    for (std::size_t i = first + 1; i < lines.size() && !lines[i].starts_with("["); ++i) {
      const auto equals = lines[i].find(" = ");
      if (equals == std::string::npos) continue;
      std::vector<std::string> changed = lines;
      const auto quote = lines[i].find('"', equals);
      changed[i].insert(quote != std::string::npos ? quote + 1 : equals + 3, quote != std::string::npos ? "x" : "1");
      with("a value in the first activity changed", changed);
      break;
    }
    std::vector<std::string> changed = lines;
    changed.insert(changed.begin() + static_cast<std::ptrdiff_t>(first), {"# a comment\n", "\n", "\n"});
    with("lines inserted above the first activity", changed);
    if (first > 0) {
      changed = lines;
      changed.erase(changed.begin() + static_cast<std::ptrdiff_t>(first) - 1);
      with("the line above the first activity deleted", changed);
    }
    changed = lines;
    changed.insert(changed.begin() + static_cast<std::ptrdiff_t>(first) + 1, "id = = 1\n");
    with("the first activity broken", changed);
    changed = lines;
    changed.insert(changed.begin() + static_cast<std::ptrdiff_t>(first) + 1, {"note = \"\"\"\n", "[[activity]]\n", "\"\"\"\n"});
    with("a multi-line string holding a header line", changed);
    changed = lines;
    changed.insert(changed.begin() + static_cast<std::ptrdiff_t>(first) + 1, {"note = [\n", "[[activity]]\n", "]\n"});
    with("a multi-line array holding a header line", changed);
    changed = lines;
    changed.erase(changed.begin() + static_cast<std::ptrdiff_t>(first));
    with("the first activity's header deleted", changed);
    if (activities.size() >= 2) {
      // the first two activities swapped (the second ends at the next line that starts with `[`, or the end)
      std::size_t end = activities[1] + 1;
      while (end < lines.size() && !lines[end].starts_with("[")) ++end;
      changed.assign(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(first));
      changed.insert(changed.end(), lines.begin() + static_cast<std::ptrdiff_t>(activities[1]),
                     lines.begin() + static_cast<std::ptrdiff_t>(end));
      if (!changed.back().ends_with("\n")) changed.back() += "\n";
      changed.insert(changed.end(), lines.begin() + static_cast<std::ptrdiff_t>(first),
                     lines.begin() + static_cast<std::ptrdiff_t>(activities[1]));
      changed.insert(changed.end(), lines.begin() + static_cast<std::ptrdiff_t>(end), lines.end());
      with("the first two activities swapped", changed);
    }
  }
  std::string ended = text.empty() || text.ends_with("\n") ? text : text + "\n";
  out.push_back({"a second [plan]", ended + "[plan]\nyear = 2025\n"});
  out.push_back({"an activity appended", ended + "[[activity]] # new\nid = \"N-1\"\ntask = \"t\"\n"});
  out.push_back({"the first line deleted", text.substr(std::min(text.size(), text.find('\n') + 1))});
  out.push_back({"a key above every table", "year = 2025\n" + text});
  out.push_back({"another header form", ended + "[plan.extra]\nx = 1\n"});
  out.push_back({"line ends CRLF", [&] {
                   std::string crlf;
                   for (const char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
                   return crlf;
                 }()});
  return out;
}

class every_plan : public testing::TestWithParam<fs::path> {};

TEST_P(every_plan, reads_through_a_cache_exactly_as_the_full_read) {
  const std::string original = slurp(GetParam());
  plan_read_cache cache;
  expect_same_as_full_read(original, cache, "cold");
  expect_same_as_full_read(original, cache, "the same text again");
  for (const edit& e : edits_of(original)) {
    plan_read_cache warm;
    expect_same_as_full_read(original, warm, "before: " + e.name);
    expect_same_as_full_read(e.text, warm, e.name);
    expect_same_as_full_read(original, warm, "undone: " + e.name);
    // one cache through every edit in turn, as an editor session goes
    expect_same_as_full_read(e.text, cache, "in sequence: " + e.name);
  }
}

std::string test_name(const testing::TestParamInfo<fs::path>& info) {
  std::string name = fs::relative(info.param, AKKOORD_SOURCE_DIR).string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name + "_" + std::to_string(info.index);  // `a-b.toml` and `a_b.toml` would share a name
}

INSTANTIATE_TEST_SUITE_P(repository, every_plan, testing::ValuesIn(repository_plans()), test_name);

TEST(plan_read_cache, finds_the_repository_plans) { EXPECT_GT(repository_plans().size(), 100U); }

// Shapes the edits above do not reach.
TEST(plan_read_cache, reads_odd_shapes_exactly_as_the_full_read) {
  const std::vector<std::string> texts = {
      "",
      "# only a comment\n",
      "\xEF\xBB\xBF[plan]\nyear = 2025\n",
      "[plan]\nagreement = \"AA\"\n\n  [[activity]]   # indented, with a comment\nid = \"A\"\n",
      "activity = []\n[[activity]]\nid = \"A\"\n",
      "[[activity]]\nid = \"A\"\n[[activity]]\nid = \"A\"\n",  // the same table text twice
      "[[activity]]\nid = \"A\"\nid = \"B\"\n",                  // a key twice in one table
      "[[activity]]\nsub.key = 1\n[[milestone]]\nid = \"m\"\ncompleted = 2025-01-01\n",
      "[[activity]]x = 1\n",
      "[[activity]]\ndescription = '''\n[plan]\n'''\n",
      "[plan]\nyear = \"2025\"\n[contribution]\nid = 1\n# akkoord: allow(unknown-field) -- test\n[[activity]]\nfoo = 1\n",
      "[[activity]]\nid = \"\xFF\"\n",
      std::string("[[activity]]\nid = \"\0\"\n"sv),
  };
  for (const std::string& text : texts) {
    plan_read_cache cache;
    expect_same_as_full_read(text, cache, "cold: " + text);
    expect_same_as_full_read(text + "[[milestone]]\n", cache, "edited: " + text);
  }
}

}  // namespace
}  // namespace akkoord

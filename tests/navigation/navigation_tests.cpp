// The navigation library (navigation.hpp), case by case: tests/navigation/cases/NAME/ holds
// - `request`: one line, `hover`, `definition`, `references`, `completion`, `prepare-rename` or `rename NEW`;
// - the files: plans (`*.toml`, every one is in the scope) and optionally `agreement.akkoord` (with its includes;
//   without it the scope's agreement is rules/aa.akkoord); exactly one file marks the cursor with `‸` (U+2038),
//   which is taken out before anything reads the file;
// - `expected.txt`: the answer, in English and Dutch where it has text (UPDATE_EXPECTED=1 rewrites it: read it).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/navigation.hpp"
#include "akkoord/validator/plan.hpp"
#include "../checks/fixture_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace akkoord;
using akkoord::testing::read_text;
using akkoord::testing::source_dir;

constexpr std::string_view cursor_marker = "\u2038";

fs::path cases_dir() { return source_dir() / "tests" / "navigation" / "cases"; }

bool updating() {
  const char* value = std::getenv("UPDATE_EXPECTED");
  return value != nullptr && std::string_view(value) == "1";
}

// `tests/navigation/cases/x/plan.toml:3:8-3:19`
std::string place(const source_span& span) {
  if (span.file == nullptr) return "<none>";
  const std::string path = fs::path(span.file->path()).lexically_relative(source_dir()).generic_string();
  return path + ":" + std::to_string(span.begin.line) + ":" + std::to_string(span.begin.column) + "-" +
         std::to_string(span.end.line) + ":" + std::to_string(span.end.column);
}

std::string both(const text& t) { return "--- en ---\n" + t.en + "\n--- nl ---\n" + t.nl + "\n"; }

std::string_view kind_name(completion_kind kind) {
  switch (kind) {
    case completion_kind::keyword: return "keyword";
    case completion_kind::table: return "table";
    case completion_kind::field: return "field";
    case completion_kind::value: return "value";
    case completion_kind::taakveld: return "taakveld";
    case completion_kind::agreement: return "agreement";
    case completion_kind::party: return "party";
    case completion_kind::executor: return "executor";
    case completion_kind::period: return "period";
    case completion_kind::milestone: return "milestone";
    case completion_kind::task: return "task";
    case completion_kind::contribution: return "contribution";
    case completion_kind::saving: return "saving";
    case completion_kind::document: return "document";
  }
  return "?";
}

// A case's files read into a scope, and where the cursor is.
struct loaded_case {
  source_manager sources;
  diagnostics findings;  // what loading found (not compared: the cases are about navigation)
  std::unique_ptr<agreement_model> agreement;
  std::vector<plan> plans;
  const source_file* cursor_file = nullptr;
  source_pos cursor;
  navigation_scope scope;
};

std::unique_ptr<loaded_case> load_case(const fs::path& dir) {
  auto c = std::make_unique<loaded_case>();
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".toml" || entry.path().extension() == ".akkoord") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string agreement_text;
  std::vector<const source_file*> plan_files;
  for (const auto& path : files) {
    std::string content = read_text(path);
    const std::size_t marker = content.find(cursor_marker);
    if (marker != std::string::npos) {
      // The marker is one code point: the columns before it are those of the text without it.
      const source_file marked(path.string(), content);
      c->cursor = marked.pos_at(marker);
      content.erase(marker, cursor_marker.size());
    }
    if (path.filename() == "agreement.akkoord") {
      c->agreement = load_agreement_text(path.string(), content, c->sources, c->findings);
      if (marker != std::string::npos) c->cursor_file = c->agreement->files.front().source;
      continue;
    }
    if (path.extension() != ".toml") continue;  // an included file: loaded with the agreement
    const source_file& file = c->sources.add(path.string(), content);
    plan_files.push_back(&file);
    if (marker != std::string::npos) c->cursor_file = &file;
  }
  if (!c->agreement) c->agreement = load_agreement((source_dir() / "rules/aa.akkoord").string(), c->sources, c->findings);
  c->plans.reserve(plan_files.size());
  for (const source_file* file : plan_files) c->plans.push_back(read_plan(*file, c->findings));
  c->scope.agreement = c->agreement.get();
  for (const plan& p : c->plans) c->scope.plans.push_back(&p);
  return c;
}

std::string answer(const loaded_case& c, std::string_view request) {
  const navigation_scope& scope = c.scope;
  std::string out;
  if (request == "hover") {
    const auto h = hover(scope, *c.cursor_file, c.cursor);
    return h ? "range: " + place(h->range) + "\n" + both(h->markdown) : "no hover\n";
  }
  if (request == "definition") {
    const auto d = definition(scope, *c.cursor_file, c.cursor);
    return (d ? place(*d) : "no definition") + "\n";
  }
  if (request == "references") {
    for (const auto& r : references(scope, *c.cursor_file, c.cursor, true)) out += place(r) + "\n";
    return out.empty() ? "no references\n" : out;
  }
  if (request == "completion") {
    const completion_answer a = complete(scope, *c.cursor_file, c.cursor);
    out = "range: " + place(a.range) + "\n";
    for (const auto& item : a.items) {
      out += item.label + " | " + std::string(kind_name(item.kind)) + " | " + item.insert_text + " | " +
             item.detail.en + " | " + item.detail.nl + "\n";
      // The documentation's first line, in both languages: the declaration a hover would show.
      for (const std::string* documentation : {&item.documentation.en, &item.documentation.nl})
        if (!documentation->empty())
          out += "  documentation: " + documentation->substr(0, documentation->find('\n')) + "\n";
    }
    return out;
  }
  const bool preparing = request == "prepare-rename";
  if (preparing || request.starts_with("rename ")) {
    const rename_answer a = preparing ? prepare_rename(scope, *c.cursor_file, c.cursor)
                                      : rename(scope, *c.cursor_file, c.cursor, std::string(request.substr(7)));
    if (a.refused) return "refused\n" + both(*a.refused);
    out = "range: " + place(a.range) + " (" + a.current_name + ")\n";
    for (const auto& e : a.edits) out += place(e.span) + " -> " + e.replacement + "\n";
    return out;
  }
  ADD_FAILURE() << "unknown request `" << request << "`";
  return {};
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(cases_dir()))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class NavigationCase : public ::testing::TestWithParam<std::string> {};

TEST_P(NavigationCase, AnswersAsExpected) {
  const fs::path dir = cases_dir() / GetParam();
  std::string request = read_text(dir / "request");
  while (!request.empty() && (request.back() == '\n' || request.back() == '\r')) request.pop_back();
  const auto loaded = load_case(dir);
  ASSERT_NE(loaded->cursor_file, nullptr) << "no file of the case marks the cursor with " << cursor_marker;
  ASSERT_NE(loaded->agreement, nullptr);
  const std::string actual = answer(*loaded, request);
  const fs::path expected_path = dir / "expected.txt";
  if (updating()) {
    std::ofstream(expected_path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << "run with UPDATE_EXPECTED=1 to write " << expected_path;
  EXPECT_EQ(read_text(expected_path), actual);
}

INSTANTIATE_TEST_SUITE_P(Cases, NavigationCase, ::testing::ValuesIn(case_names()),
                         [](const auto& case_info) { return case_info.param; });

}  // namespace

namespace {

// Every position of the reference agreement and a full sample plan, one past each line's end included: every
// request answers (no crash, under the sanitizers too), and every range it gives lies in its file and, for the
// word under the cursor, holds the cursor.
TEST(Navigation, AnswersAtEveryPosition) {
  source_manager sources;
  diagnostics findings;
  const auto agreement = load_agreement((source_dir() / "rules/aa.akkoord").string(), sources, findings);
  ASSERT_NE(agreement, nullptr);
  const fs::path plan_path = source_dir() / "samples/plans/aalsmeer-2025.toml";
  const source_file& plan_file = sources.add(plan_path.string(), read_text(plan_path));
  const plan p = read_plan(plan_file, findings);
  const navigation_scope scope{agreement.get(), {&p}};
  auto inside = [](const source_span& s) {
    return s.file != nullptr && s.begin.line >= 1 && !(s.end < s.begin) && s.end.line <= s.file->line_count();
  };
  std::size_t answered = 0;
  for (const source_file* file : {agreement->files.front().source, &plan_file}) {
    for (std::uint32_t line = 1; line <= file->line_count(); ++line) {
      const auto columns = static_cast<std::uint32_t>(count_code_points(file->line_text(line)));
      for (std::uint32_t column = 1; column <= columns + 1; ++column) {
        const source_pos at{line, column};
        const completion_answer c = complete(scope, *file, at);
        EXPECT_TRUE(inside(c.range) && c.range.end == at) << file->path() << ":" << line << ":" << column;
        const auto h = hover(scope, *file, at);
        // The other requests look up the same ids as hover: asked where hover found one, and at each line's end.
        if (!h && column <= columns) continue;
        if (h) {
          EXPECT_TRUE(h->range.begin <= at && at <= h->range.end) << file->path() << ":" << line << ":" << column;
          EXPECT_FALSE(h->markdown.en.empty() || h->markdown.nl.empty());
          ++answered;
        }
        if (const auto d = definition(scope, *file, at)) {
          EXPECT_TRUE(inside(*d));
        }
        for (const auto& r : references(scope, *file, at, true)) EXPECT_TRUE(inside(r));
        const rename_answer r = prepare_rename(scope, *file, at);
        EXPECT_TRUE(r.refused.has_value() || inside(r.range));
      }
    }
  }
  EXPECT_GT(answered, 500u) << "hover answers on the ids of the agreement and the plan";
}

}  // namespace

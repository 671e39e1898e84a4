// The declaration diff of `akkoord diff`: what counts as a change (content, not layout) and how it is told.
#include <gtest/gtest.h>

#include "akkoord/validator/diff.hpp"

namespace akkoord {
namespace {

const char* const base_agreement = R"(agreement AA "Werkorganisatie" {
  since 2013-01-01
  documents centrumregeling
  hours_per_fte 1_536 tolerance 5%
}

party aalsmeer "Gemeente Aalsmeer" {
  roles opdrachtgever
  inhabitants 31_991
}

executor kernorganisatie "Kernorganisatie Aalsmeer" {
  employer aalsmeer
}

task strategie "Strategie" {
  taakveld 0.1
  responsible aalsmeer
  executed_by kernorganisatie from 2013-01-01
  returned_to kernorganisatie from 2022-04-01
}

milestone evaluatie "Evaluatie" {
  due 2026-01-01
}
)";

std::unique_ptr<agreement_model> load(const std::string& path, std::string content, source_manager& sources) {
  diagnostics found;
  auto model = load_agreement_text(path, std::move(content), sources, found);
  EXPECT_NE(model, nullptr) << path << ": " << (found.empty() ? std::string() : found.front().message.en);
  return model;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(DeclarationDiff, LayoutAndCommentsAreNoChange) {
  source_manager sources;
  const auto before = load("old.akkoord", base_agreement, sources);
  std::string relaid = replaced(base_agreement, "  responsible aalsmeer\n", "\n\n   responsible   aalsmeer # who\n");
  relaid = "# a comment at the top\n\n" + relaid;
  const auto after = load("new.akkoord", relaid, sources);
  ASSERT_TRUE(before && after);
  EXPECT_TRUE(diff_declarations(*before, *after).empty());
}

TEST(DeclarationDiff, ChangedClauseIsShownOldToNew) {
  source_manager sources;
  const auto before = load("old.akkoord", base_agreement, sources);
  const auto after = load("new.akkoord", replaced(base_agreement, "from 2022-04-01", "from 2023-01-01"), sources);
  ASSERT_TRUE(before && after);
  const auto changes = diff_declarations(*before, *after);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].what, change_kind::changed);
  EXPECT_EQ(changes[0].kind, "task");
  EXPECT_EQ(changes[0].id, "strategie");
  ASSERT_NE(changes[0].where.file, nullptr);
  EXPECT_EQ(changes[0].where.file->path(), "new.akkoord");
  EXPECT_EQ(changes[0].where.begin.line, 16u);
  const text told = describe_change(changes[0]);
  EXPECT_EQ(told.en, "changed task `strategie`: returned_to kernorganisatie from 2022-04-01 -> 2023-01-01");
  EXPECT_EQ(told.nl, "task `strategie` gewijzigd: returned_to kernorganisatie from 2022-04-01 -> 2023-01-01");
}

TEST(DeclarationDiff, AddedAndRemovedDeclarations) {
  source_manager sources;
  const auto before = load("old.akkoord", base_agreement, sources);
  std::string edited = replaced(base_agreement, "milestone evaluatie \"Evaluatie\" {\n  due 2026-01-01\n}\n", "");
  edited += "\nmilestone herijking \"Herijking\" {\n  due 2027-01-01\n}\n";
  const auto after = load("new.akkoord", edited, sources);
  ASSERT_TRUE(before && after);
  const auto changes = diff_declarations(*before, *after);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].what, change_kind::added);
  EXPECT_EQ(describe_change(changes[0]).en, "added milestone `herijking`");
  EXPECT_EQ(changes[1].what, change_kind::removed);
  EXPECT_EQ(describe_change(changes[1]).nl, "milestone `evaluatie` verwijderd");
  EXPECT_EQ(changes[1].where.file->path(), "old.akkoord");  // a removed declaration is shown where it was
}

TEST(DeclarationDiff, SeveralClausesChangedAreListed) {
  source_manager sources;
  const auto before = load("old.akkoord", base_agreement, sources);
  std::string edited = replaced(base_agreement, "  taakveld 0.1\n", "  taakveld 0.4\n");
  edited = replaced(edited, "\"Strategie\" {", "\"Strategie en beleid\" {");
  const auto after = load("new.akkoord", edited, sources);
  ASSERT_TRUE(before && after);
  const auto changes = diff_declarations(*before, *after);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].details, (std::vector<std::string>{"- title \"Strategie\"", "- taakveld 0.1",
                                                       "+ title \"Strategie en beleid\"", "+ taakveld 0.4"}));
}

TEST(DeclarationDiff, CanonicalLinesOfATask) {
  source_manager sources;
  const auto model = load("a.akkoord", base_agreement, sources);
  ASSERT_TRUE(model);
  const auto tasks = model->all<ast::task_decl>();
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(canonical_lines(ast::declaration(*tasks[0])),
            (std::vector<std::string>{"title \"Strategie\"", "taakveld 0.1", "responsible aalsmeer",
                                      "executed_by kernorganisatie from 2013-01-01",
                                      "returned_to kernorganisatie from 2022-04-01"}));
}

diagnostic finding(const source_file& file, std::uint32_t line, std::string id, std::string message) {
  diagnostic d;
  d.id = std::move(id);
  d.message = {std::move(message), "nl"};
  d.primary = {&file, {line, 1}, {line, 2}};
  return d;
}

TEST(FindingDiff, MatchesByIdFilePositionAndMessage) {
  source_manager sources;
  const source_file& plan = sources.add("plan.toml", "a\nb\nc\n");
  const diagnostics before{finding(plan, 1, "wrong-executor", "x"), finding(plan, 2, "wrong-executor", "y")};
  const diagnostics after{finding(plan, 2, "wrong-executor", "y"), finding(plan, 3, "wrong-executor", "y"),
                          finding(plan, 2, "wrong-executor", "y changed")};
  const diagnostics added = new_findings(before, after);
  ASSERT_EQ(added.size(), 2u);
  EXPECT_EQ(added[0].primary.begin.line, 3u);
  EXPECT_EQ(added[1].message.en, "y changed");
  const diagnostics fixed = new_findings(after, before);
  ASSERT_EQ(fixed.size(), 1u);
  EXPECT_EQ(fixed[0].primary.begin.line, 1u);
}

}  // namespace
}  // namespace akkoord

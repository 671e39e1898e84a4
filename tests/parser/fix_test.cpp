// apply_fixes: edits in text order, columns in code points, a fix applied whole or skipped when it collides
// with an earlier one, invalid fixes and other files' fixes left alone.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "akkoord/fix.hpp"

namespace akkoord::test {
namespace {

diagnostic finding(std::string id, std::vector<text_edit> edits) {
  diagnostic d;
  d.id = std::move(id);
  d.fix = suggested_fix{{"fix", "herstel"}, std::move(edits)};
  return d;
}

text_edit edit(const source_file& f, source_pos begin, source_pos end, std::string replacement) {
  return {{&f, begin, end}, std::move(replacement)};
}

TEST(ApplyFixes, AppliesEditsInTextOrderWhateverTheFindingsOrder) {
  const source_file f("plan.toml", "task = \"tsak-1\"\nexecutor = \"gemeenet\"\n");
  const diagnostics ds{finding("b", {edit(f, {2, 13}, {2, 21}, "gemeente")}),
                       finding("a", {edit(f, {1, 9}, {1, 15}, "task-1")})};
  const fixed_text fixed = apply_fixes(f, ds);
  EXPECT_EQ(fixed.text, "task = \"task-1\"\nexecutor = \"gemeente\"\n");
  ASSERT_EQ(fixed.applied.size(), 2u);
  EXPECT_EQ(fixed.applied[0]->id, "a");
  EXPECT_EQ(fixed.applied[1]->id, "b");
  EXPECT_TRUE(fixed.skipped.empty());
}

TEST(ApplyFixes, ColumnsCountCodePointsNotBytes) {
  // "é" and "€" take 2 and 3 bytes; the edit replaces `x` at code-point column 5.
  const source_file f("a.akkoord", "é€ \"x\"\n");
  const fixed_text fixed = apply_fixes(f, {finding("a", {edit(f, {1, 5}, {1, 6}, "ij")})});
  EXPECT_EQ(fixed.text, "é€ \"ij\"\n");
}

TEST(ApplyFixes, InsertsAndDeletesAndAppliesSeveralEditsOfOneFix) {
  const source_file f("plan.toml", "taakveld = 6.6\n");
  const fixed_text fixed =
      apply_fixes(f, {finding("quote", {edit(f, {1, 15}, {1, 15}, "\""), edit(f, {1, 12}, {1, 12}, "\"")})});
  EXPECT_EQ(fixed.text, "taakveld = \"6.6\"\n");
  const fixed_text deleted = apply_fixes(f, {finding("delete", {edit(f, {1, 9}, {1, 12}, "")})});
  EXPECT_EQ(deleted.text, "taakveld6.6\n");
}

TEST(ApplyFixes, KeepsTheFirstOfOverlappingFixesAndSaysWhichSkippedOne) {
  const source_file f("plan.toml", "from = \"2026-03-01\"\n");
  const diagnostics ds{finding("later", {edit(f, {1, 9}, {1, 19}, "2026-03-02")}),
                       finding("first", {edit(f, {1, 8}, {1, 20}, "2026-03-01")})};
  const fixed_text fixed = apply_fixes(f, ds);
  EXPECT_EQ(fixed.text, "from = 2026-03-01\n");
  ASSERT_EQ(fixed.applied.size(), 1u);
  EXPECT_EQ(fixed.applied[0]->id, "first");
  ASSERT_EQ(fixed.skipped.size(), 1u);
  EXPECT_EQ(fixed.skipped[0].finding->id, "later");
  ASSERT_NE(fixed.skipped[0].conflicts_with, nullptr);
  EXPECT_EQ(fixed.skipped[0].conflicts_with->id, "first");
}

TEST(ApplyFixes, TwoInsertionsAtOnePlaceCollideButTouchingEditsDoNot) {
  const source_file f("a.txt", "abcdef\n");
  const fixed_text same_place =
      apply_fixes(f, {finding("one", {edit(f, {1, 3}, {1, 3}, "1")}), finding("two", {edit(f, {1, 3}, {1, 3}, "2")})});
  EXPECT_EQ(same_place.text, "ab1cdef\n");
  EXPECT_EQ(same_place.skipped.size(), 1u);
  const fixed_text touching =
      apply_fixes(f, {finding("one", {edit(f, {1, 1}, {1, 3}, "X")}), finding("two", {edit(f, {1, 3}, {1, 5}, "Y")})});
  EXPECT_EQ(touching.text, "XYef\n");
  EXPECT_TRUE(touching.skipped.empty());
}

TEST(ApplyFixes, AFixIsAppliedWholeOrNotAtAll) {
  const source_file f("a.txt", "abcdef\n");
  // The second fix starts where the first does (the first listed goes first) and also edits `d`: that edit,
  // which collides with nothing, is not applied either.
  // Named: `skipped` points into the findings.
  const diagnostics findings{finding("one", {edit(f, {1, 2}, {1, 3}, "B")}),
                             finding("two", {edit(f, {1, 4}, {1, 5}, "D"), edit(f, {1, 2}, {1, 4}, "BC")})};
  const fixed_text fixed = apply_fixes(f, findings);
  EXPECT_EQ(fixed.text, "aBcdef\n");
  ASSERT_EQ(fixed.skipped.size(), 1u);
  EXPECT_EQ(fixed.skipped[0].finding->id, "two");
}

TEST(ApplyFixes, LeavesInvalidSuppressedAndOtherFilesFixesAlone) {
  const source_file f("a.txt", "abc\ndef\n");
  const source_file other("b.txt", "abc\n");
  diagnostic waived = finding("waived", {edit(f, {1, 1}, {1, 2}, "W")});
  waived.suppressed = true;
  const diagnostics ds{
      waived,
      finding("elsewhere", {edit(other, {1, 1}, {1, 2}, "O")}),
      finding("past-the-line", {edit(f, {1, 2}, {1, 9}, "P")}),
      finding("no-such-line", {edit(f, {7, 1}, {7, 1}, "N")}),
      finding("backwards", {edit(f, {2, 3}, {2, 1}, "B")}),
      finding("two-files", {edit(f, {2, 1}, {2, 2}, "T"), edit(other, {1, 1}, {1, 2}, "T")}),
      finding("self-overlap", {edit(f, {2, 1}, {2, 3}, "S"), edit(f, {2, 2}, {2, 4}, "S")}),
  };
  const fixed_text fixed = apply_fixes(f, ds);
  EXPECT_EQ(fixed.text, "abc\ndef\n");
  EXPECT_TRUE(fixed.applied.empty());
  ASSERT_EQ(fixed.skipped.size(), 5u);
  for (const auto& s : fixed.skipped) EXPECT_EQ(s.conflicts_with, nullptr) << s.finding->id;
}

TEST(ApplyFixes, EditsAtTheEndOfTheTextAndOfTheLastLine) {
  const source_file with_newline("a.txt", "abc\n");
  EXPECT_EQ(apply_fixes(with_newline, {finding("end", {edit(with_newline, {2, 1}, {2, 1}, "x\n")})}).text, "abc\nx\n");
  const source_file without("b.txt", "abc");
  EXPECT_EQ(apply_fixes(without, {finding("end", {edit(without, {1, 4}, {1, 4}, "\n")})}).text, "abc\n");
}

}  // namespace
}  // namespace akkoord::test

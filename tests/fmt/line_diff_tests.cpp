// The line diff of `akkoord fmt --diff` (parser/line_diff.hpp): exact output for small cases, and for many
// generated pairs a unified diff that, applied to the old text, gives the new one.
#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <sstream>

#include "akkoord/line_diff.hpp"

namespace {

using akkoord::unified_diff;

TEST(UnifiedDiff, EqualTextsGiveNothing) { EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "x", "x"), ""); }

TEST(UnifiedDiff, OneChangedLineWithContext) {
  EXPECT_EQ(unified_diff("a\nb\nc\n", "a\nx\nc\n", "old", "new"),
            "--- old\n+++ new\n"
            "@@ -1,3 +1,3 @@\n"
            " a\n"
            "-b\n"
            "+x\n"
            " c\n");
}

TEST(UnifiedDiff, FarApartChangesAreSeparateHunks) {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += "line " + std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? "changed " : "line ") + std::to_string(i) + "\n";
  }
  EXPECT_EQ(unified_diff(before, after, "f", "f"),
            "--- f\n+++ f\n"
            "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+changed 2\n line 3\n line 4\n line 5\n"
            "@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n+changed 18\n line 19\n line 20\n");
}

TEST(UnifiedDiff, InsertionAtTheStartAndAMissingFinalLineBreak) {
  EXPECT_EQ(unified_diff("b\nc", "a\nb\nc\n", "f", "f"),
            "--- f\n+++ f\n"
            "@@ -1,2 +1,3 @@\n"
            "+a\n"
            " b\n"
            "-c\n"
            "\\ No newline at end of file\n"
            "+c\n");
  EXPECT_EQ(unified_diff("", "a\n", "f", "f"), "--- f\n+++ f\n@@ -0,0 +1 @@\n+a\n");
}

// Applies a unified diff to `before`; empty optional when the diff does not fit.
std::optional<std::string> patched(const std::string& before, const std::string& diff) {
  std::vector<std::string> old_lines;
  {
    std::istringstream in(before);
    for (std::string line; std::getline(in, line);) old_lines.push_back(line);
  }
  std::istringstream in(diff);
  std::string line;
  std::getline(in, line);  // ---
  std::getline(in, line);  // +++
  std::string out;
  std::size_t next = 0;  // first old line not yet copied
  while (std::getline(in, line)) {
    if (line.starts_with("@@ -")) {
      std::size_t start = std::stoul(line.substr(4));
      const std::size_t comma = line.find(',');
      const bool empty_side = comma != std::string::npos && comma < line.find(' ', 4) &&
                              std::stoul(line.substr(comma + 1)) == 0;
      const std::size_t first = empty_side ? start : start - 1;
      if (first < next || first > old_lines.size()) return std::nullopt;
      for (; next < first; ++next) out += old_lines[next] + "\n";
      continue;
    }
    if (line.empty()) return std::nullopt;
    const char kind = line[0];
    const std::string text = line.substr(1);
    if (kind == ' ' || kind == '-') {
      if (next >= old_lines.size() || old_lines[next] != text) return std::nullopt;
      ++next;
    }
    if (kind == ' ' || kind == '+') out += text + "\n";
  }
  for (; next < old_lines.size(); ++next) out += old_lines[next] + "\n";
  return out;
}

TEST(UnifiedDiff, AppliedToTheOldTextGivesTheNewOne) {
  std::mt19937 random(20261130);
  for (int round = 0; round < 300; ++round) {
    std::uniform_int_distribution<int> length(0, 40), word(0, 5);
    std::string before, after;
    for (int i = length(random); i > 0; --i) before += "w" + std::to_string(word(random)) + "\n";
    for (int i = length(random); i > 0; --i) after += "w" + std::to_string(word(random)) + "\n";
    const std::string diff = unified_diff(before, after, "a", "b");
    if (before == after) {
      EXPECT_EQ(diff, "");
      continue;
    }
    EXPECT_EQ(patched(before, diff).value_or("<does not apply>"), after) << "before:\n" << before << "after:\n" << after << "diff:\n" << diff;
  }
}

TEST(UnifiedDiff, TenThousandLinesStaySane) {
  std::string scattered_before, scattered_after, unrelated;
  for (int i = 0; i < 10000; ++i) {
    scattered_before += "line " + std::to_string(i) + "\n";
    scattered_after += (i % 10 == 0 ? "new " : "line ") + std::to_string(i) + "\n";
    unrelated += "other " + std::to_string(i) + "\n";
  }
  // 1,000 changed lines: a minimal diff; 10,000 against 10,000 unrelated ones: past the bound, still correct.
  const std::string scattered = unified_diff(scattered_before, scattered_after, "a", "b");
  EXPECT_EQ(patched(scattered_before, scattered).value_or("<does not apply>"), scattered_after);
  const std::string replaced = unified_diff(scattered_before, unrelated, "a", "b");
  EXPECT_EQ(patched(scattered_before, replaced).value_or("<does not apply>"), unrelated);
}

}  // namespace

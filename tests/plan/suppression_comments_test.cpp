// `# akkoord: allow(ID[, ID]) [until YYYY-MM-DD] -- reason`, parsed from the text after `#`.
#include <gtest/gtest.h>

#include "suppression_comments.hpp"

namespace akkoord {
namespace {

struct parsed {
  bool ok = false;
  bool ours = false;
  suppression s;
  text problem;
};

parsed parse(std::string_view comment) {
  parsed p;
  p.ok = parse_suppression_comment(comment, p.s, p.ours, p.problem);
  return p;
}

TEST(suppression_comment, full_form) {
  const auto p = parse(" akkoord: allow(fte-hours-mismatch) until 2026-01-01 -- reden (besluit B&W 2025/123)  ");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.s.ids, (std::vector<std::string>{"fte-hours-mismatch"}));
  EXPECT_EQ(p.s.until, (civil_date{2026, 1, 1}));
  EXPECT_EQ(p.s.reason, "reden (besluit B&W 2025/123)");
}

TEST(suppression_comment, several_ids_without_until) {
  const auto p = parse("akkoord:allow( wrong-executor ,rule:overhead_aandeel,duplicate-id)--x");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.s.ids, (std::vector<std::string>{"wrong-executor", "rule:overhead_aandeel", "duplicate-id"}));
  EXPECT_FALSE(p.s.until.has_value());
  EXPECT_EQ(p.s.reason, "x");
}

TEST(suppression_comment, without_reason_parses_with_an_empty_reason) {
  for (const char* c : {" akkoord: allow(duplicate-id)", " akkoord: allow(duplicate-id) --   ",
                        " akkoord: allow(duplicate-id) until 2025-12-31"}) {
    const auto p = parse(c);
    ASSERT_TRUE(p.ok) << c;
    EXPECT_TRUE(p.s.reason.empty()) << c;
  }
}

TEST(suppression_comment, other_comments_are_not_ours) {
  for (const char* c : {" just a comment", " akkoord is the tool", "", " see akkoord: allow(x) -- y"}) {
    const auto p = parse(c);
    EXPECT_FALSE(p.ok) << c;
    EXPECT_FALSE(p.ours) << c;
  }
}

TEST(suppression_comment, malformed_ones_say_what_is_wrong) {
  for (const char* c : {" akkoord: allw(x) -- y", " akkoord: allow x -- y", " akkoord: allow() -- y",
                        " akkoord: allow(x -- y", " akkoord: allow(x) until 2026-02-30 -- y",
                        " akkoord: allow(x) until tomorrow -- y", " akkoord: allow(x) because", " akkoord:"}) {
    const auto p = parse(c);
    EXPECT_FALSE(p.ok) << c;
    EXPECT_TRUE(p.ours) << c;
    EXPECT_FALSE(p.problem.en.empty()) << c;
    EXPECT_FALSE(p.problem.nl.empty()) << c;
  }
  EXPECT_EQ(parse(" akkoord: allow(x) until 2026-02-30 -- y").problem.en, "`2026-02-30` after `until` is not a real date");
}

TEST(suppression_scan, skips_strings_of_every_kind_and_keeps_positions) {
  const source_file file("plan.toml",
                         "a = \"# akkoord: allow(a) -- in a basic string\"\n"
                         "b = 'x # akkoord: allow(b) -- literal'\n"
                         "c = \"\"\"\n# akkoord: allow(c) -- multi-line basic\n\"\"\"\n"
                         "d = '''\n# akkoord: allow(d) -- multi-line literal\n'''\n"
                         "e = \"esc \\\" # akkoord: allow(e) -- after escaped quote\"\n"
                         "f = \"ü\" # akkoord: allow(f) -- real\r\n"
                         "# akkoord: allow(g) -- real too\n");
  const auto scan = scan_suppressions(file);
  ASSERT_EQ(scan.suppressions.size(), 2u);
  EXPECT_EQ(scan.suppressions[0].ids, (std::vector<std::string>{"f"}));
  EXPECT_EQ(scan.suppressions[0].line, 10u);
  EXPECT_EQ(scan.suppressions[0].span.begin, (source_pos{10, 9}));  // after `ü`, one column
  EXPECT_EQ(scan.suppressions[0].reason, "real");                   // the CR is not part of it
  EXPECT_EQ(scan.suppressions[1].ids, (std::vector<std::string>{"g"}));
  EXPECT_EQ(scan.suppressions[1].line, 11u);
  EXPECT_TRUE(scan.malformed.empty());
}

TEST(suppression_scan, text_without_marker_costs_nothing) {
  const source_file file("plan.toml", "a = 1 # just a comment\n");
  const auto scan = scan_suppressions(file);
  EXPECT_TRUE(scan.suppressions.empty());
  EXPECT_TRUE(scan.malformed.empty());
}

}  // namespace
}  // namespace akkoord

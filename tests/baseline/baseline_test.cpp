// Baselines (validator/include/akkoord/validator/baseline.hpp): a fingerprint ignores line numbers, matching is a
// multiset, and the file reads back what it wrote.
#include <gtest/gtest.h>

#include "akkoord/validator/baseline.hpp"

namespace akkoord {
namespace {

// A finding on `line` of `file`, its span the first occurrence of `under` on that line.
diagnostic finding_at(const source_file& file, std::uint32_t line, std::string_view under,
                      const std::string& id = "unknown-taakveld") {
  diagnostic d;
  d.id = id;
  d.message = {"taakveld `9.9` does not exist", "taakveld `9.9` bestaat niet"};
  const std::string_view text = file.line_text(line);
  const auto at = text.find(under);
  EXPECT_NE(at, std::string_view::npos) << "fixture: `" << under << "` not on line " << line;
  const std::uint32_t column = static_cast<std::uint32_t>(at) + 1;  // ASCII fixtures: bytes are code points
  d.primary = {&file, {line, column}, {line, column + static_cast<std::uint32_t>(under.size())}};
  return d;
}

const char* const plan_text =
    "[[activity]]\n"
    "id = \"A-001\"\n"
    "taakveld = \"9.9\"\n";

TEST(Baseline, FingerprintSurvivesLinesInsertedAbove) {
  source_manager sources;
  const source_file& before = sources.add("plans/p.toml", plan_text);
  const source_file& after = sources.add("plans/p.toml", std::string("# a comment\n\n  # another\n") + plan_text);
  const auto old_prints = baseline_fingerprints({finding_at(before, 3, "\"9.9\"")});
  const auto new_prints = baseline_fingerprints({finding_at(after, 6, "\"9.9\"")});
  ASSERT_EQ(old_prints.size(), 1u);
  EXPECT_EQ(old_prints[0].size(), 16u);
  EXPECT_EQ(old_prints, new_prints);
}

TEST(Baseline, FingerprintDependsOnIdFileAndText) {
  source_manager sources;
  const source_file& file = sources.add("plans/p.toml", plan_text);
  const source_file& other = sources.add("plans/q.toml", plan_text);
  const std::string base = baseline_fingerprints({finding_at(file, 3, "\"9.9\"")})[0];
  EXPECT_NE(base, baseline_fingerprints({finding_at(other, 3, "\"9.9\"")})[0]);
  EXPECT_NE(base, baseline_fingerprints({finding_at(file, 3, "\"9.9\"", "taakveld-mismatch")})[0]);
  EXPECT_NE(base, baseline_fingerprints({finding_at(file, 3, "taakveld")})[0]);
}

TEST(Baseline, IdenticalFindingsGetDistinctFingerprints) {
  source_manager sources;
  const source_file& file = sources.add("p.toml", std::string(plan_text) + plan_text);
  const auto prints = baseline_fingerprints({finding_at(file, 3, "\"9.9\""), finding_at(file, 6, "\"9.9\"")});
  ASSERT_EQ(prints.size(), 2u);
  EXPECT_NE(prints[0], prints[1]);
}

TEST(Baseline, MatchingIsAMultiset) {
  source_manager sources;
  const source_file& old_file = sources.add("p.toml", plan_text);
  const baseline accepted = make_baseline({finding_at(old_file, 3, "\"9.9\"")});
  ASSERT_EQ(accepted.entries.size(), 1u);

  // The same mistake copied: one is accepted, the copy is new.
  const source_file& new_file = sources.add("p.toml", std::string(plan_text) + plan_text);
  diagnostics now{finding_at(new_file, 3, "\"9.9\""), finding_at(new_file, 6, "\"9.9\"")};
  EXPECT_EQ(apply_baseline(now, accepted), 0u);
  EXPECT_TRUE(now[0].suppressed);
  EXPECT_EQ(now[0].suppression_reason, "baseline");
  EXPECT_FALSE(now[1].suppressed);
}

TEST(Baseline, FixedFindingsAreCountedAsUnused) {
  source_manager sources;
  const source_file& file = sources.add("p.toml", std::string(plan_text) + plan_text);
  const baseline accepted = make_baseline({finding_at(file, 3, "\"9.9\""), finding_at(file, 6, "\"9.9\"")});
  diagnostics now{finding_at(file, 3, "\"9.9\"")};
  EXPECT_EQ(apply_baseline(now, accepted), 1u);
  EXPECT_TRUE(now[0].suppressed);
}

TEST(Baseline, InlineSuppressedFindingsAreNotRecorded) {
  source_manager sources;
  const source_file& file = sources.add("p.toml", plan_text);
  diagnostic waived = finding_at(file, 3, "\"9.9\"");
  waived.suppressed = true;
  EXPECT_TRUE(make_baseline({waived}).entries.empty());
}

TEST(Baseline, FileRoundTripsSorted) {
  baseline b;
  b.entries.push_back({"z-check", "b.toml", "00000000000000ff", "second \"quoted\" ë"});
  b.entries.push_back({"a-check", "a.toml", "0123456789abcdef", "first"});
  const std::string json = render_baseline(b);
  EXPECT_LT(json.find("a.toml"), json.find("b.toml")) << json;
  baseline read;
  text error;
  ASSERT_TRUE(parse_baseline(json, read, error)) << error.en;
  ASSERT_EQ(read.entries.size(), 2u);
  EXPECT_EQ(read.entries[0].id, "a-check");
  EXPECT_EQ(read.entries[1].message, "second \"quoted\" ë");
  EXPECT_EQ(render_baseline(read), json);  // stable
  EXPECT_TRUE(parse_baseline(render_baseline({}), read, error));
  EXPECT_TRUE(read.entries.empty());
}

TEST(Baseline, InvalidFilesAreRejected) {
  for (const std::string_view bad :
       {"", "[]", "{}", "{\"version\": 1}", "{\"findings\": []}", "{\"version\": 2, \"findings\": []}",
        "{\"version\": 1, \"findings\": [{\"id\": \"x\"}]}", "{\"version\": 1, \"findings\": []} trailing",
        "{\"version\": 1, \"findings\": [{\"id\": \"x\", \"file\": \"f\", \"fingerprint\": 3}]}",
        "{\"version\": 1, \"findings\": [", "{\"version\": 1, \"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
        "]]]]], \"findings\": []}"}) {
    baseline read;
    text error;
    EXPECT_FALSE(parse_baseline(bad, read, error)) << bad;
    EXPECT_FALSE(error.en.empty());
    EXPECT_FALSE(error.nl.empty());
  }
  baseline read;
  text error;
  EXPECT_TRUE(parse_baseline("{\"findings\": [{\"fingerprint\": \"f\", \"file\": \"a\", \"id\": \"x\", \"extra\": {\"k\": "
                             "[1, true, null]}}], \"version\": 1}",
                             read, error))
      << error.en;
  EXPECT_EQ(read.entries.size(), 1u);
}

}  // namespace
}  // namespace akkoord

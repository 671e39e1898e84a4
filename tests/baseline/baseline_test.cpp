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

// A file that is not a baseline says where (invalid JSON: line and column in characters) or what is wrong,
// in English and Dutch.
TEST(Baseline, InvalidFilesSayWhereAndWhat) {
  struct bad_file {
    std::string_view json, en, nl;
  };
  for (const bad_file& bad : std::initializer_list<bad_file>{
           {"{\n  \"version\": 1,\n  \"findings\": [\n    {\"id\": \"x\",}\n  ]\n}",
            "not a baseline file: invalid JSON at line 4, column 16",
            "geen baselinebestand: ongeldige JSON op regel 4, kolom 16"},
           // `x` is character 13, byte 14
           {"{\"v\xC3\xA9rsion\": x}", "invalid JSON at line 1, column 13", "ongeldige JSON op regel 1, kolom 13"},
           {"\xEF\xBB\xBF{x", "invalid JSON at line 1, column 2", "ongeldige JSON op regel 1, kolom 2"},
           {"", "invalid JSON at line 1, column 1", "ongeldige JSON op regel 1, kolom 1"},
           {"{\"version\": 1, \"findings\": [{\"id\": \"a\", \"file\": \"f\", \"fingerprint\": \"1\"}, {\"id\": \"b\", "
            "\"file\": \"f\"}]}",
            "finding 2: `fingerprint` is missing or not a text", "bevinding 2: `fingerprint` ontbreekt of is geen tekst"},
           {"{\"version\": 1, \"findings\": [{\"id\": \"a\", \"file\": \"f\", \"fingerprint\": \"1\", \"message\": 2}]}",
            "finding 1: `message` is missing or not a text", "bevinding 1: `message` ontbreekt of is geen tekst"},
           {"{\"version\": 1, \"findings\": [[]]}", "finding 1 is not an object", "bevinding 1 is geen object"},
           {"{\"version\": \"1\", \"findings\": []}", "`version` is not a number", "`version` is geen getal"},
           {"{\"version\": 1, \"findings\": {}}", "not an object with `version` and a list `findings`",
            "geen object met `version` en een lijst `findings`"},
           {"{\"version\": 1e999, \"findings\": []}", "a number too large", "een getal in dat te groot is"},
           {"{\"version\": 1.5, \"findings\": []}", "unsupported baseline version 1.5", "baselineversie 1.5 wordt niet"},
       }) {
    baseline read;
    read.entries.push_back({"stale", "entry", "0", ""});
    text error;
    EXPECT_FALSE(parse_baseline(bad.json, read, error)) << bad.json;
    EXPECT_NE(error.en.find(bad.en), std::string::npos) << error.en;
    EXPECT_NE(error.nl.find(bad.nl), std::string::npos) << error.nl;
    EXPECT_TRUE(read.entries.empty()) << "nothing half read";
  }
}

TEST(Baseline, FileWithByteOrderMarkOrWithoutMessagesIsRead) {
  baseline read;
  text error;
  EXPECT_TRUE(parse_baseline("\xEF\xBB\xBF{\"version\": 1, \"findings\": [{\"id\": \"a\", \"file\": \"f\", "
                             "\"fingerprint\": \"1\"}]}",
                             read, error))
      << error.en;
  ASSERT_EQ(read.entries.size(), 1u);
  EXPECT_EQ(read.entries[0].message, "") << "`message` is only for people reading the file";
}

// The layout the README documents: one finding per line, so that a change to the file diffs line by line.
TEST(Baseline, FileLayoutIsOneFindingPerLine) {
  baseline b;
  b.entries.push_back({"unknown-taakveld", "plans/a b.toml", "0123456789abcdef", "taakveld `9.9` \"x\" \xff"});
  EXPECT_EQ(render_baseline(b),
            "{\n"
            "  \"version\": 1,\n"
            "  \"findings\": [\n"
            R"(    {"id": "unknown-taakveld", "file": "plans/a b.toml", "fingerprint": "0123456789abcdef", )"
            R"("message": "taakveld `9.9` \"x\" )" "\xEF\xBF\xBD" "\"}\n"
            "  ]\n"
            "}\n");
  EXPECT_EQ(render_baseline({}), "{\n  \"version\": 1,\n  \"findings\": []\n}\n");
}

}  // namespace
}  // namespace akkoord

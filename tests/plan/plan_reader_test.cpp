// The plan reader: TOML in, typed plan with positions and shape findings out.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "akkoord/validator/plan.hpp"

namespace akkoord {
namespace {

struct read_result {
  std::unique_ptr<source_file> file;
  plan p;
  diagnostics findings;
};

read_result read(std::string text) {
  read_result r;
  r.file = std::make_unique<source_file>("plan.toml", std::move(text));
  r.p = read_plan(*r.file, r.findings);
  return r;
}

// "id@line:col" of every finding, in order of emission, for compact assertions.
std::vector<std::string> ids_at(const diagnostics& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds)
    out.push_back(d.id + "@" + std::to_string(d.primary.begin.line) + ":" + std::to_string(d.primary.begin.column));
  std::sort(out.begin(), out.end());
  return out;
}

const char* const minimal_plan = R"([plan]
agreement = "AA"
municipality = "aalsmeer"
year = 2025
)";

TEST(plan_reader, reads_every_field_with_its_position) {
  const auto r = read(R"([plan]
agreement = "AA"
municipality = "aalsmeer"
year = 2025
status = "vastgesteld"
adopted = 2024-11-12
title = "Uitvoeringsplan 2025"

[contribution]
id = "dienstverleningsbijdrage"
total = 19_700_000

[[activity]]
id = "A-001"
task = "burgerzaken"
executor = "AA"
responsible = "aalsmeer"
taakveld = "0.2"
budget = 850_000.5
fte = 8.0
hours = 12_288
from = 2025-01-01
to = 2025-12-31
description = "Balie en reisdocumenten"

[[milestone]]
id = "evaluatie"
completed = 2025-06-20
)");
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().message.en;
  const plan& p = r.p;
  ASSERT_TRUE(p.readable);
  EXPECT_TRUE(p.has_plan_table);
  EXPECT_EQ(p.plan_header.begin, (source_pos{1, 1}));
  EXPECT_EQ(p.plan_header.end, (source_pos{1, 7}));
  EXPECT_EQ(p.agreement->value, "AA");
  EXPECT_EQ(p.agreement->span.begin, (source_pos{2, 13}));  // the quotes belong to the value
  EXPECT_EQ(p.agreement->span.end, (source_pos{2, 17}));
  EXPECT_EQ(p.year->value, 2025);
  EXPECT_EQ(p.status->value, "vastgesteld");
  EXPECT_EQ(p.adopted->value, (civil_date{2024, 11, 12}));
  EXPECT_EQ(p.title->value, "Uitvoeringsplan 2025");
  EXPECT_TRUE(p.has_contribution);
  EXPECT_EQ(p.contribution_header.begin, (source_pos{9, 1}));
  EXPECT_EQ(p.contribution_id->value, "dienstverleningsbijdrage");
  EXPECT_EQ(p.total->value, 1'970'000'000);
  EXPECT_EQ(p.total->span.begin, (source_pos{11, 9}));
  EXPECT_EQ(p.total->span.end, (source_pos{11, 19}));
  ASSERT_EQ(p.activities.size(), 1u);
  const auto& a = p.activities[0];
  EXPECT_EQ(a.header.begin, (source_pos{13, 1}));
  EXPECT_EQ(a.header.end, (source_pos{13, 13}));
  EXPECT_EQ(a.id->value, "A-001");
  EXPECT_EQ(a.task->value, "burgerzaken");
  EXPECT_EQ(a.executor->value, "AA");
  EXPECT_EQ(a.executor->span.begin, (source_pos{16, 12}));
  EXPECT_EQ(a.responsible->value, "aalsmeer");
  EXPECT_EQ(a.taakveld->value, "0.2");
  EXPECT_EQ(a.budget->value, 85'000'050);
  EXPECT_EQ(a.fte->value, (decimal{80, 1}));
  EXPECT_EQ(a.hours->value, 12'288);
  EXPECT_EQ(a.from->value, (civil_date{2025, 1, 1}));
  EXPECT_EQ(a.to->value, (civil_date{2025, 12, 31}));
  EXPECT_EQ(a.description->value, "Balie en reisdocumenten");
  ASSERT_EQ(p.milestones.size(), 1u);
  EXPECT_EQ(p.milestones[0].id->value, "evaluatie");
  EXPECT_EQ(p.milestones[0].completed->value, (civil_date{2025, 6, 20}));
  EXPECT_EQ(p.milestones[0].header.begin, (source_pos{26, 1}));
}

TEST(plan_reader, amounts_are_exact) {
  const auto r = read(std::string(minimal_plan) + R"(
[[activity]]
id = "a"
task = "t"
executor = "AA"
budget = 0.1
[[activity]]
id = "b"
task = "t"
executor = "AA"
budget = 0.2
[[activity]]
id = "c"
task = "t"
executor = "AA"
budget = 0.3
)");
  ASSERT_TRUE(r.findings.empty());
  ASSERT_EQ(r.p.activities.size(), 3u);
  // as doubles 0.1 + 0.2 != 0.3; as cents they add up
  EXPECT_EQ(r.p.activities[0].budget->value + r.p.activities[1].budget->value, r.p.activities[2].budget->value);
}

TEST(plan_reader, amount_problems_are_invalid_amount_at_the_value) {
  const auto r = read(std::string(minimal_plan) + R"(
[contribution]
id = "x"
total = 9_223_372_036_854_775_807
[[activity]]
id = "a"
task = "t"
executor = "AA"
budget = 0.125
[[activity]]
id = "b"
task = "t"
executor = "AA"
budget = -5
fte = -1.0
hours = -3
)");
  EXPECT_EQ(ids_at(r.findings), (std::vector<std::string>{"invalid-amount@13:10", "invalid-amount@18:10",
                                                           "invalid-amount@19:7", "invalid-amount@20:9",
                                                           "invalid-amount@8:9"}));
  EXPECT_FALSE(r.p.total.has_value());
  EXPECT_FALSE(r.p.activities[0].budget.has_value());
  for (const auto& d : r.findings) EXPECT_EQ(d.level, severity::error);
  const auto overflow = std::find_if(r.findings.begin(), r.findings.end(),
                                     [](const diagnostic& d) { return d.primary.begin.line == 8; });
  ASSERT_NE(overflow, r.findings.end());
  EXPECT_EQ(overflow->message.en, "`total` is too large: `9_223_372_036_854_775_807`");
  const auto decimals = std::find_if(r.findings.begin(), r.findings.end(),
                                     [](const diagnostic& d) { return d.primary.begin.line == 13; });
  EXPECT_EQ(decimals->message.en, "amount `0.125` has more than 2 decimals");
  EXPECT_EQ(decimals->primary.end, (source_pos{13, 15}));
}

TEST(plan_reader, columns_count_code_points_not_bytes) {
  const auto r = read(std::string(minimal_plan) + R"(
[[activity]]
id = "coördinatie"
task = "t"
executor = "AA"
budget = { eur = 1 } # "€€" before nothing
description = "€ coördinatie"; hours = -1
)");
  // line 11: `description = "€ coördinatie"; …` is a TOML error after the string; its column counts code points
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].id, "toml-syntax");
  EXPECT_EQ(r.findings[0].primary.begin, (source_pos{11, 30}));
}

TEST(plan_reader, value_after_non_ascii_text_has_a_code_point_column) {
  const auto r = read(std::string(minimal_plan) + "\n[[activity]]\nid = \"a\"\ntask = \"t\"\nexecutor = \"AA\"\n"
                                                  "budget = { x = \"€€\", budjet = 1 }\n");
  // the inline table is not an amount: invalid-type at the value
  ASSERT_EQ(ids_at(r.findings), (std::vector<std::string>{"invalid-type@10:10"}));
  const auto r2 = read(std::string(minimal_plan) + "\n[[activity]]\nid = \"€€€\"\ttask = 1\n");
  ASSERT_EQ(r2.findings.size(), 1u);
  EXPECT_EQ(r2.findings[0].id, "toml-syntax");
  EXPECT_EQ(r2.findings[0].primary.begin, (source_pos{7, 12}));  // `task`, after three one-column euro signs
  const auto r3 = read("[plan]\ntitle = \"Coördinatie €\"\nagreement = \"AA\"\nmunicipality = \"€\"\nyear = \"2025\"\n");
  ASSERT_EQ(ids_at(r3.findings), (std::vector<std::string>{"invalid-type@5:8"}));
  EXPECT_EQ(r3.p.municipality->span.begin, (source_pos{4, 16}));
  EXPECT_EQ(r3.p.municipality->span.end, (source_pos{4, 19}));
}

TEST(plan_reader, numeric_taakveld_gets_the_hint_to_quote_it) {
  const auto r = read(std::string(minimal_plan) + R"(
[[activity]]
id = "a"
task = "t"
executor = "AA"
budget = 1
taakveld = 0.10
)");
  ASSERT_EQ(r.findings.size(), 1u);
  const auto& d = r.findings[0];
  EXPECT_EQ(d.id, "invalid-type");
  EXPECT_EQ(d.primary.begin, (source_pos{11, 12}));
  EXPECT_EQ(d.primary.end, (source_pos{11, 16}));
  ASSERT_TRUE(d.help.has_value());
  EXPECT_EQ(d.help->en, "quote it: `taakveld = \"0.10\"`; TOML reads `0.10` as the number 0.1");
  EXPECT_NE(d.help->nl.find("aanhalingstekens"), std::string::npos);
}

TEST(plan_reader, wrong_types_are_invalid_type_at_the_value) {
  const auto r = read(R"([plan]
agreement = 1
municipality = "aalsmeer"
year = "2025"
status = "adopted"
adopted = "2024-11-12"
[[activity]]
id = "a"
task = "t"
executor = "AA"
budget = "850000"
hours = 1.5
from = 2025-01-01T08:00:00
)");
  EXPECT_EQ(ids_at(r.findings), (std::vector<std::string>{"invalid-type@11:10", "invalid-type@12:9",
                                                           "invalid-type@13:8", "invalid-type@2:13",
                                                           "invalid-type@4:8", "invalid-type@5:10",
                                                           "invalid-type@6:11"}));
  for (const auto& d : r.findings) {
    EXPECT_FALSE(d.message.en.empty());
    EXPECT_FALSE(d.message.nl.empty());
  }
}

TEST(plan_reader, implausible_year_is_invalid_type) {
  const auto r = read("[plan]\nagreement = \"AA\"\nmunicipality = \"a\"\nyear = 99999999999\n");
  EXPECT_EQ(ids_at(r.findings), (std::vector<std::string>{"invalid-type@4:8"}));
  EXPECT_FALSE(r.p.year.has_value());
}

TEST(plan_reader, unknown_field_is_a_warning_at_the_key_with_did_you_mean) {
  const auto r = read(std::string(minimal_plan) + R"(
[[activity]]
id = "a"
task = "t"
executor = "AA"
budjet = 1
)");
  ASSERT_EQ(ids_at(r.findings), (std::vector<std::string>{"missing-field@6:1", "unknown-field@10:1"}));
  const auto& unknown = *std::find_if(r.findings.begin(), r.findings.end(),
                                      [](const diagnostic& d) { return d.id == "unknown-field"; });
  EXPECT_EQ(unknown.level, severity::warning);
  EXPECT_EQ(unknown.primary.end, (source_pos{10, 7}));
  ASSERT_TRUE(unknown.help.has_value());
  EXPECT_EQ(unknown.help->en, "did you mean `budget`?");
  EXPECT_EQ(unknown.help->nl, "bedoelde u `budget`?");
}

TEST(plan_reader, plan_field_above_the_plan_header_is_named_as_misplaced) {
  const auto r = read("year = 2025\n[plan]\nagreement = \"AA\"\nmunicipality = \"a\"\n");
  EXPECT_EQ(ids_at(r.findings), (std::vector<std::string>{"missing-field@2:1", "unknown-field@1:1"}));
}

TEST(plan_reader, missing_fields_are_reported_at_the_table_header) {
  const auto r = read(R"(# a plan
[plan]
year = 2025

[contribution]

[[activity]]
id = "A-9"

[[milestone]]
id = "evaluatie"
)");
  std::vector<std::string> expected{"missing-field@10:1",  // completed
                                    "missing-field@2:1",   "missing-field@2:1",  // agreement, municipality
                                    "missing-field@5:1",   "missing-field@5:1",  // id, total
                                    "missing-field@7:1",   "missing-field@7:1",   "missing-field@7:1"};
  EXPECT_EQ(ids_at(r.findings), expected);
  const auto budget = std::find_if(r.findings.begin(), r.findings.end(),
                                   [](const diagnostic& d) { return d.message.en == "missing field `budget` in `[[activity]]`"; });
  ASSERT_NE(budget, r.findings.end());
  ASSERT_EQ(budget->notes.size(), 1u);
  EXPECT_EQ(budget->notes[0].en, "in the entry with id `A-9`");
}

TEST(plan_reader, missing_plan_table_is_at_the_start) {
  const auto r = read("[contribution]\nid = \"x\"\ntotal = 1\n");
  ASSERT_EQ(ids_at(r.findings), (std::vector<std::string>{"missing-field@1:1"}));
  EXPECT_FALSE(r.p.has_plan_table);
  EXPECT_EQ(r.findings[0].message.en, "the plan has no `[plan]` table");
}

TEST(plan_reader, empty_file_is_named) {
  for (const char* text : {"", "\n\n  \n", "\xEF\xBB\xBF", "\r\n"}) {
    const auto r = read(text);
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].id, "missing-field");
    EXPECT_EQ(r.findings[0].message.en, "the file is empty");
    EXPECT_EQ(r.findings[0].message.nl, "het bestand is leeg");
    EXPECT_EQ(r.findings[0].primary.begin, (source_pos{1, 1}));
  }
}

TEST(plan_reader, activity_as_plain_table_is_invalid_type) {
  const auto r = read(std::string(minimal_plan) + "[activity]\nid = \"a\"\n");
  ASSERT_EQ(ids_at(r.findings), (std::vector<std::string>{"invalid-type@5:1"}));
  ASSERT_TRUE(r.findings[0].help.has_value());
  EXPECT_NE(r.findings[0].help->en.find("[[activity]]"), std::string::npos);
}

// toml++ 3.3.0 asserts on these headers when its parser is compiled without NDEBUG; this test runs in the
// suite's own build (Debug by default), so an abort would fail the whole executable.
TEST(plan_reader, invalid_headers_that_trip_a_toml_assertion_are_syntax_errors) {
  for (const char* text : {"[", "[.]", "[..]", "[!]", "[plan]\n[.]\n", "[[", "[[.]]", "[[!]]", "[a.]", "[.a]"}) {
    const auto r = read(text);
    ASSERT_EQ(r.findings.size(), 1u) << text;
    EXPECT_EQ(r.findings[0].id, "toml-syntax") << text;
    EXPECT_FALSE(r.p.readable);
    // the scan before toml++ words some of them, toml++ the others (then in akkoord's words, not the fallback)
    EXPECT_NE(r.findings[0].message.en, "the file is not valid TOML here") << text;
    EXPECT_NE(r.findings[0].message.nl, r.findings[0].message.en) << text;
  }
}

TEST(plan_reader, syntax_error_at_the_parser_position) {
  const auto r = read("[plan]\nagreement = \"AA\nyear = 2025\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].id, "toml-syntax");
  EXPECT_EQ(r.findings[0].level, severity::error);
  EXPECT_EQ(r.findings[0].primary.begin.line, 2u);
  EXPECT_FALSE(r.p.readable);
}

TEST(plan_reader, byte_order_mark_is_accepted_and_not_a_column) {
  const auto r = read(std::string("\xEF\xBB\xBF") + "[plan]\nagreement = \"AA\"\nmunicipality = \"aalsmeer\"\nyear = 2025\n");
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.p.agreement->value, "AA");
  // source_file drops the mark: the header starts at 1:1, as an editor shows it
  EXPECT_EQ(r.p.plan_header.begin, (source_pos{1, 1}));
  const auto r2 = read(std::string("\xEF\xBB\xBF") + "[plan]\nagreement = \"AA\"\nmunicipality = \"aalsmeer\"\nyear = 2025\n"
                                                     "[contribution]\nid = \"x\"\ntotal = 0.125\n");
  ASSERT_EQ(ids_at(r2.findings), (std::vector<std::string>{"invalid-amount@7:9"}));
  const auto r3 = read(std::string("\xEF\xBB\xBF") + "x = 1.5\n");
  ASSERT_EQ(ids_at(r3.findings), (std::vector<std::string>{"missing-field@1:1", "unknown-field@1:1"}));
}

TEST(plan_reader, two_byte_order_marks_are_a_syntax_error) {
  const auto r = read(std::string("\xEF\xBB\xBF\xEF\xBB\xBF") + "a = 1\n");
  ASSERT_EQ(ids_at(r.findings), (std::vector<std::string>{"toml-syntax@1:1"}));
  EXPECT_FALSE(r.p.readable);
}

TEST(plan_reader, amount_on_line_one_after_a_byte_order_mark_reads_its_own_text) {
  const auto r = read(std::string("\xEF\xBB\xBF") + "plan = { agreement = \"AA\", municipality = \"a\", year = 2025 }\n"
                                                    "contribution = { id = \"x\", total = 12.34 }\n");
  EXPECT_TRUE(r.findings.empty());
  ASSERT_TRUE(r.p.total.has_value());
  EXPECT_EQ(r.p.total->value, 1'234);
}

TEST(plan_reader, crlf_line_ends_are_accepted) {
  const auto r = read("[plan]\r\nagreement = \"AA\"\r\nmunicipality = \"aalsmeer\"\r\nyear = 2025\r\n"
                      "[contribution]\r\nid = \"x\"\r\ntotal = 10.5\r\n");
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.p.total->value, 1'050);
  EXPECT_EQ(r.p.total->span.begin, (source_pos{7, 9}));
  EXPECT_EQ(r.p.total->span.end, (source_pos{7, 13}));
}

TEST(plan_reader, invalid_utf8_is_named) {
  const auto r = read("[plan]\ntitle = \"caf\xE9\"\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].id, "toml-syntax");
  EXPECT_EQ(r.findings[0].message.en, "the file is not valid UTF-8 (byte 0xE9 here)");
  EXPECT_EQ(r.findings[0].primary.begin, (source_pos{2, 13}));
  EXPECT_FALSE(r.p.readable);
}

TEST(plan_reader, binary_garbage_is_a_finding_not_a_crash) {
  std::string garbage;
  std::uint32_t state = 12345;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245u + 12345u;
    garbage.push_back(static_cast<char>(state >> 24));
  }
  const auto r = read(garbage);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].id, "toml-syntax");
  const auto r2 = read(std::string("[plan]\0\0\0", 9));
  ASSERT_EQ(r2.findings.size(), 1u);
  EXPECT_EQ(r2.findings[0].message.en, "the file contains a NUL byte: binary data, not a TOML plan");
  EXPECT_EQ(r2.findings[0].primary.begin, (source_pos{1, 7}));
  const auto r3 = read(std::string("\xFF\xFE[\0p\0", 6));
  ASSERT_EQ(r3.findings.size(), 1u);
  EXPECT_EQ(r3.findings[0].message.en, "the file is UTF-16 text, not UTF-8");
}

TEST(plan_reader, deep_nesting_does_not_crash) {
  const auto r = read("x = " + std::string(100'000, '[') + std::string(100'000, ']') + "\n");
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].id, "toml-syntax");
  const auto r2 = read("x = " + std::string(100, '[') + std::string(100, ']') + "\n");
  EXPECT_EQ(ids_at(r2.findings), (std::vector<std::string>{"missing-field@1:1", "unknown-field@1:1"}));
}

TEST(plan_reader, integer_beyond_64_bits_is_a_syntax_error) {
  const auto r = read(std::string(minimal_plan) + "[contribution]\nid = \"x\"\ntotal = 9_223_372_036_854_775_808\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].id, "toml-syntax");
}

TEST(plan_reader, suppression_comments_are_collected) {
  const auto r = read(std::string(minimal_plan) + R"(
[[activity]]
id = "a"   # akkoord: allow(duplicate-id) -- besluit B&W 2025/123
task = "t"
executor = "AA"
# akkoord: allow(fte-hours-mismatch, wrong-executor) until 2026-01-01 -- reason (besluit B&W 2025/123)
budget = 1
description = "# akkoord: allow(inside-a-string) -- no"
# akkoord: allow(x
)");
  ASSERT_EQ(r.p.suppressions.size(), 2u);
  EXPECT_EQ(r.p.suppressions[0].line, 7u);
  EXPECT_EQ(r.p.suppressions[0].ids, (std::vector<std::string>{"duplicate-id"}));
  EXPECT_EQ(r.p.suppressions[0].span.begin, (source_pos{7, 12}));
  EXPECT_EQ(r.p.suppressions[1].line, 10u);
  EXPECT_EQ(r.p.suppressions[1].ids, (std::vector<std::string>{"fte-hours-mismatch", "wrong-executor"}));
  EXPECT_EQ(r.p.suppressions[1].until, (civil_date{2026, 1, 1}));
  EXPECT_EQ(r.p.suppressions[1].reason, "reason (besluit B&W 2025/123)");
  ASSERT_EQ(ids_at(r.findings), (std::vector<std::string>{"suppression@13:1"}));
  EXPECT_EQ(r.findings[0].level, severity::warning);
}

TEST(plan_reader, many_activities_are_read_in_order) {
  std::string text = minimal_plan;
  for (int i = 0; i < 2000; ++i)
    text += "[[activity]]\nid = \"A-" + std::to_string(i) + "\"\ntask = \"t\"\nexecutor = \"AA\"\nbudget = " +
            std::to_string(i) + ".5\n";
  const auto r = read(text);
  ASSERT_TRUE(r.findings.empty());
  ASSERT_EQ(r.p.activities.size(), 2000u);
  EXPECT_EQ(r.p.activities[1999].id->value, "A-1999");
  EXPECT_EQ(r.p.activities[1999].budget->value, 199'950);
  EXPECT_EQ(r.p.activities[1999].header.begin.line, 5u + 1999u * 5u);
}

}  // namespace
}  // namespace akkoord

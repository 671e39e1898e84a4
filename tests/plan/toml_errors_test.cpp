// TOML errors in akkoord's words: the fixes for what Dutch users type (each one parsed by toml++ itself), and
// the messages for what toml++ reports.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "akkoord/validator/plan.hpp"
#include "toml_errors.hpp"
#include "toml_include.hpp"

namespace akkoord {
namespace {

using kind = toml_value_kind;

struct fix_case {
  std::string_view line;
  std::string_view statement;  // the fix the help offers
  kind becomes;
};

// Lines as Dutch users write them. Those without quotes around the value are not TOML at all; the quoted ones are
// TOML text where the field wants a date or number (an invalid-type finding).
constexpr fix_case fix_cases[] = {
    {"total = 19.700.000", "total = 19_700_000", kind::integer},
    {"budget = 1.250,50", "budget = 1_250.50", kind::floating_point},
    {"budget = 1.250.000,00   # euro", "budget = 1_250_000.00", kind::floating_point},
    {"budget = -1.250.000", "budget = -1_250_000", kind::integer},
    {"budget = 1,250,000", "budget = 1_250_000", kind::integer},
    {"fte = 12,5", "fte = 12.5", kind::floating_point},
    {"budget = 1_250,50", "budget = 1_250.50", kind::floating_point},
    {"fte = 0,8", "fte = 0.8", kind::floating_point},
    {"from = 01-03-2026", "from = 2026-03-01", kind::date},
    {"to = 1-3-2026", "to = 2026-03-01", kind::date},
    {"to = 31/12/2025", "to = 2025-12-31", kind::date},
    {"to = 29.02.2024", "to = 2024-02-29", kind::date},
    {"adopted = 2024/11/12", "adopted = 2024-11-12", kind::date},
    {"from = \"01-03-2026\"", "from = 2026-03-01", kind::date},
    {"from = \"2025-03-01\"", "from = 2025-03-01", kind::date},
    {"verplicht = ja", "verplicht = true", kind::boolean},
    {"verplicht = Nee", "verplicht = false", kind::boolean},
    {"verplicht = waar", "verplicht = true", kind::boolean},
    {"verplicht = onwaar", "verplicht = false", kind::boolean},
    {"verplicht = True", "verplicht = true", kind::boolean},
    {"verplicht = \"nee\"", "verplicht = false", kind::boolean},
    {"agreement = \"AA", "agreement = \"AA\"", kind::string},
    {"agreement = \"AA   # the id", "agreement = \"AA\"", kind::string},
    {"title = 'Uitvoeringsplan 2025", "title = 'Uitvoeringsplan 2025'", kind::string},
    {"municipality = aalsmeer", "municipality = \"aalsmeer\"", kind::string},
    {"municipality = aalsmeer\"", "municipality = \"aalsmeer\"", kind::string},
    {"title = Uitvoeringsplan 2025", "title = \"Uitvoeringsplan 2025\"", kind::string},
    {"year = \"2025\"", "year = 2025", kind::integer},
    {"budget = \"1.250.000\"", "budget = 1_250_000", kind::integer},
    {"  \"coördinatie\" . uren = 12,5", "\"coördinatie\" . uren = 12.5", kind::floating_point},
};

// The one value of a document holding one `key = value` (a dotted key nests it in tables).
const toml::node* only_value(const toml::table& t) {
  const toml::node* n = &t;
  while (const auto* table = n->as_table()) {
    if (table->size() != 1) return nullptr;
    n = &table->cbegin()->second;
  }
  return n;
}

bool is_kind(const toml::node& n, kind k) {
  switch (k) {
    case kind::string: return n.is_string();
    case kind::integer: return n.is_integer();
    case kind::floating_point: return n.is_floating_point();
    case kind::boolean: return n.is_boolean();
    case kind::date: return n.is_date();
  }
  return false;
}

TEST(toml_fix, every_fix_the_help_offers_is_valid_toml_of_the_intended_kind) {
  for (const fix_case& c : fix_cases) {
    const auto fix = suggest_toml_fix(c.line);
    ASSERT_TRUE(fix) << c.line;
    EXPECT_EQ(fix->statement, c.statement) << c.line;
    EXPECT_EQ(fix->kind, c.becomes) << c.line;
    toml::table parsed;
    try {
      parsed = toml::parse(fix->statement);
    } catch (const toml::parse_error& e) {
      ADD_FAILURE() << "the fix for `" << c.line << "` is not TOML: " << fix->statement << ": " << e.description();
      continue;
    }
    const toml::node* value = only_value(parsed);
    ASSERT_NE(value, nullptr) << fix->statement;
    EXPECT_TRUE(is_kind(*value, c.becomes)) << fix->statement << " holds a value of another kind";
    // the help quotes exactly the fix, in both languages
    const std::string quoted = "`" + fix->statement + "`";
    EXPECT_NE(fix->help.en.find(quoted), std::string::npos) << fix->help.en;
    EXPECT_NE(fix->help.nl.find(quoted), std::string::npos) << fix->help.nl;
    EXPECT_NE(fix->help.en, fix->help.nl);
  }
}

TEST(toml_fix, a_date_is_said_to_be_year_first_only_when_it_was_not) {
  EXPECT_EQ(suggest_toml_fix("to = 31-12-2025").value().help.en,
            "TOML writes a date year first (YYYY-MM-DD), without quotes: `to = 2025-12-31`");
  EXPECT_EQ(suggest_toml_fix("to = 2025/12/31").value().help.en,
            "TOML writes a date as YYYY-MM-DD, without quotes: `to = 2025-12-31`");
}

TEST(toml_fix, the_value_as_written_is_what_gets_replaced) {
  const auto fix = suggest_toml_fix("  budget = 1.250.000   # euro");
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->written.key_begin, 2u);
  EXPECT_EQ(fix->written.key_end, 8u);
  EXPECT_EQ(fix->written.value_begin, 11u);
  EXPECT_EQ(fix->written.value_end, 20u);  // `1.250.000`, without the blanks and the comment
  const auto unclosed = suggest_toml_fix("agreement = \"AA   # the id");
  ASSERT_TRUE(unclosed);
  EXPECT_EQ(unclosed->written.value_end, 26u) << "an unclosed text runs to the end of the line";
}

TEST(toml_fix, none_for_valid_values_and_ambiguous_numbers) {
  for (const std::string_view line : {
           "budget = 1_250_000", "fte = 12.5", "from = 2026-03-01", "verplicht = true",
           "title = \"Uitvoeringsplan 2025\"", "[plan]", "[[activity]]", "# budget = 1.250.000", "", "budget =",
           "budget = 1.250",         // TOML reads 1.25; a Dutch reader 1250: no guess
           "fte = 1,250",            // the other way round
           "budget = \"1.250\"",     // the same in quotes
           "to = 31-02-2026",        // no such day
           "to = 01-13-2026",        // no such month
           "budget = 01,5",          // a leading zero stays invalid
           "budget = 1.25.000",      // not groups of three
           "description = \"\"\"",   // a multi-line string starts here
           "title = \"AA\" extra",   // text after the string: not a value fix
           "title = \"C:\\plannen",  // a backslash in unclosed text: no guess at its escapes
           "budget = 1.250.000 euro", "x = inf", "x = nan", "a b = ja"}) {
    const auto fix = suggest_toml_fix(line);
    EXPECT_FALSE(fix) << "`" << line << "` got the fix `" << fix->statement << "`";
  }
}

// ---- through the plan reader ---------------------------------------------------------------------------------

struct read_result {
  std::unique_ptr<source_file> file;
  diagnostics findings;
};

read_result read(std::string text) {
  read_result r;
  r.file = std::make_unique<source_file>("plan.toml", std::move(text));
  read_plan(*r.file, r.findings);
  return r;
}

constexpr std::string_view plan_head = "[plan]\nagreement = \"AA\"\nmunicipality = \"aalsmeer\"\nyear = 2025\n\n"
                                       "[[activity]]\nid = \"A-001\"\n";  // the line under test is line 8

TEST(toml_syntax_error, a_line_with_a_fix_underlines_its_value_and_offers_the_fix) {
  for (const fix_case& c : fix_cases) {
    const std::size_t quoted = c.line.find("= \"");
    if (quoted != std::string_view::npos && c.line.find('"', quoted + 3) != std::string_view::npos)
      continue;  // valid TOML text: reported by the field's type check, not here
    const auto r = read(std::string(plan_head) + std::string(c.line) + "\n");
    ASSERT_EQ(r.findings.size(), 1u) << c.line;
    const diagnostic& d = r.findings[0];
    EXPECT_EQ(d.id, "toml-syntax") << c.line;
    const auto fix = suggest_toml_fix(c.line);
    ASSERT_TRUE(fix);
    const std::size_t line_start = r.file->offset_of({8, 1});  // columns count code points: `coördinatie`
    EXPECT_EQ(d.primary.begin, r.file->pos_at(line_start + fix->written.value_begin)) << c.line;
    EXPECT_EQ(d.primary.end, r.file->pos_at(line_start + fix->written.value_end)) << c.line;
    EXPECT_EQ(d.message.en, fix->problem.en) << c.line;
    EXPECT_EQ(d.message.nl, fix->problem.nl) << c.line;
    ASSERT_TRUE(d.help) << c.line;
    EXPECT_EQ(d.help->en, fix->help.en) << c.line;
    EXPECT_EQ(d.help->nl, fix->help.nl) << c.line;
    ASSERT_EQ(d.notes.size(), 1u) << c.line;
    EXPECT_TRUE(d.notes[0].en.starts_with("toml++: Error while parsing ")) << d.notes[0].en;
  }
}

// Broken TOML of every kind toml++ 3.3.0 reports: each gets a message of its own, not the fallback, in both
// languages, with toml++'s text kept as the note. A toml++ that words its errors differently fails here.
TEST(toml_syntax_error, what_toml_reports_gets_a_message_of_its_own) {
  const std::string_view fallback = "the file is not valid TOML here";
  for (const std::string_view broken : {
           "a = \"x\n", "a = 'x\n", "a = \"x", "a = \"\\q\"\n", "a = \"\\u12\"\n", "a = \"x\\   y\"\n",
           "a b = 1\n", "a =\n", "a = 1 2\n", "[a] x\n", "= 1\n", "a = ja\n", "a = nee\n", "a = _1\n",
           "[a]\n[a]\n", "a = 1\na = 2\n", "a = Tru\n", "a = 2026-13-01\n", "a = 2026-02-30\n", "a = 2026-0\n",
           "a = 0850\n", "a = 99999999999999999999\n", "a = 1__0\n", "a = 1.\n", "a = [1,,2]\n", "a = [1 2]\n",
           "a = {x = 1,}\n", "a = {x = 1\n", "a = 1\rb = 2\n", "a = {x = 1}\na.y = 2\n", "a = 12:3\n",
           "[a\n", "a = [1,\n"}) {
    const auto r = read(std::string(broken));
    ASSERT_EQ(r.findings.size(), 1u) << broken;
    const diagnostic& d = r.findings[0];
    EXPECT_EQ(d.id, "toml-syntax") << broken;
    ASSERT_EQ(d.notes.size(), 1u) << broken;
    EXPECT_NE(d.message.en, fallback) << "`" << broken << "`: " << d.notes[0].en;
    EXPECT_NE(d.message.en, d.message.nl);
    EXPECT_TRUE(d.notes[0].en.starts_with("toml++: ")) << d.notes[0].en;
    EXPECT_NE(d.notes[0].nl, d.notes[0].en);
  }
}

TEST(toml_syntax_error, an_unknown_description_falls_back_and_keeps_the_library_text) {
  const toml_error_text said = explain_toml_error("Error while parsing gizmo: something new", false);
  EXPECT_EQ(said.message.en, "the file is not valid TOML here");
  EXPECT_EQ(said.message.nl, "het bestand is hier geen geldige TOML");
  EXPECT_FALSE(said.help);
  EXPECT_EQ(said.library_note.en, "toml++: Error while parsing gizmo: something new");
  EXPECT_NE(said.library_note.nl.find("Error while parsing gizmo: something new"), std::string::npos);
}

TEST(toml_syntax_error, a_control_character_is_an_unclosed_string_only_at_the_end_of_its_line) {
  const std::string_view description =
      "Error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited";
  EXPECT_EQ(explain_toml_error(description, true).message.en, "the text in quotes is not closed on this line");
  EXPECT_EQ(explain_toml_error(description, false).message.en, "a control character (other than a tab) in the text");
}

TEST(toml_syntax_error, a_key_written_twice_is_underlined_at_the_key) {
  const auto r = read(std::string(plan_head) + "task = \"burgerzaken\"\n  task = \"wmo\"\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message.en, "this key is already set above in the same table");
  EXPECT_EQ(r.findings[0].primary.begin, (source_pos{9, 3}));
  EXPECT_EQ(r.findings[0].primary.end, (source_pos{9, 7}));
}

TEST(toml_syntax_error, an_unclosed_string_is_underlined_from_its_quote_to_the_end_of_the_line) {
  const auto r = read("[plan]\nagreement = \"AA\nmunicipality = \"aalsmeer\"\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].primary.begin, (source_pos{2, 13}));
  EXPECT_EQ(r.findings[0].primary.end, (source_pos{2, 16}));
  ASSERT_TRUE(r.findings[0].help);
  EXPECT_EQ(r.findings[0].help->en, "close the text with `\"` on the same line: `agreement = \"AA\"`");
}

// The type checks offer the same fixes for a quoted value: `from = "01-03-2026"` gets `from = 2026-03-01`,
// never `from = 01-03-2026` (not TOML).
TEST(invalid_type_help, a_quoted_date_or_number_gets_the_fix_in_toml) {
  const auto r = read(std::string(plan_head) +
                      "task = \"t\"\nexecutor = \"AA\"\nbudget = \"1.250.000\"\nfrom = \"01-03-2025\"\n"
                      "to = \"eind december\"\n");
  ASSERT_EQ(r.findings.size(), 3u);
  std::vector<std::string> helps;
  for (const diagnostic& d : r.findings) {
    EXPECT_EQ(d.id, "invalid-type");
    ASSERT_TRUE(d.help);
    helps.push_back(d.help->en);
  }
  EXPECT_EQ(helps[0], "TOML has no thousands separator (`_` may group digits): `budget = 1_250_000`");
  EXPECT_EQ(helps[1], "TOML writes a date year first (YYYY-MM-DD), without quotes: `from = 2025-03-01`");
  EXPECT_EQ(helps[2], "write the date year first and without quotes, e.g. `to = 2025-06-20`");
}

}  // namespace
}  // namespace akkoord

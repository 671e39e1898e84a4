// The scan before toml++ (validator/model/toml_guard.hpp): nesting beyond the limit and characters toml++
// cannot classify safely are found at their exact place; strings and comments never fool it; valid TOML
// within the limits passes. Generated inputs are as deep as those that overflowed the stack (30,000+).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "akkoord/validator/plan.hpp"
#include "toml_guard.hpp"

namespace akkoord {
namespace {

constexpr std::size_t hostile_depth = 35'000;

// `a.a.a…` with `parts` parts.
std::string dotted(std::size_t parts) {
  std::string key = "a";
  for (std::size_t k = 1; k < parts; ++k) key += ".a";
  return key;
}

std::string repeated(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t k = 0; k < times; ++k) out += piece;
  return out;
}

// "line:column-line:column" of the hazard in `toml`, or "none".
std::string hazard_at(const std::string& toml) {
  const auto hazard = find_toml_hazard(toml);
  if (!hazard) return "none";
  const source_file file("plan.toml", toml);
  const source_pos b = file.pos_at(hazard->begin);
  const source_pos e = file.pos_at(hazard->end);
  return std::to_string(b.line) + ":" + std::to_string(b.column) + "-" + std::to_string(e.line) + ":" +
         std::to_string(e.column);
}

std::string message_of(const std::string& toml) {
  const auto hazard = find_toml_hazard(toml);
  return hazard ? hazard->message.en : "none";
}

// Column where part `n` (1-based) of `a.a.a…` starts, after `prefix_columns` columns.
std::size_t part_column(std::size_t n, std::size_t prefix_columns = 0) { return prefix_columns + 2 * n - 1; }

TEST(toml_guard, the_limit_is_generous_and_exact) {
  static_assert(max_toml_nesting == 128);
  EXPECT_EQ(hazard_at(dotted(128) + " = 1\n"), "none");
  const std::string at_129 = "1:" + std::to_string(part_column(129)) + "-1:" + std::to_string(part_column(129) + 1);
  EXPECT_EQ(hazard_at(dotted(129) + " = 1\n"), at_129);
  EXPECT_EQ(message_of(dotted(129) + " = 1\n"), "keys, arrays and inline tables are nested more than 128 levels deep");
  // [[activity]] is two levels (the array and one of its tables): 126 more parts fit under it
  EXPECT_EQ(hazard_at("[[activity]]\n" + dotted(126) + " = 1\n"), "none");
  EXPECT_EQ(hazard_at("[[activity]]\n" + dotted(127) + " = 1\n"),
            "2:" + std::to_string(part_column(127)) + "-2:" + std::to_string(part_column(127) + 1));
  // a real plan
  EXPECT_EQ(hazard_at("[plan]\nyear = 2025\n[[activity]]\nid = \"A-001\"\nbudget = 850_000.50\n"
                      "contribution = { id = \"x\", total = 1_000 }\n"),
            "none");
}

TEST(toml_guard, hostile_dotted_keys_and_headers_are_found_at_the_first_part_too_deep) {
  const std::string column = std::to_string(part_column(129));
  EXPECT_EQ(hazard_at(dotted(hostile_depth) + " = 1\n"), "1:" + column + "-1:" + std::to_string(part_column(129) + 1));
  EXPECT_EQ(hazard_at("[" + dotted(hostile_depth) + "]\n"), "1:" + std::to_string(part_column(129, 1)) + "-1:" +
                                                              std::to_string(part_column(129, 1) + 1));
  EXPECT_EQ(hazard_at("[[" + dotted(hostile_depth) + "]]\n"), "1:" + std::to_string(part_column(129, 2)) + "-1:" +
                                                                std::to_string(part_column(129, 2) + 1));
  // quoted parts and blanks around the dots count the same
  EXPECT_EQ(hazard_at("x = 1\n" + repeated("\"a\" . ", hostile_depth) + "b = 1\n"),
            "2:" + std::to_string(128 * 6 + 1) + "-2:" + std::to_string(128 * 6 + 4));
  // the header's depth carries over to the keys under it
  EXPECT_EQ(hazard_at("[" + dotted(100) + "]\nok = 1\n" + dotted(29) + " = 1\n"),
            "3:" + std::to_string(part_column(29)) + "-3:" + std::to_string(part_column(29) + 1));
  // and a new header starts again from the top
  EXPECT_EQ(hazard_at("[" + dotted(100) + "]\n[b]\n" + dotted(100) + " = 1\n"), "none");
}

TEST(toml_guard, hostile_arrays_and_inline_tables_are_found_at_the_first_level_too_deep) {
  // x (its array) is level 1, each `[` inside it one more: the 129th `[` is level 129
  EXPECT_EQ(hazard_at("x = " + repeated("[", hostile_depth) + repeated("]", hostile_depth) + "\n"), "1:133-1:134");
  EXPECT_EQ(hazard_at("x = " + repeated("[", 128) + repeated("]", 128) + "\n"), "none");
  EXPECT_EQ(hazard_at("x = " + repeated("{a = ", hostile_depth) + "1" + repeated("}", hostile_depth) + "\n"),
            "1:" + std::to_string(4 + 127 * 5 + 2) + "-1:" + std::to_string(4 + 127 * 5 + 3));
  // dotted keys inside inline tables inside arrays: every level counts
  const std::string mixed = "x = " + repeated("[{" + dotted(10) + " = ", 12) + "1" + repeated("}]", 12) + "\n";
  EXPECT_EQ(message_of(mixed), "keys, arrays and inline tables are nested more than 128 levels deep");
  // arrays over several lines, with comments between the elements
  EXPECT_EQ(hazard_at("x = [\n  [1, 2], # [[[[\n  [3],\n]\n"), "none");
}

TEST(toml_guard, brackets_dots_and_quotes_in_strings_and_comments_do_not_count) {
  const std::string deep = repeated("[", hostile_depth);
  const std::string dots = dotted(hostile_depth);
  for (const std::string& toml : std::vector<std::string>{
           "x = \"" + deep + "\"\n",
           "x = '" + deep + "'\n",
           "x = \"\"\"\n" + deep + "\n" + dots + " = 1\n\"\"\"\n",
           "x = '''\n" + deep + "\n" + dots + " = 1\n'''\n",
           "# " + dots + " = 1 " + deep + "\n",
           "x = 1 # " + deep + "\n",
           "\"" + dots + "\" = 1\n",
           "'" + dots + "' = 1\n",
           "[\"" + dots + "\"]\n",
           "x = \"\\\"" + deep + "\"\n",  // an escaped quote does not end a basic string
           // dots in numbers, dates and times are not key parts
           "x = 1.5\ny = 1979-05-27 07:32:00.999\nz = [1.5, 2.5e3]\n",
       }) {
    EXPECT_EQ(hazard_at(toml), "none") << toml.substr(0, 80);
  }
}

TEST(toml_guard, strings_end_where_toml_says) {
  // each string must end on line 1, so that the key on line 2 is scanned
  const std::string line_2 = "\n" + dotted(129) + " = 1\n";
  const std::string expected = "2:" + std::to_string(part_column(129)) + "-2:" + std::to_string(part_column(129) + 1);
  for (const std::string_view line_1 : {
           R"(x = 'C:\')",  // a backslash does not escape in a literal string
           R"(x = '''C:\''')",
           R"(x = """a\"""b""")",  // an escaped quote is not part of the closing three
           R"(x = """a\\""")",     // an escaped backslash escapes nothing else
           R"(x = """a""""")",     // up to two quotes may stand before the closing three
           R"(x = '''a''''')",
           R"(x = "a\\")",
           R"(x = "")",
           R"(x = '')",
       }) {
    EXPECT_EQ(hazard_at(std::string(line_1) + line_2), expected) << line_1;
  }
}

TEST(toml_guard, a_bare_key_other_than_ascii_is_found_with_the_key_to_quote) {
  EXPECT_EQ(hazard_at("é = 1\n"), "1:1-1:2");
  const auto hazard = find_toml_hazard("x = 1\n[plan]\nénergie.kosten = 1\n");
  ASSERT_TRUE(hazard);
  EXPECT_EQ(hazard->message.en, "a key without quotes cannot contain `é` (U+00E9)");
  EXPECT_EQ(hazard->message.nl, "een sleutel zonder aanhalingstekens kan geen `é` (U+00E9) bevatten");
  EXPECT_NE(hazard->help.en.find("put the key in double quotes: `\"énergie\"`"), std::string::npos) << hazard->help.en;
  EXPECT_NE(hazard->help.nl.find("zet de sleutel tussen dubbele aanhalingstekens: `\"énergie\"`"), std::string::npos);
  EXPECT_EQ(hazard_at("a.bé = 1\n"), "1:4-1:5");
  EXPECT_EQ(hazard_at("[tab.€]\n"), "1:6-1:7");
  EXPECT_EQ(hazard_at("x = { ключ = 1 }\n"), "1:7-1:8");
  // a key too long to show is cut at a character boundary
  const auto long_key = find_toml_hazard(repeated("é", 1000) + " = 1\n");
  ASSERT_TRUE(long_key);
  EXPECT_NE(long_key->help.en.find("`\"" + repeated("é", 32) + "…\"`"), std::string::npos) << long_key->help.en;
  // quoted, it is fine
  EXPECT_EQ(hazard_at("\"é\" = 1\n'ë'.\"ö\" = 2\n[\"€\"]\n"), "none");
}

TEST(toml_guard, other_characters_than_ascii_outside_quotes_are_found) {
  EXPECT_EQ(hazard_at("a = é\n"), "1:5-1:6");
  EXPECT_EQ(message_of("a = é\n"),
            "`é` (U+00E9) outside quotes: TOML allows characters other than ASCII only in strings and comments");
  EXPECT_EQ(hazard_at("a = 1é\n"), "1:6-1:7");
  EXPECT_EQ(hazard_at("a = \"x\" é\n"), "1:9-1:10");
  EXPECT_EQ(hazard_at("a = [1, é]\n"), "1:9-1:10");
  EXPECT_EQ(hazard_at("a\xC2\xA0= 1\n"), "1:2-1:3");  // a no-break space pasted from a word processor
  EXPECT_EQ(message_of("a = 1\xF0\x9F\x98\x80\n"),
            "`\xF0\x9F\x98\x80` (U+1F600) outside quotes: TOML allows characters other than ASCII only in strings "
            "and comments");
  EXPECT_EQ(message_of("a = \xE9\n"), "the file is not valid UTF-8 (byte 0xE9 here)");
  EXPECT_EQ(hazard_at("a = \"é\" # é\nb = 'ë'\nc = \"\"\"ö\n\"\"\"\nd = '''ü'''\n"), "none");
}

TEST(toml_guard, a_character_other_than_ascii_right_after_a_backslash_in_a_multi_line_string_is_found) {
  EXPECT_EQ(hazard_at("a = \"\"\"\\\n  één\"\"\"\n"), "2:3-2:4");
  const auto hazard = find_toml_hazard("a = \"\"\"\\\n  één\"\"\"\n");
  ASSERT_TRUE(hazard);
  EXPECT_EQ(hazard->help.en, "write the character as the escape `\\u00E9`");
  EXPECT_EQ(hazard->help.nl, "schrijf het teken als de escapecode `\\u00E9`");
  EXPECT_EQ(hazard_at("a = \"\"\"x\\\n\n\t\xF0\x9F\x98\x80\"\"\"\n"), "3:2-3:3");
  EXPECT_EQ(find_toml_hazard("a = \"\"\"x\\\n\n\t\xF0\x9F\x98\x80\"\"\"\n")->help.en,
            "write the character as the escape `\\U0001F600`");
  EXPECT_EQ(hazard_at("a = \"\"\"\\  é\"\"\"\n"), "1:11-1:12");
  EXPECT_EQ(hazard_at("a = \"\"\"\\é\"\"\"\n"), "1:9-1:10");
  // fine: an ASCII character first, an escape, a literal string, a one-line string
  EXPECT_EQ(hazard_at("a = \"\"\"\\\n  \\u00E9\u00E9n\"\"\"\nb = '''\\\n é'''\nc = \"\\\\é\"\nd = \"\"\"x \\\n y é\"\"\"\n"),
            "none");
}

// toml++ asserts, or with clang assumes, that a key follows `[` or `[[`: a header without one never reaches it.
TEST(toml_guard, a_table_header_without_a_key_is_found) {
  for (const char* toml : {"[.]", "[!]", "[[.]]", "[ =a]", "[[[a]]]", "[#]", "[\n", "[plan]\n[..]\n"}) {
    const auto hazard = find_toml_hazard(toml);
    ASSERT_TRUE(hazard) << toml;
    EXPECT_EQ(hazard->message.en, "not valid TOML: a table header starts with a key (a name, or text in quotes)");
  }
  EXPECT_EQ(hazard_at("[plan]\n[ .a]\n"), "2:3-2:4");
  // these toml++ reports itself, before it looks for a key
  for (const char* toml : {"[", "[]", "[ ]", "[[]]", "[ [a]]", "[a.]", "[\"a\"]", "['a']", "[ a ]", "[[ a ]]"})
    EXPECT_EQ(hazard_at(toml), "none") << toml;
}

TEST(toml_guard, invalid_toml_never_stops_the_scan_early) {
  // toml++ reads `1979-05-27 07:32:00` as one value; a scan that stopped at the space would miss the rest
  EXPECT_EQ(hazard_at("d = 1979-05-27 07:32:00\n" + dotted(200) + " = 1\n"),
            "2:" + std::to_string(part_column(129)) + "-2:" + std::to_string(part_column(129) + 1));
  // garbage is stepped over, in linear time
  const std::string none = "none";
  const std::string too_deep = "keys, arrays and inline tables are nested more than 128 levels deep";
  const std::string no_key = "not valid TOML: a table header starts with a key (a name, or text in quotes)";
  const std::pair<std::string, std::string> cases[] = {
      {repeated("]}=,.", 100'000), none},    {repeated("{", 100'000), none},       {repeated("[", 100'000), no_key},
      {repeated("\"\"\"", 50'001), none},    {repeated("\\", 100'000), none},      {repeated("'''\"", 50'000), none},
      {repeated("x = {", 50'000), too_deep}, {repeated("a.", 100'000), too_deep},
  };
  for (const auto& [toml, expected] : cases) EXPECT_EQ(message_of(toml), expected) << toml.substr(0, 20);
}

// Through the plan reader: one toml-syntax finding at the place, and toml++ never sees the text.
TEST(toml_guard, the_plan_reader_reports_a_hazard_as_toml_syntax) {
  diagnostics findings;
  const source_file deep("plan.toml", "[plan]\n" + dotted(hostile_depth) + " = 1\n");
  const plan p = read_plan(deep, findings);
  EXPECT_FALSE(p.readable);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "toml-syntax");
  EXPECT_EQ(findings[0].primary.begin, (source_pos{2, static_cast<std::uint32_t>(part_column(128))}));
  ASSERT_TRUE(findings[0].help.has_value());
  EXPECT_NE(findings[0].help->nl.find("verminder het aantal niveaus"), std::string::npos);

  findings.clear();
  const source_file key("plan.toml", "[plan]\nagreement = \"AA\"\ncoördinatie = 1\n");
  EXPECT_FALSE(read_plan(key, findings).readable);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "toml-syntax");
  EXPECT_EQ(findings[0].primary.begin, (source_pos{3, 3}));
  EXPECT_EQ(findings[0].primary.end, (source_pos{3, 4}));

  // invalid UTF-8 keeps its own wording, wherever the stray byte is
  findings.clear();
  const source_file latin1("plan.toml", "[plan]\ntitle = \"caf\xE9\"\n\xE9t\xE9 = 1\n");
  EXPECT_FALSE(read_plan(latin1, findings).readable);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message.en, "the file is not valid UTF-8 (byte 0xE9 here)");
  EXPECT_EQ(findings[0].primary.begin, (source_pos{2, 13}));
}

}  // namespace
}  // namespace akkoord

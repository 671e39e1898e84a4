// `akkoord fmt`'s printer (parser/format.hpp) and concrete layer (parser/concrete.hpp):
// - the layout cases: tests/fmt/cases/NAME/input.akkoord formats to expected.akkoord beside it
//   (UPDATE_EXPECTED=1 rewrites expected.akkoord: read each one);
// - every agreement file of the repository that parses (rules/, samples/, the check fixtures, the cases) formats
//   to a file with the same meaning, the same comments in the same order, and formats again to itself;
// - where the concrete layer attaches each comment.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "akkoord/parser/concrete.hpp"
#include "akkoord/parser/format.hpp"
#include "akkoord/parser/parse.hpp"
#include "akkoord/validator/diff.hpp"

namespace {

namespace fs = std::filesystem;
using namespace akkoord;

fs::path source_dir() { return AKKOORD_SOURCE_DIR; }

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool updating() {
  const char* value = std::getenv("UPDATE_EXPECTED");
  return value != nullptr && std::string_view(value) == "1";
}

std::vector<std::string> comment_texts(const source_file& source) {
  const concrete::read_outcome layer = concrete::read_file(source);
  EXPECT_TRUE(layer.tree.has_value()) << source.path() << ": " << layer.problem;
  std::vector<std::string> texts;
  if (layer.tree)
    for (const concrete::comment* k : concrete::all_comments(*layer.tree)) texts.push_back(k->text);
  return texts;
}

// The whole promise of `fmt` for one file that parses: formats, means the same, keeps every comment in order,
// and is a fixed point. Returns the formatted text.
std::string check_formats_faithfully(const std::string& path, const std::string& content) {
  const source_file original(path, content);
  const parser::format_outcome first = parser::format_agreement(original);
  EXPECT_FALSE(first.failure) << (first.failure ? first.failure->en : "");
  if (!first.text) {
    ADD_FAILURE() << path << " did not format";
    return {};
  }
  const source_file formatted(path, *first.text);
  const parser::format_outcome second = parser::format_agreement(formatted);
  EXPECT_TRUE(second.text.has_value()) << path << ": the formatted file does not parse:\n" << *first.text;
  if (!second.text || !second.tree) return *first.text;
  EXPECT_EQ(meaning_lines(*first.tree), meaning_lines(*second.tree)) << path << ": the meaning changed";
  EXPECT_EQ(second.text.value_or(""), *first.text) << path << ": formatting twice differs from once";
  EXPECT_EQ(comment_texts(original), comment_texts(formatted)) << path << ": comments lost or moved";
  return *first.text;
}

// ---- layout cases ----------------------------------------------------------------------------------------

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests/fmt/cases"))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class LayoutCase : public ::testing::TestWithParam<std::string> {};

TEST_P(LayoutCase, FormatsToExpected) {
  const fs::path dir = source_dir() / "tests/fmt/cases" / GetParam();
  const std::string formatted = check_formats_faithfully((dir / "input.akkoord").string(), read(dir / "input.akkoord"));
  ASSERT_FALSE(formatted.empty());
  if (updating()) {
    std::ofstream(dir / "expected.akkoord", std::ios::binary) << formatted;
    return;
  }
  ASSERT_TRUE(fs::exists(dir / "expected.akkoord")) << "run with UPDATE_EXPECTED=1 to create it, then read it";
  EXPECT_EQ(formatted, read(dir / "expected.akkoord"));
}

std::string case_name(const ::testing::TestParamInfo<std::string>& param) { return param.param; }

INSTANTIATE_TEST_SUITE_P(Cases, LayoutCase, ::testing::ValuesIn(case_names()), case_name);

// ---- every agreement file of the repository -----------------------------------------------------------------

std::vector<fs::path> agreement_files() {
  std::vector<fs::path> files{source_dir() / "rules/aa.akkoord"};
  for (const char* root : {"samples", "validator/checks", "tests/fmt/cases"})
    for (const auto& entry : fs::recursive_directory_iterator(source_dir() / root))
      if (entry.is_regular_file() && entry.path().extension() == ".akkoord") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(FormatEveryAgreement, MeansTheSameKeepsCommentsAndIsIdempotent) {
  std::size_t formatted = 0, not_parsing = 0;
  for (const fs::path& path : agreement_files()) {
    const std::string content = read(path);
    const parser::parse_outcome parsed = parser::parse_agreement(source_file(path.string(), content));
    if (!parsed.tree || !parsed.errors.empty()) {
      ++not_parsing;  // syntax-error fixtures: fmt leaves them alone (tested end to end)
      continue;
    }
    SCOPED_TRACE(path.string());
    check_formats_faithfully(path.string(), content);
    ++formatted;
  }
  // The corpus is real: the reference agreement, the samples and well over a hundred check fixtures.
  EXPECT_GT(formatted, 100u);
  EXPECT_LT(not_parsing, formatted);
}

TEST(FormatEveryAgreement, ReferenceAgreementAndSamplesAreFormatted) {
  std::vector<fs::path> kept{source_dir() / "rules/aa.akkoord"};
  for (const auto& entry : fs::directory_iterator(source_dir() / "samples/agreements"))
    if (entry.path().extension() == ".akkoord") kept.push_back(entry.path());
  for (const fs::path& path : kept) {
    const std::string content = read(path);
    const parser::format_outcome result = parser::format_agreement(source_file(path.string(), content));
    if (!result.text) continue;  // a sample of a syntax error
    EXPECT_EQ(*result.text, content) << path << " is not formatted: run `akkoord fmt " << path.string() << "`";
  }
}

// ---- amounts -----------------------------------------------------------------------------------------------

TEST(CanonicalMoney, EurosGroupedInThreesAndCentsOnlyWhenThereAreAny) {
  EXPECT_EQ(parser::canonical_money("EUR 20_000_000"), "EUR 20_000_000");
  EXPECT_EQ(parser::canonical_money("€19500000"), "EUR 19_500_000");
  EXPECT_EQ(parser::canonical_money("EUR   20000000.00"), "EUR 20_000_000");
  EXPECT_EQ(parser::canonical_money("€ 19_700_000.5"), "EUR 19_700_000.50");
  EXPECT_EQ(parser::canonical_money("EUR 0_045.05"), "EUR 45.05");
  EXPECT_EQ(parser::canonical_money("EUR 0"), "EUR 0");
  EXPECT_EQ(parser::canonical_money("EUR 1234"), "EUR 1_234");
  EXPECT_EQ(parser::canonical_money("EUR\t999.9"), "EUR 999.90");
  EXPECT_EQ(parser::canonical_money("EUR 1.250"), "EUR 1.25");  // trailing zeros are no precision
  EXPECT_EQ(parser::canonical_money("EUR 1.255"), "EUR 1.255");  // not an amount: left as written
  EXPECT_EQ(parser::canonical_money("USD 5"), "USD 5");
}

// ---- the concrete layer -----------------------------------------------------------------------------------

TEST(ConcreteLayer, AttachesEachCommentToWhatItBelongsTo) {
  const source_file source("t.akkoord",
                           "# header\n"
                           "\n"
                           "party p \"P # not a comment\" {  # head\n"
                           "  # above roles\n"
                           "  roles a,  # in the list\n"
                           "    b\n"
                           "  inhabitants 5  # trailing\n"
                           "\n"
                           "  # closing\n"
                           "}  # after the brace\n"
                           "# end\n");
  const concrete::read_outcome layer = concrete::read_file(source);
  ASSERT_TRUE(layer.tree) << layer.problem;
  const concrete::file& f = *layer.tree;
  ASSERT_EQ(f.declarations.size(), 1u);
  const concrete::declaration& party = f.declarations[0];
  ASSERT_EQ(party.head.leading.size(), 1u);
  EXPECT_EQ(party.head.leading[0].text, "# header");
  EXPECT_TRUE(party.head.tokens.front().blank_line_before);
  EXPECT_EQ(party.head.tokens[2].text, "\"P # not a comment\"");
  ASSERT_EQ(party.head.tokens.back().comments_after.size(), 1u);
  EXPECT_EQ(party.head.tokens.back().comments_after[0].text, "# head");
  ASSERT_EQ(party.body.size(), 2u);
  ASSERT_EQ(party.body[0].leading.size(), 1u);
  EXPECT_EQ(party.body[0].leading[0].text, "# above roles");
  EXPECT_EQ(party.body[0].tokens.size(), 4u);  // roles a , b
  ASSERT_EQ(party.body[0].tokens[2].comments_after.size(), 1u);
  EXPECT_EQ(party.body[0].tokens[2].comments_after[0].text, "# in the list");
  EXPECT_FALSE(party.body[0].tokens[2].comments_after[0].own_line);
  ASSERT_EQ(party.body[1].tokens.back().comments_after.size(), 1u);
  EXPECT_EQ(party.body[1].tokens.back().comments_after[0].text, "# trailing");
  ASSERT_EQ(party.closing.size(), 1u);
  EXPECT_EQ(party.closing[0].text, "# closing");
  EXPECT_TRUE(party.closing[0].blank_line_before);
  ASSERT_TRUE(party.close);
  ASSERT_EQ(party.close->comments_after.size(), 1u);
  EXPECT_EQ(party.close->comments_after[0].text, "# after the brace");
  ASSERT_EQ(f.trailing.size(), 1u);
  EXPECT_EQ(f.trailing[0].text, "# end");
  // Positions: the comment in the list is on line 5, column 13.
  const source_pos at = source.pos_at(party.body[0].tokens[2].comments_after[0].offset);
  EXPECT_EQ(at.line, 5u);
  EXPECT_EQ(at.column, 13u);
}

TEST(ConcreteLayer, ReadsAMessageHoleWithACommentAsPartOfTheMessage) {
  const source_file source("t.akkoord",
                           "rule r \"R {x} # t\" warning {\n"
                           "  require plan.year > 2020\n"
                           "  message \"jaar {plan.year # in the hole\n"
                           "  } # text\"  # after\n"
                           "}\n");
  ASSERT_TRUE(parser::parse_agreement(source).tree);
  const concrete::read_outcome layer = concrete::read_file(source);
  ASSERT_TRUE(layer.tree) << layer.problem;
  const concrete::clause& message = layer.tree->declarations[0].body[1];
  ASSERT_EQ(message.tokens.size(), 2u);
  EXPECT_EQ(message.tokens[1].text, "\"jaar {plan.year # in the hole\n  } # text\"");
  ASSERT_EQ(message.tokens[1].comments_after.size(), 1u);
  EXPECT_EQ(message.tokens[1].comments_after[0].text, "# after");
}

TEST(Format, ASyntaxErrorGivesItsDiagnosticsAndNoText) {
  const source_file source("t.akkoord", "period p \"P\" 2025-01-01 ..\n");
  const parser::format_outcome result = parser::format_agreement(source);
  EXPECT_FALSE(result.text);
  ASSERT_FALSE(result.errors.empty());
  EXPECT_EQ(result.errors.front().id, "dsl-syntax");
}

}  // namespace

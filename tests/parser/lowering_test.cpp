// Parse tree -> AST: values and spans (line:column, end exclusive) for every node kind.
#include <gtest/gtest.h>

#include <string>

#include "parse_helpers.hpp"

namespace akkoord::test {
namespace {

using ast::expr;
using ast::expr_kind;

TEST(Lowering, Agreement) {
  const parsed p = parse_text(
      "agreement AA \"Centrumregeling\" {\n"      // 1
      "  since 2013-01-01\n"                       // 2
      "  documents centrumregeling, sov\n"         // 3
      "  hours_per_fte 1_536 tolerance 5%\n"       // 4
      "}\n");
  const auto& d = only<ast::agreement_decl>(p);
  EXPECT_EQ(d.id.name, "AA");
  expect_span(d.id.span, 1, 11, 1, 13, "id");
  EXPECT_EQ(d.title.value, "Centrumregeling");
  expect_span(d.title.span, 1, 14, 1, 31, "title");
  ASSERT_TRUE(d.since.has_value());
  EXPECT_EQ(d.since->value(), (civil_date{2013, 1, 1}));
  expect_span(d.since->span, 2, 9, 2, 19, "since");
  ASSERT_EQ(d.documents.size(), 2u);
  EXPECT_EQ(d.documents[1].name, "sov");
  expect_span(d.documents[1].span, 3, 30, 3, 33, "second document");
  ASSERT_TRUE(d.hours_per_fte.has_value());
  EXPECT_EQ(d.hours_per_fte->value, 1536);
  expect_span(d.hours_per_fte->span, 4, 17, 4, 22, "hours_per_fte");
  ASSERT_TRUE(d.tolerance.has_value());
  EXPECT_TRUE(d.tolerance->value == (decimal{5, 0}));
  expect_span(d.tolerance->span, 4, 33, 4, 35, "tolerance");
  expect_span(d.span, 1, 1, 5, 2, "declaration");
}

TEST(Lowering, ClausesInAnyOrder) {
  const parsed p = parse_text("agreement AA \"x\" { hours_per_fte 10 documents a since 2020-02-29 }");
  const auto& d = only<ast::agreement_decl>(p);
  EXPECT_EQ(d.hours_per_fte->value, 10);
  EXPECT_EQ(d.since->value(), (civil_date{2020, 2, 29}));
  EXPECT_FALSE(d.tolerance.has_value());
}

TEST(Lowering, DatesAreKeptAsWrittenEvenWhenNotOnTheCalendar) {
  // `2025-02-30` is the validator's `invalid-date`, not a syntax error.
  const parsed p = parse_text("milestone m \"M\" { due 2025-02-30 }");
  const auto& d = only<ast::milestone_decl>(p);
  EXPECT_EQ(d.due.year, 2025);
  EXPECT_EQ(d.due.month, 2);
  EXPECT_EQ(d.due.day, 30);
  expect_span(d.due.span, 1, 23, 1, 33, "due");
  expect_span(d.span, 1, 1, 1, 35, "milestone");
}

TEST(Lowering, Party) {
  const parsed p = parse_text("party amstelveen \"Gemeente Amstelveen\" {\n  inhabitants 94_435\n  roles centrumgemeente, opdrachtnemer\n}");
  const auto& d = only<ast::party_decl>(p);
  EXPECT_EQ(d.id.name, "amstelveen");
  EXPECT_EQ(d.name.value, "Gemeente Amstelveen");
  ASSERT_EQ(d.roles.size(), 2u);
  EXPECT_EQ(d.roles[0].name, "centrumgemeente");
  expect_span(d.roles[0].span, 3, 9, 3, 24, "first role");
  EXPECT_EQ(d.inhabitants->value, 94435);
  expect_span(d.inhabitants->span, 2, 15, 2, 21, "inhabitants");
}

TEST(Lowering, ExecutorEmployerAndPartOf) {
  const parsed p = parse_text(
      "executor AA \"AA\" { employer amstelveen serves amstelveen, aalsmeer }\n"
      "executor kern \"Kern\" { since 2022-03-31 part_of aalsmeer }");
  ASSERT_TRUE(p.ok()) << p.first_error();
  const auto& aa = std::get<ast::executor_decl>(p.tree().declarations[0]);
  EXPECT_EQ(aa.kind, ast::executor_decl::relation::employer);
  EXPECT_EQ(aa.owner.name, "amstelveen");
  expect_span(aa.owner.span, 1, 29, 1, 39, "owner");
  ASSERT_EQ(aa.serves.size(), 2u);
  EXPECT_EQ(aa.serves[1].name, "aalsmeer");
  EXPECT_FALSE(aa.since.has_value());
  const auto& kern = std::get<ast::executor_decl>(p.tree().declarations[1]);
  EXPECT_EQ(kern.kind, ast::executor_decl::relation::part_of);
  EXPECT_EQ(kern.owner.name, "aalsmeer");
  EXPECT_EQ(kern.since->value(), (civil_date{2022, 3, 31}));
  expect_span(kern.span, 2, 1, 2, 59, "second executor");
}

TEST(Lowering, Periods) {
  const parsed p = parse_text(
      "period basis \"Basis\" 2022-01-01 .. 2026-12-31   # comment\n"
      "period volgende \"Nieuw\" 2027-01-01..2030-12-31 provisional until evaluatie\n"
      "period open \"Open\" 2031-01-01 .. 2031-12-31 provisional\n");
  ASSERT_TRUE(p.ok()) << p.first_error();
  const auto& basis = std::get<ast::period_decl>(p.tree().declarations[0]);
  EXPECT_EQ(basis.from.value(), (civil_date{2022, 1, 1}));
  EXPECT_EQ(basis.to.value(), (civil_date{2026, 12, 31}));
  expect_span(basis.to.span, 1, 36, 1, 46, "to");
  EXPECT_FALSE(basis.provisional);
  expect_span(basis.span, 1, 1, 1, 46, "period without trailing comment");
  const auto& volgende = std::get<ast::period_decl>(p.tree().declarations[1]);
  EXPECT_TRUE(volgende.provisional);
  ASSERT_TRUE(volgende.until.has_value());
  EXPECT_EQ(volgende.until->name, "evaluatie");
  expect_span(volgende.until->span, 2, 66, 2, 75, "until");
  expect_span(volgende.span, 2, 1, 2, 75, "period");
  const auto& open = std::get<ast::period_decl>(p.tree().declarations[2]);
  EXPECT_TRUE(open.provisional);
  EXPECT_FALSE(open.until.has_value());
}

TEST(Lowering, Task) {
  const parsed p = parse_text(
      "task wmo \"Wmo\" {\n"                                          // 1
      "  taakveld 6.6 until 2022\n"                                   // 2
      "  taakveld 6.71a, 6.71b from 2023 until 2024\n"                // 3
      "  taakveld 0.10, 6.711 from 2025\n"                            // 4
      "  responsible aalsmeer\n"                                      // 5
      "  executed_by AA from 2013-01-01\n"                            // 6
      "  returned_to kern from 2022-04-01\n"                          // 7
      "  executed_by AA from 2024-01-01\n"                            // 8
      "  basic during basis, volgende\n"                              // 9
      "}");
  const auto& d = only<ast::task_decl>(p);
  ASSERT_EQ(d.taakvelden.size(), 3u);
  EXPECT_EQ(d.taakvelden[0].codes[0].code, "6.6");
  EXPECT_FALSE(d.taakvelden[0].from_year.has_value());
  EXPECT_EQ(d.taakvelden[0].until_year->value, 2022);
  expect_span(d.taakvelden[0].until_year->span, 2, 22, 2, 26, "until year");
  expect_span(d.taakvelden[0].span, 2, 3, 2, 26, "first taakveld clause");
  ASSERT_EQ(d.taakvelden[1].codes.size(), 2u);
  EXPECT_EQ(d.taakvelden[1].codes[1].code, "6.71b");
  expect_span(d.taakvelden[1].codes[1].span, 3, 19, 3, 24, "6.71b");
  EXPECT_EQ(d.taakvelden[1].from_year->value, 2023);
  EXPECT_EQ(d.taakvelden[1].until_year->value, 2024);
  EXPECT_EQ(d.taakvelden[2].codes[0].code, "0.10");  // kept as text: not 0.1
  EXPECT_EQ(d.taakvelden[2].from_year->value, 2025);
  EXPECT_FALSE(d.taakvelden[2].until_year.has_value());
  EXPECT_EQ(d.responsible->name, "aalsmeer");
  ASSERT_EQ(d.timeline.size(), 3u);
  EXPECT_EQ(d.timeline[0].what, ast::timeline_entry::kind::executed_by);
  EXPECT_EQ(d.timeline[1].what, ast::timeline_entry::kind::returned_to);
  EXPECT_EQ(d.timeline[1].who.name, "kern");
  EXPECT_EQ(d.timeline[1].from.value(), (civil_date{2022, 4, 1}));
  expect_span(d.timeline[1].span, 7, 3, 7, 35, "returned_to clause");
  EXPECT_EQ(d.timeline[2].from.value(), (civil_date{2024, 1, 1}));
  ASSERT_EQ(d.basic_during.size(), 2u);
  EXPECT_EQ(d.basic_during[1].name, "volgende");
  expect_span(d.basic_span, 9, 3, 9, 31, "basic clause");
  expect_span(d.span, 1, 1, 10, 2, "task");
}

TEST(Lowering, ContributionAmountsInCentsWithBothCurrencies) {
  const parsed p = parse_text(
      "contribution c \"Bijdrage \xC3\xB6\" {\n"
      "  payer aalsmeer payee AA\n"
      "  2024: EUR 20_000_000\n"
      "  2025: \xE2\x82\xAC 1_250.5\n"
      "  2026: \xE2\x82\xAC" "0.07\n"
      "}");
  const auto& d = only<ast::contribution_decl>(p);
  EXPECT_EQ(d.title.value, "Bijdrage \xC3\xB6");
  EXPECT_EQ(d.payer->name, "aalsmeer");
  EXPECT_EQ(d.payee->name, "AA");
  ASSERT_EQ(d.amounts.size(), 3u);
  EXPECT_EQ(d.amounts[0].year.value, 2024);
  EXPECT_EQ(d.amounts[0].amount.cents, 2'000'000'000);
  expect_span(d.amounts[0].amount.span, 3, 9, 3, 23, "EUR amount");
  expect_span(d.amounts[0].span, 3, 3, 3, 23, "line");
  EXPECT_EQ(d.amounts[1].amount.cents, 125'050);
  expect_span(d.amounts[1].amount.span, 4, 9, 4, 18, "euro-sign amount, in code points");
  EXPECT_EQ(d.amounts[2].amount.cents, 7);
}

TEST(Lowering, Saving) {
  const parsed p = parse_text(
      "saving k \"Kadernota\" {\n  on bijdrage\n  base 2024\n  from 2025\n  rate 1.5%\n  amount EUR 300_000\n}");
  const auto& d = only<ast::saving_decl>(p);
  EXPECT_EQ(d.on->name, "bijdrage");
  EXPECT_EQ(d.base->value, 2024);
  EXPECT_EQ(d.from->value, 2025);
  EXPECT_TRUE(d.rate->value == (decimal{15, 1}));
  expect_span(d.rate->span, 5, 8, 5, 12, "rate");
  EXPECT_EQ(d.amount->cents, 30'000'000);
  expect_span(d.amount->span, 6, 10, 6, 21, "amount");
}

TEST(Lowering, SavingWithOnlyARate) {
  const parsed p = parse_text("saving k \"K\" { on b base 2024 from 2025 rate 2% }");
  const auto& d = only<ast::saving_decl>(p);
  EXPECT_FALSE(d.amount.has_value());
  EXPECT_TRUE(d.rate->value == (decimal{2, 0}));
}

TEST(Lowering, Benchmark) {
  const parsed p = parse_text(
      "benchmark b \"B\" {\n  source \"CBS \\\"2024\\\"\"\n  year 2025\n  tolerance 10%\n"
      "  taakveld 0.2: EUR 45 per inhabitant\n  taakveld 6.751: EUR 150.25 per   inhabitant\n}");
  const auto& d = only<ast::benchmark_decl>(p);
  EXPECT_EQ(d.source->value, "CBS \"2024\"");
  EXPECT_EQ(d.year->value, 2025);
  EXPECT_TRUE(d.tolerance->value == (decimal{10, 0}));
  ASSERT_EQ(d.entries.size(), 2u);
  EXPECT_EQ(d.entries[0].code.code, "0.2");
  EXPECT_EQ(d.entries[0].per_inhabitant.cents, 4500);
  EXPECT_EQ(d.entries[1].code.code, "6.751");
  expect_span(d.entries[1].code.span, 6, 12, 6, 17, "code");
  EXPECT_EQ(d.entries[1].per_inhabitant.cents, 15025);
  expect_span(d.entries[1].span, 6, 3, 6, 46, "entry");
}

TEST(Lowering, Include) {
  const parsed p = parse_text("include \"sub/taken.akkoord\"  # more tasks\n");
  const auto& d = only<ast::include_decl>(p);
  EXPECT_EQ(d.path.value, "sub/taken.akkoord");
  expect_span(d.path.span, 1, 9, 1, 28, "path");
  expect_span(d.span, 1, 1, 1, 28, "include");
}

TEST(Lowering, StringEscapes) {
  const parsed p = parse_text("include \"a\\\"b\\\\c\\nd\\te\"");
  const auto& d = only<ast::include_decl>(p);
  EXPECT_EQ(d.path.value, "a\"b\\c\nd\te");
}

TEST(Lowering, KeywordsAreReservedOnlyWhereAKeywordIsExpected) {
  const parsed p = parse_text("party party \"P\" { roles rule, task inhabitants 1 }\nmilestone due \"D\" { due 2025-01-01 }");
  ASSERT_TRUE(p.ok()) << p.first_error();
  EXPECT_EQ(std::get<ast::party_decl>(p.tree().declarations[0]).id.name, "party");
  EXPECT_EQ(std::get<ast::party_decl>(p.tree().declarations[0]).roles[1].name, "task");
  EXPECT_EQ(std::get<ast::milestone_decl>(p.tree().declarations[1]).id.name, "due");
}

// ---- rules and expressions -------------------------------------------------------------------------------

TEST(Lowering, Rule) {
  const parsed p = parse_text(
      "rule groot \"Grote activiteit\" warning {\n"          // 1
      "  message \"activity {a.id} \\\"too big\\\"\"\n"       // 2
      "  require has(a.description)\n"                       // 3
      "  for activity a\n"                                   // 4
      "  let limit = EUR 2_000_000\n"                        // 5
      "  let twice = limit * 2\n"                            // 6
      "  when a.budget > limit\n"                            // 7
      "}");
  const auto& d = only<ast::rule_decl>(p);
  EXPECT_EQ(d.id.name, "groot");
  EXPECT_EQ(d.severity.name, "warning");
  expect_span(d.severity.span, 1, 31, 1, 38, "severity");
  EXPECT_EQ(d.for_activity->name, "a");
  expect_span(d.for_activity->span, 4, 16, 4, 17, "loop variable");
  ASSERT_EQ(d.lets.size(), 2u);
  EXPECT_EQ(d.lets[0].name.name, "limit");
  EXPECT_EQ(d.lets[0].value.kind, expr_kind::money);
  EXPECT_EQ(std::get<std::int64_t>(d.lets[0].value.value), 200'000'000);
  expect_span(d.lets[0].span, 5, 3, 5, 28, "let");
  EXPECT_EQ(d.lets[1].name.name, "twice");
  EXPECT_EQ(d.lets[1].value.kind, expr_kind::binary);
  ASSERT_TRUE(d.when.has_value());
  EXPECT_EQ(d.when->name, ">");
  expect_span(d.when->span, 7, 8, 7, 24, "when");
  EXPECT_EQ(d.require.kind, expr_kind::call);
  EXPECT_EQ(d.require.name, "has");
  expect_span(d.require.name_span, 3, 11, 3, 14, "has");
  expect_span(d.require.span, 3, 11, 3, 29, "has(...)");
  expect_span(d.require_span, 3, 3, 3, 29, "require clause");
  ASSERT_EQ(d.require.operands.size(), 1u);
  EXPECT_EQ(d.require.operands[0].kind, expr_kind::path);
  ASSERT_EQ(d.require.operands[0].path.size(), 2u);
  EXPECT_EQ(d.require.operands[0].path[1].name, "description");
  EXPECT_EQ(d.message->text.value, "activity {a.id} \"too big\"");
  expect_span(d.span, 1, 1, 8, 2, "rule");
}

// The constructs of issue #8: indexation, `for`, executor `until`, `article` and Dutch message templates.
TEST(Lowering, IndexationForUntilArticle) {
  const parsed p = parse_text(
      "contribution c \"C\" {\n"                                   // 1
      "  payer a payee k 2025: EUR 100 indexation 2026: 2.5%\n"     // 2
      "  article regeling \"artikel 4 lid 2\"\n"                    // 3
      "}\n"                                                          // 4
      "task t \"T\" { for a, b responsible a taakveld 0.2 executed_by k from 2022-01-01 }\n"  // 5
      "executor k \"K\" { part_of a since 2022-01-01 until 2030-12-31 }\n"  // 6
      "period p \"P\" 2022-01-01 .. 2026-12-31 provisional article regeling \"art. 12\"\n");  // 7
  const auto& tree = p.tree();
  ASSERT_EQ(tree.declarations.size(), 4u);
  const auto& c = std::get<ast::contribution_decl>(tree.declarations[0]);
  ASSERT_EQ(c.indexations.size(), 1u);
  EXPECT_EQ(c.indexations[0].year.value, 2026);
  EXPECT_TRUE(c.indexations[0].rate.value == (decimal{25, 1}));
  expect_span(c.indexations[0].span, 2, 33, 2, 54, "indexation");
  ASSERT_TRUE(c.article.has_value());
  EXPECT_EQ(c.article->document.name, "regeling");
  EXPECT_EQ(c.article->text.value, "artikel 4 lid 2");
  expect_span(c.article->span, 3, 3, 3, 37, "article");
  const auto& t = std::get<ast::task_decl>(tree.declarations[1]);
  ASSERT_EQ(t.for_parties.size(), 2u);
  EXPECT_EQ(t.for_parties[1].name, "b");
  expect_span(t.for_span, 5, 14, 5, 22, "for clause");
  const auto& k = std::get<ast::executor_decl>(tree.declarations[2]);
  ASSERT_TRUE(k.until.has_value());
  EXPECT_EQ(k.until->value(), (civil_date{2030, 12, 31}));
  const auto& period = std::get<ast::period_decl>(tree.declarations[3]);
  EXPECT_TRUE(period.provisional);
  ASSERT_TRUE(period.article.has_value());
  EXPECT_EQ(period.article->text.value, "art. 12");
}

// A message is split by the parser: literal text (escapes and `{{` resolved) and holes parsed in place.
TEST(Lowering, MessageTemplates) {
  const parsed p = parse_text(
      "rule r \"R\" warning {\n"
      "  require true\n"
      "  message \"a {{b}} \\\"{plan.year}\\\" c\"\n"
      "  message nl \"jaar {plan.year + 1}\"\n"
      "}\n");
  const auto& d = only<ast::rule_decl>(p);
  ASSERT_TRUE(d.message.has_value());
  EXPECT_EQ(d.message->text.value, "a {{b}} \"{plan.year}\" c");
  ASSERT_EQ(d.message->pieces.size(), 3u);
  EXPECT_EQ(d.message->pieces[0].text, "a {b} \"");
  ASSERT_TRUE(d.message->pieces[1].value.has_value());
  EXPECT_EQ(d.message->pieces[1].value->kind, expr_kind::path);
  expect_span(d.message->pieces[1].value->span, 3, 23, 3, 32, "hole expression");
  expect_span(d.message->pieces[1].span, 3, 22, 3, 33, "hole");
  EXPECT_EQ(d.message->pieces[2].text, "\" c");
  ASSERT_TRUE(d.message_nl.has_value());
  ASSERT_EQ(d.message_nl->pieces.size(), 2u);
  EXPECT_EQ(d.message_nl->pieces[1].value->kind, expr_kind::binary);
}

// Parses `rule r "R" error { require EXPR }` and returns the require expression; EXPR starts at column 28.
struct parsed_expr {
  parsed p;
  const expr& e() const { return std::get<ast::rule_decl>(p.tree().declarations.at(0)).require; }
};

parsed_expr parse_expr(const std::string& expression) {
  parsed_expr r{parse_text("rule r \"R\" error { require " + expression + " }")};
  EXPECT_TRUE(r.p.ok()) << expression << ": " << r.p.first_error();
  return r;
}

TEST(LoweringExpr, Literals) {
  {
    const auto r = parse_expr("93_000");
    EXPECT_EQ(r.e().kind, expr_kind::integer);
    EXPECT_EQ(std::get<std::int64_t>(r.e().value), 93000);
    expect_span(r.e().span, 1, 28, 1, 34, "integer");
  }
  {
    const auto r = parse_expr("1.25");
    EXPECT_EQ(r.e().kind, expr_kind::decimal);
    EXPECT_TRUE(std::get<decimal>(r.e().value) == (decimal{125, 2}));
  }
  {
    const auto r = parse_expr("1.5%");
    EXPECT_EQ(r.e().kind, expr_kind::percent);
    EXPECT_TRUE(std::get<decimal>(r.e().value) == (decimal{15, 1}));
    expect_span(r.e().span, 1, 28, 1, 32, "percent");
  }
  {
    const auto r = parse_expr("\xE2\x82\xAC 300_000");
    EXPECT_EQ(r.e().kind, expr_kind::money);
    EXPECT_EQ(std::get<std::int64_t>(r.e().value), 30'000'000);
    expect_span(r.e().span, 1, 28, 1, 37, "money, in code points");
  }
  {
    const auto r = parse_expr("EUR 1_250.50");
    EXPECT_EQ(std::get<std::int64_t>(r.e().value), 125'050);
  }
  {
    const auto r = parse_expr("2025-07-01");
    EXPECT_EQ(r.e().kind, expr_kind::date);
    EXPECT_EQ(std::get<ast::date_literal>(r.e().value).value(), (civil_date{2025, 7, 1}));
    expect_span(r.e().span, 1, 28, 1, 38, "date");
  }
  {
    const auto r = parse_expr("\"0.4\\t\"");
    EXPECT_EQ(r.e().kind, expr_kind::string);
    EXPECT_EQ(std::get<std::string>(r.e().value), "0.4\t");
  }
  {
    const auto r = parse_expr("true");
    EXPECT_EQ(r.e().kind, expr_kind::boolean);
    EXPECT_TRUE(std::get<bool>(r.e().value));
    const auto f = parse_expr("false");
    EXPECT_FALSE(std::get<bool>(f.e().value));
  }
}

TEST(LoweringExpr, PathWithIndex) {
  const auto r = parse_expr("contribution.bijdrage[plan.year - 1]");
  const expr& e = r.e();
  EXPECT_EQ(e.kind, expr_kind::path);
  ASSERT_EQ(e.path.size(), 2u);
  EXPECT_EQ(e.path[0].name, "contribution");
  EXPECT_EQ(e.path[1].name, "bijdrage");
  expect_span(e.path[1].span, 1, 41, 1, 49, "segment");
  ASSERT_TRUE(e.has_index);
  ASSERT_EQ(e.operands.size(), 1u);
  EXPECT_EQ(e.operands[0].kind, expr_kind::binary);
  EXPECT_EQ(e.operands[0].name, "-");
  expect_span(e.operands[0].span, 1, 50, 1, 63, "index");
  expect_span(e.span, 1, 28, 1, 64, "path");
}

TEST(LoweringExpr, PrecedenceAndSpans) {
  // or < and < not < comparison < + - < * / < unary minus
  const auto r = parse_expr("a or b and not c == d + e * -f");
  const expr& e = r.e();
  EXPECT_EQ(e.kind, expr_kind::binary);
  EXPECT_EQ(e.name, "or");
  expect_span(e.name_span, 1, 30, 1, 32, "or");
  expect_span(e.span, 1, 28, 1, 58, "whole");
  const expr& conj = e.operands[1];
  EXPECT_EQ(conj.name, "and");
  expect_span(conj.span, 1, 33, 1, 58, "and");
  const expr& negated = conj.operands[1];
  EXPECT_EQ(negated.kind, expr_kind::unary);
  EXPECT_EQ(negated.name, "not");
  expect_span(negated.name_span, 1, 39, 1, 42, "not");
  const expr& cmp = negated.operands[0];
  EXPECT_EQ(cmp.name, "==");
  expect_span(cmp.name_span, 1, 45, 1, 47, "==");
  const expr& sum = cmp.operands[1];
  EXPECT_EQ(sum.name, "+");
  const expr& product = sum.operands[1];
  EXPECT_EQ(product.name, "*");
  const expr& minus = product.operands[1];
  EXPECT_EQ(minus.kind, expr_kind::unary);
  EXPECT_EQ(minus.name, "-");
  expect_span(minus.span, 1, 56, 1, 58, "-f");
  EXPECT_EQ(minus.operands[0].path[0].name, "f");
}

TEST(LoweringExpr, LeftAssociative) {
  const auto r = parse_expr("a - b - c");
  const expr& e = r.e();
  EXPECT_EQ(e.name, "-");
  expect_span(e.name_span, 1, 34, 1, 35, "second minus");
  ASSERT_EQ(e.operands[0].kind, expr_kind::binary);
  expect_span(e.operands[0].span, 1, 28, 1, 33, "a - b");
  EXPECT_EQ(e.operands[1].path[0].name, "c");
}

TEST(LoweringExpr, ParenthesesGroupAndBelongToTheSpan) {
  const auto r = parse_expr("(a + b) * c");
  const expr& e = r.e();
  EXPECT_EQ(e.name, "*");
  EXPECT_EQ(e.operands[0].name, "+");
  expect_span(e.operands[0].span, 1, 28, 1, 35, "(a + b)");
  expect_span(e.span, 1, 28, 1, 39, "whole");
}

TEST(LoweringExpr, AggregateWithWhere) {
  const auto r = parse_expr("sum(activity.budget where activity.taakveld == \"0.4\") <= 25% * contribution.total");
  const expr& e = r.e();
  EXPECT_EQ(e.name, "<=");
  const expr& call = e.operands[0];
  EXPECT_EQ(call.kind, expr_kind::call);
  EXPECT_EQ(call.name, "sum");
  expect_span(call.name_span, 1, 28, 1, 31, "sum");
  expect_span(call.span, 1, 28, 1, 81, "sum(...)");
  ASSERT_EQ(call.operands.size(), 1u);
  EXPECT_EQ(call.operands[0].path[1].name, "budget");
  ASSERT_EQ(call.where_clause.size(), 1u);
  EXPECT_EQ(call.where_clause[0].name, "==");
  expect_span(call.where_clause[0].span, 1, 54, 1, 80, "where condition");
  for (const char* name : {"count", "min", "max", "avg"}) {
    const auto other = parse_expr(std::string(name) + "(activity.fte)");
    EXPECT_EQ(other.e().name, name);
    EXPECT_TRUE(other.e().where_clause.empty());
  }
}

TEST(LoweringExpr, OtherCalls) {
  {
    const auto r = parse_expr("year(plan.adopted)");
    EXPECT_EQ(r.e().name, "year");
    ASSERT_EQ(r.e().operands.size(), 1u);
  }
  {
    const auto r = parse_expr("days(a.from, a.to) > 30");
    const expr& call = r.e().operands[0];
    EXPECT_EQ(call.name, "days");
    ASSERT_EQ(call.operands.size(), 2u);
    EXPECT_EQ(call.operands[1].path[1].name, "to");
    expect_span(call.span, 1, 28, 1, 46, "days(...)");
  }
  {
    const auto r = parse_expr("round(1.5)");
    EXPECT_EQ(r.e().name, "round");
    EXPECT_EQ(r.e().operands[0].kind, expr_kind::decimal);
  }
  {
    // A function name without '(' is an ordinary name.
    const auto r = parse_expr("sum + year");
    EXPECT_EQ(r.e().operands[0].kind, expr_kind::path);
    EXPECT_EQ(r.e().operands[1].path[0].name, "year");
  }
}

TEST(LoweringExpr, ListAndIn) {
  const auto r = parse_expr("plan.status in [\"concept\", \"vastgesteld\"]");
  const expr& e = r.e();
  EXPECT_EQ(e.name, "in");
  expect_span(e.name_span, 1, 40, 1, 42, "in");
  const expr& list = e.operands[1];
  EXPECT_EQ(list.kind, expr_kind::list);
  ASSERT_EQ(list.operands.size(), 2u);
  EXPECT_EQ(std::get<std::string>(list.operands[1].value), "vastgesteld");
  expect_span(list.span, 1, 43, 1, 69, "list");
  const auto empty = parse_expr("x in []");
  EXPECT_TRUE(empty.e().operands[1].operands.empty());
}

TEST(LoweringExpr, MultiLineExpressionSpans) {
  const parsed p = parse_text("rule r \"R\" error {\n  require a\n    and b # why\n    and c\n}");
  const auto& d = only<ast::rule_decl>(p);
  expect_span(d.require.span, 2, 11, 4, 10, "three lines");
  expect_span(d.require_span, 2, 3, 4, 10, "require clause");
}

TEST(LoweringExpr, ColumnsAfterMultiByteCharactersOnALongLine) {
  // More than one position-map block (64 bytes) of multi-byte characters before the expression.
  std::string title;
  for (int i = 0; i < 100; ++i) title += "\xE2\x82\xAC\xC3\xB6";
  const parsed p = parse_text("rule r \"" + title + "\" error { require a }");
  const auto& d = only<ast::rule_decl>(p);
  // rule(1-4) r(6) "(8) 200 code points (9-208) "(209) error(211-215) {(217) require(219-225) a(227)
  expect_span(d.require.span, 1, 227, 1, 228, "a");
  expect_span(d.title.span, 1, 8, 1, 210, "title");
}

}  // namespace
}  // namespace akkoord::test

// What each grammar error point says, in English and Dutch. Messages only (and the control class that
// raises them): the rules are in grammar.hpp. Modelled on PEGTL's json_errors / must_if: every rule that is
// the target of must<> (or raise<>) needs an entry here, and a missing entry is a compile-time error.
//
// Style: plain words, lowercase start, no final period; keywords and names in backticks, punctuation in
// single quotes ('{', '..').
#pragma once

#include <cstddef>

#include "grammar.hpp"

namespace akkoord::dsl {

struct error_text {
  const char* en = nullptr;
  const char* nl = nullptr;
  const char* help_en = nullptr;  // optional: the fix
  const char* help_nl = nullptr;
};

// Thrown by control<Rule>::raise; parse.cpp turns it into the file's `dsl-syntax` diagnostic.
struct syntax_error {
  const error_text* message;
  std::size_t byte;  // offset into the file text where the expected piece is missing
};

template <typename Rule>
inline constexpr error_text error_message{};

// clang-format off
#define AKKOORD_DSL_ERROR(rule, en, nl) \
  template <> inline constexpr error_text error_message<rule>{en, nl}
#define AKKOORD_DSL_ERROR_HELP(rule, en, nl, help_en, help_nl) \
  template <> inline constexpr error_text error_message<rule>{en, nl, help_en, help_nl}

// ---- tokens and expressions ---------------------------------------------------------------------------
AKKOORD_DSL_ERROR_HELP(money_amount, "expected an amount after the currency, like `EUR 1_250.50`", "na de valuta wordt een bedrag verwacht, zoals `EUR 1_250.50`",
  "group digits with '_' (`EUR 20_000_000`), not with ',' or '.'", "groepeer cijfers met '_' (`EUR 20_000_000`), niet met ',' of '.'");
AKKOORD_DSL_ERROR(string_end, "expected a closing '\"' before the end of the line", "vóór het einde van de regel wordt een afsluitend '\"' verwacht");
AKKOORD_DSL_ERROR_HELP(escape_code, "unknown escape sequence in a string", "onbekende escape-reeks in een tekst",
  "use `\\\"`, `\\\\`, `\\n` or `\\t`", "gebruik `\\\"`, `\\\\`, `\\n` of `\\t`");
AKKOORD_DSL_ERROR_HELP(nesting_too_deep, "expression nested too deeply", "expressie is te diep genest",
  "at most 200 levels of parentheses, lists, calls, `not` and '-' are allowed; split the expression with `let`",
  "hoogstens 200 niveaus van haakjes, lijsten, aanroepen, `not` en '-' zijn toegestaan; splits de expressie met `let`");
AKKOORD_DSL_ERROR_HELP(comparison_chain, "a comparison cannot be compared again", "een vergelijking kan niet nog eens vergeleken worden",
  "combine comparisons with `and`: `a < b and b < c`", "combineer vergelijkingen met `and`: `a < b and b < c`");
AKKOORD_DSL_ERROR(path_segment, "expected a name after '.'", "na '.' wordt een naam verwacht");
AKKOORD_DSL_ERROR(index_expression, "expected an index expression after '['", "na '[' wordt een index-expressie verwacht");
AKKOORD_DSL_ERROR(index_close, "expected ']' after the index", "na de index wordt ']' verwacht");
AKKOORD_DSL_ERROR(aggregate_argument, "expected an expression as the argument of the aggregate", "hier wordt een expressie verwacht als argument van de aggregatie");
AKKOORD_DSL_ERROR(where_condition, "expected a condition after `where`", "na `where` wordt een voorwaarde verwacht");
AKKOORD_DSL_ERROR(aggregate_close, "expected `where` or ')' after the argument of the aggregate", "na het argument van de aggregatie wordt `where` of ')' verwacht");
AKKOORD_DSL_ERROR(has_argument, "expected a path like `a.description` as the argument of `has`", "hier wordt een pad zoals `a.description` verwacht als argument van `has`");
AKKOORD_DSL_ERROR(has_close, "expected ')' after the path in `has(...)`", "na het pad in `has(...)` wordt ')' verwacht");
AKKOORD_DSL_ERROR(year_argument, "expected an expression as the argument of `year`", "hier wordt een expressie verwacht als argument van `year`");
AKKOORD_DSL_ERROR(year_close, "expected ')' after the argument of `year`", "na het argument van `year` wordt ')' verwacht");
AKKOORD_DSL_ERROR(days_first, "expected an expression as the first argument of `days`", "hier wordt een expressie verwacht als eerste argument van `days`");
AKKOORD_DSL_ERROR(days_comma, "expected ',' and a second argument: `days` takes two dates", "hier wordt ',' met een tweede argument verwacht: `days` heeft twee datums nodig");
AKKOORD_DSL_ERROR(days_second, "expected an expression as the second argument of `days`", "hier wordt een expressie verwacht als tweede argument van `days`");
AKKOORD_DSL_ERROR(days_close, "expected ')' after the second argument of `days`", "na het tweede argument van `days` wordt ')' verwacht");
AKKOORD_DSL_ERROR(round_argument, "expected an expression as the argument of `round`", "hier wordt een expressie verwacht als argument van `round`");
AKKOORD_DSL_ERROR(round_close, "expected ')' after the argument of `round`", "na het argument van `round` wordt ')' verwacht");
AKKOORD_DSL_ERROR(previous_argument, "expected an expression as the argument of `previous`", "hier wordt een expressie verwacht als argument van `previous`");
AKKOORD_DSL_ERROR(previous_close, "expected ')' after the argument of `previous`: it takes one expression", "na het argument van `previous` wordt ')' verwacht: daarin staat één expressie");
AKKOORD_DSL_ERROR(paren_content, "expected an expression after '('", "na '(' wordt een expressie verwacht");
AKKOORD_DSL_ERROR(paren_close, "expected ')' to close the parenthesis", "hier wordt ')' verwacht om het haakje te sluiten");
AKKOORD_DSL_ERROR(list_element, "expected a list element after ','", "na ',' wordt een lijstelement verwacht");
AKKOORD_DSL_ERROR(list_close, "expected ',' or ']' in the list", "in de lijst wordt ',' of ']' verwacht");
AKKOORD_DSL_ERROR(negation_operand, "expected a value after '-'", "na '-' wordt een waarde verwacht");
AKKOORD_DSL_ERROR(mul_operand, "expected a value after the operator", "na de operator wordt een waarde verwacht");
AKKOORD_DSL_ERROR(add_operand, "expected a value after the operator", "na de operator wordt een waarde verwacht");
AKKOORD_DSL_ERROR(cmp_operand, "expected a value to compare with after the comparison", "na de vergelijking wordt een waarde verwacht om mee te vergelijken");
AKKOORD_DSL_ERROR(not_operand, "expected a condition after `not`", "na `not` wordt een voorwaarde verwacht");
AKKOORD_DSL_ERROR(and_operand, "expected a condition after `and`", "na `and` wordt een voorwaarde verwacht");
AKKOORD_DSL_ERROR(or_operand, "expected a condition after `or`", "na `or` wordt een voorwaarde verwacht");

// ---- shared clauses -----------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(since_date, "expected a date (YYYY-MM-DD) after `since`", "na `since` wordt een datum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR_HELP(article_document, "expected a document named in `documents` after `article`", "na `article` wordt een document verwacht dat bij `documents` is genoemd",
  "write it as `article centrumregeling \"artikel 4 lid 2\"`", "schrijf het als `article centrumregeling \"artikel 4 lid 2\"`");
AKKOORD_DSL_ERROR_HELP(article_text, "expected the article as a string after the document, like `\"artikel 4 lid 2\"`", "na het document wordt het artikel als tekst tussen aanhalingstekens verwacht, zoals `\"artikel 4 lid 2\"`",
  "write it as `article centrumregeling \"artikel 4 lid 2\"`", "schrijf het als `article centrumregeling \"artikel 4 lid 2\"`");
AKKOORD_DSL_ERROR(tolerance_value, "expected a percentage like `5%` after `tolerance`", "na `tolerance` wordt een percentage zoals `5%` verwacht");

// ---- agreement ----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(agreement_id, "expected a name for the agreement after `agreement`", "na `agreement` wordt een naam voor de overeenkomst verwacht");
AKKOORD_DSL_ERROR(agreement_title, "expected the agreement's title as a string after its name", "na de naam wordt de titel van de overeenkomst als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(agreement_open, "expected '{' after the agreement's title", "na de titel van de overeenkomst wordt '{' verwacht");
AKKOORD_DSL_ERROR(agreement_close, "expected `since`, `documents`, `hours_per_fte`, `tolerance`, `article` or '}' in the agreement", "in de overeenkomst wordt `since`, `documents`, `hours_per_fte`, `tolerance`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(document_id, "expected a document name after `documents` or ','", "na `documents` of ',' wordt een documentnaam verwacht");
AKKOORD_DSL_ERROR(hours_per_fte_value, "expected a whole number of hours after `hours_per_fte`", "na `hours_per_fte` wordt een geheel aantal uren verwacht");

// ---- party --------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(party_id, "expected a name for the party after `party`", "na `party` wordt een naam voor de partij verwacht");
AKKOORD_DSL_ERROR(party_name, "expected the party's name as a string after its id", "na de id wordt de naam van de partij als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(party_open, "expected '{' after the party's name", "na de naam van de partij wordt '{' verwacht");
AKKOORD_DSL_ERROR(party_close, "expected `roles`, `inhabitants`, `article` or '}' in the party", "in de partij wordt `roles`, `inhabitants`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(role_id, "expected a role after `roles` or ','", "na `roles` of ',' wordt een rol verwacht");
AKKOORD_DSL_ERROR(inhabitants_value, "expected a whole number after `inhabitants`", "na `inhabitants` wordt een geheel getal verwacht");

// ---- executor -----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(executor_id, "expected a name for the executor after `executor`", "na `executor` wordt een naam voor de uitvoerder verwacht");
AKKOORD_DSL_ERROR(executor_name, "expected the executor's name as a string after its id", "na de id wordt de naam van de uitvoerder als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(executor_open, "expected '{' after the executor's name", "na de naam van de uitvoerder wordt '{' verwacht");
AKKOORD_DSL_ERROR(executor_close, "expected `employer`, `part_of`, `serves`, `since`, `until`, `article` or '}' in the executor", "in de uitvoerder wordt `employer`, `part_of`, `serves`, `since`, `until`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(employer_party, "expected a party after `employer`", "na `employer` wordt een partij verwacht");
AKKOORD_DSL_ERROR(part_of_party, "expected a party after `part_of`", "na `part_of` wordt een partij verwacht");
AKKOORD_DSL_ERROR(until_date, "expected a date (YYYY-MM-DD) after `until`", "na `until` wordt een datum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR(served_party, "expected a party after `serves` or ','", "na `serves` of ',' wordt een partij verwacht");

// ---- period -------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(period_id, "expected a name for the period after `period`", "na `period` wordt een naam voor de periode verwacht");
AKKOORD_DSL_ERROR(period_title, "expected the period's title as a string after its name", "na de naam wordt de titel van de periode als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(period_start, "expected a start date (YYYY-MM-DD) after the period's title", "na de titel van de periode wordt een begindatum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR(period_dots, "expected '..' between the start and end date", "tussen begin- en einddatum wordt '..' verwacht");
AKKOORD_DSL_ERROR(period_end, "expected an end date (YYYY-MM-DD) after '..'", "na '..' wordt een einddatum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR(provisional_milestone, "expected a milestone after `until`", "na `until` wordt een mijlpaal verwacht");

// ---- milestone ----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(milestone_id, "expected a name for the milestone after `milestone`", "na `milestone` wordt een naam voor de mijlpaal verwacht");
AKKOORD_DSL_ERROR(milestone_title, "expected the milestone's title as a string after its name", "na de naam wordt de titel van de mijlpaal als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(milestone_open, "expected '{' after the milestone's title", "na de titel van de mijlpaal wordt '{' verwacht");
AKKOORD_DSL_ERROR(milestone_close, "expected `due`, `article` or '}' in the milestone", "in de mijlpaal wordt `due`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(due_date, "expected a date (YYYY-MM-DD) after `due`", "na `due` wordt een datum (JJJJ-MM-DD) verwacht");

// ---- task ---------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(task_id, "expected a name for the task after `task`", "na `task` wordt een naam voor de taak verwacht");
AKKOORD_DSL_ERROR(task_title, "expected the task's title as a string after its name", "na de naam wordt de titel van de taak als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(task_open, "expected '{' after the task's title", "na de titel van de taak wordt '{' verwacht");
AKKOORD_DSL_ERROR(task_close, "expected `taakveld`, `responsible`, `for`, `executed_by`, `returned_to`, `basic`, `article` or '}' in the task", "in de taak wordt `taakveld`, `responsible`, `for`, `executed_by`, `returned_to`, `basic`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR_HELP(task_taakveld_code, "expected a taakveld code like `0.2` or `6.71a` after `taakveld` or ','", "na `taakveld` of ',' wordt een taakveldcode zoals `0.2` of `6.71a` verwacht",
  "write the code as in the BBV list, without quotes", "schrijf de code zoals in de BBV-lijst, zonder aanhalingstekens");
AKKOORD_DSL_ERROR(taakveld_from_year, "expected a year (YYYY) after `from`", "na `from` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(taakveld_until_year, "expected a year (YYYY) after `until`", "na `until` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(responsible_party, "expected a party after `responsible`", "na `responsible` wordt een partij verwacht");
AKKOORD_DSL_ERROR(executed_by_executor, "expected an executor after `executed_by`", "na `executed_by` wordt een uitvoerder verwacht");
AKKOORD_DSL_ERROR(executed_by_from, "expected `from` and a date after the executor", "na de uitvoerder wordt `from` en een datum verwacht");
AKKOORD_DSL_ERROR(executed_by_date, "expected a date (YYYY-MM-DD) after `from`", "na `from` wordt een datum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR(returned_to_who, "expected an executor or party after `returned_to`", "na `returned_to` wordt een uitvoerder of partij verwacht");
AKKOORD_DSL_ERROR(returned_to_from, "expected `from` and a date after the executor or party", "na de uitvoerder of partij wordt `from` en een datum verwacht");
AKKOORD_DSL_ERROR(returned_to_date, "expected a date (YYYY-MM-DD) after `from`", "na `from` wordt een datum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR(basic_during, "expected `during` after `basic`", "na `basic` wordt `during` verwacht");
AKKOORD_DSL_ERROR(for_party, "expected a party after `for` or ','", "na `for` of ',' wordt een partij verwacht");
AKKOORD_DSL_ERROR(basic_period, "expected a period after `during` or ','", "na `during` of ',' wordt een periode verwacht");

// ---- contribution -------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(contribution_id, "expected a name for the contribution after `contribution`", "na `contribution` wordt een naam voor de bijdrage verwacht");
AKKOORD_DSL_ERROR(contribution_title, "expected the contribution's title as a string after its name", "na de naam wordt de titel van de bijdrage als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(contribution_open, "expected '{' after the contribution's title", "na de titel van de bijdrage wordt '{' verwacht");
AKKOORD_DSL_ERROR(contribution_close, "expected `payer`, `payee`, a line `YEAR: EUR amount`, `indexation YEAR: PERCENT`, `article` or '}' in the contribution", "in de bijdrage wordt `payer`, `payee`, een regel `JAAR: EUR bedrag`, `indexation JAAR: PERCENTAGE`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(payer_party, "expected a party after `payer`", "na `payer` wordt een partij verwacht");
AKKOORD_DSL_ERROR(payee_executor, "expected an executor after `payee`", "na `payee` wordt een uitvoerder verwacht");
AKKOORD_DSL_ERROR(contribution_colon, "expected ':' after the year", "na het jaar wordt ':' verwacht");
AKKOORD_DSL_ERROR(indexation_year, "expected a year (YYYY) after `indexation`", "na `indexation` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(indexation_colon, "expected ':' after the year of the indexation", "na het jaar van de indexatie wordt ':' verwacht");
AKKOORD_DSL_ERROR(indexation_rate, "expected a percentage like `2.5%` after the indexation's ':'", "na de ':' van de indexatie wordt een percentage zoals `2.5%` verwacht");
AKKOORD_DSL_ERROR(contribution_amount, "expected an amount like `EUR 20_000_000` after the year's ':'", "na de ':' van het jaar wordt een bedrag zoals `EUR 20_000_000` verwacht");

// ---- saving -------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(saving_id, "expected a name for the saving after `saving`", "na `saving` wordt een naam voor de besparing verwacht");
AKKOORD_DSL_ERROR(saving_title, "expected the saving's title as a string after its name", "na de naam wordt de titel van de besparing als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(saving_open, "expected '{' after the saving's title", "na de titel van de besparing wordt '{' verwacht");
AKKOORD_DSL_ERROR(saving_close, "expected `on`, `base`, `from`, `rate`, `amount`, `article` or '}' in the saving", "in de besparing wordt `on`, `base`, `from`, `rate`, `amount`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(saving_contribution, "expected a contribution after `on`", "na `on` wordt een bijdrage verwacht");
AKKOORD_DSL_ERROR(base_year, "expected a year (YYYY) after `base`", "na `base` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(saving_from_year, "expected a year (YYYY) after `from`", "na `from` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(rate_value, "expected a percentage like `1.5%` after `rate`", "na `rate` wordt een percentage zoals `1.5%` verwacht");
AKKOORD_DSL_ERROR(amount_value, "expected an amount like `EUR 300_000` after `amount`", "na `amount` wordt een bedrag zoals `EUR 300_000` verwacht");

// ---- benchmark ----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(benchmark_id, "expected a name for the benchmark after `benchmark`", "na `benchmark` wordt een naam voor de benchmark verwacht");
AKKOORD_DSL_ERROR(benchmark_title, "expected the benchmark's title as a string after its name", "na de naam wordt de titel van de benchmark als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(benchmark_open, "expected '{' after the benchmark's title", "na de titel van de benchmark wordt '{' verwacht");
AKKOORD_DSL_ERROR(benchmark_close, "expected `source`, `year`, `tolerance`, `taakveld`, `article` or '}' in the benchmark", "in de benchmark wordt `source`, `year`, `tolerance`, `taakveld`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(source_text, "expected a string after `source`", "na `source` wordt een tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(benchmark_year, "expected a year (YYYY) after `year`", "na `year` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(benchmark_code, "expected a taakveld code like `0.2` after `taakveld`", "na `taakveld` wordt een taakveldcode zoals `0.2` verwacht");
AKKOORD_DSL_ERROR(benchmark_colon, "expected ':' after the taakveld code", "na de taakveldcode wordt ':' verwacht");
AKKOORD_DSL_ERROR(benchmark_amount, "expected an amount like `EUR 45` after ':'", "na ':' wordt een bedrag zoals `EUR 45` verwacht");
AKKOORD_DSL_ERROR(per_inhabitant, "expected `per inhabitant` after the amount", "na het bedrag wordt `per inhabitant` verwacht");

// ---- rule ---------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(rule_id, "expected a name for the rule after `rule`", "na `rule` wordt een naam voor de regel verwacht");
AKKOORD_DSL_ERROR(rule_title, "expected the rule's title as a string after its name", "na de naam wordt de titel van de regel als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(rule_severity, "expected the severity `error`, `warning` or `info` after the rule's title", "na de titel van de regel wordt de ernst `error`, `warning` of `info` verwacht");
AKKOORD_DSL_ERROR(rule_open, "expected '{' after the rule's severity", "na de ernst van de regel wordt '{' verwacht");
AKKOORD_DSL_ERROR(rule_close, "expected `for`, `let`, `when`, `require`, `message`, `article` or '}' in the rule", "in de regel wordt `for`, `let`, `when`, `require`, `message`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(for_activity, "expected `activity` after `for`", "na `for` wordt `activity` verwacht");
AKKOORD_DSL_ERROR(for_variable, "expected a name for the activity after `for activity`", "na `for activity` wordt een naam voor de activiteit verwacht");
AKKOORD_DSL_ERROR(let_name, "expected a name after `let`", "na `let` wordt een naam verwacht");
AKKOORD_DSL_ERROR(let_equals, "expected '=' after the name in `let`", "na de naam in `let` wordt '=' verwacht");
AKKOORD_DSL_ERROR(let_value, "expected an expression after '='", "na '=' wordt een expressie verwacht");
AKKOORD_DSL_ERROR(when_condition, "expected a condition after `when`", "na `when` wordt een voorwaarde verwacht");
AKKOORD_DSL_ERROR(require_condition, "expected a condition after `require`", "na `require` wordt een voorwaarde verwacht");
AKKOORD_DSL_ERROR_HELP(message_text, "expected the message as a string after `message`", "na `message` wordt de melding als tekst tussen aanhalingstekens verwacht",
  "for a Dutch message write `message nl \"…\"`", "schrijf voor een Nederlandse melding `message nl \"…\"`");
AKKOORD_DSL_ERROR(message_nl_text, "expected the Dutch message as a string after `message nl`", "na `message nl` wordt de Nederlandse melding als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR_HELP(template_hole_expression, "expected an expression after '{' in the message", "na '{' in de melding wordt een expressie verwacht",
  "put an expression between the braces, like `{contribution.total}`, or write `{{` for a brace", "zet een expressie tussen de accolades, zoals `{contribution.total}`, of schrijf `{{` voor een accolade");
AKKOORD_DSL_ERROR_HELP(template_hole_close, "expected '}' after the expression in the message", "na de expressie in de melding wordt '}' verwacht",
  "close the expression with '}', or write `{{` for a brace; a string cannot be written inside `{…}`", "sluit de expressie af met '}', of schrijf `{{` voor een accolade; binnen `{…}` kan geen tekst tussen aanhalingstekens staan");
AKKOORD_DSL_ERROR_HELP(template_stray_brace, "'}' without '{' in the message", "'}' zonder '{' in de melding",
  "write `}}` for a brace", "schrijf `}}` voor een accolade");

// ---- include and the file -----------------------------------------------------------------------------
AKKOORD_DSL_ERROR(include_path, "expected a file path as a string after `include`", "na `include` wordt een bestandspad als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(end_of_file,
  "expected a declaration: `agreement`, `party`, `executor`, `period`, `milestone`, `task`, `contribution`, `saving`, `benchmark`, `rule` or `include`",
  "hier wordt een declaratie verwacht: `agreement`, `party`, `executor`, `period`, `milestone`, `task`, `contribution`, `saving`, `benchmark`, `rule` of `include`");

#undef AKKOORD_DSL_ERROR
#undef AKKOORD_DSL_ERROR_HELP
// clang-format on

// The control class: like must_if<>::control, but every raise throws a syntax_error carrying the rule's
// bilingual message, and a rule without a message does not compile.
template <typename Rule>
struct control : tao::pegtl::normal<Rule> {
  // must<> tries its target without rewinding, so a failed `2025-13` would leave the input inside the date.
  // Error points rewind instead: the message then points at the start of the piece that is wrong.
  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    constexpr bool error_point = error_message<Rule>.en != nullptr;
    constexpr auto mode = (error_point && M == tao::pegtl::rewind_mode::dontcare) ? tao::pegtl::rewind_mode::required : M;
    return tao::pegtl::normal<Rule>::template match<A, mode, Action, Control>(in, st...);
  }

  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&... /*unused*/) {
    static_assert(error_message<Rule>.en != nullptr && error_message<Rule>.nl != nullptr,
                  "every must<>/raise<> target of the grammar needs an error_message in errors.hpp");
    throw syntax_error{&error_message<Rule>, in.byte()};
  }
};

}  // namespace akkoord::dsl

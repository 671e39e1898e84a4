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
AKKOORD_DSL_ERROR_HELP(money_amount, "expected an amount after the currency, like `EUR 1_250.50`", "verwacht een bedrag na de valuta, zoals `EUR 1_250.50`",
  "group digits with '_' (`EUR 20_000_000`), not with ',' or '.'", "groepeer cijfers met '_' (`EUR 20_000_000`), niet met ',' of '.'");
AKKOORD_DSL_ERROR(string_end, "expected a closing '\"' before the end of the line", "verwacht een afsluitend '\"' voor het einde van de regel");
AKKOORD_DSL_ERROR_HELP(escape_code, "unknown escape sequence in a string", "onbekende escape-reeks in een tekst",
  "use `\\\"`, `\\\\`, `\\n` or `\\t`", "gebruik `\\\"`, `\\\\`, `\\n` of `\\t`");
AKKOORD_DSL_ERROR_HELP(nesting_too_deep, "expression nested too deeply", "expressie is te diep genest",
  "at most 200 levels of parentheses, lists, calls, `not` and '-' are allowed; split the expression with `let`",
  "hoogstens 200 niveaus van haakjes, lijsten, aanroepen, `not` en '-' zijn toegestaan; splits de expressie met `let`");
AKKOORD_DSL_ERROR_HELP(comparison_chain, "a comparison cannot be compared again", "een vergelijking kan niet nog eens vergeleken worden",
  "combine comparisons with `and`: `a < b and b < c`", "combineer vergelijkingen met `and`: `a < b and b < c`");
AKKOORD_DSL_ERROR(path_segment, "expected a name after '.'", "verwacht een naam na '.'");
AKKOORD_DSL_ERROR(index_expression, "expected an index expression after '['", "verwacht een index-expressie na '['");
AKKOORD_DSL_ERROR(index_close, "expected ']' after the index", "verwacht ']' na de index");
AKKOORD_DSL_ERROR(aggregate_argument, "expected an expression as the argument of the aggregate", "verwacht een expressie als argument van de aggregatie");
AKKOORD_DSL_ERROR(where_condition, "expected a condition after `where`", "verwacht een voorwaarde na `where`");
AKKOORD_DSL_ERROR(aggregate_close, "expected `where` or ')' after the argument of the aggregate", "verwacht `where` of ')' na het argument van de aggregatie");
AKKOORD_DSL_ERROR(has_argument, "expected a path like `a.description` as the argument of `has`", "verwacht een pad zoals `a.description` als argument van `has`");
AKKOORD_DSL_ERROR(has_close, "expected ')' after the path in `has(...)`", "verwacht ')' na het pad in `has(...)`");
AKKOORD_DSL_ERROR(year_argument, "expected an expression as the argument of `year`", "verwacht een expressie als argument van `year`");
AKKOORD_DSL_ERROR(year_close, "expected ')' after the argument of `year`", "verwacht ')' na het argument van `year`");
AKKOORD_DSL_ERROR(days_first, "expected an expression as the first argument of `days`", "verwacht een expressie als eerste argument van `days`");
AKKOORD_DSL_ERROR(days_comma, "expected ',' and a second argument: `days` takes two dates", "verwacht ',' en een tweede argument: `days` heeft twee datums nodig");
AKKOORD_DSL_ERROR(days_second, "expected an expression as the second argument of `days`", "verwacht een expressie als tweede argument van `days`");
AKKOORD_DSL_ERROR(days_close, "expected ')' after the second argument of `days`", "verwacht ')' na het tweede argument van `days`");
AKKOORD_DSL_ERROR(round_argument, "expected an expression as the argument of `round`", "verwacht een expressie als argument van `round`");
AKKOORD_DSL_ERROR(round_close, "expected ')' after the argument of `round`", "verwacht ')' na het argument van `round`");
AKKOORD_DSL_ERROR(paren_content, "expected an expression after '('", "verwacht een expressie na '('");
AKKOORD_DSL_ERROR(paren_close, "expected ')' to close the parenthesis", "verwacht ')' om het haakje te sluiten");
AKKOORD_DSL_ERROR(list_element, "expected a list element after ','", "verwacht een lijstelement na ','");
AKKOORD_DSL_ERROR(list_close, "expected ',' or ']' in the list", "verwacht ',' of ']' in de lijst");
AKKOORD_DSL_ERROR(negation_operand, "expected a value after '-'", "verwacht een waarde na '-'");
AKKOORD_DSL_ERROR(mul_operand, "expected a value after the operator", "verwacht een waarde na de operator");
AKKOORD_DSL_ERROR(add_operand, "expected a value after the operator", "verwacht een waarde na de operator");
AKKOORD_DSL_ERROR(cmp_operand, "expected a value to compare with after the comparison", "verwacht een waarde om mee te vergelijken na de vergelijking");
AKKOORD_DSL_ERROR(not_operand, "expected a condition after `not`", "verwacht een voorwaarde na `not`");
AKKOORD_DSL_ERROR(and_operand, "expected a condition after `and`", "verwacht een voorwaarde na `and`");
AKKOORD_DSL_ERROR(or_operand, "expected a condition after `or`", "verwacht een voorwaarde na `or`");

// ---- shared clauses -----------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(since_date, "expected a date (YYYY-MM-DD) after `since`", "verwacht een datum (JJJJ-MM-DD) na `since`");
AKKOORD_DSL_ERROR_HELP(article_document, "expected a document named in `documents` after `article`", "verwacht na `article` een document dat bij `documents` genoemd is",
  "write it as `article centrumregeling \"artikel 4 lid 2\"`", "schrijf het als `article centrumregeling \"artikel 4 lid 2\"`");
AKKOORD_DSL_ERROR_HELP(article_text, "expected the article as a string after the document, like `\"artikel 4 lid 2\"`", "verwacht het artikel als tekst tussen aanhalingstekens na het document, zoals `\"artikel 4 lid 2\"`",
  "write it as `article centrumregeling \"artikel 4 lid 2\"`", "schrijf het als `article centrumregeling \"artikel 4 lid 2\"`");
AKKOORD_DSL_ERROR(tolerance_value, "expected a percentage like `5%` after `tolerance`", "verwacht een percentage zoals `5%` na `tolerance`");

// ---- agreement ----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(agreement_id, "expected a name for the agreement after `agreement`", "verwacht een naam voor de overeenkomst na `agreement`");
AKKOORD_DSL_ERROR(agreement_title, "expected the agreement's title as a string after its name", "verwacht de titel van de overeenkomst als tekst tussen aanhalingstekens na de naam");
AKKOORD_DSL_ERROR(agreement_open, "expected '{' after the agreement's title", "verwacht '{' na de titel van de overeenkomst");
AKKOORD_DSL_ERROR(agreement_close, "expected `since`, `documents`, `hours_per_fte`, `tolerance`, `article` or '}' in the agreement", "verwacht `since`, `documents`, `hours_per_fte`, `tolerance`, `article` of '}' in de overeenkomst");
AKKOORD_DSL_ERROR(document_id, "expected a document name after `documents` or ','", "verwacht een documentnaam na `documents` of ','");
AKKOORD_DSL_ERROR(hours_per_fte_value, "expected a whole number of hours after `hours_per_fte`", "verwacht een geheel aantal uren na `hours_per_fte`");

// ---- party --------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(party_id, "expected a name for the party after `party`", "verwacht een naam voor de partij na `party`");
AKKOORD_DSL_ERROR(party_name, "expected the party's name as a string after its id", "verwacht de naam van de partij als tekst tussen aanhalingstekens na de id");
AKKOORD_DSL_ERROR(party_open, "expected '{' after the party's name", "verwacht '{' na de naam van de partij");
AKKOORD_DSL_ERROR(party_close, "expected `roles`, `inhabitants`, `article` or '}' in the party", "verwacht `roles`, `inhabitants`, `article` of '}' in de partij");
AKKOORD_DSL_ERROR(role_id, "expected a role after `roles` or ','", "verwacht een rol na `roles` of ','");
AKKOORD_DSL_ERROR(inhabitants_value, "expected a whole number after `inhabitants`", "verwacht een geheel getal na `inhabitants`");

// ---- executor -----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(executor_id, "expected a name for the executor after `executor`", "verwacht een naam voor de uitvoerder na `executor`");
AKKOORD_DSL_ERROR(executor_name, "expected the executor's name as a string after its id", "verwacht de naam van de uitvoerder als tekst tussen aanhalingstekens na de id");
AKKOORD_DSL_ERROR(executor_open, "expected '{' after the executor's name", "verwacht '{' na de naam van de uitvoerder");
AKKOORD_DSL_ERROR(executor_close, "expected `employer`, `part_of`, `serves`, `since`, `until`, `article` or '}' in the executor", "verwacht `employer`, `part_of`, `serves`, `since`, `until`, `article` of '}' in de uitvoerder");
AKKOORD_DSL_ERROR(employer_party, "expected a party after `employer`", "verwacht een partij na `employer`");
AKKOORD_DSL_ERROR(part_of_party, "expected a party after `part_of`", "verwacht een partij na `part_of`");
AKKOORD_DSL_ERROR(until_date, "expected a date (YYYY-MM-DD) after `until`", "verwacht een datum (JJJJ-MM-DD) na `until`");
AKKOORD_DSL_ERROR(served_party, "expected a party after `serves` or ','", "verwacht een partij na `serves` of ','");

// ---- period -------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(period_id, "expected a name for the period after `period`", "verwacht een naam voor de periode na `period`");
AKKOORD_DSL_ERROR(period_title, "expected the period's title as a string after its name", "verwacht de titel van de periode als tekst tussen aanhalingstekens na de naam");
AKKOORD_DSL_ERROR(period_start, "expected a start date (YYYY-MM-DD) after the period's title", "verwacht een begindatum (JJJJ-MM-DD) na de titel van de periode");
AKKOORD_DSL_ERROR(period_dots, "expected '..' between the start and end date", "verwacht '..' tussen begin- en einddatum");
AKKOORD_DSL_ERROR(period_end, "expected an end date (YYYY-MM-DD) after '..'", "verwacht een einddatum (JJJJ-MM-DD) na '..'");
AKKOORD_DSL_ERROR(provisional_milestone, "expected a milestone after `until`", "verwacht een mijlpaal na `until`");

// ---- milestone ----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(milestone_id, "expected a name for the milestone after `milestone`", "verwacht een naam voor de mijlpaal na `milestone`");
AKKOORD_DSL_ERROR(milestone_title, "expected the milestone's title as a string after its name", "verwacht de titel van de mijlpaal als tekst tussen aanhalingstekens na de naam");
AKKOORD_DSL_ERROR(milestone_open, "expected '{' after the milestone's title", "verwacht '{' na de titel van de mijlpaal");
AKKOORD_DSL_ERROR(milestone_close, "expected `due`, `article` or '}' in the milestone", "verwacht `due`, `article` of '}' in de mijlpaal");
AKKOORD_DSL_ERROR(due_date, "expected a date (YYYY-MM-DD) after `due`", "verwacht een datum (JJJJ-MM-DD) na `due`");

// ---- task ---------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(task_id, "expected a name for the task after `task`", "verwacht een naam voor de taak na `task`");
AKKOORD_DSL_ERROR(task_title, "expected the task's title as a string after its name", "verwacht de titel van de taak als tekst tussen aanhalingstekens na de naam");
AKKOORD_DSL_ERROR(task_open, "expected '{' after the task's title", "verwacht '{' na de titel van de taak");
AKKOORD_DSL_ERROR(task_close, "expected `taakveld`, `responsible`, `for`, `executed_by`, `returned_to`, `basic`, `article` or '}' in the task", "verwacht `taakveld`, `responsible`, `for`, `executed_by`, `returned_to`, `basic`, `article` of '}' in de taak");
AKKOORD_DSL_ERROR_HELP(task_taakveld_code, "expected a taakveld code like `0.2` or `6.71a` after `taakveld` or ','", "verwacht een taakveldcode zoals `0.2` of `6.71a` na `taakveld` of ','",
  "write the code as in the BBV list, without quotes", "schrijf de code zoals in de BBV-lijst, zonder aanhalingstekens");
AKKOORD_DSL_ERROR(taakveld_from_year, "expected a year (YYYY) after `from`", "verwacht een jaar (JJJJ) na `from`");
AKKOORD_DSL_ERROR(taakveld_until_year, "expected a year (YYYY) after `until`", "verwacht een jaar (JJJJ) na `until`");
AKKOORD_DSL_ERROR(responsible_party, "expected a party after `responsible`", "verwacht een partij na `responsible`");
AKKOORD_DSL_ERROR(executed_by_executor, "expected an executor after `executed_by`", "verwacht een uitvoerder na `executed_by`");
AKKOORD_DSL_ERROR(executed_by_from, "expected `from` and a date after the executor", "verwacht `from` en een datum na de uitvoerder");
AKKOORD_DSL_ERROR(executed_by_date, "expected a date (YYYY-MM-DD) after `from`", "verwacht een datum (JJJJ-MM-DD) na `from`");
AKKOORD_DSL_ERROR(returned_to_who, "expected an executor or party after `returned_to`", "verwacht een uitvoerder of partij na `returned_to`");
AKKOORD_DSL_ERROR(returned_to_from, "expected `from` and a date after the executor or party", "verwacht `from` en een datum na de uitvoerder of partij");
AKKOORD_DSL_ERROR(returned_to_date, "expected a date (YYYY-MM-DD) after `from`", "verwacht een datum (JJJJ-MM-DD) na `from`");
AKKOORD_DSL_ERROR(basic_during, "expected `during` after `basic`", "verwacht `during` na `basic`");
AKKOORD_DSL_ERROR(for_party, "expected a party after `for` or ','", "verwacht een partij na `for` of ','");
AKKOORD_DSL_ERROR(basic_period, "expected a period after `during` or ','", "verwacht een periode na `during` of ','");

// ---- contribution -------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(contribution_id, "expected a name for the contribution after `contribution`", "verwacht een naam voor de bijdrage na `contribution`");
AKKOORD_DSL_ERROR(contribution_title, "expected the contribution's title as a string after its name", "verwacht de titel van de bijdrage als tekst tussen aanhalingstekens na de naam");
AKKOORD_DSL_ERROR(contribution_open, "expected '{' after the contribution's title", "verwacht '{' na de titel van de bijdrage");
AKKOORD_DSL_ERROR(contribution_close, "expected `payer`, `payee`, a line `YEAR: EUR amount`, `indexation YEAR: PERCENT`, `article` or '}' in the contribution", "verwacht `payer`, `payee`, een regel `JAAR: EUR bedrag`, `indexation JAAR: PERCENTAGE`, `article` of '}' in de bijdrage");
AKKOORD_DSL_ERROR(payer_party, "expected a party after `payer`", "verwacht een partij na `payer`");
AKKOORD_DSL_ERROR(payee_executor, "expected an executor after `payee`", "verwacht een uitvoerder na `payee`");
AKKOORD_DSL_ERROR(contribution_colon, "expected ':' after the year", "verwacht ':' na het jaar");
AKKOORD_DSL_ERROR(indexation_year, "expected a year (YYYY) after `indexation`", "verwacht een jaar (JJJJ) na `indexation`");
AKKOORD_DSL_ERROR(indexation_colon, "expected ':' after the year of the indexation", "verwacht ':' na het jaar van de indexatie");
AKKOORD_DSL_ERROR(indexation_rate, "expected a percentage like `2.5%` after the indexation's ':'", "verwacht een percentage zoals `2.5%` na de ':' van de indexatie");
AKKOORD_DSL_ERROR(contribution_amount, "expected an amount like `EUR 20_000_000` after the year's ':'", "verwacht een bedrag zoals `EUR 20_000_000` na de ':' van het jaar");

// ---- saving -------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(saving_id, "expected a name for the saving after `saving`", "verwacht een naam voor de besparing na `saving`");
AKKOORD_DSL_ERROR(saving_title, "expected the saving's title as a string after its name", "verwacht de titel van de besparing als tekst tussen aanhalingstekens na de naam");
AKKOORD_DSL_ERROR(saving_open, "expected '{' after the saving's title", "verwacht '{' na de titel van de besparing");
AKKOORD_DSL_ERROR(saving_close, "expected `on`, `base`, `from`, `rate`, `amount`, `article` or '}' in the saving", "verwacht `on`, `base`, `from`, `rate`, `amount`, `article` of '}' in de besparing");
AKKOORD_DSL_ERROR(saving_contribution, "expected a contribution after `on`", "verwacht een bijdrage na `on`");
AKKOORD_DSL_ERROR(base_year, "expected a year (YYYY) after `base`", "verwacht een jaar (JJJJ) na `base`");
AKKOORD_DSL_ERROR(saving_from_year, "expected a year (YYYY) after `from`", "verwacht een jaar (JJJJ) na `from`");
AKKOORD_DSL_ERROR(rate_value, "expected a percentage like `1.5%` after `rate`", "verwacht een percentage zoals `1.5%` na `rate`");
AKKOORD_DSL_ERROR(amount_value, "expected an amount like `EUR 300_000` after `amount`", "verwacht een bedrag zoals `EUR 300_000` na `amount`");

// ---- benchmark ----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(benchmark_id, "expected a name for the benchmark after `benchmark`", "verwacht een naam voor de benchmark na `benchmark`");
AKKOORD_DSL_ERROR(benchmark_title, "expected the benchmark's title as a string after its name", "verwacht de titel van de benchmark als tekst tussen aanhalingstekens na de naam");
AKKOORD_DSL_ERROR(benchmark_open, "expected '{' after the benchmark's title", "verwacht '{' na de titel van de benchmark");
AKKOORD_DSL_ERROR(benchmark_close, "expected `source`, `year`, `tolerance`, `taakveld`, `article` or '}' in the benchmark", "verwacht `source`, `year`, `tolerance`, `taakveld`, `article` of '}' in de benchmark");
AKKOORD_DSL_ERROR(source_text, "expected a string after `source`", "verwacht een tekst tussen aanhalingstekens na `source`");
AKKOORD_DSL_ERROR(benchmark_year, "expected a year (YYYY) after `year`", "verwacht een jaar (JJJJ) na `year`");
AKKOORD_DSL_ERROR(benchmark_code, "expected a taakveld code like `0.2` after `taakveld`", "verwacht een taakveldcode zoals `0.2` na `taakveld`");
AKKOORD_DSL_ERROR(benchmark_colon, "expected ':' after the taakveld code", "verwacht ':' na de taakveldcode");
AKKOORD_DSL_ERROR(benchmark_amount, "expected an amount like `EUR 45` after ':'", "verwacht een bedrag zoals `EUR 45` na ':'");
AKKOORD_DSL_ERROR(per_inhabitant, "expected `per inhabitant` after the amount", "verwacht `per inhabitant` na het bedrag");

// ---- rule ---------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(rule_id, "expected a name for the rule after `rule`", "verwacht een naam voor de regel na `rule`");
AKKOORD_DSL_ERROR(rule_title, "expected the rule's title as a string after its name", "verwacht de titel van de regel als tekst tussen aanhalingstekens na de naam");
AKKOORD_DSL_ERROR(rule_severity, "expected the severity `error`, `warning` or `info` after the rule's title", "verwacht de ernst `error`, `warning` of `info` na de titel van de regel");
AKKOORD_DSL_ERROR(rule_open, "expected '{' after the rule's severity", "verwacht '{' na de ernst van de regel");
AKKOORD_DSL_ERROR(rule_close, "expected `for`, `let`, `when`, `require`, `message`, `article` or '}' in the rule", "verwacht `for`, `let`, `when`, `require`, `message`, `article` of '}' in de regel");
AKKOORD_DSL_ERROR(for_activity, "expected `activity` after `for`", "verwacht `activity` na `for`");
AKKOORD_DSL_ERROR(for_variable, "expected a name for the activity after `for activity`", "verwacht een naam voor de activiteit na `for activity`");
AKKOORD_DSL_ERROR(let_name, "expected a name after `let`", "verwacht een naam na `let`");
AKKOORD_DSL_ERROR(let_equals, "expected '=' after the name in `let`", "verwacht '=' na de naam in `let`");
AKKOORD_DSL_ERROR(let_value, "expected an expression after '='", "verwacht een expressie na '='");
AKKOORD_DSL_ERROR(when_condition, "expected a condition after `when`", "verwacht een voorwaarde na `when`");
AKKOORD_DSL_ERROR(require_condition, "expected a condition after `require`", "verwacht een voorwaarde na `require`");
AKKOORD_DSL_ERROR_HELP(message_text, "expected the message as a string after `message`", "verwacht de melding als tekst tussen aanhalingstekens na `message`",
  "for a Dutch message write `message nl \"…\"`", "schrijf voor een Nederlandse melding `message nl \"…\"`");
AKKOORD_DSL_ERROR(message_nl_text, "expected the Dutch message as a string after `message nl`", "verwacht de Nederlandse melding als tekst tussen aanhalingstekens na `message nl`");
AKKOORD_DSL_ERROR_HELP(template_hole_expression, "expected an expression after '{' in the message", "verwacht een expressie na '{' in de melding",
  "put an expression between the braces, like `{contribution.total}`, or write `{{` for a brace", "zet een expressie tussen de accolades, zoals `{contribution.total}`, of schrijf `{{` voor een accolade");
AKKOORD_DSL_ERROR_HELP(template_hole_close, "expected '}' after the expression in the message", "verwacht '}' na de expressie in de melding",
  "close the expression with '}', or write `{{` for a brace; a string cannot be written inside `{…}`", "sluit de expressie af met '}', of schrijf `{{` voor een accolade; binnen `{…}` kan geen tekst tussen aanhalingstekens staan");
AKKOORD_DSL_ERROR_HELP(template_stray_brace, "'}' without '{' in the message", "'}' zonder '{' in de melding",
  "write `}}` for a brace", "schrijf `}}` voor een accolade");

// ---- include and the file -----------------------------------------------------------------------------
AKKOORD_DSL_ERROR(include_path, "expected a file path as a string after `include`", "verwacht een bestandspad als tekst tussen aanhalingstekens na `include`");
AKKOORD_DSL_ERROR(end_of_file,
  "expected a declaration: `agreement`, `party`, `executor`, `period`, `milestone`, `task`, `contribution`, `saving`, `benchmark`, `rule` or `include`",
  "verwacht een declaratie: `agreement`, `party`, `executor`, `period`, `milestone`, `task`, `contribution`, `saving`, `benchmark`, `rule` of `include`");

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

// What each grammar error point says, in English and Dutch, and where its caret goes. Messages only (and the
// control class that raises them): the rules are in grammar.hpp. Modelled on PEGTL's json_errors / must_if:
// every rule that is the target of must<> (or raise<>) needs an entry here, and a missing entry is a
// compile-time error. Each entry names its caret (recovery.hpp): `after_previous` for "expected X after Y",
// where the writer most often left X out, `at_token` where the piece that is there is the mistake.
//
// Style: plain words, lowercase start, no final period; keywords and names in backticks, punctuation in
// single quotes ('{', '..').
#pragma once

#include <cstddef>

#include "grammar.hpp"

namespace akkoord::dsl {

template <typename Rule>
inline constexpr error_text error_message{};

// clang-format off
#define AKKOORD_DSL_ERROR(rule, where, en, nl) \
  template <> inline constexpr error_text error_message<rule>{caret::where, en, nl}
#define AKKOORD_DSL_ERROR_HELP(rule, where, en, nl, help_en, help_nl) \
  template <> inline constexpr error_text error_message<rule>{caret::where, en, nl, help_en, help_nl}

// ---- tokens and expressions ---------------------------------------------------------------------------
AKKOORD_DSL_ERROR_HELP(money_amount, after_previous, "expected an amount after the currency, like `EUR 1_250.50`", "na de valuta wordt een bedrag verwacht, zoals `EUR 1_250.50`",
  "group digits with '_' (`EUR 20_000_000`), not with ',' or '.'", "groepeer cijfers met '_' (`EUR 20_000_000`), niet met ',' of '.'");
AKKOORD_DSL_ERROR(string_end, at_token, "expected a closing '\"' before the end of the line", "vóór het einde van de regel wordt een afsluitend '\"' verwacht");
AKKOORD_DSL_ERROR_HELP(escape_code, at_token, "unknown escape sequence in a string", "onbekende escape-reeks in een tekst",
  "use `\\\"`, `\\\\`, `\\n` or `\\t`", "gebruik `\\\"`, `\\\\`, `\\n` of `\\t`");
AKKOORD_DSL_ERROR_HELP(nesting_too_deep, at_token, "expression nested too deeply", "expressie is te diep genest",
  "at most 200 levels of parentheses, lists, calls, `not` and '-' are allowed; split the expression with `let`",
  "hoogstens 200 niveaus van haakjes, lijsten, aanroepen, `not` en '-' zijn toegestaan; splits de expressie met `let`");
AKKOORD_DSL_ERROR_HELP(comparison_chain, at_token, "a comparison cannot be compared again", "een vergelijking kan niet nog eens vergeleken worden",
  "combine comparisons with `and`: `a < b and b < c`", "combineer vergelijkingen met `and`: `a < b and b < c`");
AKKOORD_DSL_ERROR(path_segment, after_previous, "expected a name after '.'", "na '.' wordt een naam verwacht");
AKKOORD_DSL_ERROR(index_expression, after_previous, "expected an index expression after '['", "na '[' wordt een index-expressie verwacht");
AKKOORD_DSL_ERROR(index_close, after_previous, "expected ']' after the index", "na de index wordt ']' verwacht");
AKKOORD_DSL_ERROR(aggregate_argument, at_token, "expected an expression as the argument of the aggregate", "hier wordt een expressie verwacht als argument van de aggregatie");
AKKOORD_DSL_ERROR(where_condition, after_previous, "expected a condition after `where`", "na `where` wordt een voorwaarde verwacht");
AKKOORD_DSL_ERROR(aggregate_close, after_previous, "expected `where` or ')' after the argument of the aggregate", "na het argument van de aggregatie wordt `where` of ')' verwacht");
AKKOORD_DSL_ERROR(has_argument, at_token, "expected a path like `a.description` as the argument of `has`", "hier wordt een pad zoals `a.description` verwacht als argument van `has`");
AKKOORD_DSL_ERROR(has_close, after_previous, "expected ')' after the path in `has(...)`", "na het pad in `has(...)` wordt ')' verwacht");
AKKOORD_DSL_ERROR(year_argument, at_token, "expected an expression as the argument of `year`", "hier wordt een expressie verwacht als argument van `year`");
AKKOORD_DSL_ERROR(year_close, after_previous, "expected ')' after the argument of `year`", "na het argument van `year` wordt ')' verwacht");
AKKOORD_DSL_ERROR(days_first, at_token, "expected an expression as the first argument of `days`", "hier wordt een expressie verwacht als eerste argument van `days`");
AKKOORD_DSL_ERROR(days_comma, at_token, "expected ',' and a second argument: `days` takes two dates", "hier wordt ',' met een tweede argument verwacht: `days` heeft twee datums nodig");
AKKOORD_DSL_ERROR(days_second, at_token, "expected an expression as the second argument of `days`", "hier wordt een expressie verwacht als tweede argument van `days`");
AKKOORD_DSL_ERROR(days_close, after_previous, "expected ')' after the second argument of `days`", "na het tweede argument van `days` wordt ')' verwacht");
AKKOORD_DSL_ERROR(round_argument, at_token, "expected an expression as the argument of `round`", "hier wordt een expressie verwacht als argument van `round`");
AKKOORD_DSL_ERROR(round_close, after_previous, "expected ')' after the argument of `round`", "na het argument van `round` wordt ')' verwacht");
AKKOORD_DSL_ERROR(previous_argument, at_token, "expected an expression as the argument of `previous`", "hier wordt een expressie verwacht als argument van `previous`");
AKKOORD_DSL_ERROR(previous_close, after_previous, "expected ')' after the argument of `previous`: it takes one expression", "na het argument van `previous` wordt ')' verwacht: daarin staat één expressie");
AKKOORD_DSL_ERROR(paren_content, after_previous, "expected an expression after '('", "na '(' wordt een expressie verwacht");
AKKOORD_DSL_ERROR(paren_close, at_token, "expected ')' to close the parenthesis", "hier wordt ')' verwacht om het haakje te sluiten");
AKKOORD_DSL_ERROR(list_element, after_previous, "expected a list element after ','", "na ',' wordt een lijstelement verwacht");
AKKOORD_DSL_ERROR(list_close, at_token, "expected ',' or ']' in the list", "in de lijst wordt ',' of ']' verwacht");
AKKOORD_DSL_ERROR(negation_operand, after_previous, "expected a value after '-'", "na '-' wordt een waarde verwacht");
AKKOORD_DSL_ERROR(mul_operand, after_previous, "expected a value after the operator", "na de operator wordt een waarde verwacht");
AKKOORD_DSL_ERROR(add_operand, after_previous, "expected a value after the operator", "na de operator wordt een waarde verwacht");
AKKOORD_DSL_ERROR(cmp_operand, after_previous, "expected a value to compare with after the comparison", "na de vergelijking wordt een waarde verwacht om mee te vergelijken");
AKKOORD_DSL_ERROR(not_operand, after_previous, "expected a condition after `not`", "na `not` wordt een voorwaarde verwacht");
AKKOORD_DSL_ERROR(and_operand, after_previous, "expected a condition after `and`", "na `and` wordt een voorwaarde verwacht");
AKKOORD_DSL_ERROR(or_operand, after_previous, "expected a condition after `or`", "na `or` wordt een voorwaarde verwacht");

// ---- shared clauses -----------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(since_date, after_previous, "expected a date (YYYY-MM-DD) after `since`", "na `since` wordt een datum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR_HELP(article_document, after_previous, "expected a document named in `documents` after `article`", "na `article` wordt een document verwacht dat bij `documents` is genoemd",
  "write it as `article centrumregeling \"artikel 4 lid 2\"`", "schrijf het als `article centrumregeling \"artikel 4 lid 2\"`");
AKKOORD_DSL_ERROR_HELP(article_text, after_previous, "expected the article as a string after the document, like `\"artikel 4 lid 2\"`", "na het document wordt het artikel als tekst tussen aanhalingstekens verwacht, zoals `\"artikel 4 lid 2\"`",
  "write it as `article centrumregeling \"artikel 4 lid 2\"`", "schrijf het als `article centrumregeling \"artikel 4 lid 2\"`");
AKKOORD_DSL_ERROR(tolerance_value, after_previous, "expected a percentage like `5%` after `tolerance`", "na `tolerance` wordt een percentage zoals `5%` verwacht");

// ---- agreement ----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(agreement_id, after_previous, "expected a name for the agreement after `agreement`", "na `agreement` wordt een naam voor de overeenkomst verwacht");
AKKOORD_DSL_ERROR(agreement_title, after_previous, "expected the agreement's title as a string after its name", "na de naam wordt de titel van de overeenkomst als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(agreement_open, after_previous, "expected '{' after the agreement's title", "na de titel van de overeenkomst wordt '{' verwacht");
AKKOORD_DSL_ERROR(agreement_close, at_token, "expected `since`, `documents`, `hours_per_fte`, `tolerance`, `article` or '}' in the agreement", "in de overeenkomst wordt `since`, `documents`, `hours_per_fte`, `tolerance`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(document_id, after_previous, "expected a document name after `documents` or ','", "na `documents` of ',' wordt een documentnaam verwacht");
AKKOORD_DSL_ERROR(hours_per_fte_value, after_previous, "expected a whole number of hours after `hours_per_fte`", "na `hours_per_fte` wordt een geheel aantal uren verwacht");

// ---- party --------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(party_id, after_previous, "expected a name for the party after `party`", "na `party` wordt een naam voor de partij verwacht");
AKKOORD_DSL_ERROR(party_name, after_previous, "expected the party's name as a string after its id", "na de id wordt de naam van de partij als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(party_open, after_previous, "expected '{' after the party's name", "na de naam van de partij wordt '{' verwacht");
AKKOORD_DSL_ERROR(party_close, at_token, "expected `roles`, `inhabitants`, `article` or '}' in the party", "in de partij wordt `roles`, `inhabitants`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(role_id, after_previous, "expected a role after `roles` or ','", "na `roles` of ',' wordt een rol verwacht");
AKKOORD_DSL_ERROR(inhabitants_value, after_previous, "expected a whole number after `inhabitants`", "na `inhabitants` wordt een geheel getal verwacht");

// ---- executor -----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(executor_id, after_previous, "expected a name for the executor after `executor`", "na `executor` wordt een naam voor de uitvoerder verwacht");
AKKOORD_DSL_ERROR(executor_name, after_previous, "expected the executor's name as a string after its id", "na de id wordt de naam van de uitvoerder als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(executor_open, after_previous, "expected '{' after the executor's name", "na de naam van de uitvoerder wordt '{' verwacht");
AKKOORD_DSL_ERROR(executor_close, at_token, "expected `employer`, `part_of`, `serves`, `since`, `until`, `article` or '}' in the executor", "in de uitvoerder wordt `employer`, `part_of`, `serves`, `since`, `until`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(employer_party, after_previous, "expected a party after `employer`", "na `employer` wordt een partij verwacht");
AKKOORD_DSL_ERROR(part_of_party, after_previous, "expected a party after `part_of`", "na `part_of` wordt een partij verwacht");
AKKOORD_DSL_ERROR(until_date, after_previous, "expected a date (YYYY-MM-DD) after `until`", "na `until` wordt een datum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR(served_party, after_previous, "expected a party after `serves` or ','", "na `serves` of ',' wordt een partij verwacht");

// ---- period -------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(period_id, after_previous, "expected a name for the period after `period`", "na `period` wordt een naam voor de periode verwacht");
AKKOORD_DSL_ERROR(period_title, after_previous, "expected the period's title as a string after its name", "na de naam wordt de titel van de periode als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(period_start, after_previous, "expected a start date (YYYY-MM-DD) after the period's title", "na de titel van de periode wordt een begindatum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR(period_dots, after_previous, "expected '..' between the start and end date", "tussen begin- en einddatum wordt '..' verwacht");
AKKOORD_DSL_ERROR(period_end, after_previous, "expected an end date (YYYY-MM-DD) after '..'", "na '..' wordt een einddatum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR(provisional_milestone, after_previous, "expected a milestone after `until`", "na `until` wordt een mijlpaal verwacht");

// ---- milestone ----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(milestone_id, after_previous, "expected a name for the milestone after `milestone`", "na `milestone` wordt een naam voor de mijlpaal verwacht");
AKKOORD_DSL_ERROR(milestone_title, after_previous, "expected the milestone's title as a string after its name", "na de naam wordt de titel van de mijlpaal als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(milestone_open, after_previous, "expected '{' after the milestone's title", "na de titel van de mijlpaal wordt '{' verwacht");
AKKOORD_DSL_ERROR(milestone_close, at_token, "expected `due`, `article` or '}' in the milestone", "in de mijlpaal wordt `due`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(due_date, after_previous, "expected a date (YYYY-MM-DD) after `due`", "na `due` wordt een datum (JJJJ-MM-DD) verwacht");

// ---- task ---------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(task_id, after_previous, "expected a name for the task after `task`", "na `task` wordt een naam voor de taak verwacht");
AKKOORD_DSL_ERROR(task_title, after_previous, "expected the task's title as a string after its name", "na de naam wordt de titel van de taak als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(task_open, after_previous, "expected '{' after the task's title", "na de titel van de taak wordt '{' verwacht");
AKKOORD_DSL_ERROR(task_close, at_token, "expected `taakveld`, `responsible`, `for`, `executed_by`, `returned_to`, `basic`, `article` or '}' in the task", "in de taak wordt `taakveld`, `responsible`, `for`, `executed_by`, `returned_to`, `basic`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR_HELP(task_taakveld_code, after_previous, "expected a taakveld code like `0.2` or `6.71a` after `taakveld` or ','", "na `taakveld` of ',' wordt een taakveldcode zoals `0.2` of `6.71a` verwacht",
  "write the code as in the BBV list, without quotes", "schrijf de code zoals in de BBV-lijst, zonder aanhalingstekens");
AKKOORD_DSL_ERROR(taakveld_from_year, after_previous, "expected a year (YYYY) after `from`", "na `from` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(taakveld_until_year, after_previous, "expected a year (YYYY) after `until`", "na `until` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(responsible_party, after_previous, "expected a party after `responsible`", "na `responsible` wordt een partij verwacht");
AKKOORD_DSL_ERROR(executed_by_executor, after_previous, "expected an executor after `executed_by`", "na `executed_by` wordt een uitvoerder verwacht");
AKKOORD_DSL_ERROR(executed_by_from, after_previous, "expected `from` and a date after the executor", "na de uitvoerder wordt `from` en een datum verwacht");
AKKOORD_DSL_ERROR(executed_by_date, after_previous, "expected a date (YYYY-MM-DD) after `from`", "na `from` wordt een datum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR(returned_to_who, after_previous, "expected an executor or party after `returned_to`", "na `returned_to` wordt een uitvoerder of partij verwacht");
AKKOORD_DSL_ERROR(returned_to_from, after_previous, "expected `from` and a date after the executor or party", "na de uitvoerder of partij wordt `from` en een datum verwacht");
AKKOORD_DSL_ERROR(returned_to_date, after_previous, "expected a date (YYYY-MM-DD) after `from`", "na `from` wordt een datum (JJJJ-MM-DD) verwacht");
AKKOORD_DSL_ERROR(basic_during, after_previous, "expected `during` after `basic`", "na `basic` wordt `during` verwacht");
AKKOORD_DSL_ERROR(for_party, after_previous, "expected a party after `for` or ','", "na `for` of ',' wordt een partij verwacht");
AKKOORD_DSL_ERROR(basic_period, after_previous, "expected a period after `during` or ','", "na `during` of ',' wordt een periode verwacht");

// ---- contribution -------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(contribution_id, after_previous, "expected a name for the contribution after `contribution`", "na `contribution` wordt een naam voor de bijdrage verwacht");
AKKOORD_DSL_ERROR(contribution_title, after_previous, "expected the contribution's title as a string after its name", "na de naam wordt de titel van de bijdrage als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(contribution_open, after_previous, "expected '{' after the contribution's title", "na de titel van de bijdrage wordt '{' verwacht");
AKKOORD_DSL_ERROR(contribution_close, at_token, "expected `payer`, `payee`, a line `YEAR: EUR amount`, `indexation YEAR: PERCENT`, `article` or '}' in the contribution", "in de bijdrage wordt `payer`, `payee`, een regel `JAAR: EUR bedrag`, `indexation JAAR: PERCENTAGE`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(payer_party, after_previous, "expected a party after `payer`", "na `payer` wordt een partij verwacht");
AKKOORD_DSL_ERROR(payee_executor, after_previous, "expected an executor after `payee`", "na `payee` wordt een uitvoerder verwacht");
AKKOORD_DSL_ERROR(contribution_colon, after_previous, "expected ':' after the year", "na het jaar wordt ':' verwacht");
AKKOORD_DSL_ERROR(indexation_year, after_previous, "expected a year (YYYY) after `indexation`", "na `indexation` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(indexation_colon, after_previous, "expected ':' after the year of the indexation", "na het jaar van de indexatie wordt ':' verwacht");
AKKOORD_DSL_ERROR(indexation_rate, after_previous, "expected a percentage like `2.5%` after the indexation's ':'", "na de ':' van de indexatie wordt een percentage zoals `2.5%` verwacht");
AKKOORD_DSL_ERROR(contribution_amount, after_previous, "expected an amount like `EUR 20_000_000` after the year's ':'", "na de ':' van het jaar wordt een bedrag zoals `EUR 20_000_000` verwacht");

// ---- saving -------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(saving_id, after_previous, "expected a name for the saving after `saving`", "na `saving` wordt een naam voor de besparing verwacht");
AKKOORD_DSL_ERROR(saving_title, after_previous, "expected the saving's title as a string after its name", "na de naam wordt de titel van de besparing als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(saving_open, after_previous, "expected '{' after the saving's title", "na de titel van de besparing wordt '{' verwacht");
AKKOORD_DSL_ERROR(saving_close, at_token, "expected `on`, `base`, `from`, `rate`, `amount`, `article` or '}' in the saving", "in de besparing wordt `on`, `base`, `from`, `rate`, `amount`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(saving_contribution, after_previous, "expected a contribution after `on`", "na `on` wordt een bijdrage verwacht");
AKKOORD_DSL_ERROR(base_year, after_previous, "expected a year (YYYY) after `base`", "na `base` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(saving_from_year, after_previous, "expected a year (YYYY) after `from`", "na `from` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(rate_value, after_previous, "expected a percentage like `1.5%` after `rate`", "na `rate` wordt een percentage zoals `1.5%` verwacht");
AKKOORD_DSL_ERROR(amount_value, after_previous, "expected an amount like `EUR 300_000` after `amount`", "na `amount` wordt een bedrag zoals `EUR 300_000` verwacht");

// ---- benchmark ----------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(benchmark_id, after_previous, "expected a name for the benchmark after `benchmark`", "na `benchmark` wordt een naam voor de benchmark verwacht");
AKKOORD_DSL_ERROR(benchmark_title, after_previous, "expected the benchmark's title as a string after its name", "na de naam wordt de titel van de benchmark als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(benchmark_open, after_previous, "expected '{' after the benchmark's title", "na de titel van de benchmark wordt '{' verwacht");
AKKOORD_DSL_ERROR(benchmark_close, at_token, "expected `source`, `year`, `tolerance`, `taakveld`, `article` or '}' in the benchmark", "in de benchmark wordt `source`, `year`, `tolerance`, `taakveld`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(source_text, after_previous, "expected a string after `source`", "na `source` wordt een tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(benchmark_year, after_previous, "expected a year (YYYY) after `year`", "na `year` wordt een jaar (JJJJ) verwacht");
AKKOORD_DSL_ERROR(benchmark_code, after_previous, "expected a taakveld code like `0.2` after `taakveld`", "na `taakveld` wordt een taakveldcode zoals `0.2` verwacht");
AKKOORD_DSL_ERROR(benchmark_colon, after_previous, "expected ':' after the taakveld code", "na de taakveldcode wordt ':' verwacht");
AKKOORD_DSL_ERROR(benchmark_amount, after_previous, "expected an amount like `EUR 45` after ':'", "na ':' wordt een bedrag zoals `EUR 45` verwacht");
AKKOORD_DSL_ERROR(per_inhabitant, after_previous, "expected `per inhabitant` after the amount", "na het bedrag wordt `per inhabitant` verwacht");

// ---- rule ---------------------------------------------------------------------------------------------
AKKOORD_DSL_ERROR(rule_id, after_previous, "expected a name for the rule after `rule`", "na `rule` wordt een naam voor de regel verwacht");
AKKOORD_DSL_ERROR(rule_title, after_previous, "expected the rule's title as a string after its name", "na de naam wordt de titel van de regel als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(rule_severity, after_previous, "expected the severity `error`, `warning` or `info` after the rule's title", "na de titel van de regel wordt de ernst `error`, `warning` of `info` verwacht");
AKKOORD_DSL_ERROR(rule_open, after_previous, "expected '{' after the rule's severity", "na de ernst van de regel wordt '{' verwacht");
AKKOORD_DSL_ERROR(rule_close, at_token, "expected `for`, `let`, `when`, `require`, `message`, `article` or '}' in the rule", "in de regel wordt `for`, `let`, `when`, `require`, `message`, `article` of '}' verwacht");
AKKOORD_DSL_ERROR(for_activity, after_previous, "expected `activity` after `for`", "na `for` wordt `activity` verwacht");
AKKOORD_DSL_ERROR(for_variable, after_previous, "expected a name for the activity after `for activity`", "na `for activity` wordt een naam voor de activiteit verwacht");
AKKOORD_DSL_ERROR(let_name, after_previous, "expected a name after `let`", "na `let` wordt een naam verwacht");
AKKOORD_DSL_ERROR(let_equals, after_previous, "expected '=' after the name in `let`", "na de naam in `let` wordt '=' verwacht");
AKKOORD_DSL_ERROR(let_value, after_previous, "expected an expression after '='", "na '=' wordt een expressie verwacht");
AKKOORD_DSL_ERROR(when_condition, after_previous, "expected a condition after `when`", "na `when` wordt een voorwaarde verwacht");
AKKOORD_DSL_ERROR(require_condition, after_previous, "expected a condition after `require`", "na `require` wordt een voorwaarde verwacht");
AKKOORD_DSL_ERROR_HELP(message_text, after_previous, "expected the message as a string after `message`", "na `message` wordt de melding als tekst tussen aanhalingstekens verwacht",
  "for a Dutch message write `message nl \"…\"`", "schrijf voor een Nederlandse melding `message nl \"…\"`");
AKKOORD_DSL_ERROR(message_nl_text, after_previous, "expected the Dutch message as a string after `message nl`", "na `message nl` wordt de Nederlandse melding als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR_HELP(template_hole_expression, after_previous, "expected an expression after '{' in the message", "na '{' in de melding wordt een expressie verwacht",
  "put an expression between the braces, like `{contribution.total}`, or write `{{` for a brace", "zet een expressie tussen de accolades, zoals `{contribution.total}`, of schrijf `{{` voor een accolade");
AKKOORD_DSL_ERROR_HELP(template_hole_close, after_previous, "expected '}' after the expression in the message", "na de expressie in de melding wordt '}' verwacht",
  "close the expression with '}', or write `{{` for a brace; a string cannot be written inside `{…}`", "sluit de expressie af met '}', of schrijf `{{` voor een accolade; binnen `{…}` kan geen tekst tussen aanhalingstekens staan");
AKKOORD_DSL_ERROR_HELP(template_stray_brace, at_token, "'}' without '{' in the message", "'}' zonder '{' in de melding",
  "write `}}` for a brace", "schrijf `}}` voor een accolade");

// ---- include and the file -----------------------------------------------------------------------------
AKKOORD_DSL_ERROR(include_path, after_previous, "expected a file path as a string after `include`", "na `include` wordt een bestandspad als tekst tussen aanhalingstekens verwacht");
AKKOORD_DSL_ERROR(end_of_file, at_token, "expected a declaration: `agreement`, `party`, `executor`, `period`, `milestone`, `task`, `contribution`, `saving`, `benchmark`, `rule` or `include`",
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

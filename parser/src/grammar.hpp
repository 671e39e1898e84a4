// The agreement language (spec/language.md) as PEGTL rules. Rules only: the error messages live in
// errors.hpp, the choice of parse-tree nodes in selector.hpp, the typed AST is built in lower.cpp.
// Included only by parser/src/*.cpp (and the grammar test), never by a public header.
//
// Conventions:
// - `sp` (whitespace and comments) is placed *before* each piece, never after the last one, so a node's
//   span ends at its last character.
// - Every target of `must<>` is its own named rule, so each error point has its own message in errors.hpp.
// - Tokens (identifiers, strings, numbers, dates, money, percentages, taakveld codes) are single rules that
//   roles wrap by composition (`struct period_end : seq< date > {}`), so the parse tree shows the token.
#pragma once

#include <tao/pegtl.hpp>

#include "akkoord/parser/parse.hpp"
#include "recovery.hpp"

namespace akkoord::dsl {

using namespace tao::pegtl;

// A sequence that counts how deeply expressions nest and stops with `nesting_too_deep` beyond
// max_nesting_depth, so hostile input cannot exhaust the stack. Every cycle of the expression grammar passes
// through one: or_expr (parentheses, lists, calls, indexes) and the operands of `not` and unary minus.
// The operands, not the operator rules, carry the guard, so only real nesting is counted.
// analyze() sees it as a plain seq<>.
struct nesting_too_deep : failure {};

template< typename... Rules >
struct depth_limited
{
   using rule_t = typename seq< Rules... >::rule_t;
   using subs_t = type_list< Rules... >;

   template< apply_mode A,
             rewind_mode M,
             template< typename... > class Action,
             template< typename... > class Control,
             typename ParseInput,
             typename... States >
   [[nodiscard]] static bool match( ParseInput& in, States&&... st )
   {
      if( in.private_depth >= parser::max_nesting_depth ) {
         Control< nesting_too_deep >::raise( static_cast< const ParseInput& >( in ), st... );
      }
      struct depth_guard
      {
         std::size_t& depth;
         explicit depth_guard( std::size_t& d ) : depth( d ) { ++depth; }
         depth_guard( const depth_guard& ) = delete;
         depth_guard& operator=( const depth_guard& ) = delete;
         ~depth_guard() { --depth; }
      } guard( in.private_depth );
      return seq< Rules... >::template match< A, M, Action, Control >( in, st... );
   }
};

// clang-format off

// ---- lexical -----------------------------------------------------------------------------------------

struct comment : seq< one< '#' >, until< eolf > > {};
struct whitespace : one< ' ', '\t', '\r', '\n' > {};
struct sp : star< sor< whitespace, comment > > {};

struct ident_first : ranges< 'a', 'z', 'A', 'Z', '_' > {};
struct ident_other : ranges< 'a', 'z', 'A', 'Z', '0', '9', '_' > {};
struct ident : seq< ident_first, star< ident_other > > {};

struct comma : seq< sp, one< ',' >, sp > {};

// clang-format on

// ---- recovery (recovery.hpp) ----------------------------------------------------------------------------

struct declaration_start;  // a line that starts a top-level declaration; defined with `declaration`

// What analyze() sees of a rule with its own match(): the rule it is equivalent to, for the grammar's checks.
template< typename Equivalent >
struct analyzed_as
{
   using rule_t = typename Equivalent::rule_t;
   using subs_t = typename Equivalent::subs_t;
};

// The clauses of a block and its closing '}'. A clause with a syntax error, or a word that starts no clause,
// is logged and skipped up to the next line that starts a clause of this block (or with '}'), so one run
// reports each error of the block. When a declaration or the end of the file comes first, the declaration
// is given up (declaration_abandoned). A block that merely lacks its '}' raises the usual error, which the
// declaration's recovery logs.
template< typename Clause, typename Close >
struct block : analyzed_as< seq< star< sor< Clause, plus< any > >, sp >, Close > >
{
   template< apply_mode A,
             rewind_mode M,
             template< typename... > class Action,
             template< typename... > class Control,
             typename ParseInput,
             typename... States >
   [[nodiscard]] static bool match( ParseInput& in, States&&... st )
   {
      recovery_log& log = log_of( st... );
      while( true ) {
         if( Control< Close >::template match< A, rewind_mode::required, Action, Control >( in, st... ) ) {
            return true;
         }
         const auto start = in.iterator();
         std::size_t resume_from = start.byte + 1;
         bool clause = false;
         bool logged = false;
         try {
            clause = Control< Clause >::template match< A, rewind_mode::required, Action, Control >( in, st... );
         }
         catch( const syntax_error& e ) {
            log.errors.push_back( e );
            resume_from = std::max( e.byte, resume_from );
            logged = true;
         }
         if( clause ) {
            (void)Control< sp >::template match< A, M, Action, Control >( in, st... );
            continue;
         }
         if( !logged ) {
            // Neither a clause nor '}'. Before a declaration or at the end of the file the block lacks its '}':
            // the usual error, which the declaration's recovery logs.
            if( in.empty() || matches_at< declaration_start >( log.text, start.byte ) ) {
               Control< Close >::raise( static_cast< const ParseInput& >( in ), st... );
            }
            // Else a word that starts no clause: the same message (raised through the control, so it is the
            // one errors.hpp gives `Close`), logged here.
            try {
               Control< Close >::raise( static_cast< const ParseInput& >( in ), st... );
            }
            catch( const syntax_error& e ) {
               log.errors.push_back( e );
            }
         }
         const std::size_t resume = next_line_start( log.text, resume_from, [ & ]( std::size_t first ) {
            if( matches_at< declaration_start >( log.text, first ) ) {
               throw declaration_abandoned{ first };
            }
            return log.text[ first ] == '}' || matches_at< first_of_each< Clause > >( log.text, first );
         } );
         if( resume == log.text.size() ) {
            throw declaration_abandoned{ resume };
         }
         in.iterator() = start;
         in.bump( resume - start.byte );
      }
   }
};

// A declaration, or (logged) the text up to the next line that starts one: so a file with several broken
// declarations reports each, and the ones between them still parse. A declaration that had an error, even
// one a block recovered from, is marked broken: parse.cpp leaves it out of the tree.
template< typename Declaration, typename Expected >
struct recovering : analyzed_as< sor< Declaration, plus< any > > >
{
   template< apply_mode A,
             rewind_mode M,
             template< typename... > class Action,
             template< typename... > class Control,
             typename ParseInput,
             typename... States >
   [[nodiscard]] static bool match( ParseInput& in, States&&... st )
   {
      if( in.empty() ) {
         return false;
      }
      recovery_log& log = log_of( st... );
      const auto start = in.iterator();
      const std::size_t errors_before = log.errors.size();
      std::size_t resume = 0;
      try {
         if( Control< Declaration >::template match< A, rewind_mode::required, Action, Control >( in, st... ) ) {
            if( log.errors.size() != errors_before ) {
               log.mark_broken( start.byte );
            }
            return true;
         }
         Control< Expected >::raise( static_cast< const ParseInput& >( in ), st... );
      }
      catch( const syntax_error& e ) {
         log.errors.push_back( e );
         resume = next_line_start( log.text, std::max( e.byte, start.byte + 1 ), [ & ]( std::size_t first ) {
            return matches_at< declaration_start >( log.text, first );
         } );
      }
      catch( const declaration_abandoned& abandoned ) {
         resume = std::max( abandoned.resume, start.byte + 1 );
      }
      log.mark_broken( start.byte );
      in.iterator() = start;
      in.bump( resume - start.byte );
      return true;
   }
};

// clang-format off

// Numbers: digits grouped with `_` (93_000). A number directly followed by a letter, `_`, `%` or a
// decimal point is not a whole number, so `1.5` or `5%` where an integer is expected fails at its start.
struct digits : plus< digit > {};
struct grouped_digits : seq< digits, star< one< '_' >, digits > > {};
struct integer : seq< grouped_digits, not_at< sor< ident_other, one< '%' >, seq< one< '.' >, digit > > > > {};
struct decimal_number : seq< grouped_digits, one< '.' >, grouped_digits, not_at< sor< ident_other, one< '%', '.' > > > > {};
struct percent : seq< grouped_digits, opt< one< '.' >, grouped_digits >, one< '%' > > {};
struct year : seq< rep< 4, digit >, not_at< sor< ident_other, one< '-' >, seq< one< '.' >, digit > > > > {};
struct date : seq< rep< 4, digit >, one< '-' >, rep< 2, digit >, one< '-' >, rep< 2, digit >, not_at< ident_other > > {};

// Money: `EUR 1_250.50`, `€ 300_000`. `EUR 20,000,000` is rejected at the amount rather than read as 20.
struct kw_eur : TAO_PEGTL_KEYWORD( "EUR" ) {};
struct currency : sor< kw_eur, utf8::one< 0x20AC > > {};
struct money_amount : seq< grouped_digits, opt< one< '.' >, digits >, not_at< sor< ident_other, seq< one< ',', '.' >, digit > > > > {};
struct money : seq< currency, star< one< ' ', '\t' > >, must< money_amount > > {};

// Strings: one line, escapes \" \\ \n \t.
struct escape_code : one< '"', '\\', 'n', 't' > {};
struct escaped : seq< one< '\\' >, must< escape_code > > {};
struct plain_char : not_one< '"', '\\', '\n', '\r' > {};
struct string_end : one< '"' > {};
struct string_literal : seq< one< '"' >, star< sor< plain_char, escaped > >, must< string_end > > {};

// Taakveld codes as written: `0.2`, `0.10`, `6.711`, `6.71a` (and hoofdtaakveld `6`).
struct taakveld_code : seq< digits, opt< one< '.' >, plus< alnum > >, not_at< ident_other > > {};

// ---- keywords (reserved only where a keyword is expected) ----------------------------------------------

struct kw_agreement : TAO_PEGTL_KEYWORD( "agreement" ) {};
struct kw_party : TAO_PEGTL_KEYWORD( "party" ) {};
struct kw_executor : TAO_PEGTL_KEYWORD( "executor" ) {};
struct kw_period : TAO_PEGTL_KEYWORD( "period" ) {};
struct kw_milestone : TAO_PEGTL_KEYWORD( "milestone" ) {};
struct kw_task : TAO_PEGTL_KEYWORD( "task" ) {};
struct kw_contribution : TAO_PEGTL_KEYWORD( "contribution" ) {};
struct kw_saving : TAO_PEGTL_KEYWORD( "saving" ) {};
struct kw_benchmark : TAO_PEGTL_KEYWORD( "benchmark" ) {};
struct kw_rule : TAO_PEGTL_KEYWORD( "rule" ) {};
struct kw_include : TAO_PEGTL_KEYWORD( "include" ) {};

struct kw_since : TAO_PEGTL_KEYWORD( "since" ) {};
struct kw_documents : TAO_PEGTL_KEYWORD( "documents" ) {};
struct kw_hours_per_fte : TAO_PEGTL_KEYWORD( "hours_per_fte" ) {};
struct kw_tolerance : TAO_PEGTL_KEYWORD( "tolerance" ) {};
struct kw_roles : TAO_PEGTL_KEYWORD( "roles" ) {};
struct kw_inhabitants : TAO_PEGTL_KEYWORD( "inhabitants" ) {};
struct kw_employer : TAO_PEGTL_KEYWORD( "employer" ) {};
struct kw_part_of : TAO_PEGTL_KEYWORD( "part_of" ) {};
struct kw_serves : TAO_PEGTL_KEYWORD( "serves" ) {};
struct kw_provisional : TAO_PEGTL_KEYWORD( "provisional" ) {};
struct kw_until : TAO_PEGTL_KEYWORD( "until" ) {};
struct kw_from : TAO_PEGTL_KEYWORD( "from" ) {};
struct kw_due : TAO_PEGTL_KEYWORD( "due" ) {};
struct kw_taakveld : TAO_PEGTL_KEYWORD( "taakveld" ) {};
struct kw_responsible : TAO_PEGTL_KEYWORD( "responsible" ) {};
struct kw_executed_by : TAO_PEGTL_KEYWORD( "executed_by" ) {};
struct kw_returned_to : TAO_PEGTL_KEYWORD( "returned_to" ) {};
struct kw_basic : TAO_PEGTL_KEYWORD( "basic" ) {};
struct kw_during : TAO_PEGTL_KEYWORD( "during" ) {};
struct kw_payer : TAO_PEGTL_KEYWORD( "payer" ) {};
struct kw_payee : TAO_PEGTL_KEYWORD( "payee" ) {};
struct kw_on : TAO_PEGTL_KEYWORD( "on" ) {};
struct kw_base : TAO_PEGTL_KEYWORD( "base" ) {};
struct kw_rate : TAO_PEGTL_KEYWORD( "rate" ) {};
struct kw_amount : TAO_PEGTL_KEYWORD( "amount" ) {};
struct kw_source : TAO_PEGTL_KEYWORD( "source" ) {};
struct kw_year : TAO_PEGTL_KEYWORD( "year" ) {};
struct kw_per : TAO_PEGTL_KEYWORD( "per" ) {};
struct kw_inhabitant : TAO_PEGTL_KEYWORD( "inhabitant" ) {};
struct kw_error : TAO_PEGTL_KEYWORD( "error" ) {};
struct kw_warning : TAO_PEGTL_KEYWORD( "warning" ) {};
struct kw_info : TAO_PEGTL_KEYWORD( "info" ) {};
struct kw_for : TAO_PEGTL_KEYWORD( "for" ) {};
struct kw_activity : TAO_PEGTL_KEYWORD( "activity" ) {};
struct kw_let : TAO_PEGTL_KEYWORD( "let" ) {};
struct kw_when : TAO_PEGTL_KEYWORD( "when" ) {};
struct kw_require : TAO_PEGTL_KEYWORD( "require" ) {};
struct kw_message : TAO_PEGTL_KEYWORD( "message" ) {};
struct kw_nl : TAO_PEGTL_KEYWORD( "nl" ) {};
struct kw_article : TAO_PEGTL_KEYWORD( "article" ) {};
struct kw_indexation : TAO_PEGTL_KEYWORD( "indexation" ) {};

// ---- rule expressions ---------------------------------------------------------------------------------

struct or_expr;
struct not_expr;
struct unary_expr;

struct boolean_literal : sor< TAO_PEGTL_KEYWORD( "true" ), TAO_PEGTL_KEYWORD( "false" ) > {};
struct literal : sor< money, date, percent, decimal_number, integer, string_literal, boolean_literal > {};

struct path_segment : seq< ident > {};
struct path_dot : seq< one< '.' >, must< path_segment > > {};
struct index_expression : seq< or_expr > {};
struct index_close : one< ']' > {};
struct path_index : seq< one< '[' >, sp, must< index_expression >, sp, must< index_close > > {};
struct path_expr : seq< ident, star< path_dot >, opt< sp, path_index > > {};

struct aggregate_name : sor< TAO_PEGTL_KEYWORD( "sum" ), TAO_PEGTL_KEYWORD( "count" ), TAO_PEGTL_KEYWORD( "min" ), TAO_PEGTL_KEYWORD( "max" ), TAO_PEGTL_KEYWORD( "avg" ) > {};
struct aggregate_argument : seq< or_expr > {};
struct kw_where : TAO_PEGTL_KEYWORD( "where" ) {};
struct where_condition : seq< or_expr > {};
struct where_clause : seq< kw_where, sp, must< where_condition > > {};
struct aggregate_close : one< ')' > {};
struct aggregate_call : seq< aggregate_name, sp, one< '(' >, sp, must< aggregate_argument >, opt< sp, where_clause >, sp, must< aggregate_close > > {};

struct has_name : TAO_PEGTL_KEYWORD( "has" ) {};
struct has_argument : seq< path_expr > {};
struct has_close : one< ')' > {};
struct has_call : seq< has_name, sp, one< '(' >, sp, must< has_argument >, sp, must< has_close > > {};

struct year_name : TAO_PEGTL_KEYWORD( "year" ) {};
struct year_argument : seq< or_expr > {};
struct year_close : one< ')' > {};
struct year_call : seq< year_name, sp, one< '(' >, sp, must< year_argument >, sp, must< year_close > > {};

struct days_name : TAO_PEGTL_KEYWORD( "days" ) {};
struct days_first : seq< or_expr > {};
struct days_comma : one< ',' > {};
struct days_second : seq< or_expr > {};
struct days_close : one< ')' > {};
struct days_call : seq< days_name, sp, one< '(' >, sp, must< days_first >, sp, must< days_comma >, sp, must< days_second >, sp, must< days_close > > {};

struct round_name : TAO_PEGTL_KEYWORD( "round" ) {};
struct round_argument : seq< or_expr > {};
struct round_close : one< ')' > {};
struct round_call : seq< round_name, sp, one< '(' >, sp, must< round_argument >, sp, must< round_close > > {};

// `previous(EXPR)`: EXPR on last year's plan of the same municipality (validator/rules).
struct previous_name : TAO_PEGTL_KEYWORD( "previous" ) {};
struct previous_argument : seq< or_expr > {};
struct previous_close : one< ')' > {};
struct previous_call : seq< previous_name, sp, one< '(' >, sp, must< previous_argument >, sp, must< previous_close > > {};

struct call : sor< aggregate_call, has_call, year_call, days_call, round_call, previous_call > {};

struct paren_content : seq< or_expr > {};
struct paren_close : one< ')' > {};
struct parenthesised : seq< one< '(' >, sp, must< paren_content >, sp, must< paren_close > > {};

struct list_element : seq< or_expr > {};
struct list_close : one< ']' > {};
struct list_literal : seq< one< '[' >, sp, opt< list_element, star< comma, must< list_element > > >, sp, must< list_close > > {};

struct primary : sor< literal, call, path_expr, parenthesised, list_literal > {};

struct minus_op : one< '-' > {};
struct negation_operand : depth_limited< unary_expr > {};
struct negation : seq< minus_op, sp, must< negation_operand > > {};
struct unary_expr : sor< negation, primary > {};

struct mul_op : one< '*', '/' > {};
struct mul_operand : seq< unary_expr > {};
struct mul_expr : seq< unary_expr, star< sp, mul_op, sp, must< mul_operand > > > {};

struct add_op : one< '+', '-' > {};
struct add_operand : seq< mul_expr > {};
struct add_expr : seq< mul_expr, star< sp, add_op, sp, must< add_operand > > > {};

struct kw_in : TAO_PEGTL_KEYWORD( "in" ) {};
struct cmp_op : sor< string< '=', '=' >, string< '!', '=' >, string< '<', '=' >, string< '>', '=' >, one< '<' >, one< '>' >, kw_in > {};
struct cmp_operand : seq< add_expr > {};
struct comparison_chain : failure {};
struct chained_comparison : seq< sp, at< cmp_op >, tao::pegtl::raise< comparison_chain > > {};  // qualified: ::raise is <csignal>
struct cmp_expr : seq< add_expr, opt< sp, cmp_op, sp, must< cmp_operand >, opt< chained_comparison > > > {};

struct not_op : TAO_PEGTL_KEYWORD( "not" ) {};
struct not_operand : depth_limited< not_expr > {};
struct not_application : seq< not_op, sp, must< not_operand > > {};
struct not_expr : sor< not_application, cmp_expr > {};

struct and_op : TAO_PEGTL_KEYWORD( "and" ) {};
struct and_operand : seq< not_expr > {};
struct and_expr : seq< not_expr, star< sp, and_op, sp, must< and_operand > > > {};

struct or_op : TAO_PEGTL_KEYWORD( "or" ) {};
struct or_operand : seq< and_expr > {};
struct or_expr : depth_limited< and_expr, star< sp, or_op, sp, must< or_operand > > > {};

// ---- agreement ---------------------------------------------------------------------------------------

struct since_date : seq< date > {};
struct since_clause : seq< kw_since, sp, must< since_date > > {};
struct tolerance_value : seq< percent > {};
struct tolerance_clause : seq< kw_tolerance, sp, must< tolerance_value > > {};
// `article DOCUMENT "text"`: allowed in every block, and after a period declaration.
struct article_document : seq< ident > {};
struct article_text : seq< string_literal > {};
struct article_clause : seq< kw_article, sp, must< article_document >, sp, must< article_text > > {};

struct agreement_id : seq< ident > {};
struct agreement_title : seq< string_literal > {};
struct agreement_open : one< '{' > {};
struct agreement_close : one< '}' > {};
struct document_id : seq< ident > {};
struct documents_clause : seq< kw_documents, sp, must< document_id >, star< comma, must< document_id > > > {};
struct hours_per_fte_value : seq< integer > {};
struct hours_per_fte_clause : seq< kw_hours_per_fte, sp, must< hours_per_fte_value > > {};
struct agreement_clause : sor< since_clause, documents_clause, hours_per_fte_clause, tolerance_clause, article_clause > {};
struct agreement_decl : seq< kw_agreement, sp, must< agreement_id >, sp, must< agreement_title >, sp, must< agreement_open >, sp, block< agreement_clause, agreement_close > > {};

// ---- party -------------------------------------------------------------------------------------------

struct party_id : seq< ident > {};
struct party_name : seq< string_literal > {};
struct party_open : one< '{' > {};
struct party_close : one< '}' > {};
struct role_id : seq< ident > {};
struct roles_clause : seq< kw_roles, sp, must< role_id >, star< comma, must< role_id > > > {};
struct inhabitants_value : seq< integer > {};
struct inhabitants_clause : seq< kw_inhabitants, sp, must< inhabitants_value > > {};
struct party_clause : sor< roles_clause, inhabitants_clause, article_clause > {};
struct party_decl : seq< kw_party, sp, must< party_id >, sp, must< party_name >, sp, must< party_open >, sp, block< party_clause, party_close > > {};

// ---- executor ----------------------------------------------------------------------------------------

struct executor_id : seq< ident > {};
struct executor_name : seq< string_literal > {};
struct executor_open : one< '{' > {};
struct executor_close : one< '}' > {};
struct employer_party : seq< ident > {};
struct employer_clause : seq< kw_employer, sp, must< employer_party > > {};
struct part_of_party : seq< ident > {};
struct part_of_clause : seq< kw_part_of, sp, must< part_of_party > > {};
struct served_party : seq< ident > {};
struct serves_clause : seq< kw_serves, sp, must< served_party >, star< comma, must< served_party > > > {};
struct until_date : seq< date > {};
struct until_clause : seq< kw_until, sp, must< until_date > > {};
struct executor_clause : sor< employer_clause, part_of_clause, serves_clause, since_clause, until_clause, article_clause > {};
struct executor_decl : seq< kw_executor, sp, must< executor_id >, sp, must< executor_name >, sp, must< executor_open >, sp, block< executor_clause, executor_close > > {};

// ---- period ------------------------------------------------------------------------------------------

struct period_id : seq< ident > {};
struct period_title : seq< string_literal > {};
struct period_start : seq< date > {};
struct period_dots : string< '.', '.' > {};
struct period_end : seq< date > {};
struct provisional_milestone : seq< ident > {};
struct provisional_until : seq< kw_until, sp, must< provisional_milestone > > {};
struct provisional_clause : seq< kw_provisional, opt< sp, provisional_until > > {};
struct period_decl : seq< kw_period, sp, must< period_id >, sp, must< period_title >, sp, must< period_start >, sp, must< period_dots >, sp, must< period_end >, opt< sp, provisional_clause >, opt< sp, article_clause > > {};

// ---- milestone ---------------------------------------------------------------------------------------

struct milestone_id : seq< ident > {};
struct milestone_title : seq< string_literal > {};
struct milestone_open : one< '{' > {};
struct milestone_close : one< '}' > {};
struct due_date : seq< date > {};
struct due_clause : seq< kw_due, sp, must< due_date > > {};
struct milestone_clause : sor< due_clause, article_clause > {};
struct milestone_decl : seq< kw_milestone, sp, must< milestone_id >, sp, must< milestone_title >, sp, must< milestone_open >, sp, block< milestone_clause, milestone_close > > {};

// ---- task --------------------------------------------------------------------------------------------

struct task_id : seq< ident > {};
struct task_title : seq< string_literal > {};
struct task_open : one< '{' > {};
struct task_close : one< '}' > {};
struct task_taakveld_code : seq< taakveld_code > {};
struct taakveld_from_year : seq< year > {};
struct taakveld_from : seq< kw_from, sp, must< taakveld_from_year > > {};
struct taakveld_until_year : seq< year > {};
struct taakveld_until : seq< kw_until, sp, must< taakveld_until_year > > {};
struct taakveld_clause : seq< kw_taakveld, sp, must< task_taakveld_code >, star< comma, must< task_taakveld_code > >, opt< sp, taakveld_from >, opt< sp, taakveld_until > > {};
struct responsible_party : seq< ident > {};
struct responsible_clause : seq< kw_responsible, sp, must< responsible_party > > {};
struct executed_by_executor : seq< ident > {};
struct executed_by_from : seq< kw_from > {};
struct executed_by_date : seq< date > {};
struct executed_by_clause : seq< kw_executed_by, sp, must< executed_by_executor >, sp, must< executed_by_from >, sp, must< executed_by_date > > {};
struct returned_to_who : seq< ident > {};
struct returned_to_from : seq< kw_from > {};
struct returned_to_date : seq< date > {};
struct returned_to_clause : seq< kw_returned_to, sp, must< returned_to_who >, sp, must< returned_to_from >, sp, must< returned_to_date > > {};
struct basic_during : seq< kw_during > {};
struct basic_period : seq< ident > {};
struct basic_clause : seq< kw_basic, sp, must< basic_during >, sp, must< basic_period >, star< comma, must< basic_period > > > {};
struct for_party : seq< ident > {};
struct task_for_clause : seq< kw_for, sp, must< for_party >, star< comma, must< for_party > > > {};
struct task_clause : sor< taakveld_clause, responsible_clause, executed_by_clause, returned_to_clause, basic_clause, task_for_clause, article_clause > {};
struct task_decl : seq< kw_task, sp, must< task_id >, sp, must< task_title >, sp, must< task_open >, sp, block< task_clause, task_close > > {};

// ---- contribution ------------------------------------------------------------------------------------

struct contribution_id : seq< ident > {};
struct contribution_title : seq< string_literal > {};
struct contribution_open : one< '{' > {};
struct contribution_close : one< '}' > {};
struct payer_party : seq< ident > {};
struct payer_clause : seq< kw_payer, sp, must< payer_party > > {};
struct payee_executor : seq< ident > {};
struct payee_clause : seq< kw_payee, sp, must< payee_executor > > {};
struct contribution_colon : one< ':' > {};
struct contribution_amount : seq< money > {};
struct contribution_line : seq< year, sp, must< contribution_colon >, sp, must< contribution_amount > > {};
struct indexation_year : seq< year > {};
struct indexation_colon : one< ':' > {};
struct indexation_rate : seq< percent > {};
struct indexation_line : seq< kw_indexation, sp, must< indexation_year >, sp, must< indexation_colon >, sp, must< indexation_rate > > {};
struct contribution_clause : sor< payer_clause, payee_clause, contribution_line, indexation_line, article_clause > {};
struct contribution_decl : seq< kw_contribution, sp, must< contribution_id >, sp, must< contribution_title >, sp, must< contribution_open >, sp, block< contribution_clause, contribution_close > > {};

// ---- saving ------------------------------------------------------------------------------------------

struct saving_id : seq< ident > {};
struct saving_title : seq< string_literal > {};
struct saving_open : one< '{' > {};
struct saving_close : one< '}' > {};
struct saving_contribution : seq< ident > {};
struct on_clause : seq< kw_on, sp, must< saving_contribution > > {};
struct base_year : seq< year > {};
struct base_clause : seq< kw_base, sp, must< base_year > > {};
struct saving_from_year : seq< year > {};
struct saving_from_clause : seq< kw_from, sp, must< saving_from_year > > {};
struct rate_value : seq< percent > {};
struct rate_clause : seq< kw_rate, sp, must< rate_value > > {};
struct amount_value : seq< money > {};
struct amount_clause : seq< kw_amount, sp, must< amount_value > > {};
struct saving_clause : sor< on_clause, base_clause, saving_from_clause, rate_clause, amount_clause, article_clause > {};
struct saving_decl : seq< kw_saving, sp, must< saving_id >, sp, must< saving_title >, sp, must< saving_open >, sp, block< saving_clause, saving_close > > {};

// ---- benchmark ---------------------------------------------------------------------------------------

struct benchmark_id : seq< ident > {};
struct benchmark_title : seq< string_literal > {};
struct benchmark_open : one< '{' > {};
struct benchmark_close : one< '}' > {};
struct source_text : seq< string_literal > {};
struct source_clause : seq< kw_source, sp, must< source_text > > {};
struct benchmark_year : seq< year > {};
struct benchmark_year_clause : seq< kw_year, sp, must< benchmark_year > > {};
struct benchmark_code : seq< taakveld_code > {};
struct benchmark_colon : one< ':' > {};
struct benchmark_amount : seq< money > {};
struct per_inhabitant : seq< kw_per, sp, kw_inhabitant > {};
struct benchmark_entry : seq< kw_taakveld, sp, must< benchmark_code >, sp, must< benchmark_colon >, sp, must< benchmark_amount >, sp, must< per_inhabitant > > {};
struct benchmark_clause : sor< source_clause, benchmark_year_clause, tolerance_clause, benchmark_entry, article_clause > {};
struct benchmark_decl : seq< kw_benchmark, sp, must< benchmark_id >, sp, must< benchmark_title >, sp, must< benchmark_open >, sp, block< benchmark_clause, benchmark_close > > {};

// ---- rule --------------------------------------------------------------------------------------------

struct rule_id : seq< ident > {};
struct rule_title : seq< string_literal > {};
struct rule_severity : sor< kw_error, kw_warning, kw_info > {};
struct rule_open : one< '{' > {};
struct rule_close : one< '}' > {};
struct for_activity : seq< kw_activity > {};
struct for_variable : seq< ident > {};
struct for_clause : seq< kw_for, sp, must< for_activity >, sp, must< for_variable > > {};
struct let_name : seq< ident > {};
struct let_equals : seq< one< '=' >, not_at< one< '=' > > > {};
struct let_value : seq< or_expr > {};
struct let_clause : seq< kw_let, sp, must< let_name >, sp, must< let_equals >, sp, must< let_value > > {};
struct when_condition : seq< or_expr > {};
struct when_clause : seq< kw_when, sp, must< when_condition > > {};
struct require_condition : seq< or_expr > {};
struct require_clause : seq< kw_require, sp, must< require_condition > > {};
// A message string with `{EXPRESSION}` holes, parsed in place: `{{` and `}}` are literal braces, and a hole
// holds one expression (strings cannot be written inside a hole: the quote would end the message).
struct template_brace : sor< string< '{', '{' >, string< '}', '}' > > {};
struct template_char : not_one< '"', '\\', '\n', '\r', '{', '}' > {};
struct template_text : plus< sor< template_brace, template_char, escaped > > {};
struct template_hole_expression : seq< or_expr > {};
struct template_hole_close : one< '}' > {};
struct template_hole : seq< one< '{' >, sp, must< template_hole_expression >, sp, must< template_hole_close > > {};
struct template_stray_brace : failure {};
struct template_stray : seq< at< one< '}' > >, tao::pegtl::raise< template_stray_brace > > {};
struct message_template : seq< one< '"' >, star< sor< template_text, template_hole, template_stray > >, must< string_end > > {};
struct message_text : seq< message_template > {};
struct message_nl_text : seq< message_template > {};
struct message_nl_clause : seq< kw_message, sp, kw_nl, sp, must< message_nl_text > > {};
struct message_clause : seq< kw_message, sp, must< message_text > > {};
struct rule_clause : sor< for_clause, let_clause, when_clause, require_clause, message_nl_clause, message_clause, article_clause > {};
struct rule_decl : seq< kw_rule, sp, must< rule_id >, sp, must< rule_title >, sp, must< rule_severity >, sp, must< rule_open >, sp, block< rule_clause, rule_close > > {};

// ---- include and the file ----------------------------------------------------------------------------

struct include_path : seq< string_literal > {};
struct include_decl : seq< kw_include, sp, must< include_path > > {};

struct declaration : sor< agreement_decl, party_decl, executor_decl, period_decl, milestone_decl, task_decl, contribution_decl, saving_decl, benchmark_decl, rule_decl, include_decl > {};
// A declaration keyword followed by a name or a string: `period.basis.from` in a rule's expression is none.
struct declaration_start : seq< first_of_each< declaration >, plus< blank >, sor< ident_first, one< '"' > > > {};
struct end_of_file : eof {};
struct grammar : seq< opt< utf8::bom >, sp, star< recovering< declaration, end_of_file >, sp >, must< end_of_file > > {};

// clang-format on

}  // namespace akkoord::dsl

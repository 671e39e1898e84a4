// The syntax tree of an agreement file. Plain structs that own their strings; every node keeps its span.
// No PEGTL type appears here: everything downstream of the parser sees only this header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "akkoord/date.hpp"
#include "akkoord/exact.hpp"
#include "akkoord/source.hpp"

namespace akkoord::ast {

struct identifier {
  std::string name;
  source_span span;
};

struct string_literal {
  std::string value;  // escapes resolved
  source_span span;
};

struct integer_literal {
  std::int64_t value = 0;
  source_span span;
};

// Kept as written: whether it is a real calendar date is the validator's `invalid-date` check.
struct date_literal {
  int year = 0, month = 0, day = 0;
  source_span span;
  civil_date value() const { return {year, month, day}; }
};

struct money_literal {
  std::int64_t cents = 0;  // exact; the parser reports overflow and >2 decimals as syntax errors
  source_span span;
};

struct percent_literal {
  decimal value;  // 1.5 for "1.5%"
  source_span span;
};

struct taakveld_code {
  std::string code;  // as written: "0.10" is not "0.1"
  source_span span;
};

// ---- rule expressions ------------------------------------------------------------------------------

enum class expr_kind {
  integer,   // value: int64
  decimal,   // value: decimal
  money,     // value: cents
  percent,   // value: decimal (1.5 for 1.5%)
  date,      // value: date_literal
  string,    // value: std::string
  boolean,   // value: bool (`true` / `false`)
  path,      // path: segments; operands[0] (optional) is the `[index]`
  call,      // name: function; operands: arguments; where_clause for aggregates
  unary,     // name: "-" | "not"; operands[0]
  binary,    // name: "or" "and" "==" "!=" "<" "<=" ">" ">=" "in" "+" "-" "*" "/"; operands[0..1]
  list,      // operands: elements
};

struct expr {
  expr_kind kind = expr_kind::integer;
  source_span span;  // the whole sub-expression
  std::variant<std::monostate, std::int64_t, decimal, date_literal, std::string, bool> value;
  std::string name;                 // operator or function name
  source_span name_span;            // the operator or function name itself
  std::vector<identifier> path;     // for expr_kind::path: `contribution.total` -> {contribution, total}
  std::vector<expr> operands;
  std::vector<expr> where_clause;   // zero or one element: `sum(x where cond)`
  bool has_index = false;           // path `x.y[EXPR]`: operands[0] is the index
};

// ---- declarations --------------------------------------------------------------------------------

// `article DOCUMENT "text"`: the article of a source document (named in `documents`) that a clause comes from.
// Findings whose related clause carries one cite it.
struct article_ref {
  identifier document;
  string_literal text;  // "artikel 4 lid 2"
  source_span span;
};

struct agreement_decl {
  identifier id;
  string_literal title;
  std::optional<date_literal> since;
  std::vector<identifier> documents;
  std::optional<integer_literal> hours_per_fte;
  std::optional<percent_literal> tolerance;
  std::optional<article_ref> article;
  source_span span;  // the keyword `agreement` to the closing brace
};

struct party_decl {
  identifier id;
  string_literal name;
  std::vector<identifier> roles;
  std::optional<integer_literal> inhabitants;
  std::optional<article_ref> article;
  source_span span;
};

struct executor_decl {
  enum class relation { employer, part_of };
  identifier id;
  string_literal name;
  relation kind = relation::employer;
  identifier owner;  // the PARTY after `employer` or `part_of`
  std::vector<identifier> serves;
  std::optional<date_literal> since;  // the executor exists from this day …
  std::optional<date_literal> until;  // … up to and including this day
  std::optional<article_ref> article;
  source_span span;
};

struct period_decl {
  identifier id;
  string_literal title;
  date_literal from;
  date_literal to;
  bool provisional = false;
  std::optional<identifier> until;  // milestone
  std::optional<article_ref> article;
  source_span span;
};

struct milestone_decl {
  identifier id;
  string_literal title;
  date_literal due;
  std::optional<article_ref> article;
  source_span span;
};

struct taakveld_clause {
  std::vector<taakveld_code> codes;
  std::optional<integer_literal> from_year;
  std::optional<integer_literal> until_year;
  source_span span;
};

struct timeline_entry {
  enum class kind { executed_by, returned_to };
  kind what = kind::executed_by;
  identifier who;  // executor (executed_by) or executor/party (returned_to)
  date_literal from;
  source_span span;  // the whole clause
};

struct task_decl {
  identifier id;
  string_literal title;
  std::vector<taakveld_clause> taakvelden;
  std::optional<identifier> responsible;
  std::vector<timeline_entry> timeline;  // in source order
  std::vector<identifier> basic_during;  // periods
  source_span basic_span;                // the `basic during …` clause, when present
  std::vector<identifier> for_parties;   // `for PARTY, …`: whose plans the task belongs in (empty: `responsible`)
  source_span for_span;                  // the `for …` clause, when present
  std::optional<article_ref> article;
  source_span span;
};

struct contribution_amount {
  integer_literal year;
  money_literal amount;
  source_span span;
};

// `indexation YEAR: PERCENT`: the year's amount is the year before's × (1 + PERCENT), when not declared itself.
struct contribution_indexation {
  integer_literal year;
  percent_literal rate;
  source_span span;
};

struct contribution_decl {
  identifier id;
  string_literal title;
  std::optional<identifier> payer;  // party
  std::optional<identifier> payee;  // executor
  std::vector<contribution_amount> amounts;
  std::vector<contribution_indexation> indexations;
  std::optional<article_ref> article;
  source_span span;
};

struct saving_decl {
  identifier id;
  string_literal title;
  std::optional<identifier> on;  // contribution
  std::optional<integer_literal> base;
  std::optional<integer_literal> from;
  std::optional<percent_literal> rate;
  std::optional<money_literal> amount;
  std::optional<article_ref> article;
  source_span span;
};

struct benchmark_entry {
  taakveld_code code;
  money_literal per_inhabitant;
  source_span span;
};

struct benchmark_decl {
  identifier id;
  string_literal title;
  std::optional<string_literal> source;
  std::optional<integer_literal> year;
  std::optional<percent_literal> tolerance;
  std::vector<benchmark_entry> entries;
  std::optional<article_ref> article;
  source_span span;
};

struct let_binding {
  identifier name;
  expr value;
  source_span span;
};

// A `message` string, split by the parser at its `{EXPRESSION}` holes: each hole is parsed in place, so its
// spans point into the agreement file.
struct message_piece {
  std::string text;           // literal text, escapes and `{{` `}}` resolved (empty for a hole)
  std::optional<expr> value;  // a `{EXPRESSION}` hole
  source_span span;           // the piece as written (a hole: from `{` to `}`)
};

struct message_template {
  string_literal text;  // the whole string; `value` is the text as written with escapes resolved
  std::vector<message_piece> pieces;
};

struct rule_decl {
  identifier id;
  string_literal title;
  identifier severity;  // `error` | `warning` | `info`, checked by the parser
  std::optional<identifier> for_activity;  // the loop variable of `for activity NAME`
  std::vector<let_binding> lets;
  std::optional<expr> when;
  expr require;
  source_span require_span;  // the `require` clause
  std::optional<message_template> message;     // `message "…"`: English (and Dutch when no `message nl`)
  std::optional<message_template> message_nl;  // `message nl "…"`
  std::optional<article_ref> article;
  source_span span;
};

struct include_decl {
  string_literal path;
  source_span span;
};

using declaration = std::variant<agreement_decl, party_decl, executor_decl, period_decl, milestone_decl, task_decl,
                                 contribution_decl, saving_decl, benchmark_decl, rule_decl, include_decl>;

struct file {
  const source_file* source = nullptr;
  std::vector<declaration> declarations;  // in source order
};

}  // namespace akkoord::ast

// The compiled form of custom rules: per rule a flat array of typed nodes, resolved once when the agreement
// loads. Evaluation (evaluate.cpp) only switches on precomputed opcodes; no names are looked up per plan.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/exact.hpp"
#include "akkoord/parser/ast.hpp"

namespace akkoord::rules_detail {

// ---- types ---------------------------------------------------------------------------------------------

enum class vtype : std::uint8_t { boolean, integer, decimal, money, percent, date, string, list, activity, unknown };

struct type_t {
  vtype kind = vtype::unknown;
  vtype element = vtype::unknown;  // lists only; unknown for `[]`
  friend bool operator==(const type_t&, const type_t&) = default;
};

bool is_number(vtype t);  // integer or decimal

// "money", "an integer", "a list of strings" (en) / "een geldbedrag", ... (nl)
text describe(type_t t);

// ---- values at run time: the static type says which member counts ------------------------------------

struct value {
  std::int64_t i = 0;  // boolean (0/1), integer, money (cents), date (days since 1970-01-01)
  decimal d;           // decimal, percent (1.5 for 1.5%)
  std::string_view s;  // string: points into the plan or the agreement's syntax tree
};

// ---- nodes ---------------------------------------------------------------------------------------------

enum class opcode : std::uint8_t {
  constant,  // `constant`: literals and values fixed by the agreement (`period.basis.from`)
  plan_year,
  plan_municipality,
  plan_status,  // "concept" when the plan leaves it out
  plan_adopted,
  contribution_total,
  contribution_id,
  activity_field,       // `field` of the loop variable (of_element = false) or of the aggregate's element
  contribution_year,    // kids[0]: the year; `contribution` names the declaration
  milestone_completed,  // `key`: milestone id; the plan's `[[milestone]] completed`
  let_ref,              // `slot`: the let
  negate,
  logical_not,
  logical_and,
  logical_or,
  compare,     // `cmp` with `compare_as`
  in_list,     // kids[0]: needle; kids[1]: a `list` node
  list,        // kids: elements
  arithmetic,  // `arith`
  aggregate,   // `agg`; kids[0]: argument (-1 for a bare `activity`); `where_node`; `slot`: cache
  has,         // kids[0]: a path that may be absent
  year_of,
  days_between,
  round_value,
  previous_plan,  // kids[0] evaluated on last year's plan of the municipality; absent when the run has none
};

enum class activity_field_id : std::uint8_t {
  id,
  task,
  executor,
  responsible,
  taakveld,
  description,
  budget,
  fte,
  hours,
  from,
  to
};

enum class cmp_op : std::uint8_t { eq, ne, lt, le, gt, ge };
enum class compare_as : std::uint8_t { integer, decimal, money, percent, date, string, boolean };

enum class arith_op : std::uint8_t {
  int_add,
  int_sub,
  int_mul,
  int_div,  // int_div gives a decimal
  dec_add,
  dec_sub,
  dec_mul,
  dec_div,  // operands integer or decimal
  money_add,
  money_sub,
  money_mul_int,
  money_mul_dec,
  money_mul_pct,  // money is kids[0] (the compiler swaps `2 * EUR 5`)
  money_div_money,
  money_div_int,
  money_div_dec,
  money_div_pct,
  pct_add,
  pct_sub,
  pct_mul_num,
  pct_mul_pct,
  pct_div_num,
  pct_div_pct,  // pct_mul_num: percent is kids[0]
  date_sub_date,
  date_add_int,
  date_sub_int,  // date_add_int: the date is kids[0]
};

enum class aggregate_op : std::uint8_t { sum, count, min, max, avg };

struct node {
  opcode op = opcode::constant;
  type_t type;
  source_span span;            // the sub-expression in the agreement (for fault findings)
  bool invariant = true;       // does not depend on the `for activity` loop variable
  std::vector<int> kids;
  value constant;
  activity_field_id field = activity_field_id::id;
  bool of_element = false;
  cmp_op cmp = cmp_op::eq;
  compare_as compare_type = compare_as::integer;
  arith_op arith = arith_op::int_add;
  aggregate_op agg = aggregate_op::sum;
  int where_node = -1;
  int slot = -1;
  const ast::contribution_decl* contribution = nullptr;
  std::string key;
};

// A piece of a rule's message: literal text, or an interpolated `{EXPR}` (node >= 0).
struct message_part {
  std::string literal;
  int node = -1;
};

struct let_slot {
  int node = -1;
  bool invariant = true;
  bool reads_previous = false;  // contains `previous(…)`: cannot be used inside another `previous`
};

struct compiled_rule {
  const ast::rule_decl* decl = nullptr;
  std::string finding_id;  // "rule:ID"
  severity level = severity::error;
  bool per_activity = false;
  bool runnable = false;  // type-checked without errors
  std::vector<node> nodes;
  std::vector<let_slot> lets;
  int aggregate_slots = 0;
  int when = -1;
  int require = -1;
  std::vector<message_part> message;     // `message`; both empty: use the title
  std::vector<message_part> message_nl;  // `message nl`; empty: `message` serves Dutch too
};

struct program {
  std::vector<compiled_rule> rules;
  std::vector<std::string> rule_ids;
  diagnostics type_errors;
};

// Deepest expression the compiler accepts: keeps its recursion (and the evaluator's) bounded.
inline constexpr int max_expression_depth = 512;
// Largest rule the compiler accepts, in nodes (operators, names and values of its `let`s, `when`, `require` and
// messages together): each node is evaluated per plan or per activity, so this bounds a rule's cost.
inline constexpr std::size_t max_rule_nodes = 10'000;

}  // namespace akkoord::rules_detail

// The type checker. Every name is resolved and every operator checked against the type table of
// language.md once, when the agreement loads; errors point at the smallest sub-expression that is wrong.
#include "compile.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "akkoord/validator/suggest.hpp"

namespace akkoord::rules_detail {
namespace {

using namespace std::string_literals;

type_t scalar(vtype k) { return {k, vtype::unknown}; }

std::string quoted(std::string_view s) { return "`" + std::string(s) + "`"; }

diagnostic type_error(source_span where, text message, std::optional<text> help) {
  diagnostic d;
  d.id = "rule-type-error";
  d.level = severity::error;
  d.message = std::move(message);
  d.primary = where;
  d.help = std::move(help);
  return d;
}

text did_you_mean_help(const std::string& suggestion) {
  return did_you_mean_text(suggestion);
}

std::string join(const std::vector<std::string>& items, std::string_view last_word) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " " + std::string(last_word) + " " : ", ";
    out += items[i];
  }
  return out;
}

text join_types(const std::vector<type_t>& types) {
  std::vector<std::string> en, nl;
  for (const auto& t : types) {
    const text d = describe(t);
    en.push_back(d.en);
    nl.push_back(d.nl);
  }
  return {join(en, "or"), join(nl, "of")};
}

std::string quoted_list(const std::vector<std::string_view>& names, std::string_view last_word) {
  std::vector<std::string> q;
  for (auto n : names) q.push_back(quoted(n));
  return join(q, last_word);
}

// The text of a span as written in the agreement (for help such as "write `EUR 5`").
std::string source_text(source_span s) {
  if (s.file == nullptr || !s.valid()) return {};
  const std::size_t b = s.file->offset_of(s.begin), e = s.file->offset_of(s.end);
  const std::string_view all = s.file->text();
  if (b >= e || e > all.size()) return {};
  return std::string(all.substr(b, e - b));
}

struct field_entry {
  std::string_view name;
  activity_field_id id;
  vtype type;
};

constexpr std::array<field_entry, 11> activity_fields{{
    {"id", activity_field_id::id, vtype::string},
    {"task", activity_field_id::task, vtype::string},
    {"executor", activity_field_id::executor, vtype::string},
    {"responsible", activity_field_id::responsible, vtype::string},
    {"taakveld", activity_field_id::taakveld, vtype::string},
    {"budget", activity_field_id::budget, vtype::money},
    {"fte", activity_field_id::fte, vtype::decimal},
    {"hours", activity_field_id::hours, vtype::integer},
    {"from", activity_field_id::from, vtype::date},
    {"to", activity_field_id::to, vtype::date},
    {"description", activity_field_id::description, vtype::string},
}};

std::vector<std::string_view> activity_field_names() {
  std::vector<std::string_view> out;
  for (const auto& f : activity_fields) out.push_back(f.name);
  return out;
}

constexpr std::array<std::string_view, 7> root_names{"plan",   "contribution", "agreement", "milestone",
                                                     "period", "saving",       "party"};
constexpr std::array<std::string_view, 10> function_names{"sum", "count", "min",   "max",  "avg",
                                                          "has", "year",  "days", "round", "previous"};

struct arith_rule {
  arith_op op;
  vtype result;
  bool swap;  // the compiler puts money / percent / date first
};

std::optional<arith_rule> arithmetic_rule(char op, vtype l, vtype r) {
  using v = vtype;
  const bool numbers = is_number(l) && is_number(r);
  const bool integers = l == v::integer && r == v::integer;
  switch (op) {
    case '+':
      if (integers) return arith_rule{arith_op::int_add, v::integer, false};
      if (numbers) return arith_rule{arith_op::dec_add, v::decimal, false};
      if (l == v::money && r == v::money) return arith_rule{arith_op::money_add, v::money, false};
      if (l == v::percent && r == v::percent) return arith_rule{arith_op::pct_add, v::percent, false};
      if (l == v::date && r == v::integer) return arith_rule{arith_op::date_add_int, v::date, false};
      if (l == v::integer && r == v::date) return arith_rule{arith_op::date_add_int, v::date, true};
      break;
    case '-':
      if (integers) return arith_rule{arith_op::int_sub, v::integer, false};
      if (numbers) return arith_rule{arith_op::dec_sub, v::decimal, false};
      if (l == v::money && r == v::money) return arith_rule{arith_op::money_sub, v::money, false};
      if (l == v::percent && r == v::percent) return arith_rule{arith_op::pct_sub, v::percent, false};
      if (l == v::date && r == v::date) return arith_rule{arith_op::date_sub_date, v::integer, false};
      if (l == v::date && r == v::integer) return arith_rule{arith_op::date_sub_int, v::date, false};
      break;
    case '*':
      if (integers) return arith_rule{arith_op::int_mul, v::integer, false};
      if (numbers) return arith_rule{arith_op::dec_mul, v::decimal, false};
      if (l == v::money && r == v::integer) return arith_rule{arith_op::money_mul_int, v::money, false};
      if (l == v::integer && r == v::money) return arith_rule{arith_op::money_mul_int, v::money, true};
      if (l == v::money && r == v::decimal) return arith_rule{arith_op::money_mul_dec, v::money, false};
      if (l == v::decimal && r == v::money) return arith_rule{arith_op::money_mul_dec, v::money, true};
      if (l == v::money && r == v::percent) return arith_rule{arith_op::money_mul_pct, v::money, false};
      if (l == v::percent && r == v::money) return arith_rule{arith_op::money_mul_pct, v::money, true};
      if (l == v::percent && is_number(r)) return arith_rule{arith_op::pct_mul_num, v::percent, false};
      if (is_number(l) && r == v::percent) return arith_rule{arith_op::pct_mul_num, v::percent, true};
      if (l == v::percent && r == v::percent) return arith_rule{arith_op::pct_mul_pct, v::percent, false};
      break;
    case '/':
      if (integers) return arith_rule{arith_op::int_div, v::decimal, false};
      if (numbers) return arith_rule{arith_op::dec_div, v::decimal, false};
      if (l == v::money && r == v::money) return arith_rule{arith_op::money_div_money, v::decimal, false};
      if (l == v::money && r == v::integer) return arith_rule{arith_op::money_div_int, v::money, false};
      if (l == v::money && r == v::decimal) return arith_rule{arith_op::money_div_dec, v::money, false};
      if (l == v::money && r == v::percent) return arith_rule{arith_op::money_div_pct, v::money, false};
      if (l == v::percent && is_number(r)) return arith_rule{arith_op::pct_div_num, v::percent, false};
      if (l == v::percent && r == v::percent) return arith_rule{arith_op::pct_div_pct, v::decimal, false};
      break;
    default:
      break;
  }
  return std::nullopt;
}

constexpr std::array<vtype, 7> scalar_types{vtype::integer, vtype::decimal, vtype::money,  vtype::percent,
                                            vtype::date,    vtype::string,  vtype::boolean};

std::optional<compare_as> comparison_rule(vtype l, vtype r) {
  if (is_number(l) && is_number(r))
    return l == vtype::integer && r == vtype::integer ? compare_as::integer : compare_as::decimal;
  if (l != r) return std::nullopt;
  switch (l) {
    case vtype::money:
      return compare_as::money;
    case vtype::percent:
      return compare_as::percent;
    case vtype::date:
      return compare_as::date;
    case vtype::string:
      return compare_as::string;
    case vtype::boolean:
      return compare_as::boolean;
    default:
      return std::nullopt;
  }
}

bool is_number_literal(const ast::expr& e) {
  if (e.kind == ast::expr_kind::integer || e.kind == ast::expr_kind::decimal) return true;
  return e.kind == ast::expr_kind::unary && e.name == "-" && e.operands.size() == 1 && is_number_literal(e.operands[0]);
}

bool is_literal(const ast::expr& e) {
  switch (e.kind) {
    case ast::expr_kind::integer:
    case ast::expr_kind::decimal:
    case ast::expr_kind::money:
    case ast::expr_kind::percent:
    case ast::expr_kind::date:
    case ast::expr_kind::string:
    case ast::expr_kind::boolean:
      return true;
    default:
      return is_number_literal(e);
  }
}

struct scope {
  std::optional<std::string> loop;  // the `for activity NAME` variable
  bool in_aggregate = false;
  bool in_previous = false;  // inside `previous(…)`: last year's plan has no loop variable
  const std::map<std::string, int, std::less<>>* lets = nullptr;  // lets defined so far -> slot
};

// A sentinel for a bare `activity` (or loop variable), accepted only as the argument of count().
constexpr int bare_activity = -2;

class rule_compiler {
 public:
  rule_compiler(const agreement_model& model, compiled_rule& rule, program& prog)
      : model_(model), rule_(rule), errors_(prog.type_errors) {}

  void compile_rule();

 private:
  // A message template: the parser split it; each `{EXPR}` compiles like any expression of the rule.
  std::vector<message_part> compile_message(const ast::message_template& message, const scope& sc) {
    std::vector<message_part> parts;
    for (const auto& piece : message.pieces) {
      message_part part;
      if (!piece.value) {
        part.literal = piece.text;
      } else {
        part.node = compile(*piece.value, sc, 1);
        if (part.node >= 0 && type_of(part.node).kind == vtype::activity) part.node = -1;
      }
      parts.push_back(std::move(part));
    }
    return parts;
  }

  // ---- bookkeeping ----
  int add(node n) {
    int d = 0;
    for (int k : n.kids)
      if (k >= 0) d = std::max(d, depth_of(k));
    if (n.where_node >= 0) d = std::max(d, depth_of(n.where_node));
    if (n.op == opcode::let_ref) d = std::max(d, depth_of(rule_.lets[static_cast<std::size_t>(n.slot)].node));
    rule_.nodes.push_back(std::move(n));
    eval_depth_.push_back(d + 1);
    return static_cast<int>(rule_.nodes.size() - 1);
  }
  int depth_of(int index) const { return index >= 0 ? eval_depth_[static_cast<std::size_t>(index)] : 0; }
  const node& at(int index) const { return rule_.nodes[static_cast<std::size_t>(index)]; }
  type_t type_of(int index) const { return at(index).type; }

  int fail(source_span where, text message, std::optional<text> help = std::nullopt, std::vector<label> related = {},
           std::vector<text> notes = {}) {
    diagnostic d = type_error(where, std::move(message), std::move(help));
    d.related = std::move(related);
    d.notes = std::move(notes);
    errors_.push_back(std::move(d));
    return -1;
  }

  int constant(type_t t, value v, source_span span) {
    node n;
    n.op = opcode::constant;
    n.type = t;
    n.constant = v;
    n.span = span;
    return add(std::move(n));
  }

  label type_label(int index) const {
    const text d = describe(type_of(index));
    return {at(index).span, {"this is " + d.en, "dit is " + d.nl}};
  }

  // ---- expressions ----
  int compile(const ast::expr& e, const scope& sc, int depth, bool allow_bare = false);
  int compile_literal(const ast::expr& e);
  int compile_list(const ast::expr& e, const scope& sc, int depth);
  int compile_path(const ast::expr& e, const scope& sc, int depth, bool allow_bare);
  int compile_activity_path(const ast::expr& e, bool of_element, bool allow_bare);
  int compile_let_path(const ast::expr& e, const scope& sc, int slot);
  int compile_plan_path(const ast::expr& e);
  int compile_contribution_path(const ast::expr& e, const scope& sc, int depth);
  int compile_agreement_path(const ast::expr& e);
  int compile_declaration_path(const ast::expr& e);
  int compile_call(const ast::expr& e, const scope& sc, int depth);
  int compile_previous(const ast::expr& e, const scope& sc, int depth);
  int compile_aggregate(const ast::expr& e, const scope& sc, int depth, aggregate_op op);
  int compile_unary(const ast::expr& e, const scope& sc, int depth);
  int compile_binary(const ast::expr& e, const scope& sc, int depth);
  int compile_comparison(const ast::expr& e, int left, int right, cmp_op op);
  int compile_in(const ast::expr& e, int left, int right);
  int compile_arithmetic(const ast::expr& e, int left, int right);

  // Checks that `index` is a condition; `context` names where it stands ("`require`", "`and`").
  bool expect_condition(int index, const ast::expr& e, const std::string& context);
  int path_shape_error(const ast::expr& e, std::size_t wanted_segments, const std::vector<std::string_view>& fields);
  int no_index(const ast::expr& e);
  int loop_variable_in_previous(source_span where, const std::string& name);
  int nested_previous(source_span where);

  const agreement_model& model_;
  compiled_rule& rule_;
  diagnostics& errors_;
  std::vector<int> eval_depth_;
  bool depth_reported_ = false;
  int previous_calls_ = 0;  // `previous(…)` compiled so far (tells which lets read last year's plan)
};

void rule_compiler::compile_rule() {
  const ast::rule_decl& decl = *rule_.decl;
  std::map<std::string, int, std::less<>> lets;
  scope sc;
  if (decl.for_activity) sc.loop = decl.for_activity->name;
  sc.lets = &lets;

  std::map<std::string, const ast::let_binding*, std::less<>> let_decls;
  for (const auto& binding : decl.lets) {
    const std::string& name = binding.name.name;
    const bool reserved = std::find(root_names.begin(), root_names.end(), name) != root_names.end() ||
                          name == "activity" || (sc.loop && name == *sc.loop);
    if (reserved) {
      fail(binding.name.span,
           {"`let " + name + "` hides the built-in name " + quoted(name),
            "`let " + name + "` verbergt de ingebouwde naam " + quoted(name)},
           text{"choose another name", "kies een andere naam"});
    } else if (auto it = let_decls.find(name); it != let_decls.end()) {
      fail(binding.name.span,
           {quoted(name) + " is already defined by a `let` of this rule",
            quoted(name) + " is al gedefinieerd door een `let` van deze regel"},
           text{"choose another name", "kies een andere naam"},
           {label{it->second->name.span, {"first defined here", "hier voor het eerst gedefinieerd"}}});
    }
    const int previous_before = previous_calls_;
    const int n = compile(binding.value, sc, 1);
    let_slot slot;
    slot.node = n;
    slot.invariant = n < 0 || at(n).invariant;
    slot.reads_previous = previous_calls_ != previous_before;
    rule_.lets.push_back(slot);
    if (!reserved && !let_decls.count(name)) {
      let_decls.emplace(name, &binding);
      lets.emplace(name, static_cast<int>(rule_.lets.size() - 1));
    }
  }

  if (decl.when) {
    rule_.when = compile(*decl.when, sc, 1);
    expect_condition(rule_.when, *decl.when, "`when`");
  }
  rule_.require = compile(decl.require, sc, 1);
  expect_condition(rule_.require, decl.require, "`require`");

  if (decl.message) rule_.message = compile_message(*decl.message, sc);
  if (decl.message_nl) rule_.message_nl = compile_message(*decl.message_nl, sc);

  // Lets are evaluated where they are used, so chains of lets nest; bound the whole evaluation depth.
  int deepest = std::max(depth_of(rule_.when), depth_of(rule_.require));
  for (const auto& part : rule_.message) deepest = std::max(deepest, depth_of(part.node));
  for (const auto& part : rule_.message_nl) deepest = std::max(deepest, depth_of(part.node));
  if (deepest > 4 * max_expression_depth)
    fail(decl.id.span,
         {"rule " + quoted(decl.id.name) + " nests its expressions and lets too deeply to evaluate",
          "regel " + quoted(decl.id.name) + " heeft te diep geneste expressies en lets om te kunnen berekenen"},
         text{"split the calculation into fewer, flatter `let`s", "verdeel de berekening over meer `let`s die minder diep genest zijn"});
  if (rule_.nodes.size() > max_rule_nodes) {
    const std::string size = std::to_string(rule_.nodes.size()), limit = std::to_string(max_rule_nodes);
    fail(decl.id.span,
         {"rule " + quoted(decl.id.name) + " is too large: its expressions have " + size +
              " operators, names and values, more than the " + limit + " a rule may have",
          "regel " + quoted(decl.id.name) + " is te groot: de expressies bevatten " + size +
              " operatoren, namen en waarden, meer dan de " + limit + " die een regel mag hebben"},
         text{"split it into several rules", "verdeel de regel over meerdere regels"});
  }
}

bool rule_compiler::expect_condition(int index, const ast::expr& e, const std::string& context) {
  if (index < 0) return false;
  const type_t t = type_of(index);
  if (t.kind == vtype::boolean) return true;
  const text d = describe(t);
  std::optional<text> help;
  if (at(index).op == opcode::activity_field || at(index).op == opcode::plan_adopted ||
      at(index).op == opcode::contribution_total || at(index).op == opcode::contribution_id) {
    const std::string written = source_text(e.span);
    help = text{"to test whether it is given, write `has(" + written + ")`",
                "schrijf `has(" + written + ")` om na te gaan of het is ingevuld"};
  }
  fail(e.span,
       {context + " needs a condition (true or false), but this is " + d.en,
        context + " verwacht een voorwaarde (waar of onwaar), maar dit is " + d.nl},
       std::move(help));
  return false;
}

int rule_compiler::compile(const ast::expr& e, const scope& sc, int depth, bool allow_bare) {
  if (depth > max_expression_depth) {
    if (!depth_reported_)
      fail(e.span,
           {"expression is nested too deeply (more than " + std::to_string(max_expression_depth) + " levels)",
            "de expressie is te diep genest (meer dan " + std::to_string(max_expression_depth) + " niveaus)"},
           text{"split it with `let`", "splits de expressie op met `let`"});
    depth_reported_ = true;
    return -1;
  }
  switch (e.kind) {
    case ast::expr_kind::integer:
    case ast::expr_kind::decimal:
    case ast::expr_kind::money:
    case ast::expr_kind::percent:
    case ast::expr_kind::date:
    case ast::expr_kind::string:
    case ast::expr_kind::boolean:
      return compile_literal(e);
    case ast::expr_kind::list:
      return compile_list(e, sc, depth);
    case ast::expr_kind::path:
      return compile_path(e, sc, depth, allow_bare);
    case ast::expr_kind::call:
      return compile_call(e, sc, depth);
    case ast::expr_kind::unary:
      return compile_unary(e, sc, depth);
    case ast::expr_kind::binary:
      return compile_binary(e, sc, depth);
  }
  return fail(e.span, {"unsupported expression", "niet-ondersteunde expressie"});
}

int rule_compiler::compile_literal(const ast::expr& e) {
  const auto malformed = [&] { return fail(e.span, {"malformed literal", "onjuiste waarde"}); };
  value v;
  switch (e.kind) {
    case ast::expr_kind::integer:
    case ast::expr_kind::money:
      if (const auto* i = std::get_if<std::int64_t>(&e.value)) {
        v.i = *i;
        return constant(scalar(e.kind == ast::expr_kind::integer ? vtype::integer : vtype::money), v, e.span);
      }
      return malformed();
    case ast::expr_kind::decimal:
    case ast::expr_kind::percent:
      if (const auto* d = std::get_if<decimal>(&e.value)) {
        v.d = *d;
        return constant(scalar(e.kind == ast::expr_kind::decimal ? vtype::decimal : vtype::percent), v, e.span);
      }
      return malformed();
    case ast::expr_kind::date:
      if (const auto* d = std::get_if<ast::date_literal>(&e.value)) {
        if (!is_valid(d->value())) {
          char buffer[32];
          std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d->year, d->month, d->day);
          return fail(e.span, {"date `"s + buffer + "` does not exist", "datum `"s + buffer + "` bestaat niet"});
        }
        v.i = to_days(d->value());
        return constant(scalar(vtype::date), v, e.span);
      }
      return malformed();
    case ast::expr_kind::string:
      if (const auto* s = std::get_if<std::string>(&e.value)) {
        v.s = *s;
        return constant(scalar(vtype::string), v, e.span);
      }
      return malformed();
    case ast::expr_kind::boolean:
      if (const auto* b = std::get_if<bool>(&e.value)) {
        v.i = *b ? 1 : 0;
        return constant(scalar(vtype::boolean), v, e.span);
      }
      return malformed();
    default:
      return malformed();
  }
}

int rule_compiler::compile_list(const ast::expr& e, const scope& sc, int depth) {
  node n;
  n.op = opcode::list;
  n.span = e.span;
  n.type = {vtype::list, vtype::unknown};
  bool ok = true;
  std::size_t first = 0;
  for (std::size_t i = 0; i < e.operands.size(); ++i) {
    const int k = compile(e.operands[i], sc, depth + 1);
    if (k < 0) {
      ok = false;
      continue;
    }
    const type_t t = type_of(k);
    if (t.kind == vtype::list || t.kind == vtype::activity) {
      fail(e.operands[i].span,
           {"a list cannot hold " + describe(t).en, "een lijst kan geen " + describe(t).nl + " bevatten"});
      ok = false;
      continue;
    }
    if (n.type.element == vtype::unknown) {
      n.type.element = t.kind;
      first = i;
    } else if (n.type.element != t.kind) {
      if (is_number(n.type.element) && is_number(t.kind)) {
        n.type.element = vtype::decimal;
      } else {
        const text was = describe(scalar(n.type.element));
        fail(e.operands[i].span,
             {"a list holds values of one type: this is " + describe(t).en + ", the list started with " + was.en,
              "een lijst bevat waarden van één soort: dit is " + describe(t).nl + ", de lijst begon met " + was.nl},
             std::nullopt, {label{e.operands[first].span, {}}});
        ok = false;
        continue;
      }
    }
    n.invariant = n.invariant && at(k).invariant;
    n.kids.push_back(k);
  }
  if (!ok) return -1;
  return add(std::move(n));
}

// ---- names -------------------------------------------------------------------------------------------

int rule_compiler::loop_variable_in_previous(source_span where, const std::string& name) {
  return fail(where,
              {"`previous` cannot use " + quoted(name) + ": it is (or depends on) an activity of this year's plan, "
               "which last year's plan does not have",
               "`previous` kan " + quoted(name) + " niet gebruiken: dat is (of hangt af van) een activiteit van het "
               "plan van dit jaar, die het plan van vorig jaar niet heeft"},
              text{"compare totals of last year instead, e.g. `previous(sum(activity.budget where activity.task == "
                   "\"wmo\"))`",
                   "vergelijk in plaats daarvan totalen van vorig jaar, bijvoorbeeld `previous(sum(activity.budget "
                   "where activity.task == \"wmo\"))`"});
}

int rule_compiler::nested_previous(source_span where) {
  return fail(where,
              {"`previous` inside `previous`: only the plan of the year before is in reach",
               "`previous` binnen `previous`: alleen het plan van het jaar ervoor is bereikbaar"},
              text{"compare each year with the year before: the rule of last year's plan looks one year further back",
                   "vergelijk elk jaar met het jaar ervoor: dezelfde regel kijkt bij het plan van vorig jaar een jaar "
                   "verder terug"});
}

int rule_compiler::no_index(const ast::expr& e) {
  const source_span where = e.operands.empty() ? e.span : e.operands[0].span;
  std::string written;
  for (std::size_t i = 0; i < e.path.size(); ++i) written += (i ? "." : "") + e.path[i].name;
  return fail(where, {quoted(written) + " cannot be indexed", quoted(written) + " heeft geen index"},
              text{"only `contribution.ID[YEAR]` takes a year in brackets",
                   "alleen `contribution.ID[JAAR]` krijgt een jaar tussen haken"});
}

// `plan` without a field, or `plan.year.x`: says which fields there are.
int rule_compiler::path_shape_error(const ast::expr& e, std::size_t wanted,
                                    const std::vector<std::string_view>& fields) {
  std::string written;
  for (std::size_t i = 0; i < e.path.size() && i < wanted; ++i) written += (i ? "." : "") + e.path[i].name;
  if (e.path.size() > wanted)
    return fail(e.path[wanted].span, {quoted(written) + " has no field " + quoted(e.path[wanted].name),
                                      quoted(written) + " heeft geen veld " + quoted(e.path[wanted].name)});
  return fail(e.span,
              {quoted(written) + " needs a field: " + quoted_list(fields, "or"),
               quoted(written) + " heeft een veld nodig: " + quoted_list(fields, "of")},
              text{"for example " + quoted(written + "." + std::string(fields.front())),
                   "bijvoorbeeld " + quoted(written + "." + std::string(fields.front()))});
}

int rule_compiler::compile_path(const ast::expr& e, const scope& sc, int depth, bool allow_bare) {
  if (e.path.empty()) return fail(e.span, {"empty name", "lege naam"});
  const std::string& root = e.path[0].name;

  if (sc.in_aggregate && root == "activity") return compile_activity_path(e, true, allow_bare);
  if (sc.loop && root == *sc.loop) {
    if (sc.in_aggregate)
      return fail(e.path[0].span,
                  {"an aggregate cannot use the loop variable " + quoted(root),
                   "in een aggregaat is de lusvariabele " + quoted(root) + " niet te gebruiken"},
                  text{"inside the aggregate, `activity` is the activity being counted",
                       "binnen het aggregaat is `activity` de activiteit die wordt meegeteld"},
                  {},
                  {text{"sum, count, min, max and avg are computed once per plan, so that a rule stays linear in "
                        "the number of activities",
                        "sum, count, min, max en avg worden één keer per plan berekend, zodat een regel lineair "
                        "blijft in het aantal activiteiten"}});
    if (sc.in_previous) return loop_variable_in_previous(e.path[0].span, root);
    return compile_activity_path(e, false, allow_bare);
  }
  if (root == "activity")
    return fail(e.path[0].span,
                {"`activity` is only known inside sum, count, min, max or avg",
                 "`activity` bestaat alleen binnen sum, count, min, max of avg"},
                text{"write e.g. `sum(activity.budget)`, or check each activity with `for activity a` and `a.budget`",
                     "schrijf bijvoorbeeld `sum(activity.budget)`, of controleer elke activiteit met "
                     "`for activity a` en `a.budget`"});
  if (auto it = sc.lets->find(root); it != sc.lets->end()) return compile_let_path(e, sc, it->second);
  if (root == "plan") return compile_plan_path(e);
  if (root == "contribution") return compile_contribution_path(e, sc, depth);
  if (root == "agreement") return compile_agreement_path(e);
  if (root == "milestone" || root == "period" || root == "saving" || root == "party")
    return compile_declaration_path(e);

  std::vector<std::string> candidates(root_names.begin(), root_names.end());
  for (const auto& [name, slot] : *sc.lets) candidates.push_back(name);
  if (sc.loop) candidates.push_back(*sc.loop);
  if (sc.in_aggregate) candidates.push_back("activity");
  std::optional<text> help;
  if (auto best = did_you_mean(root, candidates))
    help = did_you_mean_help(*best);
  else
    help = text{"a name is a `let` of this rule, " +
                    std::string(sc.loop ? "the loop variable " + quoted(*sc.loop) + ", " : "") +
                    "or starts with `plan`, `contribution`, `agreement`, `milestone`, `period`, `saving` or `party`",
                "een naam is een `let` van deze regel, " +
                    std::string(sc.loop ? "de lusvariabele " + quoted(*sc.loop) + ", " : "") +
                    "of begint met `plan`, `contribution`, `agreement`, `milestone`, `period`, `saving` of `party`"};
  return fail(e.path[0].span, {"unknown name " + quoted(root), "onbekende naam " + quoted(root)}, std::move(help));
}

int rule_compiler::compile_activity_path(const ast::expr& e, bool of_element, bool allow_bare) {
  const std::string& var = e.path[0].name;
  if (e.path.size() == 1) {
    if (allow_bare && !e.has_index) return bare_activity;
    return fail(e.span,
                {quoted(var) + " is an activity; name one of its fields",
                 quoted(var) + " is een activiteit; noem een van haar velden"},
                text{"for example " + quoted(var + ".budget"), "bijvoorbeeld " + quoted(var + ".budget")});
  }
  const std::string& field_name = e.path[1].name;
  const auto found = std::find_if(activity_fields.begin(), activity_fields.end(),
                                  [&](const field_entry& f) { return f.name == field_name; });
  if (found == activity_fields.end()) {
    const auto names = activity_field_names();
    std::optional<text> help;
    if (auto best = did_you_mean(field_name, names))
      help = did_you_mean_help(*best);
    else
      help = text{"an activity has the fields " + quoted_list(names, "and"),
                  "een activiteit heeft de velden " + quoted_list(names, "en")};
    return fail(e.path[1].span, {"unknown field " + quoted(field_name), "onbekend veld " + quoted(field_name)},
                std::move(help));
  }
  if (e.path.size() > 2) return path_shape_error(e, 2, {});
  if (e.has_index) return no_index(e);
  node n;
  n.op = opcode::activity_field;
  n.field = found->id;
  n.type = scalar(found->type);
  n.of_element = of_element;
  n.invariant = of_element;
  n.span = e.span;
  return add(std::move(n));
}

int rule_compiler::compile_let_path(const ast::expr& e, const scope& sc, int slot) {
  const std::string& name = e.path[0].name;
  const let_slot& let = rule_.lets[static_cast<std::size_t>(slot)];
  if (let.node < 0) return -1;  // its own error is reported already
  const type_t t = type_of(let.node);
  if (e.path.size() > 1)
    return fail(e.path[1].span,
                {quoted(name) + " is " + describe(t).en + "; it has no field " + quoted(e.path[1].name),
                 quoted(name) + " is " + describe(t).nl + "; het heeft geen veld " + quoted(e.path[1].name)});
  if (e.has_index) return no_index(e);
  if (sc.in_aggregate && !let.invariant)
    return fail(e.path[0].span,
                {"an aggregate cannot use " + quoted(name) + ", which depends on the loop variable",
                 "in een aggregaat is " + quoted(name) + " niet te gebruiken, want het hangt af van de lusvariabele"},
                std::nullopt, {},
                {text{"sum, count, min, max and avg are computed once per plan, so that a rule stays linear in the "
                      "number of activities",
                      "sum, count, min, max en avg worden één keer per plan berekend, zodat een regel lineair "
                      "blijft in het aantal activiteiten"}});
  if (sc.in_previous && !let.invariant) return loop_variable_in_previous(e.path[0].span, name);
  if (sc.in_previous && let.reads_previous) return nested_previous(e.path[0].span);
  if (t.kind == vtype::list) return let.node;  // a list literal is used where it is needed (`x in codes`)
  node n;
  n.op = opcode::let_ref;
  n.type = t;
  n.slot = slot;
  n.invariant = let.invariant;
  n.span = e.span;
  return add(std::move(n));
}

int rule_compiler::compile_plan_path(const ast::expr& e) {
  static const std::vector<std::string_view> fields{"year", "municipality", "status", "adopted"};
  if (e.path.size() != 2) return path_shape_error(e, 2, fields);
  const std::string& f = e.path[1].name;
  node n;
  n.span = e.span;
  n.invariant = true;
  if (f == "year") {
    n.op = opcode::plan_year;
    n.type = scalar(vtype::integer);
  } else if (f == "municipality") {
    n.op = opcode::plan_municipality;
    n.type = scalar(vtype::string);
  } else if (f == "status") {
    n.op = opcode::plan_status;
    n.type = scalar(vtype::string);
  } else if (f == "adopted") {
    n.op = opcode::plan_adopted;
    n.type = scalar(vtype::date);
  } else {
    std::optional<text> help;
    if (auto best = did_you_mean(f, fields))
      help = did_you_mean_help(*best);
    else
      help = text{"the plan has " + quoted_list(fields, "and"), "het plan heeft " + quoted_list(fields, "en")};
    return fail(e.path[1].span,
                {"unknown field " + quoted(f) + " of `plan`", "onbekend veld " + quoted(f) + " van `plan`"},
                std::move(help));
  }
  if (e.has_index) return no_index(e);
  return add(std::move(n));
}

int rule_compiler::compile_contribution_path(const ast::expr& e, const scope& sc, int depth) {
  static const std::vector<std::string_view> fields{"total", "id"};
  if (e.has_index) {
    if (e.path.size() != 2) {
      if (e.path.size() < 2)
        return fail(e.span, {"`contribution[…]` needs the id of a contribution: `contribution.ID[YEAR]`",
                             "`contribution[…]` heeft het id van een bijdrage nodig: `contribution.ID[JAAR]`"});
      return path_shape_error(e, 2, {});
    }
    const std::string& id = e.path[1].name;
    const auto found = model_.contributions.find(id);
    if (found == model_.contributions.end()) {
      std::optional<text> help;
      if (auto best = did_you_mean(id, model_.contributions)) help = did_you_mean_help(*best);
      return fail(e.path[1].span, {"unknown contribution " + quoted(id), "onbekende bijdrage " + quoted(id)},
                  std::move(help));
    }
    const ast::contribution_decl* decl = found->second;
    if (e.operands.empty()) return fail(e.span, {"missing year", "jaar ontbreekt"});
    const int year = compile(e.operands[0], sc, depth + 1);
    if (year < 0) return -1;
    if (type_of(year).kind != vtype::integer)
      return fail(e.operands[0].span,
                  {"the year of a contribution must be an integer, but this is " + describe(type_of(year)).en,
                   "het jaar van een bijdrage moet een geheel getal zijn, maar dit is " + describe(type_of(year)).nl},
                  text{"for example `contribution." + id + "[plan.year]`",
                       "bijvoorbeeld `contribution." + id + "[plan.year]`"});
    if (at(year).op == opcode::constant) {
      const std::int64_t wanted = at(year).constant.i;
      const bool stated = std::any_of(decl->amounts.begin(), decl->amounts.end(),
                                      [&](const ast::contribution_amount& a) { return a.year.value == wanted; });
      if (!stated) {
        std::vector<std::string> years;
        for (const auto& a : decl->amounts) years.push_back(std::to_string(a.year.value));
        std::optional<text> help;
        if (!years.empty())
          help = text{"it states amounts for " + join(years, "and"), "ze noemt bedragen voor " + join(years, "en")};
        return fail(e.operands[0].span,
                    {"contribution " + quoted(id) + " states no amount for " + std::to_string(wanted),
                     "bijdrage " + quoted(id) + " noemt geen bedrag voor " + std::to_string(wanted)},
                    std::move(help), {label{decl->id.span, {"declared here", "hier gedefinieerd"}}});
      }
    }
    node n;
    n.op = opcode::contribution_year;
    n.type = scalar(vtype::money);
    n.kids = {year};
    n.contribution = decl;
    n.invariant = at(year).invariant;
    n.span = e.span;
    return add(std::move(n));
  }
  if (e.path.size() != 2) return path_shape_error(e, 2, fields);
  const std::string& f = e.path[1].name;
  node n;
  n.span = e.span;
  if (f == "total") {
    n.op = opcode::contribution_total;
    n.type = scalar(vtype::money);
  } else if (f == "id") {
    n.op = opcode::contribution_id;
    n.type = scalar(vtype::string);
  } else if (model_.contributions.count(f)) {
    const ast::contribution_decl* decl = model_.contributions.find(f)->second;
    const std::string year = decl->amounts.empty() ? "plan.year" : std::to_string(decl->amounts.front().year.value);
    return fail(e.span,
                {"contribution " + quoted(f) + " states an amount per year; say which year",
                 "bijdrage " + quoted(f) + " noemt een bedrag per jaar; geef aan welk jaar"},
                text{"write `contribution." + f + "[" + year + "]`", "schrijf `contribution." + f + "[" + year + "]`"});
  } else {
    std::vector<std::string> candidates(fields.begin(), fields.end());
    for (const auto& [id, decl] : model_.contributions) candidates.push_back(id);
    std::optional<text> help;
    if (auto best = did_you_mean(f, candidates))
      help = did_you_mean_help(*best);
    else
      help = text{
          "the plan's contribution has `total` and `id`; a contribution of the agreement is "
          "`contribution.ID[YEAR]`",
          "de bijdrage van het plan heeft `total` en `id`; een bijdrage uit de overeenkomst is "
          "`contribution.ID[JAAR]`"};
    return fail(
        e.path[1].span,
        {"unknown field " + quoted(f) + " of `contribution`", "onbekend veld " + quoted(f) + " van `contribution`"},
        std::move(help));
  }
  return add(std::move(n));
}

int rule_compiler::compile_agreement_path(const ast::expr& e) {
  static const std::vector<std::string_view> fields{"hours_per_fte", "tolerance", "since"};
  if (e.path.size() != 2) return path_shape_error(e, 2, fields);
  if (e.has_index) return no_index(e);
  const std::string& f = e.path[1].name;
  if (std::find(fields.begin(), fields.end(), f) == fields.end()) {
    std::optional<text> help;
    if (auto best = did_you_mean(f, fields))
      help = did_you_mean_help(*best);
    else
      help =
          text{"the agreement has " + quoted_list(fields, "and"), "de overeenkomst heeft " + quoted_list(fields, "en")};
    return fail(e.path[1].span,
                {"unknown field " + quoted(f) + " of `agreement`", "onbekend veld " + quoted(f) + " van `agreement`"},
                std::move(help));
  }
  const ast::agreement_decl* a = model_.agreement;
  const auto not_stated = [&] {
    return fail(e.path[1].span,
                {"the agreement does not state " + quoted(f), "de overeenkomst noemt geen " + quoted(f)},
                text{"add `" + f + " …` to the `agreement` declaration",
                     "neem `" + f + " …` op in de declaratie `agreement`"});
  };
  value v;
  if (f == "hours_per_fte") {
    if (a == nullptr || !a->hours_per_fte) return not_stated();
    v.i = a->hours_per_fte->value;
    return constant(scalar(vtype::integer), v, e.span);
  }
  if (f == "tolerance") {
    if (a == nullptr || !a->tolerance) return not_stated();
    v.d = a->tolerance->value;
    return constant(scalar(vtype::percent), v, e.span);
  }
  if (a == nullptr || !a->since) return not_stated();
  v.i = to_days(a->since->value());
  return constant(scalar(vtype::date), v, e.span);
}

int rule_compiler::compile_declaration_path(const ast::expr& e) {
  const std::string& kind = e.path[0].name;
  struct kind_info {
    std::vector<std::string_view> fields;
    const char* en;
    const char* nl;
  };
  const kind_info info = kind == "milestone" ? kind_info{{"due", "completed"}, "milestone", "mijlpaal"}
                         : kind == "period"  ? kind_info{{"from", "to"}, "period", "periode"}
                         : kind == "saving"  ? kind_info{{"amount", "rate", "base", "from"}, "saving", "besparing"}
                                             : kind_info{{"inhabitants"}, "party", "partij"};
  if (e.path.size() < 2)
    return fail(e.span, {quoted(kind) + " needs the id of a " + info.en + ": " +
                             quoted(kind + ".ID." + std::string(info.fields.front())),
                         quoted(kind) + " heeft het id van een " + info.nl +
                             " nodig: " + quoted(kind + ".ID." + std::string(info.fields.front()))});
  const std::string& id = e.path[1].name;
  const auto unknown = [&](const auto& index) {
    std::optional<text> help;
    if (auto best = did_you_mean(id, index)) help = did_you_mean_help(*best);
    return fail(e.path[1].span, {"unknown "s + info.en + " " + quoted(id), "onbekende "s + info.nl + " " + quoted(id)},
                std::move(help));
  };
  const auto check_field = [&]() -> int {
    if (e.path.size() != 3) return path_shape_error(e, 3, info.fields);
    const std::string& f = e.path[2].name;
    if (std::find(info.fields.begin(), info.fields.end(), f) != info.fields.end()) return e.has_index ? no_index(e) : 0;
    std::optional<text> help;
    if (auto best = did_you_mean(f, info.fields))
      help = did_you_mean_help(*best);
    else
      help = text{"a "s + info.en + " has " + quoted_list(info.fields, "and"),
                  "een "s + info.nl + " heeft " + quoted_list(info.fields, "en")};
    return fail(e.path[2].span,
                {"unknown field " + quoted(f) + " of " + info.en + " " + quoted(id),
                 "onbekend veld " + quoted(f) + " van " + info.nl + " " + quoted(id)},
                std::move(help));
  };
  const auto not_stated = [&](source_span decl_span) {
    const std::string& f = e.path[2].name;
    return fail(e.path[2].span,
                {info.en + " "s + quoted(id) + " does not state " + quoted(f),
                 info.nl + " "s + quoted(id) + " noemt geen " + quoted(f)},
                text{"add `" + f + " …` to " + info.en + " " + quoted(id),
                     "voeg `" + f + " …` toe aan " + info.nl + " " + quoted(id)},
                {label{decl_span, {"declared here", "hier gedefinieerd"}}});
  };
  value v;
  if (kind == "milestone") {
    const auto it = model_.milestones.find(id);
    if (it == model_.milestones.end()) return unknown(model_.milestones);
    if (check_field() < 0) return -1;
    if (e.path[2].name == "completed") {
      node n;
      n.op = opcode::milestone_completed;
      n.type = scalar(vtype::date);
      n.key = id;
      n.span = e.span;
      return add(std::move(n));
    }
    v.i = to_days(it->second->due.value());
    return constant(scalar(vtype::date), v, e.span);
  }
  if (kind == "period") {
    const auto it = model_.periods.find(id);
    if (it == model_.periods.end()) return unknown(model_.periods);
    if (check_field() < 0) return -1;
    v.i = to_days(e.path[2].name == "from" ? it->second->from.value() : it->second->to.value());
    return constant(scalar(vtype::date), v, e.span);
  }
  if (kind == "saving") {
    const auto it = model_.savings.find(id);
    if (it == model_.savings.end()) return unknown(model_.savings);
    if (check_field() < 0) return -1;
    const ast::saving_decl& s = *it->second;
    const std::string& f = e.path[2].name;
    if (f == "amount") {
      if (!s.amount) return not_stated(s.id.span);
      v.i = s.amount->cents;
      return constant(scalar(vtype::money), v, e.span);
    }
    if (f == "rate") {
      if (!s.rate) return not_stated(s.id.span);
      v.d = s.rate->value;
      return constant(scalar(vtype::percent), v, e.span);
    }
    const auto& year = f == "base" ? s.base : s.from;
    if (!year) return not_stated(s.id.span);
    v.i = year->value;
    return constant(scalar(vtype::integer), v, e.span);
  }
  const auto it = model_.parties.find(id);
  if (it == model_.parties.end()) return unknown(model_.parties);
  if (check_field() < 0) return -1;
  if (!it->second->inhabitants) return not_stated(it->second->id.span);
  v.i = it->second->inhabitants->value;
  return constant(scalar(vtype::integer), v, e.span);
}

// ---- calls -------------------------------------------------------------------------------------------

int rule_compiler::compile_call(const ast::expr& e, const scope& sc, int depth) {
  const std::string& f = e.name;
  const source_span name_span = e.name_span.valid() ? e.name_span : e.span;
  if (f == "sum") return compile_aggregate(e, sc, depth, aggregate_op::sum);
  if (f == "count") return compile_aggregate(e, sc, depth, aggregate_op::count);
  if (f == "min") return compile_aggregate(e, sc, depth, aggregate_op::min);
  if (f == "max") return compile_aggregate(e, sc, depth, aggregate_op::max);
  if (f == "avg") return compile_aggregate(e, sc, depth, aggregate_op::avg);
  if (f == "previous") return compile_previous(e, sc, depth);

  if (std::find(function_names.begin(), function_names.end(), f) == function_names.end()) {
    std::optional<text> help;
    if (auto best = did_you_mean(f, function_names))
      help = did_you_mean_help(*best);
    else
      help = text{"the functions are sum, count, min, max, avg, has, year, days, round and previous",
                  "de functies zijn sum, count, min, max, avg, has, year, days, round en previous"};
    return fail(name_span, {"unknown function " + quoted(f), "onbekende functie " + quoted(f)}, std::move(help));
  }
  if (!e.where_clause.empty())
    return fail(e.where_clause[0].span, {"`where` only goes with sum, count, min, max and avg",
                                         "`where` hoort alleen bij sum, count, min, max en avg"});
  const std::size_t wanted = f == "days" ? 2 : 1;
  if (e.operands.size() != wanted) {
    const char* usage_en = f == "has"    ? "`has(a.description)`"
                           : f == "year" ? "`year(DATE)`"
                           : f == "days" ? "`days(FROM, TO)`"
                                         : "`round(NUMBER)`";
    return fail(e.span, {quoted(f) + " takes " + (wanted == 2 ? "two arguments" : "one argument") + ": " + usage_en,
                         quoted(f) + " heeft " + (wanted == 2 ? "twee argumenten" : "één argument") + ": " + usage_en});
  }
  node n;
  n.span = e.span;
  if (f == "has") {
    const ast::expr& arg = e.operands[0];
    if (arg.kind != ast::expr_kind::path)
      return fail(
          arg.span,
          {"`has` needs a field, but this is an expression", "`has` verwacht een veld, maar dit is een expressie"},
          text{"for example `has(a.description)`", "bijvoorbeeld `has(a.description)`"});
    const int k = compile_path(arg, sc, depth + 1, false);
    if (k < 0) return -1;
    switch (at(k).op) {
      case opcode::plan_year:
      case opcode::plan_municipality:
      case opcode::plan_status:
      case opcode::plan_adopted:
      case opcode::contribution_total:
      case opcode::contribution_id:
      case opcode::activity_field:
      case opcode::contribution_year:
      case opcode::milestone_completed:
        break;
      default:
        return fail(arg.span,
                    {quoted(source_text(arg.span)) + " is always known: `has` asks whether the plan gives a field",
                     quoted(source_text(arg.span)) + " is altijd bekend: `has` vraagt of het plan een veld opgeeft"});
    }
    n.op = opcode::has;
    n.type = scalar(vtype::boolean);
    n.kids = {k};
    n.invariant = at(k).invariant;
    return add(std::move(n));
  }
  std::vector<int> args;
  for (const auto& arg : e.operands) {
    const int k = compile(arg, sc, depth + 1);
    if (k < 0) return -1;
    args.push_back(k);
  }
  const auto wrong_argument = [&](std::size_t i, const char* en, const char* nl) {
    const text d = describe(type_of(args[i]));
    return fail(e.operands[i].span, {quoted(f) + " needs " + en + ", but this is " + d.en,
                                     quoted(f) + " verwacht " + nl + ", maar dit is " + d.nl});
  };
  n.kids = args;
  n.invariant = std::all_of(args.begin(), args.end(), [&](int k) { return at(k).invariant; });
  if (f == "year") {
    if (type_of(args[0]).kind != vtype::date) return wrong_argument(0, "a date", "een datum");
    n.op = opcode::year_of;
    n.type = scalar(vtype::integer);
  } else if (f == "days") {
    for (std::size_t i = 0; i < 2; ++i)
      if (type_of(args[i]).kind != vtype::date) return wrong_argument(i, "a date", "een datum");
    n.op = opcode::days_between;
    n.type = scalar(vtype::integer);
  } else {  // round
    const vtype t = type_of(args[0]).kind;
    if (t != vtype::decimal && t != vtype::money && t != vtype::percent && t != vtype::integer)
      return wrong_argument(0, "a number, money or a percentage", "een getal, geldbedrag of percentage");
    n.op = opcode::round_value;
    n.type = scalar(t == vtype::decimal ? vtype::integer : t);
  }
  return add(std::move(n));
}

// `previous(EXPR)`: EXPR on last year's plan. What EXPR may name: the plan's fields, aggregates over last
// year's activities, the agreement, and lets that do not depend on the loop variable (evaluated on last year's
// plan); not the loop variable, which is an activity of this year's plan.
int rule_compiler::compile_previous(const ast::expr& e, const scope& sc, int depth) {
  if (e.operands.size() != 1 || !e.where_clause.empty())
    return fail(e.span, {"`previous` takes one expression: `previous(contribution.total)`",
                         "`previous` heeft één expressie: `previous(contribution.total)`"});
  if (sc.in_previous) return nested_previous(e.name_span.valid() ? e.name_span : e.span);
  ++previous_calls_;
  scope inner = sc;
  inner.in_previous = true;
  const int k = compile(e.operands[0], inner, depth + 1);
  if (k < 0) return -1;
  if (type_of(k).kind == vtype::list)
    return fail(e.operands[0].span, {"`previous` needs a single value, but this is a list",
                                     "`previous` verwacht één waarde, maar dit is een lijst"});
  node n;
  n.op = opcode::previous_plan;
  n.type = type_of(k);
  n.span = e.span;
  n.kids = {k};
  n.invariant = true;  // the loop variable cannot occur inside (refused above)
  return add(std::move(n));
}

int rule_compiler::compile_aggregate(const ast::expr& e, const scope& sc, int depth, aggregate_op op) {
  const std::string& f = e.name;
  if (e.operands.size() != 1)
    return fail(e.span, {quoted(f) + " takes one argument: `" + f + "(activity.budget where …)`",
                         quoted(f) + " heeft één argument: `" + f + "(activity.budget where …)`"});
  scope inner = sc;
  inner.in_aggregate = true;
  const int arg = compile(e.operands[0], inner, depth + 1, op == aggregate_op::count);
  int where = -1;
  if (!e.where_clause.empty()) {
    where = compile(e.where_clause[0], inner, depth + 1);
    if (!expect_condition(where, e.where_clause[0], "`where`")) return -1;
  }
  if (arg == -1) return -1;
  node n;
  n.op = opcode::aggregate;
  n.agg = op;
  n.span = e.span;
  n.where_node = where;
  n.invariant = true;  // aggregates cannot see the loop variable: computed once per plan
  n.kids = {arg == bare_activity ? -1 : arg};
  const type_t t = arg == bare_activity ? scalar(vtype::activity) : type_of(arg);
  if (t.kind == vtype::list && op == aggregate_op::count)
    return fail(e.operands[0].span, {"`count` cannot count a list", "`count` telt geen lijsten"},
                text{"count activities: `count(activity where …)`", "tel activiteiten: `count(activity where …)`"});
  const auto wrong = [&](const char* en, const char* nl) {
    return fail(e.operands[0].span, {quoted(f) + " needs " + en + ", but this is " + describe(t).en,
                                     quoted(f) + " verwacht " + nl + ", maar dit is " + describe(t).nl});
  };
  switch (op) {
    case aggregate_op::sum:
      if (t.kind != vtype::integer && t.kind != vtype::decimal && t.kind != vtype::money && t.kind != vtype::percent)
        return wrong("numbers, money or percentages", "getallen, geldbedragen of percentages");
      n.type = t;
      break;
    case aggregate_op::count:
      n.type = scalar(vtype::integer);
      break;
    case aggregate_op::min:
    case aggregate_op::max:
      if (t.kind != vtype::integer && t.kind != vtype::decimal && t.kind != vtype::money && t.kind != vtype::percent &&
          t.kind != vtype::date)
        return wrong("numbers, money, percentages or dates", "getallen, geldbedragen, percentages of datums");
      n.type = t;
      break;
    case aggregate_op::avg:
      if (t.kind != vtype::integer && t.kind != vtype::decimal && t.kind != vtype::money && t.kind != vtype::percent)
        return wrong("numbers, money or percentages", "getallen, geldbedragen of percentages");
      n.type = t.kind == vtype::integer ? scalar(vtype::decimal) : t;
      break;
  }
  n.slot = rule_.aggregate_slots++;
  return add(std::move(n));
}

// ---- operators ---------------------------------------------------------------------------------------

int rule_compiler::compile_unary(const ast::expr& e, const scope& sc, int depth) {
  if (e.operands.size() != 1) return fail(e.span, {"malformed expression", "onjuiste expressie"});
  const int k = compile(e.operands[0], sc, depth + 1);
  if (k < 0) return -1;
  node n;
  n.span = e.span;
  n.kids = {k};
  n.invariant = at(k).invariant;
  if (e.name == "not") {
    if (!expect_condition(k, e.operands[0], "`not`")) return -1;
    n.op = opcode::logical_not;
    n.type = scalar(vtype::boolean);
    return add(std::move(n));
  }
  const type_t t = type_of(k);
  if (t.kind != vtype::integer && t.kind != vtype::decimal && t.kind != vtype::money && t.kind != vtype::percent)
    return fail(e.operands[0].span,
                {"cannot negate " + describe(t).en, describe(t).nl + " kan niet negatief worden gemaakt"});
  n.op = opcode::negate;
  n.type = t;
  return add(std::move(n));
}

int rule_compiler::compile_binary(const ast::expr& e, const scope& sc, int depth) {
  if (e.operands.size() != 2) return fail(e.span, {"malformed expression", "onjuiste expressie"});
  const int left = compile(e.operands[0], sc, depth + 1);
  const int right = compile(e.operands[1], sc, depth + 1);
  if (left < 0 || right < 0) return -1;
  const std::string& op = e.name;
  if (op == "and" || op == "or") {
    const bool l = expect_condition(left, e.operands[0], quoted(op));
    const bool r = expect_condition(right, e.operands[1], quoted(op));
    if (!l || !r) return -1;
    node n;
    n.op = op == "and" ? opcode::logical_and : opcode::logical_or;
    n.type = scalar(vtype::boolean);
    n.kids = {left, right};
    n.invariant = at(left).invariant && at(right).invariant;
    n.span = e.span;
    return add(std::move(n));
  }
  if (op == "==") return compile_comparison(e, left, right, cmp_op::eq);
  if (op == "!=") return compile_comparison(e, left, right, cmp_op::ne);
  if (op == "<") return compile_comparison(e, left, right, cmp_op::lt);
  if (op == "<=") return compile_comparison(e, left, right, cmp_op::le);
  if (op == ">") return compile_comparison(e, left, right, cmp_op::gt);
  if (op == ">=") return compile_comparison(e, left, right, cmp_op::ge);
  if (op == "in") return compile_in(e, left, right);
  if (op == "+" || op == "-" || op == "*" || op == "/") return compile_arithmetic(e, left, right);
  return fail(e.name_span.valid() ? e.name_span : e.span,
              {"unknown operator " + quoted(op), "onbekende operator " + quoted(op)});
}

int rule_compiler::compile_comparison(const ast::expr& e, int left, int right, cmp_op op) {
  const type_t lt = type_of(left), rt = type_of(right);
  const bool ordering = op != cmp_op::eq && op != cmp_op::ne;
  const auto rule = comparison_rule(lt.kind, rt.kind);
  if (rule && ordering && (*rule == compare_as::string || *rule == compare_as::boolean)) {
    return fail(e.name_span.valid() ? e.name_span : e.span,
                {describe(lt).en + " cannot be ordered with " + quoted(e.name),
                 describe(lt).nl + " is niet te ordenen met " + quoted(e.name)},
                text{"compare with `==` or `!=`", "vergelijk met `==` of `!=`"});
  }
  if (!rule) {
    // The offending side: a literal (the help can rewrite it), else the right-hand side.
    const bool right_is_offender = is_literal(e.operands[1]) || !is_literal(e.operands[0]);
    const int bad = right_is_offender ? right : left, good = right_is_offender ? left : right;
    const ast::expr& bad_expr = e.operands[right_is_offender ? 1 : 0];
    const type_t bt = type_of(bad), gt = type_of(good);
    std::optional<text> help;
    const std::string written = source_text(bad_expr.span);
    if (is_number_literal(bad_expr) && gt.kind == vtype::money)
      help = text{"write `EUR " + written + "`", "schrijf `EUR " + written + "`"};
    else if (is_number_literal(bad_expr) && gt.kind == vtype::percent)
      help = text{"write `" + written + "%`", "schrijf `" + written + "%`"};
    else if (is_number_literal(bad_expr) && gt.kind == vtype::string)
      help = text{"write `\"" + written + "\"`: codes and ids are text",
                  "schrijf `\"" + written + "\"`: codes en ids zijn tekst"};
    else if (bt.kind == vtype::integer && gt.kind == vtype::date && bad_expr.kind == ast::expr_kind::integer) {
      const std::string date_text = source_text(e.operands[right_is_offender ? 0 : 1].span);
      const std::string rewritten = right_is_offender ? "year(" + date_text + ") " + e.name + " " + written
                                                      : written + " " + e.name + " year(" + date_text + ")";
      help = text{"compare the year: `" + rewritten + "`", "vergelijk het jaar: `" + rewritten + "`"};
    }
    return fail(
        bad_expr.span,
        {"cannot compare " + describe(gt).en + " with " + describe(bt).en,
         describe(gt).nl + " is niet te vergelijken met " + describe(bt).nl},
        std::move(help), {type_label(good)},
        {text{"both sides of " + quoted(e.name) + " must have the same type (an integer may meet a decimal number)",
              "beide kanten van " + quoted(e.name) +
                  " moeten van dezelfde soort zijn (een geheel getal mag wel met een "
                  "decimaal getal worden vergeleken)"}});
  }
  node n;
  n.op = opcode::compare;
  n.cmp = op;
  n.compare_type = *rule;
  n.type = scalar(vtype::boolean);
  n.kids = {left, right};
  n.invariant = at(left).invariant && at(right).invariant;
  n.span = e.span;
  return add(std::move(n));
}

int rule_compiler::compile_in(const ast::expr& e, int left, int right) {
  const type_t lt = type_of(left), rt = type_of(right);
  if (rt.kind != vtype::list)
    return fail(
        e.operands[1].span,
        {"`in` needs a list on the right, but this is " + describe(rt).en,
         "`in` verwacht rechts een lijst, maar dit is " + describe(rt).nl},
        text{"for example `a.taakveld in [\"0.1\", \"0.4\"]`", "bijvoorbeeld `a.taakveld in [\"0.1\", \"0.4\"]`"});
  if (lt.kind == vtype::list || lt.kind == vtype::activity)
    return fail(e.operands[0].span, {"cannot look for " + describe(lt).en + " in a list",
                                     describe(lt).nl + " is niet in een lijst te zoeken"});
  std::optional<compare_as> rule;
  if (rt.element == vtype::unknown)
    rule = comparison_rule(lt.kind, lt.kind);
  else
    rule = comparison_rule(lt.kind, rt.element);
  if (!rule)
    return fail(e.operands[0].span,
                {"cannot look for " + describe(lt).en + " in " + describe(rt).en,
                 describe(lt).nl + " is niet te zoeken in " + describe(rt).nl},
                std::nullopt, {type_label(right)});
  node n;
  n.op = opcode::in_list;
  n.compare_type = *rule;
  n.type = scalar(vtype::boolean);
  n.kids = {left, right};
  n.invariant = at(left).invariant && at(right).invariant;
  n.span = e.span;
  return add(std::move(n));
}

int rule_compiler::compile_arithmetic(const ast::expr& e, int left, int right) {
  const char op = e.name[0];
  const type_t lt = type_of(left), rt = type_of(right);
  if (const auto rule =
          lt.kind != vtype::list && rt.kind != vtype::list ? arithmetic_rule(op, lt.kind, rt.kind) : std::nullopt) {
    node n;
    n.op = opcode::arithmetic;
    n.arith = rule->op;
    n.type = scalar(rule->result);
    n.kids = rule->swap ? std::vector<int>{right, left} : std::vector<int>{left, right};
    n.invariant = at(left).invariant && at(right).invariant;
    n.span = e.span;
    return add(std::move(n));
  }
  // Which side is wrong: the right one when the left one works with `op` at all.
  std::vector<type_t> partners_of_left, partners_of_right;
  for (vtype t : scalar_types) {
    if (arithmetic_rule(op, lt.kind, t)) partners_of_left.push_back(scalar(t));
    if (arithmetic_rule(op, t, rt.kind)) partners_of_right.push_back(scalar(t));
  }
  const bool right_is_offender = !partners_of_left.empty() || partners_of_right.empty();
  const int good = right_is_offender ? left : right;
  const ast::expr& bad_expr = e.operands[right_is_offender ? 1 : 0];
  const text l = describe(lt), r = describe(rt);
  text message;
  switch (op) {
    case '+':
      message = {"cannot add " + r.en + " to " + l.en, r.nl + " is niet op te tellen bij " + l.nl};
      break;
    case '-':
      message = {"cannot subtract " + r.en + " from " + l.en, r.nl + " is niet af te trekken van " + l.nl};
      break;
    case '*':
      message = {"cannot multiply " + l.en + " by " + r.en, l.nl + " is niet te vermenigvuldigen met " + r.nl};
      break;
    default:
      message = {"cannot divide " + l.en + " by " + r.en, l.nl + " is niet te delen door " + r.nl};
      break;
  }
  std::vector<text> notes;
  const type_t good_type = type_of(good);
  const auto& partners = right_is_offender ? partners_of_left : partners_of_right;
  const std::string side_en = right_is_offender ? "on the left" : "on the right";
  const std::string side_nl = right_is_offender ? "links" : "rechts";
  if (partners.empty()) {
    notes.push_back({quoted(e.name) + " does not apply to " + describe(good_type).en,
                     quoted(e.name) + " werkt niet op " + describe(good_type).nl});
  } else {
    const text expected = join_types(partners);
    notes.push_back(
        {"with " + describe(good_type).en + " " + side_en + ", " + quoted(e.name) + " expects " + expected.en,
         "met " + describe(good_type).nl + " " + side_nl + " verwacht " + quoted(e.name) + " " + expected.nl});
  }
  std::optional<text> help;
  const std::string written = source_text(bad_expr.span);
  const bool money_wanted =
      std::any_of(partners.begin(), partners.end(), [](type_t t) { return t.kind == vtype::money; });
  const bool only_money = money_wanted && partners.size() == 1;
  const bool only_percent = partners.size() == 1 && partners.front().kind == vtype::percent;
  if (is_number_literal(bad_expr) && only_money)
    help = text{"write `EUR " + written + "`", "schrijf `EUR " + written + "`"};
  if (is_number_literal(bad_expr) && only_percent)
    help = text{"write `" + written + "%`", "schrijf `" + written + "%`"};
  return fail(bad_expr.span, std::move(message), std::move(help), {type_label(good)}, std::move(notes));
}

}  // namespace

void compile_program(const agreement_model& model, program& prog) {
  std::set<std::string, std::less<>> seen;
  for (const ast::rule_decl* decl : model.all<ast::rule_decl>()) {
    compiled_rule rule;
    rule.decl = decl;
    rule.finding_id = "rule:" + decl->id.name;
    rule.level = parse_severity(decl->severity.name).value_or(severity::error);
    rule.per_activity = decl->for_activity.has_value();
    const std::size_t errors_before = prog.type_errors.size();
    rule_compiler(model, rule, prog).compile_rule();
    const bool first = seen.insert(decl->id.name).second;
    rule.runnable = first && prog.type_errors.size() == errors_before && rule.require >= 0;
    if (first) prog.rule_ids.push_back(rule.finding_id);
    prog.rules.push_back(std::move(rule));
  }
}

}  // namespace akkoord::rules_detail

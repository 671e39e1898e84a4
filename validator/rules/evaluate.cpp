// Evaluation of compiled rules against one plan. Exact arithmetic (arithmetic.hpp); an optional field that
// the plan leaves out makes a value "absent", which skips the rule (or leaves the activity out of an
// aggregate) without a finding; overflow and division by zero are "faults", reported as findings.
#include <algorithm>
#include <compare>

#include "akkoord/date.hpp"
#include "akkoord/validator/rules.hpp"
#include "arithmetic.hpp"
#include "compile.hpp"
#include "program.hpp"

namespace akkoord::rules_detail {
namespace {

enum class status : std::uint8_t { ok, absent, fault };

struct fault_info {
  const node* where = nullptr;
  bool division_by_zero = false;
  const plan_activity* activity = nullptr;  // the aggregate's element when it happened
};

struct slot_value {
  enum class state : std::uint8_t { unset, ok, absent } st = state::unset;
  value v;
};

decimal as_decimal(vtype t, const value& v) { return t == vtype::integer ? decimal{v.i, 0} : v.d; }

std::optional<std::int64_t> first_of_year(std::int64_t year, int month, int day) {
  if (year < 1 || year > 9999) return std::nullopt;
  return to_days(civil_date{static_cast<int>(year), month, day});
}

bool valid_day_number(std::int64_t days) {
  return days >= to_days(civil_date{1, 1, 1}) && days <= to_days(civil_date{9999, 12, 31});
}

class evaluator {
 public:
  evaluator(const compiled_rule& rule, const plan& p)
      : rule_(rule), plan_(p), lets_(rule.lets.size()), aggregates_(static_cast<std::size_t>(rule.aggregate_slots)) {}

  // The activity bound to the loop variable; lets that depend on it are forgotten.
  void set_loop(const plan_activity* a) {
    loop_ = a;
    for (std::size_t i = 0; i < lets_.size(); ++i)
      if (!rule_.lets[i].invariant) lets_[i].st = slot_value::state::unset;
  }

  status eval(int index, value& out);
  const fault_info& fault() const { return fault_; }
  const node& at(int index) const { return rule_.nodes[static_cast<std::size_t>(index)]; }

 private:
  status fail(const node& n, bool division_by_zero) {
    fault_ = {&n, division_by_zero, element_};
    return status::fault;
  }
  status overflow(const node& n) { return fail(n, false); }

  template <class T>
  status from_optional(const std::optional<T>& field, value& out) const;
  status read_activity_field(const node& n, value& out) const;
  status arithmetic(const node& n, value& out);
  status compare(const node& n, value& out);
  status in_list(const node& n, value& out);
  status aggregate(const node& n, value& out);
  status let(const node& n, value& out);

  const compiled_rule& rule_;
  const plan& plan_;
  const plan_activity* loop_ = nullptr;
  const plan_activity* element_ = nullptr;
  std::vector<slot_value> lets_;
  std::vector<slot_value> aggregates_;
  fault_info fault_;
};

status evaluator::read_activity_field(const node& n, value& out) const {
  const plan_activity* a = n.of_element ? element_ : loop_;
  if (a == nullptr) return status::absent;
  const auto text_field = [&](const std::optional<spanned<std::string>>& f) {
    if (!f) return status::absent;
    out.s = f->value;
    return status::ok;
  };
  switch (n.field) {
    case activity_field_id::id:
      return text_field(a->id);
    case activity_field_id::task:
      return text_field(a->task);
    case activity_field_id::executor:
      return text_field(a->executor);
    case activity_field_id::responsible:
      return text_field(a->responsible);
    case activity_field_id::taakveld:
      return text_field(a->taakveld);
    case activity_field_id::description:
      return text_field(a->description);
    case activity_field_id::budget:
      if (!a->budget) return status::absent;
      out.i = a->budget->value;
      return status::ok;
    case activity_field_id::fte:
      if (!a->fte) return status::absent;
      out.d = a->fte->value;
      return status::ok;
    case activity_field_id::hours:
      if (!a->hours) return status::absent;
      out.i = a->hours->value;
      return status::ok;
    case activity_field_id::from:
    case activity_field_id::to: {
      // Absent dates default to the plan year's first and last day, as plan-format.md says.
      const auto& written = n.field == activity_field_id::from ? a->from : a->to;
      if (written) {
        out.i = to_days(written->value);
        return status::ok;
      }
      if (!plan_.year) return status::absent;
      const auto day = n.field == activity_field_id::from ? first_of_year(plan_.year->value, 1, 1)
                                                          : first_of_year(plan_.year->value, 12, 31);
      if (!day) return status::absent;
      out.i = *day;
      return status::ok;
    }
  }
  return status::absent;
}

status evaluator::eval(int index, value& out) {
  const node& n = at(index);
  switch (n.op) {
    case opcode::constant:
      out = n.constant;
      return status::ok;
    case opcode::plan_year:
      if (!plan_.year) return status::absent;
      out.i = plan_.year->value;
      return status::ok;
    case opcode::plan_municipality:
      if (!plan_.municipality) return status::absent;
      out.s = plan_.municipality->value;
      return status::ok;
    case opcode::plan_status:
      out.s = plan_.status ? std::string_view(plan_.status->value) : std::string_view("concept");
      return status::ok;
    case opcode::plan_adopted:
      if (!plan_.adopted) return status::absent;
      out.i = to_days(plan_.adopted->value);
      return status::ok;
    case opcode::contribution_total:
      if (!plan_.has_contribution || !plan_.total) return status::absent;
      out.i = plan_.total->value;
      return status::ok;
    case opcode::contribution_id:
      if (!plan_.has_contribution || !plan_.contribution_id) return status::absent;
      out.s = plan_.contribution_id->value;
      return status::ok;
    case opcode::activity_field:
      return read_activity_field(n, out);
    case opcode::contribution_year: {
      value year;
      const status s = eval(n.kids[0], year);
      if (s != status::ok) return s;
      for (const auto& amount : n.contribution->amounts)
        if (amount.year.value == year.i) {
          out.i = amount.amount.cents;
          return status::ok;
        }
      return status::absent;
    }
    case opcode::milestone_completed:
      for (const auto& m : plan_.milestones)
        if (m.id && m.id->value == n.key && m.completed) {
          out.i = to_days(m.completed->value);
          return status::ok;
        }
      return status::absent;
    case opcode::let_ref:
      return let(n, out);
    case opcode::negate: {
      value v;
      const status s = eval(n.kids[0], v);
      if (s != status::ok) return s;
      if (n.type.kind == vtype::integer || n.type.kind == vtype::money) {
        if (v.i == INT64_MIN) return overflow(n);
        out.i = -v.i;
      } else {
        const auto d = decimal_negate(v.d);
        if (!d) return overflow(n);
        out.d = *d;
      }
      return status::ok;
    }
    case opcode::logical_not: {
      value v;
      const status s = eval(n.kids[0], v);
      if (s != status::ok) return s;
      out.i = v.i ? 0 : 1;
      return status::ok;
    }
    case opcode::logical_and:
    case opcode::logical_or: {
      // Three-valued: `false and absent` is false, `true or absent` is true; otherwise absent wins.
      const std::int64_t decisive = n.op == opcode::logical_and ? 0 : 1;
      value l;
      const status ls = eval(n.kids[0], l);
      if (ls == status::fault) return ls;
      if (ls == status::ok && l.i == decisive) {
        out.i = decisive;
        return status::ok;
      }
      value r;
      const status rs = eval(n.kids[1], r);
      if (rs == status::fault) return rs;
      if (rs == status::ok && r.i == decisive) {
        out.i = decisive;
        return status::ok;
      }
      if (ls == status::absent || rs == status::absent) return status::absent;
      out.i = 1 - decisive;
      return status::ok;
    }
    case opcode::compare:
      return compare(n, out);
    case opcode::in_list:
      return in_list(n, out);
    case opcode::list:
      return status::absent;  // lists are only read element by element (in_list, messages)
    case opcode::arithmetic:
      return arithmetic(n, out);
    case opcode::aggregate:
      return aggregate(n, out);
    case opcode::has: {
      value v;
      const status s = eval(n.kids[0], v);
      if (s == status::fault) return s;
      out.i = s == status::ok ? 1 : 0;
      return status::ok;
    }
    case opcode::year_of: {
      value v;
      const status s = eval(n.kids[0], v);
      if (s != status::ok) return s;
      out.i = from_days(v.i).year;
      return status::ok;
    }
    case opcode::days_between: {
      value from, to;
      status s = eval(n.kids[0], from);
      if (s != status::ok) return s;
      s = eval(n.kids[1], to);
      if (s != status::ok) return s;
      // Both ends count: days(2025-01-01, 2025-12-31) is 365.
      const auto difference = checked_sub(to.i, from.i);
      const auto days = difference ? checked_add(*difference, 1) : std::nullopt;
      if (!days) return overflow(n);
      out.i = *days;
      return status::ok;
    }
    case opcode::round_value: {
      value v;
      const status s = eval(n.kids[0], v);
      if (s != status::ok) return s;
      const vtype t = at(n.kids[0]).type.kind;
      if (t == vtype::integer) {
        out.i = v.i;
      } else if (t == vtype::money) {
        const auto r = round_cents_to_euros(v.i);
        if (!r) return overflow(n);
        out.i = *r;
      } else {
        const auto r = round_decimal(v.d);
        if (!r) return overflow(n);
        if (t == vtype::percent)
          out.d = decimal{*r, 0};
        else
          out.i = *r;
      }
      return status::ok;
    }
  }
  return status::absent;
}

status evaluator::let(const node& n, value& out) {
  slot_value& slot = lets_[static_cast<std::size_t>(n.slot)];
  if (slot.st == slot_value::state::unset) {
    const status s = eval(rule_.lets[static_cast<std::size_t>(n.slot)].node, slot.v);
    if (s == status::fault) return s;
    slot.st = s == status::ok ? slot_value::state::ok : slot_value::state::absent;
  }
  if (slot.st == slot_value::state::absent) return status::absent;
  out = slot.v;
  return status::ok;
}

status evaluator::arithmetic(const node& n, value& out) {
  value a, b;
  status s = eval(n.kids[0], a);
  if (s != status::ok) return s;
  s = eval(n.kids[1], b);
  if (s != status::ok) return s;
  const vtype ta = at(n.kids[0]).type.kind, tb = at(n.kids[1]).type.kind;
  const auto set_int = [&](std::optional<std::int64_t> r) {
    if (!r) return overflow(n);
    out.i = *r;
    return status::ok;
  };
  const auto set_dec = [&](std::optional<decimal> r) {
    if (!r) return overflow(n);
    out.d = *r;
    return status::ok;
  };
  const auto zero = [&] { return fail(n, true); };
  switch (n.arith) {
    case arith_op::int_add:
      return set_int(checked_add(a.i, b.i));
    case arith_op::int_sub:
      return set_int(checked_sub(a.i, b.i));
    case arith_op::int_mul:
      return set_int(checked_mul(a.i, b.i));
    case arith_op::int_div:
      if (b.i == 0) return zero();
      return set_dec(decimal_div({a.i, 0}, {b.i, 0}));
    case arith_op::dec_add:
      return set_dec(decimal_add(as_decimal(ta, a), as_decimal(tb, b)));
    case arith_op::dec_sub:
      return set_dec(decimal_sub(as_decimal(ta, a), as_decimal(tb, b)));
    case arith_op::dec_mul:
      return set_dec(decimal_mul(as_decimal(ta, a), as_decimal(tb, b)));
    case arith_op::dec_div: {
      const decimal divisor = as_decimal(tb, b);
      if (decimal_is_zero(divisor)) return zero();
      return set_dec(decimal_div(as_decimal(ta, a), divisor));
    }
    case arith_op::money_add:
      return set_int(checked_add(a.i, b.i));
    case arith_op::money_sub:
      return set_int(checked_sub(a.i, b.i));
    case arith_op::money_mul_int:
      return set_int(checked_mul(a.i, b.i));
    case arith_op::money_mul_dec:
      return set_int(multiply_cents(a.i, b.d));
    case arith_op::money_mul_pct:
      return set_int(percent_of_cents(b.d, a.i));
    case arith_op::money_div_money:
      if (b.i == 0) return zero();
      return set_dec(cents_ratio(a.i, b.i));
    case arith_op::money_div_int:
      if (b.i == 0) return zero();
      return set_int(cents_div_int(a.i, b.i));
    case arith_op::money_div_dec:
      if (decimal_is_zero(b.d)) return zero();
      return set_int(cents_div_decimal(a.i, b.d));
    case arith_op::money_div_pct:
      if (decimal_is_zero(b.d)) return zero();
      return set_int(cents_div_percent(a.i, b.d));
    case arith_op::pct_add:
      return set_dec(decimal_add(a.d, b.d));
    case arith_op::pct_sub:
      return set_dec(decimal_sub(a.d, b.d));
    case arith_op::pct_mul_num:
      return set_dec(decimal_mul(a.d, as_decimal(tb, b)));
    case arith_op::pct_mul_pct:
      return set_dec(percent_times_percent(a.d, b.d));
    case arith_op::pct_div_num: {
      const decimal divisor = as_decimal(tb, b);
      if (decimal_is_zero(divisor)) return zero();
      return set_dec(decimal_div(a.d, divisor));
    }
    case arith_op::pct_div_pct:
      if (decimal_is_zero(b.d)) return zero();
      return set_dec(decimal_div(a.d, b.d));
    case arith_op::date_sub_date:
      return set_int(checked_sub(a.i, b.i));
    case arith_op::date_add_int:
    case arith_op::date_sub_int: {
      const auto r = n.arith == arith_op::date_add_int ? checked_add(a.i, b.i) : checked_sub(a.i, b.i);
      if (!r || !valid_day_number(*r)) return overflow(n);
      out.i = *r;
      return status::ok;
    }
  }
  return overflow(n);
}

std::strong_ordering order(compare_as how, vtype ta, const value& a, vtype tb, const value& b) {
  switch (how) {
    case compare_as::integer:
    case compare_as::money:
    case compare_as::date:
    case compare_as::boolean:
      return a.i <=> b.i;
    case compare_as::decimal:
      return akkoord::compare(as_decimal(ta, a), as_decimal(tb, b));
    case compare_as::percent:
      return akkoord::compare(a.d, b.d);
    case compare_as::string: {
      const int c = a.s.compare(b.s);
      return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
    }
  }
  return std::strong_ordering::equal;
}

status evaluator::compare(const node& n, value& out) {
  value a, b;
  status s = eval(n.kids[0], a);
  if (s != status::ok) return s;
  s = eval(n.kids[1], b);
  if (s != status::ok) return s;
  const auto o = order(n.compare_type, at(n.kids[0]).type.kind, a, at(n.kids[1]).type.kind, b);
  bool r = false;
  switch (n.cmp) {
    case cmp_op::eq:
      r = o == 0;
      break;
    case cmp_op::ne:
      r = o != 0;
      break;
    case cmp_op::lt:
      r = o < 0;
      break;
    case cmp_op::le:
      r = o <= 0;
      break;
    case cmp_op::gt:
      r = o > 0;
      break;
    case cmp_op::ge:
      r = o >= 0;
      break;
  }
  out.i = r ? 1 : 0;
  return status::ok;
}

status evaluator::in_list(const node& n, value& out) {
  value needle;
  const status s = eval(n.kids[0], needle);
  if (s != status::ok) return s;
  const vtype tn = at(n.kids[0]).type.kind;
  out.i = 0;
  for (int k : at(n.kids[1]).kids) {
    value element;
    const status es = eval(k, element);
    if (es == status::fault) return es;
    if (es == status::absent) continue;  // an absent element matches nothing
    if (order(n.compare_type, tn, needle, at(k).type.kind, element) == 0) {
      out.i = 1;
      break;
    }
  }
  return status::ok;
}

status evaluator::aggregate(const node& n, value& out) {
  slot_value& cache = aggregates_[static_cast<std::size_t>(n.slot)];
  if (cache.st == slot_value::state::ok) {
    out = cache.v;
    return status::ok;
  }
  if (cache.st == slot_value::state::absent) return status::absent;

  const int arg = n.kids[0];
  const vtype t = arg >= 0 ? at(arg).type.kind : vtype::activity;
  std::int64_t count = 0;
  integer_sum int_total;
  decimal dec_total;
  value best;
  bool have_best = false;
  const plan_activity* const saved = element_;
  status result = status::ok;
  for (const auto& activity : plan_.activities) {
    element_ = &activity;
    if (n.where_node >= 0) {
      value w;
      const status ws = eval(n.where_node, w);
      if (ws == status::fault) {
        result = ws;
        break;
      }
      if (ws == status::absent || w.i == 0) continue;  // an activity the condition cannot judge is left out
    }
    value v;
    if (arg >= 0) {
      const status vs = eval(arg, v);
      if (vs == status::fault) {
        result = vs;
        break;
      }
      if (vs == status::absent) continue;  // activities without the field are left out
    }
    if (n.agg == aggregate_op::count) {
      if (t != vtype::boolean || v.i != 0) ++count;
      continue;
    }
    ++count;
    switch (n.agg) {
      case aggregate_op::sum:
      case aggregate_op::avg:
        if (t == vtype::integer || t == vtype::money) {
          if (!int_total.add(v.i)) {
            element_ = saved;  // the total overflows, not this activity's value
            result = overflow(n);
          }
        } else {
          const auto r = decimal_add(dec_total, v.d);
          if (!r) {
            element_ = saved;
            result = overflow(n);
          } else {
            dec_total = *r;
          }
        }
        break;
      case aggregate_op::min:
      case aggregate_op::max: {
        if (!have_best) {
          best = v;
          have_best = true;
          break;
        }
        const auto o = order(
            t == vtype::integer || t == vtype::money || t == vtype::date ? compare_as::integer : compare_as::percent, t,
            v, t, best);
        if (n.agg == aggregate_op::min ? o < 0 : o > 0) best = v;
        break;
      }
      case aggregate_op::count:
        break;
    }
    if (result == status::fault) break;
  }
  element_ = saved;
  if (result == status::fault) return result;

  switch (n.agg) {
    case aggregate_op::count:
      out.i = count;
      break;
    case aggregate_op::sum:
      if (t == vtype::integer || t == vtype::money)
        out.i = int_total.total();
      else
        out.d = dec_total;
      break;
    case aggregate_op::min:
    case aggregate_op::max:
      if (!have_best) {
        cache.st = slot_value::state::absent;  // no activity to take the minimum of
        return status::absent;
      }
      out = best;
      break;
    case aggregate_op::avg: {
      if (count == 0) {
        cache.st = slot_value::state::absent;
        return status::absent;
      }
      if (t == vtype::money) {
        const auto r = average_cents(int_total.total(), count);
        if (!r) return overflow(n);
        out.i = *r;
      } else {
        const auto r = average_decimal(t == vtype::integer ? decimal{int_total.total(), 0} : dec_total, count);
        if (!r) return overflow(n);
        out.d = *r;
      }
      break;
    }
  }
  cache.st = slot_value::state::ok;
  cache.v = out;
  return status::ok;
}

// ---- findings ----------------------------------------------------------------------------------------

std::string format_value(vtype t, const value& v, language lang) {
  const money_style style = lang == language::nl ? money_style::nl : money_style::en;
  switch (t) {
    case vtype::boolean:
      return v.i ? (lang == language::nl ? "waar" : "true") : (lang == language::nl ? "onwaar" : "false");
    case vtype::integer:
      return std::to_string(v.i);
    case vtype::decimal:
      return format_decimal(v.d, style);
    case vtype::money:
      return format_cents(v.i, style, true);
    case vtype::percent:
      return format_decimal(v.d, style) + "%";
    case vtype::date:
      return to_string(from_days(v.i));
    case vtype::string:
      return std::string(v.s);
    default:
      break;
  }
  return {};
}

// One message template with every `{EXPR}` replaced by its value, written the way `lang` writes values.
std::string render_template(evaluator& ev, const std::vector<message_part>& parts, language lang) {
  std::string out;
  for (const auto& part : parts) {
    if (part.node < 0) {
      out += part.literal;
      continue;
    }
    const node& n = ev.at(part.node);
    std::vector<std::pair<int, vtype>> items;  // a list prints each element
    if (n.op == opcode::list) {
      out += "[";
      for (int k : n.kids) items.emplace_back(k, ev.at(k).type.kind);
    } else {
      items.emplace_back(part.node, n.type.kind);
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += ", ";
      value v;
      const status s = ev.eval(items[i].first, v);
      if (s == status::ok) {
        out += format_value(items[i].second, v, lang);
      } else if (s == status::absent) {
        out += lang == language::nl ? "(geen)" : "(none)";
      } else {
        out += lang == language::nl ? "(niet te berekenen)" : "(not computable)";
      }
    }
    if (n.op == opcode::list) out += "]";
  }
  return out;
}

// The rule's message in both languages: `message` in English, `message nl` in Dutch (`message` when there is
// none); the title without a message.
text render_message(evaluator& ev, const compiled_rule& rule) {
  if (rule.message.empty() && rule.message_nl.empty()) return {rule.decl->title.value, rule.decl->title.value};
  const auto& english = rule.message.empty() ? rule.message_nl : rule.message;
  const auto& dutch = rule.message_nl.empty() ? rule.message : rule.message_nl;
  return {render_template(ev, english, language::en), render_template(ev, dutch, language::nl)};
}

source_span activity_location(const plan& p, const plan_activity& a) {
  return a.id ? p.span(a.id->span) : p.span(a.header);
}

diagnostic rule_finding(const compiled_rule& rule, source_span where) {
  diagnostic d;
  d.id = rule.finding_id;
  d.level = rule.level;
  d.primary = where;
  return d;
}

enum class outcome : std::uint8_t { next, stop };

// Evaluates the rule once (for the current loop activity, if any); reports a failure or a fault.
outcome check_once(evaluator& ev, const compiled_rule& rule, const plan& p, const plan_activity* activity,
                   diagnostics& out) {
  const source_span where = activity ? activity_location(p, *activity) : p.span(p.plan_header);
  const auto report_fault = [&] {
    const fault_info& f = ev.fault();
    // A fault that does not depend on the loop variable would repeat for every activity: report it once.
    const bool once = f.where->invariant;
    const source_span at = f.activity ? activity_location(p, *f.activity) : once ? p.span(p.plan_header) : where;
    diagnostic d = rule_finding(rule, at);
    d.level = severity::error;
    const std::string& id = rule.decl->id.name;
    if (f.division_by_zero) {
      d.message = {"rule `" + id + "` cannot be evaluated: division by zero",
                   "regel `" + id + "` kan niet worden uitgerekend: deling door nul"};
      d.related.push_back({f.where->span, {"divided by zero here", "hier wordt door nul gedeeld"}});
    } else {
      d.message = {"rule `" + id + "` cannot be evaluated: a result is too large (overflow)",
                   "regel `" + id + "` kan niet worden uitgerekend: een uitkomst is te groot (overloop)"};
      d.related.push_back({f.where->span, {"this calculation overflows", "deze berekening loopt over"}});
    }
    out.push_back(std::move(d));
    return once ? outcome::stop : outcome::next;
  };

  if (rule.when >= 0) {
    value w;
    const status s = ev.eval(rule.when, w);
    if (s == status::fault) return report_fault();
    if (s == status::absent || w.i == 0) return outcome::next;
  }
  value r;
  const status s = ev.eval(rule.require, r);
  if (s == status::fault) return report_fault();
  if (s == status::absent || r.i != 0) return outcome::next;

  diagnostic d = rule_finding(rule, where);
  d.message = render_message(ev, rule);
  d.related.push_back({rule.decl->require.span, {"required here", "hier vereist"}});
  if (!rule.message.empty() || !rule.message_nl.empty()) d.notes.push_back({rule.decl->title.value, rule.decl->title.value});
  out.push_back(std::move(d));
  return outcome::next;
}

}  // namespace

void run_program(const program& prog, const plan& p, diagnostics& out) {
  if (!p.readable) return;
  for (const auto& rule : prog.rules) {
    if (!rule.runnable) continue;
    evaluator ev(rule, p);
    if (!rule.per_activity) {
      check_once(ev, rule, p, nullptr, out);
      continue;
    }
    for (const auto& activity : p.activities) {
      ev.set_loop(&activity);
      if (check_once(ev, rule, p, &activity, out) == outcome::stop) break;
    }
  }
}

}  // namespace akkoord::rules_detail

#include "period_inverted/period_inverted.hpp"

#include "check_support.hpp"

namespace akkoord::checks {

void period_inverted::lint(const lint_context& context, diagnostics& out) const {
  for (const auto* period : context.agreement.all<ast::period_decl>()) {
    const civil_date from = period->from.value(), to = period->to.value();
    if (!is_valid(from) || !is_valid(to) || !(to < from)) continue;  // invalid dates are `invalid-date`
    const std::string id = quoted(period->id.name);
    const std::string start = quoted(date_text(period->from)), end = quoted(date_text(period->to));
    auto d = finding(period->to.span, {"period " + id + " ends on " + end + ", before it starts on " + start,
                                       "periode " + id + " eindigt op " + dutch_date(to) + ", vóór haar begindatum " +
                                           dutch_date(from)});
    d.related.push_back({period->from.span, {"the period starts here", "hier begint de periode"}});
    d.help = text{"swap the two dates, or correct the one that is wrong",
                  "verwissel de twee datums, of corrigeer de datum die niet klopt"};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks

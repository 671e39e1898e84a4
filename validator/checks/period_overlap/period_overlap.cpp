#include "period_overlap/period_overlap.hpp"

#include <algorithm>

#include "check_support.hpp"

namespace akkoord::checks {

namespace {

std::string range_text(const ast::period_decl& p) { return quoted(date_text(p.from) + " .. " + date_text(p.to)); }

source_span range_span(const ast::period_decl& p) { return join(p.from.span, p.to.span); }

}  // namespace

void period_overlap::lint(const lint_context& context, diagnostics& out) const {
  // Only firm periods count: a provisional one may overlap what it is meant to replace. Invalid or inverted
  // periods are other checks' findings.
  std::vector<const ast::period_decl*> firm;
  for (const auto* p : context.agreement.all<ast::period_decl>())
    if (!p->provisional && is_valid(p->from.value()) && is_valid(p->to.value()) && !(p->to.value() < p->from.value()))
      firm.push_back(p);
  // By start date (then file order); a sweep keeps the period reaching furthest so far. Each period is
  // reported once, against that one: one finding per root cause, in n log n.
  std::stable_sort(firm.begin(), firm.end(), [](const auto* a, const auto* b) { return a->from.value() < b->from.value(); });
  const ast::period_decl* furthest = nullptr;
  for (const auto* p : firm) {
    if (furthest && p->from.value() <= furthest->to.value()) {
      const civil_date overlap_end = std::min(p->to.value(), furthest->to.value());
      const std::string both = overlap_end == p->from.value()
                                   ? quoted(date_text(p->from))
                                   : quoted(date_text(p->from) + " .. " + to_string(overlap_end));
      const std::string both_nl = overlap_end == p->from.value()
                                      ? dutch_date(p->from.value())
                                      : dutch_date(p->from.value()) + " tot en met " + dutch_date(overlap_end);
      auto d = finding(range_span(*p), {"period " + quoted(p->id.name) + " (" + range_text(*p) + ") overlaps period " +
                                            quoted(furthest->id.name) + " (" + range_text(*furthest) + ")",
                                        "periode " + quoted(p->id.name) + " (" + range_text(*p) +
                                            ") overlapt met periode " + quoted(furthest->id.name) + " (" +
                                            range_text(*furthest) + ")"});
      d.related.push_back({range_span(*furthest), {"period " + quoted(furthest->id.name) + " is declared here",
                                                   "periode " + quoted(furthest->id.name) + " is hier gedefinieerd"}});
      d.notes.push_back({"both cover " + both, "beide periodes omvatten " + both_nl});
      d.help = text{"let one period end before the other starts, or mark the later one `provisional`",
                    "laat de ene periode eindigen voordat de andere begint, of maak de latere voorlopig "
                    "(`provisional`)"};
      out.push_back(std::move(d));
    }
    if (furthest == nullptr || furthest->to.value() < p->to.value()) furthest = p;
  }
}

}  // namespace akkoord::checks

#include "invalid_date/invalid_date.hpp"

#include <array>

#include "check_support.hpp"
#include "walk.hpp"

namespace akkoord::checks {

namespace {

const std::array<text, 12> month_names{{{"January", "januari"},
                                        {"February", "februari"},
                                        {"March", "maart"},
                                        {"April", "april"},
                                        {"May", "mei"},
                                        {"June", "juni"},
                                        {"July", "juli"},
                                        {"August", "augustus"},
                                        {"September", "september"},
                                        {"October", "oktober"},
                                        {"November", "november"},
                                        {"December", "december"}}};

}  // namespace

void invalid_date::lint(const lint_context& context, diagnostics& out) const {
  for_each_date(context.agreement, [&](const ast::date_literal& date) {
    if (is_valid(date.value())) return;
    const std::string written = date_text(date);
    auto d = finding(date.span, {quoted(written) + " is not a calendar date",
                                 quoted(written) + " is geen bestaande datum"});
    const std::string year = std::to_string(date.year);
    if (date.year < 1 || date.year > 9999) {
      d.notes.push_back({"years run from 1 to 9999", "een jaartal ligt tussen 1 en 9999"});
    } else if (date.month < 1 || date.month > 12) {
      const std::string month = quoted(std::to_string(date.month));
      d.notes.push_back({"there is no month " + month, "maand " + month + " bestaat niet"});
    } else if (date.day < 1) {
      d.notes.push_back({"days of the month start at 1", "de dagen van een maand beginnen bij 1"});
    } else {
      const int last = days_in_month(date.year, date.month);
      const text& month = month_names[static_cast<std::size_t>(date.month - 1)];
      const std::string days = std::to_string(last);
      d.notes.push_back({month.en + " " + year + " has " + days + " days",
                         month.nl + " " + year + " heeft " + days + " dagen"});
      ast::date_literal last_day = date;
      last_day.day = last;
      d.help = text{"the last day of that month is " + quoted(date_text(last_day)),
                    "de laatste dag van die maand is " + quoted(date_text(last_day)) + " (" +
                        dutch_date(last_day.value()) + ")"};
    }
    out.push_back(std::move(d));
  });
}

}  // namespace akkoord::checks

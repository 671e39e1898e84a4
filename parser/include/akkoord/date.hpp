// Calendar dates without time zones (agreement dates and TOML local dates alike).
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace akkoord {

struct civil_date {
  int year = 0, month = 0, day = 0;
  friend bool operator==(const civil_date&, const civil_date&) = default;
  friend auto operator<=>(const civil_date&, const civil_date&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for an invalid month
bool is_valid(civil_date d);             // a real calendar date, years 1..9999
std::int64_t to_days(civil_date d);      // days since 1970-01-01 (proleptic Gregorian)
civil_date from_days(std::int64_t days);
civil_date next_day(civil_date d);
civil_date previous_day(civil_date d);
std::string to_string(civil_date d);     // "2025-01-01"
// A date as Dutch running text writes it: "1 juli 2025" (ISO stays in English text and machine fields).
std::string dutch_date(civil_date d);

}  // namespace akkoord

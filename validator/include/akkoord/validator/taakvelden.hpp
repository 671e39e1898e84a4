// The BBV taakveld lists per book year, compiled into the binary from rules/taakvelden/*.csv.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace akkoord {

struct taakveld {
  std::string code;  // "6.60"
  std::string name;  // "Maatwerkvoorzieningen (Wmo)"
  std::string main_group;  // "6"
};

struct taakveld_list {
  int first_year = 0;  // first book year this list applies to
  int last_year = 0;   // last book year it applies to
  std::vector<taakveld> entries;
  // Built with the list, so that no lookup scans it or lowercases names again: the positions of `entries`
  // sorted by code, and per entry its name lowercased and that name's first word (see `replacements`).
  std::vector<std::size_t> by_code;
  std::vector<std::string> lowercase_names;
  std::vector<std::string> name_subjects;

  const taakveld* find(std::string_view code) const;  // O(log n)
  // The codes of this list that extend `code` by letters only (6.72 -> 6.72a…6.72d), in code order.
  std::vector<const taakveld*> letter_subcodes(std::string_view code) const;
};

class taakveld_catalog {
 public:
  // The built-in catalogue (2017–2022, 2023–2024, 2025–2026).
  static const taakveld_catalog& builtin();

  // The list for a book year. Years after the newest list get the newest list (`newest_applied` is set);
  // years before the oldest get nullptr.
  const taakveld_list* for_year(int year, bool* newest_applied = nullptr) const;
  // The year ranges ("2017–2022") in which a code exists, oldest first.
  std::vector<const taakveld_list*> lists_with(std::string_view code) const;
  // For a code not valid in `year`: the codes of that year's list that replaced it, in list order. Starting
  // from the list nearest to `year` that has the code (with its letter sub-codes: 6.72 -> 6.72a…), each step
  // to the neighbouring list maps a code to: itself if it still exists (plus codes new there that extend it);
  // else the codes with the same name; else codes that extend or shorten its number (6.6 -> 6.60,
  // 6.71 -> 6.711…); else codes whose name starts with the same word (Jeugdhulp … -> Jeugdhulp …).
  // So 6.6 -> 6.60 and 6.72 -> 6.751…6.763 in 2025; 6.60 -> 6.6 in 2020. Empty when nothing matches.
  std::vector<const taakveld*> replacements(std::string_view code, int year) const;
  const std::vector<taakveld_list>& lists() const { return lists_; }

 private:
  std::vector<taakveld_list> lists_;
  friend struct taakveld_catalog_builder;
};

}  // namespace akkoord

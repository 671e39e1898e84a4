// "Did you mean …?": the closest candidate to a misspelt name by edit distance.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "akkoord/diagnostic.hpp"

namespace akkoord {

// Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two neighbours),
// ASCII case-insensitive. Stops early once the distance must exceed `limit` and then returns `limit + 1`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// The largest distance still worth suggesting for a word: a third of its length, at least 1
// (`amstelveeen` → 3, `AA` → 1).
std::size_t suggestion_limit(std::string_view word);

// Feeds candidates one at a time and keeps the closest; linear in the number of candidates, and each
// comparison stops as soon as it cannot beat the best so far. Ties go to the candidate that also matches
// the letter case best, then to the first one offered.
class closest_match {
 public:
  explicit closest_match(std::string_view word);
  void consider(std::string_view candidate);
  // The best candidate, or nullopt when none is within suggestion_limit(word) (or only the word itself).
  const std::optional<std::string>& best() const { return best_; }
  // Whether best() is the only candidate within the limit: then replacing the word with it is certain enough
  // for a fix (with two candidates in reach, a human must choose).
  bool only_candidate() const { return best_ && !several_in_reach_; }

 private:
  std::string word_;
  std::size_t limit_;
  std::size_t best_distance_;
  std::size_t best_case_distance_ = 0;
  std::optional<std::string> best_;
  bool several_in_reach_ = false;  // two different candidates within limit_
};

// The closest key of a map, or element of a range of strings.
// The help text for a suggestion, worded once for the whole tool (formal Dutch: the readers are civil servants).
text did_you_mean_text(std::string_view suggestion);

template <class Range>
std::optional<std::string> did_you_mean(std::string_view word, const Range& candidates) {
  closest_match match(word);
  for (const auto& candidate : candidates) {
    if constexpr (requires { candidate.first; })
      match.consider(candidate.first);
    else
      match.consider(candidate);
  }
  return match.best();
}

}  // namespace akkoord

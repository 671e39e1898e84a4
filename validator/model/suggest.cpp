#include "akkoord/validator/suggest.hpp"

#include <algorithm>
#include <vector>

namespace akkoord {

namespace {

// Names longer than this get no suggestion: identifiers are short, and it bounds the work per candidate.
constexpr std::size_t max_suggestion_length = 128;

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A lower bound of the edit distance in one linear pass: every edit but a swap changes the letter counts by
// at most one on each side, so the larger surplus of letters bounds it. Lets most candidates go unexamined.
std::size_t letter_count_bound(std::string_view a, std::string_view b) {
  int counts[256] = {};
  for (const char c : a) ++counts[static_cast<unsigned char>(fold(c))];
  for (const char c : b) --counts[static_cast<unsigned char>(fold(c))];
  std::size_t surplus_a = 0, surplus_b = 0;
  for (const int n : counts) (n > 0 ? surplus_a : surplus_b) += static_cast<std::size_t>(n > 0 ? n : -n);
  return std::max(surplus_a, surplus_b);
}

std::size_t distance(std::string_view a, std::string_view b, std::size_t limit, bool fold_case) {
  const std::size_t n = a.size(), m = b.size();
  const std::size_t length_gap = n > m ? n - m : m - n;
  if (length_gap > limit) return limit + 1;
  auto same = [fold_case](char x, char y) { return fold_case ? fold(x) == fold(y) : x == y; };
  // Three rows (the one two back is needed for swaps), kept between calls: no allocation per candidate.
  thread_local std::vector<std::size_t> before, previous, current;
  before.assign(m + 1, 0);
  previous.resize(m + 1);
  current.assign(m + 1, 0);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  std::size_t previous_min = 0;  // minimum of row 0
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = same(a[i - 1], b[j - 1]) ? 0 : 1;
      std::size_t value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
        value = std::min(value, before[j - 2] + 1);
      current[j] = value;
      row_min = std::min(row_min, value);
    }
    // A cell comes from the row above (+0 or +1) or two rows above (+1), so once two consecutive rows
    // exceed the limit every later row does too: stop.
    if (row_min > limit && previous_min > limit) return limit + 1;
    previous_min = row_min;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  return distance(a, b, limit, true);
}

std::size_t suggestion_limit(std::string_view word) { return std::max<std::size_t>(1, word.size() / 3); }

closest_match::closest_match(std::string_view word)
    : word_(word), limit_(suggestion_limit(word)), best_distance_(limit_ + 1) {}

void closest_match::consider(std::string_view candidate) {
  if (word_.empty() || word_.size() > max_suggestion_length || candidate.size() > max_suggestion_length) return;
  if (candidate == word_) return;  // the word itself is no suggestion
  // Only a candidate within the limit can matter (as the best, or as a second one that makes the best
  // uncertain): that bound makes most comparisons stop after a row or two.
  if (letter_count_bound(word_, candidate) > limit_) return;
  const std::size_t d = distance(word_, candidate, limit_, true);
  if (d > limit_) return;
  if (best_ && candidate != *best_) several_in_reach_ = true;
  if (best_ && d > best_distance_) return;
  const std::size_t case_d = distance(word_, candidate, word_.size() + candidate.size(), false);
  if (!best_ || d < best_distance_ || (d == best_distance_ && case_d < best_case_distance_)) {
    best_ = std::string(candidate);
    best_distance_ = d;
    best_case_distance_ = case_d;
  }
}

text did_you_mean_text(std::string_view suggestion) {
  const std::string quoted = "`" + std::string(suggestion) + "`";
  return {"did you mean " + quoted + "?", "bedoelde u " + quoted + "?"};
}

}  // namespace akkoord

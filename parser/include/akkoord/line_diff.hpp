// A line diff (Myers' O(ND) algorithm) and its unified form, for `akkoord fmt --diff`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace akkoord {

struct line_edit {
  enum class kind { keep, remove, insert };
  kind what = kind::keep;
  std::size_t before = 0;  // index of the line in the old text (keep, remove)
  std::size_t after = 0;   // index of the line in the new text (keep, insert)
};

// A shortest edit script from `before` to `after`, in order. Beyond max_differences the rest of the changed
// middle is given as removed then inserted: still a correct script, found in bounded time and memory.
std::vector<line_edit> diff_lines(const std::vector<std::string_view>& before, const std::vector<std::string_view>& after,
                                  std::size_t max_differences = 2000);

// The unified diff (`diff -u`, three lines of context) of two texts; empty when they are equal. A text that does
// not end with a line break gets `\ No newline at end of file`, as diff and git write it.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& before_name,
                         const std::string& after_name);

}  // namespace akkoord

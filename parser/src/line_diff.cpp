#include "akkoord/line_diff.hpp"

#include <algorithm>

namespace akkoord {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Myers on a[0..n) and b[0..m), which share neither their first nor their last line. Appends the script.
void myers(const std::vector<std::string_view>& a, std::size_t a0, std::size_t n,
           const std::vector<std::string_view>& b, std::size_t b0, std::size_t m, std::size_t max_d,
           std::vector<line_edit>& out) {
  const auto plain = [&] {  // everything removed, then everything inserted
    for (std::size_t i = 0; i < n; ++i) out.push_back({line_edit::kind::remove, a0 + i, b0});
    for (std::size_t j = 0; j < m; ++j) out.push_back({line_edit::kind::insert, a0 + n, b0 + j});
  };
  const long N = static_cast<long>(n), M = static_cast<long>(m);
  const long limit = std::min<long>(N + M, static_cast<long>(max_d));
  const long offset = limit + 1;
  std::vector<long> v(static_cast<std::size_t>(2 * offset + 1), 0);
  std::vector<std::vector<long>> trace;  // v before each step d: sum of (2d+1) over d, bounded by max_d
  long found = -1;
  for (long d = 0; d <= limit && found < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < N && y < M && a[a0 + x] == b[b0 + y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= N && y >= M) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return plain();
  // Walk back from (N, M) through the stored frontiers.
  std::vector<line_edit> reversed;
  long x = N, y = M;
  for (long d = found; d > 0; --d) {
    const std::vector<long>& prev = trace[static_cast<std::size_t>(d)];  // v before step d: indices -d+1..d-1 live
    const auto at = [&](long k) { return prev[static_cast<std::size_t>(k + d)]; };
    const long k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const long prev_k = down ? k + 1 : k - 1;
    const long prev_x = at(prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x + (down ? 0 : 1) && y > prev_y + (down ? 1 : 0)) {
      --x, --y;
      reversed.push_back({line_edit::kind::keep, a0 + static_cast<std::size_t>(x), b0 + static_cast<std::size_t>(y)});
    }
    if (down) {
      --y;
      reversed.push_back({line_edit::kind::insert, a0 + static_cast<std::size_t>(x), b0 + static_cast<std::size_t>(y)});
    } else {
      --x;
      reversed.push_back({line_edit::kind::remove, a0 + static_cast<std::size_t>(x), b0 + static_cast<std::size_t>(y)});
    }
  }
  while (x > 0 && y > 0) {
    --x, --y;
    reversed.push_back({line_edit::kind::keep, a0 + static_cast<std::size_t>(x), b0 + static_cast<std::size_t>(y)});
  }
  out.insert(out.end(), reversed.rbegin(), reversed.rend());
}

std::string range(std::size_t start, std::size_t count) {
  // diff -u: a hunk that holds no line of a side names the line before it.
  return std::to_string(count == 0 ? start : start + 1) + (count == 1 ? std::string() : "," + std::to_string(count));
}

}  // namespace

std::vector<line_edit> diff_lines(const std::vector<std::string_view>& before, const std::vector<std::string_view>& after,
                                  std::size_t max_differences) {
  std::vector<line_edit> out;
  std::size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) {
    out.push_back({line_edit::kind::keep, prefix, prefix});
    ++prefix;
  }
  std::size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
    ++suffix;
  myers(before, prefix, before.size() - prefix - suffix, after, prefix, after.size() - prefix - suffix, max_differences,
        out);
  for (std::size_t i = suffix; i > 0; --i)
    out.push_back({line_edit::kind::keep, before.size() - i, after.size() - i});
  // Within a change, removed lines first (as diff and git show them); then every position counted again.
  for (auto run = out.begin(); run != out.end();) {
    const auto change_end = std::find_if(run, out.end(), [](const line_edit& e) { return e.what == line_edit::kind::keep; });
    std::stable_partition(run, change_end, [](const line_edit& e) { return e.what == line_edit::kind::remove; });
    run = change_end == out.end() ? change_end : change_end + 1;
  }
  std::size_t x = 0, y = 0;
  for (line_edit& e : out) {
    e.before = x;
    e.after = y;
    if (e.what != line_edit::kind::insert) ++x;
    if (e.what != line_edit::kind::remove) ++y;
  }
  return out;
}

std::string unified_diff(std::string_view before, std::string_view after, const std::string& before_name,
                         const std::string& after_name) {
  if (before == after) return {};
  // A last line without its line break is another line than the same text with one: it carries the marker
  // that diff and git print after it.
  std::string a_last, b_last;
  const auto lines_of = [](std::string_view text, std::string& last) {
    std::vector<std::string_view> lines = split_lines(text);
    if (!text.empty() && text.back() != '\n') {
      last = std::string(lines.back()) + "\n\\ No newline at end of file";
      lines.back() = last;
    }
    return lines;
  };
  const std::vector<std::string_view> a = lines_of(before, a_last), b = lines_of(after, b_last);
  const std::vector<line_edit> edits = diff_lines(a, b);
  constexpr std::size_t context = 3;
  std::string out = "--- " + before_name + "\n+++ " + after_name + "\n";
  std::size_t i = 0;
  while (i < edits.size()) {
    while (i < edits.size() && edits[i].what == line_edit::kind::keep) ++i;
    if (i == edits.size()) break;
    // A hunk: from `context` kept lines before the change to `context` after the last change that is followed
    // by fewer than 2 × context kept lines.
    const std::size_t first = i >= context ? i - context : 0;
    std::size_t last = i;  // one past the last change
    std::size_t j = i;
    while (j < edits.size()) {
      if (edits[j].what != line_edit::kind::keep) {
        last = ++j;
        continue;
      }
      std::size_t kept = 0;
      while (j + kept < edits.size() && edits[j + kept].what == line_edit::kind::keep) ++kept;
      if (j + kept == edits.size() || kept > 2 * context) break;
      j += kept;
    }
    const std::size_t end = std::min(edits.size(), last + context);
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t k = first; k < end; ++k) {
      if (edits[k].what != line_edit::kind::insert) ++a_count;
      if (edits[k].what != line_edit::kind::remove) ++b_count;
    }
    out += "@@ -" + range(edits[first].before, a_count) + " +" + range(edits[first].after, b_count) + " @@\n";
    for (std::size_t k = first; k < end; ++k) {
      const line_edit& e = edits[k];
      out += e.what == line_edit::kind::keep ? ' ' : e.what == line_edit::kind::remove ? '-' : '+';
      out += e.what == line_edit::kind::insert ? b[e.after] : a[e.before];
      out += '\n';
    }
    i = end;
  }
  return out;
}

}  // namespace akkoord

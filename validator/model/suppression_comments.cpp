#include "suppression_comments.hpp"

#include <cstring>

namespace akkoord {
namespace {

constexpr std::string_view marker = "akkoord:";

bool is_space(char c) { return c == ' ' || c == '\t'; }

void skip_spaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && is_space(s[i])) ++i;
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == ':';
}

std::optional<civil_date> read_date(std::string_view s, std::size_t& i) {
  // YYYY-MM-DD exactly
  if (i + 10 > s.size()) return std::nullopt;
  const std::string_view d = s.substr(i, 10);
  for (std::size_t k = 0; k < 10; ++k) {
    const bool dash = k == 4 || k == 7;
    if (dash ? d[k] != '-' : (d[k] < '0' || d[k] > '9')) return std::nullopt;
  }
  auto number = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t k = from; k < from + n; ++k) v = v * 10 + (d[k] - '0');
    return v;
  };
  const civil_date date{number(0, 4), number(5, 2), number(8, 2)};
  i += 10;
  return date;
}

const text expected_allow{"expected `allow(ID, …)` after `akkoord:`", "na `akkoord:` wordt `allow(ID, …)` verwacht"};
const text expected_tail{"expected `until YYYY-MM-DD` or `-- reason` after `allow(…)`",
                         "na `allow(…)` wordt `until JJJJ-MM-DD` of `-- reden` verwacht"};

}  // namespace

bool parse_suppression_comment(std::string_view comment, suppression& out, bool& is_ours, text& problem) {
  std::size_t i = 0;
  skip_spaces(comment, i);
  is_ours = comment.substr(i, marker.size()) == marker;
  if (!is_ours) return false;
  i += marker.size();
  skip_spaces(comment, i);
  if (comment.substr(i, 5) != "allow") {
    problem = expected_allow;
    return false;
  }
  i += 5;
  skip_spaces(comment, i);
  if (i >= comment.size() || comment[i] != '(') {
    problem = expected_allow;
    return false;
  }
  ++i;
  out.ids.clear();
  for (;;) {
    skip_spaces(comment, i);
    const std::size_t start = i;
    while (i < comment.size() && is_id_char(comment[i])) ++i;
    if (i == start) {
      problem = {"expected a check id in `allow(…)`", "in `allow(…)` wordt een check-id verwacht"};
      return false;
    }
    out.ids.emplace_back(comment.substr(start, i - start));
    skip_spaces(comment, i);
    if (i < comment.size() && comment[i] == ',') {
      ++i;
      continue;
    }
    if (i < comment.size() && comment[i] == ')') {
      ++i;
      break;
    }
    problem = {"expected `,` or `)` after a check id in `allow(…)`", "na een check-id in `allow(…)` wordt `,` of `)` verwacht"};
    return false;
  }
  skip_spaces(comment, i);
  out.until.reset();
  if (comment.substr(i, 5) == "until") {
    i += 5;
    skip_spaces(comment, i);
    const std::size_t date_at = i;
    auto date = read_date(comment, i);
    if (!date) {
      problem = {"expected a date `YYYY-MM-DD` after `until`", "na `until` wordt een datum `JJJJ-MM-DD` verwacht"};
      return false;
    }
    if (!is_valid(*date)) {
      const std::string written(comment.substr(date_at, 10));
      problem = {"`" + written + "` after `until` is not a real date",
                 "`" + written + "` na `until` is geen bestaande datum"};
      return false;
    }
    out.until = *date;
    skip_spaces(comment, i);
  }
  out.reason.clear();
  if (i < comment.size()) {
    if (comment.substr(i, 2) != "--") {
      problem = expected_tail;
      return false;
    }
    i += 2;
    std::size_t end = comment.size();
    skip_spaces(comment, i);
    while (end > i && is_space(comment[end - 1])) --end;
    out.reason = std::string(comment.substr(i, end - i));
  }
  return true;
}

suppression_scan scan_suppressions(const source_file& file) {
  suppression_scan result;
  const std::string_view s = file.text();
  if (s.find(marker) == std::string_view::npos) return result;

  enum class state { normal, basic, literal, multi_basic, multi_literal };
  state st = state::normal;
  const std::size_t n = s.size();
  std::size_t i = 0;
  auto starts = [&](std::size_t at, const char* what) { return s.compare(at, std::strlen(what), what) == 0; };
  while (i < n) {
    const char c = s[i];
    switch (st) {
      case state::normal:
        if (c == '#') {
          std::size_t end = s.find('\n', i);
          if (end == std::string_view::npos) end = n;
          std::size_t text_end = end;
          if (text_end > i && s[text_end - 1] == '\r') --text_end;
          const std::string_view comment = s.substr(i + 1, text_end - i - 1);
          if (comment.find(marker) != std::string_view::npos) {
            suppression sup;
            bool ours = false;
            text problem;
            const pos_span span{file.pos_at(i), file.pos_at(text_end)};
            const bool ok = parse_suppression_comment(comment, sup, ours, problem);
            if (ok) {
              sup.line = span.begin.line;
              sup.span = span;
              result.suppressions.push_back(std::move(sup));
            } else if (ours) {
              result.malformed.push_back({span, std::move(problem)});
            }
          }
          i = end;
        } else if (c == '"') {
          if (starts(i, "\"\"\"")) {
            st = state::multi_basic;
            i += 3;
          } else {
            st = state::basic;
            ++i;
          }
        } else if (c == '\'') {
          if (starts(i, "'''")) {
            st = state::multi_literal;
            i += 3;
          } else {
            st = state::literal;
            ++i;
          }
        } else {
          ++i;
        }
        break;
      case state::basic:
        if (c == '\\') {
          i += 2;
        } else {
          if (c == '"' || c == '\n') st = state::normal;
          ++i;
        }
        break;
      case state::literal:
        if (c == '\'' || c == '\n') st = state::normal;
        ++i;
        break;
      case state::multi_basic:
        if (c == '\\') {
          i += 2;
        } else if (starts(i, "\"\"\"")) {
          i += 3;
          // up to two quotes right before the closing delimiter belong to the string: `""""" ` ends here too
          while (i < n && s[i] == '"') ++i;
          st = state::normal;
        } else {
          ++i;
        }
        break;
      case state::multi_literal:
        if (starts(i, "'''")) {
          i += 3;
          while (i < n && s[i] == '\'') ++i;
          st = state::normal;
        } else {
          ++i;
        }
        break;
    }
  }
  return result;
}

}  // namespace akkoord

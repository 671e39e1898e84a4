#include "akkoord/fix.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace akkoord {

namespace {

struct byte_edit {
  std::size_t begin;
  std::size_t end;
  const std::string* replacement;
};

struct candidate {
  const diagnostic* finding;
  std::vector<byte_edit> edits;  // sorted; empty when the fix is not valid for the file
};

// Byte offset of a position that lies in the file (a column at most one past the line's end), else nullopt.
std::optional<std::size_t> offset_in(const source_file& file, source_pos pos) {
  if (pos.line == 0 || pos.line > file.line_count() || pos.column == 0) return std::nullopt;
  const std::size_t offset = file.offset_of(pos);
  if (file.pos_at(offset) != pos) return std::nullopt;
  return offset;
}

// Two edits collide when their ranges share a byte, or when they start at the same place and one of them
// inserts (which goes first would be a guess).
bool collide(const byte_edit& a, const byte_edit& b) {
  if (a.begin == b.begin) return true;
  return a.begin < b.end && b.begin < a.end;
}

std::optional<std::vector<byte_edit>> byte_edits(const source_file& file, const suggested_fix& fix) {
  std::vector<byte_edit> edits;
  for (const text_edit& e : fix.edits) {
    if (e.span.file != &file) return std::nullopt;
    const auto begin = offset_in(file, e.span.begin);
    const auto end = offset_in(file, e.span.end);
    if (!begin || !end || *end < *begin) return std::nullopt;
    edits.push_back({*begin, *end, &e.replacement});
  }
  std::sort(edits.begin(), edits.end(), [](const byte_edit& a, const byte_edit& b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < edits.size(); ++i)
    if (collide(edits[i - 1], edits[i])) return std::nullopt;
  if (edits.empty()) return std::nullopt;
  return edits;
}

}  // namespace

std::string_view text_at(const source_span& span) {
  if (!span.valid()) return {};
  const std::size_t begin = span.file->offset_of(span.begin), end = span.file->offset_of(span.end);
  return end > begin ? span.file->text().substr(begin, end - begin) : std::string_view{};
}

suggested_fix replacement_fix(source_span span, std::string_view was, std::string_view now, std::string replacement) {
  const std::string from = "`" + std::string(was) + "`", to = "`" + std::string(now) + "`";
  return {{"replace " + from + " with " + to, "vervang " + from + " door " + to}, {{span, std::move(replacement)}}};
}

suggested_fix replacement_fix(source_span span, std::string_view was, std::string replacement) {
  const std::string now = replacement;
  return replacement_fix(span, was, now, std::move(replacement));
}

fixed_text apply_fixes(const source_file& file, const diagnostics& findings) {
  std::vector<candidate> candidates;
  for (const diagnostic& d : findings) {
    if (!d.fix || d.suppressed || d.fix->edits.empty() || d.fix->edits.front().span.file != &file) continue;
    auto edits = byte_edits(file, *d.fix);
    candidates.push_back({&d, edits ? std::move(*edits) : std::vector<byte_edit>{}});
  }
  // Text order of the first edit; equal places keep the findings' order, so "the first" is well defined.
  std::stable_sort(candidates.begin(), candidates.end(), [](const candidate& a, const candidate& b) {
    const std::size_t a_begin = a.edits.empty() ? 0 : a.edits.front().begin;
    const std::size_t b_begin = b.edits.empty() ? 0 : b.edits.front().begin;
    return a_begin < b_begin;
  });

  fixed_text result;
  std::map<std::size_t, std::pair<byte_edit, const diagnostic*>> kept;  // by begin; never colliding
  auto collision = [&](const byte_edit& e) -> const diagnostic* {
    auto next = kept.lower_bound(e.begin);
    if (next != kept.end() && collide(next->second.first, e)) return next->second.second;
    if (next != kept.begin() && collide(std::prev(next)->second.first, e)) return std::prev(next)->second.second;
    return nullptr;
  };
  for (const candidate& c : candidates) {
    if (c.edits.empty()) {
      result.skipped.push_back({c.finding, nullptr});
      continue;
    }
    const diagnostic* conflict = nullptr;
    for (const byte_edit& e : c.edits)
      if ((conflict = collision(e))) break;
    if (conflict) {
      result.skipped.push_back({c.finding, conflict});
      continue;
    }
    for (const byte_edit& e : c.edits) kept.emplace(e.begin, std::make_pair(e, c.finding));
    result.applied.push_back(c.finding);
  }

  const std::string_view original = file.text();
  std::size_t copied = 0;
  for (const auto& [begin, entry] : kept) {
    result.text.append(original.substr(copied, begin - copied));
    result.text.append(*entry.first.replacement);
    copied = entry.first.end;
  }
  result.text.append(original.substr(copied));
  return result;
}

}  // namespace akkoord

// Source files and positions. One convention for the whole tool: lines and columns are 1-based and
// columns count Unicode code points (what an editor shows), never bytes.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace akkoord {

struct source_pos {
  std::uint32_t line = 0;    // 1-based; 0 means "no position" (a whole-file message)
  std::uint32_t column = 0;  // 1-based, in code points
  friend bool operator==(const source_pos&, const source_pos&) = default;
  friend auto operator<=>(const source_pos&, const source_pos&) = default;
};

class source_file {
 public:
  source_file(std::string path, std::string text);  // drops a leading UTF-8 BOM

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

  // Position of a byte offset into text(); the column counts code points.
  source_pos pos_at(std::size_t byte_offset) const;
  // Byte offset of a position (inverse of pos_at for valid positions).
  std::size_t offset_of(source_pos pos) const;
  // The text of a line without its line end ('\n' or "\r\n").
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

 private:
  // pos_at and offset_of run in O(log n) plus at most one checkpoint interval, however long the line: an
  // ASCII line maps columns to bytes directly, and a line with other characters has a checkpoint at its first
  // non-ASCII byte and then about every checkpoint_interval bytes. ASCII text costs no memory here.
  static constexpr std::size_t checkpoint_interval = 256;
  struct line_range {
    std::size_t start;                     // byte offset of the line's first character
    std::size_t end;                       // its '\n' (or the end of the text)
    std::size_t first_checkpoint;          // index of its first checkpoint
    std::size_t end_checkpoint;            // one past its last
  };
  line_range range_of(std::uint32_t line) const;  // line in [1, line_count()]

  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;  // byte offset of each line's first character
  // Checkpoints, in text order: a byte offset (never a continuation byte) and the code points from the start
  // of its line to it. The bytes of a line before its first checkpoint are ASCII.
  std::vector<std::size_t> checkpoint_bytes_;
  std::vector<std::uint32_t> checkpoint_columns_;
};

struct source_span {
  const source_file* file = nullptr;  // null: not tied to a file (e.g. a command-line problem)
  source_pos begin;
  source_pos end;  // exclusive
  bool valid() const { return file != nullptr && begin.line != 0; }
};

// Owns every file text read in a run; spans point into it, so it outlives all diagnostics.
// add() is thread-safe and returned references stay valid (files are never moved).
class source_manager {
 public:
  const source_file& add(std::string path, std::string text);

 private:
  std::mutex mutex_;
  std::deque<std::unique_ptr<source_file>> files_;
};

// Reads a whole file. On failure returns nullopt and sets `error` to a plain-words reason
// ("no such file", "is a directory", "permission denied", ...), in English and Dutch.
struct read_error {
  std::string en;
  std::string nl;
};
// A file larger than `max_bytes` is not read at all (not even into memory): the reason names its size.
std::optional<std::string> read_whole_file(const std::string& path, read_error& error,
                                           std::size_t max_bytes = static_cast<std::size_t>(-1));

// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Number of code points in a valid UTF-8 string (invalid bytes count as one each).
std::size_t count_code_points(std::string_view text);

}  // namespace akkoord

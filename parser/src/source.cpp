#include "akkoord/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "akkoord/exact.hpp"

namespace akkoord {

source_file::source_file(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  // A UTF-8 byte order mark is not content: dropping it keeps line-1 columns as an editor shows them.
  if (text_.starts_with("\xEF\xBB\xBF")) text_.erase(0, 3);
  line_starts_.push_back(0);
  std::size_t line_start = 0;
  std::uint32_t column = 0;     // code points from line_start to i, kept only once the line has a checkpoint
  bool checkpointed = false;    // the current line has a checkpoint
  const std::size_t size = text_.size();
  for (std::size_t i = 0; i < size; ++i) {
    // The common case, eight bytes at a time: plain ASCII without a line end, on a line without a checkpoint.
    while (!checkpointed && i + 8 <= size) {
      std::uint64_t word;
      std::memcpy(&word, text_.data() + i, sizeof word);
      constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
      const std::uint64_t newlines = word ^ (ones * '\n');  // a zero byte where `word` has '\n'
      if ((word & high) != 0 || ((newlines - ones) & ~newlines & high) != 0) break;
      i += 8;
    }
    if (i >= size) break;
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c == '\n') {
      line_starts_.push_back(i + 1);
      line_start = i + 1;
      checkpointed = false;
      continue;
    }
    if (c < 0x80 && !checkpointed) continue;  // the common case: ASCII so far on this line
    if ((c & 0xC0) != 0x80) {
      if (!checkpointed) column = static_cast<std::uint32_t>(i - line_start);  // all ASCII before i
      if (!checkpointed || i - checkpoint_bytes_.back() >= checkpoint_interval) {
        checkpoint_bytes_.push_back(i);
        checkpoint_columns_.push_back(column);
        checkpointed = true;
      }
      ++column;
    } else if (!checkpointed) {  // a stray continuation byte (not UTF-8): not a code point, as in pos_at
      column = static_cast<std::uint32_t>(i - line_start);
      checkpoint_bytes_.push_back(i);
      checkpoint_columns_.push_back(column);
      checkpointed = true;
    }
  }
}

source_file::line_range source_file::range_of(std::uint32_t line) const {
  const std::size_t start = line_starts_[line - 1];
  const std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  const auto first = std::lower_bound(checkpoint_bytes_.begin(), checkpoint_bytes_.end(), start);
  const auto last = std::lower_bound(first, checkpoint_bytes_.end(), end);
  return {start, end, static_cast<std::size_t>(first - checkpoint_bytes_.begin()),
          static_cast<std::size_t>(last - checkpoint_bytes_.begin())};
}

source_pos source_file::pos_at(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());  // 1-based
  const std::size_t start = line_starts_[line - 1];
  // Count from the last checkpoint at or before the offset, if it is on this line; else all before is ASCII.
  const auto after = std::upper_bound(checkpoint_bytes_.begin(), checkpoint_bytes_.end(), byte_offset);
  std::size_t column = byte_offset - start;
  if (after != checkpoint_bytes_.begin() && *(after - 1) >= start) {
    const auto k = static_cast<std::size_t>(after - checkpoint_bytes_.begin()) - 1;
    const std::size_t from = checkpoint_bytes_[k];
    column = checkpoint_columns_[k] + count_code_points(std::string_view(text_).substr(from, byte_offset - from));
  }
  return {line, static_cast<std::uint32_t>(column + 1)};
}

std::size_t source_file::offset_of(source_pos pos) const {
  if (pos.line == 0 || pos.line > line_starts_.size()) return text_.size();
  const line_range r = range_of(pos.line);
  const std::size_t wanted = pos.column > 0 ? pos.column - 1 : 0;  // code points before the position
  // The last checkpoint of the line with at most `wanted` code points before it.
  const auto first = checkpoint_columns_.begin() + static_cast<std::ptrdiff_t>(r.first_checkpoint);
  const auto last = checkpoint_columns_.begin() + static_cast<std::ptrdiff_t>(r.end_checkpoint);
  const auto after = std::upper_bound(first, last, static_cast<std::uint32_t>(std::min<std::size_t>(wanted, UINT32_MAX)));
  if (after == first) return std::min(r.start + wanted, first == last ? r.end : checkpoint_bytes_[r.first_checkpoint]);
  const auto k = static_cast<std::size_t>(after - checkpoint_columns_.begin()) - 1;
  std::size_t i = checkpoint_bytes_[k];
  for (std::size_t col = checkpoint_columns_[k]; col < wanted && i < r.end; ++col) {
    ++i;
    while (i < r.end && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

std::string_view source_file::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

const source_file& source_manager::add(std::string path, std::string text) {
  auto file = std::make_unique<source_file>(std::move(path), std::move(text));
  std::lock_guard lock(mutex_);
  files_.push_back(std::move(file));
  return *files_.back();
}

std::optional<std::string> read_whole_file(const std::string& path, read_error& error, std::size_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT) {
      error = {"no such file", "het bestand bestaat niet"};
    } else if (err == EACCES) {
      error = {"permission denied", "er zijn geen leesrechten"};
    } else if (err == ENOTDIR) {
      error = {"a part of the path is not a directory", "een deel van het pad is geen map"};
    } else if (err == ELOOP) {
      error = {"a loop of symbolic links", "het pad bevat een kring van symbolische koppelingen"};
    } else {
      error = {std::strerror(err), std::strerror(err)};
    }
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    error = {"is a directory, not a file", "het is een map, geen bestand"};
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {  // a FIFO or device could block the run or never end
    error = {"is not a regular file", "het is geen gewoon bestand"};
    return std::nullopt;
  }
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    constexpr std::size_t mebibyte = 1024 * 1024;
    const auto size = [&](money_style style) { return format_count(static_cast<std::uint64_t>(st.st_size), style); };
    const auto limit = [&](money_style style) {
      return max_bytes % mebibyte == 0 ? std::to_string(max_bytes / mebibyte) + " MiB" : format_count(max_bytes, style) + " bytes";
    };
    error = {"is too large (" + size(money_style::en) + " bytes): akkoord reads files of at most " + limit(money_style::en),
             "het bestand is te groot (" + size(money_style::nl) + " bytes): akkoord leest bestanden van hoogstens " +
                 limit(money_style::nl)};
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = {"cannot be opened (permission denied?)", "het bestand kan niet worden geopend (ontbreken de leesrechten?)"};
    return std::nullopt;
  }
  // One read of the whole file (a per-character iterator costs ~8% of a 1,000-plan run).
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    error = {"could not be read", "het lezen is mislukt"};
    return std::nullopt;
  }
  return text;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // overlong forms, surrogates and values beyond U+10FFFF are not UTF-8
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace akkoord

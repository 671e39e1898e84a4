// Baselines: fingerprints that survive line shifts, the JSON file, and multiset matching.
#include "akkoord/validator/baseline.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <tuple>

#include "akkoord/validator/report.hpp"

namespace akkoord {

namespace {

constexpr std::string_view suppressed_by_baseline = "baseline";

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string file_of(const diagnostic& d) {
  if (d.primary.file == nullptr) return {};
  return std::filesystem::path(d.primary.file->path()).lexically_normal().generic_string();
}

// The parts of a finding that identify it without its line number.
std::string identity_of(const diagnostic& d) {
  std::string key = d.id;
  key += '\0';
  key += file_of(d);
  key += '\0';
  if (d.primary.valid()) {
    const source_file& file = *d.primary.file;
    key += trimmed(file.line_text(d.primary.begin.line));
    key += '\0';
    const std::size_t begin = file.offset_of(d.primary.begin);
    const std::size_t end = std::max(begin, file.offset_of(d.primary.end));
    key += file.text().substr(begin, std::min<std::size_t>(end - begin, 4096));
  }
  return key;
}

std::string fnv1a_hex(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) hex[static_cast<std::size_t>(i)] = digits[hash & 0xF];
  return hex;
}

// --- a small JSON reader, enough for the baseline file (strings, numbers, literals, arrays, objects) -------

class json_reader {
 public:
  explicit json_reader(std::string_view in) : in_(in) {}

  bool at_end() {
    skip_space();
    return pos_ == in_.size();
  }
  bool consume(char c) {
    skip_space();
    if (pos_ < in_.size() && in_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool peek(char c) {
    skip_space();
    return pos_ < in_.size() && in_[pos_] == c;
  }
  bool string(std::string& out) {
    out.clear();
    if (!consume('"')) return false;
    while (pos_ < in_.size()) {
      const char c = in_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= in_.size()) return false;
      switch (in_[pos_++]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair
            std::uint32_t low = 0;
            if (pos_ + 1 >= in_.size() || in_[pos_] != '\\' || in_[pos_ + 1] != 'u') return false;
            pos_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          append_utf8(out, cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }
  bool number(std::int64_t& out) {
    skip_space();
    const std::size_t start = pos_;
    if (pos_ < in_.size() && in_[pos_] == '-') ++pos_;
    while (pos_ < in_.size() && ((in_[pos_] >= '0' && in_[pos_] <= '9') || in_[pos_] == '.' || in_[pos_] == 'e' ||
                                 in_[pos_] == 'E' || in_[pos_] == '+' || in_[pos_] == '-'))
      ++pos_;
    const std::string_view digits = in_.substr(start, pos_ - start);
    if (digits.empty() || digits.size() > 18) return false;
    out = 0;
    bool negative = false;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i == 0 && digits[i] == '-') {
        negative = true;
        continue;
      }
      if (digits[i] < '0' || digits[i] > '9') return false;  // only integers matter here
      out = out * 10 + (digits[i] - '0');
    }
    if (negative) out = -out;
    return digits != "-";
  }
  // Any value, ignored (keys this version does not know). Depth-bounded.
  bool skip_value(int depth = 0) {
    if (depth > 64) return false;
    skip_space();
    if (pos_ >= in_.size()) return false;
    std::string ignored;
    const char c = in_[pos_];
    if (c == '"') return string(ignored);
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++pos_;
      if (consume(close)) return true;
      do {
        if (c == '{' && (!string(ignored) || !consume(':'))) return false;
        if (!skip_value(depth + 1)) return false;
      } while (consume(','));
      return consume(close);
    }
    for (const std::string_view literal : {"true", "false", "null"})
      if (in_.substr(pos_, literal.size()) == literal) {
        pos_ += literal.size();
        return true;
      }
    std::int64_t n = 0;
    return number(n);
  }

 private:
  void skip_space() {
    while (pos_ < in_.size() && (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\n' || in_[pos_] == '\r'))
      ++pos_;
  }
  bool hex4(std::uint32_t& out) {
    if (pos_ + 4 > in_.size()) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = in_[pos_++];
      out <<= 4;
      if (c >= '0' && c <= '9') out |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return false;
    }
    return true;
  }
  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::string_view in_;
  std::size_t pos_ = 0;
};

bool parse_entry(json_reader& in, baseline_entry& entry) {
  if (!in.consume('{')) return false;
  if (in.consume('}')) return false;  // an entry needs its id, file and fingerprint
  bool has_id = false, has_file = false, has_fingerprint = false;
  std::string key;
  do {
    if (!in.string(key) || !in.consume(':')) return false;
    if (key == "id") has_id = in.string(entry.id);
    else if (key == "file") has_file = in.string(entry.file);
    else if (key == "fingerprint") has_fingerprint = in.string(entry.fingerprint);
    else if (key == "message") {
      if (!in.string(entry.message)) return false;
    } else if (!in.skip_value()) {
      return false;
    }
    if ((key == "id" && !has_id) || (key == "file" && !has_file) || (key == "fingerprint" && !has_fingerprint))
      return false;
  } while (in.consume(','));
  return in.consume('}') && has_id && has_file && has_fingerprint;
}

}  // namespace

std::vector<std::string> baseline_fingerprints(const diagnostics& ds) {
  std::vector<std::string> fingerprints;
  fingerprints.reserve(ds.size());
  std::map<std::string, std::size_t> seen;  // identity -> occurrences so far
  for (const diagnostic& d : ds) {
    std::string key = identity_of(d);
    const std::size_t occurrence = seen[key]++;
    key += '\0';
    key += std::to_string(occurrence);
    fingerprints.push_back(fnv1a_hex(key));
  }
  return fingerprints;
}

baseline make_baseline(const diagnostics& ds) {
  const std::vector<std::string> fingerprints = baseline_fingerprints(ds);
  baseline b;
  for (std::size_t i = 0; i < ds.size(); ++i) {
    if (ds[i].suppressed) continue;
    b.entries.push_back({ds[i].id, file_of(ds[i]), fingerprints[i], ds[i].message.en});
  }
  return b;
}

std::string render_baseline(const baseline& b) {
  std::vector<const baseline_entry*> sorted;
  for (const baseline_entry& entry : b.entries) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const baseline_entry* x, const baseline_entry* y) {
    return std::tie(x->file, x->id, x->fingerprint, x->message) < std::tie(y->file, y->id, y->fingerprint, y->message);
  });
  std::string out = "{\n  \"version\": 1,\n  \"findings\": [";
  bool first = true;
  for (const baseline_entry* entry : sorted) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    out += "{\"id\": ";
    append_json_string(out, entry->id);
    out += ", \"file\": ";
    append_json_string(out, entry->file);
    out += ", \"fingerprint\": ";
    append_json_string(out, entry->fingerprint);
    out += ", \"message\": ";
    append_json_string(out, entry->message);
    out += '}';
  }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

bool parse_baseline(std::string_view json, baseline& out, text& error) {
  out.entries.clear();
  json_reader in(json);
  bool has_version = false, has_findings = false;
  std::int64_t version = 0;
  const auto fail = [&] {
    error = {"not a baseline file: expected `{\"version\": 1, \"findings\": [...]}` with `id`, `file` and "
             "`fingerprint` in each finding",
             "geen baselinebestand: verwacht `{\"version\": 1, \"findings\": [...]}` met `id`, `file` en "
             "`fingerprint` in elke bevinding"};
    out.entries.clear();
    return false;
  };
  if (!in.consume('{')) return fail();
  if (!in.peek('}')) {
    std::string key;
    do {
      if (!in.string(key) || !in.consume(':')) return fail();
      if (key == "version") {
        if (!in.number(version)) return fail();
        has_version = true;
      } else if (key == "findings") {
        if (!in.consume('[')) return fail();
        has_findings = true;
        if (!in.consume(']')) {
          do {
            baseline_entry entry;
            if (!parse_entry(in, entry)) return fail();
            out.entries.push_back(std::move(entry));
          } while (in.consume(','));
          if (!in.consume(']')) return fail();
        }
      } else if (!in.skip_value()) {
        return fail();
      }
    } while (in.consume(','));
  }
  if (!in.consume('}') || !in.at_end() || !has_version || !has_findings) return fail();
  if (version != 1) {
    error = {"unsupported baseline version " + std::to_string(version) + "; this akkoord reads version 1",
             "baselineversie " + std::to_string(version) + " wordt niet ondersteund; deze akkoord leest versie 1"};
    out.entries.clear();
    return false;
  }
  return true;
}

std::size_t apply_baseline(diagnostics& ds, const baseline& b) {
  // The multiset of accepted findings: each entry absorbs at most one finding.
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> accepted;
  for (const baseline_entry& entry : b.entries) ++accepted[{entry.id, entry.file, entry.fingerprint}];
  std::size_t unused = b.entries.size();
  const std::vector<std::string> fingerprints = baseline_fingerprints(ds);
  for (std::size_t i = 0; i < ds.size(); ++i) {
    diagnostic& d = ds[i];
    if (d.suppressed) continue;
    const auto found = accepted.find({d.id, file_of(d), fingerprints[i]});
    if (found == accepted.end() || found->second == 0) continue;
    --found->second;
    --unused;
    d.suppressed = true;
    d.suppression_reason = std::string(suppressed_by_baseline);
  }
  return unused;
}

}  // namespace akkoord

// A small strict JSON reader for tests: checks that a report is valid JSON (RFC 8259) and gives access to its
// values, keeping the key order so tests can assert it. Not for production use.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace mini_json {

struct value;
using array = std::vector<value>;
using object = std::vector<std::pair<std::string, value>>;  // in document order

struct value {
  std::variant<std::nullptr_t, bool, double, std::string, std::shared_ptr<array>, std::shared_ptr<object>> v;

  bool is_null() const { return std::holds_alternative<std::nullptr_t>(v); }
  bool is_number() const { return std::holds_alternative<double>(v); }
  bool is_string() const { return std::holds_alternative<std::string>(v); }
  bool is_array() const { return std::holds_alternative<std::shared_ptr<array>>(v); }
  bool is_object() const { return std::holds_alternative<std::shared_ptr<object>>(v); }
  bool as_bool() const { return std::get<bool>(v); }
  double number() const { return std::get<double>(v); }
  const std::string& str() const { return std::get<std::string>(v); }
  const array& arr() const { return *std::get<std::shared_ptr<array>>(v); }
  const object& obj() const { return *std::get<std::shared_ptr<object>>(v); }
  // Member by key; throws when absent.
  const value& operator[](std::string_view key) const {
    for (const auto& [k, member] : obj())
      if (k == key) return member;
    throw std::runtime_error("no key " + std::string(key));
  }
  bool has(std::string_view key) const {
    for (const auto& [k, member] : obj())
      if (k == key) return true;
    return false;
  }
  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const auto& [k, member] : obj()) out.push_back(k);
    return out;
  }
};

class parser {
 public:
  explicit parser(std::string_view text) : s_(text) {}

  value parse_document() {
    value result = parse_value(0);
    skip_space();
    if (i_ != s_.size()) fail("text after the JSON value");
    return result;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("invalid JSON at byte " + std::to_string(i_) + ": " + what);
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  void expect(char c) {
    skip_space();
    if (i_ >= s_.size() || s_[i_] != c) fail(std::string("expected '") + c + "'");
    ++i_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  value parse_value(int depth) {
    if (depth > 200) fail("nested too deeply");
    skip_space();
    if (i_ >= s_.size()) fail("unexpected end");
    const char c = s_[i_];
    if (c == '{') return parse_object(depth);
    if (c == '[') return parse_array(depth);
    if (c == '"') return value{parse_string()};
    if (literal("null")) return value{nullptr};
    if (literal("true")) return value{true};
    if (literal("false")) return value{false};
    return value{parse_number()};
  }

  value parse_object(int depth) {
    ++i_;
    auto members = std::make_shared<object>();
    skip_space();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      return value{members};
    }
    for (;;) {
      skip_space();
      if (i_ >= s_.size() || s_[i_] != '"') fail("expected a key");
      std::string key = parse_string();
      for (const auto& [k, v] : *members)
        if (k == key) fail("duplicate key " + key);
      expect(':');
      members->emplace_back(std::move(key), parse_value(depth + 1));
      skip_space();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      expect('}');
      return value{members};
    }
  }

  value parse_array(int depth) {
    ++i_;
    auto items = std::make_shared<array>();
    skip_space();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      return value{items};
    }
    for (;;) {
      items->push_back(parse_value(depth + 1));
      skip_space();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      expect(']');
      return value{items};
    }
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

  std::uint32_t parse_hex4() {
    if (i_ + 4 > s_.size()) fail("short \\u escape");
    std::uint32_t cp = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = s_[i_++];
      cp <<= 4;
      if (h >= '0' && h <= '9') cp |= static_cast<std::uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f') cp |= static_cast<std::uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') cp |= static_cast<std::uint32_t>(h - 'A' + 10);
      else fail("bad hex digit");
    }
    return cp;
  }

  std::string parse_string() {
    ++i_;  // opening quote
    std::string out;
    for (;;) {
      if (i_ >= s_.size()) fail("unterminated string");
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return out;
      }
      if (c < 0x20) fail("raw control character in a string");
      if (c != '\\') {
        out += static_cast<char>(c);
        ++i_;
        continue;
      }
      ++i_;
      if (i_ >= s_.size()) fail("unterminated escape");
      const char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = parse_hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (!literal("\\u")) fail("lone high surrogate");
            const std::uint32_t low = parse_hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("bad low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail("lone low surrogate");
          }
          append_utf8(out, cp);
          break;
        }
        default: fail("unknown escape");
      }
    }
  }

  double parse_number() {
    const std::size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') fail("expected a value");
    if (s_[i_] == '0') {
      ++i_;
    } else {
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') fail("digit expected after '.'");
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') fail("digit expected in exponent");
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    }
    // Test-only reader: report numbers are small integers, which a double holds exactly.
    return std::stod(std::string(s_.substr(start, i_ - start)));
  }
};

// Parses a whole document; throws std::runtime_error naming the byte offset when it is not valid JSON.
inline value parse(std::string_view text) { return parser(text).parse_document(); }

}  // namespace mini_json

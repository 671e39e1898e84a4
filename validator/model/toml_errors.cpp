// toml++ 3.3.0 words its errors "Error while parsing SCOPE: REASON" (parser.inl, error_builder); the table below
// maps the scopes and reasons it produces to akkoord's messages. The fixes read only the line's own text.
#include "toml_errors.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <vector>

#include <fmt/format.h>

namespace akkoord {
namespace {

using namespace std::string_view_literals;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_bare_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '-';
}
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// The end of the quoted text that starts at `open` (one past its closing quote), or npos when the line does not
// close it. Basic strings ("…") have backslash escapes; literal strings ('…') do not.
std::size_t end_of_quoted(std::string_view line, std::size_t open) {
  const char quote = line[open];
  for (std::size_t i = open + 1; i < line.size(); ++i) {
    if (quote == '"' && line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] == quote) return i + 1;
  }
  return std::string_view::npos;
}

// ---- reading what was written ------------------------------------------------------------------------------

// The length of the run of digits at `s[i]`.
std::size_t digits_at(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && is_digit(s[i + n])) ++n;
  return n;
}

int number_of(std::string_view digits) {
  int n = 0;
  for (const char c : digits) n = n * 10 + (c - '0');
  return n;
}

// A date as people write it: day first (`01-03-2026`, `1-3-2026`, `1/3/2026`, `01.03.2026`) or year first with
// another separator or without leading zeros (`2026/3/1`); the same separator twice. As `YYYY-MM-DD`, when the
// day exists.
std::optional<std::string> written_date(std::string_view s) {
  std::array<std::string_view, 3> parts;
  std::size_t at = 0;
  char separator = 0;
  for (std::size_t p = 0; p < 3; ++p) {
    const std::size_t n = digits_at(s, at);
    if (n == 0) return std::nullopt;
    parts[p] = s.substr(at, n);
    at += n;
    if (p == 2) break;
    if (at >= s.size() || (s[at] != '-' && s[at] != '/' && s[at] != '.')) return std::nullopt;
    if (separator != 0 && s[at] != separator) return std::nullopt;
    separator = s[at++];
  }
  if (at != s.size()) return std::nullopt;
  const bool year_first = parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2;
  const bool day_first = parts[2].size() == 4 && parts[0].size() <= 2 && parts[1].size() <= 2;
  if (!year_first && !day_first) return std::nullopt;
  const int year = number_of(year_first ? parts[0] : parts[2]);
  const int day = number_of(year_first ? parts[2] : parts[0]);
  const int month = number_of(parts[1]);
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

enum class number_form {
  plain,               // already TOML: 2025, 12.5, 1_250
  thousands,           // 1.250.000 or 1,250,000
  thousands_decimals,  // 1.250,50 or 1.250.000,00
  decimal_comma,       // 12,5 or 1_250,50
};

struct written_number {
  std::string toml;  // the number as TOML writes it
  number_form form;
  bool has_decimals;
};

// Digits separated by single underscores: `1_250`.
bool is_grouped_digits(std::string_view s) {
  if (s.empty() || !is_digit(s.front()) || !is_digit(s.back())) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!is_digit(s[i]) && !(s[i] == '_' && is_digit(s[i + 1]) && is_digit(s[i - 1]))) return false;
  return true;
}

// Groups of three after a first group of one to three digits, split by `separator`: `1.250.000`; the groups.
std::optional<std::vector<std::string_view>> thousands_groups(std::string_view s, char separator) {
  std::vector<std::string_view> groups;
  std::size_t at = 0;
  while (true) {
    const std::size_t n = digits_at(s, at);
    if (n == 0 || n > 3 || (!groups.empty() && n != 3)) return std::nullopt;
    groups.push_back(s.substr(at, n));
    at += n;
    if (at == s.size()) break;
    if (s[at] != separator) return std::nullopt;
    ++at;
  }
  return groups;
}

// A number as people write it, in TOML's notation; nullopt when it is not a number or is ambiguous (`1.250`
// is 1250 to a Dutch reader and 1.25 to TOML; `1,250` the other way round for an English one).
std::optional<written_number> written_number_of(std::string_view s) {
  std::string sign;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    sign = s.front();
    s.remove_prefix(1);
  }
  const auto join = [](const std::vector<std::string_view>& groups) {
    std::string out;
    for (const auto g : groups) out += (out.empty() ? "" : "_") + std::string(g);
    return out;
  };
  const auto no_leading_zero = [](std::string_view whole) { return whole.size() == 1 || whole.front() != '0'; };
  const std::size_t comma = s.find(',');
  const std::size_t last_comma = s.rfind(',');
  // 1.250.000,50 (a decimal comma after points) or 12,5 (a decimal comma alone)
  if (comma != std::string_view::npos && comma == last_comma) {
    const std::string_view whole = s.substr(0, comma), decimals = s.substr(comma + 1);
    if (decimals.empty() || digits_at(decimals, 0) != decimals.size()) return std::nullopt;
    if (whole.find('.') != std::string_view::npos) {
      const auto groups = thousands_groups(whole, '.');
      if (!groups || !no_leading_zero(groups->front())) return std::nullopt;
      return written_number{sign + join(*groups) + "." + std::string(decimals), number_form::thousands_decimals, true};
    }
    if (!is_grouped_digits(whole) || !no_leading_zero(whole)) return std::nullopt;
    // 1,250 and 125,000: one comma before three digits reads as a thousands separator to some
    if (decimals.size() == 3 && whole.size() <= 3) return std::nullopt;
    return written_number{sign + std::string(whole) + "." + std::string(decimals), number_form::decimal_comma, true};
  }
  // 1.250.000 and 1,250,000: at least two separators, so no decimal point or comma is meant
  for (const char separator : {'.', ','}) {
    if (std::count(s.begin(), s.end(), separator) < 2) continue;
    const auto groups = thousands_groups(s, separator);
    if (!groups || !no_leading_zero(groups->front())) return std::nullopt;
    return written_number{sign + join(*groups), number_form::thousands, false};
  }
  // already TOML: 2025, 1_250, 12.5 (not 1.250: ambiguous)
  const std::size_t point = s.find('.');
  const std::string_view whole = s.substr(0, point);
  if (!is_grouped_digits(whole) || !no_leading_zero(whole)) return std::nullopt;
  if (point == std::string_view::npos) return written_number{sign + std::string(s), number_form::plain, false};
  const std::string_view decimals = s.substr(point + 1);
  if (!is_grouped_digits(decimals) || (decimals.size() == 3 && whole.size() <= 3)) return std::nullopt;
  return written_number{sign + std::string(s), number_form::plain, true};
}

// `ja`, `nee`, `waar`, `onwaar`, `yes`, `no` and `True` as TOML's `true` or `false`.
std::optional<std::string_view> written_boolean(std::string_view s) {
  const std::string word = lowercase(s);
  for (const auto yes : {"ja"sv, "waar"sv, "yes"sv, "true"sv})
    if (word == yes) return "true"sv;
  for (const auto no : {"nee"sv, "onwaar"sv, "no"sv, "false"sv})
    if (word == no) return "false"sv;
  return std::nullopt;
}

// Text that was meant to be a string: a name or words (`aalsmeer`, `Gemeente Aalsmeer`), nothing TOML reads.
bool is_plain_words(std::string_view s) {
  if (s.empty() || !is_letter(s.front())) return false;
  for (const char c : s)
    if (!is_bare_key_char(c) && c != ' ' && c != '.' && c != ',') return false;
  return s != "inf" && s != "nan" && s != "true" && s != "false";
}

// ---- the fixes -----------------------------------------------------------------------------------------------

// What a fix says: the problem with the value as written (`{value}`) and the help quoting the fix (`{fix}`).
struct fix_words {
  std::string_view problem_en, problem_nl, help_en, help_nl;
  bool certain = true;  // the fix is the only reading of what was written
};

constexpr std::string_view not_a_number_en = "`{value}` is not a number in TOML";
constexpr std::string_view not_a_number_nl = "`{value}` is in TOML geen getal";

constexpr fix_words number_in_quotes{"`{value}` is a number in quotes",
                                     "`{value}` is een getal tussen aanhalingstekens",
                                     "remove the quotes: `{fix}`", "verwijder de aanhalingstekens: `{fix}`"};
constexpr fix_words thousands_separator{
    not_a_number_en, not_a_number_nl, "TOML has no thousands separator (`_` may group digits): `{fix}`",
    "TOML kent geen scheidingsteken voor duizendtallen (`_` mag cijfers groeperen): `{fix}`"};
constexpr fix_words thousands_and_decimals{
    not_a_number_en, not_a_number_nl,
    "TOML writes decimals after a point and has no thousands separator (`_` may group digits): `{fix}`",
    "TOML schrijft decimalen na een punt en kent geen scheidingsteken voor duizendtallen (`_` mag cijfers "
    "groeperen): `{fix}`"};
constexpr fix_words decimal_comma{not_a_number_en, not_a_number_nl,
                                  "TOML writes decimals after a point, not a comma: `{fix}`",
                                  "TOML schrijft decimalen na een punt, niet na een komma: `{fix}`"};
constexpr fix_words date_in_quotes{"`{value}` is a date in quotes", "`{value}` is een datum tussen aanhalingstekens",
                                   "write the date without quotes: `{fix}`",
                                   "schrijf de datum zonder aanhalingstekens: `{fix}`"};
constexpr fix_words date_not_year_first{
    "`{value}` is not a date in TOML", "`{value}` is in TOML geen datum",
    "TOML writes a date year first (YYYY-MM-DD), without quotes: `{fix}`",
    "TOML schrijft een datum met het jaar voorop (JJJJ-MM-DD) en zonder aanhalingstekens: `{fix}`",
    false};  // 01-03-2026: day first as in Dutch, but month first elsewhere
constexpr fix_words date_other_separators{"`{value}` is not a date in TOML", "`{value}` is in TOML geen datum",
                                          "TOML writes a date as YYYY-MM-DD, without quotes: `{fix}`",
                                          "TOML schrijft een datum als JJJJ-MM-DD, zonder aanhalingstekens: `{fix}`"};
constexpr fix_words yes_or_no{"`{value}` is not a boolean in TOML", "`{value}` is in TOML geen waarheidswaarde",
                              "TOML writes yes and no as `true` and `false`, without quotes: `{fix}`",
                              "TOML schrijft ja en nee als `true` en `false`, zonder aanhalingstekens: `{fix}`"};
constexpr fix_words text_without_quotes{"`{value}` is text without quotes",
                                        "`{value}` is tekst zonder aanhalingstekens",
                                        "put text in double quotes: `{fix}`",
                                        "zet tekst tussen dubbele aanhalingstekens: `{fix}`"};
// `{quote}`: the quote the text opens with
constexpr fix_words unclosed_text{"the text in quotes is not closed on this line",
                                  "de tekst tussen aanhalingstekens wordt op deze regel niet afgesloten",
                                  "close the text with `{quote}` on the same line: `{fix}`",
                                  "sluit de tekst op dezelfde regel af met `{quote}`: `{fix}`",
                                  false};  // where the text was meant to end is a guess

toml_fix make_fix(std::string_view line, const toml_statement& st, const std::string& value, toml_value_kind kind,
                  const fix_words& words) {
  toml_fix fix;
  fix.statement = fmt::format("{} = {}", line.substr(st.key_begin, st.key_end - st.key_begin), value);
  fix.value = value;
  fix.certain = words.certain;
  fix.kind = kind;
  fix.written = st;
  const std::string_view written = line.substr(st.value_begin, st.value_end - st.value_begin);
  const auto say = [&](std::string_view words_in_one_language) {
    return fmt::format(fmt::runtime(words_in_one_language), fmt::arg("value", written), fmt::arg("fix", fix.statement),
                       fmt::arg("quote", written.substr(0, 1)));
  };
  fix.problem = {say(words.problem_en), say(words.problem_nl)};
  fix.help = {say(words.help_en), say(words.help_nl)};
  return fix;
}

std::optional<toml_fix> number_fix(std::string_view line, const toml_statement& st, const written_number& n,
                                   bool quoted) {
  const toml_value_kind kind = n.has_decimals ? toml_value_kind::floating_point : toml_value_kind::integer;
  switch (n.form) {
    case number_form::plain:
      if (!quoted) return std::nullopt;  // nothing to fix
      return make_fix(line, st, n.toml, kind, number_in_quotes);
    case number_form::thousands: return make_fix(line, st, n.toml, kind, thousands_separator);
    case number_form::thousands_decimals: return make_fix(line, st, n.toml, kind, thousands_and_decimals);
    case number_form::decimal_comma: return make_fix(line, st, n.toml, kind, decimal_comma);
  }
  return std::nullopt;
}

std::optional<toml_fix> date_fix(std::string_view line, const toml_statement& st, std::string_view written,
                                 bool quoted) {
  const auto date = written_date(written);
  if (!date) return std::nullopt;
  if (*date != written)
    return make_fix(line, st, *date, toml_value_kind::date,
                    written.substr(0, 4) == date->substr(0, 4) ? date_other_separators : date_not_year_first);
  if (!quoted) return std::nullopt;  // already a TOML date
  return make_fix(line, st, *date, toml_value_kind::date, date_in_quotes);
}

std::optional<toml_fix> boolean_fix(std::string_view line, const toml_statement& st, std::string_view written,
                                    bool quoted) {
  const auto value = written_boolean(written);
  if (!value || (*value == written && !quoted)) return std::nullopt;
  return make_fix(line, st, std::string(*value), toml_value_kind::boolean, yes_or_no);
}

// A date, number or yes/no, whether it was written in quotes or not.
std::optional<toml_fix> typed_value_fix(std::string_view line, const toml_statement& st, std::string_view written,
                                        bool quoted) {
  if (auto fix = date_fix(line, st, written, quoted)) return fix;
  if (const auto number = written_number_of(written)) return number_fix(line, st, *number, quoted);
  return boolean_fix(line, st, written, quoted);
}

}  // namespace

std::optional<toml_statement> split_toml_statement(std::string_view line) {
  toml_statement st;
  std::size_t i = 0;
  while (i < line.size() && is_blank(line[i])) ++i;
  st.key_begin = i;
  // key parts: bare, "quoted" or 'literal', joined by points
  while (true) {
    if (i >= line.size()) return std::nullopt;
    if (line[i] == '"' || line[i] == '\'') {
      i = end_of_quoted(line, i);
      if (i == std::string_view::npos) return std::nullopt;
    } else {
      const std::size_t begin = i;
      while (i < line.size() && is_bare_key_char(line[i])) ++i;
      if (i == begin) return std::nullopt;
    }
    st.key_end = i;
    while (i < line.size() && is_blank(line[i])) ++i;
    if (i >= line.size() || line[i] != '.') break;
    ++i;
    while (i < line.size() && is_blank(line[i])) ++i;
  }
  if (i >= line.size() || line[i] != '=') return std::nullopt;
  ++i;
  while (i < line.size() && is_blank(line[i])) ++i;
  st.value_begin = i;
  // the value ends at a comment; a `#` inside quotes (even unclosed ones) is text
  std::size_t end = line.size();
  if (i < line.size() && (line[i] == '"' || line[i] == '\'')) {
    const std::size_t closed = end_of_quoted(line, i);
    if (closed != std::string_view::npos) end = std::min(line.size(), line.find('#', closed));
  } else {
    end = std::min(line.size(), line.find('#', i));
  }
  while (end > i && is_blank(line[end - 1])) --end;
  if (end == i) return std::nullopt;
  st.value_end = end;
  return st;
}

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\')
      (out += '\\') += c;
    else if (byte < 0x20 || byte == 0x7F)
      out += fmt::format("\\u{:04X}", byte);
    else
      out += c;
  }
  return out + '"';
}

std::optional<toml_fix> suggest_toml_fix(std::string_view line) {
  const auto st = split_toml_statement(line);
  if (!st) return std::nullopt;
  const std::string_view value = line.substr(st->value_begin, st->value_end - st->value_begin);
  const char first = value.front();
  if (first == '"' || first == '\'') {
    if (value.starts_with(R"(""")") || value.starts_with("'''")) return std::nullopt;  // multi-line: not one line
    const std::size_t closed = end_of_quoted(value, 0);
    if (closed == value.size()) {
      // valid text: a fix only when it holds a date, number or yes/no (for a field that wants one)
      const std::string_view inner = value.substr(1, value.size() - 2);
      if (inner.find('\\') != std::string_view::npos) return std::nullopt;
      return typed_value_fix(line, *st, inner, true);
    }
    if (closed != std::string_view::npos) return std::nullopt;  // text after the string: not ours to guess
    // the closing quote is missing; a comment after the text (`"AA   # the id`) stays outside the quotes
    std::string_view inner = value.substr(1);
    for (std::size_t hash = inner.find('#'); hash != std::string_view::npos; hash = inner.find('#', hash + 1))
      if (hash > 0 && is_blank(inner[hash - 1])) {
        inner = trim_blanks(inner.substr(0, hash));
        break;
      }
    if (inner.find('\\') != std::string_view::npos || inner.find(first) != std::string_view::npos) return std::nullopt;
    const std::string quote(1, first);
    return make_fix(line, *st, quote + std::string(inner) + quote, toml_value_kind::string, unclosed_text);
  }
  if (auto fix = typed_value_fix(line, *st, value, false)) return fix;
  // text without quotes (`aalsmeer`), or without its opening quote (`aalsmeer"`)
  std::string_view words = value;
  if (words.ends_with('"')) words.remove_suffix(1);
  if (!is_plain_words(words)) return std::nullopt;
  return make_fix(line, *st, fmt::format("\"{}\"", words), toml_value_kind::string, text_without_quotes);
}

// ---- toml++'s errors -----------------------------------------------------------------------------------------

namespace {

struct known_error {
  std::string_view scope;   // a part of toml++'s scope ("string" also matches "literal string"); empty: any
  std::string_view reason;  // a part of its reason; empty: any
  std::string_view en, nl;
  std::string_view help_en = {}, help_nl = {};
  toml_caret caret = toml_caret::reported;
  bool only_at_line_end = false;  // toml++ stopped at the end of the line
};

constexpr std::string_view value_forms_en =
    "a value is text in double quotes, a number, a date (YYYY-MM-DD), or `true` or `false`";
constexpr std::string_view value_forms_nl =
    "een waarde is tekst tussen dubbele aanhalingstekens, een getal, een datum (JJJJ-MM-DD), of `true` of `false`";

constexpr std::string_view not_a_value_en = "this is not a TOML value", not_a_value_nl = "dit is geen TOML-waarde";
constexpr std::string_view date_form_en = "TOML writes a date year first, as YYYY-MM-DD: `2025-06-20`";
constexpr std::string_view date_form_nl = "TOML schrijft een datum met het jaar voorop, als JJJJ-MM-DD: `2025-06-20`";
constexpr std::string_view bad_number_en = "this number is not written as TOML writes numbers";
constexpr std::string_view bad_number_nl = "dit getal is niet geschreven zoals TOML getallen schrijft";

// First match wins: the specific entries come before the general ones of the same scope.
constexpr known_error known_errors[] = {
    // strings
    {"string", "control character", "the text in quotes is not closed on this line",
     "de tekst tussen aanhalingstekens wordt op deze regel niet afgesloten",
     "close it with the quote it opens with; text of several lines goes between `\"\"\"` and `\"\"\"`",
     "sluit de tekst af met het aanhalingsteken waarmee deze begint; tekst over meerdere regels staat tussen "
     "`\"\"\"` en `\"\"\"`",
     toml_caret::reported, true},
    {"string", "encountered end-of-file", "the text in quotes is not closed before the end of the file",
     "de tekst tussen aanhalingstekens wordt voor het einde van het bestand niet afgesloten",
     "close it with the quote it opens with", "sluit de tekst af met het aanhalingsteken waarmee deze begint"},
    {"", "control character", "a control character (other than a tab) in the text",
     "een stuurteken (anders dan een tab) in de tekst", "remove it, or write it as an escape such as `\\u0007`",
     "verwijder het, of schrijf het als escape, zoals `\\u0007`"},
    {"unicode scalar", "", "an invalid Unicode escape", "een ongeldige Unicode-escape",
     "write `\\u` with 4 or `\\U` with 8 hexadecimal digits of a Unicode character",
     "schrijf `\\u` met 4 of `\\U` met 8 hexadecimale cijfers van een Unicode-teken"},
    {"", "escape sequence", "an escape that TOML does not know in text in quotes",
     "een escape die TOML niet kent in tekst tussen aanhalingstekens",
     "write a backslash as `\\\\`, or put text with backslashes in single quotes: `'C:\\plannen'`",
     "schrijf een backslash als `\\\\`, of zet tekst met backslashes tussen enkele aanhalingstekens: `'C:\\plannen'`"},
    {"", "line-ending backslash", "a line-ending backslash with text after it on the line",
     "een backslash aan het eind van een regel met nog tekst erna op die regel",
     "end the line right after the backslash", "laat de regel direct na de backslash eindigen"},
    {"string", "", "this text in quotes is not valid TOML", "deze tekst tussen aanhalingstekens is geen geldige TOML"},
    // where a line, key or value is expected
    {"", "expected '=', saw", "a key must be followed by `=` and a value",
     "na een sleutel moeten een `=` en een waarde volgen",
     "write `key = value` on one line; a key without quotes holds only A-Z, a-z, 0-9, `_` and `-`",
     "schrijf `sleutel = waarde` op één regel; een sleutel zonder aanhalingstekens bevat alleen A-Z, a-z, 0-9, `_` "
     "en `-`"},
    {"", "expected value, saw", "`=` must be followed by a value", "na `=` moet een waarde volgen", value_forms_en,
     value_forms_nl},
    {"table header", "expected a comment or whitespace", "unexpected text after the table header",
     "onverwachte tekst na de tabelkop", "put only a `#` comment after `]` on the line",
     "zet na `]` op de regel alleen een `#` met commentaar"},
    {"", "expected a comment or whitespace", "unexpected text after the value", "onverwachte tekst na de waarde",
     "a line holds one `key = value`; put the rest on its own line, or after `#` as a comment",
     "een regel bevat één `sleutel = waarde`; zet de rest op een eigen regel, of na `#` als commentaar"},
    {"", "expected keys, tables, whitespace or comments", "a line starts with a key, a table header or a `#` comment",
     "een regel begint met een sleutel, een tabelkop of een `#` met commentaar",
     "write `key = value`, or a header such as `[plan]` or `[[activity]]`",
     "schrijf `sleutel = waarde`, of een kop zoals `[plan]` of `[[activity]]`"},
    {"", "expected bare key starting character or string delimiter", "a key is a name or text in quotes",
     "een sleutel is een naam of tekst tussen aanhalingstekens",
     "a key without quotes holds only A-Z, a-z, 0-9, `_` and `-`",
     "een sleutel zonder aanhalingstekens bevat alleen A-Z, a-z, 0-9, `_` en `-`"},
    {"", "could not determine value type", not_a_value_en, not_a_value_nl, value_forms_en, value_forms_nl},
    {"", "expected 'nan'", not_a_value_en, not_a_value_nl, value_forms_en, value_forms_nl},  // `nee`
    {"", "expected 'inf'", not_a_value_en, not_a_value_nl, value_forms_en, value_forms_nl},
    {"", "values may not begin with underscores", "a value cannot start with `_`",
     "een waarde kan niet met `_` beginnen", "`_` may only stand between two digits",
     "`_` mag alleen tussen twee cijfers staan"},
    // tables and keys written twice
    {"table header", "cannot redefine", "this table is already defined above",
     "deze tabel staat al eerder in het bestand",
     "a `[table]` occurs once; write `[[activity]]` (two brackets) above each entry of a list",
     "een `[tabel]` komt één keer voor; zet `[[activity]]` (twee haken) boven elk onderdeel van een lijst"},
    {"", "cannot redefine", "this key is already set above in the same table",
     "deze sleutel staat al eerder in dezelfde tabel",
     "remove one of the two; where a new entry of a list starts, write its header above it (`[[activity]]`)",
     "verwijder een van beide; begint hier een nieuw onderdeel van een lijst, zet dan de kop erboven "
     "(`[[activity]]`)", toml_caret::key},
    {"", "cannot insert", "an inline table `{ … }` cannot be extended after it is written",
     "een inline-tabel `{ … }` kan na het schrijven niet worden aangevuld",
     "write all its fields between the braces", "schrijf alle velden tussen de accolades"},
    {"", "blank bare keys", "a table header needs a name", "een tabelkop heeft een naam nodig",
     "write the name between the brackets: `[plan]` or `[[activity]]`",
     "schrijf de naam tussen de haken: `[plan]` of `[[activity]]`"},
    {"table header", "", "this table header is not valid TOML", "deze tabelkop is geen geldige TOML",
     "write `[plan]` or `[contribution]`, or `[[activity]]` and `[[milestone]]` for an entry of a list",
     "schrijf `[plan]` of `[contribution]`, of `[[activity]]` en `[[milestone]]` voor een onderdeel van een lijst"},
    // values
    {"boolean", "", "`true` or `false` is misspelt", "`true` of `false` is verkeerd gespeld",
     "write `true` or `false`, in lower case", "schrijf `true` of `false`, in kleine letters"},
    {"date", "month between", "this month does not exist", "deze maand bestaat niet", date_form_en, date_form_nl},
    {"date", "day between", "this day does not exist in its month", "deze dag bestaat niet in die maand",
     "check the day of the month", "controleer de dag van de maand"},
    {"date", "", "this is not a valid TOML date", "dit is geen geldige TOML-datum", date_form_en, date_form_nl},
    {"time", "", "this is not a valid TOML time", "dit is geen geldige TOML-tijd",
     "a plan needs dates only (YYYY-MM-DD); a time is written as `09:30:00`",
     "een plan heeft alleen datums nodig (JJJJ-MM-DD); een tijd schrijft u als `09:30:00`"},
    {"", "leading zeroes", "a number cannot start with `0`", "een getal kan niet met `0` beginnen",
     "remove the leading zeros; a code that keeps them is text in quotes: `\"0010\"`",
     "verwijder de voorloopnullen; een code die ze houdt, is tekst tussen aanhalingstekens: `\"0010\"`"},
    {"", "representable", "this number is too large for TOML", "dit getal is te groot voor TOML",
     "an integer in TOML is at most 9_223_372_036_854_775_807",
     "een geheel getal in TOML is ten hoogste 9_223_372_036_854_775_807"},
    {"integer", "", bad_number_en, bad_number_nl,
     "write digits, with `_` between groups of digits if you like: `1_250_000`",
     "schrijf cijfers, desgewenst met `_` tussen groepen cijfers: `1_250_000`"},
    {"floating-point", "", bad_number_en, bad_number_nl,
     "write digits with a point before the decimals, and `_` between groups of digits if you like: `1_250_000.50`",
     "schrijf cijfers met een punt voor de decimalen, desgewenst met `_` tussen groepen cijfers: `1_250_000.50`"},
    // lists and inline tables
    {"array", "saw comma", "an empty place in a list (two commas in a row)",
     "een lege plaats in een lijst (twee komma's achter elkaar)", "remove one of the commas",
     "verwijder een van de komma's"},
    {"array", "", "a list separates its values with `,` and ends with `]`",
     "een lijst scheidt de waarden met `,` en eindigt met `]`"},
    {"inline table", "dangling comma", "a `,` after the last field of an inline table",
     "een `,` na het laatste veld van een inline-tabel", "remove the last comma", "verwijder de laatste komma"},
    {"inline table", "", "an inline table is written on one line, with `,` between its fields",
     "een inline-tabel staat op één regel, met `,` tussen de velden",
     "write `{ key = value, key = value }`, or a `[table]` with one field per line",
     "schrijf `{ sleutel = waarde, sleutel = waarde }`, of een `[tabel]` met één veld per regel"},
    // the file itself
    {"", "after '\\r'", "a carriage return (CR) without a line feed",
     "een regelterugloop (CR) zonder regelopschuiving (LF)",
     "save the plan with ordinary line ends (LF or CRLF)", "sla het plan op met gewone regeleinden (LF of CRLF)"},
    {"", "encountered end-of-file", "the file ends before this is complete",
     "het bestand houdt op voordat dit compleet is"},
};

}  // namespace

toml_error_text explain_toml_error(std::string_view description, bool at_line_end) {
  // "Error while parsing SCOPE: REASON"; anything else is all reason
  std::string_view scope, reason = description;
  if (constexpr auto lead = "Error while parsing "sv; description.starts_with(lead)) {
    const std::size_t colon = description.find(": ", lead.size());
    if (colon != std::string_view::npos) {
      scope = description.substr(lead.size(), colon - lead.size());
      reason = description.substr(colon + 2);
    }
  }
  toml_error_text out;
  out.library_note = {fmt::format("toml++: {}", description),
                      fmt::format("de melding van toml++ (in het Engels): {}", description)};
  for (const known_error& k : known_errors) {
    if (scope.find(k.scope) == std::string_view::npos || reason.find(k.reason) == std::string_view::npos) continue;
    if (k.only_at_line_end && !at_line_end) continue;
    out.message = {std::string(k.en), std::string(k.nl)};
    if (!k.help_en.empty()) out.help = text{std::string(k.help_en), std::string(k.help_nl)};
    out.caret = k.caret;
    return out;
  }
  out.message = {"the file is not valid TOML here", "het bestand is hier geen geldige TOML"};
  return out;
}

toml_syntax_error describe_toml_error(const source_file& file, source_pos at, std::string_view description) {
  const bool on_a_line = at.line >= 1 && at.line <= file.line_count();
  const std::string_view line = on_a_line ? file.line_text(at.line) : std::string_view{};
  const std::size_t line_start = on_a_line ? file.offset_of({at.line, 1}) : 0;
  const std::size_t stopped = on_a_line ? file.offset_of(at) - line_start : 0;
  toml_error_text said = explain_toml_error(description, stopped >= line.size());
  toml_syntax_error out{at, at, std::move(said.message), std::move(said.help), std::move(said.library_note)};
  const auto underline = [&](std::size_t begin, std::size_t end) {
    out.begin = file.pos_at(line_start + begin);
    out.end = file.pos_at(line_start + end);
  };
  if (said.caret == toml_caret::key) {
    if (const auto statement = split_toml_statement(line)) underline(statement->key_begin, statement->key_end);
  } else if (auto fix = suggest_toml_fix(line);
             fix && stopped >= fix->written.value_begin && stopped <= fix->written.value_end) {
    underline(fix->written.value_begin, fix->written.value_end);
    out.message = std::move(fix->problem);
    out.help = std::move(fix->help);
    if (fix->certain) out.replacement = std::move(fix->value);
  }
  return out;
}

}  // namespace akkoord

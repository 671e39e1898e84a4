// The BBV taakveld catalogue, read once from the CSV files compiled into the binary.
#include "akkoord/validator/taakvelden.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <set>

#include "akkoord/embedded_text.hpp"

namespace akkoord {

namespace {

// One CSV record: fields separated by commas, a field may be double-quoted ("" is a quote inside). Plain runs
// are copied whole, not character by character: the catalogue is read at every start of a check.
std::vector<std::string> split_csv_line(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t special = i;  // a plain loop: find_first_of calls memchr once per character
    while (special < line.size() && line[special] != '"' &&
           (quoted || (line[special] != ',' && line[special] != '\r')))
      ++special;
    fields.back().append(line.substr(i, special - i));
    if (special == line.size()) break;
    i = special + 1;
    const char c = line[special];
    if (c == '"' && quoted && i < line.size() && line[i] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',') {
      fields.emplace_back();
    }  // '\r' outside quotes is dropped
  }
  return fields;
}

// "2017-2022.csv" -> {2017, 2022}
bool parse_year_range(std::string_view name, int& first, int& last) {
  if (name.size() != 13 || name[4] != '-' || name.substr(9) != ".csv") return false;
  auto number = [](std::string_view digits, int& out) {
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return error == std::errc() && end == digits.data() + digits.size();
  };
  return number(name.substr(0, 4), first) && number(name.substr(5, 4), last) && first <= last;
}

taakveld_list read_list(std::string_view csv, int first, int last) {
  taakveld_list list;
  list.first_year = first;
  list.last_year = last;
  bool header = true;
  while (!csv.empty()) {
    const std::size_t end = csv.find('\n');
    const std::string_view line = csv.substr(0, end);
    csv = end == std::string_view::npos ? std::string_view() : csv.substr(end + 1);
    if (header) {
      header = false;
      continue;
    }
    auto fields = split_csv_line(line);
    if (fields.size() < 3 || fields[0].empty()) continue;
    list.entries.push_back({std::move(fields[0]), std::move(fields[1]), std::move(fields[2])});
  }
  return list;
}

// ASCII only, as std::tolower in the "C" locale, without its call per character; UTF-8 bytes stay as they are.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// The first word of a name, lowercased, when it is long enough to mean something ("jeugdhulp").
std::string first_word(std::string_view name) {
  std::string word;
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) break;
    word += ascii_lower(c);
  }
  return word.size() >= 4 ? word : std::string();
}

// The lookups of a list, built once with it (see taakvelden.hpp).
void index_list(taakveld_list& list) {
  list.by_code.resize(list.entries.size());
  for (std::size_t i = 0; i < list.entries.size(); ++i) list.by_code[i] = i;
  std::sort(list.by_code.begin(), list.by_code.end(),
            [&](std::size_t a, std::size_t b) { return list.entries[a].code < list.entries[b].code; });
  for (const taakveld& t : list.entries) {
    list.lowercase_names.push_back(lowercase(t.name));
    list.name_subjects.push_back(first_word(t.name));
  }
}

bool starts_with_longer(std::string_view code, std::string_view prefix) {
  return code.size() > prefix.size() && code.starts_with(prefix);
}

// Letter sub-codes of a parent code in one list: 6.72 -> 6.72a … 6.72d.
bool is_letter_subcode(std::string_view code, std::string_view parent) {
  if (!starts_with_longer(code, parent)) return false;
  return std::all_of(code.begin() + static_cast<std::ptrdiff_t>(parent.size()), code.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

// The successors of `from_entry` (an entry of list `from`) in the neighbouring list `to`.
std::vector<const taakveld*> step(const taakveld_list& from, const taakveld_list& to, const taakveld& from_entry) {
  const std::string& code = from_entry.code;
  const auto from_index = static_cast<std::size_t>(&from_entry - from.entries.data());
  std::vector<const taakveld*> out;
  if (const auto* same = to.find(code)) {
    // The code lives on; codes new in `to` that extend it are its refinement (6.72 -> 6.72a…6.72d).
    out.push_back(same);
    for (const auto& t : to.entries)
      if (starts_with_longer(t.code, code) && !from.find(t.code)) out.push_back(&t);
    return out;
  }
  const std::string& wanted = from.lowercase_names[from_index];
  for (std::size_t k = 0; k < to.entries.size(); ++k)
    if (to.lowercase_names[k] == wanted) out.push_back(&to.entries[k]);
  if (!out.empty()) return out;
  // Renumbered by extending or shortening the number: 6.6 -> 6.60, 6.71 -> 6.711…6.714, 6.72a -> 6.72.
  for (const auto& t : to.entries)
    if (starts_with_longer(t.code, code) || starts_with_longer(code, t.code)) out.push_back(&t);
  if (!out.empty()) return out;
  // Regrouped under a new name that keeps the subject: "Jeugdhulp begeleiding" -> "Jeugdhulp ambulant lokaal".
  const std::string& word = from.name_subjects[from_index];
  if (!word.empty())
    for (std::size_t k = 0; k < to.entries.size(); ++k)
      if (to.name_subjects[k] == word) out.push_back(&to.entries[k]);
  return out;
}

}  // namespace

const taakveld* taakveld_list::find(std::string_view code) const {
  const auto at = std::lower_bound(by_code.begin(), by_code.end(), code,
                                   [&](std::size_t i, std::string_view wanted) { return entries[i].code < wanted; });
  return at != by_code.end() && entries[*at].code == code ? &entries[*at] : nullptr;
}

std::vector<const taakveld*> taakveld_list::letter_subcodes(std::string_view code) const {
  // Sorted by code, the codes that extend `code` follow it in one run.
  std::vector<const taakveld*> out;
  auto at = std::upper_bound(by_code.begin(), by_code.end(), code,
                             [&](std::string_view wanted, std::size_t i) { return wanted < entries[i].code; });
  for (; at != by_code.end() && starts_with_longer(entries[*at].code, code); ++at)
    if (is_letter_subcode(entries[*at].code, code)) out.push_back(&entries[*at]);
  return out;
}

struct taakveld_catalog_builder {
  static taakveld_catalog build() {
    taakveld_catalog catalog;
    for (const auto& file : embedded_taakveld_csvs()) {
      int first = 0, last = 0;
      if (!parse_year_range(file.name, first, last)) continue;  // hoofdtaakvelden.csv
      catalog.lists_.push_back(read_list(file.text, first, last));
      index_list(catalog.lists_.back());
    }
    std::sort(catalog.lists_.begin(), catalog.lists_.end(),
              [](const taakveld_list& a, const taakveld_list& b) { return a.first_year < b.first_year; });
    return catalog;
  }
};

const taakveld_catalog& taakveld_catalog::builtin() {
  static const taakveld_catalog catalog = taakveld_catalog_builder::build();
  return catalog;
}

const taakveld_list* taakveld_catalog::for_year(int year, bool* newest_applied) const {
  if (newest_applied) *newest_applied = false;
  for (const auto& list : lists_)
    if (year >= list.first_year && year <= list.last_year) return &list;
  if (!lists_.empty() && year > lists_.back().last_year) {
    if (newest_applied) *newest_applied = true;
    return &lists_.back();
  }
  return nullptr;
}

std::vector<const taakveld_list*> taakveld_catalog::lists_with(std::string_view code) const {
  std::vector<const taakveld_list*> out;
  for (const auto& list : lists_)
    if (list.find(code)) out.push_back(&list);
  return out;
}

std::vector<const taakveld*> taakveld_catalog::replacements(std::string_view code, int year) const {
  const taakveld_list* target = for_year(year);
  if (target == nullptr || target->find(code) != nullptr) return {};
  const auto target_index = static_cast<std::size_t>(target - lists_.data());

  // Start from the list nearest to the target that knows the code, then walk list by list towards the
  // target, mapping every code carried along to its successors in the next list.
  std::optional<std::size_t> start;
  for (std::size_t i = 0; i < lists_.size(); ++i) {
    if (!lists_[i].find(code)) continue;
    const auto gap = [&](std::size_t k) { return k > target_index ? k - target_index : target_index - k; };
    if (!start || gap(i) < gap(*start)) start = i;
  }
  if (!start) return {};

  std::vector<const taakveld*> carried = lists_[*start].letter_subcodes(code);
  carried.insert(carried.begin(), lists_[*start].find(code));

  std::size_t at = *start;
  while (at != target_index) {
    const std::size_t next = at < target_index ? at + 1 : at - 1;
    std::set<const taakveld*> successors;
    for (const auto* t : carried)
      for (const auto* s : step(lists_[at], lists_[next], *t)) successors.insert(s);
    carried.assign(successors.begin(), successors.end());
    at = next;
  }
  // In the order of the official list.
  std::sort(carried.begin(), carried.end());
  return carried;
}

}  // namespace akkoord

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

// One CSV record: fields separated by commas, a field may be double-quoted ("" is a quote inside).
std::vector<std::string> split_csv_line(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
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

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The first word of a name, lowercased, when it is long enough to mean something ("jeugdhulp").
std::string first_word(std::string_view name) {
  std::string word;
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) break;
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return word.size() >= 4 ? word : std::string();
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

// The successors of `code` (named `name` in list `from`) in the neighbouring list `to`.
std::vector<const taakveld*> step(const taakveld_list& from, const taakveld_list& to, const std::string& code,
                                  const std::string& name) {
  std::vector<const taakveld*> out;
  if (const auto* same = to.find(code)) {
    // The code lives on; codes new in `to` that extend it are its refinement (6.72 -> 6.72a…6.72d).
    out.push_back(same);
    for (const auto& t : to.entries)
      if (starts_with_longer(t.code, code) && !from.find(t.code)) out.push_back(&t);
    return out;
  }
  const std::string wanted = lowercase(name);
  for (const auto& t : to.entries)
    if (lowercase(t.name) == wanted) out.push_back(&t);
  if (!out.empty()) return out;
  // Renumbered by extending or shortening the number: 6.6 -> 6.60, 6.71 -> 6.711…6.714, 6.72a -> 6.72.
  for (const auto& t : to.entries)
    if (starts_with_longer(t.code, code) || starts_with_longer(code, t.code)) out.push_back(&t);
  if (!out.empty()) return out;
  // Regrouped under a new name that keeps the subject: "Jeugdhulp begeleiding" -> "Jeugdhulp ambulant lokaal".
  const std::string word = first_word(name);
  if (!word.empty())
    for (const auto& t : to.entries)
      if (first_word(t.name) == word) out.push_back(&t);
  return out;
}

}  // namespace

const taakveld* taakveld_list::find(std::string_view code) const {
  for (const auto& e : entries)
    if (e.code == code) return &e;
  return nullptr;
}

struct taakveld_catalog_builder {
  static taakveld_catalog build() {
    taakveld_catalog catalog;
    for (const auto& file : embedded_taakveld_csvs()) {
      int first = 0, last = 0;
      if (!parse_year_range(file.name, first, last)) continue;  // hoofdtaakvelden.csv
      catalog.lists_.push_back(read_list(file.text, first, last));
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

  std::vector<const taakveld*> carried;
  const auto& first = lists_[*start];
  for (const auto& e : first.entries)
    if (e.code == code || is_letter_subcode(e.code, code)) carried.push_back(&e);

  std::size_t at = *start;
  while (at != target_index) {
    const std::size_t next = at < target_index ? at + 1 : at - 1;
    std::set<const taakveld*> successors;
    for (const auto* t : carried)
      for (const auto* s : step(lists_[at], lists_[next], t->code, t->name)) successors.insert(s);
    carried.assign(successors.begin(), successors.end());
    at = next;
  }
  // In the order of the official list.
  std::sort(carried.begin(), carried.end());
  return carried;
}

}  // namespace akkoord

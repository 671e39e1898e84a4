// Completion (navigation.hpp). Read from the text before the cursor, never from a parse: a plan or an agreement
// being typed is rarely valid. The agreement model (loaded from the last version that parsed) gives the ids.
#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/navigation.hpp"
#include "akkoord/validator/plan.hpp"
#include "akkoord/validator/taakvelden.hpp"
#include "navigation_support.hpp"

namespace akkoord {
namespace {

using namespace std::string_view_literals;

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The lines of a text, without their line ends.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The span of the `typed` characters just before the cursor (ASCII: ids and codes are).
source_span typed_span(const source_file& file, source_pos at, std::string_view typed) {
  const auto typed_columns = static_cast<std::uint32_t>(count_code_points(typed));
  return {&file, {at.line, at.column - std::min(typed_columns, at.column - 1)}, at};
}

// ---- plans -------------------------------------------------------------------------------------------------

// The table a header line opens: "plan" for `[plan]`, "activity" for `[[activity]]`; empty for no header.
std::string_view table_of_header(std::string_view line) {
  line = trim(line);
  if (!line.starts_with('[')) return {};
  while (!line.empty() && (line.front() == '[' || line.front() == ' ')) line.remove_prefix(1);
  const std::size_t end = line.find(']');
  return trim(line.substr(0, end == std::string_view::npos ? line.size() : end));
}

// The key of a `key = value` line, or empty.
std::string_view key_of(std::string_view line) {
  const std::size_t equals = line.find('=');
  if (equals == std::string_view::npos || trim(line).starts_with('#')) return {};
  return trim(line.substr(0, equals));
}

// The string value of a `key = "value"` line, or empty.
std::string_view string_value_of(std::string_view line) {
  const std::string_view value = trim(line.substr(line.find('=') + 1));
  if (value.size() < 2 || (value.front() != '"' && value.front() != '\'')) return value;
  const std::size_t close = value.find(value.front(), 1);
  return close == std::string_view::npos ? value.substr(1) : value.substr(1, close - 1);
}

// What the text of the plan says so far: the lines of the table under the cursor, and [plan]'s values.
struct plan_text {
  std::vector<std::string_view> lines;
  std::size_t cursor_line = 0;  // 0-based
  std::string_view table;       // of the cursor line
  std::size_t table_first = 0, table_end = 0;  // the table's lines after its header, [first, end)
  std::string_view municipality;
  std::optional<int> year;
};

plan_text read_plan_text(std::string_view text, std::size_t cursor_line) {
  plan_text p;
  p.lines = lines_of(text);
  p.cursor_line = std::min(cursor_line, p.lines.size() - 1);
  std::string_view table;
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    if (const auto header = table_of_header(p.lines[i]); !header.empty()) {
      table = header;
      if (i < p.cursor_line) {
        p.table = header;
        p.table_first = i + 1;
      } else if (i > p.cursor_line && p.table_end == 0) {
        p.table_end = i;
      }
      continue;
    }
    if (table != "plan") continue;
    const std::string_view key = key_of(p.lines[i]);
    if (key == "municipality") p.municipality = string_value_of(p.lines[i]);
    if (key == "year") {
      int year = 0;
      const std::string_view value = string_value_of(p.lines[i]);
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), year);
      if (error == std::errc{} && end != value.data()) p.year = year;
    }
  }
  if (p.table_end == 0) p.table_end = p.lines.size();
  return p;
}

completion_item id_item(std::string_view id, completion_kind kind, const text& detail, bool quote) {
  const std::string label(id);
  return {label, kind, quote ? "\"" + label + "\"" : label, detail, {}};
}

bool lists(const std::vector<ast::identifier>& ids, std::string_view name) {
  return std::any_of(ids.begin(), ids.end(), [&](const ast::identifier& id) { return id.name == name; });
}

// A task belongs in the plans of its `for` parties, else of its responsible party.
bool task_is_for(const ast::task_decl& t, std::string_view municipality) {
  if (municipality.empty()) return true;
  if (!t.for_parties.empty()) return lists(t.for_parties, municipality);
  return t.responsible && t.responsible->name == municipality;
}

// An executor may work in a plan when it serves the municipality or is part of it; a party executes its own.
bool executor_serves(const ast::executor_decl& e, std::string_view municipality) {
  if (municipality.empty()) return true;
  return lists(e.serves, municipality) ||
         (e.kind == ast::executor_decl::relation::part_of && e.owner.name == municipality);
}

std::vector<completion_item> plan_values(const agreement_model* model, const plan_text& p, std::string_view key,
                                         bool quote) {
  std::vector<completion_item> out;
  if (p.table == "plan" && key == "status") {
    out.push_back(id_item("concept", completion_kind::value, {"not yet adopted", "nog niet vastgesteld"}, quote));
    out.push_back(id_item("vastgesteld", completion_kind::value, {"adopted by the council", "vastgesteld door de raad"}, quote));
    return out;
  }
  if (p.table == "activity" && key == "taakveld") {
    const taakveld_catalog& catalog = taakveld_catalog::builtin();
    const taakveld_list* list = p.year ? catalog.for_year(*p.year) : &catalog.lists().back();
    if (list == nullptr) return out;
    for (const auto& t : list->entries) out.push_back(id_item(t.code, completion_kind::taakveld, {t.name, t.name}, quote));
    return out;
  }
  if (model == nullptr) return out;
  const std::string_view m = p.municipality;
  auto parties = [&] {
    for (const auto& [id, d] : model->parties) out.push_back(id_item(id, completion_kind::party, {d->name.value, d->name.value}, quote));
  };
  if (p.table == "plan" && key == "agreement" && model->agreement != nullptr) {
    const auto& a = *model->agreement;
    out.push_back(id_item(a.id.name, completion_kind::agreement, {a.title.value, a.title.value}, quote));
  } else if ((p.table == "plan" && key == "municipality") || (p.table == "activity" && key == "responsible")) {
    parties();
  } else if (p.table == "activity" && key == "task") {
    for (const auto& [id, d] : model->tasks)
      if (task_is_for(*d, m)) out.push_back(id_item(id, completion_kind::task, {d->title.value, d->title.value}, quote));
  } else if (p.table == "activity" && key == "executor") {
    for (const auto& [id, d] : model->executors)
      if (executor_serves(*d, m))
        out.push_back(id_item(id, completion_kind::executor, {d->name.value, d->name.value}, quote));
    if (const auto it = model->parties.find(m); it != model->parties.end())
      out.push_back(id_item(m, completion_kind::party, {it->second->name.value, it->second->name.value}, quote));
    else if (m.empty())
      parties();
  } else if (p.table == "contribution" && key == "id") {
    for (const auto& [id, d] : model->contributions)
      if (m.empty() || (d->payer && d->payer->name == m))
        out.push_back(id_item(id, completion_kind::contribution, {d->title.value, d->title.value}, quote));
  } else if (p.table == "milestone" && key == "id") {
    for (const auto& [id, d] : model->milestones)
      out.push_back(id_item(id, completion_kind::milestone, {d->title.value, d->title.value}, quote));
  }
  return out;
}

completion_answer complete_plan(const navigation_scope& scope, const source_file& file, source_pos at) {
  completion_answer answer{{&file, at, at}, {}};
  const plan_text p = read_plan_text(file.text(), at.line - 1);
  const std::string_view line = p.lines[p.cursor_line];
  const std::size_t line_start = file.offset_of({at.line, 1});
  const std::string_view before = line.substr(0, file.offset_of(at) - line_start);
  const std::string_view after = line.substr(before.size());

  // A table header.
  if (trim(before).starts_with('[')) {
    const std::string_view typed = trim(before);
    answer.range = typed_span(file, at, typed);
    auto has = [&](std::string_view header) {
      return std::any_of(p.lines.begin(), p.lines.end(), [&](std::string_view l) { return trim(l) == header; });
    };
    const bool has_plan = has("[plan]");
    const bool has_contribution = has("[contribution]");
    const std::array<std::pair<std::string_view, text>, 4> headers{{
        {"[plan]", {"required: the plan's agreement, municipality and year", "verplicht: overeenkomst, gemeente en jaar van het plan"}},
        {"[contribution]", {"what the municipality pays under a contribution this year", "wat de gemeente dit jaar betaalt onder een bijdrage"}},
        {"[[activity]]", {"one piece of work", "een activiteit"}},
        {"[[milestone]]", {"a milestone of the agreement that has been reached", "een behaalde mijlpaal uit de overeenkomst"}},
    }};
    for (const auto& [header, meaning] : headers) {
      if ((header == "[plan]" && has_plan) || (header == "[contribution]" && has_contribution)) continue;
      answer.items.push_back({std::string(header), completion_kind::table, std::string(header), meaning, {}});
    }
    return answer;
  }

  // A value: `key = ` or `key = "typed`.
  if (const std::size_t equals = before.find('='); equals != std::string_view::npos) {
    const std::string_view key = trim(before.substr(0, equals));
    std::string_view value = before.substr(equals + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    const bool in_quotes = !value.empty() && (value.front() == '"' || value.front() == '\'');
    if (in_quotes) value.remove_prefix(1);
    // Past a closed string, or typing something that is no id or code: nothing to offer.
    if (std::any_of(value.begin(), value.end(), [](char c) { return !is_word_char(c) && c != '.'; })) return answer;
    answer.range = typed_span(file, at, value);
    answer.items = plan_values(scope.agreement, p, key, !in_quotes);
    // An open quote that the editor did not close: close it.
    if (in_quotes && !after.starts_with('"') && !after.starts_with('\''))
      for (auto& item : answer.items) item.insert_text += '"';
    return answer;
  }

  // A field name: what the table has not given yet.
  if (!std::all_of(before.begin(), before.end(), [](char c) { return is_word_char(c) || c == ' ' || c == '\t'; }))
    return answer;
  const std::string_view typed = trim(before);
  if (typed.find(' ') != std::string_view::npos) return answer;
  answer.range = typed_span(file, at, typed);
  std::vector<std::string_view> given;
  for (std::size_t i = p.table_first; i < p.table_end; ++i)
    if (i != p.cursor_line) given.push_back(key_of(p.lines[i]));
  for (const auto& field : plan_fields()) {
    if (field.table != p.table || std::find(given.begin(), given.end(), field.name) != given.end()) continue;
    answer.items.push_back({std::string(field.name), completion_kind::field, std::string(field.name) + " = ",
                            field.meaning, {}});
  }
  return answer;
}

// ---- agreements --------------------------------------------------------------------------------------------

constexpr std::array declaration_keywords{"agreement"sv, "party"sv, "executor"sv, "period"sv,  "milestone"sv, "task"sv,
                                          "contribution"sv, "saving"sv, "benchmark"sv, "rule"sv, "include"sv};

// The clauses of each declaration (docs/language.md).
std::vector<std::string_view> clause_keywords(std::string_view declaration) {
  if (declaration == "agreement") return {"since", "documents", "hours_per_fte", "tolerance", "article"};
  if (declaration == "party") return {"roles", "inhabitants", "article"};
  if (declaration == "executor") return {"employer", "part_of", "serves", "since", "until", "article"};
  if (declaration == "milestone") return {"due", "article"};
  if (declaration == "task")
    return {"taakveld", "responsible", "executed_by", "returned_to", "for", "basic", "from", "until", "article"};
  if (declaration == "contribution") return {"payer", "payee", "indexation", "article"};
  if (declaration == "saving") return {"on", "base", "from", "rate", "amount", "article"};
  if (declaration == "benchmark") return {"source", "year", "tolerance", "taakveld", "article"};
  if (declaration == "rule") return {"for", "let", "when", "require", "message", "article"};
  return {};
}

// The words, braces and commas of the text, comments and strings left out.
struct agreement_tokens {
  std::vector<std::string_view> tokens;
  std::string_view declaration;  // the keyword of the declaration the last token is in
  int depth = 0;                 // of braces
};

agreement_tokens tokenise(std::string_view text) {
  agreement_tokens out;
  bool statement_start = true;  // at depth 0, the next word starts a declaration
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '#') {
      i = std::min(text.find('\n', i), text.size());
    } else if (c == '"') {
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\') ++i;
      ++i;
    } else if (is_word_char(c)) {
      std::size_t end = i;
      while (end < text.size() && is_word_char(text[end])) ++end;
      const std::string_view word = text.substr(i, end - i);
      if (out.depth == 0 && std::find(declaration_keywords.begin(), declaration_keywords.end(), word) !=
                                declaration_keywords.end() && statement_start)
        out.declaration = word;
      statement_start = false;
      out.tokens.push_back(word);
      i = end;
    } else if (c == '{' || c == '}' || c == ',' || c == '.') {
      if (c == '{') ++out.depth;
      if (c == '}') out.depth = std::max(0, out.depth - 1);
      out.tokens.push_back(text.substr(i, 1));
      ++i;
    } else {
      if (c == '\n' && out.depth == 0) statement_start = true;
      ++i;
    }
    if (c == '}' && out.depth == 0) statement_start = true;
  }
  return out;
}

// The kinds of declaration a reference keyword names.
std::vector<completion_kind> referenced_kinds(std::string_view keyword, std::string_view declaration) {
  using k = completion_kind;
  if (keyword == "executed_by" || keyword == "payee") return {k::executor};
  if (keyword == "returned_to") return {k::executor, k::party};
  if (keyword == "responsible" || keyword == "employer" || keyword == "part_of" || keyword == "serves" ||
      keyword == "payer" || (keyword == "for" && declaration == "task"))
    return {k::party};
  if (keyword == "during") return {k::period};
  if (keyword == "until" && declaration == "period") return {k::milestone};
  if (keyword == "on" && declaration == "saving") return {k::contribution};
  if (keyword == "article") return {k::document};
  return {};
}

// A rule's path `party.ID`, `period.ID`, …: the kind of its root.
std::vector<completion_kind> path_kinds(std::string_view root) {
  using k = completion_kind;
  if (root == "party") return {k::party};
  if (root == "period") return {k::period};
  if (root == "milestone") return {k::milestone};
  if (root == "saving") return {k::saving};
  if (root == "contribution") return {k::contribution};
  return {};
}

// A party's or executor's `name`, any other declaration's `title`.
template <class Decl>
const std::string& title_of(const Decl& d) {
  if constexpr (requires { d.title; }) return d.title.value;
  else return d.name.value;
}

template <class Decl>
void add_declared(const index_of<Decl>& index, completion_kind kind, std::vector<completion_item>& out) {
  for (const auto& [id, d] : index) out.push_back(id_item(id, kind, {title_of(*d), title_of(*d)}, false));
}

void add_ids(const agreement_model& model, completion_kind kind, std::vector<completion_item>& out) {
  switch (kind) {
    case completion_kind::party: add_declared(model.parties, kind, out); break;
    case completion_kind::executor: add_declared(model.executors, kind, out); break;
    case completion_kind::period: add_declared(model.periods, kind, out); break;
    case completion_kind::milestone: add_declared(model.milestones, kind, out); break;
    case completion_kind::contribution: add_declared(model.contributions, kind, out); break;
    case completion_kind::saving: add_declared(model.savings, kind, out); break;
    case completion_kind::document:
      if (model.agreement != nullptr)
        for (const auto& d : model.agreement->documents)
          out.push_back(id_item(d.name, kind, {"a source document of the agreement", "een brondocument van de overeenkomst"}, false));
      break;
    default: break;
  }
}

completion_answer complete_agreement(const navigation_scope& scope, const source_file& file, source_pos at) {
  const std::string_view before = file.text().substr(0, file.offset_of(at));
  std::size_t typed_start = before.size();
  while (typed_start > 0 && is_word_char(before[typed_start - 1])) --typed_start;
  completion_answer answer{typed_span(file, at, before.substr(typed_start)), {}};
  const agreement_tokens t = tokenise(before.substr(0, typed_start));
  const auto& tokens = t.tokens;
  // In a comment or a string the tokeniser ends inside it: offer nothing there.
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const std::string_view line = before.substr(line_start);
  if (line.find('#') != std::string_view::npos || std::count(line.begin(), line.end(), '"') % 2 == 1) return answer;

  std::vector<completion_kind> kinds;
  std::size_t last = tokens.size();
  if (last >= 2 && tokens[last - 1] == ".") {
    kinds = path_kinds(tokens[last - 2]);
    if (kinds.empty()) return answer;  // a field of a rule's own name: not an id of the agreement
  } else {
    // Back over a list `a, b, ` to the keyword that starts it.
    while (last >= 3 && tokens[last - 1] == "," && is_word_char(tokens[last - 2].front())) last -= 2;
    if (last >= 1) kinds = referenced_kinds(tokens[last - 1], t.declaration);
  }
  if (!kinds.empty()) {
    if (scope.agreement != nullptr)
      for (const completion_kind kind : kinds) add_ids(*scope.agreement, kind, answer.items);
    return answer;
  }
  const auto keywords = t.depth == 0 ? std::vector<std::string_view>(declaration_keywords.begin(), declaration_keywords.end())
                                     : clause_keywords(t.declaration);
  for (const std::string_view keyword : keywords) {
    const text detail = t.depth == 0 ? text{"declaration", "declaratie"} : text{"clause", "clausule"};
    answer.items.push_back({std::string(keyword), completion_kind::keyword, std::string(keyword), detail, {}});
  }
  return answer;
}

// The declaration kind of an id offered.
std::optional<decl_kind> declared_kind(completion_kind kind) {
  switch (kind) {
    case completion_kind::agreement: return decl_kind::agreement;
    case completion_kind::party: return decl_kind::party;
    case completion_kind::executor: return decl_kind::executor;
    case completion_kind::period: return decl_kind::period;
    case completion_kind::milestone: return decl_kind::milestone;
    case completion_kind::task: return decl_kind::task;
    case completion_kind::contribution: return decl_kind::contribution;
    case completion_kind::saving: return decl_kind::saving;
    default: return std::nullopt;
  }
}

}  // namespace

completion_answer complete(const navigation_scope& scope, const source_file& file, source_pos at) {
  if (at.line == 0 || at.line > file.line_count() || at.column == 0) return {{&file, at, at}, {}};
  at = file.pos_at(file.offset_of(at));  // a column past the end of its line: the end
  completion_answer answer = navigation_support::is_agreement_file(scope, file) ? complete_agreement(scope, file, at)
                                                                                 : complete_plan(scope, file, at);
  // An id offered comes with what a hover on it would show.
  if (scope.agreement != nullptr)
    for (auto& item : answer.items)
      if (const auto kind = declared_kind(item.kind))
        item.documentation = navigation_support::declaration_markdown(*scope.agreement, *kind, item.label);
  return answer;
}

}  // namespace akkoord

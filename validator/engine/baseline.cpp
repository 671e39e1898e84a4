// Baselines by meaning: each finding gets a stable key of its place (from the typed plan or the agreement's
// declarations), the figures of its message and a path relative to the baseline file; the JSON file; multiset
// matching.
#include "akkoord/validator/baseline.hpp"

#include <algorithm>
#include <map>
#include <system_error>
#include <tuple>
#include <unordered_map>

#include "akkoord/source.hpp"
#include "akkoord/validator/diff.hpp"
#include "akkoord/validator/json.hpp"
#include "akkoord/validator/plan.hpp"

namespace akkoord {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view suppressed_by_baseline = "baseline";
constexpr int baseline_version = 2;

// ---- figures ---------------------------------------------------------------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A character that can belong to a number or to the word it is part of (`A-001`, `2026-01-01`, `19,650,000.00`).
bool in_token(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         std::string_view(".,:/-+%").find(c) != std::string_view::npos;
}

// A number as messages write them: an amount, a percentage, a count, a date or a taakveld code; not a word
// with digits in it (`A-001`, `B2`).
bool is_figure(std::string_view token) {
  if (!token.empty() && (token.front() == '-' || token.front() == '+')) token.remove_prefix(1);
  if (token.ends_with('%')) token.remove_suffix(1);
  if (token.empty() || !is_digit(token.front())) return false;
  return std::all_of(token.begin(), token.end(),
                     [](char c) { return is_digit(c) || std::string_view(".,:/-").find(c) != std::string_view::npos; });
}

std::vector<std::string> figures_of(std::string_view message) {
  std::vector<std::string> figures;
  for (std::size_t i = 0; i < message.size();) {
    if (!in_token(message[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < message.size() && in_token(message[end])) ++end;
    std::string_view token = message.substr(i, end - i);
    while (!token.empty() && !is_digit(token.back()) && token.back() != '%') token.remove_suffix(1);  // "2025."
    if (is_figure(token)) figures.emplace_back(token);
    i = end;
  }
  return figures;
}

// ---- places ----------------------------------------------------------------------------------------------

// Whether a finding at `at` lies on `span` (an empty span: exactly at its start).
bool lies_on(source_pos at, source_pos begin, source_pos end) { return begin <= at && (at < end || at == begin); }

template <class T>
bool lies_on(source_pos at, const std::optional<spanned<T>>& field) {
  return field && lies_on(at, field->span.begin, field->span.end);
}

// The place of a finding that points at no field of its own: the table (or declaration) and the message.
std::string with_message(std::string place, const diagnostic& d) {
  return place.empty() ? d.message.en : place + ": " + d.message.en;
}

// The key of a finding that has no place: its message, with its own file named as in the baseline (a file that
// cannot be read names itself as given on the command line, which depends on the working directory).
std::string message_key(const diagnostic& d, const std::string& relative_path) {
  std::string key = d.message.en;
  if (d.primary.file == nullptr || d.primary.file->path().empty()) return key;
  const std::string as_given = "`" + d.primary.file->path() + "`", as_stored = "`" + relative_path + "`";
  for (std::size_t at = key.find(as_given); at != std::string::npos; at = key.find(as_given, at + as_stored.size()))
    key.replace(at, as_given.size(), as_stored);
  return key;
}

// An entry of an array of tables by its `id`, or by its ordinal (1-based) when it has none.
std::string entry_name(std::string_view kind, const std::optional<spanned<std::string>>& id, std::size_t index) {
  return id ? std::string(kind) + " `" + id->value + "`" : std::string(kind) + " " + std::to_string(index + 1);
}

// The tables of one plan in file order, found by binary search: no finding scans every activity.
class plan_places {
 public:
  explicit plan_places(const plan& p) : plan_(p) {
    if (p.has_plan_table) starts_.push_back({p.plan_header.begin, table::plan, 0});
    if (p.has_contribution) starts_.push_back({p.contribution_header.begin, table::contribution, 0});
    for (std::size_t i = 0; i < p.activities.size(); ++i) starts_.push_back({p.activities[i].header.begin, table::activity, i});
    for (std::size_t i = 0; i < p.milestones.size(); ++i) starts_.push_back({p.milestones[i].header.begin, table::milestone, i});
    std::sort(starts_.begin(), starts_.end(), [](const start& x, const start& y) { return x.begin < y.begin; });
  }

  std::string key_of(const diagnostic& d) const {
    const source_pos at = d.primary.begin;
    const auto after = std::upper_bound(starts_.begin(), starts_.end(), at,
                                        [](source_pos p, const start& s) { return p < s.begin; });
    if (after == starts_.begin()) return with_message({}, d);  // above every table
    const start& in = *std::prev(after);
    const auto field = [&](std::string place, std::initializer_list<std::pair<std::string_view, bool>> fields) {
      for (const auto& [name, here] : fields)
        if (here) return place + " " + std::string(name);
      return with_message(std::move(place), d);  // the header, an unknown key, a comment
    };
    switch (in.kind) {
      case table::plan: {
        const plan& p = plan_;
        return field("[plan]", {{"agreement", lies_on(at, p.agreement)}, {"municipality", lies_on(at, p.municipality)},
                                {"year", lies_on(at, p.year)}, {"status", lies_on(at, p.status)},
                                {"adopted", lies_on(at, p.adopted)}, {"title", lies_on(at, p.title)}});
      }
      case table::contribution:
        return field("[contribution]", {{"id", lies_on(at, plan_.contribution_id)}, {"total", lies_on(at, plan_.total)}});
      case table::activity: {
        const plan_activity& a = plan_.activities[in.index];
        return field(entry_name("activity", a.id, in.index),
                     {{"id", lies_on(at, a.id)}, {"task", lies_on(at, a.task)}, {"executor", lies_on(at, a.executor)},
                      {"responsible", lies_on(at, a.responsible)}, {"taakveld", lies_on(at, a.taakveld)},
                      {"budget", lies_on(at, a.budget)}, {"fte", lies_on(at, a.fte)}, {"hours", lies_on(at, a.hours)},
                      {"from", lies_on(at, a.from)}, {"to", lies_on(at, a.to)},
                      {"description", lies_on(at, a.description)}});
      }
      case table::milestone: {
        const plan_milestone& m = plan_.milestones[in.index];
        return field(entry_name("milestone", m.id, in.index),
                     {{"id", lies_on(at, m.id)}, {"completed", lies_on(at, m.completed)}});
      }
    }
    return with_message({}, d);
  }

 private:
  enum class table { plan, contribution, activity, milestone };
  struct start {
    source_pos begin;
    table kind;
    std::size_t index;  // among the activities or milestones
  };
  const plan& plan_;
  std::vector<start> starts_;
};

source_span span_of(const ast::declaration& d) {
  return std::visit([](const auto& decl) { return decl.span; }, d);
}

// The declaration (keyword and id) that contains a finding in an agreement file; declarations are in source
// order, so a binary search finds it.
std::string declaration_key(const ast::file& file, const diagnostic& d) {
  const source_pos at = d.primary.begin;
  const auto after = std::upper_bound(file.declarations.begin(), file.declarations.end(), at,
                                      [](source_pos p, const ast::declaration& decl) { return p < span_of(decl).begin; });
  if (after != file.declarations.begin()) {
    const ast::declaration& decl = *std::prev(after);
    const source_span span = span_of(decl);
    if (lies_on(at, span.begin, span.end)) return declaration_keyword(decl) + " `" + declaration_id(decl) + "`";
  }
  return with_message({}, d);  // outside every declaration (a syntax error)
}

// A path as given, relative to `base` (absolute and normal), '/'-separated.
std::string relative_to(const std::string& path, const fs::path& base) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec) return fs::path(path).lexically_normal().generic_string();
  const fs::path relative = absolute.lexically_relative(base);
  return (relative.empty() ? absolute : relative).generic_string();
}

fs::path absolute_directory(const fs::path& dir) {
  std::error_code ec;
  fs::path absolute = fs::absolute(dir.empty() ? fs::path(".") : dir, ec).lexically_normal();
  if (ec) return dir;
  if (!absolute.has_filename() && absolute.has_parent_path() && absolute != absolute.root_path())
    absolute = absolute.parent_path();  // "/work/plans/" -> "/work/plans": lexically_relative wants no trailing '/'
  return absolute;
}

// ---- the file --------------------------------------------------------------------------------------------

// What a baseline file must look like, for the messages about one that does not.
text not_a_baseline(const text& problem) {
  static constexpr std::string_view expected_en =
      R"(expected `{"version": 2, "findings": [...]}` with `id`, `file`, `key` and `figures` in each finding)";
  static constexpr std::string_view expected_nl =
      R"(een baselinebestand heeft de vorm `{"version": 2, "findings": [...]}`, met `id`, `file`, `key` en `figures` in elke bevinding)";
  return {"not a baseline file: " + problem.en + "; " + std::string(expected_en),
          "dit is geen baselinebestand: " + problem.nl + "; " + std::string(expected_nl)};
}

// Where the JSON parser stopped, as line and column (in characters, like every position akkoord reports).
source_pos position_of_byte(std::string_view json, std::size_t byte_count) {
  const source_file file("", std::string(json));  // drops a byte order mark, which nlohmann counts
  const std::size_t dropped = json.size() - file.text().size();
  const std::size_t offset = byte_count > dropped ? byte_count - dropped - 1 : 0;  // byte_count is 1-based
  return file.pos_at(std::min(offset, file.text().size()));
}

// The string member `key` of a finding, or nullptr when it is missing or not a string.
const std::string* text_member(const nlohmann::ordered_json& finding, const char* key) {
  const auto found = finding.find(key);
  if (found == finding.end() || !found->is_string()) return nullptr;
  return found->get_ptr<const std::string*>();
}

}  // namespace

std::vector<baseline_entry> identify_findings(const run_result& run, const fs::path& baseline_dir) {
  std::unordered_map<const source_file*, plan_places> plans;
  for (const checked_file& file : run.files)
    if (file.typed && file.typed->source != nullptr && file.typed->readable)
      plans.try_emplace(file.typed->source, *file.typed);
  std::unordered_map<const source_file*, const ast::file*> agreement_files;
  for (const auto& model : run.agreements)
    if (model)
      for (const ast::file& file : model->files) agreement_files.try_emplace(file.source, &file);

  const fs::path base = absolute_directory(baseline_dir);
  std::unordered_map<const source_file*, std::string> paths;  // each file's path made relative once
  std::vector<baseline_entry> entries;
  entries.reserve(run.findings.size());
  for (const diagnostic& d : run.findings) {
    baseline_entry& entry = entries.emplace_back();
    entry.id = d.id;
    entry.message = d.message.en;
    entry.figures = figures_of(d.message.en);
    const source_file* file = d.primary.file;
    if (file != nullptr) {
      auto [path, added] = paths.try_emplace(file);
      if (added && !file->path().empty()) path->second = relative_to(file->path(), base);
      entry.file = path->second;
    }
    if (!d.primary.valid()) {
      entry.key = message_key(d, entry.file);  // about a whole file
    } else if (const auto in_plan = plans.find(file); in_plan != plans.end()) {
      entry.key = in_plan->second.key_of(d);
    } else if (const auto in_agreement = agreement_files.find(file); in_agreement != agreement_files.end()) {
      entry.key = declaration_key(*in_agreement->second, d);
    } else {
      entry.key = message_key(d, entry.file);  // a plan that could not be read as TOML: no tables to point into
    }
  }
  return entries;
}

baseline make_baseline(const run_result& run, const fs::path& baseline_dir) {
  std::vector<baseline_entry> entries = identify_findings(run, baseline_dir);
  baseline b;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (!run.findings[i].suppressed) b.entries.push_back(std::move(entries[i]));
  return b;
}

std::string render_baseline(const baseline& b) {
  std::vector<const baseline_entry*> sorted;
  for (const baseline_entry& entry : b.entries) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const baseline_entry* x, const baseline_entry* y) {
    return std::tie(x->file, x->key, x->id, x->figures, x->message) <
           std::tie(y->file, y->key, y->id, y->figures, y->message);
  });
  nlohmann::ordered_json document;
  document["version"] = baseline_version;
  document["findings"] = nlohmann::ordered_json::array();  // written one by one below
  const json_list findings{"findings", sorted.size(), [&](std::size_t k) {
                             const baseline_entry& entry = *sorted[k];
                             return nlohmann::ordered_json{{"id", entry.id},
                                                           {"file", entry.file},
                                                           {"key", entry.key},
                                                           {"figures", entry.figures},
                                                           {"message", entry.message}};
                           }};
  std::string out;
  append_json(out, document, findings, 1);  // one finding per line: diffs well
  out += '\n';
  return out;
}

bool parse_baseline(std::string_view json, baseline& out, text& error) {
  out.entries.clear();
  const auto fail = [&](text why) {
    error = std::move(why);
    out.entries.clear();
    return false;
  };
  nlohmann::ordered_json document;
  try {
    document = nlohmann::ordered_json::parse(json);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    const source_pos at = position_of_byte(json, e.byte);
    const std::string line = std::to_string(at.line), column = std::to_string(at.column);
    return fail({"not a baseline file: invalid JSON at line " + line + ", column " + column,
                 "dit is geen baselinebestand: ongeldige JSON op regel " + line + ", kolom " + column});
  } catch (const nlohmann::ordered_json::out_of_range&) {  // a number beyond double, such as 1e999
    return fail({"not a baseline file: it holds a number too large to read",
                 "dit is geen baselinebestand: het bevat een getal dat te groot is om te lezen"});
  }
  if (!document.is_object() || !document.contains("version") || !document.contains("findings") ||
      !document.at("findings").is_array()) {
    return fail(not_a_baseline({"it is not an object with `version` and a list `findings`",
                                "het is geen object met `version` en een lijst `findings`"}));
  }
  const nlohmann::ordered_json& version = document.at("version");
  if (!version.is_number()) {
    return fail(not_a_baseline({"`version` is not a number", "`version` is geen getal"}));
  }
  if (version == 1) {
    return fail({"this baseline was recorded by an older version of akkoord (file version 1, which matched findings "
                 "by their source line); record it again with `--update-baseline`",
                 "deze baseline is vastgelegd met een oudere versie van akkoord (bestandsversie 1, die bevindingen op "
                 "hun regelnummer vergeleek); leg de baseline opnieuw vast met `--update-baseline`"});
  }
  if (version != baseline_version) {
    const std::string shown = version.dump();
    return fail({"unsupported baseline version " + shown + "; this akkoord reads version 2",
                 "baselineversie " + shown + " wordt niet ondersteund; deze versie van akkoord leest versie 2"});
  }
  for (const nlohmann::ordered_json& finding : document.at("findings")) {
    const std::string number = std::to_string(out.entries.size() + 1);
    if (!finding.is_object()) {
      return fail(not_a_baseline({"finding " + number + " is not an object", "bevinding " + number + " is geen object"}));
    }
    baseline_entry entry;
    for (const auto& [key, field] : {std::pair{"id", &entry.id}, std::pair{"file", &entry.file},
                                     std::pair{"key", &entry.key}, std::pair{"message", &entry.message}}) {
      const std::string* value = text_member(finding, key);
      const bool optional = field == &entry.message && !finding.contains(key);  // only for people reading the file
      if (value == nullptr && !optional) {
        return fail(not_a_baseline({"finding " + number + ": `" + key + "` is missing or not a text",
                                    "bevinding " + number + ": `" + key + "` ontbreekt of is geen tekst"}));
      }
      if (value != nullptr) *field = *value;
    }
    const auto figures = finding.find("figures");
    if (figures == finding.end() || !figures->is_array() ||
        !std::all_of(figures->begin(), figures->end(), [](const auto& figure) { return figure.is_string(); })) {
      return fail(not_a_baseline({"finding " + number + ": `figures` is missing or not a list of texts",
                                  "bevinding " + number + ": `figures` ontbreekt of is geen lijst van teksten"}));
    }
    for (const auto& figure : *figures) entry.figures.push_back(figure.get<std::string>());
    out.entries.push_back(std::move(entry));
  }
  return true;
}

std::size_t apply_baseline(run_result& run, const baseline& b, const fs::path& baseline_dir) {
  // The multiset of accepted findings: each entry absorbs at most one finding.
  using identity = std::tuple<std::string, std::string, std::string, std::vector<std::string>>;
  std::map<identity, std::size_t> accepted;
  for (const baseline_entry& entry : b.entries) ++accepted[{entry.id, entry.file, entry.key, entry.figures}];
  std::size_t unused = b.entries.size();
  std::vector<baseline_entry> found = identify_findings(run, baseline_dir);
  for (std::size_t i = 0; i < run.findings.size(); ++i) {
    diagnostic& d = run.findings[i];
    if (d.suppressed) continue;
    baseline_entry& entry = found[i];
    const auto match = accepted.find({std::move(entry.id), std::move(entry.file), std::move(entry.key),
                                      std::move(entry.figures)});
    if (match == accepted.end() || match->second == 0) continue;
    --match->second;
    --unused;
    d.suppressed = true;
    d.suppression_reason = std::string(suppressed_by_baseline);
  }
  return unused;
}

}  // namespace akkoord

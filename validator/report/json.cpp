// The JSON report of cli.md (one object, keys in documented order, one finding per line) and the layout
// routine every JSON output of akkoord goes through. nlohmann-json escapes; this file only breaks lines.
#include "akkoord/validator/json.hpp"

#include <algorithm>

#include "akkoord/validator/plan.hpp"

#include "akkoord/validator/report.hpp"

namespace akkoord {

using nlohmann::ordered_json;

namespace {

struct json_layout {
  std::size_t expanded_depth;
  std::initializer_list<std::string_view> expanded_keys;
  const json_list* list;  // or nullptr
};

bool is_list(const json_layout& layout, std::string_view key) {
  return layout.list != nullptr && layout.list->key == key;
}

bool expanded_key(const json_layout& layout, std::string_view key) {
  return std::find(layout.expanded_keys.begin(), layout.expanded_keys.end(), key) != layout.expanded_keys.end();
}

// Whether a container below `value` has a line of its own for each member (an array under an expanded key,
// or the list).
bool holds_expanded_array(const ordered_json& value, const json_layout& layout) {
  if ((layout.expanded_keys.size() == 0 && layout.list == nullptr) || !value.is_structured()) return false;
  for (auto member = value.begin(); member != value.end(); ++member) {
    if (value.is_object() && member->is_array() && (expanded_key(layout, member.key()) || is_list(layout, member.key())))
      return true;
    if (holds_expanded_array(*member, layout)) return true;
  }
  return false;
}

// `value` on one line, with ", " and ": " between members: the library's one-member-per-line form (indent 0)
// with its line breaks taken out. A raw line break is never inside a JSON string (it is escaped as \n), so
// every one is layout: after a comma it becomes a space, elsewhere (after `[`/`{`, before `]`/`}`) it goes.
// One dump() per line keeps this fast: a dump() per scalar made a large report ten times slower.
void append_inline(std::string& out, const ordered_json& value) {
  const std::string dumped = value.dump(0, ' ', false, ordered_json::error_handler_t::replace);
  out.reserve(out.size() + dumped.size() + dumped.size() / 8);
  for (const char c : dumped) {
    if (c != '\n') {
      out += c;
    } else if (!out.empty() && out.back() == ',') {
      out += ' ';
    }
  }
}

void append_laid_out(std::string& out, const ordered_json& value, const json_layout& layout, std::size_t depth,
                     std::size_t indent, bool expanded);

// An expanded array of `size` members, member `k` given by `member(k)`; `indent` as for append_laid_out.
template <typename Member>
void append_lines(std::string& out, std::size_t size, const Member& member, const json_layout& layout,
                  std::size_t depth, std::size_t indent) {
  out += '[';
  for (std::size_t k = 0; k < size; ++k) {
    out += k == 0 ? "\n" : ",\n";
    out.append(indent + 2, ' ');
    append_laid_out(out, member(k), layout, depth + 1, indent + 2, depth + 1 < layout.expanded_depth);
  }
  if (size > 0) {
    out += '\n';
    out.append(indent, ' ');
  }
  out += ']';
}

// `indent`: the indentation of the line `value` starts on; `expanded`: one member per line.
void append_laid_out(std::string& out, const ordered_json& value, const json_layout& layout, std::size_t depth,
                     std::size_t indent, bool expanded) {
  if (!value.is_structured() || (!expanded && !holds_expanded_array(value, layout))) {
    append_inline(out, value);
    return;
  }
  if (value.is_array() && expanded) {
    append_lines(out, value.size(), [&](std::size_t k) -> const ordered_json& { return value[k]; }, layout, depth,
                 indent);
    return;
  }
  const bool object = value.is_object();
  out += object ? '{' : '[';
  const std::size_t member_indent = expanded ? indent + 2 : indent;
  bool first = true;
  for (auto member = value.begin(); member != value.end(); ++member) {
    if (expanded) {
      out += first ? "\n" : ",\n";
      out.append(member_indent, ' ');
    } else if (!first) {
      out += ", ";
    }
    first = false;
    if (!object) {
      append_laid_out(out, *member, layout, depth + 1, member_indent, depth + 1 < layout.expanded_depth);
      continue;
    }
    append_inline(out, ordered_json(member.key()));
    out += ": ";
    if (is_list(layout, member.key())) {
      append_lines(out, layout.list->size, layout.list->item, layout, depth + 1, member_indent);
    } else {
      const bool expand = depth + 1 < layout.expanded_depth || (member->is_array() && expanded_key(layout, member.key()));
      append_laid_out(out, *member, layout, depth + 1, member_indent, expand);
    }
  }
  if (expanded && !first) {
    out += '\n';
    out.append(indent, ' ');
  }
  out += object ? '}' : ']';
}

// A position field: a number, or null when the finding has no position (a whole-file message).
ordered_json position(std::uint32_t value, bool present) { return present ? ordered_json(value) : ordered_json(); }

ordered_json file_of(const source_span& span) {
  return span.file != nullptr ? ordered_json(span.file->path()) : ordered_json();
}

// An amount in cents, or null when the plan does not state it or a sum does not fit.
ordered_json cents_or_null(const std::optional<std::int64_t>& cents) {
  return cents ? ordered_json(*cents) : ordered_json();
}

template <class T>
ordered_json value_or_null(const std::optional<spanned<T>>& field) {
  return field ? ordered_json(field->value) : ordered_json();
}

// One plan of the run with its figures as the engine computed them (README, `plans`).
ordered_json json_plan(const checked_file& file) {
  const plan* p = file.typed && file.typed->readable ? file.typed.get() : nullptr;
  const plan_figures* figures = p != nullptr && file.figures ? &*file.figures : nullptr;
  ordered_json taakvelden = ordered_json::array(), tasks = ordered_json::array();
  if (figures != nullptr) {
    for (const taakveld_spending& spending : figures->taakvelden)
      taakvelden.push_back({{"code", spending.code},
                            {"budget_cents", cents_or_null(spending.budget_cents)},
                            {"per_inhabitant_cents", cents_or_null(spending.per_inhabitant_cents)}});
    for (const named_sum& task : figures->tasks)
      tasks.push_back({{"id", task.id}, {"budget_cents", cents_or_null(task.budget_cents)}});
  }
  ordered_json out;
  out["file"] = file.path;
  out["municipality"] = p != nullptr ? value_or_null(p->municipality) : ordered_json();
  out["year"] = p != nullptr ? value_or_null(p->year) : ordered_json();
  out["total_cents"] = p != nullptr ? value_or_null(p->total) : ordered_json();
  out["budget_cents"] = figures != nullptr ? cents_or_null(figures->budget_cents) : ordered_json();
  out["taakvelden"] = std::move(taakvelden);
  out["tasks"] = std::move(tasks);
  return out;
}

}  // namespace

void append_json(std::string& out, const ordered_json& value, std::size_t expanded_depth,
                 std::initializer_list<std::string_view> expanded_keys) {
  append_laid_out(out, value, {expanded_depth, expanded_keys, nullptr}, 0, 0, expanded_depth > 0);
}

void append_json(std::string& out, const ordered_json& document, const json_list& list, std::size_t expanded_depth,
                 std::initializer_list<std::string_view> expanded_keys) {
  append_laid_out(out, document, {expanded_depth, expanded_keys, &list}, 0, 0, expanded_depth > 0);
}

ordered_json json_finding(const diagnostic& d, language lang) {
  const bool located = d.primary.valid();
  const bool has_end = located && d.primary.end.line != 0;
  ordered_json finding = ordered_json::object();
  finding.get_ref<ordered_json::object_t&>().reserve(13);  // its 12 keys and a fix; growing one by one cost a third of the time
  finding["id"] = d.id;
  finding["severity"] = to_string(d.level);
  finding["message"] = d.message.in(lang);
  finding["file"] = file_of(d.primary);
  finding["line"] = position(d.primary.begin.line, located);
  finding["column"] = position(d.primary.begin.column, located);
  finding["end_line"] = position(d.primary.end.line, has_end);
  finding["end_column"] = position(d.primary.end.column, has_end);
  // Built apart and moved in: a reference into `finding` would dangle once another key is added.
  ordered_json related = ordered_json::array();
  for (const label& l : d.related) {
    ordered_json place;
    place["file"] = file_of(l.span);
    place["line"] = position(l.span.begin.line, l.span.valid());
    place["column"] = position(l.span.begin.column, l.span.valid());
    place["message"] = l.message.in(lang);
    related.push_back(std::move(place));
  }
  finding["related"] = std::move(related);
  ordered_json notes = ordered_json::array();
  for (const text& note : d.notes) notes.push_back(note.in(lang));
  finding["notes"] = std::move(notes);
  finding["help"] = d.help ? ordered_json(d.help->in(lang)) : ordered_json();
  finding["suppressed"] = d.suppressed;
  // Only with a fix, so reports without fixes read as before (additive).
  if (d.fix) {
    ordered_json edits = ordered_json::array();
    for (const text_edit& e : d.fix->edits) {
      ordered_json edit;
      edit["file"] = file_of(e.span);
      edit["line"] = position(e.span.begin.line, e.span.valid());
      edit["column"] = position(e.span.begin.column, e.span.valid());
      edit["end_line"] = position(e.span.end.line, e.span.valid());
      edit["end_column"] = position(e.span.end.column, e.span.valid());
      edit["replacement"] = e.replacement;
      edits.push_back(std::move(edit));
    }
    finding["fix"] = {{"title", d.fix->title.in(lang)}, {"edits", std::move(edits)}};
  }
  return finding;
}

ordered_json json_report(const report_summary& summary) {
  ordered_json report;
  report["version"] = 1;
  report["findings"] = ordered_json::array();
  report["summary"] = {{"files", summary.files},
                       {"errors", summary.errors},
                       {"warnings", summary.warnings},
                       {"infos", summary.infos},
                       {"suppressed", summary.suppressed}};
  return report;
}

void render_json_diagnostic(std::string& out, const diagnostic& d, language lang) {
  append_json(out, json_finding(d, lang));
}

void render_json(std::string& out, const diagnostics& ds, const report_summary& summary, language lang) {
  append_json(out, json_report(summary), {"findings", ds.size(), [&](std::size_t k) { return json_finding(ds[k], lang); }});
  out += '\n';
}

void render_json(std::string& out, const run_result& run, language lang) {
  const diagnostics& ds = run.findings;
  ordered_json document = json_report(summarize(ds, run.subject_files));
  ordered_json plans = ordered_json::array();
  for (const checked_file& file : run.files)
    if (file.role == file_role::plan) plans.push_back(json_plan(file));
  document["plans"] = std::move(plans);
  append_json(out, document, {"findings", ds.size(), [&](std::size_t k) { return json_finding(ds[k], lang); }}, 0,
              {"plans"});  // one plan per line, like the findings
  out += '\n';
}

}  // namespace akkoord

#include "akkoord/validator/diff.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "akkoord/parser/parse.hpp"

namespace akkoord {

namespace {

std::string date_text(const ast::date_literal& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }
std::string money_text(std::int64_t cents) { return format_cents(cents, money_style::en); }
std::string percent_text(const decimal& p) { return format_decimal(p, money_style::en) + "%"; }
std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string joined(const std::vector<ast::identifier>& ids, const char* separator = ", ") {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : separator) + id.name;
  return out;
}

// Fully parenthesised, so two renderings are equal exactly when the trees are. The parser bounds the depth
// (max_nesting_depth); the guard keeps the recursion bounded for any tree.
std::string expression_text(const ast::expr& e, std::size_t depth = 0) {
  if (depth > parser::max_nesting_depth + 8) return "…";
  const auto sub = [&](std::size_t i) {
    return i < e.operands.size() ? expression_text(e.operands[i], depth + 1) : std::string("?");
  };
  switch (e.kind) {
    case ast::expr_kind::integer:
      if (const auto* v = std::get_if<std::int64_t>(&e.value)) return std::to_string(*v);
      break;
    case ast::expr_kind::decimal:
      if (const auto* v = std::get_if<decimal>(&e.value)) return format_decimal(*v, money_style::en);
      break;
    case ast::expr_kind::money:
      if (const auto* v = std::get_if<std::int64_t>(&e.value)) return money_text(*v);
      break;
    case ast::expr_kind::percent:
      if (const auto* v = std::get_if<decimal>(&e.value)) return percent_text(*v);
      break;
    case ast::expr_kind::date:
      if (const auto* v = std::get_if<ast::date_literal>(&e.value)) return date_text(*v);
      break;
    case ast::expr_kind::string:
      if (const auto* v = std::get_if<std::string>(&e.value)) return quoted(*v);
      break;
    case ast::expr_kind::boolean:
      if (const auto* v = std::get_if<bool>(&e.value)) return *v ? "true" : "false";
      break;
    case ast::expr_kind::path:
      return joined(e.path, ".") + (e.has_index ? "[" + sub(0) + "]" : std::string());
    case ast::expr_kind::call: {
      std::string out = e.name + "(";
      for (std::size_t i = 0; i < e.operands.size(); ++i) out += (i ? ", " : "") + sub(i);
      if (!e.where_clause.empty()) out += " where " + expression_text(e.where_clause.front(), depth + 1);
      return out + ")";
    }
    case ast::expr_kind::unary:
      return "(" + e.name + " " + sub(0) + ")";
    case ast::expr_kind::binary:
      return "(" + sub(0) + " " + e.name + " " + sub(1) + ")";
    case ast::expr_kind::list: {
      std::string out = "[";
      for (std::size_t i = 0; i < e.operands.size(); ++i) out += (i ? ", " : "") + sub(i);
      return out + "]";
    }
  }
  return "?";
}

struct line_maker {
  std::vector<std::string> lines;
  void add(std::string line) { lines.push_back(std::move(line)); }
  template <class T, class F>
  void optional(const char* keyword, const std::optional<T>& value, F text_of) {
    if (value) add(std::string(keyword) + " " + text_of(*value));
  }
};

std::string integer_text(const ast::integer_literal& i) { return std::to_string(i.value); }
std::string identifier_text(const ast::identifier& i) { return i.name; }
std::string date_literal_text(const ast::date_literal& d) { return date_text(d); }
std::string percent_literal_text(const ast::percent_literal& p) { return percent_text(p.value); }

std::vector<std::string> lines_of(const ast::agreement_decl& d) {
  line_maker m;
  m.add("title " + quoted(d.title.value));
  m.optional("since", d.since, date_literal_text);
  if (!d.documents.empty()) m.add("documents " + joined(d.documents));
  m.optional("hours_per_fte", d.hours_per_fte, integer_text);
  m.optional("tolerance", d.tolerance, percent_literal_text);
  return m.lines;
}

std::vector<std::string> lines_of(const ast::party_decl& d) {
  line_maker m;
  m.add("name " + quoted(d.name.value));
  if (!d.roles.empty()) m.add("roles " + joined(d.roles));
  m.optional("inhabitants", d.inhabitants, integer_text);
  return m.lines;
}

std::vector<std::string> lines_of(const ast::executor_decl& d) {
  line_maker m;
  m.add("name " + quoted(d.name.value));
  m.add(std::string(d.kind == ast::executor_decl::relation::employer ? "employer " : "part_of ") + d.owner.name);
  if (!d.serves.empty()) m.add("serves " + joined(d.serves));
  m.optional("since", d.since, date_literal_text);
  m.optional("until", d.until, date_literal_text);
  return m.lines;
}

std::vector<std::string> lines_of(const ast::period_decl& d) {
  line_maker m;
  m.add("title " + quoted(d.title.value));
  m.add("from " + date_text(d.from) + " to " + date_text(d.to));
  if (d.provisional) m.add("provisional");
  m.optional("until", d.until, identifier_text);
  return m.lines;
}

std::vector<std::string> lines_of(const ast::milestone_decl& d) {
  return {"title " + quoted(d.title.value), "due " + date_text(d.due)};
}

std::vector<std::string> lines_of(const ast::task_decl& d) {
  line_maker m;
  m.add("title " + quoted(d.title.value));
  for (const auto& clause : d.taakvelden) {
    std::string line = "taakveld";
    for (std::size_t i = 0; i < clause.codes.size(); ++i) line += (i ? ", " : " ") + clause.codes[i].code;
    if (clause.from_year) line += " from " + integer_text(*clause.from_year);
    if (clause.until_year) line += " until " + integer_text(*clause.until_year);
    m.add(std::move(line));
  }
  m.optional("responsible", d.responsible, identifier_text);
  for (const auto& entry : d.timeline)
    m.add(std::string(entry.what == ast::timeline_entry::kind::executed_by ? "executed_by " : "returned_to ") +
          entry.who.name + " from " + date_text(entry.from));
  if (!d.basic_during.empty()) m.add("basic during " + joined(d.basic_during));
  if (!d.for_parties.empty()) m.add("for " + joined(d.for_parties));
  return m.lines;
}

std::vector<std::string> lines_of(const ast::contribution_decl& d) {
  line_maker m;
  m.add("title " + quoted(d.title.value));
  m.optional("payer", d.payer, identifier_text);
  m.optional("payee", d.payee, identifier_text);
  for (const auto& amount : d.amounts) m.add(integer_text(amount.year) + ": " + money_text(amount.amount.cents));
  for (const auto& index : d.indexations) m.add("indexation " + integer_text(index.year) + ": " + percent_literal_text(index.rate));
  return m.lines;
}

std::vector<std::string> lines_of(const ast::saving_decl& d) {
  line_maker m;
  m.add("title " + quoted(d.title.value));
  m.optional("on", d.on, identifier_text);
  m.optional("base", d.base, integer_text);
  m.optional("from", d.from, integer_text);
  m.optional("rate", d.rate, percent_literal_text);
  m.optional("amount", d.amount, [](const ast::money_literal& a) { return money_text(a.cents); });
  return m.lines;
}

std::vector<std::string> lines_of(const ast::benchmark_decl& d) {
  line_maker m;
  m.add("title " + quoted(d.title.value));
  m.optional("source", d.source, [](const ast::string_literal& s) { return quoted(s.value); });
  m.optional("year", d.year, integer_text);
  m.optional("tolerance", d.tolerance, percent_literal_text);
  for (const auto& entry : d.entries) m.add(entry.code.code + ": " + money_text(entry.per_inhabitant.cents));
  return m.lines;
}

std::vector<std::string> lines_of(const ast::rule_decl& d) {
  line_maker m;
  m.add("title " + quoted(d.title.value));
  m.add("severity " + d.severity.name);
  m.optional("for activity", d.for_activity, identifier_text);
  for (const auto& binding : d.lets) m.add("let " + binding.name.name + " = " + expression_text(binding.value));
  m.optional("when", d.when, [](const ast::expr& e) { return expression_text(e); });
  m.add("require " + expression_text(d.require));
  m.optional("message", d.message, [](const ast::message_template& s) { return quoted(s.text.value); });
  m.optional("message nl", d.message_nl, [](const ast::message_template& s) { return quoted(s.text.value); });
  return m.lines;
}

std::vector<std::string> lines_of(const ast::include_decl&) { return {}; }

source_span span_of(const ast::declaration& d) {
  return std::visit([](const auto& decl) { return decl.span; }, d);
}

using key = std::pair<std::string, std::string>;  // keyword, id

// The first declaration of each keyword and id, in source order over the root file and its includes.
std::vector<std::pair<key, const ast::declaration*>> first_declarations(const agreement_model& model) {
  std::vector<std::pair<key, const ast::declaration*>> out;
  std::set<key> seen;
  for (const auto& f : model.files)
    for (const auto& d : f.declarations) {
      key k{declaration_keyword(d), declaration_id(d)};
      if (seen.insert(k).second) out.emplace_back(std::move(k), &d);
    }
  return out;
}

std::vector<std::string> words_of(const std::string& line) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= line.size()) {
    const auto space = line.find(' ', start);
    words.push_back(line.substr(start, space == std::string::npos ? std::string::npos : space - start));
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return words;
}

// One clause changed: "returned_to kernorganisatie from 2022-04-01 -> 2023-01-01" (the common leading words
// once); else every removed clause as "- …" and every added one as "+ …".
std::vector<std::string> details_of(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  std::multiset<std::string> old_lines(before.begin(), before.end());
  std::multiset<std::string> new_lines(after.begin(), after.end());
  std::vector<std::string> removed, added;
  for (const auto& line : before)
    if (auto it = new_lines.find(line); it != new_lines.end()) new_lines.erase(it);
    else removed.push_back(line);
  for (const auto& line : after)
    if (auto it = old_lines.find(line); it != old_lines.end()) old_lines.erase(it);
    else added.push_back(line);
  if (removed.empty() && added.empty()) return {"clause order"};  // same clauses, another order
  if (removed.size() == 1 && added.size() == 1) {
    const auto old_words = words_of(removed.front());
    const auto new_words = words_of(added.front());
    std::size_t common = 0;
    while (common + 1 < old_words.size() && common + 1 < new_words.size() && old_words[common] == new_words[common])
      ++common;
    if (common > 0) {
      std::string out;
      for (std::size_t i = 0; i < old_words.size(); ++i) out += (i ? " " : "") + old_words[i];
      out += " ->";
      for (std::size_t i = common; i < new_words.size(); ++i) out += " " + new_words[i];
      return {out};
    }
  }
  std::vector<std::string> out;
  for (const auto& line : removed) out.push_back("- " + line);
  for (const auto& line : added) out.push_back("+ " + line);
  return out;
}

}  // namespace

std::string declaration_keyword(const ast::declaration& d) {
  static const char* const keywords[] = {"agreement", "party",   "executor",  "period", "milestone", "task",
                                         "contribution", "saving", "benchmark", "rule",   "include"};
  static_assert(std::size(keywords) == std::variant_size_v<ast::declaration>);
  return keywords[d.index()];
}

std::string declaration_id(const ast::declaration& d) {
  if (const auto* include = std::get_if<ast::include_decl>(&d)) return include->path.value;
  return std::visit(
      [](const auto& decl) -> std::string {
        if constexpr (requires { decl.id.name; }) return decl.id.name;
        else return std::string();
      },
      d);
}

std::vector<std::string> canonical_lines(const ast::declaration& d) {
  return std::visit(
      [](const auto& decl) {
        std::vector<std::string> lines = lines_of(decl);
        if constexpr (requires { decl.article; }) {
          if (decl.article) lines.push_back("article " + decl.article->document.name + " " + quoted(decl.article->text.value));
        }
        return lines;
      },
      d);
}

std::vector<std::string> meaning_lines(const ast::file& f) {
  std::vector<std::string> out;
  for (const ast::declaration& d : f.declarations) {
    out.push_back(declaration_keyword(d) + " " + declaration_id(d));
    for (std::string& line : canonical_lines(d)) out.push_back("  " + std::move(line));
  }
  return out;
}

std::vector<declaration_change> diff_declarations(const agreement_model& before, const agreement_model& after) {
  const auto old_declarations = first_declarations(before);
  const auto new_declarations = first_declarations(after);
  std::map<key, const ast::declaration*> old_by_key(old_declarations.begin(), old_declarations.end());
  std::set<key> new_keys;
  std::vector<declaration_change> out;
  for (const auto& [k, decl] : new_declarations) {
    new_keys.insert(k);
    const auto old = old_by_key.find(k);
    if (old == old_by_key.end()) {
      out.push_back({change_kind::added, k.first, k.second, span_of(*decl), {}});
      continue;
    }
    const auto old_lines = canonical_lines(*old->second);
    const auto new_lines = canonical_lines(*decl);
    if (old_lines != new_lines)
      out.push_back({change_kind::changed, k.first, k.second, span_of(*decl), details_of(old_lines, new_lines)});
  }
  for (const auto& [k, decl] : old_declarations)
    if (!new_keys.count(k)) out.push_back({change_kind::removed, k.first, k.second, span_of(*decl), {}});
  return out;
}

text describe_change(const declaration_change& change) {
  const std::string subject = change.kind + " `" + change.id + "`";
  std::string details;
  for (std::size_t i = 0; i < change.details.size(); ++i) details += (i ? "; " : ": ") + change.details[i];
  switch (change.what) {
    case change_kind::added:
      return {"added " + subject, subject + " toegevoegd"};
    case change_kind::removed:
      return {"removed " + subject, subject + " verwijderd"};
    case change_kind::changed:
      break;
  }
  return {"changed " + subject + details, subject + " gewijzigd" + details};
}

diagnostics new_findings(const diagnostics& before, const diagnostics& after) {
  using finding_key = std::tuple<std::string, std::string, std::uint32_t, std::uint32_t, std::string>;
  const auto key_of = [](const diagnostic& d) {
    return finding_key{d.id, d.primary.file ? d.primary.file->path() : std::string(), d.primary.begin.line,
                       d.primary.begin.column, d.message.en};
  };
  std::multiset<finding_key> known;
  for (const auto& d : before) known.insert(key_of(d));
  diagnostics out;
  for (const auto& d : after) {
    if (auto it = known.find(key_of(d)); it != known.end()) known.erase(it);
    else out.push_back(d);
  }
  return out;
}

}  // namespace akkoord

namespace akkoord {
namespace {

bool fails_at(const diagnostics& ds, severity level) {
  return std::any_of(ds.begin(), ds.end(), [&](const diagnostic& d) { return !d.suppressed && d.level >= level; });
}

}  // namespace

diff_result diff_run(loaded_agreement before, const std::string& after, const std::vector<std::string>& plans,
                     const run_options& options, std::shared_ptr<source_manager> sources) {
  diff_result result;
  run_result& run = result.run;
  run.sources = std::move(sources);
  run.fail_on = options.fail_on;
  run.tool_version = options.tool_version;
  result.before = std::move(before.model);

  diagnostics after_findings;
  result.after = lint_agreement(after, *run.sources, options.checks, after_findings);
  sort_diagnostics(after_findings);
  // A version with syntax errors is compared like one that cannot be loaded: its broken declarations would
  // show as removed.
  for (auto* version : {&result.before, &result.after})
    if (*version && !(*version)->broken.empty()) version->reset();
  run.agreements = {result.before, result.after};
  run.checks = describe_checks(result.after.get());
  // NEW's errors fail the gate too; OLD's are the past. When NEW cannot be loaded, everything it says is shown.
  diagnostics shown;
  for (diagnostic& d : after_findings)
    if (!result.after || d.level == severity::error) shown.push_back(std::move(d));
  run.files.push_back({after, file_role::agreement, checks_that_ran(file_role::agreement, result.after.get(), options.checks)});
  run.files.back().finding_count = shown.size();
  run.findings = std::move(shown);
  run.subject_files = 1;
  if (!result.after || !result.before) {
    run.failed = true;
    return result;
  }
  result.changes = diff_declarations(*result.before, *result.after);

  // Each plan is read once and checked against both versions, each with its own cross-plan findings.
  const agreement_model* const against[] = {result.before.get(), result.after.get()};
  std::vector<std::string> failures;
  std::vector<plan_check> checked = check_plans_against(plans, against, *run.sources, options.checks, options.jobs, failures);
  const std::vector<std::string> plan_checks = checks_that_ran(file_role::plan, result.after.get(), options.checks);
  result.plans_checked = plans.size();
  run.subject_files += plans.size();
  for (std::size_t i = 0; i < plans.size(); ++i) {
    checked_file file{plans[i], file_role::plan, plan_checks};
    file.first_finding = run.findings.size();
    if (!failures[i].empty() || checked[i].findings.size() != 2) {
      run.failed = true;
      run.failures.push_back({"internal error while checking `" + plans[i] + "`: " + failures[i],
                              "interne fout bij het controleren van `" + plans[i] + "`: " + failures[i]});
      run.files.push_back(std::move(file));
      continue;
    }
    const diagnostics& old_findings = checked[i].findings[0];
    const diagnostics& new_findings_of_plan = checked[i].findings[1];
    diagnostics added;
    if (checked[i].typed == nullptr) {
      added = new_findings_of_plan;  // a plan that cannot be read is never "unchanged": it was not checked
    } else {
      added = new_findings(old_findings, new_findings_of_plan);
    }
    const diagnostics gone = new_findings(new_findings_of_plan, old_findings);
    if (fails_at(added, options.fail_on)) {
      result.broken.push_back(plans[i]);
    } else if (added.empty() && fails_at(gone, options.fail_on)) {
      result.fixed.push_back(plans[i]);
    }
    limit_findings_of_file(added);
    file.finding_count = added.size();
    run.findings.insert(run.findings.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
    if (options.keep_plans) {
      file.typed = std::move(checked[i].typed);
      file.figures = std::move(checked[i].figures);
    }
    run.files.push_back(std::move(file));
  }
  return result;
}

}  // namespace akkoord

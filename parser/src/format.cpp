// The printer of `akkoord fmt`: the concrete layer (concrete.hpp) into the canonical layout of
// docs/language.md ("Layout"). Tokens come out in the order written; only the space between them changes.
#include "akkoord/parser/format.hpp"

#include <algorithm>
#include <map>

#include "akkoord/parser/parse.hpp"

namespace akkoord::parser {

namespace {

using concrete::token_role;

bool space_between(const concrete::token& before, const concrete::token& t) {
  switch (t.role) {
    case token_role::comma:
    case token_role::colon:
    case token_role::close:
    case token_role::dot:
    case token_role::call_open:
    case token_role::index_open:
      return false;
    default:
      break;
  }
  switch (before.role) {
    case token_role::group_open:
    case token_role::call_open:
    case token_role::list_open:
    case token_role::index_open:
    case token_role::dot:
    case token_role::prefix_minus:
      return false;
    default:
      return true;
  }
}

// Declarations that fit on a line: a run of them of one kind keeps the source's grouping.
bool is_one_liner(const std::string& keyword) { return keyword == "period" || keyword == "include"; }

class printer {
 public:
  std::string print(const concrete::file& f) {
    const concrete::declaration* previous = nullptr;
    int run_group = 0;
    for (const concrete::declaration& d : f.declarations) {
      const bool continues_run = previous != nullptr && is_one_liner(d.keyword) && previous->keyword == d.keyword &&
                                 !d.head.blank_line_before();
      if (previous != nullptr && !continues_run) blank();
      if (!continues_run) run_group = new_group();
      declaration(d, run_group);
      previous = &d;
    }
    comments(f.trailing, 0, true);
    return render();
  }

 private:
  struct line {
    std::string code;     // with its indentation
    std::string comment;  // a comment at the end of the line, aligned within its group
    int group = 0;
  };

  int new_group() { return ++groups_; }

  void blank() {
    if (!lines_.empty() && !lines_.back().code.empty()) lines_.push_back({});
  }

  // Own-line comments; an empty line above one is kept (one at most), above the first only when asked.
  void comments(const std::vector<concrete::comment>& ks, int indent, bool blank_before_first) {
    for (std::size_t i = 0; i < ks.size(); ++i) {
      if (ks[i].blank_line_before && (i > 0 || blank_before_first)) blank();
      lines_.push_back({std::string(static_cast<std::size_t>(indent), ' ') + ks[i].text, {}, 0});
    }
  }

  void declaration(const concrete::declaration& d, int run_group) {
    const bool braced = d.close.has_value();
    clause(d.head, 0, braced ? new_group() : run_group);
    const int body_group = braced ? new_group() : run_group;
    for (std::size_t i = 0; i < d.body.size(); ++i) {
      if (i > 0 && d.body[i].blank_line_before()) blank();
      clause(d.body[i], 2, body_group);
    }
    comments(d.closing, 2, !d.body.empty());
    if (d.close) {
      line brace{"}", {}, new_group()};
      if (!d.close->comments_after.empty()) brace.comment = d.close->comments_after.front().text;
      lines_.push_back(std::move(brace));
    }
  }

  // One clause: its tokens on one line, but for the line breaks inside a rule expression and the ones a comment
  // needs; continuation lines are indented two more.
  void clause(const concrete::clause& c, int indent, int group) {
    comments(c.leading, indent, false);
    if (!c.leading.empty() && c.tokens.front().blank_line_before) blank();
    const std::string continuation(static_cast<std::size_t>(indent) + 2, ' ');
    line current{std::string(static_cast<std::size_t>(indent), ' '), {}, group};
    bool fresh = true;  // no token on `current` yet
    const concrete::token* before = nullptr;
    for (const concrete::token& t : c.tokens) {
      if (!fresh && before != nullptr && t.line_break_before && t.in_expression && before->in_expression) {
        lines_.push_back(std::move(current));
        current = {continuation, {}, group};
        fresh = true;
      }
      if (!fresh && before != nullptr && space_between(*before, t)) current.code += ' ';
      current.code += t.role == token_role::money ? canonical_money(t.text) : t.text;
      fresh = false;
      for (const concrete::comment& k : t.comments_after) {
        if (k.own_line) {
          if (!fresh) lines_.push_back(std::move(current));
          lines_.push_back({continuation + k.text, {}, 0});
        } else {
          current.comment = k.text;
          lines_.push_back(std::move(current));
        }
        current = {continuation, {}, group};
        fresh = true;
      }
      before = &t;
    }
    if (!fresh) lines_.push_back(std::move(current));
  }

  // Trailing comments start two columns after the longest line of their group that has one.
  std::string render() const {
    std::map<int, std::size_t> column;
    for (const line& l : lines_)
      if (!l.comment.empty()) column[l.group] = std::max(column[l.group], count_code_points(l.code) + 2);
    std::string out;
    for (const line& l : lines_) {
      out += l.code;
      if (!l.comment.empty()) {
        out.append(column.at(l.group) - count_code_points(l.code), ' ');
        out += l.comment;
      }
      out += '\n';
    }
    return out;
  }

  std::vector<line> lines_;
  int groups_ = 0;
};

}  // namespace

std::string format_file(const concrete::file& f) { return printer().print(f); }

std::string canonical_money(std::string_view written) {
  const std::string_view original = written;
  if (written.starts_with("EUR")) written.remove_prefix(3);
  else if (written.starts_with("\xE2\x82\xAC")) written.remove_prefix(3);  // €
  else return std::string(original);
  while (!written.empty() && (written.front() == ' ' || written.front() == '\t')) written.remove_prefix(1);
  std::string whole, cents;
  bool after_point = false;
  for (const char c : written) {
    if (c == '.' && !after_point) after_point = true;
    else if (c >= '0' && c <= '9') (after_point ? cents : whole) += c;
    else if (c != '_' || after_point) return std::string(original);
  }
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  while (!cents.empty() && cents.back() == '0') cents.pop_back();
  if (whole.empty() || cents.size() > 2) return std::string(original);
  if (!cents.empty()) cents.resize(2, '0');
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '_';
    grouped += whole[i];
  }
  return "EUR " + grouped + (cents.empty() ? "" : "." + cents);
}

format_outcome format_agreement(const source_file& source) {
  format_outcome outcome;
  parse_outcome parsed = parse_agreement(source);
  // A parser that recovers gives a tree beside its errors: a file with any syntax error is not formatted.
  if (!parsed.tree || !parsed.errors.empty()) {
    outcome.errors = std::move(parsed.errors);
    return outcome;
  }
  outcome.tree = std::move(parsed.tree);
  const concrete::read_outcome layer = concrete::read_file(source);
  if (!layer.tree) {
    const source_pos at = source.pos_at(layer.offset);
    const std::string where = source.path() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    outcome.failure = text{where + ": akkoord fmt cannot read this file, although it parses (a bug: please report it "
                                   "with the file): " + layer.problem,
                           where + ": akkoord fmt kan dit bestand niet lezen, hoewel het geldig is (een fout in akkoord "
                                   "fmt: meld deze met het bestand erbij): " + layer.problem};
    return outcome;
  }
  outcome.text = format_file(*layer.tree);
  return outcome;
}

}  // namespace akkoord::parser

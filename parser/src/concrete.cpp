// The concrete layer (concrete.hpp) in three steps: the text into tokens, each with the comments before it;
// the tokens into declarations and clauses, following the grammar's shapes (grammar.hpp) for a file the parser
// has accepted; the comments attached to the clause they belong to.
#include "akkoord/parser/concrete.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace akkoord::concrete {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_first(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_other(char c) { return is_ident_first(c) || is_digit(c); }

// A token as lexed, with the comments between the previous token and it.
struct lexed {
  token tok;
  std::vector<comment> comments_before;
};

// Thrown for what this reader does not understand; read_file() turns it into a problem.
struct unreadable : std::runtime_error {
  std::size_t offset;
  unreadable(const std::string& what, std::size_t at) : std::runtime_error(what), offset(at) {}
};

class lexer {
 public:
  explicit lexer(std::string_view text) : text_(text) {}

  std::vector<lexed> run(std::vector<comment>& trailing) {
    std::vector<lexed> out;
    while (true) {
      lexed next;
      skip_trivia(next);
      if (pos_ >= text_.size()) {
        trailing = std::move(next.comments_before);
        return out;
      }
      next.tok.offset = pos_;
      lex_token(next, out);
      out.push_back(std::move(next));
    }
  }

 private:
  char at(std::size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  // Whitespace and comments; records line breaks and empty lines between the previous token and the next.
  void skip_trivia(lexed& next) {
    int newlines = 0;  // since the last token or comment
    bool any_break = false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++newlines;
        any_break = true;
        ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else if (c == '#') {
        comment k;
        k.offset = pos_;
        k.own_line = newlines > 0 || at_file_start_;
        k.blank_line_before = newlines > 1;
        const std::size_t end = std::min(text_.find('\n', pos_), text_.size());
        std::size_t stop = end;
        while (stop > pos_ && (text_[stop - 1] == ' ' || text_[stop - 1] == '\t' || text_[stop - 1] == '\r')) --stop;
        k.text = std::string(text_.substr(pos_, stop - pos_));
        pos_ = end;
        next.comments_before.push_back(std::move(k));
        newlines = 0;
        at_file_start_ = false;
      } else {
        break;
      }
    }
    next.tok.line_break_before = any_break;
    next.tok.blank_line_before = newlines > 1;
    at_file_start_ = false;
  }

  void lex_token(lexed& next, const std::vector<lexed>& before) {
    const std::size_t start = pos_;
    const char c = text_[pos_];
    token& t = next.tok;
    if (c == '"') {
      lex_string(template_follows(before));
      t.role = token_role::literal;
    } else if (is_digit(c)) {
      lex_number();
      t.role = token_role::literal;
    } else if (is_ident_first(c)) {
      while (pos_ < text_.size() && is_ident_other(text_[pos_])) ++pos_;
      t.role = token_role::word;
      if (text_.substr(start, pos_ - start) == "EUR" && lex_amount()) t.role = token_role::money;
    } else if (text_.substr(pos_, 3) == "\xE2\x82\xAC") {  // €
      pos_ += 3;
      if (!lex_amount()) throw unreadable("a `€` without an amount", start);
      t.role = token_role::money;
    } else {
      lex_symbol();
      t.role = token_role::symbol;  // refined by the structure
    }
    t.text = std::string(text_.substr(start, pos_ - start));
  }

  // `{…}` holes are read only in the string after `message` or `message nl` (not `article message "…"` nor
  // `rule message "…"`, where `message` is an id): there a `#` inside a hole starts a comment.
  static bool template_follows(const std::vector<lexed>& before) {
    const auto word = [&](std::size_t back) -> std::string_view {
      if (back > before.size()) return {};
      const token& t = before[before.size() - back].tok;
      return t.role == token_role::word ? std::string_view(t.text) : std::string_view();
    };
    const auto keyword_message = [&](std::size_t back) {
      return word(back) == "message" && word(back + 1) != "article" && word(back + 1) != "rule";
    };
    return keyword_message(1) || (word(1) == "nl" && keyword_message(2));
  }

  void lex_string(bool is_template) {
    const std::size_t start = pos_;
    ++pos_;  // "
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return;
      }
      if (c == '\\') {
        pos_ += 2;
      } else if (is_template && c == '{' && at(pos_ + 1) == '{') {
        pos_ += 2;
      } else if (is_template && c == '{') {
        skip_hole();
      } else if (c == '\n') {
        break;
      } else {
        ++pos_;
      }
    }
    throw unreadable("a string without its closing quote", start);
  }

  // A hole holds an expression: whitespace, line breaks and comments may stand in it; no braces.
  void skip_hole() {
    const std::size_t start = pos_;
    ++pos_;  // {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '}') {
        ++pos_;
        return;
      }
      if (c == '#') {
        pos_ = std::min(text_.find('\n', pos_), text_.size());
      } else if (c == '"') {
        lex_string(false);
      } else {
        ++pos_;
      }
    }
    throw unreadable("a `{` in a message without its `}`", start);
  }

  // A date (`2025-07-01`), or digits, letters and `_` in parts joined by `.`, with an optional `%`: whole
  // numbers, decimals, years, percentages and taakveld codes (`6.71a`). `2022-01-01..2026-12-31` stays three.
  void lex_number() {
    const auto digits_at = [&](std::size_t p, std::size_t n) {
      for (std::size_t i = 0; i < n; ++i)
        if (!is_digit(at(p + i))) return false;
      return true;
    };
    if (digits_at(pos_, 4) && at(pos_ + 4) == '-' && digits_at(pos_ + 5, 2) && at(pos_ + 7) == '-' &&
        digits_at(pos_ + 8, 2) && !is_ident_other(at(pos_ + 10))) {
      pos_ += 10;
      return;
    }
    while (is_ident_other(at(pos_))) ++pos_;
    while (at(pos_) == '.' && is_ident_other(at(pos_ + 1))) {
      ++pos_;
      while (is_ident_other(at(pos_))) ++pos_;
    }
    if (at(pos_) == '%') ++pos_;
  }

  // After `EUR` or `€`: spaces or tabs, then digits grouped with `_` and an optional `.` and digits.
  bool lex_amount() {
    std::size_t p = pos_;
    while (at(p) == ' ' || at(p) == '\t') ++p;
    if (!is_digit(at(p))) return false;
    while (is_digit(at(p)) || (at(p) == '_' && is_digit(at(p + 1)))) ++p;
    if (at(p) == '.' && is_digit(at(p + 1))) {
      ++p;
      while (is_digit(at(p))) ++p;
    }
    pos_ = p;
    return true;
  }

  void lex_symbol() {
    static constexpr std::array<std::string_view, 5> pairs = {"..", "==", "!=", "<=", ">="};
    for (const std::string_view pair : pairs)
      if (text_.substr(pos_, pair.size()) == pair) {
        pos_ += pair.size();
        return;
      }
    static constexpr std::string_view singles = "{}()[],:.=<>+-*/";
    if (singles.find(text_[pos_]) == std::string_view::npos)
      throw unreadable("a character that no token starts with", pos_);
    ++pos_;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  bool at_file_start_ = true;
};

// The shapes of the grammar, over tokens of a file the parser accepted: where each declaration and clause
// ends. Expressions get their roles here, as only the structure tells a binary from a unary minus.
class structure {
 public:
  explicit structure(std::vector<lexed>& tokens) : toks_(tokens) {}

  struct item {  // tokens [begin, end)
    std::size_t begin = 0, end = 0;
  };
  struct declaration_items {
    item head;
    std::vector<item> body;
    std::optional<std::size_t> close;
  };

  std::vector<declaration_items> run() {
    std::vector<declaration_items> out;
    while (pos_ < toks_.size()) out.push_back(next_declaration());
    return out;
  }

 private:
  const std::string& text(std::size_t i) const {
    static const std::string none;
    return i < toks_.size() ? toks_[i].tok.text : none;
  }
  bool word_at(std::size_t i, std::string_view w) const {
    return i < toks_.size() && toks_[i].tok.role == token_role::word && toks_[i].tok.text == w;
  }
  std::size_t need(std::size_t i) const {
    if (i > toks_.size()) throw unreadable("the file ends inside a declaration", toks_.empty() ? 0 : toks_.back().tok.offset);
    return i;
  }
  // The `:` of `2024: EUR …` is a colon; `,` a comma; any other symbol keeps `symbol`.
  void mark_punctuation(item it) {
    for (std::size_t i = it.begin; i < it.end; ++i) {
      if (toks_[i].tok.role != token_role::symbol) continue;
      if (toks_[i].tok.text == ",") toks_[i].tok.role = token_role::comma;
      if (toks_[i].tok.text == ":") toks_[i].tok.role = token_role::colon;
    }
  }

  declaration_items next_declaration() {
    declaration_items d;
    const std::size_t start = pos_;
    const std::string& keyword = text(start);
    if (keyword == "include") {
      d.head = {start, need(start + 2)};
      pos_ = d.head.end;
      return d;
    }
    if (keyword == "period") {
      std::size_t e = start + 6;  // period ID "title" FROM .. TO
      if (word_at(e, "provisional")) {
        ++e;
        if (word_at(e, "until")) e += 2;
      }
      d.head = {start, need(e)};
      if (word_at(e, "article")) d.body.push_back({e, need(e + 3)});
      pos_ = d.body.empty() ? e : d.body.back().end;
      return d;
    }
    static constexpr std::array<std::string_view, 9> braced = {"agreement", "party",  "executor",  "milestone", "task",
                                                               "contribution", "saving", "benchmark", "rule"};
    if (std::find(braced.begin(), braced.end(), keyword) == braced.end())
      throw unreadable("a declaration that starts with `" + keyword + "`", toks_[start].tok.offset);
    const std::size_t open = start + (keyword == "rule" ? 4 : 3);  // KEYWORD ID "title" [SEVERITY] {
    if (text(open) != "{") throw unreadable("a declaration without its `{`", toks_[start].tok.offset);
    d.head = {start, open + 1};
    pos_ = open + 1;
    while (pos_ < toks_.size() && text(pos_) != "}") {
      const item it{pos_, need(clause_end(keyword, pos_))};
      mark_punctuation(it);
      d.body.push_back(it);
      pos_ = it.end;
    }
    if (pos_ >= toks_.size()) throw unreadable("a block without its `}`", toks_[open].tok.offset);
    d.close = pos_++;
    return d;
  }

  std::size_t list_end(std::size_t i) const {  // ITEM (, ITEM)*
    ++i;
    while (text(i) == ",") i += 2;
    return i;
  }

  std::size_t clause_end(const std::string& keyword, std::size_t j) {
    const std::string& k = text(j);
    if (toks_[j].tok.role == token_role::literal) return j + 3;  // contribution: YEAR: MONEY
    if (k == "article") return j + 3;
    if (k == "indexation" || k == "executed_by" || k == "returned_to") return j + 4;
    if (k == "documents" || k == "roles" || k == "serves") return list_end(j + 1);
    if (k == "basic") return list_end(j + 2);
    if (keyword == "task" && k == "for") return list_end(j + 1);
    if (keyword == "task" && k == "taakveld") {
      std::size_t e = list_end(j + 1);
      if (word_at(e, "from")) e += 2;
      if (word_at(e, "until")) e += 2;
      return e;
    }
    if (keyword == "benchmark" && k == "taakveld") return j + 6;  // taakveld CODE : MONEY per inhabitant
    if (keyword == "rule") {
      if (k == "for") return j + 3;
      if (k == "let") return expression(j + 3);
      if (k == "when" || k == "require") return expression(j + 1);
      if (k == "message") return word_at(j + 1, "nl") ? j + 3 : j + 2;
    }
    return j + 2;  // KEYWORD VALUE
  }

  static bool is_binary_symbol(std::string_view s) {
    static constexpr std::array<std::string_view, 10> ops = {"==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/"};
    return std::find(ops.begin(), ops.end(), s) != ops.end();
  }

  // An expression from token i; returns where it ends: after an operand, at depth 0, anything that cannot
  // continue it (the next clause's keyword or `}`).
  std::size_t expression(std::size_t i) {
    int depth = 0;
    bool want_operand = true;
    for (; i < toks_.size(); ++i) {
      token& t = toks_[i].tok;
      const std::string& s = t.text;
      const bool is_word = t.role == token_role::word;
      if (want_operand) {
        if (is_word && s == "not") t.role = token_role::prefix_not;
        else if (t.role == token_role::symbol && s == "-") t.role = token_role::prefix_minus;
        else if (t.role == token_role::symbol && s == "(") t.role = token_role::group_open, ++depth;
        else if (t.role == token_role::symbol && s == "[") t.role = token_role::list_open, ++depth;
        else if (t.role == token_role::symbol && s == "]") t.role = token_role::close, --depth, want_operand = false;
        else if (t.role == token_role::symbol) throw unreadable("`" + s + "` where an operand belongs", t.offset);
        else want_operand = false;  // a word, literal or amount
      } else {
        if (t.role == token_role::symbol && s == ".") {
          t.role = token_role::dot;
          t.in_expression = true;  // the dot; its segment below
          ++i;  // the path segment: a word, whatever it spells
          if (i >= toks_.size()) break;
          toks_[i].tok.role = token_role::word;
          toks_[i].tok.in_expression = true;
          continue;
        } else if (t.role == token_role::symbol && s == "(") {
          t.role = token_role::call_open, ++depth, want_operand = true;
        } else if (t.role == token_role::symbol && s == "[") {
          t.role = token_role::index_open, ++depth, want_operand = true;
        } else if (t.role == token_role::symbol && (s == ")" || s == "]") && depth > 0) {
          t.role = token_role::close, --depth;
        } else if (t.role == token_role::symbol && s == "," && depth > 0) {
          t.role = token_role::comma, want_operand = true;
        } else if ((t.role == token_role::symbol && is_binary_symbol(s)) ||
                   (is_word && (s == "and" || s == "or" || s == "in" || (s == "where" && depth > 0)))) {
          t.role = token_role::binary_operator, want_operand = true;
        } else if (depth == 0) {
          break;
        } else {
          throw unreadable("`" + s + "` inside an expression", t.offset);
        }
      }
      t.in_expression = true;
    }
    if (depth != 0) throw unreadable("an expression without its closing bracket", toks_.back().tok.offset);
    return i;
  }

  std::vector<lexed>& toks_;
  std::size_t pos_ = 0;
};

// Builds the clause of tokens [begin, end): the own-line comments before its first token lead it; every comment
// between two of its tokens goes with the earlier token. The comment that trails the previous clause on its
// line is handed back through `previous`.
clause make_clause(std::vector<lexed>& toks, structure::item it, std::vector<comment>* previous) {
  clause c;
  for (std::size_t i = it.begin; i < it.end; ++i) {
    auto& before = toks[i].comments_before;
    if (i == it.begin) {
      for (comment& k : before) {
        if (!k.own_line && previous != nullptr) previous->push_back(std::move(k));
        else c.leading.push_back(std::move(k));
      }
    } else {
      auto& after = c.tokens.back().comments_after;
      for (comment& k : before) after.push_back(std::move(k));
    }
    c.tokens.push_back(std::move(toks[i].tok));
  }
  return c;
}

// Own-line comments before the token at `i` (or the file's end) that belong to the block or file they close.
void split_comments(std::vector<comment>& before, std::vector<comment>* previous, std::vector<comment>& closing) {
  for (comment& k : before) {
    if (!k.own_line && previous != nullptr) previous->push_back(std::move(k));
    else closing.push_back(std::move(k));
  }
}

}  // namespace

read_outcome read_file(const source_file& source) {
  read_outcome outcome;
  try {
    file f;
    f.source = &source;
    std::vector<comment> end_comments;
    std::vector<lexed> toks = lexer(source.text()).run(end_comments);
    const auto items = structure(toks).run();
    std::vector<comment>* previous = nullptr;  // where a comment on the line of the last token goes
    for (const auto& d : items) {
      declaration decl;
      decl.keyword = toks[d.head.begin].tok.text;
      decl.head = make_clause(toks, d.head, previous);
      previous = &decl.head.tokens.back().comments_after;
      for (const auto& it : d.body) {
        decl.body.push_back(make_clause(toks, it, previous));
        previous = &decl.body.back().tokens.back().comments_after;
      }
      if (d.close) {
        split_comments(toks[*d.close].comments_before, previous, decl.closing);
        decl.close = std::move(toks[*d.close].tok);
        decl.close->role = token_role::symbol;
      }
      f.declarations.push_back(std::move(decl));
      // The vectors above move with the declaration: point into its new home.
      declaration& placed = f.declarations.back();
      previous = placed.close                ? &placed.close->comments_after
                 : placed.body.empty()       ? &placed.head.tokens.back().comments_after
                                             : &placed.body.back().tokens.back().comments_after;
    }
    split_comments(end_comments, previous, f.trailing);
    outcome.tree = std::move(f);
  } catch (const unreadable& e) {
    outcome.problem = e.what();
    outcome.offset = e.offset;
  }
  return outcome;
}

std::vector<const comment*> all_comments(const file& f) {
  std::vector<const comment*> out;
  const auto add = [&](const std::vector<comment>& ks) {
    for (const comment& k : ks) out.push_back(&k);
  };
  const auto add_clause = [&](const clause& c) {
    add(c.leading);
    for (const token& t : c.tokens) add(t.comments_after);
  };
  for (const declaration& d : f.declarations) {
    add_clause(d.head);
    for (const clause& c : d.body) add_clause(c);
    add(d.closing);
    if (d.close) add(d.close->comments_after);
  }
  add(f.trailing);
  return out;
}

}  // namespace akkoord::concrete

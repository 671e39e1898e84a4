// What the grammar records when it meets a syntax error, and where it goes on. Included by grammar.hpp,
// whose two recovering rules (a declaration, the clauses of a block) use it; the messages are in errors.hpp.
//
// Recovery points are line starts, so a broken piece never hides the next one on another line:
// - top level: a line whose first word is a declaration keyword followed by a name or a string;
// - inside a block: a line that starts with a clause keyword of that block, or with '}'.
// Strings end at the line's end and comments run to it, so a line start is never inside either.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <vector>

#include <tao/pegtl.hpp>

namespace akkoord::dsl {

// Where the caret of a grammar error goes. Stated with every message in errors.hpp.
enum class caret {
  at_token,        // at the piece that is wrong: an unknown word, a stray character
  after_previous,  // "expected X after Y": right after Y when nothing but blanks and comments follow it on
                   // its line (the piece was left out); at the offending token when something else follows
};

struct error_text {
  caret where = caret::at_token;
  const char* en = nullptr;
  const char* nl = nullptr;
  const char* help_en = nullptr;  // optional: the fix
  const char* help_nl = nullptr;
};

// Thrown by control<Rule>::raise, caught by the recovering rules and logged.
struct syntax_error {
  const error_text* message;
  std::size_t byte;  // offset into the file text where the expected piece is missing
};

// Thrown inside a block whose error was logged but whose end cannot be found before the next declaration (or
// the end of the file): the declaration is given up and parsing resumes at `resume`, with no second error.
struct declaration_abandoned {
  std::size_t resume;
};

// The state the grammar's recovering rules share: the file's text, every error and the declarations that
// did not parse (by the byte where each starts, in file order).
struct recovery_log {
  std::string_view text;
  std::vector<syntax_error> errors;
  std::vector<std::size_t> broken;

  void mark_broken(std::size_t begin) {
    if (broken.empty() || broken.back() != begin) broken.push_back(begin);
  }
};

template <typename... States>
recovery_log& log_of(States&... st) {
  return std::get<recovery_log&>(std::tie(st...));
}

// Whether `Rule` matches at `pos` (a recovery point test: keywords only, nothing that raises).
template <typename Rule>
bool matches_at(std::string_view text, std::size_t pos) {
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(text.data() + pos, text.data() + text.size(), "");
  return tao::pegtl::parse<Rule>(in);
}

// The first character of each line that is not a blank, at or after `from`, in order, until `stop` accepts
// one; text.size() when none does. Visits each byte once.
template <typename Stop>
std::size_t next_line_start(std::string_view text, std::size_t from, Stop stop) {
  std::size_t line = text.rfind('\n', from == 0 ? 0 : from - 1);
  line = line == std::string_view::npos || from == 0 ? 0 : line + 1;
  while (line < text.size()) {
    const std::size_t first = std::min(text.find_first_not_of(" \t\r", line), text.size());
    if (first >= from && first < text.size() && text[first] != '\n' && stop(first)) return first;
    const std::size_t end = text.find('\n', first);
    if (end == std::string_view::npos) break;
    line = end + 1;
  }
  return text.size();
}

// ---- type lists: the first piece of each alternative of a choice ---------------------------------------

template <typename List>
struct front_of;
template <typename First, typename... Rest>
struct front_of<tao::pegtl::type_list<First, Rest...>> {
  using type = First;
};

template <typename List>
struct first_of_each_in;
template <typename... Alternatives>
struct first_of_each_in<tao::pegtl::type_list<Alternatives...>> {
  using type = tao::pegtl::sor<typename front_of<typename Alternatives::subs_t>::type...>;
};

// For `sor< since_clause, documents_clause, ... >`: `sor< kw_since, kw_documents, ... >`, what starts one of
// its alternatives. Keeps the recovery points in step with the grammar: no second list of keywords.
template <typename Choice>
using first_of_each = typename first_of_each_in<typename Choice::subs_t>::type;

}  // namespace akkoord::dsl

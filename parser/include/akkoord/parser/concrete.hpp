// The concrete layer of an agreement file, beside the syntax tree: every token as written, every comment and
// every blank line, grouped into declarations and clauses. The syntax tree (ast.hpp) keeps what the file means;
// this keeps how it is written, for `akkoord fmt`. Positions are byte offsets into the source text; turn them
// into lines and columns with source_file::pos_at when a message needs one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/source.hpp"

namespace akkoord::concrete {

struct comment {
  std::string text;  // from `#` to the end of its line, without the spaces and tabs that end the line
  std::size_t offset = 0;
  bool own_line = false;           // nothing but whitespace before it on its line; else it trails a token
  bool blank_line_before = false;  // an empty line lies between it and what comes before
};

// What a token is to the layout: where spaces go around it.
enum class token_role {
  word,            // keyword, id, `true`, a path segment, a function name
  literal,         // number, percentage, year, taakveld code, date, string (a message template verbatim)
  money,           // `EUR 1_250.50`, `€45`: printed in canonical form
  comma,           // `,`
  colon,           // `:` in `2024: EUR …` and `taakveld 0.4: EUR …`
  symbol,          // `{` `}` `..` `=` (let)
  binary_operator, // `or` `and` `in` `where` `==` `!=` `<` `<=` `>` `>=` `+` `-` `*` `/`
  prefix_minus,    // `-x`
  prefix_not,      // `not x`
  group_open,      // `(` of a parenthesised expression
  call_open,       // `(` after a function name
  list_open,       // `[` of a list
  index_open,      // `[` after a path
  close,           // `)` `]`
  dot,             // `.` between path segments
};

struct token {
  token_role role = token_role::word;
  std::string text;  // as written
  std::size_t offset = 0;
  bool line_break_before = false;   // the source has a line break between the previous token and this one
  bool blank_line_before = false;   // … and an empty line (after the last comment, if any)
  bool in_expression = false;       // part of a rule expression (`let`, `when`, `require`)
  // The comments after this token and before the next token of the same clause; for the last token of a
  // clause only the comment on its own line (the comments on the lines below lead the next clause).
  std::vector<comment> comments_after;
};

// A clause of a block, or the head of a declaration (its keyword to its `{`).
struct clause {
  std::vector<comment> leading;  // the comments on their own lines above it
  std::vector<token> tokens;     // never empty
  // An empty line lies between what comes before and the clause (or its first leading comment).
  bool blank_line_before() const { return leading.empty() ? tokens.front().blank_line_before : leading.front().blank_line_before; }
};

struct declaration {
  std::string keyword;          // `agreement` … `include`
  clause head;                  // up to and including `{`; `period` and `include` have no block: the whole of it
  std::vector<clause> body;     // the clauses between the braces; a period's `article` after it
  std::vector<comment> closing; // comments after the last clause, before `}`
  std::optional<token> close;   // `}`, with the comment after it on its line
};

struct file {
  const source_file* source = nullptr;
  std::vector<declaration> declarations;
  std::vector<comment> trailing;  // comments after the last declaration
};

struct read_outcome {
  std::optional<file> tree;
  std::string problem;  // when the tree is absent: what could not be read, at which byte offset
  std::size_t offset = 0;
};

// Reads the concrete layer of a file that parse_agreement() accepted. A file it rejects, or anything this
// reader does not understand, gives no tree and a problem instead (never a crash, never a guess).
read_outcome read_file(const source_file& source);

// Every comment of the file in source order, wherever it is attached.
std::vector<const comment*> all_comments(const file& f);

}  // namespace akkoord::concrete

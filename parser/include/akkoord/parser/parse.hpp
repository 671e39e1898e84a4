// The parser's only public entry point: text in, syntax tree or `dsl-syntax` diagnostics out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/parser/ast.hpp"

namespace akkoord::parser {

// A declaration that did not parse, read from its first words: `task burgerzaken "…" {` gives keyword
// `task` and id `burgerzaken`; an unknown word at the top level is its keyword, the word after it its id.
struct broken_declaration {
  std::string keyword;
  std::optional<ast::identifier> id;  // absent when no name follows the keyword on its line
};

struct parse_outcome {
  std::optional<ast::file> tree;  // every declaration that parsed; absent when nothing could be read
  diagnostics errors;             // `dsl-syntax` findings in file order: at most max_syntax_errors_per_file,
                                  // then one that counts the rest
  std::vector<broken_declaration> broken;  // left out of `tree`; each has its finding in `errors`
};

// Parses one agreement file. Never throws, never crashes: invalid UTF-8, excessive nesting, oversized
// input and every grammar error become `dsl-syntax` diagnostics with a position.
// After a syntax error the parser goes on at the next line that starts a declaration (inside a block: at
// the next line that starts one of its clauses, or with '}'), so every error of the file is reported, each
// at its place; missing and repeated clauses are all reported too. A declaration with an error is left out
// of the tree and listed in `broken`, so what parsed can still be checked without follow-on errors.
// Whole-file problems (no tree) have a span with the file and line 0: a file over max_file_bytes ("the file
// is too large"), an empty or whitespace-only file ("the file is empty") and a file of only comments ("the
// file contains no declarations"). Invalid UTF-8 is reported at the first bad byte's line and column.
// The tree's expressions are at most max_nesting_depth levels deep, so code walking them recursively may
// rely on that bound.
parse_outcome parse_agreement(const source_file& file);

// For tools/dsl_tree: the raw PEGTL parse tree as Graphviz dot, or a `// path:line:col: message` comment when
// the file does not parse. A debugging aid, not an interface for checks.
std::string parse_tree_to_dot(const source_file& file);

// Limits that keep hostile input from exhausting the stack or memory.
inline constexpr std::size_t max_nesting_depth = 200;
inline constexpr std::size_t max_file_bytes = 16u * 1024u * 1024u;
// Syntax errors shown per file; the rest are counted in one more finding (a file typed in the wrong
// language would otherwise bury the first, useful ones).
inline constexpr std::size_t max_syntax_errors_per_file = 50;

}  // namespace akkoord::parser

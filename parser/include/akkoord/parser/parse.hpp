// The parser's only public entry point: text in, syntax tree or `dsl-syntax` diagnostics out.
#pragma once

#include <optional>
#include <string>

#include "akkoord/diagnostic.hpp"
#include "akkoord/parser/ast.hpp"

namespace akkoord::parser {

struct parse_outcome {
  std::optional<ast::file> tree;  // absent when the file has a syntax error
  diagnostics errors;             // `dsl-syntax` findings (at most one per file in version 1)
};

// Parses one agreement file. Never throws, never crashes: invalid UTF-8, excessive nesting, oversized
// input and every grammar error become `dsl-syntax` diagnostics with a position.
// Whole-file problems have a span with the file and line 0: a file over max_file_bytes ("the file is too
// large"), an empty or whitespace-only file ("the file is empty") and a file of only comments ("the file
// contains no declarations"). Invalid UTF-8 is reported at the first bad byte's line and column.
// The tree's expressions are at most max_nesting_depth levels deep, so code walking them recursively may
// rely on that bound.
parse_outcome parse_agreement(const source_file& file);

// For tools/dsl_tree: the raw PEGTL parse tree as Graphviz dot, or a `// path:line:col: message` comment when
// the file does not parse. A debugging aid, not an interface for checks.
std::string parse_tree_to_dot(const source_file& file);

// Limits that keep hostile input from exhausting the stack or memory.
inline constexpr std::size_t max_nesting_depth = 200;
inline constexpr std::size_t max_file_bytes = 16u * 1024u * 1024u;

}  // namespace akkoord::parser

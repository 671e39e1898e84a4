// The parser's only public entry point: text in, syntax tree or `dsl-syntax` diagnostics out.
#pragma once

#include <optional>

#include "akkoord/diagnostic.hpp"
#include "akkoord/parser/ast.hpp"

namespace akkoord::parser {

struct parse_outcome {
  std::optional<ast::file> tree;  // absent when the file has a syntax error
  diagnostics errors;             // `dsl-syntax` findings (at most one per file in version 1)
};

// Parses one agreement file. Never throws, never crashes: invalid UTF-8, excessive nesting, oversized
// input and every grammar error become `dsl-syntax` diagnostics with a position.
parse_outcome parse_agreement(const source_file& file);

// Limits that keep hostile input from exhausting the stack or memory.
inline constexpr std::size_t max_nesting_depth = 200;
inline constexpr std::size_t max_file_bytes = 16u * 1024u * 1024u;

}  // namespace akkoord::parser

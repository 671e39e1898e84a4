// Parse tree -> AST (lower.cpp), shared with parse.cpp. Private to parser/src: includes PEGTL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "akkoord/diagnostic.hpp"
#include "akkoord/parser/ast.hpp"

namespace akkoord::parser::detail {

// A problem found after the grammar matched (an amount with 3 decimals, a number too large, ...): thrown
// inside lowering, logged with the clause it is in.
struct syntax_problem {
  diagnostic found;
};

// The `dsl-syntax` diagnostic every parser error becomes.
diagnostic syntax_diagnostic(source_span where, text message, std::optional<text> help = std::nullopt);

struct lowered {
  ast::file tree;                   // every declaration without a problem
  diagnostics problems;             // every missing or repeated clause; the first bad value of each clause
  std::vector<std::size_t> broken;  // the byte where each declaration with a problem begins (left out of `tree`)
};

// Lowers the parse tree of a whole file, declaration by declaration.
lowered lower(const tao::pegtl::parse_tree::node& root, const source_file& file);

}  // namespace akkoord::parser::detail

// Parse tree -> AST (lower.cpp), shared with parse.cpp. Private to parser/src: includes PEGTL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "akkoord/diagnostic.hpp"
#include "akkoord/parser/ast.hpp"

namespace akkoord::parser::detail {

// A problem found after the grammar matched (a missing clause, an amount with 3 decimals, ...). It becomes
// the file's one `dsl-syntax` diagnostic.
struct syntax_problem {
  diagnostic found;
};

// The `dsl-syntax` diagnostic every parser error becomes.
diagnostic syntax_diagnostic(source_span where, text message, std::optional<text> help = std::nullopt);

// Lowers the parse tree of a whole file. Throws syntax_problem on the first problem.
ast::file lower(const tao::pegtl::parse_tree::node& root, const source_file& file);

}  // namespace akkoord::parser::detail

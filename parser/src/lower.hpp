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

// Byte offset -> line:column in code points, in O(1) per lookup. source_file::pos_at counts from the start
// of the line, which is quadratic when every node of a long line asks; this keeps a code-point count at
// every 64th byte instead.
class position_map {
 public:
  explicit position_map(const source_file& file);
  // `line` and `byte_column` (1-based) as PEGTL tracked them for `byte`.
  source_pos at(std::size_t byte, std::size_t line, std::size_t byte_column) const;

 private:
  static constexpr std::size_t block_bytes = 64;
  std::string_view text_;
  bool ascii_only_ = true;
  std::vector<std::uint32_t> columns_before_block_;  // code points from the line start to each block start
};

// The `dsl-syntax` diagnostic every parser error becomes.
diagnostic syntax_diagnostic(source_span where, text message, std::optional<text> help = std::nullopt);

// Lowers the parse tree of a whole file. Throws syntax_problem on the first problem.
ast::file lower(const tao::pegtl::parse_tree::node& root, const source_file& file);

}  // namespace akkoord::parser::detail

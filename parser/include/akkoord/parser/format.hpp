// `akkoord fmt`: an agreement file in the one canonical layout (docs/language.md, "Layout"), every comment
// kept. Only spaces, line breaks and the spelling of amounts change, so the file means the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "akkoord/diagnostic.hpp"
#include "akkoord/parser/ast.hpp"
#include "akkoord/parser/concrete.hpp"

namespace akkoord::parser {

// The concrete layer printed in the canonical layout.
std::string format_file(const concrete::file& f);

// An amount in canonical form: `EUR`, a space, whole euros grouped in threes with `_`, and two decimals
// unless the cents are zero (`€1250.5` -> `EUR 1_250.50`). Text that is no amount comes back as it is.
std::string canonical_money(std::string_view written);

struct format_outcome {
  std::optional<std::string> text;  // the formatted file; absent when it does not parse
  std::optional<ast::file> tree;    // the syntax tree of `source`, to compare the formatted file's with
  diagnostics errors;               // its `dsl-syntax` findings
  std::optional<akkoord::text> failure;  // a file that parses but that the formatter cannot read (a bug): where, what
};

// Parses `source` and prints it in the canonical layout. A file with syntax errors gives its diagnostics and no
// text. Never throws.
format_outcome format_agreement(const source_file& source);

}  // namespace akkoord::parser

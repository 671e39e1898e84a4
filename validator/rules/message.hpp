// A rule's `message "… {EXPR} …"`: split into literal text and expressions. Each `{EXPR}` is parsed once,
// with the agreement-language parser itself, and its spans point at the expression inside the string in
// the agreement file, so type errors in it are reported where it is written.
#pragma once

#include <string>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/parser/ast.hpp"
#include "program.hpp"

namespace akkoord::rules_detail {

struct message_piece {
  std::string literal;              // when expr is null
  const ast::expr* expr = nullptr;  // owned by program::message_trees
};

// `{{` and `}}` stand for literal braces. Problems (an unclosed `{`, an empty `{}`, text that is not an
// expression) are `rule-type-error` findings in `errors`; returns false then.
bool split_message(const ast::string_literal& message, program& prog, std::vector<message_piece>& pieces,
                   diagnostics& errors);

// A rule-type-error finding.
diagnostic type_error(source_span where, text message, std::optional<text> help = std::nullopt);

}  // namespace akkoord::rules_detail

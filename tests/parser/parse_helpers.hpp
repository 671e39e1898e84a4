// Shared by the parser tests: parse a string as if it were a file, keep the file alive beside the result.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "akkoord/parser/parse.hpp"

namespace akkoord::test {

struct parsed {
  std::unique_ptr<source_file> file;
  parser::parse_outcome outcome;

  bool ok() const { return outcome.tree.has_value() && outcome.errors.empty(); }
  const ast::file& tree() const { return *outcome.tree; }
  // The one error, or a test failure.
  const diagnostic& error() const {
    EXPECT_EQ(outcome.errors.size(), 1u);
    return outcome.errors.front();
  }
  // For failure messages: the first error as `line:column: message`.
  std::string first_error() const {
    if (outcome.errors.empty()) return "(no error)";
    const auto& d = outcome.errors.front();
    return std::to_string(d.primary.begin.line) + ":" + std::to_string(d.primary.begin.column) + ": " + d.message.en;
  }
};

inline parsed parse_text(std::string text, std::string path = "rules/x.akkoord") {
  parsed result;
  result.file = std::make_unique<source_file>(std::move(path), std::move(text));
  result.outcome = parser::parse_agreement(*result.file);
  return result;
}

template <typename Decl>
const Decl& only(const parsed& p) {
  EXPECT_TRUE(p.ok()) << p.first_error();
  EXPECT_EQ(p.tree().declarations.size(), 1u);
  return std::get<Decl>(p.tree().declarations.at(0));
}

// Spans in tests read as (line, column)-(line, column), end exclusive.
inline void expect_span(const source_span& span, std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2,
                        const char* what = "") {
  EXPECT_NE(span.file, nullptr) << what;
  EXPECT_EQ(span.begin, (source_pos{l1, c1})) << what << " begins at " << span.begin.line << ":" << span.begin.column;
  EXPECT_EQ(span.end, (source_pos{l2, c2})) << what << " ends at " << span.end.line << ":" << span.end.column;
}

}  // namespace akkoord::test

// Small helpers shared by navigation.cpp and navigation_completion.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/source.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/navigation.hpp"
#include "references.hpp"

namespace akkoord::navigation_support {

// The text a span covers in its file.
inline std::string_view span_text(const source_span& s) {
  const std::size_t begin = s.file->offset_of(s.begin);
  return s.file->text().substr(begin, s.file->offset_of(s.end) - begin);
}

// Whether the cursor is on the span or just after it (where it stands after typing the word).
inline bool touches(const source_span& s, source_pos at) { return s.valid() && s.begin <= at && at <= s.end; }

// One of the agreement's files, or a file named `*.akkoord`; any other file is a plan.
inline bool is_agreement_file(const navigation_scope& scope, const source_file& file) {
  if (scope.agreement != nullptr)
    for (const auto& f : scope.agreement->files)
      if (f.source == &file) return true;
  return file.path().ends_with(".akkoord");
}

// What a hover on the declaration shows (empty when `name` is not declared as `kind`).
text declaration_markdown(const agreement_model& model, decl_kind kind, std::string_view name);

// Markdown paragraphs in both languages; empty ones are left out.
struct paragraphs {
  text joined_text;
  void add(const text& paragraph) {
    if (paragraph.empty()) return;
    const char* separator = joined_text.empty() ? "" : "\n\n";
    joined_text.en += separator + paragraph.en;
    joined_text.nl += separator + paragraph.nl;
  }
  text joined() const { return joined_text; }
};

}  // namespace akkoord::navigation_support

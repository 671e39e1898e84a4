// Text files compiled into the binary (cmake/embed_text_files.cmake), so akkoord runs from any directory.
#pragma once

#include <span>
#include <string_view>

namespace akkoord {

struct embedded_text {
  std::string_view name;  // file name, or a README's `# id` heading
  std::string_view text;
};

// rules/taakvelden/*.csv, keyed by file name ("2017-2022.csv").
std::span<const embedded_text> embedded_taakveld_csvs();
// validator/checks/*/README.md, keyed by check id.
std::span<const embedded_text> embedded_check_docs();
// validator/checks/*/README.nl.md (the Dutch pages), keyed by check id.
std::span<const embedded_text> embedded_check_docs_nl();

}  // namespace akkoord

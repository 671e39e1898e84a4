// Inline suppressions (waivers) in a plan: `# akkoord: allow(ID[, ID]) [until YYYY-MM-DD] -- reason`.
// toml++ drops comments, so they are found by a light scan of the text that knows TOML's strings
// (a `#` inside "…", '…', """…""" or '''…''' is not a comment).
#pragma once

#include <string_view>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/plan.hpp"

namespace akkoord {

struct malformed_suppression {
  pos_span span;  // the comment
  text problem;   // what is wrong with it, in words
};

struct suppression_scan {
  std::vector<suppression> suppressions;
  std::vector<malformed_suppression> malformed;
};

// Finds every `# akkoord:` comment of a TOML text. Positions follow source_file (1-based, code points).
// Linear in the text; a text without "akkoord:" costs one search.
suppression_scan scan_suppressions(const source_file& file);

// Parses the part after `#` of one comment. Returns false (and sets `problem`) when the comment starts
// with `akkoord:` but is not a well-formed allow(...). Comments not starting with `akkoord:` are not ours:
// `is_ours` is false and nothing is reported.
bool parse_suppression_comment(std::string_view comment, suppression& out, bool& is_ours, text& problem);

}  // namespace akkoord

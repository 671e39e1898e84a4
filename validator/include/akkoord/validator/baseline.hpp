// Baselines (cli.md): `--update-baseline` records today's findings in a JSON file; `--baseline FILE` then
// accepts them and reports only new ones. A finding is matched by id, file and a fingerprint that does not
// depend on line numbers, so inserting lines above an accepted finding keeps it accepted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "akkoord/diagnostic.hpp"

namespace akkoord {

struct baseline_entry {
  std::string id;
  std::string file;         // the path as given on the command line, '/'-separated
  std::string fingerprint;  // 16 hex digits
  std::string message;      // English, for people reading the file; not used for matching
};

struct baseline {
  std::vector<baseline_entry> entries;
};

// One fingerprint per diagnostic of `ds`, in the same order: FNV-1a 64 of id, file, the trimmed text of the
// primary line, the text under the primary span and the occurrence index among findings with those same four
// in `ds` (in order). Line and column numbers are left out on purpose.
std::vector<std::string> baseline_fingerprints(const diagnostics& ds);

// The baseline of `ds`: every finding not already suppressed inline.
baseline make_baseline(const diagnostics& ds);

// Stable, sorted (file, id, fingerprint), one finding per line: diffs well under version control.
std::string render_baseline(const baseline& b);

// Parses render_baseline()'s format. On failure returns false and sets `error` (English and Dutch).
bool parse_baseline(std::string_view json, baseline& out, text& error);

// Marks each finding that a baseline entry accepts as suppressed (reason "baseline"); each entry accepts at most
// one finding. Returns the number of entries that accepted nothing (findings fixed since).
std::size_t apply_baseline(diagnostics& ds, const baseline& b);

}  // namespace akkoord

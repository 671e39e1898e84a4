// Baselines (README, Baseline): `--update-baseline` records today's findings in a JSON file; `--baseline FILE`
// then accepts them and reports only new ones. A finding is recognised by what it means, not by where its line
// is: its check, its file, the stable key of its place (the activity and field, or the declaration) and the
// figures in its message. So lines inserted above keep it accepted, while a finding that got worse (other
// figures) or moved to another activity is new.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/run.hpp"

namespace akkoord {

struct baseline_entry {
  std::string id;
  std::string file;                  // relative to the baseline file's directory, '/'-separated; empty: no file
  std::string key;                   // the place: "activity `A-001` budget", "task `strategie`", … (README)
  std::vector<std::string> figures;  // the numbers of the English message, in order
  std::string message;               // English, for people reading the file; not used for matching
};

struct baseline {
  std::vector<baseline_entry> entries;
};

// What identifies each finding of `run`, in the order of run.findings (suppressed ones included). The place key
// comes from the typed plans (so the run must keep them: run_options::keep_plans) and the agreements' declarations;
// `baseline_dir` is the directory of the baseline file, which the paths are made relative to.
std::vector<baseline_entry> identify_findings(const run_result& run, const std::filesystem::path& baseline_dir);

// The baseline of `run`: every finding not already suppressed inline.
baseline make_baseline(const run_result& run, const std::filesystem::path& baseline_dir);

// Stable, sorted (file, key, id, figures), one finding per line: diffs well under version control.
std::string render_baseline(const baseline& b);

// Parses render_baseline()'s format. On failure returns false and sets `error` (English and Dutch); a file of
// an older format says to record it again.
bool parse_baseline(std::string_view json, baseline& out, text& error);

// Marks each finding of `run` that a baseline entry accepts as suppressed (reason "baseline"): same id, file, key
// and figures. Each entry accepts at most one finding, so a copy of an accepted mistake is new. Returns the number
// of entries that accepted nothing (findings fixed since).
std::size_t apply_baseline(run_result& run, const baseline& b, const std::filesystem::path& baseline_dir);

}  // namespace akkoord

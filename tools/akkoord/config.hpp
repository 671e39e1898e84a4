// `.akkoord.toml`: found in the working directory or one of its parents (or given with --config).
//   rules = "rules/aa.akkoord"        # relative to the configuration file
//   plans = ["plans/*.toml"]          # what `check` without arguments checks (glob.hpp), relative too
//   fail_on = "warning"               # as --fail-on
//   lang = "nl"
//   [checks]
//   fte-hours-mismatch = "off"        # "off" | "info" | "warning" | "error"
//   "rule:overhead_aandeel" = "error"
//   [budget-swing]
//   threshold = "25%"                 # a task's budget may change this much from last year's plan
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/exact.hpp"

namespace akkoord::cli {

inline constexpr std::string_view config_file_name = ".akkoord.toml";

// One entry of `plans`: a plan file, a directory (its `*.toml`, as on the command line) or a pattern.
struct plan_pattern {
  std::string pattern;  // as written, relative to the configuration's directory
  std::string where;    // `path:line:column` of the entry, for messages
};

struct config {
  std::string path;                  // as shown in messages (relative to the working directory when possible)
  std::filesystem::path directory;   // where the file lives: `plans` are relative to it
  std::optional<std::string> rules;  // already resolved against the configuration file's directory
  std::vector<plan_pattern> plans;   // empty: none configured
  std::optional<severity> fail_on;
  std::optional<language> lang;
  std::map<std::string, std::optional<severity>, std::less<>> checks;  // nullopt: "off"
  std::optional<decimal> budget_swing_threshold;                        // percent, >= 0
};

// Reads a configuration from text. `directory` is where the file lives (for `rules`). Problems that make the
// file unusable set `error` and return nullopt; doubtful but harmless entries (an unknown key or check id)
// are added to `warnings` with a did-you-mean.
std::optional<config> parse_config(std::string_view content, const std::string& display_path,
                                   const std::filesystem::path& directory, text& error,
                                   std::vector<text>& warnings);

// The `.akkoord.toml` nearest to `start` (that directory or a parent), if any.
std::optional<std::filesystem::path> discover_config(const std::filesystem::path& start);

// A path for messages: relative to the working directory when that is shorter and does not climb above it
// more than needed; otherwise absolute.
std::string display_path(const std::filesystem::path& path);

}  // namespace akkoord::cli

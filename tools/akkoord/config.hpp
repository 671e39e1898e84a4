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

// Every top-level setting of the file, with how it is written and what it means: the reader knows exactly
// these keys, and the man page documents them from here.
struct config_setting {
  std::string_view key;
  std::string_view example;
  std::string_view en;
  std::string_view nl;
};
inline constexpr config_setting config_settings[] = {
    {"rules", "rules = \"rules/aa.akkoord\"",
     "the agreement for `check` and `test`, relative to the configuration file",
     "het afsprakenbestand voor `check` en `test`, relatief ten opzichte van het configuratiebestand"},
    {"plans", "plans = [\"plans/*.toml\", \"archief/**/*.toml\"]",
     "what `check` without arguments checks: plan files, directories and patterns (`*`, `?`, `**`), relative "
     "to the configuration file",
     "wat `check` zonder argumenten toetst: planbestanden, mappen en patronen (`*`, `?`, `**`), relatief ten "
     "opzichte van het configuratiebestand"},
    {"fail_on", "fail_on = \"warning\"", "as `--fail-on`: \"error\" (the default), \"warning\" or \"info\"",
     "als `--fail-on`: \"error\" (de standaard), \"warning\" of \"info\""},
    {"lang", "lang = \"nl\"", "the language of the messages: \"en\" (the default) or \"nl\"",
     "de taal van de meldingen: \"en\" (de standaard) of \"nl\""},
    {"checks", "[checks] ID = \"off\"",
     "per check id, or `rule:ID` for a rule of the agreement: \"off\", \"info\", \"warning\" or \"error\"",
     "per controle-id, of `rule:ID` voor een regel uit de afspraken: \"off\", \"info\", \"warning\" of "
     "\"error\""},
    {"budget-swing", "[budget-swing] threshold = \"25%\"",
     "how much a task's budget may change from last year's plan before `budget-swing` reports it (default 25%)",
     "hoeveel het budget van een taak mag afwijken van het plan van vorig jaar voordat `budget-swing` dit meldt "
     "(standaard 25%)"},
};

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

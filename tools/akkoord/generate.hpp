// `akkoord --generate man|complete-bash`: the man page and the bash completion, printed from the same CLI11
// definition that `--help` shows (as ripgrep's `--generate` does), so neither can miss a command or an option.
// The build runs them after each link (tools/akkoord/CMakeLists.txt); the Debian package installs the results.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "akkoord/diagnostic.hpp"

namespace akkoord::cli {

// The exit codes with their meaning: the footer of `--help` and the man page's EXIT STATUS say the same.
struct exit_code_meaning {
  int code;
  std::string_view en;
  std::string_view nl;
};
inline constexpr exit_code_meaning exit_code_meanings[] = {
    {0, "nothing at or above --fail-on", "niets op of boven --fail-on"},
    {1, "findings at or above --fail-on", "bevindingen op of boven --fail-on"},
    {2, "usage error, an agreement that cannot be loaded, or an internal failure",
     "gebruiksfout, afspraken die niet te laden zijn, of een interne fout"},
};

// "Exit codes: 0 …; 1 …; 2 …." for the footer of `--help`.
std::string exit_codes_summary(language lang);

// The man page of `app` (roff, man macros) in `lang`: every command with its arguments and options, the
// options every command takes, the exit codes, `.akkoord.toml`, the environment and examples.
std::string man_page(const CLI::App& app, language lang);

// A bash completion script for `app`: commands, options, the values of options that take a fixed set, check
// ids for `explain`, and files (agreements, plans) for the arguments that take them. Needs only bash itself.
std::string bash_completion(const CLI::App& app);

}  // namespace akkoord::cli

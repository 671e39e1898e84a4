#include "plan_selection.hpp"

#include <algorithm>
#include <set>
#include <system_error>

#include "glob.hpp"
#include "tool_log.hpp"

namespace akkoord::cli {

namespace fs = std::filesystem;

namespace {

// One spelling per file, whatever the working directory, `./` or symbolic links in the way it was named.
std::string identity(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return path.lexically_normal().generic_string();
  const fs::path canonical = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute.lexically_normal() : canonical).generic_string();
}

plan_inputs plans_for_changes(const std::vector<std::string>& changed, const config& configuration,
                              const agreement_model& agreement) {
  plan_inputs configured = configured_plans(configuration);
  std::set<std::string> agreement_files{identity(configuration.path)};
  for (const ast::file& file : agreement.files)
    if (file.source != nullptr) agreement_files.insert(identity(file.source->path()));
  for (const std::string& file : changed) {
    if (agreement_files.count(identity(file))) {
      tool_debug("`" + file + "` is part of the agreement or its configuration: checking every configured plan");
      return configured;
    }
  }
  std::set<std::string> plans;
  for (const std::string& file : configured.files) plans.insert(identity(file));
  std::vector<std::string> changed_plans;
  for (const std::string& file : changed) {
    if (plans.count(identity(file)))
      changed_plans.push_back(file);
    else
      tool_debug("`" + file + "` is neither a configured plan nor part of the agreement: left alone");
  }
  plan_inputs selected = expand_plan_inputs(changed_plans);  // each file once
  selected.warnings = std::move(configured.warnings);
  selected.nothing_changed = selected.files.empty();
  return selected;
}

}  // namespace

plan_inputs configured_plans(const config& configuration) {
  std::vector<std::string> matched;
  std::vector<text> warnings;
  for (const plan_pattern& entry : configuration.plans) {
    glob_matches matches = expand_glob(entry.pattern, configuration.directory);
    warnings.insert(warnings.end(), matches.warnings.begin(), matches.warnings.end());
    if (matches.paths.empty())
      warnings.push_back({entry.where + ": the `plans` entry `" + entry.pattern + "` matches no file",
                          entry.where + ": het `plans`-item `" + entry.pattern + "` levert geen bestand op"});
    for (const fs::path& path : matches.paths) matched.push_back(display_path(path));
  }
  plan_inputs inputs = expand_plan_inputs(matched);
  inputs.warnings.insert(inputs.warnings.begin(), warnings.begin(), warnings.end());
  return inputs;
}

std::optional<plan_selector> select_plans(const std::vector<std::string>& arguments, bool changed,
                                          const std::optional<config>& configuration) {
  const bool configured = configuration && !configuration->plans.empty();
  if (changed) {
    if (!configured) {
      tool_error({"`--changed` needs the list of plans in `.akkoord.toml` to tell plans from other files: "
                  "`plans = [\"plans/*.toml\"]`",
                  "`--changed` heeft de lijst van plannen in `.akkoord.toml` nodig om plannen van andere bestanden "
                  "te onderscheiden: `plans = [\"plans/*.toml\"]`"});
      return std::nullopt;
    }
    return [arguments, settings = *configuration](const agreement_model& agreement) {
      return plans_for_changes(arguments, settings, agreement);
    };
  }
  if (!arguments.empty())
    return [arguments](const agreement_model&) { return expand_plan_inputs(arguments); };
  if (!configured) {
    tool_error({"no plans to check: name plan files or directories, or list them in `.akkoord.toml`: "
                "`plans = [\"plans/*.toml\"]`",
                "geen plannen om te controleren: noem planbestanden of mappen, of zet ze in `.akkoord.toml`: "
                "`plans = [\"plans/*.toml\"]`"});
    return std::nullopt;
  }
  return [settings = *configuration](const agreement_model&) { return configured_plans(settings); };
}

}  // namespace akkoord::cli

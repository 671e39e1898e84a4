// Which plans `check` checks: the plans named on the command line; without any, the `plans` of `.akkoord.toml`;
// with `--changed FILE…` (the pre-commit hook), the changed files that are configured plans, or every configured
// plan when the agreement changed (its `rules` file, a file it includes, or `.akkoord.toml` itself).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "akkoord/validator/agreement.hpp"
#include "config.hpp"
#include "inputs.hpp"

namespace akkoord::cli {

// Decided once the agreement is loaded: whether a changed file belongs to it depends on its includes.
using plan_selector = std::function<plan_inputs(const agreement_model&)>;

// Every plan the configuration lists: each entry expanded (glob.hpp), directories walked as on the command line,
// each file once, in the order of the list. An entry that matches nothing is a warning that names it.
plan_inputs configured_plans(const config& configuration);

// The selector for `check`'s arguments. nullopt after a usage error (already printed): no plan named and none
// configured, or `--changed` without `plans` in the configuration (nothing would tell a plan from other TOML).
std::optional<plan_selector> select_plans(const std::vector<std::string>& arguments, bool changed,
                                          const std::optional<config>& configuration);

}  // namespace akkoord::cli

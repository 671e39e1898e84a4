#include "config.hpp"

#include <algorithm>
#include <system_error>

#include "akkoord/validator/check.hpp"
#include "akkoord/validator/suggest.hpp"
#include "toml_errors.hpp"
#include "toml_guard.hpp"
#include "toml_include.hpp"

namespace akkoord::cli {

namespace fs = std::filesystem;

namespace {

std::string where(const std::string& path, const toml::source_region& region) {
  if (region.begin.line == 0) return path;
  return path + ":" + std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
}

std::string suggestion_en(const std::optional<std::string>& best) {
  return best ? "; did you mean `" + *best + "`?" : std::string();
}
std::string suggestion_nl(const std::optional<std::string>& best) {
  return best ? "; bedoelde u `" + *best + "`?" : std::string();
}

// `[budget-swing] threshold = "25%"`: a percentage, at least 0, with at most 4 decimals (exact comparison).
template <class Warn>
bool parse_budget_swing(const toml::node& node, const std::string& display, const std::string& at, config& result,
                        text& error, const Warn& warn) {
  const auto* table = node.as_table();
  if (table == nullptr) {
    error = {at + ": `budget-swing` must be a table: [budget-swing] with `threshold = \"25%\"`",
             at + ": `budget-swing` moet een tabel zijn: [budget-swing] met `threshold = \"25%\"`"};
    return false;
  }
  for (auto&& [key, setting] : *table) {
    const std::string name(key.str());
    const std::string key_at = where(display, key.source());
    if (name != "threshold") {
      warn(key.source(), {key_at + ": unknown setting `" + name + "` in [budget-swing]; the only one is `threshold`",
                          key_at + ": onbekende instelling `" + name + "` in [budget-swing]; de enige is `threshold`"});
      continue;
    }
    const auto* value = setting.as_string();
    std::optional<decimal> percent;
    if (value != nullptr && value->get().size() > 1 && value->get().back() == '%')
      percent = parse_decimal(std::string_view(value->get()).substr(0, value->get().size() - 1));
    if (!percent || percent->units < 0 || percent->scale > 4) {
      error = {key_at + ": `threshold` must be a percentage of at least 0% with at most 4 decimals, e.g. \"25%\"",
               key_at + ": `threshold` moet een percentage van minstens 0% zijn met hoogstens 4 decimalen, "
                        "bijvoorbeeld \"25%\""};
      return false;
    }
    result.budget_swing_threshold = percent;
  }
  return true;
}

}  // namespace

std::optional<config> parse_config(std::string_view content, const std::string& display, const fs::path& directory,
                                   text& error, std::vector<text>& warnings) {
  // toml++ must never see what overflows its stack or reaches undefined behaviour (toml_guard.hpp)
  const source_file file(display, std::string(content));  // without a byte order mark, for line and column
  if (const auto hazard = find_toml_hazard(file.text())) {
    const source_pos pos = file.pos_at(hazard->begin);
    const std::string at = display + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
    error = {at + ": the configuration is not valid TOML: " + hazard->message.en + "; " + hazard->help.en,
             at + ": de configuratie is geen geldige TOML: " + hazard->message.nl + "; " + hazard->help.nl};
    return std::nullopt;
  }
  toml::table root;
  try {
    root = toml::parse(content, std::string_view(display));
  } catch (const toml::parse_error& e) {
    // in akkoord's words, with the same fixes as a plan gets (`lang = nl` → `lang = "nl"`)
    const toml::source_position stopped = e.source().begin;
    const toml_syntax_error said =
        describe_toml_error(file, stopped.line == 0 ? source_pos{1, 1} : source_pos{stopped.line, stopped.column},
                            e.description());
    const std::string at = display + ":" + std::to_string(said.begin.line) + ":" + std::to_string(said.begin.column);
    const auto sentence = [&](language lang) {
      return said.message.in(lang) + (said.help ? "; " + said.help->in(lang) : "") + " (" +
             said.library_note.in(lang) + ")";
    };
    error = {at + ": the configuration is not valid TOML: " + sentence(language::en),
             at + ": de configuratie is geen geldige TOML: " + sentence(language::nl)};
    return std::nullopt;
  }

  config result;
  result.path = display;
  result.directory = directory.empty() ? fs::path(".") : directory;
  // toml++ keeps keys sorted by name; warnings are reported in the order of the file.
  std::vector<std::pair<toml::source_position, text>> positioned;
  const auto warn = [&](const toml::source_region& region, text message) {
    positioned.emplace_back(region.begin, std::move(message));
  };
  for (auto&& [key, node] : root) {
    const std::string name(key.str());
    const std::string at = where(display, key.source());
    if (name == "rules") {
      const auto* value = node.as_string();
      if (value == nullptr) {
        error = {at + ": `rules` must be a string (the path of the agreement file)",
                 at + ": `rules` moet een tekst zijn (het pad van het afsprakenbestand)"};
        return std::nullopt;
      }
      const fs::path rules_path(value->get());
      result.rules = display_path(rules_path.is_absolute() ? rules_path : directory / rules_path);
    } else if (name == "plans") {
      const auto not_a_list = [](const std::string& place) -> text {
        return {place + ": `plans` must be a list of plan files, directories or patterns, e.g. "
                        "`plans = [\"plans/*.toml\"]`",
                place + ": `plans` moet een lijst van planbestanden, mappen of patronen zijn, bijvoorbeeld "
                        "`plans = [\"plans/*.toml\"]`"};
      };
      const auto* list = node.as_array();
      if (list == nullptr) {
        error = not_a_list(at);
        return std::nullopt;
      }
      for (const toml::node& entry : *list) {
        const std::string entry_at = where(display, entry.source());
        const auto* value = entry.as_string();
        if (value == nullptr || value->get().empty()) {
          error = not_a_list(entry_at);
          return std::nullopt;
        }
        result.plans.push_back({value->get(), entry_at});
      }
    } else if (name == "fail_on") {
      const auto* value = node.as_string();
      if (value == nullptr || !(result.fail_on = parse_severity(value->get()))) {
        error = {at + ": `fail_on` must be \"error\", \"warning\" or \"info\"",
                 at + ": `fail_on` moet \"error\", \"warning\" of \"info\" zijn"};
        return std::nullopt;
      }
    } else if (name == "lang") {
      const auto* value = node.as_string();
      if (value == nullptr || (value->get() != "nl" && value->get() != "en")) {
        error = {at + ": `lang` must be \"nl\" or \"en\"", at + ": `lang` moet \"nl\" of \"en\" zijn"};
        return std::nullopt;
      }
      result.lang = value->get() == "nl" ? language::nl : language::en;
    } else if (name == "checks") {
      const auto* table = node.as_table();
      if (table == nullptr) {
        error = {at + ": `checks` must be a table: [checks] with lines `check-id = \"warning\"`",
                 at + ": `checks` moet een tabel zijn: [checks] met regels `check-id = \"warning\"`"};
        return std::nullopt;
      }
      for (auto&& [check_key, setting] : *table) {
        const std::string id(check_key.str());
        const std::string check_at = where(display, check_key.source());
        const auto* value = setting.as_string();
        std::optional<severity> level;
        if (value == nullptr || (value->get() != "off" && !(level = parse_severity(value->get())))) {
          error = {check_at + ": the setting of `" + id + "` must be \"off\", \"info\", \"warning\" or \"error\"",
                   check_at + ": de instelling van `" + id + "` moet \"off\", \"info\", \"warning\" of \"error\" zijn"};
          return std::nullopt;
        }
        // Rule ids (`rule:X`) are checked once the agreement is loaded; built-in ids here.
        if (!id.starts_with("rule:") && find_check(id) == nullptr) {
          std::vector<std::string_view> ids;
          for (const check* c : all_checks()) ids.push_back(c->info().id);
          const auto best = did_you_mean(id, ids);
          warn(check_key.source(), {check_at + ": unknown check `" + id + "` in [checks]" + suggestion_en(best),
                                    check_at + ": onbekende controle `" + id + "` in [checks]" + suggestion_nl(best)});
        }
        result.checks[id] = level;
      }
    } else if (name == "budget-swing") {
      if (!parse_budget_swing(node, display, at, result, error, warn)) return std::nullopt;
    } else {
      std::vector<std::string_view> known_keys;
      for (const config_setting& setting : config_settings) known_keys.push_back(setting.key);
      const auto best = did_you_mean(name, known_keys);
      warn(key.source(), {at + ": unknown setting `" + name + "`" + suggestion_en(best),
                          at + ": onbekende instelling `" + name + "`" + suggestion_nl(best)});
    }
  }
  std::stable_sort(positioned.begin(), positioned.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first.line, a.first.column) < std::pair(b.first.line, b.first.column);
  });
  for (auto& [position, message] : positioned) warnings.push_back(std::move(message));
  return result;
}

std::optional<fs::path> discover_config(const fs::path& start) {
  std::error_code ec;
  fs::path directory = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  // Bounded: a path has finitely many parents, and the root is its own parent.
  for (int depth = 0; depth < 4096; ++depth) {
    const fs::path candidate = directory / config_file_name;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    const fs::path parent = directory.parent_path();
    if (parent == directory || parent.empty()) break;
    directory = parent;
  }
  return std::nullopt;
}

std::string display_path(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec) return path.generic_string();
  const fs::path cwd = fs::current_path(ec);
  if (ec) return absolute.generic_string();
  const fs::path relative = absolute.lexically_relative(cwd);
  if (relative.empty()) return absolute.generic_string();
  return relative.generic_string();
}

}  // namespace akkoord::cli

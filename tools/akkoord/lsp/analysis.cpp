#include "analysis.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "akkoord/parser/parse.hpp"
#include "akkoord/validator/check.hpp"
#include "akkoord/validator/report.hpp"
#include "plan_selection.hpp"
#include "positions.hpp"

#ifndef AKKOORD_VERSION
#define AKKOORD_VERSION "dev"
#endif

namespace akkoord::lsp {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool has_extension(const std::string& path, std::string_view extension) {
  return fs::path(path).extension() == extension;
}

// A `[plan]` table header on a line of its own (comments and spaces around it allowed).
bool has_plan_table(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.starts_with("[plan]")) return true;
    start = end + 1;
  }
  return false;
}

int lsp_severity(severity s) {
  switch (s) {
    case severity::error:
      return 1;
    case severity::warning:
      return 2;
    case severity::info:
      return 3;
  }
  return 1;
}

// A problem with the set-up rather than the file (no configuration, no agreement): at the start of the file,
// once per publication, so the user is told rather than left with a silent editor.
json setup_diagnostic(const text& message, severity level, language lang) {
  return {{"range", {{"start", to_json({})}, {"end", to_json({})}}},
          {"severity", lsp_severity(level)},
          {"source", "akkoord"},
          {"message", message.in(lang)}};
}

diagnosis only(json setup) {
  diagnosis out;
  out.diagnostics.push_back(std::move(setup));
  return out;
}

std::string cache_directory() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') return xdg;
  if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') return std::string(home) + "/.cache";
  return {};
}

}  // namespace

check_settings settings_of(const std::optional<cli::config>& config) {
  check_settings settings;
  if (!config) return settings;
  settings.overrides = config->checks;
  if (config->budget_swing_threshold) settings.parameters.budget_swing_threshold = *config->budget_swing_threshold;
  return settings;
}

std::optional<std::string> open_agreement_files::read(const std::string& path, read_error& why) const {
  if (auto open = documents_.by_path(canonical_path(path))) return std::move(open->text);
  return read_whole_file(path, why, parser::max_file_bytes);
}

governing_config analysis::config_for(const std::string& path) const {
  governing_config found;
  const auto config_path = cli::discover_config(fs::path(path).parent_path());
  if (!config_path) return found;
  found.path = config_path->string();
  read_error why;
  std::optional<std::string> content = open_agreement_files(documents_).read(found.path, why);
  if (!content) {
    found.problem =
        text{"cannot read `" + found.path + "`: " + why.en, "`" + found.path + "` is niet te lezen: " + why.nl};
    return found;
  }
  text error;
  std::vector<text> warnings;  // the command line shows them; in the editor the configuration works or it does not
  found.settings = cli::parse_config(*content, found.path, config_path->parent_path(), error, warnings);
  if (!found.settings) found.problem = error;
  return found;
}

language analysis::language_for(const governing_config& config) const {
  if (explicit_language_) return *explicit_language_;
  if (config.settings && config.settings->lang) return *config.settings->lang;
  return locale_language_.value_or(language::en);
}

bool analysis::is_configured_plan(const governing_config& config, const std::string& path) {
  if (!config.settings || config.settings->plans.empty()) return false;
  // Expanding the patterns walks directories: once per configuration until something changes.
  if (configured_epoch_[config.path] != epoch_) {
    std::set<std::string> plans;
    for (const std::string& file : cli::configured_plans(*config.settings).files) plans.insert(canonical_path(file));
    configured_plans_[config.path] = std::move(plans);
    configured_epoch_[config.path] = epoch_;
  }
  return configured_plans_[config.path].count(path) > 0;
}

document_kind analysis::kind_of(const document& doc) {
  if (has_extension(doc.path, ".akkoord") || doc.language_id == "akkoord") return document_kind::agreement;
  if (fs::path(doc.path).filename() == cli::config_file_name) return document_kind::config;
  if (!has_extension(doc.path, ".toml")) return document_kind::other;
  if (has_plan_table(doc.text) || is_configured_plan(config_for(doc.path), doc.path)) return document_kind::plan;
  return document_kind::other;
}

const loaded_agreement& analysis::agreement(const std::string& root, const check_settings& settings) {
  auto& entry = agreements_[root];
  if (entry && entry->epoch == epoch_) return *entry;
  entry = std::make_unique<loaded_agreement>();
  entry->epoch = epoch_;
  const open_agreement_files files(documents_);
  entry->model = lint_agreement(root, entry->sources, settings, entry->findings, &files);
  return *entry;
}

std::optional<std::string> analysis::documentation_uri(const std::string& id, language lang) {
  const std::string key = id + "/" + (lang == language::nl ? "nl" : "en");
  if (const auto known = documentation_.find(key); known != documentation_.end())
    return known->second.empty() ? std::nullopt : std::optional(known->second);
  std::string& uri = documentation_[key];  // empty: this id has no page (a custom rule), or it cannot be written
  std::string_view page = check_documentation(id, lang);
  if (page.empty()) page = check_documentation(id);
  const std::string directory = cache_directory();
  if (page.empty() || directory.empty()) return std::nullopt;
  // The page compiled into this binary, written once per version where an editor can open it offline: the
  // link then always matches the checks the server runs.
  const fs::path file =
      fs::path(directory) / "akkoord" / AKKOORD_VERSION / (lang == language::nl ? "nl" : "en") / (id + ".md");
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  read_error unused;
  text error;
  if (read_whole_file(file.string(), unused) != std::string(page) && !write_file_atomically(file.string(), page, error))
    return std::nullopt;
  uri = uri_from_path(file.string());
  return uri;
}

void analysis::add(diagnosis& result, const diagnostic& d, language lang) {
  const bool nl = lang == language::nl;
  std::string message = d.message.in(lang);
  for (const text& note : d.notes) message += (nl ? "\nopmerking: " : "\nnote: ") + note.in(lang);
  if (d.help) message += (nl ? "\ntip: " : "\nhelp: ") + d.help->in(lang);
  json out = {{"range", d.primary.valid() ? to_lsp_range(*d.primary.file, d.primary.begin, d.primary.end)
                                          : json{{"start", to_json({})}, {"end", to_json({})}}},
              {"severity", lsp_severity(d.level)},
              {"code", d.id},
              {"source", "akkoord"},
              {"message", message}};
  if (const auto href = documentation_uri(d.id, lang)) out["codeDescription"] = {{"href", *href}};
  json related = json::array();
  for (const label& place : d.related) {
    if (!place.span.valid()) continue;
    related.push_back(
        {{"location",
          {{"uri", uri_of(*place.span.file)},
           {"range", to_lsp_range(*place.span.file, place.span.begin, place.span.end)}}},
         {"message", place.message.empty() ? std::string(nl ? "zie ook" : "related") : place.message.in(lang)}});
  }
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  if (d.fix && !d.fix->edits.empty()) {
    json changes = json::object();
    bool placed = true;
    for (const text_edit& edit : d.fix->edits) {
      placed = placed && edit.span.valid();
      if (!placed) break;
      changes[uri_of(*edit.span.file)].push_back(
          {{"range", to_lsp_range(*edit.span.file, edit.span.begin, edit.span.end)}, {"newText", edit.replacement}});
    }
    if (placed) result.fixes.push_back({out, d.fix->title.in(lang), std::move(changes)});
  }
  result.diagnostics.push_back(std::move(out));
}

std::string analysis::agreement_root(const document& doc, const governing_config& config,
                                     const check_settings& settings) {
  // An included file is linted as part of the agreement that the configuration names, so its references to
  // the other files resolve; any other agreement file is a root of its own.
  if (!config.settings || !config.settings->rules) return doc.path;
  const std::string rules = canonical_path(*config.settings->rules);
  if (rules == doc.path) return rules;
  const loaded_agreement& configured = agreement(rules, settings);
  if (configured.model)
    for (const ast::file& file : configured.model->files)
      if (file.source != nullptr && canonical_path(file.source->path()) == doc.path) return rules;
  return doc.path;
}

std::string analysis::uri_of(const source_file& file) const {
  // The client's own spelling of an open document's URI, so it matches the buffer.
  const std::string path = canonical_path(file.path());
  const auto open = documents_.by_path(path);
  return open ? open->uri : uri_from_path(path);
}

diagnosis analysis::diagnose_agreement(const document& doc) {
  const governing_config config = config_for(doc.path);
  const language lang = language_for(config);
  const check_settings settings = settings_of(config.settings);
  const loaded_agreement& loaded = agreement(agreement_root(doc, config, settings), settings);
  diagnosis out;
  std::map<const source_file*, bool> in_document;
  for (const diagnostic& d : loaded.findings) {
    if (d.suppressed || d.primary.file == nullptr) continue;
    auto [known, inserted] = in_document.try_emplace(d.primary.file, false);
    if (inserted) known->second = canonical_path(d.primary.file->path()) == doc.path;
    if (known->second) add(out, d, lang);
  }
  return out;
}

diagnosis analysis::diagnose_plan(const document& doc) {
  const governing_config config = config_for(doc.path);
  const language lang = language_for(config);
  if (!config.settings) {
    if (config.problem)
      return only(
          setup_diagnostic({"the configuration cannot be used, so this plan is not checked: " + config.problem->en,
                            "de configuratie is niet te gebruiken, dus dit plan wordt niet "
                            "gecontroleerd: " +
                                config.problem->nl},
                           severity::error, lang));
    return only(setup_diagnostic(
        {"no `.akkoord.toml` in this folder or a parent, so akkoord does not know which agreement this plan "
         "follows: add one with `rules = \"path/to/agreement.akkoord\"`",
         "geen `.akkoord.toml` in deze map of een bovenliggende map, dus akkoord weet niet aan welke afspraken "
         "dit plan moet voldoen: voeg er een toe met `rules = \"pad/naar/afspraken.akkoord\"`"},
        severity::warning, lang));
  }
  if (!config.settings->rules)
    return only(setup_diagnostic(
        {"`" + config.path +
             "` names no agreement to check this plan against: add `rules = \"path/to/agreement.akkoord\"`",
         "`" + config.path +
             "` noemt geen afspraken om dit plan aan te toetsen: voeg `rules = "
             "\"pad/naar/afspraken.akkoord\"` toe"},
        severity::warning, lang));
  const check_settings settings = settings_of(config.settings);
  const std::string& rules = *config.settings->rules;
  const loaded_agreement& loaded = agreement(canonical_path(rules), settings);
  if (!loaded.model) {
    text why{"it cannot be read", "ze zijn niet te lezen"};
    if (!loaded.findings.empty()) why = loaded.findings.front().message;
    return only(setup_diagnostic({"the agreement `" + rules +
                                      "` cannot be loaded, so this plan is not "
                                      "checked: " +
                                      why.en,
                                  "de afspraken `" + rules +
                                      "` zijn niet te laden, dus dit plan wordt niet "
                                      "gecontroleerd: " +
                                      why.nl},
                                 severity::error, lang));
  }
  source_manager sources;
  const source_file& file = sources.add(doc.path, doc.text);
  diagnosis out;
  for (const diagnostic& d : check_plan_file(*loaded.model, file, settings, plan_caches_[doc.uri]))
    if (!d.suppressed && (d.primary.file == &file || !d.primary.valid())) add(out, d, lang);
  return out;
}

std::optional<diagnosis> analysis::diagnose(const document& doc) {
  switch (kind_of(doc)) {
    case document_kind::agreement:
      return diagnose_agreement(doc);
    case document_kind::plan:
      return diagnose_plan(doc);
    case document_kind::config:
    case document_kind::other:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace akkoord::lsp

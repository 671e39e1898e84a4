// What akkoord says about an open document, as LSP diagnostics: an agreement is linted, a plan is checked against
// the agreement its `.akkoord.toml` names. Files are read through the open documents first (unsaved text wins),
// then the disk. The loaded agreement is kept until an agreement file or a configuration changes (bump()), so a
// keystroke in a plan costs one plan check.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/plan.hpp"
#include "config.hpp"
#include "documents.hpp"

namespace akkoord::lsp {

// The agreement files as the editor has them: an open document's text, else the file on disk.
class open_agreement_files final : public agreement_files {
 public:
  explicit open_agreement_files(const document_store& documents) : documents_(documents) {}
  std::optional<std::string> read(const std::string& path, read_error& why) const override;
  std::string canonical(const std::string& path) const override { return canonical_path(path); }

 private:
  const document_store& documents_;
};

// An agreement loaded and linted once, with everything its findings point into.
struct loaded_agreement {
  source_manager sources;
  std::unique_ptr<agreement_model> model;  // null: the root file could not be read
  diagnostics findings;                    // lint's, settings applied
  std::uint64_t epoch = 0;
};

// The configuration that governs a file: the `.akkoord.toml` nearest to its folder.
struct governing_config {
  std::optional<cli::config> settings;  // nullopt: none found, or unusable (then `problem` says why)
  std::optional<text> problem;
  std::string path;  // of the `.akkoord.toml`, when one was found
};

// A finding's machine-applicable fix, as an LSP code action offers it.
struct quick_fix {
  nlohmann::json diagnostic;  // the published diagnostic it fixes
  std::string title;
  nlohmann::json changes;  // WorkspaceEdit.changes: URI -> TextEdit[]
};

// What is published for a document.
struct diagnosis {
  nlohmann::json diagnostics = nlohmann::json::array();
  std::vector<quick_fix> fixes;
};

class analysis {
 public:
  explicit analysis(const document_store& documents) : documents_(documents) {}

  // The language of the messages: initializationOptions.lang > `lang` of `.akkoord.toml` > the client's locale.
  void set_client_language(std::optional<language> explicit_choice, std::optional<language> locale) {
    explicit_language_ = explicit_choice;
    locale_language_ = locale;
  }

  // An agreement file, or a configuration, changed: what was loaded from them is stale.
  void bump() { ++epoch_; }

  document_kind kind_of(const document& doc);
  // The LSP diagnostics of an open document; nullopt for a file akkoord does not check.
  std::optional<diagnosis> diagnose(const document& doc);

  governing_config config_for(const std::string& path) const;
  // The agreement for a root file, loaded through the open documents (cached until bump()).
  const loaded_agreement& agreement(const std::string& root, const check_settings& settings);
  language language_for(const governing_config& config) const;
  // The root file of the agreement an agreement document belongs to: the configured `rules` when it is that file
  // or one it includes, else the document itself.
  std::string agreement_root(const document& doc, const governing_config& config, const check_settings& settings);
  // The URI of a file as the client knows it: an open document's own URI, else the file's.
  std::string uri_of(const source_file& file) const;

  // A document was closed: what was kept to check it again quickly goes.
  void forget(const std::string& uri) { plan_caches_.erase(uri); }

  // Serialises users of the cache (the diagnostics worker, and handlers on the main thread that need a model).
  std::mutex& mutex() { return mutex_; }

 private:
  diagnosis diagnose_agreement(const document& doc);
  diagnosis diagnose_plan(const document& doc);
  // Adds a finding (and its fix, if it has one) to `out`.
  void add(diagnosis& out, const diagnostic& d, language lang);
  std::optional<std::string> documentation_uri(const std::string& id, language lang);
  bool is_configured_plan(const governing_config& config, const std::string& path);

  const document_store& documents_;
  std::mutex mutex_;
  std::atomic<std::uint64_t> epoch_ = 1;  // bumped on the main thread, read by the worker
  std::optional<language> explicit_language_;
  std::optional<language> locale_language_;
  std::map<std::string, std::unique_ptr<loaded_agreement>> agreements_;  // by root path
  std::map<std::string, std::set<std::string>> configured_plans_;        // by config path, with its epoch below
  std::map<std::string, std::uint64_t> configured_epoch_;
  std::map<std::string, std::string> documentation_;  // `id/lang` -> file URI of its page
  std::map<std::string, plan_read_cache> plan_caches_;  // by URI of an open plan: its tables as last read
};

check_settings settings_of(const std::optional<cli::config>& config);

}  // namespace akkoord::lsp

// `akkoord lint`: load an agreement and run every check's lint() on it. Settings are applied here, once.
#include "akkoord/validator/check.hpp"
#include "akkoord/validator/engine.hpp"

namespace akkoord {

void apply_settings(diagnostics& ds, const check_settings& settings) {
  std::erase_if(ds, [&](diagnostic& d) {
    if (settings.only && d.id != *settings.only) return true;
    const auto it = settings.overrides.find(d.id);
    if (it == settings.overrides.end()) return false;
    if (!it->second) return true;  // switched off
    d.level = *it->second;
    return false;
  });
}

std::unique_ptr<agreement_model> lint_agreement(const std::string& path, source_manager& sources,
                                                const check_settings& settings, diagnostics& out,
                                                const agreement_files* files) {
  diagnostics found;
  auto model = files != nullptr ? load_agreement(path, sources, found, *files) : load_agreement(path, sources, found);
  if (model) {
    const lint_context context{*model, taakveld_catalog::builtin()};
    // Every check's lint() runs: plan checks inherit an empty one, and a check with both sides (one id,
    // one unit, e.g. `unknown-taakveld`) lints here and checks plans elsewhere.
    for (const check* c : all_checks()) {
      if (settings.only && c->info().id != *settings.only) continue;
      c->lint(context, found);
    }
  }
  apply_settings(found, settings);
  sort_diagnostics(found);
  for (auto& d : found) out.push_back(std::move(d));
  return model;
}

}  // namespace akkoord

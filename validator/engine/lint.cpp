// `akkoord lint`: load an agreement and run every check's lint() on it. Settings are applied here, once.
#include "akkoord/validator/check.hpp"
#include "akkoord/validator/engine.hpp"

#include <algorithm>
#include <iterator>

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

namespace {

bool names_document(const agreement_model& agreement, std::string_view name) {
  if (agreement.agreement == nullptr) return false;
  const auto& documents = agreement.agreement->documents;
  return std::any_of(documents.begin(), documents.end(), [&](const ast::identifier& d) { return d.name == name; });
}

// A finding at a use of a declaration that did not parse (`undefined-reference`, or a `rule-type-error` for
// `period.NAME.from`) would only repeat that declaration's syntax error.
bool follows_from_broken(const agreement_model& agreement, const diagnostic& d) {
  if (agreement.broken.empty() || !d.primary.valid() || (d.id != "undefined-reference" && d.id != "rule-type-error"))
    return false;
  const source_file& file = *d.primary.file;
  const std::size_t begin = file.offset_of(d.primary.begin);
  const std::size_t end = std::max(begin, file.offset_of(d.primary.end));
  const std::string_view named = file.text().substr(begin, end - begin);
  return std::any_of(agreement.broken.begin(), agreement.broken.end(),
                     [&](const parser::broken_declaration& b) { return b.id && b.id->name == named; });
}

}  // namespace

void cite_articles(const agreement_model& agreement, diagnostics& ds) {
  for (auto& d : ds) {
    for (auto& related : d.related) {
      const ast::article_ref* article = agreement.article_at(related.span);
      if (article == nullptr || !names_document(agreement, article->document.name)) continue;  // else undefined-reference
      const std::string citation = "(" + article->document.name + ", " + article->text.value + ")";
      for (std::string* message : {&related.message.en, &related.message.nl})
        *message = message->empty() ? citation : *message + " " + citation;
    }
  }
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
    diagnostics linted;
    for (const check* c : all_checks()) {
      if (settings.only && c->info().id != *settings.only) continue;
      c->lint(context, linted);
    }
    std::erase_if(linted, [&](const diagnostic& d) { return follows_from_broken(*model, d); });
    cite_articles(*model, linted);
    found.insert(found.end(), std::make_move_iterator(linted.begin()), std::make_move_iterator(linted.end()));
  }
  apply_settings(found, settings);
  sort_diagnostics(found);
  for (auto& d : found) out.push_back(std::move(d));
  return model;
}

}  // namespace akkoord

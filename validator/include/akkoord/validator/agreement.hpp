// The semantic model of an agreement: the syntax trees of the root file and its includes, plus indexes
// by id. References are resolved by name through these indexes; lint checks report what does not resolve.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/date.hpp"
#include "akkoord/diagnostic.hpp"
#include "akkoord/parser/ast.hpp"
#include "akkoord/parser/parse.hpp"

namespace akkoord {

class compiled_rules;  // validator/rules.hpp

template <class Decl>
using index_of = std::map<std::string, const Decl*, std::less<>>;  // first declaration of each id

struct agreement_model {
  std::vector<ast::file> files;  // the root file first, then included files in the order met
  bool complete = true;  // false when a file could not be read, or a broken declaration has no name: checks
                         // may see a partial model
  // Declarations with syntax errors, left out of `files` and the indexes (each has its `dsl-syntax` finding).
  // Their names are known, so a use of one elsewhere is not reported again (lint_agreement).
  std::vector<parser::broken_declaration> broken;

  const ast::agreement_decl* agreement = nullptr;  // the first `agreement` declaration
  index_of<ast::party_decl> parties;
  index_of<ast::executor_decl> executors;
  index_of<ast::period_decl> periods;
  index_of<ast::milestone_decl> milestones;
  index_of<ast::task_decl> tasks;
  index_of<ast::contribution_decl> contributions;
  index_of<ast::saving_decl> savings;
  index_of<ast::benchmark_decl> benchmarks;
  index_of<ast::rule_decl> rules;

  // The custom rules, type-checked and compiled once when the agreement loads (see rules.hpp, rules_of()).
  std::shared_ptr<const compiled_rules> compiled_rules_cache;

  // Every declaration of a kind in source order (duplicates included), for checks that need them all.
  template <class Decl>
  std::vector<const Decl*> all() const {
    std::vector<const Decl*> out;
    for (const auto& f : files)
      for (const auto& d : f.declarations)
        if (const auto* p = std::get_if<Decl>(&d)) out.push_back(p);
    return out;
  }

  // The timeline entry in force for `task` on `day`: the last executed_by/returned_to whose date <= day.
  const ast::timeline_entry* executor_at(const ast::task_decl& task, civil_date day) const;
  // The `article` of the declaration that holds `where` (a span in one of the agreement's files), if it has one.
  const ast::article_ref* article_at(const source_span& where) const;
  // Hours per FTE and its tolerance, when the agreement states them.
  std::optional<std::int64_t> hours_per_fte() const;
};

class taakveld_catalog;

// Where the files of an agreement come from: the disk, or a git revision (`akkoord diff --git`).
class agreement_files {
 public:
  virtual ~agreement_files() = default;
  virtual std::optional<std::string> read(const std::string& path, read_error& why) const = 0;
  // The form of a path that the include rules compare (inside the including directory, cycles); empty when it
  // cannot be resolved.
  virtual std::string canonical(const std::string& path) const = 0;
};

// Loads an agreement file and everything it includes (paths relative to the including file; cycles,
// missing files and paths leaving the including file's directory are `include-error`). Syntax errors
// are `dsl-syntax`. Files are registered in `sources`, which must outlive the model.
// `display_path` is what messages show for the root file (paths "as given").
std::unique_ptr<agreement_model> load_agreement(const std::string& path, source_manager& sources,
                                                diagnostics& out);

// Same, reading every file through `files`.
std::unique_ptr<agreement_model> load_agreement(const std::string& path, source_manager& sources, diagnostics& out,
                                                const agreement_files& files);

// Same, from text already in memory (tests); includes resolve relative to the file's path.
std::unique_ptr<agreement_model> load_agreement_text(const std::string& path, std::string text,
                                                     source_manager& sources, diagnostics& out);

}  // namespace akkoord

// `akkoord diff OLD NEW`: what an edit of the agreement changed, declaration by declaration, and which plan
// findings it adds or removes. Declarations are compared by a canonical rendering of their content, so spans,
// comments and layout never count as a change.
#pragma once

#include <string>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/parser/ast.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/run.hpp"

namespace akkoord {

enum class change_kind { added, removed, changed };

struct declaration_change {
  change_kind what = change_kind::changed;
  std::string kind;   // the declaration's keyword: "task", "party", …
  std::string id;     // its id (an include: its path)
  source_span where;  // the declaration in NEW; in OLD for a removed one
  // For a changed declaration: "returned_to kernorganisatie from 2022-04-01 -> 2023-01-01" when one clause
  // changed, else "- CLAUSE" and "+ CLAUSE" lines. Written in the agreement language, so the same in en and nl.
  std::vector<std::string> details;
};

// The keyword and id of a declaration.
std::string declaration_keyword(const ast::declaration& d);
std::string declaration_id(const ast::declaration& d);

// The content of a declaration, one clause per line, in the agreement language; no spans, no comments.
std::vector<std::string> canonical_lines(const ast::declaration& d);

// What a whole file means: per declaration its keyword and id, then its canonical lines indented. Two files
// mean the same exactly when these are equal (`akkoord fmt` holds its output to it).
std::vector<std::string> meaning_lines(const ast::file& f);

// Every declaration added, removed or changed from `before` to `after`, matched by keyword and id (the first
// declaration of each). Added and changed ones in NEW's source order, then removed ones in OLD's.
std::vector<declaration_change> diff_declarations(const agreement_model& before, const agreement_model& after);

// "changed task `strategie`: …" / "task `strategie` gewijzigd: …".
text describe_change(const declaration_change& change);

// The findings of `after` that `before` does not have, matched by id, file, line, column and English message
// (counting duplicates). fixed_findings(before, after) is new_findings(after, before).
diagnostics new_findings(const diagnostics& before, const diagnostics& after);

// The agreement at `path` as it was at git revision `revision` (FILE and its includes read with `git show`),
// loaded and linted. Its files are named "REVISION:path". When the revision cannot be used (no git, not a
// repository, unknown revision) returns nullptr and sets `why`; a file missing at the revision is a finding.
std::unique_ptr<agreement_model> load_agreement_at_revision(const std::string& revision, const std::string& path,
                                                           source_manager& sources, const check_settings& settings,
                                                           diagnostics& out, std::optional<text>& why);

// A whole `akkoord diff` run: both agreements loaded, each plan read once and checked against both (in parallel).
struct diff_result {
  // NEW's errors, then per plan the findings the edit adds (and a plan that cannot be read at all): what every
  // report of the diff shows. `run.failed` when NEW (or OLD) cannot be loaded.
  run_result run;
  std::shared_ptr<const agreement_model> before, after;  // null: could not be loaded
  std::vector<declaration_change> changes;
  std::size_t plans_checked = 0;
  std::vector<std::string> broken;  // plans that gain a finding at or above fail_on
  std::vector<std::string> fixed;   // plans that lose a finding at or above fail_on and gain no finding at all
};

// Loads `after` from disk, takes `before` as loaded by the caller (from disk or a git revision, into
// `result.run.sources`), and checks every plan against both.
struct loaded_agreement {
  std::shared_ptr<const agreement_model> model;  // null: could not be loaded
  diagnostics findings;                           // its load and lint findings
};
diff_result diff_run(loaded_agreement before, const std::string& after, const std::vector<std::string>& plans,
                     const run_options& options, std::shared_ptr<source_manager> sources);

}  // namespace akkoord

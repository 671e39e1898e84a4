// Editor navigation over an agreement and its plans: hover, go to definition, references, completion and
// rename. Independent of the protocol: `akkoord lsp` converts its UTF-16 positions to these (1-based lines,
// code-point columns, as source.hpp) and back. Every answer is computed from the model already loaded, in time
// linear in the files concerned.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/source.hpp"

namespace akkoord {

struct agreement_model;  // validator/agreement.hpp
struct plan;             // validator/plan.hpp

// What navigation sees: the agreement (its root file and includes) and the plans of the workspace (read with
// read_plan; the server passes the open and the configured plans). A file is an agreement file when it is one
// of the agreement's files or its name ends in `.akkoord`; any other file is a plan.
struct navigation_scope {
  const agreement_model* agreement = nullptr;  // null: no agreement could be loaded (plans complete field names only)
  std::vector<const plan*> plans;
};

struct hover_answer {
  text markdown;      // Markdown, English and Dutch
  source_span range;  // the word hovered
};

// On an id in a plan (agreement, municipality, contribution, task, executor, responsible, milestone): the
// declaration and, for an activity, the terms in force on its dates (who executes its task then, a returned
// competence, its taakvelden of the plan's book year, the article). On a taakveld code: its BBV name and the
// lists it is valid in. In an agreement, on a declaration or any reference: the declaration it names.
std::optional<hover_answer> hover(const navigation_scope& scope, const source_file& file, source_pos at);

// The declaration of the id at `at` (a plan value or an agreement reference, across includes), or nullopt.
std::optional<source_span> definition(const navigation_scope& scope, const source_file& file, source_pos at);

// Every place that names the declaration at `at` (or that the id at `at` names): in the agreement's files and
// in the scope's plans, in that order, each in file order; the declaration first when include_declaration.
std::vector<source_span> references(const navigation_scope& scope, const source_file& file, source_pos at,
                                    bool include_declaration);

enum class completion_kind {
  keyword, table, field, value, taakveld,
  agreement, party, executor, period, milestone, task, contribution, saving, document,
};

struct completion_item {
  std::string label;
  completion_kind kind = completion_kind::value;
  std::string insert_text;  // replaces the answer's range (in a plan: quoted unless the cursor is in quotes)
  text detail;              // a title, a BBV name, a field's meaning
  text documentation;       // Markdown; may be empty
};

struct completion_answer {
  source_span range;  // the part of the word already typed (empty at the cursor)
  std::vector<completion_item> items;
};

// Read from the text around the cursor, because a file being typed rarely parses. In a plan: the table headers
// at the start of a line, the field names of the current table not yet given, and after `field =` its valid
// values (ids with titles, the taakveld codes of the plan's year with their BBV names, `status` values). In an
// agreement: the declaration keywords at the top level, the clause keywords inside a declaration, and the
// declared ids where a reference is expected (after `executed_by`, `returned_to`, `for`, `responsible`, …).
completion_answer complete(const navigation_scope& scope, const source_file& file, source_pos at);

struct rename_answer {
  std::optional<text> refused;  // why not; when set, `edits` is empty
  source_span range;            // the id under the cursor
  std::string current_name;
  std::vector<text_edit> edits;  // (diagnostic.hpp) the declaration and every use, in the agreement's files and the scope's plans
};

// Whether the id at `at` can be renamed: an id the agreement declares, at its declaration or at a use.
rename_answer prepare_rename(const navigation_scope& scope, const source_file& file, source_pos at);
// Renames it. Refused when `new_name` is not an id (letters, digits and `_`, not starting with a digit) or is
// already declared as the same kind (for a party or executor: as either, since a plan's `executor` and a
// `returned_to` name one or the other).
rename_answer rename(const navigation_scope& scope, const source_file& file, source_pos at,
                     const std::string& new_name);

}  // namespace akkoord

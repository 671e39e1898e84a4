// A yearly execution plan, read once from TOML into typed fields with positions. Checks never see toml++.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/date.hpp"
#include "akkoord/diagnostic.hpp"
#include "akkoord/exact.hpp"

namespace akkoord {

// Positions within the plan's own file (the file is plan::source); 16 bytes, so 200,000 activities stay small.
struct pos_span {
  source_pos begin;
  source_pos end;
  friend bool operator==(const pos_span&, const pos_span&) = default;
};

template <class T>
struct spanned {
  T value{};
  pos_span span;  // the value itself (for strings: including quotes)
  friend bool operator==(const spanned&, const spanned&) = default;
};

struct plan_activity {
  pos_span header;  // the `[[activity]]` header
  std::optional<spanned<std::string>> id;
  std::optional<spanned<std::string>> task;
  std::optional<spanned<std::string>> executor;
  std::optional<spanned<std::string>> responsible;
  std::optional<spanned<std::string>> taakveld;
  std::optional<spanned<std::int64_t>> budget;  // cents
  std::optional<spanned<decimal>> fte;
  std::optional<spanned<std::int64_t>> hours;
  std::optional<spanned<civil_date>> from;  // absent: 1 January of the plan year
  std::optional<spanned<civil_date>> to;    // absent: 31 December of the plan year
  std::optional<spanned<std::string>> description;
  friend bool operator==(const plan_activity&, const plan_activity&) = default;
};

struct plan_milestone {
  pos_span header;
  std::optional<spanned<std::string>> id;
  std::optional<spanned<civil_date>> completed;
  friend bool operator==(const plan_milestone&, const plan_milestone&) = default;
};

// `# akkoord: allow(ID, ...) [until DATE] -- reason`
struct suppression {
  std::uint32_t line = 0;            // the comment's line; it covers this line and the next
  pos_span span;                     // the comment
  std::vector<std::string> ids;
  std::optional<civil_date> until;
  std::string reason;                // empty: no reason given
  friend bool operator==(const suppression&, const suppression&) = default;
};

struct plan {
  const source_file* source = nullptr;
  bool readable = true;  // false after toml-syntax: nothing below is filled in

  pos_span plan_header;  // `[plan]`, or 1:1 when the table is missing
  bool has_plan_table = false;
  std::optional<spanned<std::string>> agreement;
  std::optional<spanned<std::string>> municipality;
  std::optional<spanned<std::int64_t>> year;
  std::optional<spanned<std::string>> status;  // "concept" | "vastgesteld"
  std::optional<spanned<civil_date>> adopted;
  std::optional<spanned<std::string>> title;

  bool has_contribution = false;
  pos_span contribution_header;
  std::optional<spanned<std::string>> contribution_id;
  std::optional<spanned<std::int64_t>> total;  // cents

  std::vector<plan_activity> activities;
  std::vector<plan_milestone> milestones;
  std::vector<suppression> suppressions;

  source_span span(pos_span p) const { return {source, p.begin, p.end}; }
  // Field by field (tests: the cached read equals the full read).
  friend bool operator==(const plan&, const plan&) = default;
};

// A field of a plan's table, with what an editor's completion shows beside it.
struct plan_field {
  std::string_view table;  // "plan", "contribution", "activity", "milestone"
  std::string_view name;
  text meaning;
};
// Every field of every table, in the order of docs/plan-format.md: what the reader knows and completion offers.
const std::vector<plan_field>& plan_fields();

// Reads a plan file from text already registered in a source_manager. Shape problems (toml-syntax,
// missing-field, invalid-type, unknown-field, invalid-amount) go to `out`.
plan read_plan(const source_file& file, diagnostics& out);

// What an earlier read_plan through it found, per top-level table (a `[plan]`, `[[activity]]`, ... header and
// the lines below it up to the next header), kept by the table's text: the language server reads a plan on
// every change, and a keystroke changes one table. One cache per document; it holds one typed copy of it.
class plan_read_cache {
 public:
  plan_read_cache();
  ~plan_read_cache();
  plan_read_cache(plan_read_cache&&) noexcept;
  plan_read_cache& operator=(plan_read_cache&&) noexcept;

  struct tables;  // plan_reader.cpp

 private:
  friend plan read_plan(const source_file& file, diagnostics& out, plan_read_cache& cache);
  std::unique_ptr<tables> tables_;
};

// Exactly what read_plan(file, out) gives (the same plan; the same findings once sorted), re-reading only the
// tables whose text is not in `cache`; anything but the plain shape of a plan is read whole.
plan read_plan(const source_file& file, diagnostics& out, plan_read_cache& cache);

}  // namespace akkoord

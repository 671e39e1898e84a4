// A yearly execution plan, read once from TOML into typed fields with positions. Checks never see toml++.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "akkoord/date.hpp"
#include "akkoord/diagnostic.hpp"
#include "akkoord/exact.hpp"

namespace akkoord {

// Positions within the plan's own file (the file is plan::source); 16 bytes, so 200,000 activities stay small.
struct pos_span {
  source_pos begin;
  source_pos end;
};

template <class T>
struct spanned {
  T value{};
  pos_span span;  // the value itself (for strings: including quotes)
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
};

struct plan_milestone {
  pos_span header;
  std::optional<spanned<std::string>> id;
  std::optional<spanned<civil_date>> completed;
};

// `# akkoord: allow(ID, ...) [until DATE] -- reason`
struct suppression {
  std::uint32_t line = 0;            // the comment's line; it covers this line and the next
  pos_span span;                     // the comment
  std::vector<std::string> ids;
  std::optional<civil_date> until;
  std::string reason;                // empty: no reason given
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
};

// Reads a plan file from text already registered in a source_manager. Shape problems (toml-syntax,
// missing-field, invalid-type, unknown-field, invalid-amount) go to `out`.
plan read_plan(const source_file& file, diagnostics& out);

}  // namespace akkoord

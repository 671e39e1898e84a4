// Hand-made diagnostics for the renderer tests, shared by every test file of tests/report.
#pragma once

#include <cstdint>
#include <string>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/run.hpp"

namespace akkoord::report_test {

inline source_span span_of(const source_file& f, std::uint32_t line, std::uint32_t column, std::uint32_t end_column) {
  return {&f, {line, column}, {line, end_column}};
}

inline diagnostic make(std::string id, severity level, std::string en, source_span where) {
  diagnostic d;
  d.id = std::move(id);
  d.level = level;
  d.message = {std::move(en), "nl: " + d.id};
  d.primary = where;
  return d;
}

// What a run looked at, without its findings (files, checks, version): the tests add the findings per case.
using run_context = run_result;

inline checked_file plan_file(std::string path, std::vector<std::string> checks = {}) {
  return checked_file(std::move(path), file_role::plan, std::move(checks));
}

// The run of `context` with these findings, counted over `files` files in the summary.
inline run_result with_findings(const run_context& context, const diagnostics& ds, std::size_t files = 1) {
  run_result run;
  run.agreements = context.agreements;
  run.files = context.files;
  run.checks = context.checks;
  run.fail_on = context.fail_on;
  run.tool_version = context.tool_version;
  run.findings = ds;
  run.subject_files = files;
  return run;
}

}  // namespace akkoord::report_test

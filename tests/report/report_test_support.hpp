// Hand-made diagnostics for the renderer tests, shared by every test file of tests/report.
#pragma once

#include <cstdint>
#include <string>

#include "akkoord/diagnostic.hpp"

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

}  // namespace akkoord::report_test

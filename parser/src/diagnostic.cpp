#include "akkoord/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace akkoord {

std::string_view to_string(severity s) {
  switch (s) {
    case severity::info: return "info";
    case severity::warning: return "warning";
    case severity::error: return "error";
  }
  return "error";
}

std::optional<severity> parse_severity(std::string_view s) {
  if (s == "info") return severity::info;
  if (s == "warning") return severity::warning;
  if (s == "error") return severity::error;
  return std::nullopt;
}

void sort_diagnostics(diagnostics& ds) {
  auto key = [](const diagnostic& d) {
    const std::string_view path = d.primary.file ? std::string_view(d.primary.file->path()) : std::string_view();
    return std::make_tuple(path, d.primary.begin.line, d.primary.begin.column, -static_cast<int>(d.level),
                           std::string_view(d.id), std::string_view(d.message.en));
  };
  std::stable_sort(ds.begin(), ds.end(), [&](const diagnostic& a, const diagnostic& b) { return key(a) < key(b); });
}

}  // namespace akkoord

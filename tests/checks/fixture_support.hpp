// Shared by the check tests: where the fixtures are, and the short rendering expected.txt holds.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "akkoord/diagnostic.hpp"

namespace akkoord::testing {

inline std::filesystem::path source_dir() { return AKKOORD_SOURCE_DIR; }
inline std::filesystem::path checks_dir() { return source_dir() / "validator" / "checks"; }

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// duplicate_definition -> duplicate-definition
inline std::string id_of_directory(std::string name) {
  for (char& c : name)
    if (c == '_') c = '-';
  return name;
}

// `path:line:col` with the path relative to `base` (whole-file messages: just the path).
inline std::string place(const source_span& span, const std::filesystem::path& base) {
  if (span.file == nullptr) return "<command line>";
  std::string path = std::filesystem::path(span.file->path()).lexically_relative(base).generic_string();
  if (path.empty()) path = span.file->path();
  if (span.begin.line == 0) return path;
  return path + ":" + std::to_string(span.begin.line) + ":" + std::to_string(span.begin.column);
}

// The short form of expected.txt:
//   agreement.akkoord:7:3: error: message [id]
//     related: agreement.akkoord:2:1: message
//     note: …
//     help: …
//     fix: … (the title of a certain fix, which `--fix` applies)
inline std::string render_short(const diagnostics& ds, const std::filesystem::path& base, language lang = language::en) {
  std::string out;
  for (const auto& d : ds) {
    out += place(d.primary, base) + ": " + std::string(to_string(d.level)) + ": " + d.message.in(lang) + " [" + d.id +
           "]" + (d.suppressed ? " (suppressed)" : "") + "\n";
    for (const auto& r : d.related) {
      out += "  related: " + place(r.span, base);
      if (!r.message.empty()) out += ": " + r.message.in(lang);
      out += "\n";
    }
    for (const auto& n : d.notes) out += "  note: " + n.in(lang) + "\n";
    if (d.help) out += "  help: " + d.help->in(lang) + "\n";
    if (d.fix) out += "  fix: " + d.fix->title.in(lang) + "\n";
  }
  return out;
}

}  // namespace akkoord::testing

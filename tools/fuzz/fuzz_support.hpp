// What the three fuzz targets share: the agreement served from memory (no disk, so an `include` in fuzzed text
// reads nothing), and every finding rendered in every text form (the renderers are fuzzed with the checks).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/report.hpp"

namespace akkoord::fuzz {

// Serves one file from memory; every other path (an include) is missing.
class memory_files final : public agreement_files {
 public:
  memory_files(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}

  std::optional<std::string> read(const std::string& path, read_error& why) const override {
    if (path == path_) return text_;
    why = {"no such file", "het bestand bestaat niet"};
    return std::nullopt;
  }
  std::string canonical(const std::string& path) const override {
    return std::filesystem::path(path).lexically_normal().string();
  }

 private:
  std::string path_;
  std::string text_;
};

// Renders the findings as text (with source snippets), short, JSON and GitHub annotations, in the language
// the input's first byte picks, so both languages' message paths run.
inline void render_all(const diagnostics& found, std::string_view input) {
  report_options options;
  options.lang = !input.empty() && (static_cast<unsigned char>(input[0]) & 1u) ? language::nl : language::en;
  const report_summary summary = summarize(found, 1);
  std::string out;
  render_text(out, found, summary, options);
  render_short(out, found, summary, options);
  render_json(out, found, summary, options.lang);
  render_github(out, found, options);
}

inline std::string as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace akkoord::fuzz

// The floor: parse the same files with toml++ alone (what any TOML-based check pays at least), so every
// akkoord figure in BENCHMARKS.md is measured against it in the same run.
//
//   bench_floor FILE|DIR...      (directories: their *.toml files)
// Prints nothing on success; exit status 1 when a file does not parse (the corpus must be valid TOML).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <toml++/toml.h>

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg = argv[i];
    if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg))
        if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
    } else {
      files.push_back(arg.string());
    }
  }
  std::sort(files.begin(), files.end());
  std::size_t nodes = 0;
  for (const auto& file : files) {
    try {
      const toml::table table = toml::parse_file(file);
      nodes += table.size();  // use the result, so nothing is optimised away
    } catch (const toml::parse_error& e) {
      std::fprintf(stderr, "%s: %s\n", file.c_str(), std::string(e.description()).c_str());
      return 1;
    }
  }
  return nodes == 0 && !files.empty() ? 1 : 0;
}

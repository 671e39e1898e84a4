// The promises of the README that a test can keep: its two opening commands and CI cannot drift apart.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "run_process.hpp"

namespace {

std::set<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::set<std::string> out;
  for (std::string w; in >> w;) out.insert(w);
  return out;
}

TEST(Repository, ReadmeStartsWithTheTwoCommandsAndCiRunsTheSecond) {
  const std::string readme = e2e::read_file(e2e::source_dir() / "README.md");
  const std::string script = e2e::read_file(e2e::source_dir() / "tools/scripts/test.sh");
  const std::string ci = e2e::read_file(e2e::source_dir() / ".ci/run");

  // The first code block of the README holds command (1) and command (2), before any section.
  const auto block = readme.find("```sh\n");
  ASSERT_NE(block, std::string::npos);
  EXPECT_LT(block, readme.find("\n## "));
  const std::string commands = readme.substr(block, readme.find("```\n", block + 6) - block);

  std::smatch install;
  ASSERT_TRUE(std::regex_search(commands, install, std::regex("apt-get install -y --no-install-recommends ([^&]+)&&")))
      << commands;
  std::smatch listed;
  ASSERT_TRUE(std::regex_search(script, listed, std::regex("packages=\\(([^)]*)\\)")));
  EXPECT_EQ(words(install[1]), words(listed[1])) << "README command (1) and tools/scripts/test.sh install different packages";

  EXPECT_NE(commands.find("\nbash tools/scripts/test.sh\n"), std::string::npos) << "README command (2)";
  EXPECT_NE(ci.find("\nbash tools/scripts/test.sh\n"), std::string::npos) << ".ci/run runs README command (2)";
  EXPECT_NE(ci.find("set -euo pipefail"), std::string::npos);
  EXPECT_NE(script.find("set -euo pipefail"), std::string::npos);
}

TEST(Repository, PreCommitHooksNameBothCommands) {
  const std::string hooks = e2e::read_file(e2e::source_dir() / ".pre-commit-hooks.yaml");
  EXPECT_NE(hooks.find("- id: akkoord-check\n"), std::string::npos);
  EXPECT_NE(hooks.find("entry: akkoord check --changed\n"), std::string::npos) << "it decides what to check";
  EXPECT_NE(hooks.find("- id: akkoord-lint\n"), std::string::npos);
  EXPECT_NE(hooks.find("entry: akkoord lint\n"), std::string::npos);
}

}  // namespace

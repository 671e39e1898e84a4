// Golden files for the bundled samples: every samples/agreements/<name>.akkoord is linted by the built binary,
// and every samples/plans/<name>.toml is checked against rules/aa.akkoord. The output must equal
// <name>.expected.txt (short form) and <name>.expected.rich.txt (text form, no colour) beside the sample.
// samples/years and samples/cross-plan are each checked as one run (plans of several years judged together);
// their golden files are expected.txt and expected.rich.txt inside the folder.
// UPDATE_EXPECTED=1 rewrites the golden files instead of comparing: review the diff like code.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "run_process.hpp"

namespace {

namespace fs = std::filesystem;

bool updating() {
  const char* value = std::getenv("UPDATE_EXPECTED");
  return value != nullptr && std::string_view(value) == "1";
}

struct sample {
  std::string relative;  // from the source directory, e.g. samples/agreements/period-overlap.akkoord
  bool is_plan;
  bool is_run = false;  // a folder of plans checked in one run
};

void PrintTo(const sample& s, std::ostream* os) { *os << s.relative; }

std::vector<sample> samples_in(const std::string& directory, const std::string& extension, bool is_plan) {
  std::vector<sample> found;
  std::error_code ec;
  for (fs::directory_iterator it(e2e::source_dir() / directory, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == extension) found.push_back({directory + "/" + it->path().filename().string(), is_plan});
  std::sort(found.begin(), found.end(), [](const sample& a, const sample& b) { return a.relative < b.relative; });
  return found;
}

std::vector<sample> all_samples() {
  std::vector<sample> all = samples_in("samples/agreements", ".akkoord", false);
  for (const sample& s : samples_in("samples/plans", ".toml", true)) all.push_back(s);
  for (const char* run : {"samples/cross-plan", "samples/years"}) all.push_back({run, true, true});
  return all;
}

// samples/agreements/period-overlap.akkoord -> AgreementsPeriodOverlap (gtest names: ASCII letters and digits)
std::string test_name(const ::testing::TestParamInfo<sample>& info) {
  std::string name;
  bool upper = true;
  for (const char c : fs::path(info.param.relative).lexically_relative("samples").replace_extension().string()) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    } else {
      upper = true;
    }
  }
  return name;
}

std::vector<std::string> command_for(const sample& s, const std::string& format) {
  if (s.is_plan) return {"check", "--rules", "rules/aa.akkoord", s.relative, "--format", format, "--color", "never"};
  // (a run names its folder: `check` takes the folder's *.toml files in name order)
  return {"lint", s.relative, "--format", format, "--color", "never"};
}

class Sample : public ::testing::TestWithParam<sample> {};

// samples/plans/x.toml -> samples/plans/x.<suffix>; a run's folder -> the folder's <suffix>.
fs::path expected_file(const sample& s, const std::string& suffix) {
  fs::path expected = e2e::source_dir() / s.relative;
  if (s.is_run) return expected / suffix;
  return expected.replace_extension("." + suffix);
}

void compare_or_update(const fs::path& expected_path, const std::string& actual) {
  if (updating()) {
    std::ofstream(expected_path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " is missing; create it with UPDATE_EXPECTED=1 ctest";
  EXPECT_EQ(e2e::read_file(expected_path), actual) << "output differs from " << expected_path
                                                   << " (UPDATE_EXPECTED=1 rewrites it)";
}

TEST_P(Sample, ShortOutputMatchesExpected) {
  const sample& s = GetParam();
  const e2e::run_result result = e2e::run(command_for(s, "short"), {.env = {{"NO_COLOR", std::nullopt}}});
  ASSERT_EQ(result.signal, 0) << "crashed: " << result.err;
  // Broken agreements fail (1: a syntax error too is a finding of `lint`) or show a warning (0); a plan sample
  // may also be clean (0).
  if (!s.is_plan) {
    EXPECT_TRUE(result.exit_code == 1 || (result.exit_code == 0 && result.out.find(": warning: ") != std::string::npos))
        << result.out;
  }
  EXPECT_TRUE(result.exit_code >= 0 && result.exit_code <= 2) << result.err;
  compare_or_update(expected_file(s, "expected.txt"), result.out);
}

TEST_P(Sample, RichOutputMatchesExpected) {
  const sample& s = GetParam();
  const e2e::run_result result = e2e::run(command_for(s, "text"));
  ASSERT_EQ(result.signal, 0) << "crashed: " << result.err;
  EXPECT_EQ(result.out.find('\x1b'), std::string::npos);
  compare_or_update(expected_file(s, "expected.rich.txt"), result.out);
}

TEST_P(Sample, NamesTheSampleInEveryFinding) {
  const sample& s = GetParam();
  const e2e::run_result result = e2e::run(command_for(s, "short"));
  // Every finding is in the sample itself (the reference agreement is clean): each unindented line but the
  // summary starts with the sample's path as given on the command line.
  std::istringstream lines(result.out);
  std::vector<std::string> unindented;
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line[0] != ' ') unindented.push_back(line);
  ASSERT_FALSE(unindented.empty());
  if (unindented.back().starts_with("[*] ")) unindented.pop_back();  // how many findings `--fix` can fix
  unindented.pop_back();  // the summary
  const std::string prefix = s.relative + (s.is_run ? "/" : ":");
  for (const std::string& line : unindented) EXPECT_EQ(line.rfind(prefix, 0), 0u) << line;
}

INSTANTIATE_TEST_SUITE_P(Bundled, Sample, ::testing::ValuesIn(all_samples()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Sample);

// The Dutch text form (`fout:`, `opmerking:`, `tip:`, Dutch dates and money), for the samples that have a
// `.expected.rich.nl.txt` beside their goldens (create an empty one and run with UPDATE_EXPECTED=1).
TEST(Samples, DutchRichOutputMatchesExpected) {
  std::size_t compared = 0;
  for (const sample& s : all_samples()) {
    fs::path expected = e2e::source_dir() / s.relative;
    expected.replace_extension(".expected.rich.nl.txt");
    if (!fs::exists(expected)) continue;
    std::vector<std::string> command = command_for(s, "text");
    command.insert(command.end(), {"--lang", "nl"});
    const e2e::run_result result = e2e::run(command);
    ASSERT_EQ(result.signal, 0) << "crashed: " << result.err;
    SCOPED_TRACE(s.relative);
    compare_or_update(expected, result.out);
    ++compared;
  }
  EXPECT_GE(compared, 5u) << "the Dutch goldens of the samples are gone";
}

TEST(Samples, AgreementSamplesExist) {
  // The README sends users here: the directory must not be empty.
  EXPECT_GE(samples_in("samples/agreements", ".akkoord", false).size(), 5u);
}

}  // namespace

// The report formats of the built binary on samples/plans and samples/agreements: SARIF, JUnit XML, GitHub
// workflow commands and HTML agree with the JSON report on what was found; several reports in one run
// (`--format FORMAT[:FILE]`); the usage errors around them. (validate_reports.py validates SARIF and JUnit
// against the official schemas.)
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "strict_json.hpp"
#include "run_process.hpp"

namespace {

namespace fs = std::filesystem;
using e2e::run;

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> sample_files(const std::string& directory, const std::string& extension) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(e2e::source_dir() / directory))
    if (entry.path().extension() == extension) out.push_back(directory + "/" + entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> check_plans(const std::string& format, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"check", "--rules", "rules/aa.akkoord", "samples/plans", "--format", format,
                                "--color", "never"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

std::vector<std::string> lint_agreements(const std::string& format) {
  std::vector<std::string> args{"lint"};
  for (const std::string& file : sample_files("samples/agreements", ".akkoord")) args.push_back(file);
  args.insert(args.end(), {"--format", format, "--color", "never"});
  return args;
}

// What the JSON report says was found: the reference the other formats are compared with.
struct found {
  std::size_t findings = 0, suppressed = 0, errors = 0;
  int exit_code = -1;
};

found from_json(const std::vector<std::string>& args) {
  const auto result = run(args);
  const auto doc = strict_json::parse(result.out);
  found f;
  f.exit_code = result.exit_code;
  for (const auto& finding : doc.at("findings")) {
    ++f.findings;
    if (finding.at("suppressed").get<bool>()) {
      ++f.suppressed;
    } else if (finding.at("severity").get<std::string>() == "error") {
      ++f.errors;
    }
  }
  return f;
}

class Samples : public ::testing::TestWithParam<bool> {  // true: plans, false: agreements
 protected:
  std::vector<std::string> args(const std::string& format) const {
    return GetParam() ? check_plans(format) : lint_agreements(format);
  }
};

TEST_P(Samples, SarifHasOneResultPerFinding) {
  const found expected = from_json(args("json"));
  ASSERT_GT(expected.findings, 0u);
  const auto result = run(args("sarif"));
  EXPECT_EQ(result.exit_code, expected.exit_code) << result.err;
  const auto log = strict_json::parse(result.out);
  const auto& sarif_run = log.at("runs").at(0);
  EXPECT_EQ(sarif_run.at("columnKind").get<std::string>(), "unicodeCodePoints");
  const auto& results = sarif_run.at("results");
  EXPECT_EQ(results.size(), expected.findings);
  std::size_t suppressed = 0;
  std::set<std::string> rule_ids;
  for (const auto& rule : sarif_run.at("tool").at("driver").at("rules")) rule_ids.insert(rule.at("id").get<std::string>());
  for (const auto& r : results) {
    suppressed += r.contains("suppressions");
    EXPECT_TRUE(rule_ids.count(r.at("ruleId").get<std::string>())) << r.at("ruleId").get<std::string>();
    const std::string uri = r.at("locations").at(0).at("physicalLocation").at("artifactLocation").at("uri").get<std::string>();
    EXPECT_TRUE(uri.rfind("samples/", 0) == 0 || uri.rfind("rules/", 0) == 0) << uri;
  }
  EXPECT_EQ(suppressed, expected.suppressed);
  if (GetParam()) {
    EXPECT_GT(suppressed, 0u) << "samples/plans has a waived finding";
  }
}

TEST_P(Samples, GithubHasOneCommandPerFindingNotSuppressed) {
  const found expected = from_json(args("json"));
  const auto result = run(args("github"));
  EXPECT_EQ(result.exit_code, expected.exit_code);
  const auto lines = lines_of(result.out);
  EXPECT_EQ(lines.size(), expected.findings - expected.suppressed) << result.out;
  std::size_t errors = 0;
  for (const std::string& line : lines) {
    EXPECT_TRUE(line.rfind("::error file=", 0) == 0 || line.rfind("::warning file=", 0) == 0 ||
                line.rfind("::notice file=", 0) == 0)
        << line;
    errors += line.rfind("::error ", 0) == 0;
    EXPECT_NE(line.find(",title="), std::string::npos) << line;
  }
  EXPECT_EQ(errors, expected.errors);
}

TEST_P(Samples, JunitHasASuitePerFileAndAFailurePerError) {
  const found expected = from_json(args("json"));
  const auto result = run(args("junit"));
  EXPECT_EQ(result.exit_code, expected.exit_code);
  const std::size_t files = GetParam() ? sample_files("samples/plans", ".toml").size() + 1  // + the agreement
                                       : sample_files("samples/agreements", ".akkoord").size();
  EXPECT_EQ(count(result.out, "<testsuite "), files) << result.out.substr(0, 2000);
  EXPECT_EQ(count(result.out, "<failure "), expected.errors);
  EXPECT_EQ(result.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ", 0), 0u);
  EXPECT_EQ(result.out.substr(result.out.size() - 14), "</testsuites>\n");
}

TEST_P(Samples, HtmlHasASectionPerFileAndChartsForPlans) {
  const auto result = run(args("html"));
  EXPECT_EQ(result.exit_code, from_json(args("json")).exit_code);
  EXPECT_EQ(result.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(result.out.find("<script"), std::string::npos);
  const auto files = GetParam() ? sample_files("samples/plans", ".toml") : sample_files("samples/agreements", ".akkoord");
  // Each section names its file under its heading (a plan's heading is its municipality, year and title).
  for (const std::string& file : files)
    EXPECT_NE(result.out.find("</h2>\n<p class=\"where\">" + file + "</p>"), std::string::npos) << file;
  if (GetParam()) {
    // Every plan that reads as TOML gets its charts; toml-syntax-unclosed-string does not.
    EXPECT_GE(count(result.out, "<svg "), files.size()) << "one chart per plan at least";
    EXPECT_NE(result.out.find("<h3>Spending</h3>"), std::string::npos);
    EXPECT_NE(result.out.find("<h2>Overview</h2>"), std::string::npos);
    EXPECT_NE(result.out.find("<h3>Agreement clauses involved</h3>"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(PlansAndAgreements, Samples, ::testing::Bool(),
                         [](const auto& param) { return param.param ? std::string("Plans") : std::string("Agreements"); });

TEST(Formats, DutchReports) {
  const auto html = run(check_plans("html", {"--lang", "nl"}));
  EXPECT_NE(html.out.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(html.out.find("<h3>Uitgaven</h3>"), std::string::npos);
  EXPECT_NE(html.out.find("<h3>Stand van zaken</h3>"), std::string::npos);
  const auto sarif = run(check_plans("sarif", {"--lang", "nl"}));
  EXPECT_EQ(strict_json::parse(sarif.out).at("runs").at(0).at("language").get<std::string>(), "nl");
  const auto github = run(check_plans("github", {"--lang", "nl"}));
  EXPECT_NE(github.out.find("%0Azie ook: rules/aa.akkoord:"), std::string::npos) << github.out;
  const auto junit = run(check_plans("junit", {"--lang", "nl"}));
  EXPECT_NE(junit.out.find(": fout: "), std::string::npos);
}

TEST(Formats, OutputIsTheSameForAnyNumberOfJobs) {
  for (const char* format : {"sarif", "junit", "github", "html"}) {
    const auto one = run(check_plans(format, {"--jobs", "1"}));
    const auto four = run(check_plans(format, {"--jobs", "4"}));
    EXPECT_FALSE(one.out.empty()) << format;
    EXPECT_EQ(one.out, four.out) << format;
  }
}

TEST(Formats, TheFormatOptionTakesOneValue) {
  // `--format sarif PLAN`: the plan stays a plan.
  const auto result = run({"check", "--rules", "rules/aa.akkoord", "--format", "sarif",
                           "samples/plans/contribution-mismatch.toml"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(strict_json::parse(result.out).at("runs").at(0).at("results").size(), 1u);
}

TEST(Formats, HelpNamesEveryFormat) {
  const auto help = run({"check", "--help"});
  for (const char* word : {"text", "short", "json", "sarif", "junit", "github", "html", "xlsx", "FORMAT:FILE"})
    EXPECT_NE(help.out.find(word), std::string::npos) << word;
}

// --- several reports in one run -----------------------------------------------------------------------------

class Reports : public ::testing::Test {
 protected:
  e2e::temp_dir dir;
  std::string at(const std::string& name) const { return (dir.path() / name).string(); }
  std::set<std::string> entries() const {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir.path())) names.insert(entry.path().filename().string());
    return names;
  }
};

TEST_F(Reports, EachFormatToItsFileAndOneToStdout) {
  const auto text = run(check_plans("text"));
  const auto result = run(check_plans("text", {"--format", "sarif:" + at("report.sarif"), "--format",
                                               "junit:" + at("report.xml"), "--format", "html:" + at("report.html"),
                                               "--format", "github:" + at("annotations.txt")}));
  ASSERT_EQ(result.signal, 0) << result.err;
  EXPECT_EQ(result.exit_code, text.exit_code);
  EXPECT_EQ(result.out, text.out) << "stdout gets the report without a file";
  for (const auto& [format, file] : std::vector<std::pair<std::string, std::string>>{
           {"sarif", "report.sarif"}, {"junit", "report.xml"}, {"html", "report.html"}, {"github", "annotations.txt"}})
    EXPECT_EQ(e2e::read_file(dir.path() / file), run(check_plans(format)).out) << format;
  EXPECT_EQ(entries(), (std::set<std::string>{"annotations.txt", "report.html", "report.sarif", "report.xml"}))
      << "no temporary file stays";
}

TEST_F(Reports, OnlyFilesMeansNothingOnStdout) {
  const auto result = run(check_plans("sarif:" + at("a.sarif"), {"--format", "json:" + at("a.json")}));
  EXPECT_TRUE(result.out.empty()) << result.out;
  EXPECT_NO_THROW(strict_json::parse(e2e::read_file(dir.path() / "a.sarif")));
  EXPECT_NO_THROW(strict_json::parse(e2e::read_file(dir.path() / "a.json")));
}

TEST_F(Reports, OutputNamesTheFileOfTheReportWithoutOne) {
  const auto result = run(check_plans("json", {"--format", "sarif:" + at("b.sarif"), "--output", at("a.json")}));
  EXPECT_TRUE(result.out.empty());
  EXPECT_EQ(e2e::read_file(dir.path() / "a.json"), run(check_plans("json")).out);
  EXPECT_EQ(entries(), (std::set<std::string>{"a.json", "b.sarif"}));
}

TEST_F(Reports, ColourNeverGoesToAFile) {
  const auto result = run(check_plans("text:" + at("r.txt"), {"--color", "always"}));
  EXPECT_EQ(e2e::read_file(dir.path() / "r.txt").find('\x1b'), std::string::npos);
}

TEST_F(Reports, AReportThatCannotBeWrittenIsExitTwoAndTheOthersAreStillWritten) {
  const auto result = run(check_plans("text", {"--format", "sarif:" + at("missing/dir/r.sarif"), "--format",
                                               "junit:" + at("r.xml")}));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("r.sarif"), std::string::npos) << result.err;
  EXPECT_FALSE(result.out.empty()) << "the text report is still printed";
  EXPECT_TRUE(fs::exists(dir.path() / "r.xml"));
}

TEST_F(Reports, UsageErrorsWriteNothing) {
  const struct {
    std::vector<std::string> formats;
    std::string says;
  } cases[] = {
      {{"--format", "text", "--format", "json"}, "only one report can go to standard output"},
      {{"--format", "sarif:-", "--format", "json"}, "only one report can go to standard output"},
      {{"--format", "sarif:" + at("r"), "--format", "junit:" + at("./r")}, "two reports would be written to"},
      {{"--format", "sarif:"}, "names no file after the colon"},
      {{"--format", "yaml:" + at("r.yaml")}, "unknown output format `yaml`"},
      {{"--format", "sarif:" + at("r"), "--output", at("o")}, "names no report"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"check", "--rules", "rules/aa.akkoord", "samples/plans"};
    args.insert(args.end(), c.formats.begin(), c.formats.end());
    const auto result = run(args);
    EXPECT_EQ(result.exit_code, 2) << c.says;
    EXPECT_NE(result.err.find(c.says), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << c.says;
  }
  EXPECT_TRUE(entries().empty());
  const auto dutch = run({"lint", "rules/aa.akkoord", "--format", "text", "--format", "json", "--lang", "nl"});
  EXPECT_NE(dutch.err.find("maar één rapport naar standaarduitvoer"), std::string::npos) << dutch.err;
}

TEST_F(Reports, LintAndABrokenAgreementWriteEveryReportToo) {
  const auto result = run({"check", "--rules", "samples/agreements/period-overlap.akkoord", "samples/plans",
                           "--format", "short", "--format", "sarif:" + at("r.sarif"), "--format", "junit:" + at("r.xml")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("[period-overlap]"), std::string::npos);
  const auto log = strict_json::parse(e2e::read_file(dir.path() / "r.sarif"));
  EXPECT_EQ(log.at("runs").at(0).at("results").at(0).at("ruleId").get<std::string>(), "period-overlap");
  const std::string junit = e2e::read_file(dir.path() / "r.xml");
  EXPECT_NE(junit.find("<testsuite name=\"samples/agreements/period-overlap.akkoord\""), std::string::npos) << junit;
  EXPECT_NE(junit.find("name=\"period-overlap\">"), std::string::npos);
}

}  // namespace

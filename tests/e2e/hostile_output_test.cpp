// The built binary on files written to hijack its output: plan values, a custom rule's message and title,
// configuration keys and file names that carry newlines followed by `::error …` (a GitHub workflow command),
// ANSI escape sequences, NUL bytes, `<script>`, quotes, backslashes, `%`, `::`, commas and invalid UTF-8.
// Every report stays valid (JSON and SARIF parse, JUnit is well-formed XML, HTML shows `<script>` as text),
// GitHub annotations stay one per finding, and text output never lets user text start a line or reach the
// terminal raw. Also: report files are only ever written to regular files (through links).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "run_process.hpp"

namespace {

namespace fs = std::filesystem;
using e2e::run;

// What a hostile value says, in TOML escapes: a forged workflow command on a line of its own, an escape
// sequence that would colour and retitle the terminal, a NUL byte, markup, and every separator GitHub uses.
const std::string toml_payload =
    R"(x\n::error file=evil.toml,line=1::forged \u001b[31mred\u001b]0;title\u0007 \u0000nul )"
    R"(<script>alert('x')</script> \"q\" \\ 100% a,b :: \u202eodd)";
// The same for the agreement language, which has only the escapes \" \\ \n \t: the control bytes are raw.
const std::string akkoord_payload =
    "x\\n::error file=evil.akkoord,line=1::forged \x1b[31mred\x1b]0;title\x07 <script>alert('x')</script> "
    "\\\"q\\\" \\\\ 100% a,b ::";
// A file name with spaces, `%`, `::`, commas, a newline with a forged command, an escape and invalid UTF-8.
const std::string hostile_name = "plan 100% a,b ::\n::error file=evil.toml,line=1::forged \x1b[2J\xff.toml";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Nothing below 0x20 but line breaks, no DEL, no C1 CSI, no bidi override, no invalid UTF-8; and no line that
// GitHub's runner would take for a workflow command (it ignores leading spaces).
void expect_safe_text(const std::string& out, const std::string& what) {
  SCOPED_TRACE(what);
  for (const char c : out) {
    const auto byte = static_cast<unsigned char>(c);
    ASSERT_TRUE((byte >= 0x20 && byte != 0x7f) || byte == '\n') << "raw byte " << int(byte) << " in:\n" << out;
  }
  EXPECT_EQ(out.find("\xc2\x9b"), std::string::npos);
  EXPECT_EQ(out.find("\xe2\x80\xae"), std::string::npos);
  EXPECT_EQ(out.find('\xff'), std::string::npos);
  for (const std::string& line : lines_of(out)) {
    const std::size_t start = line.find_first_not_of(' ');
    EXPECT_TRUE(start == std::string::npos || line.compare(start, 2, "::") != 0) << "workflow command: " << line;
  }
}

// Runs `script` (Python 3) on `file`; true when it exits 0. Skips the test when python3 is missing.
bool python_accepts(const fs::path& dir, const std::string& script, const fs::path& file) {
  const fs::path script_file = dir / "check.py";
  std::ofstream(script_file) << script;
  const std::string command = "python3 '" + script_file.string() + "' '" + file.string() + "'";
  return std::system(command.c_str()) == 0;
}

class HostileOutput : public ::testing::Test {
 protected:
  e2e::temp_dir dir;
  fs::path agreement, plans;

  void SetUp() override {
    // The reference agreement with one more rule that fires on every activity and quotes it in its message.
    std::string rules = e2e::read_file(e2e::source_dir() / "rules" / "aa.akkoord");
    rules += "\nrule kaping \"title " + akkoord_payload + "\" warning {\n"
             "  for activity a\n"
             "  when a.budget > EUR 0\n"
             "  require a.budget > EUR 900_000_000\n"
             "  message \"activity {a.id} says {a.description} and " + akkoord_payload + "\"\n"
             "}\n";
    agreement = dir.write("agreement.akkoord", rules);
    const std::string plan =
        "[plan]\nagreement = \"AA\"\nmunicipality = \"aalsmeer\"\nyear = 2025\ntitle = \"" + toml_payload + "\"\n\n"
        "[[activity]]\n"
        "id = \"" + toml_payload + "\"\n"
        "task = \"burgerzaken\"\n"
        "executor = \"" + toml_payload + "\"\n"
        "taakveld = \"" + toml_payload + "\"\n"
        "budget = 850_000\n"
        "description = \"" + toml_payload + "\"\n";
    plans = dir.path() / "plans";
    dir.write("plans/" + hostile_name, plan + "# expect: no-such-check\n");
  }

  // One run writing every format to a file; returns the exit code.
  int check_to_files() {
    std::vector<std::string> args{"check", "--rules", agreement.string(), plans.string(), "--color", "never"};
    for (const std::string format : {"text", "short", "github", "junit", "html", "json", "sarif"})
      args.insert(args.end(), {"--format", format + ":" + (dir.path() / ("report." + format)).string()});
    const auto result = run(args);
    EXPECT_TRUE(result.out.empty()) << result.out;
    expect_safe_text(result.err, "stderr");
    return result.exit_code;
  }
  std::string report(const std::string& format) const { return e2e::read_file(dir.path() / ("report." + format)); }
};

TEST_F(HostileOutput, EveryFormatStaysValidAndSpeaksOnlyForItself) {
  ASSERT_EQ(check_to_files(), 1);

  // JSON and SARIF: valid JSON that keeps the user's text exactly (the forged line is data, not output).
  const auto json = nlohmann::json::parse(report("json"));
  EXPECT_TRUE(nlohmann::json::accept(report("sarif"))) << report("sarif");
  std::size_t shown = 0;
  bool kept_exactly = false;
  for (const auto& finding : json["findings"]) {
    if (!finding["suppressed"].get<bool>()) ++shown;
    const std::string message = finding["message"].get<std::string>();
    kept_exactly = kept_exactly || message.find("x\n::error file=evil") != std::string::npos;
  }
  ASSERT_GE(shown, 3u) << report("json");  // the custom rule, the unknown executor, the unknown taakveld
  EXPECT_TRUE(kept_exactly) << report("json");

  // text and short: every payload visible, escaped, on its finding's line.
  for (const std::string format : {"text", "short"}) {
    const std::string out = report(format);
    expect_safe_text(out, format);
    EXPECT_NE(out.find("x ::error file=evil.toml,line=1::forged \xEF\xBF\xBD[31mred"), std::string::npos) << out;
    EXPECT_NE(out.find("plan 100% a,b :: ::error file=evil.toml,line=1::forged \xEF\xBF\xBD[2J\xEF\xBF\xBD.toml:"),
              std::string::npos)
        << out;
  }

  // github: one annotation per finding, whatever the text; the file name escaped as a property.
  const std::string github = report("github");
  const auto annotations = lines_of(github);
  EXPECT_EQ(annotations.size(), shown) << github;
  std::size_t in_hostile_file = 0;
  for (const std::string& line : annotations) {
    EXPECT_TRUE(line.rfind("::error file=", 0) == 0 || line.rfind("::warning file=", 0) == 0 ||
                line.rfind("::notice file=", 0) == 0)
        << line;
    if (line.find("/plan 100%25 a%2Cb %3A%3A%0A%3A%3Aerror file=evil.toml%2Cline=1%3A%3Aforged "
                  "\xEF\xBF\xBD[2J\xEF\xBF\xBD.toml,line=") != std::string::npos)
      ++in_hostile_file;
    for (const char c : line) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << line;
  }
  EXPECT_GE(in_hostile_file, 3u) << github;

  // junit: well-formed XML (xmllint), the payload as text.
  if (std::system("command -v xmllint > /dev/null") != 0) GTEST_SKIP() << "xmllint is not installed";
  const std::string lint = "xmllint --noout '" + (dir.path() / "report.junit").string() + "'";
  EXPECT_EQ(std::system(lint.c_str()), 0) << report("junit");
  EXPECT_EQ(report("junit").find("<script"), std::string::npos);

  // html: the browser shows the payload as text and finds nothing to run.
  EXPECT_EQ(report("html").find("<script"), std::string::npos);
  if (std::system("command -v python3 > /dev/null") != 0) GTEST_SKIP() << "python3 is not installed";
  EXPECT_TRUE(python_accepts(dir.path(), R"(import sys
from html.parser import HTMLParser
bad, shown = [], []
class Check(HTMLParser):
    def handle_starttag(self, tag, attrs):
        if tag == "script": bad.append(tag)
        bad.extend(name for name, _ in attrs if name.startswith("on"))
    def handle_data(self, data): shown.append(data)
text = open(sys.argv[1], encoding="utf-8").read()
Check(convert_charrefs=True).feed(text)
# The payload is there, as text a reader sees, and nothing the browser would run.
sys.exit(1 if bad or "<script>alert('x')</script>" not in "".join(shown) or "\x1b" in text or "\x00" in text else 0)
)",
                             dir.path() / "report.html"))
      << report("html");
}

TEST_F(HostileOutput, ColourComesOnlyFromTheTool) {
  const auto result = run({"check", "--rules", agreement.string(), plans.string(), "--color", "always"});
  EXPECT_EQ(result.exit_code, 1);
  // Every escape sequence is one of the tool's own SGR styles; the payload's ESC became U+FFFD.
  const std::string without_styles = std::regex_replace(result.out, std::regex("\x1b\\[[0-9;]*m"), "");
  expect_safe_text(without_styles, "text in colour");
}

TEST_F(HostileOutput, RuleTestsPrintNamesAndMessagesEscaped) {
  const auto result = run({"test", "--rules", agreement.string(), plans.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  expect_safe_text(result.out, "akkoord test");
  expect_safe_text(result.err, "akkoord test stderr");
  EXPECT_NE(result.out.find("FAIL " + plans.string() + "/plan 100% a,b :: ::error file=evil.toml"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("expected `no-such-check`, not reported"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\xEF\xBF\xBDnul"), std::string::npos) << "the NUL byte, visibly: " << result.out;
}

TEST_F(HostileOutput, ToolMessagesOnStderrAreEscaped) {
  // Unknown check ids and rule names in the configuration are quoted in warnings on stderr.
  dir.write(".akkoord.toml", "[checks]\n\"" + toml_payload + "\" = \"off\"\n\"rule:" + toml_payload + "\" = \"off\"\n");
  const auto result = run({"check", "--rules", agreement.string(), plans.string(), "--format", "short"},
                          {.cwd = dir.path()});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_safe_text(result.err, "stderr");
  EXPECT_GE(lines_of(result.err).size(), 2u) << result.err;
  for (const std::string& line : lines_of(result.err)) EXPECT_EQ(line.rfind("akkoord: warning: ", 0), 0u) << line;
  // A path in a usage error.
  const auto missing = run({"check", "--rules", (dir.path() / hostile_name).string(), plans.string()});
  EXPECT_EQ(missing.exit_code, 2);
  expect_safe_text(missing.err, "stderr of a missing agreement");
}

// ---- report files: only regular files are written, through symbolic links --------------------------------

class ReportFiles : public HostileOutput {
 protected:
  e2e::run_result check_with(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"check", "--rules", agreement.string(), plans.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  }
};

TEST_F(ReportFiles, OutputThroughASymbolicLinkReplacesTheFileItPointsTo) {
  dir.write("out/report.txt", "old");
  fs::create_symlink("out/report.txt", dir.path() / "report-link.txt");
  const auto result = check_with({"--output", (dir.path() / "report-link.txt").string()});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_TRUE(fs::is_symlink(dir.path() / "report-link.txt"));
  EXPECT_NE(e2e::read_file(dir.path() / "out" / "report.txt").find(" in 1 file"), std::string::npos);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path() / "out"), fs::directory_iterator()), 1);
}

TEST_F(ReportFiles, AFifoOrADeviceIsRefusedAndLeftAsItWas) {
  const fs::path fifo = dir.path() / "report.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // It used to be replaced by a regular file; a writer that opened it would block (no reader).
  const auto to_fifo = check_with({"--format", "sarif:" + fifo.string()});
  EXPECT_EQ(to_fifo.exit_code, 2);
  EXPECT_NE(to_fifo.err.find("akkoord: error: cannot write the report to `" + fifo.string() + "`: it is a FIFO"),
            std::string::npos)
      << to_fifo.err;
  EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo);

  const auto to_directory = check_with({"--output", plans.string()});
  EXPECT_EQ(to_directory.exit_code, 2);
  EXPECT_NE(to_directory.err.find("it is a directory"), std::string::npos) << to_directory.err;

  // The null device, made here: as root a regression must not replace the machine's own /dev/null.
  fs::path device = dir.path() / "null";
  if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    if (::geteuid() == 0) GTEST_SKIP() << "running as root without the right to make a device node";
    device = "/dev/null";
  }
  const auto to_device = check_with({"--output", device.string(), "--lang", "nl"});
  EXPECT_EQ(to_device.exit_code, 2);
  EXPECT_NE(to_device.err.find("akkoord: fout: het rapport kan niet worden geschreven naar `" + device.string() +
                               "`: het is een apparaatbestand, geen gewoon bestand"),
            std::string::npos)
      << to_device.err;
  EXPECT_EQ(fs::status(device).type(), fs::file_type::character);

}

TEST_F(ReportFiles, UpdateBaselineWritesThroughALinkAndKeepsPermissions) {
  dir.write("baselines/akkoord-baseline.json", "{\"version\": 1, \"findings\": []}\n");
  fs::permissions(dir.path() / "baselines" / "akkoord-baseline.json",
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  fs::create_symlink("baselines/akkoord-baseline.json", dir.path() / "baseline.json");
  const auto result =
      check_with({"--baseline", (dir.path() / "baseline.json").string(), "--update-baseline", "--format", "short"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(fs::is_symlink(dir.path() / "baseline.json"));
  const auto recorded = nlohmann::json::parse(e2e::read_file(dir.path() / "baselines" / "akkoord-baseline.json"));
  EXPECT_FALSE(recorded["findings"].empty());
  EXPECT_EQ(fs::status(dir.path() / "baselines" / "akkoord-baseline.json").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

}  // namespace

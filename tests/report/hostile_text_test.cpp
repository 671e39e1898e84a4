// User text that tries to speak for the tool: newlines that would start a GitHub workflow command (`::error …`)
// of their own, ANSI escape sequences, NUL bytes, bidirectional overrides and invalid UTF-8, in every part of a
// finding (message, file name, related message, notes, help). No line of output may start with user text, and
// no raw control character may reach the output.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "akkoord/validator/report.hpp"
#include "report_test_support.hpp"

namespace akkoord {
namespace {

using report_test::make;
using report_test::plan_file;
using report_test::run_context;
using report_test::span_of;
using report_test::with_findings;

using namespace std::string_literals;

// A payload per kind of hijack; the NUL byte needs an explicit length.
const std::string injected_command = "x\n::error file=evil.toml,line=1::forged";
const std::string escape_sequence = "red \x1b[31m\x1b]0;title\x07 clear \x1b[2J";
const std::string nul_and_friends = "a\0b\rc\x7f\xc2\x9b"s + "d\xe2\x80\xae" + "e\xe2\x80\xa8" + "f\xff";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// No byte below 0x20 except the renderer's own line breaks, no DEL, C1, bidi override, line separator or
// invalid UTF-8.
void expect_no_raw_control(const std::string& out) {
  for (const char c : out) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE((byte >= 0x20 && byte != 0x7f) || byte == '\n') << "raw byte " << int(byte) << " in:\n" << out;
  }
  EXPECT_EQ(out.find("\xc2\x9b"), std::string::npos) << "C1 CSI";
  EXPECT_EQ(out.find("\xe2\x80\xae"), std::string::npos) << "right-to-left override";
  EXPECT_EQ(out.find("\xe2\x80\xa8"), std::string::npos) << "line separator";
  EXPECT_EQ(out.find('\xff'), std::string::npos) << "invalid UTF-8";
}

// GitHub's runner takes any line that starts with `::` after leading spaces as a workflow command.
void expect_no_workflow_command(const std::string& out) {
  for (const std::string& line : lines_of(out)) {
    const std::size_t start = line.find_first_not_of(' ');
    EXPECT_TRUE(start == std::string::npos || line.compare(start, 2, "::") != 0) << "a workflow command: " << line;
  }
}

// A finding whose every part carries a payload; its file name too.
diagnostic hostile_finding(const source_file& plan, const source_file& agreement) {
  diagnostic d = make("rule:x\ny", severity::error, "message " + injected_command, span_of(plan, 1, 1, 2));
  d.message.nl = "bericht " + escape_sequence;
  d.related.push_back({span_of(agreement, 1, 1, 2), {"related " + injected_command, "zie " + nul_and_friends}});
  d.notes.push_back({"note " + injected_command, "opmerking " + escape_sequence});
  d.notes.push_back({"second " + nul_and_friends, "tweede " + injected_command});
  d.help = text{"help " + injected_command, "hulp " + nul_and_friends};
  return d;
}

TEST(Printable, KeepsUserTextOnOneLineAndShowsControlsVisibly) {
  EXPECT_EQ(printable("plain `text` and \xe2\x82\xac 5,00 %s :: \\"), "plain `text` and \xe2\x82\xac 5,00 %s :: \\");
  EXPECT_EQ(printable("a\nb\r\nc\td"), "a b  c d");
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(printable("\x1b[31m"), replacement + "[31m");
  EXPECT_EQ(printable("a\0b"s), "a" + replacement + "b");
  EXPECT_EQ(printable("\xc2\x9b\xe2\x80\xae\xe2\x80\xa8\xe2\x81\xa6\xff"),
            replacement + replacement + replacement + replacement + replacement);
  std::string appended = "kept: ";
  append_printable(appended, "x\ny");
  EXPECT_EQ(appended, "kept: x y");
}

class HostileText : public ::testing::TestWithParam<language> {};

TEST_P(HostileText, TextAndShortKeepEveryPartOnItsOwnLine) {
  const source_file plan("plans/evil\n::error file=x::y \x1b[2J.toml", "x = 1\n");
  const source_file agreement("a\x1b]8;;http://evil\x07.akkoord", "party p\n");
  const diagnostics ds{hostile_finding(plan, agreement)};
  for (const report_format format : {report_format::text, report_format::short_}) {
    std::string out;
    render(format, out, with_findings(run_context{}, ds), {.lang = GetParam()});
    SCOPED_TRACE(report_format_name(format));
    expect_no_raw_control(out);
    expect_no_workflow_command(out);
    // Header, related, two notes, help and the summary (text: two snippets of two lines and a blank line too).
    const std::size_t expected_lines = format == report_format::short_ ? 6u : 11u;
    EXPECT_EQ(lines_of(out).size(), expected_lines) << out;
    EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos) << "escapes are shown, visibly";
  }
}

TEST_P(HostileText, GithubWritesOneAnnotationPerFinding) {
  const source_file plan("plans/evil\n::error file=x::y,%.toml", "x = 1\n");
  const source_file agreement("a.akkoord", "party p\n");
  const diagnostics ds{hostile_finding(plan, agreement), hostile_finding(agreement, plan)};
  std::string out;
  render_github(out, ds, {.lang = GetParam()});
  expect_no_raw_control(out);
  const auto lines = lines_of(out);
  ASSERT_EQ(lines.size(), 2u) << out;
  for (const std::string& line : lines) {
    EXPECT_EQ(line.rfind("::error file=", 0), 0u) << line;
    // The properties end at the first `::`; the forged file name and id stay inside them, escaped.
    const std::string properties = line.substr(0, line.find("::", 2));
    EXPECT_NE(properties.find(",title=rule%3Ax%0Ay"), std::string::npos) << line;
  }
  EXPECT_NE(lines[0].find("file=plans/evil%0A%3A%3Aerror file=x%3A%3Ay%2C%25.toml,line=1"), std::string::npos)
      << lines[0];
}

TEST_P(HostileText, XmlFormatsEscapeEverything) {
  const source_file plan("plans/<script>alert(1)</script> \"q\" & 'a'.toml", "x = \"<script>\"\n");
  const source_file agreement("a.akkoord", "party p\n");
  diagnostic d = hostile_finding(plan, agreement);
  d.message = {"<script>alert(\"x\")</script> ]]> & \x1b[31m", "<b>vet</b> ]]> & \x1b[31m"};
  const diagnostics ds{d};
  run_context context;
  context.files.push_back(plan_file(plan.path(), {"rule:x\ny"}));
  for (const report_format format : {report_format::junit, report_format::html}) {
    std::string out;
    render(format, out, with_findings(context, ds), {.lang = GetParam()});
    SCOPED_TRACE(report_format_name(format));
    EXPECT_EQ(out.find("<script"), std::string::npos) << out;
    EXPECT_EQ(out.find("<b>vet"), std::string::npos) << out;
    EXPECT_EQ(out.find('\x1b'), std::string::npos);
    EXPECT_EQ(out.find('\0'), std::string::npos);
    EXPECT_NE(out.find("&lt;"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(BothLanguages, HostileText, ::testing::Values(language::en, language::nl),
                         [](const auto& test) { return test.param == language::nl ? "Dutch" : "English"; });

}  // namespace
}  // namespace akkoord

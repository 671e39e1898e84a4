// The built binary on files written to hijack its output: plan values, a custom rule's message and title,
// configuration keys and file names that carry newlines followed by `::error …` (a GitHub workflow command),
// ANSI escape sequences, NUL bytes, `<script>`, quotes, backslashes, `%`, `::`, commas and invalid UTF-8.
// Every report stays valid (JSON and SARIF parse, JUnit is well-formed XML, HTML shows `<script>` as text),
// GitHub annotations stay one per finding, and text output never lets user text start a line or reach the
// terminal raw. Also: report files are only ever written to regular files (through links).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "run_process.hpp"
#include "strict_json.hpp"

namespace {

namespace fs = std::filesystem;
using e2e::run;
using namespace std::string_literals;

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

// ---- the matrix: each hostile text in plan values, the agreement and a file name, in every format -----------

// One row: what the user wrote (as the tool reads it, escapes decoded) and the bytes of a plan's file name.
struct hostile_case {
  std::string name;
  std::string text;
  std::string file_name;
};
void PrintTo(const hostile_case& c, std::ostream* os) { *os << c.name; }

// A file name made of `text`: no `/` (it would be a directory) and no NUL (no file name can hold one).
std::string file_name_of(const std::string& text) {
  std::string name = "plan ";
  for (const char c : text) {
    if (c == '/') {
      name += '_';
    } else if (c != '\0') {
      name += c;
    }
  }
  return name + ".toml";
}

hostile_case row(std::string name, std::string text) {
  std::string file_name = file_name_of(text);
  return {std::move(name), std::move(text), std::move(file_name)};
}

const std::vector<hostile_case> hostile_cases{
    row("markup", "<script>alert('x')</script> <b onmouseover=\"x()\">&amp;</b> ]]> <!-- -->"),
    row("quotes", "\"double\" 'single' `backtick` \u201Ccurly\u201D"),
    row("backslashes", "C:\\plans\\ \\\\ \\n \\u001b \\"),
    row("control_characters", "a\x01" "b\x02 del\x7f c1\xC2\x9B[31m nul\0 bell\x07 tab\t cr\r end"s),
    row("newlines", "first\nsecond\r\nthird\n::error file=evil.toml,line=1::forged"),
    row("percent", "100% %25 %0A %3A %2C %%"),
    row("double_colons", ":: ::warning:: a::b ::notice::x"),
    row("commas", "a,b,,c, title=forged,line=1,col=2"),
    row("ansi_escapes", "\x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b[2J \x1b]8;;http://x\x1b\\link"),
    row("unicode_separators", "line\u2028para\u2029 \u202Eodd\u202C \u2066iso\u2069"),
    row("everything", "x\n::error file=evil.toml,line=1::forged \x1b[31mred\x1b]0;title\x07 \0nul "
                      "<script>alert('x')</script> \"q\" \\ 100% a,b :: \u202Eodd"s),
    // Bytes that are not UTF-8 can only be in a file name: a plan or agreement holding them is not read.
    {"not_utf8_file_name", "plain", "plan \xFF\xFE a\xC3( 100%,:: \x1b[2J\n.toml"},
};

// TOML basic string: quotes and backslashes escaped, control characters as \u escapes.
std::string toml_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04X", byte);
      out += escape;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// An agreement string (escapes \" \\ \n \t only; a raw CR ends no string but is refused): in a message
// template braces are doubled.
std::string akkoord_string(const std::string& text, bool template_text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': break;
      case '{': out += template_text ? "{{" : "{"; break;
      case '}': out += template_text ? "}}" : "}"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

// The documented transformations of user text (README, "User text in the output"), written out as the oracle.
// Code points: each lead byte with the continuation bytes after it; a malformed group is one U+FFFD.
std::vector<std::pair<char32_t, std::string>> code_points(const std::string& s) {
  std::vector<std::pair<char32_t, std::string>> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    const std::size_t expected = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
    char32_t cp = 0xFFFFFFFF;
    if (expected == n) {
      cp = n == 1 ? lead : lead & (0x7F >> n);
      for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.emplace_back(cp, s.substr(i, n));
    i += n;
  }
  return out;
}
bool is_control(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFFFFFFFF;
}
const std::string replacement = "\xEF\xBF\xBD";
// text, short, github data: line breaks and tabs as a space, every other control as U+FFFD.
std::string printable(const std::string& s) {
  std::string out;
  for (const auto& [cp, bytes] : code_points(s))
    out += cp == '\n' || cp == '\r' || cp == '\t' ? std::string(" ") : is_control(cp) ? replacement : bytes;
  return out;
}
// JSON and SARIF keep text exactly; only bytes that are not UTF-8 become U+FFFD.
std::string json_text(const std::string& s) {
  std::string out;
  for (const auto& [cp, bytes] : code_points(s)) out += cp == 0xFFFFFFFF ? replacement : bytes;
  return out;
}
// A github property (the file name) keeps its line breaks (escaped); a tab is a space, other controls U+FFFD.
std::string github_property_text(const std::string& s) {
  std::string out;
  for (const auto& [cp, bytes] : code_points(s))
    out += cp == '\n' || cp == '\r' ? bytes : cp == '\t' ? std::string(" ") : is_control(cp) ? replacement : bytes;
  return out;
}
// XML and HTML text: tab and line breaks stay; other C0/C1 controls become U+FFFD, the rest stays.
std::string markup_text(const std::string& s) {
  std::string out;
  for (const auto& [cp, bytes] : code_points(s)) {
    const bool bad = cp == 0xFFFFFFFF || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
                     (cp >= 0x80 && cp < 0xA0);
    out += bad ? replacement : bytes;
  }
  return out;
}

// GitHub's own escapes undone (toolkit `escapeData`/`escapeProperty`, reversed).
std::string github_unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const std::string code = s.substr(i + 1, 2);
      const std::map<std::string, char> known{{"25", '%'}, {"0D", '\r'}, {"0A", '\n'}, {"3A", ':'}, {"2C", ','}};
      if (const auto it = known.find(code); it != known.end()) {
        out += it->second;
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

struct annotation {
  std::string command;
  std::map<std::string, std::string> properties;  // unescaped
  std::string data;                               // unescaped
};

// `::command name=value,…::data`; nullopt when the line is not one workflow command.
std::optional<annotation> parse_annotation(const std::string& line) {
  if (line.rfind("::", 0) != 0) return std::nullopt;
  const std::size_t end = line.find("::", 2);
  if (end == std::string::npos) return std::nullopt;
  annotation a;
  const std::string head = line.substr(2, end - 2);
  const std::size_t space = head.find(' ');
  a.command = head.substr(0, space);
  if (space != std::string::npos) {
    std::istringstream properties(head.substr(space + 1));
    for (std::string property; std::getline(properties, property, ',');) {
      const std::size_t equals = property.find('=');
      if (equals == std::string::npos) return std::nullopt;
      a.properties[property.substr(0, equals)] = github_unescape(property.substr(equals + 1));
    }
  }
  a.data = github_unescape(line.substr(end + 2));
  return a;
}

// Runs the schema validators of validate_reports.py on one report; 77 when the validator is not installed.
int schema_check(const std::string& format, const fs::path& report) {
  const std::string command = "python3 '" + (e2e::source_dir() / "tests/e2e/validate_reports.py").string() + "' file " +
                              format + " '" + e2e::source_dir().string() + "' '" + report.string() + "'";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The rule's message: the text as written in the agreement, then the activity's id and its description (the text
// again, exactly as the plan gives it: a raw CR cannot be written in the agreement).
std::string message_quoting(const std::string& text) {
  std::string quoted = akkoord_string(text + " ", true);
  quoted.pop_back();
  return quoted + "{a.id} says {a.description}\"";
}

class HostileOutputMatrix : public ::testing::TestWithParam<hostile_case> {
 protected:
  e2e::temp_dir dir;
  fs::path agreement, plan;

  void SetUp() override {
    const hostile_case& c = GetParam();
    // The reference agreement with a rule that fires on every activity and quotes the text in title and message.
    std::string rules = e2e::read_file(e2e::source_dir() / "rules" / "aa.akkoord");
    rules += "\nrule kaping " + akkoord_string("title " + c.text, false) + " warning {\n"
             "  for activity a\n"
             "  when a.budget > EUR 0\n"
             "  require a.budget > EUR 900_000_000\n"
             "  message " + message_quoting(c.text) + "\n"
             "}\n";
    agreement = dir.write("agreement.akkoord", rules);
    const std::string value = toml_string(c.text);
    plan = dir.write("plans/" + c.file_name,
                     "[plan]\nagreement = \"AA\"\nmunicipality = \"aalsmeer\"\nyear = 2025\ntitle = " + value +
                         "\n\n[[activity]]\nid = " + value + "\ntask = \"burgerzaken\"\nexecutor = " + value +
                         "\ntaakveld = " + value + "\nbudget = 850_000\ndescription = " + value + "\n");
  }

  fs::path report(const std::string& format) const { return dir.path() / ("report." + format); }
};

TEST_P(HostileOutputMatrix, EveryFormatStaysValidAndSpeaksOnlyForItself) {
  const hostile_case& c = GetParam();
  std::vector<std::string> args{"check", "--rules", agreement.string(), (dir.path() / "plans").string(), "--color", "never"};
  for (const std::string format : {"text", "short", "github", "junit", "html", "json", "sarif"})
    args.insert(args.end(), {"--format", format + ":" + report(format).string()});
  const auto result = run(args);
  ASSERT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
  expect_safe_text(result.err, "stderr");

  // json: valid (strictly), the text kept exactly in the rule's message, the file name with U+FFFD for bad bytes.
  const auto json = strict_json::parse(e2e::read_file(report("json")));
  std::vector<nlohmann::ordered_json> shown;
  for (const auto& finding : json["findings"])
    if (!finding["suppressed"].get<bool>()) shown.push_back(finding);
  ASSERT_GE(shown.size(), 2u) << json.dump(1);  // the custom rule, the unknown executor, …
  bool kept_exactly = false;
  for (const auto& finding : shown) {
    EXPECT_EQ(finding["file"], plan.parent_path().string() + "/" + json_text(c.file_name)) << finding;
    kept_exactly = kept_exactly || finding["message"].get<std::string>().ends_with(" says " + c.text);
  }
  EXPECT_TRUE(kept_exactly) << json.dump(1);

  // sarif: valid JSON, valid against both SARIF 2.1.0 schemas.
  EXPECT_NO_THROW(strict_json::parse(e2e::read_file(report("sarif"))));
  const int sarif = schema_check("sarif", report("sarif"));
  if (sarif != 77) {
    EXPECT_EQ(sarif, 0) << e2e::read_file(report("sarif"));
  }

  // junit: valid against junit-10.xsd.
  const int junit = schema_check("junit", report("junit"));
  if (junit != 77) {
    EXPECT_EQ(junit, 0) << e2e::read_file(report("junit"));
  }
  EXPECT_EQ(e2e::read_file(report("junit")).find("<script"), std::string::npos);

  // text and short: nothing raw; the message and the file name shown, each on its finding's line.
  for (const std::string format : {"text", "short"}) {
    const std::string out = e2e::read_file(report(format));
    expect_safe_text(out, format);
    EXPECT_NE(out.find(" says " + printable(c.text)), std::string::npos) << out;
    EXPECT_NE(out.find(printable(plan.parent_path().string() + "/" + c.file_name) + ":"), std::string::npos) << out;
  }

  // github: one annotation per finding shown, whatever the text; each gives back the exact file and message.
  const auto annotations = lines_of(e2e::read_file(report("github")));
  ASSERT_EQ(annotations.size(), shown.size()) << e2e::read_file(report("github"));
  for (std::size_t k = 0; k < shown.size(); ++k) {
    const std::string& line = annotations[k];
    for (const char ch : line) EXPECT_GE(static_cast<unsigned char>(ch), 0x20) << line;
    auto a = parse_annotation(line);
    ASSERT_TRUE(a) << line;
    EXPECT_EQ(a->command, shown[k]["severity"] == "info" ? "notice" : shown[k]["severity"].get<std::string>()) << line;
    EXPECT_EQ(a->properties["file"], github_property_text(plan.parent_path().string() + "/" + c.file_name)) << line;
    if (shown[k]["line"].is_number()) {
      EXPECT_EQ(a->properties["line"], std::to_string(shown[k]["line"].get<int>())) << line;
    }
    EXPECT_EQ(a->properties["title"], shown[k]["id"].get<std::string>()) << line;
    EXPECT_EQ(a->data.substr(0, a->data.find('\n')), printable(shown[k]["message"].get<std::string>())) << line;
  }

  // html: the text shown as text (XML-escaped), nothing to run, no raw control character.
  if (std::system("command -v python3 > /dev/null") != 0) GTEST_SKIP() << "python3 is not installed";
  dir.write("expected-text", markup_text(c.text));
  EXPECT_TRUE(python_accepts(dir.path(), R"(import sys
from html.parser import HTMLParser
bad, shown = [], []
class Check(HTMLParser):
    def handle_starttag(self, tag, attrs):
        if tag == "script": bad.append(tag)
        bad.extend(name for name, _ in attrs if name.startswith("on"))
    def handle_data(self, data): shown.append(data)
text = open(sys.argv[1], encoding="utf-8", newline="").read()
expected = open(sys.argv[1].replace("report.html", "expected-text"), encoding="utf-8", newline="").read()
Check(convert_charrefs=True).feed(text)
raw = [c for c in text if ord(c) < 0x20 and c not in "\t\n\r" or 0x7f <= ord(c) < 0xa0]
# `identifier` in prose becomes <code>identifier</code>: compare without the backticks.
sys.exit(1 if bad or raw or expected.replace("`", "") not in "".join(shown).replace("`", "") else 0)
)",
                             report("html")))
      << e2e::read_file(report("html"));
}

INSTANTIATE_TEST_SUITE_P(Texts, HostileOutputMatrix, ::testing::ValuesIn(hostile_cases),
                         [](const ::testing::TestParamInfo<hostile_case>& param_info) { return param_info.param.name; });

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

// The JUnit XML report (what CI systems show as test results): a <testsuite> per checked file, a <testcase>
// per check that ran on it (classname = the file, name = the check id). Findings at or above --fail-on are
// <failure>s with the message and the location text; lower ones and suppressed ones are listed in the
// testcase's <system-out>, so nothing is lost. Valid against the Jenkins/Surefire schema junit-10.xsd
// (tests/data/schemas). No timestamps or host names: the same input gives the same report.
#include <algorithm>
#include <map>
#include <vector>

#include "akkoord/validator/report.hpp"
#include "support.hpp"

namespace akkoord {

using namespace report_detail;

namespace {

struct testcase {
  std::string check_id;
  std::vector<const diagnostic*> failures;
  std::vector<const diagnostic*> passed_on;  // below --fail-on, or suppressed
};

struct testsuite {
  std::string name;  // the file as given
  std::map<std::string, testcase> cases;  // by check id: sorted

  testcase& at(const std::string& id) {
    testcase& c = cases[id];
    c.check_id = id;
    return c;
  }
  std::size_t failed() const {
    return static_cast<std::size_t>(
        std::count_if(cases.begin(), cases.end(), [](const auto& entry) { return !entry.second.failures.empty(); }));
  }
};

void attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_xml_escaped(out, value, true);
  out += '"';
}

void number_attribute(std::string& out, std::string_view name, std::size_t value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_number(out, value);
  out += '"';
}

// The finding as the short form shows it: location, severity, message and id, then related places, notes and
// help, indented. Without the trailing newline.
std::string finding_text(const diagnostic& d, language lang) {
  std::string body;
  render_short_diagnostic(body, d, {.lang = lang});
  while (!body.empty() && body.back() == '\n') body.pop_back();
  return body;
}

}  // namespace

void render_junit(std::string& out, const run_result& run, const report_options& options) {
  const diagnostics& ds = run.findings;
  const run_result& context = run;
  const language lang = options.lang;
  std::vector<testsuite> suites;
  std::map<std::string, std::size_t, std::less<>> suite_of;
  const auto suite_named = [&](const std::string& name) -> testsuite& {
    const auto [it, added] = suite_of.emplace(name, suites.size());
    if (added) suites.push_back({name, {}});
    return suites[it->second];
  };
  for (const checked_file& file : context.files) {
    testsuite& suite = suite_named(file.path);
    for (const std::string& id : file.checks) suite.at(id);
  }
  // Findings in files the context does not name (an included agreement file) get a suite of their own;
  // a finding tied to no file goes under the tool's name.
  for (const diagnostic& d : ds) {
    testsuite& suite = suite_named(d.primary.file != nullptr ? d.primary.file->path() : std::string("akkoord"));
    testcase& c = suite.at(d.id.empty() ? std::string("akkoord") : d.id);
    if (!d.suppressed && d.level >= context.fail_on) {
      c.failures.push_back(&d);
    } else {
      c.passed_on.push_back(&d);
    }
  }

  std::size_t tests = 0, failures = 0;
  for (const testsuite& suite : suites) {
    tests += suite.cases.size();
    failures += suite.failed();
  }

  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites";
  attribute(out, "name", "akkoord");
  number_attribute(out, "tests", tests);
  number_attribute(out, "failures", failures);
  number_attribute(out, "errors", 0);
  out += ">\n";
  for (const testsuite& suite : suites) {
    out += "  <testsuite";
    attribute(out, "name", suite.name);
    number_attribute(out, "tests", suite.cases.size());
    number_attribute(out, "failures", suite.failed());
    number_attribute(out, "errors", 0);
    number_attribute(out, "skipped", 0);
    out += ">\n";
    for (const auto& [id, c] : suite.cases) {
      out += "    <testcase";
      attribute(out, "classname", suite.name);
      attribute(out, "name", id);
      if (c.failures.empty() && c.passed_on.empty()) {
        out += "/>\n";
        continue;
      }
      out += ">\n";
      for (const diagnostic* d : c.failures) {
        out += "      <failure";
        attribute(out, "type", to_string(d->level));
        attribute(out, "message", d->message.in(lang));
        out += '>';
        append_xml_escaped(out, finding_text(*d, lang));
        out += "</failure>\n";
      }
      if (!c.passed_on.empty()) {
        out += "      <system-out>";
        for (std::size_t k = 0; k < c.passed_on.size(); ++k) {
          if (k > 0) out += '\n';
          append_xml_escaped(out, finding_text(*c.passed_on[k], lang));
        }
        out += "</system-out>\n";
      }
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
}

}  // namespace akkoord

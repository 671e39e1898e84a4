// The SARIF, JUnit, GitHub and HTML renderers on hand-made diagnostics: locations (columns in characters),
// related locations, suppressed findings, escaping, both languages, and the structure the schemas demand.
// (tests/e2e/validate_reports.py validates the binary's reports with the real schema validators.)
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <set>
#include <sstream>
#include <tuple>

#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/figures.hpp"
#include "akkoord/validator/plan.hpp"
#include "akkoord/validator/report.hpp"
#include "strict_json.hpp"
#include "report_test_support.hpp"

namespace akkoord {
namespace {

using report_test::make;
using report_test::plan_file;
using report_test::run_context;
using report_test::span_of;
using report_test::with_findings;


std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// A plan with a finding, a related clause in the agreement, and a waived finding; used by every format.
struct scenario {
  source_file plan{"plans/2025.toml",
                   "[plan]\n"
                   "omschrijving = \"co\xC3\xB6rdinatie \xE2\x82\xAC\"  executor = \"AA\"\n"
                   "hours = 12000\n"};
  source_file agreement{"rules/aa.akkoord",
                        "task strategie \"Strategie\" {\n"
                        "  taakveld 0.1\n"
                        "  returned_to kernorganisatie from 2022-04-01\n"
                        "}\n"};
  diagnostics ds;
  run_context context;

  scenario() {
    // `executor` starts at character 33 of line 2 (byte 36: `ö` and `€` take 2 and 3 bytes).
    diagnostic returned = make("returned-competence", severity::error, "task `strategie` was returned",
                               span_of(plan, 2, 33, 48));
    returned.related.push_back({{&agreement, {3, 3}, {3, 46}}, {"returned here", "hier teruggenomen"}});
    returned.notes.push_back({"since 2022", "sinds 2022"});
    returned.help = text{"use `kernorganisatie`", "gebruik `kernorganisatie`"};
    diagnostic waived = make("fte-hours-mismatch", severity::warning, "hours differ", span_of(plan, 3, 9, 14));
    waived.suppressed = true;
    waived.suppression_reason = "besluit B&W 2025/123";
    diagnostic info = make("above-benchmark", severity::info, "above the benchmark", span_of(plan, 3, 1, 6));
    ds = {returned, waived, info};
    sort_diagnostics(ds);
    context.files.push_back(plan_file("plans/2025.toml", {"above-benchmark", "fte-hours-mismatch", "returned-competence", "wrong-executor"}));
    context.checks = {
        {"above-benchmark", severity::info, {"spending above the benchmark", "uitgaven boven de benchmark"},
         "# above-benchmark\n\nSpending above the benchmark.\n"},
        {"fte-hours-mismatch", severity::warning, {"hours and FTE differ", "uren en fte verschillen"}, "# fte\n"},
        {"returned-competence", severity::error, {"work on a returned task", "werk aan een teruggenomen taak"},
         "# returned-competence\n\nA task was *returned*.\n"},
    };
    context.tool_version = "1.2.3";
  }
};

// ---- SARIF ----------------------------------------------------------------------------------------------

nlohmann::ordered_json sarif_of(const diagnostics& ds, const run_context& context, language lang = language::en) {
  std::string out;
  render_sarif(out, with_findings(context, ds), {.lang = lang});
  return strict_json::parse(out);
}

TEST(SarifRenderer, RunWithDriverRulesAndColumnKind) {
  const scenario s;
  const auto log = sarif_of(s.ds, s.context);
  EXPECT_EQ(log.at("version").get<std::string>(), "2.1.0");
  EXPECT_NE(log.at("$schema").get<std::string>().find("sarif-schema-2.1.0.json"), std::string::npos);
  ASSERT_EQ(log.at("runs").size(), 1u);
  const auto& run = log.at("runs").at(0);
  EXPECT_EQ(run.at("columnKind").get<std::string>(), "unicodeCodePoints") << "akkoord counts columns in characters";
  EXPECT_EQ(run.at("language").get<std::string>(), "en");
  const auto& driver = run.at("tool").at("driver");
  EXPECT_EQ(driver.at("name").get<std::string>(), "akkoord");
  EXPECT_EQ(driver.at("version").get<std::string>(), "1.2.3");
  // One rule per id that occurs, sorted; not for checks that found nothing (wrong-executor).
  std::vector<std::string> ids;
  for (const auto& rule : driver.at("rules")) ids.push_back(rule.at("id").get<std::string>());
  EXPECT_EQ(ids, (std::vector<std::string>{"above-benchmark", "fte-hours-mismatch", "returned-competence"}));
  const auto& rule = driver.at("rules").at(2);
  EXPECT_EQ(rule.at("shortDescription").at("text").get<std::string>(), "work on a returned task");
  EXPECT_EQ(rule.at("fullDescription").at("text").get<std::string>(), "# returned-competence\n\nA task was *returned*.\n");
  EXPECT_EQ(rule.at("help").at("markdown").get<std::string>(), "# returned-competence\n\nA task was *returned*.\n");
  EXPECT_EQ(rule.at("defaultConfiguration").at("level").get<std::string>(), "error");
  EXPECT_EQ(driver.at("rules").at(0).at("defaultConfiguration").at("level").get<std::string>(), "note");
}

TEST(SarifRenderer, ResultsCarryLevelMessageAndPhysicalLocationInCharacters) {
  const scenario s;
  const auto log = sarif_of(s.ds, s.context);
  const auto& results = log.at("runs").at(0).at("results");
  ASSERT_EQ(results.size(), 3u);
  const auto& first = results.at(0);  // sorted: line 2 first
  EXPECT_EQ(first.at("ruleId").get<std::string>(), "returned-competence");
  EXPECT_EQ(first.at("ruleIndex").get<double>(), 2);
  EXPECT_EQ(first.at("level").get<std::string>(), "error");
  EXPECT_EQ(first.at("message").at("text").get<std::string>(), "task `strategie` was returned");
  const auto& location = first.at("locations").at(0).at("physicalLocation");
  EXPECT_EQ(location.at("artifactLocation").at("uri").get<std::string>(), "plans/2025.toml") << "the path as given, relative";
  const auto& region = location.at("region");
  EXPECT_EQ(region.at("startLine").get<double>(), 2);
  EXPECT_EQ(region.at("startColumn").get<double>(), 33) << "characters, not bytes (36)";
  EXPECT_EQ(region.at("endLine").get<double>(), 2);
  EXPECT_EQ(region.at("endColumn").get<double>(), 48);
  EXPECT_EQ(first.at("properties").at("help").get<std::string>(), "use `kernorganisatie`");
  EXPECT_EQ(first.at("properties").at("notes").at(0).get<std::string>(), "since 2022");
  EXPECT_EQ(results.at(1).at("level").get<std::string>(), "note") << "info is SARIF's note";
  EXPECT_FALSE(first.contains("suppressions"));
}

TEST(SarifRenderer, RelatedLocationsHaveIdsLocationsAndMessages) {
  const scenario s;
  const auto log = sarif_of(s.ds, s.context);
  const auto& related = log.at("runs").at(0).at("results").at(0).at("relatedLocations");
  ASSERT_EQ(related.size(), 1u);
  EXPECT_EQ(related.at(0).at("id").get<double>(), 1);
  EXPECT_EQ(related.at(0).at("message").at("text").get<std::string>(), "returned here");
  const auto& physical = related.at(0).at("physicalLocation");
  EXPECT_EQ(physical.at("artifactLocation").at("uri").get<std::string>(), "rules/aa.akkoord");
  EXPECT_EQ(physical.at("region").at("startLine").get<double>(), 3);
  EXPECT_EQ(physical.at("region").at("startColumn").get<double>(), 3);
}

TEST(SarifRenderer, SuppressedFindingsAreListedWithTheirJustification) {
  const scenario s;
  const auto log = sarif_of(s.ds, s.context);
  const auto& results = log.at("runs").at(0).at("results");
  const auto waived = std::find_if(results.begin(), results.end(),
                                   [](const nlohmann::ordered_json& r) { return r.at("ruleId").get<std::string>() == "fte-hours-mismatch"; });
  ASSERT_NE(waived, results.end());
  const auto& suppression = (*waived).at("suppressions").at(0);
  EXPECT_EQ(suppression.at("kind").get<std::string>(), "inSource");
  EXPECT_EQ(suppression.at("justification").get<std::string>(), "besluit B&W 2025/123");
  EXPECT_FALSE(suppression.contains("state")) << "2.1.0 says `state`, errata01 `status`: neither, so both schemas pass";
  EXPECT_FALSE(suppression.contains("status"));
}

TEST(SarifRenderer, WholeFileAndFilelessFindings) {
  const source_file empty("plans/missing.toml", "");
  const diagnostics ds{{"toml-syntax", severity::error, {"cannot read", "kan niet lezen"}, {&empty, {}, {}}, {}, {}, {}, false},
                       {"", severity::warning, {"no place", "geen plaats"}, {}, {}, {}, {}, false}};
  const auto log = sarif_of(ds, {});
  const auto& results = log.at("runs").at(0).at("results");
  const auto& whole = results.at(0).at("locations").at(0).at("physicalLocation");
  EXPECT_EQ(whole.at("artifactLocation").at("uri").get<std::string>(), "plans/missing.toml");
  EXPECT_FALSE(whole.contains("region")) << "a region needs a startLine (errata01)";
  EXPECT_FALSE(results.at(1).contains("locations"));
  // No description known: the rule is still there, with its id only.
  EXPECT_EQ(log.at("runs").at(0).at("tool").at("driver").at("rules").at(1).at("id").get<std::string>(), "toml-syntax");
}

TEST(SarifRenderer, PathsBecomeUriReferences) {
  const source_file odd("plans/ruimte en #1 100% \xE2\x82\xAC.toml", "x\n");
  const source_file colon("c:x.toml", "x\n");
  const source_file absolute("/tmp/a b/plan.toml", "x\n");
  const diagnostics ds{make("a", severity::error, "m", span_of(odd, 1, 1, 2)),
                       make("b", severity::error, "m", span_of(colon, 1, 1, 2)),
                       make("c", severity::error, "m", span_of(absolute, 1, 1, 2))};
  const auto log = sarif_of(ds, {});
  const auto uri = [&](std::size_t k) {
    return log.at("runs").at(0).at("results").at(k).at("locations").at(0).at("physicalLocation").at("artifactLocation").at("uri").get<std::string>();
  };
  EXPECT_EQ(uri(0), "plans/ruimte%20en%20%231%20100%25%20%E2%82%AC.toml");
  EXPECT_EQ(uri(1), "c%3Ax.toml") << "never read as a URI scheme";
  EXPECT_EQ(uri(2), "file:///tmp/a%20b/plan.toml");
}

TEST(SarifRenderer, DutchMessagesAndDescriptions) {
  const scenario s;
  const auto log = sarif_of(s.ds, s.context, language::nl);
  const auto& run = log.at("runs").at(0);
  EXPECT_EQ(run.at("language").get<std::string>(), "nl");
  EXPECT_EQ(run.at("results").at(0).at("message").at("text").get<std::string>(), "nl: returned-competence");
  EXPECT_EQ(run.at("results").at(0).at("relatedLocations").at(0).at("message").at("text").get<std::string>(), "hier teruggenomen");
  EXPECT_EQ(run.at("tool").at("driver").at("rules").at(2).at("shortDescription").at("text").get<std::string>(), "werk aan een teruggenomen taak");
  EXPECT_EQ(run.at("results").at(0).at("level").get<std::string>(), "error") << "levels are SARIF's words in any language";
}

TEST(SarifRenderer, EscapesEverythingIntoValidJson) {
  const source_file f("a\"b\\c.toml", "x\n");
  diagnostic d = make("x", severity::error, "quote \" backslash \\ newline \n tab \t bell \x07 bad \xff", span_of(f, 1, 1, 2));
  d.related.push_back({span_of(f, 1, 1, 2), {"</script>", "x"}});
  const auto log = sarif_of({d}, {});
  const auto& result = log.at("runs").at(0).at("results").at(0);
  EXPECT_EQ(result.at("message").at("text").get<std::string>(), "quote \" backslash \\ newline \n tab \t bell \x07 bad \xEF\xBF\xBD");
  EXPECT_EQ(result.at("relatedLocations").at(0).at("message").at("text").get<std::string>(), "</script>");
}

TEST(SarifRenderer, EmptyRunIsValid) {
  const auto log = sarif_of({}, {});
  EXPECT_TRUE(log.at("runs").at(0).at("results").empty());
  EXPECT_TRUE(log.at("runs").at(0).at("tool").at("driver").at("rules").empty());
  EXPECT_FALSE(log.at("runs").at(0).at("tool").at("driver").contains("version")) << "no version known: left out";
}

// The schema itself, read here: every enum value we emit is one it allows, and every object we emit has the
// properties it requires and no property it does not define (additionalProperties is false throughout).
class SarifSchema : public ::testing::TestWithParam<std::string> {
 protected:
  static std::string read(const std::string& name) {
    std::ifstream in(std::string(AKKOORD_SOURCE_DIR) + "/tests/data/schemas/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
};

const nlohmann::ordered_json& definition(const nlohmann::ordered_json& schema, const std::string& name) {
  return schema.at("definitions").at(name);
}

// Checks an emitted object against a schema definition: required properties present, no unknown property,
// enum values allowed, types of integers and strings right. Recurses into the definitions we use.
void check_object(const nlohmann::ordered_json& schema, const std::string& name, const nlohmann::ordered_json& object,
                  const std::string& where) {
  const nlohmann::ordered_json& def = definition(schema, name);
  ASSERT_TRUE(object.is_object()) << where;
  if (def.contains("required")) {
    for (const auto& required : def.at("required")) {
      EXPECT_TRUE(object.contains(required.get<std::string>())) << where << ": " << required.get<std::string>();
    }
  }
  if (def.contains("anyOf")) {
    bool any = false;
    for (const auto& option : def.at("anyOf")) {
      bool all = true;
      for (const auto& required : option.at("required")) all = all && object.contains(required.get<std::string>());
      any = any || all;
    }
    EXPECT_TRUE(any) << where << ": none of the anyOf alternatives of " << name;
  }
  const nlohmann::ordered_json& properties = def.at("properties");
  for (const auto& [key, value] : object.items()) {
    ASSERT_TRUE(properties.contains(key)) << where << ": `" << key << "` is not a property of " << name;
    const nlohmann::ordered_json& property = properties.at(key);
    if (property.contains("enum")) {
      std::set<std::string> allowed;
      for (const auto& e : property.at("enum")) allowed.insert(e.get<std::string>());
      EXPECT_TRUE(allowed.count(value.get<std::string>())) << where << "." << key << " = " << value.get<std::string>();
    }
    if (property.contains("type")) {
      const std::string type = property.at("type").get<std::string>();
      if (type == "integer") {
        EXPECT_TRUE(value.is_number() && (!property.contains("minimum") || value.get<double>() >= property.at("minimum").get<double>()))
            << where << "." << key;
      } else if (type == "string") {
        EXPECT_TRUE(value.is_string()) << where << "." << key;
      } else if (type == "array") {
        EXPECT_TRUE(value.is_array()) << where << "." << key;
      }
    }
    if (property.contains("$ref")) {
      const std::string ref = property.at("$ref").get<std::string>();
      const std::string target = ref.substr(ref.rfind('/') + 1);
      if (target != "propertyBag") check_object(schema, target, value, where + "." + key);
    } else if (property.contains("items") && property.at("items").contains("$ref")) {
      const std::string ref = property.at("items").at("$ref").get<std::string>();
      for (const auto& item : value) check_object(schema, ref.substr(ref.rfind('/') + 1), item, where + "." + key + "[]");
    }
  }
}

TEST_P(SarifSchema, OutputHasTheRequiredPropertiesAndAllowedValues) {
  const nlohmann::ordered_json schema = strict_json::parse(read(GetParam()));
  const scenario s;
  const source_file empty("plans/missing.toml", "");
  diagnostics ds = s.ds;
  ds.push_back({"toml-syntax", severity::error, {"cannot read", "x"}, {&empty, {}, {}}, {}, {}, {}, false});
  std::string out;
  render_sarif(out, with_findings(s.context, ds), {});
  const nlohmann::ordered_json log = strict_json::parse(out);
  for (const auto& required : schema.at("required")) EXPECT_TRUE(log.contains(required.get<std::string>())) << required.get<std::string>();
  EXPECT_EQ(log.at("version").get<std::string>(), schema.at("properties").at("version").at("enum").at(0).get<std::string>());
  for (const auto& run : log.at("runs")) check_object(schema, "run", run, "run");
}

INSTANTIATE_TEST_SUITE_P(BothVariants, SarifSchema,
                         ::testing::Values("sarif-schema-2.1.0.json", "sarif-schema-2.1.0-errata01.json"),
                         [](const auto& param) { return param.index == 0 ? std::string("Standard") : std::string("Errata01"); });

// ---- JUnit ----------------------------------------------------------------------------------------------

std::string junit_of(const diagnostics& ds, const run_context& context, language lang = language::en) {
  std::string out;
  render_junit(out, with_findings(context, ds), {.lang = lang});
  return out;
}

TEST(JunitRenderer, ATestcasePerFilePerCheckThatRan) {
  const scenario s;
  const std::string out = junit_of(s.ds, s.context);
  EXPECT_EQ(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"akkoord\" tests=\"4\" failures=\"1\" errors=\"0\">\n", 0), 0u) << out;
  EXPECT_NE(out.find("<testsuite name=\"plans/2025.toml\" tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"0\">"), std::string::npos) << out;
  // Sorted by check id; a check without findings passes (an empty testcase).
  EXPECT_NE(out.find("<testcase classname=\"plans/2025.toml\" name=\"wrong-executor\"/>"), std::string::npos) << out;
  EXPECT_LT(out.find("name=\"above-benchmark\""), out.find("name=\"fte-hours-mismatch\""));
  EXPECT_LT(out.find("name=\"fte-hours-mismatch\""), out.find("name=\"returned-competence\""));
  EXPECT_EQ(out.find("<testsuite name=\"rules/aa.akkoord\""), std::string::npos) << "related files are no testsuite";
}

TEST(JunitRenderer, FindingsAtTheFailingSeverityAreFailuresWithMessageAndLocation) {
  const scenario s;
  const std::string out = junit_of(s.ds, s.context);
  EXPECT_NE(out.find("<failure type=\"error\" message=\"task `strategie` was returned\">"
                     "plans/2025.toml:2:33: error: task `strategie` was returned [returned-competence]\n"
                     "  related: rules/aa.akkoord:3:3: returned here\n"
                     "  note: since 2022\n"
                     "  help: use `kernorganisatie`</failure>"),
            std::string::npos)
      << out;
  EXPECT_EQ(count(out, "<failure "), 1u) << "the info and the suppressed warning are no failures";
  // Below --fail-on and suppressed: in the testcase's output, marked.
  EXPECT_NE(out.find("<system-out>plans/2025.toml:3:1: info: above the benchmark [above-benchmark]</system-out>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("[fte-hours-mismatch] (suppressed)"), std::string::npos) << out;
}

TEST(JunitRenderer, FailOnDecidesWhatFails) {
  scenario s;
  s.context.fail_on = severity::info;
  const std::string out = junit_of(s.ds, s.context);
  EXPECT_EQ(count(out, "<failure "), 2u) << "error and info; the suppressed warning never fails";
  EXPECT_NE(out.find("<failure type=\"info\" message=\"above the benchmark\">"), std::string::npos) << out;
  EXPECT_NE(out.find("tests=\"4\" failures=\"2\""), std::string::npos) << out;
}

TEST(JunitRenderer, EscapesAttributesAndText) {
  const source_file f("plans/<a & \"b\">.toml", "x\n");
  diagnostic d = make("x", severity::error, "a<b & 'c' \"d\"\nline two]]>\x01\xff", span_of(f, 1, 1, 2));
  run_context context;
  context.files.push_back(plan_file("plans/<a & \"b\">.toml", {"x"}));
  const std::string out = junit_of({d}, context);
  EXPECT_NE(out.find("<testsuite name=\"plans/&lt;a &amp; &quot;b&quot;&gt;.toml\""), std::string::npos) << out;
  EXPECT_NE(out.find("message=\"a&lt;b &amp; &#39;c&#39; &quot;d&quot;&#10;line two]]&gt;\xEF\xBF\xBD\xEF\xBF\xBD\""),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find('\x01'), std::string::npos);
  EXPECT_EQ(out.find('\xff'), std::string::npos);
  EXPECT_EQ(out.find("]]>"), std::string::npos);
}

TEST(JunitRenderer, FindingsInFilesOutsideTheContextGetTheirOwnSuite) {
  const source_file included("rules/part.akkoord", "x\n");
  const diagnostics ds{make("undefined-reference", severity::error, "m", span_of(included, 1, 1, 2)),
                       {"", severity::error, {"no file", "geen bestand"}, {}, {}, {}, {}, false}};
  const std::string out = junit_of(ds, {});
  EXPECT_NE(out.find("<testsuite name=\"rules/part.akkoord\" tests=\"1\" failures=\"1\""), std::string::npos) << out;
  EXPECT_NE(out.find("<testcase classname=\"akkoord\" name=\"akkoord\">"), std::string::npos) << out;
}

TEST(JunitRenderer, DutchText) {
  const scenario s;
  const std::string out = junit_of(s.ds, s.context, language::nl);
  EXPECT_NE(out.find("message=\"nl: returned-competence\""), std::string::npos) << out;
  EXPECT_NE(out.find(": fout: nl: returned-competence"), std::string::npos) << out;
  EXPECT_NE(out.find("(uitgezonderd)"), std::string::npos) << out;
  EXPECT_NE(out.find("type=\"error\""), std::string::npos) << "the type is the severity's id";
}

TEST(XmlEscape, ReplacesWhatXmlForbids) {
  std::string out;
  append_xml_escaped(out, "<&>\"'\t\n\x0b\x7f\xc2\x85\xef\xbf\xbe ok \xE2\x82\xAC");
  EXPECT_EQ(out, "&lt;&amp;&gt;&quot;&#39;\t\n\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ok \xE2\x82\xAC");
  out.clear();
  append_xml_escaped(out, "a\tb\nc\rd", true);
  EXPECT_EQ(out, "a&#9;b&#10;c&#13;d");
}

// ---- GitHub ---------------------------------------------------------------------------------------------

std::string github_of(const diagnostics& ds, language lang = language::en) {
  std::string out;
  render_github(out, ds, {.lang = lang});
  return out;
}

TEST(GithubRenderer, OneWorkflowCommandPerFindingNotSuppressed) {
  const scenario s;
  const std::string out = github_of(s.ds);
  EXPECT_EQ(out,
            "::error file=plans/2025.toml,line=2,col=33,endLine=2,endColumn=48,title=returned-competence::"
            "task `strategie` was returned%0Arelated: rules/aa.akkoord:3:3: returned here%0Anote: since 2022"
            "%0Ahelp: use `kernorganisatie`\n"
            "::notice file=plans/2025.toml,line=3,col=1,endLine=3,endColumn=6,title=above-benchmark::"
            "above the benchmark\n");
}

TEST(GithubRenderer, WarningsAndDutch) {
  const source_file f("a.toml", "x\n");
  diagnostic d = make("unknown-field", severity::warning, "unknown", span_of(f, 1, 1, 2));
  d.related.push_back({span_of(f, 1, 1, 2), {"here", "hier"}});
  d.help = text{"remove it", "verwijder het"};
  EXPECT_EQ(github_of({d}).rfind("::warning file=a.toml,", 0), 0u);
  EXPECT_EQ(github_of({d}, language::nl),
            "::warning file=a.toml,line=1,col=1,endLine=1,endColumn=2,title=unknown-field::nl: unknown-field"
            "%0Azie ook: a.toml:1:1: hier%0Atip: verwijder het\n");
}

TEST(GithubRenderer, EscapesDataAndProperties) {
  const source_file f("plans/a,b:c%d.toml", "x\n");
  const diagnostic d = make("rule:x,y", severity::error, "100% sure: a, b\r\nnext ::error::x", span_of(f, 1, 1, 2));
  EXPECT_EQ(github_of({d}),
            "::error file=plans/a%2Cb%3Ac%25d.toml,line=1,col=1,endLine=1,endColumn=2,title=rule%3Ax%2Cy::"
            "100%25 sure: a, b  next ::error::x\n");
  std::string data, property;
  append_github_data(data, "%\r\n:,\x1b[31m");
  append_github_property(property, "%\r\n:,");
  EXPECT_EQ(data, "%25%0D%0A:,\xEF\xBF\xBD[31m") << "no raw escape sequence reaches the log";
  EXPECT_EQ(property, "%25%0D%0A%3A%2C");
}

TEST(GithubRenderer, WholeFileAndFilelessFindings) {
  const source_file empty("missing.toml", "");
  const diagnostics ds{{"toml-syntax", severity::error, {"cannot read", "x"}, {&empty, {}, {}}, {}, {}, {}, false},
                       {"", severity::warning, {"no place", "x"}, {}, {}, {}, {}, false}};
  EXPECT_EQ(github_of(ds), "::error file=missing.toml,title=toml-syntax::cannot read\n::warning::no place\n");
}

// ---- HTML -----------------------------------------------------------------------------------------------

std::string html_of(const diagnostics& ds, const run_context& context, language lang = language::en,
                    std::size_t files = 1) {
  std::string out;
  render_html(out, with_findings(context, ds, files), {.lang = lang});
  return out;
}

// Every opened element is closed, in order (void elements and `/>` aside): the page is well formed.
void expect_balanced(const std::string& html) {
  static const std::set<std::string> void_elements{"meta", "br", "hr", "img", "link", "input"};
  std::vector<std::string> open;
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    if (html.compare(at, 2, "<!") == 0) continue;
    const std::size_t end = html.find('>', at);
    ASSERT_NE(end, std::string::npos);
    std::string tag = html.substr(at + 1, end - at - 1);
    if (tag.ends_with('/')) continue;
    const bool closing = tag.starts_with('/');
    std::string name = tag.substr(closing ? 1 : 0, tag.find_first_of(" \n", closing ? 1 : 0) - (closing ? 1 : 0));
    if (void_elements.count(name)) continue;
    if (closing) {
      ASSERT_FALSE(open.empty()) << "</" << name << "> closes nothing";
      ASSERT_EQ(open.back(), name) << "at byte " << at;
      open.pop_back();
    } else {
      open.push_back(name);
    }
  }
  EXPECT_TRUE(open.empty()) << open.size() << " elements left open";
}

// A real agreement and plan, read and added up by the engine: the figures the HTML report draws come from the
// run, never from the renderer.
struct charted_plan {
  source_manager sources;
  std::shared_ptr<agreement_model> agreement;
  std::shared_ptr<plan> typed;
  plan_figures figures;

  charted_plan() {
    diagnostics ignored;
    agreement = load_agreement_text("rules/aa.akkoord",
                                    "party aalsmeer \"Gemeente Aalsmeer\" {\n  roles opdrachtgever\n  inhabitants 40_000\n}\n"
                                    "executor AA \"AA-organisatie\" {\n  employer aalsmeer\n}\n"
                                    "contribution bijdrage \"Bijdrage\" {\n  payer aalsmeer\n  payee AA\n"
                                    "  2025: EUR 4_000_000\n}\n"
                                    "benchmark vergelijkbaar \"Vergelijkbaar\" {\n  tolerance 10%\n"
                                    "  taakveld 0.2: EUR 45 per inhabitant\n  taakveld 0.4: EUR 22.50 per inhabitant\n}\n",
                                    sources, ignored);
    if (!agreement) throw std::runtime_error("the test agreement does not load: " + ignored.front().message.en);
    // 0.2: EUR 2,200,000 against EUR 45 × 40,000 = EUR 1,800,000 + 10% = EUR 1,980,000: above.
    // 0.4: exactly at benchmark + tolerance (EUR 990,000): not above. 0.10: EUR 1,010,000 without a benchmark.
    // AA executes EUR 4,000,000, the contribution; all activities add up to EUR 4,200,000.
    const source_file& file = sources.add(
        "plans/2025.toml",
        "[plan]\nagreement = \"AA\"\nmunicipality = \"aalsmeer\"\nyear = 2025\ntitle = \"Uitvoeringsplan 2025\"\n"
        "[contribution]\nid = \"bijdrage\"\ntotal = 4_000_000\n"
        "[[activity]]\nexecutor = \"AA\"\ntaakveld = \"0.2\"\nbudget = 2_200_000\n"
        "[[activity]]\nexecutor = \"AA\"\ntaakveld = \"0.4\"\nbudget = 990_000\n"
        "[[activity]]\nexecutor = \"AA\"\ntaakveld = \"0.10\"\nbudget = 810_000\n"
        "[[activity]]\nexecutor = \"aalsmeer\"\ntaakveld = \"0.10\"\nbudget = 200_000\n");
    typed = std::make_shared<plan>(read_plan(file, ignored));
    figures = compute_figures(*agreement, *typed);
  }

  void chart_into(run_context& context) const {
    context.files[0].typed = typed;
    context.files[0].figures = figures;
    context.agreements = {agreement};  // names beside codes, the agreed amount
  }
};

TEST(HtmlRenderer, SelfContainedWellFormedPage) {
  scenario s;
  const charted_plan charted;
  charted.chart_into(s.context);
  const std::string out = html_of(s.ds, s.context);
  EXPECT_EQ(out.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(out.find("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\""),
            std::string::npos);
  EXPECT_EQ(out.find("<script"), std::string::npos);
  EXPECT_EQ(out.find("<link"), std::string::npos);
  EXPECT_EQ(out.find(" src="), std::string::npos);
  EXPECT_EQ(out.find("https://"), std::string::npos);
  std::string without_svg_namespace = out;
  for (auto at = without_svg_namespace.find("http://www.w3.org/2000/svg"); at != std::string::npos;
       at = without_svg_namespace.find("http://www.w3.org/2000/svg"))
    without_svg_namespace.erase(at, 26);
  EXPECT_EQ(without_svg_namespace.find("http://"), std::string::npos) << "nothing fetched";
  EXPECT_NE(out.find("<style>"), std::string::npos);
  expect_balanced(out);
}

TEST(HtmlRenderer, FindingsWithSourceLineClauseAndHelp) {
  const scenario s;
  const std::string out = html_of(s.ds, s.context);
  EXPECT_NE(out.find("<h2>plans/2025.toml</h2>"), std::string::npos);
  EXPECT_NE(out.find("<span class=\"badge error\">error</span> task <code>strategie</code> was returned "
                     "<span class=\"id\">[returned-competence]</span>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<p class=\"where\">plans/2025.toml:2:33</p>"), std::string::npos);
  // The source line with the span marked: by characters, so the mark starts at `executor` after `ö` and `€`.
  EXPECT_NE(out.find("omschrijving = &quot;co\xC3\xB6rdinatie \xE2\x82\xAC&quot;  <mark>executor = &quot;AA&quot;</mark>"),
            std::string::npos)
      << out;
  // The related clause: a link to the clause block, which shows the agreement's source lines, highlighted.
  EXPECT_NE(out.find("<span class=\"label\">Agreement</span> <a href=\"#f1-c1\">rules/aa.akkoord:3:3</a>: returned here"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<div class=\"clause\" id=\"f1-c1\"><p class=\"where\">rules/aa.akkoord, line 3</p>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<span class=\"line hl\"><span class=\"ln\">3</span>  returned_to kernorganisatie from 2022-04-01</span>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<span class=\"line\"><span class=\"ln\">1</span>task strategie"), std::string::npos)
      << "context lines around the clause";
  EXPECT_NE(out.find("<span class=\"label\">How to fix</span> use <code>kernorganisatie</code>"), std::string::npos);
  EXPECT_NE(out.find("<span class=\"label\">Note</span> since 2022"), std::string::npos);
}

TEST(HtmlRenderer, SuppressedFindingsShowTheirReason) {
  const scenario s;
  const std::string out = html_of(s.ds, s.context);
  EXPECT_NE(out.find("<li class=\"finding suppressed\">"), std::string::npos);
  EXPECT_NE(out.find("<span class=\"label\">Suppressed</span> besluit B&amp;W 2025/123"), std::string::npos) << out;
  EXPECT_NE(out.find("1 error, 0 warnings, 1 info in 1 file (1 suppressed)"), std::string::npos);
}

TEST(HtmlRenderer, ClausesAreListedOncePerPlan) {
  const scenario s;
  diagnostics ds = s.ds;
  diagnostic again = ds[0];
  again.primary = span_of(s.plan, 3, 1, 2);
  ds.push_back(again);
  const std::string out = html_of(ds, s.context);
  EXPECT_EQ(count(out, "<div class=\"clause\""), 1u);
  EXPECT_EQ(count(out, "<a href=\"#f1-c1\">"), 2u);
}

TEST(HtmlRenderer, EscapesAllText) {
  const source_file f("plans/<b>&.toml", "name = \"<script>alert(1)</script>\"\n");
  diagnostic d = make("x<y", severity::error, "bad `<i>` & \"q\" <script>", span_of(f, 1, 8, 36));
  d.help = text{"<b>help</b>", "x"};
  d.suppressed = false;
  run_context context;
  context.files.push_back(plan_file("plans/<b>&.toml", {}));
  const std::string out = html_of({d}, context);
  EXPECT_EQ(out.find("<script"), std::string::npos) << out;
  EXPECT_EQ(out.find("<b>"), std::string::npos) << out;
  EXPECT_EQ(out.find("<i>"), std::string::npos) << out;
  EXPECT_NE(out.find("bad <code>&lt;i&gt;</code> &amp; &quot;q&quot; &lt;script&gt;"), std::string::npos) << out;
  EXPECT_NE(out.find("<h2>plans/&lt;b&gt;&amp;.toml</h2>"), std::string::npos);
  EXPECT_NE(out.find("[x&lt;y]"), std::string::npos);
  expect_balanced(out);
}

TEST(HtmlRenderer, HugeLinesAndPlacesBeyondTheFileNeverBreakThePage) {
  std::string line(200000, 'a');
  line.replace(100000, 3, "BAD");
  const source_file big("plans/big.toml", line + "\n");
  const source_file short_file("rules/short.akkoord", "one line\n");
  diagnostic d = make("x", severity::error, "m", span_of(big, 1, 100001, 100004));
  d.related.push_back({span_of(short_file, 40, 1, 2), {"beyond the end", "voorbij het einde"}});
  d.related.push_back({{&short_file, {1, 1}, {90, 1}}, {"to beyond the end", "x"}});
  run_context context;
  context.files.push_back(plan_file("plans/big.toml", {}));
  const std::string out = html_of({d}, context);
  EXPECT_LT(out.size(), 20000u) << "a window around the mark, not the whole line";
  EXPECT_NE(out.find("<mark>BAD</mark>"), std::string::npos);
  EXPECT_NE(out.find("rules/short.akkoord:40:1"), std::string::npos) << "still named";
  EXPECT_NE(out.find("rules/short.akkoord, lines 1\xE2\x80\x93" "2</p>"), std::string::npos) << "clamped to the file";
  expect_balanced(out);
}

TEST(HtmlRenderer, ManyFindingsFarIntoOneLongLineEachMarkTheirOwnSpan) {
  // Multi-byte characters all along the line, so columns and bytes differ more the further in a span is.
  std::string line;
  std::vector<std::uint32_t> columns;
  std::uint32_t column = 1;
  for (int i = 0; i < 5000; ++i) {
    const std::string piece = "co\xC3\xB6rdinatie \xE2\x82\xAC = ", bad = "BAD" + std::to_string(i) + ", ";
    column += static_cast<std::uint32_t>(count_code_points(piece));
    columns.push_back(column);
    column += static_cast<std::uint32_t>(bad.size());
    line += piece + bad;
  }
  const source_file big("plans/big.toml", line + "\n");
  diagnostics ds;
  for (int i = 0; i < 5000; ++i) {
    const auto width = static_cast<std::uint32_t>(std::to_string(i).size() + 3);
    ds.push_back(make("x", severity::error, "m", span_of(big, 1, columns[i], columns[i] + width)));
  }
  run_context context;
  context.files.push_back(plan_file("plans/big.toml", {}));
  const std::string out = html_of(ds, context);
  std::size_t at = 0;  // the findings are shown in the order of the line
  for (int i = 0; i < 5000; ++i) {
    at = out.find("<mark>BAD" + std::to_string(i) + "</mark>", at);
    ASSERT_NE(at, std::string::npos) << i;
  }
  EXPECT_EQ(count(out, "<mark>"), 5000u);
  expect_balanced(out);
}

TEST(HtmlRenderer, EveryCheckedFileHasASectionEvenWithoutFindings) {
  run_context context;
  context.files.push_back(plan_file("plans/a.toml", {}));
  context.files.push_back(plan_file("plans/b.toml", {}));
  const std::string out = html_of({}, context, language::en, 2);
  // Plans that could not be read name no municipality: grouped apart, each linked to its section.
  EXPECT_NE(out.find("Plans without a municipality: <ul><li><a href=\"#f1\">plans/a.toml</a></li>"), std::string::npos) << out;
  EXPECT_NE(out.find("<section class=\"file plan\" id=\"f2\">\n<h2>plans/b.toml</h2>"), std::string::npos);
  EXPECT_EQ(count(out, "No findings."), 2u);
}

// The chart's geometry: bars in tenths of a pixel from exact cents; the largest amount spans the whole area (360
// px); labels as wide as their text (7.5 px a character + 6), so the bars start after the longest label.
TEST(HtmlRenderer, SpendingChartIsExact) {
  scenario s;
  const charted_plan charted;
  charted.chart_into(s.context);
  const std::string out = html_of(s.ds, s.context);
  // "0.10 Mutaties reserves" (22 characters) is the longest label: 171 px, bars from x = 179. 0.2 is the largest.
  EXPECT_NE(out.find("<text class=\"label\" x=\"171\" y=\"21\" text-anchor=\"end\">0.2 Burgerzaken</text>"
                     "<rect class=\"bar over\" fill=\"url(#f1-chart-hatch)\" x=\"179\" y=\"10\" width=\"360.0\" height=\"14\"/>"),
            std::string::npos)
      << out;
  // Benchmark EUR 1,800,000 of 2,200,000 → 179 + 294.5 px (tenths, rounded down); the tolerance band runs to
  // EUR 1,980,000 → 179 + 324.0 px, drawn over the bar; the amount just after the bar, with words for the colour.
  EXPECT_NE(out.find("<rect class=\"band\" x=\"473.5\" y=\"7\" width=\"29.5\" height=\"20\"/>"
                     "<line class=\"benchmark\" x1=\"473.5\" x2=\"473.5\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<text class=\"amount\" x=\"545.0\" y=\"21\">EUR 2,200,000.00 (above the benchmark)</text>"),
            std::string::npos);
  // 0.4 exactly at benchmark + tolerance (EUR 990,000): not above.
  EXPECT_NE(out.find("<rect class=\"bar\" x=\"179\" y=\"36\" width=\"162.0\" height=\"14\"/>"), std::string::npos) << out;
  // The table, exact: names beside codes; shares of every activity budget (EUR 4,200,000 = 100%), rounded so
  // that they add up to 100.0% (52.38 → 52.4, 23.57 → 23.6, 24.05 → 24.0); amounts per inhabitant half up.
  EXPECT_NE(out.find("Share of all activity budgets (EUR 4,200,000.00 = 100%)"), std::string::npos);
  EXPECT_NE(out.find("<tr class=\"over\"><td><code>0.2</code> Burgerzaken <span class=\"flag\">above the benchmark</span>"
                     "</td><td>EUR 2,200,000.00</td><td>52.4%</td><td>EUR 55.00</td>"
                     "<td>EUR 45.00</td><td>EUR 1,800,000.00 (+10% allowed)</td></tr>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<tr><td><code>0.4</code> Overhead</td><td>EUR 990,000.00</td><td>23.6%</td><td>EUR 24.75</td>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<tr><td><code>0.10</code> Mutaties reserves</td><td>EUR 1,010,000.00</td><td>24.0%</td>"
                     "<td>EUR 25.25</td><td>\xE2\x80\x93</td>"),
            std::string::npos)
      << out;
  // Totals against the contribution and the amount agreed for the year; the payee by its name.
  EXPECT_NE(out.find(">contribution total</text><rect class=\"bar reference\""), std::string::npos) << out;
  EXPECT_NE(out.find(">agreed for 2025</text><rect class=\"bar reference\""), std::string::npos) << out;
  EXPECT_NE(out.find(">executed by AA-organisatie</text><rect class=\"bar\""), std::string::npos) << out;
  EXPECT_NE(out.find("municipality aalsmeer (Gemeente Aalsmeer) \xC2\xB7 year 2025 \xC2\xB7 contribution bijdrage (Bijdrage) "
                     "\xC2\xB7 40,000 inhabitants"),
            std::string::npos)
      << out;
  expect_balanced(out);
}

TEST(HtmlRenderer, ContributionMismatchAndOverflow) {
  scenario s;
  charted_plan charted;
  charted.figures.payee_budget_cents = 399'999'999;
  charted.chart_into(s.context);
  EXPECT_NE(html_of(s.ds, s.context).find(">executed by AA-organisatie</text><rect class=\"bar mismatch\""),
            std::string::npos);
  charted.figures.overflow = true;
  charted.chart_into(s.context);
  const std::string out = html_of(s.ds, s.context);
  EXPECT_EQ(out.find("<svg"), std::string::npos);
  EXPECT_NE(out.find("too large to add up"), std::string::npos);
}

TEST(HtmlRenderer, Dutch) {
  scenario s;
  const charted_plan charted;
  charted.chart_into(s.context);
  const std::string out = html_of(s.ds, s.context, language::nl);
  EXPECT_EQ(out.rfind("<!DOCTYPE html>\n<html lang=\"nl\">", 0), 0u);
  for (const char* words : {"<h1>akkoord-rapport</h1>", "<h3>Bevindingen</h3>", "Betrokken bepalingen",
                            "Uitgaven per taakveld", "<span class=\"label\">Oplossing</span>",
                            "<span class=\"label\">Uitgezonderd</span>", "<span class=\"badge error\">fout</span>",
                            "\xE2\x82\xAC 2.200.000,00", "52,4%", "40.000 inwoners", "1 fout, 0 waarschuwingen",
                            "<h2>Overzicht</h2>", "Stand van zaken", "Afgesproken bedrag", "boven de benchmark",
                            "<th>Omschrijving</th>", "het hele jaar"})
    EXPECT_NE(out.find(words), std::string::npos) << words;
  EXPECT_EQ(out.find("How to fix"), std::string::npos);
}

// ---- JSON: the figures of each plan ---------------------------------------------------------------------

TEST(JsonRenderer, PlansCarryTheFiguresOfTheRun) {
  scenario s;
  const charted_plan charted;
  charted.chart_into(s.context);
  s.context.files.push_back(plan_file("plans/unreadable.toml"));
  std::string out;
  render(report_format::json, out, with_findings(s.context, s.ds, 2), {});
  const nlohmann::ordered_json doc = strict_json::parse(out);
  EXPECT_EQ(strict_json::keys(doc), (std::vector<std::string>{"version", "findings", "summary", "plans"}));
  ASSERT_EQ(doc.at("plans").size(), 2u);
  // The numbers of charted_plan: total EUR 4,000,000; budgets EUR 4,200,000; 40,000 inhabitants.
  const nlohmann::ordered_json& figures = doc.at("plans").at(0);
  EXPECT_EQ(strict_json::keys(figures), (std::vector<std::string>{"file", "municipality", "year", "total_cents",
                                                                  "budget_cents", "taakvelden", "tasks"}));
  EXPECT_EQ(figures.at("file").get<std::string>(), "plans/2025.toml");
  EXPECT_EQ(figures.at("municipality").get<std::string>(), "aalsmeer");
  EXPECT_EQ(figures.at("year").get<double>(), 2025);
  EXPECT_EQ(figures.at("total_cents").get<double>(), 400'000'000);
  EXPECT_EQ(figures.at("budget_cents").get<double>(), 420'000'000);
  const auto taakveld = [&](std::size_t k) {
    const nlohmann::ordered_json& t = figures.at("taakvelden").at(k);
    return std::tuple{t.at("code").get<std::string>(), t.at("budget_cents").get<double>(),
                      t.at("per_inhabitant_cents").get<double>()};
  };
  ASSERT_EQ(figures.at("taakvelden").size(), 3u);  // BBV order: 0.2, 0.4, 0.10
  EXPECT_EQ(taakveld(0), (std::tuple{std::string("0.2"), 220'000'000.0, 5'500.0}));
  EXPECT_EQ(taakveld(1), (std::tuple{std::string("0.4"), 99'000'000.0, 2'475.0}));
  EXPECT_EQ(taakveld(2), (std::tuple{std::string("0.10"), 101'000'000.0, 2'525.0}));
  EXPECT_TRUE(figures.at("tasks").empty());  // no activity names a task
  // A plan that could not be read: its file, and nothing made up.
  const nlohmann::ordered_json& unreadable = doc.at("plans").at(1);
  EXPECT_EQ(unreadable.at("file").get<std::string>(), "plans/unreadable.toml");
  for (const char* key : {"municipality", "year", "total_cents", "budget_cents"}) EXPECT_TRUE(unreadable.at(key).is_null()) << key;
  EXPECT_TRUE(unreadable.at("taakvelden").empty());
  // One plan per line, like the findings.
  EXPECT_NE(out.find("\"plans\": [\n  {\"file\": \"plans/2025.toml\""), std::string::npos) << out;
}

// ---- registration ---------------------------------------------------------------------------------------

TEST(Formats, EveryFormatHasANameAndRendersThroughRender) {
  const scenario s;
  for (const char* name : {"text", "short", "json", "sarif", "junit", "github", "html"}) {
    const auto format = parse_report_format(name);
    ASSERT_TRUE(format) << name;
    EXPECT_EQ(report_format_name(*format), name);
    std::string out;
    render(*format, out, with_findings(s.context, s.ds), {});
    EXPECT_FALSE(out.empty()) << name;
  }
  EXPECT_FALSE(parse_report_format("SARIF"));
  EXPECT_FALSE(parse_report_format("sarif:x"));
}

// A spreadsheet is binary: it has a name, but no text form (write_xlsx() writes its file; tests/e2e/xlsx_report.py
// reads it back with openpyxl).
TEST(Formats, XlsxHasANameButIsNotRenderedAsText) {
  const scenario s;
  ASSERT_EQ(parse_report_format("xlsx"), report_format::xlsx);
  EXPECT_EQ(report_format_name(report_format::xlsx), "xlsx");
  std::string out;
  EXPECT_THROW(render(report_format::xlsx, out, with_findings(s.context, s.ds), {}), std::logic_error);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace akkoord

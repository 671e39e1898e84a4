// The renderers on hand-made diagnostics: exact text, caret alignment with tabs and non-ASCII characters,
// related locations in another file, Dutch, colour, the summary, JSON shape and escaping (report files:
// write_file_test.cpp).
#include <gtest/gtest.h>

#include <sstream>

#include "akkoord/validator/json.hpp"
#include "akkoord/validator/report.hpp"
#include "strict_json.hpp"
#include "report_test_support.hpp"

namespace akkoord {
namespace {

using report_test::make;
using report_test::span_of;


std::string text_of(const diagnostic& d, report_options options = {}) {
  std::string out;
  render_text_diagnostic(out, d, options);
  return out;
}

std::string short_of(const diagnostic& d, report_options options = {}) {
  std::string out;
  render_short_diagnostic(out, d, options);
  return out;
}

// The display column (0-based) of the first '^' in the caret line after the source line.
std::size_t caret_column(const std::string& rendered) {
  std::istringstream lines(rendered);
  std::string line;
  while (std::getline(lines, line)) {
    const auto caret = line.find('^');
    if (caret != std::string::npos && line.find(" | ") != std::string::npos) return caret;
  }
  return std::string::npos;
}

TEST(TextRenderer, ShowsLocationSourceLineAndCaretUnderTheSpan) {
  const source_file plan("plan.toml", "[[activity]]\nexecutor = \"AA\"\n");
  diagnostic d = make("wrong-executor", severity::error, "executor `AA` is wrong", span_of(plan, 2, 12, 16));
  d.help = text{"use `kernorganisatie`", "gebruik `kernorganisatie`"};
  EXPECT_EQ(text_of(d),
            "plan.toml:2:12: error: executor `AA` is wrong [wrong-executor]\n"
            "   2 | executor = \"AA\"\n"
            "     |            ^~~~\n"
            "help: use `kernorganisatie`\n"
            "\n");
}

TEST(TextRenderer, RelatedLabelHasItsOwnLocationAndSourceLine) {
  const source_file plan("plans/2025.toml", "executor = \"AA\"\n");
  std::string agreement_text;
  for (int k = 1; k < 112; ++k) agreement_text += "# filler\n";
  agreement_text += "  returned_to kernorganisatie from 2022-04-01\n";
  const source_file agreement("rules/aa.akkoord", agreement_text);
  diagnostic d = make("returned-competence", severity::error, "competence returned", span_of(plan, 1, 12, 16));
  d.related.push_back({span_of(agreement, 112, 3, 46), {"returned here", "hier teruggenomen"}});
  d.notes.push_back({"a note", "een opmerking"});
  EXPECT_EQ(text_of(d),
            "plans/2025.toml:1:12: error: competence returned [returned-competence]\n"
            "   1 | executor = \"AA\"\n"
            "     |            ^~~~\n"
            "rules/aa.akkoord:112:3: note: returned here\n"
            " 112 |   returned_to kernorganisatie from 2022-04-01\n"
            "     |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
            "note: a note\n"
            "\n");
}

TEST(TextRenderer, CaretAlignsAfterNonAsciiCharacters) {
  // `€` is 3 bytes and `ö` 2, but each is one column: the caret must stand under `x` (column 9).
  const source_file f("a.akkoord", "€ coör  x\n");
  const diagnostic d = make("dsl-syntax", severity::error, "unexpected", span_of(f, 1, 9, 10));
  const std::string out = text_of(d);
  EXPECT_NE(out.find("a.akkoord:1:9:"), std::string::npos);
  EXPECT_EQ(caret_column(out), std::string("   1 | ").size() + 8) << out;
}

TEST(TextRenderer, CaretAlignsAfterTabs) {
  // A tab is shown as spaces up to the next tab stop (4), in the source line and the caret line alike.
  const source_file f("a.akkoord", "\tab\tx\n");
  const diagnostic d = make("dsl-syntax", severity::error, "unexpected", span_of(f, 1, 5, 6));
  const std::string out = text_of(d);
  EXPECT_NE(out.find("   1 |     ab  x\n"), std::string::npos) << out;
  EXPECT_EQ(caret_column(out), std::string("   1 | ").size() + 8) << out;
}

TEST(TextRenderer, CaretAlignsAfterWideCharacters) {
  const source_file f("a.akkoord", "日本 x\n");
  const diagnostic d = make("dsl-syntax", severity::error, "unexpected", span_of(f, 1, 4, 5));
  EXPECT_EQ(caret_column(text_of(d)), std::string("   1 | ").size() + 5);
}

TEST(TextRenderer, UnderlinesMultiByteSpanByCharacters) {
  const source_file f("a.akkoord", "name = \"coördinatie\"\n");
  const diagnostic d = make("x", severity::warning, "m", span_of(f, 1, 8, 21));
  EXPECT_NE(text_of(d).find("     |        ^~~~~~~~~~~~~\n"), std::string::npos) << text_of(d);
}

TEST(TextRenderer, SpanAtEndOfLineGetsOneCaret) {
  const source_file f("a.akkoord", "period p \"t\" 2022-01-01 ..\n");
  const diagnostic d = make("dsl-syntax", severity::error, "expected an end date", span_of(f, 1, 27, 27));
  const std::string out = text_of(d);
  EXPECT_EQ(caret_column(out), std::string("   1 | ").size() + 26) << out;
  EXPECT_NE(out.find("^\n"), std::string::npos);
  EXPECT_EQ(out.find("^~"), std::string::npos);
}

TEST(TextRenderer, SpanOverSeveralLinesIsUnderlinedToTheEndOfItsFirstLine) {
  const source_file f("a.akkoord", "task t \"x\" {\n  y\n}\n");
  const diagnostic d{"x", severity::error, {"m", "m"}, {&f, {1, 6}, {3, 2}}, {}, {}, {}, false};
  EXPECT_NE(text_of(d).find("   1 | task t \"x\" {\n     |      ^~~~~~~\n"), std::string::npos) << text_of(d);
}

TEST(TextRenderer, ControlCharactersAndInvalidUtf8AreNeverPrintedRaw) {
  const source_file f("a.akkoord", "a\x1b[31mb \xff x\n");
  diagnostic d = make("dsl-syntax", severity::error, "bad \x1b[2J message", span_of(f, 1, 11, 12));
  const std::string out = text_of(d);
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  EXPECT_EQ(out.find('\xff'), std::string::npos) << out;
  EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos);
  // Each replaced character still takes one column: the caret stays under `x`.
  EXPECT_EQ(caret_column(out), std::string("   1 | ").size() + 10) << out;
}

TEST(TextRenderer, LongLineIsShownAsAWindowAroundTheSpan) {
  std::string line(100000, 'a');
  line.replace(60000, 3, "BAD");
  const source_file f("big.akkoord", line + "\n");
  const diagnostic d = make("x", severity::error, "m", span_of(f, 1, 60001, 60004));
  const std::string out = text_of(d);
  EXPECT_LT(out.size(), 1000u);
  EXPECT_NE(out.find("BAD"), std::string::npos);
  std::istringstream lines(out);
  std::string header, source, carets;
  std::getline(lines, header);
  std::getline(lines, source);
  std::getline(lines, carets);
  // The caret is under `B`, counted in display columns (the ellipsis is one column, three bytes).
  const std::size_t caret = carets.find('^');
  ASSERT_NE(caret, std::string::npos);
  std::size_t columns_before_bad = 0;
  for (std::size_t i = 0; i < source.find("BAD"); ++i)
    if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++columns_before_bad;
  EXPECT_EQ(caret, columns_before_bad);
  EXPECT_EQ(carets.substr(caret), "^~~");
}

// Thousands of findings on one long line with multi-byte characters all along it: each snippet is the
// window around its own span, with the caret under it (this used to walk the line from its start, three
// times per finding).
TEST(TextRenderer, ManyFindingsFarIntoOneLongLineEachGetTheirOwnCaret) {
  std::string line;
  std::vector<std::uint32_t> columns;
  std::uint32_t column = 1;
  for (int i = 0; i < 20000; ++i) {
    const std::string piece = "co\xC3\xB6rdinatie \xE2\x82\xAC = ", bad = "BAD" + std::to_string(i) + ", ";
    column += static_cast<std::uint32_t>(count_code_points(piece));
    columns.push_back(column);
    column += static_cast<std::uint32_t>(bad.size());
    line += piece + bad;
  }
  const source_file f("plan.toml", line + "\n");
  for (int i = 0; i < 20000; i += 7) {
    const std::string bad = "BAD" + std::to_string(i);
    const auto width = static_cast<std::uint32_t>(bad.size());
    const std::string out = text_of(make("x", severity::error, "m", span_of(f, 1, columns[i], columns[i] + width)));
    std::istringstream lines(out);
    std::string header, source, carets;
    std::getline(lines, header);
    std::getline(lines, source);
    std::getline(lines, carets);
    ASSERT_EQ(header, "plan.toml:1:" + std::to_string(columns[i]) + ": error: m [x]");
    // The caret's display column is the same character in the source line (every character is one column).
    const std::size_t caret = carets.find('^');
    ASSERT_NE(caret, std::string::npos) << out;
    std::size_t byte = 0;
    for (std::size_t shown = 0; shown < caret && byte < source.size(); ++shown)
      for (++byte; byte < source.size() && (static_cast<unsigned char>(source[byte]) & 0xC0) == 0x80;) ++byte;
    ASSERT_EQ(source.compare(byte, bad.size() + 1, bad + ","), 0) << out;
    ASSERT_EQ(carets.substr(caret), "^" + std::string(bad.size() - 1, '~')) << out;
  }
}

TEST(TextRenderer, WholeFileAndFilelessDiagnostics) {
  const source_file f("plans/empty.toml", "");
  const diagnostic whole{"toml-syntax", severity::error, {"the file is empty", "leeg"}, {&f, {}, {}}, {}, {}, {},
                         false};
  EXPECT_EQ(text_of(whole), "plans/empty.toml: error: the file is empty [toml-syntax]\n\n");
  const diagnostic fileless{"", severity::warning, {"no position", "geen plaats"}, {}, {}, {}, {}, false};
  EXPECT_EQ(text_of(fileless), "warning: no position\n\n");
}

TEST(TextRenderer, DutchWords) {
  const source_file f("a.toml", "x = 1\n");
  diagnostic d = make("unknown-field", severity::warning, "unknown", span_of(f, 1, 1, 2));
  d.related.push_back({span_of(f, 1, 5, 6), {"here", "hier"}});
  d.help = text{"remove it", "verwijder het"};
  const std::string out = text_of(d, {.lang = language::nl});
  EXPECT_NE(out.find("a.toml:1:1: waarschuwing: nl: unknown-field [unknown-field]\n"), std::string::npos) << out;
  EXPECT_NE(out.find("a.toml:1:5: opmerking: hier\n"), std::string::npos) << out;
  EXPECT_NE(out.find("tip: verwijder het\n"), std::string::npos) << out;
  EXPECT_EQ(severity_word(severity::error, language::nl), "fout");
  EXPECT_EQ(severity_word(severity::info, language::nl), "melding");
}

TEST(TextRenderer, ColourOnlyWhenAsked) {
  const source_file f("a.toml", "x = 1\n");
  const diagnostic d = make("x", severity::error, "m", span_of(f, 1, 1, 2));
  EXPECT_EQ(text_of(d).find('\x1b'), std::string::npos);
  const std::string coloured = text_of(d, {.color = true});
  EXPECT_NE(coloured.find("\x1b[1;31merror\x1b[0m"), std::string::npos) << coloured;
}

TEST(TextRenderer, SuppressedFindingsAreCountedNotShown) {
  const source_file f("a.toml", "x = 1\n");
  diagnostics ds{make("a", severity::error, "shown", span_of(f, 1, 1, 2)),
                 make("b", severity::warning, "hidden", span_of(f, 1, 5, 6))};
  ds[1].suppressed = true;
  std::string out;
  render_text(out, ds, summarize(ds, 1), {});
  EXPECT_NE(out.find("shown"), std::string::npos);
  EXPECT_EQ(out.find("hidden"), std::string::npos);
  EXPECT_NE(out.find("1 error, 0 warnings, 0 infos in 1 file (1 suppressed)\n"), std::string::npos) << out;
}

TEST(TextRenderer, QuietShowsOnlyTheSummary) {
  const source_file f("a.toml", "x = 1\n");
  const diagnostics ds{make("a", severity::error, "shown", span_of(f, 1, 1, 2))};
  std::string out;
  render_text(out, ds, summarize(ds, 1), {.summary_only = true});
  EXPECT_EQ(out, "1 error, 0 warnings, 0 infos in 1 file\n");
}

TEST(Summary, CountsAndPlurals) {
  const report_summary s{.files = 3, .errors = 2, .warnings = 1, .infos = 0, .suppressed = 0};
  EXPECT_EQ(summary_line(s, language::en), "2 errors, 1 warning, 0 infos in 3 files");
  EXPECT_EQ(summary_line(s, language::nl), "2 fouten, 1 waarschuwing, 0 meldingen in 3 bestanden");
  const report_summary one{.files = 1, .errors = 1, .warnings = 2, .infos = 1, .suppressed = 3};
  EXPECT_EQ(summary_line(one, language::en), "1 error, 2 warnings, 1 info in 1 file (3 suppressed)");
  EXPECT_EQ(summary_line(one, language::nl), "1 fout, 2 waarschuwingen, 1 melding in 1 bestand (3 uitgezonderd)");
}

TEST(Summary, CountsTheFindingsAFixCanRemoveAndMarksThem) {
  const source_file f("a.toml", "task = \"tsak\"\nx = 1\n");
  diagnostic fixable = make("unknown-reference", severity::error, "unknown task `tsak`", span_of(f, 1, 8, 14));
  fixable.fix = suggested_fix{{"replace `tsak` with `task`", "vervang `tsak` door `task`"},
                              {{span_of(f, 1, 8, 14), "\"task\""}}};
  diagnostic waived = fixable;
  waived.suppressed = true;  // a waived finding is not fixed
  const diagnostics ds{fixable, make("other", severity::warning, "no fix", span_of(f, 2, 1, 2)), waived};
  const report_summary summary = summarize(ds, 1);
  EXPECT_EQ(summary.fixable, 1u);
  EXPECT_EQ(fixable_line(summary, language::en),
            "[*] 1 finding can be fixed with `--fix` (`--diff` shows the changes first)");
  EXPECT_EQ(fixable_line(summary, language::nl),
            "[*] 1 bevinding is te herstellen met `--fix` (`--diff` toont eerst de wijzigingen)");
  EXPECT_EQ(fixable_line({.fixable = 2}, language::nl),
            "[*] 2 bevindingen zijn te herstellen met `--fix` (`--diff` toont eerst de wijzigingen)");
  EXPECT_EQ(fixable_line({}, language::en), "");
  std::string out;
  render_short(out, ds, summary, {});
  EXPECT_NE(out.find("a.toml:1:8: error: unknown task `tsak` [unknown-reference] [*]\n"), std::string::npos) << out;
  EXPECT_NE(out.find("a.toml:2:1: warning: no fix [other]\n"), std::string::npos) << out;
  EXPECT_TRUE(out.ends_with("in 1 file (1 suppressed)\n[*] 1 finding can be fixed with `--fix` (`--diff` shows the "
                            "changes first)\n"))
      << out;
}

TEST(ShortRenderer, OneLinePlusIndentedRelatedNotesAndHelp) {
  const source_file plan("plan.toml", "[plan]\nyear = 2031\n");
  const source_file agreement("aa.akkoord", "period basis \"B\" 2022-01-01 .. 2026-12-31\n");
  diagnostic d = make("year-outside-agreement", severity::error, "no period covers `2031`", span_of(plan, 2, 8, 12));
  d.related.push_back({span_of(agreement, 1, 1, 7), {"the last period ends here", "hier"}});
  d.notes.push_back({"line one\nline two", "x"});
  d.help = text{"add a period", "voeg toe"};
  EXPECT_EQ(short_of(d),
            "plan.toml:2:8: error: no period covers `2031` [year-outside-agreement]\n"
            "  related: aa.akkoord:1:1: the last period ends here\n"
            "  note: line one line two\n"  // a line break in a note cannot start a line of its own
            "  help: add a period\n");
  d.suppressed = true;
  EXPECT_NE(short_of(d).find("[year-outside-agreement] (suppressed)\n"), std::string::npos);

  diagnostics ds{d};
  std::string hidden, shown;
  render_short(hidden, ds, summarize(ds, 1), {});
  render_short(shown, ds, summarize(ds, 1), {.show_suppressed = true});
  EXPECT_EQ(hidden, "0 errors, 0 warnings, 0 infos in 1 file (1 suppressed)\n");
  EXPECT_EQ(shown.find("plan.toml:2:8: error:"), 0u);
}

TEST(ShortRenderer, RelatedWithoutMessageOrFile) {
  const source_file plan("plan.toml", "x = 1\n");
  diagnostic d = make("duplicate-id", severity::error, "twice", span_of(plan, 1, 1, 2));
  d.related.push_back({span_of(plan, 1, 5, 6), {}});
  d.related.push_back({{}, {"somewhere else", "elders"}});
  EXPECT_EQ(short_of(d),
            "plan.toml:1:1: error: twice [duplicate-id]\n"
            "  related: plan.toml:1:5\n"
            "  related: somewhere else\n");
  EXPECT_EQ(short_of(d, {.lang = language::nl}),
            "plan.toml:1:1: fout: nl: duplicate-id [duplicate-id]\n"
            "  zie ook: plan.toml:1:5\n"
            "  zie ook: elders\n");
}

TEST(Formats, ParseKnownNamesOnly) {
  EXPECT_EQ(parse_report_format("text"), report_format::text);
  EXPECT_EQ(parse_report_format("short"), report_format::short_);
  EXPECT_EQ(parse_report_format("json"), report_format::json);
  EXPECT_EQ(parse_report_format("sarif"), report_format::sarif);
  EXPECT_FALSE(parse_report_format("JSON"));
  EXPECT_FALSE(parse_report_format("yaml"));
}

TEST(JsonRenderer, StableObjectWithKeysInOrder) {
  const source_file plan("plans/2025.toml", "total = 1\n");
  const source_file agreement("rules/aa.akkoord", "x\ny\n");
  diagnostic d = make("contribution-mismatch", severity::error, "sums differ", span_of(plan, 1, 9, 10));
  d.related.push_back({span_of(agreement, 2, 1, 2), {"agreed here", "hier"}});
  d.help = text{"fix it", "los op"};
  diagnostic hidden = make("fte-hours-mismatch", severity::warning, "waived", span_of(plan, 1, 1, 6));
  hidden.suppressed = true;
  const diagnostics ds{d, hidden};
  std::string out;
  render_json(out, ds, summarize(ds, 2), language::en);

  const nlohmann::ordered_json doc = strict_json::parse(out);
  EXPECT_EQ(strict_json::keys(doc), (std::vector<std::string>{"version", "findings", "summary"}));
  EXPECT_EQ(doc.at("version").get<double>(), 1);
  ASSERT_EQ(doc.at("findings").size(), 2u);
  const nlohmann::ordered_json& first = doc.at("findings").at(0);
  EXPECT_EQ(strict_json::keys(first), (std::vector<std::string>{"id", "severity", "message", "file", "line", "column",
                                                    "end_line", "end_column", "related", "notes", "help",
                                                    "suppressed"}));
  EXPECT_EQ(first.at("id").get<std::string>(), "contribution-mismatch");
  EXPECT_EQ(first.at("severity").get<std::string>(), "error");
  EXPECT_EQ(first.at("file").get<std::string>(), "plans/2025.toml");
  EXPECT_EQ(first.at("line").get<double>(), 1);
  EXPECT_EQ(first.at("column").get<double>(), 9);
  EXPECT_EQ(first.at("end_line").get<double>(), 1);
  EXPECT_EQ(first.at("end_column").get<double>(), 10);
  EXPECT_EQ(first.at("help").get<std::string>(), "fix it");
  EXPECT_FALSE(first.at("suppressed").get<bool>());
  const nlohmann::ordered_json& related = first.at("related").at(0);
  EXPECT_EQ(strict_json::keys(related), (std::vector<std::string>{"file", "line", "column", "message"}));
  EXPECT_EQ(related.at("file").get<std::string>(), "rules/aa.akkoord");
  EXPECT_EQ(related.at("line").get<double>(), 2);
  EXPECT_TRUE(doc.at("findings").at(1).at("suppressed").get<bool>());
  EXPECT_TRUE(doc.at("findings").at(1).at("help").is_null());

  const nlohmann::ordered_json& summary = doc.at("summary");
  EXPECT_EQ(strict_json::keys(summary), (std::vector<std::string>{"files", "errors", "warnings", "infos", "suppressed"}));
  EXPECT_EQ(summary.at("files").get<double>(), 2);
  EXPECT_EQ(summary.at("errors").get<double>(), 1);
  EXPECT_EQ(summary.at("warnings").get<double>(), 0);  // the suppressed warning is not counted as a warning
  EXPECT_EQ(summary.at("suppressed").get<double>(), 1);
}

TEST(JsonRenderer, EmptyReportIsValid) {
  std::string out;
  render_json(out, {}, summarize({}, 0), language::en);
  EXPECT_EQ(out, "{\"version\": 1, \"findings\": [], \"summary\": {\"files\": 0, \"errors\": 0, \"warnings\": 0, "
                 "\"infos\": 0, \"suppressed\": 0}}\n");
  EXPECT_NO_THROW(strict_json::parse(out));
}

TEST(JsonRenderer, WholeFileFindingHasNullPositions) {
  const source_file f("missing.toml", "");
  const diagnostics ds{{"toml-syntax", severity::error, {"m", "m"}, {&f, {}, {}}, {}, {}, {}, false}};
  std::string out;
  render_json(out, ds, summarize(ds, 1), language::en);
  const auto finding = strict_json::parse(out).at("findings").at(0);
  EXPECT_EQ(finding.at("file").get<std::string>(), "missing.toml");
  EXPECT_TRUE(finding.at("line").is_null());
  EXPECT_TRUE(finding.at("end_column").is_null());
}

TEST(JsonRenderer, EscapesStrings) {
  std::string out;
  append_json(out, nlohmann::ordered_json("q\"b\\n\nt\tc\x01\x1f\x1b[31m\x7f €"));
  // Quote, backslash and every control character below U+0020 (ESC too) are escaped; DEL needs no escape in
  // JSON (RFC 8259) and, like all valid UTF-8, passes through.
  EXPECT_EQ(out, R"("q\"b\\n\nt\tc\u0001\u001f\u001b[31m)" "\x7f" R"( €")");
  EXPECT_EQ(strict_json::parse(out).get<std::string>(), "q\"b\\n\nt\tc\x01\x1f\x1b[31m\x7f €");
}

TEST(JsonRenderer, InvalidUtf8BecomesReplacementCharacters) {
  std::string out;
  append_json(out, nlohmann::ordered_json("bad \xff\xfe end \xE2\x82"));  // invalid UTF-8 never reaches the output
  EXPECT_EQ(out, "\"bad \xEF\xBF\xBD\xEF\xBF\xBD end \xEF\xBF\xBD\"");
  EXPECT_NO_THROW(strict_json::parse(out));

  const source_file f("pl\xff" "an.toml", "x\n");  // a file name is user text too
  const diagnostics ds{make("x", severity::error, "m \xC3", span_of(f, 1, 1, 2))};
  out.clear();
  render_json(out, ds, summarize(ds, 1), language::en);
  const auto finding = strict_json::parse(out).at("findings").at(0);
  EXPECT_EQ(finding.at("file").get<std::string>(), "pl\xEF\xBF\xBD" "an.toml");
  EXPECT_EQ(finding.at("message").get<std::string>(), "m \xEF\xBF\xBD");
}

// The tests' reader is strict: what it accepts is valid JSON with every key once.
TEST(StrictJson, RejectsWhatNoReportMayContain) {
  EXPECT_THROW(strict_json::parse(R"({"a": {"b": 1, "b": 2}})"), std::runtime_error) << "a key twice";
  EXPECT_NO_THROW(strict_json::parse(R"({"a": {"b": 1}, "c": {"b": 2}})")) << "the same key in two objects";
  EXPECT_THROW(strict_json::parse("\"bad \xff\""), nlohmann::ordered_json::parse_error) << "invalid UTF-8";
  EXPECT_THROW(strict_json::parse("\"raw\ttab\""), nlohmann::ordered_json::parse_error) << "a raw control character";
  EXPECT_THROW(strict_json::parse("{} {}"), nlohmann::ordered_json::parse_error) << "text after the value";
}

// The documented layouts (README: the JSON report and the baseline file) come from append_json's two knobs.
TEST(JsonLayout, OneLineUnlessExpanded) {
  const auto document = nlohmann::ordered_json::parse(R"({"b": 1, "a": [1, {"x": null, "y": [true, "s"]}], "e": [], "o": {}})");
  std::string out;
  append_json(out, document);
  EXPECT_EQ(out, R"({"b": 1, "a": [1, {"x": null, "y": [true, "s"]}], "e": [], "o": {}})") << "keys keep their order";
  out.clear();
  append_json(out, document, 0, {"a", "e", "y"});
  EXPECT_EQ(out, "{\"b\": 1, \"a\": [\n  1,\n  {\"x\": null, \"y\": [\n    true,\n    \"s\"\n  ]}\n], \"e\": [], \"o\": {}}")
      << "an expanded array indents from the line it opens on; an empty one stays []";
  out.clear();
  append_json(out, document, 2);
  EXPECT_EQ(out, "{\n  \"b\": 1,\n  \"a\": [\n    1,\n    {\"x\": null, \"y\": [true, \"s\"]}\n  ],\n  \"e\": [],\n  \"o\": {}\n}");
  EXPECT_EQ(strict_json::parse(out), document);
}

TEST(JsonLayout, ListWrittenItemByItemOnePerLine) {
  const auto document = nlohmann::ordered_json::parse(R"({"v": 1, "items": [], "end": {"n": 2}})");
  std::string out;
  append_json(out, document, {"items", 3, [](std::size_t k) { return nlohmann::ordered_json{{"k", k}, {"s", "x"}}; }});
  EXPECT_EQ(out, "{\"v\": 1, \"items\": [\n  {\"k\": 0, \"s\": \"x\"},\n  {\"k\": 1, \"s\": \"x\"},\n"
                 "  {\"k\": 2, \"s\": \"x\"}\n], \"end\": {\"n\": 2}}");
  out.clear();
  append_json(out, document, {"items", 0, [](std::size_t) { return nlohmann::ordered_json(); }}, 1);
  EXPECT_EQ(out, "{\n  \"v\": 1,\n  \"items\": [],\n  \"end\": {\"n\": 2}\n}");
}

TEST(JsonRenderer, MessagesInTheChosenLanguageSeverityAlwaysEnglish) {
  const source_file f("a.toml", "x\n");
  const diagnostics ds{make("x", severity::warning, "english", span_of(f, 1, 1, 2))};
  std::string out;
  render_json(out, ds, summarize(ds, 1), language::nl);
  const auto finding = strict_json::parse(out).at("findings").at(0);
  EXPECT_EQ(finding.at("message").get<std::string>(), "nl: x");
  EXPECT_EQ(finding.at("severity").get<std::string>(), "warning");
}

}  // namespace
}  // namespace akkoord

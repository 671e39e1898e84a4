// Baselines (validator/include/akkoord/validator/baseline.hpp): a finding is recognised by id, file, the key of
// its place (activity and field, or declaration) and the figures of its message; matching is a multiset, and the
// file reads back what it wrote. Each case records a plan, edits it, and asks which findings are new.
#include <gtest/gtest.h>

#include <filesystem>

#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/baseline.hpp"
#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/figures.hpp"

namespace akkoord {
namespace {

namespace fs = std::filesystem;

const char* const agreement_text = R"(agreement AA "Samenwerking Aalsmeer en Amstelveen" {
  since 2013-01-01
  documents centrumregeling
  hours_per_fte 1_536 tolerance 5%
}

party aalsmeer "Gemeente Aalsmeer" {
  roles opdrachtgever
  inhabitants 31_991
}

party amstelveen "Gemeente Amstelveen" {
  roles centrumgemeente
  inhabitants 94_435
}

executor AA "AA-organisatie" {
  employer amstelveen
  serves amstelveen, aalsmeer
}

period basis "Basisdienstverlening" 2022-01-01 .. 2026-12-31

task burgerzaken "Burgerzaken" {
  taakveld 0.2
  responsible aalsmeer
  executed_by AA from 2013-01-01
}

contribution dienstverleningsbijdrage "Dienstverleningsbijdrage Aalsmeer aan AA" {
  payer aalsmeer
  payee AA
  2025: EUR 19_700_000
}
)";

const char* const plan_head = R"([plan]
agreement = "AA"
municipality = "aalsmeer"
year = 2025

[contribution]
id = "dienstverleningsbijdrage"
total = 19_700_000
)";

// An activity of `burgerzaken` by AA; `id` empty: an activity without one.
std::string activity(const std::string& id, const std::string& taakveld, const std::string& budget) {
  return "\n[[activity]]\n" + (id.empty() ? std::string() : "id = \"" + id + "\"\n") +
         "task = \"burgerzaken\"\nexecutor = \"AA\"\ntaakveld = \"" + taakveld + "\"\nbudget = " + budget + "\n";
}

// The run of one plan against `agreement_text`, as the engine builds it (typed plan kept).
run_result run_of(const std::string& plan_path, const std::string& plan_text) {
  run_result run;
  diagnostics loading;
  std::shared_ptr<const agreement_model> model =
      load_agreement_text("agreement.akkoord", agreement_text, *run.sources, loading);
  for (const diagnostic& d : loading) ADD_FAILURE() << "the agreement: " << d.message.en;
  const source_file& file = run.sources->add(plan_path, plan_text);
  diagnostics shape;
  auto typed = std::make_shared<plan>(read_plan(file, shape));
  plan_figures figures;
  run.findings = check_read_plan(*model, *typed, shape, {}, figures);
  checked_file checked{plan_path, file_role::plan, {}};
  checked.typed = std::move(typed);
  checked.finding_count = run.findings.size();
  run.files.push_back(std::move(checked));
  run.agreements.push_back(std::move(model));
  return run;
}

// "ID at KEY" for each finding of `run` that `accepted` does not accept, in order.
std::vector<std::string> new_findings(run_result run, const baseline& accepted, const fs::path& dir = "work") {
  apply_baseline(run, accepted, dir);
  const std::vector<baseline_entry> entries = identify_findings(run, dir);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < run.findings.size(); ++i)
    if (!run.findings[i].suppressed) out.push_back(entries[i].id + " at " + entries[i].key);
  return out;
}

using strings = std::vector<std::string>;

// The recorded plan: an unknown taakveld in A-001, and budgets EUR 50,000 short of the total.
const std::string recorded_plan = std::string(plan_head) + activity("A-001", "9.9", "19_000_000") +
                                  activity("A-002", "0.2", "650_000");

baseline recorded(const fs::path& dir = "work") {
  return make_baseline(run_of("work/plans/p.toml", recorded_plan), dir);
}

TEST(Baseline, FindingsAreKeyedByPlaceAndFigures) {
  const run_result run = run_of("work/plans/p.toml", recorded_plan);
  const std::vector<baseline_entry> entries = identify_findings(run, "work");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].id, "contribution-mismatch");
  EXPECT_EQ(entries[0].file, "plans/p.toml") << "relative to the baseline's directory";
  EXPECT_EQ(entries[0].key, "[contribution] total");
  EXPECT_EQ(entries[0].figures, (strings{"19,650,000.00", "19,700,000.00"})) << entries[0].message;
  EXPECT_EQ(entries[1].id, "unknown-taakveld");
  EXPECT_EQ(entries[1].key, "activity `A-001` taakveld");
  EXPECT_EQ(entries[1].figures, (strings{"9.9", "2025"})) << entries[1].message;
}

TEST(Baseline, TheRecordedPlanIsAccepted) {
  EXPECT_EQ(new_findings(run_of("work/plans/p.toml", recorded_plan), recorded()), strings{});
}

TEST(Baseline, LinesInsertedAboveKeepFindingsAccepted) {
  const std::string edited = "# toegevoegd commentaar\n\n" + std::string(plan_head) + "\n# nog een\n" +
                             activity("A-001", "9.9", "19_000_000") + activity("A-002", "0.2", "650_000");
  EXPECT_EQ(new_findings(run_of("work/plans/p.toml", edited), recorded()), strings{});
}

// The outside testers' case: the difference grows from EUR 50,000 to EUR 1,050,000 on the same `total` line.
TEST(Baseline, AFindingThatGotWorseIsNew) {
  const std::string worse =
      std::string(plan_head) + activity("A-001", "9.9", "18_000_000") + activity("A-002", "0.2", "650_000");
  EXPECT_EQ(new_findings(run_of("work/plans/p.toml", worse), recorded()),
            strings{"contribution-mismatch at [contribution] total"});
}

TEST(Baseline, AFindingMovedToAnotherActivityIsNew) {
  const std::string moved =
      std::string(plan_head) + activity("A-001", "0.2", "19_000_000") + activity("A-002", "9.9", "650_000");
  EXPECT_EQ(new_findings(run_of("work/plans/p.toml", moved), recorded()),
            strings{"unknown-taakveld at activity `A-002` taakveld"});
}

TEST(Baseline, ACopyOfAnAcceptedMistakeIsNew) {
  const std::string copied = std::string(plan_head) + activity("A-001", "9.9", "19_000_000") +
                             activity("A-002", "0.2", "600_000") + activity("A-001", "9.9", "50_000");
  EXPECT_EQ(new_findings(run_of("work/plans/p.toml", copied), recorded()),
            (strings{"duplicate-id at activity `A-001` id", "unknown-taakveld at activity `A-001` taakveld"}));
}

TEST(Baseline, ActivitiesWithoutIdAreKeyedByTheirOrdinal) {
  const std::string without_ids =
      std::string(plan_head) + activity("", "0.2", "19_050_000") + activity("", "9.9", "650_000");
  const baseline accepted = make_baseline(run_of("p.toml", without_ids), "");
  std::vector<std::string> keys;
  for (const baseline_entry& entry : accepted.entries) keys.push_back(entry.id + " at " + entry.key);
  EXPECT_EQ(keys, (strings{"missing-field at activity 1: missing field `id` in `[[activity]]`",
                           "missing-field at activity 2: missing field `id` in `[[activity]]`",
                           "unknown-taakveld at activity 2 taakveld"}));
  EXPECT_EQ(new_findings(run_of("p.toml", without_ids), accepted, ""), strings{});
  const std::string one_inserted = std::string(plan_head) + activity("", "0.2", "0") + activity("", "0.2", "19_050_000") +
                                   activity("", "9.9", "650_000");
  EXPECT_EQ(new_findings(run_of("p.toml", one_inserted), accepted, ""),
            (strings{"missing-field at activity 3: missing field `id` in `[[activity]]`",
                     "unknown-taakveld at activity 3 taakveld"}));
}

TEST(Baseline, ARunFromAnotherDirectoryMatches) {
  const fs::path elsewhere = fs::current_path() / "work";  // the same files, named from another directory
  EXPECT_EQ(new_findings(run_of((elsewhere / "plans" / "p.toml").string(), recorded_plan), recorded(), elsewhere),
            strings{});
  EXPECT_EQ(new_findings(run_of("work/plans/../plans/p.toml", recorded_plan), recorded(), "work/"), strings{});
  EXPECT_EQ(new_findings(run_of("work/other/p.toml", recorded_plan), recorded()).size(), 2u) << "another file";
}

// Without a line there is no place: a finding about a whole file is keyed by its message.
TEST(Baseline, WholeFileFindingsAreKeyedByTheirMessage) {
  run_result run;
  const source_file& file = run.sources->add("gone.toml", "");
  diagnostic unreadable;
  unreadable.id = "toml-syntax";
  unreadable.message = {"cannot read `gone.toml`: no such file", "kan `gone.toml` niet lezen: bestand bestaat niet"};
  unreadable.primary = {&file, {}, {}};
  run.findings.push_back(unreadable);
  const baseline accepted = make_baseline(run, "");
  ASSERT_EQ(accepted.entries.size(), 1u);
  EXPECT_EQ(accepted.entries[0].key, "cannot read `gone.toml`: no such file");
  EXPECT_EQ(new_findings(run, accepted, ""), strings{});
  run.findings[0].message.en = "cannot read `gone.toml`: permission denied";
  EXPECT_EQ(new_findings(run, accepted, "").size(), 1u);
}

// A file that cannot be read names itself as given; the key names it as the baseline does, so that a run from
// another directory still matches.
TEST(Baseline, WholeFileKeysNameTheFileRelativeToTheBaseline) {
  const auto unreadable_run = [](const std::string& path) {
    run_result run;
    diagnostic d;
    d.id = "toml-syntax";
    d.message = {"cannot read `" + path + "`: permission denied", "kan `" + path + "` niet lezen: geen toegang"};
    d.primary = {&run.sources->add(path, ""), {}, {}};
    run.findings.push_back(d);
    return run;
  };
  const baseline accepted = make_baseline(unreadable_run("work/plans/p.toml"), "work");
  ASSERT_EQ(accepted.entries.size(), 1u);
  EXPECT_EQ(accepted.entries[0].key, "cannot read `plans/p.toml`: permission denied");
  const fs::path elsewhere = fs::current_path() / "work";
  EXPECT_EQ(new_findings(unreadable_run((elsewhere / "plans" / "p.toml").string()), accepted, elsewhere), strings{});
}

// A finding that points at no field (a missing field at the header) is keyed by its table and its message.
TEST(Baseline, FindingsOnAHeaderAreKeyedByTableAndMessage) {
  const std::string missing_budget = std::string(plan_head) + "\n[[activity]]\nid = \"A-001\"\ntask = \"burgerzaken\"\n"
                                                              "executor = \"AA\"\ntaakveld = \"0.2\"\n";
  const std::vector<baseline_entry> entries = identify_findings(run_of("p.toml", missing_budget), "");
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().key, "activity `A-001`: missing field `budget` in `[[activity]]`");
}

// Agreement findings are keyed by the declaration that contains them, so `lint` baselines survive edits above.
TEST(Baseline, AgreementFindingsAreKeyedByDeclaration) {
  run_result run;
  diagnostics loading;
  std::shared_ptr<const agreement_model> model =
      load_agreement_text("a.akkoord", std::string("# kop\n") + agreement_text, *run.sources, loading);
  ASSERT_TRUE(model);
  const source_file& file = *model->files.front().source;
  diagnostic in_task;
  in_task.id = "undefined-reference";
  in_task.message = {"no party `aalsmer` is declared", "er is geen partij `aalsmer` gedefinieerd"};
  in_task.primary = {&file, {25, 15}, {25, 22}};  // inside `task burgerzaken`
  diagnostic outside;
  outside.id = "dsl-syntax";
  outside.message = {"expected a declaration", "verwacht een declaratie"};
  outside.primary = {&file, {1, 1}, {1, 2}};  // the comment above every declaration
  run.findings = {in_task, outside};
  run.agreements.push_back(model);
  const std::vector<baseline_entry> entries = identify_findings(run, "");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].key, "task `burgerzaken`");
  EXPECT_EQ(entries[1].key, "expected a declaration");
}

TEST(Baseline, FiguresAreTheNumbersOfTheMessage) {
  run_result run;
  const source_file& file = run.sources->add("p.toml", "");
  diagnostic d;
  d.id = "x";
  d.message.en = "activity `A-001` (B2) spends EUR -1,050,000.00 from 2025-01-01 to 2025-12-31, 12.5% of 3 taakvelden.";
  d.primary = {&file, {}, {}};
  run.findings.push_back(d);
  EXPECT_EQ(identify_findings(run, "")[0].figures,
            (strings{"-1,050,000.00", "2025-01-01", "2025-12-31", "12.5%", "3"}));
}

TEST(Baseline, InlineSuppressedFindingsAreNotRecorded) {
  run_result run = run_of("p.toml", recorded_plan);
  for (diagnostic& d : run.findings) d.suppressed = true;
  EXPECT_TRUE(make_baseline(run, "").entries.empty());
}

TEST(Baseline, FixedFindingsAreCountedAsUnused) {
  run_result fixed = run_of("work/plans/p.toml", std::string(plan_head) + activity("A-001", "0.2", "19_700_000"));
  EXPECT_EQ(apply_baseline(fixed, recorded(), "work"), 2u);
}

TEST(Baseline, FileRoundTripsSorted) {
  baseline b;
  b.entries.push_back({"z-check", "b.toml", "activity `A-002` budget", {"1.00"}, "second \"quoted\" ë"});
  b.entries.push_back({"a-check", "a.toml", "[plan] year", {}, "first"});
  const std::string json = render_baseline(b);
  EXPECT_LT(json.find("a.toml"), json.find("b.toml")) << json;
  baseline read;
  text error;
  ASSERT_TRUE(parse_baseline(json, read, error)) << error.en;
  ASSERT_EQ(read.entries.size(), 2u);
  EXPECT_EQ(read.entries[0].id, "a-check");
  EXPECT_EQ(read.entries[1].figures, strings{"1.00"});
  EXPECT_EQ(read.entries[1].message, "second \"quoted\" ë");
  EXPECT_EQ(render_baseline(read), json);  // stable
  EXPECT_TRUE(parse_baseline(render_baseline({}), read, error));
  EXPECT_TRUE(read.entries.empty());
}

TEST(Baseline, InvalidFilesAreRejected) {
  for (const std::string_view bad :
       {"", "[]", "{}", "{\"version\": 2}", "{\"findings\": []}", "{\"version\": 3, \"findings\": []}",
        "{\"version\": 2, \"findings\": [{\"id\": \"x\"}]}", "{\"version\": 2, \"findings\": []} trailing",
        "{\"version\": 2, \"findings\": [{\"id\": \"x\", \"file\": \"f\", \"key\": 3, \"figures\": []}]}",
        "{\"version\": 2, \"findings\": [{\"id\": \"x\", \"file\": \"f\", \"key\": \"k\", \"figures\": [1]}]}",
        "{\"version\": 2, \"findings\": [", "{\"version\": 2, \"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
        "]]]]], \"findings\": []}"}) {
    baseline read;
    text error;
    EXPECT_FALSE(parse_baseline(bad, read, error)) << bad;
    EXPECT_FALSE(error.en.empty());
    EXPECT_FALSE(error.nl.empty());
  }
  baseline read;
  text error;
  EXPECT_TRUE(parse_baseline("{\"findings\": [{\"figures\": [], \"key\": \"k\", \"file\": \"a\", \"id\": \"x\", "
                             "\"extra\": {\"k\": [1, true, null]}}], \"version\": 2}",
                             read, error))
      << error.en;
  EXPECT_EQ(read.entries.size(), 1u);
}

// A file that is not a baseline says where (invalid JSON: line and column in characters) or what is wrong,
// in English and Dutch.
TEST(Baseline, InvalidFilesSayWhereAndWhat) {
  struct bad_file {
    std::string_view json, en, nl;
  };
  for (const bad_file& bad : std::initializer_list<bad_file>{
           {"{\n  \"version\": 2,\n  \"findings\": [\n    {\"id\": \"x\",}\n  ]\n}",
            "not a baseline file: invalid JSON at line 4, column 16",
            "dit is geen baselinebestand: ongeldige JSON op regel 4, kolom 16"},
           // `x` is character 13, byte 14
           {"{\"v\xC3\xA9rsion\": x}", "invalid JSON at line 1, column 13", "ongeldige JSON op regel 1, kolom 13"},
           {"\xEF\xBB\xBF{x", "invalid JSON at line 1, column 2", "ongeldige JSON op regel 1, kolom 2"},
           {"", "invalid JSON at line 1, column 1", "ongeldige JSON op regel 1, kolom 1"},
           {"{\"version\": 2, \"findings\": [{\"id\": \"a\", \"file\": \"f\", \"key\": \"k\", \"figures\": []}, "
            "{\"id\": \"b\", \"file\": \"f\", \"figures\": []}]}",
            "finding 2: `key` is missing or not a text", "bevinding 2: `key` ontbreekt of is geen tekst"},
           {"{\"version\": 2, \"findings\": [{\"id\": \"a\", \"file\": \"f\", \"key\": \"k\"}]}",
            "finding 1: `figures` is missing or not a list of texts",
            "bevinding 1: `figures` ontbreekt of is geen lijst van teksten"},
           {"{\"version\": 2, \"findings\": [{\"id\": \"a\", \"file\": \"f\", \"key\": \"k\", \"figures\": [], "
            "\"message\": 2}]}",
            "finding 1: `message` is missing or not a text", "bevinding 1: `message` ontbreekt of is geen tekst"},
           {"{\"version\": 2, \"findings\": [[]]}", "finding 1 is not an object", "bevinding 1 is geen object"},
           {"{\"version\": \"2\", \"findings\": []}", "`version` is not a number", "`version` is geen getal"},
           {"{\"version\": 2, \"findings\": {}}", "not an object with `version` and a list `findings`",
            "geen object met `version` en een lijst `findings`"},
           {"{\"version\": 1e999, \"findings\": []}", "a number too large", "een getal dat te groot is"},
           {"{\"version\": 1.5, \"findings\": []}", "unsupported baseline version 1.5; this akkoord reads version 2",
            "baselineversie 1.5 wordt niet ondersteund; deze versie van akkoord leest versie 2"},
           // the format before findings were keyed by meaning
           {"{\"version\": 1, \"findings\": [{\"id\": \"a\", \"file\": \"f\", \"fingerprint\": \"0123456789abcdef\"}]}",
            "recorded by an older version of akkoord (file version 1, which matched findings by their source line); "
            "record it again with `--update-baseline`",
            "vastgelegd met een oudere versie van akkoord (bestandsversie 1, die bevindingen op hun regelnummer "
            "vergeleek); leg de baseline opnieuw vast met `--update-baseline`"},
       }) {
    baseline read;
    read.entries.push_back({"stale", "entry", "k", {}, ""});
    text error;
    EXPECT_FALSE(parse_baseline(bad.json, read, error)) << bad.json;
    EXPECT_NE(error.en.find(bad.en), std::string::npos) << error.en;
    EXPECT_NE(error.nl.find(bad.nl), std::string::npos) << error.nl;
    EXPECT_TRUE(read.entries.empty()) << "nothing half read";
  }
}

TEST(Baseline, FileWithByteOrderMarkOrWithoutMessagesIsRead) {
  baseline read;
  text error;
  EXPECT_TRUE(parse_baseline("\xEF\xBB\xBF{\"version\": 2, \"findings\": [{\"id\": \"a\", \"file\": \"f\", "
                             "\"key\": \"k\", \"figures\": []}]}",
                             read, error))
      << error.en;
  ASSERT_EQ(read.entries.size(), 1u);
  EXPECT_EQ(read.entries[0].message, "") << "`message` is only for people reading the file";
}

// The layout the README documents: one finding per line, so that a change to the file diffs line by line.
TEST(Baseline, FileLayoutIsOneFindingPerLine) {
  baseline b;
  b.entries.push_back({"unknown-taakveld", "plans/a b.toml", "activity `A-001` taakveld", {"9.9"},
                       "taakveld `9.9` \"x\" \xff"});
  EXPECT_EQ(render_baseline(b),
            "{\n"
            "  \"version\": 2,\n"
            "  \"findings\": [\n"
            R"(    {"id": "unknown-taakveld", "file": "plans/a b.toml", "key": "activity `A-001` taakveld", )"
            R"("figures": ["9.9"], "message": "taakveld `9.9` \"x\" )" "\xEF\xBF\xBD" "\"}\n"
            "  ]\n"
            "}\n");
  EXPECT_EQ(render_baseline({}), "{\n  \"version\": 2,\n  \"findings\": []\n}\n");
}

}  // namespace
}  // namespace akkoord

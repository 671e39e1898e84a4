// The language server in process, through its JSON-RPC dispatcher, on a copy of the fixture repository
// (fixtures/repo: `.akkoord.toml`, a plan with a misspelt task, a badly laid out agreement) with the reference
// agreement. The clock is the test's: diagnostics are published when the test moves time past the debounce.
#include "server.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "messages.hpp"
#include "positions.hpp"

namespace akkoord::lsp {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh copy of the fixture repository with rules/aa.akkoord, removed afterwards.
struct repository {
  fs::path root;
  repository() {
    root = fs::temp_directory_path() / ("akkoord-lsp-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    fs::create_directories(root / "rules");
    fs::copy(fs::path(AKKOORD_SOURCE_DIR) / "tests/lsp/fixtures/repo", root, fs::copy_options::recursive);
    fs::copy_file(fs::path(AKKOORD_SOURCE_DIR) / "rules/aa.akkoord", root / "rules/aa.akkoord");
    // The documentation pages the diagnostics link to are written here, not in the user's cache.
    ::setenv("XDG_CACHE_HOME", (root / "cache").c_str(), 1);
  }
  ~repository() { fs::remove_all(root); }
  std::string uri(const std::string& relative) const { return uri_from_path((root / relative).string()); }
  std::string text(const std::string& relative) const { return read_text(root / relative); }
};

struct client {
  repository repo;
  std::ostringstream out;
  message_writer writer{out};
  debouncer::clock::time_point now{};
  server srv{writer, [this] { return now; }};
  dispatcher dispatch{
      srv.methods(), writer, [this](const json& params) { srv.initialize(params); }, {{"name", "akkoord"}}};
  int next_id = 1;

  explicit client(json initialize_params = json::object()) {
    request("initialize", std::move(initialize_params));
    notify("initialized", json::object());
  }
  std::vector<json> written() { return take_messages(out); }
  json request(const std::string& method, json params) {
    const int id = next_id++;
    dispatch.handle(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}}.dump());
    for (const json& message : written())
      if (message.value("id", json()) == id) return message;
    ADD_FAILURE() << "no answer to " << method;
    return {};
  }
  void notify(const std::string& method, json params) {
    dispatch.handle(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump());
  }
  void open(const std::string& relative, std::string text = {}, int version = 1) {
    if (text.empty()) text = repo.text(relative);
    notify("textDocument/didOpen", {{"textDocument",
                                     {{"uri", repo.uri(relative)},
                                      {"languageId", relative.ends_with(".toml") ? "toml" : "akkoord"},
                                      {"version", version},
                                      {"text", text}}}});
  }
  void replace(const std::string& relative, const std::string& text, int version) {
    notify("textDocument/didChange", {{"textDocument", {{"uri", repo.uri(relative)}, {"version", version}}},
                                      {"contentChanges", json::array({{{"text", text}}})}});
  }
  // The publishDiagnostics written once the clock is moved on by `elapsed`.
  std::vector<json> publications(std::chrono::milliseconds elapsed = default_debounce) {
    now += elapsed;
    srv.flush();
    std::vector<json> published;
    for (const json& message : written())
      if (message.value("method", "") == "textDocument/publishDiagnostics") published.push_back(message["params"]);
    return published;
  }
  json diagnostics_of(const std::vector<json>& published, const std::string& relative) {
    for (const json& params : published)
      if (params["uri"] == repo.uri(relative)) return params["diagnostics"];
    ADD_FAILURE() << "nothing published for " << relative;
    return json::array();
  }
};

const std::string plan = "plans/aalsmeer-2025.toml";
const std::string trimmed = "agreements/trimmed.akkoord";

TEST(Server, APlanWithATypoGetsItsFindingAfterTheDebounce) {
  client c;
  c.open(plan);
  EXPECT_TRUE(c.publications(149ms).empty());  // still typing, as far as the server knows
  const auto published = c.publications(1ms);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["version"], 1);
  const json diagnostics = published[0]["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 1u) << diagnostics.dump(2);
  const json& d = diagnostics[0];
  EXPECT_EQ(d["code"], "unknown-reference");
  EXPECT_EQ(d["source"], "akkoord");
  EXPECT_EQ(d["severity"], 1);
  // 140:8 in the tool's terms: `"deelneming"` (12 characters) on 0-based line 139.
  EXPECT_EQ(d["range"], json::parse(R"({"start":{"line":139,"character":7},"end":{"line":139,"character":19}})"));
  EXPECT_NE(d["message"].get<std::string>().find("unknown task `deelneming`"), std::string::npos);
  EXPECT_NE(d["message"].get<std::string>().find("help: did you mean `deelnemingen`?"), std::string::npos);
  // The link opens the check's page, written from the binary's own documentation.
  const std::string href = d["codeDescription"]["href"];
  const std::string page = read_text(path_from_uri(href));
  EXPECT_NE(page.find("unknown-reference"), std::string::npos) << href;
}

// The did-you-mean fix of `unknown-reference` (one candidate) is offered as the preferred quick fix.
TEST(Server, TheFindingsFixIsAQuickFixForItsVersion) {
  client c;
  c.open(plan);
  const json diagnostics = c.diagnostics_of(c.publications(), plan);
  ASSERT_EQ(diagnostics.size(), 1u);
  const json params = {{"textDocument", {{"uri", c.repo.uri(plan)}}},
                       {"range", diagnostics[0]["range"]},
                       {"context", {{"diagnostics", diagnostics}}}};
  const json actions = c.request("textDocument/codeAction", params)["result"];
  ASSERT_EQ(actions.size(), 1u) << actions.dump(2);
  EXPECT_EQ(actions[0]["kind"], "quickfix");
  EXPECT_EQ(actions[0]["isPreferred"], true);
  EXPECT_EQ(actions[0]["diagnostics"][0]["code"], "unknown-reference");
  const json edits = actions[0]["edit"]["changes"][c.repo.uri(plan)];
  ASSERT_EQ(edits.size(), 1u) << actions.dump(2);
  // Applied, the edit leaves `task = "deelnemingen"`.
  std::string text = c.repo.text(plan);
  apply_change(text, {{"range", edits[0]["range"]}, {"text", edits[0]["newText"]}});
  EXPECT_NE(text.find("task = \"deelnemingen\"\nexecutor = \"kernorganisatie\""), std::string::npos);
  // Elsewhere in the file, or once the text changed, there is nothing to offer.
  json elsewhere = params;
  elsewhere["range"] = json::parse(R"({"start":{"line":3,"character":0},"end":{"line":3,"character":0}})");
  EXPECT_TRUE(c.request("textDocument/codeAction", elsewhere)["result"].empty());
  c.replace(plan, c.repo.text(plan) + "\n", 2);
  EXPECT_TRUE(c.request("textDocument/codeAction", params)["result"].empty());
}

TEST(Server, RangesCountUtf16UnitsBeyondTheBasicPlane) {
  client c;
  std::string text = c.repo.text(plan);
  const std::string typo = "task = \"deelneming\"";
  text.replace(text.find(typo), typo.size(), "task = \"deelneming\xF0\x9F\x98\x80\"");  // an emoji: two UTF-16 units
  c.open(plan, text);
  const json diagnostics = c.diagnostics_of(c.publications(), plan);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["range"]["end"]["character"], 7 + 14);  // 13 code points, 14 UTF-16 units
}

TEST(Server, OnlyTheNewestTextIsPublished) {
  client c;
  c.open(plan);
  std::string fixed = c.repo.text(plan);
  fixed.replace(fixed.find("\"deelneming\""), 12, "\"deelnemingen\"");
  c.replace(plan, fixed, 2);  // before the first result was due
  const auto published = c.publications();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["version"], 2);
  EXPECT_TRUE(published[0]["diagnostics"].empty()) << published[0].dump(2);
}

TEST(Server, SuppressedFindingsAreLeftOut) {
  client c;
  std::string text = c.repo.text(plan);
  text.replace(text.find("task = \"deelneming\""), 0,
               "# akkoord: allow(unknown-reference) -- the task is being renamed\n");
  c.open(plan, text);
  EXPECT_TRUE(c.diagnostics_of(c.publications(), plan).empty());
}

TEST(Server, AnEditedAgreementRechecksTheOpenPlans) {
  client c;
  c.open(plan);
  ASSERT_EQ(c.diagnostics_of(c.publications(), plan).size(), 1u);
  // The agreement is opened and its task renamed to the plan's spelling, unsaved: the open text wins.
  const std::string rules = "rules/aa.akkoord";
  std::string agreement = c.repo.text(rules);
  const auto at = agreement.find("task deelnemingen ");
  ASSERT_NE(at, std::string::npos);
  c.open(rules);
  c.publications();
  agreement.replace(at, 18, "task deelneming ");
  c.replace(rules, agreement, 2);
  const auto published = c.publications();
  EXPECT_TRUE(c.diagnostics_of(published, plan).empty()) << c.diagnostics_of(published, plan).dump(2);
}

TEST(Server, AnAgreementChangedOnDiskRechecksTheOpenPlansOnceTheClientSaysSo) {
  client c(json{{"capabilities", {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}});
  // `initialized` asked the client to watch agreements and configurations.
  const auto registration = c.written();
  ASSERT_EQ(registration.size(), 1u);
  EXPECT_EQ(registration[0]["method"], "client/registerCapability");
  EXPECT_EQ(registration[0]["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"],
            "**/*.akkoord");
  c.open(plan);
  ASSERT_EQ(c.diagnostics_of(c.publications(), plan).size(), 1u);
  std::string agreement = c.repo.text("rules/aa.akkoord");
  agreement.replace(agreement.find("task deelnemingen "), 18, "task deelneming ");
  std::ofstream(c.repo.root / "rules/aa.akkoord", std::ios::binary) << agreement;
  c.notify("workspace/didChangeWatchedFiles",
           {{"changes", json::array({{{"uri", c.repo.uri("rules/aa.akkoord")}, {"type", 2}}})}});
  EXPECT_TRUE(c.diagnostics_of(c.publications(), plan).empty());
}

TEST(Server, AClientThatCannotWatchFilesIsNotAsked) {
  client c;
  EXPECT_TRUE(c.written().empty());
}

TEST(Server, APlanWithoutConfigurationIsToldSoOnce) {
  client c;
  const fs::path alone = fs::temp_directory_path() / ("akkoord-lsp-alone-" + std::to_string(::getpid()));
  fs::create_directories(alone);
  const std::string uri = uri_from_path((alone / "plan.toml").string());
  c.notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "toml"}, {"version", 1}, {"text", "[plan]\nagreement = \"AA\"\n"}}}});
  const auto published = c.publications();
  fs::remove_all(alone);
  ASSERT_EQ(published.size(), 1u);
  ASSERT_EQ(published[0]["diagnostics"].size(), 1u);
  const json& d = published[0]["diagnostics"][0];
  EXPECT_EQ(d["severity"], 2);
  EXPECT_NE(d["message"].get<std::string>().find("no `.akkoord.toml`"), std::string::npos);
}

TEST(Server, OtherTomlFilesAreLeftAlone) {
  client c;
  c.notify(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", c.repo.uri("pyproject.toml")}, {"languageId", "toml"}, {"version", 1}, {"text", "[tool]\nx = 1\n"}}}});
  EXPECT_TRUE(c.publications().empty());
}

TEST(Server, MessagesFollowTheClientsLocale) {
  client c(json{{"locale", "nl-NL"}});
  c.open(plan);
  const json diagnostics = c.diagnostics_of(c.publications(), plan);
  ASSERT_EQ(diagnostics.size(), 1u);
  const std::string message = diagnostics[0]["message"];
  EXPECT_NE(message.find("tip: "), std::string::npos) << message;
  EXPECT_EQ(message.find("unknown task"), std::string::npos) << message;
  EXPECT_NE(read_text(path_from_uri(diagnostics[0]["codeDescription"]["href"])).find("unknown-reference"),
            std::string::npos);
}

TEST(Server, AnAgreementIsLintedWithItsClauseAsRelatedInformation) {
  client c;
  c.open(trimmed);
  const json diagnostics = c.diagnostics_of(c.publications(), trimmed);
  ASSERT_EQ(diagnostics.size(), 1u) << diagnostics.dump(2);
  const json& d = diagnostics[0];
  EXPECT_EQ(d["code"], "undefined-reference");
  EXPECT_EQ(d["range"]["start"], json::parse(R"({"line":41,"character":14})"));
  ASSERT_EQ(d["relatedInformation"].size(), 1u);
  EXPECT_EQ(d["relatedInformation"][0]["location"]["uri"], c.repo.uri(trimmed));
  EXPECT_EQ(d["relatedInformation"][0]["location"]["range"]["start"]["line"], 15);  // `party   aalsmeer`
}

TEST(Server, FormattingRewritesTheLayoutAndRefusesBrokenText) {
  client c;
  c.open(trimmed);
  const json edits =
      c.request("textDocument/formatting", {{"textDocument", {{"uri", c.repo.uri(trimmed)}}},
                                            {"options", {{"tabSize", 2}, {"insertSpaces", true}}}})["result"];
  ASSERT_EQ(edits.size(), 1u);
  const std::string formatted = edits[0]["newText"];
  EXPECT_NE(formatted.find("party aalsmeer \"Gemeente Aalsmeer\" {\n  roles opdrachtgever"), std::string::npos);
  EXPECT_EQ(edits[0]["range"]["start"], json::parse(R"({"line":0,"character":0})"));
  EXPECT_EQ(edits[0]["range"]["end"]["line"], 59);

  c.replace(trimmed, formatted, 2);
  EXPECT_TRUE(
      c.request("textDocument/formatting", {{"textDocument", {{"uri", c.repo.uri(trimmed)}}}})["result"].empty());

  c.replace(trimmed, formatted + "\ntask {\n", 3);
  const json refused = c.request("textDocument/formatting", {{"textDocument", {{"uri", c.repo.uri(trimmed)}}}});
  EXPECT_TRUE(refused["result"].empty());
}

TEST(Server, DocumentSymbolsOutlineAgreementsAndPlans) {
  client c;
  c.open(trimmed);
  c.open(plan);
  const json agreement =
      c.request("textDocument/documentSymbol", {{"textDocument", {{"uri", c.repo.uri(trimmed)}}}})["result"];
  std::vector<std::string> names;
  for (const json& s : agreement) names.push_back(s["name"]);
  EXPECT_EQ(names,
            (std::vector<std::string>{"AA", "amstelveen", "aalsmeer", "AA", "kernorganisatie", "basis", "burgerzaken",
                                      "strategie", "dienstverleningsbijdrage", "kadernota_2025"}));
  EXPECT_EQ(agreement[2]["detail"], "Gemeente Aalsmeer");
  EXPECT_EQ(agreement[2]["selectionRange"]["start"], json::parse(R"({"line":15,"character":8})"));

  const json activities =
      c.request("textDocument/documentSymbol", {{"textDocument", {{"uri", c.repo.uri(plan)}}}})["result"];
  bool found = false;
  for (const json& s : activities)
    if (s["name"] == "K-003") {
      found = true;
      EXPECT_EQ(s["detail"].get<std::string>().rfind("deelneming", 0), 0u);
      EXPECT_EQ(s["selectionRange"]["start"]["line"], 138);
    }
  EXPECT_TRUE(found) << activities.dump(2);
}

TEST(Server, ClosingADocumentClearsItsDiagnostics) {
  client c;
  c.open(plan);
  c.publications();
  c.notify("textDocument/didClose", {{"textDocument", {{"uri", c.repo.uri(plan)}}}});
  const auto cleared = c.publications(0ms);  // written at once by didClose
  ASSERT_EQ(cleared.size(), 1u);
  EXPECT_EQ(cleared[0]["uri"], c.repo.uri(plan));
  EXPECT_TRUE(cleared[0]["diagnostics"].empty());
  EXPECT_TRUE(c.publications().empty());  // and nothing of it is computed any more
}

// The server re-reads only the tables of a plan that an edit changed (plan_read_cache): after each edit it must
// publish exactly what it publishes for the same text opened afresh (closing drops what it kept).
TEST(Server, AnEditedPlanGetsTheFindingsOfItsWholeText) {
  client c;
  c.open(plan);
  ASSERT_EQ(c.diagnostics_of(c.publications(), plan).size(), 1u);
  const std::string original = c.repo.text(plan);
  const auto replaced = [&](std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
  };
  const std::string repaired = replaced(original, "\"deelneming\"", "\"deelnemingen\"");
  const std::string lines_above = replaced(original, "[[activity]]\n", "# a note\n\n[[activity]]\n");
  const std::string broken = replaced(lines_above, "budget = ", "budget = = ");
  const std::string misspelt_budget = replaced(lines_above, "budget = ", "budgt = ");
  int version = 1;
  std::size_t findings = 0;
  for (const std::string* text : {&repaired, &original, &lines_above, &broken, &lines_above, &misspelt_budget}) {
    c.replace(plan, *text, ++version);
    const json edited = c.diagnostics_of(c.publications(), plan);
    c.notify("textDocument/didClose", {{"textDocument", {{"uri", c.repo.uri(plan)}}}});
    c.publications(0ms);
    c.open(plan, *text, ++version);
    EXPECT_EQ(edited, c.diagnostics_of(c.publications(), plan)) << "version " << version - 1;
    findings += edited.size();
  }
  EXPECT_GE(findings, 4u);  // the edits did change what is found
}

}  // namespace
}  // namespace akkoord::lsp

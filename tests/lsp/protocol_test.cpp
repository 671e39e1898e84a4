// The protocol layer of `akkoord lsp` on its own: framing, JSON-RPC dispatch and the lifecycle, UTF-16
// positions, and the debounce that decides which diagnostics may be published.
#include <gtest/gtest.h>

#include <sstream>

#include "debounce.hpp"
#include "documents.hpp"
#include "jsonrpc.hpp"
#include "messages.hpp"
#include "positions.hpp"

namespace akkoord::lsp {
namespace {

std::string frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// ---- framing

TEST(Framing, ReadsConsecutiveMessagesAndTheEnd) {
  std::istringstream in(frame(R"({"a":1})") + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                        frame(R"({"b":"é"})"));
  auto first = read_message(in);
  ASSERT_EQ(first.what, framed_message::kind::body);
  EXPECT_EQ(first.content, R"({"a":1})");
  auto second = read_message(in);
  ASSERT_EQ(second.what, framed_message::kind::body);
  EXPECT_EQ(second.content, R"({"b":"é"})");  // Content-Length counts bytes, not characters
  EXPECT_EQ(read_message(in).what, framed_message::kind::end);
}

TEST(Framing, AMessageWithoutLengthIsReportedAndTheNextOneStillArrives) {
  std::istringstream in("Content-Type: x\r\n\r\n{}" + frame(R"({"next":true})"));
  const auto bad = read_message(in);
  EXPECT_EQ(bad.what, framed_message::kind::bad_frame);
  EXPECT_NE(bad.content.find("without Content-Length"), std::string::npos);
  const auto next = read_message(in);
  ASSERT_EQ(next.what, framed_message::kind::body);
  EXPECT_EQ(next.content, R"({"next":true})");
}

TEST(Framing, ABadLengthOrHeaderIsReported) {
  std::istringstream not_a_number("Content-Length: 12x\r\n\r\n");
  EXPECT_EQ(read_message(not_a_number).what, framed_message::kind::bad_frame);
  std::istringstream no_colon("Content-Length 2\r\n\r\n{}");
  EXPECT_EQ(read_message(no_colon).what, framed_message::kind::bad_frame);
  std::istringstream huge_number("Content-Length: 99999999999999999999999\r\n\r\n");
  EXPECT_EQ(read_message(huge_number).what, framed_message::kind::bad_frame);
}

TEST(Framing, AnOversizedBodyIsSkippedNotRead) {
  std::istringstream in(frame(std::string(100, 'x')) + frame("{}"));
  const auto skipped = read_message(in, 50);
  EXPECT_EQ(skipped.what, framed_message::kind::bad_frame);
  EXPECT_NE(skipped.content.find("over the limit"), std::string::npos);
  const auto next = read_message(in, 50);
  ASSERT_EQ(next.what, framed_message::kind::body);
  EXPECT_EQ(next.content, "{}");
}

TEST(Framing, AnEndedOrTruncatedStreamEnds) {
  std::istringstream empty("");
  EXPECT_EQ(read_message(empty).what, framed_message::kind::end);
  std::istringstream truncated("Content-Length: 10\r\n\r\n{}");
  EXPECT_EQ(read_message(truncated).what, framed_message::kind::end);
  std::istringstream endless_header(std::string(100'000, 'h'));  // no line end: read in pieces, then the end
  EXPECT_EQ(read_message(endless_header).what, framed_message::kind::end);
}

TEST(Framing, TheWriterFramesWhatItWrites) {
  std::ostringstream out;
  message_writer writer(out);
  writer.write({{"x", "ü"}});
  std::istringstream in(out.str());
  const auto read = read_message(in);
  ASSERT_EQ(read.what, framed_message::kind::body);
  EXPECT_EQ(json::parse(read.content)["x"], "ü");
}

// ---- dispatch

// A dispatcher with one request and one notification, and what it wrote.
struct dispatch_fixture {
  std::ostringstream out;
  message_writer writer{out};
  std::vector<json> notified;
  json initialize_params;
  dispatcher dispatch{table(), writer, [this](const json& params) { initialize_params = params; }, {{"name", "t"}}};

  method_table table() {
    method_table t;
    t.capabilities["echoProvider"] = true;
    t.request("test/echo", [](const json& params, const request_context&) { return params.at("value"); });
    t.request("test/fail", [](const json&, const request_context&) -> json { throw std::runtime_error("boom"); });
    t.notification("test/note", [this](const json& params) { notified.push_back(params); });
    return t;
  }
  std::vector<json> written() { return take_messages(out); }
  json call(const json& message) {
    dispatch.handle(message.dump());
    auto messages = written();
    EXPECT_EQ(messages.size(), 1u) << message.dump();
    return messages.empty() ? json() : messages.front();
  }
  void initialize() { call({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"}, {"params", {{"locale", "nl"}}}}); }
};

json request(int id, const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

TEST(Dispatch, BeforeInitializeRequestsAreRefusedAndNotificationsDropped) {
  dispatch_fixture f;
  const json refused = f.call(request(1, "test/echo", {{"value", 1}}));
  EXPECT_EQ(refused["error"]["code"], server_not_initialized);
  EXPECT_EQ(refused["id"], 1);
  f.dispatch.handle(json{{"jsonrpc", "2.0"}, {"method", "test/note"}, {"params", {}}}.dump());
  EXPECT_TRUE(f.notified.empty());
  EXPECT_TRUE(f.written().empty());
}

TEST(Dispatch, InitializeAnnouncesTheTablesCapabilitiesOnce) {
  dispatch_fixture f;
  const json result = f.call(request(1, "initialize", {{"locale", "nl-NL"}}));
  EXPECT_EQ(result["result"]["capabilities"]["echoProvider"], true);
  EXPECT_EQ(result["result"]["serverInfo"]["name"], "t");
  EXPECT_EQ(f.initialize_params["locale"], "nl-NL");
  EXPECT_EQ(f.call(request(2, "initialize"))["error"]["code"], invalid_request);
}

TEST(Dispatch, RequestsGetResultsAndErrorsByKind) {
  dispatch_fixture f;
  f.initialize();
  EXPECT_EQ(f.call(request(2, "test/echo", {{"value", "v"}}))["result"], "v");
  EXPECT_EQ(f.call(request(3, "test/unknown"))["error"]["code"], method_not_found);
  EXPECT_EQ(f.call(request(4, "test/echo", {{"other", 1}}))["error"]["code"], invalid_params);
  EXPECT_EQ(f.call(request(5, "test/fail"))["error"]["code"], internal_error);
  const json string_id =
      f.call({{"jsonrpc", "2.0"}, {"id", "abc"}, {"method", "test/echo"}, {"params", {{"value", 7}}}});
  EXPECT_EQ(string_id["id"], "abc");
  EXPECT_EQ(string_id["result"], 7);
}

TEST(Dispatch, MalformedMessagesGetTheRightErrors) {
  dispatch_fixture f;
  f.initialize();
  const json not_json = f.call(json("{not json"));  // dumped as a JSON string: the body is `"{not json"`
  EXPECT_EQ(not_json["error"]["code"], invalid_request);
  f.dispatch.handle("{not json");
  const auto parse = f.written();
  ASSERT_EQ(parse.size(), 1u);
  EXPECT_EQ(parse[0]["error"]["code"], parse_error);
  EXPECT_TRUE(parse[0]["id"].is_null());
  EXPECT_EQ(f.call({{"id", 1}, {"method", "test/echo"}})["error"]["code"], invalid_request);  // no "jsonrpc"
  EXPECT_EQ(f.call({{"jsonrpc", "2.0"}, {"id", 1}})["error"]["code"], invalid_request);       // no method
  EXPECT_EQ(f.call({{"jsonrpc", "2.0"}, {"id", json::array({1})}, {"method", "x"}})["error"]["code"], invalid_request);
  // A response from the client needs no answer; an unknown notification is ignored.
  f.dispatch.handle(json{{"jsonrpc", "2.0"}, {"id", 9}, {"result", nullptr}}.dump());
  f.dispatch.handle(json{{"jsonrpc", "2.0"}, {"method", "$/setTrace"}, {"params", {}}}.dump());
  EXPECT_TRUE(f.written().empty());
}

TEST(Dispatch, NotificationsReachTheirHandlerWithoutAnswer) {
  dispatch_fixture f;
  f.initialize();
  f.dispatch.handle(json{{"jsonrpc", "2.0"}, {"method", "test/note"}, {"params", {{"n", 1}}}}.dump());
  ASSERT_EQ(f.notified.size(), 1u);
  EXPECT_EQ(f.notified[0]["n"], 1);
  EXPECT_TRUE(f.written().empty());
}

TEST(Dispatch, ACancelledRequestIsAnsweredWithRequestCancelled) {
  dispatch_fixture f;
  f.initialize();
  const std::string cancel = json{{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 8}}}}.dump();
  const auto id = dispatcher::cancelled_id(cancel);  // what the reader thread does before the request is handled
  ASSERT_TRUE(id.has_value());
  f.dispatch.cancelled()->cancel(*id);
  EXPECT_EQ(f.call(request(8, "test/echo", {{"value", 1}}))["error"]["code"], request_cancelled);
  EXPECT_EQ(f.call(request(9, "test/echo", {{"value", 1}}))["result"], 1);
  EXPECT_FALSE(dispatcher::cancelled_id(request(1, "test/echo").dump()).has_value());
}

TEST(Dispatch, ShutdownThenExitIsCodeZeroAndNothingElseIsAccepted) {
  dispatch_fixture f;
  f.initialize();
  EXPECT_EQ(f.dispatch.exit_code(), 1);  // `exit` without `shutdown`
  EXPECT_TRUE(f.call(request(2, "shutdown")).contains("result"));
  EXPECT_EQ(f.call(request(3, "test/echo", {{"value", 1}}))["error"]["code"], invalid_request);
  EXPECT_FALSE(f.dispatch.handle(json{{"jsonrpc", "2.0"}, {"method", "exit"}}.dump()));
  EXPECT_EQ(f.dispatch.exit_code(), 0);
}

TEST(Dispatch, ServeRunsUntilExitAndReportsBadFrames) {
  dispatch_fixture f;
  std::istringstream in(frame(request(1, "initialize").dump()) + "Content-Length: x\r\n\r\n" +
                        frame(request(2, "shutdown").dump()) + frame(R"({"jsonrpc":"2.0","method":"exit"})") +
                        frame(request(3, "test/echo", {{"value", 1}}).dump()));
  std::vector<std::string> logged;
  EXPECT_EQ(serve(in, f.dispatch, [&](const std::string& m) { logged.push_back(m); }), 0);
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_NE(logged[0].find("Content-Length is not a number"), std::string::npos);
  EXPECT_EQ(f.written().size(), 2u);  // initialize and shutdown; nothing after exit
}

TEST(Dispatch, AStreamThatEndsWithoutExitIsExitCodeOne) {
  dispatch_fixture f;
  std::istringstream in(frame(request(1, "initialize").dump()));
  EXPECT_EQ(serve(in, f.dispatch, [](const std::string&) {}), 1);
}

// ---- positions: "a😀b" is 3 code points and 4 UTF-16 units; é is 2 bytes, 1 unit

TEST(Positions, CodePointsAndUtf16BothWays) {
  const std::string line =
      "a\xF0\x9F\x98\x80"
      "b\xC3\xA9";  // a😀bé
  EXPECT_EQ(utf16_from_code_points(line, 0), 0u);
  EXPECT_EQ(utf16_from_code_points(line, 1), 1u);
  EXPECT_EQ(utf16_from_code_points(line, 2), 3u);  // after the emoji: a surrogate pair
  EXPECT_EQ(utf16_from_code_points(line, 4), 5u);
  EXPECT_EQ(utf16_from_code_points(line, 99), 5u);  // past the end: the end
  EXPECT_EQ(code_points_from_utf16(line, 3), 2u);
  EXPECT_EQ(code_points_from_utf16(line, 4), 3u);
  EXPECT_EQ(code_points_from_utf16(line, 2), 2u);  // inside the pair: the character it splits, whole
  EXPECT_EQ(code_points_from_utf16(line, 99), 4u);
}

TEST(Positions, ToolPositionsBecomeLspRanges) {
  const source_file file("f", "x\n\xF0\x9F\x98\x80 = \"q\"\r\nlast");
  // Column 5 (1-based code points) of line 2 is the opening quote: after 😀, space, =, space.
  EXPECT_EQ(to_lsp(file, {2, 5}), (lsp_position{1, 5}));
  EXPECT_EQ(to_lsp(file, {0, 0}), (lsp_position{0, 0}));  // a whole-file finding: the start
  const json range = to_lsp_range(file, {2, 5}, {2, 8});
  EXPECT_EQ(range["start"]["character"], 5);
  EXPECT_EQ(range["end"]["character"], 8);
  EXPECT_EQ(range["end"]["line"], 1);
}

TEST(Positions, IncrementalChangesAtUtf16Positions) {
  std::string text =
      "a\xF0\x9F\x98\x80"
      "b\r\nsecond\n";
  // Replace `b` (UTF-16 3..4 on line 0) with `BB`: the emoji before it counts two units.
  apply_change(text, {{"range", {{"start", {{"line", 0}, {"character", 3}}}, {"end", {{"line", 0}, {"character", 4}}}}},
                      {"text", "BB"}});
  EXPECT_EQ(text,
            "a\xF0\x9F\x98\x80"
            "BB\r\nsecond\n");
  // Past the end of a line means its end (before "\r\n"); past the last line, the end of the text.
  apply_change(text,
               {{"range", {{"start", {{"line", 0}, {"character", 40}}}, {"end", {{"line", 0}, {"character", 40}}}}},
                {"text", "!"}});
  EXPECT_EQ(text,
            "a\xF0\x9F\x98\x80"
            "BB!\r\nsecond\n");
  apply_change(text, {{"range", {{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 9}, {"character", 0}}}}},
                      {"text", "end"}});
  EXPECT_EQ(text,
            "a\xF0\x9F\x98\x80"
            "BB!\r\nend");
  apply_change(text, {{"text", "whole"}});
  EXPECT_EQ(text, "whole");
  EXPECT_EQ(end_position("ab\n\xF0\x9F\x98\x80"), (lsp_position{1, 2}));
}

TEST(Positions, FileUrisAndPaths) {
  EXPECT_EQ(path_from_uri("file:///tmp/a%20b/%C3%A9.toml"), "/tmp/a b/\xC3\xA9.toml");
  EXPECT_EQ(path_from_uri("file://localhost/tmp/x"), "/tmp/x");
  EXPECT_EQ(path_from_uri("untitled:Untitled-1"), "");
  EXPECT_EQ(uri_from_path("/tmp/a b/\xC3\xA9.toml"), "file:///tmp/a%20b/%C3%A9.toml");
  EXPECT_EQ(path_from_uri(uri_from_path("/x/#1?.akkoord")), "/x/#1?.akkoord");
}

// ---- debounce and staleness, with a clock the test moves

using namespace std::chrono_literals;

TEST(Debounce, AChangeWaitsForTheDelayAndAnotherPostponesIt) {
  debouncer d(150ms);
  const auto t0 = debouncer::clock::time_point{};
  d.schedule("a", t0);
  EXPECT_TRUE(d.take_due(t0 + 149ms).empty());
  d.schedule("a", t0 + 100ms);  // typing on
  EXPECT_TRUE(d.take_due(t0 + 200ms).empty());
  EXPECT_EQ(d.next_due(), t0 + 250ms);
  const auto due = d.take_due(t0 + 250ms);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].key, "a");
  EXPECT_TRUE(d.take_due(t0 + 999ms).empty());  // taken once
  EXPECT_FALSE(d.next_due().has_value());
}

TEST(Debounce, AResultOfAnOlderTextIsStale) {
  debouncer d(0ms);
  const auto t0 = debouncer::clock::time_point{};
  d.schedule("a", t0);
  const auto first = d.take_due(t0);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_TRUE(d.is_current("a", first[0].generation));
  d.schedule("a", t0);  // a change while the first result was being computed
  EXPECT_FALSE(d.is_current("a", first[0].generation));
  const auto second = d.take_due(t0);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_TRUE(d.is_current("a", second[0].generation));
  d.forget("a");  // closed
  EXPECT_FALSE(d.is_current("a", second[0].generation));
}

}  // namespace
}  // namespace akkoord::lsp

// The protocol layer of `akkoord lsp`: LSP's base protocol (`Content-Length` framing) and JSON-RPC 2.0
// dispatch from a table of methods. Nothing here knows about agreements or plans (server.hpp does).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>

namespace akkoord::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
enum error_code : int {
  parse_error = -32700,
  invalid_request = -32600,
  method_not_found = -32601,
  invalid_params = -32602,
  internal_error = -32603,
  server_not_initialized = -32002,
  request_cancelled = -32800,
};

// Thrown by a handler to answer with an error (e.g. invalid_params for a position outside the document).
struct rpc_error : std::runtime_error {
  int code;
  rpc_error(int error, const std::string& message) : std::runtime_error(message), code(error) {}
};

// A message body larger than this is not read (its bytes are skipped): the largest file akkoord reads is
// 16 MiB (parser::max_file_bytes), and JSON escaping at most doubles plain text in practice.
inline constexpr std::size_t max_message_bytes = 64u * 1024u * 1024u;
// A header line longer than this is not a header: the line is discarded in pieces, never held whole.
inline constexpr std::size_t max_header_line_bytes = 8 * 1024;

// One read from the stream: a body, a framing problem to log (then read on), or the end of the stream.
struct framed_message {
  enum class kind { body, bad_frame, end } what = kind::end;
  std::string content;  // the body, or what was wrong with the frame (for the log)
};

// Reads the next message: headers (`Content-Length` required, `Content-Type` allowed) up to an empty line, then
// exactly Content-Length bytes. A bad header or an oversized body is reported as bad_frame and skipped, so a
// broken client never makes the server hang or crash.
framed_message read_message(std::istream& in, std::size_t max_bytes = max_message_bytes);

// Writes one message with its header and flushes. Thread-safe per output (the worker publishes diagnostics
// while the main thread answers requests).
class message_writer {
 public:
  explicit message_writer(std::ostream& out) : out_(out) {}
  void write(const json& message);

 private:
  std::mutex mutex_;
  std::ostream& out_;
};

// What a handler may ask about the request it is answering.
struct request_context {
  json id;
  const std::atomic<bool>* cancelled = nullptr;  // set when the client sent $/cancelRequest for it
  bool is_cancelled() const { return cancelled != nullptr && cancelled->load(); }
};

using request_handler = std::function<json(const json& params, const request_context& context)>;
using notification_handler = std::function<void(const json& params)>;

// The methods a server answers, and the capabilities it announces in `initialize`'s result. A feature adds
// its handlers and sets its capability in one place, so the two cannot drift apart.
struct method_table {
  std::map<std::string, request_handler, std::less<>> requests;
  std::map<std::string, notification_handler, std::less<>> notifications;
  json capabilities = json::object();

  void request(const std::string& method, request_handler handler) { requests[method] = std::move(handler); }
  void notification(const std::string& method, notification_handler handler) {
    notifications[method] = std::move(handler);
  }
};

// The lifecycle (initialize, initialized, shutdown, exit), requests versus notifications, errors and
// cancellation around a method table. Messages are handled one at a time, in order, on the thread that calls
// handle(); cancel() may be called from another (the reader thread), so a request still waiting in the queue
// is answered with RequestCancelled without running.
class dispatcher {
 public:
  // `on_initialize` gets initialize's params before the result is sent (client capabilities, locale, options).
  dispatcher(method_table methods, message_writer& out, std::function<void(const json&)> on_initialize,
             json server_info);

  // Handles one body. Returns false once `exit` was received (the caller stops reading).
  bool handle(const std::string& body);
  // `exit`'s code: 0 after `shutdown`, 1 without it (also when the stream ended without `exit`).
  int exit_code() const { return shutdown_ ? 0 : 1; }

  // The requests `$/cancelRequest` named; shared with the reader thread, which may outlive the dispatcher by
  // a moment after `exit` (it is blocked reading and is left to the end of the process).
  class cancellations {
   public:
    void cancel(const json& id);
    std::shared_ptr<std::atomic<bool>> flag(const json& id);
    void forget(const json& id);

   private:
    // A cancel for a request already answered is never collected by forget(): past this many, the oldest
    // flags go (ids are not reused in a session, so such a flag is never asked for again).
    static constexpr std::size_t max_flags = 1024;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<std::atomic<bool>>> flags_;  // by the id's JSON text
    std::deque<std::string> order_;
  };
  std::shared_ptr<cancellations> cancelled() const { return cancelled_; }
  // The id a `$/cancelRequest` body names; nullopt for any other body.
  static std::optional<json> cancelled_id(const std::string& body);

 private:
  void handle_request(const json& message);
  void handle_notification(const json& message);
  void reply_error(const json& id, int code, const std::string& message);
  void log_to_client(const std::string& message);

  method_table methods_;
  message_writer& out_;
  std::function<void(const json&)> on_initialize_;
  json server_info_;
  bool initialized_ = false;
  bool shutdown_ = false;
  std::shared_ptr<cancellations> cancelled_ = std::make_shared<cancellations>();
};

// Reads messages from `in` on a thread of its own and hands them to `dispatcher` on the calling thread, so a
// `$/cancelRequest` is seen while earlier work is queued. Returns the exit code (dispatcher::exit_code).
int serve(std::istream& in, dispatcher& dispatch, const std::function<void(const std::string&)>& log);

}  // namespace akkoord::lsp

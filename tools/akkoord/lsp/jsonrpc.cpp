#include "jsonrpc.hpp"

#include <algorithm>
#include <cctype>
#include <thread>

namespace akkoord::lsp {

namespace {

constexpr std::string_view content_length_header = "Content-Length:";

// One header line without its line end. `too_long` when it exceeded max_header_line_bytes (the rest of the
// line was read and dropped). nullopt at the end of the stream before any byte of a line.
std::optional<std::string> read_header_line(std::istream& in, bool& too_long) {
  std::string line;
  too_long = false;
  bool any = false;
  for (int c = in.get(); c != std::char_traits<char>::eof(); c = in.get()) {
    any = true;
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    if (line.size() < max_header_line_bytes)
      line.push_back(static_cast<char>(c));
    else
      too_long = true;
  }
  if (!any) return std::nullopt;
  return line;  // the stream ended inside a line: the caller sees no blank line and ends too
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Digits only; nullopt on anything else or on overflow.
std::optional<std::size_t> parse_length(std::string_view digits) {
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  std::size_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

std::string id_key(const json& id) { return id.dump(); }

}  // namespace

framed_message read_message(std::istream& in, std::size_t max_bytes) {
  std::optional<std::size_t> length;
  std::string problem;
  bool any_header = false;
  for (;;) {
    bool too_long = false;
    auto line = read_header_line(in, too_long);
    if (!line) return {framed_message::kind::end, {}};
    if (too_long) {
      problem = "a header line longer than " + std::to_string(max_header_line_bytes) + " bytes";
      continue;
    }
    if (line->empty()) {
      if (!any_header) continue;  // blank lines between messages are harmless
      break;
    }
    any_header = true;
    std::string_view header = *line;
    // After a frame without a usable length, the next header may follow the skipped body on the same line:
    // resynchronise on it rather than lose the next message too.
    if (const auto at = header.find(content_length_header); at != std::string_view::npos && at > 0)
      header.remove_prefix(at);
    const auto colon = header.find(':');
    if (colon == std::string_view::npos) {
      problem = "a header line without `:`";
      continue;
    }
    const std::string_view name = trim(header.substr(0, colon));
    const std::string_view value = trim(header.substr(colon + 1));
    if (equal_ignoring_case(name, "Content-Length")) {
      length = parse_length(value);
      if (!length) problem = "Content-Length is not a number of bytes: `" + std::string(value.substr(0, 40)) + "`";
    }
    // Content-Type and any other header are allowed; the body is UTF-8 JSON whatever it says.
  }
  if (!length) {
    if (problem.empty()) problem = "a message without Content-Length";
    return {framed_message::kind::bad_frame, problem};
  }
  if (*length > max_bytes) {
    in.ignore(static_cast<std::streamsize>(*length));
    return {framed_message::kind::bad_frame, "a message of " + std::to_string(*length) + " bytes, over the limit of " +
                                                 std::to_string(max_bytes) + ": skipped"};
  }
  std::string body(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in.gcount()) != *length) return {framed_message::kind::end, {}};
  if (!problem.empty()) return {framed_message::kind::bad_frame, problem};
  return {framed_message::kind::body, std::move(body)};
}

void message_writer::write(const json& message) {
  // Invalid UTF-8 from a file must not make dump() throw: it is replaced (U+FFFD), as the JSON report does.
  const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  std::lock_guard lock(mutex_);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

void dispatcher::cancellations::cancel(const json& id) {
  std::lock_guard lock(mutex_);
  auto& entry = flags_[id_key(id)];
  if (!entry) {
    entry = std::make_shared<std::atomic<bool>>(false);
    order_.push_back(id_key(id));
    if (order_.size() > max_flags) {
      flags_.erase(order_.front());
      order_.pop_front();
    }
  }
  entry->store(true);
}

std::shared_ptr<std::atomic<bool>> dispatcher::cancellations::flag(const json& id) {
  std::lock_guard lock(mutex_);
  auto& entry = flags_[id_key(id)];
  if (!entry) {
    entry = std::make_shared<std::atomic<bool>>(false);
    order_.push_back(id_key(id));
  }
  return entry;
}

void dispatcher::cancellations::forget(const json& id) {
  std::lock_guard lock(mutex_);
  flags_.erase(id_key(id));
  std::erase(order_, id_key(id));
}

dispatcher::dispatcher(method_table methods, message_writer& out, std::function<void(const json&)> on_initialize,
                       json server_info)
    : methods_(std::move(methods)),
      out_(out),
      on_initialize_(std::move(on_initialize)),
      server_info_(std::move(server_info)) {}

std::optional<json> dispatcher::cancelled_id(const std::string& body) {
  // Cheap test first: the reader thread asks this of every body.
  if (body.find("$/cancelRequest") == std::string::npos) return std::nullopt;
  const json message = json::parse(body, nullptr, false);
  if (!message.is_object() || message.value("method", "") != "$/cancelRequest") return std::nullopt;
  const auto params = message.find("params");
  if (params == message.end() || !params->is_object() || !params->contains("id")) return std::nullopt;
  return (*params)["id"];
}

void dispatcher::reply_error(const json& id, int code, const std::string& message) {
  out_.write({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void dispatcher::log_to_client(const std::string& message) {
  out_.write({{"jsonrpc", "2.0"}, {"method", "window/logMessage"}, {"params", {{"type", 1}, {"message", message}}}});
}

bool dispatcher::handle(const std::string& body) {
  const json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    reply_error(nullptr, parse_error, "the message is not valid JSON");
    return true;
  }
  if (!message.is_object() || message.value("jsonrpc", json()) != "2.0") {
    reply_error(nullptr, invalid_request, "not a JSON-RPC 2.0 message object");
    return true;
  }
  const auto method = message.find("method");
  const auto id = message.find("id");
  if (method == message.end()) {
    // A response to a request of ours (the server sends none that needs an answer): nothing to do.
    if (id != message.end() && (message.contains("result") || message.contains("error"))) return true;
    reply_error(id != message.end() && (id->is_string() || id->is_number_integer()) ? *id : json(), invalid_request,
                "a message without `method`");
    return true;
  }
  if (!method->is_string() || (id != message.end() && !id->is_string() && !id->is_number_integer())) {
    reply_error(nullptr, invalid_request, "`method` must be a string and `id` a string or an integer");
    return true;
  }
  if (id == message.end()) {
    if (*method == "exit") return false;
    handle_notification(message);
  } else {
    handle_request(message);
  }
  return true;
}

void dispatcher::handle_request(const json& message) {
  const json& id = message["id"];
  const std::string method = message["method"];
  const json params = message.value("params", json::object());
  if (shutdown_) return reply_error(id, invalid_request, "the server is shutting down: only `exit` is accepted");
  if (method == "initialize") {
    if (initialized_) return reply_error(id, invalid_request, "the server is already initialized");
    try {
      if (on_initialize_) on_initialize_(params);
    } catch (const std::exception& e) {
      return reply_error(id, invalid_params, e.what());
    }
    initialized_ = true;
    out_.write({{"jsonrpc", "2.0"},
                {"id", id},
                {"result", {{"capabilities", methods_.capabilities}, {"serverInfo", server_info_}}}});
    return;
  }
  if (!initialized_) return reply_error(id, server_not_initialized, "the server is not initialized yet");
  if (method == "shutdown") {
    shutdown_ = true;
    out_.write({{"jsonrpc", "2.0"}, {"id", id}, {"result", nullptr}});
    return;
  }
  const auto handler = methods_.requests.find(method);
  if (handler == methods_.requests.end()) return reply_error(id, method_not_found, "unknown method `" + method + "`");
  const auto flag = cancelled_->flag(id);
  struct forget_after {
    cancellations& all;
    const json& id;
    ~forget_after() { all.forget(id); }
  } forget{*cancelled_, id};
  if (flag->load()) return reply_error(id, request_cancelled, "cancelled by the client");
  try {
    json result = handler->second(params, request_context{id, flag.get()});
    out_.write({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  } catch (const rpc_error& e) {
    reply_error(id, e.code, e.what());
  } catch (const json::exception& e) {
    // A handler reads params with at() and get<>(): a missing or mistyped field surfaces here.
    reply_error(id, invalid_params, std::string("invalid params: ") + e.what());
  } catch (const std::exception& e) {
    reply_error(id, internal_error, std::string("internal error: ") + e.what());
  }
}

void dispatcher::handle_notification(const json& message) {
  const std::string method = message["method"];
  if (!initialized_ || shutdown_) return;  // LSP: notifications before initialize (other than exit) are dropped
  if (method == "$/cancelRequest") {
    if (const auto params = message.find("params"); params != message.end() && params->contains("id"))
      cancelled_->cancel((*params)["id"]);
    return;
  }
  const auto handler = methods_.notifications.find(method);
  if (handler == methods_.notifications.end()) return;  // `initialized`, `$/…` and others the server does not need
  try {
    handler->second(message.value("params", json::object()));
  } catch (const std::exception& e) {
    // A notification has no answer: the client's log is where the user can see what went wrong.
    log_to_client("akkoord: `" + method + "` could not be handled: " + e.what());
  }
}

int serve(std::istream& in, dispatcher& dispatch, const std::function<void(const std::string&)>& log) {
  struct queue {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<std::optional<std::string>> bodies;  // nullopt: the stream ended
  };
  auto shared = std::make_shared<queue>();
  auto cancellations = dispatch.cancelled();
  std::thread reader([shared, cancellations, &in, log] {
    for (;;) {
      framed_message message = read_message(in);
      if (message.what == framed_message::kind::bad_frame) {
        log("bad message frame: " + message.content);
        continue;
      }
      if (message.what == framed_message::kind::body) {
        if (const auto id = dispatcher::cancelled_id(message.content)) cancellations->cancel(*id);
      }
      std::lock_guard lock(shared->mutex);
      shared->bodies.push_back(message.what == framed_message::kind::end ? std::nullopt
                                                                         : std::optional(std::move(message.content)));
      shared->ready.notify_one();
      if (message.what == framed_message::kind::end) return;
    }
  });
  bool ended = false;
  for (;;) {
    std::optional<std::string> body;
    {
      std::unique_lock lock(shared->mutex);
      shared->ready.wait(lock, [&] { return !shared->bodies.empty(); });
      body = std::move(shared->bodies.front());
      shared->bodies.pop_front();
    }
    if (!body) {
      ended = true;
      break;
    }
    if (!dispatch.handle(*body)) break;
  }
  // After `exit` the reader may be blocked on a stream the client keeps open: it holds only shared state and
  // ends with the process.
  if (ended)
    reader.join();
  else
    reader.detach();
  return dispatch.exit_code();
}

}  // namespace akkoord::lsp

// `akkoord lsp`: the language server. Documents are kept in memory as the client edits them; diagnostics are
// computed on a worker thread, debounced, and published only while they are the newest for their document.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <iosfwd>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "analysis.hpp"
#include "debounce.hpp"
#include "documents.hpp"
#include "jsonrpc.hpp"

namespace akkoord::lsp {

// Diagnostics wait this long after the last change before they are computed (`debounceMs` in
// initializationOptions overrides it; 0 for benchmarks and tests).
inline constexpr std::chrono::milliseconds default_debounce{150};

class server {
 public:
  using clock = debouncer::clock;
  // `now` is injected so tests can move time themselves (with flush()) instead of sleeping.
  explicit server(message_writer& out, std::function<clock::time_point()> now = clock::now);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  // Every method the server answers, with the capabilities they announce.
  method_table methods();
  void initialize(const json& params);

  // The diagnostics worker: start() runs it on its own thread until stop(). Without it (tests), flush()
  // computes and publishes whatever is due at now() on the calling thread.
  void start();
  void stop();
  void flush();

  document_store& documents() { return documents_; }
  analysis& analyzer() { return analysis_; }
  message_writer& out() { return out_; }
  // The language of messages for a document (initializationOptions, `.akkoord.toml`, the client's locale).
  language language_for(const std::string& path);

  // The quick fixes of the diagnostics last published for a document, while it still has that version.
  std::vector<quick_fix> fixes_for(const std::string& uri, std::int64_t version);

 private:
  void schedule(const std::string& uri);
  void schedule_all();
  void publish_due(clock::time_point now);
  void worker_loop();

  message_writer& out_;
  std::function<clock::time_point()> now_;
  document_store documents_;
  analysis analysis_{documents_};

  std::mutex schedule_mutex_;  // guards debounce_, stopping_, published_ and the order of publications
  std::condition_variable wake_;
  debouncer debounce_{default_debounce};
  bool stopping_ = false;
  bool client_watches_files_ = false;  // the client can watch files for us (dynamic registration)
  std::thread worker_;
  struct publication {
    std::int64_t version = 0;
    std::vector<quick_fix> fixes;
  };
  std::map<std::string, publication> published_;  // by URI
};

// Serves LSP on `in`/`out` until `exit` (or the end of `in`); returns the process exit code.
int run_language_server(std::istream& in, std::ostream& out);

}  // namespace akkoord::lsp

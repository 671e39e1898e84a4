#include "server.hpp"

#include <filesystem>
#include <iostream>

#include "handlers.hpp"

#ifndef AKKOORD_VERSION
#define AKKOORD_VERSION "dev"
#endif

namespace akkoord::lsp {

namespace {

// A change to one of these changes what every open plan is checked against.
bool affects_agreement(const std::string& path) {
  const std::filesystem::path p(path);
  return p.extension() == ".akkoord" || p.filename() == cli::config_file_name;
}

std::optional<language> language_named(const json& value) {
  if (!value.is_string()) return std::nullopt;
  const std::string name = value.get<std::string>();
  if (name.starts_with("nl")) return language::nl;
  if (name.starts_with("en")) return language::en;
  return std::nullopt;
}

}  // namespace

server::server(message_writer& out, std::function<clock::time_point()> now) : out_(out), now_(std::move(now)) {}

server::~server() { stop(); }

void server::initialize(const json& params) {
  std::optional<language> chosen;
  std::optional<json> debounce;
  if (const auto options = params.find("initializationOptions"); options != params.end() && options->is_object()) {
    chosen = language_named(options->value("lang", json()));
    if (const auto ms = options->find("debounceMs"); ms != options->end()) debounce = *ms;
  }
  analysis_.set_client_language(chosen, language_named(params.value("locale", json())));
  const json::json_pointer watching("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration");
  client_watches_files_ =
      params.contains(watching) && params.at(watching).is_boolean() && params.at(watching).get<bool>();
  if (debounce) {
    if (!debounce->is_number_unsigned() || debounce->get<std::uint64_t>() > 60'000)
      throw rpc_error(invalid_params, "initializationOptions.debounceMs must be a number of milliseconds, 0 to 60000");
    std::lock_guard lock(schedule_mutex_);
    debounce_.set_delay(std::chrono::milliseconds(debounce->get<std::uint64_t>()));
  }
}

language server::language_for(const std::string& path) {
  std::lock_guard lock(analysis_.mutex());
  return analysis_.language_for(analysis_.config_for(path));
}

void server::schedule(const std::string& uri) {
  {
    std::lock_guard lock(schedule_mutex_);
    debounce_.schedule(uri, now_());
  }
  wake_.notify_all();
}

void server::schedule_all() {
  for (const std::string& uri : documents_.uris()) schedule(uri);
}

void server::publish_due(clock::time_point now) {
  std::vector<debouncer::due> due;
  {
    std::lock_guard lock(schedule_mutex_);
    due = debounce_.take_due(now);
  }
  for (const debouncer::due& item : due) {
    const auto doc = documents_.get(item.key);
    if (!doc) continue;
    std::optional<diagnosis> result;
    {
      std::lock_guard lock(analysis_.mutex());
      result = analysis_.diagnose(*doc);
    }
    if (!result) continue;
    // Published under the lock, and only while no newer change of the document is known: a result of an
    // older text can never follow a newer one.
    std::lock_guard lock(schedule_mutex_);
    if (!debounce_.is_current(item.key, item.generation)) continue;
    out_.write({{"jsonrpc", "2.0"},
                {"method", "textDocument/publishDiagnostics"},
                {"params", {{"uri", doc->uri}, {"version", doc->version}, {"diagnostics", result->diagnostics}}}});
    published_[doc->uri] = publication{doc->version, std::move(result->fixes)};
  }
}

std::vector<quick_fix> server::fixes_for(const std::string& uri, std::int64_t version) {
  std::lock_guard lock(schedule_mutex_);
  const auto it = published_.find(uri);
  if (it == published_.end() || it->second.version != version) return {};
  return it->second.fixes;
}

void server::flush() { publish_due(now_()); }

void server::worker_loop() {
  std::unique_lock lock(schedule_mutex_);
  while (!stopping_) {
    const auto next = debounce_.next_due();
    if (!next) {
      wake_.wait(lock);
      continue;
    }
    if (now_() < *next) {
      wake_.wait_until(lock, *next);
      continue;
    }
    lock.unlock();
    publish_due(now_());
    lock.lock();
  }
}

void server::start() {
  worker_ = std::thread([this] { worker_loop(); });
}

void server::stop() {
  {
    std::lock_guard lock(schedule_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

method_table server::methods() {
  method_table table;
  table.capabilities["textDocumentSync"] = {
      {"openClose", true}, {"change", 2 /* incremental */}, {"save", {{"includeText", false}}}};

  table.notification("textDocument/didOpen", [this](const json& params) {
    const json& item = params.at("textDocument");
    document doc;
    doc.uri = item.at("uri").get<std::string>();
    doc.path = canonical_path(path_from_uri(doc.uri));
    doc.language_id = item.value("languageId", "");
    doc.text = item.at("text").get<std::string>();
    doc.version = item.value("version", std::int64_t{0});
    const bool agreement = affects_agreement(doc.path);
    documents_.open(std::move(doc));
    // Opening an agreement file makes its open text win over the disk for the plans that use it.
    if (agreement) {
      analysis_.bump();
      schedule_all();
    } else {
      schedule(item.at("uri").get<std::string>());
    }
  });
  table.notification("textDocument/didChange", [this](const json& params) {
    const json& item = params.at("textDocument");
    const std::string uri = item.at("uri").get<std::string>();
    if (!documents_.change(uri, item.value("version", std::int64_t{0}), params.at("contentChanges"))) return;
    if (affects_agreement(path_from_uri(uri))) {
      analysis_.bump();
      schedule_all();  // the agreement changed: every open plan is checked again
    } else {
      schedule(uri);
    }
  });
  table.notification("textDocument/didClose", [this](const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    const auto doc = documents_.get(uri);
    documents_.close(uri);
    {
      std::lock_guard lock(analysis_.mutex());
      analysis_.forget(uri);
    }
    {
      std::lock_guard lock(schedule_mutex_);
      debounce_.forget(uri);
      published_.erase(uri);
      // A closed file's findings leave the problem list (the disk's version is checked by `akkoord check`).
      out_.write({{"jsonrpc", "2.0"},
                  {"method", "textDocument/publishDiagnostics"},
                  {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
    }
    if (doc && affects_agreement(doc->path)) {
      analysis_.bump();  // the disk's text is the agreement again
      schedule_all();
    }
  });
  table.notification("textDocument/didSave", [this](const json& params) {
    if (affects_agreement(path_from_uri(params.at("textDocument").at("uri").get<std::string>()))) {
      analysis_.bump();
      schedule_all();
    }
  });
  // Agreements and configurations edited outside the editor (another program, a git checkout) must reach the
  // open plans too: the client is asked to watch them, where it can.
  table.notification("initialized", [this](const json&) {
    if (!client_watches_files_) return;
    const json watchers = json::array({{{"globPattern", "**/*.akkoord"}}, {{"globPattern", "**/.akkoord.toml"}}});
    out_.write({{"jsonrpc", "2.0"},
                {"id", "akkoord-watch-files"},
                {"method", "client/registerCapability"},
                {"params",
                 {{"registrations", json::array({{{"id", "akkoord-watch-files"},
                                                  {"method", "workspace/didChangeWatchedFiles"},
                                                  {"registerOptions", {{"watchers", watchers}}}}})}}}});
  });
  // Files changed on disk: whatever was loaded from the disk may be stale.
  table.notification("workspace/didChangeWatchedFiles", [this](const json&) {
    analysis_.bump();
    schedule_all();
  });

  // Each feature registers its methods and capabilities here. To add one: write
  // `void add_NAME_handlers(method_table& table, server& srv)` in a file of its own under lsp/, declare it in
  // handlers.hpp, and call it below. In it, `table.request("textDocument/x", handler)` answers a request (return
  // the result as JSON; throw rpc_error for an error answer), `table.notification(…)` handles a notification,
  // and `table.capabilities["xProvider"] = …` announces it. srv.documents() has the open texts;
  // srv.analyzer() (lock srv.analyzer().mutex()) loads agreements and configurations through them.
  add_editing_handlers(table, *this);
  add_navigation_handlers(table, *this);
  return table;
}

int run_language_server(std::istream& in, std::ostream& out) {
  message_writer writer(out);
  server srv(writer);
  dispatcher dispatch(srv.methods(), writer, [&srv](const json& params) { srv.initialize(params); },
                      {{"name", "akkoord"}, {"version", AKKOORD_VERSION}});
  srv.start();
  const int code =
      serve(in, dispatch, [](const std::string& message) { std::cerr << "akkoord lsp: " << message << std::endl; });
  srv.stop();
  return code;
}

}  // namespace akkoord::lsp

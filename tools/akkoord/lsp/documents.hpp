// The documents the client has open: their unsaved text wins over the disk for every file akkoord reads.
// Thread-safe: the main thread applies changes, the diagnostics worker and handlers read snapshots.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace akkoord::lsp {

// `file:///a%20b/c.toml` <-> `/a b/c.toml`. A URI of another scheme has no path (empty).
std::string path_from_uri(const std::string& uri);
std::string uri_from_path(const std::string& path);
// One spelling per file (absolute, `..` and symbolic links resolved) to compare paths with.
std::string canonical_path(const std::string& path);

enum class document_kind {
  agreement,  // `.akkoord`
  plan,       // a `*.toml` that is a configured plan or has a `[plan]` table
  config,     // `.akkoord.toml`: a change re-checks what depends on it
  other,      // any other file: no diagnostics
};

struct document {
  std::string uri;   // as the client wrote it: diagnostics are published to exactly this URI
  std::string path;  // canonical_path of the URI's file
  std::string language_id;
  std::string text;
  std::int64_t version = 0;
};

class document_store {
 public:
  void open(document doc);
  // Applies `contentChanges` in order (full or incremental); false when the document is not open.
  bool change(const std::string& uri, std::int64_t version, const nlohmann::json& changes);
  void close(const std::string& uri);

  std::optional<document> get(const std::string& uri) const;
  // The open document of a file, by its canonical path.
  std::optional<document> by_path(const std::string& path) const;
  std::vector<std::string> uris() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, document> documents_;  // by URI
};

}  // namespace akkoord::lsp

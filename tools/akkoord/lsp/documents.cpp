#include "documents.hpp"

#include <filesystem>
#include <system_error>

#include "positions.hpp"

namespace akkoord::lsp {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string path_from_uri(const std::string& uri) {
  constexpr std::string_view scheme = "file://";
  if (!uri.starts_with(scheme)) return {};
  std::string_view rest = std::string_view(uri).substr(scheme.size());
  const auto slash = rest.find('/');  // skip an authority (`file://localhost/…`)
  if (slash == std::string_view::npos) return {};
  rest.remove_prefix(slash);
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 && hex_value(rest[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2])));
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      path.push_back(rest[i]);
    }
  }
  return path;
}

std::string uri_from_path(const std::string& path) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      uri.push_back(ch);
    } else {
      uri.push_back('%');
      uri.push_back(digits[c >> 4]);
      uri.push_back(digits[c & 15]);
    }
  }
  return uri;
}

std::string canonical_path(const std::string& path) {
  if (path.empty()) return {};
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) return std::filesystem::path(path).lexically_normal().string();
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(absolute, ec);
  return (ec ? absolute.lexically_normal() : canonical).string();
}

void document_store::open(document doc) {
  std::lock_guard lock(mutex_);
  documents_[doc.uri] = std::move(doc);
}

bool document_store::change(const std::string& uri, std::int64_t version, const nlohmann::json& changes) {
  std::lock_guard lock(mutex_);
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return false;
  // Applied to a copy: a malformed change (it throws) leaves the document as it was.
  std::string text = it->second.text;
  for (const auto& change : changes) apply_change(text, change);
  it->second.text = std::move(text);
  it->second.version = version;
  return true;
}

void document_store::close(const std::string& uri) {
  std::lock_guard lock(mutex_);
  documents_.erase(uri);
}

std::optional<document> document_store::get(const std::string& uri) const {
  std::lock_guard lock(mutex_);
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return std::nullopt;
  return it->second;
}

std::optional<document> document_store::by_path(const std::string& path) const {
  std::lock_guard lock(mutex_);
  for (const auto& [uri, doc] : documents_)
    if (doc.path == path) return doc;
  return std::nullopt;
}

std::vector<std::string> document_store::uris() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [uri, doc] : documents_) out.push_back(uri);
  return out;
}

}  // namespace akkoord::lsp

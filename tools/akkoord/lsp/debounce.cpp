#include "debounce.hpp"

namespace akkoord::lsp {

std::uint64_t debouncer::schedule(const std::string& key, clock::time_point now) {
  entry& e = entries_[key];
  e.generation = next_generation_++;
  e.due_at = now + delay_;
  return e.generation;
}

std::vector<debouncer::due> debouncer::take_due(clock::time_point now) {
  std::vector<due> out;
  for (auto& [key, e] : entries_) {
    if (e.due_at && *e.due_at <= now) {
      out.push_back({key, e.generation});
      e.due_at.reset();
    }
  }
  return out;
}

std::optional<debouncer::clock::time_point> debouncer::next_due() const {
  std::optional<clock::time_point> earliest;
  for (const auto& [key, e] : entries_)
    if (e.due_at && (!earliest || *e.due_at < *earliest)) earliest = e.due_at;
  return earliest;
}

bool debouncer::is_current(const std::string& key, std::uint64_t generation) const {
  const auto it = entries_.find(key);
  return it != entries_.end() && it->second.generation == generation;
}

void debouncer::forget(const std::string& key) { entries_.erase(key); }

}  // namespace akkoord::lsp

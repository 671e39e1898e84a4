// When to recompute a document's diagnostics: a change schedules it `delay` later, and another change before
// then postpones it (debounce). Every change gets a new generation, so a result computed from an older text is
// recognised as stale and never published after a newer one. Time is passed in, never read here: the tests
// drive it without sleeping. Not thread-safe: the server holds its lock around every call.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace akkoord::lsp {

class debouncer {
 public:
  using clock = std::chrono::steady_clock;

  explicit debouncer(clock::duration delay) : delay_(delay) {}
  void set_delay(clock::duration delay) { delay_ = delay; }

  // A change of `key` at `now`; returns its generation.
  std::uint64_t schedule(const std::string& key, clock::time_point now);
  // The keys whose time has come, each with the generation to compute; they are no longer pending.
  struct due {
    std::string key;
    std::uint64_t generation;
  };
  std::vector<due> take_due(clock::time_point now);
  // The earliest pending time, if any (the worker sleeps until then).
  std::optional<clock::time_point> next_due() const;
  // Whether `generation` is still the newest of `key` (a result for it may be published).
  bool is_current(const std::string& key, std::uint64_t generation) const;
  // The document was closed: nothing pending, and no result of it is current any more.
  void forget(const std::string& key);

 private:
  struct entry {
    std::uint64_t generation = 0;
    std::optional<clock::time_point> due_at;  // nullopt: nothing pending
  };
  clock::duration delay_;
  std::uint64_t next_generation_ = 1;
  std::map<std::string, entry, std::less<>> entries_;
};

}  // namespace akkoord::lsp

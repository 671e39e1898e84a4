// Reading akkoord's JSON reports in tests, through nlohmann-json: strict (RFC 8259, valid UTF-8, and no key twice
// in one object, which the library would otherwise accept silently), with keys in document order so tests can
// assert the documented order.
#pragma once

#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace strict_json {

// Parses a whole document; throws (nlohmann's parse_error names line and column) when it is not valid JSON,
// and std::runtime_error when an object repeats a key.
inline nlohmann::ordered_json parse(std::string_view text) {
  using event = nlohmann::ordered_json::parse_event_t;
  std::vector<std::set<std::string>> keys_of_open_objects;
  return nlohmann::ordered_json::parse(text, [&](int, event what, nlohmann::ordered_json& parsed) {
    if (what == event::object_start) keys_of_open_objects.emplace_back();
    if (what == event::object_end) keys_of_open_objects.pop_back();
    if (what == event::key && !keys_of_open_objects.back().insert(parsed.get<std::string>()).second)
      throw std::runtime_error("duplicate key `" + parsed.get<std::string>() + "`");
    return true;
  });
}

// The keys of an object, in document order.
inline std::vector<std::string> keys(const nlohmann::ordered_json& object) {
  std::vector<std::string> out;
  for (const auto& [key, value] : object.items()) out.push_back(key);
  return out;
}

}  // namespace strict_json

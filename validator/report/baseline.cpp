// Baselines: fingerprints that survive line shifts, the JSON file, and multiset matching.
#include "akkoord/validator/baseline.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <tuple>

#include "akkoord/validator/json.hpp"
#include "akkoord/validator/report.hpp"
#include "akkoord/source.hpp"

namespace akkoord {

namespace {

constexpr std::string_view suppressed_by_baseline = "baseline";

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string file_of(const diagnostic& d) {
  if (d.primary.file == nullptr) return {};
  return std::filesystem::path(d.primary.file->path()).lexically_normal().generic_string();
}

// The parts of a finding that identify it without its line number.
std::string identity_of(const diagnostic& d) {
  std::string key = d.id;
  key += '\0';
  key += file_of(d);
  key += '\0';
  if (d.primary.valid()) {
    const source_file& file = *d.primary.file;
    key += trimmed(file.line_text(d.primary.begin.line));
    key += '\0';
    const std::size_t begin = file.offset_of(d.primary.begin);
    const std::size_t end = std::max(begin, file.offset_of(d.primary.end));
    key += file.text().substr(begin, std::min<std::size_t>(end - begin, 4096));
  }
  return key;
}

std::string fnv1a_hex(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) hex[static_cast<std::size_t>(i)] = digits[hash & 0xF];
  return hex;
}

// What a baseline file must look like, for the messages about one that does not.
text not_a_baseline(const text& problem) {
  static constexpr std::string_view expected_en =
      R"(expected `{"version": 1, "findings": [...]}` with `id`, `file` and `fingerprint` in each finding)";
  static constexpr std::string_view expected_nl =
      R"(verwacht `{"version": 1, "findings": [...]}` met `id`, `file` en `fingerprint` in elke bevinding)";
  return {"not a baseline file: " + problem.en + "; " + std::string(expected_en),
          "geen baselinebestand: " + problem.nl + "; " + std::string(expected_nl)};
}

// Where the JSON parser stopped, as line and column (in characters, like every position akkoord reports).
source_pos position_of_byte(std::string_view json, std::size_t byte_count) {
  const source_file file("", std::string(json));  // drops a byte order mark, which nlohmann counts
  const std::size_t dropped = json.size() - file.text().size();
  const std::size_t offset = byte_count > dropped ? byte_count - dropped - 1 : 0;  // byte_count is 1-based
  return file.pos_at(std::min(offset, file.text().size()));
}

// The string member `key` of a finding, or nullptr when it is missing or not a string.
const std::string* text_member(const nlohmann::ordered_json& finding, const char* key) {
  const auto found = finding.find(key);
  if (found == finding.end() || !found->is_string()) return nullptr;
  return found->get_ptr<const std::string*>();
}

}  // namespace

std::vector<std::string> baseline_fingerprints(const diagnostics& ds) {
  std::vector<std::string> fingerprints;
  fingerprints.reserve(ds.size());
  std::map<std::string, std::size_t> seen;  // identity -> occurrences so far
  for (const diagnostic& d : ds) {
    std::string key = identity_of(d);
    const std::size_t occurrence = seen[key]++;
    key += '\0';
    key += std::to_string(occurrence);
    fingerprints.push_back(fnv1a_hex(key));
  }
  return fingerprints;
}

baseline make_baseline(const diagnostics& ds) {
  const std::vector<std::string> fingerprints = baseline_fingerprints(ds);
  baseline b;
  for (std::size_t i = 0; i < ds.size(); ++i) {
    if (ds[i].suppressed) continue;
    b.entries.push_back({ds[i].id, file_of(ds[i]), fingerprints[i], ds[i].message.en});
  }
  return b;
}

std::string render_baseline(const baseline& b) {
  std::vector<const baseline_entry*> sorted;
  for (const baseline_entry& entry : b.entries) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const baseline_entry* x, const baseline_entry* y) {
    return std::tie(x->file, x->id, x->fingerprint, x->message) < std::tie(y->file, y->id, y->fingerprint, y->message);
  });
  nlohmann::ordered_json document;
  document["version"] = 1;
  document["findings"] = nlohmann::ordered_json::array();  // written one by one below
  const json_list findings{"findings", sorted.size(), [&](std::size_t k) {
                             const baseline_entry& entry = *sorted[k];
                             return nlohmann::ordered_json{{"id", entry.id},
                                                           {"file", entry.file},
                                                           {"fingerprint", entry.fingerprint},
                                                           {"message", entry.message}};
                           }};
  std::string out;
  append_json(out, document, findings, 1);  // one finding per line: diffs well
  out += '\n';
  return out;
}

bool parse_baseline(std::string_view json, baseline& out, text& error) {
  out.entries.clear();
  const auto fail = [&](text why) {
    error = std::move(why);
    out.entries.clear();
    return false;
  };
  nlohmann::ordered_json document;
  try {
    document = nlohmann::ordered_json::parse(json);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    const source_pos at = position_of_byte(json, e.byte);
    const std::string line = std::to_string(at.line), column = std::to_string(at.column);
    return fail({"not a baseline file: invalid JSON at line " + line + ", column " + column,
                 "geen baselinebestand: ongeldige JSON op regel " + line + ", kolom " + column});
  } catch (const nlohmann::ordered_json::out_of_range&) {  // a number beyond double, such as 1e999
    return fail({"not a baseline file: it holds a number too large to read",
                 "geen baselinebestand: er staat een getal in dat te groot is om te lezen"});
  }
  if (!document.is_object() || !document.contains("version") || !document.contains("findings") ||
      !document.at("findings").is_array()) {
    return fail(not_a_baseline({"it is not an object with `version` and a list `findings`",
                                "het is geen object met `version` en een lijst `findings`"}));
  }
  const nlohmann::ordered_json& version = document.at("version");
  if (!version.is_number()) {
    return fail(not_a_baseline({"`version` is not a number", "`version` is geen getal"}));
  }
  if (version != 1) {
    const std::string shown = version.dump();
    return fail({"unsupported baseline version " + shown + "; this akkoord reads version 1",
                 "baselineversie " + shown + " wordt niet ondersteund; deze akkoord leest versie 1"});
  }
  for (const nlohmann::ordered_json& finding : document.at("findings")) {
    const std::string number = std::to_string(out.entries.size() + 1);
    if (!finding.is_object()) {
      return fail(not_a_baseline({"finding " + number + " is not an object", "bevinding " + number + " is geen object"}));
    }
    baseline_entry entry;
    for (const auto& [key, field] : {std::pair{"id", &entry.id}, std::pair{"file", &entry.file},
                                     std::pair{"fingerprint", &entry.fingerprint}, std::pair{"message", &entry.message}}) {
      const std::string* value = text_member(finding, key);
      const bool optional = field == &entry.message && !finding.contains(key);  // only for people reading the file
      if (value == nullptr && !optional) {
        return fail(not_a_baseline({"finding " + number + ": `" + key + "` is missing or not a text",
                                    "bevinding " + number + ": `" + key + "` ontbreekt of is geen tekst"}));
      }
      if (value != nullptr) *field = *value;
    }
    out.entries.push_back(std::move(entry));
  }
  return true;
}

std::size_t apply_baseline(diagnostics& ds, const baseline& b) {
  // The multiset of accepted findings: each entry absorbs at most one finding.
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> accepted;
  for (const baseline_entry& entry : b.entries) ++accepted[{entry.id, entry.file, entry.fingerprint}];
  std::size_t unused = b.entries.size();
  const std::vector<std::string> fingerprints = baseline_fingerprints(ds);
  for (std::size_t i = 0; i < ds.size(); ++i) {
    diagnostic& d = ds[i];
    if (d.suppressed) continue;
    const auto found = accepted.find({d.id, file_of(d), fingerprints[i]});
    if (found == accepted.end() || found->second == 0) continue;
    --found->second;
    --unused;
    d.suppressed = true;
    d.suppression_reason = std::string(suppressed_by_baseline);
  }
  return unused;
}

}  // namespace akkoord

// `akkoord test DIR…`: every plan in DIR states, in comments, the findings it must produce.
#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>

#include "akkoord/validator/report.hpp"
#include "akkoord/validator/rules.hpp"
#include "akkoord/validator/run.hpp"

namespace akkoord {
namespace {

namespace fs = std::filesystem;

struct expectation {
  std::string id;
  std::uint32_t line = 0;  // 0: anywhere
};

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == ':' || c == '.';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// `ID, ID …` up to the first piece that is not an id (a trailing comment, say).
void read_ids(std::string_view list, std::uint32_t line, std::vector<expectation>& out) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view piece = trim(list.substr(0, comma));
    if (piece.empty() || !std::all_of(piece.begin(), piece.end(), is_id_char)) return;
    out.push_back({std::string(piece), line});
    if (comma == std::string_view::npos) return;
    list.remove_prefix(comma + 1);
  }
}

// `# expect: ID, …` (a finding on this line) and `# expect-anywhere: ID, …` (anywhere in the file).
std::vector<expectation> read_markers(std::string_view text) {
  std::vector<expectation> out;
  std::uint32_t line = 1;
  for (std::size_t start = 0; start <= text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view content = text.substr(start, end - start);
    for (std::size_t hash = content.find('#'); hash != std::string_view::npos; hash = content.find('#', hash + 1)) {
      // Only the front: trimming the end of the line again for every `#` would be quadratic on a long line.
      std::string_view rest = content.substr(hash + 1);
      rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
      static constexpr std::string_view anywhere = "expect-anywhere:", here = "expect:";
      if (rest.substr(0, anywhere.size()) == anywhere) {
        read_ids(rest.substr(anywhere.size()), 0, out);
        break;
      }
      if (rest.substr(0, here.size()) == here) {
        read_ids(rest.substr(here.size()), line, out);
        break;
      }
    }
    start = end + 1;
  }
  return out;
}

// One test file, checked (with the others) by the engine: its findings against its markers.
rule_test_file_result run_one(const std::string& path, plan_check checked, const std::string& failure,
                              std::set<std::string>& fired) {
  rule_test_file_result result;
  result.path = path;
  if (!failure.empty()) {
    result.error = text{"internal error while checking `" + path + "`: " + failure,
                        "interne fout bij het controleren van `" + path + "`: " + failure};
    return result;
  }
  if (checked.typed == nullptr) {  // the file could not be read: its finding says why
    const diagnostic* why = checked.findings.empty() || checked.findings.front().empty() ? nullptr
                                                                                          : &checked.findings.front().front();
    result.error = why != nullptr ? why->message : text{"cannot read `" + path + "`", "`" + path + "` is niet te lezen"};
    return result;
  }
  const source_file& file = *checked.typed->source;
  const std::vector<expectation> expected = read_markers(file.text());
  diagnostics found = std::move(checked.findings.front());
  std::erase_if(found, [](const diagnostic& d) { return d.suppressed; });
  for (const auto& d : found) fired.insert(d.id);

  const auto line_of = [&](const diagnostic& d) -> std::uint32_t {
    return d.primary.file == &file ? d.primary.begin.line : 0;
  };
  // Each expectation takes the first finding it can still match. Findings are indexed by id and line, and
  // by id alone, so that thousands of markers do not each search every finding.
  std::map<std::pair<std::string_view, std::uint32_t>, std::deque<std::size_t>> by_line;
  std::map<std::string_view, std::deque<std::size_t>> by_id;
  for (std::size_t i = 0; i < found.size(); ++i) {
    by_line[{found[i].id, line_of(found[i])}].push_back(i);
    by_id[found[i].id].push_back(i);
  }
  std::vector<bool> matched(found.size(), false);
  const auto take_first = [&](std::deque<std::size_t>& candidates) {
    while (!candidates.empty() && matched[candidates.front()]) candidates.pop_front();
    if (candidates.empty()) return false;
    matched[candidates.front()] = true;
    candidates.pop_front();
    return true;
  };
  const auto match = [&](const expectation& e) {
    if (e.line == 0) {
      const auto it = by_id.find(e.id);
      return it != by_id.end() && take_first(it->second);
    }
    const auto it = by_line.find({e.id, e.line});
    return it != by_line.end() && take_first(it->second);
  };
  // Line markers first, so that an `expect-anywhere` cannot take the finding a line marker names.
  for (const auto& e : expected)
    if (e.line != 0 && !match(e)) result.missing.push_back({e.id, e.line, {}});
  for (const auto& e : expected)
    if (e.line == 0 && !match(e)) result.missing.push_back({e.id, 0, {}});
  for (std::size_t i = 0; i < found.size(); ++i)
    if (!matched[i]) result.unexpected.push_back({found[i].id, line_of(found[i]), found[i].message});
  result.passed = result.missing.empty() && result.unexpected.empty();
  return result;
}

}  // namespace

rule_test_report run_rule_tests(const agreement_model& agreement, const std::vector<std::string>& dirs,
                                source_manager& sources, const check_settings& settings) {
  rule_test_report report;
  std::set<std::string> fired;
  std::vector<std::string> all_plans;  // every DIR's plans, in the order given
  for (const auto& dir : dirs) {
    std::error_code ec;
    std::vector<std::string> plans;
    if (fs::is_regular_file(dir, ec)) {
      plans.push_back(dir);
    } else if (fs::is_directory(dir, ec)) {
      for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        // Hidden files are not plans: `.akkoord.toml` is the configuration.
        if (name.empty() || name.front() == '.' || entry.path().extension() != ".toml") continue;
        if (entry.is_regular_file(ec)) plans.push_back(entry.path().string());
      }
      std::sort(plans.begin(), plans.end());
      if (plans.empty())
        report.errors.push_back(
            {"`" + dir + "` holds no plans (`*.toml`)", "`" + dir + "` bevat geen plannen (`*.toml`)"});
    } else {
      report.errors.push_back({"`" + dir + "` does not exist", "`" + dir + "` bestaat niet"});
    }
    all_plans.insert(all_plans.end(), plans.begin(), plans.end());
  }
  // All files are one run, so `previous(…)` and budget-swing see the file of the year before. duplicate-plan is
  // off: a test suite is made of variants of one plan for the same municipality and year.
  check_settings test_settings = settings;
  test_settings.overrides["duplicate-plan"] = std::nullopt;
  const agreement_model* const against[] = {&agreement};
  std::vector<std::string> failures;
  std::vector<plan_check> checked = check_plans_against(all_plans, against, sources, test_settings, 1, failures);
  for (std::size_t i = 0; i < all_plans.size(); ++i) {
    report.files.push_back(run_one(all_plans[i], std::move(checked[i]), failures[i], fired));
    (report.files.back().passed ? report.passed : report.failed) += 1;
  }
  for (const auto& id : rules_of(agreement)->rule_ids())
    if (!fired.count(id)) report.uncovered_rules.push_back(id);
  return report;
}

// File names, ids and messages come from the user: each goes through printable(), so a newline or an escape
// sequence in them cannot start a line of its own (a GitHub workflow command) or reach the terminal.
std::string render_rule_test_report(const rule_test_report& report, language lang) {
  const bool nl = lang == language::nl;
  std::string out;
  for (const auto& e : report.errors) out += (nl ? "fout: " : "error: ") + printable(e.in(lang)) + "\n";
  for (const auto& f : report.files) {
    if (f.passed) continue;
    out += (nl ? "MISLUKT " : "FAIL ") + printable(f.path) + "\n";
    if (f.error) out += "  " + printable(f.error->in(lang)) + "\n";
    const auto where = [&](std::uint32_t line) {
      if (line == 0) return std::string(nl ? "ergens in het bestand" : "anywhere");
      return (nl ? "regel " : "line ") + std::to_string(line);
    };
    for (const auto& m : f.missing)  // ids read from `# expect:` markers are id characters only
      out += "  " + where(m.line) + ": " +
             (nl ? "`" + m.id + "` verwacht, maar niet gemeld" : "expected `" + m.id + "`, not reported") + "\n";
    for (const auto& u : f.unexpected)
      out += "  " + where(u.line) + ": " + (nl ? "onverwachte melding `" : "unexpected `") + printable(u.id) +
             "`: " + printable(u.message.in(lang)) + "\n";
  }
  out += std::to_string(report.passed) + (nl ? " geslaagd, " : " passed, ") + std::to_string(report.failed) +
         (nl ? " mislukt" : " failed") + "\n";
  if (report.uncovered_rules.empty()) {
    out += nl ? "elke regel is in ten minste één test afgegaan\n" : "every rule fired in at least one test\n";
  } else {
    out += nl ? "regels die in geen enkele test afgaan: " : "rules no test made fire: ";
    for (std::size_t i = 0; i < report.uncovered_rules.size(); ++i)
      out += (i ? ", " : "") + printable(report.uncovered_rules[i]);
    out += "\n";
  }
  return out;
}

}  // namespace akkoord

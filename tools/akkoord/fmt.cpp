// `akkoord fmt`. The printer is parser/format.hpp; this decides what happens to each file. Nothing is written
// unless the formatted text is proven to mean the same: it parses, it has the same meaning lines as the original
// (validator/diff.hpp), and formatting it again changes nothing. A file is replaced through a temporary file
// and rename(), so it is never half written.
#include "fmt.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

#include "akkoord/line_diff.hpp"
#include "akkoord/parser/format.hpp"
#include "akkoord/parser/parse.hpp"
#include "akkoord/validator/diff.hpp"
#include "akkoord/validator/report.hpp"
#include "tool_log.hpp"

namespace akkoord::cli {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
const std::string stdin_name = "<stdin>";

std::optional<std::string> read_stdin() {
  std::string content;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) content.append(buffer, n);
  if (std::ferror(stdin)) return std::nullopt;
  return content;
}

// False (and said) when standard output cannot take it: a closed pipe, a full disk.
bool write_stdout(std::string_view content) {
  if (std::fwrite(content.data(), 1, content.size(), stdout) == content.size() && std::fflush(stdout) == 0) return true;
  const std::string reason = std::strerror(errno);
  tool_error({"cannot write to standard output: " + reason, "er kan niet naar de standaarduitvoer worden geschreven: " + reason});
  return false;
}

enum class outcome { unchanged, changed, syntax_error, unreadable, trouble };

struct counts {
  std::size_t changed = 0, unchanged = 0, syntax_errors = 0, unreadable = 0, trouble = 0;
};

std::string files_en(std::size_t n) { return std::to_string(n) + (n == 1 ? " file" : " files"); }
std::string files_nl(std::size_t n) { return std::to_string(n) + (n == 1 ? " bestand" : " bestanden"); }

// "2 files reformatted, 1 file left unchanged" and the like; in Dutch with the verb where Dutch puts it.
text summary(const counts& c, bool changes_nothing) {
  std::vector<text> parts;
  if (changes_nothing) {
    parts.push_back({files_en(c.changed) + " would be reformatted",
                     files_nl(c.changed) + (c.changed == 1 ? " zou opnieuw worden opgemaakt" : " zouden opnieuw worden opgemaakt")});
    parts.push_back({files_en(c.unchanged) + " already formatted",
                     files_nl(c.unchanged) + (c.unchanged == 1 ? " is al opgemaakt" : " zijn al opgemaakt")});
  } else {
    parts.push_back({files_en(c.changed) + " reformatted", files_nl(c.changed) + " opnieuw opgemaakt"});
    parts.push_back({files_en(c.unchanged) + " left unchanged", files_nl(c.unchanged) + " ongewijzigd"});
  }
  if (c.syntax_errors > 0)
    parts.push_back({files_en(c.syntax_errors) + " with syntax errors left untouched",
                     files_nl(c.syntax_errors) + " met syntaxisfouten niet aangeraakt"});
  if (c.unreadable > 0)
    parts.push_back({files_en(c.unreadable) + " could not be read",
                     files_nl(c.unreadable) + (c.unreadable == 1 ? " was niet te lezen" : " waren niet te lezen")});
  if (c.trouble > 0)
    parts.push_back({files_en(c.trouble) + " could not be formatted or written",
                     files_nl(c.trouble) + (c.trouble == 1 ? " kon niet worden opgemaakt of geschreven"
                                                           : " konden niet worden opgemaakt of geschreven")});
  text out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out.en += (i ? ", " : "") + parts[i].en;
    out.nl += (i ? ", " : "") + parts[i].nl;
  }
  return out;
}

class formatter_run {
 public:
  formatter_run(const fmt_request& request, const run_settings& settings)
      : request_(request), settings_(settings), lang_(settings.report.lang) {}

  int run() {
    for (const std::string& path : request_.files) {
      switch (one(path)) {
        case outcome::unchanged: ++counts_.unchanged; break;
        case outcome::changed: ++counts_.changed; break;
        case outcome::syntax_error: ++counts_.syntax_errors; break;
        case outcome::unreadable: ++counts_.unreadable; break;
        case outcome::trouble: ++counts_.trouble; break;
      }
    }
    // `akkoord fmt -` in an editor: the file on stdout is the whole answer.
    const bool only_stdin = request_.files.size() == 1 && request_.files.front() == "-";
    if (!settings_.report.summary_only) status(status_ + (only_stdin ? "" : summary(counts_, changes_nothing()).in(lang_) + "\n"));
    if (counts_.trouble > 0) return exit_trouble;
    if (counts_.syntax_errors > 0 || counts_.unreadable > 0) return exit_findings;
    if (changes_nothing() && counts_.changed > 0) return exit_findings;
    return exit_clean;
  }

 private:
  bool changes_nothing() const { return request_.check || request_.diff; }

  // The per-file lines and the summary: on stdout, unless stdout carries a diff or a formatted file.
  void status(const std::string& out) const {
    const bool stdout_taken = request_.diff || std::find(request_.files.begin(), request_.files.end(), "-") != request_.files.end();
    std::FILE* stream = stdout_taken ? stderr : stdout;
    std::fwrite(out.data(), 1, out.size(), stream);
    std::fflush(stream);
  }

  void say(const text& line) {
    if (!settings_.report.summary_only) status_ += printable(line.in(lang_)) + "\n";
  }

  outcome one(const std::string& path) {
    const bool from_stdin = path == "-";
    const std::string name = from_stdin ? stdin_name : path;
    std::optional<std::string> content;
    if (from_stdin) {
      content = read_stdin();
      if (!content) {
        tool_error({"cannot read standard input", "de standaardinvoer is niet te lezen"});
        return outcome::unreadable;
      }
    } else {
      read_error why;
      content = read_whole_file(path, why);
      if (!content) {
        tool_error({"cannot read `" + path + "`: " + why.en, "`" + path + "` is niet te lezen: " + why.nl});
        return outcome::unreadable;
      }
    }
    const std::optional<std::string> formatted = format_checked(name, *content);
    if (!formatted) return last_;

    const bool changed = *formatted != *content;
    if (changed && changes_nothing()) say({"would reformat " + name, name + " zou opnieuw worden opgemaakt"});
    if (request_.diff) return emit_diff(name, *content, *formatted, changed);
    if (request_.check) return changed ? outcome::changed : outcome::unchanged;
    if (from_stdin) {
      if (!write_stdout(*formatted)) return outcome::trouble;
      return changed ? outcome::changed : outcome::unchanged;
    }
    if (!changed) return outcome::unchanged;
    text error;
    if (!write_file_atomically(path, *formatted, error)) {
      tool_error(error);
      return outcome::trouble;
    }
    say({"reformatted " + path, path + " is opnieuw opgemaakt"});
    return outcome::changed;
  }

  outcome emit_diff(const std::string& name, const std::string& before, const std::string& after, bool changed) {
    if (!changed) return outcome::unchanged;
    return write_stdout(unified_diff(before, after, name, name)) ? outcome::changed : outcome::trouble;
  }

  // The formatted text, or nullopt with last_ set (and the reason told) when there is none to use.
  std::optional<std::string> format_checked(const std::string& name, const std::string& content) {
    const bool bom = std::string_view(content).starts_with(utf8_bom);
    const source_file& source = sources_.add(name, content);  // drops the BOM
    parser::format_outcome result = parser::format_agreement(source);
    if (!result.text) {
      if (result.failure) return fail(*result.failure);
      std::string out;
      report_options options = settings_.report;
      options.color = false;
      for (const diagnostic& d : result.errors) render_text_diagnostic(out, d, options);
      std::fwrite(out.data(), 1, out.size(), stderr);
      tool_error({"`" + name + "` was left untouched: it has syntax errors",
                  "`" + name + "` is niet aangeraakt: het bevat syntaxisfouten"});
      last_ = outcome::syntax_error;
      return std::nullopt;
    }
    // The proof that nothing but layout changed.
    const source_file& again = sources_.add(name, *result.text);
    const parser::format_outcome second = parser::format_agreement(again);
    if (!second.text || !second.tree || meaning_lines(*second.tree) != meaning_lines(*result.tree))
      return fail({"the formatted `" + name + "` would not mean the same as the file; it was left untouched (a bug in "
                   "akkoord fmt: please report it with the file)",
                   "de opgemaakte versie van `" + name + "` zou iets anders betekenen dan het bestand; het is niet "
                   "aangeraakt (een fout in akkoord fmt: meld deze met het bestand erbij)"});
    if (*second.text != *result.text)
      return fail({"formatting `" + name + "` twice gives another layout than once; it was left untouched (a bug in "
                   "akkoord fmt: please report it with the file)",
                   "`" + name + "` twee keer opmaken geeft een andere indeling dan één keer; het is niet aangeraakt "
                   "(een fout in akkoord fmt: meld deze met het bestand erbij)"});
    return bom ? std::string(utf8_bom) + *result.text : *result.text;
  }

  std::optional<std::string> fail(const text& why) {
    tool_error(why);
    last_ = outcome::trouble;
    return std::nullopt;
  }

  const fmt_request& request_;
  const run_settings& settings_;
  language lang_;
  source_manager sources_;
  counts counts_;
  outcome last_ = outcome::trouble;
  std::string status_;
};

}  // namespace

int run_fmt(const fmt_request& request, const run_settings& settings) { return formatter_run(request, settings).run(); }

}  // namespace akkoord::cli

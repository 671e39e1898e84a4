#include "fix_files.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "akkoord/fix.hpp"
#include "akkoord/line_diff.hpp"
#include "akkoord/parser/parse.hpp"
#include "akkoord/validator/plan.hpp"
#include "tool_log.hpp"

namespace akkoord::cli {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
// A fix never makes another one possible for ever; the bound only guards against a fix that keeps changing.
constexpr int max_fix_passes = 10;

bool is_plan(const run_result& run, const source_file& file) {
  for (const checked_file& f : run.files)
    if (f.path == file.path()) return f.role == file_role::plan;
  return std::string_view(file.path()).ends_with(".toml");
}

bool has_finding(const diagnostics& ds, std::string_view id) {
  return std::any_of(ds.begin(), ds.end(), [&](const diagnostic& d) { return d.id == id; });
}

// The files with a fix to apply, in the order of their first such finding (the run's file order).
std::vector<const source_file*> files_to_fix(const run_result& run) {
  std::vector<const source_file*> files;
  for (const diagnostic& d : run.findings)
    if (d.fix && !d.suppressed && !d.fix->edits.empty() && d.fix->edits.front().span.file != nullptr &&
        std::find(files.begin(), files.end(), d.fix->edits.front().span.file) == files.end())
      files.push_back(d.fix->edits.front().span.file);
  return files;
}

// One file's fixes, once it is certain they may be written: the file reads as it did when it was checked, an
// agreement has no syntax errors, and the fixed text reads as well as the original did.
struct file_fix {
  const source_file* file = nullptr;
  fixed_text fixed;
  std::string bytes;  // what to write: the fixed text, with the file's byte order mark kept
};

enum class verdict { fix, nothing, refused, trouble };

verdict prepare(const run_result& run, const source_file& file, file_fix& out) {
  out.file = &file;
  out.fixed = apply_fixes(file, run.findings);
  for (const auto& skipped : out.fixed.skipped)
    if (skipped.conflicts_with == nullptr)
      tool_warning({"a fix for `" + skipped.finding->id + "` in `" + file.path() +
                        "` does not fit the file and was left out (a bug in akkoord: please report it with the file)",
                    "een correctie voor `" + skipped.finding->id + "` in `" + file.path() +
                        "` past niet in het bestand en is niet aangebracht (een fout in akkoord: meld deze met het "
                        "bestand erbij)"});
  if (out.fixed.applied.empty() || out.fixed.text == file.text()) return verdict::nothing;

  const bool plan = is_plan(run, file);
  source_manager scratch;
  const source_file& before = scratch.add(file.path(), std::string(file.text()));
  const source_file& after = scratch.add(file.path(), out.fixed.text);
  if (plan) {
    diagnostics was, now;
    read_plan(before, was);
    read_plan(after, now);
    if (!has_finding(was, "toml-syntax") && has_finding(now, "toml-syntax")) {
      tool_error({"the fixes would make `" + file.path() + "` invalid TOML; it was left untouched (a bug in akkoord: "
                  "please report it with the file)",
                  "de correcties zouden van `" + file.path() + "` ongeldige TOML maken; het is niet aangeraakt (een "
                  "fout in akkoord: meld deze met het bestand erbij)"});
      return verdict::trouble;
    }
  } else {
    if (!parser::parse_agreement(before).errors.empty()) {
      tool_error({"`" + file.path() + "` was left untouched: it has syntax errors",
                  "`" + file.path() + "` is niet aangeraakt: het bevat syntaxisfouten"});
      return verdict::refused;
    }
    if (!parser::parse_agreement(after).errors.empty()) {
      tool_error({"the fixes would give `" + file.path() + "` syntax errors; it was left untouched (a bug in akkoord: "
                  "please report it with the file)",
                  "de correcties zouden `" + file.path() + "` syntaxisfouten geven; het is niet aangeraakt (een fout "
                  "in akkoord: meld deze met het bestand erbij)"});
      return verdict::trouble;
    }
  }

  // The file on disk must still be what was checked: a fix is an edit of that text, not of a newer one.
  read_error why;
  const auto on_disk = read_whole_file(file.path(), why);
  std::string_view disk_text = on_disk ? std::string_view(*on_disk) : std::string_view();
  const bool bom = disk_text.starts_with(utf8_bom);
  if (bom) disk_text.remove_prefix(utf8_bom.size());
  if (!on_disk || disk_text != file.text()) {
    tool_error({"`" + file.path() + "` changed while it was checked; it was left untouched",
                "`" + file.path() + "` is tijdens de controle gewijzigd; het is niet aangeraakt"});
    return verdict::refused;
  }
  out.bytes = bom ? std::string(utf8_bom) + out.fixed.text : out.fixed.text;
  return verdict::fix;
}

// "`plans/x.toml`: 2 fixes applied" and each fix's title on a line of its own.
std::string fixes_told(const file_fix& f, bool applied, language lang) {
  const std::size_t n = f.fixed.applied.size();
  const std::string count = std::to_string(n);
  std::string out = printable(f.file->path()) + ": ";
  if (lang == language::nl)
    out += count + (n == 1 ? " correctie " : " correcties ") + (applied ? "aangebracht" : "zou" + std::string(n == 1 ? "" : "den") + " worden aangebracht");
  else
    out += count + (n == 1 ? " fix " : " fixes ") + (applied ? "applied" : "would be applied");
  out += '\n';
  for (const diagnostic* d : f.fixed.applied) out += "  - " + printable(d->fix->title.in(lang)) + " [" + d->id + "]\n";
  return out;
}

// The lines about changed files go where the findings go, unless stdout carries a machine format.
std::FILE* status_stream(const run_settings& settings) {
  for (const report_target& target : settings.reports)
    if (target.to_stdout() && target.format != report_format::text && target.format != report_format::short_)
      return stderr;
  return stdout;
}

void write_out(std::FILE* stream, const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stream);
  std::fflush(stream);
}

}  // namespace

bool fix_until_clean(run_result& run, const std::function<run_result()>& rerun, const run_settings& settings) {
  const language lang = settings.report.lang;
  bool ok = true;
  std::size_t total = 0;
  std::map<std::string, std::size_t> fixed_per_file;
  for (int pass = 0; pass < max_fix_passes; ++pass) {
    std::size_t applied = 0;
    std::string told;
    for (const source_file* file : files_to_fix(run)) {
      file_fix f;
      const verdict v = prepare(run, *file, f);
      if (v == verdict::trouble) ok = false;
      if (v != verdict::fix) continue;
      text error;
      if (!write_file_atomically(file->path(), f.bytes, error)) {
        tool_error(error);
        ok = false;
        continue;
      }
      applied += f.fixed.applied.size();
      fixed_per_file[file->path()] += f.fixed.applied.size();
      if (!settings.report.summary_only) told += fixes_told(f, true, lang);
    }
    write_out(status_stream(settings), told);
    if (applied == 0) break;
    total += applied;
    run = rerun();  // what is left, and fixes that overlapped one applied in this pass
  }
  if (total > 0) {
    const std::string n = std::to_string(total), files = std::to_string(fixed_per_file.size());
    const bool one = fixed_per_file.size() == 1;
    write_out(status_stream(settings),
              lang == language::nl
                  ? n + (total == 1 ? " correctie" : " correcties") + " aangebracht in " + files +
                        (one ? " bestand" : " bestanden") + "; wat overblijft:\n"
                  : n + (total == 1 ? " fix" : " fixes") + " applied in " + files + (one ? " file" : " files") +
                        "; what is left:\n");
  }
  return ok;
}

int preview_fixes(const run_result& run, const run_settings& settings) {
  const language lang = settings.report.lang;
  bool trouble = false, would_change = false;
  for (const source_file* file : files_to_fix(run)) {
    file_fix f;
    const verdict v = prepare(run, *file, f);
    if (v == verdict::trouble) trouble = true;
    if (v != verdict::fix) continue;
    would_change = true;
    write_out(stdout, unified_diff(file->text(), f.fixed.text, file->path(), file->path()));
    std::string told = fixes_told(f, false, lang);
    for (const auto& skipped : f.fixed.skipped)
      if (skipped.conflicts_with != nullptr)
        told += lang == language::nl
                    ? "  de correctie voor `" + skipped.finding->id + "` overlapt met die voor `" +
                          skipped.conflicts_with->id + "`: `--fix` brengt haar in een tweede ronde aan\n"
                    : "  the fix for `" + skipped.finding->id + "` overlaps the one for `" + skipped.conflicts_with->id +
                          "`: `--fix` applies it in a second pass\n";
    if (!settings.report.summary_only) write_out(stderr, told);
  }
  if (trouble) return exit_trouble;
  return would_change ? exit_findings : exit_clean;
}

}  // namespace akkoord::cli

// Loading an agreement: the root file, its includes (depth-first, each file once), and the indexes by id.
#include "akkoord/validator/agreement.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "akkoord/parser/parse.hpp"
#include "akkoord/validator/rules.hpp"

namespace akkoord {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view include_error_id = "include-error";
// Deeper include chains are a mistake, not a design; the bound also keeps the loader's recursion small.
constexpr std::size_t max_include_depth = 32;
// Files in one agreement, the root included: far more than a real agreement needs, few enough that a generated
// tree of includes cannot make one load read thousands of files.
constexpr std::size_t max_agreement_files = 256;

diagnostic make_error(std::string_view id, source_span where, text message) {
  diagnostic d;
  d.id = std::string(id);
  d.level = severity::error;
  d.message = std::move(message);
  d.primary = where;
  return d;
}

// The canonical form of a path that may not exist; empty when even that fails. Made absolute first: of a
// relative path whose first part does not exist (`file`, `./file`), weakly_canonical returns it relative.
fs::path canonical_or_empty(const fs::path& p) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(p.empty() ? fs::path(".") : p, ec);
  if (ec) return {};
  fs::path out = fs::weakly_canonical(absolute, ec);
  if (ec) return {};
  return out;
}

// Whether `inner` lies strictly inside directory `outer` (both canonical).
bool is_inside(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return i != inner.end();
}

bool leaves_lexically(const fs::path& relative) {
  const fs::path normal = relative.lexically_normal();
  return !normal.empty() && *normal.begin() == "..";
}

struct include_site {
  source_span path_span;  // the include's path string
  std::string written;    // the path as written
};

// The files of an agreement on disk.
class disk_files final : public agreement_files {
 public:
  std::optional<std::string> read(const std::string& path, read_error& why) const override {
    return read_whole_file(path, why, parser::max_file_bytes);
  }
  std::string canonical(const std::string& path) const override { return canonical_or_empty(path).string(); }
};

class loader {
 public:
  loader(source_manager& sources, diagnostics& out, const agreement_files& files)
      : sources_(sources), out_(out), disk_(files) {}

  // Parses the root file; nullptr when nothing of it could be read (the error is in `out`). Declarations with
  // syntax errors are left out and listed in the model's `broken`.
  std::unique_ptr<agreement_model> load_root(const source_file& root) {
    if (!take(parser::parse_agreement(root))) return nullptr;
    const fs::path canonical = disk_.canonical(root.path());
    loaded_.insert(canonical);
    chain_.push_back(canonical);
    follow_includes(0);
    return build_model();
  }

 private:
  // Keeps what a file's parse gives: its errors, its tree (false when it has none), its broken declarations.
  bool take(parser::parse_outcome parsed) {
    for (auto& d : parsed.errors) out_.push_back(std::move(d));
    for (auto& b : parsed.broken) {
      // A declaration whose name cannot be read may declare whatever is referred to.
      if (!b.id && !b.keyword.empty()) complete_ = false;
      broken_.push_back(std::move(b));
    }
    if (!parsed.tree) return false;
    files_.push_back(std::move(*parsed.tree));
    return true;
  }

  void report(const include_site& site, text message, std::optional<text> help = std::nullopt) {
    auto d = make_error(include_error_id, site.path_span, std::move(message));
    // The chain that led here, innermost first: where each file on the way was included.
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      d.related.push_back({it->path_span, {"`" + it->written + "` is included here",
                                           "`" + it->written + "` wordt hier ingevoegd"}});
    d.help = std::move(help);
    out_.push_back(std::move(d));
    complete_ = false;
  }

  void report_unreadable(const include_site& site, const read_error& why) {
    report(site,
           {"cannot read included file `" + site.written + "`: " + why.en,
            "het ingevoegde bestand `" + site.written + "` is niet te lezen: " + why.nl},
           text{"correct the path (it is relative to the including file), or create the file",
                "corrigeer het pad (het geldt vanaf de map van het invoegende bestand), of maak het bestand aan"});
  }

  // Loads the includes of files_[index], depth-first. Recursion depth is bounded by max_include_depth.
  void follow_includes(std::size_t index) {
    std::vector<include_site> includes;
    for (const auto& decl : files_[index].declarations)
      if (const auto* inc = std::get_if<ast::include_decl>(&decl))
        includes.push_back({inc->path.span, inc->path.value});
    const fs::path including_dir = fs::path(files_[index].source->path()).parent_path();
    for (const auto& site : includes) load_include(site, including_dir);
  }

  void load_include(const include_site& site, const fs::path& including_dir) {
    const std::string& written = site.written;
    const text stay_inside{"an include path is relative to the including file and stays inside its directory",
                           "een include-pad geldt vanaf de map van het invoegende bestand en blijft binnen die map"};
    if (written.empty()) {
      report(site, {"empty include path", "leeg include-pad"});
      return;
    }
    const fs::path relative(written);
    if (relative.has_root_path()) {
      report(site, {"include path `" + written + "` is absolute", "include-pad `" + written + "` is absoluut"},
             stay_inside);
      return;
    }
    if (leaves_lexically(relative)) {
      report(site,
             {"include path `" + written + "` leaves the directory of the including file",
              "include-pad `" + written + "` verlaat de map van het invoegende bestand"},
             stay_inside);
      return;
    }
    const fs::path path = (including_dir / relative).lexically_normal();
    const fs::path canonical = disk_.canonical(path.string());
    const fs::path canonical_dir = disk_.canonical(including_dir.string());
    read_error why;
    // Unresolvable (a loop of symbolic links, a file where a directory should be): say why it cannot be read.
    if ((canonical.empty() || canonical_dir.empty()) && !disk_.read(path.string(), why)) {
      report_unreadable(site, why);
      return;
    }
    // A symbolic link inside the directory may still point outside it: compare where it really leads.
    // (The directory itself, `include "."`, is not outside: reading it reports "is a directory".)
    if (canonical.empty() || canonical_dir.empty() ||
        (!is_inside(canonical, canonical_dir) && canonical != canonical_dir)) {
      report(site,
             {"include path `" + written + "` leads outside the directory of the including file",
              "include-pad `" + written + "` verwijst naar een plaats buiten de map van het invoegende bestand"},
             stay_inside);
      return;
    }
    if (std::find(chain_.begin(), chain_.end(), canonical) != chain_.end()) {
      report(site,
             {"include cycle: `" + written + "` is already being loaded",
              "kringverwijzing: `" + written + "` wordt al ingelezen"},
             text{"remove one of the includes that form the cycle",
                  "verwijder een van de includes die samen de kring vormen"});
      return;
    }
    if (loaded_.count(canonical)) return;  // included before through another path: each file loads once
    if (chain_.size() > max_include_depth) {
      report(site, {"includes are nested more than " + std::to_string(max_include_depth) + " deep",
                    "includes zijn meer dan " + std::to_string(max_include_depth) + " niveaus diep genest"});
      return;
    }
    if (loaded_.size() >= max_agreement_files) {
      const std::string limit = std::to_string(max_agreement_files);
      report(site,
             {"the agreement already has " + limit + " files, the most akkoord reads: `" + written + "` is not read",
              "de afspraken bestaan al uit " + limit + " bestanden, het maximum dat akkoord inleest: `" + written +
                  "` is niet ingelezen"},
             text{"combine small files into larger ones", "voeg kleine bestanden samen tot grotere"});
      return;
    }
    auto content = disk_.read(path.string(), why);
    if (!content) {
      report_unreadable(site, why);
      return;
    }
    loaded_.insert(canonical);
    const source_file& file = sources_.add(path.generic_string(), std::move(*content));
    if (!take(parser::parse_agreement(file))) {
      complete_ = false;
      return;
    }
    chain_.push_back(canonical);
    stack_.push_back(site);
    follow_includes(files_.size() - 1);
    stack_.pop_back();
    chain_.pop_back();
  }

  template <class Decl>
  static void index_into(index_of<Decl>& index, const Decl& decl) {
    index.emplace(decl.id.name, &decl);  // emplace keeps the first declaration of an id
  }

  std::unique_ptr<agreement_model> build_model() {
    auto model = std::make_unique<agreement_model>();
    model->files = std::move(files_);
    model->complete = complete_;
    model->broken = std::move(broken_);
    for (const auto& file : model->files) {
      for (const auto& decl : file.declarations) {
        std::visit(
            [&](const auto& d) {
              using T = std::decay_t<decltype(d)>;
              if constexpr (std::is_same_v<T, ast::agreement_decl>) {
                if (!model->agreement) model->agreement = &d;
              } else if constexpr (std::is_same_v<T, ast::party_decl>) {
                index_into(model->parties, d);
              } else if constexpr (std::is_same_v<T, ast::executor_decl>) {
                index_into(model->executors, d);
              } else if constexpr (std::is_same_v<T, ast::period_decl>) {
                index_into(model->periods, d);
              } else if constexpr (std::is_same_v<T, ast::milestone_decl>) {
                index_into(model->milestones, d);
              } else if constexpr (std::is_same_v<T, ast::task_decl>) {
                index_into(model->tasks, d);
              } else if constexpr (std::is_same_v<T, ast::contribution_decl>) {
                index_into(model->contributions, d);
              } else if constexpr (std::is_same_v<T, ast::saving_decl>) {
                index_into(model->savings, d);
              } else if constexpr (std::is_same_v<T, ast::benchmark_decl>) {
                index_into(model->benchmarks, d);
              } else if constexpr (std::is_same_v<T, ast::rule_decl>) {
                index_into(model->rules, d);
              }
            },
            decl);
      }
    }
    model->compiled_rules_cache = std::make_shared<const compiled_rules>(compile_rules(*model));
    return model;
  }

  source_manager& sources_;
  diagnostics& out_;
  const agreement_files& disk_;
  std::vector<ast::file> files_;
  bool complete_ = true;
  std::vector<parser::broken_declaration> broken_;
  std::set<fs::path> loaded_;            // canonical paths of every file loaded
  std::vector<fs::path> chain_;          // canonical paths from the root to the file being loaded
  std::vector<include_site> stack_;      // the includes that led to the file being loaded
};

}  // namespace

std::unique_ptr<agreement_model> load_agreement(const std::string& path, source_manager& sources,
                                                diagnostics& out) {
  return load_agreement(path, sources, out, disk_files());
}

std::unique_ptr<agreement_model> load_agreement(const std::string& path, source_manager& sources, diagnostics& out,
                                                const agreement_files& files) {
  read_error why;
  auto content = files.read(path, why);
  if (!content) {
    // No text to point into: a whole-file message (line 0) on an empty stand-in.
    const source_file& file = sources.add(path, std::string());
    out.push_back(make_error("dsl-syntax", source_span{&file, {}, {}},
                             {"cannot read `" + path + "`: " + why.en, "`" + path + "` is niet te lezen: " + why.nl}));
    return nullptr;
  }
  const source_file& root = sources.add(path, std::move(*content));
  return loader(sources, out, files).load_root(root);
}

std::unique_ptr<agreement_model> load_agreement_text(const std::string& path, std::string text,
                                                     source_manager& sources, diagnostics& out) {
  const source_file& root = sources.add(path, std::move(text));
  return loader(sources, out, disk_files()).load_root(root);
}

const ast::timeline_entry* agreement_model::executor_at(const ast::task_decl& task, civil_date day) const {
  // The latest entry not after `day`; of two on the same date, the later one in the file.
  const ast::timeline_entry* found = nullptr;
  for (const auto& entry : task.timeline) {
    const civil_date from = entry.from.value();
    if (from <= day && (found == nullptr || found->from.value() <= from)) found = &entry;
  }
  return found;
}

const ast::article_ref* agreement_model::article_at(const source_span& where) const {
  for (const auto& f : files) {
    if (f.source != where.file) continue;
    // Declarations are in source order and do not overlap: the last one starting at or before `where`.
    const auto after = std::upper_bound(f.declarations.begin(), f.declarations.end(), where.begin,
                                        [](const source_pos& pos, const ast::declaration& d) {
                                          return pos < std::visit([](const auto& decl) { return decl.span.begin; }, d);
                                        });
    if (after == f.declarations.begin()) return nullptr;
    return std::visit(
        [&](const auto& decl) -> const ast::article_ref* {
          if constexpr (requires { decl.article; }) {
            if (decl.article && !(decl.span.end < where.end)) return &*decl.article;
          }
          return nullptr;
        },
        *std::prev(after));
  }
  return nullptr;
}

std::optional<std::int64_t> agreement_model::hours_per_fte() const {
  if (agreement == nullptr || !agreement->hours_per_fte) return std::nullopt;
  return agreement->hours_per_fte->value;
}

}  // namespace akkoord

// The validator's model pieces: did-you-mean, the BBV catalogue, the loader (includes, indexes, timelines),
// and the reference agreement linting clean.
#include <gtest/gtest.h>

#include <chrono>
#include <unistd.h>

#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/suggest.hpp"
#include "fixture_support.hpp"

namespace akkoord::testing {
namespace {

namespace fs = std::filesystem;

// ---- did you mean --------------------------------------------------------------------------------------

TEST(suggest, edit_distance_counts_insertions_deletions_substitutions_and_swaps) {
  EXPECT_EQ(edit_distance("amstelveen", "amstelveen", 5), 0u);
  EXPECT_EQ(edit_distance("amstelven", "amstelveen", 5), 1u);
  EXPECT_EQ(edit_distance("amstelveeen", "amstelveen", 5), 1u);
  EXPECT_EQ(edit_distance("aalsmeer", "aalsmeor", 5), 1u);
  EXPECT_EQ(edit_distance("aalsmere", "aalsmeer", 5), 1u);  // two neighbours swapped
  EXPECT_EQ(edit_distance("Aalsmeer", "aalsmeer", 5), 0u);  // case does not count
  EXPECT_EQ(edit_distance("", "abc", 5), 3u);
}

TEST(suggest, edit_distance_stops_at_the_limit) {
  EXPECT_EQ(edit_distance("burgerzaken", "openbare_orde", 2), 3u);
  EXPECT_EQ(edit_distance("a", "abcdefgh", 2), 3u);
}

TEST(suggest, closest_candidate_within_the_limit) {
  const std::vector<std::string> parties{"aalsmeer", "amstelveen"};
  EXPECT_EQ(did_you_mean("amstelveeen", parties), "amstelveen");
  EXPECT_EQ(did_you_mean("aalsmer", parties), "aalsmeer");
  EXPECT_EQ(did_you_mean("haarlem", parties), std::nullopt);
  EXPECT_EQ(did_you_mean("amstelveen", parties), std::nullopt);  // the word itself is no suggestion
  EXPECT_EQ(did_you_mean("", parties), std::nullopt);
}

TEST(suggest, a_case_only_difference_wins_a_tie) {
  // Both are one edit from `Aalsmer` ignoring case; only `Aalsmeer` also keeps its capital.
  EXPECT_EQ(did_you_mean("Aalsmer", std::vector<std::string>{"aalsmeer", "Aalsmeer"}), "Aalsmeer");
  EXPECT_EQ(did_you_mean("aalsmer", std::vector<std::string>{"Aalsmeer", "aalsmeer"}), "aalsmeer");
  // Otherwise the first candidate offered wins a tie.
  EXPECT_EQ(did_you_mean("aalsmer", std::vector<std::string>{"aalsmeer", "aalsmeir"}), "aalsmeer");
}

TEST(suggest, short_words_allow_one_edit) {
  EXPECT_EQ(suggestion_limit("AA"), 1u);
  EXPECT_EQ(did_you_mean("AB", std::vector<std::string>{"AA"}), "AA");
  EXPECT_EQ(did_you_mean("XY", std::vector<std::string>{"AA"}), std::nullopt);
}

TEST(suggest, many_candidates_stay_cheap) {
  std::vector<std::string> candidates;
  for (int i = 0; i < 200'000; ++i) candidates.push_back("candidate_number_" + std::to_string(i));
  candidates.push_back("dienstverleningsbijdrage");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(did_you_mean("dienstverleningsbydrage", candidates), "dienstverleningsbijdrage");
  EXPECT_EQ(did_you_mean(std::string(5000, 'x'), candidates), std::nullopt);  // very long: no suggestion
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

// ---- BBV catalogue -------------------------------------------------------------------------------------

std::vector<std::string> codes(const std::vector<const taakveld*>& list) {
  std::vector<std::string> out;
  for (const auto* t : list) out.push_back(t->code);
  return out;
}

TEST(taakvelden, three_lists_compiled_in) {
  const auto& catalog = taakveld_catalog::builtin();
  ASSERT_EQ(catalog.lists().size(), 3u);
  EXPECT_EQ(catalog.lists()[0].first_year, 2017);
  EXPECT_EQ(catalog.lists()[0].last_year, 2022);
  EXPECT_EQ(catalog.lists()[0].entries.size(), 53u);
  EXPECT_EQ(catalog.lists()[1].entries.size(), 71u);
  EXPECT_EQ(catalog.lists()[2].entries.size(), 69u);
  const auto* wmo = catalog.lists()[2].find("6.60");
  ASSERT_NE(wmo, nullptr);
  EXPECT_EQ(wmo->name, "Hulpmiddelen en diensten (WMO)");
  EXPECT_EQ(wmo->main_group, "6");
  // Quoted CSV fields keep their comma.
  EXPECT_EQ(catalog.lists()[0].find("5.3")->name, "Cultuurpresentatie, cultuurproductie en cultuurparticipatie");
}

TEST(taakvelden, codes_are_text) {
  const auto& list = *taakveld_catalog::builtin().for_year(2025);
  EXPECT_NE(list.find("0.1"), nullptr);
  EXPECT_NE(list.find("0.10"), nullptr);
  EXPECT_NE(list.find("0.1")->name, list.find("0.10")->name);
  EXPECT_EQ(list.find("6.6"), nullptr);
  EXPECT_NE(list.find("6.60"), nullptr);
}

TEST(taakvelden, list_per_book_year) {
  const auto& catalog = taakveld_catalog::builtin();
  bool newest = true;
  EXPECT_EQ(catalog.for_year(2016, &newest), nullptr);
  EXPECT_FALSE(newest);
  EXPECT_EQ(catalog.for_year(2017)->first_year, 2017);
  EXPECT_EQ(catalog.for_year(2022)->first_year, 2017);
  EXPECT_EQ(catalog.for_year(2023)->first_year, 2023);
  EXPECT_EQ(catalog.for_year(2026, &newest)->first_year, 2025);
  EXPECT_FALSE(newest);
  EXPECT_EQ(catalog.for_year(2031, &newest)->first_year, 2025);
  EXPECT_TRUE(newest);
}

TEST(taakvelden, lists_with_a_code) {
  const auto& catalog = taakveld_catalog::builtin();
  EXPECT_EQ(catalog.lists_with("0.2").size(), 3u);
  ASSERT_EQ(catalog.lists_with("6.6").size(), 2u);
  EXPECT_EQ(catalog.lists_with("6.6")[1]->last_year, 2024);
  ASSERT_EQ(catalog.lists_with("6.71a").size(), 1u);
  EXPECT_EQ(catalog.lists_with("6.71a")[0]->first_year, 2023);
  EXPECT_TRUE(catalog.lists_with("9.9").empty());
}

// find() and letter_subcodes() search the list's index by code: every entry must be found as itself, in
// every list, and the quoted name with a comma read whole (the index is built once, with the list).
TEST(taakvelden, lookups_by_code) {
  const auto& catalog = taakveld_catalog::builtin();
  ASSERT_EQ(catalog.lists().size(), 3u);
  for (const auto& list : catalog.lists()) {
    ASSERT_GT(list.entries.size(), 50u);
    for (const auto& entry : list.entries) EXPECT_EQ(list.find(entry.code), &entry) << entry.code;
    EXPECT_EQ(list.find("6.7"), nullptr);
    EXPECT_EQ(list.find(""), nullptr);
    EXPECT_EQ(list.find("9.9"), nullptr);
  }
  const auto& list_2023 = *catalog.for_year(2023);
  using v = std::vector<std::string>;
  EXPECT_EQ(codes(list_2023.letter_subcodes("6.72")), (v{"6.72a", "6.72b", "6.72c", "6.72d"}));
  EXPECT_EQ(codes(list_2023.letter_subcodes("6.71")), (v{"6.71a", "6.71b", "6.71c", "6.71d"}));
  EXPECT_TRUE(list_2023.letter_subcodes("6.72a").empty());
  EXPECT_TRUE(list_2023.letter_subcodes("0.1").empty());  // 0.10 extends it by a digit, not a letter
  EXPECT_EQ(catalog.for_year(2025)->find("5.3")->name, "Cultuurpresentatie, cultuurproductie en cultuurparticipatie");
}

TEST(taakvelden, replacements_follow_the_renumbering) {
  const auto& catalog = taakveld_catalog::builtin();
  using v = std::vector<std::string>;
  EXPECT_EQ(codes(catalog.replacements("6.6", 2025)), v{"6.60"});
  EXPECT_EQ(codes(catalog.replacements("6.72", 2025)), (v{"6.751", "6.752", "6.753", "6.761", "6.762", "6.763"}));
  EXPECT_EQ(codes(catalog.replacements("6.71", 2025)), (v{"6.711", "6.712", "6.713", "6.714"}));
  EXPECT_EQ(codes(catalog.replacements("6.71a", 2025)), v{"6.711"});
  EXPECT_EQ(codes(catalog.replacements("6.2", 2025)), (v{"6.21", "6.22", "6.23"}));
  EXPECT_EQ(codes(catalog.replacements("6.81", 2026)), (v{"6.811", "6.812"}));
  // Backwards: a new code used for an old year.
  EXPECT_EQ(codes(catalog.replacements("6.60", 2020)), v{"6.6"});
  EXPECT_EQ(codes(catalog.replacements("6.711", 2023)), v{"6.71a"});
  EXPECT_EQ(codes(catalog.replacements("6.72b", 2019)), v{"6.72"});
  // Valid codes, unknown codes and years before the lists have none.
  EXPECT_TRUE(catalog.replacements("0.2", 2025).empty());
  EXPECT_TRUE(catalog.replacements("9.9", 2025).empty());
  EXPECT_TRUE(catalog.replacements("6.6", 2010).empty());
}

// ---- loading ------------------------------------------------------------------------------------------

// A scratch directory for files the tests write (symbolic links cannot live in the repository portably).
class scratch_dir {
 public:
  scratch_dir() {
    path_ = fs::temp_directory_path() / ("akkoord_model_tests_" + std::to_string(::getpid()) + "_" +
                                         std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~scratch_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

std::string lint(const fs::path& root, const fs::path& base, std::optional<std::string> only = std::nullopt) {
  source_manager sources;
  check_settings settings;
  settings.only = std::move(only);
  diagnostics found;
  lint_agreement(root.string(), sources, settings, found);
  return render_short(found, base);
}

TEST(loader, the_reference_agreement_lints_clean) {
  const fs::path aa = source_dir() / "rules" / "aa.akkoord";
  source_manager sources;
  diagnostics found;
  auto model = lint_agreement(aa.string(), sources, check_settings{}, found);
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(render_short(found, aa.parent_path()), "");
  EXPECT_TRUE(model->complete);
  EXPECT_EQ(model->parties.size(), 2u);
  EXPECT_EQ(model->tasks.size(), 12u);
  EXPECT_EQ(model->hours_per_fte(), 1536);
}

TEST(loader, executor_at_a_date_follows_the_timeline) {
  const fs::path aa = source_dir() / "rules" / "aa.akkoord";
  source_manager sources;
  diagnostics found;
  auto model = load_agreement(aa.string(), sources, found);
  ASSERT_NE(model, nullptr);
  const auto& strategie = *model->tasks.at("strategie");
  EXPECT_EQ(model->executor_at(strategie, {2012, 12, 31}), nullptr);
  EXPECT_EQ(model->executor_at(strategie, {2013, 1, 1})->who.name, "AA");
  EXPECT_EQ(model->executor_at(strategie, {2022, 3, 31})->who.name, "AA");
  EXPECT_EQ(model->executor_at(strategie, {2022, 4, 1})->who.name, "kernorganisatie");
  EXPECT_EQ(model->executor_at(strategie, {2030, 1, 1})->what, ast::timeline_entry::kind::returned_to);
}

TEST(loader, a_missing_root_file_is_reported_by_name) {
  source_manager sources;
  diagnostics found;
  EXPECT_EQ(load_agreement("/nonexistent/dir/agreement.akkoord", sources, found), nullptr);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "dsl-syntax");
  EXPECT_NE(found[0].message.en.find("/nonexistent/dir/agreement.akkoord"), std::string::npos);
  EXPECT_NE(found[0].message.en.find("no such file"), std::string::npos);
}

TEST(loader, a_directory_as_root_file_is_reported) {
  scratch_dir dir;
  source_manager sources;
  diagnostics found;
  EXPECT_EQ(load_agreement(dir.path().string(), sources, found), nullptr);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.en.find("directory"), std::string::npos);
}

TEST(loader, includes_resolve_relative_to_the_including_file_and_load_once) {
  scratch_dir dir;
  const fs::path root = dir.write("main.akkoord", "include \"sub/parties.akkoord\"\ninclude \"sub/parties.akkoord\"\n");
  dir.write("sub/parties.akkoord",
            "include \"more.akkoord\"\nparty aalsmeer \"Gemeente Aalsmeer\" { roles opdrachtgever inhabitants 31_991 }\n");
  dir.write("sub/more.akkoord", "party amstelveen \"Gemeente Amstelveen\" { roles centrumgemeente inhabitants 31_991 }\n");
  source_manager sources;
  diagnostics found;
  auto model = load_agreement(root.string(), sources, found);
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(render_short(found, dir.path()), "");
  EXPECT_TRUE(model->complete);
  ASSERT_EQ(model->files.size(), 3u);  // root, then depth first; the repeated include loads nothing new
  EXPECT_EQ(fs::path(model->files[1].source->path()).filename(), "parties.akkoord");
  EXPECT_EQ(fs::path(model->files[2].source->path()).filename(), "more.akkoord");
  EXPECT_EQ(model->parties.size(), 2u);
}

TEST(loader, the_first_declaration_of_an_id_is_indexed) {
  scratch_dir dir;
  const fs::path root = dir.write("main.akkoord",
                                  "party aalsmeer \"Eerste\" { roles a inhabitants 31_991 }\nparty aalsmeer \"Tweede\" { roles b inhabitants 31_991 }\n");
  source_manager sources;
  diagnostics found;
  auto model = load_agreement(root.string(), sources, found);
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(model->parties.at("aalsmeer")->name.value, "Eerste");
  EXPECT_EQ(model->all<ast::party_decl>().size(), 2u);
}

TEST(loader, an_include_through_a_symbolic_link_out_of_the_directory_is_an_error) {
  scratch_dir dir;
  dir.write("outside.akkoord", "party aalsmeer \"Gemeente Aalsmeer\" { roles opdrachtgever inhabitants 31_991 }\n");
  const fs::path root = dir.write("inner/main.akkoord", "include \"link.akkoord\"\n");
  fs::create_symlink(dir.path() / "outside.akkoord", dir.path() / "inner" / "link.akkoord");
  EXPECT_EQ(lint(root, dir.path() / "inner"),
            "main.akkoord:1:9: error: include path `link.akkoord` leads outside the directory of the including "
            "file [include-error]\n"
            "  help: an include path is relative to the including file and stays inside its directory\n");
}

TEST(loader, a_symbolic_link_that_stays_inside_is_fine) {
  scratch_dir dir;
  dir.write("real.akkoord", "party aalsmeer \"Gemeente Aalsmeer\" { roles opdrachtgever inhabitants 31_991 }\n");
  const fs::path root = dir.write("main.akkoord", "include \"link.akkoord\"\n");
  fs::create_symlink(dir.path() / "real.akkoord", dir.path() / "link.akkoord");
  EXPECT_EQ(lint(root, dir.path(), "include-error"), "");
}

TEST(loader, an_absolute_include_is_an_error) {
  scratch_dir dir;
  const fs::path target = dir.write("other.akkoord", "party aalsmeer \"Gemeente Aalsmeer\" { roles a inhabitants 31_991 }\n");
  const fs::path root = dir.write("main.akkoord", "include \"" + target.string() + "\"\n");
  const std::string out = lint(root, dir.path(), "include-error");
  EXPECT_NE(out.find("main.akkoord:1:9: error: include path `" + target.string() + "` is absolute [include-error]"),
            std::string::npos)
      << out;
}

TEST(loader, an_include_cycle_names_the_chain) {
  scratch_dir dir;
  const fs::path root = dir.write("a.akkoord", "include \"b.akkoord\"\n");
  dir.write("b.akkoord", "include \"c.akkoord\"\n");
  dir.write("c.akkoord", "include \"a.akkoord\"\n");
  EXPECT_EQ(lint(root, dir.path()),
            "c.akkoord:1:9: error: include cycle: `a.akkoord` is already being loaded [include-error]\n"
            "  related: b.akkoord:1:9: `c.akkoord` is included here\n"
            "  related: a.akkoord:1:9: `b.akkoord` is included here\n"
            "  help: remove one of the includes that form the cycle\n");
}

TEST(loader, a_file_including_itself_is_a_cycle) {
  scratch_dir dir;
  const fs::path root = dir.write("a.akkoord", "include \"./a.akkoord\"\n");
  const std::string out = lint(root, dir.path());
  EXPECT_NE(out.find("a.akkoord:1:9: error: include cycle: `./a.akkoord` is already being loaded"),
            std::string::npos)
      << out;
}

TEST(loader, including_a_directory_says_so) {
  scratch_dir dir;
  fs::create_directories(dir.path() / "sub");
  const fs::path root = dir.write("main.akkoord", "include \".\"\ninclude \"sub\"\ninclude \"\"\n");
  EXPECT_EQ(lint(root, dir.path(), "include-error"),
            "main.akkoord:1:9: error: cannot read included file `.`: is a directory, not a file [include-error]\n"
            "  help: correct the path (it is relative to the including file), or create the file\n"
            "main.akkoord:2:9: error: cannot read included file `sub`: is a directory, not a file [include-error]\n"
            "  help: correct the path (it is relative to the including file), or create the file\n"
            "main.akkoord:3:9: error: empty include path [include-error]\n");
}

TEST(loader, deep_include_chains_stop_with_an_error) {
  scratch_dir dir;
  for (int i = 0; i < 60; ++i)
    dir.write("f" + std::to_string(i) + ".akkoord", "include \"f" + std::to_string(i + 1) + ".akkoord\"\n");
  dir.write("f60.akkoord", "");
  const std::string out = lint(dir.path() / "f0.akkoord", dir.path(), "include-error");
  EXPECT_NE(out.find("includes are nested more than 32 deep [include-error]"), std::string::npos) << out;
}

TEST(loader, a_syntax_error_in_an_included_file_leaves_the_model_incomplete) {
  scratch_dir dir;
  const fs::path root = dir.write("main.akkoord", "include \"broken.akkoord\"\nparty aalsmeer \"A\" { roles a inhabitants 31_991 }\n");
  dir.write("broken.akkoord", "party {\n");
  source_manager sources;
  diagnostics found;
  auto model = load_agreement(root.string(), sources, found);
  ASSERT_NE(model, nullptr);
  EXPECT_FALSE(model->complete);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, "dsl-syntax");
  EXPECT_EQ(fs::path(found[0].primary.file->path()).filename(), "broken.akkoord");
  // The rest loads; the broken declaration is named by its keyword (it has no name).
  EXPECT_EQ(model->parties.count("aalsmeer"), 1u);
  ASSERT_EQ(model->broken.size(), 1u);
  EXPECT_EQ(model->broken[0].keyword, "party");
  EXPECT_FALSE(model->broken[0].id.has_value());
}

TEST(loader, a_broken_declaration_with_a_name_leaves_the_model_complete_and_is_listed) {
  scratch_dir dir;
  const fs::path root = dir.write("main.akkoord", "include \"broken.akkoord\"\nparty aalsmeer \"A\" { roles a inhabitants 31_991 }\n");
  dir.write("broken.akkoord", "period basis \"B\" 2022-01-01 ..\nparty amstelveen \"B\" { roles a inhabitants 1 }\n");
  source_manager sources;
  diagnostics found;
  auto model = load_agreement(root.string(), sources, found);
  ASSERT_NE(model, nullptr);
  EXPECT_TRUE(model->complete);
  EXPECT_EQ(model->parties.size(), 2u);
  EXPECT_TRUE(model->periods.empty());
  ASSERT_EQ(model->broken.size(), 1u);
  ASSERT_TRUE(model->broken[0].id.has_value());
  EXPECT_EQ(model->broken[0].id->name, "basis");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message.en, "expected an end date (YYYY-MM-DD) after '..'");
}

// ---- settings -------------------------------------------------------------------------------------------

TEST(settings, overrides_change_severity_or_switch_a_check_off) {
  diagnostics ds(3);
  ds[0].id = "unused-definition";
  ds[0].level = severity::warning;
  ds[1].id = "period-overlap";
  ds[2].id = "rule:overhead";
  check_settings settings;
  settings.overrides["unused-definition"] = severity::error;
  settings.overrides["rule:overhead"] = std::nullopt;
  apply_settings(ds, settings);
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].level, severity::error);
  EXPECT_EQ(ds[1].id, "period-overlap");
  settings.only = "period-overlap";
  apply_settings(ds, settings);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].id, "period-overlap");
}

}  // namespace
}  // namespace akkoord::testing

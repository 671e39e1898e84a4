// The file name patterns of `plans = [...]` in `.akkoord.toml` (tools/akkoord/glob.hpp), on a real directory tree:
// what a user of a shell expects from `*`, `?` and `**`, sorted, each match once.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "glob.hpp"
#include "run_process.hpp"

namespace {

namespace fs = std::filesystem;
using akkoord::cli::expand_glob;
using akkoord::cli::segment_matches;

TEST(GlobSegment, StarAndQuestionMarkStayWithinTheName) {
  EXPECT_TRUE(segment_matches("*.toml", "aalsmeer-2025.toml"));
  EXPECT_FALSE(segment_matches("*.toml", ".toml.toml")) << "a wildcard does not match a leading dot";
  EXPECT_FALSE(segment_matches("*.toml", "aalsmeer-2025.toml.bak"));
  EXPECT_FALSE(segment_matches("*.toml", ".akkoord.toml"));
  EXPECT_TRUE(segment_matches(".*.toml", ".akkoord.toml"));
  EXPECT_TRUE(segment_matches("plan-202?.toml", "plan-2025.toml"));
  EXPECT_FALSE(segment_matches("plan-202?.toml", "plan-20255.toml"));
  EXPECT_TRUE(segment_matches("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(segment_matches("a*b*c", "aXXbYY"));
  EXPECT_TRUE(segment_matches("**", "anything")) << "`**` inside a segment acts as `*`";
  EXPECT_TRUE(segment_matches("exact.toml", "exact.toml"));
  EXPECT_FALSE(segment_matches("exact.toml", "Exact.toml")) << "file names are case-sensitive";
}

TEST(GlobSegment, QuestionMarkIsOneCharacterNotOneByte) {
  EXPECT_TRUE(segment_matches("co?rdinatie.toml", "coördinatie.toml"));
  EXPECT_FALSE(segment_matches("co??rdinatie.toml", "coördinatie.toml"));
  EXPECT_TRUE(segment_matches("*?.toml", "€.toml"));
  EXPECT_FALSE(segment_matches("*??.toml", "€.toml"));
}

TEST(GlobSegment, ManyStarsOnALongNameStayFast) {
  const std::string name(20'000, 'a');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(segment_matches("*a*a*a*a*a*a*a*b", name));
  EXPECT_TRUE(segment_matches("*a*a*a*a*a*a*a*", name));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

class GlobTree : public ::testing::Test {
 protected:
  e2e::temp_dir dir;
  void SetUp() override {
    for (const char* file : {"plans/top.toml", "plans/notes.txt", "plans/2024/a.toml", "plans/2025/b.toml",
                             "plans/2025/sub/c.toml", "plans/.hidden/x.toml", "plans/.akkoord.toml", "other/d.toml"})
      dir.write(file, "");
    fs::create_directory_symlink(dir.path() / "plans/2025", dir.path() / "plans/link");
  }
  // The matches of `pattern` from the temporary directory, relative to it.
  std::vector<std::string> matches(const std::string& pattern, const fs::path& base = {}) const {
    const auto found = expand_glob(pattern, base.empty() ? dir.path() : base);
    EXPECT_TRUE(found.warnings.empty()) << pattern;
    std::vector<std::string> out;
    for (const fs::path& path : found.paths) out.push_back(path.lexically_relative(dir.path()).generic_string());
    return out;
  }
  using list = std::vector<std::string>;
};

TEST_F(GlobTree, StarMatchesWithinOneDirectory) {
  EXPECT_EQ(matches("plans/*.toml"), list{"plans/top.toml"});
  EXPECT_EQ(matches("plans/*/*.toml"), (list{"plans/2024/a.toml", "plans/2025/b.toml", "plans/link/b.toml"}))
      << "a symbolic link to a directory is a directory like any other for `*`";
  EXPECT_EQ(matches("plans/202?/*.toml"), (list{"plans/2024/a.toml", "plans/2025/b.toml"}));
}

TEST_F(GlobTree, DoubleStarCrossesDirectoriesButNotHiddenOnesOrLinks) {
  EXPECT_EQ(matches("plans/**/*.toml"),
            (list{"plans/2024/a.toml", "plans/2025/b.toml", "plans/2025/sub/c.toml", "plans/top.toml"}));
  EXPECT_EQ(matches("**/*.toml"), (list{"other/d.toml", "plans/2024/a.toml", "plans/2025/b.toml",
                                        "plans/2025/sub/c.toml", "plans/top.toml"}));
  EXPECT_EQ(matches("**/**/*.toml"), matches("**/*.toml")) << "each file once";
  EXPECT_EQ(matches("plans/**"), (list{"plans", "plans/2024", "plans/2025", "plans/2025/sub"}))
      << "a trailing `**` names directories: `check` walks them for *.toml";
}

TEST_F(GlobTree, LiteralPathsAndSpellings) {
  EXPECT_EQ(matches("plans/top.toml"), list{"plans/top.toml"});
  EXPECT_EQ(matches("./plans//top.toml"), list{"plans/top.toml"});
  EXPECT_EQ(matches("plans/.akkoord.toml"), list{"plans/.akkoord.toml"}) << "named explicitly, a hidden file counts";
  EXPECT_EQ(matches("plans"), list{"plans"});
  EXPECT_EQ(matches("../other/*.toml", dir.path() / "plans"), list{"other/d.toml"});
  EXPECT_EQ(matches((dir.path() / "plans/2024/*.toml").string(), dir.path() / "other"), list{"plans/2024/a.toml"});
}

TEST_F(GlobTree, NothingMatchesGivesAnEmptyList) {
  EXPECT_TRUE(matches("missing/*.toml").empty());
  EXPECT_TRUE(matches("plans/*.json").empty());
  EXPECT_TRUE(matches("plans/top.toml/*").empty()) << "a file is no directory";
  EXPECT_TRUE(matches("").empty());
}

}  // namespace

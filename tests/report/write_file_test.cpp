// Report files (`--output`, `--format F:FILE`, `--update-baseline`) go through write_file_atomically: a regular
// file is replaced whole (keeping its permissions), a symbolic link is written through, and anything else (a
// FIFO, a device, a directory) is refused with a message naming the path; no temporary file is ever left behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

#include "akkoord/validator/report.hpp"

namespace akkoord {
namespace {

namespace fs = std::filesystem;

std::string content_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A device node to test with: the null device made in `dir`, or /dev/null itself when the test runs without
// root (then nothing can replace it). As root never the machine's own node: a regression would replace it.
std::optional<fs::path> null_device(const fs::path& dir) {
  const fs::path node = dir / "null";
  if (::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) return node;
  if (::geteuid() != 0) return fs::path("/dev/null");
  return std::nullopt;
}

class ReportFile : public ::testing::Test {
 protected:
  fs::path dir;
  void SetUp() override {
    dir = fs::temp_directory_path() / ("akkoord-report-test-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir, ec);
  }
  // The names in `directory`: a temporary file left behind shows up here.
  static std::vector<std::string> names_in(const fs::path& directory) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(directory)) out.push_back(entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
  // A refusal names the path in both languages and says why.
  static void expect_refused(const std::string& path, const text& error, const std::string& what_en,
                             const std::string& what_nl) {
    EXPECT_NE(error.en.find("`" + path + "`"), std::string::npos) << error.en;
    EXPECT_NE(error.nl.find("`" + path + "`"), std::string::npos) << error.nl;
    EXPECT_NE(error.en.find(what_en), std::string::npos) << error.en;
    EXPECT_NE(error.nl.find(what_nl), std::string::npos) << error.nl;
  }
};

TEST_F(ReportFile, ReplacesTheFileAndLeavesNoTemporary) {
  const std::string path = (dir / "report.json").string();
  text error;
  ASSERT_TRUE(write_file_atomically(path, "first", error));
  ASSERT_TRUE(write_file_atomically(path, "second", error));
  EXPECT_EQ(content_of(path), "second");
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"report.json"});
  const auto perms = fs::status(path).permissions();
  EXPECT_NE(perms & fs::perms::owner_read, fs::perms::none);
}

// A library that writes the file itself (libxlsxwriter for the spreadsheet) gets the temporary file by name; when
// it fails, the report it would have replaced stays as it was and its reason is in the message.
TEST_F(ReportFile, AWriterThatFailsLeavesTheOldFileAndNoTemporary) {
  const std::string path = (dir / "report.xlsx").string();
  std::ofstream(path) << "the report of yesterday";
  text error;
  std::string given;
  const bool written = write_file_atomically(
      path,
      [&](int, const std::string& temporary, text& reason) {
        given = temporary;
        std::ofstream(temporary) << "half a workbook";
        reason = {"the library gave up", "de bibliotheek gaf het op"};
        return false;
      },
      error);
  EXPECT_FALSE(written);
  EXPECT_EQ(fs::path(given).parent_path(), dir) << "beside the target, so that rename() is atomic";
  EXPECT_EQ(content_of(path), "the report of yesterday");
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"report.xlsx"});
  expect_refused(path, error, "the library gave up", "de bibliotheek gaf het op");
}

TEST_F(ReportFile, AWriterWritesThroughTheTemporaryName) {
  const std::string path = (dir / "report.xlsx").string();
  text error;
  ASSERT_TRUE(write_file_atomically(
      path,
      [](int, const std::string& temporary, text&) {
        std::ofstream(temporary) << "a workbook";
        return true;
      },
      error))
      << error.en;
  EXPECT_EQ(content_of(path), "a workbook");
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"report.xlsx"});
}

TEST_F(ReportFile, KeepsThePermissionsOfTheFileItReplaces) {
  const fs::path path = dir / "report.sarif";
  std::ofstream(path) << "old";
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  text error;
  ASSERT_TRUE(write_file_atomically(path.string(), "new", error)) << error.en;
  EXPECT_EQ(content_of(path), "new");
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST_F(ReportFile, WritesThroughASymbolicLinkToTheFileItPointsTo) {
  fs::create_directories(dir / "reports");
  std::ofstream(dir / "reports" / "real.xml") << "old";
  fs::permissions(dir / "reports" / "real.xml", fs::perms::owner_read | fs::perms::owner_write);
  fs::create_symlink("reports/real.xml", dir / "link.xml");  // relative to the link's directory
  fs::create_symlink(dir / "link.xml", dir / "link-to-link.xml");
  text error;
  ASSERT_TRUE(write_file_atomically((dir / "link-to-link.xml").string(), "new", error)) << error.en;
  EXPECT_TRUE(fs::is_symlink(dir / "link-to-link.xml"));
  EXPECT_TRUE(fs::is_symlink(dir / "link.xml"));
  EXPECT_EQ(content_of(dir / "reports" / "real.xml"), "new");
  EXPECT_EQ(fs::status(dir / "reports" / "real.xml").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  // The temporary file was made beside the target, and is gone.
  EXPECT_EQ(names_in(dir / "reports"), std::vector<std::string>{"real.xml"});
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{"link-to-link.xml", "link.xml", "reports"}));
}

TEST_F(ReportFile, ADanglingSymbolicLinkGetsItsFileCreated) {
  fs::create_directories(dir / "out");
  fs::create_symlink("out/report.html", dir / "report.html");
  text error;
  ASSERT_TRUE(write_file_atomically((dir / "report.html").string(), "page", error)) << error.en;
  EXPECT_TRUE(fs::is_symlink(dir / "report.html"));
  EXPECT_EQ(content_of(dir / "out" / "report.html"), "page");
  EXPECT_EQ(names_in(dir / "out"), std::vector<std::string>{"report.html"});
}

TEST_F(ReportFile, ASymbolicLinkLoopIsAnError) {
  fs::create_symlink("b", dir / "a");
  fs::create_symlink("a", dir / "b");
  text error;
  EXPECT_FALSE(write_file_atomically((dir / "a").string(), "x", error));
  expect_refused((dir / "a").string(), error, std::strerror(ELOOP), std::strerror(ELOOP));
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{"a", "b"}));
}

TEST_F(ReportFile, RefusesAFifoAndLeavesIt) {
  const fs::path fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  text error;
  // A writer that opened the FIFO would block here (no reader), until the ctest time limit.
  EXPECT_FALSE(write_file_atomically(fifo.string(), "x", error));
  expect_refused(fifo.string(), error, "FIFO", "FIFO");
  EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo);
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"pipe"});
}

TEST_F(ReportFile, RefusesADeviceAlsoThroughALink) {
  const std::optional<fs::path> device = null_device(dir);
  if (!device) GTEST_SKIP() << "running as root without the right to make a device node";
  text error;
  EXPECT_FALSE(write_file_atomically(device->string(), "x", error));
  expect_refused(device->string(), error, "a device, not a regular file", "een apparaatbestand, geen gewoon bestand");
  EXPECT_EQ(fs::status(*device).type(), fs::file_type::character);

  fs::create_symlink(*device, dir / "link");
  EXPECT_FALSE(write_file_atomically((dir / "link").string(), "x", error));
  expect_refused((dir / "link").string(), error, "through the symbolic link to `" + device->string() + "`",
                 "via de symbolische koppeling naar `" + device->string() + "`");
  EXPECT_EQ(fs::status(*device).type(), fs::file_type::character);
  EXPECT_EQ(names_in(dir).size(), device->parent_path() == dir ? 2u : 1u) << "no temporary file left";
}

TEST_F(ReportFile, RefusesASocket) {
  const fs::path path = dir / "sock";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(path.string().size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, path.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  text error;
  EXPECT_FALSE(write_file_atomically(path.string(), "x", error));
  ::close(fd);
  expect_refused(path.string(), error, "a socket", "een socket");
  EXPECT_EQ(fs::status(path).type(), fs::file_type::socket);
}

TEST_F(ReportFile, RefusesADirectory) {
  fs::create_directories(dir / "reports");
  text error;
  EXPECT_FALSE(write_file_atomically((dir / "reports").string(), "x", error));
  expect_refused((dir / "reports").string(), error, "a directory", "een map");
  EXPECT_FALSE(write_file_atomically((dir / "reports").string() + "/", "x", error));
  EXPECT_TRUE(names_in(dir / "reports").empty());
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"reports"});
}

TEST_F(ReportFile, AMissingOrUnwritableDirectoryIsAnErrorThatNamesThePath) {
  text error;
  const std::string in_missing_dir = (dir / "no" / "such" / "report.json").string();
  EXPECT_FALSE(write_file_atomically(in_missing_dir, "x", error));
  EXPECT_NE(error.en.find("`" + in_missing_dir + "`"), std::string::npos) << error.en;
  EXPECT_NE(error.nl.find("`" + in_missing_dir + "`"), std::string::npos) << error.nl;

  // Root may write in a directory without write permission; /proc takes no new files from anyone.
  fs::path unwritable = dir / "read-only";
  fs::create_directories(unwritable);
  fs::permissions(unwritable, fs::perms::owner_read | fs::perms::owner_exec);
  if (::geteuid() == 0) unwritable = "/proc";
  const std::string path = (unwritable / "report.json").string();
  EXPECT_FALSE(write_file_atomically(path, "x", error));
  EXPECT_NE(error.en.find("cannot write the report to `" + path + "`"), std::string::npos) << error.en;
  EXPECT_NE(error.nl.find("het rapport kan niet worden geschreven naar `" + path + "`"), std::string::npos) << error.nl;
  EXPECT_TRUE(names_in(dir / "read-only").empty());
}

}  // namespace
}  // namespace akkoord

// source_file's positions: line and code-point column of a byte offset and back, on texts where bytes and
// code points differ, on every line length around the checkpoint interval and on lines far longer.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "akkoord/source.hpp"

namespace akkoord::test {
namespace {

// The definition, walked from the start of the line: the column counts the lead bytes before the offset.
source_pos walked_pos(std::string_view text, std::size_t byte) {
  source_pos pos{1, 1};
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Every byte offset that starts a character (or ends a line or the text) maps to a position and back.
void expect_round_trip(const std::string& text) {
  const source_file file("t.toml", text);
  for (std::size_t byte = 0; byte <= text.size(); ++byte) {
    const source_pos expected = walked_pos(text, byte);
    ASSERT_EQ(file.pos_at(byte), expected) << "byte " << byte;
    if (byte == text.size() || !is_continuation(text[byte])) {
      ASSERT_EQ(file.offset_of(expected), byte) << "line " << expected.line << " column " << expected.column;
    }
  }
}

TEST(SourceFile, PositionsOnAsciiAndMultiByteLines) {
  expect_round_trip("");
  expect_round_trip("a = 1\n");
  expect_round_trip("title = \"co\xC3\xB6rdinatie \xE2\x82\xAC 5\"\r\nb = 2\n\n\xF0\x9F\x98\x80 = 3");
}

TEST(SourceFile, PositionsOnRandomLinesAroundTheCheckpointInterval) {
  // ASCII runs of random length between multi-byte characters, on lines of up to 2,000 bytes.
  const std::vector<std::string> pieces{"a", " ", "\t", "\xC3\xB6", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\r\n", "\n"};
  std::mt19937 random(7);
  for (int round = 0; round < 40; ++round) {
    std::string text;
    const std::size_t size = random() % 2000;
    const std::size_t ascii_run = 1 + random() % 600;
    while (text.size() < size) {
      const std::size_t k = random() % (pieces.size() + 2);
      if (k >= pieces.size()) {
        text.append(random() % ascii_run, 'x');
      } else if (k < 6 || random() % 8 == 0) {  // line ends rarer than characters
        text += pieces[k];
      }
    }
    SCOPED_TRACE(text);
    expect_round_trip(text);
  }
}

TEST(SourceFile, BeyondTheLineEndStopsAtTheLineEnd) {
  const source_file file("t.toml", "\xC3\xB6\xC3\xB6\nab");
  EXPECT_EQ(file.offset_of({1, 99}), 4u);  // the '\n'
  EXPECT_EQ(file.offset_of({2, 99}), 7u);  // the end of the text
  EXPECT_EQ(file.offset_of({3, 1}), 7u);   // no such line
}

TEST(SourceFile, InvalidUtf8CountsLeadBytesAndNeverLeavesTheText) {
  const std::string text = "a\x80\x80 \xC3 \xFF b\n\x80x";
  const source_file file("t.toml", text);
  for (std::size_t byte = 0; byte <= text.size(); ++byte) {
    EXPECT_EQ(file.pos_at(byte), walked_pos(text, byte)) << "byte " << byte;
    EXPECT_LE(file.offset_of(walked_pos(text, byte)), text.size());
  }
}

TEST(SourceFile, FarIntoAMegabyteLine) {
  // One line: a megabyte of ASCII, then `ö` (2 bytes, 1 column) 300,000 times. Positions far into it are
  // exact, and 300,000 look-ups take a moment, not the 10^11 steps of walking the line for each (ctest's
  // TIMEOUT is the hang guard).
  const std::size_t ascii = 1'000'000, umlauts = 300'000;
  std::string text(ascii, 'x');
  for (std::size_t i = 0; i < umlauts; ++i) text += "\xC3\xB6";
  const source_file file("t.toml", text);
  for (std::size_t k = 0; k < umlauts; k += 3) {
    const std::size_t byte = ascii + 2 * k;
    const source_pos expected{1, static_cast<std::uint32_t>(ascii + k + 1)};
    ASSERT_EQ(file.pos_at(byte), expected);
    ASSERT_EQ(file.offset_of(expected), byte);
    ASSERT_EQ(file.offset_of({1, static_cast<std::uint32_t>(k + 1)}), k);  // in the ASCII part
  }
}

}  // namespace
}  // namespace akkoord::test

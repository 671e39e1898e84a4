// The one translation unit that instantiates the PEGTL parse. Guards first (size, UTF-8, emptiness), then
// grammar -> parse tree -> AST. Whatever goes wrong becomes one `dsl-syntax` diagnostic; nothing escapes.
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>
#include <tao/pegtl/contrib/parse_tree_to_dot.hpp>

#include "akkoord/parser/parse.hpp"
#include "errors.hpp"
#include "grammar.hpp"
#include "lower.hpp"
#include "selector.hpp"

namespace akkoord::parser {
namespace {

namespace pegtl = tao::pegtl;
using detail::syntax_diagnostic;
using detail::syntax_problem;

// A span for a message about the whole file: it names the file, no line.
source_span whole_file(const source_file& file) { return {&file, {}, {}}; }

// A one-character span at a byte offset (empty at the end of a line or of the file), for the caret.
source_span caret_at(const source_file& file, std::size_t byte) {
  const std::string_view text = file.text();
  byte = std::min(byte, text.size());
  const source_pos begin = file.pos_at(byte);
  source_pos end = begin;
  if (byte < text.size() && text[byte] != '\n' && text[byte] != '\r') ++end.column;
  return {&file, begin, end};
}

// Where to put the caret for "expected X after Y": when what follows Y is on a later line (or the file ends),
// the caret goes right after Y, where the writer left the piece out, as compilers do. Other errors (an
// unknown word, a stray token) stay at the offending token.
std::size_t expected_at(std::string_view text, std::size_t byte, std::string_view message) {
  if (message.find(" after ") == std::string_view::npos) return byte;
  byte = std::min(byte, text.size());
  std::size_t back = byte;
  bool crossed_line = byte == text.size();
  while (back > 0 && (text[back - 1] == ' ' || text[back - 1] == '\t' || text[back - 1] == '\r' || text[back - 1] == '\n')) {
    if (text[back - 1] == '\n') crossed_line = true;
    --back;
  }
  return crossed_line ? back : byte;
}

bool only_whitespace(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string hex_byte(unsigned char c) {
  static constexpr char digits[] = "0123456789ABCDEF";
  return {'0', 'x', digits[c >> 4], digits[c & 0xF]};
}

// Checks that need no grammar. Throws syntax_problem.
void check_input(const source_file& file) {
  const std::string_view content = file.text();
  if (content.size() > max_file_bytes) {
    const std::string size = std::to_string(content.size());
    throw syntax_problem{syntax_diagnostic(
        whole_file(file), {"the file is too large (" + size + " bytes)", "het bestand is te groot (" + size + " bytes)"},
        text{"an agreement file may be at most 16 MiB; split it with `include`",
             "een overeenkomstbestand mag hoogstens 16 MiB zijn; splits het met `include`"})};
  }
  if (const auto bad = find_invalid_utf8(content)) {
    const std::string byte = hex_byte(static_cast<unsigned char>(content[*bad]));
    throw syntax_problem{syntax_diagnostic(
        caret_at(file, *bad), {"the file is not valid UTF-8 (byte " + byte + ")", "het bestand is geen geldige UTF-8 (byte " + byte + ")"},
        text{"save the file as UTF-8", "sla het bestand op als UTF-8"})};
  }
  if (only_whitespace(content)) {
    throw syntax_problem{syntax_diagnostic(whole_file(file), {"the file is empty", "het bestand is leeg"},
                                           text{"an agreement file holds at least one declaration, like `agreement ID \"title\" { ... }`",
                                                "een overeenkomstbestand bevat minstens één declaratie, zoals `agreement ID \"titel\" { ... }`"})};
  }
}

using input = pegtl::memory_input<pegtl::tracking_mode::eager, pegtl::eol::lf_crlf>;

std::unique_ptr<pegtl::parse_tree::node> parse_tree_of(const source_file& file) {
  input in(file.text().data(), file.text().data() + file.text().size(), file.path());
  try {
    auto root = pegtl::parse_tree::parse<dsl::grammar, pegtl::parse_tree::node, dsl::selector, pegtl::nothing, dsl::control>(in);
    if (!root) {  // cannot happen: the grammar ends in must<end_of_file>
      throw syntax_problem{syntax_diagnostic(caret_at(file, 0), {"the file could not be parsed", "het bestand kon niet worden gelezen"})};
    }
    return root;
  } catch (const dsl::syntax_error& e) {
    std::optional<text> help;
    if (e.message->help_en != nullptr) help = text{e.message->help_en, e.message->help_nl};
    throw syntax_problem{syntax_diagnostic(caret_at(file, expected_at(file.text(), e.byte, e.message->en)), {e.message->en, e.message->nl}, std::move(help))};
  }
}

ast::file parse_checked(const source_file& file) {
  check_input(file);
  const auto root = parse_tree_of(file);
  if (root->children.empty()) {
    throw syntax_problem{syntax_diagnostic(whole_file(file), {"the file contains no declarations", "het bestand bevat geen declaraties"},
                                           text{"an agreement file holds at least one declaration, like `agreement ID \"title\" { ... }`",
                                                "een overeenkomstbestand bevat minstens één declaratie, zoals `agreement ID \"titel\" { ... }`"})};
  }
  return detail::lower(*root, file);
}

diagnostic internal_failure(const source_file& file, const std::string& what) {
  return syntax_diagnostic(whole_file(file), {"the file could not be parsed: " + what, "het bestand kon niet worden gelezen: " + what});
}

}  // namespace

parse_outcome parse_agreement(const source_file& file) {
  parse_outcome outcome;
  try {
    try {
      outcome.tree = parse_checked(file);
    } catch (syntax_problem& problem) {
      outcome.errors.push_back(std::move(problem.found));
    } catch (const std::bad_alloc&) {
      outcome.errors.push_back(internal_failure(file, "out of memory"));
    } catch (const std::exception& e) {
      outcome.errors.push_back(internal_failure(file, e.what()));
    } catch (...) {
      outcome.errors.push_back(internal_failure(file, "unknown error"));
    }
  } catch (...) {
    // Even building the diagnostic failed (out of memory): report nothing rather than throw.
  }
  if (!outcome.errors.empty()) outcome.tree.reset();
  return outcome;
}

std::string parse_tree_to_dot(const source_file& file) {
  try {
    check_input(file);
    const auto root = parse_tree_of(file);
    std::ostringstream out;
    pegtl::parse_tree::print_dot(out, *root);
    return out.str();
  } catch (const syntax_problem& problem) {
    const auto& d = problem.found;
    return "// " + file.path() + ":" + std::to_string(d.primary.begin.line) + ":" + std::to_string(d.primary.begin.column) +
           ": " + d.message.en + "\n";
  } catch (const std::exception& e) {
    return std::string("// ") + e.what() + "\n";
  }
}

}  // namespace akkoord::parser

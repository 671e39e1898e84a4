// The one translation unit that instantiates the PEGTL parse. Guards first (size, UTF-8, emptiness), then
// grammar -> parse tree -> AST. Every syntax error becomes a `dsl-syntax` diagnostic; nothing escapes.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>
#include <tao/pegtl/contrib/parse_tree_to_dot.hpp>

#include "akkoord/exact.hpp"
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

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where the comment in [line_start, end) begins, or `end` when there is none. A line start is never inside a
// string (strings end on their line), so reading from it tells a '#' in a string from a comment.
std::size_t comment_start(std::string_view text, std::size_t line_start, std::size_t end) {
  bool in_string = false;
  for (std::size_t i = line_start; i < end; ++i) {
    if (in_string && text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      in_string = !in_string;
    } else if (!in_string && text[i] == '#') {
      return i;
    }
  }
  return end;
}

// Right after the last token before `byte`: back over blanks, line ends and comments.
std::size_t previous_token_end(std::string_view text, std::size_t byte) {
  std::size_t end = byte;
  while (true) {
    while (end > 0 && is_blank(text[end - 1])) --end;
    const std::size_t newline = end == 0 ? std::string_view::npos : text.rfind('\n', end - 1);
    const std::size_t comment = comment_start(text, newline == std::string_view::npos ? 0 : newline + 1, end);
    if (comment == end) return end;
    end = comment;
  }
}

// Where the caret of a grammar error goes, as its entry in errors.hpp says. "Expected X after Y" with nothing
// but blanks and comments between Y and the line's end: X was left out, so the caret goes right after Y, as
// compilers do (never into a trailing comment). Otherwise at the offending token.
std::size_t caret_byte(std::string_view text, const dsl::syntax_error& error) {
  const std::size_t byte = std::min(error.byte, text.size());
  if (error.message->where == dsl::caret::at_token) return byte;
  const std::size_t after = previous_token_end(text, byte);
  const bool left_out = byte == text.size() || text.substr(after, byte - after).find('\n') != std::string_view::npos;
  return left_out ? after : byte;
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
    const std::string size_en = format_count(content.size(), money_style::en), size_nl = format_count(content.size(), money_style::nl);
    throw syntax_problem{syntax_diagnostic(
        whole_file(file), {"the file is too large (" + size_en + " bytes)", "het bestand is te groot (" + size_nl + " bytes)"},
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

struct grammar_result {
  std::unique_ptr<pegtl::parse_tree::node> root;  // the declarations that parsed without an error
  dsl::recovery_log log;
};

grammar_result parse_tree_of(const source_file& file) {
  grammar_result result{nullptr, {file.text(), {}, {}}};
  input in(file.text().data(), file.text().data() + file.text().size(), file.path());
  try {
    result.root = pegtl::parse_tree::parse<dsl::grammar, pegtl::parse_tree::node, dsl::selector, pegtl::nothing, dsl::control>(in, result.log);
  } catch (const dsl::syntax_error& e) {  // cannot happen: the recovering rules catch each error
    result.log.errors.push_back(e);
  }
  if (!result.root) throw std::logic_error("the grammar did not match");  // it matches any text
  const auto& broken = result.log.broken;  // in file order
  std::erase_if(result.root->children, [&](const auto& declaration) {
    return std::binary_search(broken.begin(), broken.end(), declaration->m_begin.byte);
  });
  return result;
}

diagnostic grammar_diagnostic(const source_file& file, const dsl::syntax_error& error) {
  std::optional<text> help;
  if (error.message->help_en != nullptr) help = text{error.message->help_en, error.message->help_nl};
  return syntax_diagnostic(caret_at(file, caret_byte(file.text(), error)), {error.message->en, error.message->nl}, std::move(help));
}

// The grammar's errors and lowering's problems in file order, the first max_syntax_errors_per_file of them,
// then one finding that counts the rest (where the first of those is). Carets are worked out only for the
// errors shown, so thousands of errors on one long line cost no more than fifty.
diagnostics shown_errors(const source_file& file, const std::vector<dsl::syntax_error>& grammar, diagnostics lowering) {
  struct found {
    source_pos at;
    const dsl::syntax_error* grammar_error;  // or
    diagnostic* lowering_problem;
  };
  std::vector<found> all;
  all.reserve(grammar.size() + lowering.size());
  for (const auto& e : grammar) all.push_back({file.pos_at(e.byte), &e, nullptr});
  for (auto& d : lowering) all.push_back({d.primary.begin, nullptr, &d});
  std::stable_sort(all.begin(), all.end(), [](const found& a, const found& b) { return a.at < b.at; });

  diagnostics shown;
  const std::size_t count = std::min(all.size(), max_syntax_errors_per_file);
  for (std::size_t i = 0; i < count; ++i) {
    shown.push_back(all[i].grammar_error != nullptr ? grammar_diagnostic(file, *all[i].grammar_error)
                                                    : std::move(*all[i].lowering_problem));
  }
  if (all.size() > count) {
    const std::size_t rest = all.size() - count;
    const std::string n = format_count(rest, money_style::en), n_nl = format_count(rest, money_style::nl);
    const std::string limit = std::to_string(max_syntax_errors_per_file);
    shown.push_back(syntax_diagnostic(
        {&file, all[count].at, all[count].at},
        rest == 1 ? text{"1 more syntax error is not shown; it is here", "nog 1 syntaxfout wordt niet getoond; die staat hier"}
                  : text{n + " more syntax errors are not shown; the first of them is here",
                         "nog " + n_nl + " syntaxfouten worden niet getoond; de eerste daarvan staat hier"},
        text{"a file shows its first " + limit + " syntax errors: correct these and run `akkoord lint` again",
             "van een bestand worden de eerste " + limit + " syntaxfouten getoond: herstel deze en voer `akkoord lint` opnieuw uit"}));
  }
  return shown;
}

// The declaration that starts at `begin` and did not parse: its first word and the name after it.
broken_declaration broken_at(const source_file& file, std::size_t begin) {
  const std::string_view text = file.text();
  const auto word_at = [&](std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
    return text.substr(at, end - at);
  };
  broken_declaration broken;
  const std::string_view keyword = word_at(begin);
  broken.keyword = keyword;
  std::size_t at = begin + keyword.size();
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  const std::string_view name = word_at(at);
  if (!keyword.empty() && at > begin + keyword.size() && !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0]))) {
    broken.id = ast::identifier{std::string(name), {&file, file.pos_at(at), file.pos_at(at + name.size())}};
  }
  return broken;
}

parse_outcome parse_checked(const source_file& file) {
  check_input(file);
  grammar_result parsed = parse_tree_of(file);
  if (parsed.root->children.empty() && parsed.log.errors.empty()) {
    throw syntax_problem{syntax_diagnostic(whole_file(file), {"the file contains no declarations", "het bestand bevat geen declaraties"},
                                           text{"an agreement file holds at least one declaration, like `agreement ID \"title\" { ... }`",
                                                "een overeenkomstbestand bevat minstens één declaratie, zoals `agreement ID \"titel\" { ... }`"})};
  }
  detail::lowered lowered = detail::lower(*parsed.root, file);
  parse_outcome outcome;
  outcome.errors = shown_errors(file, parsed.log.errors, std::move(lowered.problems));
  std::vector<std::size_t> broken;
  std::merge(parsed.log.broken.begin(), parsed.log.broken.end(), lowered.broken.begin(), lowered.broken.end(), std::back_inserter(broken));
  for (const std::size_t begin : broken) outcome.broken.push_back(broken_at(file, begin));
  outcome.tree = std::move(lowered.tree);
  return outcome;
}

diagnostic internal_failure(const source_file& file, const std::string& what) {
  return syntax_diagnostic(whole_file(file), {"the file could not be parsed: " + what, "het bestand kon niet worden gelezen: " + what});
}

}  // namespace

parse_outcome parse_agreement(const source_file& file) {
  parse_outcome outcome;
  try {
    try {
      outcome = parse_checked(file);
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
  return outcome;
}

std::string parse_tree_to_dot(const source_file& file) {
  try {
    check_input(file);
    const grammar_result parsed = parse_tree_of(file);
    std::ostringstream out;
    for (const auto& d : shown_errors(file, parsed.log.errors, {})) {
      out << "// " << file.path() << ":" << d.primary.begin.line << ":" << d.primary.begin.column << ": " << d.message.en << "\n";
    }
    pegtl::parse_tree::print_dot(out, *parsed.root);
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

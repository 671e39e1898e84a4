#include "message.hpp"

#include <optional>

#include "akkoord/parser/parse.hpp"

namespace akkoord::rules_detail {
namespace {

// The message's characters (escapes resolved), each with the byte offset in the agreement file where it is
// written; offsets has one entry more: the closing quote.
struct decoded_text {
  std::string text;
  std::vector<std::size_t> offsets;
};

decoded_text decode(const ast::string_literal& message) {
  const source_file& file = *message.span.file;
  const std::string_view all = file.text();
  const std::size_t begin = file.offset_of(message.span.begin);
  const std::size_t end = file.offset_of(message.span.end);
  decoded_text out;
  if (begin < end && end <= all.size()) {
    const std::string_view raw = all.substr(begin, end - begin);
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
      for (std::size_t i = 1; i + 1 < raw.size();) {
        if (raw[i] == '\\' && i + 2 < raw.size()) {
          const char c = raw[i + 1];
          out.text += c == 'n' ? '\n' : c == 't' ? '\t' : c;
          out.offsets.push_back(begin + i);
          i += 2;
        } else {
          out.text += raw[i];
          out.offsets.push_back(begin + i);
          ++i;
        }
      }
      out.offsets.push_back(begin + raw.size() - 1);
      if (out.text == message.value) return out;
    }
  }
  // The span does not show the string as expected: keep the text, point everything at the string.
  out.text = message.value;
  out.offsets.assign(out.text.size() + 1, begin);
  return out;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

class span_maker {
 public:
  span_maker(const source_file& file, const decoded_text& decoded) : file_(file), decoded_(decoded) {}
  source_pos pos(std::size_t index) const { return file_.pos_at(decoded_.offsets[index]); }
  source_span span(std::size_t from, std::size_t to) const { return {&file_, pos(from), pos(to)}; }

 private:
  const source_file& file_;
  const decoded_text& decoded_;
};

// Maps positions in the synthetic one-rule file back to the message in the agreement file.
class position_mapper {
 public:
  position_mapper(const source_file* synthetic, const source_file* real, std::uint32_t prefix_columns,
                  std::vector<source_pos> positions)
      : synthetic_(synthetic), real_(real), prefix_columns_(prefix_columns), positions_(std::move(positions)) {}

  void fix(source_span& span) const {
    if (span.file != synthetic_) return;
    span.file = real_;
    span.begin = map(span.begin);
    span.end = map(span.end);
  }

  void fix(ast::expr& e, int depth) const {
    if (depth > max_expression_depth) return;  // the compiler rejects such depth anyway
    fix(e.span);
    fix(e.name_span);
    for (auto& id : e.path) fix(id.span);
    for (auto& o : e.operands) fix(o, depth + 1);
    for (auto& w : e.where_clause) fix(w, depth + 1);
  }

 private:
  source_pos map(source_pos p) const {
    const std::size_t last = positions_.size() - 1;
    std::size_t k = last;
    if (p.line == 1) k = p.column > prefix_columns_ ? p.column - 1 - prefix_columns_ : 0;
    return positions_[k < last ? k : last];
  }

  const source_file* synthetic_;
  const source_file* real_;
  std::uint32_t prefix_columns_;
  std::vector<source_pos> positions_;  // per code point of the expression, plus its end
};

// Parses `{EXPR}` (decoded[from, to) is EXPR) by wrapping it in a one-rule agreement; nullptr on error.
const ast::expr* parse_piece(const decoded_text& decoded, std::size_t from, std::size_t to, const source_file& real,
                             const span_maker& spans, program& prog, diagnostics& errors) {
  static constexpr std::string_view prefix = "rule m \"m\" error { require ";
  std::string body = decoded.text.substr(from, to - from);
  std::vector<source_pos> positions;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n' || body[i] == '\t' || body[i] == '\r') body[i] = ' ';  // one line: columns map 1:1
    if (!is_continuation(body[i])) positions.push_back(spans.pos(from + i));
  }
  positions.push_back(spans.pos(to));

  auto synthetic = std::make_unique<source_file>(real.path(), std::string(prefix) + body + "\n}\n");
  auto outcome = parser::parse_agreement(*synthetic);
  const position_mapper mapper(synthetic.get(), &real, static_cast<std::uint32_t>(prefix.size()), std::move(positions));
  const source_span whole = spans.span(from, to);

  if (!outcome.tree) {
    diagnostic d = type_error(whole, {"invalid expression in the message", "ongeldige expressie in de melding"});
    if (!outcome.errors.empty()) {
      const diagnostic& syntax = outcome.errors.front();
      d.primary = syntax.primary;
      mapper.fix(d.primary);
      d.message = {"invalid expression in the message: " + syntax.message.en,
                   "ongeldige expressie in de melding: " + syntax.message.nl};
      d.help = syntax.help;
    }
    errors.push_back(std::move(d));
    return nullptr;
  }
  auto tree = std::make_unique<ast::file>(std::move(*outcome.tree));
  ast::rule_decl* rule = tree->declarations.size() == 1 ? std::get_if<ast::rule_decl>(&tree->declarations[0]) : nullptr;
  if (rule == nullptr || rule->for_activity || !rule->lets.empty() || rule->when || rule->message) {
    errors.push_back(type_error(whole, {"`{…}` in a message must hold exactly one expression",
                                        "`{…}` in een melding moet precies één expressie bevatten"}));
    return nullptr;
  }
  ast::expr* require = &rule->require;
  mapper.fix(*require, 0);
  tree->source = &real;
  prog.message_sources.push_back(std::move(synthetic));
  prog.message_trees.push_back(std::move(tree));
  return require;
}

}  // namespace

diagnostic type_error(source_span where, text message, std::optional<text> help) {
  diagnostic d;
  d.id = "rule-type-error";
  d.level = severity::error;
  d.message = std::move(message);
  d.primary = where;
  d.help = std::move(help);
  return d;
}

bool split_message(const ast::string_literal& message, program& prog, std::vector<message_piece>& pieces,
                   diagnostics& errors) {
  if (message.span.file == nullptr) {
    pieces.push_back({message.value, nullptr});
    return true;
  }
  const source_file& file = *message.span.file;
  const decoded_text decoded = decode(message);
  const span_maker spans(file, decoded);
  const std::string& s = decoded.text;
  bool ok = true;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) pieces.push_back({std::move(literal), nullptr});
    literal.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if ((c == '{' || c == '}') && i + 1 < s.size() && s[i + 1] == c) {
      literal += c;
      i += 2;
    } else if (c == '}') {
      errors.push_back(type_error(spans.span(i, i + 1),
                                  {"unmatched `}` in the message", "`}` zonder `{` in de melding"},
                                  text{"write `}}` for a literal brace", "schrijf `}}` voor een accolade als tekst"}));
      ok = false;
      ++i;
    } else if (c == '{') {
      const std::size_t close = s.find('}', i + 1);
      if (close == std::string::npos) {
        errors.push_back(
            type_error(spans.span(i, s.size()), {"unclosed `{` in the message", "`{` zonder `}` in de melding"},
                       text{"close the expression with `}`, or write `{{` for a literal brace",
                            "sluit de expressie af met `}`, of schrijf `{{` voor een accolade als tekst"}));
        return false;
      }
      if (s.find_first_not_of(" \t\n\r", i + 1) >= close) {
        errors.push_back(
            type_error(spans.span(i, close + 1), {"empty `{}` in the message", "lege `{}` in de melding"},
                       text{"put an expression between the braces, e.g. `{contribution.total}`",
                            "zet een expressie tussen de accolades, bijvoorbeeld `{contribution.total}`"}));
        ok = false;
      } else if (const ast::expr* e = parse_piece(decoded, i + 1, close, file, spans, prog, errors)) {
        flush();
        pieces.push_back({std::string(), e});
      } else {
        ok = false;
      }
      i = close + 1;
    } else {
      literal += c;
      ++i;
    }
  }
  flush();
  return ok;
}

}  // namespace akkoord::rules_detail

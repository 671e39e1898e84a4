// Parse tree -> AST. The parse tree points into the file's text; the AST owns its strings. Converts tokens
// (dates kept as y/m/d, money to exact cents, percentages and decimals to akkoord::decimal, escapes
// resolved), checks what the grammar leaves open (clauses in any order: required ones present, single ones
// not repeated; amounts with at most 2 decimals and no overflow) and gives every node its span. Every
// problem is collected; a declaration with one is left out of the tree.
#include "lower.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "grammar.hpp"

namespace akkoord::parser::detail {

diagnostic syntax_diagnostic(source_span where, text message, std::optional<text> help) {
  diagnostic d;
  d.id = "dsl-syntax";
  d.level = severity::error;
  d.message = std::move(message);
  d.primary = where;
  d.help = std::move(help);
  return d;
}

namespace {

using tao::pegtl::parse_tree::node;
namespace g = akkoord::dsl;

template <typename... Rules>
bool is(const node& n) {
  return (n.is_type<Rules>() || ...);
}

std::string backticked(std::string_view s) { return "`" + std::string(s) + "`"; }

// What a declaration is called in messages.
struct decl_kind {
  const char* en;
  const char* nl;
};

struct decl_context {
  decl_kind kind;
  const ast::identifier& id;
  std::string en() const { return std::string(kind.en) + " " + backticked(id.name); }
  std::string nl() const { return std::string(kind.nl) + " " + backticked(id.name); }
};

class lowerer {
 public:
  explicit lowerer(const source_file& file) : file_(file) {}

  // Each declaration on its own: one with a problem is left out (its problems are reported), so what uses
  // it elsewhere is not reported again as undefined.
  lowered lower_file(const node& root) {
    lowered result;
    result.tree.source = &file_;
    result.tree.declarations.reserve(root.children.size());
    for (const auto& child : root.children) {
      const std::size_t problems_before = problems_.size();
      clause_failed_ = false;
      try {
        ast::declaration d = declaration(*child);
        if (problems_.size() == problems_before) {
          result.tree.declarations.push_back(std::move(d));
          continue;
        }
      } catch (syntax_problem& bad) {
        problems_.push_back(std::move(bad.found));
      }
      result.broken.push_back(child->m_begin.byte);
    }
    result.problems = std::move(problems_);
    return result;
  }

 private:
  const source_file& file_;
  diagnostics problems_;
  bool clause_failed_ = false;  // a clause of the current declaration has a bad value

  // ---- spans and failures ----

  source_pos pos(const tao::pegtl::internal::iterator& it) const { return file_.pos_at(it.byte); }
  source_span span(const node& n) const { return {&file_, pos(n.m_begin), pos(n.m_end)}; }

  static diagnostic problem(source_span where, text message, std::optional<text> help, std::vector<label> related) {
    diagnostic d = syntax_diagnostic(where, std::move(message), std::move(help));
    d.related = std::move(related);
    return d;
  }

  // A bad value: the rest of its clause cannot be read (each_clause logs it and goes on with the next).
  [[noreturn]] static void fail(source_span where, text message, std::optional<text> help = std::nullopt,
                                std::vector<label> related = {}) {
    throw syntax_problem{problem(where, std::move(message), std::move(help), std::move(related))};
  }

  // A problem that does not stop the declaration's lowering: every one is reported.
  void report(source_span where, text message, std::optional<text> help = std::nullopt, std::vector<label> related = {}) {
    problems_.push_back(problem(where, std::move(message), std::move(help), std::move(related)));
  }

  // Lowers the clauses of `n` from child `first` on, each on its own: a bad value in one is logged and the
  // next clause is read.
  template <class LowerClause>
  void each_clause(const node& n, std::size_t first, LowerClause lower_clause) {
    for (std::size_t i = first; i < n.children.size(); ++i) {
      try {
        lower_clause(*n.children[i]);
      } catch (syntax_problem& bad) {
        problems_.push_back(std::move(bad.found));
        clause_failed_ = true;
      }
    }
  }

  // The parse tree does not have the shape the grammar promises: a bug here, never the user's.
  [[noreturn]] static void unexpected(const node& n) {
    throw std::logic_error("unexpected parse-tree node " + std::string(n.type));
  }

  static const node& child(const node& n, std::size_t i) {
    if (i >= n.children.size()) unexpected(n);
    return *n.children[i];
  }

  // A single-valued clause: remembers the first, reports every further one.
  void once(const node*& first, const node& clause, const char* keyword, const decl_context& ctx) {
    if (first != nullptr) {
      report(span(clause), {backticked(keyword) + " is given twice in " + ctx.en(), backticked(keyword) + " staat twee keer in " + ctx.nl()},
             text{"keep one " + backticked(keyword) + " clause", "laat één " + backticked(keyword) + " staan"},
             {label{span(*first), {"first given here", "hier voor het eerst opgegeven"}}});
      return;
    }
    first = &clause;
  }

  // A required clause that is absent: reported at the declaration's name. Not after a clause with a bad value:
  // that clause may be the one (`2024: EUR 1.005` is the contribution's only amount).
  void missing(const decl_context& ctx, const std::string& what_en, const std::string& what_nl, const std::string& help_en,
               const std::string& help_nl) {
    if (clause_failed_) return;
    report(ctx.id.span, {ctx.en() + " has no " + what_en, ctx.nl() + " heeft geen " + what_nl}, text{help_en, help_nl});
  }

  // ---- tokens ----

  ast::identifier identifier(const node& n) const {
    if (!is<g::ident>(n)) unexpected(n);
    return {n.string(), span(n)};
  }

  // The characters of string text with its escapes resolved; `braces` also reads `{{` and `}}` as one brace.
  static std::string unescape(std::string_view raw, bool braces) {
    std::string value;
    value.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (braces && (raw[i] == '{' || raw[i] == '}') && i + 1 < raw.size() && raw[i + 1] == raw[i]) {
        value += raw[i++];
      } else if (raw[i] != '\\' || i + 1 == raw.size()) {
        value += raw[i];
      } else {
        switch (raw[++i]) {
          case 'n': value += '\n'; break;
          case 't': value += '\t'; break;
          default: value += raw[i]; break;  // \" and \\ stand for themselves; the grammar allows only 4 escapes
        }
      }
    }
    return value;
  }

  ast::string_literal string_literal(const node& n) const {
    if (!is<g::string_literal, g::message_template>(n)) unexpected(n);
    std::string_view raw = n.string_view();  // with its quotes
    raw = raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0);
    return {unescape(raw, false), span(n)};
  }

  // A message string: its literal pieces and its `{EXPRESSION}` holes, each lowered where it is written.
  ast::message_template message_template(const node& n) const {
    ast::message_template t{string_literal(n), {}};
    for (const auto& part : n.children) {
      ast::message_piece piece;
      piece.span = span(*part);
      if (is<g::template_text>(*part)) {
        piece.text = unescape(part->string_view(), true);
      } else if (is<g::template_hole>(*part)) {
        piece.value = expression(child(*part, 0));
      } else {
        unexpected(*part);
      }
      t.pieces.push_back(std::move(piece));
    }
    return t;
  }

  static int digits_value(std::string_view s) {
    int v = 0;
    for (const char c : s) v = v * 10 + (c - '0');
    return v;
  }

  ast::date_literal date(const node& n) const {
    if (!is<g::date>(n)) unexpected(n);
    const std::string_view s = n.string_view();  // YYYY-MM-DD, checked by the grammar
    ast::date_literal d;
    d.year = digits_value(s.substr(0, 4));
    d.month = digits_value(s.substr(5, 2));
    d.day = digits_value(s.substr(8, 2));
    d.span = span(n);
    return d;
  }

  ast::integer_literal year(const node& n) const {
    if (!is<g::year>(n)) unexpected(n);
    return {digits_value(n.string_view()), span(n)};
  }

  ast::integer_literal integer(const node& n) const {
    if (!is<g::integer>(n)) unexpected(n);
    number_error error = number_error::none;
    const auto value = parse_decimal(n.string_view(), &error);
    if (!value || value->scale != 0) {
      fail(span(n), {"number " + backticked(n.string_view()) + " is too large", "getal " + backticked(n.string_view()) + " is te groot"},
           text{"the largest whole number is 9223372036854775807", "het grootste gehele getal is 9.223.372.036.854.775.807"});
    }
    return {value->units, span(n)};
  }

  decimal exact_number(const node& n, std::string_view digits, const char* what_en, const char* what_nl) const {
    number_error error = number_error::none;
    const auto value = parse_decimal(digits, &error);
    if (!value) {
      const bool decimals = error == number_error::too_many_decimals;
      fail(span(n),
           {std::string(what_en) + " " + backticked(n.string_view()) + (decimals ? " has too many decimals" : " is too large"),
            std::string(what_nl) + " " + backticked(n.string_view()) + (decimals ? " heeft te veel decimalen" : " is te groot")},
           decimals ? text{"at most 18 decimals are kept exactly", "ten hoogste 18 decimalen worden exact bewaard"}
                    : text{"at most 18 significant digits are kept exactly", "ten hoogste 18 significante cijfers worden exact bewaard"});
    }
    return *value;
  }

  ast::percent_literal percent(const node& n) const {
    if (!is<g::percent>(n)) unexpected(n);
    std::string_view digits = n.string_view();
    digits.remove_suffix(1);  // the '%'
    return {exact_number(n, digits, "percentage", "percentage"), span(n)};
  }

  ast::money_literal money(const node& n) const {
    if (!is<g::money>(n)) unexpected(n);
    const std::string_view amount = child(n, 0).string_view();
    number_error error = number_error::none;
    const auto cents = parse_cents(amount, &error);
    if (!cents) {
      const std::string written = backticked(n.string_view());
      if (error == number_error::too_many_decimals) {
        fail(span(n), {"amount " + written + " has more than 2 decimals", "bedrag " + written + " heeft meer dan 2 decimalen"},
             text{"amounts are exact euros and cents, like `EUR 1_250.50`", "een bedrag bestaat uit hele euro's en centen, zoals `EUR 1_250.50`"});
      }
      fail(span(n), {"amount " + written + " is too large", "bedrag " + written + " is te groot"},
           text{"the largest amount is EUR 92_233_720_368_547_758.07", "het grootste bedrag is `EUR 92_233_720_368_547_758.07`"});
    }
    return {*cents, span(n)};
  }

  ast::taakveld_code taakveld_code(const node& n) const {
    if (!is<g::taakveld_code>(n)) unexpected(n);
    return {n.string(), span(n)};
  }

  // ---- declarations ----

  // `article DOCUMENT "text"`, allowed once in every declaration: true when `c` is one (and taken).
  template <class Decl>
  bool take_article(const node& c, const node*& seen, Decl& d, const decl_context& ctx) {
    if (!is<g::article_clause>(c)) return false;
    once(seen, c, "article", ctx);
    d.article = ast::article_ref{identifier(child(c, 0)), string_literal(child(c, 1)), span(c)};
    return true;
  }

  ast::declaration declaration(const node& n) {
    if (is<g::agreement_decl>(n)) return agreement(n);
    if (is<g::party_decl>(n)) return party(n);
    if (is<g::executor_decl>(n)) return executor(n);
    if (is<g::period_decl>(n)) return period(n);
    if (is<g::milestone_decl>(n)) return milestone(n);
    if (is<g::task_decl>(n)) return task(n);
    if (is<g::contribution_decl>(n)) return contribution(n);
    if (is<g::saving_decl>(n)) return saving(n);
    if (is<g::benchmark_decl>(n)) return benchmark(n);
    if (is<g::rule_decl>(n)) return rule(n);
    if (is<g::include_decl>(n)) return ast::include_decl{string_literal(child(n, 0)), span(n)};
    unexpected(n);
  }

  ast::agreement_decl agreement(const node& n) {
    ast::agreement_decl d;
    d.id = identifier(child(n, 0));
    d.title = string_literal(child(n, 1));
    d.span = span(n);
    const decl_context ctx{{"agreement", "overeenkomst"}, d.id};
    const node* article = nullptr;
    const node *since = nullptr, *documents = nullptr, *hours = nullptr, *tolerance = nullptr;
    each_clause(n, 2, [&](const node& c) {
      if (take_article(c, article, d, ctx)) return;
      if (is<g::since_clause>(c)) {
        once(since, c, "since", ctx);
        d.since = date(child(c, 0));
      } else if (is<g::documents_clause>(c)) {
        once(documents, c, "documents", ctx);
        for (const auto& doc : c.children) d.documents.push_back(identifier(*doc));
      } else if (is<g::hours_per_fte_clause>(c)) {
        once(hours, c, "hours_per_fte", ctx);
        d.hours_per_fte = integer(child(c, 0));
      } else if (is<g::tolerance_clause>(c)) {
        once(tolerance, c, "tolerance", ctx);
        d.tolerance = percent(child(c, 0));
      } else {
        unexpected(c);
      }
    });
    if (!since) missing(ctx, "`since` date", "`since`-datum", "add `since YYYY-MM-DD` inside its braces", "neem `since JJJJ-MM-DD` op tussen de accolades");
    if (!documents) missing(ctx, "`documents`", "`documents`", "add `documents NAME, ...` inside its braces", "neem `documents NAAM, ...` op tussen de accolades");
    if (!hours) missing(ctx, "`hours_per_fte`", "`hours_per_fte`", "add `hours_per_fte N` inside its braces", "neem `hours_per_fte N` op tussen de accolades");
    return d;
  }

  ast::party_decl party(const node& n) {
    ast::party_decl d;
    d.id = identifier(child(n, 0));
    d.name = string_literal(child(n, 1));
    d.span = span(n);
    const decl_context ctx{{"party", "partij"}, d.id};
    const node* article = nullptr;
    const node *roles = nullptr, *inhabitants = nullptr;
    each_clause(n, 2, [&](const node& c) {
      if (take_article(c, article, d, ctx)) return;
      if (is<g::roles_clause>(c)) {
        once(roles, c, "roles", ctx);
        for (const auto& role : c.children) d.roles.push_back(identifier(*role));
      } else if (is<g::inhabitants_clause>(c)) {
        once(inhabitants, c, "inhabitants", ctx);
        d.inhabitants = integer(child(c, 0));
      } else {
        unexpected(c);
      }
    });
    if (!roles) missing(ctx, "`roles`", "`roles`", "add `roles ROLE, ...` inside its braces", "neem `roles ROL, ...` op tussen de accolades");
    if (!inhabitants) missing(ctx, "`inhabitants` count", "`inhabitants`-aantal", "add `inhabitants N` inside its braces", "neem `inhabitants N` op tussen de accolades");
    return d;
  }

  ast::executor_decl executor(const node& n) {
    ast::executor_decl d;
    d.id = identifier(child(n, 0));
    d.name = string_literal(child(n, 1));
    d.span = span(n);
    const decl_context ctx{{"executor", "uitvoerder"}, d.id};
    const node* article = nullptr;
    const node *relation = nullptr, *serves = nullptr, *since = nullptr, *until = nullptr;
    each_clause(n, 2, [&](const node& c) {
      if (take_article(c, article, d, ctx)) return;
      if (is<g::employer_clause, g::part_of_clause>(c)) {
        const bool employer = is<g::employer_clause>(c);
        if (relation != nullptr && is<g::employer_clause>(*relation) != employer) {
          fail(span(c), {ctx.en() + " has both `employer` and `part_of`", ctx.nl() + " heeft zowel `employer` als `part_of`"},
               text{"an executor is either employed by a party or part of one: keep one of the two",
                    "een uitvoerder is in dienst van een partij of maakt er deel van uit: laat één van beide staan"},
               {label{span(*relation), {"first given here", "hier voor het eerst opgegeven"}}});
        }
        once(relation, c, employer ? "employer" : "part_of", ctx);
        d.kind = employer ? ast::executor_decl::relation::employer : ast::executor_decl::relation::part_of;
        d.owner = identifier(child(c, 0));
      } else if (is<g::serves_clause>(c)) {
        once(serves, c, "serves", ctx);
        for (const auto& p : c.children) d.serves.push_back(identifier(*p));
      } else if (is<g::since_clause>(c)) {
        once(since, c, "since", ctx);
        d.since = date(child(c, 0));
      } else if (is<g::until_clause>(c)) {
        once(until, c, "until", ctx);
        d.until = date(child(c, 0));
      } else {
        unexpected(c);
      }
    });
    if (!relation) {
      report(d.id.span, {ctx.en() + " has neither `employer` nor `part_of`", ctx.nl() + " heeft geen `employer` en geen `part_of`"},
           text{"add `employer PARTY` or `part_of PARTY` inside its braces", "neem `employer PARTIJ` of `part_of PARTIJ` op tussen de accolades"});
    }
    return d;
  }

  ast::period_decl period(const node& n) {
    ast::period_decl d;
    d.id = identifier(child(n, 0));
    d.title = string_literal(child(n, 1));
    d.from = date(child(n, 2));
    d.to = date(child(n, 3));
    d.span = span(n);
    each_clause(n, 4, [&](const node& c) {
      if (is<g::provisional_clause>(c)) {
        d.provisional = true;
        if (!c.children.empty()) d.until = identifier(child(c, 0));
      } else if (is<g::article_clause>(c)) {
        d.article = ast::article_ref{identifier(child(c, 0)), string_literal(child(c, 1)), span(c)};
      } else {
        unexpected(c);
      }
    });
    return d;
  }

  ast::milestone_decl milestone(const node& n) {
    ast::milestone_decl d;
    d.id = identifier(child(n, 0));
    d.title = string_literal(child(n, 1));
    d.span = span(n);
    const decl_context ctx{{"milestone", "mijlpaal"}, d.id};
    const node* article = nullptr;
    const node* due = nullptr;
    each_clause(n, 2, [&](const node& c) {
      if (take_article(c, article, d, ctx)) return;
      if (!is<g::due_clause>(c)) unexpected(c);
      once(due, c, "due", ctx);
      d.due = date(child(c, 0));
    });
    if (!due) missing(ctx, "`due` date", "`due`-datum", "add `due YYYY-MM-DD` inside its braces", "neem `due JJJJ-MM-DD` op tussen de accolades");
    return d;
  }

  ast::task_decl task(const node& n) {
    ast::task_decl d;
    d.id = identifier(child(n, 0));
    d.title = string_literal(child(n, 1));
    d.span = span(n);
    const decl_context ctx{{"task", "taak"}, d.id};
    const node* article = nullptr;
    const node *responsible = nullptr, *basic = nullptr, *for_clause = nullptr;
    bool executed = false;
    each_clause(n, 2, [&](const node& c) {
      if (take_article(c, article, d, ctx)) return;
      if (is<g::taakveld_clause>(c)) {
        ast::taakveld_clause clause;
        clause.span = span(c);
        for (const auto& part : c.children) {
          if (is<g::taakveld_from>(*part)) {
            clause.from_year = year(child(*part, 0));
          } else if (is<g::taakveld_until>(*part)) {
            clause.until_year = year(child(*part, 0));
          } else {
            clause.codes.push_back(taakveld_code(*part));
          }
        }
        d.taakvelden.push_back(std::move(clause));
      } else if (is<g::responsible_clause>(c)) {
        once(responsible, c, "responsible", ctx);
        d.responsible = identifier(child(c, 0));
      } else if (is<g::executed_by_clause, g::returned_to_clause>(c)) {
        ast::timeline_entry entry;
        entry.what = is<g::executed_by_clause>(c) ? ast::timeline_entry::kind::executed_by : ast::timeline_entry::kind::returned_to;
        entry.who = identifier(child(c, 0));
        entry.from = date(child(c, 1));
        entry.span = span(c);
        executed = executed || entry.what == ast::timeline_entry::kind::executed_by;
        d.timeline.push_back(std::move(entry));
      } else if (is<g::task_for_clause>(c)) {
        once(for_clause, c, "for", ctx);
        for (const auto& p : c.children) d.for_parties.push_back(identifier(*p));
        d.for_span = span(c);
      } else if (is<g::basic_clause>(c)) {
        once(basic, c, "basic", ctx);
        for (const auto& p : c.children) d.basic_during.push_back(identifier(*p));
        d.basic_span = span(c);
      } else {
        unexpected(c);
      }
    });
    if (d.taakvelden.empty()) missing(ctx, "`taakveld`", "`taakveld`", "add `taakveld CODE, ...` inside its braces", "neem `taakveld CODE, ...` op tussen de accolades");
    if (!responsible) missing(ctx, "`responsible` party", "`responsible`-partij", "add `responsible PARTY` inside its braces", "neem `responsible PARTIJ` op tussen de accolades");
    if (!executed) missing(ctx, "`executed_by` clause", "`executed_by`-clausule", "add `executed_by EXECUTOR from YYYY-MM-DD` inside its braces", "neem `executed_by UITVOERDER from JJJJ-MM-DD` op tussen de accolades");
    return d;
  }

  ast::contribution_decl contribution(const node& n) {
    ast::contribution_decl d;
    d.id = identifier(child(n, 0));
    d.title = string_literal(child(n, 1));
    d.span = span(n);
    const decl_context ctx{{"contribution", "bijdrage"}, d.id};
    const node* article = nullptr;
    const node *payer = nullptr, *payee = nullptr;
    each_clause(n, 2, [&](const node& c) {
      if (take_article(c, article, d, ctx)) return;
      if (is<g::payer_clause>(c)) {
        once(payer, c, "payer", ctx);
        d.payer = identifier(child(c, 0));
      } else if (is<g::payee_clause>(c)) {
        once(payee, c, "payee", ctx);
        d.payee = identifier(child(c, 0));
      } else if (is<g::contribution_line>(c)) {
        d.amounts.push_back({year(child(c, 0)), money(child(c, 1)), span(c)});
      } else if (is<g::indexation_line>(c)) {
        d.indexations.push_back({year(child(c, 0)), percent(child(c, 1)), span(c)});
      } else {
        unexpected(c);
      }
    });
    if (!payer) missing(ctx, "`payer`", "`payer`", "add `payer PARTY` inside its braces", "neem `payer PARTIJ` op tussen de accolades");
    if (!payee) missing(ctx, "`payee`", "`payee`", "add `payee EXECUTOR` inside its braces", "neem `payee UITVOERDER` op tussen de accolades");
    if (d.amounts.empty()) missing(ctx, "yearly amounts", "jaarbedragen", "add a line like `2025: EUR 1_000_000` inside its braces", "neem een regel zoals `2025: EUR 1_000_000` op tussen de accolades");
    return d;
  }

  ast::saving_decl saving(const node& n) {
    ast::saving_decl d;
    d.id = identifier(child(n, 0));
    d.title = string_literal(child(n, 1));
    d.span = span(n);
    const decl_context ctx{{"saving", "besparing"}, d.id};
    const node* article = nullptr;
    const node *on = nullptr, *base = nullptr, *from = nullptr, *rate = nullptr, *amount = nullptr;
    each_clause(n, 2, [&](const node& c) {
      if (take_article(c, article, d, ctx)) return;
      if (is<g::on_clause>(c)) {
        once(on, c, "on", ctx);
        d.on = identifier(child(c, 0));
      } else if (is<g::base_clause>(c)) {
        once(base, c, "base", ctx);
        d.base = year(child(c, 0));
      } else if (is<g::saving_from_clause>(c)) {
        once(from, c, "from", ctx);
        d.from = year(child(c, 0));
      } else if (is<g::rate_clause>(c)) {
        once(rate, c, "rate", ctx);
        d.rate = percent(child(c, 0));
      } else if (is<g::amount_clause>(c)) {
        once(amount, c, "amount", ctx);
        d.amount = money(child(c, 0));
      } else {
        unexpected(c);
      }
    });
    if (!on) missing(ctx, "`on` contribution", "`on`-bijdrage", "add `on CONTRIBUTION` inside its braces", "neem `on BIJDRAGE` op tussen de accolades");
    if (!base) missing(ctx, "`base` year", "`base`-jaar", "add `base YYYY` inside its braces", "neem `base JJJJ` op tussen de accolades");
    if (!from) missing(ctx, "`from` year", "`from`-jaar", "add `from YYYY` inside its braces", "neem `from JJJJ` op tussen de accolades");
    if (!rate && !amount) {
      missing(ctx, "`rate` and no `amount`", "`rate` en geen `amount`", "add `rate PERCENT`, `amount EUR ...` or both inside its braces",
              "neem `rate PERCENTAGE`, `amount EUR ...` of beide op tussen de accolades");
    }
    return d;
  }

  ast::benchmark_decl benchmark(const node& n) {
    ast::benchmark_decl d;
    d.id = identifier(child(n, 0));
    d.title = string_literal(child(n, 1));
    d.span = span(n);
    const decl_context ctx{{"benchmark", "benchmark"}, d.id};
    const node* article = nullptr;
    const node *source = nullptr, *year_clause = nullptr, *tolerance = nullptr;
    each_clause(n, 2, [&](const node& c) {
      if (take_article(c, article, d, ctx)) return;
      if (is<g::source_clause>(c)) {
        once(source, c, "source", ctx);
        d.source = string_literal(child(c, 0));
      } else if (is<g::benchmark_year_clause>(c)) {
        once(year_clause, c, "year", ctx);
        d.year = year(child(c, 0));
      } else if (is<g::tolerance_clause>(c)) {
        once(tolerance, c, "tolerance", ctx);
        d.tolerance = percent(child(c, 0));
      } else if (is<g::benchmark_entry>(c)) {
        d.entries.push_back({taakveld_code(child(c, 0)), money(child(c, 1)), span(c)});
      } else {
        unexpected(c);
      }
    });
    if (!tolerance) missing(ctx, "`tolerance`", "`tolerance`", "add `tolerance PERCENT` inside its braces", "neem `tolerance PERCENTAGE` op tussen de accolades");
    if (d.entries.empty()) {
      missing(ctx, "taakveld entries", "taakveldregels", "add a line like `taakveld 0.2: EUR 45 per inhabitant` inside its braces",
              "neem een regel zoals `taakveld 0.2: EUR 45 per inhabitant` op tussen de accolades");
    }
    return d;
  }

  ast::rule_decl rule(const node& n) {
    ast::rule_decl d;
    d.id = identifier(child(n, 0));
    d.title = string_literal(child(n, 1));
    const node& severity_node = child(n, 2);
    if (!is<g::rule_severity>(severity_node)) unexpected(severity_node);
    d.severity = {severity_node.string(), span(severity_node)};
    d.span = span(n);
    const decl_context ctx{{"rule", "regel"}, d.id};
    const node* article = nullptr;
    const node *for_clause = nullptr, *when = nullptr, *require = nullptr, *message = nullptr, *message_nl = nullptr;
    each_clause(n, 3, [&](const node& c) {
      if (take_article(c, article, d, ctx)) return;
      if (is<g::for_clause>(c)) {
        once(for_clause, c, "for", ctx);
        d.for_activity = identifier(child(c, 0));
      } else if (is<g::let_clause>(c)) {
        d.lets.push_back({identifier(child(c, 0)), expression(child(c, 1)), span(c)});
      } else if (is<g::when_clause>(c)) {
        once(when, c, "when", ctx);
        d.when = expression(child(c, 0));
      } else if (is<g::require_clause>(c)) {
        once(require, c, "require", ctx);
        d.require = expression(child(c, 0));
        d.require_span = span(c);
      } else if (is<g::message_clause>(c)) {
        once(message, c, "message", ctx);
        d.message = message_template(child(c, 0));
      } else if (is<g::message_nl_clause>(c)) {
        once(message_nl, c, "message nl", ctx);
        d.message_nl = message_template(child(c, 0));
      } else {
        unexpected(c);
      }
    });
    if (!require) missing(ctx, "`require` clause", "`require`-clausule", "add `require CONDITION` inside its braces", "neem `require VOORWAARDE` op tussen de accolades");
    return d;
  }

  // ---- expressions ----

  ast::expr expression(const node& n) const {
    std::size_t depth = 0;
    return expression(n, depth);
  }

  // Lowers an expression; `depth` receives the height of the resulting tree. The grammar bounds how deeply
  // the parse tree nests; this bounds the AST too, whose left-associative chains (`a + b + c ...`) the
  // grammar sees as flat lists. Code that walks the AST recursively may rely on max_nesting_depth.
  ast::expr expression(const node& n, std::size_t& depth) const {
    if (is<g::or_expr, g::and_expr, g::cmp_expr, g::add_expr, g::mul_expr>(n)) return chain(n, depth);
    if (is<g::not_application, g::negation>(n)) {
      const node& op = child(n, 0);
      std::size_t operand_depth = 0;
      ast::expr e;
      e.kind = ast::expr_kind::unary;
      e.span = span(n);
      e.name = is<g::not_application>(n) ? "not" : "-";
      e.name_span = span(op);
      e.operands.push_back(expression(child(n, 1), operand_depth));
      depth = operand_depth + 1;
      check_depth(e, depth);
      return e;
    }
    if (is<g::parenthesised>(n)) {
      ast::expr e = expression(child(n, 0), depth);
      e.span = span(n);  // the parentheses belong to the sub-expression
      return e;
    }
    if (is<g::path_expr>(n)) return path(n, depth);
    if (is<g::aggregate_call, g::has_call, g::year_call, g::days_call, g::round_call, g::previous_call>(n))
      return call(n, depth);
    if (is<g::list_literal>(n)) {
      ast::expr e;
      e.kind = ast::expr_kind::list;
      e.span = span(n);
      std::size_t inner = 0;
      for (const auto& element : n.children) {
        std::size_t d = 0;
        e.operands.push_back(expression(*element, d));
        inner = std::max(inner, d);
      }
      depth = inner + 1;
      check_depth(e, depth);
      return e;
    }
    depth = 1;
    return literal(n);
  }

  void check_depth(const ast::expr& e, std::size_t depth) const {
    if (depth > max_nesting_depth) {
      fail(e.span, {"expression nested too deeply", "expressie is te diep genest"},
           text{"at most 200 levels of operators, calls and lists are allowed; split the expression with `let`",
                "hoogstens 200 niveaus van operatoren, aanroepen en lijsten zijn toegestaan; splits de expressie met `let`"});
    }
  }

  // operand (op operand)* as a left-associative tree.
  ast::expr chain(const node& n, std::size_t& depth) const {
    ast::expr result = expression(child(n, 0), depth);
    for (std::size_t i = 1; i + 1 < n.children.size(); i += 2) {
      const node& op = *n.children[i];
      std::size_t right_depth = 0;
      ast::expr right = expression(*n.children[i + 1], right_depth);
      ast::expr e;
      e.kind = ast::expr_kind::binary;
      e.span = {&file_, result.span.begin, right.span.end};
      e.name = op.string();
      e.name_span = span(op);
      e.operands.reserve(2);
      e.operands.push_back(std::move(result));
      e.operands.push_back(std::move(right));
      depth = std::max(depth, right_depth) + 1;
      check_depth(e, depth);
      result = std::move(e);
    }
    if (n.children.size() % 2 == 0) unexpected(n);
    return result;
  }

  ast::expr path(const node& n, std::size_t& depth) const {
    ast::expr e;
    e.kind = ast::expr_kind::path;
    e.span = span(n);
    depth = 1;
    for (const auto& part : n.children) {
      if (is<g::ident>(*part)) {
        e.path.push_back(identifier(*part));
      } else {
        std::size_t index_depth = 0;
        e.operands.push_back(expression(*part, index_depth));
        e.has_index = true;
        depth = index_depth + 1;
      }
    }
    check_depth(e, depth);
    return e;
  }

  ast::expr call(const node& n, std::size_t& depth) const {
    const node& name = child(n, 0);
    ast::expr e;
    e.kind = ast::expr_kind::call;
    e.span = span(n);
    e.name = name.string();
    e.name_span = span(name);
    std::size_t inner = 0;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const node& c = *n.children[i];
      std::size_t d = 0;
      if (is<g::where_clause>(c)) {
        e.where_clause.push_back(expression(child(c, 0), d));
      } else {
        e.operands.push_back(expression(c, d));
      }
      inner = std::max(inner, d);
    }
    depth = inner + 1;
    check_depth(e, depth);
    return e;
  }

  ast::expr literal(const node& n) const {
    ast::expr e;
    e.span = span(n);
    if (is<g::integer>(n)) {
      e.kind = ast::expr_kind::integer;
      e.value = integer(n).value;
    } else if (is<g::decimal_number>(n)) {
      e.kind = ast::expr_kind::decimal;
      e.value = exact_number(n, n.string_view(), "number", "getal");
    } else if (is<g::percent>(n)) {
      e.kind = ast::expr_kind::percent;
      e.value = percent(n).value;
    } else if (is<g::money>(n)) {
      e.kind = ast::expr_kind::money;
      e.value = money(n).cents;
    } else if (is<g::date>(n)) {
      e.kind = ast::expr_kind::date;
      e.value = date(n);
    } else if (is<g::string_literal>(n)) {
      e.kind = ast::expr_kind::string;
      e.value = string_literal(n).value;
    } else if (is<g::boolean_literal>(n)) {
      e.kind = ast::expr_kind::boolean;
      e.value = n.string_view() == "true";
    } else {
      unexpected(n);
    }
    return e;
  }
};

}  // namespace

lowered lower(const tao::pegtl::parse_tree::node& root, const source_file& file) {
  return lowerer(file).lower_file(root);
}

}  // namespace akkoord::parser::detail

// Document symbols (an outline of an agreement's declarations, of a plan's activities and milestones),
// formatting of agreements as `akkoord fmt` does, and the quick fixes of findings as code actions.
#include <filesystem>

#include "akkoord/parser/format.hpp"
#include "akkoord/parser/parse.hpp"
#include "akkoord/validator/plan.hpp"
#include "handlers.hpp"
#include "positions.hpp"
#include "server.hpp"

namespace akkoord::lsp {

namespace {

// LSP SymbolKind values.
enum symbol_kind : int {
  kind_module = 2,
  kind_namespace = 3,
  kind_class = 5,
  kind_property = 7,
  kind_field = 8,
  kind_function = 12,
  kind_constant = 14,
  kind_number = 16,
  kind_object = 19,
  kind_event = 24,
  kind_operator = 25
};

json symbol(const std::string& name, const std::string& detail, int kind, const json& range, const json& selection) {
  // LSP requires a non-empty name; a declaration without one is shown by its kind.
  return {{"name", name.empty() ? std::string("?") : name},
          {"detail", detail},
          {"kind", kind},
          {"range", range},
          {"selectionRange", selection}};
}

struct declaration_outline {
  const source_file& file;
  json operator()(const ast::include_decl& d) const {
    return symbol("include " + d.path.value, "", kind_module, span(d.span), span(d.path.span));
  }
  template <class Decl>
  json operator()(const Decl& d) const {
    std::string detail;
    if constexpr (requires { d.title; })
      detail = d.title.value;
    else if constexpr (requires { d.name.value; })
      detail = d.name.value;
    return symbol(d.id.name, detail, kind_for(d), span(d.span), span(d.id.span));
  }
  json span(const source_span& s) const { return to_lsp_range(file, s.begin, s.end); }

  static int kind_for(const ast::agreement_decl&) { return kind_namespace; }
  static int kind_for(const ast::party_decl&) { return kind_object; }
  static int kind_for(const ast::executor_decl&) { return kind_class; }
  static int kind_for(const ast::period_decl&) { return kind_constant; }
  static int kind_for(const ast::milestone_decl&) { return kind_event; }
  static int kind_for(const ast::task_decl&) { return kind_function; }
  static int kind_for(const ast::contribution_decl&) { return kind_property; }
  static int kind_for(const ast::saving_decl&) { return kind_property; }
  static int kind_for(const ast::benchmark_decl&) { return kind_number; }
  static int kind_for(const ast::rule_decl&) { return kind_operator; }
};

json agreement_symbols(const source_file& file) {
  json out = json::array();
  const parser::parse_outcome parsed = parser::parse_agreement(file);
  if (!parsed.tree) return out;
  for (const ast::declaration& d : parsed.tree->declarations) out.push_back(std::visit(declaration_outline{file}, d));
  return out;
}

template <class T>
void widen(pos_span& whole, const std::optional<spanned<T>>& field) {
  if (field && whole.end < field->span.end) whole.end = field->span.end;
}

json plan_symbols(const source_file& file) {
  json out = json::array();
  diagnostics shape;  // the diagnostics report them; an outline shows what could be read
  const plan p = read_plan(file, shape);
  const auto range = [&](pos_span s) { return to_lsp_range(file, s.begin, s.end); };
  for (const plan_activity& a : p.activities) {
    pos_span whole = a.header;
    widen(whole, a.id), widen(whole, a.task), widen(whole, a.executor), widen(whole, a.responsible);
    widen(whole, a.taakveld), widen(whole, a.budget), widen(whole, a.fte), widen(whole, a.hours);
    widen(whole, a.from), widen(whole, a.to), widen(whole, a.description);
    const std::string name = a.id ? a.id->value : "activity, line " + std::to_string(a.header.begin.line);
    std::string detail = a.task ? a.task->value : std::string();
    if (a.description) detail += (detail.empty() ? "" : ": ") + a.description->value;
    out.push_back(symbol(name, detail, kind_field, range(whole), range(a.id ? a.id->span : a.header)));
  }
  for (const plan_milestone& m : p.milestones) {
    pos_span whole = m.header;
    widen(whole, m.id), widen(whole, m.completed);
    const std::string name = m.id ? m.id->value : "milestone, line " + std::to_string(m.header.begin.line);
    const std::string detail = m.completed ? to_string(m.completed->value) : std::string();
    out.push_back(symbol(name, detail, kind_event, range(whole), range(m.id ? m.id->span : m.header)));
  }
  return out;
}

bool is_agreement(const document& doc) {
  return std::filesystem::path(doc.path).extension() == ".akkoord" || doc.language_id == "akkoord";
}

void show_message(server& srv, int type, const std::string& message) {
  srv.out().write(
      {{"jsonrpc", "2.0"}, {"method", "window/showMessage"}, {"params", {{"type", type}, {"message", message}}}});
}

document open_document(server& srv, const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  auto doc = srv.documents().get(uri);
  if (!doc) throw rpc_error(invalid_params, "the document `" + uri + "` is not open");
  return std::move(*doc);
}

bool overlaps(const json& a, const json& b) {
  const auto before = [](const json& x, const json& y) {  // position x < position y
    return x.at("line").get<int>() < y.at("line").get<int>() ||
           (x.at("line") == y.at("line") && x.at("character").get<int>() < y.at("character").get<int>());
  };
  return !before(a.at("end"), b.at("start")) && !before(b.at("end"), a.at("start"));
}

}  // namespace

void add_editing_handlers(method_table& table, server& srv) {
  table.capabilities["documentSymbolProvider"] = true;
  table.request("textDocument/documentSymbol", [&srv](const json& params, const request_context&) {
    const document doc = open_document(srv, params);
    const source_file file(doc.path, doc.text);
    if (is_agreement(doc)) return agreement_symbols(file);
    if (std::filesystem::path(doc.path).extension() == ".toml") return plan_symbols(file);
    return json::array();
  });

  table.capabilities["documentFormattingProvider"] = true;
  table.request("textDocument/formatting", [&srv](const json& params, const request_context&) {
    const document doc = open_document(srv, params);
    if (!is_agreement(doc)) return json::array();
    const source_file file(doc.path, doc.text);
    const parser::format_outcome formatted = parser::format_agreement(file);
    if (!formatted.text) {
      // Formatting a file that does not parse could lose text: refuse, and say why.
      const text why = formatted.failure
                           ? *formatted.failure
                           : text{"the file has syntax errors: correct them first (see the problems list)",
                                  "het bestand bevat syntaxisfouten: herstel die eerst (zie de lijst met problemen)"};
      const text refused{"akkoord: not formatted: " + why.en, "akkoord: niet opgemaakt: " + why.nl};
      show_message(srv, 2, refused.in(srv.language_for(doc.path)));
      return json::array();
    }
    if (*formatted.text == file.text()) return json::array();
    // One edit for the whole text: the formatter rewrites layout everywhere, and clients keep the cursor line.
    return json::array({{{"range", {{"start", to_json({})}, {"end", to_json(end_position(doc.text))}}},
                         {"newText", *formatted.text}}});
  });

  table.capabilities["codeActionProvider"] = {{"codeActionKinds", {"quickfix"}}};
  table.request("textDocument/codeAction", [&srv](const json& params, const request_context&) {
    const document doc = open_document(srv, params);
    const json& range = params.at("range");
    json actions = json::array();
    for (const quick_fix& fix : srv.fixes_for(doc.uri, doc.version)) {
      if (!overlaps(fix.diagnostic.at("range"), range)) continue;
      actions.push_back({{"title", fix.title},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({fix.diagnostic})},
                         {"isPreferred", true},
                         {"edit", {{"changes", fix.changes}}}});
    }
    return actions;
  });
}

}  // namespace akkoord::lsp

// Hover, go to definition, references, completion and rename: the navigation library
// (validator/navigation.hpp) over the documents as the editor has them. Each request builds its scope from the
// agreement the analysis keeps loaded and the plans it needs (the document itself; for references and rename
// also the configured plans and the other open plans of the same agreement), answers, and converts positions.
#include <set>

#include "akkoord/validator/navigation.hpp"
#include "akkoord/validator/plan.hpp"
#include "handlers.hpp"
#include "plan_selection.hpp"
#include "positions.hpp"
#include "server.hpp"

namespace akkoord::lsp {

namespace {

// LSP CompletionItemKind values.
int lsp_completion_kind(completion_kind kind) {
  switch (kind) {
    case completion_kind::keyword: return 14;       // Keyword
    case completion_kind::table: return 9;          // Module
    case completion_kind::field: return 5;          // Field
    case completion_kind::value: return 20;         // EnumMember
    case completion_kind::taakveld: return 21;      // Constant
    case completion_kind::agreement: return 9;      // Module
    case completion_kind::party: return 7;          // Class
    case completion_kind::executor: return 22;      // Struct
    case completion_kind::period: return 13;        // Enum
    case completion_kind::milestone: return 23;     // Event
    case completion_kind::task: return 3;           // Function
    case completion_kind::contribution: return 11;  // Unit
    case completion_kind::saving: return 11;        // Unit
    case completion_kind::document: return 17;      // File
  }
  return 1;  // Text
}

constexpr int request_failed = -32803;  // LSP RequestFailed: a rename refused, with its reason

// One request's view of the workspace: the agreement (kept loaded by the analysis), the plans read here, and
// the document's own file among them.
class navigation_request {
 public:
  // `all_plans`: the configured and open plans too (references, rename); else only the document if it is a plan.
  navigation_request(server& srv, const json& params, bool all_plans) : srv_(srv) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    auto doc = srv.documents().get(uri);
    if (!doc) throw rpc_error(invalid_params, "the document `" + uri + "` is not open");
    doc_ = std::move(*doc);
    analysis& a = srv.analyzer();
    const governing_config config = a.config_for(doc_.path);
    lang_ = a.language_for(config);
    const check_settings settings = settings_of(config.settings);
    const bool agreement_document = a.kind_of(doc_) == document_kind::agreement;
    std::string root;
    if (agreement_document) root = a.agreement_root(doc_, config, settings);
    else if (config.settings && config.settings->rules) root = canonical_path(*config.settings->rules);
    if (!root.empty()) {
      const loaded_agreement& loaded = a.agreement(root, settings);
      scope_.agreement = loaded.model.get();
    }
    if (agreement_document && scope_.agreement != nullptr)
      for (const auto& f : scope_.agreement->files)
        if (f.source != nullptr && canonical_path(f.source->path()) == doc_.path) file_ = f.source;
    if (file_ == nullptr) file_ = &add_plan(doc_.path, doc_.text, !agreement_document);
    if (all_plans && config.settings) add_other_plans(*config.settings, root);
  }

  const navigation_scope& scope() const { return scope_; }
  const source_file& file() const { return *file_; }
  language lang() const { return lang_; }

  source_pos position(const json& params) const {
    const lsp_position at = position_from_json(params.at("position"));
    const std::uint32_t line = at.line + 1;
    return {line, code_points_from_utf16(file_->line_text(line), at.character) + 1};
  }

  json location(const source_span& span) const {
    return {{"uri", uri_of(*span.file)}, {"range", to_lsp_range(*span.file, span.begin, span.end)}};
  }

  // The client's URI for an open document (so edits reach its buffer), else the file's.
  std::string uri_of(const source_file& file) const { return srv_.analyzer().uri_of(file); }

 private:
  const source_file& add_plan(const std::string& path, const std::string& text, bool read) {
    const source_file& file = sources_.add(path, text);
    if (read) {
      diagnostics shape;  // the diagnostics report them
      plans_.push_back(std::make_unique<plan>(read_plan(file, shape)));
      scope_.plans.push_back(plans_.back().get());
    }
    paths_.insert(canonical_path(path));
    return file;
  }

  // The configured plans and the open plans governed by the same agreement, each once: unsaved text wins.
  void add_other_plans(const cli::config& settings, const std::string& root) {
    std::vector<std::string> paths;
    if (!settings.plans.empty())
      for (const std::string& file : cli::configured_plans(settings).files) paths.push_back(canonical_path(file));
    analysis& a = srv_.analyzer();
    for (const std::string& uri : srv_.documents().uris()) {
      const auto open = srv_.documents().get(uri);
      if (!open || a.kind_of(*open) != document_kind::plan) continue;
      const governing_config config = a.config_for(open->path);
      if (config.settings && config.settings->rules && canonical_path(*config.settings->rules) == root)
        paths.push_back(open->path);
    }
    for (const std::string& path : paths) {
      if (paths_.count(path) != 0) continue;
      if (const auto open = srv_.documents().by_path(path)) {
        add_plan(path, open->text, true);
        continue;
      }
      read_error why;
      if (auto text = read_whole_file(path, why, parser::max_file_bytes)) add_plan(path, *text, true);
    }
  }

  server& srv_;
  document doc_;
  language lang_ = language::en;
  source_manager sources_;
  std::vector<std::unique_ptr<plan>> plans_;
  std::set<std::string> paths_;
  navigation_scope scope_;
  const source_file* file_ = nullptr;
};

json completion_item_json(const completion_item& item, const json& range, language lang) {
  json out = {{"label", item.label},
              {"kind", lsp_completion_kind(item.kind)},
              {"textEdit", {{"range", range}, {"newText", item.insert_text}}}};
  if (!item.detail.empty()) out["detail"] = item.detail.in(lang);
  if (!item.documentation.empty())
    out["documentation"] = {{"kind", "markdown"}, {"value", item.documentation.in(lang)}};
  return out;
}

[[noreturn]] void refuse(const rename_answer& answer, language lang) {
  throw rpc_error(request_failed, "akkoord: " + answer.refused->in(lang));
}

// A handler that answers from a request's scope. It holds the analysis lock: the agreement it reads is the one
// the diagnostics worker caches. `all_plans`: references and rename need every plan of the agreement.
template <class Answer>
request_handler navigation_handler(server& srv, bool all_plans, Answer answer) {
  return [&srv, all_plans, answer](const json& params, const request_context&) -> json {
    const std::lock_guard lock(srv.analyzer().mutex());
    const navigation_request r(srv, params, all_plans);
    return answer(r, r.position(params), params);
  };
}

}  // namespace

void add_navigation_handlers(method_table& table, server& srv) {
  table.capabilities["hoverProvider"] = true;
  table.request("textDocument/hover", navigation_handler(srv, false, [](const navigation_request& r, source_pos at,
                                                                        const json&) -> json {
    const auto answer = hover(r.scope(), r.file(), at);
    if (!answer) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", answer->markdown.in(r.lang())}}},
            {"range", to_lsp_range(r.file(), answer->range.begin, answer->range.end)}};
  }));

  table.capabilities["definitionProvider"] = true;
  table.request("textDocument/definition", navigation_handler(srv, false, [](const navigation_request& r,
                                                                             source_pos at, const json&) -> json {
    const auto answer = definition(r.scope(), r.file(), at);
    if (!answer) return nullptr;
    return r.location(*answer);
  }));

  table.capabilities["referencesProvider"] = true;
  table.request("textDocument/references", navigation_handler(srv, true, [](const navigation_request& r,
                                                                            source_pos at, const json& params) {
    const bool with_declaration = params.value("context", json::object()).value("includeDeclaration", true);
    json out = json::array();
    for (const auto& span : references(r.scope(), r.file(), at, with_declaration)) out.push_back(r.location(span));
    return out;
  }));

  table.capabilities["completionProvider"] = {{"triggerCharacters", {"\"", "=", " ", ".", "["}}};
  table.request("textDocument/completion", navigation_handler(srv, false, [](const navigation_request& r,
                                                                             source_pos at, const json&) {
    const completion_answer answer = complete(r.scope(), r.file(), at);
    const json range = to_lsp_range(r.file(), answer.range.begin, answer.range.end);
    json items = json::array();
    for (const auto& item : answer.items) items.push_back(completion_item_json(item, range, r.lang()));
    return json{{"isIncomplete", false}, {"items", items}};
  }));

  table.capabilities["renameProvider"] = {{"prepareProvider", true}};
  table.request("textDocument/prepareRename", navigation_handler(srv, false, [](const navigation_request& r,
                                                                                source_pos at, const json&) -> json {
    const rename_answer answer = prepare_rename(r.scope(), r.file(), at);
    if (answer.refused) refuse(answer, r.lang());
    return {{"range", to_lsp_range(r.file(), answer.range.begin, answer.range.end)},
            {"placeholder", answer.current_name}};
  }));
  table.request("textDocument/rename", navigation_handler(srv, true, [](const navigation_request& r, source_pos at,
                                                                       const json& params) -> json {
    const rename_answer answer = rename(r.scope(), r.file(), at, params.at("newName").get<std::string>());
    if (answer.refused) refuse(answer, r.lang());
    json changes = json::object();
    for (const auto& edit : answer.edits) {
      json& edits = changes[r.uri_of(*edit.span.file)];
      if (edits.is_null()) edits = json::array();
      edits.push_back({{"range", to_lsp_range(*edit.span.file, edit.span.begin, edit.span.end)},
                       {"newText", edit.replacement}});
    }
    return {{"changes", changes}};
  }));
}

}  // namespace akkoord::lsp

#include "references.hpp"

#include <set>
#include <string>

#include "walk.hpp"

namespace akkoord {

text kind_name(decl_kind kind) {
  switch (kind) {
    case decl_kind::agreement: return {"agreement", "overeenkomst"};
    case decl_kind::party: return {"party", "partij"};
    case decl_kind::executor: return {"executor", "uitvoerder"};
    case decl_kind::period: return {"period", "periode"};
    case decl_kind::milestone: return {"milestone", "mijlpaal"};
    case decl_kind::task: return {"task", "taak"};
    case decl_kind::contribution: return {"contribution", "bijdrage"};
    case decl_kind::saving: return {"saving", "besparing"};
    case decl_kind::benchmark: return {"benchmark", "benchmark"};
    case decl_kind::rule: return {"rule", "regel"};
    case decl_kind::document: return {"document", "document"};
  }
  return {"declaration", "declaratie"};
}

namespace {

void add(std::vector<reference>& out, const ast::identifier& name, decl_kind kind, bool or_party = false) {
  if (!name.name.empty()) out.push_back({&name, kind, or_party});
}

void add_rule_references(std::vector<reference>& out, const ast::rule_decl& rule) {
  std::set<std::string, std::less<>> bound{"activity"};
  for (const auto& let : rule.lets) bound.insert(let.name.name);
  if (rule.for_activity) bound.insert(rule.for_activity->name);
  for_each_rule_expr(rule, [&](const ast::expr& e) {
    if (e.kind != ast::expr_kind::path || e.path.size() < 2 || bound.count(e.path[0].name)) return;
    const std::string& root = e.path[0].name;
    const ast::identifier& id = e.path[1];
    if (root == "party") add(out, id, decl_kind::party);
    else if (root == "period") add(out, id, decl_kind::period);
    else if (root == "milestone") add(out, id, decl_kind::milestone);
    else if (root == "saving") add(out, id, decl_kind::saving);
    else if (root == "contribution" && id.name != "total" && id.name != "id") add(out, id, decl_kind::contribution);
  });
}

template <class Decl>
const ast::identifier* lookup(const index_of<Decl>& index, std::string_view name) {
  const auto it = index.find(name);
  return it == index.end() ? nullptr : &it->second->id;
}

}  // namespace

std::vector<reference> collect_references(const agreement_model& model) {
  std::vector<reference> out;
  for (const auto& file : model.files) {
    for (const auto& decl : file.declarations) {
      std::visit(
          [&](const auto& d) {
            if constexpr (requires { d.article; }) {
              if (d.article) add(out, d.article->document, decl_kind::document);
            }
          },
          decl);
      if (const auto* e = std::get_if<ast::executor_decl>(&decl)) {
        add(out, e->owner, decl_kind::party);
        for (const auto& p : e->serves) add(out, p, decl_kind::party);
      } else if (const auto* p = std::get_if<ast::period_decl>(&decl)) {
        if (p->until) add(out, *p->until, decl_kind::milestone);
      } else if (const auto* t = std::get_if<ast::task_decl>(&decl)) {
        if (t->responsible) add(out, *t->responsible, decl_kind::party);
        for (const auto& entry : t->timeline)
          add(out, entry.who, decl_kind::executor, entry.what == ast::timeline_entry::kind::returned_to);
        for (const auto& period : t->basic_during) add(out, period, decl_kind::period);
        for (const auto& party : t->for_parties) add(out, party, decl_kind::party);
      } else if (const auto* c = std::get_if<ast::contribution_decl>(&decl)) {
        if (c->payer) add(out, *c->payer, decl_kind::party);
        if (c->payee) add(out, *c->payee, decl_kind::executor);
      } else if (const auto* s = std::get_if<ast::saving_decl>(&decl)) {
        if (s->on) add(out, *s->on, decl_kind::contribution);
      } else if (const auto* r = std::get_if<ast::rule_decl>(&decl)) {
        add_rule_references(out, *r);
      }
    }
  }
  return out;
}

const ast::identifier* find_declared(const agreement_model& model, decl_kind kind, std::string_view name) {
  switch (kind) {
    case decl_kind::agreement:
      return model.agreement && model.agreement->id.name == name ? &model.agreement->id : nullptr;
    case decl_kind::party: return lookup(model.parties, name);
    case decl_kind::executor: return lookup(model.executors, name);
    case decl_kind::period: return lookup(model.periods, name);
    case decl_kind::milestone: return lookup(model.milestones, name);
    case decl_kind::task: return lookup(model.tasks, name);
    case decl_kind::contribution: return lookup(model.contributions, name);
    case decl_kind::saving: return lookup(model.savings, name);
    case decl_kind::benchmark: return lookup(model.benchmarks, name);
    case decl_kind::rule: return lookup(model.rules, name);
    case decl_kind::document:
      if (model.agreement != nullptr)
        for (const auto& document : model.agreement->documents)
          if (document.name == name) return &document;
      return nullptr;
  }
  return nullptr;
}

}  // namespace akkoord

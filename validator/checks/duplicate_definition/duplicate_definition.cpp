#include "duplicate_definition/duplicate_definition.hpp"

#include <map>

#include "check_support.hpp"
#include "references.hpp"

namespace akkoord::checks {

namespace {

struct duplicate {
  const ast::identifier* second;
  const ast::identifier* first;
  decl_kind kind;
};

template <class Decl>
void find_duplicates(const agreement_model& model, decl_kind kind, std::vector<duplicate>& out) {
  std::map<std::string_view, const Decl*> first;
  for (const Decl* decl : model.template all<Decl>()) {
    const auto [it, inserted] = first.emplace(decl->id.name, decl);
    if (!inserted) out.push_back({&decl->id, &it->second->id, kind});
  }
}

}  // namespace

void duplicate_definition::lint(const lint_context& context, diagnostics& out) const {
  const auto& model = context.agreement;
  std::vector<duplicate> duplicates;
  find_duplicates<ast::party_decl>(model, decl_kind::party, duplicates);
  find_duplicates<ast::executor_decl>(model, decl_kind::executor, duplicates);
  find_duplicates<ast::period_decl>(model, decl_kind::period, duplicates);
  find_duplicates<ast::milestone_decl>(model, decl_kind::milestone, duplicates);
  find_duplicates<ast::task_decl>(model, decl_kind::task, duplicates);
  find_duplicates<ast::contribution_decl>(model, decl_kind::contribution, duplicates);
  find_duplicates<ast::saving_decl>(model, decl_kind::saving, duplicates);
  find_duplicates<ast::benchmark_decl>(model, decl_kind::benchmark, duplicates);
  find_duplicates<ast::rule_decl>(model, decl_kind::rule, duplicates);

  for (const auto& dup : duplicates) {
    const text kind = kind_name(dup.kind);
    auto d = finding(dup.second->span, {kind.en + " " + quoted(dup.second->name) + " is already declared",
                                        kind.nl + " " + quoted(dup.second->name) + " is al eerder gedefinieerd"});
    d.related.push_back({dup.first->span, {"first declared here", "hier voor het eerst gedefinieerd"}});
    d.help = text{"rename one of them, or remove the second declaration",
                  "geef een van beide een andere naam, of verwijder de tweede definitie"};
    out.push_back(std::move(d));
  }

  // An agreement file states one agreement: a second `agreement` block is a duplicate whatever its id.
  const auto agreements = model.all<ast::agreement_decl>();
  for (std::size_t i = 1; i < agreements.size(); ++i) {
    auto d = finding(agreements[i]->id.span,
                     {"a second `agreement` declaration " + quoted(agreements[i]->id.name),
                      "een tweede overeenkomst (`agreement`) " + quoted(agreements[i]->id.name)});
    d.related.push_back({agreements[0]->id.span, {"first declared here", "hier voor het eerst gedefinieerd"}});
    d.help = text{"an agreement file declares one agreement: merge the two or remove one",
                  "een overeenkomstbestand bevat één overeenkomst: voeg de twee samen, of verwijder er een"};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks

#include "undefined_reference/undefined_reference.hpp"

#include <algorithm>

#include "akkoord/fix.hpp"
#include "akkoord/validator/suggest.hpp"
#include "check_support.hpp"
#include "references.hpp"

namespace akkoord::checks {

namespace {

// "a party", "an executor"
std::string with_article(const std::string& noun) {
  const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + noun;
}

constexpr decl_kind all_kinds[] = {decl_kind::party,     decl_kind::executor, decl_kind::period,
                                   decl_kind::milestone, decl_kind::task,     decl_kind::contribution,
                                   decl_kind::saving,    decl_kind::benchmark, decl_kind::rule};

// Offers every id of a kind to the matcher.
void offer(const agreement_model& model, decl_kind kind, closest_match& match) {
  auto keys = [&](const auto& index) {
    for (const auto& [name, decl] : index) match.consider(name);
  };
  switch (kind) {
    case decl_kind::party: keys(model.parties); break;
    case decl_kind::executor: keys(model.executors); break;
    case decl_kind::period: keys(model.periods); break;
    case decl_kind::milestone: keys(model.milestones); break;
    case decl_kind::task: keys(model.tasks); break;
    case decl_kind::contribution: keys(model.contributions); break;
    case decl_kind::saving: keys(model.savings); break;
    case decl_kind::benchmark: keys(model.benchmarks); break;
    case decl_kind::rule: keys(model.rules); break;
    case decl_kind::document:
      if (model.agreement != nullptr)
        for (const auto& document : model.agreement->documents) match.consider(document.name);
      break;
    case decl_kind::agreement: break;
  }
}

}  // namespace

void undefined_reference::lint(const lint_context& context, diagnostics& out) const {
  const auto& model = context.agreement;
  // A file that failed to load may declare what is referred to: its own finding is the one root cause.
  if (!model.complete) return;
  // The documents of an agreement declaration that did not parse are unknown (its other broken names are
  // handled for every check in lint_agreement).
  const bool documents_unknown =
      model.agreement == nullptr && std::any_of(model.broken.begin(), model.broken.end(),
                                                [](const parser::broken_declaration& b) { return b.keyword == "agreement"; });
  for (const reference& ref : collect_references(model)) {
    const std::string& name = ref.name->name;
    if (find_declared(model, ref.kind, name)) continue;
    if (ref.kind == decl_kind::document && documents_unknown) continue;
    if (ref.or_party && find_declared(model, decl_kind::party, name)) continue;

    const text kind = kind_name(ref.kind);
    text wanted = kind;
    if (ref.or_party) wanted = {kind.en + " or party", kind.nl + " of partij"};
    auto d = finding(ref.name->span, {"no " + wanted.en + " " + quoted(name) + " is declared",
                                      "er is geen " + wanted.nl + " " + quoted(name) + " gedefinieerd"});

    // The same id in another kind is the likeliest mistake: say so first.
    for (const decl_kind other : all_kinds) {
      if (other == ref.kind || (ref.or_party && other == decl_kind::party)) continue;
      if (const auto* declared = find_declared(model, other, name)) {
        const text other_kind = kind_name(other);
        d.notes.push_back(
            {quoted(name) + " is declared as " + with_article(other_kind.en) + ", not as " + with_article(wanted.en),
             quoted(name) + " is gedefinieerd als " + other_kind.nl + ", niet als " + wanted.nl});
        d.related.push_back({declared->span, {quoted(name) + " is declared here as " + with_article(other_kind.en),
                                              quoted(name) + " is hier gedefinieerd als " + other_kind.nl}});
        break;
      }
    }

    closest_match match(name);
    offer(model, ref.kind, match);
    if (ref.or_party) offer(model, decl_kind::party, match);
    if (const auto& suggestion = match.best()) {
      const ast::identifier* target = find_declared(model, ref.kind, *suggestion);
      if (target == nullptr && ref.or_party) target = find_declared(model, decl_kind::party, *suggestion);
      d.help = did_you_mean_text(*suggestion);
      // No fix in an agreement with syntax errors: `--fix` leaves such a file untouched.
      if (match.only_candidate() && text_at(ref.name->span) == name && model.broken.empty())
        d.fix = replacement_fix(ref.name->span, name, *suggestion);
      if (target)
        d.related.push_back({target->span, {quoted(*suggestion) + " is declared here",
                                            quoted(*suggestion) + " is hier gedefinieerd"}});
    } else if (!d.notes.empty()) {
      d.help = text{"name " + with_article(wanted.en) + " here", "noem hier een " + wanted.nl};
    } else {
      d.help = text{"declare the " + wanted.en + ", or correct the name",
                    "definieer de " + wanted.nl + ", of corrigeer de naam"};
    }
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks

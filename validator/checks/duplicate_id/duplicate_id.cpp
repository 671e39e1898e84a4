#include "duplicate_id/duplicate_id.hpp"

#include <unordered_map>

#include <fmt/format.h>

namespace akkoord::checks {

namespace {

using id_pair = std::pair<const spanned<std::string>*, const spanned<std::string>*>;  // second, first

// One hash lookup per entry: linear however many activities a plan has.
template <class Entry>
std::vector<id_pair> find_duplicates(const std::vector<Entry>& entries) {
  std::vector<id_pair> out;
  std::unordered_map<std::string_view, const spanned<std::string>*> first;
  first.reserve(entries.size());
  for (const auto& e : entries) {
    if (!e.id) continue;
    const auto [it, inserted] = first.emplace(e.id->value, &*e.id);
    if (!inserted) out.emplace_back(&*e.id, it->second);
  }
  return out;
}

}  // namespace

void duplicate_id::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  for (const auto& [second, first] : find_duplicates(p.activities)) {
    const std::string& id = second->value;
    auto d = finding(p.span(second->span), {fmt::format("a second activity with id `{}`", id),
                                            fmt::format("er is al een activiteit met id `{}`", id)});
    d.related.push_back({p.span(first->span), {"first used here", "hier voor het eerst gebruikt"}});
    d.help = text{"give each activity its own id", "geef elke activiteit een eigen id"};
    out.push_back(std::move(d));
  }
  for (const auto& [second, first] : find_duplicates(p.milestones)) {
    const std::string& id = second->value;
    auto d = finding(p.span(second->span), {fmt::format("milestone `{}` is recorded twice", id),
                                            fmt::format("mijlpaal `{}` is twee keer vastgelegd", id)});
    d.related.push_back({p.span(first->span), {"first recorded here", "hier voor het eerst vastgelegd"}});
    d.help = text{"record each milestone once", "leg elke mijlpaal één keer vast"};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks

#include "akkoord/validator/agreed_amount.hpp"

#include <map>
#include <optional>

#include "akkoord/validator/agreement.hpp"

namespace akkoord {

namespace {
__extension__ using i128 = __int128;
}  // namespace

// Rounding the product itself (not the increase alone) is what "the amount × (1 + P), rounded" means: the
// parity that decides a half cent is the result's.
std::optional<std::int64_t> indexed_cents(std::int64_t cents, decimal percent) {
  i128 denominator = 100;
  for (int i = 0; i < percent.scale; ++i) denominator *= 10;
  const i128 increase = static_cast<i128>(cents) * percent.units;  // < 2^126: fits
  i128 result = cents + increase / denominator;
  const i128 twice_remainder = (increase % denominator) * 2;  // same sign as the increase
  const bool odd = result % 2 != 0;
  if (twice_remainder > denominator || (twice_remainder == denominator && odd)) result += 1;
  if (-twice_remainder > denominator || (-twice_remainder == denominator && odd)) result -= 1;
  if (result > INT64_MAX || result < INT64_MIN) return std::nullopt;
  return static_cast<std::int64_t>(result);
}

agreed_amount agreed_amount_for(const ast::contribution_decl& contribution, std::int64_t year) {
  agreed_amount out;
  // The nearest stated year at or before `year` (its first statement): the derivation can only start there,
  // because a stated amount wins over an indexation for the same year.
  const ast::contribution_amount* start = nullptr;
  for (const auto& amount : contribution.amounts)
    if (amount.year.value <= year && (start == nullptr || amount.year.value > start->year.value)) start = &amount;
  if (start == nullptr) return out;

  // Every year after it up to `year` needs an indexation; with fewer indexations than years there is a gap.
  const std::int64_t first = start->year.value;
  const i128 gap = static_cast<i128>(year) - first;
  if (gap > static_cast<i128>(contribution.indexations.size())) return out;
  std::vector<const ast::contribution_indexation*> chain(static_cast<std::size_t>(gap), nullptr);
  for (const auto& indexation : contribution.indexations) {
    const std::int64_t y = indexation.year.value;
    if (y <= first || y > year) continue;
    auto& slot = chain[static_cast<std::size_t>(y - first - 1)];
    if (slot == nullptr) slot = &indexation;  // the first for its year counts
  }
  for (const auto* step : chain)
    if (step == nullptr) return out;

  out.stated = start;
  std::int64_t cents = start->amount.cents;
  for (const auto* step : chain) {
    const auto next = indexed_cents(cents, step->rate.value);
    out.steps.push_back({step, next.value_or(0)});
    if (!next) {
      out.state = agreed_amount::status::too_large;
      return out;
    }
    cents = *next;
  }
  out.state = agreed_amount::status::known;
  out.cents = cents;
  return out;
}

std::vector<saving_group> savings_in_force(const agreement_model& agreement, const ast::contribution_decl& contribution,
                                           std::int64_t year) {
  std::map<std::int64_t, saving_group> by_base;
  for (const auto* saving : agreement.all<ast::saving_decl>()) {
    if (!saving->on || saving->on->name != contribution.id.name || !saving->base || !saving->from) continue;
    if (saving->from->value > year) continue;
    auto& group = by_base[saving->base->value];
    group.base_year = saving->base->value;
    group.savings.push_back(saving);
  }
  std::vector<saving_group> out;
  for (auto& [base_year, group] : by_base) {
    group.base = agreed_amount_for(contribution, base_year);
    if (group.base.state == agreed_amount::status::known) {
      // A plain value and a flag, not an optional: GCC 12 cannot see that an optional here is always set.
      std::int64_t limit = group.base.cents;
      bool fits = true;
      for (const auto* saving : group.savings) {
        std::optional<std::int64_t> cut;
        if (saving->amount)
          cut = saving->amount->cents;
        else if (saving->rate)
          cut = percent_of_cents(saving->rate->value, group.base.cents);
        else
          cut = 0;  // neither: the parser reports it
        group.cuts.push_back(cut.value_or(0));
        const std::optional<std::int64_t> rest = cut ? checked_sub(limit, *cut) : std::nullopt;
        fits = fits && rest.has_value();
        if (rest) limit = *rest;
      }
      group.state = fits ? saving_group::status::known : saving_group::status::too_large;
      group.limit = fits ? limit : 0;
    } else {
      group.state = group.base.state == agreed_amount::status::too_large ? saving_group::status::too_large
                                                                        : saving_group::status::base_unknown;
    }
    out.push_back(std::move(group));
  }
  return out;
}

}  // namespace akkoord

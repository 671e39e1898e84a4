// A task's total budget against the same task in last year's plan of the municipality (the engine finds that plan
// in the run, run.cpp). Both totals come from the figures (one sum per task, computed once); the change is
// compared with the threshold as an exact fraction, and rounded only to be shown.
#include "budget_swing/budget_swing.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {
namespace {

using plan_support::u128;
__extension__ using i128 = __int128;

u128 magnitude(i128 v) { return static_cast<u128>(v < 0 ? -v : v); }

u128 pow10(int n) {
  u128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

// The change as a percentage with one decimal, half to even, for the message only ("40" or "33.3").
decimal shown_change(u128 change, u128 base) {
  const u128 scaled = change * 1000, q = scaled / base, r = scaled % base;
  const u128 rounded = q + ((r * 2 > base || (r * 2 == base && q % 2 == 1)) ? 1 : 0);
  if (rounded % 10 == 0) return {static_cast<std::int64_t>(rounded / 10), 0};
  return {static_cast<std::int64_t>(rounded), 1};
}

const named_sum* find_task(const std::vector<named_sum>& tasks, std::string_view id) {
  const auto it = std::lower_bound(tasks.begin(), tasks.end(), id,
                                   [](const named_sum& t, std::string_view key) { return t.id < key; });
  return it != tasks.end() && it->id == id ? &*it : nullptr;
}

text help_text() {
  return {"check the budgets; when the change is intended, record why: "
          "`# akkoord: allow(budget-swing) -- reason` on the line above",
          "controleer de begrotingen; is de wijziging bedoeld, leg de reden dan vast met "
          "`# akkoord: allow(budget-swing) -- reden` op de regel erboven"};
}

text threshold_note(decimal threshold) {
  const text shown = plan_support::percent(threshold);
  return {"the threshold is " + shown.en + " (`[budget-swing] threshold` in `.akkoord.toml`)",
          "de drempel is " + shown.nl + " (`[budget-swing] threshold` in `.akkoord.toml`)"};
}

}  // namespace

void budget_swing::check_plan(const plan_context& context, diagnostics& out) const {
  const plan* last_year = context.neighbours.previous_year;
  const plan_figures* last_figures = context.neighbours.previous_year_figures;
  const plan& p = context.plan;
  if (last_year == nullptr || last_figures == nullptr || !p.year) return;
  const std::int64_t year = p.year->value, before = year - 1;
  const decimal threshold = context.parameters.budget_swing_threshold;
  const auto last_year_label = [&](const named_sum& task) {
    const text total = plan_support::money(*task.budget_cents);
    return label{last_year->span(task.largest->budget->span),
                 {fmt::format("in {}, the largest activity of task `{}`; the task's budgets added up to {}", before,
                              task.id, total.en),
                  fmt::format("in {} de grootste activiteit van taak `{}`; de begrotingen van de taak waren samen {}",
                              before, task.id, total.nl)}};
  };

  for (const named_sum& task : context.figures.tasks) {
    if (task.largest == nullptr) continue;
    const source_span here = p.span(task.largest->budget->span);
    const named_sum* last = find_task(last_figures->tasks, task.id);
    if (task.budget_cents && (last == nullptr || last->budget_cents)) {
      const std::int64_t now = *task.budget_cents, then = last != nullptr ? *last->budget_cents : 0;
      if (last == nullptr) {
        // A new task: a controller wants to see new spending, as any other change from nothing.
        if (now == 0) continue;
        const text amount = plan_support::money(now);
        auto d = finding(here, {fmt::format("task `{}` has budgets of {} in total and had no activity in the plan for {}",
                                            task.id, amount.en, before),
                                fmt::format("taak `{}` heeft begrotingen van samen {}, maar kwam in het plan voor {} "
                                            "niet voor",
                                            task.id, amount.nl, before)});
        if (last_year->year)
          d.related.push_back({last_year->span(last_year->year->span),
                               {fmt::format("the plan for {}", before), fmt::format("het plan voor {}", before)}});
        d.help = help_text();
        out.push_back(std::move(d));
        continue;
      }
      const i128 difference = static_cast<i128>(now) - then;
      if (difference == 0) continue;
      const u128 change = magnitude(difference), base = magnitude(then);
      if (base != 0 && plan_support::compare_fractions(change, base, static_cast<u128>(threshold.units),
                                                       100 * pow10(threshold.scale)) <= 0)
        continue;
      const text now_text = plan_support::money(now), then_text = plan_support::money(then);
      const bool higher = difference > 0;
      text message;
      if (base == 0) {
        message = {fmt::format("the budgets of task `{}` add up to {}, against {} in {}", task.id, now_text.en,
                               then_text.en, before),
                   fmt::format("de begrotingen van taak `{}` zijn samen {}, tegenover {} in {}", task.id, now_text.nl,
                               then_text.nl, before)};
      } else {
        const text shown = plan_support::percent(shown_change(change, base));
        message = {fmt::format("the budgets of task `{}` are {} {} than in {}: {} against {}", task.id, shown.en,
                               higher ? "higher" : "lower", before, now_text.en, then_text.en),
                   fmt::format("de begrotingen van taak `{}` zijn {} {} dan in {}: {} tegenover {}", task.id, shown.nl,
                               higher ? "hoger" : "lager", before, now_text.nl, then_text.nl)};
      }
      auto d = finding(here, std::move(message));
      d.related.push_back(last_year_label(*last));
      if (base != 0 && (change * 1000) % base != 0)
        d.notes.push_back({"the percentage is rounded to one decimal; the comparison is exact",
                           "het percentage is afgerond op één decimaal; de vergelijking is exact"});
      d.notes.push_back(threshold_note(threshold));
      d.help = help_text();
      out.push_back(std::move(d));
      continue;
    }
    // A total that does not fit in cents (invalid-amount says where): the comparison cannot be made.
    auto d = finding(here, {fmt::format("the budgets of task `{}` cannot be compared with {}: a total does not fit in "
                                        "64-bit cents",
                                        task.id, before),
                            fmt::format("de begrotingen van taak `{}` zijn niet te vergelijken met {}: een totaal past "
                                        "niet in 64-bits centen",
                                        task.id, before)});
    d.notes.push_back({"`invalid-amount` reports the sum that does not fit",
                       "`invalid-amount` meldt de som die niet past"});
    out.push_back(std::move(d));
  }

  // A task that disappeared: last year's spending without a successor is what a controller asks about first.
  for (const named_sum& last : last_figures->tasks) {
    if (last.largest == nullptr || find_task(context.figures.tasks, last.id) != nullptr) continue;
    if (last.budget_cents && *last.budget_cents == 0) continue;
    const source_span here = p.span(p.year->span);
    if (!last.budget_cents) {
      auto d = finding(here, {fmt::format("task `{}` of the plan for {} cannot be compared: its total does not fit in "
                                          "64-bit cents",
                                          last.id, before),
                              fmt::format("taak `{}` uit het plan voor {} is niet te vergelijken: het totaal past niet "
                                          "in 64-bits centen",
                                          last.id, before)});
      out.push_back(std::move(d));
      continue;
    }
    const text then_text = plan_support::money(*last.budget_cents);
    auto d = finding(here, {fmt::format("task `{}` had budgets of {} in total in {} and has no activity in this plan",
                                        last.id, then_text.en, before),
                            fmt::format("taak `{}` had in {} begrotingen van samen {}, maar komt in dit plan niet meer "
                                        "voor",
                                        last.id, before, then_text.nl)});
    d.related.push_back(last_year_label(last));
    d.help = text{"when the task ended or moved to another party, record that with "
                  "`# akkoord: allow(budget-swing) -- reason` above `year`; otherwise its activities are missing",
                  "is de taak beëindigd of overgegaan naar een andere partij, leg dat dan vast met "
                  "`# akkoord: allow(budget-swing) -- reden` boven `year`; anders ontbreken de activiteiten van deze taak"};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks

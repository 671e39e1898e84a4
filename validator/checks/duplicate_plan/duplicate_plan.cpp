// Two plans of one municipality for one year cannot both be the plan: the engine finds the earlier one (run.cpp,
// in input order), so the later file is reported and the result is the same for any --jobs.
#include "duplicate_plan/duplicate_plan.hpp"

#include <fmt/format.h>

namespace akkoord::checks {

void duplicate_plan::check_plan(const plan_context& context, diagnostics& out) const {
  const plan* earlier = context.neighbours.earlier_duplicate;
  const plan& p = context.plan;
  if (earlier == nullptr || !p.year || !p.municipality || !earlier->year) return;
  const std::string& municipality = p.municipality->value;
  const std::int64_t year = p.year->value;
  // The earlier file is named by the related location, not in the message: its path is as the user gave it.
  auto d = finding(p.span(p.year->span),
                   {fmt::format("this run already has a plan of `{}` for {}: a municipality has one plan per year",
                                municipality, year),
                    fmt::format("deze controle bevat al een uitvoeringsplan van `{}` voor {}; een gemeente heeft één "
                                "plan per jaar",
                                municipality, year)});
  d.related.push_back({earlier->span(earlier->year->span),
                       {fmt::format("the earlier plan of `{}` for {}", municipality, year),
                        fmt::format("het eerdere plan van `{}` voor {}", municipality, year)}});
  if (p.agreement)
    d.notes.push_back({fmt::format("both are plans under agreement `{}`", p.agreement->value),
                       fmt::format("beide zijn plannen onder overeenkomst `{}`", p.agreement->value)});
  d.help = text{"keep one of the two files in the run (an older version belongs in an archive), or correct `year` "
                "or `municipality`",
                "neem één van beide bestanden op in de controle (een oudere versie hoort in het archief), of corrigeer "
                "`year` of `municipality`"};
  out.push_back(std::move(d));
}

}  // namespace akkoord::checks

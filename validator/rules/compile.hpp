// Type checker and compiler: agreement syntax trees -> program (typed nodes), or rule-type-error findings.
#pragma once

#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/plan.hpp"
#include "program.hpp"

namespace akkoord::rules_detail {

void compile_program(const agreement_model& agreement, program& prog);

// Evaluates every runnable rule against the plan (evaluate.cpp); `previous(…)` reads `previous_year`.
void run_program(const program& prog, const plan& p, const plan* previous_year, diagnostics& out);

}  // namespace akkoord::rules_detail

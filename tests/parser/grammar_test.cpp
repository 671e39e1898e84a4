// PEGTL's own analysis of the grammar: no rule that can loop without consuming input.
#include <gtest/gtest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar.hpp"

TEST(Grammar, AnalyzeFindsNoProblems) { EXPECT_EQ(tao::pegtl::analyze<akkoord::dsl::grammar>(-1), 0u); }

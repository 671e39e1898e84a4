// The one way akkoord includes toml++. Include this, never <toml++/toml.h> directly.
//
// toml++ 3.3.0 asserts (and so aborts the process) on the invalid table headers `[.]`, `[..]` and `[!]`
// when its parser is compiled without NDEBUG (parser.inl, parse_key). toml++ is compiled into akkoord
// (toml_implementation.cpp, issue #10), also in Debug builds, so the assertion is neutralised here: an
// assertion is the library checking itself, and a plan must never end the process (tests/plan pins this).
#pragma once

#ifndef TOML_ASSERT
#define TOML_ASSERT(expr) static_assert(true)
#endif

#include <toml++/toml.h>

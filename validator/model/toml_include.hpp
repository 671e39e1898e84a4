// The one way akkoord includes toml++. Include this, never <toml++/toml.h> directly.
//
// toml++ 3.3.0 asserts (and so aborts the process) on the invalid table headers `[.]`, `[..]` and `[!]`
// when its parser is compiled without NDEBUG (parser.inl, parse_key). Debian's libtomlplusplus.so is compiled
// with NDEBUG, so the shared library we link does not abort (tests/plan pins this in our own Debug build).
// Should toml++ ever be compiled header-only into this translation unit instead, the assertion is
// neutralised here: an assertion is the library checking itself, and a plan must never end the process.
#pragma once

#ifndef TOML_ASSERT
#define TOML_ASSERT(expr) static_assert(true)
#endif

#include <toml++/toml.h>

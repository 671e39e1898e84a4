// toml++'s implementation, compiled once into akkoord (target akkoord_toml) instead of linking Debian's
// libtomlplusplus.so: a shared library costs every start its symbol lookups and makes every other lookup
// search one library more (issue #10, BENCHMARKS.md). Through toml_include.hpp, so its assertions never end
// the process in a Debug build either.
#define TOML_IMPLEMENTATION
#include "toml_include.hpp"

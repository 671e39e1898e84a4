// `akkoord --version`: what a bug report or an audit of a run needs to know about the binary.
#pragma once

#include <string>

#include "akkoord/diagnostic.hpp"

namespace akkoord::cli {

// The version, the git revision the binary was built from ("unknown" outside a git checkout) and the BBV
// taakveld lists compiled into it (their book years, number of codes, and the source they were read from).
std::string version_text(language lang);

}  // namespace akkoord::cli

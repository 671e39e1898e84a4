// The tool's own messages on stderr (usage errors, unreadable configuration, --verbose progress), through
// spdlog. Findings never go here: they are the product output and go to stdout through the renderer.
#pragma once

#include <string_view>

#include "akkoord/diagnostic.hpp"

namespace akkoord::cli {

void init_logging(bool verbose);
void set_message_language(language lang);
language message_language();

// "akkoord: error: …" / "akkoord: fout: …", in the language chosen for the run.
void tool_error(const text& message);
void tool_warning(const text& message);
// Progress for --verbose (English only: it is for whoever debugs the run).
void tool_debug(std::string_view message);

}  // namespace akkoord::cli

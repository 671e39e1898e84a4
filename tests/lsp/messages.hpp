// What a server under test wrote: the framed messages in a string stream, read back as JSON.
#pragma once

#include <sstream>
#include <vector>

#include "jsonrpc.hpp"

namespace akkoord::lsp {

// The messages written to `out` since the last call; `out` is emptied.
inline std::vector<json> take_messages(std::ostringstream& out) {
  std::istringstream in(out.str());
  out.str("");
  std::vector<json> messages;
  for (auto m = read_message(in); m.what == framed_message::kind::body; m = read_message(in))
    messages.push_back(json::parse(m.content));
  return messages;
}

}  // namespace akkoord::lsp

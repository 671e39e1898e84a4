// The features of the server, each in a file of its own that registers its methods and capabilities
// (server.cpp calls every function below from server::methods()).
#pragma once

#include "jsonrpc.hpp"

namespace akkoord::lsp {

class server;

// editing.cpp: textDocument/documentSymbol, textDocument/formatting, textDocument/codeAction.
void add_editing_handlers(method_table& table, server& srv);
// navigating.cpp: textDocument/hover, definition, references, completion, prepareRename, rename.
void add_navigation_handlers(method_table& table, server& srv);

}  // namespace akkoord::lsp

// dsl_tree FILE: the parse tree of an agreement file as Graphviz dot, for debugging the grammar and the
// selector. On a syntax error it prints the error as a dot comment and exits with 1.
#include <iostream>
#include <string>

#include "akkoord/parser/parse.hpp"
#include "akkoord/source.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: dsl_tree FILE.akkoord\n";
    return 2;
  }
  akkoord::read_error error;
  auto text = akkoord::read_whole_file(argv[1], error);
  if (!text) {
    std::cerr << argv[1] << ": " << error.en << "\n";
    return 2;
  }
  const akkoord::source_file file(argv[1], std::move(*text));
  const std::string dot = akkoord::parser::parse_tree_to_dot(file);
  std::cout << dot;
  return dot.rfind("//", 0) == 0 ? 1 : 0;
}

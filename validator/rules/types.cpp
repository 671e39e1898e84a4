#include "program.hpp"

namespace akkoord::rules_detail {
namespace {

struct names {
  const char* en;
  const char* nl;
  const char* en_plural;
  const char* nl_plural;
};

names names_of(vtype t) {
  switch (t) {
    case vtype::boolean:
      return {"a condition (true or false)", "een voorwaarde (waar of onwaar)", "conditions", "voorwaarden"};
    case vtype::integer:
      return {"an integer", "een geheel getal", "integers", "gehele getallen"};
    case vtype::decimal:
      return {"a decimal number", "een decimaal getal", "decimal numbers", "decimale getallen"};
    case vtype::money:
      return {"money", "een geldbedrag", "amounts of money", "geldbedragen"};
    case vtype::percent:
      return {"a percentage", "een percentage", "percentages", "percentages"};
    case vtype::date:
      return {"a date", "een datum", "dates", "datums"};
    case vtype::string:
      return {"a string", "een tekst", "strings", "teksten"};
    case vtype::list:
      return {"a list", "een lijst", "lists", "lijsten"};
    case vtype::activity:
      return {"an activity", "een activiteit", "activities", "activiteiten"};
    case vtype::unknown:
      break;
  }
  return {"a value", "een waarde", "values", "waarden"};
}

}  // namespace

bool is_number(vtype t) { return t == vtype::integer || t == vtype::decimal; }

text describe(type_t t) {
  if (t.kind == vtype::list) {
    if (t.element == vtype::unknown) return {"an empty list", "een lege lijst"};
    const names n = names_of(t.element);
    return {std::string("a list of ") + n.en_plural, std::string("een lijst van ") + n.nl_plural};
  }
  const names n = names_of(t.kind);
  return {n.en, n.nl};
}

}  // namespace akkoord::rules_detail

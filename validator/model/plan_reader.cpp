// TOML -> typed plan. The only place that sees toml++: each file is parsed once, every field is copied out
// with its position, and the tree is freed as it is read (a 200,000-activity plan must not be held twice).
// Shape problems become findings here, under the ids of their check units. The language server reads through a
// plan_read_cache (at the end): only the top-level tables whose text changed are parsed again, each alone.
#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

#include <fmt/format.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "akkoord/fix.hpp"
#include "akkoord/validator/plan.hpp"
#include "akkoord/validator/suggest.hpp"
#include "invalid_amount/invalid_amount.hpp"
#include "invalid_type/invalid_type.hpp"
#include "missing_field/missing_field.hpp"
#include "plan_literals.hpp"
#include "suppression/suppression.hpp"
#include "suppression_comments.hpp"
#include "toml_errors.hpp"
#include "toml_guard.hpp"
#include "toml_include.hpp"
#include "toml_syntax/toml_syntax.hpp"
#include "unknown_field/unknown_field.hpp"

namespace akkoord {
namespace {

using namespace std::string_view_literals;

// The names of a table's fields (plan_fields), for a finding about a field it does not have.
std::vector<std::string_view> field_names(std::string_view table) {
  std::vector<std::string_view> names;
  for (const plan_field& f : plan_fields())
    if (f.table == table) names.push_back(f.name);
  return names;
}

constexpr std::array top_level_keys{"plan"sv, "contribution"sv, "activity"sv, "milestone"sv};

// Large arrays are read in batches of this many entries, each freed (and returned to the system) before the
// next: small plans never reach it, so they pay nothing for it.
constexpr std::size_t release_batch = 8192;

// Gives pages freed by toml++'s nodes back to the operating system, so the plan being built does not add to
// the peak on top of the whole tree (glibc keeps freed memory otherwise).
void release_freed_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

constexpr std::int64_t first_plausible_year = 1000;
constexpr std::int64_t last_plausible_year = 9999;

// How a type is named in a message: English with its article, Dutch as a bare noun (after "een"/"geen").
struct type_words {
  std::string_view en;
  std::string_view nl;
};

type_words words_for(toml::node_type t) {
  switch (t) {
    case toml::node_type::string: return {"a string", "tekst"};
    case toml::node_type::integer: return {"an integer", "geheel getal"};
    case toml::node_type::floating_point: return {"a float", "kommagetal"};
    case toml::node_type::boolean: return {"a boolean", "waarheidswaarde (`true` of `false`)"};
    case toml::node_type::date: return {"a date", "datum"};
    case toml::node_type::time: return {"a time", "tijd"};
    case toml::node_type::date_time: return {"a date-time", "datum met tijd"};
    case toml::node_type::table: return {"a table", "tabel"};
    case toml::node_type::array: return {"an array", "lijst"};
    case toml::node_type::none: break;
  }
  return {"nothing", "niets"};
}

bool is_number(const toml::node& n) { return n.is_integer() || n.is_floating_point(); }

class plan_reader {
 public:
  plan_reader(const source_file& file, diagnostics& out) : file_(file), out_(out) {
    result_.source = &file;
    result_.plan_header = {{1, 1}, {1, 1}};
  }

  plan read() {
    const std::string_view t = file_.text();
    // source_file drops one byte order mark; toml++ would silently drop a second one
    if (t.starts_with("\xEF\xBB\xBF")) {
      emit(checks::toml_syntax::metadata, {{1, 1}, {1, 2}},
           {"a second byte order mark (U+FEFF) at the start of the file",
            "het bestand begint met een tweede byte-order-mark (U+FEFF)"},
           text{"remove it: a file starts with one byte order mark at most",
                "verwijder deze: een bestand begint met ten hoogste één byte-order-mark"});
      return finish_unreadable();
    }
    // toml++ must never see what overflows its stack or reaches undefined behaviour (toml_guard.hpp)
    if (auto hazard = find_toml_hazard(t)) {
      if (!encoding_problem(t))
        emit(checks::toml_syntax::metadata, {file_.pos_at(hazard->begin), file_.pos_at(hazard->end)},
             std::move(hazard->message), std::move(hazard->help));
      return finish_unreadable();
    }
    toml::table root;
    try {
      root = toml::parse(t);
    } catch (const toml::parse_error& e) {
      // toml++ rejects every encoding problem too, with a generic message; name the real cause. Checked only
      // here, so a valid plan does not pay for a second pass over its text.
      if (!encoding_problem(t)) not_toml(e);
      return finish_unreadable();
    }
    read_tables(root);
    const bool has_plan = root.contains("plan");
    root.clear();  // free the tree before the suppression scan allocates
    return finish_whole_text(has_plan);
  }

  // One top-level table of a larger text (plan_read_cache): its file holds just that table's lines, and `key` is
  // the table's name (empty: the lines above the first header, which must hold nothing). Nothing when the text is
  // not valid TOML, not safe for toml++, or holds anything else; nothing is reported then (the full read will).
  std::optional<plan> read_table_alone(std::string_view key) {
    const std::string_view t = file_.text();
    if (find_toml_hazard(t)) return std::nullopt;
    toml::table root;
    try {
      root = toml::parse(t);
    } catch (const toml::parse_error&) {
      return std::nullopt;
    }
    if (root.size() != (key.empty() ? 0 : 1) || (!key.empty() && !root.contains(key))) return std::nullopt;
    read_tables(root);
    return std::move(result_);
  }

  // The passes over the whole text, once its tables are in the plan (`has_plan`: one of them is `[plan]`).
  plan finish_whole_text(bool has_plan) {
    if (!has_plan) no_plan_table();
    read_suppressions();
    return std::move(result_);
  }

  plan& result() { return result_; }

 private:
  // A UTF-16 file, binary data or invalid UTF-8: reported (as toml-syntax) and true; false for plain text.
  bool encoding_problem(std::string_view t) {
    if (t.starts_with("\xFF\xFE") || t.starts_with("\xFE\xFF")) {
      emit(checks::toml_syntax::metadata, {{1, 1}, {1, 1}},
           {std::string("the file is UTF-16 text, not UTF-8"), std::string("het bestand is UTF-16-tekst, geen UTF-8")},
           text{"save the plan as UTF-8 text", "sla het plan op als UTF-8-tekst"});
      return true;
    }
    if (const auto at = t.find('\0'); at != std::string_view::npos) {
      emit(checks::toml_syntax::metadata, {file_.pos_at(at), file_.pos_at(at + 1)},
           {std::string("the file contains a NUL byte: binary data, not a TOML plan"),
            std::string("het bestand bevat een NUL-byte: binaire gegevens, geen TOML-plan")},
           text{"a plan is UTF-8 text in TOML format; if this is text, save it as UTF-8 (not UTF-16)",
                "een plan is UTF-8-tekst in TOML-opmaak; is dit wel tekst, sla het dan op als UTF-8 (niet als UTF-16)"});
      return true;
    }
    if (const auto bad = find_invalid_utf8(t)) {
      not_utf8(*bad);
      return true;
    }
    return false;
  }

  const source_file& file_;
  diagnostics& out_;
  plan result_;

  // ---- positions ---------------------------------------------------------------------------------

  // toml++ counts columns in code points, as source_file does (which has already dropped a byte order mark).
  source_pos pos(const toml::source_position& p) const {
    if (p.line == 0) return {1, 1};
    return {p.line, p.column};
  }
  pos_span span(const toml::source_region& r) const { return {pos(r.begin), pos(r.end)}; }
  pos_span span(const toml::node& n) const { return span(n.source()); }
  pos_span span(const toml::key& k) const { return span(k.source()); }

  // The characters of a value as written, e.g. `850_000.5` (numbers are on one line).
  std::string_view literal(const toml::node& n) const {
    const pos_span s = span(n);
    const std::size_t b = file_.offset_of(s.begin);
    const std::size_t e = file_.offset_of(s.end);
    if (e <= b) return {};
    return file_.text().substr(b, e - b);
  }

  // ---- findings ----------------------------------------------------------------------------------

  diagnostic& emit(const check_info& info, pos_span where, text message, std::optional<text> help) {
    diagnostic d;
    d.id = std::string(info.id);
    d.level = info.default_severity;
    d.message = std::move(message);
    d.primary = result_.span(where);
    d.help = std::move(help);
    out_.push_back(std::move(d));
    return out_.back();
  }

  plan finish_unreadable() {
    result_.readable = false;
    return std::move(result_);
  }

  void not_utf8(std::size_t offset) {
    const auto byte = static_cast<unsigned char>(file_.text()[offset]);
    emit(checks::toml_syntax::metadata, {file_.pos_at(offset), file_.pos_at(offset + 1)},
         {fmt::format("the file is not valid UTF-8 (byte 0x{:02X} here)", byte),
          fmt::format("het bestand is geen geldige UTF-8-tekst (byte 0x{:02X} op deze plaats)", byte)},
         text{"save the plan as UTF-8 text", "sla het plan op als UTF-8-tekst"});
  }

  // toml++'s error in akkoord's words, with its own text as a note (toml_errors.hpp).
  void not_toml(const toml::parse_error& e) {
    toml_syntax_error said = describe_toml_error(file_, pos(e.source().begin), e.description());
    auto& d =
        emit(checks::toml_syntax::metadata, {said.begin, said.end}, std::move(said.message), std::move(said.help));
    d.notes.push_back(std::move(said.library_note));
    if (said.replacement) d.fix = replacement_fix(d.primary, text_at(d.primary), std::move(*said.replacement));
  }

  // The help for a value in quotes: the fix for `key = value` as written when it makes the value one of `kinds`
  // (`"01-03-2025"` → `2025-03-01`), else `otherwise`; the value to write instead when that fix is certain.
  struct quoted_value_fix {
    text help;
    std::optional<std::string> replacement;
  };
  quoted_value_fix fix_for_quoted(const toml::node& value, std::string_view key,
                                  std::initializer_list<toml_value_kind> kinds, text otherwise) const {
    auto fix = suggest_toml_fix(fmt::format("{} = {}", key, literal(value)));
    if (!fix || std::find(kinds.begin(), kinds.end(), fix->kind) == kinds.end()) return {std::move(otherwise), {}};
    if (!fix->certain) return {std::move(fix->help), {}};
    return {std::move(fix->help), std::move(fix->value)};
  }

  // `replacement`: what to write instead of the value, when that is certain (a fix).
  void invalid_type(const toml::node& value, std::string_view key, type_words expected, std::optional<text> help,
                    std::optional<std::string> replacement = std::nullopt) {
    const type_words found = words_for(value.type());
    auto& d = emit(checks::invalid_type::metadata, span(value),
         {fmt::format("`{}` must be {}, not {}", key, expected.en, found.en),
          fmt::format("`{}` moet een {} zijn, geen {}", key, expected.nl, found.nl)},
         std::move(help));
    if (replacement) d.fix = replacement_fix(d.primary, text_at(d.primary), std::move(*replacement));
  }

  void unknown_field(const toml::key& key, const toml::table& table, const text& in,
                     std::span<const std::string_view> known) {
    const std::string_view name = key.str();
    closest_match match(name);
    for (const auto k : known) match.consider(k);
    std::optional<text> help;
    if (match.best()) help = did_you_mean_text(*match.best());
    auto& d = emit(checks::unknown_field::metadata, span(key),
                   {fmt::format("unknown field `{}` in {}", name, in.en),
                    fmt::format("onbekend veld `{}` in {}", name, in.nl)},
                   std::move(help));
    // Renaming is certain only for a key written bare whose new name the table does not have yet (TOML forbids
    // a key twice).
    if (match.only_candidate() && !table.contains(*match.best()) && text_at(d.primary) == name)
      d.fix = replacement_fix(d.primary, name, *match.best());
    std::string list;
    for (const auto k : known) list += (list.empty() ? "`" : ", `") + std::string(k) + "`";
    d.notes.push_back({fmt::format("the fields of {} are {}", in.en, list),
                       fmt::format("toegestane velden in {}: {}", in.nl, list)});
  }

  void missing_field(pos_span header, std::string_view table, std::string_view key, std::string_view example,
                     const std::optional<spanned<std::string>>& activity_id = std::nullopt) {
    auto& d = emit(checks::missing_field::metadata, header,
                   {fmt::format("missing field `{}` in {}", key, table),
                    fmt::format("veld `{}` ontbreekt in {}", key, table)},
                   text{fmt::format("add `{} = {}`", key, example), fmt::format("voeg `{} = {}` toe", key, example)});
    if (activity_id)
      d.notes.push_back({fmt::format("in the entry with id `{}`", activity_id->value),
                         fmt::format("in de activiteit met id `{}`", activity_id->value)});
  }

  void amount_problem(const toml::node& value, std::string_view key, literal_problem problem) {
    const std::string written(literal(value));
    text message, help;
    switch (problem) {
      case literal_problem::negative:
        message = {fmt::format("`{}` is negative: `{}`", key, written), fmt::format("`{}` is negatief: `{}`", key, written)};
        help = {"amounts and quantities cannot be below zero", "bedragen en aantallen kunnen niet negatief zijn"};
        break;
      case literal_problem::too_many_decimals:
        message = {fmt::format("amount `{}` has more than 2 decimals", written),
                   fmt::format("bedrag `{}` heeft meer dan 2 decimalen", written)};
        help = {"amounts are in euros with at most 2 decimals (whole cents)",
                "bedragen staan in euro's met ten hoogste 2 decimalen (hele centen)"};
        break;
      case literal_problem::overflow:
        message = {fmt::format("`{}` is too large: `{}`", key, written), fmt::format("`{}` is te groot: `{}`", key, written)};
        help = {"amounts up to EUR 92,233,720,368,547,758.07 are supported",
                "akkoord rekent met bedragen tot en met € 92.233.720.368.547.758,07"};
        break;
      case literal_problem::not_finite:
        message = {fmt::format("`{}` is not a number: `{}`", key, written),
                   fmt::format("`{}` is geen getal: `{}`", key, written)};
        help = {fmt::format("write the amount in euros, e.g. `{} = 850_000`", key),
                fmt::format("schrijf het bedrag in euro's, bijvoorbeeld `{} = 850_000`", key)};
        break;
      case literal_problem::syntax:
      case literal_problem::none:
        message = {fmt::format("`{}` cannot be read as a number: `{}`", key, written),
                   fmt::format("`{}` is niet als getal te lezen: `{}`", key, written)};
        help = {fmt::format("write the amount in euros, e.g. `{} = 850_000`", key),
                fmt::format("schrijf het bedrag in euro's, bijvoorbeeld `{} = 850_000`", key)};
        break;
    }
    emit(checks::invalid_amount::metadata, span(value), std::move(message), std::move(help));
  }

  // ---- typed values ------------------------------------------------------------------------------

  std::optional<spanned<std::string>> read_string(const toml::node& v, std::string_view key) {
    if (const auto* s = v.as_string()) return spanned<std::string>{s->get(), span(v)};
    std::optional<text> help;
    if (is_number(v) || v.is_date())
      help = text{fmt::format("quote it: `{} = \"{}\"`", key, literal(v)),
                  fmt::format("zet het tussen aanhalingstekens: `{} = \"{}\"`", key, literal(v))};
    invalid_type(v, key, {"a string", "tekst"}, std::move(help));
    return std::nullopt;
  }

  // A taakveld code must be a string: as a number, `0.10` would silently become 0.1.
  std::optional<spanned<std::string>> read_taakveld(const toml::node& v) {
    if (const auto* s = v.as_string()) return spanned<std::string>{s->get(), span(v)};
    std::optional<text> help;
    if (is_number(v)) {
      const std::string written(literal(v));
      literal_problem problem;
      std::string as_number = written;
      if (auto d = read_number_literal(written, problem)) {
        while (d->scale > 0 && d->units % 10 == 0) {
          d->units /= 10;
          --d->scale;
        }
        as_number = format_decimal(*d, money_style::en);
      }
      if (as_number != written)
        help = text{fmt::format("quote it: `taakveld = \"{}\"`; TOML reads `{}` as the number {}", written, written, as_number),
                    fmt::format("zet het tussen aanhalingstekens: `taakveld = \"{}\"`; TOML leest `{}` als het getal {}",
                                written, written, as_number)};
      else
        help = text{fmt::format("quote it: `taakveld = \"{}\"`; a taakveld code is text (`0.10` is not `0.1`)", written),
                    fmt::format("zet het tussen aanhalingstekens: `taakveld = \"{}\"`; een taakveldcode is tekst (`0.10` is niet `0.1`)",
                                written)};
    }
    // Quoting the number exactly as written keeps the code the user typed (`6.10` stays `6.10`): certain.
    std::optional<std::string> quoted;
    if (is_number(v)) quoted = toml_string(literal(v));
    invalid_type(v, "taakveld", {"a string", "tekst"}, std::move(help), std::move(quoted));
    return std::nullopt;
  }

  std::optional<spanned<std::int64_t>> read_year(const toml::node& v) {
    if (const auto* i = v.as_integer()) {
      const std::int64_t y = i->get();
      if (y < first_plausible_year || y > last_plausible_year) {
        emit(checks::invalid_type::metadata, span(v),
             {fmt::format("`year` must be a four-digit year, not `{}`", literal(v)),
              fmt::format("`year` moet een jaartal van vier cijfers zijn, geen `{}`", literal(v))},
             text{"write the book year of the plan, e.g. `year = 2025`",
                  "schrijf het begrotingsjaar van het plan, bijvoorbeeld `year = 2025`"});
        return std::nullopt;
      }
      return spanned<std::int64_t>{y, span(v)};
    }
    quoted_value_fix fix;
    if (v.is_string())
      fix = fix_for_quoted(v, "year", {toml_value_kind::integer},
                           {"write the book year without quotes, e.g. `year = 2025`",
                            "schrijf het begrotingsjaar zonder aanhalingstekens, bijvoorbeeld `year = 2025`"});
    invalid_type(v, "year", {"an integer", "geheel getal"},
                 fix.help.empty() ? std::nullopt : std::optional<text>(std::move(fix.help)), std::move(fix.replacement));
    return std::nullopt;
  }

  std::optional<spanned<std::string>> read_status(const toml::node& v) {
    auto s = read_string(v, "status");
    if (!s) return std::nullopt;
    if (s->value == "concept" || s->value == "vastgesteld") return s;
    constexpr std::array statuses{"concept"sv, "vastgesteld"sv};
    closest_match match(s->value);
    for (const auto status : statuses) match.consider(status);
    std::optional<text> help;
    if (match.best()) help = did_you_mean_text(*match.best());
    auto& d = emit(checks::invalid_type::metadata, s->span,
         {fmt::format("`status` must be `concept` or `vastgesteld`, not `{}`", s->value),
          fmt::format("`status` moet `concept` of `vastgesteld` zijn, niet `{}`", s->value)},
         std::move(help));
    if (match.only_candidate()) d.fix = replacement_fix(d.primary, s->value, *match.best(), toml_string(*match.best()));
    return std::nullopt;
  }

  // Euros: an integer, or a float with at most 2 decimals, read from the literal's text.
  std::optional<spanned<std::int64_t>> read_amount(const toml::node& v, std::string_view key) {
    literal_problem problem = literal_problem::none;
    std::optional<std::int64_t> cents;
    if (const auto* i = v.as_integer()) {
      cents = whole_euros_to_cents(i->get(), problem);
    } else if (v.is_floating_point()) {
      cents = read_amount_literal(literal(v), problem);
    } else {
      quoted_value_fix fix;
      if (v.is_string())
        fix = fix_for_quoted(
            v, key, {toml_value_kind::integer, toml_value_kind::floating_point},
            {fmt::format("write the amount as a number of euros without quotes, e.g. `{} = 850_000`", key),
             fmt::format("schrijf het bedrag als getal in euro's zonder aanhalingstekens, bijvoorbeeld `{} = 850_000`", key)});
      invalid_type(v, key, {"an amount in euros (a number)", "bedrag in euro's (een getal)"},
                   fix.help.empty() ? std::nullopt : std::optional<text>(std::move(fix.help)), std::move(fix.replacement));
      return std::nullopt;
    }
    if (!cents) {
      amount_problem(v, key, problem);
      return std::nullopt;
    }
    return spanned<std::int64_t>{*cents, span(v)};
  }

  std::optional<spanned<decimal>> read_fte(const toml::node& v) {
    literal_problem problem = literal_problem::none;
    std::optional<decimal> d;
    if (const auto* i = v.as_integer()) {
      d = decimal{i->get(), 0};
    } else if (v.is_floating_point()) {
      d = read_number_literal(literal(v), problem);
    } else {
      invalid_type(v, "fte", {"a number", "getal"}, std::nullopt);
      return std::nullopt;
    }
    if (d && d->units < 0) {
      d.reset();
      problem = literal_problem::negative;
    }
    if (!d) {
      amount_problem(v, "fte", problem);
      return std::nullopt;
    }
    return spanned<decimal>{*d, span(v)};
  }

  std::optional<spanned<std::int64_t>> read_hours(const toml::node& v) {
    if (const auto* i = v.as_integer()) {
      if (i->get() < 0) {
        amount_problem(v, "hours", literal_problem::negative);
        return std::nullopt;
      }
      return spanned<std::int64_t>{i->get(), span(v)};
    }
    std::optional<text> help;
    if (v.is_floating_point())
      help = text{"hours are whole hours", "vul een heel aantal uren in"};
    invalid_type(v, "hours", {"an integer", "geheel getal"}, std::move(help));
    return std::nullopt;
  }

  std::optional<spanned<civil_date>> read_date(const toml::node& v, std::string_view key) {
    if (const auto* d = v.as_date()) {
      const toml::date date = d->get();
      return spanned<civil_date>{{date.year, date.month, date.day}, span(v)};
    }
    std::optional<text> help;
    std::optional<std::string> replacement;
    if (v.is_string()) {
      auto fix = fix_for_quoted(
          v, key, {toml_value_kind::date},
          {fmt::format("write the date year first and without quotes, e.g. `{} = 2025-06-20`", key),
           fmt::format("schrijf de datum met het jaar voorop en zonder aanhalingstekens, bijvoorbeeld `{} = 2025-06-20`", key)});
      help = std::move(fix.help);
      replacement = std::move(fix.replacement);
    } else if (const auto* dt = v.as_date_time())
      help = text{fmt::format("write the date without a time: `{} = {}`", key, to_string(civil_date{dt->get().date.year, dt->get().date.month, dt->get().date.day})),
                  fmt::format("schrijf de datum zonder tijd: `{} = {}`", key, to_string(civil_date{dt->get().date.year, dt->get().date.month, dt->get().date.day}))};
    invalid_type(v, key, {"a date (YYYY-MM-DD)", "datum (JJJJ-MM-DD)"}, std::move(help), std::move(replacement));
    return std::nullopt;
  }

  // ---- tables ------------------------------------------------------------------------------------

  void read_tables(toml::table& root) {
    for (auto&& [key, value] : root) {
      const std::string_view name = key.str();
      if (name == "plan") {
        read_plan_table(value);
      } else if (name == "contribution") {
        read_contribution(value);
      } else if (name == "activity") {
        if (const auto* activities = value.as_array()) result_.activities.reserve(activities->size());
        read_array_of_tables(value, "activity", [this](toml::table& t) { read_activity(t); });
      } else if (name == "milestone") {
        read_array_of_tables(value, "milestone", [this](toml::table& t) { read_milestone(t); });
      } else {
        top_level_unknown(key, root);
      }
    }
  }

  void top_level_unknown(const toml::key& key, const toml::table& root) {
    const std::string_view name = key.str();
    const auto plan_keys = field_names("plan");
    if (std::find(plan_keys.begin(), plan_keys.end(), name) != plan_keys.end()) {
      // `year = 2025` above `[plan]`: the field is right, its place is not
      emit(checks::unknown_field::metadata, span(key),
           {fmt::format("`{}` is outside any table", name), fmt::format("`{}` staat buiten een tabel", name)},
           text{fmt::format("move `{}` below the `[plan]` header", name),
                fmt::format("zet `{}` onder de kop `[plan]`", name)});
      return;
    }
    unknown_field(key, root, {"the top level", "het hoogste niveau van het plan"}, top_level_keys);
  }

  void no_plan_table() {
    const std::string_view body = file_.text();
    const bool empty = body.find_first_not_of(" \t\r\n") == std::string_view::npos;
    const text help{"start the plan with `[plan]` and its `agreement`, `municipality` and `year`",
                    "begin het plan met `[plan]` en de velden `agreement`, `municipality` en `year`"};
    if (empty) {
      emit(checks::missing_field::metadata, {{1, 1}, {1, 1}},
           {"the file is empty", "het bestand is leeg"}, help);
    } else {
      emit(checks::missing_field::metadata, {{1, 1}, {1, 1}},
           {"the plan has no `[plan]` table", "het plan heeft geen tabel `[plan]`"}, help);
    }
  }

  void read_plan_table(toml::node& node) {
    auto* t = node.as_table();
    if (!t) {
      invalid_type(node, "plan", {"a table (`[plan]`)", "tabel (`[plan]`)"}, std::nullopt);
      return;
    }
    plan& p = result_;
    p.has_plan_table = true;
    p.plan_header = span(*t);
    for (auto&& [key, v] : *t) {
      const std::string_view k = key.str();
      if (k == "agreement") p.agreement = read_string(v, k);
      else if (k == "municipality") p.municipality = read_string(v, k);
      else if (k == "year") p.year = read_year(v);
      else if (k == "status") p.status = read_status(v);
      else if (k == "adopted") p.adopted = read_date(v, k);
      else if (k == "title") p.title = read_string(v, k);
      else unknown_field(key, *t, {"`[plan]`", "`[plan]`"}, field_names("plan"));
    }
    if (!t->contains("agreement")) missing_field(p.plan_header, "`[plan]`", "agreement", "\"AA\"");
    if (!t->contains("municipality")) missing_field(p.plan_header, "`[plan]`", "municipality", "\"aalsmeer\"");
    if (!t->contains("year")) missing_field(p.plan_header, "`[plan]`", "year", "2025");
  }

  void read_contribution(toml::node& node) {
    auto* t = node.as_table();
    if (!t) {
      invalid_type(node, "contribution", {"a table (`[contribution]`)", "tabel (`[contribution]`)"}, std::nullopt);
      return;
    }
    plan& p = result_;
    p.has_contribution = true;
    p.contribution_header = span(*t);
    for (auto&& [key, v] : *t) {
      const std::string_view k = key.str();
      if (k == "id") p.contribution_id = read_string(v, k);
      else if (k == "total") p.total = read_amount(v, k);
      else unknown_field(key, *t, {"`[contribution]`", "`[contribution]`"}, field_names("contribution"));
    }
    if (!t->contains("id")) missing_field(p.contribution_header, "`[contribution]`", "id", "\"dienstverleningsbijdrage\"");
    if (!t->contains("total")) missing_field(p.contribution_header, "`[contribution]`", "total", "19_700_000");
  }

  template <class ReadTable>
  void read_array_of_tables(toml::node& node, std::string_view key, ReadTable read_table) {
    auto* array = node.as_array();
    if (!array || !array->is_array_of_tables()) {
      invalid_type(node, key,
                   {fmt::format("an array of tables (`[[{}]]`)", key), fmt::format("lijst van tabellen (`[[{}]]`)", key)},
                   text{fmt::format("write a `[[{}]]` header above each entry", key),
                        fmt::format("zet boven elk onderdeel een kop `[[{}]]`", key)});
      return;
    }
    // Entries are read and freed in batches, and the freed pages go back to the system: the typed plan grows
    // while toml++'s tree shrinks, so a 200,000-activity plan is never held twice.
    while (!array->empty()) {
      const std::size_t batch = std::min(release_batch, array->size());
      for (std::size_t i = 0; i < batch; ++i) read_table(*(*array)[i].as_table());
      array->erase(array->cbegin(), array->cbegin() + static_cast<std::ptrdiff_t>(batch));
      if (batch == release_batch) release_freed_memory();
    }
  }

  void read_activity(toml::table& t) {
    plan_activity a;
    a.header = span(t);
    // which required keys were written (even with a wrong value: that is invalid-type, not missing-field)
    bool has_id = false, has_task = false, has_executor = false, has_budget = false;
    for (auto&& [key, v] : t) {
      const std::string_view k = key.str();
      // ordered by how often the keys occur, so a typical activity needs few comparisons
      if (k == "id") a.id = read_string(v, k), has_id = true;
      else if (k == "task") a.task = read_string(v, k), has_task = true;
      else if (k == "executor") a.executor = read_string(v, k), has_executor = true;
      else if (k == "budget") a.budget = read_amount(v, k), has_budget = true;
      else if (k == "taakveld") a.taakveld = read_taakveld(v);
      else if (k == "responsible") a.responsible = read_string(v, k);
      else if (k == "fte") a.fte = read_fte(v);
      else if (k == "hours") a.hours = read_hours(v);
      else if (k == "from") a.from = read_date(v, k);
      else if (k == "to") a.to = read_date(v, k);
      else if (k == "description") a.description = read_string(v, k);
      else unknown_field(key, t, {"`[[activity]]`", "`[[activity]]`"}, field_names("activity"));
    }
    if (!has_id) missing_field(a.header, "`[[activity]]`", "id", "\"A-001\"");
    if (!has_task) missing_field(a.header, "`[[activity]]`", "task", "\"burgerzaken\"", a.id);
    if (!has_executor) missing_field(a.header, "`[[activity]]`", "executor", "\"AA\"", a.id);
    if (!has_budget) missing_field(a.header, "`[[activity]]`", "budget", "850_000", a.id);
    result_.activities.push_back(std::move(a));
  }

  void read_milestone(toml::table& t) {
    plan_milestone m;
    m.header = span(t);
    for (auto&& [key, v] : t) {
      const std::string_view k = key.str();
      if (k == "id") m.id = read_string(v, k);
      else if (k == "completed") m.completed = read_date(v, k);
      else unknown_field(key, t, {"`[[milestone]]`", "`[[milestone]]`"}, field_names("milestone"));
    }
    if (!t.contains("id")) missing_field(m.header, "`[[milestone]]`", "id", "\"evaluatie\"");
    if (!t.contains("completed")) missing_field(m.header, "`[[milestone]]`", "completed", "2025-06-20", m.id);
    result_.milestones.push_back(std::move(m));
  }

  // ---- suppressions ------------------------------------------------------------------------------

  void read_suppressions() {
    auto scan = scan_suppressions(file_);
    result_.suppressions = std::move(scan.suppressions);
    for (auto& bad : scan.malformed) {
      emit(checks::suppression::metadata, bad.span,
           {fmt::format("malformed suppression comment: {}", bad.problem.en),
            fmt::format("onjuist geschreven uitzondering: {}", bad.problem.nl)},
           text{"write `# akkoord: allow(ID) until YYYY-MM-DD -- reason`; `until` is optional",
                "schrijf `# akkoord: allow(ID) until JJJJ-MM-DD -- reden`; `until …` is niet verplicht"});
    }
  }
};

// ---- reading table by table (plan_read_cache) ------------------------------------------------------

enum class table_kind : std::uint8_t { preamble, plan, contribution, activity, milestone };

struct table_header {
  std::string_view line;  // as written at the start of a line
  std::string_view key;
  table_kind kind;
};
constexpr std::array table_headers{table_header{"[plan]", "plan", table_kind::plan},
                                   table_header{"[contribution]", "contribution", table_kind::contribution},
                                   table_header{"[[activity]]", "activity", table_kind::activity},
                                   table_header{"[[milestone]]", "milestone", table_kind::milestone}};

std::string_view key_of(table_kind kind) {
  for (const table_header& h : table_headers)
    if (h.kind == kind) return h.key;
  return {};
}

// One top-level table's lines: its header and everything up to the next header.
struct table_text {
  std::string_view text;
  std::uint32_t first_line;
  table_kind kind;
};

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// The kind of a line that starts with `[` (after blanks): one of the four headers alone on its line (a comment
// may follow), else nullopt.
std::optional<table_kind> header_kind(std::string_view line) {
  for (const table_header& h : table_headers) {
    if (!line.starts_with(h.line)) continue;
    std::string_view rest = trim_blanks(line.substr(h.line.size()));
    if (rest.empty() || rest.front() == '#' || rest == "\r") return h.kind;
  }
  return std::nullopt;
}

// The text cut before each header line; nullopt when the text is not of the plain shape (another header form,
// or `[plan]` or `[contribution]` twice). A cut made by mistake inside a multi-line string or array leaves that
// string or array unterminated in the table above it, which toml++ then rejects: the caller reads the whole
// text instead, so a wrong cut never changes the result.
std::optional<std::vector<table_text>> split_at_headers(std::string_view text) {
  std::vector<table_text> tables{{{}, 1, table_kind::preamble}};
  std::size_t table_start = 0;
  int plans = 0, contributions = 0;
  std::uint32_t line_number = 1;
  for (std::size_t start = 0; start < text.size(); ++line_number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim_blanks(text.substr(start, end - start));
    if (!line.empty() && line.front() == '[') {
      const auto kind = header_kind(line);
      if (!kind) return std::nullopt;
      plans += *kind == table_kind::plan;
      contributions += *kind == table_kind::contribution;
      if (plans > 1 || contributions > 1) return std::nullopt;
      tables.back().text = text.substr(table_start, start - table_start);
      tables.push_back({{}, line_number, *kind});
      table_start = start;
    }
    start = end + 1;
  }
  tables.back().text = text.substr(table_start);
  return tables;
}

// What reading one table alone gave, with positions from its own first line (1) and findings in no file.
struct read_table {
  std::variant<std::monostate, plan_activity, plan_milestone, std::unique_ptr<plan>> typed;  // plan: `[plan]`,
  diagnostics found;                                                                           // `[contribution]`
};

void shift(pos_span& s, std::uint32_t lines) {
  s.begin.line += lines;
  s.end.line += lines;
}
template <class T>
void shift(std::optional<spanned<T>>& v, std::uint32_t lines) {
  if (v) shift(v->span, lines);
}
template <class... Fields>
void shift_all(std::uint32_t lines, Fields&... fields) {
  (shift(fields, lines), ...);
}

// Every span of a finding in `from` moves to `to`, `lines` further down (the plan reader's findings have all
// their spans in the file it reads).
void move_spans(diagnostic& d, const source_file* from, const source_file* to, std::uint32_t lines) {
  const auto move = [&](source_span& s) {
    if (s.file != from) return;
    s.file = to;
    s.begin.line += lines;
    s.end.line += lines;
  };
  move(d.primary);
  for (label& l : d.related) move(l.span);
  if (d.fix)
    for (text_edit& e : d.fix->edits) move(e.span);
}

std::optional<read_table> read_alone(const source_file& file, const table_text& table) {
  const source_file alone(file.path(), std::string(table.text));
  read_table read;
  auto fragment = plan_reader(alone, read.found).read_table_alone(key_of(table.kind));
  if (!fragment) return std::nullopt;
  for (diagnostic& d : read.found) move_spans(d, &alone, nullptr, 0);
  switch (table.kind) {
    case table_kind::preamble: break;
    case table_kind::plan:
    case table_kind::contribution: read.typed = std::make_unique<plan>(std::move(*fragment)); break;
    case table_kind::activity: read.typed = std::move(fragment->activities.front()); break;
    case table_kind::milestone: read.typed = std::move(fragment->milestones.front()); break;
  }
  return read;
}

// The `fields` of a `[plan]` or `[contribution]` read alone, into the plan, `lines` further down.
template <class... Fields>
void take(plan& p, const plan& alone, std::uint32_t lines, Fields plan::*... fields) {
  ((p.*fields = alone.*fields, shift(p.*fields, lines)), ...);
}

// Puts one table, read alone, into the plan at its place in the file.
void place(plan& p, const table_text& table, const read_table& read) {
  const std::uint32_t lines = table.first_line - 1;
  switch (table.kind) {
    case table_kind::preamble: break;
    case table_kind::activity: {
      plan_activity& a = p.activities.emplace_back(std::get<plan_activity>(read.typed));
      shift_all(lines, a.header, a.id, a.task, a.executor, a.responsible, a.taakveld, a.budget, a.fte, a.hours, a.from,
                a.to, a.description);
      break;
    }
    case table_kind::milestone: {
      plan_milestone& m = p.milestones.emplace_back(std::get<plan_milestone>(read.typed));
      shift_all(lines, m.header, m.id, m.completed);
      break;
    }
    case table_kind::plan:
      p.has_plan_table = true;
      take(p, *std::get<std::unique_ptr<plan>>(read.typed), lines, &plan::plan_header, &plan::agreement,
           &plan::municipality, &plan::year, &plan::status, &plan::adopted, &plan::title);
      break;
    case table_kind::contribution:
      p.has_contribution = true;
      take(p, *std::get<std::unique_ptr<plan>>(read.typed), lines, &plan::contribution_header,
           &plan::contribution_id, &plan::total);
      break;
  }
}

// A table's text and what reading it alone gave.
struct cached_table {
  std::string text;
  read_table read;
};

}  // namespace

struct plan_read_cache::tables {
  std::vector<std::unique_ptr<cached_table>> in_order;  // the tables of the text last read, in text order
};

plan_read_cache::plan_read_cache() = default;
plan_read_cache::~plan_read_cache() = default;
plan_read_cache::plan_read_cache(plan_read_cache&&) noexcept = default;
plan_read_cache& plan_read_cache::operator=(plan_read_cache&&) noexcept = default;

// docs/plan-format.md lists the same fields in the same order.
const std::vector<plan_field>& plan_fields() {
  static const std::vector<plan_field> fields{
      {"plan", "agreement", {"required: the id of the agreement", "verplicht: het id van de overeenkomst"}},
      {"plan", "municipality", {"required: the party whose plan this is", "verplicht: de partij van wie dit plan is"}},
      {"plan", "year", {"required: the book year, an integer", "verplicht: het begrotingsjaar, een geheel getal"}},
      {"plan", "status", {"`concept` (the default) or `vastgesteld`", "`concept` (standaard) of `vastgesteld`"}},
      {"plan", "adopted", {"the date the plan was adopted", "de datum waarop het plan is vastgesteld"}},
      {"plan", "title", {"free text", "vrije tekst"}},
      {"contribution", "id", {"required: a contribution of the agreement", "verplicht: een bijdrage uit de overeenkomst"}},
      {"contribution", "total", {"required: the contribution for the year, in euros", "verplicht: de bijdrage voor het jaar, in euro"}},
      {"activity", "id", {"required: unique within the plan", "verplicht: uniek binnen het plan"}},
      {"activity", "task", {"required: a task of the agreement", "verplicht: een taak uit de overeenkomst"}},
      {"activity", "executor", {"required: who does the work", "verplicht: wie het werk uitvoert"}},
      {"activity", "budget", {"required: in euros", "verplicht: in euro"}},
      {"activity", "responsible", {"the task's responsible party", "de verantwoordelijke partij van de taak"}},
      {"activity", "taakveld", {"a BBV code of the plan's year, as a string", "een BBV-code van het planjaar, als tekst"}},
      {"activity", "fte", {"staff in FTE", "formatie in fte"}},
      {"activity", "hours", {"hours, an integer", "uren, een geheel getal"}},
      {"activity", "from", {"first day (default: 1 January of the plan year)", "eerste dag (standaard: 1 januari van het planjaar)"}},
      {"activity", "to", {"last day (default: 31 December of the plan year)", "laatste dag (standaard: 31 december van het planjaar)"}},
      {"activity", "description", {"free text", "vrije tekst"}},
      {"milestone", "id", {"required: a milestone of the agreement", "verplicht: een mijlpaal uit de overeenkomst"}},
      {"milestone", "completed", {"required: the date it was reached", "verplicht: de datum waarop de mijlpaal is behaald"}},
  };
  return fields;
}

plan read_plan(const source_file& file, diagnostics& out) { return plan_reader(file, out).read(); }

plan read_plan(const source_file& file, diagnostics& out, plan_read_cache& cache) {
  const std::string_view text = file.text();
  // source_file drops one byte order mark; the full read reports a second one.
  if (text.starts_with("\xEF\xBB\xBF")) return read_plan(file, out);
  // No hazard scan of the whole text: each table is scanned before toml++ reads it, and when every table reads
  // alone, each starts where the full scan is at the top level too, so the full scan would find nothing either.
  const auto tables = split_at_headers(text);
  if (!tables) return read_plan(file, out);
  if (!cache.tables_) cache.tables_ = std::make_unique<plan_read_cache::tables>();
  auto& previous = cache.tables_->in_order;
  const std::size_t count = tables->size();
  std::vector<std::unique_ptr<cached_table>> current(count);
  const auto same = [&](std::size_t now, std::size_t before) { return previous[before]->text == (*tables)[now].text; };
  // A keystroke changes one table: the unchanged ones before and after it are matched by place (no hashing of
  // 20,000 tables), the few in between by text (moved tables) or read anew.
  std::size_t front = 0;
  while (front < count && front < previous.size() && same(front, front)) {
    current[front] = std::move(previous[front]);
    ++front;
  }
  std::size_t back = 0;
  while (back < count - front && back < previous.size() - front &&
         same(count - 1 - back, previous.size() - 1 - back)) {
    current[count - 1 - back] = std::move(previous[previous.size() - 1 - back]);
    ++back;
  }
  std::unordered_map<std::string_view, std::size_t> moved;  // text -> place in `previous`
  for (std::size_t i = front; i < previous.size() - back; ++i) moved.emplace(previous[i]->text, i);
  bool every_table_read = true;
  for (std::size_t i = front; i < count - back; ++i) {
    const table_text& table = (*tables)[i];
    if (const auto earlier = moved.find(table.text); earlier != moved.end() && previous[earlier->second]) {
      current[i] = std::move(previous[earlier->second]);
    } else if (auto fresh = read_alone(file, table)) {
      current[i] = std::make_unique<cached_table>(cached_table{std::string(table.text), std::move(*fresh)});
    } else {
      every_table_read = false;  // toml++ rejects it: the full read says what is wrong
    }
  }
  // The cache keeps what this text's tables gave, so the edit that repairs a broken table reads only that one.
  std::erase(current, nullptr);
  previous = std::move(current);
  if (!every_table_read) return read_plan(file, out);

  std::size_t activities = 0;
  for (const table_text& table : *tables) activities += table.kind == table_kind::activity;
  plan_reader whole(file, out);
  plan& p = whole.result();
  p.activities.reserve(activities);
  bool has_plan = false;
  for (std::size_t i = 0; i < tables->size(); ++i) {
    place(p, (*tables)[i], previous[i]->read);
    has_plan = has_plan || (*tables)[i].kind == table_kind::plan;
  }
  // The findings in the order the full read makes them (its tables by name), so that even findings at one
  // place keep their order once sorted.
  for (const table_kind kind :
       {table_kind::activity, table_kind::contribution, table_kind::milestone, table_kind::plan}) {
    for (std::size_t i = 0; i < tables->size(); ++i) {
      if ((*tables)[i].kind != kind) continue;
      for (const diagnostic& d : previous[i]->read.found)
        move_spans(out.emplace_back(d), nullptr, &file, (*tables)[i].first_line - 1);
    }
  }
  return whole.finish_whole_text(has_plan);
}

}  // namespace akkoord

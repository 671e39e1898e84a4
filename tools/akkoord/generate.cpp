// The man page and the bash completion, read off the CLI11 definition of the command line (generate.hpp).
#include "generate.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "akkoord/validator/check.hpp"
#include "akkoord/validator/report.hpp"
#include "config.hpp"

namespace akkoord::cli {
namespace {

std::string say(language lang, std::string_view en, std::string_view nl) {
  return std::string(lang == language::nl ? nl : en);
}

// Running text for roff, as help2man writes it: a backslash is `\e`, a hyphen `\-` (so options copied from the
// page work), `code` is bold, a line break is `.br`, and no line starts with a control character.
std::string roff(std::string_view s) {
  std::string out;
  bool bold = false;
  for (const char c : s) {
    if ((c == '.' || c == '\'') && (out.empty() || out.back() == '\n')) out += "\\&";
    switch (c) {
      case '\\': out += "\\e"; break;
      case '-': out += "\\-"; break;
      case '`':
        out += bold ? "\\fR" : "\\fB";
        bold = !bold;
        break;
      case '\n': out += "\n.br\n"; break;
      default: out += c;
    }
  }
  if (bold) out += "\\fR";
  return out;
}

std::string bold(std::string_view s) { return "\\fB" + roff(s) + "\\fR"; }
std::string italic(std::string_view s) { return "\\fI" + roff(s) + "\\fR"; }

bool is_hidden(const CLI::Option& o) { return o.get_group().empty(); }
bool is_positional(const CLI::Option& o) { return o.get_positional() && !o.nonpositional(); }
bool takes_value(const CLI::Option& o) { return o.get_items_expected_max() > 0; }
bool repeats(const CLI::Option& o) { return o.get_items_expected_max() >= CLI::detail::expected_max_vector_size; }

// "-o", "--output": every name of an option, as typed.
std::vector<std::string> names_of(const CLI::Option& o) {
  std::vector<std::string> names;
  for (const std::string& s : o.get_snames()) names.push_back("-" + s);
  for (const std::string& l : o.get_lnames()) names.push_back("--" + l);
  return names;
}

// The values of an option restricted to a fixed set (CLI11 shows them as `TEXT:{en,nl}`); empty otherwise.
std::vector<std::string> choices_of(const CLI::Option& o) {
  const std::string type = o.get_type_name();
  const auto open = type.find(":{");
  std::vector<std::string> choices;
  if (open == std::string::npos || type.back() != '}') return choices;
  std::string current;
  for (const char c : std::string_view(type).substr(open + 2, type.size() - open - 3)) {
    if (c == ',') {
      choices.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  choices.push_back(current);
  return choices;
}

// The name of an option's value: its choices (`en|nl`), else its type name (`FILE`, `FORMAT[:FILE]`).
std::string value_of(const CLI::Option& o, language lang) {
  const auto choices = choices_of(o);
  std::string out;
  for (const std::string& choice : choices) out += (out.empty() ? "" : "|") + italic(choice);
  if (!out.empty()) return out;
  // CLI11's own number type, with its range check after the colon; our type names are shown as they are.
  const std::string type = o.get_type_name();
  return italic(type.starts_with("UINT") ? say(lang, "N", "AANTAL") : type);
}

std::string option_term(const CLI::Option& o, language lang) {
  std::string term;
  for (const std::string& name : names_of(o)) term += (term.empty() ? "" : ", ") + bold(name);
  if (takes_value(o)) term += " " + value_of(o, lang);
  return term;
}

std::string positional_term(const CLI::Option& o) {
  std::string term = italic(o.get_name(true));
  if (repeats(o)) term += "...";
  return o.get_required() ? term : "[" + term + "]";
}

std::vector<const CLI::App*> commands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

std::vector<const CLI::Option*> visible_options(const CLI::App& command) {
  return command.get_options([](const CLI::Option* o) { return !is_hidden(*o); });
}

// Options that every command takes (by their first name): the man page lists them once.
bool taken_by_every_command(const CLI::Option& o, const std::vector<const CLI::App*>& commands) {
  const std::string name = o.get_name();
  return std::all_of(commands.begin(), commands.end(), [&](const CLI::App* command) {
    const auto options = visible_options(*command);
    return std::any_of(options.begin(), options.end(), [&](const CLI::Option* other) { return other->get_name() == name; });
  });
}

void append_item(std::string& out, const std::string& term, std::string_view description) {
  out += ".TP\n" + term + "\n" + roff(description) + "\n";
}

std::string command_synopsis(const CLI::App& command, language lang) {
  std::string line = bold("akkoord " + command.get_name()) + " [" + italic(say(lang, "OPTIONS", "OPTIES")) + "]";
  for (const CLI::Option* o : visible_options(command))
    if (is_positional(*o)) line += " " + positional_term(*o);
  return line;
}

struct example {
  std::string_view command;
  std::string_view en;
  std::string_view nl;
};
constexpr example examples[] = {
    {"akkoord check --rules rules/aa.akkoord plans/", "check every plan in `plans/` against the agreement",
     "toets elk plan in `plans/` aan de afspraken"},
    {"akkoord check --lang nl --format text --format html:rapport.html", "check the plans of `.akkoord.toml`, in "
     "Dutch, and also write an HTML report", "toets de plannen uit `.akkoord.toml`, in het Nederlands, en schrijf "
     "daarnaast een HTML-rapport"},
    {"akkoord lint rules/aa.akkoord", "check the agreement file itself", "controleer het afsprakenbestand zelf"},
    {"akkoord diff --git origin/main rules/aa.akkoord --plans plans/",
     "what an edit of the agreement changes since `origin/main`, and which plans it breaks",
     "wat een wijziging van de afspraken sinds `origin/main` verandert, en welke plannen erdoor breken"},
    {"akkoord explain unknown-taakveld", "the documentation of a check", "de documentatie van een controle"},
};

}  // namespace

std::string exit_codes_summary(language lang) {
  std::string out = say(lang, "Exit codes:", "Afsluitcodes:");
  for (const exit_code_meaning& meaning : exit_code_meanings)
    out += (meaning.code == 0 ? " " : "; ") + std::to_string(meaning.code) + " " + say(lang, meaning.en, meaning.nl);
  return out + ".";
}

std::string man_page(const CLI::App& app, language lang) {
  const auto commands = commands_of(app);
  std::string out = ".\\\" -*- coding: UTF-8 -*-\n";
  out += ".\\\" " + say(lang, "Generated by `akkoord --generate man`; do not edit.",
                        "Gemaakt met `akkoord --lang nl --generate man`; niet met de hand bewerken.") + "\n";
  out += ".TH AKKOORD 1 \"\" \"akkoord " AKKOORD_VERSION "\" \"" + say(lang, "User Commands", "Gebruikersopdrachten") +
         "\"\n";
  out += ".nh\n";  // no hyphenation: options, paths and revisions are copied from the page

  out += ".SH " + say(lang, "NAME", "NAAM") + "\n";
  std::string summary = app.get_description();
  if (const auto colon = summary.find(": "); colon != std::string::npos)
    summary = summary.substr(colon + 2);  // "akkoord: checks …" -> "checks …"
  out += "akkoord \\- " + roff(summary) + "\n";

  out += ".SH " + say(lang, "SYNOPSIS", "OVERZICHT") + "\n";
  for (const CLI::App* command : commands) out += command_synopsis(*command, lang) + "\n.br\n";
  out += bold("akkoord") + " " + bold("--version") + " | " + bold("--help") + " | " + bold("--generate") + " " +
         value_of(*app.get_option("--generate"), lang) + "\n";

  out += ".SH " + say(lang, "DESCRIPTION", "BESCHRIJVING") + "\n";
  out += roff(say(lang,
                  "akkoord checks the yearly execution plans (uitvoeringsplannen, TOML files) of a cooperation "
                  "agreement between municipalities against the terms of that agreement, written in the agreement "
                  "language of akkoord (`.akkoord` files). It reports every inconsistency as a compiler does: where "
                  "it is in the plan, what is wrong, which clause of the agreement it breaks, and how to fix it.",
                  "akkoord toetst de jaarlijkse uitvoeringsplannen (TOML-bestanden) van een "
                  "samenwerkingsovereenkomst tussen gemeenten aan de afspraken in die overeenkomst, vastgelegd in "
                  "de afsprakentaal van akkoord (`.akkoord`-bestanden). Elke onvolkomenheid wordt gemeld zoals een "
                  "compiler dat doet: waar deze in het plan staat, wat er niet klopt, met welke bepaling van de "
                  "overeenkomst het strijdig is en hoe u het herstelt.")) +
         "\n.PP\n";
  out += roff(say(lang,
                  "Findings go to standard output; the tool's own messages (usage errors, configuration warnings, "
                  "`--verbose`) go to standard error. Amounts are exact (whole cents), and taakveld codes are checked "
                  "against the BBV list of the book year concerned, which is compiled into the program (see "
                  "`--version`).",
                  "Bevindingen gaan naar de standaarduitvoer; meldingen van het programma zelf (gebruiksfouten, "
                  "waarschuwingen over de configuratie, `--verbose`) naar de standaardfoutuitvoer. Bedragen worden "
                  "exact berekend (in hele centen) en taakveldcodes worden getoetst aan de BBV-lijst van het "
                  "betreffende begrotingsjaar, die in het programma is opgenomen (zie `--version`).")) +
         "\n";

  out += ".SH " + say(lang, "COMMANDS", "OPDRACHTEN") + "\n";
  for (const CLI::App* command : commands) {
    out += ".TP\n" + command_synopsis(*command, lang) + "\n" + roff(command->get_description()) + "\n.RS\n";
    for (const CLI::Option* o : visible_options(*command)) {
      if (is_positional(*o))
        append_item(out, positional_term(*o), o->get_description());
      else if (!taken_by_every_command(*o, commands))
        append_item(out, option_term(*o, lang), o->get_description());
    }
    out += ".RE\n";
  }

  out += ".SH " + say(lang, "OPTIONS", "OPTIES") + "\n";
  out += roff(say(lang, "Every command takes these options:", "Elke opdracht kent deze opties:")) + "\n";
  if (!commands.empty())
    for (const CLI::Option* o : visible_options(*commands.front()))
      if (!is_positional(*o) && taken_by_every_command(*o, commands))
        append_item(out, option_term(*o, lang), o->get_description());
  out += ".PP\n" + roff(say(lang, "Before the command, or without one:", "Vóór de opdracht, of zonder opdracht:")) +
         "\n";
  for (const CLI::Option* o : visible_options(app)) append_item(out, option_term(*o, lang), o->get_description());

  out += ".SH " + say(lang, "EXIT STATUS", "AFSLUITCODES") + "\n";
  for (const exit_code_meaning& meaning : exit_code_meanings)
    append_item(out, bold(std::to_string(meaning.code)), say(lang, meaning.en, meaning.nl));

  out += ".SH " + say(lang, "FILES", "BESTANDEN") + "\n.TP\n" + bold(config_file_name) + "\n";
  out += roff(say(lang,
                  "The configuration: looked for in the working directory and then in each parent directory "
                  "(or given with `--config`). Options on the command line win over it. Its settings:",
                  "De configuratie: gezocht in de werkmap en daarna in elke bovenliggende map (of opgegeven met "
                  "`--config`). Opties op de opdrachtregel hebben voorrang op dit bestand. De instellingen:")) +
         "\n.RS\n";
  for (const config_setting& setting : config_settings)
    append_item(out, bold(setting.example), say(lang, setting.en, setting.nl));
  out += ".RE\n";

  out += ".SH " + say(lang, "ENVIRONMENT", "OMGEVING") + "\n";
  append_item(out, bold("NO_COLOR"),
              say(lang, "when set and not empty, `--color auto` (the default) prints no colour",
                  "als deze variabele is gezet en niet leeg is, gebruikt `--color auto` (de standaard) geen kleur"));
  append_item(out, bold("TERM"),
              say(lang, "`dumb`: `--color auto` prints no colour", "`dumb`: `--color auto` gebruikt geen kleur"));

  out += ".SH " + say(lang, "EXAMPLES", "VOORBEELDEN") + "\n";
  for (const example& e : examples) append_item(out, bold(e.command), say(lang, e.en, e.nl));

  out += ".SH " + say(lang, "SEE ALSO", "ZIE OOK") + "\n";
  out += roff(say(lang,
                  "`akkoord checks` lists every check; `akkoord explain ID` prints its page. The language of "
                  "agreements and the format of plans are described in `README.md` and `docs/` in the "
                  "documentation directory (`/usr/share/doc/akkoord/` for the Debian package).",
                  "`akkoord checks` toont elke controle; `akkoord explain ID` toont de pagina ervan. De taal van "
                  "de afspraken en de opbouw van de plannen staan beschreven in `README.md` en `docs/` in de "
                  "documentatiemap (`/usr/share/doc/akkoord/` bij het Debian-pakket).")) +
         "\n";
  return out;
}

namespace {

// How the value of an option, or the arguments of a command, are completed: an action of the script below.
std::string completion_action(std::string_view argument, const std::vector<std::string>& choices) {
  // The arguments that name files of one kind, and values with a completion of their own.
  static const std::map<std::string_view, std::string_view> special = {
      {"--rules", "_akkoord_files akkoord"}, {"--config", "_akkoord_files toml"},
      {"--plans", "_akkoord_files toml"},    {"lint", "_akkoord_files akkoord"},
      {"check", "_akkoord_files toml"},      {"test", "_akkoord_files toml"},
      {"diff", "_akkoord_files akkoord"},    {"fmt", "_akkoord_files akkoord"},
      {"--git", "_akkoord_revisions"},
      {"--jobs", ":"},                       {"checks", ":"},
  };
  if (const auto found = special.find(argument); found != special.end()) return std::string(found->second);
  if (argument == "--format") {
    std::string formats;
    for (auto format = report_format::text; format <= report_format::xlsx;  // xlsx: the last of the enum
         format = static_cast<report_format>(static_cast<int>(format) + 1))
      formats += (formats.empty() ? "" : " ") + std::string(report_format_name(format));
    return "_akkoord_words '" + formats + "'";
  }
  if (argument == "explain") {
    std::string ids;
    for (const check* c : all_checks()) ids += (ids.empty() ? "" : " ") + std::string(c->info().id);
    return "_akkoord_words '" + ids + "'";
  }
  if (!choices.empty()) {
    std::string words;
    for (const std::string& choice : choices) words += (words.empty() ? "" : " ") + choice;
    return "_akkoord_words '" + words + "'";
  }
  return "_akkoord_files ''";
}

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : std::string(separator)) + w;
  return out;
}

}  // namespace

std::string bash_completion(const CLI::App& app) {
  const auto commands = commands_of(app);
  std::vector<std::string> command_names;
  for (const CLI::App* command : commands) command_names.push_back(command->get_name());

  // `case "$prev"` arms for every option that takes a value, once per spelling ("--output|-o").
  std::vector<std::pair<std::string, std::string>> value_arms;
  const auto add_value_arms = [&](const CLI::App& command) {
    for (const CLI::Option* o : visible_options(command)) {
      if (is_positional(*o) || !takes_value(*o)) continue;
      const std::string pattern = joined(names_of(*o), "|");
      if (std::none_of(value_arms.begin(), value_arms.end(), [&](const auto& arm) { return arm.first == pattern; }))
        value_arms.emplace_back(pattern, completion_action(o->get_name(), choices_of(*o)));
    }
  };
  const auto option_words = [](const CLI::App& command) {
    std::vector<std::string> words;
    for (const CLI::Option* o : visible_options(command))
      for (const std::string& name : names_of(*o)) words.push_back(name);
    return joined(words, " ");
  };
  add_value_arms(app);
  for (const CLI::App* command : commands) add_value_arms(*command);

  std::string out = R"sh(# bash completion for akkoord                                        -*- shell-script -*-
# Generated by `akkoord --generate complete-bash` from the command line that `akkoord --help` shows; do not edit.

# Directories and the files ending in .$1 (any file when $1 is empty) that start with $cur.
_akkoord_files()
{
    compopt -o filenames 2>/dev/null
    if [[ -n $1 ]]; then
        mapfile -t COMPREPLY < <(compgen -d -- "$cur"; compgen -f -X "!*.$1" -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
}

# The words of $1 that start with $cur.
_akkoord_words()
{
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

# Branches and tags, for `diff --git REV`.
_akkoord_revisions()
{
    _akkoord_words "HEAD $(git for-each-ref --format='%(refname:short)' 2>/dev/null)"
}

_akkoord()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev= command= i
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # Bash splits `--lang=nl` into `--lang`, `=`, `nl` and `sarif:report.sarif` at the colon.
    if [[ $cur == = ]]; then
        cur= prev=${COMP_WORDS[COMP_CWORD - 1]}
    elif [[ $prev == = ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    if [[ $cur == : ]]; then
        cur=
        _akkoord_files ''
        return
    elif [[ $prev == : ]]; then
        _akkoord_files ''
        return
    fi

    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            )sh" + joined(command_names, "|") + R"sh() command=${COMP_WORDS[i]}; break ;;
        esac
    done

    case $prev in
)sh";
  for (const auto& [pattern, action] : value_arms) out += "        " + pattern + ") " + action + "; return ;;\n";
  out += R"sh(    esac

    if [[ $cur == -* ]]; then
        case $command in
)sh";
  for (const CLI::App* command : commands)
    out += "            " + command->get_name() + ") _akkoord_words '" + option_words(*command) + "' ;;\n";
  out += "            *) _akkoord_words '" + option_words(app) + "' ;;\n";
  out += R"sh(        esac
        return
    fi

    case $command in
        '') _akkoord_words ')sh" + joined(command_names, " ") + R"sh(' ;;
)sh";
  for (const CLI::App* command : commands)
    out += "        " + command->get_name() + ") " + completion_action(command->get_name(), {}) + " ;;\n";
  out += R"sh(    esac
}
complete -F _akkoord akkoord
)sh";
  return out;
}

}  // namespace akkoord::cli

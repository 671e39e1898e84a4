#include "version.hpp"

#include "akkoord/validator/taakvelden.hpp"
#include "akkoord_build_info.hpp"  // generated at every build by cmake/build_info.cmake

namespace akkoord::cli {

std::string version_text(language lang) {
  const bool nl = lang == language::nl;
  std::string out = "akkoord " AKKOORD_VERSION "\n";
  out += std::string(nl ? "revisie: " : "revision: ") + AKKOORD_GIT_REVISION "\n";
  out += nl ? "BBV-taakveldlijsten:" : "BBV taakveld lists:";
  for (const taakveld_list& list : taakveld_catalog::builtin().lists())
    out += "\n  " + std::to_string(list.first_year) + "-" + std::to_string(list.last_year) + " (" +
           std::to_string(list.entries.size()) + (nl ? " taakvelden)" : " codes)");
  out += nl ? "\n  bron: CBS iv3_definities, commit " AKKOORD_TAAKVELD_SOURCE_COMMIT " (rules/taakvelden/SOURCE.md)"
            : "\n  source: CBS iv3_definities, commit " AKKOORD_TAAKVELD_SOURCE_COMMIT " (rules/taakvelden/SOURCE.md)";
  return out;
}

}  // namespace akkoord::cli

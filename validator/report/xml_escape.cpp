// Escaping for the markup formats (JUnit XML and HTML share it).
#include "akkoord/validator/report.hpp"
#include "utf8.hpp"

namespace akkoord {

using namespace report_detail;

namespace {

// XML 1.0 allows tab, LF, CR and U+0020 and up, minus the surrogates, U+FFFE and U+FFFF; C1 controls are
// allowed but mean nothing on a page, so they go as well.
bool allowed_in_xml(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return true;
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return false;
  return cp != 0xFFFE && cp != 0xFFFF;
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view s, bool in_attribute) {
  for (std::size_t i = 0; i < s.size();) {
    const decoded d = decode_at(s, i);
    switch (d.code_point) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      // In an attribute a raw line break or tab would be normalised to a space by the reader.
      case '\n': out += in_attribute ? "&#10;" : "\n"; break;
      case '\r': out += in_attribute ? "&#13;" : "\r"; break;
      case '\t': out += in_attribute ? "&#9;" : "\t"; break;
      default:
        if (d.code_point == invalid_code_point || !allowed_in_xml(d.code_point)) {
          out += replacement_character;
        } else {
          out.append(s.substr(i, d.length));
        }
    }
    i += d.length;
  }
}

}  // namespace akkoord

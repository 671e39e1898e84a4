#include "xlsxwriter_library.hpp"

#include <dlfcn.h>

#include <string>

namespace akkoord {
namespace {

// The shared library of the libxlsxwriter the report was compiled against (Debian package libxlsxwriter4).
constexpr const char* library_name = "libxlsxwriter.so." LXW_SOVERSION;
constexpr const char* package_name = "libxlsxwriter" LXW_SOVERSION;

struct opened {
  xlsxwriter_library functions;
  std::string missing;  // empty: every function was found
};

template <class Function>
void bind(void* handle, const char* name, Function& function, std::string& missing) {
  function = reinterpret_cast<Function>(dlsym(handle, name));
  if (function == nullptr && missing.empty()) missing = name;
}

opened open_library() {
  opened result;
  void* handle = dlopen(library_name, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    result.missing = why != nullptr ? why : library_name;
    return result;
  }
  xlsxwriter_library& f = result.functions;
  std::string& missing = result.missing;
  // The field and the symbol have the same name: one list, no way for them to drift apart.
#define AKKOORD_BIND(name) bind(handle, #name, f.name, missing)
  AKKOORD_BIND(workbook_new_opt);
  AKKOORD_BIND(workbook_set_properties);
  AKKOORD_BIND(workbook_add_format);
  AKKOORD_BIND(workbook_add_worksheet);
  AKKOORD_BIND(workbook_close);
  AKKOORD_BIND(lxw_workbook_free);
  AKKOORD_BIND(lxw_strerror);
  AKKOORD_BIND(format_set_bold);
  AKKOORD_BIND(format_set_bottom);
  AKKOORD_BIND(format_set_num_format);
  AKKOORD_BIND(worksheet_write_string);
  AKKOORD_BIND(worksheet_write_number);
  AKKOORD_BIND(worksheet_write_datetime);
  AKKOORD_BIND(worksheet_set_column);
  AKKOORD_BIND(worksheet_freeze_panes);
  AKKOORD_BIND(worksheet_autofilter);
#undef AKKOORD_BIND
  // The handle stays open for the life of the process: the functions are used until it ends.
  return result;
}

}  // namespace

const xlsxwriter_library* open_xlsxwriter(text& reason) {
  static const opened library = open_library();  // thread-safe, once
  if (!library.missing.empty()) {
    reason = {"libxlsxwriter could not be loaded (" + library.missing +
                  "); install the Debian package " + package_name,
              "libxlsxwriter kon niet worden geladen (" + library.missing +
                  "); installeer het Debian-pakket " + package_name};
    return nullptr;
  }
  return &library.functions;
}

}  // namespace akkoord

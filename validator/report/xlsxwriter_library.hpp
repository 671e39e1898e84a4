// libxlsxwriter, opened when a spreadsheet is first written instead of linked: the library brings minizip,
// zlib and libcrypto, and loading and relocating those cost about 2.7 ms at every start of akkoord, spreadsheet
// or not (BENCHMARKS.md, "Start-up (#10)"). Only the functions the spreadsheet report calls are bound.
#pragma once

#include <xlsxwriter.h>

#include "akkoord/diagnostic.hpp"

namespace akkoord {

struct xlsxwriter_library {
  decltype(&::workbook_new_opt) workbook_new_opt = nullptr;
  decltype(&::workbook_set_properties) workbook_set_properties = nullptr;
  decltype(&::workbook_add_format) workbook_add_format = nullptr;
  decltype(&::workbook_add_worksheet) workbook_add_worksheet = nullptr;
  decltype(&::workbook_close) workbook_close = nullptr;
  decltype(&::lxw_workbook_free) lxw_workbook_free = nullptr;
  decltype(&::lxw_strerror) lxw_strerror = nullptr;
  decltype(&::format_set_bold) format_set_bold = nullptr;
  decltype(&::format_set_bottom) format_set_bottom = nullptr;
  decltype(&::format_set_num_format) format_set_num_format = nullptr;
  decltype(&::worksheet_write_string) worksheet_write_string = nullptr;
  decltype(&::worksheet_write_number) worksheet_write_number = nullptr;
  decltype(&::worksheet_write_datetime) worksheet_write_datetime = nullptr;
  decltype(&::worksheet_set_column) worksheet_set_column = nullptr;
  decltype(&::worksheet_freeze_panes) worksheet_freeze_panes = nullptr;
  decltype(&::worksheet_autofilter) worksheet_autofilter = nullptr;
};

// The library, opened once per process; nullptr with `reason` set when it is not installed or lacks a function.
const xlsxwriter_library* open_xlsxwriter(text& reason);

}  // namespace akkoord

# write_if_changed(FILE TEXT): for the generator scripts run at build time. A file that already holds TEXT is
# left alone, so its dependants are not rebuilt; otherwise it is written through a temporary file and a rename,
# so an interrupted build never leaves half a source file.
function(write_if_changed file text)
  if(EXISTS "${file}")
    file(READ "${file}" old)
    if(old STREQUAL text)
      return()
    endif()
  endif()
  file(WRITE "${file}.tmp" "${text}")
  file(RENAME "${file}.tmp" "${file}")
endfunction()

# Runs a command and writes its standard output to a file, through a temporary file and a rename, so a failed
# or interrupted run never leaves half a file (the man pages and the bash completion, made by the built binary):
#   cmake "-DCOMMAND=prog|arg|…" -DOUTPUT=file [-DGZIP=ON] -P command_output.cmake
# (COMMAND is separated by '|': semicolons do not survive a custom command's argument list.) GZIP=ON
# compresses as Debian wants its man pages: `gzip -9n`, no name or time stamp inside, so builds are reproducible.
cmake_minimum_required(VERSION 3.20)

string(REPLACE "|" ";" command "${COMMAND}")
set(temporary "${OUTPUT}.tmp")
execute_process(COMMAND ${command} OUTPUT_FILE "${temporary}" RESULT_VARIABLE failed)
if(failed)
  file(REMOVE "${temporary}")
  message(FATAL_ERROR "`${command}` failed (${failed}): ${OUTPUT} not written")
endif()
if(GZIP)
  execute_process(COMMAND gzip -9nf "${temporary}" RESULT_VARIABLE failed)
  if(failed)
    file(REMOVE "${temporary}" "${temporary}.gz")
    message(FATAL_ERROR "gzip failed (${failed}): ${OUTPUT} not written")
  endif()
  set(temporary "${temporary}.gz")
endif()
file(RENAME "${temporary}" "${OUTPUT}")

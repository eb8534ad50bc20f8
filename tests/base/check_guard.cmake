# cmake -DCOMPILE_COMMANDS=build/compile_commands.json -DPROBE=guard_probe.c -P check_guard.cmake
# Compiles guard_probe.c with exactly the command the build uses for it
# (so with the game's flags and the force-included base/harmful.h): as is it
# must compile, with -DPREBUNK_PROBE_HARMFUL it must fail, naming the
# project's replacement for every forbidden function.
cmake_minimum_required(VERSION 3.25)
file(READ "${COMPILE_COMMANDS}" json)
string(JSON count LENGTH "${json}")
math(EXPR last "${count} - 1")
set(command "")
foreach(i RANGE ${last})
  string(JSON file GET "${json}" ${i} file)
  if(file STREQUAL PROBE)
    string(JSON command GET "${json}" ${i} command)
    string(JSON directory GET "${json}" ${i} directory)
    break()
  endif()
endforeach()
if(command STREQUAL "")
  message(FATAL_ERROR "FAIL: ${PROBE} is not in ${COMPILE_COMMANDS}")
endif()
if(NOT command MATCHES "harmful\\.h")
  message(FATAL_ERROR "FAIL: the build does not force-include base/harmful.h:\n${command}")
endif()
separate_arguments(args UNIX_COMMAND "${command}")
# Write the object somewhere of our own, not over the build's.
list(FIND args "-o" at)
math(EXPR at "${at} + 1")
list(REMOVE_AT args ${at})
list(INSERT args ${at} "${CMAKE_CURRENT_BINARY_DIR}/guard_probe_check.o")

execute_process(COMMAND ${args} WORKING_DIRECTORY "${directory}" RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FAIL: the probe with the project's helpers does not compile:\n${out}${err}")
endif()

execute_process(COMMAND ${args} -DPREBUNK_PROBE_HARMFUL WORKING_DIRECTORY "${directory}"
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(rc EQUAL 0)
  message(FATAL_ERROR "FAIL: calls to strcpy, atoi, sprintf, sscanf, rand ... compiled: the guard is off")
endif()
# function and the replacement its message must name
set(expected
  "strcpy|str_copy" "strcat|strbuf_append" "sprintf|xasprintf" "vsprintf|xvasprintf" "gets|fgets"
  "strtok|strtok_r" "atoi|str_parse_long" "atol|str_parse_long" "atoll|str_parse_u64" "atof|strtod"
  "sscanf|str_parse_long" "vsscanf|str_parse_long" "scanf|fgets" "fscanf|fgets" "rand|rng_below" "srand|rng_seed")
set(failures 0)
foreach(pair IN LISTS expected)
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 fn)
  list(GET pair 1 instead)
  if(NOT err MATCHES "[^a-z_]${fn}[^a-z_][^\n]*deprecated[^\n]*${instead}")
    message(SEND_ERROR "FAIL: no error for ${fn} naming ${instead}")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
if(failures GREATER 0)
  message(FATAL_ERROR "compiler output:\n${err}")
endif()
list(LENGTH expected n)
message(STATUS "guard: the probe compiles with the helpers and fails on all ${n} forbidden functions")

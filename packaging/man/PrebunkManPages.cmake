# Manual pages in section 6 (games): prebunk(6) and one page per sub-command,
# prebunk-validate(6) and so on. help2man writes them at build time from the
# built binary's --help, so they say what --help says (the test
# packaging_manpages compares them); the .h2m files add the sections --help
# has no room for. Included from packaging/CMakeLists.txt.

# name | what NAME says of it. Keep in step with the sub-command table in
# game/main.c (packaging_manpages fails when a sub-command has no page).
set(PREBUNK_MAN_SUBCOMMANDS
  "validate|check quiz pack files"
  "scores|print the score history of prebunk"
  "import-moodle|convert Moodle XML true/false questions to a quiz pack"
  "import-csv|convert a spreadsheet (CSV or Excel) to a quiz pack"
  "export-moodle|write a quiz pack as Moodle XML true/false questions")

if(NOT PREBUNK_HELP2MAN)  # cmake/PrebunkDependencies.cmake looks for it
  if(PREBUNK_DEBIAN)
    message(FATAL_ERROR "help2man not found (Debian package help2man): the .deb needs the manual pages")
  endif()
  message(WARNING "help2man not found (Debian package help2man): no manual pages")
  return()
endif()

# tests/packaging (packaging_manpages) reads the uncompressed pages here.
set(_man_dir "${CMAKE_CURRENT_BINARY_DIR}/man")
# help2man stamps the page with the date of SOURCE_DATE_EPOCH when it is set:
# the date of the latest Debian changelog entry, so a rebuild gives the same page.
set(_man_env LC_ALL=C.UTF-8 LANGUAGE=)
find_program(PREBUNK_DPKG_PARSECHANGELOG dpkg-parsechangelog)
if(PREBUNK_DPKG_PARSECHANGELOG)
  execute_process(COMMAND ${PREBUNK_DPKG_PARSECHANGELOG} -l ${CMAKE_CURRENT_SOURCE_DIR}/debian/changelog -STimestamp
                  OUTPUT_VARIABLE _epoch OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _rc)
  if(_rc EQUAL 0 AND _epoch MATCHES "^[0-9]+$")
    list(APPEND _man_env SOURCE_DATE_EPOCH=${_epoch})
  endif()
endif()

set(_pages "")
# prebunk(6) from `prebunk --help` and `prebunk --version`.
add_custom_command(OUTPUT "${_man_dir}/prebunk.6"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${_man_dir}"
  COMMAND ${CMAKE_COMMAND} -E env ${_man_env}
          ${PREBUNK_HELP2MAN} --no-info --section=6 --manual=Games
          "--name=practise telling real news headlines from fabricated ones"
          "--include=${CMAKE_CURRENT_SOURCE_DIR}/man/prebunk.h2m"
          "--output=${_man_dir}/prebunk.6" $<TARGET_FILE:prebunk>
  DEPENDS prebunk man/prebunk.h2m
  COMMENT "Writing the manual page prebunk(6) from prebunk --help"
  VERBATIM)
list(APPEND _pages prebunk)

# prebunk-COMMAND(6) from `prebunk COMMAND --help`: help2man runs a program,
# so each sub-command gets a two-line wrapper named after its page.
foreach(_entry IN LISTS PREBUNK_MAN_SUBCOMMANDS)
  string(REPLACE "|" ";" _entry "${_entry}")
  list(GET _entry 0 _cmd)
  list(GET _entry 1 _what)
  set(_wrapper "${_man_dir}/bin/prebunk-${_cmd}")
  file(GENERATE OUTPUT "${_wrapper}"
       CONTENT "#!/bin/sh\nexec '$<TARGET_FILE:prebunk>' ${_cmd} \"$@\"\n"
       FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  add_custom_command(OUTPUT "${_man_dir}/prebunk-${_cmd}.6"
    COMMAND ${CMAKE_COMMAND} -E env ${_man_env}
            ${PREBUNK_HELP2MAN} --no-info --section=6 --manual=Games
            "--version-string=${PROJECT_VERSION}" "--name=${_what}"
            "--include=${CMAKE_CURRENT_SOURCE_DIR}/man/subcommand.h2m"
            "--output=${_man_dir}/prebunk-${_cmd}.6" "${_wrapper}"
    DEPENDS prebunk man/subcommand.h2m "${_wrapper}"
    COMMENT "Writing the manual page prebunk-${_cmd}(6) from prebunk ${_cmd} --help"
    VERBATIM)
  list(APPEND _pages prebunk-${_cmd})
endforeach()

# Installed compressed, without a time stamp in the gzip header.
set(_compressed "")
foreach(_page IN LISTS _pages)
  add_custom_command(OUTPUT "${_man_dir}/${_page}.6.gz"
    COMMAND gzip -9nkf "${_man_dir}/${_page}.6"
    DEPENDS "${_man_dir}/${_page}.6"
    VERBATIM)
  list(APPEND _compressed "${_man_dir}/${_page}.6.gz")
endforeach()
add_custom_target(prebunk_manpages ALL DEPENDS ${_compressed})
install(FILES ${_compressed} DESTINATION ${CMAKE_INSTALL_MANDIR}/man6)

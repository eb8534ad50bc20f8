# A build for the Debian package (packaging/build-deb.sh turns it on):
#   - the binary goes to /usr/games (Debian policy 11.11: section games);
#   - the compiler and linker flags of `dpkg-buildflags` (hardening=+all: PIE,
#     stack protector, _FORTIFY_SOURCE, RELRO, BIND_NOW) are added, as
#     debhelper adds them to a Debian build;
#   - the fonts are links to fonts-dejavu-core and fonts-noto-core instead of
#     copies (packaging/CMakeLists.txt), and cpack makes the .deb.
# Included before GNUInstallDirs so that CMAKE_INSTALL_BINDIR defaults to games.
option(PREBUNK_DEBIAN "Build for the Debian package: /usr/games, dpkg-buildflags, system fonts" OFF)

if(NOT PREBUNK_DEBIAN)
  return()
endif()

set(CMAKE_INSTALL_BINDIR "games" CACHE PATH "User executables (Debian: games go to /usr/games)")

find_program(PREBUNK_DPKG_BUILDFLAGS dpkg-buildflags REQUIRED)
# The package's own maintainer options win over the environment's: the
# hardening checks of lintian and hardening-check expect all of them.
set(_prebunk_saved_options "$ENV{DEB_BUILD_MAINT_OPTIONS}")
set(ENV{DEB_BUILD_MAINT_OPTIONS} "hardening=+all")
foreach(_flag CFLAGS CPPFLAGS LDFLAGS)
  execute_process(COMMAND ${PREBUNK_DPKG_BUILDFLAGS} --get ${_flag}
                  OUTPUT_VARIABLE PREBUNK_DPKG_${_flag} OUTPUT_STRIP_TRAILING_WHITESPACE
                  # -ffile-prefix-map maps this folder to "." (reproducible builds)
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                  COMMAND_ERROR_IS_FATAL ANY)
endforeach()
set(ENV{DEB_BUILD_MAINT_OPTIONS} "${_prebunk_saved_options}")

# CMake has no CPPFLAGS: the preprocessor flags go with the compiler's, as
# debhelper's cmake build system passes them.
string(APPEND CMAKE_C_FLAGS " ${PREBUNK_DPKG_CFLAGS} ${PREBUNK_DPKG_CPPFLAGS}")
string(APPEND CMAKE_EXE_LINKER_FLAGS " ${PREBUNK_DPKG_LDFLAGS}")
message(STATUS "Debian build: flags from dpkg-buildflags: ${PREBUNK_DPKG_CFLAGS} ${PREBUNK_DPKG_CPPFLAGS} / ${PREBUNK_DPKG_LDFLAGS}")

# Every dependency comes from Debian 12 packages (see packaging/bootstrap.sh).
find_package(SDL2 CONFIG REQUIRED)
find_package(SDL2_ttf CONFIG REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PkgConfig REQUIRED)
# libcsv ships no pkg-config file.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY csv REQUIRED)
add_library(prebunk_libcsv INTERFACE)
target_include_directories(prebunk_libcsv INTERFACE ${CSV_INCLUDE_DIR})
target_link_libraries(prebunk_libcsv INTERFACE ${CSV_LIBRARY})
pkg_check_modules(INIH IMPORTED_TARGET REQUIRED inih)
# Reading .xlsx workbooks (a zip of XML parts) for the spreadsheet importer.
pkg_check_modules(LIBZIP IMPORTED_TARGET REQUIRED libzip)
# The Unicode Bidirectional Algorithm for mixed right-to-left text (SDL_ttf has none).
pkg_check_modules(FRIBIDI IMPORTED_TARGET REQUIRED fribidi)
# Unicode normalisation and case folding (player names), one UTF-8 decoder.
pkg_check_modules(UTF8PROC IMPORTED_TARGET REQUIRED libutf8proc)
# The manual pages are written from --help by help2man (packaging/man/); a
# build without it has none, a Debian build (PREBUNK_DEBIAN) stops.
find_program(PREBUNK_HELP2MAN help2man)
# The ci preset's clang_tidy test (Debian package clang-tidy, a test package).
if(PREBUNK_TIDY)
  find_program(PREBUNK_CLANG_TIDY clang-tidy REQUIRED)
endif()

# Arabic and other complex scripts need SDL2_ttf built with HarfBuzz. Without
# it, TTF_SetDirection() reports failure; ask it once at configure time.
if(NOT DEFINED PREBUNK_TTF_HAS_HARFBUZZ)
  set(_probe "${CMAKE_CURRENT_BINARY_DIR}/harfbuzz_probe.c")
  file(WRITE "${_probe}" [=[
#include <SDL_ttf.h>
int main(int argc, char **argv) {
  (void)argc; (void)argv;
  if (TTF_Init() != 0) return 2;
  /* 4 is HB_DIRECTION_LTR; returns -1 when built without HarfBuzz. */
  int rc = TTF_SetDirection(4);
  TTF_Quit();
  return rc == 0 ? 0 : 1;
}
]=])
  try_run(_hb_run _hb_compile
    SOURCES "${_probe}"
    LINK_LIBRARIES SDL2_ttf::SDL2_ttf SDL2::SDL2
    COMPILE_DEFINITIONS -Wno-deprecated-declarations
    COMPILE_OUTPUT_VARIABLE _hb_out)
  if(_hb_compile AND _hb_run EQUAL 0)
    set(PREBUNK_TTF_HAS_HARFBUZZ ON CACHE INTERNAL "SDL2_ttf has HarfBuzz")
  else()
    message(FATAL_ERROR
      "SDL2_ttf was built without HarfBuzz (or could not be probed): "
      "Prebunk needs HarfBuzz text shaping for right-to-left scripts such as Arabic. "
      "Install Debian's libsdl2-ttf-dev (built with HarfBuzz) or rebuild SDL2_ttf "
      "with -DSDL2TTF_HARFBUZZ=ON.\n${_hb_out}")
  endif()
endif()

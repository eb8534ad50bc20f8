# Compiler warnings, -Werror and sanitizer switches shared by every target.
option(PREBUNK_WERROR "Treat warnings as errors (CI)" OFF)
option(PREBUNK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(prebunk_warnings INTERFACE)
target_compile_options(prebunk_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wvla -Wformat=2
  -Wmissing-prototypes -Wold-style-definition
  $<$<BOOL:${PREBUNK_WERROR}>:-Werror>)

if(PREBUNK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# game/base/harmful.h, force-included into every game/ target (see
# game/CMakeLists.txt): calls to strcpy, atoi, sprintf, sscanf, rand ... are
# deprecations naming the project's replacement, and errors even without
# PREBUNK_WERROR, because the guard is a rule, not a style hint. SHELL: keeps
# "-include FILE" together (CMake would de-duplicate a second -include).
add_library(prebunk_harmful INTERFACE)
target_compile_options(prebunk_harmful INTERFACE
  "SHELL:-include ${PROJECT_SOURCE_DIR}/game/base/harmful.h"
  -Werror=deprecated-declarations)

# clang-tidy over game/ as a test (tests/base/check_tidy.sh): on in the `ci`
# preset only, so the sanitizer build does not run it a second time.
option(PREBUNK_TIDY "Run clang-tidy (.clang-tidy) over game/ as the ctest clang_tidy" OFF)

# libFuzzer targets (tests/fuzz/): the `fuzz` preset, with clang. Every
# object gets libFuzzer's coverage hooks and ASan + UBSan (any UB stops the
# run, so the fuzzer reports it); only the fuzz_* executables link libFuzzer's
# main (tests/fuzz/CMakeLists.txt).
option(PREBUNK_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)
if(PREBUNK_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "PREBUNK_FUZZ needs clang (e.g. CC=clang-14, or the `fuzz` preset)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

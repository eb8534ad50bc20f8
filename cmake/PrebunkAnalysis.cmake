# Analysis run as tests, on in the `ci` preset (included at the end of
# tests/CMakeLists.txt, once every test exists).
#
# valgrind memcheck over the tests that need no window (PREBUNK_MEMCHECK, on
# in the `ci` preset): each test named below gets a copy, memcheck_NAME,
# that runs the same executable with the same arguments and environment
# under valgrind. Any memcheck error or definite/possible leak fails it.
# The SDL tests (engine, scenes, settings_kept) are left out: their errors
# would be the graphics stack's, not ours. So is play_simulated: 2,000
# simulated rounds take ~14 s natively and over 10 minutes under valgrind,
# for code that play and play_training already run; and hostile_bounds,
# whose point is a time limit per file that valgrind's slow-down breaks (its
# hostile files run under ASan in the asan preset). tests/valgrind.supp holds the
# suppressions, for system libraries only.
option(PREBUNK_MEMCHECK "Run the non-graphical tests under valgrind memcheck too" OFF)

set(PREBUNK_MEMCHECK_TESTS
  base utf8
  pack_load pack_training pack_library techniques
  import export_moodle import_xlsx
  round
  store store_rank store_cli store_training
  play play_training
  fs_faults hostile_deceive
  fuzz_replay_pack fuzz_replay_moodle fuzz_replay_csv fuzz_replay_xlsx fuzz_replay_settings fuzz_replay_scores)

if(PREBUNK_MEMCHECK)
  if(PREBUNK_SANITIZE OR PREBUNK_FUZZ)
    message(FATAL_ERROR "PREBUNK_MEMCHECK cannot run sanitizer builds: use a plain build (the ci preset)")
  endif()
  find_program(PREBUNK_VALGRIND valgrind REQUIRED)
  foreach(name IN LISTS PREBUNK_MEMCHECK_TESTS)
    if(NOT TARGET test_${name})
      message(FATAL_ERROR "PrebunkAnalysis: no test executable test_${name}")
    endif()
    get_property(args GLOBAL PROPERTY PREBUNK_TEST_ARGS_${name})
    get_property(env GLOBAL PROPERTY PREBUNK_TEST_ENV_${name})
    add_test(NAME memcheck_${name}
      COMMAND ${PREBUNK_VALGRIND} --tool=memcheck --error-exitcode=1 --leak-check=full
              --errors-for-leak-kinds=definite,possible --show-leak-kinds=definite,possible
              --child-silent-after-fork=yes --num-callers=30 --gen-suppressions=all
              --suppressions=${PROJECT_SOURCE_DIR}/tests/valgrind.supp
              $<TARGET_FILE:test_${name}> ${args})
    set_tests_properties(memcheck_${name} PROPERTIES
      ENVIRONMENT "${PREBUNK_TEST_ENV};${env}"
      LABELS memcheck
      TIMEOUT 900)
  endforeach()
endif()

# cppcheck over every file the build compiles, game/ and tests/
# (tests/cppcheck/run_cppcheck.sh): zero findings, as the ctest `cppcheck`.
option(PREBUNK_CPPCHECK "Run cppcheck over the sources as the ctest cppcheck" OFF)
if(PREBUNK_CPPCHECK)
  find_program(PREBUNK_CPPCHECK_PROGRAM cppcheck REQUIRED)
  prebunk_add_script_test(cppcheck SCRIPT ${PROJECT_SOURCE_DIR}/tests/cppcheck/run_cppcheck.sh
    ARGS ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR} LABELS analysis TIMEOUT 900)
endif()

#pragma once
// One libFuzzer entry point per target (fuzz_NAME.c). The same file is built
// twice: with -fsanitize=fuzzer in the fuzz preset (libFuzzer's main), and in
// every build with replay_main.c, which runs the seed corpus and every file
// in regressions/NAME through it as a normal ctest entry.

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
// One-time set-up (fuzz_common.c: the log kept off stderr, which would slow
// every run down); libFuzzer calls it before the first input, replay_main.c
// does the same.
int LLVMFuzzerInitialize(int *argc, char ***argv);

// For the readers that take a path (settings, score file): writes the input
// to `name` in a private folder made on first use under $TMPDIR and removed
// at exit, and returns that folder (borrowed; NULL if it cannot be written).
// Nothing else on disk is touched.
const char *fuzz_write_input(const char *name, const uint8_t *data, size_t size);
// The full path of `name` in that folder (borrowed, valid until the next call).
const char *fuzz_input_path(const char *name);

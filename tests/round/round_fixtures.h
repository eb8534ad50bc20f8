#pragma once
// Packs built in memory for the round and measures tests, and the entry
// points of the two test groups (one executable, test_round).

#include <stddef.h>

#include "quiz/pack.h"

// A pack with `real` real items ("r0", "r1", ...) followed by `fake`
// fabricated items ("f0", ...). Owned by the caller (pack_destroy).
Pack *fixture_pack(size_t real, size_t fake, PackKind kind);

int round_tests_run(void);
int measures_tests_run(void);

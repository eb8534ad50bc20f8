#pragma once
// The set-up the store tests share: a fresh folder per test (quiet logs),
// a store opened in it that must open cleanly, and a player by name.

#include <stdint.h>

#include "store/store.h"
#include "support/test_support.h"

// When the store tests' players were created (2023-11-14 22:13:20 UTC).
#define STORE_TEST_T0 INT64_C(1700000000000)

// cmocka setup / teardown: *state is a new empty folder (an owned path),
// removed again (made writable first: some tests take the write bit away).
int store_test_setup(void **state);
int store_test_teardown(void **state);
// The store in `dir`, opened without recovery or notice (fails the test
// otherwise). Owned by the caller.
Store *store_test_open(const char *dir);
// The id of player `name` (created at STORE_TEST_T0 when new); fails the
// test when the store refuses.
int64_t store_test_player(Store *s, const char *name);

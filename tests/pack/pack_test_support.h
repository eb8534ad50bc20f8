#pragma once
// Shared by the pack tests: exact diagnostics and fixture loading.

#include <stddef.h>

#include "quiz/diag.h"
#include "quiz/pack.h"

// Asserts that `d` holds exactly `expected`, in order. Each expected line is
// what follows FILE in "FILE:LINE: error: message"; prints both lists and
// fails the test when they differ.
void expect_diags(const DiagList *d, const char *file, const char *const *expected, size_t n);

#define EXPECT(d, file, ...)                                        \
  do {                                                              \
    static const char *const want_[] = {__VA_ARGS__};               \
    expect_diags((d), (file), want_, sizeof want_ / sizeof *want_); \
  } while (0)

// Loads tests/data/packs/<name>; *path is owned by the caller.
Pack *load_fixture(const char *name, DiagList *d, char **path);

// Loads tests/data/packs/<name>, which must be refused with exactly
// `expected` (as expect_diags()).
void expect_fixture_refused(const char *name, const char *const *expected, size_t n);

#define EXPECT_REFUSED(name, ...)                                        \
  do {                                                                   \
    static const char *const want_[] = {__VA_ARGS__};                    \
    expect_fixture_refused((name), want_, sizeof want_ / sizeof *want_); \
  } while (0)

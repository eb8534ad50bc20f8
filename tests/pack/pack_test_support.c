#include "pack_test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "quiz/pack_load.h"
#include "support/test_support.h"

void expect_diags(const DiagList *d, const char *file, const char *const *expected, size_t n) {
  bool same = d->count == n;
  for (size_t i = 0; same && i < n; i++) {
    char *got = diag_format(&d->items[i]);
    char *want = xasprintf("%s%s", file, expected[i]);
    same = strcmp(got, want) == 0;
    free(got);
    free(want);
  }
  if (!same) {
    fprintf(stderr, "expected:\n");
    for (size_t i = 0; i < n; i++) {
      fprintf(stderr, "  %s%s\n", file, expected[i]);
    }
    fprintf(stderr, "got:\n");
    for (size_t i = 0; i < d->count; i++) {
      char *got = diag_format(&d->items[i]);
      fprintf(stderr, "  %s\n", got);
      free(got);
    }
    fail_msg("diagnostics differ");
  }
}

Pack *load_fixture(const char *name, DiagList *d, char **path) {
  char *rel = xasprintf("packs/%s", name);
  *path = test_data_path(rel);
  free(rel);
  return pack_load_file(*path, d);
}

void expect_fixture_refused(const char *name, const char *const *expected, size_t n) {
  DiagList d = {0};
  char *path;
  assert_null(load_fixture(name, &d, &path));
  expect_diags(&d, path, expected, n);
  diag_clear(&d);
  free(path);
}

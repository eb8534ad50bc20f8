#pragma once
// Shared helpers for cmocka tests. Include after <cmocka.h>'s prerequisites:
// this header includes them itself.

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka.h needs the four above first.
#include <cmocka.h>
#include <stdbool.h>

// A fresh empty folder under $TMPDIR (owned by the caller). Removed with
// test_rmtree().
char *test_tmpdir(void);
void test_rmtree(const char *path);
// $PREBUNK_TEST_DATA/<name> (tests/data), owned by the caller.
char *test_data_path(const char *name);
// $PREBUNK_SOURCE_DIR/<name>, owned by the caller.
char *test_source_path(const char *name);
// Writes `text` to dir/name and returns the full path (owned).
char *test_write_file(const char *dir, const char *name, const char *text);
// Reads a whole file into a NUL-terminated string (owned); fails the test if missing.
char *test_read_file(const char *path);
// Runs a shell command and captures its stdout+stderr (owned) and exit status.
char *test_run(const char *command, int *status);

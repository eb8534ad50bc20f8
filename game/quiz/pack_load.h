#pragma once
// Loading and checking quiz packs (format version 1, quizzes/quizpack-1.xsd).
// Pack files are untrusted: every problem becomes a FILE:LINE diagnostic and
// nothing else happens (no network, no other file read, no crash).

#include <stdbool.h>
#include <stddef.h>

#include "quiz/diag.h"
#include "quiz/pack.h"

enum {
  PACK_MAX_FILE_BYTES = 16 * 1024 * 1024,
  PACK_MAX_ITEMS = 100000,
};

// Loads, validates against the schema and checks `path`. Every problem is
// appended to `diags` (errors and warnings, all in one pass). Returns the pack
// (owned by the caller) when there is no error, else NULL.
Pack *pack_load_file(const char *path, DiagList *diags);
// The same from memory; `name` is used as FILE in messages.
Pack *pack_load_memory(const char *name, const char *data, size_t len, DiagList *diags);

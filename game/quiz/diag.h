#pragma once
// Diagnostics for content: every problem found in a pack or an import, each
// with the file and line it is about, printed the way compilers do:
//   FILE:LINE: error: message
// so that editors can jump to the line.

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

// At most this many problems are listed per file, then one "and N more"
// line: a file with a million errors must cost a million counts, not a
// million messages (each sorted, stored and printed).
enum { DIAG_MAX_PER_FILE = 100 };

typedef enum DiagSeverity {
  DIAG_ERROR,
  DIAG_WARNING,
} DiagSeverity;

typedef struct Diag {
  DiagSeverity severity;
  char *file;     // owned
  int line;       // 0 when the problem is about the whole file
  char *message;  // owned, no trailing newline
} Diag;

typedef struct DiagList {
  Diag *items;
  size_t count;
  size_t cap;
  size_t errors;
  size_t warnings;
} DiagList;

void diag_add(DiagList *list, DiagSeverity severity, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
// "FILE:LINE: error: message" (or "FILE: error: message" when line is 0).
// Owned by the caller.
char *diag_format(const Diag *d);
void diag_print(const DiagList *list, FILE *out);
// With strict, warnings count as errors.
bool diag_has_errors(const DiagList *list, bool strict);
// The first error (or NULL): what a greyed-out pack shows.
const Diag *diag_first_error(const DiagList *list);
void diag_clear(DiagList *list);
// Keeps the first DIAG_MAX_PER_FILE of the problems from `first` on (all
// about one file) and replaces the rest by one "... and N more problems"
// line at line 0, an error when any dropped one was. The counts follow.
void diag_cap(DiagList *list, size_t first);
// Appends that closing line for `dropped` problems (of which
// `dropped_errors` errors) to `list`; nothing when dropped is 0. With
// `stopped` the checks ended there, so the count is a lower bound and the
// line says so instead.
void diag_add_dropped(DiagList *list, const char *file, size_t dropped, size_t dropped_errors, bool stopped);
// Makes every warning an error (each problem stays listed once, now as an
// error; the counts follow). Returns how many warnings were turned.
size_t diag_make_strict(DiagList *list);

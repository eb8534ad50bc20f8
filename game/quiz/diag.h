#pragma once
// Diagnostics for content: every problem found in a pack or an import, each
// with the file and line it is about, printed the way compilers do:
//   FILE:LINE: error: message
// so that editors can jump to the line.

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

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
// Makes every warning an error (each problem stays listed once, now as an
// error; the counts follow). Returns how many warnings were turned.
size_t diag_make_strict(DiagList *list);

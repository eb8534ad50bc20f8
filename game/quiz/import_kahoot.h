#pragma once
// Kahoot's quiz spreadsheet template, saved as CSV, read by the CSV importer
// (import_csv.h), which recognises it by its header row.
//
// The template has a few rows of instructions, then a header row whose cells
// start with "Question", "Answer 1" ... "Answer 4", "Time limit" and
// "Correct answer" (the real texts are longer: "Question - max 120
// characters"); columns with other headings (such as the template's
// numbering column) are ignored. Below it, one question per row.
//
// Only true/false questions carry over: exactly two answers, one reading as
// true and one as false (below), and one correct answer number. The correct
// answer "true" means the headline is real, "false" fabricated. Every other
// row (multiple choice, a poll with no correct answer, two answers that are
// not true/false) is skipped with a warning at its line, and counted.
//
// What reads as true: true, real, fact, genuine, yes; as false: false, fake,
// fabricated, made up, hoax, no (any case, trailing '.' or '!' ignored); also
// vrai/faux, wahr/falsch, richtig/falsch, verdadero/falso, verdadeiro/falso,
// vero/falso, waar/onwaar, echt/nep.
//
// Kahoot has no column for an explanation or a source: items come without
// them, and the pack is written for the author to complete (see import_csv.h).

#include <stdbool.h>
#include <stddef.h>

#include "quiz/diag.h"
#include "quiz/import_csv.h"
#include "quiz/pack.h"

typedef enum KahootColumn {
  KAHOOT_QUESTION,
  KAHOOT_ANSWER_1,
  KAHOOT_ANSWER_2,
  KAHOOT_ANSWER_3,
  KAHOOT_ANSWER_4,
  KAHOOT_TIME_LIMIT,
  KAHOOT_CORRECT,
  KAHOOT_COLUMN_COUNT,
} KahootColumn;

// The Kahoot column a header cell names, or -1 (white space around and case
// are ignored).
int kahoot_column(const char *header_cell);
// True when `cells` are Kahoot's header row: a Question, Answer 1, Answer 2
// and Correct answer column at least.
bool kahoot_is_header(char *const *cells, size_t count);

// Judges one question row. `answers` are the four answer cells ("" when
// empty), `correct` the "Correct answer(s)" cell. On a true/false question
// sets *answer and returns true; else returns false and *why (a translated,
// static string) says what kind of row it is.
bool kahoot_true_false(const char *const answers[4], const char *correct, PackAnswer *answer, const char **why);

// The record number (1-based, blank records counted) of Kahoot's header row
// among the first 50 records of CSV text `data` with separator `delim`, or 0
// when this is not Kahoot's template.
size_t kahoot_find_header(const char *data, size_t len, unsigned char delim);

// The CSV importer's Kahoot reader: header columns and what the rows had in
// common. Zero-initialise, then kahoot_read_header once.
typedef struct KahootImport {
  int column_at[KAHOOT_COLUMN_COUNT];  // cell index of each column, -1 if absent
  int seconds;                         // the time limit of the imported rows; 0 none yet, -1 they differ
  int seconds_line;                    // the first row with that time limit
} KahootImport;

void kahoot_read_header(KahootImport *k, char *const *cells, size_t count);
// One row below the header (not blank): an item added to `pack` (owned by the
// caller; its id is left NULL), or a warning saying why the row was skipped.
// Errors (a control character, text over the pack limits) go to `diags`.
void kahoot_read_row(KahootImport *k, const char *name, int line, char *const *cells, size_t count, Pack *pack,
                     CsvReport *report, DiagList *diags);
// Once every row is read: the time limit, and the warnings about what the
// pack needs before it can be played.
void kahoot_finish(const KahootImport *k, const char *name, Pack *pack, CsvReport *report, DiagList *diags);

#pragma once
// Importing a spreadsheet saved as CSV (RFC 4180, parsed with libcsv): the
// pack format's own columns (below), or Kahoot's quiz template.
//
// The first row names the columns, matched case-insensitively in any order:
//   headline, answer, explanation        required
//   outlet, date                         required for real headlines
//   url, techniques, tip, tags, id       optional
// ("technique" and "tag" are accepted for "techniques" and "tags"). Other
// columns are ignored with a warning.
//
// Cells: answer is "real" or "fabricated" ("true" is taken as real, "false"
// and "fake" as fabricated, any case). date is YYYY-MM-DD, YYYY-MM or YYYY;
// day/month orders such as 17/04/2016 are refused because they mean
// different dates in different countries. techniques are the pack format's
// names separated by ';', ',' or spaces ("fake expert" is read as
// "fake-expert"). tags are separated by ';' or ','. A line break inside an
// explanation or tip cell starts a new paragraph. id is optional: rows
// without one get an id made from the headline.
//
// The file may start with a UTF-8 byte order mark (as Excel writes "CSV UTF-8")
// and use CRLF line ends. A header row with semicolons and no commas (or tabs
// and neither) switches the separator, as spreadsheets do for locales that
// write decimal commas. Text must be UTF-8.
//
// Every problem is a diagnostic naming the physical line where the row starts
// (right even when a cell holds line breaks). Unlike Moodle, the spreadsheet
// has a column for everything a pack needs, so a row that lacks something is
// an error to fix in the spreadsheet, and no pack is returned.

#include <stdbool.h>
#include <stddef.h>

#include "quiz/diag.h"
#include "quiz/pack.h"

// Kahoot's quiz template (see import_kahoot.h) is recognised by its header
// row, which may come after a few rows of instructions (skipped). Its
// true/false questions become items without explanation or source, like a
// Moodle import: the pack is returned for the author to complete, with a
// warning per item saying what it needs (counted below); other rows are
// skipped with a warning at their line. A time limit used by every imported
// row becomes the pack's <round seconds> when the pack format allows it
// (5-120 s).

typedef struct CsvReport {
  size_t rows;        // data rows read (blank rows not counted)
  size_t blank_rows;  // rows whose cells are all empty, skipped
  bool kahoot;        // the file is Kahoot's template; the fields below are about it
  int kahoot_header_line;
  size_t skipped;           // rows that are not true/false questions
  size_t need_explanation;  // items without an explanation (every one: Kahoot has none)
  size_t need_source;       // real items without outlet and date
  bool one_sided;           // every imported question has the same answer
} CsvReport;

// Converts the CSV file at `path`. Returns the pack (owned by the caller; its
// id, title, language and description are NULL for the caller to set) when
// there is no error; else NULL, with every problem in `diags`. Warnings
// (unknown columns) may come with a pack.
Pack *import_csv_file(const char *path, CsvReport *report, DiagList *diags);
// The same from memory; `name` is the FILE in messages.
Pack *import_csv_memory(const char *name, const char *data, size_t len, CsvReport *report, DiagList *diags);

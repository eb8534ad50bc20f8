#pragma once
// Importing a spreadsheet saved as CSV (RFC 4180, parsed with libcsv).
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

typedef struct CsvReport {
  size_t rows;        // data rows read (blank rows not counted)
  size_t blank_rows;  // rows whose cells are all empty, skipped
} CsvReport;

// Converts the CSV file at `path`. Returns the pack (owned by the caller; its
// id, title, language and description are NULL for the caller to set) when
// there is no error; else NULL, with every problem in `diags`. Warnings
// (unknown columns) may come with a pack.
Pack *import_csv_file(const char *path, CsvReport *report, DiagList *diags);
// The same from memory; `name` is the FILE in messages.
Pack *import_csv_memory(const char *name, const char *data, size_t len, CsvReport *report, DiagList *diags);

#pragma once
// Reading the first sheet of an Excel workbook (.xlsx: a zip of XML parts)
// as CSV text, so that the CSV importer (import_csv.h) can read a
// spreadsheet, Kahoot's template included, without a "Save as CSV" step.
//
// The file is untrusted. It is read from memory (at most PACK_MAX_FILE_BYTES)
// with libzip, and only the parts named below are opened, by name, never
// written anywhere: the workbook and its relations (to find the first
// sheet), the shared strings and that sheet. Each part is unpacked into a
// buffer of at most XLSX_MAX_PART_BYTES, and all of them together at most
// XLSX_MAX_TOTAL_BYTES, whatever the zip's directory claims, so a zip bomb
// stops at the cap; at most XLSX_MAX_ENTRIES entries. The XML is parsed by
// libxml2 with the network off and no entity substitution, and a DOCTYPE or
// ENTITY declaration is refused. At most XLSX_MAX_ROWS rows and
// XLSX_MAX_COLUMNS columns are read (cells further right are ignored).
//
// What becomes of cells: shared and inline strings as their text (rich-text
// runs joined, phonetic guides left out), numbers as Excel stores them
// ("20", "0.5"), booleans as TRUE/FALSE. Dates are numbers in Excel: type a
// date column as text (2016-04-17). A line break inside a cell becomes
// U+2028, which the CSV importer reads as a paragraph break, so that row N
// of the sheet is line N of the CSV text and every message names the sheet's
// row.

#include <stdbool.h>
#include <stddef.h>

#include "quiz/diag.h"

enum {
  XLSX_MAX_PART_BYTES = 16 * 1024 * 1024,
  XLSX_MAX_TOTAL_BYTES = 32 * 1024 * 1024,
  XLSX_MAX_ENTRIES = 1000,
  XLSX_MAX_ROWS = 200000,
  XLSX_MAX_COLUMNS = 64,
};

// True when `data` starts like a zip file (and so perhaps a workbook).
bool import_xlsx_sniff(const char *data, size_t len);
// The first sheet as CSV text (owned, NUL-terminated, *out_len its length),
// or NULL with the reasons in `diags` (FILE is `name`).
char *import_xlsx_to_csv(const char *name, const char *data, size_t len, size_t *out_len, DiagList *diags);

// .xlsx workbooks for the spreadsheet importer: Kahoot's template as Excel
// writes it (shared strings, rich text, numbers, a line break in a cell),
// and hostile workbooks (a zip bomb, a DOCTYPE, a relation pointing out of
// the workbook, not a zip at all). The workbooks are built here with libzip.

#include "support/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/fs.h"
#include "base/str.h"
#include "quiz/diag.h"
#include "quiz/import_csv.h"
#include "quiz/import_xlsx.h"
#include "quiz/pack_load.h"

typedef struct Part {
  const char *name;
  const char *text;
  size_t len;  // 0: strlen(text)
} Part;

// A workbook with `parts`, read back into memory (owned; *len its size).
static char *make_xlsx(const Part *parts, size_t count, size_t *len) {
  char *dir = test_tmpdir();
  char *path = fs_join(dir, "book.xlsx");
  int zerr = 0;
  zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  assert_non_null(za);
  for (size_t i = 0; i < count; i++) {
    size_t n = parts[i].len ? parts[i].len : strlen(parts[i].text);
    zip_source_t *src = zip_source_buffer(za, parts[i].text, n, 0);
    assert_non_null(src);
    assert_true(zip_file_add(za, parts[i].name, src, ZIP_FL_OVERWRITE) >= 0);
  }
  assert_int_equal(zip_close(za), 0);
  char *data = NULL, *err = NULL;
  assert_int_equal(fs_read_file(path, 64 * 1024 * 1024, &data, len, &err), FS_READ_OK);
  test_rmtree(dir);
  free(dir);
  free(path);
  return data;
}

static const char WORKBOOK[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Kahoot\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char RELS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/quiz.xml\"/></Relationships>";

// Kahoot's layout: instructions in B1..B2, the header on row 4, questions
// from row 5; strings shared, numbers as numbers, one rich-text run, one
// inline string, one line break in a cell.
static const char STRINGS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"16\" uniqueCount=\"16\">"
    "<si><t>Quiz template</t></si>"                                                          // 0
    "<si><t>Add questions, at least two answer alternatives, and a time limit.</t></si>"     // 1
    "<si><t>Question - max 120 characters</t></si>"                                          // 2
    "<si><t>Answer 1 - max 75 characters</t></si>"                                           // 3
    "<si><t>Answer 2 - max 75 characters</t></si>"                                           // 4
    "<si><t>Answer 3 - max 75 characters</t></si>"                                           // 5
    "<si><t>Answer 4 - max 75 characters</t></si>"                                           // 6
    "<si><t>Time limit (sec) \xE2\x80\x93 5, 10, 20, 30, 60, 90, 120, or 240 secs</t></si>"  // 7
    "<si><t>Correct answer(s) - choose at least one</t></si>"                                // 8
    "<si><r><t>Cows painted like zebras </t></r><r><rPr><b/></rPr><t>fend off flies</t></r>"
    "<rPh><t>ignored</t></rPh></si>"                                                  // 9
    "<si><t>Real</t></si>"                                                            // 10
    "<si><t>Fake</t></si>"                                                            // 11
    "<si><t xml:space=\"preserve\">Hot water\nkills the virus, say doctors</t></si>"  // 12
    "<si><t>Which planet is closest to the sun?</t></si>"                             // 13
    "<si><t>Venus</t></si>"                                                           // 14
    "<si><t>Mercury</t></si>"                                                         // 15
    "</sst>";

static const char SHEET[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>0</v></c></row>"
    "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c></row>"
    "<row r=\"4\"><c r=\"B4\" t=\"s\"><v>2</v></c><c r=\"C4\" t=\"s\"><v>3</v></c><c r=\"D4\" t=\"s\"><v>4</v></c>"
    "<c r=\"E4\" t=\"s\"><v>5</v></c><c r=\"F4\" t=\"s\"><v>6</v></c><c r=\"G4\" t=\"s\"><v>7</v></c>"
    "<c r=\"H4\" t=\"s\"><v>8</v></c></row>"
    "<row r=\"5\"><c r=\"A5\"><v>1</v></c><c r=\"B5\" t=\"s\"><v>9</v></c><c r=\"C5\" t=\"s\"><v>10</v></c>"
    "<c r=\"D5\" t=\"s\"><v>11</v></c><c r=\"G5\"><v>30</v></c><c r=\"H5\"><v>1</v></c></row>"
    "<row r=\"6\"><c r=\"A6\"><v>2</v></c><c r=\"B6\" t=\"s\"><v>12</v></c><c r=\"C6\" t=\"inlineStr\"><is><t>True</t>"
    "</is></c><c r=\"D6\" t=\"inlineStr\"><is><t>False</t></is></c><c r=\"G6\"><v>30</v></c><c r=\"H6\"><v>2</v>"
    "</c></row>"
    "<row r=\"7\"><c r=\"A7\"><v>3</v></c><c r=\"B7\" t=\"s\"><v>13</v></c><c r=\"C7\" t=\"s\"><v>14</v></c>"
    "<c r=\"D7\" t=\"s\"><v>15</v></c><c r=\"E7\" t=\"inlineStr\"><is><t>Mars</t></is></c><c r=\"G7\"><v>30</v></c>"
    "<c r=\"H7\"><v>2</v></c></row>"
    "</sheetData></worksheet>";

static void test_kahoot_xlsx(void **state) {
  (void)state;
  const Part parts[] = {{"xl/workbook.xml", WORKBOOK, 0},
                        {"xl/_rels/workbook.xml.rels", RELS, 0},
                        {"xl/sharedStrings.xml", STRINGS, 0},
                        {"xl/worksheets/quiz.xml", SHEET, 0}};
  size_t len = 0;
  char *book = make_xlsx(parts, 4, &len);
  assert_true(import_xlsx_sniff(book, len));
  CsvReport report;
  DiagList d = {0};
  Pack *p = import_csv_memory("quiz.xlsx", book, len, &report, &d);
  if (!p) {
    diag_print(&d, stderr);
  }
  assert_non_null(p);
  assert_true(report.kahoot);
  assert_int_equal(report.kahoot_header_line, 4);  // the sheet's row numbers
  assert_int_equal(p->item_count, 2);
  assert_string_equal(p->items[0].headline, "Cows painted like zebras fend off flies");
  assert_int_equal(p->items[0].answer, PACK_ANSWER_REAL);
  assert_int_equal(p->items[0].line, 5);
  assert_string_equal(p->items[1].headline, "Hot water kills the virus, say doctors");
  assert_int_equal(p->items[1].answer, PACK_ANSWER_FABRICATED);
  assert_int_equal(p->round_seconds, 30);
  assert_int_equal(report.skipped, 1);
  bool skipped_row7 = false;
  for (size_t i = 0; i < d.count; i++) {
    skipped_row7 = skipped_row7 || (d.items[i].line == 7 && strstr(d.items[i].message, "multiple-choice"));
  }
  assert_true(skipped_row7);
  pack_destroy(p);
  diag_clear(&d);
  free(book);
}

// The pack format's own columns in a workbook, with a paragraph break in a
// cell; the sheet is found without a workbook part too (the usual name).
static void test_native_xlsx(void **state) {
  (void)state;
  static const char sheet[] =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>headline</t></is></c><c t=\"inlineStr\"><is><t>answer</t></is></c>"
      "<c t=\"inlineStr\"><is><t>explanation</t></is></c><c t=\"inlineStr\"><is><t>outlet</t></is></c>"
      "<c t=\"inlineStr\"><is><t>date</t></is></c></row>"
      "<row r=\"2\"><c t=\"inlineStr\"><is><t>Fake one</t></is></c><c t=\"inlineStr\"><is><t>fake</t></is></c>"
      "<c t=\"inlineStr\"><is><t>First.\nSecond.</t></is></c></row>"
      "<row r=\"3\"><c t=\"inlineStr\"><is><t>Real one</t></is></c><c t=\"inlineStr\"><is><t>real</t></is></c>"
      "<c t=\"inlineStr\"><is><t>Ran.</t></is></c><c t=\"inlineStr\"><is><t>BBC</t></is></c>"
      "<c t=\"inlineStr\"><is><t>2019-04</t></is></c></row>"
      "</sheetData></worksheet>";
  const Part parts[] = {{"xl/worksheets/sheet1.xml", sheet, 0}};
  size_t len = 0;
  char *book = make_xlsx(parts, 1, &len);
  CsvReport report;
  DiagList d = {0};
  Pack *p = import_csv_memory("own.xlsx", book, len, &report, &d);
  if (!p) {
    diag_print(&d, stderr);
  }
  assert_non_null(p);
  assert_false(report.kahoot);
  assert_int_equal(p->item_count, 2);
  assert_string_equal(p->items[0].explanation, "First.\nSecond.");
  assert_string_equal(p->items[1].outlet, "BBC");
  assert_int_equal(p->items[1].line, 3);
  pack_destroy(p);
  diag_clear(&d);
  free(book);
}

static bool has_error(const DiagList *d, const char *needle) {
  for (size_t i = 0; i < d->count; i++) {
    if (d->items[i].severity == DIAG_ERROR && strstr(d->items[i].message, needle)) {
      return true;
    }
  }
  diag_print(d, stderr);
  return false;
}

// Hostile workbooks are refused with a reason, never unpacked past the caps.
static void test_hostile_xlsx(void **state) {
  (void)state;
  // A zip bomb: a sheet of 20 MiB of spaces packs to a few KiB.
  size_t big = 20u * 1024 * 1024;
  char *spaces = xmalloc(big + 1);
  memset(spaces, ' ', big);
  spaces[big] = '\0';
  const Part bomb[] = {{"xl/worksheets/sheet1.xml", spaces, big}};
  const Part doctype[] = {
      {"xl/sharedStrings.xml", "<!DOCTYPE sst [<!ENTITY a \"aaaa\">]><sst><si><t>&a;</t></si></sst>", 0},
      {"xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>", 0}};
  const Part escape[] = {{"xl/workbook.xml", WORKBOOK, 0},
                         {"xl/_rels/workbook.xml.rels",
                          "<Relationships><Relationship Id=\"rId1\" Target=\"../../etc/passwd\"/></Relationships>", 0}};
  const Part broken[] = {{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row></worksheet>", 0}};
  struct {
    const Part *parts;
    size_t count;
    const char *error;
  } cases[] = {
      {bomb, 1, "unpacks to more than 16 MiB"},
      {doctype, 2, "holds a DOCTYPE"},
      {escape, 2, "has no xl/worksheets/sheet1.xml"},  // the escaping target is never opened
      {broken, 1, "is not well-formed XML"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    size_t len = 0;
    char *book = make_xlsx(cases[i].parts, cases[i].count, &len);
    assert_true(len < 1024 * 1024);
    CsvReport report;
    DiagList d = {0};
    assert_null(import_csv_memory("bad.xlsx", book, len, &report, &d));
    if (!has_error(&d, cases[i].error)) {
      fail_msg("case %zu: no error \"%s\"", i, cases[i].error);
    }
    diag_clear(&d);
    free(book);
  }
  free(spaces);
  // Starts like a zip, is none.
  static const char fake[] = "PK\x03\x04 not really a zip file";
  CsvReport report;
  DiagList d = {0};
  assert_null(import_csv_memory("fake.xlsx", fake, sizeof fake - 1, &report, &d));
  assert_true(has_error(&d, "not a readable .xlsx workbook"));
  diag_clear(&d);
}

static int teardown(void **state) {
  (void)state;
  pack_loader_shutdown();
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kahoot_xlsx),
      cmocka_unit_test(test_native_xlsx),
      cmocka_unit_test(test_hostile_xlsx),
  };
  return cmocka_run_group_tests(tests, NULL, teardown);
}

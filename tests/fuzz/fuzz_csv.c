// Fuzz target: the CSV importer (`prebunk import-csv`), through
// import_csv_memory(), which import_csv_file() calls on the bytes it read:
// the pack's own columns, Kahoot's template, and, when the bytes start like a
// zip, an .xlsx workbook read as CSV text. fuzz_csv and fuzz_xlsx are both
// built from this file and differ in their seed corpus and dictionary.

#include "fuzz.h"

#include "quiz/diag.h"
#include "quiz/import_csv.h"
#include "quiz/pack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  DiagList diags = {0};
  CsvReport report = {0};
  Pack *pack = import_csv_memory("fuzz.csv", (const char *)data, size, &report, &diags);
  pack_destroy(pack);
  diag_clear(&diags);
  return 0;
}

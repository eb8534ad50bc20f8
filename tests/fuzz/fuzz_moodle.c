// Fuzz target: the Moodle XML importer (`prebunk import-moodle`), through
// import_moodle_memory(), which import_moodle_file() calls on the bytes it
// read, then the report text the command prints.

#include "fuzz.h"

#include <stdlib.h>

#include "quiz/diag.h"
#include "quiz/import_moodle.h"
#include "quiz/pack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  DiagList diags = {0};
  MoodleReport report = {0};
  Pack *pack = import_moodle_memory("fuzz.xml", (const char *)data, size, &report, &diags);
  free(moodle_report_skipped_text(&report));
  pack_destroy(pack);
  moodle_report_clear(&report);
  diag_clear(&diags);
  return 0;
}

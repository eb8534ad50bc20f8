#pragma once
// Writing a pack as a Moodle XML question bank ("Import" > "Moodle XML
// format" in a Moodle course's question bank), the way import_moodle.h reads
// one back:
//   - one <question type="category"> named after the pack's title
//     ($course$/top/TITLE), its description as the category's <info>;
//   - per item a <question type="truefalse">: <name> the item id,
//     <questiontext format="html"> the headline, <generalfeedback> the
//     explanation, then a paragraph "Source: Outlet, YYYY-MM-DD, URL" when the
//     item has an outlet and a date, then the tip as paragraphs starting
//     "Tip: ..." (the conventions import-moodle reads); <defaultgrade> 1,
//     <penalty> 1, <hidden> 0; two answers "true" and "false"
//     (format="moodle_auto_format"), fraction 100 on "true" for a real item
//     and on "false" for a fabricated one, each with a verdict as feedback;
//     <tags>: "technique:NAME" per technique, then the item's own tags.
// HTML goes in CDATA sections with &, <, > and " escaped, so no text can
// close the section or inject markup.
//
// What Moodle's true/false questions cannot carry is left out with a
// warning: a source without a date (the Source line needs one), and the
// item's xml:lang. The pack-level kind, round settings, author and licence
// are not part of a question bank.

#include <stdbool.h>
#include <stddef.h>

#include "quiz/diag.h"
#include "quiz/pack.h"

typedef struct MoodleExportReport {
  size_t questions;     // true/false questions written
  size_t sources_left;  // items whose source could not be written as a Source line
} MoodleExportReport;

// The Moodle XML (UTF-8, owned by the caller), or NULL when a string in the
// pack is not well-formed UTF-8 (then *err, owned, says which item).
// Warnings about what was left out go to `diags` (FILE is the pack's path).
char *export_moodle_xml(const Pack *pack, MoodleExportReport *report, DiagList *diags, char **err);

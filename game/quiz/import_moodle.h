#pragma once
// Importing Moodle XML question banks (Moodle's "Export questions" in "Moodle
// XML format"). Only true/false questions carry over: their text becomes the
// headline, the correct answer "true" means real and "false" fabricated, and
// the general and per-answer feedback become the explanation (verdicts on
// the student's choice such as "Correct!" left out). Categories and Moodle
// tags become tags. Every other question type is skipped and counted.
//
// Moodle has no field for a headline's source or techniques, so two
// conventions carry them (see quizzes/README.md):
//   - a feedback paragraph "Source: Outlet, YYYY-MM-DD, https://..." (date
//     also YYYY-MM or YYYY; url optional) becomes the item's <source> and
//     leaves the explanation; one that does not fit is a warning at its
//     line and gives no source (nothing is guessed);
//   - a Moodle tag "technique:NAME" becomes a <technique>.
//
// The file is untrusted: read with a size cap, parsed without network,
// entity substitution or DTDs, and any problem is a FILE:LINE diagnostic.

#include <stdbool.h>
#include <stddef.h>

#include "quiz/diag.h"
#include "quiz/pack.h"

// Question types that were not imported, with how many of each.
typedef struct MoodleSkipped {
  char *type;  // owned; Moodle's type name ("multichoice", "essay", ...)
  size_t count;
} MoodleSkipped;

typedef struct MoodleReport {
  size_t questions;        // <question> elements other than categories
  size_t imported;         // items added to the pack
  size_t skipped_total;    // questions of other types (sum of skipped[].count)
  MoodleSkipped *skipped;  // owned, in order of first appearance
  size_t skipped_kinds;
  size_t dropped;           // true/false questions left out (no text left, ...)
  size_t need_source;       // real items left without a source (no usable "Source:" line)
  size_t need_explanation;  // items without any feedback to explain them
  size_t too_long;          // items whose headline or explanation is over the pack limits
  bool one_sided;           // every item has the same answer: the pack needs the other kind too
} MoodleReport;

void moodle_report_clear(MoodleReport *report);
// "skipped 3 questions that are not true/false: 2 multichoice, 1 essay"
// (translated), or NULL when nothing was skipped. Owned by the caller.
char *moodle_report_skipped_text(const MoodleReport *report);

// Converts the Moodle XML file at `path`. The pack (owned by the caller) has
// items, tags and, from the first named category, a title and perhaps a
// description; its id and language (and a description when there was none)
// are left NULL for the caller to set. A source comes only from a "Source:"
// line, never invented: each real item without one gets a warning saying
// what to add (counted in need_source), as does an item without feedback
// (need_explanation) or with text over the pack limits (too_long), and a
// pack whose items all have the same answer (one_sided). Such a pack is
// complete only once its author has filled those in.
// Returns NULL when the file cannot be used at all (unreadable, too big, not
// well-formed, a DOCTYPE, not a Moodle <quiz>, no true/false question), with
// the reasons in `diags`.
Pack *import_moodle_file(const char *path, MoodleReport *report, DiagList *diags);
// The same from memory; `name` is the FILE in messages.
Pack *import_moodle_memory(const char *name, const char *data, size_t len, MoodleReport *report, DiagList *diags);

typedef enum MoodleTextMode {
  MOODLE_TEXT_LINE,        // one line: every run of white space becomes one space
  MOODLE_TEXT_PARAGRAPHS,  // paragraphs and <br> become "\n", other white space one space
} MoodleTextMode;

// Moodle HTML reduced to plain text with libxml2's HTML parser: tags dropped,
// entities (named and numeric) decoded, <script>/<style> dropped, U+00A0
// treated as a space, then white space collapsed per `mode` and trimmed.
// *images (may be NULL) receives the number of <img> elements left out.
// Returns an owned string ("" for empty input).
char *moodle_html_to_text(const char *html, size_t len, MoodleTextMode mode, int *images);

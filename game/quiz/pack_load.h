#pragma once
// Loading and checking quiz packs (format version 1, quizzes/quizpack-1.xsd).
// Pack files are untrusted: every problem becomes a FILE:LINE diagnostic and
// nothing else happens (no network, no other file read, no crash).
//
// What the loader refuses outright, before libxml2 sees the bytes:
//   - files over PACK_MAX_FILE_BYTES;
//   - bytes that are not UTF-8 (the line of the first bad byte is given), and
//     NUL bytes (a UTF-16 file);
//   - the tokens "<!DOCTYPE" and "<!ENTITY" anywhere in the file, even inside
//     a comment or CDATA section: a pack never needs a DTD, and looking for
//     them everywhere cannot be fooled by a crafted comment or processing
//     instruction. Write &lt;!DOCTYPE to show the text itself.
//   - more than PACK_MAX_ATTRIBUTES attributes on an element, more than
//     PACK_MAX_CHILDREN children in an element (the root: PACK_MAX_ITEMS),
//     nesting deeper than PACK_MAX_DEPTH;
// At most DIAG_MAX_PER_FILE problems are listed, then "and N more"; past
// that many errors the checks stop.
// libxml2 then parses with the network off, no entity substitution, no DTD
// loading and no XInclude; an external entity loader that refuses everything
// is installed, and the document is validated against the schema that is
// built into the binary.
//
// Text is normalised when copied into the Pack: white space is trimmed and
// runs of it squashed to one space. In <description>, <explanation> and <tip>
// a blank line separates paragraphs; paragraphs are kept, joined by one '\n'.
// Text must not be empty after this (an empty <tip> is an error: leave it out).
//
// Limits, in characters (Unicode code points) after that normalisation:
enum {
  PACK_MAX_FILE_BYTES = 16 * 1024 * 1024,
  PACK_MAX_ITEMS = 100000,
  PACK_MAX_ID_CHARS = 64,             // pack and item ids
  PACK_MAX_TITLE_CHARS = 120,         // <title>
  PACK_MAX_DESCRIPTION_CHARS = 2000,  // <description>
  PACK_MAX_HEADLINE_CHARS = 500,      // <headline>
  PACK_LONG_HEADLINE_CHARS = 200,     // longer headlines get a warning
  PACK_MAX_EXPLANATION_CHARS = 5000,  // <explanation>
  PACK_MAX_TIP_CHARS = 1000,          // <tip>
  PACK_MAX_NAME_CHARS = 200,          // <author>, <license>, outlet="..."
  PACK_MAX_URL_CHARS = 2000,          // url="..."
  PACK_MAX_TAG_CHARS = 100,           // each <tag>
  PACK_MAX_TAGS = 32,                 // <tag> elements per item
  PACK_MAX_ROUND_QUESTIONS = 1000,    // <round questions="...">
  PACK_MIN_ROUND_SECONDS = 5,         // <round seconds="...">
  PACK_MAX_ROUND_SECONDS = 120,
  PACK_MIN_AGE_LOWEST = 3,  // <quizpack min-age="...">
  PACK_MIN_AGE_HIGHEST = 21,
  PACK_MAX_ORDER = 1000,  // <quizpack order="...">
};
// Limits on the markup, checked on the raw bytes before libxml2 parses them
// (its cost grows faster than the file with each of these):
enum {
  PACK_MAX_ATTRIBUTES = 32,  // per element, namespace declarations included
  PACK_MAX_CHILDREN = 100,   // child elements of any element but the root
  PACK_MAX_DEPTH = 16,       // elements nested in one another (a pack needs 3)
};

// <round real-share="0.6">: a fraction with at most two decimals, from 0.25 to
// 0.75 (a round never runs more than three answers alike, so a share outside
// this cannot be honoured); kept as Pack.round_real_percent. A share below
// 0.5 is warned about: more fakes than real headlines in practice raise
// distrust without better discernment (Altay et al. 2024).
enum {
  PACK_MIN_REAL_PERCENT = 25,
  PACK_MAX_REAL_PERCENT = 75,
  PACK_ADVISED_REAL_PERCENT = 50,  // warned below this
};

#include <stdbool.h>
#include <stddef.h>

#include "quiz/diag.h"
#include "quiz/pack.h"

// Loads, validates against the schema and checks `path`. Every problem is
// appended to `diags` (errors and warnings, all in one pass, in line order).
// Returns the pack (owned by the caller) when there is no error, else NULL.
Pack *pack_load_file(const char *path, DiagList *diags);
// The same from memory; `name` is used as FILE in messages. `data` need not
// be NUL-terminated.
Pack *pack_load_memory(const char *name, const char *data, size_t len, DiagList *diags);

// The check of `prebunk validate --strict`, and the one every importer
// uses to say a pack is "ready to play": loaded as above, then every warning
// counts as an error. Each problem is appended to `diags` once, as an error.
// Returns the pack (owned) only when there was no problem at all. *loads
// (may be NULL) is set to whether the pack loads without --strict (it had
// warnings at most).
Pack *pack_load_file_strict(const char *path, DiagList *diags, bool *loads);
Pack *pack_load_memory_strict(const char *name, const char *data, size_t len, DiagList *diags, bool *loads);

// A cheap look at the start of a file: false when it clearly is some other
// XML document (its root element is not <quizpack>), so a folder scan can
// skip it instead of listing it as a broken pack. True when unsure.
bool pack_load_sniff(const char *head, size_t len);

// The compiled schema is built on first use and kept for the process (the
// loader's only state, guarded by a mutex). Frees it; loading again later
// builds it again. Call once at exit so leak checkers stay quiet.
void pack_loader_shutdown(void);

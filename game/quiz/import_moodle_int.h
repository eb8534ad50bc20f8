#pragma once
// Internal to the Moodle XML importer (import_moodle*.c). Not part of the
// quiz core's API.
//   import_moodle.c           parsing, categories, true/false questions, report
//   import_moodle_html.c      Moodle HTML reduced to plain text
//   import_moodle_feedback.c  feedback: verdicts, combining, Source: and Tip: lines

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "quiz/diag.h"
#include "quiz/import_moodle.h"
#include "quiz/pack.h"
#include "quiz/pack_write.h"

// Marks a paragraph break while HTML text is gathered; control characters
// are dropped from the text itself, so it cannot clash with content.
#define MOODLE_BREAK '\x01'

typedef struct Import {
  const char *name;  // FILE in messages
  DiagList *diags;
  MoodleReport *report;
  Pack *pack;
  PackIdSet *ids;
  char **category_tags;  // tags of the current category (owned)
  size_t category_tag_count;
  int parse_errors;
  bool saw_doctype;
} Import;

// Moodle has no field for where and when a headline was published, so the
// importer reads it from a paragraph of the feedback of the form
//   Source: Outlet, YYYY-MM-DD, https://...
// (date also YYYY-MM or YYYY; the url optional; the outlet may hold commas:
// "CNN, via WWSB"). Nothing is guessed: a line that does not fit is a
// warning and gives no source.
typedef struct SourceLine {
  char *outlet, *date, *url;  // owned; url NULL when absent
  int line;
} SourceLine;

typedef struct Sources {
  SourceLine *lines;
  size_t count;
  bool malformed;  // some Source line was warned about
} Sources;

// Text helpers (import_moodle_html.c).
bool moodle_is_ws(char c);
size_t moodle_utf8_chars(const char *s);
// Cuts `s` in place after `max` characters; returns it.
char *moodle_cut_chars(char *s, size_t max);
// White space squashed per `mode`, MOODLE_BREAK read as a paragraph; owned.
char *moodle_normalise(const char *raw, MoodleTextMode mode);

// Moodle XML helpers (import_moodle.c); returned strings are owned.
bool moodle_has_name(const xmlNode *n, const char *name);
xmlNodePtr moodle_child(const xmlNode *parent, const char *name);
int moodle_line_of(const xmlNode *n);
char *moodle_content_of(const xmlNode *n);
char *moodle_text_of(const xmlNode *n);
char *moodle_attr_of(const xmlNode *n, const char *name);

// Feedback (import_moodle_feedback.c).
// The non-empty parts joined by '\n', repeats left out; owned.
char *moodle_combine_feedback(char *const *parts, size_t count);
// Drops verdicts on the student's choice ("Correct!") at the start; in place.
char *moodle_strip_verdict(char *text);
bool moodle_fraction_is_full(const char *s);
bool moodle_has_prefix_nocase(const char *s, const char *prefix);
void moodle_sources_clear(Sources *src);
// The tip of a feedback text: a paragraph starting "Tip:" (any case) and the
// paragraphs after it, taken out of `text` (which keeps what came before).
// Owned, or NULL when there is none.
char *moodle_take_tip(char *text);
// Takes the "Source:" paragraphs out of `text` (the plain text of `field`).
void moodle_take_sources(Import *im, const xmlNode *field, char *text, const char *label, Sources *src);
// Gives the item the source its Source lines agree on.
void moodle_apply_sources(Import *im, const char *label, const Sources *src, PackItem *it);

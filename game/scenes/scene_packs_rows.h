#pragma once
// The pack chooser's rows (scene_packs.c): what the list and the details
// card say about each pack of the library, read once when the screen opens
// and again when it comes back on top (scores, progress and the pairs left
// change with every round).

#include <stdbool.h>
#include <stddef.h>

#include "quiz/pack_library.h"
#include "scenes/app.h"

typedef struct PackRow {
  const PackEntry *entry;  // borrowed from the library
  char *title;             // pack title, or the file name of a broken pack
  char *meta;              // "English · 24 questions" or the first error
  char *best;              // best-score line for the details card (NULL when none)
  char *progress;          // "24 of 32 seen" for the current player (NULL without one)
  char *pairs_line;        // whether a pair round is on offer, and why not (NULL for a broken pack)
  bool pairs;              // a pair round can start now (scene_pair_available for this pack)
} PackRow;

// One row per library entry, in the library's order (owned: free with
// pack_rows_free; *count rows, the array never NULL).
PackRow *pack_rows_build(App *app, size_t *count);
// Frees the rows and the array; NULL is a no-op.
void pack_rows_free(PackRow *rows, size_t count);
// A language's name for people (translated) for the tags we ship; others
// show the tag itself. Borrowed.
const char *pack_lang_name(const char *tag);

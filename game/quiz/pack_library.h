#pragma once
// The packs the game can offer: every *.xml pack in a list of folders (the
// bundled quizzes/ and the user's packs/) plus single files given with
// --pack FILE. Each file is loaded and checked; a broken pack stays in the
// list with its diagnostics (shown greyed out with its first error) and never
// stops the others from loading.
//
// Order: bundled packs first, then the user's, then single files; within a
// group practice packs before assessments, then packs for everyone before
// age-banded ones (min-age, youngest band first), then by the pack's
// order="N" (lowest first; packs without one after), then by title (case-insensitive),
// broken packs last by file name, ties by path.

#include <stdbool.h>
#include <stddef.h>

#include "quiz/diag.h"
#include "quiz/pack.h"

typedef enum PackOrigin {
  PACK_ORIGIN_BUNDLED,  // shipped with the game (quizzes/)
  PACK_ORIGIN_USER,     // the user's packs/ folder
  PACK_ORIGIN_FILE,     // named on the command line (--pack FILE)
} PackOrigin;

typedef struct PackEntry {
  char *path;  // the file, as found or given
  PackOrigin origin;
  Pack *pack;         // NULL when the file has errors
  DiagList diags;     // everything the loader said, plus library warnings
  bool duplicate_id;  // another entry earlier in the list has the same pack id
} PackEntry;

enum {
  // A folder with more *.xml files than this is cut short (with a warning):
  // a stray download folder must not stall the start of the game.
  PACK_LIBRARY_MAX_FILES_PER_DIR = 1000,
  // And with more bytes of packs than this (10 packs of 15 MB gave an 8.4 s
  // start and 492 MB): files past it, in name order, are listed as not
  // loaded, with a warning naming each, instead of being read.
  PACK_LIBRARY_MAX_DIR_BYTES = 48 * 1024 * 1024,
};

typedef struct PackLibrary PackLibrary;

PackLibrary *pack_library_create(void);
void pack_library_destroy(PackLibrary *lib);  // NULL is a no-op

// Loads every *.xml file in `dir` (not recursive; hidden files and files whose
// root element clearly is not <quizpack> are skipped). A missing folder is not
// an error (the user's packs/ may not exist yet). Returns how many files were
// added. Problems with the folder itself go to pack_library_diags().
size_t pack_library_add_dir(PackLibrary *lib, const char *dir, PackOrigin origin);
// Loads one file (PACK_ORIGIN_FILE). A file already in the library is not
// loaded twice. Returns its entry (borrowed, valid until the library is
// destroyed; entries are never moved or freed before that).
const PackEntry *pack_library_add_file(PackLibrary *lib, const char *path);

size_t pack_library_count(const PackLibrary *lib);
// The i-th entry in display order (borrowed).
const PackEntry *pack_library_get(const PackLibrary *lib, size_t i);
// The first entry in display order whose pack loaded and has this id, or NULL.
const PackEntry *pack_library_find(const PackLibrary *lib, const char *pack_id);
// Problems with folders themselves (unreadable, too many files). Borrowed.
const DiagList *pack_library_diags(const PackLibrary *lib);

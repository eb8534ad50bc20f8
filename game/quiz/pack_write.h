#pragma once
// Writing quiz packs (format version 1, quizzes/quizpack-1.xsd) and small
// helpers for tools that build packs in memory (the importers).
// The writer emits what the model holds; it does not check content rules
// (balance, sources): pack_load_* is the one place that judges a pack.

#include <stdbool.h>
#include <stddef.h>

#include "quiz/pack.h"
#include "quiz/pack_load.h"  // PACK_MAX_ID_CHARS

// The pack as pretty-printed UTF-8 XML, elements in schema order, text
// escaped by libxml2. Optional fields that are NULL are left out; a missing
// explanation is written as an empty <explanation/> so the author sees where
// to write one. A '\n' in a description, explanation or tip (the model's
// paragraph break) is written as a blank line, which is how the loader reads
// paragraphs, so load -> write -> load gives the same pack.
// Returns an owned string, or NULL when a string in the pack is not
// well-formed UTF-8 or holds a character XML cannot carry (a control
// character other than tab, newline and carriage return; U+FFFE; U+FFFF);
// then *err (owned; pass NULL to ignore) says which field.
char *pack_write_xml_checked(const Pack *pack, char **err);
// The same for a pack known to be clean (NULL in the rare case above).
char *pack_write_xml(const Pack *pack);
// Writes the XML to `path` atomically (temporary file + rename), replacing any
// existing file. On failure *err (owned) says why.
bool pack_write_file(const Pack *pack, const char *path, char **err);

// True for a valid item or pack id: 1..PACK_MAX_ID_CHARS letters, digits, '-', '_'.
bool pack_id_valid(const char *id);
// A readable id made from free text: ASCII letters lower-cased, digits kept,
// every other run of characters becomes one '-', cut at a word boundary to at
// most `max_len` bytes (clamped to PACK_MAX_ID_CHARS). Owned; "" when the text
// has no ASCII letter or digit (the caller picks a fallback).
char *pack_id_from_text(const char *text, size_t max_len);
// The ids already given out while building a pack, so new ones stay unique.
typedef struct PackIdSet PackIdSet;

PackIdSet *pack_id_set_create(void);
void pack_id_set_destroy(PackIdSet *set);  // NULL is a no-op
// Claims `id` when it is free, else the first free "id-2", "id-3", ... (the
// base cut so the result stays within PACK_MAX_ID_CHARS). Returns the claimed id
// (owned by the caller).
char *pack_id_set_claim(PackIdSet *set, const char *id);

#pragma once
// The quiz pack model: what a pack file says, copied into plain structs.
// Loading, checking and writing live in pack_load.h / pack_write.h.
// No SDL here: the quiz core is pure C.

#include <stdbool.h>
#include <stddef.h>

#include "quiz/technique.h"

typedef enum PackAnswer {
  PACK_ANSWER_REAL,
  PACK_ANSWER_FABRICATED,
} PackAnswer;

typedef enum PackKind {
  PACK_KIND_PRACTICE,
  PACK_KIND_ASSESSMENT,  // a fixed test (MIST-20): no feedback until the end
} PackKind;

typedef struct PackItem {
  char *id;
  PackAnswer answer;
  char *headline;
  char *outlet;  // NULL when absent
  char *date;    // ISO 8601 "YYYY", "YYYY-MM" or "YYYY-MM-DD"; NULL when absent
  char *url;     // NULL when absent
  char *explanation;
  char *tip;   // NULL when absent
  char *lang;  // item's own xml:lang, NULL to use the pack's
  TechniqueSet techniques;
  // pair="topic-id": the item's partner in "Which one is real?" rounds, the
  // one item of the other answer with the same pair id; NULL when unpaired.
  char *pair;
  char **tags;  // free-text labels (e.g. imported Moodle categories)
  size_t tag_count;
  int line;  // line of <item> in the file, for messages
} PackItem;

typedef struct Pack {
  char *path;  // file it was loaded from (NULL when built in memory)
  char *id;
  int version;
  char *lang;  // BCP 47 tag from xml:lang
  PackKind kind;
  // min-age="14": the youngest players the pack is written for (an age
  // band, e.g. for content on hate speech); 0 when the pack is for everyone.
  int min_age;
  // order="1": where the pack is listed among packs of its kind and age
  // band, lowest first (the starter pack is 1); 0 when unset (after those
  // with one, by title).
  int order;
  char *title;
  char *description;
  char *author;         // NULL when absent
  char *license;        // NULL when absent
  int round_questions;  // 0 when the pack sets no default
  int round_seconds;    // 0 when the pack sets no default
  // <round real-share="0.6">: practice share of real items in percent
  // (1..100); 0 when the pack sets none (the round's default applies).
  int round_real_percent;
  PackItem *items;
  size_t item_count;
  size_t item_cap;
} Pack;

Pack *pack_create(void);
void pack_destroy(Pack *pack);  // NULL is a no-op
// Appends a zeroed item and returns it (borrowed; valid until the next add).
PackItem *pack_add_item(Pack *pack);
void pack_item_add_tag(PackItem *item, const char *tag);
size_t pack_count_answer(const Pack *pack, PackAnswer answer);
// Number of distinct techniques used across the pack.
int pack_technique_count(const Pack *pack);
const PackItem *pack_find_item(const Pack *pack, const char *id);
// The item's language, falling back to the pack's.
const char *pack_item_lang(const Pack *pack, const PackItem *item);
const char *pack_answer_name(PackAnswer answer);  // "real" / "fabricated"

// One pair for "Which one is real?": two items of one topic (borrowed).
typedef struct PackPair {
  const char *id;  // the pair id
  const PackItem *real;
  const PackItem *fabricated;
} PackPair;

// The pack's well-formed pairs, in file order of their first item: pair
// ids held by exactly one real and one fabricated item (the loader refuses
// any other use of pair; a pack built in memory may have them and they are
// skipped here). *out is owned by the caller (free), NULL when there are none.
size_t pack_pairs(const Pack *pack, PackPair **out);

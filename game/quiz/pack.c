#include "quiz/pack.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"

Pack *pack_create(void) {
  return xcalloc(1, sizeof(Pack));
}

static void item_free(PackItem *it) {
  free(it->id);
  free(it->headline);
  free(it->outlet);
  free(it->date);
  free(it->url);
  free(it->explanation);
  free(it->tip);
  free(it->lang);
  free(it->pair);
  for (size_t i = 0; i < it->tag_count; i++) {
    free(it->tags[i]);
  }
  free(it->tags);
}

void pack_destroy(Pack *pack) {
  if (!pack) {
    return;
  }
  for (size_t i = 0; i < pack->item_count; i++) {
    item_free(&pack->items[i]);
  }
  free(pack->items);
  free(pack->path);
  free(pack->id);
  free(pack->lang);
  free(pack->title);
  free(pack->description);
  free(pack->author);
  free(pack->license);
  free(pack);
}

PackItem *pack_add_item(Pack *pack) {
  pack->items = xgrow(pack->items, &pack->item_cap, pack->item_count + 1, sizeof *pack->items);
  PackItem *it = &pack->items[pack->item_count++];
  memset(it, 0, sizeof *it);
  return it;
}

void pack_item_add_tag(PackItem *item, const char *tag) {
  item->tags = xrealloc(item->tags, (item->tag_count + 1) * sizeof *item->tags);
  item->tags[item->tag_count++] = xstrdup(tag);
}

size_t pack_count_answer(const Pack *pack, PackAnswer answer) {
  size_t n = 0;
  for (size_t i = 0; i < pack->item_count; i++) {
    n += pack->items[i].answer == answer;
  }
  return n;
}

int pack_technique_count(const Pack *pack) {
  TechniqueSet all = 0;
  for (size_t i = 0; i < pack->item_count; i++) {
    all |= pack->items[i].techniques;
  }
  int n = 0;
  for (; all; all &= all - 1) {
    n++;
  }
  return n;
}

const PackItem *pack_find_item(const Pack *pack, const char *id) {
  for (size_t i = 0; i < pack->item_count; i++) {
    if (strcmp(pack->items[i].id, id) == 0) {
      return &pack->items[i];
    }
  }
  return NULL;
}

const char *pack_item_lang(const Pack *pack, const PackItem *item) {
  return item->lang ? item->lang : (pack->lang ? pack->lang : "en");
}

const char *pack_answer_name(PackAnswer answer) {
  return answer == PACK_ANSWER_REAL ? "real" : "fabricated";
}

// The pair's two members, or false when `id` is not held by exactly one
// real and one fabricated item.
static bool pair_members(const Pack *pack, const char *id, PackPair *out) {
  size_t real = 0, fake = 0;
  *out = (PackPair){.id = id};
  for (size_t i = 0; i < pack->item_count; i++) {
    const PackItem *it = &pack->items[i];
    if (it->pair && strcmp(it->pair, id) == 0) {
      if (it->answer == PACK_ANSWER_REAL) {
        real++;
        out->real = it;
      } else {
        fake++;
        out->fabricated = it;
      }
    }
  }
  return real == 1 && fake == 1;
}

size_t pack_pairs(const Pack *pack, PackPair **out) {
  *out = NULL;
  size_t n = 0;
  for (size_t i = 0; i < pack->item_count; i++) {
    const PackItem *it = &pack->items[i];
    bool first = it->pair != NULL;
    for (size_t j = 0; first && j < i; j++) {
      first = !pack->items[j].pair || strcmp(pack->items[j].pair, it->pair) != 0;
    }
    PackPair pair;
    if (first && pair_members(pack, it->pair, &pair)) {
      *out = xrealloc(*out, (n + 1) * sizeof **out);
      (*out)[n++] = pair;
    }
  }
  return n;
}

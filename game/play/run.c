// The run of the game: the fabricated headlines shown since it started.

#include "play/session.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "play/session_internal.h"

struct PlayRun {
  char **keys;  // "pack-id\x1fitem-id" of each fabricated item shown
  size_t count, cap;
};

PlayRun *play_run_create(void) {
  return xcalloc(1, sizeof(PlayRun));
}

void play_run_destroy(PlayRun *run) {
  if (!run) {
    return;
  }
  for (size_t i = 0; i < run->count; i++) {
    free(run->keys[i]);
  }
  free(run->keys);
  free(run);
}

static bool has_key(const PlayRun *run, const char *pack_id, const char *item_id) {
  size_t plen = strlen(pack_id);
  for (size_t i = 0; i < run->count; i++) {
    const char *k = run->keys[i];
    if (strncmp(k, pack_id, plen) == 0 && k[plen] == '\x1f' && strcmp(k + plen + 1, item_id) == 0) {
      return true;
    }
  }
  return false;
}

bool play_run_fake_shown(const PlayRun *run, const char *pack_id, const char *item_id) {
  return run && pack_id && item_id && has_key(run, pack_id, item_id);
}

void play_run_note_shown(PlayRun *run, const Pack *pack, const PackItem *item) {
  if (!run || !pack->id || !item->id || item->answer != PACK_ANSWER_FABRICATED || has_key(run, pack->id, item->id)) {
    return;
  }
  if (run->count == run->cap) {
    run->cap = run->cap ? 2 * run->cap : 32;
    run->keys = xrealloc(run->keys, run->cap * sizeof *run->keys);
  }
  run->keys[run->count++] = xasprintf("%s\x1f%s", pack->id, item->id);
}

size_t play_run_fake_count(const PlayRun *run) {
  return run ? run->count : 0;
}

size_t play_run_excluded(const PlayRun *run, const char *pack_id, const char ***ids) {
  *ids = NULL;
  if (!run || !pack_id || run->count == 0) {
    return 0;
  }
  size_t plen = strlen(pack_id), n = 0;
  *ids = xmalloc(run->count * sizeof **ids);
  for (size_t i = 0; i < run->count; i++) {
    const char *k = run->keys[i];
    if (strncmp(k, pack_id, plen) == 0 && k[plen] == '\x1f') {
      (*ids)[n++] = k + plen + 1;
    }
  }
  return n;
}

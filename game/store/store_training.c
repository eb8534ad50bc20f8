// Training state (schema 4): the confidence tap and the technique question
// stored with their answers, when each player last practised and how far
// their spaced boosters have gone, and per-technique accuracy.

#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"

// Runs the bound one-row UPDATE `st` (finalized here); false when it failed
// (`failed`, a translated clause, then SQLite's reason) or changed no row
// (`missing`).
static bool update_one(Store *store, sqlite3_stmt *st, const char *failed, const char *missing, char **err) {
  if (!st) {
    return false;
  }
  bool ok = sqlite3_step(st) == SQLITE_DONE;
  if (!ok) {
    store_set_err(err, "%s: %s", failed, sqlite3_errmsg(store->db));
    store_note_write_failure(store);
  } else if (sqlite3_changes(store->db) == 0) {
    store_set_err(err, "%s", missing);
    ok = false;
  }
  sqlite3_finalize(st);
  return ok;
}

bool store_answer_set_confidence(Store *store, int64_t round_id, int position, StoreConfidence confidence, char **err) {
  if ((unsigned)confidence > STORE_CONFIDENCE_GUESS) {
    store_set_err(err, "%s", _("cannot save the confidence: invalid value"));
    return false;
  }
  sqlite3_stmt *st =
      store_db_prepare(store->db, "UPDATE answers SET confidence = ?3 WHERE round_id = ?1 AND position = ?2", err);
  if (st) {
    sqlite3_bind_int64(st, 1, round_id);
    sqlite3_bind_int(st, 2, position);
    if (confidence == STORE_CONFIDENCE_NONE) {
      sqlite3_bind_null(st, 3);
    } else {
      sqlite3_bind_text(st, 3, store_confidence_name(confidence), -1, SQLITE_STATIC);
    }
  }
  return update_one(store, st, _("cannot save the confidence"),
                    _("cannot save the confidence: there is no such answer"), err);
}

bool store_answer_set_technique(Store *store, int64_t round_id, int position, const char *asked, const char *given,
                                char **err) {
  if (!asked || !*asked || (given && !*given)) {
    store_set_err(err, "%s", _("cannot save the technique answer: invalid value"));
    return false;
  }
  sqlite3_stmt *st = store_db_prepare(
      store->db, "UPDATE answers SET technique_asked = ?3, technique_given = ?4 WHERE round_id = ?1 AND position = ?2",
      err);
  if (st) {
    sqlite3_bind_int64(st, 1, round_id);
    sqlite3_bind_int(st, 2, position);
    if (given) {
      sqlite3_bind_text(st, 3, asked, -1, SQLITE_STATIC);
      sqlite3_bind_text(st, 4, given, -1, SQLITE_STATIC);
    } else {  // skipped: as if never asked
      sqlite3_bind_null(st, 3);
      sqlite3_bind_null(st, 4);
    }
  }
  return update_one(store, st, _("cannot save the technique answer"),
                    _("cannot save the technique answer: there is no such answer"), err);
}

bool store_practice_state(Store *store, int64_t player_id, StorePracticeState *out, char **err) {
  *out = (StorePracticeState){0};
  sqlite3_stmt *st =
      store_db_prepare(store->db, "SELECT last_practised_ms, boosters_done FROM players WHERE id = ?1", err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, player_id);
  int rc = sqlite3_step(st);
  bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
  if (rc == SQLITE_ROW) {
    out->last_practised_ms = sqlite3_column_int64(st, 0);
    out->boosters_done = sqlite3_column_int(st, 1);
  } else if (!ok) {
    store_set_err(err, "%s", sqlite3_errmsg(store->db));
  }
  sqlite3_finalize(st);
  return ok;
}

bool store_practice_mark(Store *store, int64_t player_id, int64_t now_ms, char **err) {
  sqlite3_stmt *st =
      store_db_prepare(store->db, "UPDATE players SET last_practised_ms = ?2, boosters_done = 0 WHERE id = ?1", err);
  if (st) {
    sqlite3_bind_int64(st, 1, player_id);
    sqlite3_bind_int64(st, 2, now_ms);
  }
  return update_one(store, st, _("cannot save the practice time"),
                    _("cannot save the practice time: there is no such player"), err);
}

bool store_booster_mark(Store *store, int64_t player_id, int done, char **err) {
  if (done < 1) {
    store_set_err(err, "%s", _("cannot save the booster: invalid step"));
    return false;
  }
  sqlite3_stmt *st = store_db_prepare(store->db, "UPDATE players SET boosters_done = ?2 WHERE id = ?1", err);
  if (st) {
    sqlite3_bind_int64(st, 1, player_id);
    sqlite3_bind_int(st, 2, done);
  }
  return update_one(store, st, _("cannot save the booster"), _("cannot save the booster: there is no such player"),
                    err);
}

// ---- per-technique accuracy --------------------------------------------------

typedef struct TechniqueTally {
  StoreTechniqueStat *items;
  size_t count, cap;
} TechniqueTally;

static StoreTechniqueStat *tally_get(TechniqueTally *t, const char *name, size_t len) {
  for (size_t i = 0; i < t->count; i++) {
    if (strlen(t->items[i].name) == len && memcmp(t->items[i].name, name, len) == 0) {
      return &t->items[i];
    }
  }
  if (t->count == t->cap) {
    t->cap = t->cap ? 2 * t->cap : 16;
    t->items = xrealloc(t->items, t->cap * sizeof *t->items);
  }
  StoreTechniqueStat *s = &t->items[t->count++];
  *s = (StoreTechniqueStat){.name = xstrndup(name, len)};
  return s;
}

static int stat_cmp(const void *a, const void *b) {
  return strcmp(((const StoreTechniqueStat *)a)->name, ((const StoreTechniqueStat *)b)->name);
}

bool store_technique_stats(Store *store, int64_t player_id, StoreTechniqueStatList *out, char **err) {
  *out = (StoreTechniqueStatList){0};
  sqlite3_stmt *st = store_db_prepare(store->db,
                                      "SELECT a.techniques, a.correct, a.technique_asked, a.technique_given"
                                      " FROM answers a JOIN rounds r ON r.id = a.round_id WHERE r.player_id = ?1"
                                      "  AND (a.techniques <> '' OR a.technique_asked IS NOT NULL)",
                                      err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, player_id);
  TechniqueTally t = {0};
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *list = (const char *)sqlite3_column_text(st, 0);
    bool correct = sqlite3_column_int(st, 1) != 0;
    for (const char *p = list ? list : ""; *p;) {
      size_t len = strcspn(p, ";");
      if (len > 0) {
        StoreTechniqueStat *s = tally_get(&t, p, len);
        s->verdicts++;
        s->verdicts_correct += correct;
      }
      p += len + (p[len] == ';');
    }
    const char *asked = (const char *)sqlite3_column_text(st, 2);
    const char *given = (const char *)sqlite3_column_text(st, 3);
    if (asked && *asked && given) {
      StoreTechniqueStat *s = tally_get(&t, asked, strlen(asked));
      s->questions++;
      s->questions_correct += strcmp(asked, given) == 0;
    }
  }
  bool ok = rc == SQLITE_DONE;
  if (!ok) {
    store_set_err(err, "%s", sqlite3_errmsg(store->db));
  }
  sqlite3_finalize(st);
  if (!ok) {
    out->items = t.items;
    out->count = t.count;
    store_technique_stat_list_free(out);
    return false;
  }
  if (t.count > 1) {
    qsort(t.items, t.count, sizeof *t.items, stat_cmp);
  }
  out->items = t.items;
  out->count = t.count;
  return true;
}

void store_technique_stat_list_free(StoreTechniqueStatList *list) {
  for (size_t i = 0; i < list->count; i++) {
    free(list->items[i].name);
  }
  free(list->items);
  *list = (StoreTechniqueStatList){0};
}

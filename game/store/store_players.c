// Players: name cleaning, the case-folded uniqueness key, lookups.

#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"

// ---- player names ------------------------------------------------------------

char *store_player_name_clean(const char *raw, char **err) {
  if (!raw || !utf8_valid(raw, strlen(raw))) {
    store_set_err(err, "%s", _("The name is not valid text (UTF-8)."));
    return NULL;
  }
  char *name = str_squash_space(xstrdup(raw));
  size_t count = 0;
  size_t len = strlen(name);
  for (size_t i = 0; i < len;) {
    size_t adv = 0;
    int32_t c = utf8_decode(name + i, len - i, &adv);
    i += adv;
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      store_set_err(err, "%s", _("The name cannot contain control characters."));
      free(name);
      return NULL;
    }
    // A bidi control would make the name display as another one (issue #11).
    if (utf8_is_bidi_control(c) || utf8_is_zero_width(c)) {
      store_set_err(err, "%s", _("The name cannot contain invisible characters that change how it displays."));
      free(name);
      return NULL;
    }
    count++;
  }
  if (count == 0) {
    store_set_err(err, "%s", _("Please type a name."));
    free(name);
    return NULL;
  }
  if (count > STORE_PLAYER_NAME_MAX) {
    store_set_err(err, _("The name is too long (at most %d characters)."), STORE_PLAYER_NAME_MAX);
    free(name);
    return NULL;
  }
  return name;
}

// The uniqueness key: NFC, case-folded (utf8proc through base/utf8.h), so
// "Élodie" typed with a combining accent, "ÉLODIE" and "élodie" are one player.
char *store_name_key(const char *clean) {
  char *key = utf8_fold_key(clean);
  return key ? key : xstrdup(clean);
}

// ---- players -----------------------------------------------------------------

bool store_player_get_or_create(Store *store, const char *name, int64_t now_ms, int64_t *player_id, char **err) {
  char *clean = store_player_name_clean(name, err);
  if (!clean) {
    return false;
  }
  char *key = store_name_key(clean);
  bool ok = false;
  sqlite3_stmt *ins = store_db_prepare(store->db,
                                       "INSERT INTO players (name, name_key, created_ms) VALUES (?1, ?2, ?3)"
                                       " ON CONFLICT (name_key) DO NOTHING",
                                       err);
  sqlite3_stmt *sel = store_db_prepare(store->db, "SELECT id FROM players WHERE name_key = ?1", err);
  if (ins && sel) {
    sqlite3_bind_text(ins, 1, clean, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 3, now_ms);
    if (sqlite3_step(ins) != SQLITE_DONE) {
      store_set_err(err, _("cannot save the player: %s"), sqlite3_errmsg(store->db));
      store_note_write_failure(store);
    } else {
      sqlite3_bind_text(sel, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step(sel) == SQLITE_ROW) {
        *player_id = sqlite3_column_int64(sel, 0);
        ok = true;
      } else {
        store_set_err(err, _("cannot find the player: %s"), sqlite3_errmsg(store->db));
      }
    }
  }
  sqlite3_finalize(ins);
  sqlite3_finalize(sel);
  free(clean);
  free(key);
  return ok;
}

bool store_player_find(Store *store, const char *name, int64_t *player_id, char **err) {
  *player_id = 0;
  char *clean = store_player_name_clean(name, NULL);
  if (!clean) {
    return true;  // a name nobody can have: nobody has it
  }
  char *key = store_name_key(clean);
  sqlite3_stmt *sel = store_db_prepare(store->db, "SELECT id FROM players WHERE name_key = ?1", err);
  bool ok = sel != NULL;
  if (ok) {
    sqlite3_bind_text(sel, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(sel);
    if (rc == SQLITE_ROW) {
      *player_id = sqlite3_column_int64(sel, 0);
    } else if (rc != SQLITE_DONE) {
      store_set_err(err, _("cannot find the player: %s"), sqlite3_errmsg(store->db));
      ok = false;
    }
  }
  sqlite3_finalize(sel);
  free(key);
  free(clean);
  return ok;
}

static void player_read(sqlite3_stmt *st, void *elem) {
  StorePlayer *p = elem;
  p->id = sqlite3_column_int64(st, 0);
  p->name = store_text_col(st, 1);
  p->created_ms = sqlite3_column_int64(st, 2);
  p->last_played_ms = sqlite3_column_int64(st, 3);
}

static void player_clear(void *elem) {
  StorePlayer *p = elem;
  free(p->name);
}

static const StoreRowType PLAYER_ROWS = {sizeof(StorePlayer), player_read, player_clear};

bool store_recent_players(Store *store, size_t limit, StorePlayerList *out, char **err) {
  out->items = NULL;
  out->count = 0;
  sqlite3_stmt *st = store_db_prepare(store->db,
                                      "SELECT p.id, " STORE_SQL_SHOWN_NAME
                                      ", p.created_ms,"
                                      "  MAX(p.created_ms, COALESCE(MAX(r.started_ms), 0)) AS last"
                                      " FROM players p LEFT JOIN rounds r ON r.player_id = p.id"
                                      " GROUP BY p.id ORDER BY last DESC, p.id DESC LIMIT ?1",
                                      err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, store_limit_arg(limit));
  void *items;
  bool ok = store_query_rows(store, st, &PLAYER_ROWS, &items, &out->count, err);
  out->items = items;
  return ok;
}

void store_player_list_free(StorePlayerList *list) {
  store_rows_free(&PLAYER_ROWS, list->items, list->count);
  *list = (StorePlayerList){0};
}

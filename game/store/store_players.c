// Players: name cleaning, the case-folded uniqueness key, lookups.

#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"

// ---- player names ------------------------------------------------------------

// Decodes one code point of well-formed UTF-8 (checked before) and advances *s.
static uint32_t utf8_next(const char **s) {
  const unsigned char *p = (const unsigned char *)*s;
  uint32_t c;
  int extra;
  if (p[0] < 0x80) {
    c = p[0];
    extra = 0;
  } else if (p[0] < 0xE0) {
    c = p[0] & 0x1Fu;
    extra = 1;
  } else if (p[0] < 0xF0) {
    c = p[0] & 0x0Fu;
    extra = 2;
  } else {
    c = p[0] & 0x07u;
    extra = 3;
  }
  for (int i = 1; i <= extra; i++) {
    c = (c << 6) | (p[i] & 0x3Fu);
  }
  *s += 1 + extra;
  return c;
}

static void utf8_put(StrBuf *b, uint32_t c) {
  char out[4];
  size_t n;
  if (c < 0x80) {
    out[0] = (char)c;
    n = 1;
  } else if (c < 0x800) {
    out[0] = (char)(0xC0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3F));
    n = 2;
  } else if (c < 0x10000) {
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    n = 3;
  } else {
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    n = 4;
  }
  strbuf_append_n(b, out, n);
}

// Lower case for the scripts a class list is likely to use. SQLite's NOCASE
// only folds ASCII, which would let "ÉLODIE" and "élodie" be two players.
static uint32_t fold_case(uint32_t c) {
  if (c >= 'A' && c <= 'Z') {
    return c + 0x20;
  }
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {  // Latin-1 capitals (not ×)
    return c + 0x20;
  }
  if (c == 0x178) {  // Ÿ
    return 0xFF;
  }
  // Latin Extended-A pairs capital/small alternate, starting even or odd.
  if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) {
    return (c % 2 == 0) ? c + 1 : c;
  }
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
    return (c % 2 == 1) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) {  // Greek capitals
    return c + 0x20;
  }
  if (c >= 0x410 && c <= 0x42F) {  // Cyrillic А-Я
    return c + 0x20;
  }
  if (c >= 0x400 && c <= 0x40F) {  // Cyrillic Ѐ-Џ
    return c + 0x50;
  }
  return c;
}

char *store_player_name_clean(const char *raw, char **err) {
  if (!raw || !str_utf8_valid(raw, strlen(raw))) {
    store_set_err(err, "%s", _("The name is not valid text (UTF-8)."));
    return NULL;
  }
  char *name = str_squash_space(xstrdup(raw));
  size_t count = 0;
  for (const char *p = name; *p;) {
    uint32_t c = utf8_next(&p);
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      store_set_err(err, "%s", _("The name cannot contain control characters."));
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

// The uniqueness key of a cleaned name. Owned.
char *store_name_key(const char *clean) {
  StrBuf b = {0};
  for (const char *p = clean; *p;) {
    utf8_put(&b, fold_case(utf8_next(&p)));
  }
  return strbuf_take(&b);
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
                                      "SELECT p.id, p.name, p.created_ms,"
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

// Read queries: rounds and answers by filter, best scores, high-score
// tables and per-item history.

#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"

// ---- queries -----------------------------------------------------------------

// WHERE clause over rounds r JOIN players p for a filter; binds by name.
static void filter_where(StrBuf *sql, const StoreFilter *f) {
  strbuf_append(sql, " WHERE 1");
  if (f->player_id) {
    strbuf_append(sql, " AND r.player_id = :player_id");
  }
  if (f->player_name) {
    strbuf_append(sql, " AND p.name_key = :name_key");
  }
  if (f->pack_id) {
    strbuf_append(sql, " AND r.pack_id = :pack_id");
  }
  if (f->round_id) {
    strbuf_append(sql, " AND r.id = :round_id");
  }
  if (f->completed_only) {
    strbuf_append(sql, " AND r.status = 'completed'");
  }
}

static void filter_order(StrBuf *sql, const StoreFilter *f) {
  strbuf_append(sql,
                f->oldest_first ? " ORDER BY r.started_ms ASC, r.id ASC" : " ORDER BY r.started_ms DESC, r.id DESC");
}

// "SELECT <columns>" of the rounds (r, joined with their players p) that
// `f` picks, in its order and up to its limit.
static void filter_select_rounds(StrBuf *sql, const char *columns, const StoreFilter *f) {
  strbuf_appendf(sql, "SELECT %s FROM rounds r JOIN players p ON p.id = r.player_id", columns);
  filter_where(sql, f);
  filter_order(sql, f);
  if (f->limit) {
    strbuf_append(sql, " LIMIT :limit");
  }
}

static void filter_bind(sqlite3_stmt *st, const StoreFilter *f) {
  store_bind_int64_opt(st, ":player_id", f->player_id);
  if (f->player_name) {
    // A name that cannot be a player's matches nobody.
    char *clean = store_player_name_clean(f->player_name, NULL);
    char *key = clean ? store_name_key(clean) : xstrdup("\x01");
    store_bind_text_opt(st, ":name_key", key);
    free(clean);
    free(key);
  }
  store_bind_text_opt(st, ":pack_id", f->pack_id);
  store_bind_int64_opt(st, ":round_id", f->round_id);
  store_bind_int64_opt(st, ":limit", store_limit_arg(f->limit));
}

// store_query_rows() for `sql` (freed here) with the values of `f` bound.
static bool filter_query(Store *store, StrBuf *sql, const StoreFilter *f, const StoreRowType *type, void **items,
                         size_t *count, char **err) {
  sqlite3_stmt *st = store_db_prepare(store->db, sql->data, err);
  strbuf_free(sql);
  if (!st) {
    *items = NULL;
    *count = 0;
    return false;
  }
  filter_bind(st, f);
  return store_query_rows(store, st, type, items, count, err);
}

static void round_read(sqlite3_stmt *st, void *elem) {
  StoreRound *r = elem;
  r->id = sqlite3_column_int64(st, 0);
  r->player_id = sqlite3_column_int64(st, 1);
  r->player_name = store_text_col(st, 2);
  r->pack_id = store_text_col(st, 3);
  r->pack_version = sqlite3_column_int(st, 4);
  r->questions = sqlite3_column_int(st, 5);
  r->seconds_per_question = sqlite3_column_int(st, 6);
  r->speed_bonus = sqlite3_column_int(st, 7) != 0;
  int64_t seed_bits = sqlite3_column_int64(st, 8);
  memcpy(&r->seed, &seed_bits, sizeof r->seed);
  r->started_ms = sqlite3_column_int64(st, 9);
  r->ended_ms = sqlite3_column_int64(st, 10);
  r->score = sqlite3_column_int(st, 11);
  r->status = store_round_status_from_name((const char *)sqlite3_column_text(st, 12));
  r->answered = sqlite3_column_int(st, 13);
  r->correct = sqlite3_column_int(st, 14);
  r->timed_out = sqlite3_column_int(st, 15);
  r->real_items = sqlite3_column_int(st, 16);
  r->fake_items = sqlite3_column_int(st, 17);
  r->real_trusted = sqlite3_column_int(st, 18);
  r->real_rejected = sqlite3_column_int(st, 19);
  r->fake_caught = sqlite3_column_int(st, 20);
  r->fake_believed = sqlite3_column_int(st, 21);
  r->response_ms = sqlite3_column_int64(st, 22);
  r->d_prime = sqlite3_column_double(st, 23);
  r->kind = store_round_kind_from_name((const char *)sqlite3_column_text(st, 24));
}

static void round_clear(void *elem) {
  StoreRound *r = elem;
  free(r->player_name);
  free(r->pack_id);
}

static const StoreRowType ROUND_ROWS = {sizeof(StoreRound), round_read, round_clear};

bool store_rounds(Store *store, const StoreFilter *filter, StoreRoundList *out, char **err) {
  static const StoreFilter all = {0};
  const StoreFilter *f = filter ? filter : &all;
  StrBuf sql = {0};
  filter_select_rounds(
      &sql,
      "r.id, r.player_id, " STORE_SQL_SHOWN_NAME
      ", r.pack_id, r.pack_version, r.questions,"
      " r.seconds_per_question, r.speed_bonus, r.seed, r.started_ms, COALESCE(r.ended_ms, 0),"
      " r.score, r.status, r.answered, r.correct, r.timed_out, r.real_items, r.fake_items,"
      " r.real_trusted, r.real_rejected, r.fake_caught, r.fake_believed, r.response_ms, r.d_prime, r.kind",
      f);
  void *items;
  bool ok = filter_query(store, &sql, f, &ROUND_ROWS, &items, &out->count, err);
  out->items = items;
  return ok;
}

static void answer_read(sqlite3_stmt *st, void *elem) {
  StoreAnswer *a = elem;
  a->round_id = sqlite3_column_int64(st, 0);
  a->player_name = store_text_col(st, 1);
  a->pack_id = store_text_col(st, 2);
  a->position = sqlite3_column_int(st, 3);
  a->item_id = store_text_col(st, 4);
  a->truth = store_verdict_from_name((const char *)sqlite3_column_text(st, 5));
  a->given = store_verdict_from_name((const char *)sqlite3_column_text(st, 6));
  a->correct = sqlite3_column_int(st, 7) != 0;
  a->points = sqlite3_column_int(st, 8);
  a->response_ms = sqlite3_column_int(st, 9);
  a->techniques = store_text_col(st, 10);
  a->answered_ms = sqlite3_column_int64(st, 11);
  a->confidence = store_confidence_from_name((const char *)sqlite3_column_text(st, 12));
  a->technique_asked = store_text_col_opt(st, 13);
  a->technique_given = store_text_col_opt(st, 14);
  a->pair_item_id = store_text_col_opt(st, 15);
}

static void answer_clear(void *elem) {
  StoreAnswer *a = elem;
  free(a->player_name);
  free(a->pack_id);
  free(a->item_id);
  free(a->techniques);
  free(a->technique_asked);
  free(a->technique_given);
  free(a->pair_item_id);
}

static const StoreRowType ANSWER_ROWS = {sizeof(StoreAnswer), answer_read, answer_clear};

bool store_answers(Store *store, const StoreFilter *filter, StoreAnswerList *out, char **err) {
  static const StoreFilter all = {0};
  const StoreFilter *f = filter ? filter : &all;
  StrBuf sql = {0};
  strbuf_append(&sql, "WITH picked AS (");
  filter_select_rounds(&sql, "r.id", f);
  strbuf_append(&sql, ") SELECT a.round_id, " STORE_SQL_SHOWN_NAME
                      ", r.pack_id, a.position, a.item_id, a.truth, a.given, a.correct,"
                      " a.points, a.response_ms, a.techniques, a.answered_ms, a.confidence, a.technique_asked,"
                      " a.technique_given, a.pair_item_id"
                      " FROM answers a JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = r.player_id"
                      " WHERE a.round_id IN (SELECT id FROM picked)");
  filter_order(&sql, f);
  strbuf_append(&sql, ", a.position ASC");
  void *items;
  bool ok = filter_query(store, &sql, f, &ANSWER_ROWS, &items, &out->count, err);
  out->items = items;
  return ok;
}

void store_round_list_free(StoreRoundList *list) {
  store_rows_free(&ROUND_ROWS, list->items, list->count);
  *list = (StoreRoundList){0};
}

void store_answer_list_free(StoreAnswerList *list) {
  store_rows_free(&ANSWER_ROWS, list->items, list->count);
  *list = (StoreAnswerList){0};
}

bool store_best_score(Store *store, int64_t player_id, const char *pack_id, int *score, bool *found, char **err) {
  *score = 0;
  *found = false;
  sqlite3_stmt *st = store_db_prepare(store->db,
                                      "SELECT MAX(score) FROM rounds"
                                      " WHERE player_id = ?1 AND pack_id = ?2 AND status = 'completed'",
                                      err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, player_id);
  sqlite3_bind_text(st, 2, pack_id, -1, SQLITE_STATIC);
  bool ok = sqlite3_step(st) == SQLITE_ROW;
  if (!ok) {
    store_set_err(err, "%s", sqlite3_errmsg(store->db));
  } else if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
    *score = sqlite3_column_int(st, 0);
    *found = true;
  }
  sqlite3_finalize(st);
  return ok;
}

static void top_read(sqlite3_stmt *st, void *elem) {
  StoreTopEntry *e = elem;
  e->round_id = sqlite3_column_int64(st, 0);
  e->player_id = sqlite3_column_int64(st, 1);
  e->player_name = store_text_col(st, 2);
  e->score = sqlite3_column_int(st, 3);
  e->correct = sqlite3_column_int(st, 4);
  e->answered = sqlite3_column_int(st, 5);
  e->accuracy = e->answered > 0 ? (double)e->correct / e->answered : 0.0;
  e->ended_ms = sqlite3_column_int64(st, 6);
  e->rank = sqlite3_column_int(st, 7);
  e->questions = sqlite3_column_int(st, 8);
  e->real_items = sqlite3_column_int(st, 9);
  e->real_trusted = sqlite3_column_int(st, 10);
  e->fake_items = sqlite3_column_int(st, 11);
  e->fake_caught = sqlite3_column_int(st, 12);
  e->d_prime = sqlite3_column_double(st, 13);
  e->response_ms = sqlite3_column_int64(st, 14);
}

static void top_clear(void *elem) {
  StoreTopEntry *e = elem;
  free(e->player_name);
}

static const StoreRowType TOP_ROWS = {sizeof(StoreTopEntry), top_read, top_clear};

bool store_top_scores(Store *store, const char *pack_id, size_t limit, StoreTopList *out, char **err) {
  out->items = NULL;
  out->count = 0;
  // Care before speed: correct answers, then d' (equal counts give the same
  // double, so equal rounds tie), then the total response time. The
  // rounds_ranked index serves the scan in this order.
  sqlite3_stmt *st = store_db_prepare(
      store->db,
      "WITH best AS ("
      "  SELECT r.*, COALESCE(r.ended_ms, 0) AS ended, ROW_NUMBER() OVER (PARTITION BY r.player_id"
      "    ORDER BY r.correct DESC, r.d_prime DESC, r.response_ms ASC, COALESCE(r.ended_ms, 0) ASC, r.id ASC) AS n"
      "  FROM rounds r WHERE r.pack_id = ?1 AND r.status = 'completed' AND r.kind = 'classic')"
      " SELECT b.id, b.player_id, " STORE_SQL_SHOWN_NAME
      ", b.score, b.correct, b.answered, b.ended,"
      "  RANK() OVER (ORDER BY b.correct DESC, b.d_prime DESC, b.response_ms ASC) AS rank,"
      "  b.questions, b.real_items, b.real_trusted, b.fake_items, b.fake_caught, b.d_prime, b.response_ms"
      " FROM best b JOIN players p ON p.id = b.player_id WHERE b.n = 1"
      " ORDER BY b.correct DESC, b.d_prime DESC, b.response_ms ASC, b.ended ASC, b.id ASC LIMIT ?2",
      err);
  if (!st) {
    return false;
  }
  sqlite3_bind_text(st, 1, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, store_limit_arg(limit));
  void *items;
  bool ok = store_query_rows(store, st, &TOP_ROWS, &items, &out->count, err);
  out->items = items;
  return ok;
}

void store_top_list_free(StoreTopList *list) {
  store_rows_free(&TOP_ROWS, list->items, list->count);
  *list = (StoreTopList){0};
}

static void item_stat_read(sqlite3_stmt *st, void *elem) {
  StoreItemStat *s = elem;
  s->item_id = store_text_col(st, 0);
  s->seen = sqlite3_column_int(st, 1);
  s->correct = sqlite3_column_int(st, 2);
  s->last_correct = sqlite3_column_int(st, 3) != 0;
  s->last_seen_ms = sqlite3_column_int64(st, 4);
  s->last_correct_ms = sqlite3_column_int64(st, 5);
}

static void item_stat_clear(void *elem) {
  StoreItemStat *s = elem;
  free(s->item_id);
}

static const StoreRowType ITEM_STAT_ROWS = {sizeof(StoreItemStat), item_stat_read, item_stat_clear};

bool store_item_history(Store *store, int64_t player_id, const char *pack_id, StoreItemStatList *out, char **err) {
  out->items = NULL;
  out->count = 0;
  sqlite3_stmt *st =
      store_db_prepare(store->db,
                       "WITH mine AS ("
                       "  SELECT a.item_id, a.correct, a.answered_ms,"
                       "    ROW_NUMBER() OVER (PARTITION BY a.item_id ORDER BY a.answered_ms DESC, a.round_id DESC,"
                       "      a.position DESC) AS recency"
                       "  FROM answers a JOIN rounds r ON r.id = a.round_id WHERE r.player_id = ?1 AND r.pack_id = ?2)"
                       " SELECT item_id, COUNT(*), SUM(correct), MAX(CASE WHEN recency = 1 THEN correct END),"
                       "  MAX(answered_ms), COALESCE(MAX(CASE WHEN correct THEN answered_ms END), 0)"
                       " FROM mine GROUP BY item_id ORDER BY item_id COLLATE BINARY",
                       err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, player_id);
  sqlite3_bind_text(st, 2, pack_id, -1, SQLITE_STATIC);
  void *items;
  bool ok = store_query_rows(store, st, &ITEM_STAT_ROWS, &items, &out->count, err);
  out->items = items;
  return ok;
}

const StoreItemStat *store_item_stat_find(const StoreItemStatList *list, const char *item_id) {
  size_t lo = 0, hi = list->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(list->items[mid].item_id, item_id);
    if (c == 0) {
      return &list->items[mid];
    }
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return NULL;
}

void store_item_stat_list_free(StoreItemStatList *list) {
  store_rows_free(&ITEM_STAT_ROWS, list->items, list->count);
  *list = (StoreItemStatList){0};
}

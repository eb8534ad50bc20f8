// Rounds and answers: begin, one committed transaction per answer, finish.

#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"

// ---- rounds and answers ------------------------------------------------------

bool store_round_begin(Store *store, const StoreRoundSpec *spec, int64_t *round_id, char **err) {
  if (!spec->pack_id || !*spec->pack_id || spec->questions <= 0 || spec->seconds_per_question < 0) {
    store_set_err(err, "%s", _("cannot start the round: invalid round settings"));
    return false;
  }
  sqlite3_stmt *st = store_db_prepare(store->db,
                                      "INSERT INTO rounds (player_id, pack_id, pack_version, questions,"
                                      " seconds_per_question, speed_bonus, seed, started_ms, kind)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                      err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, spec->player_id);
  sqlite3_bind_text(st, 2, spec->pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 3, spec->pack_version);
  sqlite3_bind_int(st, 4, spec->questions);
  sqlite3_bind_int(st, 5, spec->seconds_per_question);
  sqlite3_bind_int(st, 6, spec->speed_bonus ? 1 : 0);
  // SQLite integers are signed 64-bit: keep the seed's bits, not its value.
  int64_t seed_bits;
  memcpy(&seed_bits, &spec->seed, sizeof seed_bits);
  sqlite3_bind_int64(st, 7, seed_bits);
  sqlite3_bind_int64(st, 8, spec->started_ms);
  sqlite3_bind_text(st, 9, store_round_kind_name(spec->kind), -1, SQLITE_STATIC);
  bool ok = sqlite3_step(st) == SQLITE_DONE;
  if (ok) {
    *round_id = sqlite3_last_insert_rowid(store->db);
  } else {
    store_set_err(err, _("cannot start the round: %s"), sqlite3_errmsg(store->db));
    store_note_write_failure(store);
  }
  sqlite3_finalize(st);
  return ok;
}

// The round's d' from its counts just updated (same transaction).
static bool update_d_prime(Store *store, int64_t round_id) {
  sqlite3_stmt *st =
      store_db_prepare(store->db, "UPDATE rounds SET d_prime = " STORE_SQL_D_PRIME " WHERE id = ?1", NULL);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, round_id);
  bool ok = sqlite3_step(st) == SQLITE_DONE;
  sqlite3_finalize(st);
  return ok;
}

static bool answer_write(Store *store, int64_t round_id, const StoreAnswerSpec *a, char **err) {
  bool ok = false;
  sqlite3_stmt *chk = store_db_prepare(store->db, "SELECT status FROM rounds WHERE id = ?1", err);
  sqlite3_stmt *ins = store_db_prepare(store->db,
                                       "INSERT INTO answers (round_id, position, item_id, truth, given, correct,"
                                       " points, response_ms, techniques, answered_ms, pair_item_id)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                       err);
  sqlite3_stmt *upd = store_db_prepare(store->db,
                                       "UPDATE rounds SET answered = answered + 1, correct = correct + ?2,"
                                       " timed_out = timed_out + ?3, score = score + ?4, real_items = real_items + ?5,"
                                       " fake_items = fake_items + ?6, real_trusted = real_trusted + ?7,"
                                       " real_rejected = real_rejected + ?8, fake_caught = fake_caught + ?9,"
                                       " fake_believed = fake_believed + ?10, response_ms = response_ms + ?11"
                                       " WHERE id = ?1",
                                       err);
  if (!chk || !ins || !upd) {
    goto done;
  }
  sqlite3_bind_int64(chk, 1, round_id);
  int rc = sqlite3_step(chk);
  if (rc != SQLITE_ROW) {
    store_set_err(err, _("cannot save the answer: round %lld does not exist"), (long long)round_id);
    goto done;
  }
  if (strcmp((const char *)sqlite3_column_text(chk, 0), "in_progress") != 0) {
    store_set_err(err, _("cannot save the answer: round %lld is already over"), (long long)round_id);
    goto done;
  }
  bool correct = a->given == a->truth;
  sqlite3_bind_int64(ins, 1, round_id);
  sqlite3_bind_int(ins, 2, a->position);
  sqlite3_bind_text(ins, 3, a->item_id, -1, SQLITE_STATIC);
  sqlite3_bind_text(ins, 4, store_verdict_name(a->truth), -1, SQLITE_STATIC);
  sqlite3_bind_text(ins, 5, store_verdict_name(a->given), -1, SQLITE_STATIC);
  sqlite3_bind_int(ins, 6, correct);
  sqlite3_bind_int(ins, 7, a->points);
  sqlite3_bind_int(ins, 8, a->response_ms);
  sqlite3_bind_text(ins, 9, a->techniques ? a->techniques : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64(ins, 10, a->answered_ms);
  if (a->pair_item_id && *a->pair_item_id) {
    sqlite3_bind_text(ins, 11, a->pair_item_id, -1, SQLITE_STATIC);
  } else {
    sqlite3_bind_null(ins, 11);
  }
  rc = sqlite3_step(ins);
  if (rc != SQLITE_DONE) {
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
      store_set_err(err, _("cannot save the answer: question %d of round %lld was already answered"), a->position + 1,
                    (long long)round_id);
    } else {
      store_set_err(err, _("cannot save the answer: %s"), sqlite3_errmsg(store->db));
    }
    goto done;
  }
  sqlite3_bind_int64(upd, 1, round_id);
  sqlite3_bind_int(upd, 2, correct);
  sqlite3_bind_int(upd, 3, a->given == STORE_VERDICT_NONE);
  sqlite3_bind_int(upd, 4, a->points);
  bool real = a->truth == STORE_VERDICT_REAL;
  sqlite3_bind_int(upd, 5, real);
  sqlite3_bind_int(upd, 6, !real);
  sqlite3_bind_int(upd, 7, real && a->given == STORE_VERDICT_REAL);
  sqlite3_bind_int(upd, 8, real && a->given == STORE_VERDICT_FABRICATED);
  sqlite3_bind_int(upd, 9, !real && a->given == STORE_VERDICT_FABRICATED);
  sqlite3_bind_int(upd, 10, !real && a->given == STORE_VERDICT_REAL);
  sqlite3_bind_int(upd, 11, a->response_ms);
  if (sqlite3_step(upd) != SQLITE_DONE || !update_d_prime(store, round_id)) {
    store_set_err(err, _("cannot save the answer: %s"), sqlite3_errmsg(store->db));
    goto done;
  }
  ok = true;
done:
  sqlite3_finalize(chk);
  sqlite3_finalize(ins);
  sqlite3_finalize(upd);
  return ok;
}

bool store_answer_add(Store *store, int64_t round_id, const StoreAnswerSpec *a, char **err) {
  if (!a->item_id || !*a->item_id || a->position < 0 || a->response_ms < 0 ||
      (a->truth != STORE_VERDICT_REAL && a->truth != STORE_VERDICT_FABRICATED) ||
      (a->given != STORE_VERDICT_NONE && a->given != STORE_VERDICT_REAL && a->given != STORE_VERDICT_FABRICATED)) {
    store_set_err(err, "%s", _("cannot save the answer: invalid answer"));
    return false;
  }
  // One transaction per answer: the answer and the round's counts land
  // together, and COMMIT returns only once they are synced to disk.
  if (!store_db_exec(store->db, "BEGIN IMMEDIATE", err)) {
    store_note_write_failure(store);
    return false;
  }
  if (!answer_write(store, round_id, a, err)) {
    store_note_write_failure(store);
    store_db_exec(store->db, "ROLLBACK", NULL);
    return false;
  }
  char *cerr = NULL;
  if (!store_db_exec(store->db, "COMMIT", &cerr)) {
    store_set_err(err, _("cannot save the answer: %s"), cerr);
    store_note_write_failure(store);
    free(cerr);
    store_db_exec(store->db, "ROLLBACK", NULL);
    return false;
  }
  return true;
}

bool store_round_finish(Store *store, int64_t round_id, int final_score, bool completed, int64_t ended_ms, char **err) {
  sqlite3_stmt *st = store_db_prepare(store->db,
                                      "UPDATE rounds SET status = ?2, score = ?3, ended_ms = ?4"
                                      " WHERE id = ?1 AND status = 'in_progress'",
                                      err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, round_id);
  sqlite3_bind_text(st, 2, completed ? "completed" : "abandoned", -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 3, final_score);
  sqlite3_bind_int64(st, 4, ended_ms);
  bool ok = sqlite3_step(st) == SQLITE_DONE;
  if (!ok) {
    store_set_err(err, _("cannot save the round: %s"), sqlite3_errmsg(store->db));
    store_note_write_failure(store);
  } else if (sqlite3_changes(store->db) == 0) {
    store_set_err(err, _("cannot save the round: round %lld does not exist or is already over"), (long long)round_id);
    ok = false;
  }
  sqlite3_finalize(st);
  return ok;
}

// The score store: schema and migrations, crash safety, damaged and
// read-only databases, player names, high scores and history queries.

#include "store/store.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/rng.h"
#include "base/str.h"
#include "store_test_support.h"
#include "support/test_support.h"

// 2023-11-14 22:13:20 UTC
#define T0 INT64_C(1700000000000)

// ---- helpers -----------------------------------------------------------------

static int64_t begin(Store *s, int64_t player_id, const char *pack, int questions, int64_t start_ms) {
  StoreRoundSpec spec = {.player_id = player_id,
                         .pack_id = pack,
                         .pack_version = 3,
                         .questions = questions,
                         .seconds_per_question = 15,
                         .speed_bonus = true,
                         .seed = UINT64_C(0xFEDCBA9876543210),
                         .started_ms = start_ms};
  int64_t id = 0;
  char *err = NULL;
  if (!store_round_begin(s, &spec, &id, &err)) {
    fail_msg("round_begin: %s", err);
  }
  return id;
}

// Answer `position`: correct or not; a wrong answer at an odd position is a
// time-out. Items are "item-<position>", points 10 per correct answer.
static void answer(Store *s, int64_t round_id, int position, bool correct, int64_t at_ms) {
  StoreVerdict truth = position % 2 ? STORE_VERDICT_FABRICATED : STORE_VERDICT_REAL;
  StoreVerdict wrong = position % 2 ? STORE_VERDICT_NONE : STORE_VERDICT_FABRICATED;
  char item[32];
  snprintf(item, sizeof item, "item-%d", position);
  StoreAnswerSpec a = {.position = position,
                       .item_id = item,
                       .truth = truth,
                       .given = correct ? truth : wrong,
                       .points = correct ? 10 : 0,
                       .response_ms = 1200 + position,
                       .techniques = position % 2 ? "emotion;fake-expert" : NULL,
                       .answered_ms = at_ms};
  char *err = NULL;
  if (!store_answer_add(s, round_id, &a, &err)) {
    fail_msg("answer_add: %s", err);
  }
}

// A whole round: `answered` answers, the first `correct` right, then finished.
static int64_t play(Store *s, int64_t player_id, const char *pack, int answered, int correct, int score, bool completed,
                    int64_t start_ms) {
  int64_t id = begin(s, player_id, pack, answered, start_ms);
  for (int i = 0; i < answered; i++) {
    answer(s, id, i, i < correct, start_ms + 1000 * (i + 1));
  }
  char *err = NULL;
  if (!store_round_finish(s, id, score, completed, start_ms + 1000 * (answered + 1), &err)) {
    fail_msg("round_finish: %s", err);
  }
  return id;
}

static char *db_path(const char *dir) {
  return fs_join(dir, STORE_FILE_NAME);
}

// First column of the first row of `sql` on the file at `path`, as text (owned).
static char *file_query(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    fail_msg("%s: %s", sql, sqlite3_errmsg(db));
  }
  char *out = NULL;
  if (sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char *t = sqlite3_column_text(st, 0);
    out = xstrdup(t ? (const char *)t : "");
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  assert_non_null(out);
  return out;
}

static void file_exec(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    fail_msg("%s: %s", sql, msg);
  }
  sqlite3_close(db);
}

static void read_bytes(const char *path, char **data, size_t *len) {
  char *err = NULL;
  if (fs_read_file(path, (size_t)1 << 26, data, len, &err) != FS_READ_OK) {
    fail_msg("%s: %s", path, err);
  }
}

static void write_bytes(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
}

static size_t count_rounds(Store *s, const StoreFilter *f) {
  StoreRoundList list;
  assert_true(store_rounds(s, f, &list, NULL));
  size_t n = list.count;
  store_round_list_free(&list);
  return n;
}

// ---- opening, reopening, schema ------------------------------------------------

static void test_create_and_reopen_keeps_data(void **state) {
  const char *dir = *state;
  char *sub = fs_join(dir, "nested/data");  // a missing folder is created
  Store *s = store_test_open(sub);
  assert_true(store_is_persistent(s));
  int64_t ann = store_test_player(s, "Ann");
  int64_t r1 = play(s, ann, "pack-a", 4, 3, 35, true, T0);
  store_close(s);

  char *path = db_path(sub);
  char *mode = file_query(path, "PRAGMA journal_mode");
  assert_string_equal(mode, "wal");
  char *version = file_query(path, "PRAGMA user_version");
  assert_int_equal(atoi(version), STORE_SCHEMA_VERSION);
  free(mode);
  free(version);

  s = store_test_open(sub);
  StoreRoundList rounds;
  assert_true(store_rounds(s, NULL, &rounds, NULL));
  assert_int_equal(rounds.count, 1);
  StoreRound *r = &rounds.items[0];
  assert_int_equal(r->id, r1);
  assert_int_equal(r->player_id, ann);
  assert_string_equal(r->player_name, "Ann");
  assert_string_equal(r->pack_id, "pack-a");
  assert_int_equal(r->pack_version, 3);
  assert_int_equal(r->questions, 4);
  assert_int_equal(r->seconds_per_question, 15);
  assert_true(r->speed_bonus);
  assert_true(r->seed == UINT64_C(0xFEDCBA9876543210));  // bits survive the signed column
  assert_int_equal(r->started_ms, T0);
  assert_int_equal(r->ended_ms, T0 + 5000);
  assert_int_equal(r->score, 35);  // the final score replaces the running sum (30)
  assert_int_equal(r->status, STORE_ROUND_COMPLETED);
  assert_int_equal(r->answered, 4);
  assert_int_equal(r->correct, 3);
  assert_int_equal(r->timed_out, 1);  // position 3, wrong, is a time-out
  store_round_list_free(&rounds);

  StoreAnswerList answers;
  assert_true(store_answers(s, &(StoreFilter){.round_id = r1}, &answers, NULL));
  assert_int_equal(answers.count, 4);
  for (size_t i = 0; i < answers.count; i++) {
    StoreAnswer *a = &answers.items[i];
    assert_int_equal(a->position, (int)i);
    assert_int_equal(a->round_id, r1);
    assert_int_equal(a->correct, i < 3);
    assert_int_equal(a->response_ms, 1200 + (int)i);
    assert_int_equal(a->answered_ms, T0 + 1000 * ((int64_t)i + 1));
    assert_string_equal(a->techniques, i % 2 ? "emotion;fake-expert" : "");
  }
  assert_int_equal(answers.items[3].given, STORE_VERDICT_NONE);
  assert_int_equal(answers.items[3].truth, STORE_VERDICT_FABRICATED);
  assert_int_equal(answers.items[0].given, STORE_VERDICT_REAL);
  store_answer_list_free(&answers);
  store_close(s);
  free(path);
  free(sub);
}

static void test_in_progress_round_abandoned_on_reopen(void **state) {
  const char *dir = *state;
  Store *s = store_test_open(dir);
  int64_t p = store_test_player(s, "Bo");
  int64_t done = play(s, p, "pk", 2, 2, 20, true, T0);
  int64_t open_round = begin(s, p, "pk", 10, T0 + 60000);
  answer(s, open_round, 0, true, T0 + 61000);
  answer(s, open_round, 1, false, T0 + 62500);
  store_close(s);  // as if the game crashed: the round was never finished

  StoreOpenResult res;
  s = store_open(dir, NULL, &res);
  assert_non_null(s);
  assert_int_equal(res.status, STORE_OPEN_OK);
  assert_int_equal(res.abandoned, 1);
  store_open_result_clear(&res);

  StoreRoundList rounds;
  assert_true(store_rounds(s, &(StoreFilter){.round_id = open_round}, &rounds, NULL));
  assert_int_equal(rounds.count, 1);
  assert_int_equal(rounds.items[0].status, STORE_ROUND_ABANDONED);
  assert_int_equal(rounds.items[0].ended_ms, T0 + 62500);  // its last answer, not "now"
  assert_int_equal(rounds.items[0].answered, 2);
  assert_int_equal(rounds.items[0].correct, 1);
  assert_int_equal(rounds.items[0].score, 10);  // running sum of points so far
  store_round_list_free(&rounds);
  assert_true(store_rounds(s, &(StoreFilter){.round_id = done}, &rounds, NULL));
  assert_int_equal(rounds.items[0].status, STORE_ROUND_COMPLETED);
  store_round_list_free(&rounds);

  // The answers given before the crash are all there, and the round is over.
  StoreAnswerList answers;
  assert_true(store_answers(s, &(StoreFilter){.round_id = open_round}, &answers, NULL));
  assert_int_equal(answers.count, 2);
  store_answer_list_free(&answers);
  char *err = NULL;
  StoreAnswerSpec late = {.position = 2, .item_id = "x", .truth = STORE_VERDICT_REAL, .given = STORE_VERDICT_REAL};
  assert_false(store_answer_add(s, open_round, &late, &err));
  assert_non_null(err);
  free(err);
  store_close(s);

  // A second reopen has nothing more to abandon.
  s = store_open(dir, NULL, &res);
  assert_int_equal(res.abandoned, 0);
  store_open_result_clear(&res);
  store_close(s);
}

// A second copy of the game must not abandon the round the first is playing.
static void test_running_instance_rounds_left_alone(void **state) {
  const char *dir = *state;
  Store *s = store_test_open(dir);
  int64_t p = store_test_player(s, "Max");
  store_close(s);
  int ready[2], release[2];
  assert_int_equal(pipe(ready), 0);
  assert_int_equal(pipe(release), 0);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    close(ready[0]);
    close(release[1]);
    StoreOpenResult res;
    Store *child = store_open(dir, NULL, &res);
    int64_t r = 0;
    StoreRoundSpec spec = {.player_id = p, .pack_id = "pk", .questions = 5, .started_ms = T0};
    if (!child || !store_round_begin(child, &spec, &r, NULL)) {
      _exit(3);
    }
    char c = 'r';
    if (write(ready[1], &c, 1) != 1) {
      _exit(4);
    }
    while (read(release[0], &c, 1) > 0) {
    }
    store_close(child);
    _exit(0);
  }
  close(ready[1]);
  close(release[0]);
  char c;
  assert_int_equal(read(ready[0], &c, 1), 1);  // the child's round is in progress

  StoreOpenResult res;
  s = store_open(dir, NULL, &res);
  assert_int_equal(res.status, STORE_OPEN_OK);
  assert_int_equal(res.abandoned, 0);
  store_open_result_clear(&res);
  StoreRoundList rounds;
  assert_true(store_rounds(s, NULL, &rounds, NULL));
  assert_int_equal(rounds.count, 1);
  assert_int_equal(rounds.items[0].status, STORE_ROUND_IN_PROGRESS);
  store_round_list_free(&rounds);
  store_close(s);

  close(release[1]);  // the other game quits without finishing its round
  int status;
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);
  close(ready[0]);
  s = store_open(dir, NULL, &res);
  assert_int_equal(res.abandoned, 1);
  store_open_result_clear(&res);
  store_close(s);
}

static void test_round_lifecycle_errors(void **state) {
  const char *dir = *state;
  Store *s = store_test_open(dir);
  int64_t p = store_test_player(s, "Cy");
  int64_t r = begin(s, p, "pk", 3, T0);
  answer(s, r, 0, true, T0 + 1);
  char *err = NULL;

  // A repeated position is refused and does not change the counts.
  StoreAnswerSpec dup = {
      .position = 0, .item_id = "item-0", .truth = STORE_VERDICT_REAL, .given = STORE_VERDICT_REAL, .points = 10};
  assert_false(store_answer_add(s, r, &dup, &err));
  assert_non_null(err);
  free(err);
  err = NULL;
  // Nonsense is refused before touching the database.
  StoreAnswerSpec bad = {.position = 1, .item_id = "i", .truth = STORE_VERDICT_NONE, .given = STORE_VERDICT_REAL};
  assert_false(store_answer_add(s, r, &bad, &err));
  free(err);
  err = NULL;
  assert_false(store_answer_add(s, 9999, &(StoreAnswerSpec){.item_id = "i", .truth = STORE_VERDICT_REAL}, &err));
  free(err);
  err = NULL;
  assert_false(
      store_round_begin(s, &(StoreRoundSpec){.player_id = p, .pack_id = "", .questions = 3}, &(int64_t){0}, &err));
  free(err);
  err = NULL;
  // An unknown player breaks the foreign key.
  assert_false(
      store_round_begin(s, &(StoreRoundSpec){.player_id = 4242, .pack_id = "pk", .questions = 3}, &(int64_t){0}, &err));
  free(err);
  err = NULL;

  // Quitting marks the round abandoned; it cannot be finished twice.
  assert_true(store_round_finish(s, r, 10, false, T0 + 5, &err));
  assert_false(store_round_finish(s, r, 10, true, T0 + 6, &err));
  free(err);
  err = NULL;
  assert_false(store_round_finish(s, 9999, 10, true, T0 + 6, &err));
  free(err);

  StoreRoundList rounds;
  assert_true(store_rounds(s, NULL, &rounds, NULL));
  assert_int_equal(rounds.count, 1);
  assert_int_equal(rounds.items[0].status, STORE_ROUND_ABANDONED);
  assert_int_equal(rounds.items[0].answered, 1);
  assert_int_equal(rounds.items[0].ended_ms, T0 + 5);
  store_round_list_free(&rounds);
  // Abandoned rounds never count as a best score.
  int best = -1;
  bool found = true;
  assert_true(store_best_score(s, p, "pk", &best, &found, NULL));
  assert_false(found);
  assert_int_equal(best, 0);
  store_close(s);
}

// Version 1 as it was released, written by hand (not with the store's own SQL).
static const char V1_SCHEMA[] =
    "CREATE TABLE players (id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,"
    "  created_ms INTEGER NOT NULL);"
    "CREATE TABLE rounds (id INTEGER PRIMARY KEY,"
    "  player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE, pack_id TEXT NOT NULL,"
    "  pack_version INTEGER NOT NULL, questions INTEGER NOT NULL, seconds_per_question INTEGER NOT NULL,"
    "  seed INTEGER NOT NULL, started_ms INTEGER NOT NULL, ended_ms INTEGER, score INTEGER NOT NULL DEFAULT 0,"
    "  status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed', 'abandoned')),"
    "  answered INTEGER NOT NULL DEFAULT 0, correct INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE answers (round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL, item_id TEXT NOT NULL,"
    "  truth TEXT NOT NULL CHECK (truth IN ('real', 'fabricated')),"
    "  given TEXT NOT NULL CHECK (given IN ('real', 'fabricated', 'none')),"
    "  correct INTEGER NOT NULL CHECK (correct IN (0, 1)), points INTEGER NOT NULL,"
    "  response_ms INTEGER NOT NULL, answered_ms INTEGER NOT NULL, PRIMARY KEY (round_id, position));"
    "INSERT INTO players VALUES (1, 'Dana', 'dana', 1600000000000);"
    "INSERT INTO rounds VALUES (7, 1, 'classic', 2, 3, 20, 42, 1600000001000, 1600000009000, 20, 'completed', 3, 2);"
    "INSERT INTO rounds VALUES (8, 1, 'classic', 2, 3, 20, 43, 1600000020000, NULL, 10, 'in_progress', 1, 1);"
    "INSERT INTO answers VALUES (7, 0, 'a', 'real', 'real', 1, 10, 900, 1600000002000);"
    "INSERT INTO answers VALUES (7, 1, 'b', 'fabricated', 'none', 0, 0, 20000, 1600000005000);"
    "INSERT INTO answers VALUES (7, 2, 'c', 'fabricated', 'fabricated', 1, 10, 1500, 1600000008000);"
    "INSERT INTO answers VALUES (8, 0, 'a', 'real', 'real', 1, 10, 700, 1600000021000);"
    "PRAGMA user_version = 1;";

static void test_migration_from_v1(void **state) {
  const char *dir = *state;
  char *path = db_path(dir);
  file_exec(path, V1_SCHEMA);

  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  assert_non_null(s);
  assert_int_equal(res.status, STORE_OPEN_OK);
  assert_int_equal(res.abandoned, 1);  // round 8 was left in progress
  store_open_result_clear(&res);

  StoreRoundList rounds;
  assert_true(store_rounds(s, &(StoreFilter){.round_id = 7}, &rounds, NULL));
  assert_int_equal(rounds.count, 1);
  assert_string_equal(rounds.items[0].player_name, "Dana");
  assert_int_equal(rounds.items[0].score, 20);
  assert_int_equal(rounds.items[0].timed_out, 1);  // filled in from the old answers
  assert_false(rounds.items[0].speed_bonus);
  assert_true(rounds.items[0].seed == 42);
  store_round_list_free(&rounds);

  StoreAnswerList answers;
  assert_true(store_answers(s, &(StoreFilter){.round_id = 7}, &answers, NULL));
  assert_int_equal(answers.count, 3);
  assert_string_equal(answers.items[1].techniques, "");
  assert_int_equal(answers.items[1].given, STORE_VERDICT_NONE);
  store_answer_list_free(&answers);

  // The migrated file takes new-style data, and the old player is the same one.
  int64_t dana = store_test_player(s, "DANA");
  assert_int_equal(dana, 1);
  int64_t r = begin(s, dana, "classic", 2, T0);
  answer(s, r, 1, true, T0 + 1);
  assert_true(store_answers(s, &(StoreFilter){.round_id = r}, &answers, NULL));
  assert_string_equal(answers.items[0].techniques, "emotion;fake-expert");
  store_answer_list_free(&answers);

  StoreTopList top;
  assert_true(store_top_scores(s, "classic", 10, &top, NULL));
  assert_int_equal(top.count, 1);
  assert_int_equal(top.items[0].round_id, 7);
  store_top_list_free(&top);
  store_close(s);

  char *version = file_query(path, "PRAGMA user_version");
  assert_int_equal(atoi(version), STORE_SCHEMA_VERSION);
  free(version);
  char *idx = file_query(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'rounds_by_%'");
  assert_string_equal(idx, "2");
  free(idx);
  free(path);
}

static void test_newer_version_refused(void **state) {
  const char *dir = *state;
  char *path = db_path(dir);
  char *sql = xasprintf("CREATE TABLE future (x); INSERT INTO future VALUES ('keep me'); PRAGMA user_version = %d;",
                        STORE_SCHEMA_VERSION + 5);
  file_exec(path, sql);
  free(sql);
  char *before;
  size_t before_len;
  read_bytes(path, &before, &before_len);

  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  assert_non_null(s);  // the game still plays, in memory
  assert_int_equal(res.status, STORE_OPEN_NEWER_VERSION);
  assert_int_equal(res.file_version, STORE_SCHEMA_VERSION + 5);
  assert_null(res.moved_to);
  assert_false(store_is_persistent(s));
  char *msg = store_open_result_message(&res);
  assert_non_null(msg);
  assert_non_null(strstr(msg, path));
  free(msg);
  store_open_result_clear(&res);
  int64_t p = store_test_player(s, "Eve");
  play(s, p, "pk", 2, 1, 10, true, T0);
  assert_int_equal(count_rounds(s, NULL), 1);
  store_close(s);

  // The file is byte for byte what it was, and nothing was set aside.
  char *after;
  size_t after_len;
  read_bytes(path, &after, &after_len);
  assert_int_equal(after_len, before_len);
  assert_memory_equal(after, before, before_len);
  char *pattern = xasprintf("ls %s | grep -c corrupt", dir);
  int status;
  char *out = test_run(pattern, &status);
  assert_int_equal(atoi(out), 0);
  free(out);
  free(pattern);

  // The query-only reader refuses it too.
  s = store_open(dir, &(StoreOptions){.query_only = true}, &res);
  assert_int_equal(res.status, STORE_OPEN_NEWER_VERSION);
  store_open_result_clear(&res);
  store_close(s);
  free(before);
  free(after);
  free(path);
}

// ---- damaged databases -----------------------------------------------------------

// Opens `dir` (whose scores.db holds `bytes`), expects it set aside under
// `expected_name` with those exact bytes, and a fresh working database.
static void expect_recovered(const char *dir, const char *bytes, size_t len, int64_t now_ms,
                             const char *expected_name) {
  StoreOpenResult res;
  Store *s = store_open(dir, &(StoreOptions){.now_ms = now_ms}, &res);
  assert_non_null(s);
  assert_int_equal(res.status, STORE_OPEN_RECOVERED);
  assert_true(store_is_persistent(s));
  char *expected = fs_join(dir, expected_name);
  assert_non_null(res.moved_to);
  assert_string_equal(res.moved_to, expected);
  char *msg = store_open_result_message(&res);
  assert_non_null(strstr(msg, expected));  // the game can show the player where it went
  free(msg);
  store_open_result_clear(&res);

  char *moved;
  size_t moved_len;
  read_bytes(expected, &moved, &moved_len);
  assert_int_equal(moved_len, len);
  assert_memory_equal(moved, bytes, len);
  free(moved);
  free(expected);

  // The fresh database works and keeps what is written to it.
  assert_int_equal(count_rounds(s, NULL), 0);
  play(s, store_test_player(s, "Fay"), "pk", 1, 1, 10, true, T0);
  store_close(s);
  s = store_test_open(dir);
  assert_int_equal(count_rounds(s, NULL), 1);
  store_close(s);
}

static void test_garbage_file_set_aside(void **state) {
  const char *dir = *state;
  char *path = db_path(dir);
  static const char garbage[] = "this is not a database\0\x01\x02 at all, just bytes\n";
  write_bytes(path, garbage, sizeof garbage);
  char *wal = xasprintf("%s-wal", path);
  write_bytes(wal, "junk wal", 8);
  // 1700000000 s = 2023-11-14 22:13:20 UTC
  expect_recovered(dir, garbage, sizeof garbage, T0, "scores.db.corrupt-20231114-221320");
  char *moved_wal = fs_join(dir, "scores.db.corrupt-20231114-221320-wal");
  assert_true(fs_exists(moved_wal));  // companions travel with it
  free(moved_wal);

  // The same second again: a second name, the first copy is not overwritten.
  write_bytes(path, garbage, 10);
  expect_recovered(dir, garbage, 10, T0 + 500, "scores.db.corrupt-20231114-221320-2");
  char *first = fs_join(dir, "scores.db.corrupt-20231114-221320");
  char *data;
  size_t len;
  read_bytes(first, &data, &len);
  assert_int_equal(len, sizeof garbage);
  free(data);
  free(first);
  free(wal);
  free(path);
}

// A real database with a few hundred rounds (several pages), closed cleanly.
static void make_real_db(const char *dir, char **bytes, size_t *len) {
  Store *s = store_test_open(dir);
  int64_t p = store_test_player(s, "Gil");
  for (int i = 0; i < 60; i++) {
    play(s, p, "pack-with-a-long-identifier-to-fill-pages", 5, i % 6, i, true, T0 + i * 100000);
  }
  store_close(s);
  char *path = db_path(dir);
  read_bytes(path, bytes, len);
  assert_true(*len >= 8 * 4096);
  free(path);
}

static void test_truncated_database_set_aside(void **state) {
  const char *dir = *state;
  char *bytes;
  size_t len;
  make_real_db(dir, &bytes, &len);
  char *path = db_path(dir);
  size_t half = len / 2;
  write_bytes(path, bytes, half);
  expect_recovered(dir, bytes, half, T0, "scores.db.corrupt-20231114-221320");
  free(bytes);
  free(path);
}

static void test_damaged_page_set_aside(void **state) {
  const char *dir = *state;
  char *bytes;
  size_t len;
  make_real_db(dir, &bytes, &len);
  char *path = db_path(dir);
  // Scribble over the cell area of a b-tree page in the middle of the file.
  size_t page = (len / 4096) / 2;
  memset(bytes + page * 4096 + 8, 0xAB, 600);
  write_bytes(path, bytes, len);
  expect_recovered(dir, bytes, len, T0 + 3600 * 1000, "scores.db.corrupt-20231114-231320");

  // The query-only reader never moves a damaged file: it reports it.
  write_bytes(path, bytes, len);
  StoreOpenResult res;
  assert_null(store_open(dir, &(StoreOptions){.query_only = true}, &res));
  assert_int_equal(res.status, STORE_OPEN_DAMAGED);
  store_open_result_clear(&res);
  assert_true(fs_exists(path));
  char *still;
  size_t still_len;
  read_bytes(path, &still, &still_len);
  assert_int_equal(still_len, len);
  assert_memory_equal(still, bytes, len);
  free(still);
  free(bytes);
  free(path);
}

// ---- read-only folders -----------------------------------------------------------

// The store must work (in memory) and say it will not save.
static void expect_in_memory(Store *s, const StoreOpenResult *res) {
  assert_non_null(s);
  assert_int_equal(res->status, STORE_OPEN_READ_ONLY);
  assert_false(store_is_persistent(s));
  char *msg = store_open_result_message(res);
  assert_non_null(msg);
  free(msg);
  int64_t p = store_test_player(s, "Hal");
  play(s, p, "pk", 3, 2, 20, true, T0 + 10);
  StoreTopList top;
  assert_true(store_top_scores(s, "pk", 10, &top, NULL));
  assert_true(top.count >= 1);
  store_top_list_free(&top);
}

static void test_read_only_forced_keeps_old_scores(void **state) {
  const char *dir = *state;
  Store *s = store_test_open(dir);
  int64_t ida = store_test_player(s, "Ida");
  play(s, ida, "pk", 4, 4, 40, true, T0);
  int64_t left_open = begin(s, ida, "pk", 4, T0 + 50000);
  answer(s, left_open, 0, true, T0 + 51000);
  store_close(s);
  char *path = db_path(dir);
  char *before;
  size_t before_len;
  read_bytes(path, &before, &before_len);

  // Forced read-only takes the same path as an unwritable folder. Tests run
  // as root in CI, where permission bits do not stop writes: this is how the
  // path is exercised there.
  StoreOpenResult res;
  s = store_open(dir, &(StoreOptions){.force_read_only = true}, &res);
  expect_in_memory(s, &res);
  assert_int_equal(res.abandoned, 1);  // in the in-memory copy only
  store_open_result_clear(&res);
  // The old scores were copied in: the session's high scores include them.
  StoreTopList top;
  assert_true(store_top_scores(s, "pk", 10, &top, NULL));
  assert_int_equal(top.count, 2);
  assert_string_equal(top.items[0].player_name, "Ida");
  assert_int_equal(top.items[0].score, 40);
  store_top_list_free(&top);
  store_close(s);

  // Nothing was written: same bytes, no -wal/-shm left beside it.
  char *after;
  size_t after_len;
  read_bytes(path, &after, &after_len);
  assert_int_equal(after_len, before_len);
  assert_memory_equal(after, before, before_len);
  char *wal = xasprintf("%s-wal", path);
  assert_false(fs_exists(wal));
  free(wal);
  s = store_test_open(dir);
  assert_int_equal(count_rounds(s, NULL), 2);  // Hal's in-memory round is gone
  store_close(s);
  free(before);
  free(after);
  free(path);
}

static void test_read_only_unreachable_folder(void **state) {
  const char *dir = *state;
  // A folder under a regular file can never be created, not even by root.
  char *file = test_write_file(dir, "plain-file", "x");
  char *sub = fs_join(file, "data");
  StoreOpenResult res;
  Store *s = store_open(sub, NULL, &res);
  expect_in_memory(s, &res);
  store_open_result_clear(&res);
  store_close(s);
  free(sub);
  free(file);
}

static void test_read_only_chmod(void **state) {
  const char *dir = *state;
  char *ro = fs_join(dir, "ro");
  assert_true(fs_mkdir_p(ro));
  Store *s = store_test_open(ro);
  play(s, store_test_player(s, "Jo"), "pk", 2, 2, 20, true, T0);
  store_close(s);
  assert_int_equal(chmod(ro, 0555), 0);
  StoreOpenResult res;
  s = store_open(ro, NULL, &res);
  if (geteuid() == 0) {
    // Root writes anyway; forced mode and the unreachable folder above cover
    // the read-only path. Here the store must at least open and work.
    print_message("running as root: permission bits are not enforced, status %d\n", res.status);
    assert_non_null(s);
  } else {
    expect_in_memory(s, &res);
    assert_int_equal(count_rounds(s, &(StoreFilter){.player_name = "jo"}), 1);  // old scores copied in
  }
  store_open_result_clear(&res);
  store_close(s);
  chmod(ro, 0700);
  free(ro);
}

// ---- a score file that cannot be read ------------------------------------------

// Names in `dir`, sorted, joined with ' ' (to see that nothing was moved aside).
static char *dir_listing(const char *dir) {
  struct dirent **names = NULL;
  int n = scandir(dir, &names, NULL, alphasort);
  assert_true(n >= 0);
  StrBuf b = {0};
  strbuf_append(&b, "");
  for (int i = 0; i < n; i++) {
    if (strcmp(names[i]->d_name, ".") != 0 && strcmp(names[i]->d_name, "..") != 0) {
      strbuf_appendf(&b, "%s%s", b.len ? " " : "", names[i]->d_name);
    }
    free(names[i]);
  }
  free(names);
  return strbuf_take(&b);
}

// A saved store with one round by Kim; its bytes and the folder's listing.
static void saved_store(const char *dir, char **bytes, size_t *len, char **listing) {
  Store *s = store_test_open(dir);
  play(s, store_test_player(s, "Kim"), "pk", 3, 3, 30, true, T0);
  store_close(s);
  char *path = db_path(dir);
  read_bytes(path, bytes, len);
  free(path);
  *listing = dir_listing(dir);
}

// The file cannot be read: the right reason (not "the folder cannot be
// written", not "damaged"), a store in memory that plays, and the file left
// exactly where and as it was.
static void expect_unreadable(const char *dir, Store *s, const StoreOpenResult *res, int err) {
  char *path = db_path(dir);
  expect_in_memory(s, res);
  assert_int_equal(res->read_errno, err);
  assert_null(res->moved_to);
  char *want = xasprintf("cannot read the score file %s: permission denied", path);
  assert_string_equal(res->detail, want);
  free(want);
  char *msg = store_open_result_message(res);
  want = xasprintf(
      "Cannot read the score file %s: permission denied. It was left as it is; scores will not be "
      "saved this session.",
      path);
  assert_string_equal(msg, want);
  free(want);
  free(msg);
  // Not seeded from the file (it could not be read): only this session's round.
  assert_int_equal(count_rounds(s, NULL), 1);
  assert_int_equal(count_rounds(s, &(StoreFilter){.player_name = "kim"}), 0);
  free(path);
}

static void expect_untouched(const char *dir, const char *bytes, size_t len, const char *listing) {
  char *path = db_path(dir);
  char *after;
  size_t after_len;
  read_bytes(path, &after, &after_len);
  assert_int_equal(after_len, len);
  assert_memory_equal(after, bytes, len);
  free(after);
  char *now = dir_listing(dir);
  assert_string_equal(now, listing);
  free(now);
  free(path);
}

static void test_unreadable_file_forced(void **state) {
  const char *dir = *state;
  char *bytes, *listing;
  size_t len;
  saved_store(dir, &bytes, &len, &listing);

  // Root reads a mode 000 file: the failure is injected, as force_read_only
  // does for an unwritable folder.
  StoreOpenResult res;
  Store *s = store_open(dir, &(StoreOptions){.force_read_errno = EACCES}, &res);
  expect_unreadable(dir, s, &res, EACCES);
  store_open_result_clear(&res);
  store_close(s);
  expect_untouched(dir, bytes, len, listing);

  // `prebunk scores` (query-only) says the same, without "damaged".
  s = store_open(dir, &(StoreOptions){.query_only = true, .force_read_errno = EACCES}, &res);
  assert_null(s);
  assert_int_equal(res.status, STORE_OPEN_UNREADABLE);
  assert_int_equal(res.read_errno, EACCES);
  char *msg = store_open_result_message(&res);
  char *path = db_path(dir);
  char *want = xasprintf("Cannot read the score file %s: permission denied.", path);
  assert_string_equal(msg, want);
  free(want);
  free(path);
  free(msg);
  store_open_result_clear(&res);
  expect_untouched(dir, bytes, len, listing);

  // Once readable again, everything saved before is there.
  s = store_test_open(dir);
  assert_int_equal(count_rounds(s, &(StoreFilter){.player_name = "kim"}), 1);
  store_close(s);

  // No file yet: nothing to read, so nothing is injected; a normal open.
  char *fresh = fs_join(dir, "fresh");
  s = store_open(fresh, &(StoreOptions){.force_read_errno = EACCES}, &res);
  assert_non_null(s);
  assert_int_equal(res.status, STORE_OPEN_OK);
  assert_int_equal(res.read_errno, 0);
  store_open_result_clear(&res);
  store_close(s);
  free(fresh);
  free(bytes);
  free(listing);
}

static void test_unreadable_file_chmod(void **state) {
  const char *dir = *state;
  char *bytes, *listing;
  size_t len;
  saved_store(dir, &bytes, &len, &listing);
  char *path = db_path(dir);
  assert_int_equal(chmod(path, 0), 0);
  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  if (geteuid() == 0) {
    // Root reads and writes it anyway; test_unreadable_file_forced covers
    // the path. Here the store must at least open, saved, with Kim's round.
    print_message("running as root: permission bits are not enforced, status %d\n", res.status);
    assert_non_null(s);
    assert_int_equal(res.status, STORE_OPEN_OK);
    assert_int_equal(count_rounds(s, &(StoreFilter){.player_name = "kim"}), 1);
    store_open_result_clear(&res);
    store_close(s);
  } else {
    expect_unreadable(dir, s, &res, EACCES);
    store_open_result_clear(&res);
    store_close(s);
    s = store_open(dir, &(StoreOptions){.query_only = true}, &res);
    assert_null(s);
    assert_int_equal(res.status, STORE_OPEN_UNREADABLE);
    store_open_result_clear(&res);
    assert_int_equal(chmod(path, 0644), 0);
    expect_untouched(dir, bytes, len, listing);
  }
  chmod(path, 0644);
  free(path);
  free(bytes);
  free(listing);
}

static void test_query_only_does_not_create(void **state) {
  const char *dir = *state;
  StoreOpenResult res;
  Store *s = store_open(dir, &(StoreOptions){.query_only = true}, &res);
  assert_non_null(s);
  assert_int_equal(res.status, STORE_OPEN_MISSING);
  assert_int_equal(count_rounds(s, NULL), 0);
  store_open_result_clear(&res);
  store_close(s);
  char *path = db_path(dir);
  assert_false(fs_exists(path));
  free(path);
}

// ---- players -----------------------------------------------------------------

static void test_player_names(void **state) {
  const char *dir = *state;
  Store *s = store_test_open(dir);
  int64_t ann = store_test_player(s, "  Ann \t Lee ");
  assert_int_equal(store_test_player(s, "ann lee"), ann);
  assert_int_equal(store_test_player(s, "ANN LEE"), ann);
  assert_int_equal(store_test_player(s, "Ann  Lee"), ann);
  assert_int_not_equal(store_test_player(s, "Ann Leé"), ann);
  int64_t elodie = store_test_player(s, "Élodie");
  assert_int_equal(store_test_player(s, "éLODIE"), elodie);
  assert_int_equal(store_test_player(s, "ÉLODIE"), elodie);
  assert_int_equal(store_test_player(s, "E\xcc\x81lodie"), elodie);  // E + combining acute: the same name
  assert_int_equal(store_test_player(s, "STRASSE"),
                   store_test_player(s, "straße"));  // full case folding, not only simple
  int64_t olga = store_test_player(s, "Ольга");
  assert_int_equal(store_test_player(s, "ОЛЬГА"), olga);
  int64_t lukasz = store_test_player(s, "Łukasz");
  assert_int_equal(store_test_player(s, "łukasz"), lukasz);
  int64_t sara = store_test_player(s, "سارة");  // no case in Arabic: itself
  assert_int_equal(store_test_player(s, " سارة "), sara);

  StorePlayerList list;
  assert_true(store_recent_players(s, 100, &list, NULL));
  assert_int_equal(list.count, 7);
  bool saw_ann = false;
  for (size_t i = 0; i < list.count; i++) {
    if (list.items[i].id == ann) {
      assert_string_equal(list.items[i].name, "Ann Lee");  // first spelling, cleaned
      saw_ann = true;
    }
  }
  assert_true(saw_ann);
  store_player_list_free(&list);

  static const char *const bad[] = {"", "   ", "a\x01b", "bad\xff", "\xc3\x28"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char *err = NULL;
    int64_t id = -1;
    assert_false(store_player_get_or_create(s, bad[i], T0, &id, &err));
    assert_non_null(err);
    assert_int_equal(id, -1);
    free(err);
  }
  char forty[STORE_PLAYER_NAME_MAX + 2];
  memset(forty, 'x', STORE_PLAYER_NAME_MAX);
  forty[STORE_PLAYER_NAME_MAX] = '\0';
  store_test_player(s, forty);
  forty[STORE_PLAYER_NAME_MAX] = 'x';
  forty[STORE_PLAYER_NAME_MAX + 1] = '\0';
  char *err = NULL;
  assert_false(store_player_get_or_create(s, forty, T0, &(int64_t){0}, &err));
  free(err);
  store_close(s);
}

static void test_recent_players_order(void **state) {
  const char *dir = *state;
  Store *s = store_test_open(dir);
  int64_t a = store_test_player(s, "A");  // created at T0
  int64_t b = store_test_player(s, "B");
  int64_t c = store_test_player(s, "C");
  play(s, a, "pk", 1, 1, 10, true, T0 + 5000);
  play(s, c, "pk", 1, 1, 10, true, T0 + 9000);
  StorePlayerList list;
  assert_true(store_recent_players(s, 2, &list, NULL));
  assert_int_equal(list.count, 2);
  assert_int_equal(list.items[0].id, c);
  assert_int_equal(list.items[0].last_played_ms, T0 + 9000);
  assert_int_equal(list.items[1].id, a);
  store_player_list_free(&list);
  assert_true(store_recent_players(s, 10, &list, NULL));
  assert_int_equal(list.count, 3);
  assert_int_equal(list.items[2].id, b);
  assert_int_equal(list.items[2].last_played_ms, T0);
  store_player_list_free(&list);
  store_close(s);
}

// ---- high scores and history ---------------------------------------------------------

static void test_history_and_items(void **state) {
  const char *dir = *state;
  Store *s = store_test_open(dir);
  int64_t kim = store_test_player(s, "Kim");
  int64_t lou = store_test_player(s, "Lou");
  int64_t r1 = play(s, kim, "pk", 3, 1, 10, true, T0);  // item-0 right, item-1, item-2 wrong
  int64_t r2 = begin(s, kim, "pk", 3, T0 + 100000);
  answer(s, r2, 0, false, T0 + 101000);  // item-0 now wrong
  answer(s, r2, 1, true, T0 + 102000);   // item-1 now right
  assert_true(store_round_finish(s, r2, 10, false, T0 + 103000, NULL));
  play(s, lou, "pk", 3, 3, 30, true, T0 + 200000);
  play(s, kim, "other", 2, 2, 20, true, T0 + 300000);

  StoreItemStatList items;
  assert_true(store_item_history(s, kim, "pk", &items, NULL));
  assert_int_equal(items.count, 3);
  const StoreItemStat *i0 = store_item_stat_find(&items, "item-0");
  const StoreItemStat *i1 = store_item_stat_find(&items, "item-1");
  const StoreItemStat *i2 = store_item_stat_find(&items, "item-2");
  assert_non_null(i0);
  assert_non_null(i1);
  assert_non_null(i2);
  assert_null(store_item_stat_find(&items, "item-3"));
  assert_int_equal(i0->seen, 2);
  assert_int_equal(i0->correct, 1);
  assert_false(i0->last_correct);
  assert_int_equal(i0->last_seen_ms, T0 + 101000);
  assert_int_equal(i0->last_correct_ms, T0 + 1000);
  assert_int_equal(i1->seen, 2);
  assert_int_equal(i1->correct, 1);
  assert_true(i1->last_correct);
  assert_int_equal(i2->seen, 1);
  assert_int_equal(i2->correct, 0);
  assert_false(i2->last_correct);
  assert_int_equal(i2->last_correct_ms, 0);
  store_item_stat_list_free(&items);

  // History: newest first by default, filters combine, limit applies.
  StoreRoundList rounds;
  assert_true(store_rounds(s, &(StoreFilter){.player_id = kim}, &rounds, NULL));
  assert_int_equal(rounds.count, 3);
  assert_string_equal(rounds.items[0].pack_id, "other");
  assert_int_equal(rounds.items[1].id, r2);
  assert_int_equal(rounds.items[2].id, r1);
  store_round_list_free(&rounds);
  assert_true(
      store_rounds(s, &(StoreFilter){.player_name = " KIM ", .pack_id = "pk", .oldest_first = true}, &rounds, NULL));
  assert_int_equal(rounds.count, 2);
  assert_int_equal(rounds.items[0].id, r1);
  store_round_list_free(&rounds);
  assert_int_equal(count_rounds(s, &(StoreFilter){.pack_id = "pk", .completed_only = true}), 2);
  assert_int_equal(count_rounds(s, &(StoreFilter){.limit = 2}), 2);
  assert_int_equal(count_rounds(s, &(StoreFilter){.player_name = "nobody"}), 0);
  assert_int_equal(count_rounds(s, &(StoreFilter){.player_name = "\x01"}), 0);

  StoreAnswerList answers;
  assert_true(
      store_answers(s, &(StoreFilter){.player_name = "kim", .pack_id = "pk", .oldest_first = true}, &answers, NULL));
  assert_int_equal(answers.count, 5);
  assert_int_equal(answers.items[0].round_id, r1);
  assert_int_equal(answers.items[3].round_id, r2);
  assert_int_equal(answers.items[4].position, 1);
  assert_string_equal(answers.items[4].player_name, "Kim");
  store_answer_list_free(&answers);
  store_close(s);
}

// ---- crash safety -----------------------------------------------------------------

typedef struct CrashReport {
  int64_t round_id;
  int64_t position;
} CrashReport;

enum { CRASH_KILLS = 50, CRASH_MAX_ANSWERS = 100000 };

static bool write_all(int fd, const void *data, size_t len) {
  const char *p = data;
  while (len > 0) {
    ssize_t w = write(fd, p, len);
    if (w < 0 && errno == EINTR) {
      continue;
    }
    if (w <= 0) {
      return false;
    }
    p += w;
    len -= (size_t)w;
  }
  return true;
}

// Child: opens its own store (never shared across fork), plays one round and
// reports each answer on the pipe only after store_answer_add returned.
static _Noreturn void crash_child(const char *dir, int fd, int kill_no) {
  log_set_stderr(false);
  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  if (!s || res.status != STORE_OPEN_OK) {
    _exit(3);
  }
  int64_t p = 0, r = 0;
  if (!store_player_get_or_create(s, "Crash Tester", T0, &p, NULL)) {
    _exit(4);
  }
  StoreRoundSpec spec = {.player_id = p,
                         .pack_id = "crash",
                         .questions = CRASH_MAX_ANSWERS,
                         .seconds_per_question = 10,
                         .seed = (uint64_t)kill_no,
                         .started_ms = T0 + kill_no};
  if (!store_round_begin(s, &spec, &r, NULL)) {
    _exit(5);
  }
  for (int i = 0; i < CRASH_MAX_ANSWERS; i++) {
    char item[32];
    snprintf(item, sizeof item, "item-%d", i % 40);
    StoreAnswerSpec a = {.position = i,
                         .item_id = item,
                         .truth = STORE_VERDICT_REAL,
                         .given = i % 3 ? STORE_VERDICT_REAL : STORE_VERDICT_FABRICATED,
                         .points = i % 3 ? 10 : 0,
                         .response_ms = 500,
                         .techniques = "emotion",
                         .answered_ms = T0 + i};
    if (!store_answer_add(s, r, &a, NULL)) {
      _exit(6);
    }
    CrashReport rep = {r, i};
    if (!write_all(fd, &rep, sizeof rep)) {
      _exit(7);
    }
  }
  _exit(0);
}

static void sleep_us(long us) {
  struct timespec ts = {.tv_sec = us / 1000000, .tv_nsec = (us % 1000000) * 1000};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

static void test_crash_kills_keep_committed_answers(void **state) {
  const char *dir = *state;
  Rng rng;
  rng_seed(&rng, 20240601);
  CrashReport *reports = NULL;
  size_t count = 0, cap = 0;
  int finished_children = 0;
  for (int k = 0; k < CRASH_KILLS; k++) {
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
      close(fds[0]);
      crash_child(dir, fds[1], k);
    }
    close(fds[1]);
    // Wait for a few commits first (so every kill lands mid-round, not
    // before the store opened), then kill at a random moment.
    uint32_t wait_for = rng_below(&rng, 4);
    size_t got = 0;
    CrashReport rep;
    while (got < wait_for && read(fds[0], &rep, sizeof rep) == (ssize_t)sizeof rep) {
      reports = xgrow(reports, &cap, count + 1, sizeof *reports);
      reports[count++] = rep;
      got++;
    }
    sleep_us((long)rng_below(&rng, 15000));
    kill(pid, SIGKILL);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFEXITED(status)) {
      // Only a child that ran to the end may exit by itself.
      assert_int_equal(WEXITSTATUS(status), 0);
      finished_children++;
    } else {
      assert_true(WIFSIGNALED(status));
    }
    ssize_t n;
    while ((n = read(fds[0], &rep, sizeof rep)) == (ssize_t)sizeof rep) {
      reports = xgrow(reports, &cap, count + 1, sizeof *reports);
      reports[count++] = rep;
    }
    close(fds[0]);
  }
  print_message("%d kills, %zu answers reported committed, %d children finished\n", CRASH_KILLS, count,
                finished_children);
  assert_true(count >= CRASH_KILLS / 2);  // at least the waited-for commits

  char *path = db_path(dir);
  char *integrity = file_query(path, "PRAGMA integrity_check");
  assert_string_equal(integrity, "ok");
  free(integrity);

  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  assert_int_equal(res.status, STORE_OPEN_OK);
  // At most the last child's round (earlier ones were abandoned when the
  // next child opened the store; the last may have died before its round).
  assert_true(res.abandoned <= 1);
  store_open_result_clear(&res);

  StoreRoundList rounds;
  assert_true(store_rounds(s, &(StoreFilter){.pack_id = "crash", .oldest_first = true}, &rounds, NULL));
  StoreAnswerList answers;
  assert_true(store_answers(s, &(StoreFilter){.pack_id = "crash"}, &answers, NULL));
  // Every reported answer is there.
  for (size_t i = 0; i < count; i++) {
    bool present = false;
    for (size_t j = 0; j < answers.count && !present; j++) {
      present = answers.items[j].round_id == reports[i].round_id && answers.items[j].position == reports[i].position;
    }
    if (!present) {
      fail_msg("answer %lld of round %lld was reported committed but is missing", (long long)reports[i].position,
               (long long)reports[i].round_id);
    }
  }
  // Each round's counts match its answers (answer and counts commit
  // together), and at most one answer per round was committed but not
  // reported (the kill fell between COMMIT and the pipe write).
  for (size_t i = 0; i < rounds.count; i++) {
    const StoreRound *r = &rounds.items[i];
    assert_int_equal(r->status, STORE_ROUND_ABANDONED);
    int in_db = 0, correct = 0;
    for (size_t j = 0; j < answers.count; j++) {
      if (answers.items[j].round_id == r->id) {
        in_db++;
        correct += answers.items[j].correct;
      }
    }
    int reported = 0;
    for (size_t j = 0; j < count; j++) {
      reported += reports[j].round_id == r->id;
    }
    assert_int_equal(r->answered, in_db);
    assert_int_equal(r->correct, correct);
    assert_true(in_db == reported || in_db == reported + 1);
  }
  store_round_list_free(&rounds);
  store_answer_list_free(&answers);
  store_close(s);
  free(reports);
  free(path);
}

static void test_open_messages(void **state) {
  (void)state;
  StoreOpenResult r = {.status = STORE_OPEN_OK};
  assert_null(store_open_result_message(&r));
  static const StoreOpenStatus statuses[] = {STORE_OPEN_READ_ONLY, STORE_OPEN_READ_ONLY, STORE_OPEN_NEWER_VERSION,
                                             STORE_OPEN_MISSING,   STORE_OPEN_DAMAGED,   STORE_OPEN_UNREADABLE,
                                             STORE_OPEN_FAILED};
  for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
    r.status = statuses[i];
    r.read_errno = i % 2 ? EACCES : 0;
    char *msg = store_open_result_message(&r);
    assert_non_null(msg);
    assert_true(strlen(msg) > 10);
    free(msg);
  }
  assert_string_equal(store_verdict_name(STORE_VERDICT_FABRICATED), "fabricated");
  assert_string_equal(store_round_status_name(STORE_ROUND_IN_PROGRESS), "in_progress");
  store_close(NULL);
  store_open_result_clear(NULL);
}

#define T(f) cmocka_unit_test_setup_teardown(f, store_test_setup, store_test_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_create_and_reopen_keeps_data),
      T(test_in_progress_round_abandoned_on_reopen),
      T(test_running_instance_rounds_left_alone),
      T(test_round_lifecycle_errors),
      T(test_migration_from_v1),
      T(test_newer_version_refused),
      T(test_garbage_file_set_aside),
      T(test_truncated_database_set_aside),
      T(test_damaged_page_set_aside),
      T(test_read_only_forced_keeps_old_scores),
      T(test_read_only_unreachable_folder),
      T(test_read_only_chmod),
      T(test_unreadable_file_forced),
      T(test_unreadable_file_chmod),
      T(test_query_only_does_not_create),
      T(test_player_names),
      T(test_recent_players_order),
      T(test_history_and_items),
      T(test_crash_kills_keep_committed_answers),
      T(test_open_messages),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

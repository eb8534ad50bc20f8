// Schema 3 of the score store: leaderboards ranked by care (correct, then
// d', then time), the per-round summary columns, the migration from a
// version-2 file (backfill, recomputed name keys without silent merges) and
// two games migrating one file at the same moment.

#include "store/store.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/stats.h"
#include "base/str.h"
#include "store_test_support.h"
#include "support/test_support.h"

#define T0 INT64_C(1700000000000)

// A completed 10-question round on "pk": items alternate real (even
// positions) and fabricated; answers[i] is 'r', 'f' or '-' (time ran out);
// every answer takes `ms`; a correct one earns `points`.
static int64_t play_round(Store *s, int64_t pid, const char *answers, int ms, int points, int64_t start,
                          bool completed) {
  StoreRoundSpec spec = {.player_id = pid,
                         .pack_id = "pk",
                         .pack_version = 1,
                         .questions = (int)strlen(answers),
                         .seconds_per_question = 20,
                         .speed_bonus = true,
                         .seed = 1,
                         .started_ms = start};
  int64_t id = 0;
  char *err = NULL;
  if (!store_round_begin(s, &spec, &id, &err)) {
    fail_msg("begin: %s", err);
  }
  int score = 0;
  for (int i = 0; answers[i]; i++) {
    StoreVerdict truth = i % 2 ? STORE_VERDICT_FABRICATED : STORE_VERDICT_REAL;
    StoreVerdict given = answers[i] == 'r'   ? STORE_VERDICT_REAL
                         : answers[i] == 'f' ? STORE_VERDICT_FABRICATED
                                             : STORE_VERDICT_NONE;
    char item[16];
    snprintf(item, sizeof item, "i%d", i);
    int pts = given == truth ? points : 0;
    score += pts;
    StoreAnswerSpec a = {.position = i,
                         .item_id = item,
                         .truth = truth,
                         .given = given,
                         .points = pts,
                         .response_ms = given == STORE_VERDICT_NONE ? 20000 : ms,
                         .answered_ms = start + i + 1};
    if (!store_answer_add(s, id, &a, &err)) {
      fail_msg("answer: %s", err);
    }
  }
  if (!store_round_finish(s, id, score, completed, start + 100, &err)) {
    fail_msg("finish: %s", err);
  }
  return id;
}

// Pressing F instantly ten times: 5 of 10 right with the most points, but
// no discernment (d' = 0). A careful player with the same 5 right who let
// two questions run out discerns better (d' > 0) and ranks above; a perfect
// round ranks first whatever its time; equal rounds share a rank.
static void test_care_beats_speed(void **state) {
  Store *s = store_test_open(*state);
  int64_t guesser = store_test_player(s, "Guesser");
  int64_t careful = store_test_player(s, "Careful");
  int64_t perfect = store_test_player(s, "Perfect");
  int64_t slow_twin = store_test_player(s, "Slow twin");
  int64_t quitter = store_test_player(s, "Quitter");
  int64_t g = play_round(s, guesser, "ffffffffff", 10, 148, T0, true);
  int64_t c = play_round(s, careful, "rfrf-ffrf-", 6000, 100, T0 + 1000, true);
  play_round(s, careful, "fffrrrrrrr", 100, 150, T0 + 2000, true);  // worse (4 right), more points
  int64_t p = play_round(s, perfect, "rfrfrfrfrf", 19000, 101, T0 + 3000, true);
  play_round(s, slow_twin, "ffffffffff", 5000, 100, T0 + 4000, true);
  play_round(s, quitter, "rfrfrfrfrf", 10, 150, T0 + 5000, false);  // abandoned: not listed

  StoreRoundList rounds;
  assert_true(store_rounds(s, &(StoreFilter){.round_id = c}, &rounds, NULL));
  const StoreRound *cr = &rounds.items[0];
  assert_int_equal(cr->correct, 5);
  assert_int_equal(cr->real_items, 5);
  assert_int_equal(cr->real_trusted, 2);
  assert_int_equal(cr->real_rejected, 2);
  assert_int_equal(cr->fake_items, 5);
  assert_int_equal(cr->fake_caught, 3);
  assert_int_equal(cr->fake_believed, 1);
  assert_int_equal(cr->response_ms, 8 * 6000 + 2 * 20000);
  assert_true(cr->d_prime == stats_d_prime_corrected(3, 4, 2, 4));
  assert_true(cr->d_prime > 0.3);
  store_round_list_free(&rounds);

  StoreTopList top;
  assert_true(store_top_scores(s, "pk", 10, &top, NULL));
  assert_int_equal(top.count, 4);
  assert_int_equal(top.items[0].round_id, p);
  assert_int_equal(top.items[1].round_id, c);  // each player's best round, not the highest score
  assert_int_equal(top.items[2].round_id, g);
  assert_int_equal(top.items[3].player_id, slow_twin);  // same answers as the guesser, slower
  int ranks[] = {1, 2, 3, 4};
  for (int i = 0; i < 4; i++) {
    assert_int_equal(top.items[i].rank, ranks[i]);
  }
  const StoreTopEntry *ge = &top.items[2];
  assert_int_equal(ge->score, 740);
  assert_int_equal(ge->correct, 5);
  assert_int_equal(ge->questions, 10);
  assert_int_equal(ge->real_items, 5);
  assert_int_equal(ge->real_trusted, 0);
  assert_int_equal(ge->fake_items, 5);
  assert_int_equal(ge->fake_caught, 5);
  assert_true(fabs(ge->d_prime) < 1e-12);
  assert_int_equal(ge->response_ms, 100);
  assert_string_equal(top.items[1].player_name, "Careful");
  assert_int_equal(top.items[1].ended_ms, T0 + 1100);
  store_top_list_free(&top);

  // An exact copy of the guesser's round ties it: same rank, earlier first.
  int64_t copy = store_test_player(s, "Copy");
  play_round(s, copy, "ffffffffff", 10, 148, T0 + 6000, true);
  assert_true(store_top_scores(s, "pk", 3, &top, NULL));
  assert_int_equal(top.count, 3);
  store_top_list_free(&top);
  assert_true(store_top_scores(s, "pk", 10, &top, NULL));
  assert_int_equal(top.items[2].player_id, guesser);
  assert_int_equal(top.items[3].player_id, copy);
  assert_int_equal(top.items[2].rank, 3);
  assert_int_equal(top.items[3].rank, 3);
  assert_int_equal(top.items[4].rank, 5);
  store_top_list_free(&top);
  store_close(s);
}

// ---- migration from version 2 --------------------------------------------------

// A version-2 file as Prebunk 2 wrote it, with two players whose names only
// differ in composed / decomposed form ("Élodie" twice: two players then,
// one key now) and a round to backfill.
static const char V2_FILE[] =
    "PRAGMA journal_mode = WAL;"
    "CREATE TABLE players (id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,"
    "  created_ms INTEGER NOT NULL);"
    "CREATE TABLE rounds (id INTEGER PRIMARY KEY,"
    "  player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE, pack_id TEXT NOT NULL,"
    "  pack_version INTEGER NOT NULL, questions INTEGER NOT NULL, seconds_per_question INTEGER NOT NULL,"
    "  seed INTEGER NOT NULL, started_ms INTEGER NOT NULL, ended_ms INTEGER, score INTEGER NOT NULL DEFAULT 0,"
    "  status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed', 'abandoned')),"
    "  answered INTEGER NOT NULL DEFAULT 0, correct INTEGER NOT NULL DEFAULT 0,"
    "  speed_bonus INTEGER NOT NULL DEFAULT 0 CHECK (speed_bonus IN (0, 1)),"
    "  timed_out INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE answers (round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL, item_id TEXT NOT NULL,"
    "  truth TEXT NOT NULL CHECK (truth IN ('real', 'fabricated')),"
    "  given TEXT NOT NULL CHECK (given IN ('real', 'fabricated', 'none')),"
    "  correct INTEGER NOT NULL CHECK (correct IN (0, 1)), points INTEGER NOT NULL,"
    "  response_ms INTEGER NOT NULL, answered_ms INTEGER NOT NULL, techniques TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (round_id, position));"
    "CREATE INDEX rounds_by_pack ON rounds (pack_id, status, score DESC);"
    "CREATE INDEX rounds_by_player ON rounds (player_id, pack_id, started_ms);"
    "INSERT INTO players VALUES (1, '\xc3\x89lodie', '\xc3\xa9lodie', 1600000000000);"
    "INSERT INTO players VALUES (2, 'E\xcc\x81lodie', 'e\xcc\x81lodie', 1600000000001);"
    "INSERT INTO players VALUES (3, 'OLGA', 'olga', 1600000000002);"
    "INSERT INTO rounds VALUES (7, 1, 'pk', 1, 4, 20, 42, 1600000001000, 1600000009000, 20, 'completed',"
    "  4, 2, 1, 1);"
    "INSERT INTO answers VALUES (7, 0, 'a', 'real', 'real', 1, 10, 900, 1600000002000, '');"
    "INSERT INTO answers VALUES (7, 1, 'b', 'fabricated', 'none', 0, 0, 20000, 1600000005000, '');"
    "INSERT INTO answers VALUES (7, 2, 'c', 'fabricated', 'fabricated', 1, 10, 1500, 1600000008000, '');"
    "INSERT INTO answers VALUES (7, 3, 'd', 'real', 'fabricated', 0, 0, 2000, 1600000008500, '');"
    "PRAGMA user_version = 2;";

static void write_v2(const char *dir) {
  char *path = fs_join(dir, STORE_FILE_NAME);
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  char *msg = NULL;
  if (sqlite3_exec(db, V2_FILE, NULL, NULL, &msg) != SQLITE_OK) {
    fail_msg("%s", msg);
  }
  sqlite3_close(db);
  free(path);
}

static int file_version(const char *dir) {
  char *path = fs_join(dir, STORE_FILE_NAME);
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  sqlite3_stmt *st = NULL;
  assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  int v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  free(path);
  return v;
}

static void test_migration_from_v2(void **state) {
  const char *dir = *state;
  write_v2(dir);
  Store *s = store_test_open(dir);
  assert_int_equal(file_version(dir), STORE_SCHEMA_VERSION);

  StoreRoundList rounds;
  assert_true(store_rounds(s, &(StoreFilter){.round_id = 7}, &rounds, NULL));
  assert_int_equal(rounds.count, 1);
  const StoreRound *r = &rounds.items[0];
  assert_int_equal(r->real_items, 2);
  assert_int_equal(r->real_trusted, 1);
  assert_int_equal(r->real_rejected, 1);
  assert_int_equal(r->fake_items, 2);
  assert_int_equal(r->fake_caught, 1);
  assert_int_equal(r->fake_believed, 0);
  assert_int_equal(r->response_ms, 900 + 20000 + 1500 + 2000);
  assert_true(r->d_prime == stats_d_prime_corrected(1, 1, 1, 2));
  store_round_list_free(&rounds);

  // Both Élodies are kept (nothing merged silently); the older one now
  // answers to either spelling, the other keeps its history under its id.
  StorePlayerList players;
  assert_true(store_recent_players(s, 10, &players, NULL));
  assert_int_equal(players.count, 3);
  store_player_list_free(&players);
  int64_t id = -1;
  assert_true(store_player_find(s, "E\xcc\x81LODIE", &id, NULL));
  assert_int_equal(id, 1);
  assert_true(store_player_find(s, "\xc3\xa9lodie", &id, NULL));
  assert_int_equal(id, 1);
  assert_true(store_player_find(s, "olga", &id, NULL));
  assert_int_equal(id, 3);
  assert_true(store_player_find(s, "nobody", &id, NULL));
  assert_int_equal(id, 0);
  assert_int_equal(store_test_player(s, "Olga"), 3);

  StoreTopList top;
  assert_true(store_top_scores(s, "pk", 10, &top, NULL));
  assert_int_equal(top.count, 1);
  assert_int_equal(top.items[0].real_trusted, 1);
  assert_int_equal(top.items[0].fake_caught, 1);
  store_top_list_free(&top);
  store_close(s);

  // Reopening a version-3 file changes nothing.
  s = store_test_open(dir);
  assert_true(store_recent_players(s, 10, &players, NULL));
  assert_int_equal(players.count, 3);
  store_player_list_free(&players);
  store_close(s);
}

// Two games started at once on one version-2 file: whichever migrates
// second must see, under its write lock, that the work is done, and both
// end on the current version with a writable store.
static void test_concurrent_migration(void **state) {
  const char *dir = *state;
  write_v2(dir);
  char *path = fs_join(dir, STORE_FILE_NAME);
  // A third process holds the write lock so both games read version 2
  // first, then race for it. (No SQLite connection may cross a fork, so
  // the holder is a process of its own.)
  int ready[2];
  assert_int_equal(pipe(ready), 0);
  pid_t holder = fork();
  assert_true(holder >= 0);
  if (holder == 0) {
    sqlite3 *db = NULL;
    int ok = sqlite3_open(path, &db) == SQLITE_OK && sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
    free(path);  // the children _exit: free what they own, or valgrind counts a leak
    char byte = ok ? 'y' : 'n';
    ssize_t w = write(ready[1], &byte, 1);
    nanosleep(&(struct timespec){.tv_sec = 0, .tv_nsec = 400 * 1000 * 1000}, NULL);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(db);
    _exit(ok && w == 1 ? 0 : 1);
  }
  char byte = 0;
  assert_int_equal(read(ready[0], &byte, 1), 1);
  assert_int_equal(byte, 'y');
  close(ready[0]);
  close(ready[1]);
  pid_t kids[2];
  for (int k = 0; k < 2; k++) {
    kids[k] = fork();
    assert_true(kids[k] >= 0);
    if (kids[k] == 0) {
      StoreOpenResult r;
      Store *s = store_open(dir, NULL, &r);
      int code = s && r.status == STORE_OPEN_OK && store_is_persistent(s) ? 0 : 1;
      if (code) {
        fprintf(stderr, "game %d: status %d: %s\n", k, (int)r.status, r.detail ? r.detail : "");
      }
      store_close(s);
      store_open_result_clear(&r);
      free(path);
      _exit(code);
    }
  }
  int hstatus = 0;
  assert_int_equal(waitpid(holder, &hstatus, 0), holder);
  assert_true(WIFEXITED(hstatus) && WEXITSTATUS(hstatus) == 0);
  for (int k = 0; k < 2; k++) {
    int status = 0;
    assert_int_equal(waitpid(kids[k], &status, 0), kids[k]);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
  }
  assert_int_equal(file_version(dir), STORE_SCHEMA_VERSION);
  free(path);
}

#define T(f) cmocka_unit_test_setup_teardown(f, store_test_setup, store_test_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_care_beats_speed),
      T(test_migration_from_v2),
      T(test_concurrent_migration),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

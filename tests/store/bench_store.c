// Benchmark (not a test): what crash safety costs. Prints the time per
// committed answer (synchronous=FULL, one transaction each) against the same
// inserts in one batch transaction, and the cost of opening a large history
// (quick_check + stale-round scan) against a bare sqlite3_open.
// Usage: bench_store [DIR]   (default: a fresh folder under $TMPDIR or /tmp)

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/str.h"
#include "store/store.h"

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static Store *open_or_die(const char *dir) {
  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  if (!s || res.status != STORE_OPEN_OK) {
    fprintf(stderr, "bench_store: cannot open a store in %s (status %d)\n", dir, res.status);
    exit(1);
  }
  store_open_result_clear(&res);
  return s;
}

int main(int argc, char **argv) {
  char *dir;
  if (argc > 1) {
    dir = xstrdup(argv[1]);
  } else {
    const char *tmp = getenv("TMPDIR");
    dir = xasprintf("%s/prebunk-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
      perror("mkdtemp");
      return 1;
    }
  }
  enum { ANSWERS = 300, ROUNDS = 5000, PER_ROUND = 20 };

  Store *s = open_or_die(dir);
  int64_t p = 0, r = 0;
  store_player_get_or_create(s, "Bench", 1, &p, NULL);
  StoreRoundSpec spec = {
      .player_id = p, .pack_id = "bench", .questions = ANSWERS, .seconds_per_question = 10, .started_ms = 1};
  store_round_begin(s, &spec, &r, NULL);
  double t = now_ms();
  for (int i = 0; i < ANSWERS; i++) {
    StoreAnswerSpec a = {.position = i,
                         .item_id = "item",
                         .truth = STORE_VERDICT_REAL,
                         .given = STORE_VERDICT_REAL,
                         .points = 10,
                         .response_ms = 900,
                         .techniques = "emotion",
                         .answered_ms = i};
    if (!store_answer_add(s, r, &a, NULL)) {
      fprintf(stderr, "bench_store: answer %d failed\n", i);
      return 1;
    }
  }
  double per_answer = (now_ms() - t) / ANSWERS;
  store_round_finish(s, r, 0, true, ANSWERS, NULL);
  store_close(s);

  // A long history in one batch, straight through SQLite.
  char *path = fs_join(dir, STORE_FILE_NAME);
  sqlite3 *db = NULL;
  sqlite3_open(path, &db);
  sqlite3_exec(db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  t = now_ms();
  sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
  for (int i = 0; i < ROUNDS; i++) {
    char *sql = xasprintf(
        "INSERT INTO rounds (player_id, pack_id, pack_version, questions, seconds_per_question,"
        " seed, started_ms, ended_ms, score, status, answered, correct)"
        " VALUES (%lld, 'bench', 1, %d, 10, %d, %d, %d, %d, 'completed', %d, %d)",
        (long long)p, PER_ROUND, i, i * 100, i * 100 + 50, i % 200, PER_ROUND, i % PER_ROUND);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    free(sql);
    int64_t rid = sqlite3_last_insert_rowid(db);
    for (int j = 0; j < PER_ROUND; j++) {
      sql = xasprintf(
          "INSERT INTO answers (round_id, position, item_id, truth, given, correct, points, response_ms,"
          " answered_ms, techniques) VALUES (%lld, %d, 'item-%d', 'real', 'real', 1, 10, 900, %d, '')",
          (long long)rid, j, j, i * 100 + j);
      sqlite3_exec(db, sql, NULL, NULL, NULL);
      free(sql);
    }
  }
  sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  double batch_per_answer = (now_ms() - t) / (ROUNDS * PER_ROUND);
  sqlite3_close(db);

  t = now_ms();
  sqlite3_open(path, &db);
  sqlite3_exec(db, "PRAGMA user_version", NULL, NULL, NULL);
  sqlite3_close(db);
  double bare_open = now_ms() - t;

  t = now_ms();
  s = open_or_die(dir);
  double store_open_ms = now_ms() - t;
  t = now_ms();
  StoreTopList top;
  store_top_scores(s, "bench", 10, &top, NULL);
  double top_ms = now_ms() - t;
  store_top_list_free(&top);
  t = now_ms();
  StoreItemStatList items;
  store_item_history(s, p, "bench", &items, NULL);
  double items_ms = now_ms() - t;
  store_item_stat_list_free(&items);
  store_close(s);

  printf("answers committed one by one (FULL sync): %.3f ms each\n", per_answer);
  printf("same inserts batched in one transaction: %.4f ms each (ratio %.0fx)\n", batch_per_answer,
         per_answer / (batch_per_answer > 0 ? batch_per_answer : 1e-9));
  printf("open with %d rounds / %d answers: %.1f ms (bare sqlite3_open %.2f ms, ratio %.0fx)\n", ROUNDS + 1,
         ROUNDS * PER_ROUND + ANSWERS, store_open_ms, bare_open, store_open_ms / (bare_open > 0 ? bare_open : 1e-9));
  printf("top 10: %.1f ms; per-item history over %d answers: %.1f ms\n", top_ms, ROUNDS * PER_ROUND, items_ms);
  if (argc <= 1) {
    char *wal = xasprintf("%s-wal", path);
    char *shm = xasprintf("%s-shm", path);
    unlink(wal);
    unlink(shm);
    unlink(path);
    rmdir(dir);
    free(wal);
    free(shm);
  }
  free(path);
  free(dir);
  return 0;
}

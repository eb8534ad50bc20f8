// `prebunk scores` through the real binary ($PREBUNK_BINARY), on a data
// folder filled through the store API first.

#include <csv.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/str.h"
#include "store/store.h"
#include "store_test_support.h"
#include "support/test_support.h"

// 2023-11-14 22:13:20 UTC
#define T0 INT64_C(1700000000000)
#define HOUR INT64_C(3600000)

static const char *const SMITH = "Smith, \"Jo\"";  // a comma and quotes
static const char *const ZOE = "Zoë";              // wider in bytes than on screen
static const char *const ODD_PACK = "pack,with\nnewline";

static int64_t add_round(Store *s, const char *name, const char *pack, int answered, int correct, int score,
                         int finish /* 1 completed, 0 abandoned, -1 left in progress */, int64_t start) {
  int64_t p = 0, r = 0;
  assert_true(store_player_get_or_create(s, name, start, &p, NULL));
  StoreRoundSpec spec = {.player_id = p,
                         .pack_id = pack,
                         .pack_version = 1,
                         .questions = 10,
                         .seconds_per_question = 20,
                         .seed = 99,
                         .started_ms = start};
  assert_true(store_round_begin(s, &spec, &r, NULL));
  for (int i = 0; i < answered; i++) {
    StoreAnswerSpec a = {.position = i,
                         .item_id = i == 0 ? "say \"hi\"" : "plain-item",
                         .truth = STORE_VERDICT_FABRICATED,
                         .given = i < correct ? STORE_VERDICT_FABRICATED : STORE_VERDICT_REAL,
                         .points = i < correct ? 10 : 0,
                         .response_ms = 2500,
                         .techniques = "emotion;fake-expert",
                         .answered_ms = start + 1000 * (i + 1)};
    assert_true(store_answer_add(s, r, &a, NULL));
  }
  if (finish >= 0) {
    assert_true(store_round_finish(s, r, score, finish == 1, start + 60000, NULL));
  }
  return r;
}

// Ann 7/10 completed, Smith 2/3 abandoned, Zoë 10/10 completed on the odd
// pack, Ann 1/1 still in progress: 4 rounds, 24 answers.
static void populate(const char *dir) {
  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  assert_int_equal(res.status, STORE_OPEN_OK);
  store_open_result_clear(&res);
  add_round(s, "Ann", "news-basics", 10, 7, 70, 1, T0);
  add_round(s, SMITH, "news-basics", 3, 2, 20, 0, T0 + HOUR);
  add_round(s, ZOE, ODD_PACK, 10, 10, 120, 1, T0 + 2 * HOUR);
  add_round(s, "Ann", "mist-20", 1, 1, 10, -1, T0 + 3 * HOUR);
  store_close(s);
}

// Runs `prebunk scores ARGS --data-dir DIR` in UTC; stdout only unless `with_stderr`.
static char *scores(const char *dir, const char *args, int *status, bool with_stderr) {
  const char *bin = getenv("PREBUNK_BINARY");
  if (!bin) {
    fail_msg("PREBUNK_BINARY is not set: run the tests through ctest");
  }
  char *cmd = xasprintf("{ TZ=UTC LC_ALL=C.UTF-8 '%s' scores --data-dir '%s' %s %s; }", bin, dir, args,
                        with_stderr ? "" : "2>/dev/null");
  char *out = test_run(cmd, status);
  free(cmd);
  return out;
}

// ---- a tiny CSV reader on top of libcsv --------------------------------------------

typedef struct Csv {
  char **fields;  // rows * width, owned
  size_t count, cap;
  size_t width;  // fields per row (checked to be constant)
  size_t rows;
  size_t in_row;
  bool ragged;
} Csv;

static void csv_on_field(void *data, size_t len, void *user) {
  Csv *c = user;
  c->fields = xgrow(c->fields, &c->cap, c->count + 1, sizeof *c->fields);
  c->fields[c->count++] = xstrndup(data ? data : "", len);
  c->in_row++;
}

static void csv_on_row(int term, void *user) {
  (void)term;
  Csv *c = user;
  if (c->rows == 0) {
    c->width = c->in_row;
  } else if (c->in_row != c->width) {
    c->ragged = true;
  }
  c->rows++;
  c->in_row = 0;
}

static Csv csv_read(const char *text) {
  Csv c = {0};
  struct csv_parser p;
  assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
  size_t len = strlen(text);
  if (csv_parse(&p, text, len, csv_on_field, csv_on_row, &c) != len) {
    fail_msg("CSV does not parse strictly: %s", csv_strerror(csv_error(&p)));
  }
  assert_int_equal(csv_fini(&p, csv_on_field, csv_on_row, &c), 0);
  csv_free(&p);
  assert_false(c.ragged);
  return c;
}

static const char *csv_at(const Csv *c, size_t row, const char *column) {
  for (size_t i = 0; i < c->width; i++) {
    if (strcmp(c->fields[i], column) == 0) {
      assert_true(row < c->rows);
      return c->fields[row * c->width + i];
    }
  }
  fail_msg("no CSV column %s", column);
  return NULL;
}

static void csv_clear(Csv *c) {
  for (size_t i = 0; i < c->count; i++) {
    free(c->fields[i]);
  }
  free(c->fields);
}

// ---- tests -----------------------------------------------------------------------

static size_t count_lines(const char *s) {
  size_t n = 0;
  for (; *s; s++) {
    n += *s == '\n';
  }
  return n;
}

// Screen column of byte offset `off` in a line (code points; the test's
// characters are all one column wide).
static size_t column_of(const char *line, size_t off) {
  size_t col = 0;
  for (size_t i = 0; i < off; i++) {
    col += ((unsigned char)line[i] & 0xC0) != 0x80;
  }
  return col;
}

static void test_table(void **state) {
  const char *dir = *state;
  populate(dir);
  int status;
  char *out = scores(dir, "", &status, true);
  assert_int_equal(status, 0);
  assert_int_equal(count_lines(out), 5);  // header + 4 rounds
  char *lines[5];
  char *save = NULL;
  char *copy = xstrdup(out);
  size_t n = 0;
  for (char *l = strtok_r(copy, "\n", &save); l && n < 5; l = strtok_r(NULL, "\n", &save)) {
    lines[n++] = l;
  }
  assert_int_equal(n, 5);
  assert_non_null(strstr(lines[0], "Date"));
  assert_non_null(strstr(lines[0], "Player"));
  assert_non_null(strstr(lines[0], "Status"));
  // Oldest first, local time (UTC here), correct/answered and status.
  assert_true(str_starts_with(lines[1], "2023-11-14 22:13"));
  assert_non_null(strstr(lines[1], "Ann"));
  assert_non_null(strstr(lines[1], "7/10"));
  assert_non_null(strstr(lines[1], "completed"));
  assert_non_null(strstr(lines[2], SMITH));
  assert_non_null(strstr(lines[2], "2/3"));
  assert_non_null(strstr(lines[2], "abandoned"));
  assert_non_null(strstr(lines[3], ZOE));
  assert_non_null(strstr(lines[3], "pack,with newline"));  // no raw newline inside a row
  assert_non_null(strstr(lines[3], "120"));
  assert_non_null(strstr(lines[4], "mist-20"));
  assert_non_null(strstr(lines[4], "in progress"));
  // Aligned on screen: the pack column starts at the same column on every
  // row although "Zoë" is one byte longer than it is wide.
  const char *packs[] = {"Pack", "news-basics", "news-basics", "pack,with", "mist-20"};
  size_t col = column_of(lines[0], (size_t)(strstr(lines[0], packs[0]) - lines[0]));
  for (size_t i = 1; i < 5; i++) {
    const char *at = strstr(lines[i], packs[i]);
    assert_non_null(at);
    assert_int_equal(column_of(lines[i], (size_t)(at - lines[i])), col);
  }
  // Scores are right-aligned: the score column ends at the same column.
  const char *score_text[] = {"Score", "70", "20", "120", "10"};
  size_t end_col = 0;
  for (size_t i = 0; i < 5; i++) {
    const char *from = strstr(lines[i], packs[i]) + strlen(packs[i]);
    const char *at = strstr(from, score_text[i]);
    assert_non_null(at);
    size_t end = column_of(lines[i], (size_t)(at - lines[i])) + strlen(score_text[i]);
    if (i == 0) {
      end_col = end;
    }
    assert_int_equal(end, end_col);
  }
  free(copy);
  free(out);
}

static void test_csv_rounds(void **state) {
  const char *dir = *state;
  populate(dir);
  int status;
  char *out = scores(dir, "--csv", &status, false);
  assert_int_equal(status, 0);
  assert_non_null(strstr(out, "\r\n"));
  // Quoted exactly as RFC 4180 says: doubled quotes inside quotes.
  assert_non_null(strstr(out, ",\"Smith, \"\"Jo\"\"\","));
  assert_non_null(strstr(out, ",\"pack,with\nnewline\","));
  Csv c = csv_read(out);
  assert_int_equal(c.rows, 5);
  assert_int_equal(c.width, 15);
  assert_string_equal(csv_at(&c, 1, "player"), "Ann");
  assert_string_equal(csv_at(&c, 1, "started_utc"), "2023-11-14T22:13:20.000Z");
  assert_string_equal(csv_at(&c, 1, "ended_utc"), "2023-11-14T22:14:20.000Z");
  assert_string_equal(csv_at(&c, 1, "score"), "70");
  assert_string_equal(csv_at(&c, 1, "correct"), "7");
  assert_string_equal(csv_at(&c, 1, "answered"), "10");
  assert_string_equal(csv_at(&c, 1, "status"), "completed");
  assert_string_equal(csv_at(&c, 1, "seed"), "99");
  assert_string_equal(csv_at(&c, 2, "player"), SMITH);
  assert_string_equal(csv_at(&c, 2, "status"), "abandoned");
  assert_string_equal(csv_at(&c, 3, "player"), ZOE);
  assert_string_equal(csv_at(&c, 3, "pack_id"), ODD_PACK);
  assert_string_equal(csv_at(&c, 4, "status"), "in_progress");
  assert_string_equal(csv_at(&c, 4, "ended_utc"), "");
  csv_clear(&c);
  free(out);
}

static void test_csv_answers(void **state) {
  const char *dir = *state;
  populate(dir);
  int status;
  char *out = scores(dir, "--csv --answers", &status, false);
  assert_int_equal(status, 0);
  Csv c = csv_read(out);
  assert_int_equal(c.rows, 1 + 24);
  assert_int_equal(c.width, 12);
  assert_string_equal(csv_at(&c, 1, "question"), "1");
  assert_string_equal(csv_at(&c, 1, "item_id"), "say \"hi\"");
  assert_string_equal(csv_at(&c, 1, "techniques"), "emotion;fake-expert");
  assert_string_equal(csv_at(&c, 1, "truth"), "fabricated");
  assert_string_equal(csv_at(&c, 1, "given"), "fabricated");
  assert_string_equal(csv_at(&c, 1, "correct"), "1");
  assert_string_equal(csv_at(&c, 1, "answered_utc"), "2023-11-14T22:13:21.000Z");
  assert_string_equal(csv_at(&c, 10, "question"), "10");
  assert_string_equal(csv_at(&c, 10, "given"), "real");
  assert_string_equal(csv_at(&c, 10, "correct"), "0");
  assert_string_equal(csv_at(&c, 11, "player"), SMITH);
  assert_string_equal(csv_at(&c, 14, "pack_id"), ODD_PACK);
  csv_clear(&c);
  free(out);

  out = scores(dir, "--answers", &status, false);
  assert_int_equal(status, 0);
  assert_int_equal(count_lines(out), 1 + 24);
  assert_non_null(strstr(out, "Item"));
  assert_non_null(strstr(out, "2.5"));  // response time in seconds
  free(out);
}

static void test_filters(void **state) {
  const char *dir = *state;
  populate(dir);
  int status;
  char *out = scores(dir, "--csv --player ANN", &status, false);
  assert_int_equal(status, 0);
  Csv c = csv_read(out);
  assert_int_equal(c.rows, 3);
  assert_string_equal(csv_at(&c, 1, "player"), "Ann");
  assert_string_equal(csv_at(&c, 2, "player"), "Ann");
  csv_clear(&c);
  free(out);

  out = scores(dir, "--csv --pack news-basics --player ' ann '", &status, false);
  c = csv_read(out);
  assert_int_equal(c.rows, 2);
  assert_string_equal(csv_at(&c, 1, "pack_id"), "news-basics");
  csv_clear(&c);
  free(out);

  out = scores(dir, "--pack no-such-pack", &status, false);
  assert_int_equal(status, 0);
  assert_non_null(strstr(out, "No scores match"));
  free(out);
}

static void test_empty_and_missing(void **state) {
  const char *dir = *state;
  int status;
  // No database at all: a friendly line, and nothing is created.
  char *out = scores(dir, "", &status, true);
  assert_int_equal(status, 0);
  assert_non_null(strstr(out, "No scores yet"));
  free(out);
  char *db = fs_join(dir, STORE_FILE_NAME);
  assert_false(fs_exists(db));
  char *missing = fs_join(dir, "not-there");
  out = scores(missing, "", &status, true);
  assert_int_equal(status, 0);
  assert_non_null(strstr(out, "No scores yet"));
  free(out);
  assert_false(fs_exists(missing));
  free(missing);
  // CSV of nothing is the header alone.
  out = scores(dir, "--csv", &status, false);
  assert_int_equal(status, 0);
  assert_true(str_starts_with(out, "round_id,"));
  assert_int_equal(count_lines(out), 1);
  free(out);

  // A database with a player but no rounds.
  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  store_open_result_clear(&res);
  assert_true(store_player_get_or_create(s, "Solo", T0, &(int64_t){0}, NULL));
  store_close(s);
  out = scores(dir, "", &status, true);
  assert_int_equal(status, 0);
  assert_non_null(strstr(out, "No scores yet"));
  free(out);
  free(db);
}

static void test_reading_changes_nothing(void **state) {
  const char *dir = *state;
  populate(dir);
  char *db = fs_join(dir, STORE_FILE_NAME);
  char *before = NULL, *after = NULL, *err = NULL;
  size_t before_len, after_len;
  assert_int_equal(fs_read_file(db, 1 << 24, &before, &before_len, &err), FS_READ_OK);
  int status;
  char *out = scores(dir, "", &status, true);
  assert_int_equal(status, 0);
  free(out);
  assert_int_equal(fs_read_file(db, 1 << 24, &after, &after_len, &err), FS_READ_OK);
  assert_int_equal(after_len, before_len);
  assert_memory_equal(after, before, before_len);
  char *wal = xasprintf("%s-wal", db);
  assert_false(fs_exists(wal));
  // The round left in progress stays in progress: only the game abandons.
  out = scores(dir, "--csv", &status, false);
  assert_non_null(strstr(out, "in_progress"));
  free(out);
  free(wal);
  free(before);
  free(after);
  free(db);
}

static void test_usage(void **state) {
  const char *dir = *state;
  int status;
  char *out = scores(dir, "--help", &status, true);
  assert_int_equal(status, 0);
  assert_non_null(strstr(out, "Usage: prebunk scores"));
  assert_non_null(strstr(out, "--answers"));
  free(out);
  static const char *const bad[] = {"--bogus", "--pack", "extra-argument", "--player"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    out = scores(dir, bad[i], &status, true);
    assert_int_equal(status, 2);
    assert_non_null(strstr(out, "Usage"));
    free(out);
  }
}

static void test_unreadable_databases(void **state) {
  const char *dir = *state;
  char *db = test_write_file(dir, STORE_FILE_NAME, "not a database, just text that is long enough");
  int status;
  char *out = scores(dir, "", &status, true);
  assert_int_equal(status, 1);
  assert_non_null(strstr(out, "damaged"));
  free(out);
  // Left exactly where it was for the game to set aside.
  char *text = test_read_file(db);
  assert_string_equal(text, "not a database, just text that is long enough");
  free(text);
  char *listing = xasprintf("ls '%s' | grep -c corrupt", dir);
  out = test_run(listing, &status);
  assert_int_equal(atoi(out), 0);
  free(out);
  free(listing);
  remove(db);

  // A newer schema is refused, not called damaged.
  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  store_open_result_clear(&res);
  store_close(s);
  sqlite3 *raw = NULL;
  assert_int_equal(sqlite3_open(db, &raw), SQLITE_OK);
  char *bump = xasprintf("PRAGMA user_version = %d", STORE_SCHEMA_VERSION + 1);
  assert_int_equal(sqlite3_exec(raw, bump, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(raw);
  free(bump);
  out = scores(dir, "", &status, true);
  assert_int_equal(status, 1);
  assert_non_null(strstr(out, "newer version"));
  free(out);
  free(db);
}

#define T(f) cmocka_unit_test_setup_teardown(f, store_test_setup, store_test_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_table),   T(test_csv_rounds),           T(test_csv_answers),
      T(test_filters), T(test_empty_and_missing),    T(test_reading_changes_nothing),
      T(test_usage),   T(test_unreadable_databases),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

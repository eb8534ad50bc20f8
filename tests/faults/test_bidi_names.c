// Player names stored before bidi controls were refused (issue #11: U+202E +
// "ecilA" displayed as "Alice") are neutralised when shown: every name the
// store gives the screens comes through one helper (prebunk_shown_name, with
// base/utf8 utf8_strip_bidi_controls) without the controls, and
// `prebunk scores` prints them as visible escapes, in the table and the CSV.

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/str.h"
#include "base/utf8.h"
#include "scenes/scene_test_support.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "support/test_support.h"

#define RLO "\xe2\x80\xae"  // U+202E RIGHT-TO-LEFT OVERRIDE
#define LRI "\xe2\x81\xa6"  // U+2066 LEFT-TO-RIGHT ISOLATE

static void test_strip_helper(void **state) {
  (void)state;
  char *s = utf8_strip_bidi_controls(RLO "ecilA" LRI
                                         "\xe2\x80\xaa"
                                         "b\xe2\x81\xa9\xff");
  assert_string_equal(s, "ecilAb\xff");
  free(s);
  s = utf8_strip_bidi_controls("Zo\xc3\xab \xd8\xb9");  // other text, Arabic too, is kept
  assert_string_equal(s, "Zo\xc3\xab \xd8\xb9");
  free(s);
  s = utf8_strip_bidi_controls(NULL);
  assert_string_equal(s, "");
  free(s);
}

// A store with a player typed by an older version as RLO + "ecilA", with
// one completed round of `pack`.
static void store_legacy_player(const char *dir, const char *pack) {
  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  assert_int_equal(res.status, STORE_OPEN_OK);
  store_open_result_clear(&res);
  store_close(s);
  char *path = fs_join(dir, STORE_FILE_NAME);
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  char *sql = xasprintf(
      "INSERT INTO players (id, name, name_key, created_ms) VALUES (7, '" RLO
      "ecilA', 'legacy', 1);"
      "INSERT INTO rounds (player_id, pack_id, pack_version, questions, seconds_per_question, speed_bonus, seed,"
      " started_ms, ended_ms,"
      " status, answered, correct, score) VALUES (7, '%s', 1, 1, 10, 0, 1, 2, 3, 'completed', 1, 1, 100);",
      pack);
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    fail_msg("%s", msg);
  }
  sqlite3_close(db);
  free(sql);
  free(path);
}

static void test_store_gives_neutral_names(void **state) {
  char *dir = test_tmpdir();
  *state = dir;
  store_legacy_player(dir, "p");
  StoreOpenResult res;
  Store *s = store_open(dir, NULL, &res);
  StorePlayerList players;
  assert_true(store_recent_players(s, 5, &players, NULL));
  assert_int_equal(players.count, 1);
  assert_string_equal(players.items[0].name, "ecilA");
  store_player_list_free(&players);
  StoreRoundList rounds;
  assert_true(store_rounds(s, NULL, &rounds, NULL));
  assert_string_equal(rounds.items[0].player_name, "ecilA");
  store_round_list_free(&rounds);
  StoreTopList top;
  assert_true(store_top_scores(s, "p", 5, &top, NULL));
  assert_int_equal(top.count, 1);
  assert_string_equal(top.items[0].player_name, "ecilA");
  store_top_list_free(&top);
  store_close(s);
  store_open_result_clear(&res);
  // Raw, for the command line, which escapes them.
  s = store_open(dir, &(StoreOptions){.query_only = true, .raw_names = true}, &res);
  assert_true(store_rounds(s, NULL, &rounds, NULL));
  assert_string_equal(rounds.items[0].player_name, RLO "ecilA");
  store_round_list_free(&rounds);
  store_close(s);
  store_open_result_clear(&res);
}

static int teardown_dir(void **state) {
  test_rmtree(*state);
  free(*state);
  return 0;
}

// The player screen lists recent players as buttons: the label is neutral.
static void test_player_screen_shows_neutral_name(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  *state = f;
  store_legacy_player(f->dir, "p");
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 1, .width = 1280, .height = 720});
  scene_player_push(f->app);
  scene_test_steps(f->app, 3);
  assert_string_equal(scene_test_top(f->app), "player");
  const UiButton *b = scene_test_button_labelled(f->app, "ecilA");
  assert_non_null(b);
}

static void test_cli_escapes_them(void **state) {
  const char *bin = getenv("PREBUNK_BINARY");
  if (!bin) {
    skip();
  }
  char *dir = test_tmpdir();
  *state = dir;
  store_legacy_player(dir, "p");
  static const char *const modes[] = {"", "--csv"};
  for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
    char *cmd = xasprintf("'%s' scores --data-dir '%s' %s", bin, dir, modes[i]);
    int status = 0;
    char *out = test_run(cmd, &status);
    assert_int_equal(status, 0);
    if (!strstr(out, "\\u202eecilA") || strstr(out, RLO)) {
      fail_msg("%s printed:\n%s", cmd, out);
    }
    free(out);
    free(cmd);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_strip_helper),
      cmocka_unit_test_teardown(test_store_gives_neutral_names, teardown_dir),
      cmocka_unit_test_teardown(test_player_screen_shows_neutral_name, scene_test_teardown),
      cmocka_unit_test_teardown(test_cli_escapes_them, teardown_dir),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

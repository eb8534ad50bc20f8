// The disk fills (or a file size limit is reached) in the middle of a round:
// a forked game, headless, plays its first answer, then gets RLIMIT_FSIZE at
// the size its score file has reached, with SIGXFSZ ignored as the game's
// main() does. The next answer cannot be written (EFBIG). The game must keep
// running, say "Could not save" on screen and in the log, and leave what was
// already stored intact (issue #11: the signal killed it at the third
// answer, and later the only warning was a faint line in the round). Then
// the same with a real full disk: a small tmpfs, when the test may mount one.

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/str.h"
#include "scenes/scene_test_support.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "support/test_support.h"

#include "fault_child.h"

static int64_t file_size(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (int64_t)st.st_size : -1;
}

static int count_answers(Store *s) {
  StoreAnswerList list;
  if (!store_answers(s, NULL, &list, NULL)) {
    return -1;
  }
  int n = (int)list.count;
  store_answer_list_free(&list);
  return n;
}

// From here on no file may grow: the next commit appends to the WAL.
static void limit_file_size(const char *wal, const char *log_path) {
  int64_t limit = file_size(wal);
  CHILD_CHECK(limit > 0);
  CHILD_CHECK(file_size(log_path) < limit);  // the log can still take its line
  struct rlimit rl;
  CHILD_CHECK(getrlimit(RLIMIT_FSIZE, &rl) == 0);
  rl.rlim_cur = (rlim_t)limit;
  CHILD_CHECK(setrlimit(RLIMIT_FSIZE, &rl) == 0);
}

// Fills the small file system until a write fails, then frees one page: the
// log can still take a line, a WAL frame (a 4 KB page and its header) cannot.
static void fill_disk(const char *dir) {
  char *filler = fs_join(dir, "filler");
  FILE *out = fopen(filler, "wb");
  CHILD_CHECK(out != NULL);
  setvbuf(out, NULL, _IONBF, 0);
  char block[4096];
  memset(block, 'x', sizeof block);
  while (fwrite(block, 1, sizeof block, out) == sizeof block) {
  }
  fclose(out);
  int64_t size = file_size(filler);
  CHILD_CHECK(size > 4096);
  CHILD_CHECK(truncate(filler, (off_t)(size - 4096)) == 0);
  free(filler);
}

static _Noreturn void child(SceneTestFixture *f, const char *log_path, bool fill) {
  const char *expected = fill ? "Could not save: the disk is full" : "Could not save: the file size limit was reached";
  signal(SIGXFSZ, SIG_IGN);  // as prebunk's main() does
  log_set_stderr(false);
  CHILD_CHECK(log_open_file(log_path));
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 7, .width = 1280, .height = 720});
  App *app = f->app;
  app->settings.sound = false;
  app->settings.questions = 5;
  char *err = NULL;
  CHILD_CHECK(app_set_player(app, "Tester", &err));
  scene_packs_push(app);
  scene_round_push(app);
  scene_test_step(f);
  fault_answer(f, SDLK_r);
  CHILD_CHECK(count_answers(app->store) == 1);
  CHILD_CHECK(store_write_failures(app->store) == 0);

  char *db = fs_join(f->dir, "scores.db");
  char *wal = xasprintf("%s-wal", db);
  if (fill) {
    fill_disk(f->dir);
  } else {
    limit_file_size(wal, log_path);
  }
  fault_answer(f, SDLK_r);  // not saved: EFBIG or ENOSPC
  scene_test_steps(app, 2);
  CHILD_CHECK(store_write_failures(app->store) >= 1);
  CHILD_CHECK(app->toast_until_ms > 0);
  fprintf(stderr, "child: on screen: %s\n", app->toast);
  CHILD_CHECK(strstr(app->toast, expected) != NULL);
  // The game plays on to the end of the round.
  for (int i = 0; i < 40 && strcmp(scene_test_top(app), "round") == 0; i++) {
    fault_answer(f, SDLK_r);
  }
  CHILD_CHECK(strcmp(scene_test_top(app), "summary") == 0);
  app_destroy(app);
  f->app = NULL;
  log_close_file();
  char *logged = test_read_file(log_path);
  CHILD_CHECK(strstr(logged, expected) != NULL);
  free(logged);
  free(wal);
  free(db);
  _exit(0);
}

static char *db_query(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  sqlite3_stmt *st = NULL;
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  char *out = xstrdup((const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

static void play_until_full(SceneTestFixture *f, bool fill) {
  f->pack_path = test_source_path("quizzes/starter-en.xml");
  char *log_path = fs_join(f->dir, "prebunk.log");
  fflush(NULL);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    child(f, log_path, fill);
  }
  int status = 0;
  assert_int_equal(waitpid(pid, &status, 0), pid);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fail_msg("the game %s %d", WIFSIGNALED(status) ? "was killed by signal" : "exited with",
             WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
  }
  // What was stored before the limit is intact: the first answer and its round.
  char *db = fs_join(f->dir, "scores.db");
  char *ok = db_query(db, "PRAGMA integrity_check");
  assert_string_equal(ok, "ok");
  free(ok);
  char *answers = db_query(db, "SELECT COUNT(*) FROM answers");
  assert_string_equal(answers, "1");
  free(answers);
  char *answered = db_query(db, "SELECT answered FROM rounds");
  assert_string_equal(answered, "1");
  free(answered);
  free(db);
  free(log_path);
}

static void test_file_size_limit_mid_round(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  *state = f;
  play_until_full(f, false);
}

// The same on a real full disk: a 2 MB tmpfs mounted on the data folder
// (needs the right to mount, as root in a container; skipped without it).
static void test_small_disk_fills_mid_round(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  *state = f;
  if (mount("tmpfs", f->dir, "tmpfs", 0, "size=2m") != 0) {
    print_message("cannot mount a tmpfs here (%s): skipped\n", strerror(errno));
    skip();
  }
  play_until_full(f, true);
  assert_int_equal(umount2(f->dir, MNT_DETACH), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(test_file_size_limit_mid_round, scene_test_teardown),
      cmocka_unit_test_teardown(test_small_disk_fills_mid_round, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

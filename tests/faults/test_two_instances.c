// Two copies of the game on one data folder, as two processes: each plays
// rounds at the same time as the other. Both record everything (nothing is
// refused: each answer is its own short transaction), and the second one is
// told another Prebunk uses the folder, on screen and in the log.

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

enum { ROUNDS = 3, QUESTIONS = 5 };

// Player `n`: waits for `go` (the first copy has its store open), plays
// ROUNDS rounds, and checks what it was told.
static _Noreturn void play(SceneTestFixture *f, int n, int ready_fd, int go_fd) {
  log_set_stderr(false);
  char *log_name = xasprintf("copy%d.log", n);
  char *log_path = fs_join(f->dir, log_name);
  CHILD_CHECK(log_open_file(log_path));
  char byte = 0;
  if (go_fd >= 0) {
    CHILD_CHECK(read(go_fd, &byte, 1) == 1);
  }
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = (uint64_t)n, .width = 1280, .height = 720});
  App *app = f->app;
  app->settings.sound = false;
  app->settings.questions = QUESTIONS;
  char *name = xasprintf("Player %d", n);
  char *err = NULL;
  CHILD_CHECK(app_set_player(app, name, &err));
  CHILD_CHECK(app_start(app, NULL, &err));
  scene_test_steps(app, 2);
  bool second = go_fd >= 0;
  CHILD_CHECK(app->store_result.shared == second);
  if (second) {
    fprintf(stderr, "child %d: on screen: %s\n", n, app->toast);
    CHILD_CHECK(app->toast_until_ms > 0 && strstr(app->toast, "Another Prebunk is using this data folder"));
  }
  if (ready_fd >= 0) {
    CHILD_CHECK(write(ready_fd, &byte, 1) == 1);
  }
  for (int r = 0; r < ROUNDS; r++) {
    scene_packs_push(app);
    scene_round_push(app);
    scene_test_step(f);
    for (int q = 0; q < QUESTIONS; q++) {
      fault_answer(f, SDLK_f);
    }
    CHILD_CHECK(strcmp(scene_test_top(app), "summary") == 0);
    scene_test_key(f, SDLK_ESCAPE);
  }
  CHILD_CHECK(store_write_failures(app->store) == 0);
  app_destroy(app);
  f->app = NULL;
  log_close_file();
  if (second) {
    char *logged = test_read_file(log_path);
    CHILD_CHECK(strstr(logged, "another copy of the game uses") != NULL);
    free(logged);
  }
  free(name);
  free(log_path);
  free(log_name);
  _exit(0);
}

static void test_two_copies_both_record(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  *state = f;
  f->pack_path = test_source_path("quizzes/starter-en.xml");
  int ready[2];
  assert_int_equal(pipe(ready), 0);
  fflush(NULL);
  pid_t first = fork();
  assert_true(first >= 0);
  if (first == 0) {
    close(ready[0]);
    play(f, 1, ready[1], -1);
  }
  pid_t second = fork();
  assert_true(second >= 0);
  if (second == 0) {
    close(ready[1]);
    play(f, 2, -1, ready[0]);
  }
  close(ready[0]);
  close(ready[1]);
  pid_t kids[] = {first, second};
  for (int k = 0; k < 2; k++) {
    int status = 0;
    assert_int_equal(waitpid(kids[k], &status, 0), kids[k]);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fail_msg("copy %d %s %d", k + 1, WIFSIGNALED(status) ? "was killed by signal" : "exited with",
               WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    }
  }
  StoreOpenResult res;
  Store *s = store_open(f->dir, &(StoreOptions){.query_only = true}, &res);
  assert_int_equal(res.status, STORE_OPEN_OK);
  for (int n = 1; n <= 2; n++) {
    char *name = xasprintf("Player %d", n);
    StoreRoundList rounds;
    assert_true(store_rounds(s, &(StoreFilter){.player_name = name}, &rounds, NULL));
    assert_int_equal(rounds.count, ROUNDS);
    for (size_t i = 0; i < rounds.count; i++) {
      assert_int_equal(rounds.items[i].status, STORE_ROUND_COMPLETED);
      assert_int_equal(rounds.items[i].answered, QUESTIONS);
    }
    store_round_list_free(&rounds);
    StoreAnswerList answers;
    assert_true(store_answers(s, &(StoreFilter){.player_name = name}, &answers, NULL));
    assert_int_equal(answers.count, ROUNDS * QUESTIONS);
    store_answer_list_free(&answers);
    free(name);
  }
  store_close(s);
  store_open_result_clear(&res);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(test_two_copies_both_record, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

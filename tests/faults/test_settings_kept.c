// An unreadable or oversized settings.ini is the player's file: the game
// starts on the defaults, says so on screen, and never writes the defaults
// over it (issue #11: it was overwritten at exit).

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/str.h"
#include "scenes/scene_test_support.h"
#include "scenes/settings.h"
#include "support/test_support.h"

static int64_t file_size(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (int64_t)st.st_size : -1;
}

// Writes a 10 MB settings.ini that starts like a real one.
static char *write_big_settings(const char *dir) {
  char *path = fs_join(dir, "settings.ini");
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs("[sound]\nenabled = false\n", f);
  for (int i = 0; i < 10 * 1024; i++) {
    char line[1024];
    memset(line, '#', sizeof line - 1);
    line[sizeof line - 1] = '\n';
    fwrite(line, 1, sizeof line, f);
  }
  assert_int_equal(fclose(f), 0);
  return path;
}

static void test_oversized_settings_kept(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  *state = f;
  char *path = write_big_settings(f->dir);
  int64_t before = file_size(path);
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 1});
  App *app = f->app;
  assert_non_null(app->settings_kept);
  char *err = NULL;
  // The title screen is started with the notice about it on top.
  assert_true(app_start(app, NULL, &err));
  scene_test_steps(app, 3);
  assert_string_equal(scene_test_top(app), "notice");
  // Saving, as at exit or after a change on the settings screen, writes nothing.
  assert_false(app_save_settings(app, &err));
  assert_non_null(strstr(err, "left as it is"));
  free(err);
  app->settings.sound = !app->settings.sound;
  assert_false(app_apply_settings(app));
  app_destroy(app);
  f->app = NULL;
  assert_int_equal(file_size(path), before);
  free(path);
}

// A damaged settings.ini (binary bytes where the text was) is kept too:
// before, its lines were skipped one by one and the defaults written over
// it at exit.
static void test_garbage_settings_kept(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  *state = f;
  static const char *const garbage[] = {"[sound]\nenabled = false\n\x01\xfe\xff\x80 junk\n", "[sound]\nenabled"};
  for (size_t i = 0; i < 2; i++) {
    char *path = fs_join(f->dir, "settings.ini");
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    fwrite(garbage[i], 1, strlen(garbage[i]) + (i == 1 ? 1 : 0), out);  // the second ends in a NUL byte
    fputs(" = false\n", out);
    assert_int_equal(fclose(out), 0);
    char *before = test_read_file(path);
    int64_t size = file_size(path);
    f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 1});
    assert_non_null(f->app->settings_kept);
    assert_non_null(strstr(f->app->settings_kept, i == 0 ? "not UTF-8" : "NUL bytes"));
    char *err = NULL;
    assert_true(app_start(f->app, NULL, &err));
    scene_test_steps(f->app, 3);
    assert_string_equal(scene_test_top(f->app), "notice");
    assert_false(app_save_settings(f->app, &err));
    free(err);
    app_destroy(f->app);
    f->app = NULL;
    assert_int_equal(file_size(path), size);
    char *after = test_read_file(path);
    assert_memory_equal(before, after, (size_t)size);
    free(after);
    free(before);
    free(path);
  }
}

static void test_readable_settings_still_saved(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  *state = f;
  char *path = test_write_file(f->dir, "settings.ini", "[sound]\nenabled = false\n");
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 1});
  assert_null(f->app->settings_kept);
  char *err = NULL;
  assert_true(app_save_settings(f->app, &err));
  char *text = test_read_file(path);
  assert_non_null(strstr(text, "[sound]\nenabled = false"));
  assert_non_null(strstr(text, "[display]"));  // rewritten in full
  free(text);
  free(path);
}

// Unknown keys and bad values are logged at their line and ignored.
static void test_bad_lines_reported_with_line(void **state) {
  char *dir = test_tmpdir();
  *state = NULL;
  char *path = test_write_file(dir, "settings.ini",
                               "[round]\n"
                               "questions = 12\n"
                               "colour = purple\n"
                               "\n"
                               "seconds = forever\n"
                               "[display]\n"
                               "text_size = large\n");
  char *log_path = fs_join(dir, "test.log");
  log_set_stderr(false);
  assert_true(log_open_file(log_path));
  Settings s;
  char *err = NULL;
  assert_true(settings_load(path, &s, &err));
  log_close_file();
  log_set_stderr(true);
  assert_int_equal(s.questions, 12);  // the good values are kept
  assert_int_equal(s.seconds_per_question, settings_default().seconds_per_question);
  char *logged = test_read_file(log_path);
  char *unknown = xasprintf("%s:3: unknown setting [round] colour; ignored", path);
  char *bad = xasprintf("%s:5: [round] seconds = 'forever' is not a valid value; using the default", path);
  if (!strstr(logged, unknown) || !strstr(logged, bad)) {
    fail_msg("log was:\n%s", logged);
  }
  free(bad);
  free(unknown);
  free(logged);
  free(log_path);
  free(path);
  test_rmtree(dir);
  free(dir);
}

// 16384x16384 in the settings took 1.3 GB: the window is clamped to the display.
static void test_huge_window_clamped(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  *state = f;
  free(test_write_file(f->dir, "settings.ini", "[display]\nwindow_width = 16384\nwindow_height = 16384\n"));
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 1});
  SDL_Rect usable;
  assert_int_equal(SDL_GetDisplayUsableBounds(0, &usable), 0);
  int w = 0, h = 0;
  engine_window_size(f->app->engine, &w, &h);
  printf("  display %dx%d, window %dx%d\n", usable.w, usable.h, w, h);
  // The display, or the default 1280x720 when the display is smaller (the
  // dummy driver's is 1024x768).
  assert_true(w <= (usable.w > 1280 ? usable.w : 1280) && h <= (usable.h > 720 ? usable.h : 720));
  assert_true(w < 16384 && h < 16384);
}

static int no_teardown(void **state) {
  (void)state;
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(test_oversized_settings_kept, scene_test_teardown),
      cmocka_unit_test_teardown(test_garbage_settings_kept, scene_test_teardown),
      cmocka_unit_test_teardown(test_readable_settings_still_saved, scene_test_teardown),
      cmocka_unit_test_teardown(test_bad_lines_reported_with_line, no_teardown),
      cmocka_unit_test_teardown(test_huge_window_clamped, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

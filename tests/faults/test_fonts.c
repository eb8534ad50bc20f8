// Garbage or missing font files: a font FreeType cannot open is found when
// the game starts, passed over for one that works, and told on screen and in
// the log (issue #11: garbage fonts gave a screen with no text, the error
// only in the log). No usable font at all fails the start with a message
// naming the files (fonts.sh checks the binary's exit status and log).

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/str.h"
#include "engine/text.h"
#include "scenes/scene_test_support.h"
#include "support/test_support.h"

static void write_garbage(const char *dir, const char *name) {
  char junk[3000];
  for (size_t i = 0; i < sizeof junk; i++) {
    junk[i] = (char)(i * 7919 % 251 + 1);
  }
  junk[sizeof junk - 1] = '\0';
  free(test_write_file(dir, name, junk));
}

static char *copy_font(const char *to_dir, const char *name) {
  char *src = test_source_path("assets/fonts/DejaVuSans.ttf");
  char *data = NULL, *err = NULL;
  size_t len = 0;
  assert_int_equal(fs_read_file(src, (size_t)32 << 20, &data, &len, &err), FS_READ_OK);
  char *dst = fs_join(to_dir, name);
  FILE *f = fopen(dst, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
  free(data);
  free(src);
  return dst;
}

// A content folder whose regular font works and whose bold one is garbage;
// the Arabic ones are missing.
static void test_garbage_font_passed_over_and_told(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  *state = f;
  char *content = fs_join(f->dir, "content");
  char *fonts = fs_join(content, "assets/fonts");
  assert_true(fs_mkdir_p(fonts));
  free(copy_font(fonts, "DejaVuSans.ttf"));
  write_garbage(fonts, "DejaVuSans-Bold.ttf");
  free(f->content);
  f->content = content;
  char *log_path = fs_join(f->dir, "test.log");
  log_set_stderr(false);
  assert_true(log_open_file(log_path));
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 1, .width = 1280, .height = 720});
  App *app = f->app;
  const char *problems = engine_font_problems(app->engine);
  assert_non_null(problems);
  assert_non_null(strstr(problems, "DejaVuSans-Bold.ttf: not a font"));
  assert_non_null(strstr(problems, "NotoSansArabic-Regular.ttf: cannot open"));
  // Bold text is drawn with the regular font rather than not at all.
  TextStyle bold = text_style(36, (Color){255, 255, 255, 255}, "en");
  bold.weight = TEXT_WEIGHT_BOLD;
  assert_true(text_measure(app->engine, "Prebunk", &bold).w > 0);
  assert_string_equal(text_face_file(app->engine, &bold), "DejaVuSans.ttf");
  // Arabic too, in the one font there is.
  TextStyle ar = text_style(36, (Color){255, 255, 255, 255}, "ar");
  assert_true(text_measure(app->engine, "\xd8\xb9\xd8\xa7\xd9\x85", &ar).w > 0);
  char *err = NULL;
  assert_true(app_start(app, NULL, &err));
  scene_test_steps(app, 3);
  assert_string_equal(scene_test_top(app), "notice");
  log_close_file();
  log_set_stderr(true);
  char *logged = test_read_file(log_path);
  assert_non_null(strstr(logged, "DejaVuSans-Bold.ttf: not a font SDL_ttf can open"));
  free(logged);
  free(log_path);
  free(fonts);
}

static void test_no_usable_font_fails_the_start(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  *state = f;
  char *content = fs_join(f->dir, "content");
  char *fonts = fs_join(content, "assets/fonts");
  assert_true(fs_mkdir_p(fonts));
  write_garbage(fonts, "DejaVuSans.ttf");
  AppConfig cfg = app_config_default();
  cfg.data_dir = f->dir;
  cfg.content_dir = content;
  cfg.clock = &f->clock;
  char *err = NULL;
  App *app = app_create(&cfg, &err);
  assert_null(app);
  assert_non_null(err);
  assert_non_null(strstr(err, "no font could be used"));
  assert_non_null(strstr(err, "DejaVuSans.ttf: not a font"));
  free(err);
  // No assets/ folder at all.
  char *bare = fs_join(f->dir, "bare");
  assert_true(fs_mkdir_p(bare));
  cfg.content_dir = bare;
  err = NULL;
  assert_null(app_create(&cfg, &err));
  assert_non_null(strstr(err, "assets/fonts is missing"));
  free(err);
  free(bare);
  free(fonts);
  free(content);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(test_garbage_font_passed_over_and_told, scene_test_teardown),
      cmocka_unit_test_teardown(test_no_usable_font_fails_the_start, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

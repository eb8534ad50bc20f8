// The screens of the menus2 work (title, player, pack list, header) and the
// one table of screens: each test fails on the code before its fix.

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "engine/engine.h"
#include "scene_test_support.h"
#include "scenes/app.h"
#include "scenes/scenes.h"
#include "support/test_support.h"

typedef SceneTestFixture Fixture;

static int setup(void **state) {
  *state = scene_test_fixture_create();
  return 0;
}

// An app at `w` x `h` with the text size `size` ("normal" ... "largest").
static App *open_at(Fixture *f, int w, int h, const char *size) {
  app_destroy(f->app);  // first: it saves its settings
  f->app = NULL;
  char *ini = xasprintf("[display]\ntext_size = %s\n", size);
  free(test_write_file(f->dir, "settings.ini", ini));
  free(ini);
  f->app = scene_test_app_create(
      f, &(SceneTestAppOptions){.seed = 7, .wall_base_ms = 1700000000000, .width = w, .height = h});
  return f->app;
}

// ---- the screen table ------------------------------------------------------------

// One table: every name it lists is known, the unknown-screen message lists
// them all (the author's preview too), and nothing else is known.
static void test_scene_table_is_the_one_list(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1366, 768, "normal");
  char *err = NULL;
  assert_false(app_start(app, "nowhere", &err));
  assert_non_null(err);
  assert_true(app_scene_count() >= 10);
  for (size_t i = 0; i < app_scene_count(); i++) {
    const char *name = app_scene_name(i);
    assert_true(app_scene_known(name));
    if (!strstr(err, name)) {
      fail_msg("the unknown-screen message does not name '%s': %s", name, err);
    }
  }
  assert_null(app_scene_name(app_scene_count()));
  assert_non_null(strstr(err, "preview"));
  assert_false(app_scene_known("nowhere"));
  assert_false(app_scene_known("confirm"));  // an overlay, not a screen to start on
  free(err);
  // Every screen but the preview (it needs --pack) starts from the table.
  for (size_t i = 0; i < app_scene_count(); i++) {
    const char *name = app_scene_name(i);
    if (strcmp(name, "preview") == 0) {
      continue;
    }
    app = open_at(f, 1366, 768, "normal");
    assert_true(app_start(app, name, NULL));
    scene_test_steps(app, 2);
    assert_string_equal(scene_test_top(app), name);
  }
  app = open_at(f, 1366, 768, "normal");
  assert_false(app_start(app, "preview", &err));
  assert_non_null(strstr(err, "--pack"));
  free(err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_scene_table_is_the_one_list, setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

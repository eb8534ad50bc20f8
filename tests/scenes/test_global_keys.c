// The game's one place for global keys (scenes/app_keys.c): M toggles the
// sound on every screen and says so in a brief notice that goes away by
// itself; a mouse move over nothing draws no frame.
#include <stdlib.h>
#include <string.h>

#include "scene_test_support.h"
#include "support/test_support.h"

static int setup(void **state) {
  *state = scene_test_fixture_create();
  return 0;
}

static void test_m_toggles_sound_with_a_notice(void **state) {
  SceneTestFixture *f = *state;
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 1});
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 3);
  assert_true(engine_sound_on(app->engine));
  scene_test_push_key(app, SDLK_m);
  scene_test_steps(app, 2);
  assert_false(engine_sound_on(app->engine));
  assert_false(app->settings.sound);  // remembered
  assert_string_equal(app->toast, "Sound off");
  assert_true(app->toast_until_ms > 0);
  // The notice is drawn above the screen, then goes away by itself.
  uint64_t frames = engine_stats(app->engine).frames_drawn;
  clock_advance(&f->clock, APP_TOAST_MS + 10);
  scene_test_steps(app, 2);
  assert_int_equal(app->toast_until_ms, 0);
  assert_true(engine_stats(app->engine).frames_drawn > frames);  // a frame without it
  scene_test_push_key(app, SDLK_m);
  scene_test_steps(app, 2);
  assert_true(engine_sound_on(app->engine));
  assert_string_equal(app->toast, "Sound on");
  // Still on the title: M is no screen's business.
  assert_string_equal(scene_test_top(app), "title");
}

static void test_pointer_over_nothing_draws_nothing(void **state) {
  SceneTestFixture *f = *state;
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 1});
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 3);
  uint64_t frames = engine_stats(app->engine).frames_drawn;
  // The far corner of the title screen holds no control.
  scene_test_push_mouse_move(app, 2.0f, 2.0f);
  scene_test_steps(app, 2);
  scene_test_push_mouse_move(app, 4.0f, 3.0f);
  scene_test_steps(app, 2);
  assert_int_equal(engine_stats(app->engine).frames_drawn, frames);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_m_toggles_sound_with_a_notice, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_pointer_over_nothing_draws_nothing, setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

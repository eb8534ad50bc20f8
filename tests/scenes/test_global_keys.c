// The game's one place for global keys (scenes/app_keys.c): M toggles the
// sound on every screen and says so in a brief notice that goes away by
// itself; a mouse move over nothing draws no frame. Then every screen that
// --scene reaches (and the round's pause menu) is checked for the rule
// behind it: a screen returns false for what it does not use, so F1 opens
// one Help, F2 Settings, M toggles the sound, Back pops (or asks first), and
// a pointer moving over empty space draws nothing.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "engine/engine.h"
#include "scene_test_support.h"
#include "support/test_support.h"

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

// ---- every screen ------------------------------------------------------------

// What Back does on a screen: pop it (the screen beneath is on top), or ask
// first (a confirm overlay goes on top), or move on to the screen the
// screen leads to (the forewarning card skips to its round).
typedef enum BackRule { BACK_POPS, BACK_ASKS, BACK_MOVES_ON } BackRule;

typedef struct ScreenCase {
  const char *scene;  // as --scene names it ("pause": the round, then P)
  BackRule back;
  const char *after_back;  // the top screen after Back
  bool typing;             // starts with a text field focused: M is a letter of the name there
} ScreenCase;

// Every screen's failures, so one run names them all.
static char failures[4096];

static void failed(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void failed(const char *fmt, ...) {
  size_t len = strlen(failures);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(failures + len, sizeof failures - len, fmt, ap);
  va_end(ap);
  len = strlen(failures);
  snprintf(failures + len, sizeof failures - len, "\n");
}

static void report(void) {
  if (failures[0]) {
    fail_msg("%s", failures);
  }
}

static const ScreenCase screens[] = {
    {"title", BACK_ASKS, "confirm", false},      {"packs", BACK_POPS, "title", false},
    {"player", BACK_POPS, "packs", true},        {"round", BACK_ASKS, "confirm", false},
    {"feedback", BACK_POPS, "summary", false},   {"summary", BACK_POPS, "packs", false},
    {"scores", BACK_POPS, "title", false},       {"settings", BACK_POPS, "title", false},
    {"help", BACK_POPS, "title", false},         {"pause", BACK_POPS, "round", false},
    {"preview", BACK_ASKS, "confirm", false},    {"pair", BACK_POPS, "packs", false},
    {"forewarn", BACK_MOVES_ON, "round", false},
};

// A fresh app on `c`'s screen at 1366x768, with its sound on and no notice
// above it; the pack is the starter pack (the preview's file).
static App *open_screen(SceneTestFixture *f, const ScreenCase *c) {
  app_destroy(f->app);
  f->app = NULL;
  free(f->pack_path);
  f->pack_path = fs_join(f->content, "quizzes/starter-en.xml");
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 3, .width = 1366, .height = 768});
  App *app = f->app;
  bool pause = strcmp(c->scene, "pause") == 0;
  char *err = NULL;
  if (!app_start(app, pause ? "round" : c->scene, &err)) {
    fail_msg("%s: %s", c->scene, err ? err : "?");
  }
  free(err);
  scene_test_steps(app, 3);
  if (pause) {
    scene_test_menu_key(app, SDLK_p);
  }
  if (strcmp(scene_test_top(app), c->scene) != 0) {
    fail_msg("%s: the top screen is %s", c->scene, scene_test_top(app));  // no use going on
  }
  if (!engine_sound_on(app->engine)) {
    engine_set_sound(app->engine, true);
  }
  return app;
}

// A key pressed and released, then frames enough for what it pushes.
static void key(App *app, SDL_Keycode sym) {
  scene_test_push_key(app, sym);
  scene_test_steps(app, 3);
}

static void check_pointer_over_nothing(SceneTestFixture *f, const ScreenCase *c) {
  App *app = open_screen(f, c);
  scene_test_steps(app, 2);
  // What the screen draws by itself in four frames (a round's countdown
  // draws every frame; a menu none), then the same with the pointer moving.
  uint64_t frames = engine_stats(app->engine).frames_drawn;
  scene_test_steps(app, 4);
  uint64_t idle = engine_stats(app->engine).frames_drawn - frames;
  frames = engine_stats(app->engine).frames_drawn;
  // The far top corner: above the header's buttons, on every screen.
  scene_test_push_mouse_move(app, 2.0f, 2.0f);
  scene_test_steps(app, 2);
  scene_test_push_mouse_move(app, 4.0f, 3.0f);
  scene_test_steps(app, 2);
  uint64_t moved = engine_stats(app->engine).frames_drawn - frames;
  if (moved != idle) {
    failed("%s: a pointer move over nothing drew %llu frame(s), %llu without it", c->scene, (unsigned long long)moved,
           (unsigned long long)idle);
  }
}

static void check_help_and_settings(SceneTestFixture *f, const ScreenCase *c) {
  App *app = open_screen(f, c);
  size_t n = engine_scene_count(app->engine);
  const struct {
    SDL_Keycode sym;
    const char *opens;
  } keys[] = {{SDLK_F1, "help"}, {SDLK_F2, "settings"}};
  for (size_t k = 0; k < 2; k++) {
    if (strcmp(c->scene, keys[k].opens) == 0) {
      continue;  // the key on its own screen: tested in test_menu_screens.c
    }
    // Twice in one frame: still one.
    scene_test_push_key(app, keys[k].sym);
    scene_test_push_key(app, keys[k].sym);
    scene_test_steps(app, 3);
    if (strcmp(scene_test_top(app), keys[k].opens) != 0 || engine_scene_count(app->engine) != n + 1) {
      failed("%s: F%zu gave %s with %zu screen(s), not one %s above it", c->scene, k + 1, scene_test_top(app),
             engine_scene_count(app->engine), keys[k].opens);
      return;
    }
    key(app, SDLK_ESCAPE);
    if (strcmp(scene_test_top(app), c->scene) != 0 || engine_scene_count(app->engine) != n) {
      failed("%s: Esc on %s went to %s", c->scene, keys[k].opens, scene_test_top(app));
      return;
    }
  }
}

static void check_sound_and_back(SceneTestFixture *f, const ScreenCase *c) {
  App *app = open_screen(f, c);
  size_t n = engine_scene_count(app->engine);
  if (!c->typing) {
    key(app, SDLK_m);
    if (engine_sound_on(app->engine) || strcmp(scene_test_top(app), c->scene) != 0) {
      failed("%s: M left the sound %s and %s on top", c->scene, engine_sound_on(app->engine) ? "on" : "off",
             scene_test_top(app));
    }
    key(app, SDLK_m);
  }
  key(app, SDLK_ESCAPE);
  char shot[64];
  snprintf(shot, sizeof shot, "after-back-%s", c->scene);
  scene_test_shot(f, shot);  // the question asked, or the screen beneath
  size_t want = c->back == BACK_POPS ? n - 1 : c->back == BACK_ASKS ? n + 1 : n;
  if (strcmp(scene_test_top(app), c->after_back) != 0 || engine_scene_count(app->engine) != want) {
    failed("%s: Back gave %s with %zu screen(s); want %s with %zu", c->scene, scene_test_top(app),
           engine_scene_count(app->engine), c->after_back, want);
  }
}

static void test_every_screen_leaves_a_pointer_over_nothing_alone(void **state) {
  failures[0] = 0;
  for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
    check_pointer_over_nothing(*state, &screens[i]);
  }
  report();
}

static void test_every_screen_opens_one_help_and_one_settings(void **state) {
  failures[0] = 0;
  for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
    check_help_and_settings(*state, &screens[i]);
  }
  report();
}

static void test_every_screen_toggles_sound_and_goes_back(void **state) {
  failures[0] = 0;
  for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
    check_sound_and_back(*state, &screens[i]);
  }
  report();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_m_toggles_sound_with_a_notice, scene_test_setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_pointer_over_nothing_draws_nothing, scene_test_setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_every_screen_leaves_a_pointer_over_nothing_alone, scene_test_setup,
                                      scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_every_screen_opens_one_help_and_one_settings, scene_test_setup,
                                      scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_every_screen_toggles_sound_and_goes_back, scene_test_setup,
                                      scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

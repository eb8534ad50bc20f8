// The game's side of the engine set-up: its actions and key bindings reach
// the screens through the engine's table, and key hints follow the table.
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"

#include "scene_test_support.h"
#include "scenes/game_config.h"
#include "scenes/scenes.h"
#include "support/test_support.h"

static App *open_app(SceneTestFixture *f) {
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 1});
  scene_title_push(f->app);
  scene_test_steps(f->app, 2);
  return f->app;
}

// Today's defaults: every game action has its key and (but Settings and
// Mute) its controller button; the hints read the keys.
static void test_game_table_has_the_defaults(void **state) {
  (void)state;
  SceneTestFixture *f = scene_test_fixture_create();
  App *app = open_app(f);
  struct {
    InputAction action;
    const char *key;
    int button;  // -1: none
    const char *name;
  } want[] = {
      {INPUT_ACTION_ANSWER_REAL, "R", SDL_CONTROLLER_BUTTON_X, "answer-real"},
      {INPUT_ACTION_ANSWER_FABRICATED, "F", SDL_CONTROLLER_BUTTON_Y, "answer-fabricated"},
      {INPUT_ACTION_PAUSE, "P", SDL_CONTROLLER_BUTTON_START, "pause"},
      {INPUT_ACTION_HELP, "F1", SDL_CONTROLLER_BUTTON_BACK, "help"},
      {INPUT_ACTION_SETTINGS, "F2", -1, "settings"},
      {INPUT_ACTION_MUTE, "M", -1, "mute"},
      {INPUT_ACTION_BACK, "Esc", SDL_CONTROLLER_BUTTON_B, "back"},
      {INPUT_ACTION_CONFIRM, "Enter", SDL_CONTROLLER_BUTTON_A, "confirm"},
      {INPUT_ACTION_NEXT, "Tab", SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, "next"},
      {INPUT_ACTION_PREV, "Shift+Tab", SDL_CONTROLLER_BUTTON_LEFTSHOULDER, "previous"},
      {INPUT_ACTION_FULLSCREEN, "F11", -1, "fullscreen"},
  };
  size_t n;
  const InputBinding *table = game_bindings(&n);
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    assert_string_equal(game_key_hint(app->engine, want[i].action), want[i].key);
    assert_string_equal(game_action_name(want[i].action), want[i].name);
    int button = -1;
    for (size_t j = 0; j < n && button < 0; j++) {
      if (table[j].device == INPUT_DEVICE_CONTROLLER && table[j].action == want[i].action) {
        button = table[j].code;
      }
    }
    assert_int_equal(button, want[i].button);
  }
  // The game's actions do not overlap the engine's.
  assert_true((int)INPUT_ACTION_ANSWER_REAL >= (int)INPUT_ACTION_ENGINE_COUNT);
  assert_true((int)GAME_ACTION_END <= (int)INPUT_ACTION_MAX);
  scene_test_fixture_destroy(f);
}

// The keys drive the screens through the table: F1 opens Help, and after a
// rebinding F3 does instead, and the Help hint says so.
static void test_rebinding_reaches_the_screens(void **state) {
  (void)state;
  SceneTestFixture *f = scene_test_fixture_create();
  App *app = open_app(f);
  assert_string_equal(scene_test_top(app), "title");
  scene_test_push_key(app, SDLK_F1);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "help");
  scene_test_push_key(app, SDLK_ESCAPE);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "title");

  size_t n;
  const InputBinding *table = game_bindings(&n);
  InputBinding *rebound = xmalloc(n * sizeof *table);
  memcpy(rebound, table, n * sizeof *table);
  for (size_t i = 0; i < n; i++) {
    if (rebound[i].code == SDLK_F1) {
      rebound[i].code = SDLK_F3;
      rebound[i].label = N_("F3");
    }
  }
  engine_set_bindings(app->engine, rebound, n);
  free(rebound);  // the engine copied it
  assert_string_equal(game_key_hint(app->engine, INPUT_ACTION_HELP), "F3");
  scene_test_push_key(app, SDLK_F1);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "title");
  scene_test_push_key(app, SDLK_F3);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "help");
  scene_test_fixture_destroy(f);
}

static int peak_of(const int16_t *s, size_t n) {
  int peak = 0;
  for (size_t i = 0; i < n; i++) {
    int a = abs((int)s[i]);
    peak = a > peak ? a : peak;
  }
  return peak;
}

// Upward zero crossings per second in [from, to) seconds: a pitch estimate.
static double pitch(const int16_t *s, size_t n, int rate, double from, double to) {
  size_t a = (size_t)(from * rate), b = (size_t)(to * rate);
  b = b > n ? n : b;
  int crossings = 0;
  for (size_t i = a + 1; i < b; i++) {
    crossings += s[i - 1] < 0 && s[i] >= 0;
  }
  return crossings / (to - from);
}

static uint64_t fnv1a(const int16_t *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (uint16_t)s[i];
    h *= 1099511628211ull;
  }
  return h;
}

// The game's cues sound exactly as they did when the engine baked them in:
// the same samples, bit for bit (hashes taken from the engine's old
// synthesis), and the same character (audible, short, wrong softer).
static void test_game_cues_are_the_old_sounds(void **state) {
  (void)state;
  size_t ncues;
  const AudioCueSpec *cues = game_cues(&ncues);
  assert_int_equal(ncues, SOUND_CUE_COUNT);
  const struct {
    size_t len;
    uint64_t hash;
  } old[SOUND_CUE_COUNT] = {
      [SOUND_CUE_CORRECT] = {26400, 0xb7b910d65304efaeull},
      [SOUND_CUE_WRONG] = {16800, 0xa892354fbc5f1eb3ull},
      [SOUND_CUE_TICK] = {1440, 0x8b4ac24dd03465f9ull},
  };
  int peaks[SOUND_CUE_COUNT];
  for (int c = 0; c < SOUND_CUE_COUNT; c++) {
    size_t n;
    int16_t *s = audio_synth_cue(&cues[c], AUDIO_SAMPLE_RATE, &n);
    assert_int_equal(n, old[c].len);
    assert_true(fnv1a(s, n) == old[c].hash);
    peaks[c] = peak_of(s, n);
    assert_true(peaks[c] > 2000 && peaks[c] <= AUDIO_PEAK_LIMIT);
    assert_true(abs((int)s[n - 1]) < 500);  // no click at the end
    free(s);
  }
  assert_true(peaks[SOUND_CUE_WRONG] < peaks[SOUND_CUE_CORRECT]);
  size_t n;
  int16_t *ok = audio_synth_cue(&cues[SOUND_CUE_CORRECT], AUDIO_SAMPLE_RATE, &n);
  double first = pitch(ok, n, AUDIO_SAMPLE_RATE, 0.01, 0.10);
  double second = pitch(ok, n, AUDIO_SAMPLE_RATE, 0.25, 0.40);
  assert_true(first > 800 && first < 960);      // A5
  assert_true(second > 1200 && second < 1450);  // E6: it rises
  free(ok);
  // The app's engine has them.
  SceneTestFixture *f = scene_test_fixture_create();
  App *app = open_app(f);
  assert_int_equal(audio_cue_count(engine_audio(app->engine)), SOUND_CUE_COUNT);
  scene_test_fixture_destroy(f);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_game_table_has_the_defaults),
      cmocka_unit_test(test_rebinding_reaches_the_screens),
      cmocka_unit_test(test_game_cues_are_the_old_sounds),
  };
  return cmocka_run_group_tests_name("game_config", tests, NULL, NULL);
}

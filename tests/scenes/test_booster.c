// The title screen's booster offer (issue #8), driven headless through a
// real App with the injected clock (AppConfig.wall_base_ms): practice is
// recorded through the play layer at a chosen Unix time, then the title is
// shown and the offer looked for. No offer for a new player or 23 h after
// practice; one after 25 h, 8 days and 31 days; "Start booster" plays a
// round of 5 with the normal feedback; "Not now" (or Back) puts it away
// until the next start. The offer shows whole (no text cut or shrunk) at
// every size; screenshots land in $PREBUNK_SHOT_DIR when set.

#include "support/test_support.h"

#include "scene_test_support.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/str.h"
#include "engine/engine.h"
#include "play/booster.h"
#include "play/session.h"
#include "quiz/pack_library.h"
#include "scenes/app.h"
#include "scenes/gameplay.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"

#define WALL_BASE_MS INT64_C(1750000000000)
#define HOUR_MS (INT64_C(60) * 60 * 1000)

typedef SceneTestFixture Fixture;

static App *open_app(Fixture *f, int w, int h) {
  App *app = scene_test_app_create(
      f, &(SceneTestAppOptions){.seed = 5, .wall_base_ms = WALL_BASE_MS, .width = w, .height = h});
  app->settings.sound = false;
  return app;
}

static int setup(void **state) {
  Fixture *f = scene_test_fixture_create();
  f->app = open_app(f, 1280, 720);
  *state = f;
  return 0;
}

// A fresh app (the next start of the game) over the same data folder;
// `largest` writes the largest text size first (closing an app saves its
// own settings, so with no app open).
static void reopen(Fixture *f, int w, int h, bool largest) {
  app_destroy(f->app);
  f->app = NULL;
  char *path = fs_join(f->dir, SETTINGS_FILE_NAME);
  char *err = NULL;
  const char *ini = largest ? "[display]\ntext_size = largest\n" : "[display]\ntext_size = normal\n";
  assert_true(fs_write_atomic(path, ini, strlen(ini), &err));
  free(path);
  f->app = open_app(f, w, h);
}

// The first practice pack of the library with room for a booster.
static const Pack *practice_pack(const App *app) {
  for (size_t i = 0; i < pack_library_count(app->packs); i++) {
    const Pack *p = pack_library_get(app->packs, i)->pack;
    if (p && p->kind == PACK_KIND_PRACTICE && p->item_count >= 20) {
      return p;
    }
  }
  fail_msg("no practice pack in the library");
  return NULL;
}

// `name` plays a practice round that ends `ago_ms` before the app's now,
// believing every fabricated headline (so it has techniques to boost).
static void practise(App *app, const char *name, int64_t ago_ms) {
  char *err = NULL;
  assert_true(app_set_player(app, name, &err));
  const Pack *pack = practice_pack(app);
  int64_t end = app_unix_ms(app) - ago_ms;
  PlaySessionSpec spec = {
      .store = app->store,
      .player_id = app->player_id,
      .pack = pack,
      .settings = play_round_settings(pack, &(PlayPreferences){PLAY_FROM_PACK, 10, false}),
      .seed = 3,
      .started_unix_ms = end - 60000,
  };
  PlaySession *s = play_session_create(&spec, &err);
  assert_non_null(s);
  Round *r = play_session_round(s);
  for (size_t i = 0; i < round_count(r); i++) {
    int64_t t = (int64_t)i * 3000;
    assert_true(round_start_question(r, t));
    assert_true(play_session_answer(s, PACK_ANSWER_REAL, t + 1500, end - 60000 + t, NULL));
    round_next(r);
  }
  play_session_finish(s, end);
  play_session_destroy(s);
}

static void show_title(Fixture *f) {
  char *err = NULL;
  if (!app_start(f->app, "title", &err)) {
    fail_msg("app_start title: %s", err ? err : "?");
  }
  scene_test_step(f);
  assert_string_equal(scene_test_top(f->app), "title");
}

// The top form's button with `label`, or NULL.
static const UiButton *button(App *app, const char *label) {
  const UiForm *form = scene_test_top_form(app);
  for (int i = 0; i < form->count; i++) {
    if (form->buttons[i].label && strcmp(form->buttons[i].label, label) == 0) {
      return &form->buttons[i];
    }
  }
  return NULL;
}

static bool offered(Fixture *f) {
  return strcmp(scene_test_top(f->app), "title") == 0 && button(f->app, "Start booster") != NULL;
}

static void shot(Fixture *f, const char *name) {
  const char *dir = getenv("PREBUNK_SHOT_DIR") ? getenv("PREBUNK_SHOT_DIR") : f->dir;
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(engine_renderer(f->app->engine), &w, &h);
  char *path = xasprintf("%s/%s-%dx%d%s.png", dir, name, w, h,
                         f->app->settings.text_size == SETTINGS_TEXT_LARGEST ? "-largest" : "");
  char *err = NULL;
  if (!engine_save_screenshot(f->app->engine, path, &err)) {
    fail_msg("%s: %s", path, err ? err : "?");
  }
  free(path);
}

// ---- when the offer shows ---------------------------------------------------------

static void test_no_offer_without_practice(void **state) {
  Fixture *f = *state;
  show_title(f);  // nobody has played yet
  assert_false(offered(f));
  char *err = NULL;
  assert_true(app_set_player(f->app, "Newcomer", &err));
  show_title(f);
  assert_false(offered(f));
  assert_non_null(button(f->app, "Play"));
}

static void test_offer_follows_the_schedule(void **state) {
  Fixture *f = *state;
  static const struct {
    const char *name;
    int64_t ago_ms;
    bool due;
    int step;
  } cases[] = {
      {"Ann", 23 * HOUR_MS, false, 0},
      {"Ben", 25 * HOUR_MS, true, 1},
      {"Cat", 8 * 24 * HOUR_MS, true, 2},
      {"Dan", 31 * 24 * HOUR_MS, true, 3},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    practise(f->app, cases[i].name, cases[i].ago_ms);
    show_title(f);
    if (offered(f) != cases[i].due) {
      fail_msg("%s, %lld h after practice: offer %s", cases[i].name, (long long)(cases[i].ago_ms / HOUR_MS),
               cases[i].due ? "missing" : "shown");
    }
    PlayBoosterOffer o;
    assert_true(play_booster_offer(f->app->store, f->app->player_id, app_unix_ms(f->app), &o, NULL));
    assert_int_equal(o.step, cases[i].step);
  }
}

// At the next start nobody is chosen yet: the most recent player is asked
// about, and starting the booster makes them the player.
static void test_offer_for_the_most_recent_player(void **state) {
  Fixture *f = *state;
  practise(f->app, "Eve", 25 * HOUR_MS);
  reopen(f, 1280, 720, false);
  assert_int_equal(f->app->player_id, 0);
  show_title(f);
  assert_true(offered(f));
  scene_test_key(f, SDLK_RETURN);  // Start booster is focused
  assert_string_equal(scene_test_top(f->app), "round");
  assert_non_null(f->app->player_name);
  assert_string_equal(f->app->player_name, "Eve");
}

// ---- answering it -----------------------------------------------------------------

static void test_start_plays_a_booster_of_five(void **state) {
  Fixture *f = *state;
  practise(f->app, "Fay", 25 * HOUR_MS);
  show_title(f);
  assert_true(offered(f));
  const UiButton *start = button(f->app, "Start booster");
  assert_int_equal(start->kind, UI_BUTTON_PRIMARY);
  assert_int_equal(button(f->app, "Not now")->kind, UI_BUTTON_QUIET);
  scene_test_click(f, start->rect.x + start->rect.w / 2, start->rect.y + start->rect.h / 2);
  assert_string_equal(scene_test_top(f->app), "round");
  const Round *r = scene_round_peek(engine_scene_data(f->app->engine, 0));
  assert_non_null(r);
  assert_int_equal(round_count(r), PLAY_BOOSTER_ITEMS);
  assert_int_equal(round_settings(r)->seconds_per_question, PLAY_BOOSTER_SECONDS);
  // Every answer gets the normal feedback; the last one leads to the summary.
  for (int i = 0; i < PLAY_BOOSTER_ITEMS; i++) {
    scene_test_advance(f, 1000);
    scene_test_key(f, SDLK_r);
    scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
    scene_test_key(f, SDLK_RETURN);
  }
  assert_string_equal(scene_test_top(f->app), "summary");
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(f->app), "title");
  assert_false(offered(f));  // booster 1 taken: the next falls due at 7 days
  StoreRoundList rounds;
  assert_true(store_rounds(f->app->store, &(StoreFilter){.player_id = f->app->player_id}, &rounds, NULL));
  assert_int_equal(rounds.items[0].kind, STORE_ROUND_BOOSTER);
  store_round_list_free(&rounds);
}

static void test_not_now_puts_it_away_until_the_next_start(void **state) {
  Fixture *f = *state;
  practise(f->app, "Gus", 25 * HOUR_MS);
  show_title(f);
  assert_true(offered(f));
  const UiButton *later = button(f->app, "Not now");
  scene_test_click(f, later->rect.x + later->rect.w / 2, later->rect.y + later->rect.h / 2);
  assert_false(offered(f));
  assert_non_null(button(f->app, "Play"));
  // Still away once the title is back on top (help opened and closed).
  scene_test_key(f, SDLK_F1);
  assert_string_equal(scene_test_top(f->app), "help");
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(f->app), "title");
  assert_false(offered(f));
  // Back is "Not now" too, and a new start of the game offers it again.
  reopen(f, 1280, 720, false);
  show_title(f);
  assert_true(offered(f));
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(f->app), "title");
  assert_false(offered(f));
}

// ---- shown whole ------------------------------------------------------------------

static void test_offer_whole_at_every_size(void **state) {
  Fixture *f = *state;
  practise(f->app, "Maximiliane Augusta", 25 * HOUR_MS);
  static const int sizes[][2] = {{1024, 768}, {1366, 768}, {1920, 1080}, {3840, 2160}, {768, 1024}};
  for (int large = 0; large < 2; large++) {
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
      reopen(f, sizes[i][0], sizes[i][1], large);
      show_title(f);
      assert_true(offered(f));
      ui_stats_clear(f->app->ui_stats);
      shot(f, "booster-offer");
      const MenuSceneHead *head = engine_scene_data(f->app->engine, 0);
      if (f->app->ui_stats->cut || f->app->ui_stats->shrunk || head->texts.cut) {
        fail_msg("%dx%d%s: %u texts cut, %u shrunk, %zu lines cut (last cut: %s)", sizes[i][0], sizes[i][1],
                 large ? " largest" : "", f->app->ui_stats->cut, f->app->ui_stats->shrunk, head->texts.cut,
                 f->app->ui_stats->last_cut);
      }
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_no_offer_without_practice, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_offer_follows_the_schedule, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_offer_for_the_most_recent_player, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_start_plays_a_booster_of_five, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_not_now_puts_it_away_until_the_next_start, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_offer_whole_at_every_size, setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

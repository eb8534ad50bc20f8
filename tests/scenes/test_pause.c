// Settings from every screen and the round's pause menu, driven headless
// through a real App with pushed SDL input (keyboard, mouse, controller) and
// a manual clock: the settings screen opens above the current screen and
// returns to it; during a round nothing covering the question lets its timer
// run; the pause menu opens and resumes by every way there is; quitting from
// it asks first and marks the round abandoned in the store. Screenshots of
// the pause button, the pause menu and the header at the largest text size
// land in $PREBUNK_SHOT_DIR when set (else the temporary folder).

#include "support/test_support.h"

#include "scene_test_support.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/str.h"
#include "engine/engine.h"
#include "engine/png_io.h"
#include "quiz/pack_load.h"
#include "scenes/app.h"
#include "scenes/gameplay.h"
#include "scenes/scenes.h"
#include "store/store.h"

enum {
  LIMIT_MS = 10000,  // the pack asks for 10 s per question
  WALL_BASE_MS = 1700000000,
  LONG_MS = 10 * 60 * 1000,  // far longer than a question: nothing may tick meanwhile
};

static const char *const pack_text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"pause-test\" version=\"1\" xml:lang=\"en\">\n"
    "  <title>Pause test pack</title>\n"
    "  <description>Four items for the pause tests.</description>\n"
    "  <round questions=\"4\" seconds=\"10\"/>\n"
    "  <item id=\"r1\" answer=\"real\"><headline>Council opens new library on the high street</headline>\n"
    "    <source outlet=\"The Daily Test\" date=\"2016-04-17\"/>\n"
    "    <explanation>Real. Reported by several outlets.</explanation></item>\n"
    "  <item id=\"r2\" answer=\"real\"><headline>Dog elected honorary mayor of small town</headline>\n"
    "    <source outlet=\"Town Herald\" date=\"2019\"/>\n"
    "    <explanation>Real. Strange but true.</explanation></item>\n"
    "  <item id=\"f1\" answer=\"fabricated\"><headline>Scientists confirm chocolate cures all colds</headline>\n"
    "    <explanation>Fabricated. No such study.</explanation><technique>fake-expert</technique></item>\n"
    "  <item id=\"f2\" answer=\"fabricated\"><headline>URGENT: tap water turns toxic at midnight</headline>\n"
    "    <explanation>Fabricated. Fearmongering.</explanation><technique>fearmongering</technique></item>\n"
    "</quizpack>\n";

typedef SceneTestFixture Fixture;

static App *open_app(Fixture *f, int w, int h) {
  App *app = scene_test_app_create(
      f, &(SceneTestAppOptions){.seed = 7, .wall_base_ms = WALL_BASE_MS, .width = w, .height = h});
  char *err = NULL;
  assert_non_null(app->pack);
  assert_true(app_set_player(app, "Tester", &err));
  app->settings.sound = false;  // the rules do not depend on it; keep quiet
  return app;
}

static Fixture *fixture_make(void) {
  Fixture *f = scene_test_fixture_create();
  f->pack_path = test_write_file(f->dir, "pack.xml", pack_text);
  f->app = open_app(f, 1280, 720);
  return f;
}

// A fresh app (an empty scene stack ends the engine, so each screen gets one).
static void reopen(Fixture *f, int w, int h) {
  app_destroy(f->app);
  f->app = open_app(f, w, h);
}

// ---- driving -----------------------------------------------------------------

static const char *top(Fixture *f) {
  return scene_test_top(f->app);
}

// A left click (mouse) in the middle of a logical rect.
static void click_rect(Fixture *f, Rect r) {
  scene_test_click(f, r.x + r.w / 2, r.y + r.h / 2);
}

// The round being played, `depth` scenes below the top.
static const Round *round_at(Fixture *f, size_t depth) {
  return scene_round_peek(engine_scene_data(f->app->engine, depth));
}

static int64_t left_ms(Fixture *f, const Round *r) {
  return round_time_left_ms(r, (int64_t)clock_now_ms(&f->clock));
}

// Starts the screen `name` as the game's --scene does.
static void start_at(Fixture *f, const char *name) {
  char *err = NULL;
  if (!app_start(f->app, name, &err)) {
    fail_msg("app_start %s: %s", name, err ? err : "?");
  }
  free(err);
}

static void start_round(Fixture *f) {
  start_at(f, "round");
  scene_test_step(f);
  assert_string_equal(top(f), "round");
}

// ---- settings from every screen --------------------------------------------------

// F2 and the header's Settings button open the settings above packs, player,
// round, feedback, summary and scores; Esc and the header's Back return to
// exactly that screen, with the stack as it was.
static void test_settings_from_every_screen(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  const char *screens[] = {"packs", "player", "round", "feedback", "summary", "scores", "preview"};
  for (size_t i = 0; i < sizeof screens / sizeof *screens; i++) {
    reopen(f, 1280, 720);
    start_at(f, screens[i]);
    scene_test_step(f);
    assert_string_equal(top(f), screens[i]);
    size_t depth = engine_scene_count(f->app->engine);
    // Keyboard: F2 there, Esc back.
    scene_test_key(f, SDLK_F2);
    assert_string_equal(top(f), "settings");
    assert_int_equal(engine_scene_count(f->app->engine), depth + 1);
    scene_test_key(f, SDLK_F2);  // again on the settings screen: nothing stacks up
    assert_int_equal(engine_scene_count(f->app->engine), depth + 1);
    scene_test_key(f, SDLK_ESCAPE);
    assert_string_equal(top(f), screens[i]);
    assert_int_equal(engine_scene_count(f->app->engine), depth);
    // Mouse: the header's Settings button there, the header's Back button back.
    click_rect(f, scene_test_button_with_id(f->app, UI_ID_SETTINGS)->rect);
    assert_string_equal(top(f), "settings");
    assert_null(ui_form_button(scene_test_top_form(f->app), UI_ID_SETTINGS));  // not on itself
    click_rect(f, scene_test_button_with_id(f->app, UI_ID_BACK)->rect);
    assert_string_equal(top(f), screens[i]);
    assert_int_equal(engine_scene_count(f->app->engine), depth);
  }
  // The title screen has no header: F2 works there too.
  reopen(f, 1280, 720);
  start_at(f, "title");
  scene_test_step(f);
  scene_test_key(f, SDLK_F2);
  assert_string_equal(top(f), "settings");
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "title");
  scene_test_fixture_destroy(f);
}

// Settings over the name entry: letters typed meanwhile do not reach the
// name, and the name entry takes letters again once back.
static void test_settings_over_name_entry(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  start_at(f, "player");
  scene_test_step(f);
  assert_true(engine_text_input_active(f->app->engine));
  scene_test_key(f, SDLK_F2);  // an F-key, not text: works while typing a name
  assert_string_equal(top(f), "settings");
  assert_false(engine_text_input_active(f->app->engine));
  scene_test_type(f, "zz");  // not for the name beneath
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "player");
  assert_true(engine_text_input_active(f->app->engine));
  // The name field holds the prefilled name plus what was typed after coming back.
  scene_test_type(f, "x");
  scene_test_key(f, SDLK_RETURN);
  scene_test_pass_forewarning(f->app, SCENE_TEST_KEYBOARD);
  assert_string_equal(f->app->player_name, "Testerx");
  scene_test_fixture_destroy(f);
}

// ---- the round's timer while something covers it ----------------------------------

static void test_timer_frozen_under_settings_and_pause(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  start_round(f);
  const Round *r = round_at(f, 0);
  assert_non_null(r);
  scene_test_advance(f, 1000);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1000);

  // Settings by F2: frozen however long it stays open.
  scene_test_key(f, SDLK_F2);
  assert_string_equal(top(f), "settings");
  assert_true(round_is_paused(r));
  scene_test_advance(f, LONG_MS);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1000);
  // A round rule changed meanwhile (seconds: from the pack's to "off", then
  // 5) leaves this round alone; text size applies at once.
  scene_test_key(f, SDLK_RIGHT);
  scene_test_key(f, SDLK_RIGHT);
  assert_int_equal(f->app->settings.seconds_per_question, 5);
  float scale = f->app->theme.text_scale;
  for (int i = 0; i < 5; i++) {
    scene_test_key(f, SDLK_DOWN);  // questions, speed bonus, ask how sure, sound, text size
  }
  scene_test_key(f, SDLK_RIGHT);
  assert_true(f->app->theme.text_scale > scale);
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "round");
  assert_false(round_is_paused(r));
  assert_int_equal(round_time_limit_ms(r), LIMIT_MS);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1000);
  scene_test_advance(f, 500);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1500);

  // Settings by the header's button (mouse): frozen as well.
  click_rect(f, scene_test_button_with_id(f->app, UI_ID_SETTINGS)->rect);
  assert_string_equal(top(f), "settings");
  scene_test_advance(f, LONG_MS);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1500);
  click_rect(f, scene_test_button_with_id(f->app, UI_ID_BACK)->rect);
  assert_string_equal(top(f), "round");

  // Pause, then Settings and Help from the pause menu, then back to it.
  scene_test_key(f, SDLK_p);
  assert_string_equal(top(f), "pause");
  assert_true(round_is_paused(r));
  scene_test_advance(f, LONG_MS);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1500);
  click_rect(f, scene_test_button_labelled(f->app, "Settings")->rect);
  assert_string_equal(top(f), "settings");
  scene_test_advance(f, LONG_MS);
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "pause");  // exactly where the player was
  assert_true(round_is_paused(r));
  scene_test_key(f, SDLK_F2);
  assert_string_equal(top(f), "settings");
  scene_test_key(f, SDLK_ESCAPE);
  scene_test_key(f, SDLK_F1);
  assert_string_equal(top(f), "help");
  scene_test_advance(f, LONG_MS);
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "pause");
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1500);
  scene_test_key(f, SDLK_p);
  assert_string_equal(top(f), "round");
  assert_false(round_is_paused(r));
  scene_test_advance(f, 2000);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 3500);

  // The new seconds apply to the next round: quit this one, start another.
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "confirm");
  scene_test_key(f, SDLK_RIGHT);
  scene_test_key(f, SDLK_RETURN);
  assert_string_equal(top(f), "packs");
  scene_round_push(f->app);
  scene_test_step(f);
  assert_string_equal(top(f), "round");
  assert_int_equal(round_time_limit_ms(round_at(f, 0)), 5000);
  scene_test_fixture_destroy(f);
}

// ---- opening and resuming the pause menu -------------------------------------------

static void expect_paused(Fixture *f, const Round *r, int64_t left) {
  assert_string_equal(top(f), "pause");
  assert_true(round_is_paused(r));
  scene_test_advance(f, LONG_MS);
  assert_int_equal(left_ms(f, r), left);
  // Resume is the default: Enter right away resumes.
  assert_int_equal(ui_form_focused_id(scene_test_top_form(f->app)), scene_test_button_labelled(f->app, "Resume")->id);
}

static void expect_resumed(Fixture *f, const Round *r, int64_t left) {
  assert_string_equal(top(f), "round");
  assert_false(round_is_paused(r));
  assert_int_equal(left_ms(f, r), left);
}

static void test_pause_opens_and_resumes_every_way(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  start_round(f);
  const Round *r = round_at(f, 0);
  scene_test_advance(f, 1000);
  int64_t left = LIMIT_MS - 1000;
  size_t depth = engine_scene_count(f->app->engine);

  // Open with P; resume with P, Enter, Esc.
  SDL_Keycode resume_keys[] = {SDLK_p, SDLK_RETURN, SDLK_ESCAPE};
  for (size_t i = 0; i < sizeof resume_keys / sizeof *resume_keys; i++) {
    scene_test_key(f, SDLK_p);
    expect_paused(f, r, left);
    assert_int_equal(engine_scene_count(f->app->engine), depth + 1);
    scene_test_key(f, resume_keys[i]);
    expect_resumed(f, r, left);
  }
  // Open with the controller's Start; resume with Start, A, B.
  SDL_GameControllerButton resume_pad[] = {SDL_CONTROLLER_BUTTON_START, SDL_CONTROLLER_BUTTON_A,
                                           SDL_CONTROLLER_BUTTON_B};
  for (size_t i = 0; i < sizeof resume_pad / sizeof *resume_pad; i++) {
    scene_test_pad(f, SDL_CONTROLLER_BUTTON_START);
    expect_paused(f, r, left);
    scene_test_pad(f, resume_pad[i]);
    expect_resumed(f, r, left);
  }
  // The round's Pause button sits in the header's start slot.
  const UiButton *pause_button = scene_test_button_labelled(f->app, "Pause");
  Ui ui = app_ui(f->app);
  assert_true(rect_contains(ui_header_start_rect(&ui), pause_button->rect.x + 1, pause_button->rect.y + 1));
  // It is focusable: nothing is focused on a fresh question, the first Up
  // shows REAL, the next one reaches Pause; Enter presses it.
  assert_int_equal(ui_form_focused_id(scene_test_top_form(f->app)), UI_FOCUS_NONE);
  scene_test_key(f, SDLK_UP);
  assert_int_equal(ui_form_focused_id(scene_test_top_form(f->app)), scene_test_button_labelled(f->app, "REAL")->id);
  scene_test_key(f, SDLK_UP);
  assert_int_equal(ui_form_focused_id(scene_test_top_form(f->app)), pause_button->id);
  scene_test_key(f, SDLK_RETURN);
  expect_paused(f, r, left);
  scene_test_key(f, SDLK_RETURN);
  expect_resumed(f, r, left);
  // A click on it opens the menu too; a click on Resume closes it.
  click_rect(f, pause_button->rect);
  expect_paused(f, r, left);
  click_rect(f, scene_test_button_labelled(f->app, "Resume")->rect);
  expect_resumed(f, r, left);
  // Two presses in one frame open one menu, not two.
  scene_test_push_key(f->app, SDLK_p);
  scene_test_push_key(f->app, SDLK_p);
  scene_test_step(f);
  assert_string_equal(top(f), "pause");
  assert_int_equal(engine_scene_count(f->app->engine), depth + 1);
  scene_test_key(f, SDLK_ESCAPE);
  expect_resumed(f, r, left);
  // The time runs again once resumed, and an answer counts only played time.
  scene_test_advance(f, 2000);
  assert_int_equal(left_ms(f, r), left - 2000);
  scene_test_fixture_destroy(f);
}

// ---- quitting from the pause menu ----------------------------------------------------

static void test_quit_from_pause_asks_and_abandons(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  start_round(f);
  const Round *r = round_at(f, 0);
  PackAnswer truth = round_current_item(r)->answer;
  scene_test_advance(f, 1500);
  scene_test_key(f, truth == PACK_ANSWER_REAL ? SDLK_r : SDLK_f);
  scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
  scene_test_key(f, SDLK_RETURN);
  assert_string_equal(top(f), "round");

  // Quit this round, then "Keep playing": back in the menu, still paused.
  scene_test_key(f, SDLK_p);
  click_rect(f, scene_test_button_labelled(f->app, "Quit this round")->rect);
  assert_string_equal(top(f), "confirm");
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "pause");
  assert_true(round_is_paused(r));
  // By keyboard this time: Down to "Quit this round", Enter, then Yes.
  for (int i = 0; i < 3; i++) {
    scene_test_key(f, SDLK_DOWN);
  }
  assert_int_equal(ui_form_focused_id(scene_test_top_form(f->app)),
                   scene_test_button_labelled(f->app, "Quit this round")->id);
  scene_test_key(f, SDLK_RETURN);
  assert_string_equal(top(f), "confirm");
  scene_test_key(f, SDLK_RIGHT);  // from "Keep playing" to "Quit round"
  scene_test_key(f, SDLK_RETURN);
  assert_string_equal(top(f), "packs");

  StoreFilter filter = {.player_name = "Tester", .pack_id = "pause-test"};
  StoreRoundList rounds = {0};
  StoreAnswerList answers = {0};
  char *err = NULL;
  assert_true(store_rounds(f->app->store, &filter, &rounds, &err));
  assert_true(store_answers(f->app->store, &filter, &answers, &err));
  free(err);
  assert_int_equal(rounds.count, 1);
  assert_int_equal(rounds.items[0].status, STORE_ROUND_ABANDONED);
  assert_int_equal(answers.count, 1);
  assert_int_equal(answers.items[0].correct, 1);
  assert_int_equal(answers.items[0].response_ms, 1500);
  store_round_list_free(&rounds);
  store_answer_list_free(&answers);
  scene_test_fixture_destroy(f);
}

// ---- screenshots -----------------------------------------------------------------

static void shot(Fixture *f, const char *dir, const char *name) {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(engine_renderer(f->app->engine), &w, &h);
  char *path = xasprintf("%s/%s-%dx%d.png", dir, name, w, h);
  char *err = NULL;
  if (!engine_save_screenshot(f->app->engine, path, &err)) {
    fail_msg("%s: %s", path, err ? err : "?");
  }
  uint8_t *px = NULL;
  int pw = 0, ph = 0;
  assert_true(png_read_rgba(path, &px, &pw, &ph, &err));
  assert_int_equal(pw, w);
  assert_int_equal(ph, h);
  free(px);
  free(path);
}

static void test_screenshots(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  const char *dir = getenv("PREBUNK_SHOT_DIR") ? getenv("PREBUNK_SHOT_DIR") : f->dir;
  static const int sizes[3][2] = {{1280, 720}, {1366, 768}, {3840, 2160}};
  for (int i = 0; i < 3; i++) {
    reopen(f, sizes[i][0], sizes[i][1]);
    start_round(f);
    scene_test_advance(f, 3500);
    shot(f, dir, "pause-round");
    scene_test_key(f, SDLK_p);
    assert_string_equal(top(f), "pause");
    shot(f, dir, "pause-menu");
    click_rect(f, scene_test_button_labelled(f->app, "Settings")->rect);
    assert_string_equal(top(f), "settings");
    shot(f, dir, "pause-settings");
  }
  // The header with Settings on the packs screen at the largest text size.
  // (Written with no app open: closing an app saves its own settings.)
  app_destroy(f->app);
  char *err = NULL;
  const char *ini = "[display]\ntext_size = largest\n";
  char *path = fs_join(f->dir, SETTINGS_FILE_NAME);
  assert_true(fs_write_atomic(path, ini, strlen(ini), &err));
  free(path);
  f->app = open_app(f, 1280, 720);
  assert_int_equal(f->app->settings.text_size, SETTINGS_TEXT_LARGEST);
  start_at(f, "packs");
  scene_test_step(f);
  shot(f, dir, "pause-header-largest");
  reopen(f, 1280, 720);
  start_round(f);
  scene_test_advance(f, 3500);
  shot(f, dir, "pause-round-largest");
  scene_test_key(f, SDLK_p);
  shot(f, dir, "pause-menu-largest");
  scene_test_key(f, SDLK_F1);
  assert_string_equal(top(f), "help");
  shot(f, dir, "pause-help-largest");
  scene_test_key(f, SDLK_ESCAPE);
  scene_test_key(f, SDLK_ESCAPE);
  scene_test_key(f, SDLK_ESCAPE);  // the question: "Quit this round?" over the hidden headline
  assert_string_equal(top(f), "confirm");
  shot(f, dir, "pause-confirm-largest");
  scene_test_fixture_destroy(f);
}

int main(void) {
  log_set_stderr(getenv("PREBUNK_TEST_VERBOSE") != NULL);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_settings_from_every_screen),
      cmocka_unit_test(test_settings_over_name_entry),
      cmocka_unit_test(test_timer_frozen_under_settings_and_pause),
      cmocka_unit_test(test_pause_opens_and_resumes_every_way),
      cmocka_unit_test(test_quit_from_pause_asks_and_abandons),
      cmocka_unit_test(test_screenshots),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  pack_loader_shutdown();
  return rc;
}

// Settings from every screen and the round's pause menu, driven headless
// through a real App with pushed SDL input (keyboard, mouse, controller) and
// a manual clock: the settings screen opens above the current screen and
// returns to it; during a round nothing covering the question lets its timer
// run; the pause menu opens and resumes by every way there is; quitting from
// it asks first and marks the round abandoned in the store. Screenshots of
// the pause button, the pause menu and the header at the largest text size
// land in $PREBUNK_SHOT_DIR when set (else the temporary folder).

#include "support/test_support.h"

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

typedef struct Fixture {
  char *dir;
  char *pack_path;
  char *content;
  Clock clock;
  App *app;
} Fixture;

static App *open_app(Fixture *f, int w, int h) {
  AppConfig cfg = app_config_default();
  cfg.data_dir = f->dir;
  cfg.content_dir = f->content;
  cfg.pack_path = f->pack_path;
  cfg.clock = &f->clock;
  cfg.width = w;
  cfg.height = h;
  cfg.has_seed = true;
  cfg.seed = 7;
  cfg.wall_base_ms = WALL_BASE_MS;
  char *err = NULL;
  App *app = app_create(&cfg, &err);
  if (!app) {
    fail_msg("app_create: %s", err ? err : "?");
  }
  assert_non_null(app->pack);
  assert_true(app_set_player(app, "Tester", &err));
  app->settings.sound = false;  // the rules do not depend on it; keep quiet
  return app;
}

static Fixture *fixture_make(void) {
  Fixture *f = xcalloc(1, sizeof *f);
  f->dir = test_tmpdir();
  f->pack_path = test_write_file(f->dir, "pack.xml", pack_text);
  f->content = test_source_path("");
  f->clock = clock_manual(1000);
  f->app = open_app(f, 1280, 720);
  return f;
}

// A fresh app (an empty scene stack ends the engine, so each screen gets one).
static void reopen(Fixture *f, int w, int h) {
  app_destroy(f->app);
  f->app = open_app(f, w, h);
}

static void fixture_free(Fixture *f) {
  app_destroy(f->app);
  test_rmtree(f->dir);
  free(f->dir);
  free(f->pack_path);
  free(f->content);
  free(f);
}

// ---- driving -----------------------------------------------------------------

static void step(Fixture *f) {
  for (int i = 0; i < 3; i++) {
    engine_step(f->app->engine);
  }
}

static void advance(Fixture *f, uint64_t ms) {
  clock_advance(&f->clock, ms);
  step(f);
}

static void push_key_event(Fixture *f, SDL_Keycode sym) {
  SDL_Event e;
  memset(&e, 0, sizeof e);
  e.type = SDL_KEYDOWN;
  e.key.state = SDL_PRESSED;
  e.key.keysym.sym = sym;
  e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
  e.key.windowID = SDL_GetWindowID(engine_window(f->app->engine));
  SDL_PushEvent(&e);
  e.type = SDL_KEYUP;
  e.key.state = SDL_RELEASED;
  SDL_PushEvent(&e);
}

static void key(Fixture *f, SDL_Keycode sym) {
  push_key_event(f, sym);
  step(f);
}

static void pad(Fixture *f, SDL_GameControllerButton button) {
  SDL_Event e;
  memset(&e, 0, sizeof e);
  e.type = SDL_CONTROLLERBUTTONDOWN;
  e.cbutton.button = (Uint8)button;
  e.cbutton.state = SDL_PRESSED;
  SDL_PushEvent(&e);
  e.type = SDL_CONTROLLERBUTTONUP;
  e.cbutton.state = SDL_RELEASED;
  SDL_PushEvent(&e);
  step(f);
}

static void type_text(Fixture *f, const char *text) {
  SDL_Event e;
  memset(&e, 0, sizeof e);
  e.type = SDL_TEXTINPUT;
  str_copy(e.text.text, sizeof e.text.text, text);
  SDL_PushEvent(&e);
  step(f);
}

// A left click (mouse) at a logical point.
static void click(Fixture *f, float lx, float ly) {
  const View *v = engine_view(f->app->engine);
  // With the dummy driver the output and the window have the same size.
  int x = (int)(view_px_x(v, lx) + 0.5f), y = (int)(view_px_y(v, ly) + 0.5f);
  Uint32 win = SDL_GetWindowID(engine_window(f->app->engine));
  SDL_Event e;
  memset(&e, 0, sizeof e);
  e.type = SDL_MOUSEMOTION;
  e.motion.windowID = win;
  e.motion.x = x;
  e.motion.y = y;
  SDL_PushEvent(&e);
  memset(&e, 0, sizeof e);
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.windowID = win;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.state = SDL_PRESSED;
  e.button.clicks = 1;
  e.button.x = x;
  e.button.y = y;
  SDL_PushEvent(&e);
  e.type = SDL_MOUSEBUTTONUP;
  e.button.state = SDL_RELEASED;
  SDL_PushEvent(&e);
  step(f);
}

static const char *top(Fixture *f) {
  const SceneVTable *vt = engine_top_scene(f->app->engine);
  return vt ? vt->name : "(none)";
}

// Every screen's data starts with its form (scenes.h).
static UiForm *top_form(Fixture *f) {
  return engine_scene_data(f->app->engine, 0);
}

static const UiButton *button_with_id(Fixture *f, int id) {
  UiButton *b = ui_form_button(top_form(f), id);
  if (!b) {
    fail_msg("no button %d on %s", id, top(f));
  }
  return b;
}

static const UiButton *button_labelled(Fixture *f, const char *label) {
  UiForm *form = top_form(f);
  for (int i = 0; i < form->count; i++) {
    if (form->buttons[i].label && strcmp(form->buttons[i].label, label) == 0) {
      return &form->buttons[i];
    }
  }
  fail_msg("no button '%s' on %s", label, top(f));
  return NULL;
}

static void click_rect(Fixture *f, Rect r) {
  click(f, r.x + r.w / 2, r.y + r.h / 2);
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
  step(f);
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
    step(f);
    assert_string_equal(top(f), screens[i]);
    size_t depth = engine_scene_count(f->app->engine);
    // Keyboard: F2 there, Esc back.
    key(f, SDLK_F2);
    assert_string_equal(top(f), "settings");
    assert_int_equal(engine_scene_count(f->app->engine), depth + 1);
    key(f, SDLK_F2);  // again on the settings screen: nothing stacks up
    assert_int_equal(engine_scene_count(f->app->engine), depth + 1);
    key(f, SDLK_ESCAPE);
    assert_string_equal(top(f), screens[i]);
    assert_int_equal(engine_scene_count(f->app->engine), depth);
    // Mouse: the header's Settings button there, the header's Back button back.
    click_rect(f, button_with_id(f, UI_ID_SETTINGS)->rect);
    assert_string_equal(top(f), "settings");
    assert_null(ui_form_button(top_form(f), UI_ID_SETTINGS));  // not on itself
    click_rect(f, button_with_id(f, UI_ID_BACK)->rect);
    assert_string_equal(top(f), screens[i]);
    assert_int_equal(engine_scene_count(f->app->engine), depth);
  }
  // The title screen has no header: F2 works there too.
  reopen(f, 1280, 720);
  start_at(f, "title");
  step(f);
  key(f, SDLK_F2);
  assert_string_equal(top(f), "settings");
  key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "title");
  fixture_free(f);
}

// Settings over the name entry: letters typed meanwhile do not reach the
// name, and the name entry takes letters again once back.
static void test_settings_over_name_entry(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  start_at(f, "player");
  step(f);
  assert_true(engine_text_input_active(f->app->engine));
  key(f, SDLK_F2);  // an F-key, not text: works while typing a name
  assert_string_equal(top(f), "settings");
  assert_false(engine_text_input_active(f->app->engine));
  type_text(f, "zz");  // not for the name beneath
  key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "player");
  assert_true(engine_text_input_active(f->app->engine));
  // The name field holds the prefilled name plus what was typed after coming back.
  type_text(f, "x");
  key(f, SDLK_RETURN);
  assert_string_equal(top(f), "round");
  assert_string_equal(f->app->player_name, "Testerx");
  fixture_free(f);
}

// ---- the round's timer while something covers it ----------------------------------

static void test_timer_frozen_under_settings_and_pause(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  start_round(f);
  const Round *r = round_at(f, 0);
  assert_non_null(r);
  advance(f, 1000);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1000);

  // Settings by F2: frozen however long it stays open.
  key(f, SDLK_F2);
  assert_string_equal(top(f), "settings");
  assert_true(round_is_paused(r));
  advance(f, LONG_MS);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1000);
  // A round rule changed meanwhile (seconds: from the pack's to "off", then
  // 5) leaves this round alone; text size applies at once.
  key(f, SDLK_RIGHT);
  key(f, SDLK_RIGHT);
  assert_int_equal(f->app->settings.seconds_per_question, 5);
  float scale = f->app->theme.text_scale;
  for (int i = 0; i < 4; i++) {
    key(f, SDLK_DOWN);  // questions, speed bonus, sound, text size
  }
  key(f, SDLK_RIGHT);
  assert_true(f->app->theme.text_scale > scale);
  key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "round");
  assert_false(round_is_paused(r));
  assert_int_equal(round_time_limit_ms(r), LIMIT_MS);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1000);
  advance(f, 500);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1500);

  // Settings by the header's button (mouse): frozen as well.
  click_rect(f, button_with_id(f, UI_ID_SETTINGS)->rect);
  assert_string_equal(top(f), "settings");
  advance(f, LONG_MS);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1500);
  click_rect(f, button_with_id(f, UI_ID_BACK)->rect);
  assert_string_equal(top(f), "round");

  // Pause, then Settings and Help from the pause menu, then back to it.
  key(f, SDLK_p);
  assert_string_equal(top(f), "pause");
  assert_true(round_is_paused(r));
  advance(f, LONG_MS);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1500);
  click_rect(f, button_labelled(f, "Settings")->rect);
  assert_string_equal(top(f), "settings");
  advance(f, LONG_MS);
  key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "pause");  // exactly where the player was
  assert_true(round_is_paused(r));
  key(f, SDLK_F2);
  assert_string_equal(top(f), "settings");
  key(f, SDLK_ESCAPE);
  key(f, SDLK_F1);
  assert_string_equal(top(f), "help");
  advance(f, LONG_MS);
  key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "pause");
  assert_int_equal(left_ms(f, r), LIMIT_MS - 1500);
  key(f, SDLK_p);
  assert_string_equal(top(f), "round");
  assert_false(round_is_paused(r));
  advance(f, 2000);
  assert_int_equal(left_ms(f, r), LIMIT_MS - 3500);

  // The new seconds apply to the next round: quit this one, start another.
  key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "confirm");
  key(f, SDLK_RIGHT);
  key(f, SDLK_RETURN);
  assert_string_equal(top(f), "packs");
  scene_round_push(f->app);
  step(f);
  assert_string_equal(top(f), "round");
  assert_int_equal(round_time_limit_ms(round_at(f, 0)), 5000);
  fixture_free(f);
}

// ---- opening and resuming the pause menu -------------------------------------------

static void expect_paused(Fixture *f, const Round *r, int64_t left) {
  assert_string_equal(top(f), "pause");
  assert_true(round_is_paused(r));
  advance(f, LONG_MS);
  assert_int_equal(left_ms(f, r), left);
  // Resume is the default: Enter right away resumes.
  assert_int_equal(ui_form_focused_id(top_form(f)), button_labelled(f, "Resume")->id);
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
  advance(f, 1000);
  int64_t left = LIMIT_MS - 1000;
  size_t depth = engine_scene_count(f->app->engine);

  // Open with P; resume with P, Enter, Esc.
  SDL_Keycode resume_keys[] = {SDLK_p, SDLK_RETURN, SDLK_ESCAPE};
  for (size_t i = 0; i < sizeof resume_keys / sizeof *resume_keys; i++) {
    key(f, SDLK_p);
    expect_paused(f, r, left);
    assert_int_equal(engine_scene_count(f->app->engine), depth + 1);
    key(f, resume_keys[i]);
    expect_resumed(f, r, left);
  }
  // Open with the controller's Start; resume with Start, A, B.
  SDL_GameControllerButton resume_pad[] = {SDL_CONTROLLER_BUTTON_START, SDL_CONTROLLER_BUTTON_A,
                                           SDL_CONTROLLER_BUTTON_B};
  for (size_t i = 0; i < sizeof resume_pad / sizeof *resume_pad; i++) {
    pad(f, SDL_CONTROLLER_BUTTON_START);
    expect_paused(f, r, left);
    pad(f, resume_pad[i]);
    expect_resumed(f, r, left);
  }
  // The round's Pause button sits in the header's start slot.
  const UiButton *pause_button = button_labelled(f, "Pause");
  Ui ui = app_ui(f->app);
  assert_true(rect_contains(ui_header_start_rect(&ui), pause_button->rect.x + 1, pause_button->rect.y + 1));
  // It is focusable: nothing is focused on a fresh question, the first Up
  // shows REAL, the next one reaches Pause; Enter presses it.
  assert_int_equal(ui_form_focused_id(top_form(f)), UI_FOCUS_NONE);
  key(f, SDLK_UP);
  assert_int_equal(ui_form_focused_id(top_form(f)), button_labelled(f, "REAL")->id);
  key(f, SDLK_UP);
  assert_int_equal(ui_form_focused_id(top_form(f)), pause_button->id);
  key(f, SDLK_RETURN);
  expect_paused(f, r, left);
  key(f, SDLK_RETURN);
  expect_resumed(f, r, left);
  // A click on it opens the menu too; a click on Resume closes it.
  click_rect(f, pause_button->rect);
  expect_paused(f, r, left);
  click_rect(f, button_labelled(f, "Resume")->rect);
  expect_resumed(f, r, left);
  // Two presses in one frame open one menu, not two.
  push_key_event(f, SDLK_p);
  push_key_event(f, SDLK_p);
  step(f);
  assert_string_equal(top(f), "pause");
  assert_int_equal(engine_scene_count(f->app->engine), depth + 1);
  key(f, SDLK_ESCAPE);
  expect_resumed(f, r, left);
  // The time runs again once resumed, and an answer counts only played time.
  advance(f, 2000);
  assert_int_equal(left_ms(f, r), left - 2000);
  fixture_free(f);
}

// ---- quitting from the pause menu ----------------------------------------------------

static void test_quit_from_pause_asks_and_abandons(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  start_round(f);
  const Round *r = round_at(f, 0);
  PackAnswer truth = round_current_item(r)->answer;
  advance(f, 1500);
  key(f, truth == PACK_ANSWER_REAL ? SDLK_r : SDLK_f);
  assert_string_equal(top(f), "feedback");
  key(f, SDLK_RETURN);
  assert_string_equal(top(f), "round");

  // Quit this round, then "Keep playing": back in the menu, still paused.
  key(f, SDLK_p);
  click_rect(f, button_labelled(f, "Quit this round")->rect);
  assert_string_equal(top(f), "confirm");
  key(f, SDLK_ESCAPE);
  assert_string_equal(top(f), "pause");
  assert_true(round_is_paused(r));
  // By keyboard this time: Down to "Quit this round", Enter, then Yes.
  for (int i = 0; i < 3; i++) {
    key(f, SDLK_DOWN);
  }
  assert_int_equal(ui_form_focused_id(top_form(f)), button_labelled(f, "Quit this round")->id);
  key(f, SDLK_RETURN);
  assert_string_equal(top(f), "confirm");
  key(f, SDLK_RIGHT);  // from "Keep playing" to "Quit round"
  key(f, SDLK_RETURN);
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
  fixture_free(f);
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
    advance(f, 3500);
    shot(f, dir, "pause-round");
    key(f, SDLK_p);
    assert_string_equal(top(f), "pause");
    shot(f, dir, "pause-menu");
    click_rect(f, button_labelled(f, "Settings")->rect);
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
  step(f);
  shot(f, dir, "pause-header-largest");
  reopen(f, 1280, 720);
  start_round(f);
  advance(f, 3500);
  shot(f, dir, "pause-round-largest");
  key(f, SDLK_p);
  shot(f, dir, "pause-menu-largest");
  key(f, SDLK_F1);
  assert_string_equal(top(f), "help");
  shot(f, dir, "pause-help-largest");
  key(f, SDLK_ESCAPE);
  key(f, SDLK_ESCAPE);
  key(f, SDLK_ESCAPE);  // the question: "Quit this round?" over the hidden headline
  assert_string_equal(top(f), "confirm");
  shot(f, dir, "pause-confirm-largest");
  fixture_free(f);
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

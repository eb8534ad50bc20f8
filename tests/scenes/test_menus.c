// The menu screens, driven headless through the real engine with pushed SDL
// events: keyboard, mouse and controller navigation, Esc and help on every
// screen, settings that persist, broken packs, store notices, screenshots.

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/str.h"
#include "engine/png_io.h"
#include "quiz/pack_library.h"
#include "quiz/pack_load.h"
#include "scene_test_support.h"
#include "scenes/app.h"
#include "scenes/scenes.h"
#include "scenes/settings.h"
#include "scenes/theme.h"
#include "support/test_support.h"

static const char *const valid_pack =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"menu-test\" version=\"1\" xml:lang=\"en\">\n"
    "  <title>Zz menu test pack</title>\n"
    "  <description>Four headlines for the menu tests.</description>\n"
    "  <item id=\"r1\" answer=\"real\"><headline>Real one</headline>\n"
    "    <source outlet=\"The Paper\" date=\"2020-01-02\" url=\"https://example.org/a\"/>\n"
    "    <explanation>It was reported.</explanation></item>\n"
    "  <item id=\"r2\" answer=\"real\"><headline>Real two</headline>\n"
    "    <source outlet=\"The Paper\" date=\"2021\" url=\"https://example.org/b\"/>\n"
    "    <explanation>It was reported too.</explanation></item>\n"
    "  <item id=\"f1\" answer=\"fabricated\"><headline>Fake one</headline>\n"
    "    <explanation>Made up.</explanation><technique>emotion</technique></item>\n"
    "  <item id=\"f2\" answer=\"fabricated\"><headline>Fake two</headline>\n"
    "    <explanation>Made up too.</explanation><technique>conspiracy</technique></item>\n"
    "</quizpack>\n";

static const char *const broken_pack =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"broken\" version=\"1\" xml:lang=\"en\">\n"
    "  <title>Broken</title>\n"
    "  <item id=\"x\" answer=\"maybe\"><headline>H</headline><explanation>E</explanation></item>\n"
    "</quizpack>\n";

typedef SceneTestFixture Fixture;

static App *open_app(Fixture *f, bool read_only) {
  return scene_test_app_create(
      f, &(SceneTestAppOptions){.seed = 42, .wall_base_ms = 1700000000000, .store_read_only = read_only});
}

static int setup(void **state) {
  Fixture *f = scene_test_fixture_create();
  char *packs = fs_join(f->dir, "packs");
  assert_true(fs_mkdir_p(packs));
  free(test_write_file(packs, "menu-test.xml", valid_pack));
  free(test_write_file(packs, "broken.xml", broken_pack));
  free(packs);
  f->app = open_app(f, false);
  *state = f;
  return 0;
}

// ---- driving -----------------------------------------------------------------

static void type_text(App *app, const char *text) {
  scene_test_push_text(app, text);
  scene_test_steps(app, 1);
}

// A left click at a logical point; menu screens settle within two frames.
static void click(App *app, float lx, float ly) {
  scene_test_push_click(app, lx, ly);
  scene_test_steps(app, 2);
}

static void click_button(App *app, const char *label) {
  Rect r = scene_test_button_labelled(app, label)->rect;
  click(app, r.x + r.w / 2, r.y + r.h / 2);
}

// From the packs screen with the list focused: moves the selection to `row`.
static void select_row_with(App *app, size_t row, void (*press_down)(App *), void (*press_up)(App *)) {
  UiForm *form = scene_test_top_form(app);
  assert_non_null(form->list);
  for (int guard = 0; guard < 50 && form->list->selected != row; guard++) {
    if (form->list->selected < row) {
      press_down(app);
    } else {
      press_up(app);
    }
  }
  assert_int_equal(form->list->selected, row);
}

static void key_down(App *app) {
  scene_test_menu_key(app, SDLK_DOWN);
}
static void key_up(App *app) {
  scene_test_menu_key(app, SDLK_UP);
}
static void pad_down(App *app) {
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_DPAD_DOWN);
}
static void pad_up(App *app) {
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_DPAD_UP);
}

// ---- tests -------------------------------------------------------------------

static void test_keyboard_flow_reaches_round(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "title");
  scene_test_menu_key(app, SDLK_RETURN);  // Play is focused first
  assert_string_equal(scene_test_top(app), "packs");
  select_row_with(app, scene_test_library_index(app, "menu-test.xml"), key_down, key_up);
  scene_test_menu_key(app, SDLK_RETURN);
  assert_string_equal(scene_test_top(app), "player");
  type_text(app, "A");
  type_text(app, "nn");
  scene_test_menu_key(app, SDLK_BACKSPACE);
  type_text(app, "n");
  scene_test_menu_key(app, SDLK_RETURN);
  scene_test_pass_forewarning(app, SCENE_TEST_KEYBOARD);
  assert_string_equal(app->player_name, "Ann");
  assert_non_null(app->pack);
  assert_string_equal(app->pack->id, "menu-test");
  // The round replaced the player screen: title, packs, round.
  assert_int_equal(engine_scene_count(app->engine), 3);
}

static void test_empty_name_is_refused(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "player", NULL));
  scene_test_steps(app, 2);
  // The demo player "Demo" is prefilled: erase it, then confirm nothing.
  for (int i = 0; i < 4; i++) {
    scene_test_menu_key(app, SDLK_BACKSPACE);
  }
  scene_test_menu_key(app, SDLK_RETURN);
  assert_string_equal(scene_test_top(app), "player");
}

static void test_escape_goes_back_one_step(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  const char *screens[] = {"packs", "settings", "scores", "player"};
  for (size_t i = 0; i < sizeof screens / sizeof *screens; i++) {
    assert_true(app_start(app, screens[i], NULL));
    scene_test_steps(app, 2);
    size_t depth = engine_scene_count(app->engine);
    assert_string_equal(scene_test_top(app), screens[i]);
    scene_test_menu_key(app, SDLK_ESCAPE);
    assert_int_equal(engine_scene_count(app->engine), depth - 1);
    while (engine_scene_count(app->engine) > 1) {
      scene_test_menu_key(app, SDLK_ESCAPE);
    }
    assert_string_equal(scene_test_top(app), "title");
    // An empty stack ends the engine: start the next screen in a fresh app.
    app_destroy(app);
    f->app = app = open_app(f, false);
  }
}

static void test_escape_on_title_asks_before_quitting(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 2);
  scene_test_menu_key(app, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(app), "confirm");
  scene_test_menu_key(app, SDLK_ESCAPE);  // no
  assert_string_equal(scene_test_top(app), "title");
  assert_false(engine_quitting(app->engine));
  scene_test_menu_key(app, SDLK_ESCAPE);
  scene_test_menu_key(app, SDLK_RIGHT);  // from "Keep playing" to "Quit"
  scene_test_menu_key(app, SDLK_RETURN);
  assert_true(engine_quitting(app->engine));
}

static void test_help_opens_everywhere(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  const char *screens[] = {"title", "packs", "settings", "scores", "player"};
  for (size_t i = 0; i < sizeof screens / sizeof *screens; i++) {
    assert_true(app_start(app, screens[i], NULL));
    scene_test_steps(app, 2);
    size_t depth = engine_scene_count(app->engine);
    scene_test_menu_key(app, SDLK_F1);
    assert_string_equal(scene_test_top(app), "help");
    scene_test_menu_key(app, SDLK_ESCAPE);
    assert_string_equal(scene_test_top(app), screens[i]);
    if (strcmp(screens[i], "player") != 0) {  // on the player screen H is a letter of the name
      scene_test_menu_key(app, SDLK_h);
      assert_string_equal(scene_test_top(app), "help");
      scene_test_menu_key(app, SDLK_h);  // H closes it again
      assert_string_equal(scene_test_top(app), screens[i]);
    }
    scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_BACK);
    assert_string_equal(scene_test_top(app), "help");
    scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_B);
    assert_string_equal(scene_test_top(app), screens[i]);
    click_button(app, "Help");
    assert_string_equal(scene_test_top(app), "help");
    click_button(app, "Close");
    assert_string_equal(scene_test_top(app), screens[i]);
    assert_int_equal(engine_scene_count(app->engine), depth);
    app_destroy(app);
    f->app = app = open_app(f, false);
  }
}

static void test_help_keeps_name_entry(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "player", NULL));
  scene_test_steps(app, 2);
  assert_true(engine_text_input_active(app->engine));
  scene_test_menu_key(app, SDLK_F1);
  assert_string_equal(scene_test_top(app), "help");
  assert_false(engine_text_input_active(app->engine));
  scene_test_menu_key(app, SDLK_ESCAPE);
  scene_test_steps(app, 1);
  assert_true(engine_text_input_active(app->engine));
}

static void test_settings_change_and_persist(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "settings", NULL));
  scene_test_steps(app, 2);
  // Row 0: seconds per question. From "the pack's" two steps right: off, 5.
  scene_test_menu_key(app, SDLK_RIGHT);
  scene_test_menu_key(app, SDLK_RIGHT);
  assert_int_equal(app->settings.seconds_per_question, 5);
  scene_test_menu_key(app, SDLK_DOWN);  // questions: pack -> 5
  scene_test_menu_key(app, SDLK_RIGHT);
  assert_int_equal(app->settings.questions, 5);
  scene_test_menu_key(app, SDLK_DOWN);
  assert_false(app->settings.speed_bonus);  // off by default
  scene_test_menu_key(app, SDLK_RETURN);    // speed bonus on
  assert_true(app->settings.speed_bonus);
  scene_test_menu_key(app, SDLK_DOWN);
  assert_true(app->settings.confidence_tap);  // on by default
  scene_test_menu_key(app, SDLK_RETURN);      // "Ask how sure I am" off
  assert_false(app->settings.confidence_tap);
  scene_test_menu_key(app, SDLK_DOWN);
  scene_test_menu_key(app, SDLK_DOWN);  // text size
  for (int i = 0; i < SETTINGS_TEXT_COUNT; i++) {
    scene_test_menu_key(app, SDLK_RIGHT);  // stops at the largest
  }
  assert_int_equal(app->settings.text_size, SETTINGS_TEXT_LARGEST);
  assert_true(app->theme.text_scale == 2.0f);
  scene_test_menu_key(app, SDLK_DOWN);
  scene_test_menu_key(app, SDLK_RETURN);  // high contrast on
  assert_true(app->settings.high_contrast);
  assert_true(app->theme.high_contrast);
  scene_test_menu_key(app, SDLK_DOWN);
  scene_test_menu_key(app, SDLK_RETURN);  // reduced motion on
  assert_true(app->settings.reduced_motion);

  app_destroy(app);
  f->app = app = open_app(f, false);
  assert_int_equal(app->settings.seconds_per_question, 5);
  assert_int_equal(app->settings.questions, 5);
  assert_true(app->settings.speed_bonus);
  assert_false(app->settings.confidence_tap);
  assert_int_equal(app->settings.text_size, SETTINGS_TEXT_LARGEST);
  assert_true(app->settings.high_contrast);
  assert_true(app->settings.reduced_motion);
  assert_true(app->theme.high_contrast);
  RoundSettings rs = settings_round_settings(&app->settings, NULL);
  assert_int_equal(rs.seconds_per_question, 5);
  assert_int_equal(rs.questions, 5);
  assert_true(rs.speed_bonus);
}

static void test_settings_by_mouse(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "settings", NULL));
  scene_test_steps(app, 2);
  UiForm *form = scene_test_top_form(app);
  // Tap the sound row (row 4): a yes/no row flips with one tap.
  Rect r = ui_list_row_rect(form->list, 4);
  click(app, r.x + 100, r.y + r.h / 2);
  assert_false(app->settings.sound);
  click(app, r.x + 100, r.y + r.h / 2);
  assert_true(app->settings.sound);
  // The arrow at the end of the questions row (row 1) steps forward.
  r = ui_list_row_rect(form->list, 1);
  click(app, r.x + r.w - 60, r.y + r.h / 2);
  assert_int_equal(app->settings.questions, 5);
  char *ini = test_read_file(app->settings_path);
  assert_non_null(strstr(ini, "questions = 5"));
  free(ini);
}

static void test_broken_pack_is_listed_and_cannot_start(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  size_t broken = scene_test_library_index(app, "broken.xml");
  const PackEntry *e = pack_library_get(app->packs, broken);
  assert_null(e->pack);
  const Diag *first = diag_first_error(&e->diags);
  assert_non_null(first);
  assert_true(first->line > 0);

  assert_true(app_start(app, "packs", NULL));
  scene_test_steps(app, 2);
  UiForm *form = scene_test_top_form(app);
  assert_int_equal(form->list->count, pack_library_count(app->packs));
  select_row_with(app, broken, key_down, key_up);
  assert_true(scene_test_button_labelled(app, "Play")->disabled);
  scene_test_menu_key(app, SDLK_RETURN);
  assert_string_equal(scene_test_top(app), "packs");
  // Clicking the row twice (activate) does not start it either.
  Rect r = ui_list_row_rect(form->list, broken);
  click(app, r.x + r.w / 2, r.y + r.h / 2);
  click(app, r.x + r.w / 2, r.y + r.h / 2);
  assert_string_equal(scene_test_top(app), "packs");
  // A valid one enables Play again.
  select_row_with(app, scene_test_library_index(app, "menu-test.xml"), key_down, key_up);
  assert_false(scene_test_button_labelled(app, "Play")->disabled);
}

static void test_mouse_only_reaches_round(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 2);
  click_button(app, "High scores");
  assert_string_equal(scene_test_top(app), "scores");
  click_button(app, "Back");
  assert_string_equal(scene_test_top(app), "title");
  click_button(app, "Settings");
  assert_string_equal(scene_test_top(app), "settings");
  click_button(app, "Back");
  click_button(app, "Play");
  assert_string_equal(scene_test_top(app), "packs");
  UiForm *form = scene_test_top_form(app);
  // The first row on screen (more bundled packs push the test pack's row
  // below the fold): one click chooses it.
  size_t row = form->list->first;
  const char *want = pack_library_get(app->packs, row)->pack->id;
  Rect r = ui_list_row_rect(form->list, row);
  click(app, r.x + r.w / 2, r.y + r.h / 2);
  assert_string_equal(scene_test_top(app), "player");
  click_button(app, "Play as a guest");
  scene_test_pass_forewarning(app, SCENE_TEST_MOUSE);
  assert_string_equal(app->player_name, "Guest 1");  // guests are separate people
  assert_string_equal(app->pack->id, want);
}

static void test_controller_only_reaches_round(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 2);
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_DPAD_DOWN);  // High scores
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_A);
  assert_string_equal(scene_test_top(app), "scores");
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_B);
  assert_string_equal(scene_test_top(app), "title");
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_DPAD_UP);  // Play
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_A);
  assert_string_equal(scene_test_top(app), "packs");
  select_row_with(app, scene_test_library_index(app, "menu-test.xml"), pad_down, pad_up);
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_A);
  assert_string_equal(scene_test_top(app), "player");
  // From the name field (focused first) down to the keyboard's last row,
  // then along it to "Play as a guest".
  const char *focused = "";
  for (int guard = 0; guard < 16 && strcmp(focused, "Play as a guest") != 0; guard++) {
    const UiForm *form = scene_test_top_form(app);
    focused = form->focus >= 0 ? form->buttons[form->focus].label : "";
    bool last_row =
        strcmp(focused, "Start the round") == 0 || strcmp(focused, "Shift") == 0 || strcmp(focused, "Space") == 0;
    if (strcmp(focused, "Play as a guest") != 0) {
      scene_test_menu_pad(app, last_row ? SDL_CONTROLLER_BUTTON_DPAD_RIGHT : SDL_CONTROLLER_BUTTON_DPAD_DOWN);
    }
  }
  assert_string_equal(focused, "Play as a guest");
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_A);
  scene_test_pass_forewarning(app, SCENE_TEST_PAD);
  assert_string_equal(app->player_name, "Guest 1");
}

static void test_recent_player_is_offered(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  char *err = NULL;
  assert_true(app_set_player(app, "Zoë", &err));
  free(app->player_name);
  app->player_name = NULL;
  app->player_id = 0;
  app->pack = NULL;
  assert_true(app_start(app, "packs", NULL));
  scene_test_steps(app, 2);
  select_row_with(app, scene_test_library_index(app, "menu-test.xml"), key_down, key_up);
  scene_test_menu_key(app, SDLK_RETURN);
  assert_string_equal(scene_test_top(app), "player");
  click_button(app, "Zoë");
  scene_test_pass_forewarning(app, SCENE_TEST_MOUSE);
  assert_string_equal(app->player_name, "Zoë");
}

static void test_read_only_store_shows_notice(void **state) {
  Fixture *f = *state;
  app_destroy(f->app);
  f->app = open_app(f, true);
  App *app = f->app;
  assert_int_equal(app->store_result.status, STORE_OPEN_READ_ONLY);
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "notice");
  scene_test_menu_key(app, SDLK_RETURN);
  assert_string_equal(scene_test_top(app), "title");
}

static void test_unknown_scene_is_an_error(void **state) {
  Fixture *f = *state;
  char *err = NULL;
  assert_false(app_start(f->app, "nowhere", &err));
  assert_non_null(err);
  assert_non_null(strstr(err, "nowhere"));
  free(err);
}

static void check_screenshot(Fixture *f, const char *scene, int w, int h, const char *dir) {
  app_destroy(f->app);
  App *app = f->app = open_app(f, false);
  engine_set_window_size(app->engine, w, h);
  assert_true(app_start(app, scene, NULL));
  scene_test_steps(app, 3);
  char *path = xasprintf("%s/%s-%dx%d.png", dir, scene, w, h);
  char *err = NULL;
  assert_true(engine_save_screenshot(app->engine, path, &err));
  uint8_t *px = NULL;
  int pw = 0, ph = 0;
  assert_true(png_read_rgba(path, &px, &pw, &ph, &err));
  assert_int_equal(pw, w);
  assert_int_equal(ph, h);
  // Something was drawn: the pixels are not all one colour.
  bool varied = false;
  for (int i = 1; i < pw * ph && !varied; i++) {
    varied = memcmp(px + 4 * i, px, 4) != 0;
  }
  assert_true(varied);
  free(px);
  free(path);
}

static void test_screenshots(void **state) {
  Fixture *f = *state;
  const char *scenes[] = {"title", "packs", "settings", "scores", "help", "player"};
  for (size_t i = 0; i < sizeof scenes / sizeof *scenes; i++) {
    check_screenshot(f, scenes[i], 1280, 720, f->dir);
  }
  check_screenshot(f, "packs", 3840, 2160, f->dir);
  check_screenshot(f, "help", 3840, 2160, f->dir);
}

// ---- settings and theme without a window ---------------------------------------

static void assert_settings_equal(const Settings *a, const Settings *b) {
  assert_int_equal(a->seconds_per_question, b->seconds_per_question);
  assert_int_equal(a->questions, b->questions);
  assert_int_equal(a->speed_bonus, b->speed_bonus);
  assert_int_equal(a->sound, b->sound);
  assert_int_equal(a->text_size, b->text_size);
  assert_int_equal(a->high_contrast, b->high_contrast);
  assert_int_equal(a->reduced_motion, b->reduced_motion);
  assert_int_equal(a->fullscreen, b->fullscreen);
  assert_int_equal(a->window_w, b->window_w);
  assert_int_equal(a->window_h, b->window_h);
}

// Settings > Seconds per question = 10 must not put a countdown on the
// MIST-20: an assessment is untimed and asks every item unless the pack
// itself sets seconds.
static void test_settings_leave_assessments_alone(void **state) {
  (void)state;
  Settings s = settings_default();
  s.seconds_per_question = 10;
  s.questions = 4;
  Pack *p = pack_create();
  p->kind = PACK_KIND_ASSESSMENT;
  RoundSettings rs = settings_round_settings(&s, p);
  assert_int_equal(rs.seconds_per_question, 0);
  p->round_seconds = 30;
  assert_int_equal(settings_round_settings(&s, p).seconds_per_question, 30);
  p->kind = PACK_KIND_PRACTICE;  // practice rounds follow the player's choice
  rs = settings_round_settings(&s, p);
  assert_int_equal(rs.seconds_per_question, 10);
  assert_int_equal(rs.questions, 4);
  pack_destroy(p);
}

static void test_settings_file_rules(void **state) {
  (void)state;
  char *dir = test_tmpdir();
  char *path = fs_join(dir, SETTINGS_FILE_NAME);
  Settings s;
  assert_true(settings_load(path, &s, NULL));  // missing: defaults
  Settings def = settings_default();
  assert_settings_equal(&s, &def);
  // No speed bonus unless the player asks for one, in a fresh file too.
  assert_false(def.speed_bonus);
  char *ini = settings_to_ini(&def);
  assert_non_null(strstr(ini, "speed_bonus = false\n"));
  free(ini);

  free(test_write_file(dir, SETTINGS_FILE_NAME,
                       "[round]\nseconds = 3\nquestions = 12\nspeed_bonus = maybe\nfuture_key = 1\n"
                       "[display]\ntext_size = huge\nhigh_contrast = yes\nwindow_width = 99999\n"
                       "[sound]\nenabled = off\n[newer]\nx = y\n"));
  log_set_stderr(false);
  assert_true(settings_load(path, &s, NULL));
  log_set_stderr(true);
  assert_int_equal(s.seconds_per_question, def.seconds_per_question);  // 3 is out of range
  assert_int_equal(s.questions, 12);
  assert_false(s.speed_bonus);  // bad value -> default (off)
  assert_int_equal(s.text_size, SETTINGS_TEXT_NORMAL);
  assert_true(s.high_contrast);
  assert_int_equal(s.window_w, def.window_w);
  assert_false(s.sound);

  s.seconds_per_question = SETTINGS_SECONDS_OFF;
  s.text_size = SETTINGS_TEXT_LARGE;
  s.window_w = 1366;
  s.window_h = 768;
  char *err = NULL;
  assert_true(settings_save(path, &s, &err));
  Settings back;
  assert_true(settings_load(path, &back, NULL));
  assert_settings_equal(&s, &back);
  RoundSettings rs = settings_round_settings(&back, NULL);
  assert_int_equal(rs.seconds_per_question, 0);
  assert_int_equal(rs.questions, 12);

  // A pack asking for 600 s is clamped to what a round allows.
  Pack *p = pack_create();
  p->round_seconds = 600;
  p->round_questions = 7;
  Settings from_pack = settings_default();
  rs = settings_round_settings(&from_pack, p);
  assert_int_equal(rs.seconds_per_question, ROUND_SECONDS_MAX);
  assert_int_equal(rs.questions, 7);
  pack_destroy(p);

  test_rmtree(dir);
  free(dir);
  free(path);
}

static void test_theme_contrast(void **state) {
  (void)state;
  Theme hc = theme_make(true, SETTINGS_TEXT_NORMAL, false);
  Color surfaces[] = {hc.background, hc.surface, hc.surface_raised, hc.surface_hover};
  for (size_t i = 0; i < sizeof surfaces / sizeof *surfaces; i++) {
    assert_true(theme_contrast(hc.text, surfaces[i]) >= 7.0);
    assert_true(theme_contrast(hc.text_muted, surfaces[i]) >= 7.0);
    assert_true(theme_contrast(hc.text_disabled, surfaces[i]) >= 7.0);
    assert_true(theme_contrast(hc.warning, surfaces[i]) >= 7.0);
  }
  assert_true(theme_contrast(hc.on_accent, hc.accent) >= 7.0);
  // Labels on the answer colours are large bold text: AAA needs 4.5:1.
  assert_true(theme_contrast(hc.on_real, hc.real_fill) >= 4.5);
  assert_true(theme_contrast(hc.on_fabricated, hc.fabricated_fill) >= 4.5);
  Theme n = theme_make(false, SETTINGS_TEXT_NORMAL, false);
  assert_true(theme_contrast(n.text, n.background) >= 7.0);
  assert_true(theme_contrast(n.text, n.surface_raised) >= 7.0);
  assert_true(theme_contrast(n.text_muted, n.surface) >= 4.5);
  assert_true(theme_contrast(n.text_disabled, n.surface) >= 4.5);
  assert_true(theme_contrast(n.on_real, n.real_fill) >= 4.5);
  assert_true(theme_contrast(n.on_fabricated, n.fabricated_fill) >= 4.5);
  assert_int_equal(n.real.r, 0x00);
  assert_int_equal(n.real.g, 0x72);
  assert_int_equal(n.real.b, 0xB2);
  assert_int_equal(n.fabricated.r, 0xD5);
  assert_int_equal(n.fabricated.g, 0x5E);
  assert_int_equal(n.fabricated.b, 0x00);
  // Body text is classroom-sized and grows with the text-size steps.
  assert_true(theme_text_size(&n, THEME_TEXT_BODY) >= 36);
  Theme big = theme_make(false, SETTINGS_TEXT_LARGEST, false);
  assert_true(theme_text_size(&big, THEME_TEXT_BODY) > theme_text_size(&n, THEME_TEXT_BODY));
}

static void test_ui_navigation(void **state) {
  (void)state;
  // Spatial navigation over a 2x2 grid and a list, mirrored for RTL.
  UiForm form;
  ui_form_init(&form, false);
  ui_form_add(&form, ui_button(1, (Rect){100, 100, 200, 100}, "a", UI_BUTTON_NORMAL));
  ui_form_add(&form, ui_button(2, (Rect){400, 100, 200, 100}, "b", UI_BUTTON_NORMAL));
  ui_form_add(&form, ui_button(3, (Rect){100, 300, 200, 100}, "c", UI_BUTTON_NORMAL));
  UiButton d = ui_button(4, (Rect){400, 300, 200, 100}, "d", UI_BUTTON_NORMAL);
  d.disabled = true;
  ui_form_add(&form, d);
  assert_int_equal(ui_form_focused_id(&form), 1);
  assert_true(ui_form_navigate(&form, INPUT_ACTION_RIGHT));
  assert_int_equal(ui_form_focused_id(&form), 2);
  assert_false(ui_form_navigate(&form, INPUT_ACTION_RIGHT));
  assert_true(ui_form_navigate(&form, INPUT_ACTION_DOWN));  // d is disabled: c is the nearest below
  assert_int_equal(ui_form_focused_id(&form), 3);
  InputEvent confirm = {.type = INPUT_EVENT_ACTION, .action = INPUT_ACTION_CONFIRM};
  UiResult r = ui_form_event(&form, &confirm);
  assert_int_equal(r.kind, UI_RESULT_ACTIVATE);
  assert_int_equal(r.id, 3);
  // A click on the disabled button does nothing; on b it activates b.
  InputEvent down = {.type = INPUT_EVENT_POINTER_DOWN, .x = 450, .y = 350, .button = 1};
  assert_int_equal(ui_form_event(&form, &down).kind, UI_RESULT_IGNORED);
  down.y = 150;
  InputEvent up = down;
  up.type = INPUT_EVENT_POINTER_UP;
  ui_form_event(&form, &down);
  r = ui_form_event(&form, &up);
  assert_int_equal(r.kind, UI_RESULT_ACTIVATE);
  assert_int_equal(r.id, 2);

  Ui rtl = {.rtl = true, .w = 1920, .h = 1080};
  Rect m = ui_mirror(&rtl, (Rect){100, 10, 200, 20});
  assert_true(m.x == 1920 - 300);

  UiList list;
  ui_list_init(&list, (Rect){0, 0, 500, 330}, 100, 10);
  ui_list_set_count(&list, 10);
  assert_int_equal(ui_list_visible_rows(&list), 3);
  ui_list_select(&list, 7);
  assert_int_equal(list.first, 5);  // scrolled so row 7 is the last visible
  assert_int_equal(ui_list_row_at(&list, 50, 250), 7);
  assert_int_equal(ui_list_row_at(&list, 50, 105), -1);  // in the gap
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_settings_file_rules),
      cmocka_unit_test(test_settings_leave_assessments_alone),
      cmocka_unit_test(test_theme_contrast),
      cmocka_unit_test(test_ui_navigation),
      cmocka_unit_test_setup_teardown(test_keyboard_flow_reaches_round, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_empty_name_is_refused, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_escape_goes_back_one_step, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_escape_on_title_asks_before_quitting, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_help_opens_everywhere, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_help_keeps_name_entry, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_settings_change_and_persist, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_settings_by_mouse, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_broken_pack_is_listed_and_cannot_start, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_mouse_only_reaches_round, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_controller_only_reaches_round, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_recent_player_is_offered, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_read_only_store_shows_notice, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_unknown_scene_is_an_error, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_screenshots, setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

// The screens of the menus2 work (title, player, pack list, header) and the
// one table of screens: each test fails on the code before its fix.

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "engine/engine.h"
#include "scene_test_support.h"
#include "scenes/app.h"
#include "scenes/menu_text.h"
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

// ---- every shape, every size --------------------------------------------------------

static const struct {
  int w, h;
} shapes[] = {{1024, 768}, {1366, 768}, {1920, 1080}, {3840, 2160}, {768, 1024}, {2560, 1080}, {1680, 1050}};
static const char *const text_sizes[] = {"normal", "largest"};

// Draws the top screen once more with the UI kit's counters cleared.
static void redraw_counted(App *app) {
  ui_stats_clear(app->ui_stats);
  engine_request_redraw(app->engine);
  scene_test_steps(app, 1);
}

// Nothing cut, nothing drawn below its role's Normal size; for screens with a
// text plan (MenuSceneHead) nothing overlapping and no line too wide either.
static void assert_screen_clean(App *app, bool has_plan, const char *where) {
  redraw_counted(app);
  if (app->ui_stats->cut != 0) {
    fail_msg("%s: %u text(s) cut, the last '%s'", where, app->ui_stats->cut, app->ui_stats->last_cut);
  }
  if (app->ui_stats->shrunk != 0) {
    fail_msg("%s: %u text(s) below their Normal size", where, app->ui_stats->shrunk);
  }
  if (has_plan) {
    const MenuSceneHead *head = engine_scene_data(app->engine, 0);
    size_t a = 0, b = 0;
    if (head->texts.cut) {
      fail_msg("%s: %zu line(s) of the plan cut", where, head->texts.cut);
    }
    if (menu_text_overlaps(&head->texts, &a, &b)) {
      fail_msg("%s: '%s' overlaps '%s'", where, head->texts.items[a].text, head->texts.items[b].text);
    }
  }
}

// No two of the top screen's buttons overlap, and each is on the canvas.
static void assert_buttons_apart(App *app, const char *where) {
  const UiForm *form = scene_test_top_form(app);
  const View *v = engine_view(app->engine);
  for (int i = 0; i < form->count; i++) {
    Rect a = form->buttons[i].rect;
    if (a.w <= 0 || form->buttons[i].kind == UI_BUTTON_AREA) {
      continue;
    }
    if (a.x < -0.5f || a.y < -0.5f || a.x + a.w > v->w + 0.5f || a.y + a.h > v->h + 0.5f) {
      fail_msg("%s: '%s' leaves the canvas", where, form->buttons[i].label);
    }
    for (int j = i + 1; j < form->count; j++) {
      Rect b = form->buttons[j].rect;
      if (b.w > 0 && form->buttons[j].kind != UI_BUTTON_AREA && a.x + 1 < b.x + b.w && b.x + 1 < a.x + a.w &&
          a.y + 1 < b.y + b.h && b.y + 1 < a.y + a.h) {
        fail_msg("%s: '%s' overlaps '%s'", where, form->buttons[i].label, form->buttons[j].label);
      }
    }
  }
}

// Starts `scene` at every shape and text size and checks it; saves a
// screenshot into $PREBUNK_SHOT_DIR when that is set.
static void check_everywhere(Fixture *f, const char *scene, bool has_plan) {
  const char *shots = getenv("PREBUNK_SHOT_DIR");
  for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
    for (size_t k = 0; k < 2; k++) {
      App *app = open_at(f, shapes[i].w, shapes[i].h, text_sizes[k]);
      assert_true(app_start(app, scene, NULL));
      scene_test_steps(app, 3);
      assert_string_equal(scene_test_top(app), scene);
      char *where = xasprintf("%s %dx%d %s", scene, shapes[i].w, shapes[i].h, text_sizes[k]);
      assert_screen_clean(app, has_plan, where);
      assert_buttons_apart(app, where);
      if (shots) {
        char *path = xasprintf("%s/%s-%dx%d-%s.png", shots, scene, shapes[i].w, shapes[i].h, text_sizes[k]);
        assert_true(engine_save_screenshot(app->engine, path, NULL));
        free(path);
      }
      free(where);
    }
  }
}

// ---- title -----------------------------------------------------------------------

static void test_title_everywhere(void **state) {
  check_everywhere(*state, "title", true);
}

// The REAL / FABRICATED legend is made of chips: not in the form, drawn flat
// (no raised surface, no border), and a pointer over one or a click on it
// does nothing at all (no frame is drawn for it).
static void test_title_legend_is_not_clickable(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1366, 768, "normal");
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 3);
  const UiForm *form = scene_test_top_form(app);
  for (int i = 0; i < form->count; i++) {
    assert_string_not_equal(form->buttons[i].label, "REAL");
    assert_string_not_equal(form->buttons[i].label, "FABRICATED");
  }
  Ui ui = app_ui(app);
  UiChipStyle real = ui_chip_style(&ui, UI_CHIP_REAL);
  assert_false(real.raised);
  assert_true(real.border_w == 0);
  assert_memory_not_equal(&real.fill, &app->theme.surface_raised, sizeof(Color));
  assert_memory_not_equal(&real.fill, &app->theme.real_fill, sizeof(Color));  // unlike the REAL answer button
  // Where the pills are: the middle of the canvas, between the tagline and
  // the menu (they are the only thing there).
  const MenuSceneHead *head = engine_scene_data(app->engine, 0);
  assert_true(head->texts.count >= 2);
  const MenuText *tag = &head->texts.items[1];
  assert_non_null(strstr(tag->text, "Practise"));
  const UiButton *play = scene_test_button_labelled(app, "Play");
  float y = (tag->box.y + tag->box.h + play->rect.y) / 2;
  float x = engine_view(app->engine)->w / 2 - 60;  // inside REAL, start of the centre
  scene_test_steps(app, 2);
  uint64_t frames = engine_stats(app->engine).frames_drawn;
  scene_test_push_mouse_move(app, x, y);
  scene_test_steps(app, 2);
  assert_int_equal(engine_stats(app->engine).frames_drawn, frames);  // nothing to hover: no frame
  scene_test_push_click(app, x, y);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "title");
  assert_int_equal(engine_scene_count(app->engine), 1);
  assert_int_equal(engine_stats(app->engine).frames_drawn, frames);
}

// ---- player ----------------------------------------------------------------------

// The keyboard's keys, Shift, Space and Start show their whole word at every
// shape and text size (they were cut to "…" at 1024x768 Largest).
static void test_player_everywhere(void **state) {
  check_everywhere(*state, "player", false);
}

// The name field has the focus when the screen opens: typing and Enter
// start the round at once, with no key pressed to reach the field.
static void test_player_focus_starts_on_the_name(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1366, 768, "normal");
  assert_true(app_start(app, "player", NULL));
  scene_test_steps(app, 3);
  const UiForm *form = scene_test_top_form(app);
  assert_true(form->focus >= 0);
  assert_int_equal(form->buttons[form->focus].kind, UI_BUTTON_AREA);
  assert_string_equal(form->buttons[form->focus].label, "Your name or nickname");
  for (int i = 0; i < 4; i++) {  // the demo player's name is prefilled
    scene_test_menu_key(app, SDLK_BACKSPACE);
  }
  scene_test_push_text(app, "Zed");
  scene_test_steps(app, 1);
  scene_test_menu_key(app, SDLK_RETURN);
  scene_test_pass_forewarning(app, SCENE_TEST_KEYBOARD);
  assert_string_equal(app->player_name, "Zed");
}

// Two guests are two players, each with a history of their own.
static void test_player_guests_are_separate_people(void **state) {
  Fixture *f = *state;
  int64_t ids[2] = {0};
  const char *names[2] = {"Guest 1", "Guest 2"};
  for (int k = 0; k < 2; k++) {
    App *app = open_at(f, 1366, 768, "normal");
    assert_true(app_start(app, "player", NULL));
    scene_test_steps(app, 3);
    Rect r = scene_test_button_labelled(app, "Play as a guest")->rect;
    scene_test_push_click(app, r.x + r.w / 2, r.y + r.h / 2);
    scene_test_steps(app, 3);
    scene_test_pass_forewarning(app, SCENE_TEST_MOUSE);
    assert_string_equal(app->player_name, names[k]);
    ids[k] = app->player_id;
  }
  assert_true(ids[0] > 0 && ids[1] > 0);
  assert_true(ids[0] != ids[1]);
}

// Under any overlay (here the notice about a read-only store) the name
// field takes no letters; back on top it does at once.
static void test_player_text_input_follows_cover(void **state) {
  Fixture *f = *state;
  app_destroy(f->app);
  f->app = scene_test_app_create(
      f, &(SceneTestAppOptions){.seed = 7, .width = 1366, .height = 768, .store_read_only = true});
  App *app = f->app;
  assert_true(app_start(app, "player", NULL));
  scene_test_steps(app, 3);
  assert_string_equal(scene_test_top(app), "notice");
  assert_false(engine_text_input_active(app->engine));
  scene_test_menu_key(app, SDLK_RETURN);
  assert_string_equal(scene_test_top(app), "player");
  assert_true(engine_text_input_active(app->engine));
  scene_test_menu_key(app, SDLK_F2);
  assert_string_equal(scene_test_top(app), "settings");
  assert_false(engine_text_input_active(app->engine));
  scene_test_menu_key(app, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(app), "player");
  assert_true(engine_text_input_active(app->engine));
}

// ---- header ----------------------------------------------------------------------

// The header's key hints come from the bindings: rebind Help to F3 and,
// after the next layout, the Help button says "F3" (and F3 opens help).
static void test_header_hints_follow_rebinding(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1920, 1080, "normal");
  assert_true(app_start(app, "packs", NULL));
  scene_test_steps(app, 3);
  assert_string_equal(scene_test_button_labelled(app, "Help")->key_hint, "F1");
  size_t n = 0;
  const InputBinding *defaults = game_bindings(&n);
  InputBinding *copy = malloc(n * sizeof *copy);
  assert_non_null(copy);
  memcpy(copy, defaults, n * sizeof *copy);
  for (size_t i = 0; i < n; i++) {
    if (copy[i].device == INPUT_DEVICE_KEYBOARD && copy[i].action == INPUT_ACTION_HELP) {
      copy[i].code = SDLK_F3;
      copy[i].label = NULL;  // SDL's key name
    }
  }
  engine_set_bindings(app->engine, copy, n);
  engine_relayout(app->engine);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_button_labelled(app, "Help")->key_hint, "F3");
  scene_test_menu_key(app, SDLK_F3);
  assert_string_equal(scene_test_top(app), "help");
  engine_set_bindings(app->engine, NULL, 0);
  free(copy);
}

// ---- packs -----------------------------------------------------------------------

// Row titles and the details card's facts are whole at every shape and size.
static void test_packs_everywhere(void **state) {
  check_everywhere(*state, "packs", true);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_scene_table_is_the_one_list, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_title_everywhere, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_title_legend_is_not_clickable, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_player_everywhere, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_player_focus_starts_on_the_name, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_player_guests_are_separate_people, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_player_text_input_follows_cover, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_packs_everywhere, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_header_hints_follow_rebinding, setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

// The UI kit on its own: text-size steps, the text floor and the cut
// counter, the theme's page geometry, the header bar at every step.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "scene_test_support.h"
#include "scenes/scenes.h"
#include "scenes/settings.h"
#include "scenes/theme.h"
#include "scenes/ui.h"

static const char *const LONG_TEXT =
    "A long explanation that a teacher wrote for this headline, long enough that it cannot fit in a small box at "
    "any text size, so the kit must cut it rather than let it run out of its box or shrink it to nothing.";

static int setup(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 3, .width = 1024, .height = 768});
  *state = f;
  return 0;
}

static void set_text_size(App *app, SettingsTextSize size) {
  app->settings.text_size = size;
  app_apply_settings(app);
  ui_stats_clear(app->ui_stats);
}

static void test_text_size_steps(void **state) {
  (void)state;
  // At least four steps up from Normal, to 2x, each bigger than the last.
  assert_true(SETTINGS_TEXT_COUNT >= 5);
  assert_true(theme_text_scale(SETTINGS_TEXT_NORMAL) == 1.0f);
  assert_true(theme_text_scale(SETTINGS_TEXT_LARGEST) == 2.0f);
  for (int i = 1; i < SETTINGS_TEXT_COUNT; i++) {
    assert_true(theme_text_scale((SettingsTextSize)i) > theme_text_scale((SettingsTextSize)(i - 1)));
    // Saved by name, read back by name; every step has a word of its own.
    SettingsTextSize back = SETTINGS_TEXT_NORMAL;
    assert_true(settings_text_size_parse(settings_text_size_name((SettingsTextSize)i), &back));
    assert_int_equal(back, i);
    assert_string_not_equal(settings_text_size_label((SettingsTextSize)i),
                            settings_text_size_label((SettingsTextSize)(i - 1)));
  }
  // The names files from before the five steps used still read.
  SettingsTextSize s = SETTINGS_TEXT_NORMAL;
  assert_true(settings_text_size_parse("Large", &s));
  assert_int_equal(s, SETTINGS_TEXT_LARGE);
  assert_true(settings_text_size_parse("largest", &s));
  assert_int_equal(s, SETTINGS_TEXT_LARGEST);
  assert_true(settings_text_size_parse("very large", &s));
  assert_int_equal(s, SETTINGS_TEXT_VERY_LARGE);
  assert_false(settings_text_size_parse("huge", &s));
  assert_int_equal(s, SETTINGS_TEXT_VERY_LARGE);
  char *ini = settings_to_ini(&(Settings){.text_size = SETTINGS_TEXT_LARGER});
  assert_non_null(strstr(ini, "text_size = larger\n"));
  free(ini);
}

static void test_theme_geometry_grows_with_text(void **state) {
  (void)state;
  Theme n = theme_make(false, SETTINGS_TEXT_NORMAL, false);
  Theme big = theme_make(false, SETTINGS_TEXT_LARGEST, false);
  assert_true(n.button_h == UI_BUTTON_H);
  assert_true(n.header_h == UI_HEADER_H);
  // Boxes that hold text grow; margins and gaps do not.
  assert_true(big.button_h > n.button_h);
  assert_true(big.header_h > n.header_h);
  assert_true(big.header_button_h > n.header_button_h);
  assert_true(big.margin == n.margin);
  assert_true(big.gap == n.gap);
  // A button still holds its word with room around it at 2x.
  assert_true(big.button_h >= theme_text_size(&big, THEME_TEXT_BUTTON) * 1.6f);
  assert_true(big.header_h >= theme_text_size(&big, THEME_TEXT_TITLE) * 1.5f);
}

static void test_fitted_text_never_shrinks_below_normal(void **state) {
  SceneTestFixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 1);
  Rect box = {100, 100, 400, 120};
  float prev = 0;
  for (int i = 0; i < SETTINGS_TEXT_COUNT; i++) {
    set_text_size(app, (SettingsTextSize)i);
    Ui ui = app_ui(app);
    TextStyle st = ui_text_style(&ui, THEME_TEXT_BODY, app->theme.text);
    float size = ui_text_fitted(&ui, LONG_TEXT, &st, box, 30);
    // Above Normal, never below the Normal body size, whatever min_size says.
    if (i > 0) {
      assert_true(size >= theme_text_size_normal(THEME_TEXT_BODY));
      assert_int_equal(app->ui_stats->shrunk, 0);
    }
    assert_true(size >= prev);
    prev = size;
    // It does not fit there: cut (and counted), not overflowing.
    assert_int_equal(app->ui_stats->cut, 1);
    assert_true(strncmp(app->ui_stats->last_cut, LONG_TEXT, 20) == 0);
    // One line: the same floor.
    ui_stats_clear(app->ui_stats);
    float line = ui_text_line(&ui, LONG_TEXT, &st, box, 12);
    assert_true(i == 0 || line >= theme_text_size_normal(THEME_TEXT_BODY));
    assert_int_equal(app->ui_stats->cut, 1);
    // Text that fits is neither cut nor shrunk.
    ui_stats_clear(app->ui_stats);
    assert_true(ui_text_fitted(&ui, "Short.", &st, box, 12) == st.size);
    assert_int_equal(app->ui_stats->cut, 0);
    assert_int_equal(app->ui_stats->shrunk, 0);
  }
  // At Normal the caller's minimum still holds: shrinking there is counted.
  set_text_size(app, SETTINGS_TEXT_NORMAL);
  Ui ui = app_ui(app);
  TextStyle st = ui_text_style(&ui, THEME_TEXT_BODY, app->theme.text);
  float size = ui_text_fitted(&ui, LONG_TEXT, &st, (Rect){0, 0, 700, 180}, 12);
  assert_true(size < st.size);
  assert_true(size >= 12);
  assert_int_equal(app->ui_stats->shrunk, 1);
}

static bool overlaps(Rect a, Rect b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// At every step on the smallest canvas, the header's buttons keep their
// words whole (no cut), sit inside the bar without overlapping, and a
// short title fits between them.
static void test_header_at_every_text_size(void **state) {
  SceneTestFixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 1);
  float prev_h = 0;
  for (int i = 0; i < SETTINGS_TEXT_COUNT; i++) {
    set_text_size(app, (SettingsTextSize)i);
    Ui ui = app_ui(app);
    assert_true(ui_w(&ui) >= 1440 && ui_h(&ui) >= 1080);
    UiForm form;
    ui_form_init(&form, false);
    ui_form_add_header(&form, &ui, true, true);
    assert_int_equal(form.count, 3);
    for (int a = 0; a < form.count; a++) {
      Rect r = form.buttons[a].rect;
      assert_true(r.x >= 0 && r.x + r.w <= ui_w(&ui));
      assert_true(r.y >= 0 && r.y + r.h <= ui_header_h(&ui));
      for (int b = a + 1; b < form.count; b++) {
        assert_false(overlaps(r, form.buttons[b].rect));
      }
    }
    assert_true(ui_header_h(&ui) >= prev_h);
    prev_h = ui_header_h(&ui);
    ui_header_draw(&ui, "Packs");
    ui_form_draw(&ui, &form);
    if (app->ui_stats->cut != 0) {
      fail_msg("step %d: cut \"%s\"", i, app->ui_stats->last_cut);
    }
    assert_int_equal(app->ui_stats->shrunk, 0);
    assert_true(ui_content_top(&ui) > ui_header_h(&ui));
  }
}

static InputEvent action(InputAction a) {
  return (InputEvent){.type = INPUT_EVENT_ACTION, .action = a};
}

static InputEvent pointer(InputEventType type, float x, float y) {
  return (InputEvent){.type = type, .x = x, .y = y, .button = 1};
}

// Tab / Shift+Tab order: rows top to bottom, each along the reading
// direction; the list is one stop; disabled buttons are skipped; it wraps.
static void test_form_focus_reading_order(void **state) {
  (void)state;
  for (int rtl = 0; rtl <= 1; rtl++) {
    UiForm form;
    ui_form_init(&form, rtl);
    UiList list;
    ui_list_init(&list, (Rect){100, 300, 800, 400}, 100, 10);
    ui_list_set_count(&list, 3);
    // Added out of reading order on purpose.
    ui_form_add(&form, ui_button(3, (Rect){100, 800, 200, 100}, "c", UI_BUTTON_NORMAL));
    ui_form_add(&form, ui_button(2, (Rect){700, 100, 200, 100}, "b", UI_BUTTON_NORMAL));
    ui_form_add(&form, ui_button(1, (Rect){100, 110, 200, 100}, "a", UI_BUTTON_NORMAL));
    UiButton off = ui_button(4, (Rect){700, 800, 200, 100}, "d", UI_BUTTON_NORMAL);
    off.disabled = true;
    ui_form_add(&form, off);
    ui_form_set_list(&form, &list);
    form.focus = UI_FOCUS_NONE;
    int want_ltr[] = {1, 2, UI_FOCUS_LIST, 3, 1};
    int want_rtl[] = {2, 1, UI_FOCUS_LIST, 3, 2};
    int *want = rtl ? want_rtl : want_ltr;
    for (int i = 0; i < 5; i++) {
      assert_true(ui_form_focus_step(&form, +1));
      assert_int_equal(ui_form_focused_id(&form), want[i]);
    }
    // Shift+Tab walks back the same way.
    for (int i = 3; i >= 0; i--) {
      assert_true(ui_form_focus_step(&form, -1));
      assert_int_equal(ui_form_focused_id(&form), want[i]);
    }
    // Tab and Shift+Tab (the NEXT / PREV actions) reach the same steps.
    InputEvent next = {.type = INPUT_EVENT_ACTION, .action = INPUT_ACTION_NEXT};
    InputEvent prev = {.type = INPUT_EVENT_ACTION, .action = INPUT_ACTION_PREV};
    assert_int_equal(ui_form_event(&form, &next).kind, UI_RESULT_CHANGED);
    assert_int_equal(ui_form_focused_id(&form), want[1]);
    assert_int_equal(ui_form_event(&form, &prev).kind, UI_RESULT_CHANGED);
    assert_int_equal(ui_form_focused_id(&form), want[0]);
  }
}

// One click on a list row chooses it; hover does not move the focus;
// CONFIRM (Enter, Space, A) activates the focused button.
static void test_form_pointer_and_confirm(void **state) {
  (void)state;
  UiForm form;
  ui_form_init(&form, false);
  UiList list;
  ui_list_init(&list, (Rect){100, 300, 800, 400}, 100, 10);
  ui_list_set_count(&list, 3);
  ui_form_add(&form, ui_button(1, (Rect){100, 100, 200, 100}, "a", UI_BUTTON_NORMAL));
  ui_form_add(&form, ui_button(2, (Rect){400, 100, 200, 100}, "b", UI_BUTTON_NORMAL));
  ui_form_set_list(&form, &list);
  assert_true(ui_form_focus_id(&form, 1));
  // Hover over b: a highlight, the focus stays on a.
  InputEvent ev = pointer(INPUT_EVENT_POINTER_MOVE, 450, 150);
  assert_int_equal(ui_form_event(&form, &ev).kind, UI_RESULT_CHANGED);
  assert_int_equal(form.hover, 1);
  assert_int_equal(ui_form_focused_id(&form), 1);
  ev = action(INPUT_ACTION_CONFIRM);
  UiResult res = ui_form_event(&form, &ev);
  assert_int_equal(res.kind, UI_RESULT_ACTIVATE);
  assert_int_equal(res.id, 1);
  // One click on the third row (not selected before) chooses it.
  Rect row = ui_list_row_rect(&list, 2);
  ev = pointer(INPUT_EVENT_POINTER_DOWN, row.x + 10, row.y + 10);
  ui_form_event(&form, &ev);
  ev = pointer(INPUT_EVENT_POINTER_UP, row.x + 10, row.y + 10);
  res = ui_form_event(&form, &ev);
  assert_int_equal(res.kind, UI_RESULT_LIST_ACTIVATE);
  assert_int_equal(res.row, 2);
  assert_int_equal(list.selected, 2);
  assert_int_equal(ui_form_focused_id(&form), UI_FOCUS_LIST);
}

static bool inside(Rect in, Rect out) {
  return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w && in.y + in.h <= out.y + out.h;
}

static int answers_no, answers_yes;

static void on_answer(App *app, void *user, bool yes) {
  (void)app;
  (void)user;
  *(yes ? &answers_yes : &answers_no) += 1;
}

// "Quit this round?": the safe answer is primary and focused, the
// destructive one is not; at 1024x768 and every text size the dialog's
// buttons sit in its card without overlapping and no text is cut.
static void test_confirm_dialog(void **state) {
  SceneTestFixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 1);
  scene_confirm_push(app, "Quit this round? The answers you gave are kept.", "Quit round", "Keep playing", on_answer,
                     NULL);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "confirm");
  for (int i = 0; i < SETTINGS_TEXT_COUNT; i++) {
    set_text_size(app, (SettingsTextSize)i);
    engine_relayout(app->engine);
    scene_test_steps(app, 2);
    const UiButton *keep = scene_test_button_labelled(app, "Keep playing");
    const UiButton *quit = scene_test_button_labelled(app, "Quit round");
    assert_int_equal(keep->kind, UI_BUTTON_PRIMARY);
    assert_int_not_equal(quit->kind, UI_BUTTON_PRIMARY);
    assert_int_equal(ui_form_focused_id(scene_test_top_form(app)), keep->id);
    assert_false(overlaps(keep->rect, quit->rect));
    Ui ui = app_ui(app);
    Rect canvas = {0, 0, ui_w(&ui), ui_h(&ui)};
    assert_true(inside(keep->rect, canvas) && inside(quit->rect, canvas));
    // The screen beneath is not ours: count only the dialog's own text.
    UiDialog d;
    UiDialogSpec spec = {.title = "Quit this round? The answers you gave are kept.",
                         .labels = {"Keep playing", "Quit round"},
                         .count = 2,
                         .centred = true};
    ui_dialog_layout(&d, &ui, &spec);
    assert_true(d.buttons[0].x == keep->rect.x && d.buttons[0].y == keep->rect.y);
    ui_stats_clear(app->ui_stats);
    ui_dialog_draw(&ui, &d, &spec);
    ui_form_draw(&ui, scene_test_top_form(app));
    if (app->ui_stats->cut != 0) {
      fail_msg("step %d: cut \"%s\"", i, app->ui_stats->last_cut);
    }
  }
  // Enter takes the safe answer.
  answers_no = answers_yes = 0;
  scene_test_push_key(app, SDLK_RETURN);
  scene_test_steps(app, 2);
  assert_int_equal(answers_no, 1);
  assert_int_equal(answers_yes, 0);
  assert_string_equal(scene_test_top(app), "title");
}

static void test_notice_dialog(void **state) {
  SceneTestFixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 1);
  set_text_size(app, SETTINGS_TEXT_LARGEST);
  engine_relayout(app->engine);
  scene_notice_push(app, "Scores cannot be saved",
                    "The data folder is read-only: scores will be lost when you close the game.");
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "notice");
  UiForm *form = scene_test_top_form(app);
  assert_int_equal(form->count, 1);
  Ui ui = app_ui(app);
  UiDialog d;
  UiDialogSpec spec = {.title = "Scores cannot be saved",
                       .message = "The data folder is read-only: scores will be lost when you close the game.",
                       .labels = {"OK"},
                       .count = 1,
                       .warning = true};
  ui_dialog_layout(&d, &ui, &spec);
  assert_true(inside(form->buttons[0].rect, d.card));
  assert_true(d.message.y + d.message.h <= form->buttons[0].rect.y);
  ui_stats_clear(app->ui_stats);
  ui_dialog_draw(&ui, &d, &spec);
  ui_form_draw(&ui, form);
  if (app->ui_stats->cut != 0) {
    fail_msg("cut \"%s\"", app->ui_stats->last_cut);
  }
  assert_int_equal(app->ui_stats->shrunk, 0);
  scene_test_push_key(app, SDLK_RETURN);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "title");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_text_size_steps),
      cmocka_unit_test(test_theme_geometry_grows_with_text),
      cmocka_unit_test_setup_teardown(test_fitted_text_never_shrinks_below_normal, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_header_at_every_text_size, setup, scene_test_teardown),
      cmocka_unit_test(test_form_focus_reading_order),
      cmocka_unit_test(test_form_pointer_and_confirm),
      cmocka_unit_test_setup_teardown(test_confirm_dialog, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_notice_dialog, setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

// The UI kit's scroll view and table on their own, and the header's single
// Back button: offsets clamp, "keep visible", wheel/drag/keys, the bar only
// when content overflows; table columns from measured text that never
// overlap (long names, right-to-left, 2x text on the narrowest canvas).

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "engine/engine.h"
#include "scene_test_support.h"
#include "scenes/menu_text.h"
#include "scenes/settings.h"
#include "scenes/ui.h"

static int setup(void **state) {
  SceneTestFixture *f = scene_test_fixture_create();
  // 4:3 output: the narrowest canvas, 1440 units wide.
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 3, .width = 1024, .height = 768});
  *state = f;
  return 0;
}

static void set_text_size(App *app, SettingsTextSize size) {
  app->settings.text_size = size;
  app_apply_settings(app);
  ui_stats_clear(app->ui_stats);
}

static InputEvent action(InputAction a) {
  return (InputEvent){.type = INPUT_EVENT_ACTION, .action = a};
}

static InputEvent pointer(InputEventType type, float x, float y) {
  return (InputEvent){.type = type, .x = x, .y = y, .button = 1};
}

// ---- scroll view -------------------------------------------------------------

static void test_scroll_offsets_clamp(void **state) {
  (void)state;
  UiScroll s = {0};
  ui_scroll_set(&s, (Rect){100, 200, 800, 400}, 1000, 40);
  assert_true(ui_scroll_overflows(&s));
  assert_true(ui_scroll_max(&s) == 600);
  assert_false(ui_scroll_by(&s, -50));  // already at the top
  assert_true(s.offset == 0);
  assert_true(ui_scroll_to(&s, 10000));
  assert_true(s.offset == 600);
  assert_false(ui_scroll_by(&s, 1));
  // The content shrinks (a relayout at another size): the offset follows.
  ui_scroll_set(&s, (Rect){100, 200, 800, 400}, 700, 40);
  assert_true(s.offset == 300);
  ui_scroll_set(&s, (Rect){100, 200, 800, 400}, 300, 40);
  assert_true(s.offset == 0);
  assert_false(ui_scroll_overflows(&s));
  // A bad sum does not stick.
  ui_scroll_set(&s, (Rect){100, 200, 800, 400}, 1000, 40);
  ui_scroll_to(&s, NAN);
  assert_true(s.offset == 0);
  // The bar's room is kept beside the content.
  assert_true(ui_scroll_content_w(&s) == 800 - UI_SCROLLBAR_ROOM);
}

static void test_scroll_reveal(void **state) {
  (void)state;
  UiScroll s = {0};
  ui_scroll_set(&s, (Rect){0, 200, 800, 400}, 2000, 40);
  // Layout coordinates start at the viewport's top (y 200).
  assert_false(ui_scroll_reveal(&s, 300, 100));  // already visible
  assert_true(ui_scroll_reveal(&s, 900, 100));   // below: its bottom at the viewport's bottom
  assert_true(s.offset == 900 + 100 - 200 - 400);
  assert_true(ui_scroll_reveal(&s, 250, 50));  // above: its top at the viewport's top
  assert_true(s.offset == 50);
  assert_true(ui_scroll_reveal(&s, 1000, 900));  // taller than the view: its top
  assert_true(s.offset == 800);
  assert_true(ui_scroll_reveal(&s, 5000, 10));  // past the end: clamped
  assert_true(s.offset == ui_scroll_max(&s));
}

static void test_scroll_wheel_drag_keys(void **state) {
  (void)state;
  UiScroll s = {0};
  ui_scroll_set(&s, (Rect){0, 200, 800, 400}, 2000, 40);
  InputEvent wheel = {.type = INPUT_EVENT_WHEEL, .wheel_y = -1};
  assert_true(ui_scroll_event(&s, &wheel, false));
  assert_true(s.offset == 120);  // three lines a notch
  wheel.wheel_y = 5;
  assert_true(ui_scroll_event(&s, &wheel, false));
  assert_true(s.offset == 0);
  assert_false(ui_scroll_event(&s, &wheel, false));  // nothing moved: nothing to redraw

  // A press does not claim the pointer (a tap may be for a button inside);
  // a small wobble is not a drag; a real drag scrolls by the distance.
  InputEvent ev = pointer(INPUT_EVENT_POINTER_DOWN, 400, 500);
  assert_false(ui_scroll_event(&s, &ev, false));
  ev = pointer(INPUT_EVENT_POINTER_MOVE, 400, 495);
  assert_true(ui_scroll_event(&s, &ev, false));
  assert_true(s.offset == 0);
  ev = pointer(INPUT_EVENT_POINTER_MOVE, 400, 400);
  assert_true(ui_scroll_event(&s, &ev, false));
  assert_true(s.offset == 100);
  ev = pointer(INPUT_EVENT_POINTER_UP, 400, 400);
  assert_true(ui_scroll_event(&s, &ev, false));  // the end of a drag is not a tap
  ev = pointer(INPUT_EVENT_POINTER_MOVE, 400, 100);
  assert_false(ui_scroll_event(&s, &ev, false));  // released: moves mean nothing
  // A tap (down and up in place) is left to whoever is under it.
  ev = pointer(INPUT_EVENT_POINTER_DOWN, 400, 500);
  assert_false(ui_scroll_event(&s, &ev, false));
  ev = pointer(INPUT_EVENT_POINTER_UP, 400, 500);
  assert_false(ui_scroll_event(&s, &ev, false));
  // Outside the viewport a press starts nothing.
  ev = pointer(INPUT_EVENT_POINTER_DOWN, 400, 100);
  ui_scroll_event(&s, &ev, false);
  ev = pointer(INPUT_EVENT_POINTER_MOVE, 400, 0);
  assert_false(ui_scroll_event(&s, &ev, false));
  assert_true(s.offset == 100);

  // Keys only when focused.
  InputEvent down = action(INPUT_ACTION_DOWN);
  assert_false(ui_scroll_event(&s, &down, false));
  assert_true(ui_scroll_event(&s, &down, true));
  assert_true(s.offset == 140);
  InputEvent pg = action(INPUT_ACTION_PAGE_DOWN);
  assert_true(ui_scroll_event(&s, &pg, true));
  assert_true(s.offset == 140 + 400 - 80);
  InputEvent end = action(INPUT_ACTION_END);
  assert_true(ui_scroll_event(&s, &end, true));
  assert_true(s.offset == 1600);
  assert_false(ui_scroll_event(&s, &down, true));  // at the end an arrow moves on
  InputEvent home = action(INPUT_ACTION_HOME);
  assert_true(ui_scroll_event(&s, &home, true));
  assert_true(s.offset == 0);
  InputEvent up = action(INPUT_ACTION_UP);
  assert_false(ui_scroll_event(&s, &up, true));
  InputEvent confirm = action(INPUT_ACTION_CONFIRM);
  assert_false(ui_scroll_event(&s, &confirm, true));
}

static void test_scroll_bar_only_when_overflowing(void **state) {
  (void)state;
  UiScroll s = {0};
  Rect track, thumb;
  ui_scroll_set(&s, (Rect){100, 200, 800, 400}, 400, 40);
  assert_false(ui_scroll_bar_rects(&s, false, &track, &thumb));
  // Nothing to drag when everything fits.
  InputEvent ev = pointer(INPUT_EVENT_POINTER_DOWN, 400, 500);
  ui_scroll_event(&s, &ev, false);
  ev = pointer(INPUT_EVENT_POINTER_MOVE, 400, 300);
  assert_false(ui_scroll_event(&s, &ev, false));

  ui_scroll_set(&s, (Rect){100, 200, 800, 400}, 1600, 40);
  assert_true(ui_scroll_bar_rects(&s, false, &track, &thumb));
  assert_true(track.x + track.w == 900);  // the end side
  assert_true(thumb.h == 100);            // visible / content of the track
  assert_true(thumb.y == 200);
  ui_scroll_to(&s, ui_scroll_max(&s));
  ui_scroll_bar_rects(&s, false, &track, &thumb);
  assert_true(thumb.y + thumb.h == 600);
  assert_true(ui_scroll_bar_rects(&s, true, &track, &thumb));
  assert_true(track.x == 100);  // right to left: the bar on the left
  // Very long content: the thumb keeps its least size.
  ui_scroll_set(&s, (Rect){100, 200, 800, 400}, 400000, 40);
  ui_scroll_bar_rects(&s, false, &track, &thumb);
  assert_true(thumb.h == UI_SCROLLBAR_MIN_THUMB);
}

// ---- table -------------------------------------------------------------------

enum { COLS = 5 };
static const UiTableColumn columns[COLS] = {
    {"#", TEXT_ALIGN_END, false},     {"Name", TEXT_ALIGN_START, true},  {"Score", TEXT_ALIGN_END, false},
    {"Right", TEXT_ALIGN_END, false}, {"Date", TEXT_ALIGN_START, false},
};
static const char *const cells[] = {
    "1",          "Maximiliana Featherstonehaugh-Wolfeschlegelsteinhausen",
    "1450",       "10 of 10",
    "2026-12-01", "2",
    "Bo",         "980",
    "9 of 10",    "2026-11-30",
    "10",         "Élodie Dupont-Moreau de la Tour d'Auvergne",
    "60",         "1 of 10",
    "2026-01-02",
};
#define ROWS (sizeof cells / sizeof *cells / COLS)

static UiTableSpec spec_for(const Ui *ui) {
  return (UiTableSpec){
      .columns = columns,
      .cols = COLS,
      .cells = cells,
      .rows = ROWS,
      .head = menu_text_style(ui, THEME_TEXT_SMALL, ui->theme->text_muted, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START),
      .body = menu_text_style(ui, THEME_TEXT_BODY, ui->theme->text, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START)};
}

// Every cell inside its column, columns apart by the gap, the plan clean.
static void assert_table_sound(const Ui *ui, const UiTable *t, const MenuTextPlan *p, Rect box) {
  assert_true(t->fits);
  assert_int_equal(p->cut, 0);
  size_t a = 0, b = 0;
  if (menu_text_overlaps(p, &a, &b)) {
    fail_msg("'%s' overlaps '%s'", p->items[a].text, p->items[b].text);
  }
  for (int k = 0; k < t->cols; k++) {
    assert_true(t->col_w[k] > 0);
    if (k > 0 && (!t->stacked || k != t->flex + 1)) {
      assert_true(t->col_x[k] >= t->col_x[k - 1] + t->col_w[k - 1] + ui_gap(ui));
    }
  }
  assert_true(t->col_x[t->cols - 1] + t->col_w[t->cols - 1] <= box.x + box.w + 0.5f);
  // Each fixed cell is no wider than its column.
  for (size_t i = 0; i < p->count; i++) {
    TextSize sz = text_measure(ui->engine, p->items[i].text, &p->items[i].style);
    if (sz.w > p->items[i].box.w + 0.5f) {
      fail_msg("'%s' is %.1f wide in a column of %.1f", p->items[i].text, (double)sz.w, (double)p->items[i].box.w);
    }
  }
  for (size_t r = 1; r < t->rows; r++) {
    assert_true(t->row[r].y >= t->row[r - 1].y + t->row[r - 1].h - 0.5f);
  }
}

static void test_table_measured_columns(void **state) {
  SceneTestFixture *f = *state;
  Ui ui = app_ui(f->app);
  MenuTextPlan plan = {0};
  UiTable t = {0};
  UiTableSpec spec = spec_for(&ui);
  Rect box = {ui_margin(&ui), 300, ui_w(&ui) - 2 * ui_margin(&ui), 0};
  float h = ui_table_layout(&t, &ui, &spec, box, &plan, 1);
  assert_true(h > 0);
  assert_int_equal(t.rows, ROWS);
  assert_int_equal(plan.count, (ROWS + 1) * COLS);
  assert_table_sound(&ui, &t, &plan, box);
  // The date column is as wide as its widest cell, not a fixed share.
  TextSize date = text_measure(ui.engine, "2026-12-01", &spec.body);
  assert_true(t.col_w[4] >= date.w && t.col_w[4] <= date.w + 8);
  // The flexible column takes what is left.
  float sum = 0;
  for (int k = 0; k < COLS; k++) {
    sum += t.col_w[k];
  }
  assert_true(sum + 4 * 2 * ui_gap(&ui) <= box.w + 0.5f && sum + 4 * 2 * ui_gap(&ui) >= box.w - 0.5f);
  // Numbers end-aligned, names start-aligned.
  assert_int_equal(plan.items[COLS + 2].style.align, TEXT_ALIGN_END);
  assert_int_equal(plan.items[COLS + 1].style.align, TEXT_ALIGN_START);
  // Hit-testing: the second row's middle.
  Rect r1 = t.row[1];
  assert_int_equal(ui_table_row_at(&t, &ui, r1.x + 10, r1.y + r1.h / 2, 0), 1);
  assert_int_equal(ui_table_row_at(&t, &ui, r1.x + 10, r1.y + r1.h / 2 - 100, 100), 1);
  assert_int_equal(ui_table_row_at(&t, &ui, r1.x + 10, t.head.y + 1, 0), -1);
  ui_table_free(&t);
  menu_text_free(&plan);
}

// At 2x on the narrowest canvas the long names wrap in the flexible
// column; nothing is cut and nothing overlaps.
static void test_table_largest_text_narrow_canvas(void **state) {
  SceneTestFixture *f = *state;
  set_text_size(f->app, SETTINGS_TEXT_LARGEST);
  Ui ui = app_ui(f->app);
  assert_true(ui_w(&ui) == 1440);
  MenuTextPlan plan = {0};
  UiTable t = {0};
  UiTableSpec spec = spec_for(&ui);
  Rect box = {ui_margin(&ui), 300, ui_w(&ui) - 2 * ui_margin(&ui), 0};
  // The fixed columns leave the names too little room side by side: the
  // table stacks them under the name.
  assert_true(ui_table_min_width(&ui, &spec) > box.w);
  ui_table_layout(&t, &ui, &spec, box, &plan, 1);
  assert_true(t.stacked);
  Rect name = plan.items[COLS + 1].box, score = plan.items[COLS + 2].box;
  assert_true(score.y >= name.y + name.h);
  assert_true(score.x == name.x);
  assert_table_sound(&ui, &t, &plan, box);
  // The first name needs more than one line at this width.
  float line = text_line_height(ui.engine, &spec.body);
  assert_true(plan.items[COLS + 1].box.h > 1.5f * line);
  assert_true(t.row[0].h > 1.5f * line);
  ui_table_free(&t);
  menu_text_free(&plan);
}

static void test_table_stacks_when_narrow(void **state) {
  SceneTestFixture *f = *state;
  Ui ui = app_ui(f->app);
  MenuTextPlan plan = {0};
  UiTable t = {0};
  UiTableSpec spec = spec_for(&ui);
  float need = ui_table_min_width(&ui, &spec);
  ui_table_layout(&t, &ui, &spec, (Rect){0, 0, need, 0}, &plan, 0);
  assert_true(t.fits);
  assert_false(t.stacked);
  menu_text_clear(&plan);
  ui_table_layout(&t, &ui, &spec, (Rect){0, 0, need - 40, 0}, &plan, 0);
  assert_true(t.fits);
  assert_true(t.stacked);
  assert_int_equal(plan.cut, 0);
  // Too narrow even for the second line: said, and the cuts are counted.
  menu_text_clear(&plan);
  ui_table_layout(&t, &ui, &spec, (Rect){0, 0, 200, 0}, &plan, 0);
  assert_false(t.fits);
  assert_true(plan.cut > 0);
  ui_table_free(&t);
  ui_table_free(&t);  // twice is harmless
  ui_table_free(NULL);
  menu_text_free(&plan);
}

// Right to left: drawn through the plan's mirroring, the first column is
// at the right and the order is reversed; hit-testing follows.
static void test_table_rtl_mirrors(void **state) {
  SceneTestFixture *f = *state;
  Ui ui = app_ui(f->app);
  ui.rtl = true;
  MenuTextPlan plan = {0};
  UiTable t = {0};
  UiTableSpec spec = spec_for(&ui);
  Rect box = {ui_margin(&ui), 300, ui_w(&ui) - 2 * ui_margin(&ui), 0};
  ui_table_layout(&t, &ui, &spec, box, &plan, 1);
  assert_table_sound(&ui, &t, &plan, box);
  float prev_x = ui_w(&ui) + 1;
  for (int k = 0; k < COLS; k++) {
    Rect m = ui_mirror(&ui, plan.items[COLS + k].box);
    assert_true(m.x + m.w <= prev_x);
    prev_x = m.x;
  }
  Rect first = ui_mirror(&ui, plan.items[COLS].box);  // "1" of the first row
  assert_true(first.x + first.w > ui_w(&ui) - ui_margin(&ui) - 1);
  assert_int_equal(ui_table_row_at(&t, &ui, first.x + first.w / 2, first.y + 2, 0), 0);
  ui_table_free(&t);
  menu_text_free(&plan);
}

// ---- screens on the widgets ----------------------------------------------------

static const MenuSceneHead *top_head(App *app) {
  const MenuSceneHead *head = engine_scene_data(app->engine, 0);
  assert_non_null(head);
  return head;
}

// Help at the largest size is taller than the screen: the kit's scroll view
// takes every key, the wheel and the bar, and keeps the text beside it.
static void test_help_scrolls_in_the_scroll_view(void **state) {
  SceneTestFixture *f = *state;
  set_text_size(f->app, SETTINGS_TEXT_LARGEST);
  assert_true(app_start(f->app, "help", NULL));
  scene_test_steps(f->app, 2);
  const UiScroll *sc = &top_head(f->app)->scroll;
  assert_true(ui_scroll_overflows(sc));
  assert_true(sc->offset == 0);
  scene_test_menu_key(f->app, SDLK_END);
  assert_true(sc->offset == ui_scroll_max(sc));
  float bottom = sc->offset;
  scene_test_menu_key(f->app, SDLK_PAGEUP);
  assert_true(sc->offset < bottom && sc->offset > 0);
  scene_test_menu_key(f->app, SDLK_HOME);
  assert_true(sc->offset == 0);
  scene_test_menu_key(f->app, SDLK_DOWN);
  assert_true(sc->offset == sc->step);
  SDL_Event wheel = {.type = SDL_MOUSEWHEEL};
  wheel.wheel.y = -1;
  wheel.wheel.preciseY = -1;
  SDL_PushEvent(&wheel);
  scene_test_steps(f->app, 2);
  assert_true(sc->offset == 4 * sc->step);
  // Every piece of scrolled text stays clear of the bar.
  const MenuTextPlan *p = &top_head(f->app)->texts;
  for (size_t i = 0; i < p->count; i++) {
    if (p->items[i].layer == 1) {
      assert_true(p->items[i].box.x + p->items[i].box.w <= sc->view.x + ui_scroll_content_w(sc) + 0.5f);
    }
  }
  assert_string_equal(scene_test_top(f->app), "help");
}

// A finished round of the first pack by `name` with `right` of 10 right.
static void seed_round(App *app, const char *name, int right) {
  assert_true(app_set_player(app, name, NULL));
  const Pack *pk = app_first_valid_pack(app);
  StoreRoundSpec spec = {.player_id = app->player_id,
                         .pack_id = pk->id,
                         .pack_version = pk->version,
                         .questions = 10,
                         .seconds_per_question = 20,
                         .started_ms = 1700000000000};
  int64_t id = 0;
  assert_true(store_round_begin(app->store, &spec, &id, NULL));
  for (int q = 0; q < 10; q++) {
    StoreVerdict truth = q % 2 ? STORE_VERDICT_REAL : STORE_VERDICT_FABRICATED;
    StoreVerdict other = truth == STORE_VERDICT_REAL ? STORE_VERDICT_FABRICATED : STORE_VERDICT_REAL;
    char item[16];
    snprintf(item, sizeof item, "item-%d", q);
    StoreAnswerSpec a = {.position = q,
                         .item_id = item,
                         .truth = truth,
                         .given = q < right ? truth : other,
                         .points = q < right ? 100 : 0,
                         .response_ms = 2000,
                         .answered_ms = spec.started_ms};
    assert_true(store_answer_add(app->store, id, &a, NULL));
  }
  assert_true(store_round_finish(app->store, id, right * 100, true, spec.started_ms + 60000, NULL));
}

// High scores at 2x on the narrowest canvas: the top 10 is the kit's
// table (stacked: the numbers under the name), the page the kit's scroll
// view, and no text anywhere on the drawn screen is cut, the pack arrows
// included.
static void test_scores_on_the_widgets(void **state) {
  SceneTestFixture *f = *state;
  set_text_size(f->app, SETTINGS_TEXT_LARGEST);
  seed_round(f->app, "Maximiliana Featherstonehaugh-Wolfeschle", 7);  // 40 characters, the most a name may have
  seed_round(f->app, "Bo", 9);
  assert_true(app_start(f->app, "scores", NULL));
  scene_test_steps(f->app, 3);
  assert_string_equal(scene_test_top(f->app), "scores");
  assert_int_equal(f->app->ui_stats->cut, 0);
  const MenuSceneHead *head = top_head(f->app);
  const MenuTextPlan *p = &head->texts;
  assert_int_equal(p->cut, 0);
  size_t a = 0, b = 0;
  if (menu_text_overlaps(p, &a, &b)) {
    fail_msg("'%s' overlaps '%s'", p->items[a].text, p->items[b].text);
  }
  // The score of each row is below its name, not beside it.
  const MenuText *name = NULL, *score = NULL;
  for (size_t i = 0; i < p->count; i++) {
    if (strcmp(p->items[i].text, "Bo") == 0) {
      name = &p->items[i];
      score = &p->items[i + 1];
    }
  }
  assert_non_null(name);
  assert_string_equal(score->text, "900");
  assert_true(score->box.y >= name->box.y + name->box.h);
  // Long enough to scroll, with End / Home.
  assert_true(ui_scroll_overflows(&head->scroll));
  scene_test_menu_key(f->app, SDLK_END);
  assert_true(head->scroll.offset == ui_scroll_max(&head->scroll));
  scene_test_menu_key(f->app, SDLK_HOME);
  assert_true(head->scroll.offset == 0);
}

// Rows of the settings list wholly inside the page's viewport.
static int settings_rows_in_view(App *app) {
  const MenuSceneHead *head = top_head(app);
  const UiList *list = head->form.list;
  int n = 0;
  for (size_t i = 0; i < list->count; i++) {
    Rect r = ui_list_row_rect(list, i);
    n += r.y >= head->scroll.view.y - 0.5f && r.y + r.h <= head->scroll.view.y + head->scroll.view.h + 0.5f;
  }
  return n;
}

// At 2x on 1024x768 the notes took half the screen and the rows below
// them showed one at a time. The notes and the rows now scroll together:
// past the notes the page shows several rows, the selection is always in
// view, and a drag that starts on a row scrolls without changing it.
static void test_settings_scroll_as_one_page(void **state) {
  SceneTestFixture *f = *state;
  set_text_size(f->app, SETTINGS_TEXT_LARGEST);
  assert_true(app_start(f->app, "settings", NULL));
  scene_test_steps(f->app, 2);
  const MenuSceneHead *head = top_head(f->app);
  assert_true(ui_scroll_overflows(&head->scroll));
  scene_test_menu_key(f->app, SDLK_END);
  assert_true(head->scroll.offset == ui_scroll_max(&head->scroll));
  assert_true(settings_rows_in_view(f->app) >= 3);
  scene_test_menu_key(f->app, SDLK_HOME);
  const UiList *list = head->form.list;
  for (size_t i = 0; i + 1 < list->count; i++) {
    scene_test_menu_key(f->app, SDLK_DOWN);
    Rect r = ui_list_row_rect(list, list->selected);
    assert_true(r.y >= head->scroll.view.y - 0.5f);
    assert_true(r.y + r.h <= head->scroll.view.y + head->scroll.view.h + 0.5f);
  }
  assert_int_equal(list->selected, list->count - 1);
  // Drag the page down by a row from the middle of a row: it scrolls, and
  // nothing is changed or chosen.
  Settings before = f->app->settings;
  float offset = head->scroll.offset;
  Rect r = ui_list_row_rect(list, list->selected);
  float x = r.x + r.w * 0.3f, y = r.y + r.h / 2;
  scene_test_push_mouse_move(f->app, x, y);
  scene_test_push_mouse_button(f->app, x, y, true);
  scene_test_push_mouse_move(f->app, x, y + 60);
  scene_test_push_mouse_move(f->app, x, y + 200);
  scene_test_push_mouse_button(f->app, x, y + 200, false);
  scene_test_steps(f->app, 3);
  assert_true(head->scroll.offset < offset);
  assert_memory_equal(&before, &f->app->settings, sizeof before);
  assert_string_equal(scene_test_top(f->app), "settings");
}

// Help, high scores and settings drawn at 2x on the narrowest canvas and
// on a 4K screen: the kit cut no text anywhere (its buttons included).
static void test_my_screens_cut_nothing_at_2x(void **state) {
  SceneTestFixture *f = *state;
  static const struct { int w, h; } sizes[] = {{1024, 768}, {3840, 2160}, {768, 1024}};
  // Help is an overlay drawn over the title (not this test's screen): what
  // the title alone cuts is taken off.
  static const char *const screens[] = {"title", "help", "scores", "settings"};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    unsigned beneath = 0;
    for (size_t k = 0; k < sizeof screens / sizeof *screens; k++) {
      app_destroy(f->app);
      f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 3, .width = sizes[i].w, .height = sizes[i].h});
      set_text_size(f->app, SETTINGS_TEXT_LARGEST);
      seed_round(f->app, "Maximiliana Featherstonehaugh-Wolfeschle", 7);
      assert_true(app_start(f->app, screens[k], NULL));
      scene_test_steps(f->app, 3);
      ui_stats_clear(f->app->ui_stats);  // count one frame, drawn on purpose
      engine_request_redraw(f->app->engine);
      scene_test_steps(f->app, 1);
      unsigned cut = f->app->ui_stats->cut;
      if (k == 0) {
        beneath = cut;
        continue;
      }
      if (cut - (k == 1 ? beneath : 0) != 0) {
        fail_msg("%s %dx%d largest: %u text(s) cut, the last '%s'", screens[k], sizes[i].w, sizes[i].h, cut,
                 f->app->ui_stats->last_cut);
      }
    }
  }
}

// ---- back button -------------------------------------------------------------

// The header's Back and the one a screen builds alone are the same button.
static void test_back_button_is_the_headers(void **state) {
  SceneTestFixture *f = *state;
  for (int size = 0; size < SETTINGS_TEXT_COUNT; size += SETTINGS_TEXT_COUNT - 1) {
    set_text_size(f->app, (SettingsTextSize)size);
    for (int rtl = 0; rtl < 2; rtl++) {
      Ui ui = app_ui(f->app);
      ui.rtl = rtl;
      UiForm form;
      ui_form_init(&form, ui.rtl);
      ui_form_add_header(&form, &ui, true, true);
      const UiButton *h = ui_form_button(&form, UI_ID_BACK);
      assert_non_null(h);
      UiButton b = ui_header_back_button(&ui);
      assert_true(memcmp(&b.rect, &h->rect, sizeof b.rect) == 0);
      assert_string_equal(b.label, h->label);
      assert_int_equal(b.icon, rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT);
      assert_true((b.key_hint == NULL) == (h->key_hint == NULL));
      assert_true(memcmp(&b.rect, &(Rect){0}, sizeof b.rect) != 0);
      Rect start = ui_header_start_rect(&ui);
      assert_true(b.rect.x == start.x && b.rect.w == start.w);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_scroll_offsets_clamp),
      cmocka_unit_test(test_scroll_reveal),
      cmocka_unit_test(test_scroll_wheel_drag_keys),
      cmocka_unit_test(test_scroll_bar_only_when_overflowing),
      cmocka_unit_test_setup_teardown(test_table_measured_columns, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_table_largest_text_narrow_canvas, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_table_stacks_when_narrow, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_table_rtl_mirrors, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_help_scrolls_in_the_scroll_view, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_scores_on_the_widgets, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_settings_scroll_as_one_page, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_my_screens_cut_nothing_at_2x, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_back_button_is_the_headers, setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

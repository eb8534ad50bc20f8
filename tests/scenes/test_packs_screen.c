// The pack chooser, driven headless through a real App over the bundled
// packs: at every text size and at 1024x768, 1366x768, 1920x1080 and
// 768x1024 nothing is cut and no word is broken inside (every wrapped text
// of the screen's plan has each word narrower than its line, so the text
// engine, which breaks only at spaces unless a word is wider than the
// line, breaks at spaces only); the list and the details stack, or become
// two pages, on narrow canvases and large text, and those pages work with
// keys, mouse and controller; the Pair round button opens the pair scene
// or says why there is none. Screenshots land in $PREBUNK_SHOT_DIR when set.

#include "support/test_support.h"

#include "scene_test_support.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "engine/engine.h"
#include "quiz/pack_library.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"

typedef SceneTestFixture Fixture;

// The packs screen (over the title screen) at w x h and text `size`.
static App *open_at(Fixture *f, int w, int h, SettingsTextSize size) {
  app_destroy(f->app);
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 5, .width = w, .height = h});
  f->app->settings.text_size = size;
  f->app->settings.sound = false;
  app_apply_settings(f->app);
  assert_true(app_start(f->app, "packs", NULL));
  scene_test_steps(f->app, 2);
  assert_string_equal(scene_test_top(f->app), "packs");
  return f->app;
}

static int setup(void **state) {
  *state = scene_test_fixture_create();
  return 0;
}

static const MenuSceneHead *head(App *app) {
  return engine_scene_data(app->engine, 0);
}

static void shot(App *app, const char *name) {
  const char *dir = getenv("PREBUNK_SHOT_DIR");
  SettingsTextSize ts = app->settings.text_size;
  if (!dir || (ts != SETTINGS_TEXT_NORMAL && ts != SETTINGS_TEXT_LARGEST)) {
    return;
  }
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(engine_renderer(app->engine), &w, &h);
  char *path = xasprintf("%s/%s-%dx%d-%s.png", dir, name, w, h,
                         app->settings.text_size == SETTINGS_TEXT_LARGEST ? "largest" : SETTINGS_TEXT_NORMAL);
  char *err = NULL;
  if (!engine_save_screenshot(app->engine, path, &err)) {
    fail_msg("%s: %s", path, err ? err : "?");
  }
  free(err);
  free(path);
}

// Every word of a wrapped piece is at most as wide as its line.
static void assert_words_fit(App *app, const MenuText *m, const char *where) {
  if (m->style.wrap_width <= 0) {
    return;
  }
  TextStyle one = m->style;
  one.wrap_width = 0;
  for (const char *p = m->text; *p;) {
    size_t n = strcspn(p, " \n\t");
    if (n > 0) {
      char *word = xstrndup(p, n);
      float w = text_measure(app->engine, word, &one).w;
      if (w > m->style.wrap_width + 0.5f) {
        fail_msg("%s: \"%s\" (in \"%.40s\") is %.0f wide on a %.0f line: it would break inside", where, word, m->text,
                 (double)w, (double)m->style.wrap_width);
      }
      free(word);
    }
    p += n;
    p += *p ? 1 : 0;
  }
}

// A frame drawn with the counters cleared: nothing cut, no word broken,
// no two texts of one layer overlapping.
static void assert_clean(App *app, const char *where) {
  ui_stats_clear(app->ui_stats);
  engine_request_redraw(app->engine);
  scene_test_steps(app, 1);
  if (app->ui_stats->cut != 0) {
    fail_msg("%s: %u text(s) cut, the last '%s'", where, app->ui_stats->cut, app->ui_stats->last_cut);
  }
  const MenuTextPlan *p = &head(app)->texts;
  if (p->cut) {
    fail_msg("%s: %zu line(s) of the plan too wide", where, p->cut);
  }
  size_t a = 0, b = 0;
  if (menu_text_overlaps(p, &a, &b)) {
    fail_msg("%s: '%s' overlaps '%s'", where, p->items[a].text, p->items[b].text);
  }
  for (size_t i = 0; i < p->count; i++) {
    assert_words_fit(app, &p->items[i], where);
  }
}

// The top screen's button with this word, or NULL.
static const UiButton *button(App *app, const char *label) {
  const UiForm *form = &head(app)->form;
  for (int i = 0; i < form->count; i++) {
    if (form->buttons[i].label && strcmp(form->buttons[i].label, label) == 0) {
      return &form->buttons[i];
    }
  }
  return NULL;
}

// The details of the selected pack show (side by side, stacked, or the
// details page), with a Play button.
static bool details_shown(App *app) {
  const UiButton *play = button(app, "Play");
  return play && play->rect.w > 0;
}

static bool list_shown(App *app) {
  return head(app)->form.list != NULL;
}

static const int shapes[][2] = {{1024, 768}, {1366, 768}, {1920, 1080}, {768, 1024}};

// Every text size, every shape, every pack's details: laid out whole.
static void test_every_size_and_shape(void **state) {
  Fixture *f = *state;
  for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
    for (int t = 0; t < SETTINGS_TEXT_COUNT; t++) {
      App *app = open_at(f, shapes[k][0], shapes[k][1], (SettingsTextSize)t);
      size_t n = pack_library_count(app->packs);
      for (size_t i = 0; i < n; i++) {
        char *where = xasprintf("%dx%d %s, pack %zu", shapes[k][0], shapes[k][1],
                                settings_text_size_name((SettingsTextSize)t), i);
        assert_clean(app, where);
        if (!details_shown(app)) {
          scene_test_menu_key(app, SDLK_RETURN);  // pages: the details page
          assert_true(details_shown(app));
          assert_false(list_shown(app));
          assert_clean(app, where);
          if (i == 0) {
            shot(app, "packs-details");
          }
          scene_test_menu_key(app, SDLK_ESCAPE);
          assert_string_equal(scene_test_top(app), "packs");
          assert_true(list_shown(app));
        }
        if (i == 0) {
          shot(app, "packs");
        }
        scene_test_menu_key(app, SDLK_DOWN);
        free(where);
      }
    }
  }
}

// At 1024x768 with the largest text the list and the details are two
// pages: Enter, a click or a tap, or the controller's A opens the details;
// Esc, the Back button or B returns to the list; Esc there leaves.
static void test_pages_by_every_input(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1024, 768, SETTINGS_TEXT_LARGEST);
  assert_true(list_shown(app));
  assert_false(details_shown(app));
  Rect row = ui_list_row_rect(head(app)->form.list, 0);
  scene_test_push_click(app, row.x + row.w / 2, row.y + row.h / 2);
  scene_test_steps(app, 2);
  assert_true(details_shown(app));
  const UiButton *back = scene_test_button_with_id(app, UI_ID_BACK);
  assert_non_null(back);
  scene_test_push_click(app, back->rect.x + back->rect.w / 2, back->rect.y + back->rect.h / 2);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "packs");
  assert_true(list_shown(app));
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_A);
  assert_true(details_shown(app));
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_B);
  assert_true(list_shown(app));
  assert_string_equal(scene_test_top(app), "packs");
  scene_test_menu_key(app, SDLK_RETURN);
  assert_true(details_shown(app));
  scene_test_menu_key(app, SDLK_RETURN);  // Play has the focus on the details page
  assert_string_equal(scene_test_top(app), "player");
  scene_test_menu_key(app, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(app), "packs");
  assert_true(details_shown(app));  // back where the player left
  scene_test_menu_key(app, SDLK_ESCAPE);
  assert_true(list_shown(app));
  scene_test_menu_key(app, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(app), "title");
}

// Side by side at 1920x1080 Normal; the list above the details on a
// portrait canvas at Normal.
static void test_side_by_side_and_stacked(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1920, 1080, SETTINGS_TEXT_NORMAL);
  Rect list = head(app)->form.list->rect;
  const UiButton *play = button(app, "Play");
  assert_true(list_shown(app) && details_shown(app));
  assert_true(play->rect.x >= list.x + list.w);
  app = open_at(f, 768, 1024, SETTINGS_TEXT_NORMAL);
  list = head(app)->form.list->rect;
  play = button(app, "Play");
  assert_true(list_shown(app) && details_shown(app));
  if (play->rect.y < list.y + list.h) {
    fail_msg("Play at y %.0f, the list %.0f..%.0f", (double)play->rect.y, (double)list.y, (double)(list.y + list.h));
  }
}

static void select_pack(App *app, const char *file) {
  size_t want = scene_test_library_index(app, file);
  for (size_t i = 0; i < want; i++) {
    scene_test_menu_key(app, SDLK_DOWN);
  }
}

static bool plan_has(App *app, const char *needle) {
  const MenuTextPlan *p = &head(app)->texts;
  for (size_t i = 0; i < p->count; i++) {
    if (strstr(p->items[i].text, needle)) {
      return true;
    }
  }
  return false;
}

// A pack with pairs: the Pair round button opens the pair scene on it.
static void test_pair_round_button(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1366, 768, SETTINGS_TEXT_NORMAL);
  select_pack(app, "starter-en.xml");
  assert_true(plan_has(app, "Pair round: "));
  const UiButton *pair = button(app, "Pair round");
  assert_non_null(pair);
  assert_false(pair->disabled);
  const Pack *starter = pack_library_get(app->packs, scene_test_library_index(app, "starter-en.xml"))->pack;
  scene_test_push_click(app, pair->rect.x + pair->rect.w / 2, pair->rect.y + pair->rect.h / 2);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "pair");
  assert_ptr_equal(app->pack, starter);
}

// An assessment has no pair round: the button is disabled and the card
// says why.
static void test_no_pair_round_says_why(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1366, 768, SETTINGS_TEXT_NORMAL);
  select_pack(app, "mist-20.xml");
  const UiButton *pair = button(app, "Pair round");
  assert_non_null(pair);
  assert_true(pair->disabled);
  assert_true(plan_has(app, "No pair round: a test asks its headlines one by one."));
  scene_test_push_click(app, pair->rect.x + pair->rect.w / 2, pair->rect.y + pair->rect.h / 2);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "packs");
}

// ---- the header's title on its own line ------------------------------------------

static bool rects_overlap(Rect a, Rect b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// A long pack title at 1024x768 with the largest text does not fit beside
// Back, Settings and Help even with icon-only buttons and shrunk to its
// Normal size: it moves to its own line under them (at most two lines,
// never below Normal, nothing cut), the header grows, and ui_content_top()
// follows once the header is used.
static void test_header_title_below(void **state) {
  Fixture *f = *state;
  static const char *const title = "Identity: hate speech, scapegoating and fake quotes";
  App *app = open_at(f, 1024, 768, SETTINGS_TEXT_LARGEST);
  Ui ui = app_ui(app);
  float top = ui_content_top(&ui);
  UiHeader h = ui_header_layout(&ui, title, true, true);
  assert_true(h.title_below);
  assert_true(h.bottom > ui_header_h(&ui));
  assert_true(h.title.y >= h.back.y + h.back.h - 1);
  assert_false(rects_overlap(h.title, h.back) || rects_overlap(h.title, h.settings) || rects_overlap(h.title, h.help));
  assert_true(h.title.y + h.title.h <= h.bottom);
  TextStyle st = ui_text_style(&ui, THEME_TEXT_TITLE, ui.theme->text);
  float normal = st.size / ui.theme->text_scale;
  assert_true(h.title_size >= normal - 0.5f && h.title_size <= st.size);  // never below its Normal size
  st.weight = TEXT_WEIGHT_BOLD;
  st.wrap_width = h.title.w;
  st.size = h.title_size;
  assert_true(text_measure(app->engine, title, &st).h <= h.title.h + 0.5f);  // whole
  assert_true(h.title.h <= 2 * text_line_height(app->engine, &st) + 1);      // in at most two lines
  assert_float_equal(ui_content_top(&ui), top, 0.01);
  ui_header_use(&ui, &h);
  assert_true(ui_content_top(&ui) >= h.bottom + ui_gap(&ui));
  assert_true(ui_content_rect(&ui).y >= h.bottom);
  ui_stats_clear(app->ui_stats);
  ui_header_draw_from(&ui, &h, title);
  assert_int_equal(app->ui_stats->cut, 0);
  assert_int_equal(app->ui_stats->shrunk, 0);

  // A shorter title fits beside the buttons on a wide canvas at Normal.
  app = open_at(f, 1920, 1080, SETTINGS_TEXT_NORMAL);
  ui = app_ui(app);
  h = ui_header_layout(&ui, "Society and climate", true, true);
  assert_false(h.title_below);
  assert_float_equal(h.bottom, ui_header_h(&ui), 0.01);
  ui_header_use(&ui, &h);
  assert_float_equal(ui_content_top(&ui), ui_header_h(&ui) + 2 * ui_gap(&ui), 0.01);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_every_size_and_shape, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_pages_by_every_input, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_side_by_side_and_stacked, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_pair_round_button, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_no_pair_round_says_why, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_header_title_below, setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

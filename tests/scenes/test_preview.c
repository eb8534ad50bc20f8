// The author's preview laid out in layout() and scrolled with the kit's
// scroll view: every diagnostic of a broken pack is listed and reachable by
// scrolling (the list used to stop at the footer), and the item page, its
// answer tag, the item's place in the file and the key hints never overlap
// or get cut at any shape or text size, also after the window changes size
// (the footer used to be placed once, in enter()).

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "engine/engine.h"
#include "scene_test_support.h"
#include "scenes/app.h"
#include "scenes/gameplay.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"
#include "support/test_support.h"

// The preview of `pack_path` (owned by the fixture) at `w` x `h`, text size
// `size`.
static App *open_preview(SceneTestFixture *f, int w, int h, const char *size) {
  scene_test_reopen(f, &(SceneTestAppOptions){.seed = 1, .width = w, .height = h}, size);
  char *err = NULL;
  if (!app_start(f->app, "preview", &err)) {
    fail_msg("preview: %s", err ? err : "?");
  }
  scene_test_steps(f->app, 3);
  assert_string_equal(scene_test_top(f->app), "preview");
  return f->app;
}

// A pack of `n` items whose answers are all wrong words: one error each.
static char *broken_pack(int n) {
  StrBuf b = {0};
  strbuf_append(&b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"broken\" version=\"1\" xml:lang=\"en\">\n"
                "  <title>Broken</title>\n  <description>Every answer is wrong.</description>\n");
  for (int i = 0; i < n; i++) {
    strbuf_appendf(&b,
                   "  <item id=\"i%d\" answer=\"maybe\"><headline>Headline %d</headline>"
                   "<explanation>None.</explanation></item>\n",
                   i, i);
  }
  strbuf_append(&b, "</quizpack>\n");
  return strbuf_take(&b);
}

static void test_preview_lists_every_error(void **state) {
  SceneTestFixture *f = *state;
  char *text = broken_pack(40);
  f->pack_path = test_write_file(f->dir, "broken.xml", text);
  free(text);
  App *app = open_preview(f, 1024, 768, "largest");
  const DiagList *diags = NULL;
  assert_null(scene_preview_peek(engine_scene_data(app->engine, 0), &diags));
  assert_true(diags->errors >= 40);
  const MenuTextPlan *list = NULL;
  const UiScroll *sc = scene_preview_peek_scroll(engine_scene_data(app->engine, 0), &list);
  size_t lines = 0;
  const MenuText *last = NULL;
  for (size_t i = 0; i < list->count; i++) {
    if (list->items[i].layer == 1) {
      lines++;
      last = &list->items[i];
    }
  }
  assert_int_equal(lines, diags->count);
  assert_int_equal(list->cut, 0);
  assert_false(menu_text_overlaps(list, NULL, NULL));
  // Far more than a screenful: it scrolls, and End shows the last one.
  assert_true(ui_scroll_overflows(sc));
  assert_true(ui_scroll_max(sc) > 0);
  scene_test_menu_key(app, SDLK_END);
  sc = scene_preview_peek_scroll(engine_scene_data(app->engine, 0), NULL);
  assert_true(sc->offset == ui_scroll_max(sc));
  assert_true(last->box.y + last->box.h - sc->offset <= sc->view.y + sc->view.h + 0.5f);
  assert_true(last->box.y - sc->offset >= sc->view.y);
  scene_test_menu_key(app, SDLK_HOME);
  assert_true(scene_preview_peek_scroll(engine_scene_data(app->engine, 0), NULL)->offset == 0);
}

static bool apart(Rect a, Rect b) {
  return a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0 || a.x + a.w <= b.x + 0.5f || b.x + b.w <= a.x + 0.5f ||
         a.y + a.h <= b.y + 0.5f || b.y + b.h <= a.y + 0.5f;
}

static void check_layout(App *app, const char *where) {
  ui_stats_clear(app->ui_stats);
  engine_request_redraw(app->engine);
  scene_test_steps(app, 1);
  // Nothing is cut, the header's title included: one that does not fit
  // beside the buttons has a line of its own.
  if (app->ui_stats->cut != 0) {
    fail_msg("%s: %u text(s) cut, the last '%s'", where, app->ui_stats->cut, app->ui_stats->last_cut);
  }
  const void *data = engine_scene_data(app->engine, 0);
  const GameplayPage *page = scene_preview_peek_page(data);
  assert_non_null(page);
  if (page->overflow) {
    fail_msg("%s: the page's fixed part does not fit", where);
  }
  const UiScroll *sc = scene_preview_peek_scroll(data, NULL);
  const UiButton *next = scene_test_button_labelled(app, "Next");
  const View *v = engine_view(app->engine);
  if (next->rect.y + next->rect.h > v->h + 0.5f || next->rect.x + next->rect.w > v->w + 0.5f) {
    fail_msg("%s: Next is off the canvas", where);
  }
  // The scrolled body ends above the footer, and the always-in-view part
  // (the tip is the lowest of it) above the body.
  if (sc->view.y + sc->view.h > next->rect.y + 0.5f) {
    fail_msg("%s: the page's body runs into the footer", where);
  }
  if (page->tip.h > 0 && !apart(page->tip_card, sc->view)) {
    fail_msg("%s: the tip overlaps the body", where);
  }
}

static void test_preview_fits_every_shape(void **state) {
  SceneTestFixture *f = *state;
  f->pack_path = test_source_path("quizzes/starter-en.xml");
  static const int shapes[][2] = {{1024, 768}, {1366, 768}, {1920, 1080}, {3840, 2160}, {768, 1024}};
  const char *sizes[] = {"normal", "largest"};
  for (size_t s = 0; s < 2; s++) {
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
      App *app = open_preview(f, shapes[i][0], shapes[i][1], sizes[s]);
      char where[64];
      snprintf(where, sizeof where, "%dx%d %s", shapes[i][0], shapes[i][1], sizes[s]);
      check_layout(app, where);
      // Three items on, one with a fabricated tag and techniques.
      for (int k = 0; k < 3; k++) {
        scene_test_menu_key(app, SDLK_RIGHT);
        check_layout(app, where);
      }
    }
  }
  // From landscape to portrait in the same window: the footer follows.
  App *app = open_preview(f, 1366, 768, "normal");
  engine_set_window_size(app->engine, 768, 1024);
  scene_test_steps(app, 3);
  check_layout(app, "1366x768 then 768x1024");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_preview_lists_every_error, scene_test_setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_preview_fits_every_shape, scene_test_setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

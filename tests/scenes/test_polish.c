// Polish of the menu screens, driven headless through the real engine: a new
// name entered with the on-screen keyboard by controller alone and by mouse
// alone, its limits, the scrolling pack description (wheel, drag, focus and
// Up/Down) and one-line titles.

#include <SDL.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/str.h"
#include "engine/png_io.h"
#include "quiz/pack_library.h"
#include "quiz/pack_load.h"
#include "scene_test_support.h"
#include "scenes/app.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "support/test_support.h"

#define PACK_HEAD                                                                          \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                           \
  "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"%s\" version=\"1\" xml:lang=\"en\">\n"  \
  "  <title>%s</title>\n"                                                                  \
  "  <description>%s</description>\n"                                                      \
  "  <item id=\"r1\" answer=\"real\"><headline>Real one</headline>\n"                      \
  "    <source outlet=\"The Paper\" date=\"2020-01-02\" url=\"https://example.org/a\"/>\n" \
  "    <explanation>It was reported.</explanation></item>\n"                               \
  "  <item id=\"r2\" answer=\"real\"><headline>Real two</headline>\n"                      \
  "    <source outlet=\"The Paper\" date=\"2021\" url=\"https://example.org/b\"/>\n"       \
  "    <explanation>It was reported too.</explanation></item>\n"                           \
  "  <item id=\"f1\" answer=\"fabricated\"><headline>Fake one</headline>\n"                \
  "    <explanation>Made up.</explanation><technique>emotion</technique></item>\n"         \
  "  <item id=\"f2\" answer=\"fabricated\"><headline>Fake two</headline>\n"                \
  "    <explanation>Made up too.</explanation><technique>conspiracy</technique></item>\n"  \
  "</quizpack>\n"

typedef SceneTestFixture Fixture;

static App *open_app(Fixture *f) {
  return scene_test_app_create(f, &(SceneTestAppOptions){.seed = 7, .wall_base_ms = 1700000000000});
}

static void write_pack(const char *dir, const char *file, const char *id, const char *title, const char *desc) {
  char *xml = xasprintf(PACK_HEAD, id, title, desc);
  free(test_write_file(dir, file, xml));
  free(xml);
}

static int setup(void **state) {
  Fixture *f = scene_test_fixture_create();
  char *packs = fs_join(f->dir, "packs");
  assert_true(fs_mkdir_p(packs));
  write_pack(packs, "short.xml", "short", "Aa short pack", "Four headlines.");
  StrBuf b = {0};
  for (int i = 1; i <= 20; i++) {
    strbuf_appendf(&b, "Sentence %d of a long description that a teacher wrote for this pack. ", i);
  }
  char *desc = strbuf_take(&b);
  write_pack(packs, "long.xml", "long", "Ab long pack", desc);
  free(desc);
  free(packs);
  f->app = open_app(f);
  *state = f;
  return 0;
}

// ---- driving -----------------------------------------------------------------

// Pointer events one frame apart, so a press and a drag are seen as such.
static void mouse_move(App *app, float lx, float ly) {
  scene_test_push_mouse_move(app, lx, ly);
  scene_test_steps(app, 1);
}

static void mouse_button(App *app, float lx, float ly, bool down) {
  scene_test_push_mouse_button(app, lx, ly, down);
  scene_test_steps(app, 1);
}

static void click(App *app, float lx, float ly) {
  mouse_move(app, lx, ly);
  mouse_button(app, lx, ly, true);
  mouse_button(app, lx, ly, false);
}

static void wheel(App *app, float notches) {
  SDL_Event ev = {0};
  ev.type = SDL_MOUSEWHEEL;
  ev.wheel.y = (Sint32)notches;
  ev.wheel.preciseY = notches;
  ev.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
  SDL_PushEvent(&ev);
  scene_test_steps(app, 1);
}

static void click_button(App *app, const char *label) {
  Rect r = scene_test_button_labelled(app, label)->rect;
  click(app, r.x + r.w / 2, r.y + r.h / 2);
}

// Moves the controller focus onto the button labelled `label` with the
// D-pad alone, the way a player would: towards it, one press at a time.
static void pad_to(App *app, const char *label) {
  for (int guard = 0; guard < 40; guard++) {
    UiForm *form = scene_test_top_form(app);
    const UiButton *target = scene_test_button_labelled(app, label);
    assert_true(form->focus >= 0);
    const UiButton *at = &form->buttons[form->focus];
    if (at->id == target->id) {
      return;
    }
    float dx = (target->rect.x + target->rect.w / 2) - (at->rect.x + at->rect.w / 2);
    float dy = (target->rect.y + target->rect.h / 2) - (at->rect.y + at->rect.h / 2);
    if (fabsf(dy) > fminf(at->rect.h, target->rect.h) / 2) {
      scene_test_menu_pad(app, dy < 0 ? SDL_CONTROLLER_BUTTON_DPAD_UP : SDL_CONTROLLER_BUTTON_DPAD_DOWN);
    } else {
      scene_test_menu_pad(app, dx < 0 ? SDL_CONTROLLER_BUTTON_DPAD_LEFT : SDL_CONTROLLER_BUTTON_DPAD_RIGHT);
    }
  }
  fail_msg("the D-pad never reached '%s'", label);
}

// Packs screen, list focused: selects `file` with Down/Up.
static void select_pack(App *app, const char *file) {
  size_t row = scene_test_library_index(app, file);
  UiForm *form = scene_test_top_form(app);
  assert_non_null(form->list);
  for (int guard = 0; guard < 20 && form->list->selected != row; guard++) {
    scene_test_menu_key(app, form->list->selected < row ? SDLK_DOWN : SDLK_UP);
  }
  assert_int_equal(form->list->selected, row);
}

// From a fresh app to the player screen of the short pack, nobody chosen yet.
static void open_player_screen(App *app) {
  assert_true(app_start(app, "packs", NULL));
  scene_test_steps(app, 2);
  select_pack(app, "short.xml");
  scene_test_menu_key(app, SDLK_RETURN);
  assert_string_equal(scene_test_top(app), "player");
  assert_null(app->player_name);
}

// The RGBA pixels of logical rect `r` on the current frame (owned), and their byte count.
static uint8_t *grab(Fixture *f, Rect r, size_t *size) {
  char *path = fs_join(f->dir, "grab.png");
  char *err = NULL;
  assert_true(engine_save_screenshot(f->app->engine, path, &err));
  uint8_t *px = NULL;
  int w = 0, h = 0;
  assert_true(png_read_rgba(path, &px, &w, &h, &err));
  Rect p = view_rect_to_px(engine_view(f->app->engine), r);
  int x0 = (int)p.x, y0 = (int)p.y, cw = (int)p.w, ch = (int)p.h;
  assert_true(x0 >= 0 && y0 >= 0 && x0 + cw <= w && y0 + ch <= h && cw > 0 && ch > 0);
  uint8_t *out = xmalloc((size_t)cw * (size_t)ch * 4);
  for (int y = 0; y < ch; y++) {
    memcpy(out + (size_t)y * (size_t)cw * 4, px + ((size_t)(y0 + y) * (size_t)w + (size_t)x0) * 4, (size_t)cw * 4);
  }
  *size = (size_t)cw * (size_t)ch * 4;
  free(px);
  free(path);
  return out;
}

static bool same_pixels(Fixture *f, Rect r, const uint8_t *ref, size_t ref_size) {
  size_t size = 0;
  uint8_t *now = grab(f, r, &size);
  bool same = size == ref_size && memcmp(now, ref, size) == 0;
  free(now);
  return same;
}

// ---- on-screen keyboard ---------------------------------------------------------

static void test_controller_types_a_new_name(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  open_player_screen(app);
  // Names are capitalised like names: "A", then lower case.
  pad_to(app, "A");
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_A);
  pad_to(app, "n");
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_A);
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_A);  // a second "n" ...
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_X);  // ... erased with X
  pad_to(app, "a");
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_A);
  pad_to(app, "Start the round");
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_A);
  scene_test_pass_forewarning(app, SCENE_TEST_PAD);
  assert_string_equal(app->player_name, "Ana");
  assert_string_equal(app->pack->id, "short");
}

static void test_mouse_types_a_new_name(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  open_player_screen(app);
  click_button(app, "A");
  click_button(app, "n");
  click_button(app, "Space");
  click_button(app, "Erase");
  click_button(app, "a");
  click_button(app, "Start the round");
  scene_test_pass_forewarning(app, SCENE_TEST_MOUSE);
  assert_string_equal(app->player_name, "Ana");
}

static void test_keyboard_limits(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  open_player_screen(app);
  // Empty: refused, the screen stays.
  click_button(app, "Start the round");
  assert_string_equal(scene_test_top(app), "player");
  assert_null(app->player_name);
  // Shift makes the first letter lower case; after a hyphen letters are capitals again.
  click_button(app, "Shift");
  assert_true(scene_test_button_labelled(app, "Shift")->selected);
  click_button(app, "b");
  assert_false(scene_test_button_labelled(app, "Shift")->selected);
  click_button(app, "-");
  click_button(app, "J");
  click_button(app, "o");
  // Up to STORE_PLAYER_NAME_MAX characters; more presses are ignored.
  for (int i = 0; i < STORE_PLAYER_NAME_MAX; i++) {
    click_button(app, "7");
  }
  click_button(app, "Start the round");
  scene_test_pass_forewarning(app, SCENE_TEST_MOUSE);
  char expected[STORE_PLAYER_NAME_MAX + 1] = "b-Jo";
  memset(expected + 4, '7', STORE_PLAYER_NAME_MAX - 4);
  expected[STORE_PLAYER_NAME_MAX] = '\0';
  assert_string_equal(app->player_name, expected);
}

static void test_physical_keyboard_still_works(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  open_player_screen(app);
  scene_test_push_text(app, "Zo");
  scene_test_steps(app, 1);
  scene_test_menu_key(app, SDLK_RETURN);  // Start is focused first: Enter starts
  scene_test_pass_forewarning(app, SCENE_TEST_KEYBOARD);
  assert_string_equal(app->player_name, "Zo");
}

// ---- pack description -----------------------------------------------------------

static void test_description_scrolls(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "packs", NULL));
  scene_test_steps(app, 2);
  select_pack(app, "short.xml");
  assert_true(scene_test_button_labelled(app, "Description")->disabled);  // short: nothing to scroll
  select_pack(app, "long.xml");
  const UiButton *desc = scene_test_button_labelled(app, "Description");
  assert_false(desc->disabled);
  Rect area = rect_inset(desc->rect, 8);  // inside the focus ring
  int desc_id = desc->id;
  size_t size = 0;
  uint8_t *top_px = grab(f, area, &size);

  // Wheel over the card scrolls; back up restores the top exactly.
  mouse_move(app, area.x + area.w / 2, area.y + area.h / 2);
  wheel(app, -1);
  assert_false(same_pixels(f, area, top_px, size));
  wheel(app, 1);
  assert_true(same_pixels(f, area, top_px, size));

  // A drag (mouse or finger) moves the text with the pointer.
  float cx = area.x + area.w / 2, cy = area.y + area.h * 0.75f;
  mouse_move(app, cx, cy);
  mouse_button(app, cx, cy, true);
  mouse_move(app, cx, cy - 150);
  mouse_button(app, cx, cy - 150, false);
  assert_false(same_pixels(f, area, top_px, size));
  assert_string_equal(scene_test_top(app), "packs");  // a drag starts nothing
  mouse_button(app, cx, cy - 150, true);
  mouse_move(app, cx, cy);
  mouse_button(app, cx, cy, false);
  assert_true(same_pixels(f, area, top_px, size));

  // Keyboard / controller: focus the panel, Down scrolls, Up returns.
  UiForm *form = scene_test_top_form(app);
  assert_int_equal(ui_form_focused_id(form), UI_FOCUS_LIST);
  scene_test_menu_key(app, SDLK_RIGHT);
  assert_int_equal(ui_form_focused_id(form), desc_id);
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_DPAD_DOWN);
  assert_int_equal(ui_form_focused_id(form), desc_id);
  assert_false(same_pixels(f, area, top_px, size));
  scene_test_menu_pad(app, SDL_CONTROLLER_BUTTON_DPAD_UP);
  assert_true(same_pixels(f, area, top_px, size));
  // At the end of the text Down moves on to the buttons below.
  int presses = 0;
  while (ui_form_focused_id(form) == desc_id && presses < 50) {
    scene_test_menu_key(app, SDLK_DOWN);
    presses++;
  }
  assert_true(presses > 1);
  assert_true(presses < 50);
  const UiButton *play = scene_test_button_labelled(app, "Play");
  const UiButton *scores = scene_test_button_labelled(app, "High scores");
  int now = ui_form_focused_id(form);
  assert_true(now == play->id || now == scores->id);
  free(top_px);
}

// ---- one-line text --------------------------------------------------------------

static void test_title_fits_one_line(void **state) {
  Fixture *f = *state;
  App *app = f->app;
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 2);
  Ui ui = app_ui(app);
  TextStyle st = ui_text_style(&ui, THEME_TEXT_TITLE, app->theme.text);
  st.weight = TEXT_WEIGHT_BOLD;
  const char *title = "MIST-20: Misinformation Susceptibility Test";
  float full_w = text_measure(app->engine, title, &st).w;
  Rect box = {0, 0, 1000, 120};
  assert_true(full_w > box.w);
  // Shrunk just enough to fit on one line.
  float size = ui_text_line(&ui, title, &st, box, 30);
  assert_true(size < st.size);
  assert_true(size >= 30);
  TextStyle at = st;
  at.size = size;
  assert_true(text_measure(app->engine, title, &at).w <= box.w);
  assert_true(text_measure(app->engine, title, &at).h < 2 * text_line_height(app->engine, &at));
  // Too long even at the smallest size: cut (the minimum is kept, nothing wraps).
  Rect narrow = {0, 0, 300, 120};
  assert_true(ui_text_line(&ui, title, &st, narrow, 30) == 30);
  // Short titles keep their size.
  assert_true(ui_text_line(&ui, "Settings", &st, box, 30) == st.size);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_controller_types_a_new_name, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_mouse_types_a_new_name, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_keyboard_limits, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_physical_keyboard_still_works, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_description_scrolls, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_title_fits_one_line, setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

// Screenshots: draw known colours, save PNG, read back with libpng.
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/str.h"
#include "engine/png_io.h"
#include "engine_tests.h"

static void assert_pixel(const uint8_t *px, int w, int x, int y, uint32_t rgb) {
  const uint8_t *p = px + ((size_t)y * (size_t)w + (size_t)x) * 4;
  uint32_t got = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
  if (got != rgb || p[3] != 255) {
    fail_msg("pixel (%d,%d) is %06x/%u, expected %06x", x, y, got, p[3], rgb);
  }
}

static void test_screenshot_pixels(void **state) {
  (void)state;
  char *dir = test_tmpdir();
  Engine *e = test_engine_new(NULL, NULL);
  engine_push_scene(e, &demo_scene, demo_create("shot", DEMO_DRAW_QUADRANTS));
  engine_step(e);

  char *path = fs_join(dir, "a.png");
  char *err = NULL;
  assert_true(engine_save_screenshot(e, path, &err));
  uint8_t *px;
  int w, h;
  assert_true(png_read_rgba(path, &px, &w, &h, &err));
  assert_int_equal(w, 1280);
  assert_int_equal(h, 720);
  assert_pixel(px, w, 10, 10, 0xFF0000);  // top-left quarter: red
  assert_pixel(px, w, 639, 359, 0xFF0000);
  assert_pixel(px, w, 640, 360, 0x0000FF);  // elsewhere: blue
  assert_pixel(px, w, 1279, 10, 0x0000FF);
  free(px);
  free(path);

  // 1280x800 (16:10): no bars, the canvas fills the output, so the quarter
  // the scene draws from the canvas size is a quarter of the picture.
  engine_set_window_size(e, 1280, 800);
  engine_step(e);
  path = fs_join(dir, "b.png");
  assert_true(engine_save_screenshot(e, path, &err));
  assert_true(png_read_rgba(path, &px, &w, &h, &err));
  assert_int_equal(h, 800);
  assert_pixel(px, w, 600, 0, 0xFF0000);
  assert_pixel(px, w, 638, 398, 0xFF0000);
  assert_pixel(px, w, 642, 402, 0x0000FF);
  assert_pixel(px, w, 600, 799, 0x0000FF);
  assert_pixel(px, w, 1279, 0, 0x0000FF);
  free(px);
  free(path);

  // An unwritable path is an error message, not a crash.
  assert_false(engine_save_screenshot(e, "/nonexistent-dir/x.png", &err));
  assert_non_null(err);
  free(err);
  engine_destroy(e);
  test_rmtree(dir);
  free(dir);
}

static void test_screenshot_option_and_icon(void **state) {
  (void)state;
  char *dir = test_tmpdir();
  // A 2x2 icon written with our own writer, then used as the window icon.
  const uint8_t icon[16] = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255};
  char *icon_path = fs_join(dir, "icon.png");
  char *err = NULL;
  assert_true(png_write_rgba(icon_path, icon, 2, 2, 8, &err));

  char *shot = fs_join(dir, "first.png");
  EngineConfig cfg = engine_config_default();
  cfg.icon_path = icon_path;
  cfg.screenshot_path = shot;
  cfg.width = 960;
  cfg.height = 540;
  Engine *e = test_engine_with(&cfg);
  engine_push_scene(e, &demo_scene, demo_create("first", DEMO_DRAW_QUADRANTS));
  engine_run(e);  // returns after the first complete frame
  assert_true(engine_quitting(e));
  assert_int_equal(engine_stats(e).frames_drawn, 1);
  engine_destroy(e);
  uint8_t *px;
  int w, h;
  assert_true(png_read_rgba(shot, &px, &w, &h, &err));
  assert_int_equal(w, 960);
  assert_pixel(px, w, 5, 5, 0xFF0000);
  assert_pixel(px, w, 900, 500, 0x0000FF);
  free(px);

  // A missing icon is fine; a broken one is only a warning.
  char *bad = test_write_file(dir, "bad.png", "not a png");
  cfg = engine_config_default();
  cfg.icon_path = bad;
  e = test_engine_with(&cfg);
  engine_destroy(e);
  cfg.icon_path = "/nonexistent/icon.png";
  e = test_engine_with(&cfg);
  engine_destroy(e);
  assert_false(png_read_rgba(bad, &px, &w, &h, &err));
  free(err);
  free(bad);
  free(shot);
  free(icon_path);
  test_rmtree(dir);
  free(dir);
}

static void test_missing_fonts_is_an_error(void **state) {
  (void)state;
  EngineConfig cfg = engine_config_default();
  cfg.font_dir = "/nonexistent/fonts";
  cfg.fonts = test_fonts(&cfg.nfonts);
  char *err = NULL;
  Engine *e = engine_create(&cfg, &err);
  assert_null(e);
  assert_non_null(err);
  assert_non_null(strstr(err, "DejaVuSans.ttf"));
  free(err);
  // The fonts are the game's to name: none given is an error, not a default.
  char *src = test_source_path("assets/fonts");
  cfg.font_dir = src;
  cfg.fonts = NULL;
  cfg.nfonts = 0;
  e = engine_create(&cfg, &err);
  assert_null(e);
  assert_non_null(strstr(err, "fonts must be given"));
  free(err);
  // A font the game names is the one loaded: a missing name is reported.
  const EngineFont only[] = {{"NoSuchFace.ttf", false, NULL}};
  cfg.fonts = only;
  cfg.nfonts = 1;
  e = engine_create(&cfg, &err);
  assert_null(e);
  assert_non_null(strstr(err, "NoSuchFace.ttf"));
  free(err);
  free(src);
  engine_destroy(NULL);
}

static void test_shapes_and_icons_draw(void **state) {
  (void)state;
  Engine *e = test_engine_new(NULL, NULL);
  engine_set_window_size(e, 3840, 2160);
  engine_push_scene(e, &demo_scene, demo_create("full", DEMO_DRAW_FULL));
  engine_step(e);
  SDL_Renderer *r = engine_renderer(e);
  // Each shape paints inside its own box and nowhere else.
  for (int i = 0; i < DRAW_ICON_COUNT + 4; i++) {
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    Rect box = {100, 100, 200, 200};
    Color white = color_rgb(0xFFFFFF);
    if (i < DRAW_ICON_COUNT) {
      draw_icon(e, (DrawIcon)i, box, white);
    } else if (i == DRAW_ICON_COUNT) {
      draw_round_rect(e, box, 40, white);
    } else if (i == DRAW_ICON_COUNT + 1) {
      draw_round_rect_outline(e, box, 40, 6, white);
    } else if (i == DRAW_ICON_COUNT + 2) {
      draw_bar(e, box, 0.25f, white, color_rgba(0), true);
    } else {
      draw_rect_outline(e, box, 4, white);
    }
    const View *v = engine_view(e);
    uint8_t *px = xmalloc((size_t)v->out_w * (size_t)v->out_h * 4);
    assert_int_equal(SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGBA32, px, v->out_w * 4), 0);
    int inside = 0, outside = 0;
    for (int y = 0; y < 800; y++) {
      for (int x = 0; x < 800; x++) {
        bool lit = px[((size_t)y * (size_t)v->out_w + (size_t)x) * 4] > 0;
        bool in = x >= 198 && x < 602 && y >= 198 && y < 602;  // box at 2x, 1 px slack
        inside += lit && in;
        outside += lit && !in;
      }
    }
    if (inside < 500 || outside != 0) {
      fail_msg("shape %d: %d px inside, %d outside", i, inside, outside);
    }
    if (i == DRAW_ICON_COUNT + 2) {
      // An RTL bar fills from the right: the left part of the box is empty.
      assert_int_equal(px[((size_t)400 * (size_t)v->out_w + 250) * 4], 0);
      assert_true(px[((size_t)400 * (size_t)v->out_w + 580) * 4] > 0);
    }
    free(px);
  }
  engine_destroy(e);
}

int run_screenshot_tests(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_screenshot_pixels),
      cmocka_unit_test(test_screenshot_option_and_icon),
      cmocka_unit_test(test_missing_fonts_is_an_error),
      cmocka_unit_test(test_shapes_and_icons_draw),
  };
  return cmocka_run_group_tests_name("draw", tests, NULL, NULL);
}

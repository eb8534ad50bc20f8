// The logical canvas transform and the clock: pure arithmetic.
#include <math.h>

#include "engine/clock.h"
#include "engine/view.h"
#include "engine_tests.h"

static void assert_near(float a, float b) {
  if (fabsf(a - b) > 0.01f) {
    fail_msg("%f != %f", (double)a, (double)b);
  }
}

static void test_view_720p(void **state) {
  (void)state;
  View v = view_make(1280, 720, 1280, 720);
  assert_near(v.scale, 1280.0f / 1920.0f);
  assert_near(v.w, 1920);
  assert_near(v.h, 1080);
  assert_near(view_px_x(&v, 1920), 1280);
  assert_near(view_px_y(&v, 1080), 720);
  float lx, ly;
  view_px_to_logical(&v, 640, 360, &lx, &ly);
  assert_near(lx, 960);
  assert_near(ly, 540);
}

static void test_view_1366x768(void **state) {
  (void)state;
  // Not exactly 16:9: the canvas is as wide as the output, 1921 units.
  View v = view_make(1366, 768, 1366, 768);
  assert_near(v.scale, 768.0f / 1080.0f);
  assert_near(v.h, 1080);
  assert_near(v.w, 1366.0f * 1080.0f / 768.0f);
  float lx, ly;
  view_px_to_logical(&v, view_px_x(&v, 123.5f), view_px_y(&v, 987.25f), &lx, &ly);
  assert_near(lx, 123.5f);
  assert_near(ly, 987.25f);
}

// Every shape fills the output: no bars. The canvas is at least
// VIEW_MIN_W x VIEW_MIN_H and exactly that in one direction.
static void test_view_any_shape_without_bars(void **state) {
  (void)state;
  View v = view_make(3840, 2160, 3840, 2160);
  assert_near(v.scale, 2.0f);
  Rect r = view_rect_to_px(&v, (Rect){10, 20, 30, 40});
  assert_near(r.x, 20);
  assert_near(r.y, 40);
  assert_near(r.w, 60);
  assert_near(r.h, 80);
  struct {
    int w, h;
    float lw, lh;
  } shapes[] = {
      {1024, 768, 1440, 1080},   // 4:3 projector: all of it
      {1280, 800, 1728, 1080},   // 16:10
      {2560, 1080, 2560, 1080},  // 21:9
      {768, 1024, 1440, 1920},   // portrait tablet
      {1920, 1080, 1920, 1080},
  };
  for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
    View s = view_make(shapes[i].w, shapes[i].h, shapes[i].w, shapes[i].h);
    assert_near(s.w, shapes[i].lw);
    assert_near(s.h, shapes[i].lh);
    assert_true(s.w >= VIEW_MIN_W - 0.01f && s.h >= VIEW_MIN_H - 0.01f);
    // The canvas covers the output exactly.
    assert_near(view_px_x(&s, s.w), (float)shapes[i].w);
    assert_near(view_px_y(&s, s.h), (float)shapes[i].h);
    float lx, ly;
    view_px_to_logical(&s, 1, 1, &lx, &ly);
    assert_true(view_in_canvas(&s, lx, ly));
    view_px_to_logical(&s, (float)shapes[i].w - 1, (float)shapes[i].h - 1, &lx, &ly);
    assert_true(view_in_canvas(&s, lx, ly));
    assert_false(view_in_canvas(&s, -1, 0));
  }
  // At the smallest window the engine allows, small text (30 units) is
  // still at least 13 pixels.
  View small = view_make(VIEW_MIN_WINDOW_W, VIEW_MIN_WINDOW_H, VIEW_MIN_WINDOW_W, VIEW_MIN_WINDOW_H);
  assert_true(30.0f * small.scale >= 13.0f);
}

static void test_view_hidpi_window_coords(void **state) {
  (void)state;
  // A 1280x720-point window backed by 2560x1440 pixels.
  View v = view_make(2560, 1440, 1280, 720);
  assert_near(v.scale, 2560.0f / 1920.0f);
  float lx, ly;
  view_window_to_logical(&v, 640, 360, &lx, &ly);
  assert_near(lx, 960);
  assert_near(ly, 540);
  view_window_to_logical(&v, 1280, 720, &lx, &ly);
  assert_near(lx, 1920);
  assert_near(ly, 1080);
  // Degenerate sizes do not divide by zero.
  View z = view_make(0, 0, 0, 0);
  view_window_to_logical(&z, 10, 10, &lx, &ly);
  assert_near(lx, 0);
}

static void test_rect_helpers(void **state) {
  (void)state;
  Rect r = {10, 20, 100, 50};
  assert_true(rect_contains(r, 10, 20));
  assert_true(rect_contains(r, 109.9f, 69.9f));
  assert_false(rect_contains(r, 110, 30));
  assert_false(rect_contains(r, 50, 70));
  Rect in = rect_inset(r, 5);
  assert_near(in.x, 15);
  assert_near(in.w, 90);
  Rect c = rect_center(r, 20, 10);
  assert_near(c.x, 50);
  assert_near(c.y, 40);
}

static void test_manual_clock(void **state) {
  (void)state;
  Clock c = clock_manual(1000);
  assert_int_equal(clock_now_ms(&c), 1000);
  clock_advance(&c, 250);
  assert_int_equal(clock_now_ms(&c), 1250);
  clock_set(&c, 5000);
  assert_int_equal(clock_now_ms(&c), 5000);
  // The real clock moves on its own and never goes back.
  Clock r = clock_real();
  uint64_t a = clock_now_ms(&r);
  uint64_t b = clock_now_ms(&r);
  assert_true(b >= a);
}

int run_view_tests(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_view_720p),
      cmocka_unit_test(test_view_1366x768),
      cmocka_unit_test(test_view_any_shape_without_bars),
      cmocka_unit_test(test_view_hidpi_window_coords),
      cmocka_unit_test(test_rect_helpers),
      cmocka_unit_test(test_manual_clock),
  };
  return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}

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
  assert_near(v.off_x, 0);
  assert_near(v.off_y, 0);
  assert_near(view_px_x(&v, 1920), 1280);
  assert_near(view_px_y(&v, 1080), 720);
  float lx, ly;
  view_px_to_logical(&v, 640, 360, &lx, &ly);
  assert_near(lx, 960);
  assert_near(ly, 540);
}

static void test_view_1366x768(void **state) {
  (void)state;
  // Not exactly 16:9: 1366/1920 = 0.71146 but 768/1080 = 0.71111, so the
  // height limits; the canvas is 1365.3 px wide and the 0.67 px left over is
  // not worth a bar (offsets are whole pixels).
  View v = view_make(1366, 768, 1366, 768);
  assert_near(v.scale, 768.0f / 1080.0f);
  assert_near(v.off_x, 0);
  assert_near(v.off_y, 0);
  // Round trip of a point.
  float lx, ly;
  view_px_to_logical(&v, view_px_x(&v, 123.5f), view_px_y(&v, 987.25f), &lx, &ly);
  assert_near(lx, 123.5f);
  assert_near(ly, 987.25f);
}

static void test_view_4k_and_letterbox(void **state) {
  (void)state;
  View v = view_make(3840, 2160, 3840, 2160);
  assert_near(v.scale, 2.0f);
  assert_near(v.off_x, 0);
  assert_near(v.off_y, 0);
  Rect r = view_rect_to_px(&v, (Rect){10, 20, 30, 40});
  assert_near(r.x, 20);
  assert_near(r.y, 40);
  assert_near(r.w, 60);
  assert_near(r.h, 80);
  // 4:3 window: bars top and bottom.
  View lb = view_make(1024, 768, 1024, 768);
  assert_near(lb.scale, 1024.0f / 1920.0f);
  assert_near(lb.off_x, 0);
  assert_near(lb.off_y, 96);  // (768 - 576) / 2
  // Ultra-wide: bars left and right.
  View pb = view_make(2560, 720, 2560, 720);
  assert_near(pb.scale, 720.0f / 1080.0f);
  assert_near(pb.off_x, 640);  // (2560 - 1280) / 2
  float lx, ly;
  view_px_to_logical(&pb, 100, 100, &lx, &ly);
  assert_true(lx < 0);
  assert_false(view_in_canvas(lx, ly));
  view_px_to_logical(&pb, 1280, 360, &lx, &ly);
  assert_near(lx, 960);
  assert_near(ly, 540);
  assert_true(view_in_canvas(lx, ly));
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
      cmocka_unit_test(test_view_4k_and_letterbox),
      cmocka_unit_test(test_view_hidpi_window_coords),
      cmocka_unit_test(test_rect_helpers),
      cmocka_unit_test(test_manual_clock),
  };
  return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}

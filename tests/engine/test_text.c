// Text: cache behaviour, wrapping, right-to-left Arabic, fitting.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "engine_tests.h"

static void test_steady_frame_rasterises_nothing(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = test_engine_new(&log, NULL);
  engine_push_scene(e, &demo_scene, demo_create("text", DEMO_DRAW_TEXT));
  assert_true(engine_step(e));
  EngineStats s1 = engine_stats(e);
  assert_int_equal(s1.frames_drawn, 1);
  assert_true(s1.text_rasterisations >= 4);  // four strings on the screen
  engine_request_redraw(e);
  assert_true(engine_step(e));
  EngineStats s2 = engine_stats(e);
  assert_int_equal(s2.frames_drawn, 2);
  assert_int_equal(s2.text_rasterisations, s1.text_rasterisations);  // the steady frame: zero
  assert_true(s2.text_cache_hits >= s1.text_cache_hits + 4);
  engine_destroy(e);
}

static void test_lru_eviction_respects_cap(void **state) {
  (void)state;
  Engine *e = test_engine_new(NULL, NULL);
  TextStyle st = text_style(40, color_rgb(0xFFFFFF), "en");
  // DejaVu digits share one advance width, so these all make same-size textures.
  char s[5][16];
  for (int i = 0; i < 5; i++) {
    snprintf(s[i], sizeof s[i], "item %d%d", i, i);
  }
  text_measure(e, s[0], &st);
  EngineStats base = engine_stats(e);
  size_t one = base.text_cache_bytes;
  assert_true(one > 0);
  engine_set_text_cache_cap(e, one * 3);
  text_measure(e, s[1], &st);
  text_measure(e, s[2], &st);
  assert_int_equal(engine_stats(e).text_cache_evictions, 0);
  text_measure(e, s[0], &st);  // s0 becomes the most recent; s1 is now the oldest
  text_measure(e, s[3], &st);  // over the cap: evicts s1
  EngineStats after = engine_stats(e);
  assert_int_equal(after.text_cache_evictions, 1);
  assert_true(after.text_cache_bytes <= one * 3);
  uint64_t r = after.text_rasterisations;
  text_measure(e, s[0], &st);  // still cached
  assert_int_equal(engine_stats(e).text_rasterisations, r);
  text_measure(e, s[1], &st);  // was evicted: rendered again
  assert_int_equal(engine_stats(e).text_rasterisations, r + 1);
  // Many distinct strings never exceed the cap.
  for (int i = 0; i < 40; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "line %02d", i);
    text_measure(e, buf, &st);
    assert_true(engine_stats(e).text_cache_bytes <= one * 3);
  }
  // A cap lowered later evicts at once.
  engine_set_text_cache_cap(e, one);
  assert_true(engine_stats(e).text_cache_bytes <= one);
  engine_destroy(e);
}

static void test_resize_rerasterises_at_new_size(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = test_engine_new(&log, NULL);
  engine_push_scene(e, &demo_scene, demo_create("text", DEMO_DRAW_TEXT));
  engine_step(e);
  TextStyle st = text_style(48, color_rgb(0xFFFFFF), "en");
  TextSize small = text_measure(e, "Is this headline real?", &st);
  uint64_t r1 = engine_stats(e).text_rasterisations;
  uint64_t f1 = engine_stats(e).frames_drawn;
  engine_set_window_size(e, 3840, 2160);
  engine_step(e);
  assert_int_equal(engine_view(e)->out_w, 3840);
  assert_true(engine_stats(e).frames_drawn > f1);  // a resize redraws
  uint64_t r2 = engine_stats(e).text_rasterisations;
  assert_true(r2 >= r1 + 4);  // everything rendered again, at 3x the pixels
  // Same logical size within rounding, three times the pixels.
  TextSize big = text_measure(e, "Is this headline real?", &st);
  assert_true(fabsf(big.w - small.w) / small.w < 0.03f);
  assert_true(fabsf(big.h - small.h) / small.h < 0.05f);
  engine_request_redraw(e);
  engine_step(e);
  assert_int_equal(engine_stats(e).text_rasterisations, r2);  // steady again
  engine_destroy(e);
}

static void test_wrap_and_too_long_word(void **state) {
  (void)state;
  Engine *e = test_engine_new(NULL, NULL);
  TextStyle st = text_style(36, color_rgb(0xFFFFFF), "en");
  float line = text_line_height(e, &st);
  assert_true(line > 30 && line < 60);
  TextSize one = text_measure(e, "Short words wrap onto several lines here", &st);
  st.wrap_width = 300;
  TextSize wrapped = text_measure(e, "Short words wrap onto several lines here", &st);
  assert_true(wrapped.w <= 300.5f);
  assert_true(wrapped.h >= 2 * line - 1);
  assert_true(wrapped.h > one.h);
  // One word far wider than the wrap width: no crash, no abort, something drawn.
  char word[401];
  memset(word, 'W', 400);
  word[400] = '\0';
  st.wrap_width = 120;
  TextSize big = text_measure(e, word, &st);
  assert_true(big.w > 0 && big.h > 0);
  TextSize drawn = text_draw(e, word, &st, (Rect){0, 0, 120, 100});
  assert_true(drawn.w > 0);
  // Newlines break lines even without a wrap width.
  st.wrap_width = 0;
  TextSize two = text_measure(e, "first\nsecond", &st);
  assert_true(two.h >= 2 * line - 1);
  // Empty and invalid text: harmless.
  TextSize empty = text_measure(e, "", &st);
  assert_true(empty.w == 0 && empty.h > 0);
  TextSize bad = text_draw(e, "\xff\xfe broken", &st, (Rect){0, 0, 100, 100});
  assert_true(bad.w == 0);
  engine_destroy(e);
}

// Reads the current frame's pixels in RGBA (owned).
static uint8_t *read_frame(Engine *e, int *w, int *h) {
  const View *v = engine_view(e);
  *w = v->out_w;
  *h = v->out_h;
  uint8_t *px = xmalloc((size_t)*w * (size_t)*h * 4);
  assert_int_equal(SDL_RenderReadPixels(engine_renderer(e), NULL, SDL_PIXELFORMAT_RGBA32, px, *w * 4), 0);
  return px;
}

// Count of bright pixels in output columns [x0, x1), rows [y0, y1).
static int ink(const uint8_t *px, int w, int x0, int x1, int y0, int y1) {
  int n = 0;
  for (int y = y0; y < y1; y++) {
    for (int x = x0; x < x1; x++) {
      n += px[((size_t)y * (size_t)w + (size_t)x) * 4] > 128;
    }
  }
  return n;
}

static void test_rtl_arabic(void **state) {
  (void)state;
  Engine *e = test_engine_new(NULL, NULL);
  const char *ar_text = "هل هذا العنوان حقيقي؟";
  TextStyle ar = text_style(48, color_rgb(0xFFFFFF), "ar");
  assert_string_equal(text_face_file(&ar), "NotoSansArabic-Regular.ttf");
  ar.weight = TEXT_WEIGHT_BOLD;
  assert_string_equal(text_face_file(&ar), "NotoSansArabic-Bold.ttf");
  ar.weight = TEXT_WEIGHT_REGULAR;
  TextStyle en = text_style(48, color_rgb(0xFFFFFF), "en");
  assert_string_equal(text_face_file(&en), "DejaVuSans.ttf");
  TextSize s = text_measure(e, ar_text, &ar);
  assert_true(s.w > 100 && s.h > 20);
  // The Arabic face shapes it differently from DejaVu's fallback glyphs.
  TextSize with_latin_face = text_measure(e, ar_text, &en);
  assert_true(fabsf(with_latin_face.w - s.w) > 1.0f);

  // START means right for Arabic: drawn at the right end of a wide box.
  SDL_Renderer *r = engine_renderer(e);
  SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
  SDL_RenderClear(r);
  text_draw(e, ar_text, &ar, (Rect){0, 0, VIEW_LOGICAL_W, 100});
  int w, h;
  uint8_t *px = read_frame(e, &w, &h);
  int left = ink(px, w, 0, w / 2, 0, h / 4);
  int right = ink(px, w, w / 2, w, 0, h / 4);
  assert_int_equal(left, 0);
  assert_true(right > 100);
  free(px);
  // And left for English.
  SDL_RenderClear(r);
  text_draw(e, "Is this real?", &en, (Rect){0, 0, VIEW_LOGICAL_W, 100});
  px = read_frame(e, &w, &h);
  assert_true(ink(px, w, 0, w / 2, 0, h / 4) > 100);
  assert_int_equal(ink(px, w, w / 2, w, 0, h / 4), 0);
  free(px);
  engine_destroy(e);
}

static void test_fit(void **state) {
  (void)state;
  Engine *e = test_engine_new(NULL, NULL);
  TextStyle st = text_style(96, color_rgb(0xFFFFFF), "en");
  const char *shorty = "Owls";
  const char *longer =
      "Regional transport authority announces that all weekday bus timetables will change from the first of next "
      "month, after a consultation that drew more than twelve thousand responses from residents";
  // Short text fits at the requested size.
  assert_true(text_fit(e, shorty, &st, 800, 200, 20) == 96.0f);
  float f = text_fit(e, longer, &st, 800, 300, 20);
  assert_true(f < 96 && f >= 20);
  TextStyle fitted = st;
  fitted.size = f;
  fitted.wrap_width = 800;
  // Within one output pixel (plus half a unit) of the box.
  float tol = 0.5f + 1.0f / engine_view(e)->scale;
  TextSize m = text_measure(e, longer, &fitted);
  assert_true(m.w <= 800 + tol && m.h <= 300 + tol);
  // One size larger would not fit (it is the largest).
  fitted.size = f + 1;
  TextSize over = text_measure(e, longer, &fitted);
  assert_true(over.h > 300 + tol || over.w > 800 + tol);
  // Impossible boxes give the minimum, not a crash.
  assert_true(text_fit(e, longer, &st, 50, 10, 12) == 12.0f);
  engine_destroy(e);
}

// Regression: text that wraps onto several lines is measured as wide as the
// wrap width rounded to whole output pixels, which can exceed a box with a
// fractional width by up to half a pixel. Such text must still fit at its
// full size instead of falling to the minimum.
static void test_fit_wrapped_text_at_fractional_scale(void **state) {
  (void)state;
  Engine *e = test_engine_new(NULL, NULL);
  int sizes[][2] = {{1280, 720}, {1366, 768}, {3840, 2160}};
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    engine_set_window_size(e, sizes[i][0], sizes[i][1]);
    engine_step(e);
    float scale = engine_view(e)->scale;
    // A width whose pixel size rounds up: (n + 0.6) output pixels.
    float box_w = (floorf(300.0f * scale) + 0.6f) / scale;
    TextStyle st = text_style(40, color_rgb(0xFFFFFF), "en");
    st.weight = TEXT_WEIGHT_BOLD;
    const char *label = "Seconds per question and more words";
    st.wrap_width = box_w;
    TextSize m = text_measure(e, label, &st);
    assert_true(m.h > 1.5f * text_line_height(e, &st));  // it does wrap
    assert_true(text_fit(e, label, &st, box_w, 400, 20) == 40.0f);
  }
  engine_destroy(e);
}

int run_text_tests(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_steady_frame_rasterises_nothing),
      cmocka_unit_test(test_fit_wrapped_text_at_fractional_scale),
      cmocka_unit_test(test_lru_eviction_respects_cap),
      cmocka_unit_test(test_resize_rerasterises_at_new_size),
      cmocka_unit_test(test_wrap_and_too_long_word),
      cmocka_unit_test(test_rtl_arabic),
      cmocka_unit_test(test_fit),
  };
  return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}

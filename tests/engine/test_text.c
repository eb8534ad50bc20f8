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
  assert_string_equal(text_face_file(e, &ar), "NotoSansArabic-Regular.ttf");
  ar.weight = TEXT_WEIGHT_BOLD;
  assert_string_equal(text_face_file(e, &ar), "NotoSansArabic-Bold.ttf");
  ar.weight = TEXT_WEIGHT_REGULAR;
  TextStyle en = text_style(48, color_rgb(0xFFFFFF), "en");
  assert_string_equal(text_face_file(e, &en), "DejaVuSans.ttf");
  TextSize s = text_measure(e, ar_text, &ar);
  assert_true(s.w > 100 && s.h > 20);
  // Arabic text in an English style is still drawn with the Arabic face (by
  // the bidi layout), not with DejaVu's fallback glyphs: same shaping, same width.
  TextSize in_english_style = text_measure(e, ar_text, &en);
  assert_true(fabsf(in_english_style.w - s.w) <= 1.0f);

  // START means right for Arabic: drawn at the right end of a wide box.
  SDL_Renderer *r = engine_renderer(e);
  SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
  SDL_RenderClear(r);
  text_draw(e, ar_text, &ar, (Rect){0, 0, 1920, 100});
  int w, h;
  uint8_t *px = read_frame(e, &w, &h);
  int left = ink(px, w, 0, w / 2, 0, h / 4);
  int right = ink(px, w, w / 2, w, 0, h / 4);
  assert_int_equal(left, 0);
  assert_true(right > 100);
  free(px);
  // And left for English.
  SDL_RenderClear(r);
  text_draw(e, "Is this real?", &en, (Rect){0, 0, 1920, 100});
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

// --- Mixed directions (bidi) -------------------------------------------------

// An engine whose output is the 1920x1080 canvas, so logical = output pixels.
static Engine *engine_1080(void) {
  Engine *e = test_engine_new(NULL, NULL);
  engine_set_window_size(e, 1920, 1080);
  engine_step(e);
  assert_true(fabsf(engine_view(e)->scale - 1.0f) < 1e-6f);
  return e;
}

// Ink per output column in [x0, x0 + n), all rows (owned, n ints).
static int *column_ink(const uint8_t *px, int w, int h, int x0, int n) {
  int *cols = xcalloc((size_t)n, sizeof *cols);
  for (int i = 0; i < n; i++) {
    cols[i] = ink(px, w, x0 + i, x0 + i + 1, 0, h);
  }
  return cols;
}

// The ink profile of `text` drawn alone at the left edge of a black frame.
static int *profile_of(Engine *e, const char *text, const TextStyle *st, int n) {
  SDL_Renderer *r = engine_renderer(e);
  SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
  SDL_RenderClear(r);
  TextSize m = text_measure(e, text, st);
  text_draw(e, text, st, (Rect){0, 0, m.w, 300});
  int w, h;
  uint8_t *px = read_frame(e, &w, &h);
  int *cols = column_ink(px, w, h, 0, n);
  free(px);
  return cols;
}

static bool run_is(const char *text, const TextRun *run, const char *want) {
  return run->len == strlen(want) && memcmp(text + run->start, want, run->len) == 0;
}

static bool run_starts_with(const char *text, const TextRun *run, const char *want) {
  return run->len >= strlen(want) && memcmp(text + run->start, want, strlen(want)) == 0;
}

static void test_bidi_digits_in_arabic_keep_logical_order(void **state) {
  (void)state;
  Engine *e = engine_1080();
  TextStyle ar = text_style(48, color_rgb(0xFFFFFF), "ar");
  const char *mixed = "عام 2021";
  // Visual order of an RTL paragraph: the digits come after the word in
  // logical order, so they sit on its left, and read left to right.
  TextRun runs[8];
  assert_int_equal(text_layout_runs(e, mixed, &ar, runs, 8), 2);
  assert_true(run_is(mixed, &runs[0], "2021"));
  assert_false(runs[0].rtl);
  assert_true(run_is(mixed, &runs[1], "عام "));
  assert_true(runs[1].rtl);
  assert_true(runs[0].x < runs[1].x);
  assert_string_equal(runs[0].face_file, "NotoSansArabic-Regular.ttf");
  assert_string_equal(runs[1].face_file, "NotoSansArabic-Regular.ttf");

  // The whole is as wide as its pieces rendered apart.
  TextSize whole = text_measure(e, mixed, &ar);
  TextSize digits = text_measure(e, "2021", &ar);
  TextSize word = text_measure(e, "عام ", &ar);
  assert_true(fabsf(whole.w - (digits.w + word.w)) <= 2.0f);

  // The digit columns of the line match "2021" rendered alone, and not "1202".
  int n = (int)digits.w - 3;  // leave the seam with the Arabic word out
  int *alone = profile_of(e, "2021", &ar, n);
  int *reversed = profile_of(e, "1202", &ar, n);
  int *line = profile_of(e, mixed, &ar, (int)whole.w);
  assert_memory_equal(line, alone, (size_t)n * sizeof *line);
  assert_memory_not_equal(alone, reversed, (size_t)n * sizeof *alone);
  int right = 0;  // and the Arabic word is drawn on the right
  for (int x = (int)digits.w + 1; x < (int)whole.w; x++) {
    right += line[x];
  }
  assert_true(right > 100);
  free(alone);
  free(reversed);
  free(line);

  // In Arabic context the digits of "40٪" are an Arabic number (rule W2) and
  // the percent sign reads after them, to their left: "٪40", the way Arabic
  // is written; the digits themselves stay left to right.
  const char *stat = "دراسة: 40٪ من الناس";
  size_t count = text_layout_runs(e, stat, &ar, runs, 8);
  assert_true(count >= 3 && count <= 8);
  int num = -1, pct = -1, study = -1;
  for (size_t i = 0; i < count; i++) {
    if (run_is(stat, &runs[i], "40")) {
      num = (int)i;
    } else if (run_starts_with(stat, &runs[i], "٪")) {
      pct = (int)i;
    } else if (run_starts_with(stat, &runs[i], "دراسة")) {
      study = (int)i;
    }
  }
  assert_true(num >= 0 && pct >= 0 && study >= 0);
  assert_false(runs[num].rtl);
  assert_true(runs[pct].rtl && runs[study].rtl);
  assert_true(runs[pct].x < runs[num].x && runs[num].x < runs[study].x);
  assert_true(fabsf(runs[pct].x + runs[pct].w - runs[num].x) < 0.5f);  // adjacent
  engine_destroy(e);
}

static void test_bidi_english_sentence_with_arabic_name(void **state) {
  (void)state;
  Engine *e = engine_1080();
  TextStyle en = text_style(40, color_rgb(0xFFFFFF), "en");
  // Only left-to-right text: SDL_ttf's single call, no bidi layout.
  TextRun runs[8];
  assert_int_equal(text_layout_runs(e, "Is this headline real?", &en, runs, 8), 0);

  const char *text = "Source: البيان newspaper";
  assert_int_equal(text_layout_runs(e, text, &en, runs, 8), 3);
  assert_true(run_is(text, &runs[0], "Source: "));
  assert_true(run_is(text, &runs[1], "البيان"));
  assert_true(run_is(text, &runs[2], " newspaper"));
  assert_false(runs[0].rtl);
  assert_true(runs[1].rtl);
  assert_false(runs[2].rtl);
  assert_true(runs[0].x < runs[1].x && runs[1].x < runs[2].x);
  assert_string_equal(runs[0].face_file, "DejaVuSans.ttf");
  assert_string_equal(runs[1].face_file, "NotoSansArabic-Regular.ttf");
  assert_string_equal(runs[2].face_file, "DejaVuSans.ttf");

  // The English words are drawn left to right as they would be alone: the
  // ink of the first run's columns matches "Source:" rendered by itself.
  int n = (int)runs[0].w - 12;  // "Source:" without the space and seam
  int *alone = profile_of(e, "Source:", &en, n);
  int *line = profile_of(e, text, &en, n);
  // Composing runs into one surface may round an edge pixel's alpha by one
  // step, so a column may differ by a pixel; glyph order and places may not.
  int total = 0, diff = 0;
  for (int x = 0; x < n; x++) {
    assert_true(abs(line[x] - alone[x]) <= 1);
    total += alone[x];
    diff += abs(line[x] - alone[x]);
  }
  assert_true(total > 200 && diff * 50 < total);
  free(alone);
  free(line);

  // Bold applies to both faces.
  en.weight = TEXT_WEIGHT_BOLD;
  assert_int_equal(text_layout_runs(e, text, &en, runs, 8), 3);
  assert_string_equal(runs[0].face_file, "DejaVuSans-Bold.ttf");
  assert_string_equal(runs[1].face_file, "NotoSansArabic-Bold.ttf");
  en.weight = TEXT_WEIGHT_REGULAR;

  // A date after the name stays in order ("May 2021." after the Arabic run).
  const char *dated = "This headline is real: البيان, 5 May 2021.";
  size_t count = text_layout_runs(e, dated, &en, runs, 8);
  int may = -1, name = -1;
  for (size_t i = 0; i < count && i < 8; i++) {
    if (run_is(dated, &runs[i], " May 2021.")) {
      may = (int)i;
    }
    if (run_starts_with(dated, &runs[i], "البيان")) {
      name = (int)i;
    }
  }
  assert_true(may >= 0 && name >= 0);
  assert_false(runs[may].rtl);
  assert_true(runs[name].rtl);
  assert_true(runs[name].x < runs[may].x);
  assert_true(runs[0].x == 0.0f && !runs[0].rtl);  // the sentence starts at the left
  // Isolating the inserted name keeps ", 5 May 2021." together after it.
  char *outlet = text_isolate("البيان");
  char *isolated = xasprintf("This headline is real: %s, 5 May 2021.", outlet);
  assert_int_equal(text_layout_runs(e, isolated, &en, runs, 8), 3);
  assert_true(runs[1].rtl);
  assert_true(run_is(isolated, &runs[2], ", 5 May 2021."));
  assert_false(runs[2].rtl);
  free(isolated);
  free(outlet);
  char *plain = text_isolate("BBC");  // left-to-right text is left as it is
  assert_string_equal(plain, "BBC");
  free(plain);
  // Hebrew is right to left too (FriBidi's types, not a list of scripts).
  assert_true(text_layout_runs(e, "Headline: שלום", &en, runs, 8) == 2);
  assert_true(runs[1].rtl);
  assert_string_equal(runs[1].face_file, "DejaVuSans.ttf");
  engine_destroy(e);
}

static void test_bidi_wrap_stays_in_width_and_order(void **state) {
  (void)state;
  Engine *e = engine_1080();
  const char *text =
      "قال الباحثون في عام 2021 إن 40٪ من الناس يشاركون الأخبار دون قراءتها، وفق دراسة نشرتها مجلة Science "
      "في مايو، وإن العناوين المثيرة تنتشر أسرع من الأخبار الموثوقة بستة أضعاف.";
  TextStyle ar = text_style(40, color_rgb(0xFFFFFF), "ar");
  float line = text_line_height(e, &ar);
  ar.wrap_width = 500;
  TextSize m = text_measure(e, text, &ar);
  assert_true(m.w <= 500.5f);
  assert_true(m.h >= 3 * line - 1);
  TextRun runs[128];
  size_t n = text_layout_runs(e, text, &ar, runs, 128);
  assert_true(n > 3 && n <= 128);
  size_t covered = 0;
  int lines = 0;
  for (size_t i = 0; i < n; i++) {
    assert_true(runs[i].x >= 0 && runs[i].x + runs[i].w <= 500.5f);
    if (i > 0) {
      assert_true(runs[i].line >= runs[i - 1].line);  // lines top to bottom
    }
    lines = runs[i].line + 1;
    for (size_t j = 0; j < n; j++) {  // each later line continues the text
      if (runs[j].line > runs[i].line) {
        assert_true(runs[j].start >= runs[i].start + runs[i].len);
      }
    }
    for (size_t b = runs[i].start; b < runs[i].start + runs[i].len; b++) {
      covered += text[b] != ' ';
    }
  }
  assert_true(lines >= 3);
  size_t letters = 0;  // every character but the spaces at breaks is drawn once
  for (const char *c = text; *c; c++) {
    letters += *c != ' ';
  }
  assert_int_equal(covered, letters);
  // Start (right) alignment for Arabic: every line ends at the right edge.
  for (int l = 0; l < lines; l++) {
    float right = 0;
    for (size_t i = 0; i < n; i++) {
      if (runs[i].line == l && runs[i].x + runs[i].w > right) {
        right = runs[i].x + runs[i].w;
      }
    }
    assert_true(right >= m.w - 1.0f);
  }
  // English style with an Arabic quote: wraps within the width too.
  TextStyle en = text_style(40, color_rgb(0xFFFFFF), "en");
  en.wrap_width = 420;
  TextSize em = text_measure(e, "Preview: اختبار: حقيقي أم مفبرك؟ with twelve questions about the news", &en);
  assert_true(em.w <= 420.5f && em.h >= 2 * text_line_height(e, &en));
  engine_destroy(e);
}

static void test_bidi_steady_frame_rasterises_nothing(void **state) {
  (void)state;
  Engine *e = test_engine_new(NULL, NULL);
  TextStyle ar = text_style(40, color_rgb(0xFFFFFF), "ar");
  TextStyle en = text_style(40, color_rgb(0xFFFFFF), "en");
  en.wrap_width = 600;
  const char *a = "دراسة: 40٪ من الناس يصدقون العناوين";
  const char *b = "This headline is real: البيان, 5 May 2021.";
  uint64_t r0 = engine_stats(e).text_rasterisations;
  TextSize ma = text_measure(e, a, &ar);
  assert_int_equal(engine_stats(e).text_rasterisations, r0 + 1);  // rasterised once
  text_draw(e, a, &ar, (Rect){0, 0, 1000, 100});
  text_draw(e, b, &en, (Rect){0, 200, 1000, 100});
  uint64_t r1 = engine_stats(e).text_rasterisations;
  assert_int_equal(r1, r0 + 2);
  uint64_t hits = engine_stats(e).text_cache_hits;
  for (int frame = 0; frame < 3; frame++) {  // steady frames
    TextSize d = text_draw(e, a, &ar, (Rect){0, 0, 1000, 100});
    assert_true(d.w == ma.w && d.h == ma.h);
    text_draw(e, b, &en, (Rect){0, 200, 1000, 100});
  }
  assert_int_equal(engine_stats(e).text_rasterisations, r1);
  assert_int_equal(engine_stats(e).text_cache_hits, hits + 6);
  engine_destroy(e);
}

static void test_bidi_overlong_arabic_word(void **state) {
  (void)state;
  Engine *e = engine_1080();
  StrBuf sb = {0};
  for (int i = 0; i < 200; i++) {
    strbuf_append(&sb, "ب");
  }
  char *word = strbuf_take(&sb);
  TextStyle ar = text_style(36, color_rgb(0xFFFFFF), "ar");
  ar.wrap_width = 120;
  TextSize m = text_measure(e, word, &ar);
  assert_true(m.w > 0 && m.w <= 120.5f);  // broken by characters
  assert_true(m.h > 3 * text_line_height(e, &ar) - 1);
  TextSize d = text_draw(e, word, &ar, (Rect){0, 0, 120, 100});
  assert_true(d.w > 0);
  // A width narrower than one letter: one letter per line, no endless loop.
  ar.wrap_width = 1;
  TextSize tiny = text_measure(e, "بيت 12", &ar);
  assert_true(tiny.w > 0 && tiny.h > 0);
  // The same word inside an English sentence.
  TextStyle en = text_style(36, color_rgb(0xFFFFFF), "en");
  en.wrap_width = 200;
  char *sentence = xasprintf("Word: %s end", word);
  TextSize s = text_measure(e, sentence, &en);
  assert_true(s.w > 0 && s.w <= 200.5f);
  free(sentence);
  free(word);
  engine_destroy(e);
}

// The fonts are the game's: with one Latin font (regular only) every style
// falls back to it, and an Arabic font named by the game serves Arabic text.
static void test_fonts_come_from_the_config(void **state) {
  (void)state;
  EngineConfig cfg = engine_config_default();
  const EngineFont one[] = {{"DejaVuSans-Bold.ttf", false, NULL}};
  cfg.fonts = one;
  cfg.nfonts = 1;
  Engine *e = test_engine_with(&cfg);
  TextStyle st = text_style(40, color_rgb(0xFFFFFF), "ar");
  st.weight = TEXT_WEIGHT_BOLD;
  assert_string_equal(text_face_file(e, &st), "DejaVuSans-Bold.ttf");
  assert_true(text_measure(e, "Real?", &st).w > 0);
  engine_destroy(e);
  const EngineFont two[] = {{"DejaVuSans.ttf", false, NULL}, {"NotoSansArabic-Bold.ttf", false, "Arab"}};
  cfg = engine_config_default();
  cfg.fonts = two;
  cfg.nfonts = 2;
  e = test_engine_with(&cfg);
  st = text_style(40, color_rgb(0xFFFFFF), "fa");
  assert_string_equal(text_face_file(e, &st), "NotoSansArabic-Bold.ttf");
  st.lang = "en";
  assert_string_equal(text_face_file(e, &st), "DejaVuSans.ttf");
  engine_destroy(e);
}

int run_text_tests(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fonts_come_from_the_config),
      cmocka_unit_test(test_steady_frame_rasterises_nothing),
      cmocka_unit_test(test_fit_wrapped_text_at_fractional_scale),
      cmocka_unit_test(test_lru_eviction_respects_cap),
      cmocka_unit_test(test_resize_rerasterises_at_new_size),
      cmocka_unit_test(test_wrap_and_too_long_word),
      cmocka_unit_test(test_rtl_arabic),
      cmocka_unit_test(test_fit),
      cmocka_unit_test(test_bidi_digits_in_arabic_keep_logical_order),
      cmocka_unit_test(test_bidi_english_sentence_with_arabic_name),
      cmocka_unit_test(test_bidi_wrap_stays_in_width_and_order),
      cmocka_unit_test(test_bidi_steady_frame_rasterises_nothing),
      cmocka_unit_test(test_bidi_overlong_arabic_word),
  };
  return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}

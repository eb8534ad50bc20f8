// Synthesised sound cues and the on/off switch (SDL_AUDIODRIVER=dummy).
#include <stdlib.h>

#include "engine/audio.h"
#include "engine_tests.h"

static int peak_of(const int16_t *s, size_t n) {
  int peak = 0;
  for (size_t i = 0; i < n; i++) {
    int a = abs((int)s[i]);
    peak = a > peak ? a : peak;
  }
  return peak;
}

// Upward zero crossings per second in [from, to) seconds: a pitch estimate.
static double pitch(const int16_t *s, size_t n, int rate, double from, double to) {
  size_t a = (size_t)(from * rate), b = (size_t)(to * rate);
  b = b > n ? n : b;
  int crossings = 0;
  for (size_t i = a + 1; i < b; i++) {
    crossings += s[i - 1] < 0 && s[i] >= 0;
  }
  return crossings / (to - from);
}

static void test_cues_are_sane(void **state) {
  (void)state;
  int peaks[SOUND_CUE_COUNT];
  for (int c = 0; c < SOUND_CUE_COUNT; c++) {
    size_t n;
    int16_t *s = audio_synth_cue((SoundCue)c, AUDIO_SAMPLE_RATE, &n);
    assert_non_null(s);
    assert_true(n > 0);
    peaks[c] = peak_of(s, n);
    assert_true(peaks[c] > 2000);               // audible
    assert_true(peaks[c] <= AUDIO_PEAK_LIMIT);  // never harsh, no clipping
    // Cues are short: at most 0.6 s, the tick well under 0.1 s.
    assert_true(n <= (size_t)(0.6 * AUDIO_SAMPLE_RATE));
    if (c == SOUND_CUE_TICK) {
      assert_true(n < (size_t)(0.1 * AUDIO_SAMPLE_RATE));
    }
    // Ends near silence (no click at the end).
    assert_true(abs((int)s[n - 1]) < 500);
    free(s);
  }
  // Wrong is softer than correct: information, not punishment.
  assert_true(peaks[SOUND_CUE_WRONG] < peaks[SOUND_CUE_CORRECT]);
}

static void test_correct_rises_and_wrong_is_low(void **state) {
  (void)state;
  size_t n;
  int16_t *ok = audio_synth_cue(SOUND_CUE_CORRECT, AUDIO_SAMPLE_RATE, &n);
  double first = pitch(ok, n, AUDIO_SAMPLE_RATE, 0.01, 0.10);
  double second = pitch(ok, n, AUDIO_SAMPLE_RATE, 0.25, 0.40);
  assert_true(first > 800 && first < 960);      // A5
  assert_true(second > 1200 && second < 1450);  // E6: higher, so it rises
  free(ok);
  int16_t *bad = audio_synth_cue(SOUND_CUE_WRONG, AUDIO_SAMPLE_RATE, &n);
  double low = pitch(bad, n, AUDIO_SAMPLE_RATE, 0.02, 0.30);
  assert_true(low > 140 && low < 220);
  free(bad);
}

static void test_mute(void **state) {
  (void)state;
  Audio *a = audio_create(false);
  assert_false(audio_enabled(a));
  audio_play(a, SOUND_CUE_CORRECT);
  assert_int_equal(audio_cues_played(a), 0);
  audio_set_enabled(a, true);
  audio_play(a, SOUND_CUE_TICK);
  // The dummy driver opens a device; without one playing is silently skipped.
  assert_int_equal(audio_cues_played(a), audio_has_device(a) ? 1 : 0);
  assert_true(audio_has_device(a));
  size_t n;
  const int16_t *s = audio_cue_samples(a, SOUND_CUE_WRONG, &n);
  assert_non_null(s);
  assert_true(n > 0);
  audio_set_enabled(a, false);
  audio_play(a, SOUND_CUE_WRONG);
  assert_int_equal(audio_cues_played(a), 1);
  audio_destroy(a);
  audio_destroy(NULL);
}

int run_audio_tests(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cues_are_sane),
      cmocka_unit_test(test_correct_rises_and_wrong_is_low),
      cmocka_unit_test(test_mute),
  };
  return cmocka_run_group_tests_name("audio", tests, NULL, NULL);
}

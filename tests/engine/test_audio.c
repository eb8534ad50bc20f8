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

// The engine plays whatever cues the game describes: a 440 Hz beep and a
// glide from 300 to 600 Hz come out at those pitches, lengths and peaks.
static const AudioCueSpec T_CUES[] = {
    {.name = "beep",
     .dur_s = 0.2,
     .peak = 5000,
     .notes = {{.dur_s = 0.2, .freq_hz = 440.0, .attack_s = 0.005, .decay_per_s = 1.0, .release_s = 0.01}},
     .nnotes = 1},
    {.name = "glide",
     .dur_s = 0.4,
     .peak = 99999,  // above the limit: clamped
     .notes = {{.dur_s = 0.4, .freq_hz = 300.0, .end_freq_hz = 600.0, .attack_s = 0.01, .release_s = 0.02}},
     .nnotes = 1},
};

static void test_cues_come_from_the_table(void **state) {
  (void)state;
  size_t n;
  int16_t *beep = audio_synth_cue(&T_CUES[0], AUDIO_SAMPLE_RATE, &n);
  assert_int_equal(n, (size_t)(0.2 * AUDIO_SAMPLE_RATE));
  assert_int_equal(peak_of(beep, n), 5000);
  double p = pitch(beep, n, AUDIO_SAMPLE_RATE, 0.02, 0.18);
  assert_true(p > 420 && p < 460);
  assert_true(abs((int)beep[n - 1]) < 500);
  free(beep);
  int16_t *glide = audio_synth_cue(&T_CUES[1], AUDIO_SAMPLE_RATE, &n);
  assert_int_equal(peak_of(glide, n), AUDIO_PEAK_LIMIT);
  double lo = pitch(glide, n, AUDIO_SAMPLE_RATE, 0.02, 0.10);
  double hi = pitch(glide, n, AUDIO_SAMPLE_RATE, 0.30, 0.38);
  assert_true(lo > 300 && lo < 380);
  assert_true(hi > 520 && hi < 600);
  free(glide);
  // Through an Audio: one buffer per cue, unknown cues play nothing.
  Audio *a = audio_create(true, T_CUES, 2);
  assert_int_equal(audio_cue_count(a), 2);
  const int16_t *s = audio_cue_samples(a, 1, &n);
  assert_non_null(s);
  assert_int_equal(n, (size_t)(0.4 * AUDIO_SAMPLE_RATE));
  assert_null(audio_cue_samples(a, 2, &n));
  assert_int_equal(n, 0);
  audio_play(a, 2);
  audio_play(a, -1);
  assert_int_equal(audio_cues_played(a), 0);
  audio_play(a, 0);
  assert_int_equal(audio_cues_played(a), 1);
  audio_destroy(a);
  // No table: silent, not an error.
  a = audio_create(true, NULL, 0);
  assert_int_equal(audio_cue_count(a), 0);
  audio_play(a, 0);
  assert_int_equal(audio_cues_played(a), 0);
  audio_destroy(a);
}

static void test_mute(void **state) {
  (void)state;
  Audio *a = audio_create(false, T_CUES, 2);
  assert_false(audio_enabled(a));
  audio_play(a, 0);
  assert_int_equal(audio_cues_played(a), 0);
  audio_set_enabled(a, true);
  audio_play(a, 1);
  // The dummy driver opens a device; without one playing is silently skipped.
  assert_int_equal(audio_cues_played(a), audio_has_device(a) ? 1 : 0);
  assert_true(audio_has_device(a));
  size_t n;
  const int16_t *s = audio_cue_samples(a, 1, &n);
  assert_non_null(s);
  assert_true(n > 0);
  audio_set_enabled(a, false);
  audio_play(a, 1);
  assert_int_equal(audio_cues_played(a), 1);
  audio_destroy(a);
  audio_destroy(NULL);
}

int run_audio_tests(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cues_come_from_the_table),
      cmocka_unit_test(test_mute),
  };
  return cmocka_run_group_tests_name("audio", tests, NULL, NULL);
}

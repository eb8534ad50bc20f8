// Round rules: drawing the items, the timer and pause, scoring, the state machine.
#include "support/test_support.h"

#include <stdlib.h>
#include <string.h>

#include "base/rng.h"
#include "quiz/round.h"
#include "round/round_fixtures.h"

enum { LIMIT_MS = 20000 };

static Round *make_round_with(const Pack *pack, const RoundSettings *s, const RoundHistory *h, uint64_t seed) {
  Rng rng;
  rng_seed(&rng, seed);
  char *err = NULL;
  Round *r = round_create(pack, s, h, &rng, &err);
  if (!r) {
    fail_msg("round: %s", err ? err : "?");
  }
  assert_null(err);
  return r;
}

// An exact split (no spread), for the tests of what the share does not decide.
static Round *make_round_split(const Pack *pack, int questions, int percent, const RoundHistory *h, uint64_t seed) {
  RoundSettings s = round_settings_default(pack);
  s.questions = questions;
  s.real_percent = percent;
  s.real_spread = 0;
  return make_round_with(pack, &s, h, seed);
}

static Round *make_round(const Pack *pack, int questions, int seconds, bool bonus, const RoundHistory *h,
                         uint64_t seed) {
  RoundSettings s = round_settings_default(NULL);
  s.questions = questions;
  s.seconds_per_question = seconds;
  s.speed_bonus = bonus;
  Rng rng;
  rng_seed(&rng, seed);
  char *err = NULL;
  Round *r = round_create(pack, &s, h, &rng, &err);
  assert_non_null(r);
  assert_null(err);
  return r;
}

static size_t count_real(const Round *r) {
  size_t n = 0;
  for (size_t i = 0; i < round_count(r); i++) {
    n += round_item(r, i)->answer == PACK_ANSWER_REAL;
  }
  return n;
}

static void assert_no_repeats(const Round *r) {
  for (size_t i = 0; i < round_count(r); i++) {
    for (size_t j = i + 1; j < round_count(r); j++) {
      assert_ptr_not_equal(round_item(r, i), round_item(r, j));
    }
  }
}

// The real-item count the share rule gives for `percent` in a round of n
// drawn from `real` real and `fake` fabricated items: round half up, then
// the scarce class is taken whole and the other fills.
static size_t real_count_for(int percent, size_t n, size_t real, size_t fake) {
  size_t want = (n * (size_t)percent + 50) / 100;
  if (want > real) {
    want = real;
  }
  if (n - want > fake) {
    want = n - fake;
  }
  return want;
}

// Whether `got` real items is what some share within 60 +- 10 % gives.
static bool real_count_allowed(size_t got, size_t n, size_t real, size_t fake) {
  for (int percent = 50; percent <= 70; percent++) {
    if (real_count_for(percent, n, real, fake) == got) {
      return true;
    }
  }
  return false;
}

// The longest run of equal answers in the round's order.
static size_t longest_run(const Round *r) {
  size_t best = 0, run = 0;
  for (size_t i = 0; i < round_count(r); i++) {
    run = i > 0 && round_item(r, i)->answer == round_item(r, i - 1)->answer ? run + 1 : 1;
    best = run > best ? run : best;
  }
  return best;
}

static void test_draw_share_every_size(void **state) {
  (void)state;
  static const size_t mixes[][2] = {{10, 10}, {3, 20}, {20, 3}, {0, 6}, {6, 0}, {7, 8}, {1, 1}, {1, 0}, {2, 9}};
  for (size_t m = 0; m < sizeof mixes / sizeof mixes[0]; m++) {
    size_t real = mixes[m][0], fake = mixes[m][1];
    Pack *p = fixture_pack(real, fake, PACK_KIND_PRACTICE);
    for (size_t n = 1; n <= real + fake; n++) {
      for (uint64_t seed = 1; seed <= 6; seed++) {
        Round *r = make_round(p, (int)n, 20, true, NULL, seed);
        assert_int_equal(round_count(r), n);
        assert_no_repeats(r);
        size_t got = count_real(r);
        if (!real_count_allowed(got, n, real, fake)) {
          fail_msg("pack %zu real/%zu fake, N=%zu, seed %llu: %zu real drawn", real, fake, n, (unsigned long long)seed,
                   got);
        }
        round_destroy(r);
      }
    }
    pack_destroy(p);
  }
}

static void test_draw_scarce_class(void **state) {
  (void)state;
  Pack *p = fixture_pack(3, 20, PACK_KIND_PRACTICE);
  Round *r = make_round(p, 10, 20, true, NULL, 42);
  assert_int_equal(round_count(r), 10);
  assert_int_equal(count_real(r), 3);
  round_destroy(r);
  // Asking for more than the pack holds gives the whole pack.
  r = make_round(p, 50, 20, true, NULL, 42);
  assert_int_equal(round_count(r), 23);
  assert_int_equal(count_real(r), 3);
  assert_no_repeats(r);
  round_destroy(r);
  pack_destroy(p);
}

static void test_draw_real_share_varies(void **state) {
  (void)state;
  // 60 % +- 10 points of 10 questions: 5, 6 or 7 real, 6 on average, and
  // never the fixed half of the old rule on every round.
  Pack *p = fixture_pack(30, 30, PACK_KIND_PRACTICE);
  size_t seen[11] = {0}, sum = 0;
  enum { ROUNDS = 400 };
  for (uint64_t seed = 1; seed <= ROUNDS; seed++) {
    Round *r = make_round(p, 10, 20, true, NULL, seed);
    size_t got = count_real(r);
    assert_in_range(got, 5, 7);
    seen[got]++;
    sum += got;
    round_destroy(r);
  }
  assert_true(seen[5] > 0 && seen[6] > 0 && seen[7] > 0);
  double mean = (double)sum / ROUNDS;
  assert_true(mean > 5.8 && mean < 6.2);
  pack_destroy(p);
}

static void test_draw_pack_real_share(void **state) {
  (void)state;
  Pack *p = fixture_pack(30, 30, PACK_KIND_PRACTICE);
  p->round_real_percent = 80;
  RoundSettings s = round_settings_default(p);
  assert_int_equal(s.real_percent, 80);
  assert_int_equal(s.real_spread, ROUND_DEFAULT_REAL_SPREAD);
  s.questions = 10;
  for (uint64_t seed = 1; seed <= 100; seed++) {
    Round *r = make_round_with(p, &s, NULL, seed);
    assert_in_range(count_real(r), 7, 9);
    round_destroy(r);
  }
  // The spread is seeded: the same seed, the same split; a spread of 0 is exact.
  s.real_spread = 0;
  s.real_percent = 30;
  for (uint64_t seed = 1; seed <= 20; seed++) {
    Round *r = make_round_with(p, &s, NULL, seed);
    assert_int_equal(count_real(r), 3);
    round_destroy(r);
  }
  pack_destroy(p);
}

static void test_draw_no_long_runs(void **state) {
  (void)state;
  static const size_t mixes[][2] = {{30, 30}, {10, 3}, {3, 10}, {12, 4}, {5, 5}};
  for (size_t m = 0; m < sizeof mixes / sizeof mixes[0]; m++) {
    Pack *p = fixture_pack(mixes[m][0], mixes[m][1], PACK_KIND_PRACTICE);
    for (int percent = 0; percent <= 100; percent += 10) {
      for (uint64_t seed = 1; seed <= 40; seed++) {
        Round *r = make_round_split(p, 10, percent, NULL, seed);
        size_t real = count_real(r), fake = round_count(r) - real;
        size_t most = real > fake ? real : fake, least = real > fake ? fake : real;
        // A run over 3 is only allowed when the counts force one.
        if (most <= ROUND_MAX_RUN * (least + 1)) {
          assert_in_range(longest_run(r), 1, ROUND_MAX_RUN);
        }
        round_destroy(r);
      }
    }
    pack_destroy(p);
  }
  // All of one class cannot avoid a run, and still plays.
  Pack *only = fixture_pack(6, 0, PACK_KIND_PRACTICE);
  Round *r = make_round(only, 6, 20, true, NULL, 1);
  assert_int_equal(longest_run(r), 6);
  round_destroy(r);
  pack_destroy(only);
}

static void test_draw_excluded(void **state) {
  (void)state;
  static const char *const shown[] = {"f0", "f1", "f2", "f3", "f4", "f5", "f6", "not-in-pack"};
  RoundHistory h = {.excluded = shown, .excluded_count = 8};
  Pack *p = fixture_pack(10, 10, PACK_KIND_PRACTICE);
  for (uint64_t seed = 1; seed <= 30; seed++) {
    Round *r = make_round(p, 10, 20, true, &h, seed);
    assert_int_equal(round_count(r), 10);
    for (size_t i = 0; i < round_count(r); i++) {
      for (size_t k = 0; k < 7; k++) {
        assert_string_not_equal(round_item(r, i)->id, shown[k]);
      }
    }
    assert_true(count_real(r) >= 7);  // only f7-f9 are left: real items fill
    round_destroy(r);
  }
  // 20 questions, 13 drawable: the round is shorter, never a repeat.
  Round *r = make_round(p, 20, 20, true, &h, 3);
  assert_int_equal(round_count(r), 13);
  assert_int_equal(count_real(r), 10);
  round_destroy(r);
  pack_destroy(p);
  // Nothing left to draw: a clear refusal.
  Pack *fakes = fixture_pack(0, 3, PACK_KIND_PRACTICE);
  RoundSettings s = round_settings_default(fakes);
  Rng rng;
  rng_seed(&rng, 1);
  char *err = NULL;
  assert_null(round_create(fakes, &s, &h, &rng, &err));
  assert_non_null(err);
  free(err);
  pack_destroy(fakes);
}

static bool same_draw(const Round *a, const Round *b) {
  if (round_count(a) != round_count(b)) {
    return false;
  }
  for (size_t i = 0; i < round_count(a); i++) {
    if (round_item(a, i) != round_item(b, i)) {
      return false;
    }
  }
  return true;
}

static void test_draw_seeded(void **state) {
  (void)state;
  Pack *p = fixture_pack(15, 15, PACK_KIND_PRACTICE);
  Round *a = make_round(p, 10, 20, true, NULL, 7);
  Round *b = make_round(p, 10, 20, true, NULL, 7);
  Round *c = make_round(p, 10, 20, true, NULL, 8);
  assert_true(same_draw(a, b));
  assert_false(same_draw(a, c));
  round_destroy(a);
  round_destroy(b);
  round_destroy(c);
  pack_destroy(p);
}

static void test_draw_shuffled_order(void **state) {
  (void)state;
  // The classes are drawn one after the other; the final order must mix them.
  Pack *p = fixture_pack(10, 10, PACK_KIND_PRACTICE);
  bool first_real = false, first_fake = false;
  for (uint64_t seed = 1; seed <= 32; seed++) {
    Round *r = make_round(p, 10, 20, true, NULL, seed);
    if (round_item(r, 0)->answer == PACK_ANSWER_REAL) {
      first_real = true;
    } else {
      first_fake = true;
    }
    round_destroy(r);
  }
  assert_true(first_real && first_fake);
  pack_destroy(p);
}

// History for a 10/10 pack: r0-r2 and f0-f2 seen and last answered right,
// r3-r4 and f3-f4 last answered wrong (r3 was right before), the rest unseen;
// plus an unknown id and an entry with times_seen 0 (r5: counts as unseen).
static const RoundHistoryEntry history_entries[] = {
    {"r0", 2, 2, true},  {"r1", 1, 1, true},  {"r2", 3, 2, true},    {"f0", 1, 1, true},
    {"f1", 1, 1, true},  {"f2", 2, 1, true},  {"r3", 2, 1, false},   {"r4", 1, 0, false},
    {"f3", 1, 0, false}, {"f4", 4, 3, false}, {"gone", 5, 0, false}, {"r5", 0, 0, false},
};

static bool id_in(const char *id, const char *const *set, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (strcmp(id, set[i]) == 0) {
      return true;
    }
  }
  return false;
}

static void test_draw_history_tiers(void **state) {
  (void)state;
  static const char *const seen_right[] = {"r0", "r1", "r2", "f0", "f1", "f2"};
  static const char *const missed[] = {"r3", "r4", "f3", "f4"};
  RoundHistory h = {.entries = history_entries, .count = sizeof history_entries / sizeof history_entries[0]};
  Pack *p = fixture_pack(10, 10, PACK_KIND_PRACTICE);
  for (uint64_t seed = 1; seed <= 20; seed++) {
    // 10 questions: exactly the 10 unseen items (5 real, 5 fabricated).
    Round *r = make_round_split(p, 10, 50, &h, seed);
    for (size_t i = 0; i < round_count(r); i++) {
      const char *id = round_item(r, i)->id;
      assert_false(id_in(id, seen_right, 6));
      assert_false(id_in(id, missed, 4));
    }
    round_destroy(r);
    // 14: the 10 unseen and the 4 missed, none of those answered right.
    r = make_round_split(p, 14, 50, &h, seed);
    size_t n_missed = 0;
    for (size_t i = 0; i < round_count(r); i++) {
      const char *id = round_item(r, i)->id;
      assert_false(id_in(id, seen_right, 6));
      n_missed += id_in(id, missed, 4);
    }
    assert_int_equal(n_missed, 4);
    assert_int_equal(count_real(r), 7);
    round_destroy(r);
    // 16: all unseen and missed, and one right-answered item of each class.
    r = make_round_split(p, 16, 50, &h, seed);
    size_t n_right = 0;
    n_missed = 0;
    for (size_t i = 0; i < round_count(r); i++) {
      const char *id = round_item(r, i)->id;
      n_right += id_in(id, seen_right, 6);
      n_missed += id_in(id, missed, 4);
    }
    assert_int_equal(n_missed, 4);
    assert_int_equal(n_right, 2);
    assert_int_equal(count_real(r), 8);
    round_destroy(r);
  }
  pack_destroy(p);
}

static void test_draw_history_random_within_tier(void **state) {
  (void)state;
  // With 10 unseen items and 4 questions, different seeds pick different unseen items.
  RoundHistory h = {.entries = history_entries, .count = sizeof history_entries / sizeof history_entries[0]};
  Pack *p = fixture_pack(10, 10, PACK_KIND_PRACTICE);
  bool picked[20] = {false};
  for (uint64_t seed = 1; seed <= 40; seed++) {
    Round *r = make_round_split(p, 4, 50, &h, seed);
    for (size_t i = 0; i < round_count(r); i++) {
      picked[round_item(r, i) - p->items] = true;
    }
    round_destroy(r);
  }
  size_t distinct = 0;
  for (size_t i = 0; i < 20; i++) {
    distinct += picked[i];
  }
  assert_int_equal(distinct, 10);  // every unseen item (r5-r9, f5-f9), nothing else
  assert_true(picked[5] && picked[9] && picked[15] && picked[19]);
  pack_destroy(p);
}

static void test_assessment_order(void **state) {
  (void)state;
  Pack *p = fixture_pack(3, 20, PACK_KIND_ASSESSMENT);
  RoundSettings s = round_settings_default(p);
  s.questions = 5;  // ignored: an assessment asks every item
  s.fixed_order = true;
  Rng rng;
  rng_seed(&rng, 1);
  char *err = NULL;
  Round *r = round_create(p, &s, NULL, &rng, &err);
  assert_non_null(r);
  assert_int_equal(round_count(r), 23);
  assert_false(round_shows_feedback(r));
  for (size_t i = 0; i < 23; i++) {
    assert_ptr_equal(round_item(r, i), &p->items[i]);
  }
  round_destroy(r);

  s.fixed_order = false;
  bool moved = false;
  for (uint64_t seed = 1; seed <= 3; seed++) {
    rng_seed(&rng, seed);
    r = round_create(p, &s, NULL, &rng, &err);
    assert_int_equal(round_count(r), 23);
    assert_int_equal(count_real(r), 3);
    assert_no_repeats(r);
    for (size_t i = 0; i < 23; i++) {
      moved |= round_item(r, i) != &p->items[i];
    }
    round_destroy(r);
  }
  assert_true(moved);
  pack_destroy(p);
}

static void test_settings(void **state) {
  (void)state;
  Pack *p = fixture_pack(4, 4, PACK_KIND_PRACTICE);
  RoundSettings s = round_settings_default(NULL);
  assert_int_equal(s.questions, ROUND_DEFAULT_QUESTIONS);
  assert_int_equal(s.seconds_per_question, ROUND_DEFAULT_SECONDS);
  assert_true(s.speed_bonus);
  p->round_questions = 6;
  p->round_seconds = 45;
  s = round_settings_default(p);
  assert_int_equal(s.questions, 6);
  assert_int_equal(s.seconds_per_question, 45);
  // An assessment is untimed unless its pack sets seconds.
  Pack *test = fixture_pack(2, 2, PACK_KIND_ASSESSMENT);
  assert_int_equal(round_settings_default(test).seconds_per_question, 0);
  test->round_seconds = 30;
  assert_int_equal(round_settings_default(test).seconds_per_question, 30);
  pack_destroy(test);

  static const struct {
    int questions, seconds;
    bool ok;
  } cases[] = {{1, 0, true},    {1, 5, true},   {1, 120, true}, {1, 4, false},
               {1, 121, false}, {1, -1, false}, {0, 20, false}, {-3, 20, false}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    s.questions = cases[i].questions;
    s.seconds_per_question = cases[i].seconds;
    Rng rng;
    rng_seed(&rng, 1);
    char *err = NULL;
    Round *r = round_create(p, &s, NULL, &rng, &err);
    if (cases[i].ok) {
      assert_non_null(r);
      assert_null(err);
    } else {
      assert_null(r);
      assert_non_null(err);
      assert_true(strlen(err) > 0);
    }
    round_destroy(r);
    free(err);
  }
  static const struct {
    int percent, spread;
    bool ok;
  } shares[] = {{0, 0, true}, {100, 50, true}, {-1, 0, false}, {101, 0, false}, {60, -1, false}, {60, 51, false}};
  for (size_t i = 0; i < sizeof shares / sizeof shares[0]; i++) {
    s = round_settings_default(NULL);
    s.real_percent = shares[i].percent;
    s.real_spread = shares[i].spread;
    char *err = NULL;
    assert_int_equal(round_settings_check(&s, &err), shares[i].ok);
    assert_true(shares[i].ok ? err == NULL : err != NULL && strlen(err) > 0);
    free(err);
  }
  pack_destroy(p);

  Pack *empty = fixture_pack(0, 0, PACK_KIND_PRACTICE);
  s = round_settings_default(NULL);
  Rng rng;
  rng_seed(&rng, 1);
  char *err = NULL;
  assert_null(round_create(empty, &s, NULL, &rng, &err));
  assert_non_null(err);
  free(err);
  pack_destroy(empty);
  round_destroy(NULL);
}

static PackAnswer right_answer(const Round *r) {
  return round_current_item(r)->answer;
}
static PackAnswer wrong_answer(const Round *r) {
  return right_answer(r) == PACK_ANSWER_REAL ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL;
}

static void test_timeout_counts_wrong(void **state) {
  (void)state;
  Pack *p = fixture_pack(2, 2, PACK_KIND_PRACTICE);
  Round *r = make_round(p, 4, 20, true, NULL, 3);
  RoundAnswer out;
  assert_true(round_start_question(r, 1000));
  assert_int_equal(round_time_left_ms(r, 1000), LIMIT_MS);
  assert_false(round_tick(r, 1000 + LIMIT_MS - 1, &out));
  assert_int_equal(round_time_left_ms(r, 1000 + LIMIT_MS - 1), 1);
  assert_true(round_tick(r, 1000 + LIMIT_MS, &out));
  assert_true(out.timed_out);
  assert_false(out.answered);
  assert_false(out.correct);
  assert_int_equal(out.points, 0);
  assert_int_equal(out.response_ms, LIMIT_MS);
  assert_int_equal(round_state(r), ROUND_STATE_FEEDBACK);
  // A late click in the same frame changes nothing.
  assert_false(round_answer(r, right_answer(r), 1000 + LIMIT_MS, &out));
  assert_int_equal(round_result_count(r), 1);
  assert_true(round_result(r, 0)->timed_out);

  // An answer arriving after the deadline, before any tick noticed: still a time-out.
  assert_true(round_next(r));
  assert_true(round_start_question(r, 50000));
  assert_true(round_answer(r, right_answer(r), 50000 + LIMIT_MS + 1, &out));
  assert_true(out.timed_out);
  assert_false(out.correct);
  assert_int_equal(out.points, 0);
  assert_int_equal(round_score(r), 0);
  round_destroy(r);
  pack_destroy(p);
}

static void test_pause_freezes_timer(void **state) {
  (void)state;
  Pack *p = fixture_pack(2, 2, PACK_KIND_PRACTICE);
  Round *r = make_round(p, 4, 20, true, NULL, 3);
  RoundAnswer out;
  assert_false(round_pause(r, 0));  // nothing open yet
  assert_true(round_start_question(r, 0));
  assert_true(round_pause(r, 5000));
  assert_true(round_is_paused(r));
  assert_false(round_pause(r, 5100));
  assert_int_equal(round_time_left_ms(r, 50000), 15000);
  assert_false(round_tick(r, 90000, &out));                     // far past the deadline, but paused
  assert_false(round_answer(r, right_answer(r), 50000, &out));  // no answers while paused
  assert_true(round_resume(r, 90000));
  assert_false(round_resume(r, 90001));
  assert_int_equal(round_time_left_ms(r, 91000), 14000);
  // A second pause adds up.
  assert_true(round_pause(r, 92000));
  assert_true(round_resume(r, 100000));
  assert_int_equal(round_elapsed_ms(r, 100000), 7000);
  assert_true(round_answer(r, right_answer(r), 101000, &out));
  assert_int_equal(out.response_ms, 8000);  // paused time excluded
  assert_int_equal(out.points, 100 + 30);   // 12 s of 20 left: 50 * 0.6
  // Frozen during feedback.
  assert_int_equal(round_time_left_ms(r, 999999), 12000);
  assert_false(round_pause(r, 101500));
  round_destroy(r);
  pack_destroy(p);
}

static void test_no_time_limit(void **state) {
  (void)state;
  Pack *p = fixture_pack(2, 2, PACK_KIND_PRACTICE);
  Round *r = make_round(p, 4, 0, true, NULL, 3);
  RoundAnswer out;
  assert_int_equal(round_time_limit_ms(r), 0);
  assert_true(round_start_question(r, 0));
  assert_int_equal(round_time_left_ms(r, 0), -1);
  assert_false(round_tick(r, 1000000000, &out));
  assert_true(round_answer(r, right_answer(r), 1000000, &out));
  assert_true(out.correct);
  assert_int_equal(out.points, 100);  // no speed bonus without a limit
  assert_int_equal(out.response_ms, 1000000);
  assert_int_equal(round_max_score(r), 400);
  round_destroy(r);
  pack_destroy(p);
}

static void test_scoring(void **state) {
  (void)state;
  // The formula itself.
  assert_int_equal(round_points_for(true, true, LIMIT_MS, LIMIT_MS), 150);
  assert_int_equal(round_points_for(true, true, LIMIT_MS, LIMIT_MS / 2), 125);
  assert_int_equal(round_points_for(true, true, LIMIT_MS, 0), 100);
  assert_int_equal(round_points_for(true, true, LIMIT_MS, 1), 101);  // rounded up
  assert_int_equal(round_points_for(true, true, LIMIT_MS, 4000), 110);
  assert_int_equal(round_points_for(true, true, 7000, 3000), 122);  // 21.43 -> 22
  assert_int_equal(round_points_for(true, false, LIMIT_MS, LIMIT_MS), 100);
  assert_int_equal(round_points_for(true, true, 0, 0), 100);
  assert_int_equal(round_points_for(false, true, LIMIT_MS, LIMIT_MS), 0);

  // The same through a round: answers at full, half time and at the deadline.
  Pack *p = fixture_pack(3, 3, PACK_KIND_PRACTICE);
  Round *r = make_round(p, 6, 20, true, NULL, 11);
  static const struct {
    int64_t after_ms;
    bool right;
    int points;
  } steps[] = {{0, true, 150}, {10000, true, 125}, {20000, true, 100},
               {0, false, 0},  {19999, true, 101}, {5000, false, 0}};
  int64_t now = 0;
  int total = 0;
  for (size_t i = 0; i < 6; i++) {
    RoundAnswer out;
    assert_int_equal(round_index(r), i);
    assert_true(round_start_question(r, now));
    now += steps[i].after_ms;
    PackAnswer a = steps[i].right ? right_answer(r) : wrong_answer(r);
    assert_true(round_answer(r, a, now, &out));
    assert_int_equal(out.correct, steps[i].right);
    assert_false(out.timed_out);
    assert_int_equal(out.points, steps[i].points);
    assert_int_equal(out.given, a);
    total += steps[i].points;
    assert_int_equal(round_score(r), total);
    assert_true(round_score(r) >= 0);
    now += 3000;  // feedback time does not count
    assert_int_equal(round_next(r), i + 1 < 6);
  }
  assert_true(round_is_finished(r));
  assert_int_equal(round_score(r), 150 + 125 + 100 + 101);
  assert_int_equal(round_max_score(r), 6 * 150);
  round_destroy(r);

  // Bonus off.
  r = make_round(p, 2, 20, false, NULL, 11);
  RoundAnswer out;
  assert_true(round_start_question(r, 0));
  assert_true(round_answer(r, right_answer(r), 0, &out));
  assert_int_equal(out.points, 100);
  assert_int_equal(round_max_score(r), 200);
  round_destroy(r);
  pack_destroy(p);
}

static void test_state_machine(void **state) {
  (void)state;
  Pack *p = fixture_pack(2, 1, PACK_KIND_PRACTICE);
  Round *r = make_round(p, 3, 10, true, NULL, 5);
  RoundAnswer out;
  assert_int_equal(round_state(r), ROUND_STATE_READY);
  assert_int_equal(round_count(r), 3);
  assert_ptr_equal(round_pack(r), p);
  assert_true(round_shows_feedback(r));
  assert_false(round_answer(r, PACK_ANSWER_REAL, 0, &out));  // not shown yet
  assert_false(round_next(r));
  assert_false(round_tick(r, 99999, &out));
  assert_int_equal(round_time_left_ms(r, 0), 10000);
  for (size_t i = 0; i < 3; i++) {
    assert_ptr_equal(round_current_item(r), round_item(r, i));
    assert_true(round_start_question(r, 0));
    assert_false(round_start_question(r, 0));
    assert_int_equal(round_state(r), ROUND_STATE_QUESTION);
    assert_true(round_answer(r, right_answer(r), 1000, NULL));
    assert_false(round_answer(r, right_answer(r), 1000, NULL));
    assert_int_equal(round_state(r), ROUND_STATE_FEEDBACK);
    assert_int_equal(round_result_count(r), i + 1);
    assert_ptr_equal(round_result(r, i)->item, round_item(r, i));
    round_next(r);
  }
  assert_true(round_is_finished(r));
  assert_null(round_current_item(r));
  assert_int_equal(round_index(r), 3);
  assert_false(round_next(r));
  assert_false(round_start_question(r, 0));
  round_destroy(r);
  pack_destroy(p);
}

int round_tests_run(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_draw_share_every_size),
      cmocka_unit_test(test_draw_scarce_class),
      cmocka_unit_test(test_draw_real_share_varies),
      cmocka_unit_test(test_draw_pack_real_share),
      cmocka_unit_test(test_draw_no_long_runs),
      cmocka_unit_test(test_draw_excluded),
      cmocka_unit_test(test_draw_seeded),
      cmocka_unit_test(test_draw_shuffled_order),
      cmocka_unit_test(test_draw_history_tiers),
      cmocka_unit_test(test_draw_history_random_within_tier),
      cmocka_unit_test(test_assessment_order),
      cmocka_unit_test(test_settings),
      cmocka_unit_test(test_timeout_counts_wrong),
      cmocka_unit_test(test_pause_freezes_timer),
      cmocka_unit_test(test_no_time_limit),
      cmocka_unit_test(test_scoring),
      cmocka_unit_test(test_state_machine),
  };
  return cmocka_run_group_tests_name("round", tests, NULL, NULL);
}

int main(void) {
  int failed = round_tests_run();
  failed += measures_tests_run();
  return failed != 0;
}

// Discernment measures against hand-worked examples (MIST V, r, f, d, n;
// signal detection; per technique; tendency and its sentence).
// Expected d'/c values were computed independently with Python's
// statistics.NormalDist().inv_cdf.
#include "support/test_support.h"

#include <math.h>
#include <string.h>

#include "base/rng.h"
#include "base/stats.h"
#include "quiz/measures.h"

#include "quiz/round.h"
#include "round/round_fixtures.h"

#define R PACK_ANSWER_REAL
#define F PACK_ANSWER_FABRICATED

enum { MAX_RESP = 40 };

// Builds responses: `real_given` holds the answers to the real items and
// `fake_given` those to the fabricated ones; 'r' real, 'f' fabricated,
// '-' no answer. Real items come first.
static size_t build(MeasureResponse *out, const char *real_given, const char *fake_given) {
  size_t n = 0;
  const char *lists[2] = {real_given, fake_given};
  for (int k = 0; k < 2; k++) {
    for (const char *c = lists[k]; *c; c++) {
      assert_true(n < MAX_RESP);
      out[n] = (MeasureResponse){
          .truth = k == 0 ? R : F,
          .answered = *c != '-',
          .given = *c == 'f' ? F : R,
      };
      n++;
    }
  }
  return n;
}

static Measures *measure(const char *real_given, const char *fake_given) {
  MeasureResponse resp[MAX_RESP];
  size_t n = build(resp, real_given, fake_given);
  return measures_create(resp, n);
}

static void assert_mist(const Measures *m, int v, int r, int f, int d, int n) {
  assert_int_equal(m->veracity, v);
  assert_int_equal(m->real_detected, r);
  assert_int_equal(m->fake_detected, f);
  assert_int_equal(m->distrust, d);
  assert_int_equal(m->naivety, n);
}

static void assert_close(double got, double want, double tol) {
  if (fabs(got - want) > tol) {
    fail_msg("got %.12f, want %.12f (tolerance %g)", got, want, tol);
  }
}

static void test_normal_quantile(void **state) {
  (void)state;
  static const struct {
    double p, z;
  } known[] = {
      {0.975, 1.959963985},
      {0.5, 0.0},
      {0.05, -1.644853627},
      // More points across the three branches of the approximation.
      {0.001, -3.090232306167813},
      {1e-10, -6.361340902404056},
      {0.9999, 3.7190164854557084},
      {0.02425, -1.9729610513118845},
      {0.3, -0.5244005127080407},
      {0.8, 0.8416212335729144},
  };
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
    assert_close(measures_normal_quantile(known[i].p), known[i].z, 1e-9);
  }
  // Symmetry and monotonicity on a grid.
  double prev = -INFINITY;
  for (int k = 1; k < 1000; k++) {
    double p = k / 1000.0;
    double z = measures_normal_quantile(p);
    assert_true(z > prev);
    assert_close(z, -measures_normal_quantile(1.0 - p), 1e-9);
    prev = z;
  }
  assert_true(isinf(measures_normal_quantile(0.0)) && measures_normal_quantile(0.0) < 0);
  assert_true(isinf(measures_normal_quantile(1.0)) && measures_normal_quantile(1.0) > 0);
  assert_true(isnan(measures_normal_quantile(NAN)));
}

static void test_all_real_all_fake(void **state) {
  (void)state;
  // Calling everything real on a 10/10 set: half right, maximal naivety.
  Measures *m = measure("rrrrrrrrrr", "rrrrrrrrrr");
  assert_mist(m, 10, 10, 0, 0, 10);
  assert_int_equal(m->real_answers, 20);
  assert_int_equal(m->fake_answers, 0);
  assert_int_equal(m->hits, 0);
  assert_int_equal(m->false_alarms, 0);
  assert_close(m->hit_rate_corrected, 0.5 / 11, 1e-15);
  assert_close(m->d_prime, 0.0, 1e-12);
  assert_close(m->criterion, 1.6906216295848977, 1e-9);  // leans to "real"
  assert_int_equal(m->tendency, MEASURES_TENDENCY_TOO_TRUSTING);
  assert_int_equal(m->missed_count, 10);
  for (size_t i = 0; i < 10; i++) {
    assert_int_equal(m->missed[i], 10 + i);
  }
  measures_destroy(m);

  // Calling everything fake: also half right, maximal distrust.
  m = measure("ffffffffff", "ffffffffff");
  assert_mist(m, 10, 0, 10, 10, 0);
  assert_int_equal(m->fake_answers, 20);
  assert_close(m->hit_rate, 1.0, 0);
  assert_close(m->false_alarm_rate, 1.0, 0);
  assert_close(m->d_prime, 0.0, 1e-12);
  assert_close(m->criterion, -1.6906216295848977, 1e-9);  // leans to "fabricated"
  assert_int_equal(m->tendency, MEASURES_TENDENCY_TOO_SKEPTICAL);
  measures_destroy(m);

  // Perfect: V = 20, d' from the corrected rates 10.5/11 and 0.5/11.
  m = measure("rrrrrrrrrr", "ffffffffff");
  assert_mist(m, 20, 10, 10, 0, 0);
  assert_close(m->d_prime, 3.3812432591697963, 1e-9);
  assert_close(m->criterion, 0.0, 1e-12);
  assert_int_equal(m->missed_count, 0);
  assert_int_equal(m->tendency, MEASURES_TENDENCY_BALANCED);
  assert_true(m->sdt_meaningful);
  // The store ranks rounds by base/stats.h's d' from the counts alone: the
  // same number as the measures.
  assert_close(stats_d_prime_corrected(m->hits, m->signals, m->false_alarms, m->noise), m->d_prime, 0);
  measures_destroy(m);
  m = measure("rrfrrfrrrr", "frffffrfff");
  assert_close(stats_d_prime_corrected(m->hits, m->signals, m->false_alarms, m->noise), m->d_prime, 0);
  measures_destroy(m);
  assert_close(stats_d_prime_corrected(0, 0, 0, 0), 0.0, 0);
}

static void test_mist20_examples(void **state) {
  (void)state;
  // MIST-20 (10 real, 10 fake). A trusting pattern: one real item called
  // fake, four fake items believed. V = 9 + 6 = 15; "real" answers = 9 + 4 = 13,
  // n = 13 - 10 = 3; "fake" answers = 1 + 6 = 7, d = 0.
  Measures *m = measure("rrrrrrrrrf", "ffffffrrrr");
  assert_mist(m, 15, 9, 6, 0, 3);
  assert_int_equal(m->real_called_fake, 1);
  assert_int_equal(m->fake_called_real, 4);
  assert_int_equal(m->hits, 6);
  assert_int_equal(m->false_alarms, 1);
  assert_close(m->hit_rate, 0.6, 1e-15);
  assert_close(m->false_alarm_rate, 0.1, 1e-15);
  assert_close(m->d_prime, 1.3266876796727456, 1e-9);
  assert_close(m->criterion, 0.4334597222571407, 1e-9);
  assert_int_equal(m->tendency, MEASURES_TENDENCY_TOO_TRUSTING);  // 4 >= max(2, ceil(2.5))
  measures_destroy(m);

  // A sceptical pattern: six real items called fake, every fake caught.
  // V = 4 + 10 = 14; "fake" answers 16, d = 6; "real" answers 4, n = 0.
  m = measure("rrrrffffff", "ffffffffff");
  assert_mist(m, 14, 4, 10, 6, 0);
  assert_int_equal(m->tendency, MEASURES_TENDENCY_TOO_SKEPTICAL);
  measures_destroy(m);

  // Errors of both kinds cancel in d and n (both 0) but not in V.
  m = measure("rrrrrrrfff", "fffffffrrr");
  assert_mist(m, 14, 7, 7, 0, 0);
  assert_int_equal(m->tendency, MEASURES_TENDENCY_BOTH);
  measures_destroy(m);
}

static void test_signal_detection_hand_example(void **state) {
  (void)state;
  // 10/10: 8 hits, 3 false alarms. H = 8.5/11, FA = 3.5/11.
  Measures *m = measure("rrrrrrrfff", "ffffffffrr");
  assert_int_equal(m->hits, 8);
  assert_int_equal(m->false_alarms, 3);
  assert_int_equal(m->signals, 10);
  assert_int_equal(m->noise, 10);
  assert_close(m->hit_rate_corrected, 8.5 / 11, 1e-15);
  assert_close(m->false_alarm_rate_corrected, 3.5 / 11, 1e-15);
  assert_close(m->d_prime, 1.2206477157555693, 1e-9);
  assert_close(m->criterion, -0.1375347368855174, 1e-9);
  // k_s = 3 reaches max(2, ceil(2.5)) = 3, k_t = 2 does not.
  assert_int_equal(m->tendency, MEASURES_TENDENCY_TOO_SKEPTICAL);
  measures_destroy(m);
}

static void test_unanswered(void **state) {
  (void)state;
  // 5/5 with one real item timed out: real r,r,r,f,-; fake f,f,f,f,r.
  // Wrong for V/r; neither a "real" nor a "fake" answer for d/n; left out of
  // signal detection (noise = 4 answered real items).
  Measures *m = measure("rrrf-", "ffffr");
  assert_mist(m, 7, 3, 4, 0, 0);
  assert_int_equal(m->unanswered, 1);
  assert_int_equal(m->answered, 9);
  assert_int_equal(m->real_answers, 4);
  assert_int_equal(m->fake_answers, 5);
  assert_int_equal(m->signals, 5);
  assert_int_equal(m->noise, 4);
  assert_close(m->d_prime, 1.1988902629041225, 1e-9);
  assert_close(m->criterion, -0.07504461874402052, 1e-9);
  assert_int_equal(m->missed_count, 3);
  assert_int_equal(m->missed[0], 3);
  assert_int_equal(m->missed[1], 4);
  assert_int_equal(m->missed[2], 9);
  assert_int_equal(m->tendency, MEASURES_TENDENCY_BALANCED);
  measures_destroy(m);

  // Everything timed out: all wrong, no distrust, no naivety.
  m = measure("--", "--");
  assert_mist(m, 0, 0, 0, 0, 0);
  assert_false(m->sdt_meaningful);
  assert_close(m->d_prime, 0.0, 1e-12);
  assert_int_equal(m->tendency, MEASURES_TENDENCY_OUT_OF_TIME);
  measures_destroy(m);

  // Nothing at all.
  m = measures_create(NULL, 0);
  assert_int_equal(m->total, 0);
  assert_int_equal(m->tendency, MEASURES_TENDENCY_BALANCED);
  measures_destroy(m);
  measures_destroy(NULL);
}

static void test_tendency_thresholds(void **state) {
  (void)state;
  static const struct {
    const char *real, *fake;
    MeasuresTendency want;
  } cases[] = {
      // 5/5: two errors of a kind are named (max(2, ceil(1.25)) = 2).
      {"rrrrf", "fffff", MEASURES_TENDENCY_BALANCED},
      {"rrrff", "fffff", MEASURES_TENDENCY_TOO_SKEPTICAL},
      {"rrrrr", "fffrr", MEASURES_TENDENCY_TOO_TRUSTING},
      {"rrrff", "fffrr", MEASURES_TENDENCY_BOTH},
      {"rrrrf", "ffffr", MEASURES_TENDENCY_BALANCED},
      // 10/10: three are needed (ceil(2.5) = 3).
      {"rrrrrrrrff", "ffffffffrr", MEASURES_TENDENCY_BALANCED},
      {"rrrrrrrfff", "ffffffffff", MEASURES_TENDENCY_TOO_SKEPTICAL},
      {"rrrrrrrrrr", "fffffffrrr", MEASURES_TENDENCY_TOO_TRUSTING},
      // 2/2: a class this small still needs two errors.
      {"rf", "ff", MEASURES_TENDENCY_BALANCED},
      {"ff", "ff", MEASURES_TENDENCY_TOO_SKEPTICAL},
      // 20 real: ceil(5) = 5.
      {"rrrrrrrrrrrrrrrrffff", "f", MEASURES_TENDENCY_BALANCED},
      {"rrrrrrrrrrrrrrrfffff", "f", MEASURES_TENDENCY_TOO_SKEPTICAL},
      // More than half unanswered wins over everything else; exactly half does not.
      {"-----", "-ffff", MEASURES_TENDENCY_OUT_OF_TIME},
      {"-----", "fffff", MEASURES_TENDENCY_BALANCED},
      {"f----", "ff--r", MEASURES_TENDENCY_OUT_OF_TIME},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    Measures *m = measure(cases[i].real, cases[i].fake);
    if (m->tendency != cases[i].want) {
      fail_msg("case %zu (%s / %s): tendency %d, want %d", i, cases[i].real, cases[i].fake, (int)m->tendency,
               (int)cases[i].want);
    }
    measures_destroy(m);
  }
}

static void test_technique_accuracy(void **state) {
  (void)state;
  TechniqueSet emo = 1u << TECHNIQUE_EMOTION, cons = 1u << TECHNIQUE_CONSPIRACY;
  MeasureResponse resp[] = {
      {F, true, F, emo | cons},  // caught
      {F, true, R, emo},         // believed
      {F, false, R, cons},       // timed out
      {F, true, F, cons},        // caught
      {F, true, F, 0},           // no technique
      {R, true, R, emo},         // real items' techniques are not counted
  };
  Measures *m = measures_create(resp, sizeof resp / sizeof resp[0]);
  assert_int_equal(m->techniques[TECHNIQUE_EMOTION].total, 2);
  assert_int_equal(m->techniques[TECHNIQUE_EMOTION].correct, 1);
  assert_int_equal(m->techniques[TECHNIQUE_CONSPIRACY].total, 3);
  assert_int_equal(m->techniques[TECHNIQUE_CONSPIRACY].correct, 2);
  assert_int_equal(m->techniques[TECHNIQUE_SATIRE].total, 0);
  assert_int_equal(m->missed_count, 2);
  assert_int_equal(m->missed[0], 1);
  assert_int_equal(m->missed[1], 2);
  measures_destroy(m);
}

static void test_tendency_sentence(void **state) {
  (void)state;
  char buf[512];
  // Counts are given over their class, as the plain counts beside them.
  Measures *m = measure("rrrrrrffff", "ffffffffff");
  assert_true(measures_tendency_sentence(m, buf, sizeof buf));
  assert_string_equal(buf,
                      "You leaned towards calling things fake: you rejected 4 of 10 real headlines. Doubt is "
                      "healthy, but distrusting everything is also a way to be misled.");
  // Cut short: still terminated, on a character boundary, and reported.
  char small[12];
  assert_false(measures_tendency_sentence(m, small, sizeof small));
  assert_string_equal(small, "You leaned ");
  measures_destroy(m);

  m = measure("rrrrr", "rrrff");
  assert_true(measures_tendency_sentence(m, buf, sizeof buf));
  assert_non_null(strstr(buf, "You leaned towards believing: you believed 3 of 5 fabricated headlines."));
  measures_destroy(m);

  m = measure("rrrff", "fffrr");
  assert_true(measures_tendency_sentence(m, buf, sizeof buf));
  assert_non_null(strstr(buf, "You rejected 2 of 5 real headlines and believed 2 of 5 fabricated ones. "));
  measures_destroy(m);

  m = measure("-", "");  // singular form
  assert_true(measures_tendency_sentence(m, buf, sizeof buf));
  assert_true(strncmp(buf, "You ran out of time on 1 of 1 headline:", 39) == 0);
  measures_destroy(m);

  m = measure("rr", "ff");
  assert_true(measures_tendency_sentence(m, buf, sizeof buf));
  assert_true(strncmp(buf, "You kept a good balance", 23) == 0);
  measures_destroy(m);
}

// Every item of a class is in exactly one pile: trusted / rejected / timed
// out for real ones, caught / believed / timed out for fabricated ones, so
// each plain count has its class as the denominator.
static void test_plain_counts_add_up(void **state) {
  (void)state;
  static const char *const cases[][2] = {
      {"rrrf-", "ffffr"}, {"-----", "-ffff"}, {"rf-", "--r"}, {"", "f-"}, {"rrrr", ""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    Measures *m = measure(cases[i][0], cases[i][1]);
    assert_int_equal(m->real_detected + m->real_called_fake + m->real_unanswered, m->real_items);
    assert_int_equal(m->fake_detected + m->fake_called_real + m->fake_unanswered, m->fake_items);
    assert_int_equal(m->real_unanswered + m->fake_unanswered, m->unanswered);
    // The signal-detection counts are the answered part of the same piles.
    assert_int_equal(m->hits, m->fake_detected);
    assert_int_equal(m->false_alarms, m->real_called_fake);
    assert_int_equal(m->signals, m->fake_items - m->fake_unanswered);
    assert_int_equal(m->noise, m->real_items - m->real_unanswered);
    measures_destroy(m);
  }
  Measures *m = measure("rf-", "--r");
  assert_int_equal(m->real_unanswered, 1);
  assert_int_equal(m->fake_unanswered, 2);
  measures_destroy(m);
}

static void test_detail_values(void **state) {
  (void)state;
  char buf[64];
  Measures *m = measure("rrrf-", "ffffr");
  static const char *const want[MEASURES_DETAIL_COUNT] = {"7 of 10", "3 of 5", "4 of 5", "0", "0", "1.20", "-0.08"};
  for (int d = 0; d < MEASURES_DETAIL_COUNT; d++) {
    assert_true(measures_detail_value(m, (MeasuresDetail)d, buf, sizeof buf));
    assert_string_equal(buf, want[d]);
    // Every figure has a meaning and a formula, and each says how a time-out counts.
    assert_true(strlen(measures_detail_meaning((MeasuresDetail)d)) > 10);
    const char *formula = measures_detail_formula((MeasuresDetail)d);
    assert_non_null(strstr(formula, "time-out"));
  }
  assert_string_equal(measures_detail_symbol(MEASURES_DETAIL_D_PRIME), "d′");
  measures_destroy(m);
  // No d′ without both kinds answered.
  m = measure("--", "ff");
  assert_true(measures_detail_value(m, MEASURES_DETAIL_D_PRIME, buf, sizeof buf));
  assert_string_equal(buf, "-");
  measures_destroy(m);
}

static void test_from_round(void **state) {
  (void)state;
  // Play a whole round: answer "fabricated" to everything, let question 2 time out.
  Pack *p = fixture_pack(5, 5, PACK_KIND_PRACTICE);
  p->items[5].techniques = 1u << TECHNIQUE_FAKE_EXPERT;
  RoundSettings s = round_settings_default(NULL);
  s.questions = 10;
  Rng rng;
  rng_seed(&rng, 9);
  char *err = NULL;
  Round *r = round_create(p, &s, NULL, &rng, &err);
  assert_non_null(r);
  int64_t now = 0;
  bool real_timed_out = false;
  do {
    assert_true(round_start_question(r, now));
    if (round_index(r) == 2) {
      real_timed_out = round_current_item(r)->answer == PACK_ANSWER_REAL;
      assert_true(round_tick(r, now + 20000, NULL));
    } else {
      assert_true(round_answer(r, PACK_ANSWER_FABRICATED, now + 1000, NULL));
    }
    now += 30000;
  } while (round_next(r));
  Measures *m = measures_create_from_round(r);
  assert_int_equal(m->total, 10);
  assert_int_equal(m->unanswered, 1);
  assert_int_equal(m->fake_answers, 9);
  assert_int_equal(m->fake_detected, real_timed_out ? 5 : 4);
  assert_int_equal(m->real_detected, 0);
  assert_int_equal(m->distrust, 4);
  assert_int_equal(m->missed_count, real_timed_out ? 5 : 6);
  assert_int_equal(m->techniques[TECHNIQUE_FAKE_EXPERT].total, 1);
  for (size_t i = 0; i < m->missed_count; i++) {
    const RoundAnswer *a = round_result(r, m->missed[i]);
    assert_false(a->correct);
  }
  measures_destroy(m);
  round_destroy(r);
  pack_destroy(p);
}

int measures_tests_run(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_normal_quantile),    cmocka_unit_test(test_all_real_all_fake),
      cmocka_unit_test(test_mist20_examples),    cmocka_unit_test(test_signal_detection_hand_example),
      cmocka_unit_test(test_unanswered),         cmocka_unit_test(test_tendency_thresholds),
      cmocka_unit_test(test_technique_accuracy), cmocka_unit_test(test_tendency_sentence),
      cmocka_unit_test(test_from_round),         cmocka_unit_test(test_plain_counts_add_up),
      cmocka_unit_test(test_detail_values),
  };
  return cmocka_run_group_tests_name("measures", tests, NULL, NULL);
}

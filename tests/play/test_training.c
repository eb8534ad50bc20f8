// The training rules in the play layer: no fake twice in a run, the
// confidence tap and calibration, "Which technique?", the stamped review,
// forewarning on the weakest technique, pair rounds (2AFC) and boosters on
// the expanding schedule with an injected clock.

#include "play/training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/str.h"
#include "play/booster.h"
#include "play/forewarn.h"
#include "play/pair.h"
#include "play/training_fixtures.h"
#include "store/store_test_support.h"
#include "support/test_support.h"

#define T0 STORE_TEST_T0
#define HOUR_MS (INT64_C(3600) * 1000)

typedef struct Fixture {
  char *dir;
  Store *store;
  int64_t pid;
} Fixture;

static int setup(void **state) {
  log_set_stderr(false);
  Fixture *f = xcalloc(1, sizeof *f);
  f->dir = test_tmpdir();
  f->store = store_test_open(f->dir);
  f->pid = store_test_player(f->store, "Ana");
  *state = f;
  return 0;
}

static int teardown(void **state) {
  Fixture *f = *state;
  store_close(f->store);
  test_rmtree(f->dir);
  free(f->dir);
  free(f);
  return 0;
}

static PlaySession *start(Fixture *f, const Pack *p, int questions, uint64_t seed, PlayRun *run) {
  RoundSettings rs = round_settings_default(p);
  rs.questions = questions;
  PlaySessionSpec spec = {.store = f ? f->store : NULL,
                          .player_id = f ? f->pid : 0,
                          .pack = p,
                          .settings = rs,
                          .seed = seed,
                          .started_unix_ms = T0,
                          .run = run};
  char *err = NULL;
  PlaySession *s = play_session_create(&spec, &err);
  if (!s) {
    fail_msg("session: %s", err);
  }
  return s;
}

// Answers question i: right when right_mask has bit i.
static void answer_one(PlaySession *s, int64_t t, bool right) {
  Round *r = play_session_round(s);
  assert_true(round_start_question(r, t));
  PackAnswer truth = round_current_item(r)->answer;
  PackAnswer wrong = truth == PACK_ANSWER_REAL ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL;
  assert_true(play_session_answer(s, right ? truth : wrong, t + 1500, T0 + t, NULL));
}

static void test_no_fake_twice_in_a_run(void **state) {
  (void)state;
  Pack *p = training_pack("run-pack", 30, 12, 0);
  PlayRun *run = play_run_create();
  bool fake_seen[12] = {false};
  size_t rounds = 0;
  for (uint64_t seed = 1; seed <= 10; seed++) {
    PlaySession *s = start(NULL, p, 10, seed, run);
    Round *r = play_session_round(s);
    for (size_t i = 0; i < round_count(r); i++) {
      const PackItem *it = round_item(r, i);
      if (it->answer == PACK_ANSWER_FABRICATED) {
        size_t k = (size_t)(it - p->items) - 30;
        assert_false(fake_seen[k]);  // never drawn twice in the run
        fake_seen[k] = true;
      }
      answer_one(s, (int64_t)i * 2000, true);
      round_next(r);
    }
    play_session_finish(s, T0);
    play_session_destroy(s);
    rounds++;
  }
  assert_int_equal(play_run_fake_count(run), 12);
  assert_true(play_run_fake_shown(run, "run-pack", "f3"));
  assert_false(play_run_fake_shown(run, "other-pack", "f3"));
  play_run_destroy(run);
  // A new run may show them again.
  PlaySession *s = start(NULL, p, 10, 1, NULL);
  size_t fakes = 0;
  for (size_t i = 0; i < round_count(play_session_round(s)); i++) {
    fakes += round_item(play_session_round(s), i)->answer == PACK_ANSWER_FABRICATED;
  }
  assert_true(fakes > 0);
  play_session_destroy(s);
  play_run_destroy(NULL);
  pack_destroy(p);
  assert_int_equal(rounds, 10);
}

static void test_quit_on_a_fake_counts_as_shown(void **state) {
  (void)state;
  Pack *p = training_pack("quit-pack", 0, 3, 0);
  PlayRun *run = play_run_create();
  PlaySession *s = start(NULL, p, 3, 1, run);
  assert_true(round_start_question(play_session_round(s), 0));
  play_session_abandon(s, T0);
  play_session_destroy(s);
  assert_int_equal(play_run_fake_count(run), 1);
  play_run_destroy(run);
  pack_destroy(p);
}

static void test_confidence_and_calibration(void **state) {
  Fixture *f = *state;
  Pack *p = training_pack("conf", 6, 4, 0);
  PlaySession *s = start(f, p, 10, 3, NULL);
  Round *r = play_session_round(s);
  // Nothing to rate before a verdict.
  assert_false(play_session_confidence(s, PLAY_CONFIDENCE_SURE));
  // Sure: right, right, wrong; guessing: wrong; think so: right; rest untapped.
  static const bool right[] = {true, true, false, false, true, true, true, true, true, true};
  static const PlayConfidence tap[] = {
      PLAY_CONFIDENCE_SURE, PLAY_CONFIDENCE_SURE, PLAY_CONFIDENCE_SURE, PLAY_CONFIDENCE_GUESS, PLAY_CONFIDENCE_THINK,
      PLAY_CONFIDENCE_NONE, PLAY_CONFIDENCE_NONE, PLAY_CONFIDENCE_NONE, PLAY_CONFIDENCE_NONE,  PLAY_CONFIDENCE_NONE};
  for (size_t i = 0; i < 10; i++) {
    answer_one(s, (int64_t)i * 2000, right[i]);
    if (tap[i] != PLAY_CONFIDENCE_NONE) {
      assert_true(play_session_confidence(s, tap[i]));
    }
    round_next(r);
  }
  assert_false(play_session_confidence(s, PLAY_CONFIDENCE_COUNT));
  PlaySummary *sum = play_summary_create(s);
  assert_int_equal(sum->calibration.given[PLAY_CONFIDENCE_SURE], 3);
  assert_int_equal(sum->calibration.correct[PLAY_CONFIDENCE_SURE], 2);
  assert_int_equal(sum->calibration.given[PLAY_CONFIDENCE_GUESS], 1);
  assert_int_equal(sum->calibration.correct[PLAY_CONFIDENCE_GUESS], 0);
  assert_int_equal(sum->calibration.given[PLAY_CONFIDENCE_NONE], 5);
  char buf[256];
  assert_true(play_calibration_sentence(&sum->calibration, PLAY_CONFIDENCE_SURE, buf, sizeof buf));
  assert_string_equal(buf, "When you were sure, you were right 2 of 3 times.");
  assert_false(play_calibration_sentence(&(PlayCalibration){0}, PLAY_CONFIDENCE_SURE, buf, sizeof buf));
  play_summary_destroy(sum);
  // Stored with the answers.
  StoreAnswerList list;
  assert_true(store_answers(f->store, &(StoreFilter){.round_id = play_session_round_id(s)}, &list, NULL));
  assert_int_equal(list.items[0].confidence, STORE_CONFIDENCE_SURE);
  assert_int_equal(list.items[3].confidence, STORE_CONFIDENCE_GUESS);
  assert_int_equal(list.items[5].confidence, STORE_CONFIDENCE_NONE);
  store_answer_list_free(&list);
  play_session_destroy(s);
  pack_destroy(p);
}

static void test_technique_question(void **state) {
  Fixture *f = *state;
  Pack *p = training_pack("tech", 0, 8, 0);
  p->items[0].techniques |= 1u << TECHNIQUE_SATIRE;  // two techniques of its own
  PlaySession *s = start(f, p, 8, 5, NULL);
  Round *r = play_session_round(s);
  int asked = 0, named = 0;
  for (size_t i = 0; i < round_count(r); i++) {
    PlayTechniqueQuestion q;
    assert_false(play_session_technique_question(s, &q));  // not before the verdict
    answer_one(s, (int64_t)i * 2000, i % 2 == 0);
    assert_true(play_session_technique_question(s, &q));
    PlayTechniqueQuestion again;
    assert_true(play_session_technique_question(s, &again));
    assert_memory_equal(q.choices, again.choices, sizeof q.choices);  // stable
    const PackItem *it = round_current_item(r);
    assert_ptr_equal(q.item, it);
    assert_true(it->techniques & (1u << q.choices[q.right]));
    for (int k = 0; k < 3; k++) {
      if (k != q.right) {
        assert_false(it->techniques & (1u << q.choices[k]));  // distractors are not its own
      }
      for (int j = k + 1; j < 3; j++) {
        assert_int_not_equal(q.choices[k], q.choices[j]);
      }
    }
    bool right = false;
    if (i < 6) {  // the last two are skipped
      int pick = i % 3 == 0 ? (q.right + 1) % 3 : q.right;
      assert_true(play_session_technique_answer(s, q.choices[pick], &right));
      assert_int_equal(right, pick == q.right);
      assert_false(play_session_technique_answer(s, q.choices[pick], &right));  // once
      asked++;
      named += right;
    }
    round_next(r);
  }
  PlaySummary *sum = play_summary_create(s);
  int questions = 0, correct = 0, verdicts = 0;
  for (int t = 0; t < TECHNIQUE_COUNT; t++) {
    questions += sum->techniques[t].questions;
    correct += sum->techniques[t].questions_correct;
    verdicts += sum->techniques[t].verdicts;
  }
  assert_int_equal(questions, asked);
  assert_int_equal(correct, named);
  assert_int_equal(verdicts, 9);  // 8 items, one with two techniques
  play_summary_destroy(sum);
  StoreTechniqueStatList stats;
  assert_true(store_technique_stats(f->store, f->pid, &stats, NULL));
  int stored = 0;
  for (size_t i = 0; i < stats.count; i++) {
    stored += stats.items[i].questions;
  }
  assert_int_equal(stored, asked);
  store_technique_stat_list_free(&stats);
  play_session_destroy(s);
  pack_destroy(p);
}

static void test_no_technique_question_for_real_or_assessment(void **state) {
  (void)state;
  Pack *p = training_pack("real-only", 3, 0, 0);
  PlaySession *s = start(NULL, p, 3, 1, NULL);
  answer_one(s, 0, true);
  PlayTechniqueQuestion q;
  assert_false(play_session_technique_question(s, &q));
  assert_true(play_session_confidence(s, PLAY_CONFIDENCE_THINK));
  play_session_destroy(s);
  pack_destroy(p);
  Pack *test = training_pack("test", 0, 2, 0);
  test->kind = PACK_KIND_ASSESSMENT;
  s = start(NULL, test, 2, 1, NULL);
  answer_one(s, 0, true);
  assert_false(play_session_technique_question(s, &q));  // nothing is revealed in a test
  play_session_destroy(s);
  pack_destroy(test);
  // An item showing every technique but one leaves no two distractors: no question.
  Pack *all = training_pack("all", 0, 1, 0);
  all->items[0].techniques = ((1u << TECHNIQUE_COUNT) - 1) & ~1u;
  s = start(NULL, all, 1, 1, NULL);
  answer_one(s, 0, true);
  assert_false(play_session_technique_question(s, &q));
  assert_false(play_session_technique_answer(s, TECHNIQUE_IMPERSONATION, NULL));
  play_session_destroy(s);
  pack_destroy(all);
}

static void test_review_stamps_every_believed_fake(void **state) {
  (void)state;
  Pack *p = training_pack("review", 6, 4, 0);
  PlaySession *s = start(NULL, p, 10, 11, NULL);
  Round *r = play_session_round(s);
  size_t believed = 0, rejected = 0;
  for (size_t i = 0; i < round_count(r); i++) {
    bool fake = round_current_item(r)->answer == PACK_ANSWER_FABRICATED;
    bool right = i % 3 != 0;
    answer_one(s, (int64_t)i * 2000, right);
    believed += fake && !right;
    rejected += !fake && !right;
    round_next(r);
  }
  PlaySummary *sum = play_summary_create(s);
  assert_int_equal(sum->believed_count, believed);
  assert_int_equal(sum->rejected_count, rejected);
  assert_int_equal(sum->review_count, believed + rejected);
  for (size_t i = 0; i < sum->review_count; i++) {
    const PlayReviewEntry *e = &sum->review[i];
    if (i < believed) {
      assert_true(e->believed);
      assert_int_equal(e->stamp, PLAY_STAMP_FALSE);
      assert_non_null(e->true_fact);
    } else {
      assert_true(e->rejected);
      assert_int_equal(e->stamp, PLAY_STAMP_TRUE);
      assert_string_equal(e->source, "Example Times");
    }
  }
  assert_true(sum->mean_response_ms == 1500);
  play_summary_destroy(sum);
  play_summary_destroy(NULL);
  play_session_destroy(s);
  pack_destroy(p);
}

static void test_forewarn_weakest_then_unmet(void **state) {
  (void)state;
  Pack *p = training_pack("fw", 2, 11, 0);  // f0..f10: one technique each
  // Emotion 2 of 6 right, conspiracy 1 of 5, satire 0 of 2 (too few to judge).
  StoreTechniqueStat items[] = {{.name = "conspiracy", .verdicts = 5, .verdicts_correct = 1},
                                {.name = "emotion", .verdicts = 6, .verdicts_correct = 2},
                                {.name = "satire", .verdicts = 2, .verdicts_correct = 0}};
  StoreTechniqueStatList stats = {items, 3};
  for (uint64_t seed = 1; seed <= 5; seed++) {
    Technique t;
    assert_true(play_forewarn_pick(&stats, p, seed, &t));
    assert_int_equal(t, TECHNIQUE_CONSPIRACY);
  }
  // Without enough data anywhere: one not met yet (never satire, met twice).
  stats.count = 0;
  StoreTechniqueStat few[] = {{.name = "satire", .verdicts = 2, .verdicts_correct = 0}};
  stats.items = few;
  stats.count = 1;
  bool varied = false;
  Technique first = TECHNIQUE_COUNT;
  for (uint64_t seed = 1; seed <= 20; seed++) {
    Technique t;
    assert_true(play_forewarn_pick(&stats, p, seed, &t));
    assert_int_not_equal(t, TECHNIQUE_SATIRE);
    varied |= first != TECHNIQUE_COUNT && t != first;
    first = t;
  }
  assert_true(varied);  // the seed chooses among the unmet
  // A card has all its parts.
  PlayForewarnCard card;
  for (int t = 0; t < TECHNIQUE_COUNT; t++) {
    assert_true(play_forewarn_card((Technique)t, &card));
    assert_true(strlen(card.title) > 0 && strlen(card.what) > 0 && strlen(card.example) > 0 && strlen(card.spot) > 0);
  }
  pack_destroy(p);
}

static void test_forewarn_from_store(void **state) {
  Fixture *f = *state;
  Pack *p = training_pack("fws", 0, 2 * TECHNIQUE_COUNT, 0);  // two items per technique
  // Miss every emotion item, get the rest right: emotion is the weakest... but
  // with only 2 verdicts it lacks data; play 3 rounds to get 6.
  for (uint64_t seed = 1; seed <= 3; seed++) {
    PlaySession *s = start(f, p, 2 * TECHNIQUE_COUNT, seed, NULL);
    Round *r = play_session_round(s);
    for (size_t i = 0; i < round_count(r); i++) {
      bool emotion = round_current_item(r)->techniques & (1u << TECHNIQUE_EMOTION);
      answer_one(s, (int64_t)i * 2000, !emotion);
      round_next(r);
    }
    play_session_finish(s, T0);
    play_session_destroy(s);
  }
  PlayForewarnCard card;
  assert_true(play_forewarn_for(f->store, f->pid, p, 9, &card));
  assert_int_equal(card.technique, TECHNIQUE_EMOTION);
  assert_true(play_forewarn_for(NULL, 0, p, 9, &card));  // a guest: some card
  pack_destroy(p);
}

static void test_pair_round(void **state) {
  Fixture *f = *state;
  Pack *p = training_pack("pairs", 8, 8, 6);
  // A broken pair (two real with one id) is not used.
  free(p->items[7].pair);
  p->items[7].pair = xstrdup("p0");
  assert_int_equal(play_pairs_available(p, NULL), 5);
  PlayRun *run = play_run_create();
  PlayPairSpec spec = {.store = f->store, .player_id = f->pid, .pack = p, .pairs = 10, .seed = 4, .run = run};
  char *err = NULL;
  PlayPairRound *pr = play_pair_round_create(&spec, &err);
  assert_non_null(pr);
  assert_int_equal(play_pair_round_count(pr), 5);
  // Always picking the left side (or always "fake") cannot win: sides are seeded.
  int left_real = 0;
  for (int64_t t = 0; !play_pair_round_is_finished(pr); t += 3000) {
    PlayPairQuestion q;
    assert_true(play_pair_round_current(pr, t, &q));
    assert_int_equal(q.left->answer == PACK_ANSWER_REAL, q.real_side == PLAY_SIDE_LEFT);
    assert_int_not_equal(q.left->answer, q.right->answer);
    assert_string_equal(q.left->pair, q.right->pair);
    left_real += q.real_side == PLAY_SIDE_LEFT;
    PlayPairResult res;
    assert_true(play_pair_round_answer(pr, PLAY_SIDE_LEFT, t + 2000, T0 + t, &res));
    assert_int_equal(res.correct, q.real_side == PLAY_SIDE_LEFT);
    assert_int_equal(res.response_ms, 2000);
    assert_false(play_pair_round_answer(pr, PLAY_SIDE_LEFT, t + 2100, T0 + t, NULL));
    play_pair_round_next(pr);
  }
  assert_int_equal(play_pair_round_correct(pr), left_real);
  assert_true(left_real > 0 && left_real < 5);
  play_pair_round_finish(pr, T0 + 20000);
  assert_false(play_pair_round_save_failed(pr));
  // Recorded: both ids, a pair round, the player practised.
  StoreAnswerList list;
  assert_true(store_answers(f->store, &(StoreFilter){.player_id = f->pid}, &list, NULL));
  assert_int_equal(list.count, 5);
  assert_non_null(list.items[0].pair_item_id);
  assert_int_equal(list.items[0].truth, STORE_VERDICT_REAL);
  store_answer_list_free(&list);
  StorePracticeState ps;
  assert_true(store_practice_state(f->store, f->pid, &ps, NULL));
  assert_true(ps.last_practised_ms == T0 + 20000);
  play_pair_round_destroy(pr);
  // Their fakes were shown in this run: no pair is left.
  assert_int_equal(play_pairs_available(p, run), 0);
  assert_null(play_pair_round_create(&spec, &err));
  assert_non_null(err);
  free(err);
  play_run_destroy(run);
  play_pair_round_destroy(NULL);
  pack_destroy(p);
}

static void test_booster_schedule(void **state) {
  (void)state;
  StorePracticeState st = {.last_practised_ms = T0, .boosters_done = 0};
  static const struct {
    int64_t after_ms;
    int done;
    bool due;
    int step;
  } cases[] = {
      {0, 0, false, 0},
      {23 * HOUR_MS, 0, false, 0},
      {25 * HOUR_MS, 0, true, 1},
      {6 * 24 * HOUR_MS, 1, false, 0},  // took the first at 25 h
      {8 * 24 * HOUR_MS, 1, true, 2},
      {8 * 24 * HOUR_MS, 2, false, 0},
      {31 * 24 * HOUR_MS, 2, true, 3},
      {31 * 24 * HOUR_MS, 0, true, 3},   // back after a month: one booster, step 3
      {90 * 24 * HOUR_MS, 3, false, 0},  // the schedule is over
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    st.boosters_done = cases[i].done;
    PlayBoosterOffer o = play_booster_schedule(&st, T0 + cases[i].after_ms);
    if (o.due != cases[i].due || o.step != cases[i].step) {
      fail_msg("case %zu: due %d step %d", i, o.due, o.step);
    }
  }
  PlayBoosterOffer o = play_booster_schedule(&(StorePracticeState){0}, T0);
  assert_false(o.due);  // never practised: nothing to boost
  st.boosters_done = 0;
  o = play_booster_schedule(&st, T0 + 23 * HOUR_MS);
  assert_true(o.next_due_ms == T0 + 24 * HOUR_MS);
}

static void test_booster_round(void **state) {
  Fixture *f = *state;
  Pack *p = training_pack("boost", 12, 2 * TECHNIQUE_COUNT, 0);  // two fakes per technique
  Pack *other = training_pack("boost-b", 3, 0, 0);
  // Practise: 10 questions, every fake believed.
  PlaySession *s = start(f, p, 10, 2, NULL);
  Round *r = play_session_round(s);
  TechniqueSet missed = 0;
  for (size_t i = 0; i < round_count(r); i++) {
    const PackItem *it = round_current_item(r);
    if (it->answer == PACK_ANSWER_FABRICATED) {
      missed |= it->techniques;
    }
    answer_one(s, (int64_t)i * 2000, it->answer == PACK_ANSWER_REAL);
    round_next(r);
  }
  play_session_finish(s, T0);
  play_session_destroy(s);
  PlayBoosterOffer o;
  assert_true(play_booster_offer(f->store, f->pid, T0 + 23 * HOUR_MS, &o, NULL));
  assert_false(o.due);
  assert_true(play_booster_offer(f->store, f->pid, T0 + 25 * HOUR_MS, &o, NULL));
  assert_true(o.due);
  assert_int_equal(o.step, 1);
  const Pack *packs[] = {other, p};
  PlayBoosterSpec bs = {.store = f->store,
                        .player_id = f->pid,
                        .packs = packs,
                        .pack_count = 2,
                        .step = o.step,
                        .seed = 8,
                        .started_unix_ms = T0 + 25 * HOUR_MS};
  char *err = NULL;
  PlaySession *b = play_booster_create(&bs, &err);
  assert_non_null(b);
  assert_ptr_equal(play_session_pack(b), p);
  r = play_session_round(b);
  assert_int_equal(round_count(r), PLAY_BOOSTER_ITEMS);
  assert_int_equal(round_settings(r)->seconds_per_question, PLAY_BOOSTER_SECONDS);
  StoreItemStatList seen;
  assert_true(store_item_history(f->store, f->pid, p->id, &seen, NULL));
  size_t fakes = 0, from_missed = 0;
  for (size_t i = 0; i < round_count(r); i++) {
    const PackItem *it = round_item(r, i);
    assert_null(store_item_stat_find(&seen, it->id));  // not seen before
    fakes += it->answer == PACK_ANSWER_FABRICATED;
    from_missed += (it->techniques & missed) != 0;
  }
  store_item_stat_list_free(&seen);
  assert_int_equal(fakes, PLAY_BOOSTER_FAKES);
  assert_true(from_missed >= 1);
  for (size_t i = 0; i < round_count(r); i++) {
    answer_one(b, (int64_t)i * 2000, true);
    round_next(r);
  }
  play_session_finish(b, T0 + 26 * HOUR_MS);
  play_session_destroy(b);
  // Step 1 taken: nothing at 6 days, step 2 at 8 days (from the practice).
  assert_true(play_booster_offer(f->store, f->pid, T0 + 6 * 24 * HOUR_MS, &o, NULL));
  assert_false(o.due);
  assert_true(play_booster_offer(f->store, f->pid, T0 + 8 * 24 * HOUR_MS, &o, NULL));
  assert_true(o.due);
  assert_int_equal(o.step, 2);
  StoreRoundList rounds;
  assert_true(store_rounds(f->store, &(StoreFilter){.player_id = f->pid}, &rounds, NULL));
  assert_int_equal(rounds.items[0].kind, STORE_ROUND_BOOSTER);
  store_round_list_free(&rounds);
  pack_destroy(other);
  pack_destroy(p);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_no_fake_twice_in_a_run),
      cmocka_unit_test(test_quit_on_a_fake_counts_as_shown),
      T(test_confidence_and_calibration),
      T(test_technique_question),
      cmocka_unit_test(test_no_technique_question_for_real_or_assessment),
      cmocka_unit_test(test_review_stamps_every_believed_fake),
      cmocka_unit_test(test_forewarn_weakest_then_unmet),
      T(test_forewarn_from_store),
      T(test_pair_round),
      cmocka_unit_test(test_booster_schedule),
      T(test_booster_round),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

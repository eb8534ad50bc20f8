// Proof in tests: five simulated players play 200 seeded rounds each through
// the play layer (sessions, a run of the game every 10 rounds, a store), and
// the measures and the lean sentence rank and describe each one correctly.
// "Gains from practice" (play_gains_from_practice): d' of the last 20 rounds
// minus d' of the first 20 is at least PLAY_GAIN_MIN_D_PRIME. Only the
// discerning learner, whose accuracy grows with each feedback seen, gains;
// the cynical and credulous players get the same feedback and ignore it.
// Prints a table per player.

#include "play/training.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/str.h"
#include "play/training_fixtures.h"
#include "support/test_support.h"

#define T0 INT64_C(1700000000000)

enum { ROUNDS = 200, QUESTIONS = 10, RUN_ROUNDS = 10, BLOCK_ROUNDS = 20 };

typedef enum Kind { DISCERNING, CYNICAL, CREDULOUS, RANDOM, FAST, KIND_COUNT } Kind;
static const char *const KIND_NAMES[KIND_COUNT] = {"discerning", "cynical", "credulous", "random", "fast guesser"};
static const PlayLean EXPECTED[KIND_COUNT] = {PLAY_LEAN_DISCERNING, PLAY_LEAN_SCEPTICAL, PLAY_LEAN_TRUSTING,
                                              PLAY_LEAN_GUESSING, PLAY_LEAN_HASTY};

typedef struct Player {
  Kind kind;
  Rng rng;
  int feedback_seen;  // answers whose feedback was shown
} Player;

static double uniform(Rng *rng) {
  return rng_next(rng) / 4294967296.0;
}

// The simulated answer and its response time.
static PackAnswer decide(Player *p, const PackItem *item, int64_t *ms) {
  PackAnswer truth = item->answer;
  PackAnswer other = truth == PACK_ANSWER_REAL ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL;
  *ms = 3000 + (int64_t)rng_below(&p->rng, 4000);
  switch (p->kind) {
  case DISCERNING: {
    // Accuracy grows with feedback: 60 % at first, towards 90 %.
    double acc = 0.9 - 0.3 * exp(-p->feedback_seen / 300.0);
    return uniform(&p->rng) < acc ? truth : other;
  }
  case CYNICAL:
    return uniform(&p->rng) < 0.8 ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL;
  case CREDULOUS:
    return uniform(&p->rng) < 0.8 ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED;
  case FAST:
    *ms = 300 + (int64_t)rng_below(&p->rng, 400);
    return rng_below(&p->rng, 2) ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED;
  case RANDOM:
  case KIND_COUNT:
    break;
  }
  return rng_below(&p->rng, 2) ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED;
}

typedef struct Played {
  MeasureResponse *all;
  size_t count;
  size_t block_end;   // responses in the first BLOCK_ROUNDS rounds
  size_t late_start;  // first response of the last BLOCK_ROUNDS rounds
  int64_t total_ms;
  int rounds_stored;
} Played;

static void play_one_round(Store *store, int64_t pid, const Pack *pack, Player *pl, PlayRun *run, uint64_t seed,
                           Played *out) {
  RoundSettings rs = round_settings_default(pack);
  rs.questions = QUESTIONS;
  PlaySessionSpec spec = {
      .store = store, .player_id = pid, .pack = pack, .settings = rs, .seed = seed, .started_unix_ms = T0, .run = run};
  char *err = NULL;
  PlaySession *s = play_session_create(&spec, &err);
  if (!s) {
    fail_msg("session: %s", err);
  }
  Round *r = play_session_round(s);
  int64_t t = 0;
  for (size_t i = 0; i < round_count(r); i++) {
    assert_true(round_start_question(r, t));
    const PackItem *it = round_current_item(r);
    int64_t ms;
    PackAnswer a = decide(pl, it, &ms);
    RoundAnswer res;
    assert_true(play_session_answer(s, a, t + ms, T0 + t, &res));
    out->all[out->count++] = (MeasureResponse){.truth = it->answer, .answered = true, .given = a};
    out->total_ms += ms;
    pl->feedback_seen++;  // the feedback screen explains every answer
    t += ms + 5000;
    round_next(r);
  }
  play_session_finish(s, T0 + t);
  out->rounds_stored += play_session_round_id(s) > 0;
  play_session_destroy(s);
}

static void play_player(Store *store, const Pack *pack, Kind kind, Played *out) {
  char name[32];
  snprintf(name, sizeof name, "Sim %d", (int)kind);
  int64_t pid = 0;
  assert_true(store_player_get_or_create(store, name, T0, &pid, NULL));
  Player pl = {.kind = kind};
  rng_seed(&pl.rng, 1000 + (uint64_t)kind);
  Rng seeds;
  rng_seed(&seeds, 77 + (uint64_t)kind);
  *out = (Played){.all = xcalloc(ROUNDS * QUESTIONS, sizeof *out->all)};
  PlayRun *run = NULL;
  for (int round = 0; round < ROUNDS; round++) {
    if (round % RUN_ROUNDS == 0) {  // a new run of the game every 10 rounds
      play_run_destroy(run);
      run = play_run_create();
    }
    if (round == ROUNDS - BLOCK_ROUNDS) {
      out->late_start = out->count;
    }
    play_one_round(store, pid, pack, &pl, run, play_seed_next(&seeds), out);
    if (round == BLOCK_ROUNDS - 1) {
      out->block_end = out->count;
    }
  }
  play_run_destroy(run);
}

static void test_simulated_players(void **state) {
  (void)state;
  log_set_stderr(false);
  char *dir = test_tmpdir();
  StoreOpenResult res;
  // An in-memory store (as when the folder cannot be written): 10 000 answers
  // recorded without waiting for the disk.
  Store *store = store_open(dir, &(StoreOptions){.force_read_only = true}, &res);
  assert_non_null(store);
  store_open_result_clear(&res);
  Pack *pack = training_pack("sim", 120, 80, 0);

  double dprime[KIND_COUNT];
  bool gains[KIND_COUNT];
  printf("%-13s %9s %5s %5s %4s %4s %6s %6s %8s %8s %6s  %s\n", "player", "V", "r", "f", "d", "n", "d'", "c", "d' 1-20",
         "d' last", "gain", "lean");
  for (int k = 0; k < KIND_COUNT; k++) {
    Played pl;
    play_player(store, pack, (Kind)k, &pl);
    assert_int_equal(pl.rounds_stored, ROUNDS);
    Measures *m = measures_create(pl.all, pl.count);
    Measures *early = measures_create(pl.all, pl.block_end);
    Measures *late = measures_create(pl.all + pl.late_start, pl.count - pl.late_start);
    int64_t mean_ms = pl.total_ms / (int64_t)pl.count;
    PlayLean lean = play_lean_of(m, mean_ms);
    double gain;
    gains[k] = play_gains_from_practice(early, late, &gain);
    dprime[k] = m->d_prime;
    char sentence[512];
    assert_true(play_lean_sentence(lean, m, mean_ms, sentence, sizeof sentence));
    printf("%-13s %4d/%4d %5d %5d %4d %4d %6.2f %6.2f %8.2f %8.2f %6.2f  %s\n", KIND_NAMES[k], m->veracity, m->total,
           m->real_detected, m->fake_detected, m->distrust, m->naivety, m->d_prime, m->criterion, early->d_prime,
           late->d_prime, gain, sentence);
    if (lean != EXPECTED[k]) {
      fail_msg("%s described as lean %d, not %d: %s", KIND_NAMES[k], (int)lean, (int)EXPECTED[k], sentence);
    }
    // The MIST view agrees: the cynic distrusts, the credulous is naive.
    if (k == CYNICAL) {
      assert_true(m->distrust > 0 && m->naivety == 0);
    }
    if (k == CREDULOUS) {
      assert_true(m->naivety > 0 && m->distrust == 0);
    }
    measures_destroy(m);
    measures_destroy(early);
    measures_destroy(late);
    free(pl.all);
  }
  // Ranked by discernment: the discerning player first, by a clear margin;
  // the others cannot tell real from fabricated (d' near 0).
  for (int k = 1; k < KIND_COUNT; k++) {
    assert_true(dprime[DISCERNING] > dprime[k] + 1.0);
    assert_true(fabs(dprime[k]) < 0.3);
  }
  // Only the discerning learner gains from practice.
  assert_true(gains[DISCERNING]);
  for (int k = 1; k < KIND_COUNT; k++) {
    assert_false(gains[k]);
  }
  pack_destroy(pack);
  store_close(store);
  test_rmtree(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_simulated_players),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

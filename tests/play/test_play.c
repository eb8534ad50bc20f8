// The play layer without a window: round settings for assessments, seeds
// and a fixed draw, recording (lazily: no empty round), abandoning, guests,
// pack progress and a leaderboard where care beats speed.

#include "play/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/str.h"
#include "round/round_fixtures.h"
#include "store/store_test_support.h"
#include "support/test_support.h"

#define T0 STORE_TEST_T0

typedef struct Fixture {
  char *dir;
  Store *store;
} Fixture;

static int setup(void **state) {
  log_set_stderr(false);
  Fixture *f = xcalloc(1, sizeof *f);
  f->dir = test_tmpdir();
  f->store = store_test_open(f->dir);
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

static int64_t player(Store *s, const char *name) {
  int64_t id = 0;
  assert_true(store_player_get_or_create(s, name, T0, &id, NULL));
  return id;
}

static size_t count_rounds(Store *s, int64_t pid) {
  StoreRoundList list;
  assert_true(store_rounds(s, &(StoreFilter){.player_id = pid}, &list, NULL));
  size_t n = list.count;
  store_round_list_free(&list);
  return n;
}

static PlaySession *session(Store *store, int64_t pid, const Pack *pack, RoundSettings rs, uint64_t seed) {
  PlaySessionSpec spec = {
      .store = store, .player_id = pid, .pack = pack, .settings = rs, .seed = seed, .started_unix_ms = T0};
  char *err = NULL;
  PlaySession *s = play_session_create(&spec, &err);
  if (!s) {
    fail_msg("session: %s", err);
  }
  return s;
}

// ---- settings ------------------------------------------------------------------

static void test_assessment_settings(void **state) {
  (void)state;
  Pack *test = fixture_pack(3, 3, PACK_KIND_ASSESSMENT);
  PlayPreferences prefs = {.seconds_per_question = 10, .questions = 2, .speed_bonus = true};
  // The player's 10 s and 2 questions do not touch a validated test.
  RoundSettings rs = play_round_settings(test, &prefs);
  assert_int_equal(rs.seconds_per_question, 0);
  Rng rng;
  rng_seed(&rng, 1);
  char *err = NULL;
  Round *r = round_create(test, &rs, NULL, &rng, &err);
  if (!r) {
    fail_msg("round: %s", err);
  }
  assert_int_equal(round_count(r), 6);  // the full item set
  assert_int_equal(round_time_limit_ms(r), 0);
  round_destroy(r);
  // Unless the pack itself sets seconds.
  test->round_seconds = 30;
  assert_int_equal(play_round_settings(test, &prefs).seconds_per_question, 30);
  prefs.seconds_per_question = PLAY_SECONDS_OFF;
  assert_int_equal(play_round_settings(test, &prefs).seconds_per_question, 30);
  pack_destroy(test);

  Pack *practice = fixture_pack(5, 5, PACK_KIND_PRACTICE);
  prefs = (PlayPreferences){.seconds_per_question = 10, .questions = 4, .speed_bonus = false};
  rs = play_round_settings(practice, &prefs);
  assert_int_equal(rs.seconds_per_question, 10);
  assert_int_equal(rs.questions, 4);
  assert_false(rs.speed_bonus);
  prefs = (PlayPreferences){.seconds_per_question = PLAY_FROM_PACK, .questions = PLAY_FROM_PACK};
  practice->round_seconds = 45;
  practice->round_questions = 6;
  rs = play_round_settings(practice, &prefs);
  assert_int_equal(rs.seconds_per_question, 45);
  assert_int_equal(rs.questions, 6);
  practice->round_seconds = 500;  // a pack built in memory: clamped, not refused
  assert_int_equal(play_round_settings(practice, &prefs).seconds_per_question, ROUND_SECONDS_MAX);
  prefs.seconds_per_question = PLAY_SECONDS_OFF;
  assert_int_equal(play_round_settings(practice, &prefs).seconds_per_question, 0);
  pack_destroy(practice);
}

// ---- determinism ------------------------------------------------------------------

static void test_fixed_seed_fixed_round(void **state) {
  (void)state;
  Rng a, b;
  rng_seed(&a, 42);
  rng_seed(&b, 42);
  uint64_t high = rng_next(&b);
  uint64_t low = rng_next(&b);
  uint64_t seed = play_seed_next(&a);
  assert_true(seed == ((high << 32) | low));  // the first draw is the high word
  assert_true(seed == UINT64_C(0xcb738720d1221c21));

  // The same seed draws the same items in the same order, on every compiler.
  Pack *p = fixture_pack(6, 6, PACK_KIND_PRACTICE);
  RoundSettings rs = round_settings_default(p);
  rs.questions = 6;
  static const char *const expected[] = {"r1", "r2", "f2", "f0", "r5", "r3"};
  for (int run = 0; run < 2; run++) {
    PlaySession *s = session(NULL, 0, p, rs, seed);
    Round *r = play_session_round(s);
    assert_int_equal(round_count(r), 6);
    for (size_t i = 0; i < 6; i++) {
      assert_string_equal(round_item(r, i)->id, expected[i]);
    }
    assert_true(play_session_seed(s) == seed);
    play_session_destroy(s);
  }
  pack_destroy(p);
}

// ---- recording --------------------------------------------------------------------

static void test_no_empty_round_then_lazy_row(void **state) {
  Fixture *f = *state;
  int64_t pid = player(f->store, "Ann");
  Pack *p = fixture_pack(2, 2, PACK_KIND_PRACTICE);
  RoundSettings rs = round_settings_default(p);
  rs.questions = 4;

  // Closed on the first question: nothing stored.
  PlaySession *s = session(f->store, pid, p, rs, 7);
  assert_true(round_start_question(play_session_round(s), 0));
  assert_int_equal(count_rounds(f->store, pid), 0);
  play_session_abandon(s, T0 + 500);
  play_session_destroy(s);
  assert_int_equal(count_rounds(f->store, pid), 0);

  // One answer: the row exists from that answer on, then is abandoned.
  s = session(f->store, pid, p, rs, 7);
  Round *r = play_session_round(s);
  round_start_question(r, 0);
  RoundAnswer a;
  assert_false(play_session_tick(s, 1000, T0 + 1000, &a));
  assert_true(play_session_answer(s, round_current_item(r)->answer, 1500, T0 + 1500, &a));
  assert_true(a.correct);
  assert_false(play_session_answer(s, PACK_ANSWER_REAL, 1600, T0 + 1600, NULL));  // no question open
  assert_true(play_session_round_id(s) > 0);
  StoreRoundList list;
  assert_true(store_rounds(f->store, &(StoreFilter){.player_id = pid}, &list, NULL));
  assert_int_equal(list.count, 1);
  assert_int_equal(list.items[0].status, STORE_ROUND_IN_PROGRESS);
  assert_int_equal(list.items[0].answered, 1);
  assert_int_equal(list.items[0].started_ms, T0);
  assert_true(list.items[0].seed == 7);
  store_round_list_free(&list);
  play_session_abandon(s, T0 + 2000);
  play_session_abandon(s, T0 + 3000);  // once only
  play_session_destroy(s);
  assert_true(store_rounds(f->store, &(StoreFilter){.player_id = pid}, &list, NULL));
  assert_int_equal(list.items[0].status, STORE_ROUND_ABANDONED);
  assert_int_equal(list.items[0].ended_ms, T0 + 2000);
  store_round_list_free(&list);
  s = session(f->store, pid, p, rs, 8);
  assert_false(play_session_save_failed(s));
  play_session_destroy(s);
  pack_destroy(p);
}

// Plays a whole round: answer(i, item) gives 'r', 'f' or '-' (let the
// time run out) after `think_ms`.
typedef char (*Strategy)(size_t i, const PackItem *item, int *state);

static int64_t play_all(Store *store, int64_t pid, const Pack *p, const RoundSettings *rs, uint64_t seed,
                        int64_t think_ms, Strategy strategy) {
  PlaySession *s = session(store, pid, p, *rs, seed);
  Round *r = play_session_round(s);
  int64_t now = 0;
  int st[2] = {0, 0};
  for (size_t i = 0; i < round_count(r); i++) {
    assert_true(round_start_question(r, now));
    char what = strategy(i, round_current_item(r), st);
    if (what == '-') {
      now += round_time_limit_ms(r);
      assert_true(play_session_tick(s, now, T0 + now, NULL));
    } else {
      now += think_ms;
      assert_true(play_session_answer(s, what == 'r' ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED, now, T0 + now, NULL));
    }
    round_next(r);
  }
  play_session_finish(s, T0 + now + 1);
  assert_true(round_is_finished(r));
  int64_t id = play_session_round_id(s);
  Round *taken = play_session_take_round(s);
  assert_ptr_equal(taken, r);
  assert_null(play_session_round(s));
  play_session_destroy(s);
  round_destroy(taken);
  return id;
}

static char always_fabricated(size_t i, const PackItem *item, int *state) {
  (void)i, (void)item, (void)state;
  return 'f';
}

// 5 of 10 right like the guesser, but with discernment: of the fabricated
// items 3 caught, 1 believed, 1 out of time; of the real ones 2 trusted,
// 2 rejected, 1 out of time.
static char careful(size_t i, const PackItem *item, int *state) {
  (void)i;
  if (item->answer == PACK_ANSWER_FABRICATED) {
    int k = state[1]++;
    return k < 3 ? 'f' : k == 3 ? 'r' : '-';
  }
  int k = state[0]++;
  return k < 2 ? 'r' : k < 4 ? 'f' : '-';
}

static char right(size_t i, const PackItem *item, int *state) {
  (void)i, (void)state;
  return item->answer == PACK_ANSWER_REAL ? 'r' : 'f';
}

static void test_fast_guesser_ranks_below_careful(void **state) {
  Fixture *f = *state;
  Pack *p = fixture_pack(5, 5, PACK_KIND_PRACTICE);
  RoundSettings rs = round_settings_default(p);
  rs.speed_bonus = true;  // even with the bonus on, points do not rank
  int64_t guesser = player(f->store, "Guesser");
  int64_t thinker = player(f->store, "Thinker");
  play_all(f->store, guesser, p, &rs, 1, 0, always_fabricated);
  int64_t careful_round = play_all(f->store, thinker, p, &rs, 2, 8000, careful);

  StoreTopList top;
  assert_true(play_leaderboard(f->store, p, 10, &top, NULL));
  assert_int_equal(top.count, 2);
  assert_int_equal(top.items[0].player_id, thinker);
  assert_int_equal(top.items[0].round_id, careful_round);
  assert_int_equal(top.items[0].correct, 5);
  assert_int_equal(top.items[1].player_id, guesser);
  assert_int_equal(top.items[1].correct, 5);
  assert_int_equal(top.items[1].score, 750);  // full time left on every answer
  assert_true(top.items[1].score > top.items[0].score);
  assert_true(top.items[0].d_prime > top.items[1].d_prime);
  assert_int_equal(top.items[0].real_trusted, 2);
  assert_int_equal(top.items[0].fake_caught, 3);
  store_top_list_free(&top);
  pack_destroy(p);
}

// ---- guests and progress -------------------------------------------------------------

static void test_guests_are_separate(void **state) {
  Fixture *f = *state;
  int64_t id1 = 0, id2 = 0, id3 = 0;
  char *n1 = NULL, *n2 = NULL, *n3 = NULL;
  assert_true(play_new_guest(f->store, T0, &id1, &n1, NULL));
  assert_true(play_new_guest(f->store, T0, &id2, &n2, NULL));
  assert_string_equal(n1, "Guest 1");
  assert_string_equal(n2, "Guest 2");
  assert_int_not_equal(id1, id2);
  // A player who typed "guest 3" is not merged with the next guest.
  int64_t typed = player(f->store, "guest 3");
  assert_true(play_new_guest(f->store, T0, &id3, &n3, NULL));
  assert_string_equal(n3, "Guest 4");
  assert_int_not_equal(id3, typed);
  free(n1);
  free(n2);
  free(n3);
}

static void test_pack_progress(void **state) {
  Fixture *f = *state;
  int64_t pid = player(f->store, "Progress");
  Pack *p = fixture_pack(4, 4, PACK_KIND_PRACTICE);
  PlayProgress pr;
  assert_true(play_pack_progress(f->store, pid, p, &pr, NULL));
  assert_int_equal(pr.seen, 0);
  assert_int_equal(pr.total, 8);
  assert_false(pr.all_seen);
  RoundSettings rs = round_settings_default(p);
  rs.questions = 4;
  // Exact halves, so that two rounds of 4 can cover the 4 + 4 items.
  rs.real_percent = 50;
  rs.real_spread = 0;
  play_all(f->store, pid, p, &rs, 3, 1000, right);
  assert_true(play_pack_progress(f->store, pid, p, &pr, NULL));
  assert_int_equal(pr.seen, 4);
  assert_false(pr.all_seen);
  // The history puts the unseen four first: the next round shows them.
  play_all(f->store, pid, p, &rs, 4, 1000, right);
  assert_true(play_pack_progress(f->store, pid, p, &pr, NULL));
  assert_int_equal(pr.seen, 8);
  assert_true(pr.all_seen);
  // Another player has seen nothing; no player: nothing seen.
  assert_true(play_pack_progress(f->store, player(f->store, "New"), p, &pr, NULL));
  assert_int_equal(pr.seen, 0);
  assert_true(play_pack_progress(f->store, 0, p, &pr, NULL));
  assert_int_equal(pr.seen, 0);
  pack_destroy(p);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_assessment_settings),
      cmocka_unit_test(test_fixed_seed_fixed_round),
      T(test_no_empty_round_then_lazy_row),
      T(test_fast_guesser_ranks_below_careful),
      T(test_guests_are_separate),
      T(test_pack_progress),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

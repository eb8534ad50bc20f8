// Schema 4 of the score store: the confidence tap and the technique answer
// stored with their answers, pair answers with both headlines, round kinds
// (only classic rounds rank), practice and booster state, per-technique
// accuracy, and the migration from a version-3 file.

#include "store/store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/str.h"
#include "store_test_support.h"
#include "support/test_support.h"

#define T0 INT64_C(1700000000000)

static int64_t begin(Store *s, int64_t pid, StoreRoundKind kind, int64_t start) {
  StoreRoundSpec spec = {.player_id = pid,
                         .pack_id = "pk",
                         .pack_version = 1,
                         .questions = 4,
                         .seconds_per_question = 20,
                         .seed = 9,
                         .started_ms = start,
                         .kind = kind};
  int64_t id = 0;
  char *err = NULL;
  if (!store_round_begin(s, &spec, &id, &err)) {
    fail_msg("begin: %s", err);
  }
  return id;
}

static void answer(Store *s, int64_t round, int pos, const char *item, StoreVerdict truth, StoreVerdict given,
                   const char *techniques, const char *pair) {
  StoreAnswerSpec a = {.position = pos,
                       .item_id = item,
                       .truth = truth,
                       .given = given,
                       .points = given == truth ? 100 : 0,
                       .response_ms = 1000,
                       .techniques = techniques,
                       .answered_ms = T0 + pos,
                       .pair_item_id = pair};
  char *err = NULL;
  if (!store_answer_add(s, round, &a, &err)) {
    fail_msg("answer: %s", err);
  }
}

static StoreAnswerList answers_of(Store *s, int64_t round) {
  StoreAnswerList list;
  assert_true(store_answers(s, &(StoreFilter){.round_id = round}, &list, NULL));
  return list;
}

static void test_confidence_stored_with_answer(void **state) {
  Store *s = store_test_open(*state);
  int64_t pid = store_test_player(s, "Ana");
  int64_t r = begin(s, pid, STORE_ROUND_CLASSIC, T0);
  answer(s, r, 0, "a", STORE_VERDICT_REAL, STORE_VERDICT_REAL, "", NULL);
  answer(s, r, 1, "b", STORE_VERDICT_FABRICATED, STORE_VERDICT_REAL, "emotion", NULL);
  assert_true(store_answer_set_confidence(s, r, 0, STORE_CONFIDENCE_SURE, NULL));
  assert_true(store_answer_set_confidence(s, r, 1, STORE_CONFIDENCE_GUESS, NULL));
  // The tap may come after the round ended; a missing answer is an error.
  assert_true(store_round_finish(s, r, 100, true, T0 + 10, NULL));
  assert_true(store_answer_set_confidence(s, r, 1, STORE_CONFIDENCE_THINK, NULL));
  char *err = NULL;
  assert_false(store_answer_set_confidence(s, r, 5, STORE_CONFIDENCE_SURE, &err));
  assert_non_null(err);
  free(err);
  err = NULL;
  assert_false(store_answer_set_confidence(s, r, 0, (StoreConfidence)9, &err));
  assert_non_null(err);
  free(err);
  StoreAnswerList list = answers_of(s, r);
  assert_int_equal(list.count, 2);
  assert_int_equal(list.items[0].confidence, STORE_CONFIDENCE_SURE);
  assert_int_equal(list.items[1].confidence, STORE_CONFIDENCE_THINK);
  assert_null(list.items[0].technique_asked);
  assert_null(list.items[0].pair_item_id);
  store_answer_list_free(&list);
  // NONE clears it.
  assert_true(store_answer_set_confidence(s, r, 0, STORE_CONFIDENCE_NONE, NULL));
  list = answers_of(s, r);
  assert_int_equal(list.items[0].confidence, STORE_CONFIDENCE_NONE);
  store_answer_list_free(&list);
  assert_string_equal(store_confidence_name(STORE_CONFIDENCE_THINK), "think");
  store_close(s);
}

static const StoreTechniqueStat *stat_of(const StoreTechniqueStatList *l, const char *name) {
  for (size_t i = 0; i < l->count; i++) {
    if (strcmp(l->items[i].name, name) == 0) {
      return &l->items[i];
    }
  }
  return NULL;
}

static void test_technique_answers_and_accuracy(void **state) {
  Store *s = store_test_open(*state);
  int64_t pid = store_test_player(s, "Ana"), other = store_test_player(s, "Ben");
  int64_t r = begin(s, pid, STORE_ROUND_CLASSIC, T0);
  answer(s, r, 0, "f1", STORE_VERDICT_FABRICATED, STORE_VERDICT_FABRICATED, "emotion;conspiracy", NULL);
  answer(s, r, 1, "f2", STORE_VERDICT_FABRICATED, STORE_VERDICT_REAL, "emotion", NULL);
  answer(s, r, 2, "f3", STORE_VERDICT_FABRICATED, STORE_VERDICT_NONE, "satire", NULL);
  answer(s, r, 3, "r1", STORE_VERDICT_REAL, STORE_VERDICT_REAL, "", NULL);
  assert_true(store_answer_set_technique(s, r, 0, "conspiracy", "conspiracy", NULL));
  assert_true(store_answer_set_technique(s, r, 1, "emotion", "trolling", NULL));
  assert_true(store_answer_set_technique(s, r, 2, "satire", NULL, NULL));  // skipped
  char *err = NULL;
  assert_false(store_answer_set_technique(s, r, 9, "satire", "satire", &err));
  assert_non_null(err);
  free(err);
  int64_t r2 = begin(s, other, STORE_ROUND_CLASSIC, T0);
  answer(s, r2, 0, "f1", STORE_VERDICT_FABRICATED, STORE_VERDICT_REAL, "emotion", NULL);

  StoreTechniqueStatList l;
  assert_true(store_technique_stats(s, pid, &l, NULL));
  assert_int_equal(l.count, 3);
  assert_string_equal(l.items[0].name, "conspiracy");  // sorted
  const StoreTechniqueStat *e = stat_of(&l, "emotion");
  assert_non_null(e);
  assert_int_equal(e->verdicts, 2);
  assert_int_equal(e->verdicts_correct, 1);
  assert_int_equal(e->questions, 1);
  assert_int_equal(e->questions_correct, 0);
  const StoreTechniqueStat *c = stat_of(&l, "conspiracy");
  assert_int_equal(c->verdicts, 1);
  assert_int_equal(c->verdicts_correct, 1);
  assert_int_equal(c->questions, 1);
  assert_int_equal(c->questions_correct, 1);
  const StoreTechniqueStat *sat = stat_of(&l, "satire");
  assert_int_equal(sat->verdicts, 1);
  assert_int_equal(sat->verdicts_correct, 0);
  assert_int_equal(sat->questions, 0);  // skipped counts as not asked
  store_technique_stat_list_free(&l);

  StoreAnswerList list = answers_of(s, r);
  assert_string_equal(list.items[1].technique_asked, "emotion");
  assert_string_equal(list.items[1].technique_given, "trolling");
  assert_null(list.items[2].technique_asked);
  store_answer_list_free(&list);
  store_close(s);
}

static void test_pair_rounds_recorded_and_unranked(void **state) {
  Store *s = store_test_open(*state);
  int64_t pid = store_test_player(s, "Ana");
  int64_t pr = begin(s, pid, STORE_ROUND_PAIR, T0);
  for (int i = 0; i < 4; i++) {
    answer(s, pr, i, "real-x", STORE_VERDICT_REAL, STORE_VERDICT_REAL, "", "fake-x");
  }
  assert_true(store_round_finish(s, pr, 400, true, T0 + 10, NULL));
  int64_t cr = begin(s, pid, STORE_ROUND_CLASSIC, T0 + 20);
  answer(s, cr, 0, "a", STORE_VERDICT_REAL, STORE_VERDICT_REAL, "", NULL);
  assert_true(store_round_finish(s, cr, 100, true, T0 + 30, NULL));

  StoreAnswerList list = answers_of(s, pr);
  assert_int_equal(list.count, 4);
  assert_string_equal(list.items[0].item_id, "real-x");
  assert_string_equal(list.items[0].pair_item_id, "fake-x");
  store_answer_list_free(&list);
  StoreRoundList rounds;
  assert_true(store_rounds(s, &(StoreFilter){.round_id = pr}, &rounds, NULL));
  assert_int_equal(rounds.items[0].kind, STORE_ROUND_PAIR);
  store_round_list_free(&rounds);
  // The 4-of-4 pair round does not beat the 1-of-1 classic one: it does not rank.
  StoreTopList top;
  assert_true(store_top_scores(s, "pk", 10, &top, NULL));
  assert_int_equal(top.count, 1);
  assert_int_equal(top.items[0].round_id, cr);
  store_top_list_free(&top);
  store_close(s);
}

static void test_practice_and_booster_state(void **state) {
  Store *s = store_test_open(*state);
  int64_t pid = store_test_player(s, "Ana");
  StorePracticeState ps;
  assert_true(store_practice_state(s, pid, &ps, NULL));
  assert_int_equal(ps.last_practised_ms, 0);
  assert_int_equal(ps.boosters_done, 0);
  assert_true(store_practice_mark(s, pid, T0 + 5, NULL));
  assert_true(store_booster_mark(s, pid, 2, NULL));
  assert_true(store_practice_state(s, pid, &ps, NULL));
  assert_int_equal(ps.last_practised_ms, T0 + 5);
  assert_int_equal(ps.boosters_done, 2);
  // Practising again starts the schedule again.
  assert_true(store_practice_mark(s, pid, T0 + 9, NULL));
  assert_true(store_practice_state(s, pid, &ps, NULL));
  assert_int_equal(ps.boosters_done, 0);
  char *err = NULL;
  assert_false(store_practice_mark(s, 999, T0, &err));
  assert_non_null(err);
  free(err);
  err = NULL;
  assert_false(store_booster_mark(s, pid, 0, &err));
  assert_non_null(err);
  free(err);
  assert_true(store_practice_state(s, 999, &ps, NULL));  // unknown: zeroed
  assert_int_equal(ps.last_practised_ms, 0);
  store_close(s);
}

static void exec_file(const char *dir, const char *sql) {
  char *path = fs_join(dir, STORE_FILE_NAME);
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    fail_msg("%s", msg);
  }
  sqlite3_close(db);
  free(path);
}

static void test_migration_from_v3(void **state) {
  const char *dir = *state;
  Store *s = store_test_open(dir);
  int64_t pid = store_test_player(s, "Ana"), idle = store_test_player(s, "Ben");
  int64_t r = begin(s, pid, STORE_ROUND_CLASSIC, T0 + 1000);
  answer(s, r, 0, "a", STORE_VERDICT_REAL, STORE_VERDICT_REAL, "", NULL);
  assert_true(store_round_finish(s, r, 100, true, T0 + 2000, NULL));
  store_close(s);
  // Take the file back to schema 3: what a Prebunk of that version wrote.
  exec_file(dir,
            "ALTER TABLE answers DROP COLUMN confidence; ALTER TABLE answers DROP COLUMN technique_asked;"
            "ALTER TABLE answers DROP COLUMN technique_given; ALTER TABLE answers DROP COLUMN pair_item_id;"
            "ALTER TABLE rounds DROP COLUMN kind; ALTER TABLE players DROP COLUMN last_practised_ms;"
            "ALTER TABLE players DROP COLUMN boosters_done; PRAGMA user_version = 3;");
  s = store_test_open(dir);
  StorePracticeState ps;
  assert_true(store_practice_state(s, pid, &ps, NULL));
  assert_int_equal(ps.last_practised_ms, T0 + 2000);  // backfilled from the round
  assert_true(store_practice_state(s, idle, &ps, NULL));
  assert_int_equal(ps.last_practised_ms, 0);
  StoreRoundList rounds;
  assert_true(store_rounds(s, &(StoreFilter){.round_id = r}, &rounds, NULL));
  assert_int_equal(rounds.items[0].kind, STORE_ROUND_CLASSIC);
  store_round_list_free(&rounds);
  assert_true(store_answer_set_confidence(s, r, 0, STORE_CONFIDENCE_SURE, NULL));
  store_close(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_confidence_stored_with_answer, store_test_setup, store_test_teardown),
      cmocka_unit_test_setup_teardown(test_technique_answers_and_accuracy, store_test_setup, store_test_teardown),
      cmocka_unit_test_setup_teardown(test_pair_rounds_recorded_and_unranked, store_test_setup, store_test_teardown),
      cmocka_unit_test_setup_teardown(test_practice_and_booster_state, store_test_setup, store_test_teardown),
      cmocka_unit_test_setup_teardown(test_migration_from_v3, store_test_setup, store_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

// The pack format's training extensions: <round real-share="..."> and
// <item pair="...">, with the exact messages a pack author sees.
#include "support/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "pack_test_support.h"
#include "quiz/pack_load.h"
#include "quiz/pack_write.h"

// A valid practice pack (one real, one fabricated item) with `round` and
// the `kind` attribute text (may be "").
static char *pack_with_round(const char *kind, const char *round) {
  return xasprintf(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"gen\" version=\"1\" xml:lang=\"en\"%s>\n"
      "<title>T</title>\n"
      "<description>D</description>\n"
      "%s\n"
      "<item id=\"r\" answer=\"real\"><headline>R</headline>"
      "<source outlet=\"O\" date=\"2020\" url=\"https://example.org/r\"/><explanation>E</explanation></item>\n"
      "<item id=\"f\" answer=\"fabricated\"><headline>F</headline><explanation>E</explanation>"
      "<technique>emotion</technique></item>\n"
      "</quizpack>\n",
      kind, round);
}

static void test_pairs_and_share_read(void **state) {
  (void)state;
  DiagList d = {0};
  char *path;
  Pack *p = load_fixture("valid-pairs.xml", &d, &path);
  assert_non_null(p);
  assert_int_equal(d.count, 0);
  assert_int_equal(p->round_real_percent, 65);
  assert_int_equal(p->round_questions, 4);
  assert_string_equal(p->items[0].pair, "whales");
  assert_string_equal(p->items[3].pair, "bees");
  assert_null(p->items[4].pair);

  PackPair *pairs = NULL;
  size_t n = pack_pairs(p, &pairs);
  assert_int_equal(n, 2);
  assert_string_equal(pairs[0].id, "whales");
  assert_string_equal(pairs[0].real->id, "whale-real");
  assert_string_equal(pairs[0].fabricated->id, "whale-fake");
  assert_string_equal(pairs[1].real->id, "bees-real");
  assert_string_equal(pairs[1].fabricated->id, "bees-fake");
  free(pairs);
  pack_destroy(p);
  free(path);
}

static void test_bad_pairs(void **state) {
  (void)state;
  DiagList d = {0};
  char *path;
  assert_null(load_fixture("bad-pairs.xml", &d, &path));
  EXPECT(&d, path,
         ":10: error: pair \"twice\" already has a real item (line 5); a pair is one real and one fabricated item",
         ":20: error: pair \"alone\" has no fabricated item; give pair=\"alone\" to one fabricated item on the same "
         "topic",
         ":25: error: pair \"no spaces\" may contain only letters, digits, \"-\" and \"_\"",
         ":30: error: pair \"orphan-fake\" has no real item; give pair=\"orphan-fake\" to one real item on the same "
         "topic");
  diag_clear(&d);
  free(path);
}

static void test_real_share_percentage_refused(void **state) {
  (void)state;
  EXPECT_REFUSED("bad-real-share.xml",
                 ":5: error: real-share must be a fraction from 0.25 to 0.75 such as 0.6 (60 % real), not \"60%\"");
}

// Every shape of the attribute: what loads, as which percent, and what not.
static void test_real_share_values(void **state) {
  (void)state;
  static const struct {
    const char *value;
    int percent;  // 0: refused
    size_t warnings;
  } cases[] = {
      {"0.6", 60, 0}, {"0.60", 60, 0}, {" 0.75 ", 75, 0}, {"0.25", 25, 1}, {"0.49", 49, 1}, {"0.5", 50, 0},
      {".55", 55, 0}, {"0.625", 0, 0}, {"0.2", 0, 0},     {"0.8", 0, 0},   {"1", 0, 0},     {"0", 0, 0},
      {"60", 0, 0},   {"0,6", 0, 0},   {"", 0, 0},        {"+0.6", 0, 0},  {"0.", 0, 0},    {"-0.6", 0, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *round = xasprintf("<round real-share=\"%s\"/>", cases[i].value);
    char *text = pack_with_round("", round);
    DiagList d = {0};
    Pack *p = pack_load_memory("mem.xml", text, strlen(text), &d);
    if (cases[i].percent) {
      if (!p || d.count != cases[i].warnings || p->round_real_percent != cases[i].percent) {
        fail_msg("real-share=\"%s\" should load as %d %% (got %s, %zu messages: %s)", cases[i].value, cases[i].percent,
                 p ? "a pack" : "none", d.count, d.count ? d.items[0].message : "");
      }
    } else {
      if (p || d.count != 1 || d.items[0].line != 5 || !strstr(d.items[0].message, "real-share must be a fraction")) {
        fail_msg("real-share=\"%s\" should give one error on line 5 (got %zu)", cases[i].value, d.count);
      }
    }
    pack_destroy(p);
    diag_clear(&d);
    free(text);
    free(round);
  }
}

static void test_low_share_and_more_fakes_warned(void **state) {
  (void)state;
  DiagList d = {0};
  char *path;
  Pack *p = load_fixture("more-fakes.xml", &d, &path);
  assert_non_null(p);  // warnings only
  assert_int_equal(p->round_real_percent, 40);
  EXPECT(&d, path,
         ":2: warning: the pack has 3 fabricated and 2 real items; practice with more fakes than real headlines "
         "teaches distrust, not discernment",
         ":5: warning: real-share 0.4 makes practice rounds mostly fabricated; more fakes than real headlines teach "
         "distrust, not discernment (0.6 is the default)");
  pack_destroy(p);
  diag_clear(&d);
  free(path);
}

// An assessment pack is a fixed test: its balance is the test's, not ours.
static void test_assessment_not_warned_about_fakes(void **state) {
  (void)state;
  char *text = xasprintf(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"a\" version=\"1\" xml:lang=\"en\" kind=\"assessment\">\n"
      "<title>T</title><description>D</description>\n"
      "<item id=\"r\" answer=\"real\"><headline>R</headline><explanation>E</explanation></item>\n"
      "<item id=\"f1\" answer=\"fabricated\"><headline>F1</headline><explanation>E</explanation></item>\n"
      "<item id=\"f2\" answer=\"fabricated\"><headline>F2</headline><explanation>E</explanation></item>\n"
      "</quizpack>\n");
  DiagList d = {0};
  Pack *p = pack_load_memory("mem.xml", text, strlen(text), &d);
  assert_non_null(p);
  assert_int_equal(d.count, 0);
  pack_destroy(p);
  free(text);
}

// A pack of format v1 without either attribute has no share and no pairs.
static void test_old_pack_unchanged(void **state) {
  (void)state;
  char *text = pack_with_round("", "<round questions=\"2\"/>");
  DiagList d = {0};
  Pack *p = pack_load_memory("mem.xml", text, strlen(text), &d);
  assert_non_null(p);
  assert_int_equal(d.count, 0);
  assert_int_equal(p->round_real_percent, 0);
  PackPair *pairs = NULL;
  assert_int_equal(pack_pairs(p, &pairs), 0);
  assert_null(pairs);
  pack_destroy(p);
  free(text);
}

// Strict validation (the importers' and `validate --strict`'s check) turns
// the balance warning into a refusal.
static void test_strict_refuses_more_fakes(void **state) {
  (void)state;
  char *path = test_data_path("packs/more-fakes.xml");
  DiagList d = {0};
  bool loads = false;
  assert_null(pack_load_file_strict(path, &d, &loads));
  assert_true(loads);
  diag_clear(&d);
  free(path);
}

// The bundled practice packs carry enough pairs for a pair round (five
// pairs, PLAY_PAIR_DEFAULT_COUNT), each one real and one fabricated item.
static void test_bundled_packs_have_pairs(void **state) {
  (void)state;
  static const char *const packs[] = {"quizzes/starter-en.xml", "quizzes/society-en.xml"};
  for (size_t i = 0; i < sizeof packs / sizeof *packs; i++) {
    char *path = test_source_path(packs[i]);
    DiagList d = {0};
    Pack *p = pack_load_file(path, &d);
    assert_non_null(p);
    PackPair *pairs = NULL;
    size_t n = pack_pairs(p, &pairs);
    if (n < 5) {
      fail_msg("%s has %zu pairs, fewer than a pair round's 5", packs[i], n);
    }
    for (size_t k = 0; k < n; k++) {
      assert_int_equal(pairs[k].real->answer, PACK_ANSWER_REAL);
      assert_int_equal(pairs[k].fabricated->answer, PACK_ANSWER_FABRICATED);
    }
    free(pairs);
    pack_destroy(p);
    diag_clear(&d);
    free(path);
  }
}

// <quizpack min-age="14" order="1">: an age band and a list position,
// read, range-checked with one message (the schema's and the checker's
// agree), and written back by pack_write.
static void test_min_age_and_order(void **state) {
  (void)state;
  static const struct {
    const char *attr, *error;
    int age, order;  // age -1: refused with `error`
  } cases[] = {
      {"", NULL, 0, 0},
      {" min-age=\"14\"", NULL, 14, 0},
      {" min-age=\"3\" order=\"1\"", NULL, 3, 1},
      {" min-age=\"21\" order=\"1000\"", NULL, 21, 1000},
      {" min-age=\"2\"", "min-age must be a whole number from 3 to 21", -1, 0},
      {" min-age=\"22\"", "min-age must be a whole number from 3 to 21", -1, 0},
      {" min-age=\"14+\"", "min-age must be a whole number from 3 to 21", -1, 0},
      {" min-age=\"\"", "min-age must be a whole number from 3 to 21", -1, 0},
      {" order=\"0\"", "order must be a whole number from 1 to 1000", -1, 0},
      {" order=\"first\"", "order must be a whole number from 1 to 1000", -1, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *text = pack_with_round(cases[i].attr, "");
    DiagList d = {0};
    Pack *p = pack_load_memory("mem.xml", text, strlen(text), &d);
    if (cases[i].age >= 0) {
      if (!p || d.count != 0 || p->min_age != cases[i].age || p->order != cases[i].order) {
        fail_msg("%s should load with min_age %d, order %d (got %s, %zu messages: %s)", cases[i].attr, cases[i].age,
                 cases[i].order, p ? "a pack" : "none", d.count, d.count ? d.items[0].message : "");
      }
      char *xml = pack_write_xml(p);
      Pack *again = pack_load_memory("again.xml", xml, strlen(xml), &d);
      assert_non_null(again);
      assert_int_equal(again->min_age, cases[i].age);
      assert_int_equal(again->order, cases[i].order);
      pack_destroy(again);
      free(xml);
    } else if (p || d.count != 1 || d.items[0].line != 2 || !strstr(d.items[0].message, cases[i].error)) {
      fail_msg("%s should give one error on line 2 (got %zu: %s)", cases[i].attr, d.count,
               d.count ? d.items[0].message : "");
    }
    pack_destroy(p);
    diag_clear(&d);
    free(text);
  }
}

static int teardown(void **state) {
  (void)state;
  pack_loader_shutdown();
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pairs_and_share_read),
      cmocka_unit_test(test_bad_pairs),
      cmocka_unit_test(test_real_share_percentage_refused),
      cmocka_unit_test(test_real_share_values),
      cmocka_unit_test(test_low_share_and_more_fakes_warned),
      cmocka_unit_test(test_assessment_not_warned_about_fakes),
      cmocka_unit_test(test_old_pack_unchanged),
      cmocka_unit_test(test_strict_refuses_more_fakes),
      cmocka_unit_test(test_bundled_packs_have_pairs),
      cmocka_unit_test(test_min_age_and_order),
  };
  return cmocka_run_group_tests(tests, NULL, teardown);
}

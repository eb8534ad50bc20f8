// Work bounded whatever the file holds (issue #11): the markup limits checked
// before libxml2, at most DIAG_MAX_PER_FILE problems listed per file, and id
// de-duplication in linear time, schema validation cut short past the cap.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/str.h"
#include "quiz/diag.h"
#include "quiz/pack.h"
#include "quiz/pack_library.h"
#include "quiz/pack_load.h"
#include "quiz/pack_write.h"
#include "support/test_support.h"

#define HEAD                                                                               \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                           \
  "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"gen\" version=\"1\" xml:lang=\"en\">\n" \
  "<title>T</title>\n<description>D</description>\n"
#define REAL_ITEM                                         \
  "<item id=\"r\" answer=\"real\"><headline>R</headline>" \
  "<source outlet=\"O\" date=\"2020\" url=\"https://example.org/r\"/><explanation>E</explanation></item>\n"

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

// Loads `text`; expects exactly one error, at `line`, whose message starts with `start`.
static void expect_one_error(const char *text, int line, const char *start) {
  DiagList d = {0};
  double t0 = now_s();
  assert_null(pack_load_memory("mem.xml", text, strlen(text), &d));
  double dt = now_s() - t0;
  printf("  %.3f s: %s\n", dt, d.count ? d.items[0].message : "(none)");
  assert_int_equal(d.count, 1);
  assert_int_equal(d.items[0].severity, DIAG_ERROR);
  assert_int_equal(d.items[0].line, line);
  if (strncmp(d.items[0].message, start, strlen(start)) != 0) {
    fail_msg("\"%s\" does not start with \"%s\"", d.items[0].message, start);
  }
  assert_true(dt < 5.0);  // generous for CI; about 0.05 s on a laptop
  diag_clear(&d);
}

static void test_attributes_capped_before_libxml2(void **state) {
  (void)state;
  StrBuf b = {0};
  strbuf_append(&b, HEAD "<item id=\"x\" answer=\"real\"");
  for (int i = 0; i < 200000; i++) {
    strbuf_appendf(&b, " a%d=\"v>\"", i);  // '>' inside a value does not end the tag
  }
  strbuf_append(&b, "><headline>H</headline></item>\n</quizpack>\n");
  expect_one_error(b.data, 5, "an element has 200002 attributes; the limit is 32");
  strbuf_free(&b);
  // Namespace declarations are attributes to libxml2's duplicate check too.
  strbuf_append(&b, HEAD "<item id=\"x\" answer=\"real\"");
  for (int i = 0; i < 100000; i++) {
    strbuf_appendf(&b, " xmlns:p%d='urn:x:%d'", i, i);
  }
  strbuf_append(&b, "/>\n</quizpack>\n");
  expect_one_error(b.data, 5, "an element has 100002 attributes");
  strbuf_free(&b);
}

static void test_children_and_depth_capped(void **state) {
  (void)state;
  StrBuf b = {0};
  strbuf_append(&b, HEAD "<item id=\"f\" answer=\"fabricated\"><headline>H</headline><explanation>E</explanation>\n");
  for (int i = 0; i < 200000; i++) {
    strbuf_appendf(&b, "<technique>no-such-%d</technique>\n", i);
  }
  strbuf_append(&b, "</item>\n</quizpack>\n");
  // The 101st child of <item> is on line 5 + 99 = 104 (headline and
  // explanation share line 5 with the start tag).
  expect_one_error(b.data, 104, "an element has more than 100 child elements");
  strbuf_free(&b);
  strbuf_append(&b, HEAD);
  for (int i = 0; i < 100000; i++) {
    strbuf_append(&b, "<a>");
  }
  strbuf_append(&b, "</quizpack>\n");
  expect_one_error(b.data, 5, "elements are nested more than 16 deep");
  strbuf_free(&b);
  // Comments, CDATA and processing instructions are not elements.
  strbuf_append(&b, HEAD REAL_ITEM
                "<item id=\"f\" answer=\"fabricated\"><headline>H</headline>"
                "<explanation><![CDATA[<a><a><a>]]></explanation>"
                "<technique>emotion</technique></item>\n");
  for (int i = 0; i < 200; i++) {
    strbuf_append(&b, "<!-- <x a='1' b='2'> --><?pi <y>?>\n");
  }
  strbuf_append(&b, "</quizpack>\n");
  DiagList d = {0};
  Pack *p = pack_load_memory("mem.xml", b.data, b.len, &d);
  assert_non_null(p);
  assert_int_equal(d.errors, 0);
  pack_destroy(p);
  diag_clear(&d);
  strbuf_free(&b);
}

static void test_at_most_100_problems_per_file(void **state) {
  (void)state;
  StrBuf b = {0};
  strbuf_append(&b, HEAD REAL_ITEM);
  for (int i = 0; i < 5000; i++) {
    strbuf_appendf(&b, "<item id=\"e%d\" answer=\"maybe\"><headline>H</headline><explanation>E</explanation></item>\n",
                   i);
  }
  strbuf_append(&b, "</quizpack>\n");
  DiagList d = {0};
  assert_null(pack_load_memory("mem.xml", b.data, b.len, &d));
  // 100 listed, then one line for the rest: an error, since errors were dropped.
  assert_int_equal(d.count, DIAG_MAX_PER_FILE + 1);
  const Diag *last = &d.items[d.count - 1];
  assert_int_equal(last->severity, DIAG_ERROR);
  assert_int_equal(last->line, 0);
  // The walk stopped at the cap (so the schema never ran): no count is given.
  assert_string_equal(last->message, "checking stopped after 100 problems; fix the ones above first");
  diag_clear(&d);
  strbuf_free(&b);

  // diag_cap does the same for the importers' lists, after the fact.
  DiagList l = {0};
  diag_add(&l, DIAG_WARNING, "other.csv", 1, "before");
  for (int i = 0; i < 250; i++) {
    diag_add(&l, i % 2 ? DIAG_ERROR : DIAG_WARNING, "in.csv", i + 2, "problem %d", i);
  }
  diag_cap(&l, 1);
  assert_int_equal(l.count, 1 + DIAG_MAX_PER_FILE + 1);
  assert_int_equal(l.errors, 50 + 1);
  assert_int_equal(l.warnings, 1 + 50);
  char *s = diag_format(&l.items[l.count - 1]);
  assert_string_equal(s, "in.csv: error: and 150 more problems, not listed: fix the ones above first");
  free(s);
  diag_clear(&l);
}

// 20,000 rows with one headline give 20,000 ids made from it: a scan from
// "-2" up for each took 54 s.
static void test_id_claims_are_linear(void **state) {
  (void)state;
  PackIdSet *set = pack_id_set_create();
  double t0 = now_s();
  char *first = pack_id_set_claim(set, "same-headline");
  assert_string_equal(first, "same-headline");
  free(first);
  char *taken = pack_id_set_claim(set, "same-headline-3");  // claimed by a row of its own
  free(taken);
  char *id = pack_id_set_claim(set, "same-headline");
  assert_string_equal(id, "same-headline-2");
  free(id);
  id = pack_id_set_claim(set, "same-headline");
  assert_string_equal(id, "same-headline-4");  // -3 is taken
  free(id);
  for (int i = 0; i < 40000; i++) {
    free(pack_id_set_claim(set, "same-headline"));
  }
  id = pack_id_set_claim(set, "same-headline");
  assert_string_equal(id, "same-headline-40005");
  free(id);
  double dt = now_s() - t0;
  printf("  40,000 claims of one id: %.3f s\n", dt);
  assert_true(dt < 5.0);
  pack_id_set_destroy(set);
}

// 10 packs of 15 MB gave an 8.4 s start and 492 MB: the folder has a budget.
static void test_packs_folder_budget(void **state) {
  (void)state;
  char *dir = test_tmpdir();
  // Four 15 MB files (sparse: valid start, then the loader refuses the NUL
  // bytes); only what fits in the budget is read.
  for (int i = 0; i < 4; i++) {
    char *name = xasprintf("big-%d.xml", i);
    char *path = test_write_file(dir, name, HEAD);
    assert_int_equal(truncate(path, 15L * 1024 * 1024), 0);
    free(path);
    free(name);
  }
  PackLibrary *lib = pack_library_create();
  double t0 = now_s();
  assert_int_equal(pack_library_add_dir(lib, dir, PACK_ORIGIN_USER), 3);  // 45 MB of 48
  printf("  4 x 15 MB: %.3f s\n", now_s() - t0);
  const DiagList *d = pack_library_diags(lib);
  assert_int_equal(d->count, 1);
  assert_non_null(strstr(d->items[0].file, "big-3.xml"));
  assert_non_null(strstr(d->items[0].message, "the limit is 48 MB"));
  pack_library_destroy(lib);
  test_rmtree(dir);
  free(dir);
}

// Past the cap the loader validates the first items alone first (pack_load.c,
// validate_prefix_settles): libxml2 formats a message for every schema error
// and cannot be stopped. The short cut must never change the verdict nor the
// count of problems not listed. A pack of REAL_ITEM and 150 fabricated items
// without a technique (a warning each, and one for the lopsided pack); items
// from `bad_from` to before `bad_to` hold an element the schema refuses.
// Returns whether it loaded; *last is the last message (owned).
static bool load_warned_pack(int bad_from, int bad_to, size_t *errors, char **last) {
  StrBuf b = {0};
  strbuf_append(&b, HEAD REAL_ITEM);
  for (int i = 0; i < 150; i++) {
    strbuf_appendf(&b,
                   "<item id=\"f%d\" answer=\"fabricated\"><headline>H</headline><explanation>E.</explanation>%s"
                   "</item>\n",
                   i, i >= bad_from && i < bad_to ? "<z>x</z>" : "");
  }
  strbuf_append(&b, "</quizpack>\n");
  DiagList d = {0};
  Pack *p = pack_load_memory("warned.xml", b.data, b.len, &d);
  *errors = d.errors;
  *last = xstrdup(d.count ? d.items[d.count - 1].message : "");
  bool loaded = p != NULL;
  pack_destroy(p);
  diag_clear(&d);
  strbuf_free(&b);
  return loaded;
}

static void test_schema_short_cut_keeps_the_verdict(void **state) {
  (void)state;
  size_t errors;
  char *last;
  // Warnings only: it loads; 151 warnings, 100 listed, 51 counted once.
  assert_true(load_warned_pack(0, 0, &errors, &last));
  assert_int_equal(errors, 0);
  assert_non_null(strstr(last, "and 51 more problems"));
  free(last);
  // An error past the first 64 items only: still found, counted once.
  assert_false(load_warned_pack(149, 150, &errors, &last));
  assert_non_null(strstr(last, "and 52 more problems"));
  free(last);
  // An error in every item: settled by the first items, the count a lower bound.
  assert_false(load_warned_pack(0, 150, &errors, &last));
  assert_non_null(strstr(last, "checking stopped after 100 problems"));
  free(last);
}

static int teardown(void **state) {
  (void)state;
  pack_loader_shutdown();
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_attributes_capped_before_libxml2),
      cmocka_unit_test(test_children_and_depth_capped),
      cmocka_unit_test(test_at_most_100_problems_per_file),
      cmocka_unit_test(test_id_claims_are_linear),
      cmocka_unit_test(test_packs_folder_budget),
      cmocka_unit_test(test_schema_short_cut_keeps_the_verdict),
  };
  return cmocka_run_group_tests(tests, NULL, teardown);
}

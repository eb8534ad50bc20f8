// Past the cap of 100 problems the loader first validates the pack's first
// items alone (pack_load.c, validate_prefix_settles): libxml2 formats a
// message for every schema error and cannot be stopped, which made the 13 MB
// hostile pack with an error per item take seconds. This checks that the
// short cut never changes the verdict: an error only past the prefix is
// still found, a pack with many warnings and no error still loads, and the
// "not listed" count stays exact when the whole document had to be read.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "quiz/diag.h"
#include "quiz/pack.h"
#include "quiz/pack_load.h"
#include "support/test_support.h"

enum { ITEMS = 150 };

// ITEMS fabricated items without a technique (a warning each); `bad` says
// which get an element the schema refuses.
static char *many_warnings_pack(bool (*bad)(int i)) {
  StrBuf b = {0};
  strbuf_append(&b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"bound\" version=\"1\" xml:lang=\"en\">\n"
                "<title>T</title><description>D</description>\n"
                "<item id=\"r0\" answer=\"real\"><headline>H</headline>"
                "<source outlet=\"O\" date=\"2020\" url=\"https://example.org/\"/><explanation>E.</explanation>"
                "</item>\n");
  for (int i = 0; i < ITEMS; i++) {
    strbuf_appendf(&b,
                   "<item id=\"f%d\" answer=\"fabricated\"><headline>H</headline><explanation>E.</explanation>%s"
                   "</item>\n",
                   i, bad(i) ? "<z>x</z>" : "");
  }
  strbuf_append(&b, "</quizpack>\n");
  return strbuf_take(&b);
}

static bool none(int i) {
  (void)i;
  return false;
}
static bool last_only(int i) {
  return i == ITEMS - 1;
}
static bool every(int i) {
  (void)i;
  return true;
}

static const Diag *last_diag(const DiagList *d) {
  assert_true(d->count > 0);
  return &d->items[d->count - 1];
}

static void test_warnings_only_still_load(void **state) {
  (void)state;
  char *text = many_warnings_pack(none);
  DiagList d = {0};
  Pack *p = pack_load_memory("bound.xml", text, strlen(text), &d);
  assert_non_null(p);
  assert_int_equal(d.errors, 0);
  // 151 warnings (150 items, and the pack is lopsided): 100 listed, the
  // other 51 counted once (not again for the prefix validated first).
  assert_non_null(strstr(last_diag(&d)->message, "and 51 more problems"));
  pack_destroy(p);
  diag_clear(&d);
  free(text);
}

static void test_error_past_the_prefix_found(void **state) {
  (void)state;
  char *text = many_warnings_pack(last_only);
  DiagList d = {0};
  Pack *p = pack_load_memory("bound.xml", text, strlen(text), &d);
  assert_null(p);
  assert_true(d.errors >= 1);
  assert_non_null(strstr(last_diag(&d)->message, "and 52 more problems"));
  diag_clear(&d);
  free(text);
}

static void test_error_in_the_prefix_settles_it(void **state) {
  (void)state;
  char *text = many_warnings_pack(every);
  DiagList d = {0};
  Pack *p = pack_load_memory("bound.xml", text, strlen(text), &d);
  assert_null(p);
  assert_true(d.errors >= 1);
  assert_non_null(strstr(last_diag(&d)->message, "checking stopped after 100 problems"));
  diag_clear(&d);
  free(text);
}

static int teardown(void **state) {
  (void)state;
  pack_loader_shutdown();
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_warnings_only_still_load),
      cmocka_unit_test(test_error_past_the_prefix_found),
      cmocka_unit_test(test_error_in_the_prefix_settles_it),
  };
  return cmocka_run_group_tests(tests, NULL, teardown);
}

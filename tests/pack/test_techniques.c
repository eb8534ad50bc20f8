// The technique vocabulary: every name loads from a pack, is described and has
// a tip, near-miss spellings get a suggestion, and the schema and the authoring
// guide carry the same names and descriptions word for word.
#include "support/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "quiz/pack_load.h"
#include "quiz/technique.h"

// The names added for society and hate-speech packs (issue #8).
static const char *const added[] = {"scapegoating", "dehumanising-language", "false-dichotomy", "ad-hominem",
                                    "ai-generated-media"};

static char *pack_with_technique(const char *name) {
  return xasprintf(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"gen\" version=\"1\" xml:lang=\"en\">\n"
      "<title>T</title>\n"
      "<description>D</description>\n"
      "<item id=\"r\" answer=\"real\"><headline>R</headline>"
      "<source outlet=\"O\" date=\"2020\" url=\"https://example.org/r\"/><explanation>E</explanation></item>\n"
      "<item id=\"f\" answer=\"fabricated\"><headline>F</headline><explanation>E</explanation>"
      "<technique>%s</technique></item>\n"
      "</quizpack>\n",
      name);
}

static void test_added_names_load(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof added / sizeof *added; i++) {
    Technique t;
    assert_true(technique_from_name(added[i], &t));
    assert_string_equal(technique_name(t), added[i]);
    char *text = pack_with_technique(added[i]);
    DiagList d = {0};
    Pack *p = pack_load_memory("mem.xml", text, strlen(text), &d);
    if (!p || d.count) {
      diag_print(&d, stderr);
    }
    assert_non_null(p);
    assert_int_equal(d.count, 0);
    assert_int_equal(p->items[1].techniques, (TechniqueSet)1u << t);
    pack_destroy(p);
    diag_clear(&d);
    free(text);
  }
}

static void test_every_technique_described(void **state) {
  (void)state;
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    const char *desc = technique_description((Technique)i);
    const char *tip = technique_tip((Technique)i);
    // A learner-facing sentence each: capital first, full stop last.
    assert_true(strlen(desc) > 20);
    assert_true(desc[0] >= 'A' && desc[0] <= 'Z');
    assert_int_equal(desc[strlen(desc) - 1], '.');
    assert_true(strlen(tip) > 20);
    assert_int_equal(tip[strlen(tip) - 1] == '.' || tip[strlen(tip) - 1] == '?', 1);
    for (int j = 0; j < i; j++) {
      assert_string_not_equal(technique_name((Technique)i), technique_name((Technique)j));
      assert_string_not_equal(desc, technique_description((Technique)j));
    }
  }
  assert_string_equal(technique_tip(TECHNIQUE_COUNT), "");
  assert_string_equal(technique_name(TECHNIQUE_COUNT), "?");
}

static void test_near_misses_suggested(void **state) {
  (void)state;
  static const struct {
    const char *typed, *meant;
  } cases[] = {
      {"dehumanizing-language", "dehumanising-language"},
      {"ad hominem", "ad-hominem"},
      {"false dichotomy", "false-dichotomy"},
      {"scapegoat", "scapegoating"},
      {"ai-generated-medium", "ai-generated-media"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *hint = technique_suggest(cases[i].typed);
    assert_non_null(hint);
    assert_string_equal(hint, cases[i].meant);
    // The loader (and so `prebunk validate`) passes the hint on.
    char *text = pack_with_technique(cases[i].typed);
    DiagList d = {0};
    assert_null(pack_load_memory("mem.xml", text, strlen(text), &d));
    char *want = xasprintf("unknown technique \"%s\"; did you mean \"%s\"?", cases[i].typed, cases[i].meant);
    bool found = false;
    for (size_t k = 0; k < d.count; k++) {
      found = found || strcmp(d.items[k].message, want) == 0;
    }
    if (!found) {
      diag_print(&d, stderr);
    }
    assert_true(found);
    free(want);
    diag_clear(&d);
    free(text);
  }
}

// The text between `open` and `close` after `from`, owned, or NULL.
static char *between(const char *from, const char *open, const char *close) {
  const char *a = strstr(from, open);
  if (!a) {
    return NULL;
  }
  a += strlen(open);
  const char *b = strstr(a, close);
  return b ? xstrndup(a, (size_t)(b - a)) : NULL;
}

static void test_schema_in_step(void **state) {
  (void)state;
  char *path = test_source_path("quizzes/quizpack-1.xsd");
  char *xsd = test_read_file(path);
  char *type = between(xsd, "<xs:simpleType name=\"TechniqueType\">", "</xs:simpleType>");
  assert_non_null(type);
  int values = 0;
  for (const char *s = type; (s = strstr(s, "<xs:enumeration value=")) != NULL; s++) {
    values++;
  }
  assert_int_equal(values, TECHNIQUE_COUNT);
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    char *open = xasprintf("<xs:enumeration value=\"%s\">", technique_name((Technique)i));
    const char *at = strstr(type, open);
    assert_non_null(at);
    char *doc = between(at, "<xs:documentation>", "</xs:documentation>");
    assert_non_null(doc);
    assert_string_equal(doc, technique_description((Technique)i));
    free(doc);
    free(open);
  }
  free(type);
  free(xsd);
  free(path);
}

static void test_guide_in_step(void **state) {
  (void)state;
  char *path = test_source_path("quizzes/README.md");
  char *guide = test_read_file(path);
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    char *row = xasprintf("| `%s` | %s |", technique_name((Technique)i), technique_description((Technique)i));
    if (!strstr(guide, row)) {
      fail_msg("quizzes/README.md lacks the row: %s", row);
    }
    free(row);
  }
  free(guide);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_added_names_load),      cmocka_unit_test(test_every_technique_described),
      cmocka_unit_test(test_near_misses_suggested), cmocka_unit_test(test_schema_in_step),
      cmocka_unit_test(test_guide_in_step),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  pack_loader_shutdown();
  return failed;
}

// Moodle XML export: the structure Moodle's own importer (question/format/
// xml, import_truefalse) requires, checked on the parsed output, and the
// round trip export -> import-moodle that must give back every item.

#include "support/test_support.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "quiz/diag.h"
#include "quiz/export_moodle.h"
#include "quiz/import_moodle.h"
#include "quiz/pack_load.h"

static Pack *load_pack(const char *rel) {
  char *path = test_source_path(rel);
  DiagList d = {0};
  Pack *p = pack_load_file(path, &d);
  if (!p) {
    diag_print(&d, stderr);
    fail_msg("cannot load %s", path);
  }
  diag_clear(&d);
  free(path);
  return p;
}

static char *export(const Pack *p, MoodleExportReport *r, DiagList *d) {
  char *err = NULL;
  char *xml = export_moodle_xml(p, r, d, &err);
  if (!xml) {
    fail_msg("export failed: %s", err ? err : "?");
  }
  return xml;
}

static bool is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *kid(const xmlNode *n, const char *name) {
  for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
    if (is(c, name)) {
      return c;
    }
  }
  return NULL;
}

static size_t count_kids(const xmlNode *n, const char *name) {
  size_t k = 0;
  for (const xmlNode *c = n->children; c; c = c->next) {
    k += is(c, name);
  }
  return k;
}

// Text of the <text> child of `field` (owned, trimmed).
static char *text_of(const xmlNode *field) {
  const xmlNode *t = kid(field, "text");
  assert_non_null(t);
  xmlChar *c = xmlNodeGetContent(t);
  char *s = str_trim(xstrdup(c ? (const char *)c : ""));
  xmlFree(c);
  return s;
}

static void assert_attr(const xmlNode *n, const char *attr, const char *want) {
  xmlChar *v = xmlGetProp(n, BAD_CAST attr);
  assert_non_null(v);
  assert_string_equal((const char *)v, want);
  xmlFree(v);
}

// One <question type="truefalse"> as qformat_xml::import_truefalse and
// import_headers read it; `real` is the item's answer.
static void check_truefalse(const xmlNode *q, bool real) {
  char *name = text_of(kid(q, "name"));
  assert_true(*name);
  free(name);
  const xmlNode *qt = kid(q, "questiontext");
  assert_attr(qt, "format", "html");
  char *text = text_of(qt);
  assert_true(*text);
  free(text);
  assert_attr(kid(q, "generalfeedback"), "format", "html");
  xmlChar *penalty = xmlNodeGetContent(kid(q, "penalty"));
  assert_true(strtod((const char *)penalty, NULL) == 1.0);
  xmlFree(penalty);
  xmlChar *hidden = xmlNodeGetContent(kid(q, "hidden"));
  assert_string_equal((const char *)hidden, "0");
  xmlFree(hidden);
  assert_non_null(kid(q, "defaultgrade"));
  // Exactly two answers: one "true", one "false"; one fraction 100, one 0;
  // 100 on "true" exactly when the headline is real.
  assert_int_equal(count_kids(q, "answer"), 2);
  int seen_true = 0, seen_false = 0, full = 0, zero = 0;
  for (const xmlNode *a = q->children; a; a = a->next) {
    if (!is(a, "answer")) {
      continue;
    }
    assert_attr(a, "format", "moodle_auto_format");
    char *t = text_of(a);
    xmlChar *fr = xmlGetProp(a, BAD_CAST "fraction");
    bool correct = strcmp((const char *)fr, "100") == 0;
    full += correct;
    zero += strcmp((const char *)fr, "0") == 0;
    if (strcmp(t, "true") == 0) {
      seen_true++;
      assert_int_equal(correct, real);
    } else if (strcmp(t, "false") == 0) {
      seen_false++;
      assert_int_equal(correct, !real);
    } else {
      fail_msg("answer text '%s'", t);
    }
    assert_non_null(kid(a, "feedback"));
    xmlFree(fr);
    free(t);
  }
  assert_int_equal(seen_true, 1);
  assert_int_equal(seen_false, 1);
  assert_int_equal(full, 1);
  assert_int_equal(zero, 1);
}

// The structure Moodle requires, on the bundled starter and MIST-20 packs.
static void test_structure(void **state) {
  (void)state;
  const char *packs[] = {"quizzes/starter-en.xml", "quizzes/mist-20.xml"};
  for (size_t k = 0; k < 2; k++) {
    Pack *p = load_pack(packs[k]);
    MoodleExportReport r;
    DiagList d = {0};
    char *xml = export(p, &r, &d);
    assert_true(str_utf8_valid(xml, strlen(xml)));
    // Moodle's documentation: the XML declaration is really the first line
    // (no blank line, no byte order mark), the file is UTF-8.
    assert_true(str_starts_with(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>"));
    // Well-formed: parsed strictly, no recovery, no network.
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "out.xml", "UTF-8", XML_PARSE_NONET);
    assert_non_null(doc);
    const xmlNode *quiz = xmlDocGetRootElement(doc);
    assert_true(is(quiz, "quiz"));
    size_t items = 0;
    bool category_first = false;
    for (const xmlNode *q = quiz->children; q; q = q->next) {
      if (!is(q, "question")) {
        continue;
      }
      xmlChar *type = xmlGetProp(q, BAD_CAST "type");
      if (strcmp((const char *)type, "category") == 0) {
        category_first = items == 0;
        char *cat = text_of(kid(q, "category"));
        assert_true(str_starts_with(cat, "$course$/top/"));
        free(cat);
      } else {
        assert_string_equal((const char *)type, "truefalse");
        assert_true(items < p->item_count);
        check_truefalse(q, p->items[items].answer == PACK_ANSWER_REAL);
        items++;
      }
      xmlFree(type);
    }
    assert_true(category_first);
    assert_int_equal(items, p->item_count);
    assert_int_equal(r.questions, p->item_count);
    xmlFreeDoc(doc);
    free(xml);
    diag_clear(&d);
    pack_destroy(p);
  }
}

static bool has_tag(const PackItem *it, const char *tag) {
  for (size_t i = 0; i < it->tag_count; i++) {
    if (strcmp(it->tags[i], tag) == 0) {
      return true;
    }
  }
  return false;
}

static void assert_same_or_null(const char *a, const char *b, const char *what, const char *id) {
  if ((!a) != (!b) || (a && strcmp(a, b) != 0)) {
    fail_msg("item %s: %s '%s' came back as '%s'", id, what, a ? a : "(none)", b ? b : "(none)");
  }
}

// export -> import-moodle gives every item back as it was.
static void roundtrip(const Pack *p) {
  MoodleExportReport r;
  DiagList d = {0};
  char *xml = export(p, &r, &d);
  MoodleReport mr;
  DiagList id = {0};
  Pack *back = import_moodle_memory("bank.xml", xml, strlen(xml), &mr, &id);
  if (!back || id.count) {
    diag_print(&id, stderr);
  }
  assert_non_null(back);
  assert_int_equal(id.count, 0);  // no warning: nothing was missing or guessed
  assert_int_equal(back->item_count, p->item_count);
  assert_string_equal(back->title, p->title);
  assert_string_equal(back->description, p->description);
  for (size_t i = 0; i < p->item_count; i++) {
    const PackItem *a = &p->items[i], *b = &back->items[i];
    assert_int_equal(a->answer, b->answer);
    assert_same_or_null(a->headline, b->headline, "headline", a->id);
    assert_same_or_null(a->explanation, b->explanation, "explanation", a->id);
    assert_same_or_null(a->tip, b->tip, "tip", a->id);
    assert_same_or_null(a->outlet, b->outlet, "outlet", a->id);
    assert_same_or_null(a->date, b->date, "date", a->id);
    assert_same_or_null(a->url, b->url, "url", a->id);
    assert_true(a->techniques == b->techniques);
    for (size_t t = 0; t < a->tag_count; t++) {
      assert_true(has_tag(b, a->tags[t]));
    }
  }
  pack_destroy(back);
  moodle_report_clear(&mr);
  diag_clear(&id);
  diag_clear(&d);
  free(xml);
}

static void test_roundtrip_starter(void **state) {
  (void)state;
  Pack *p = load_pack("quizzes/starter-en.xml");
  roundtrip(p);
  pack_destroy(p);
}

// Text that could break the markup or the conventions: CDATA's end, HTML
// and XML specials, commas in the outlet, '&' in the url, paragraphs in
// the explanation and the tip, a '/' in the title (a category separator).
static void test_roundtrip_tricky(void **state) {
  (void)state;
  static const char pack_xml[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"tricky\" version=\"1\" xml:lang=\"en\">\n"
      "<title>Term 1/2: odd text</title>\n"
      "<description>First paragraph.\n\nSecond &lt;b&gt; paragraph &amp; more.</description>\n"
      "<item id=\"R_1\" answer=\"real\"><headline>x ]]&gt; y &lt;b&gt;bold&lt;/b&gt; &amp;amp; \"q\" "
      "caf\xC3\xA9</headline>"
      "<source outlet=\"CNN, via WWSB\" date=\"2021-02-18\" url=\"https://example.org/a?b=1&amp;c=2\"/>"
      "<explanation>One.\n\nTwo ]]&gt; three.</explanation><tip>First tip.\n\nSecond tip.</tip>"
      "<tag>science</tag></item>\n"
      "<item id=\"f-1\" answer=\"fabricated\"><headline>Made up</headline>"
      "<source outlet=\"Viral post\" date=\"2020\"/><explanation>Fake.</explanation>"
      "<technique>fake-expert</technique><technique>emotion</technique></item>\n"
      "</quizpack>\n";
  DiagList d = {0};
  Pack *p = pack_load_memory("tricky.xml", pack_xml, strlen(pack_xml), &d);
  if (!p) {
    diag_print(&d, stderr);
  }
  assert_non_null(p);
  diag_clear(&d);
  roundtrip(p);
  pack_destroy(p);
}

// A source without a date cannot become a Source line: a warning says so.
static void test_source_without_date(void **state) {
  (void)state;
  Pack *p = load_pack("tests/data/packs/valid-minimal.xml");
  free(p->items[0].date);
  p->items[0].date = NULL;
  MoodleExportReport r;
  DiagList d = {0};
  char *xml = export(p, &r, &d);
  assert_int_equal(r.sources_left, 1);
  assert_int_equal(d.warnings, 1);
  assert_non_null(strstr(d.items[0].message, "has no date"));
  assert_null(strstr(xml, "Source:"));
  free(xml);
  diag_clear(&d);
  pack_destroy(p);
}

// Text XML cannot carry is refused, not written.
static void test_refuses_control_characters(void **state) {
  (void)state;
  Pack *p = load_pack("tests/data/packs/valid-minimal.xml");
  free(p->items[1].headline);
  p->items[1].headline = xstrdup("bell \a here");
  MoodleExportReport r;
  DiagList d = {0};
  char *err = NULL;
  assert_null(export_moodle_xml(p, &r, &d, &err));
  assert_non_null(strstr(err, "item 2"));
  free(err);
  pack_destroy(p);
}

static int teardown(void **state) {
  (void)state;
  pack_loader_shutdown();
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_structure),
      cmocka_unit_test(test_roundtrip_starter),
      cmocka_unit_test(test_roundtrip_tricky),
      cmocka_unit_test(test_source_without_date),
      cmocka_unit_test(test_refuses_control_characters),
  };
  return cmocka_run_group_tests(tests, NULL, teardown);
}

// The pack writer and the Moodle XML and CSV importers: round trips through
// the game's own loader, realistic samples, malformed input with the exact
// messages, HTML reduction, and the two commands run in-process.

#include "support/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/str.h"
#include "cli/cli.h"
#include "quiz/diag.h"
#include "quiz/import_csv.h"
#include "quiz/import_kahoot.h"
#include "quiz/import_moodle.h"
#include "quiz/pack_load.h"
#include "quiz/pack_write.h"

/* ---- helpers ---- */

static void assert_str_eq_or_null(const char *a, const char *b) {
  if (!a || !b) {
    assert_ptr_equal(a, b);
  } else {
    assert_string_equal(a, b);
  }
}

static void assert_packs_equal(const Pack *a, const Pack *b) {
  assert_string_equal(a->id, b->id);
  assert_int_equal(a->version, b->version);
  assert_str_eq_or_null(a->lang, b->lang);
  assert_int_equal(a->kind, b->kind);
  assert_string_equal(a->title, b->title);
  assert_string_equal(a->description, b->description);
  assert_str_eq_or_null(a->author, b->author);
  assert_str_eq_or_null(a->license, b->license);
  assert_int_equal(a->round_questions, b->round_questions);
  assert_int_equal(a->round_seconds, b->round_seconds);
  assert_int_equal(a->item_count, b->item_count);
  for (size_t i = 0; i < a->item_count; i++) {
    const PackItem *x = &a->items[i], *y = &b->items[i];
    assert_string_equal(x->id, y->id);
    assert_int_equal(x->answer, y->answer);
    assert_string_equal(x->headline, y->headline);
    assert_str_eq_or_null(x->outlet, y->outlet);
    assert_str_eq_or_null(x->date, y->date);
    assert_str_eq_or_null(x->url, y->url);
    assert_string_equal(x->explanation, y->explanation);
    assert_str_eq_or_null(x->tip, y->tip);
    assert_str_eq_or_null(x->lang, y->lang);
    assert_int_equal(x->techniques, y->techniques);
    assert_int_equal(x->tag_count, y->tag_count);
    for (size_t t = 0; t < x->tag_count; t++) {
      assert_string_equal(x->tags[t], y->tags[t]);
    }
  }
}

// Loads XML text with the game's loader and fails the test on any error.
static Pack *load_clean(const char *name, const char *xml) {
  DiagList diags = {0};
  Pack *pack = pack_load_memory(name, xml, strlen(xml), &diags);
  if (diags.errors) {
    diag_print(&diags, stderr);
  }
  assert_int_equal(diags.errors, 0);
  assert_non_null(pack);
  diag_clear(&diags);
  return pack;
}

// True when some diagnostic formats exactly as `want`.
static bool has_diag(const DiagList *diags, const char *want) {
  for (size_t i = 0; i < diags->count; i++) {
    char *s = diag_format(&diags->items[i]);
    bool same = strcmp(s, want) == 0;
    free(s);
    if (same) {
      return true;
    }
  }
  return false;
}

static void expect_diag(const DiagList *diags, const char *want) {
  if (!has_diag(diags, want)) {
    fprintf(stderr, "expected: %s\ngot:\n", want);
    diag_print(diags, stderr);
    fail();
  }
}

static const PackItem *item(const Pack *pack, const char *id) {
  const PackItem *it = pack_find_item(pack, id);
  if (!it) {
    fail_msg("no item '%s'", id);
  }
  return it;
}

static void set_metadata(Pack *pack, const char *id) {
  pack->id = xstrdup(id);
  pack->lang = xstrdup("en");
  pack->version = 1;
  if (!pack->title) {
    pack->title = xstrdup("Imported");
  }
  if (!pack->description) {
    pack->description = xstrdup("Imported for a test.");
  }
}

/* ---- pack_write ---- */

static void roundtrip_file(const char *rel) {
  char *path = test_source_path(rel);
  DiagList diags = {0};
  Pack *first = pack_load_file(path, &diags);
  assert_int_equal(diags.errors, 0);
  assert_non_null(first);
  char *xml = pack_write_xml(first);
  assert_non_null(xml);
  Pack *second = load_clean("written.xml", xml);
  assert_packs_equal(first, second);
  // Writing is a fixed point: the second write gives the same bytes.
  char *again = pack_write_xml(second);
  assert_string_equal(xml, again);
  free(again);
  free(xml);
  pack_destroy(first);
  pack_destroy(second);
  diag_clear(&diags);
  free(path);
}

static void test_write_roundtrip_starter(void **state) {
  (void)state;
  roundtrip_file("quizzes/starter-en.xml");
}

static void test_write_roundtrip_assessment(void **state) {
  (void)state;
  roundtrip_file("quizzes/mist-20.xml");
}

static Pack *tricky_pack(void) {
  Pack *p = pack_create();
  p->id = xstrdup("tricky");
  p->version = 3;
  p->lang = xstrdup("en");
  p->title = xstrdup("Quotes \"here\" & <angles>");
  p->description = xstrdup("First paragraph with ]]> and 'apostrophes'.\nSecond paragraph.");
  p->author = xstrdup("A & B");
  p->round_questions = 4;
  p->round_seconds = 15;
  for (int i = 0; i < 2; i++) {
    PackItem *it = pack_add_item(p);
    it->id = xstrdup(i ? "fab-1" : "real-1");
    it->answer = i ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL;
    it->headline = xstrdup(i ? "Tom & Jerry <win> \"prize\"" : "مرحبا بالعالم – naïve café");
    if (!i) {
      it->outlet = xstrdup("Le Monde & Co");
      it->date = xstrdup("2020-02-29");
      it->url = xstrdup("https://example.org/a?b=1&c=2");
      it->lang = xstrdup("ar");
    }
    it->explanation = xstrdup("Line one.\nLine two < three.");
    it->tip = i ? xstrdup("Check & check again.") : NULL;
    it->techniques = i ? (1u << TECHNIQUE_EMOTION) | (1u << TECHNIQUE_FAKE_EXPERT) : 0;
    pack_item_add_tag(it, "tag & one");
    pack_item_add_tag(it, "second");
  }
  return p;
}

static void test_write_escaping_roundtrip(void **state) {
  (void)state;
  Pack *p = tricky_pack();
  char *xml = pack_write_xml(p);
  assert_non_null(xml);
  assert_non_null(strstr(xml, "<title>Quotes &quot;here&quot; &amp; &lt;angles&gt;</title>"));
  assert_non_null(strstr(xml, "url=\"https://example.org/a?b=1&amp;c=2\""));
  // Elements in schema order inside an item.
  const char *h = strstr(xml, "<headline>Tom"), *e = strstr(h, "<explanation>"), *t = strstr(h, "<technique>emotion"),
             *f = strstr(h, "<technique>fake-expert"), *tip = strstr(h, "<tip>"), *tag = strstr(h, "<tag>");
  assert_true(h < e && e < t && t < f && f < tip && tip < tag);
  Pack *back = load_clean("tricky.xml", xml);
  assert_packs_equal(p, back);
  pack_destroy(back);
  pack_destroy(p);
  free(xml);
}

static void test_write_rejects_control_characters(void **state) {
  (void)state;
  Pack *p = tricky_pack();
  free(p->items[1].headline);
  p->items[1].headline = xstrdup("bell \a here");
  char *err = NULL;
  assert_null(pack_write_xml_checked(p, &err));
  assert_string_equal(err, "item 2: headline is not valid UTF-8 or holds a control character XML cannot carry");
  free(err);
  free(p->items[1].headline);
  p->items[1].headline = xstrdup("bad \xC3\x28 utf8");
  assert_null(pack_write_xml(p));
  char *dir = test_tmpdir();
  char *path = fs_join(dir, "out.xml");
  assert_false(pack_write_file(p, path, &err));
  assert_non_null(err);
  assert_false(fs_exists(path));
  free(err);
  free(path);
  test_rmtree(dir);
  free(dir);
  pack_destroy(p);
}

static void test_write_file_atomic(void **state) {
  (void)state;
  Pack *p = tricky_pack();
  char *dir = test_tmpdir();
  char *path = fs_join(dir, "pack.xml");
  char *err = NULL;
  assert_true(pack_write_file(p, path, &err));
  assert_null(err);
  DiagList diags = {0};
  Pack *back = pack_load_file(path, &diags);
  assert_int_equal(diags.errors, 0);
  assert_packs_equal(p, back);
  pack_destroy(back);
  diag_clear(&diags);
  char *missing = fs_join(dir, "no/such/folder/pack.xml");
  assert_false(pack_write_file(p, missing, &err));
  assert_non_null(err);
  free(err);
  free(missing);
  free(path);
  test_rmtree(dir);
  free(dir);
  pack_destroy(p);
}

static void test_ids(void **state) {
  (void)state;
  struct {
    const char *text;
    size_t max;
    const char *want;
  } cases[] = {
      {"Pope endorsement", 48, "pope-endorsement"},
      {"  NASA's Perseverance -- landing!  ", 48, "nasas-perseverance-landing"},
      {"Question 1.2", 48, "question-1-2"},
      {"Café crème", 48, "caf-cr-me"},
      {"مرحبا", 48, ""},
      {"one two three four", 13, "one-two-three"},
      {"one two three four", 12, "one-two"},
      {"supercalifragilistic", 5, "super"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *id = pack_id_from_text(cases[i].text, cases[i].max);
    assert_string_equal(id, cases[i].want);
    assert_true(!*id || pack_id_valid(id));
    free(id);
  }
  assert_true(pack_id_valid("a_b-C9"));
  assert_false(pack_id_valid("a b"));
  assert_false(pack_id_valid(""));
  char long_id[80];
  memset(long_id, 'x', 70);
  long_id[70] = '\0';
  assert_false(pack_id_valid(long_id));

  PackIdSet *set = pack_id_set_create();
  char *a = pack_id_set_claim(set, "dup"), *b = pack_id_set_claim(set, "dup"), *c = pack_id_set_claim(set, "dup-2"),
       *d = pack_id_set_claim(set, "dup");
  assert_string_equal(a, "dup");
  assert_string_equal(b, "dup-2");
  assert_string_equal(c, "dup-2-2");
  assert_string_equal(d, "dup-3");
  long_id[PACK_MAX_ID_CHARS] = '\0';
  char *e = pack_id_set_claim(set, long_id), *f = pack_id_set_claim(set, long_id);
  assert_int_equal(strlen(f), PACK_MAX_ID_CHARS);
  assert_true(str_ends_with(f, "-2"));
  assert_true(pack_id_valid(f));
  free(a);
  free(b);
  free(c);
  free(d);
  free(e);
  free(f);
  pack_id_set_destroy(set);
  pack_id_set_destroy(NULL);
}

/* ---- HTML reduction ---- */

static void test_html_to_text(void **state) {
  (void)state;
  struct {
    const char *html;
    MoodleTextMode mode;
    const char *want;
    int images;
  } cases[] = {
      {"<p dir=\"ltr\">Hello&nbsp;<strong>world</strong></p>", MOODLE_TEXT_LINE, "Hello world", 0},
      {"Tom &amp; Jerry &lt;3 &quot;x&quot; &#8217; &#x2019; &eacute;", MOODLE_TEXT_LINE,
       "Tom & Jerry <3 \"x\" \xE2\x80\x99 \xE2\x80\x99 \xC3\xA9", 0},
      {"<p>One</p><p>Two<br>Three</p>", MOODLE_TEXT_PARAGRAPHS, "One\nTwo\nThree", 0},
      {"<p>One</p><p>Two<br>Three</p>", MOODLE_TEXT_LINE, "One Two Three", 0},
      {"  lots \n\t of   space\r\n here  ", MOODLE_TEXT_PARAGRAPHS, "lots of space here", 0},
      {"<p>a</p>\n\n<p></p><p>&nbsp;</p><div><p>b</p></div>", MOODLE_TEXT_PARAGRAPHS, "a\nb", 0},
      {"before<script>alert('x')</script><style>p{}</style>after", MOODLE_TEXT_LINE, "beforeafter", 0},
      {"<p>Shark<img src=\"@@PLUGINFILE@@/a.png\" alt=\"fin\"> on road</p><img src=\"b.png\">", MOODLE_TEXT_LINE,
       "Shark on road", 2},
      {"<p>unclosed <b>bold <i>and</p> broken &bogus; text", MOODLE_TEXT_LINE, "unclosed bold and broken &bogus; text",
       0},
      {"<ul><li>first</li><li>second</li></ul>", MOODLE_TEXT_PARAGRAPHS, "first\nsecond", 0},
      {"a&#1;b&#0;c", MOODLE_TEXT_LINE, "abc", 0},
      {"", MOODLE_TEXT_LINE, "", 0},
      {"<p><img src=\"x.png\"></p>", MOODLE_TEXT_LINE, "", 1},
      {"مرحبا <b>بالعالم</b>", MOODLE_TEXT_LINE, "مرحبا بالعالم", 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int images = -1;
    char *text = moodle_html_to_text(cases[i].html, strlen(cases[i].html), cases[i].mode, &images);
    if (strcmp(text, cases[i].want) != 0) {
      fail_msg("case %zu: got \"%s\", want \"%s\"", i, text, cases[i].want);
    }
    assert_int_equal(images, cases[i].images);
    free(text);
  }
  // Nesting: ordinary depths keep their text; absurd ones (untrusted input)
  // neither crash nor recurse: libxml2 stops at its depth limit.
  for (int depth = 100; depth <= 100000; depth *= 1000) {
    StrBuf deep = {0};
    for (int i = 0; i < depth; i++) {
      strbuf_append(&deep, "<span>");
    }
    strbuf_append(&deep, "deep");
    char *text = moodle_html_to_text(deep.data, deep.len, MOODLE_TEXT_LINE, NULL);
    assert_non_null(text);
    if (depth == 100) {
      assert_string_equal(text, "deep");
    }
    free(text);
    strbuf_free(&deep);
  }
}

/* ---- Moodle ---- */

static Pack *import_moodle_sample(MoodleReport *report, DiagList *diags, char **path_out) {
  char *path = test_data_path("import/moodle-media-literacy.xml");
  Pack *pack = import_moodle_file(path, report, diags);
  assert_non_null(pack);
  *path_out = path;
  return pack;
}

static void test_moodle_sample(void **state) {
  (void)state;
  MoodleReport report;
  DiagList diags = {0};
  char *path;
  Pack *pack = import_moodle_sample(&report, &diags, &path);
  assert_int_equal(diags.errors, 0);
  assert_string_equal(pack->title, "Media literacy");
  assert_string_equal(pack->description, "Real and fabricated headlines for the first media literacy lesson.");
  assert_null(pack->id);
  assert_null(pack->lang);
  assert_int_equal(pack->item_count, 4);
  assert_int_equal(report.questions, 6);
  assert_int_equal(report.imported, 4);
  assert_int_equal(report.skipped_total, 2);
  assert_int_equal(report.need_source, 1);
  assert_int_equal(report.need_explanation, 0);
  char *skipped = moodle_report_skipped_text(&report);
  assert_string_equal(skipped, "skipped 2 questions that are not true/false: 1 multichoice, 1 essay");
  free(skipped);

  const PackItem *pope = item(pack, "pope-endorsement");
  assert_int_equal(pope->answer, PACK_ANSWER_FABRICATED);
  assert_string_equal(pope->headline, "Pope Francis shocks world, endorses Donald Trump for president");
  // The wrong answer's feedback repeats the general feedback: written once.
  assert_string_equal(pope->explanation,
                      "This story came from a fake news site in 2016. The Vatican never endorsed any candidate.\n"
                      "Check whether a trusted outlet reports the same news.");
  assert_int_equal(pope->tag_count, 1);
  assert_string_equal(pope->tags[0], "Media literacy");
  assert_null(pope->outlet);

  const PackItem *mars = item(pack, "perseverance-landing");
  assert_int_equal(mars->answer, PACK_ANSWER_REAL);
  assert_string_equal(mars->headline,
                      "NASA\xE2\x80\x99s Perseverance rover lands safely on Mars & sends back its first images");
  // A verdict on the student's choice ("Right:") is dropped: everyone reads
  // the explanation. "It is real:" says what the headline is, which is true
  // for everyone: it is kept.
  assert_string_equal(mars->explanation,
                      "NASA's rover landed in Jezero crater on 18 February 2021.\n"
                      "It is real: the landing was broadcast live by NASA and reported worldwide.");
  assert_int_equal(mars->tag_count, 2);
  assert_string_equal(mars->tags[1], "space");
  assert_null(mars->outlet);
  assert_null(mars->date);

  const PackItem *water = item(pack, "hot-water-cure");
  assert_int_equal(water->answer, PACK_ANSWER_FABRICATED);
  assert_string_equal(water->headline, "Japanese doctors: drinking hot water every 15 minutes kills the coronavirus");
  // "Well spotted." is only a verdict; "Not so: <what the general feedback
  // said>" repeats it: the general feedback alone remains.
  assert_string_equal(water->explanation,
                      "A chain message that circulated in 2020.\n"
                      "No hospital or health agency said this; the WHO debunked it.");
  assert_int_equal(water->tag_count, 2);
  assert_string_equal(water->tags[0], "Media literacy");
  assert_string_equal(water->tags[1], "Viral claims");

  const PackItem *shark = item(pack, "highway-shark");
  assert_string_equal(shark->headline, "Shark swims down a flooded highway after the hurricane");

  char *want = xasprintf(
      "%s:165: warning: question 'Highway shark': 1 image in the question text was left out (packs hold text only); "
      "check that the text still makes sense without it",
      path);
  expect_diag(&diags, want);
  free(want);
  want = xasprintf(
      "%s:166: warning: question 'Highway shark': embedded file 'shark.png' in the question text was not imported "
      "(packs hold text only)",
      path);
  expect_diag(&diags, want);
  free(want);
  want = xasprintf(
      "%s:44: warning: question 'Perseverance landing' is a real headline without a Source line: add one to its "
      "general feedback in Moodle (Source: Outlet, YYYY-MM-DD, https://...) and import again, or add <source "
      "outlet=\"...\" date=\"YYYY-MM-DD\"/> to item 'perseverance-landing'; the pack cannot be used before",
      path);
  expect_diag(&diags, want);
  free(want);
  assert_int_equal(diags.warnings, 3);

  // As converted, the pack fails validation on exactly the real item that
  // lacks its source; once the author adds it, it loads with no error.
  set_metadata(pack, "media-literacy");
  char *xml = pack_write_xml(pack);
  DiagList check = {0};
  Pack *loaded = pack_load_memory("out.xml", xml, strlen(xml), &check);
  assert_null(loaded);
  assert_true(check.errors >= 1);
  for (size_t i = 0; i < check.count; i++) {
    if (check.items[i].severity == DIAG_ERROR) {
      assert_non_null(strstr(xml, "perseverance-landing"));
      assert_non_null(strstr(check.items[i].message, "source"));
    }
  }
  diag_clear(&check);
  free(xml);
  PackItem *fix = (PackItem *)pack_find_item(pack, "perseverance-landing");
  fix->outlet = xstrdup("NASA");
  fix->date = xstrdup("2021-02-18");
  xml = pack_write_xml(pack);
  Pack *fixed = load_clean("fixed.xml", xml);
  assert_packs_equal(pack, fixed);
  pack_destroy(fixed);
  free(xml);

  pack_destroy(pack);
  moodle_report_clear(&report);
  diag_clear(&diags);
  free(path);
}

static Pack *moodle_from(const char *xml, MoodleReport *report, DiagList *diags) {
  return import_moodle_memory("in.xml", xml, strlen(xml), report, diags);
}

#define TF(name, text, true_fraction, false_fraction)                                                        \
  "<question type=\"truefalse\"><name><text>" name "</text></name><questiontext format=\"html\"><text>" text \
  "</text></questiontext><generalfeedback format=\"html\"><text>Because.</text></generalfeedback>"           \
  "<answer fraction=\"" true_fraction                                                                        \
  "\" format=\"moodle_auto_format\"><text>true</text></answer>"                                              \
  "<answer fraction=\"" false_fraction "\" format=\"moodle_auto_format\"><text>false</text></answer></question>\n"

static void test_moodle_ids_and_answers(void **state) {
  (void)state;
  const char *xml = "<?xml version=\"1.0\"?>\n<quiz>\n" TF("Same", "First", "0", "100") TF("Same", "Second", "0", "100")
      TF("", "No name here", "100.0000000", "0") TF("?!", "?!", "0", "100")
      "<question type=\"truefalse\"><name><text>Old style</text></name>"
      "<questiontext format=\"plain_text\"><text>A &lt;plain&gt; text</text></questiontext>"
      "<answer fraction=\"100\"><text>Wahr</text><feedback><text>Stimmt: die Meldung ist echt.</text></feedback></answer>"
      "<answer fraction=\"0\"><text>Falsch</text></answer></question>\n"
      "</quiz>\n";
  MoodleReport report;
  DiagList diags = {0};
  Pack *pack = moodle_from(xml, &report, &diags);
  assert_non_null(pack);
  assert_int_equal(pack->item_count, 5);
  assert_string_equal(pack->items[0].id, "same");
  assert_string_equal(pack->items[1].id, "same-2");
  assert_string_equal(pack->items[2].id, "no-name-here");
  assert_int_equal(pack->items[2].answer, PACK_ANSWER_REAL);
  assert_string_equal(pack->items[3].id, "question-4");
  assert_string_equal(pack->items[4].headline, "A <plain> text");
  assert_int_equal(pack->items[4].answer, PACK_ANSWER_REAL);
  // The verdict before ':' is dropped: everyone reads the explanation.
  assert_string_equal(pack->items[4].explanation, "Die Meldung ist echt.");
  assert_null(pack->title);
  expect_diag(&diags,
              "in.xml:7: warning: question 'Old style': its answers are not named 'true' and 'false'; taking the "
              "first as 'true', as older Moodle versions wrote them");
  assert_int_equal(report.need_source, 2);
  pack_destroy(pack);
  moodle_report_clear(&report);
  diag_clear(&diags);
}

static void test_moodle_dropped_questions(void **state) {
  (void)state;
  const char *xml = "<quiz>\n" TF("Both", "Both right", "100", "100") TF("Neither", "None right", "0", "0")
      TF("Picture only", "&lt;p&gt;&lt;img src=\"@@PLUGINFILE@@/x.png\"&gt;&lt;/p&gt;", "0", "100")
          TF("Fine", "A fine fake", "0", "100") "</quiz>\n";
  MoodleReport report;
  DiagList diags = {0};
  Pack *pack = moodle_from(xml, &report, &diags);
  assert_non_null(pack);
  assert_int_equal(pack->item_count, 1);
  assert_int_equal(report.dropped, 3);
  expect_diag(&diags,
              "in.xml:2: warning: true/false question 'Both' was left out: both answers are marked correct "
              "(fraction=\"100\")");
  expect_diag(&diags,
              "in.xml:3: warning: true/false question 'Neither' was left out: neither answer is marked correct "
              "(fraction=\"100\")");
  expect_diag(&diags,
              "in.xml:4: warning: true/false question 'Picture only' was left out: its question text is empty once "
              "images and formatting are left out");
  // Only fabricated items are left: written, but flagged.
  assert_true(report.one_sided);
  expect_diag(&diags,
              "in.xml: warning: every imported question is false (fabricated): add real items before the pack can be "
              "used; with one kind of answer it teaches players to always give it");
  pack_destroy(pack);
  moodle_report_clear(&report);
  diag_clear(&diags);
}

static void expect_moodle_error(const char *xml, const char *want) {
  MoodleReport report;
  DiagList diags = {0};
  Pack *pack = moodle_from(xml, &report, &diags);
  assert_null(pack);
  expect_diag(&diags, want);
  moodle_report_clear(&report);
  diag_clear(&diags);
}

static void test_moodle_malformed(void **state) {
  (void)state;
  expect_moodle_error(
      "<quiz>\n<question type=\"truefalse\">\n</quiz>\n",
      "in.xml:3: error: not well-formed XML: Opening and ending tag mismatch: question line 2 and quiz");
  expect_moodle_error("<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY a \"aaaa\">]>\n<quiz>&a;</quiz>",
                      "in.xml:2: error: a DOCTYPE is not allowed in a Moodle XML file (Moodle never writes one)");
  expect_moodle_error("<!DOCTYPE quiz SYSTEM \"file:///etc/passwd\">\n<quiz/>",
                      "in.xml:1: error: a DOCTYPE is not allowed in a Moodle XML file (Moodle never writes one)");
  expect_moodle_error("<quiz>&nbsp;</quiz>", "in.xml:1: error: not well-formed XML: Entity 'nbsp' not defined");
  expect_moodle_error("<?xml version=\"1.0\"?>\n<quizpack/>",
                      "in.xml:2: error: not a Moodle XML file: the root element is <quizpack>, Moodle writes <quiz>");
  expect_moodle_error("<quiz>\n<question type=\"essay\"/>\n<question type=\"essay\"/>\n</quiz>",
                      "in.xml: error: no true/false question to import (2 questions of other types); packs are made "
                      "of real-or-fabricated items, so only Moodle's true/false questions carry over");
  expect_moodle_error("", "in.xml:1: error: not well-formed XML: Document is empty");
  // The size cap comes before any parsing.
  size_t big = (size_t)PACK_MAX_FILE_BYTES + 1;
  char *huge = xmalloc(big);
  memset(huge, ' ', big);
  MoodleReport report;
  DiagList diags = {0};
  assert_null(import_moodle_memory("big.xml", huge, big, &report, &diags));
  expect_diag(&diags, "big.xml: error: file is larger than the limit of 16777216 bytes");
  diag_clear(&diags);
  free(huge);
  assert_null(import_moodle_file("/no/such/file.xml", &report, &diags));
  assert_int_equal(diags.errors, 1);
  diag_clear(&diags);
}

/* ---- Moodle: Source lines, technique tags, verdicts ---- */

static void test_moodle_sources_sample(void **state) {
  (void)state;
  char *path = test_data_path("import/moodle-with-sources.xml");
  MoodleReport report;
  DiagList diags = {0};
  Pack *pack = import_moodle_file(path, &report, &diags);
  diag_print(&diags, stderr);
  assert_non_null(pack);
  assert_int_equal(diags.count, 0);
  assert_int_equal(report.imported, 4);
  assert_int_equal(report.need_source, 0);
  assert_false(report.one_sided);

  const PackItem *panama = item(pack, "panama-papers");
  assert_int_equal(panama->answer, PACK_ANSWER_REAL);
  assert_string_equal(panama->outlet, "The Guardian");
  assert_string_equal(panama->date, "2016-04-03");
  assert_string_equal(panama->url,
                      "https://www.theguardian.com/news/2016/apr/03/"
                      "the-panama-papers-how-the-worlds-rich-and-famous-hide-their-money-offshore");
  // "Correct!" and "Wrong." judge the student's choice: left out. The Source
  // line is not part of the explanation.
  assert_string_equal(panama->explanation,
                      "Real: a joint investigation by more than 100 newsrooms, published the same day worldwide.");
  assert_int_equal(panama->tag_count, 2);
  assert_string_equal(panama->tags[1], "leaks");

  // Plain-text feedback: a line break starts a paragraph, as Moodle shows it;
  // the outlet may hold a comma.
  const PackItem *mars = item(pack, "perseverance-landing");
  assert_string_equal(mars->outlet, "CNN, via WWSB");
  assert_string_equal(mars->date, "2021-02-18");
  assert_string_equal(mars->url,
                      "https://edition.cnn.com/2021/02/18/world/mars-perseverance-rover-landing-scn-trnd/index.html");
  assert_string_equal(mars->explanation,
                      "The landing was broadcast live by NASA and reported worldwide.\n"
                      "The rover landed in Jezero crater on 18 February 2021.");

  const PackItem *water = item(pack, "hot-water-cure");
  assert_int_equal(water->answer, PACK_ANSWER_FABRICATED);
  assert_string_equal(water->outlet, "Viral post on social media");
  assert_string_equal(water->date, "2020-03");
  assert_null(water->url);
  assert_int_equal(water->techniques, (1u << TECHNIQUE_FAKE_EXPERT) | (1u << TECHNIQUE_FEARMONGERING));
  // Technique tags are not kept as tags.
  assert_int_equal(water->tag_count, 2);
  assert_string_equal(water->tags[0], "Checking sources");
  assert_string_equal(water->tags[1], "health");
  // "Made up: fake expert." explains; only "Well spotted!" is a verdict.
  assert_string_equal(water->explanation,
                      "A chain message that circulated in 2020; no hospital or health agency said this.\n"
                      "Made up: fake expert.");

  // A Source line in an answer's feedback counts too.
  const PackItem *pope = item(pack, "pope-endorsement");
  assert_string_equal(pope->outlet, "WTOE 5 News (fake site)");
  assert_string_equal(pope->date, "2016-07");
  assert_int_equal(pope->techniques, 1u << TECHNIQUE_IMPERSONATION);
  assert_string_equal(pope->explanation,
                      "Made up by a site posing as a local TV station. The Vatican never endorses candidates.\n"
                      "This one was invented.");

  // The game's loader accepts it with no error and no warning (what
  // `validate --strict` asks; test_import_cli.sh runs that on the binary).
  set_metadata(pack, "checking-sources");
  char *xml = pack_write_xml(pack);
  DiagList check = {0};
  Pack *loaded = pack_load_memory("out.xml", xml, strlen(xml), &check);
  diag_print(&check, stderr);
  assert_non_null(loaded);
  assert_int_equal(check.errors, 0);
  assert_int_equal(check.warnings, 0);
  assert_packs_equal(pack, loaded);
  diag_clear(&check);
  pack_destroy(loaded);
  free(xml);
  pack_destroy(pack);
  moodle_report_clear(&report);
  diag_clear(&diags);
  free(path);
}

// A real true/false question on one line (plus the line breaks in
// `feedback`, its plain-text general feedback).
#define REAL(name, feedback)                                                                                       \
  "<question type=\"truefalse\"><name><text>" name "</text></name><questiontext><text>" name                       \
  " headline</text></questiontext><generalfeedback format=\"plain_text\"><text>" feedback                          \
  "</text></generalfeedback><answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false" \
  "</text></answer></question>\n"

static void test_moodle_source_lines(void **state) {
  (void)state;
  // Parts joined at run time (C caps a literal at 4095 characters); the
  // file's line numbers are on the right.
  static const char *const parts[] = {
      "<quiz>\n",                                                                // 1
      REAL("Bad date", "Why.\nSource: BBC, 17/04/2016"),                         // 2-3
      REAL("No outlet", "Source: 2016-04-17, https://www.bbc.co.uk/news"),       // 4
      REAL("Ftp", "Why.\nSource: BBC, 2016-04-17, ftp://bbc.co.uk/x"),           // 5-6
      REAL("No date", "Why. The source: not at the start.\nsource : BBC News"),  // 7-8
      REAL("Bad day", "Why.\nSource: BBC, 2023-02-29"),                          // 9-10
      REAL("Words", "Why.\nSource: BBC, April 2016"),                            // 11-12
      REAL("Www", "Why.\nSource: BBC, 2016, www.bbc.co.uk"),                     // 13-14
      REAL("Empty", "Why.\nSource:"),                                            // 15-16
      "<question type=\"truefalse\"><name><text>Two</text></name><questiontext><text>Two headline</text>"
      "</questiontext><generalfeedback format=\"html\"><text>&lt;p&gt;Why.&lt;/p&gt;&lt;p&gt;Source: BBC, "
      "2016-04-17&lt;/p&gt;</text></generalfeedback>\n"                               // 17
      "<answer fraction=\"100\"><text>true</text><feedback format=\"html\"><text>\n"  // 18
      "&lt;p&gt;Source: ITV, 2016-04-17&lt;/p&gt;</text></feedback></answer>"         // 19
      "<answer fraction=\"0\"><text>false</text></answer></question>\n",
      REAL("Good", "Why.\nSource: Le Monde, 2001-09, https://www.lemonde.fr/a,b?c=1"),  // 20-21
      REAL("Same twice", "Why.\nSource: BBC, 2019"),                                    // 22-23
      "<question type=\"truefalse\"><name><text>Tags</text></name><questiontext><text>Tags headline</text>"
      "</questiontext><generalfeedback><text>Why.</text></generalfeedback><answer fraction=\"0\"><text>true"
      "</text><feedback><text>Source: BBC, 2019</text></feedback></answer><answer fraction=\"100\"><text>false"
      "</text></answer><tags>\n"                     // 24
      "<tag><text>technique:emotoin</text></tag>\n"  // 25
      "<tag><text>technique: shouting</text></tag><tag><text>technique:Emotion</text></tag></tags></question>\n",
      "</quiz>\n",
  };
  StrBuf joined = {0};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    strbuf_append(&joined, parts[i]);
  }
  char *xml = strbuf_take(&joined);
  MoodleReport report;
  DiagList diags = {0};
  Pack *pack = moodle_from(xml, &report, &diags);
  assert_non_null(pack);
  static const char *const want[] = {
      "in.xml:3: warning: question 'Bad date': the date '17/04/2016' in its Source line is ambiguous (day and month "
      "come in different orders in different countries): write it as YYYY-MM-DD, YYYY-MM or YYYY; no source was "
      "taken",
      "in.xml:4: warning: question 'No outlet': its Source line names no outlet: write it as \"Source: Outlet, "
      "YYYY-MM-DD, https://...\"; no source was taken",
      // Its only paragraph was the Source line: nothing is left to explain it.
      "in.xml:4: warning: question 'No outlet' has no feedback to explain its answer: write the <explanation> of "
      "item 'no-outlet' before the pack can be used",
      "in.xml:6: warning: question 'Ftp': the url 'ftp://bbc.co.uk/x' in its Source line is not a web address "
      "starting with http:// or https://; no source was taken",
      "in.xml:8: warning: question 'No date': its Source line has no date after the outlet: write it as \"Source: "
      "Outlet, YYYY-MM-DD, https://...\", with commas between the parts; no source was taken",
      "in.xml:10: warning: question 'Bad day': the date '2023-02-29' in its Source line does not exist; no source "
      "was taken",
      "in.xml:12: warning: question 'Words': the date 'April 2016' in its Source line is not a date: write it as "
      "YYYY-MM-DD, YYYY-MM or YYYY; no source was taken",
      "in.xml:14: warning: question 'Www': the url 'www.bbc.co.uk' in its Source line is not a web address "
      "starting with http:// or https://; no source was taken",
      "in.xml:16: warning: question 'Empty': its Source line is empty: write it as \"Source: Outlet, YYYY-MM-DD, "
      "https://...\"; no source was taken",
      "in.xml:19: warning: question 'Two': its Source lines on lines 17 and 19 differ; no source was taken: keep "
      "one",
      "in.xml:25: warning: question 'Tags': tag 'technique:emotoin' names no known technique (did you mean "
      "'technique:emotion'?); it was left out",
      "in.xml:26: warning: question 'Tags': tag 'technique: shouting' names no known technique; it was left out. "
      "The techniques are: impersonation, emotion, polarization, conspiracy, discrediting, trolling, fake-expert, "
      "fearmongering, satire, false-context, misleading-statistic, scapegoating, dehumanising-language, "
      "false-dichotomy, ad-hominem, ai-generated-media",
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    expect_diag(&diags, want[i]);
  }
  // Nothing else: no "without a Source line" on top of a line's own warning.
  if (diags.count != sizeof want / sizeof want[0]) {
    diag_print(&diags, stderr);
  }
  assert_int_equal(diags.count, sizeof want / sizeof want[0]);
  assert_int_equal(report.need_source, 9);
  // Nothing guessed: the bad lines give no source, and are not explanation.
  for (size_t i = 0; i < 9; i++) {
    const PackItem *it = &pack->items[i];
    assert_null(it->outlet);
    assert_null(it->date);
    assert_null(it->url);
    assert_null(strstr(it->explanation, "Source:"));
  }
  assert_string_equal(item(pack, "bad-date")->explanation, "Why.");
  assert_string_equal(item(pack, "no-date")->explanation, "Why. The source: not at the start.");
  assert_string_equal(item(pack, "no-outlet")->explanation, "");
  const PackItem *good = item(pack, "good");
  assert_string_equal(good->outlet, "Le Monde");
  assert_string_equal(good->date, "2001-09");
  assert_string_equal(good->url, "https://www.lemonde.fr/a,b?c=1");
  assert_string_equal(good->explanation, "Why.");
  assert_string_equal(item(pack, "same-twice")->outlet, "BBC");
  const PackItem *tags = item(pack, "tags");
  assert_int_equal(tags->answer, PACK_ANSWER_FABRICATED);
  assert_string_equal(tags->outlet, "BBC");
  assert_int_equal(tags->techniques, 1u << TECHNIQUE_EMOTION);
  assert_int_equal(tags->tag_count, 0);
  pack_destroy(pack);
  moodle_report_clear(&report);
  diag_clear(&diags);
  free(xml);
}

// The explanation of a fabricated question whose right answer's feedback is
// `right` and wrong answer's `wrong`, after a general feedback "Because.".
static char *explanation_of(const char *right, const char *wrong) {
  char *xml = xasprintf(
      "<quiz><question type=\"truefalse\"><name><text>Q</text></name><questiontext><text>Q</text></questiontext>"
      "<generalfeedback><text>Because.</text></generalfeedback>"
      "<answer fraction=\"0\"><text>true</text><feedback><text>%s</text></feedback></answer>"
      "<answer fraction=\"100\"><text>false</text><feedback><text>%s</text></feedback></answer></question></quiz>",
      wrong, right);
  MoodleReport report;
  DiagList diags = {0};
  Pack *pack = moodle_from(xml, &report, &diags);
  assert_non_null(pack);
  char *text = xstrdup(pack->items[0].explanation);
  pack_destroy(pack);
  moodle_report_clear(&report);
  diag_clear(&diags);
  free(xml);
  return text;
}

static void test_moodle_verdicts(void **state) {
  (void)state;
  struct {
    const char *right, *wrong, *want;
  } cases[] = {
      // Verdicts on the choice, alone or leading: noise, left out.
      {"Correct!", "Wrong.", "Because."},
      {"Correct. Well done!", "Sorry, no.", "Because."},
      {"Yes", "", "Because."},
      {"Well done! It is a doctored photo.", "", "Because.\nIt is a doctored photo."},
      {"That\xE2\x80\x99s right: the quote was never said.", "Not so \xE2\x80\x94 no paper ran it.",
       "Because.\nThe quote was never said.\nNo paper ran it."},
      {"RIGHT, it is made up.", "", "Because.\nIt is made up."},
      // Words about the headline explain it, however short: kept whole.
      {"Made up: fake expert.", "", "Because.\nMade up: fake expert."},
      {"Fake.", "", "Because.\nFake."},
      {"Fabricated!", "", "Because.\nFabricated!"},
      {"False: the photo is from 2011.", "", "Because.\nFalse: the photo is from 2011."},
      // A verdict word that starts a sentence is not a verdict.
      {"No hospital said this.", "", "Because.\nNo hospital said this."},
      {"Right-wing sites spread it first.", "", "Because.\nRight-wing sites spread it first."},
      {"Correctly spotted.", "", "Because.\nCorrectly spotted."},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *got = explanation_of(cases[i].right, cases[i].wrong);
    if (strcmp(got, cases[i].want) != 0) {
      fail_msg("case %zu: got \"%s\", want \"%s\"", i, got, cases[i].want);
    }
    free(got);
  }
}

/* ---- CSV ---- */

static void test_csv_sample(void **state) {
  (void)state;
  char *path = test_data_path("import/headlines.csv");
  CsvReport report;
  DiagList diags = {0};
  Pack *pack = import_csv_file(path, &report, &diags);
  if (!pack) {
    diag_print(&diags, stderr);
  }
  assert_non_null(pack);
  assert_int_equal(diags.errors, 0);
  char *want = xasprintf("%s:1: warning: unknown column 'Notes' ignored", path);
  expect_diag(&diags, want);
  free(want);
  assert_int_equal(diags.warnings, 1);
  assert_int_equal(report.rows, 5);
  assert_int_equal(report.blank_rows, 1);
  assert_int_equal(pack->item_count, 5);

  const PackItem *bh = &pack->items[0];
  assert_string_equal(bh->id, "first-ever-black-hole-image-released");
  assert_int_equal(bh->answer, PACK_ANSWER_REAL);
  assert_string_equal(bh->outlet, "BBC News");
  assert_string_equal(bh->date, "2019-04-10");
  assert_null(bh->url);
  assert_int_equal(bh->line, 2);

  const PackItem *pope = &pack->items[1];
  assert_string_equal(pope->headline, "Pope Francis shocks world, endorses Donald Trump for president");
  assert_int_equal(pope->answer, PACK_ANSWER_FABRICATED);
  assert_string_equal(pope->explanation,
                      "Made up by a site posing as a local TV station.\nThe Vatican never endorses candidates.");
  assert_string_equal(pope->tip, "An unknown \"news\" site with a familiar-sounding name is a warning sign.");
  assert_int_equal(pope->techniques, 1u << TECHNIQUE_IMPERSONATION);
  assert_string_equal(pope->date, "2016-07");
  assert_int_equal(pope->line, 3);

  const PackItem *mars = &pack->items[2];
  assert_int_equal(mars->answer, PACK_ANSWER_REAL);
  assert_string_equal(mars->url, "https://www.nasa.gov/");
  assert_null(mars->tip);
  assert_int_equal(mars->line, 5);

  const PackItem *water = &pack->items[3];
  assert_int_equal(water->answer, PACK_ANSWER_FABRICATED);
  assert_int_equal(water->techniques, (1u << TECHNIQUE_FAKE_EXPERT) | (1u << TECHNIQUE_FEARMONGERING));
  assert_null(water->outlet);

  const PackItem *thumb = &pack->items[4];
  assert_string_equal(thumb->headline, "Study: \"smartphone thumb\" now affects 9 in 10 teenagers");
  assert_int_equal(thumb->techniques, (1u << TECHNIQUE_MISLEADING_STATISTIC) | (1u << TECHNIQUE_EMOTION));
  assert_int_equal(thumb->line, 8);

  set_metadata(pack, "headlines");
  char *xml = pack_write_xml(pack);
  Pack *loaded = load_clean("headlines.xml", xml);
  assert_packs_equal(pack, loaded);
  pack_destroy(loaded);
  free(xml);
  pack_destroy(pack);
  diag_clear(&diags);
  free(path);
}

static Pack *csv_from(const char *text, DiagList *diags) {
  CsvReport report;
  return import_csv_memory("in.csv", text, strlen(text), &report, diags);
}

static void expect_csv_error(const char *text, const char *want) {
  DiagList diags = {0};
  Pack *pack = csv_from(text, &diags);
  assert_null(pack);
  expect_diag(&diags, want);
  diag_clear(&diags);
}

#define HEADER "headline,answer,outlet,date,url,explanation,techniques,tip\n"

static void test_csv_errors(void **state) {
  (void)state;
  expect_csv_error("headline,outlet,date\nA,B,2020\n",
                   "in.csv:1: error: missing column 'answer': the first row must name the columns, e.g. "
                   "headline,answer,outlet,date,url,explanation,techniques,tip");
  expect_csv_error(HEADER "A,real,BBC,17/04/2016,,Why.,,\n",
                   "in.csv:2: error: date '17/04/2016' is ambiguous (day and month come in different orders in "
                   "different countries): write it as YYYY-MM-DD, e.g. 2016-04-17");
  expect_csv_error(HEADER "A,real,BBC,2023-02-29,,Why.,,\n", "in.csv:2: error: date '2023-02-29' does not exist");
  expect_csv_error(HEADER "A,real,BBC,April 2016,,Why.,,\n",
                   "in.csv:2: error: date 'April 2016' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY");
  expect_csv_error(HEADER "A,real,,2016,,Why.,,\n",
                   "in.csv:2: error: this headline is real: fill in its outlet (where it was published)");
  expect_csv_error(HEADER "A,real,,,,Why.,,\n",
                   "in.csv:2: error: this headline is real: fill in its outlet and date (where and when it was "
                   "published)");
  expect_csv_error("headline,answer,explanation\nA,real,Why.\n",
                   "in.csv:2: error: this headline is real, but there is no 'outlet' column: a real headline needs "
                   "the outlet that published it and the date");
  expect_csv_error(HEADER "A,maybe,,,,Why.,,\n",
                   "in.csv:2: error: answer 'maybe' is not 'real' or 'fabricated' ('true', 'false' and 'fake' are "
                   "accepted too)");
  expect_csv_error(HEADER "A,fake,,,,Why.,emotoin,\n",
                   "in.csv:2: error: unknown technique 'emotoin' (did you mean "
                   "'emotion'?)");
  expect_csv_error(HEADER "A,fake,,,,,,\n",
                   "in.csv:2: error: the explanation is empty: say why the headline is real or fabricated");
  expect_csv_error(HEADER "A,fake,,,ftp://x,Why.,,\n",
                   "in.csv:2: error: url 'ftp://x' is not a web address starting with http:// or https://");
  // The same rules as the loader (pack_rules): no year 0, a host after the
  // scheme, no control characters.
  expect_csv_error(HEADER "A,real,BBC,0000,,Why.,,\n", "in.csv:2: error: date '0000' does not exist");
  expect_csv_error(HEADER "A,fake,,,http:///path,Why.,,\n",
                   "in.csv:2: error: url 'http:///path' is not a web address starting with http:// or https://");
  expect_csv_error(HEADER "A,fake,,,,Why.,,,extra\n",
                   "in.csv:2: error: this row has 9 cells but the first row names 8 columns (is a cell with a comma "
                   "not in quotes?)");
  expect_csv_error(HEADER "A\x01,fake,,,,Why.,,\n",
                   "in.csv:2: error: column 'headline' holds a control character (byte 0x01), which a pack cannot "
                   "contain");
  expect_csv_error("headline,answer,explanation,id\nA,fake,Why.,x1\nB,fake,Why.,x1\n",
                   "in.csv:3: error: id 'x1' is used by an earlier row");
  expect_csv_error("headline,answer,explanation,answer\n", "in.csv:1: error: column 'answer' appears twice");
  expect_csv_error("", "in.csv: error: the file is empty: the first row must name the columns");
  expect_csv_error(HEADER, "in.csv: error: there are no rows below the column names");
  // Line numbers are physical lines, right after cells with line breaks.
  expect_csv_error(HEADER "A,fake,,,,\"Why\nand\r\nwhy\",,\n\n\nB,fake,,,,Why.,nonsense-word,\n",
                   "in.csv:7: error: unknown technique 'nonsense-word'; the techniques are: impersonation, emotion, "
                   "polarization, conspiracy, discrediting, trolling, fake-expert, fearmongering, satire, "
                   "false-context, misleading-statistic, scapegoating, dehumanising-language, false-dichotomy, "
                   "ad-hominem, ai-generated-media");
  expect_csv_error(HEADER "A,fake,,,,Why.,,\n\"B\nmore\",maybe,,,,Why.,,\n",
                   "in.csv:3: error: answer 'maybe' is not 'real' or 'fabricated' ('true', 'false' and 'fake' are "
                   "accepted too)");
  // Malformed CSV and text encodings.
  expect_csv_error(HEADER "A,fake,,,,Why.,,\nB \"quoted\" word,fake,,,,Why.,,\n",
                   "in.csv:3: error: malformed CSV: a quote inside a cell that does not start with a quote, or text "
                   "after a closing quote; put the whole cell in quotes and double each quote inside it (\"\")");
  expect_csv_error(HEADER "A,fake,,,,Why.,,\n\n\"B,fake,,,,Why.,,\nC,fake,,,,Why.,,\n",
                   "in.csv:4: error: a quoted cell is not closed: its closing quote (\") is missing");
  expect_csv_error(HEADER "A,fake,,,,Why.,,\nCaf\xE9,fake,,,,Why.,,\n",
                   "in.csv:3: error: this line is not valid UTF-8 text: save the spreadsheet as \"CSV UTF-8\" "
                   "(Unicode) and import that");
  expect_csv_error("\xFF\xFEh\0e\0",
                   "in.csv:1: error: the file is UTF-16 text: save the spreadsheet as \"CSV UTF-8\" instead");
}

static void test_csv_variants(void **state) {
  (void)state;
  DiagList diags = {0};
  // Semicolons (spreadsheets in decimal-comma locales), any column order and
  // case, CR-only line ends, ids given and made, tags.
  Pack *p = csv_from(
      "ID;Explanation;Answer;Headline;Tags;Outlet;Date\r"
      "mine;Because, really.;FALSE;First one;\"week 1; ads\";;\r"
      ";Second why.;true;\"Quoted; with semicolon\";;Le Monde;2001-09\r",
      &diags);
  assert_non_null(p);
  assert_int_equal(diags.count, 0);
  assert_int_equal(p->item_count, 2);
  assert_string_equal(p->items[0].id, "mine");
  assert_string_equal(p->items[0].explanation, "Because, really.");
  assert_int_equal(p->items[0].answer, PACK_ANSWER_FABRICATED);
  assert_int_equal(p->items[0].tag_count, 2);
  assert_string_equal(p->items[0].tags[0], "week 1");
  assert_string_equal(p->items[0].tags[1], "ads");
  assert_int_equal(p->items[1].line, 3);
  assert_int_equal(p->items[1].answer, PACK_ANSWER_REAL);
  assert_string_equal(p->items[1].outlet, "Le Monde");
  assert_string_equal(p->items[1].id, "quoted-with-semicolon");
  assert_string_equal(p->items[1].headline, "Quoted; with semicolon");
  pack_destroy(p);
  diag_clear(&diags);

  // Tabs; tags split on ';' and ',' and repeated ones kept once.
  p = csv_from(
      "headline\tanswer\texplanation\ttags\toutlet\tdate\n"
      "A tab\tfalse\tWhy.\t\"x; y, x\"\t\t\n"
      "B tab\treal\tWhy.\t\tOutlet\t2020\n",
      &diags);
  assert_non_null(p);
  assert_int_equal(p->items[0].tag_count, 2);
  assert_string_equal(p->items[0].tags[0], "x");
  assert_string_equal(p->items[0].tags[1], "y");
  assert_string_equal(p->items[1].date, "2020");
  pack_destroy(p);
  diag_clear(&diags);

  // One kind of answer only: refused, since it would teach always giving it.
  expect_csv_error(HEADER "A,fake,,,,Why.,,\nB,fabricated,,,,Why.,,\n",
                   "in.csv: error: no row is real: add real headlines too; with one kind of answer a pack teaches "
                   "players to always give it");
}

static void test_csv_template(void **state) {
  (void)state;
  char *path = test_source_path("quizzes/template.csv");
  if (!fs_exists(path)) {
    free(path);
    skip();  // the content engineer's template is not in the tree yet
  }
  CsvReport report;
  DiagList diags = {0};
  Pack *pack = import_csv_file(path, &report, &diags);
  diag_print(&diags, stderr);
  assert_non_null(pack);
  assert_int_equal(diags.count, 0);
  assert_true(pack->item_count > 0);
  set_metadata(pack, "template");
  char *xml = pack_write_xml(pack);
  Pack *loaded = load_clean("template.xml", xml);
  assert_packs_equal(pack, loaded);
  pack_destroy(loaded);
  free(xml);
  pack_destroy(pack);
  diag_clear(&diags);
  free(path);
}

/* ---- the commands, in-process ---- */

static int run_cmd(int (*cmd)(int, char **), const char *const *args) {
  char *argv[16];
  int argc = 0;
  for (; args[argc]; argc++) {
    argv[argc] = (char *)args[argc];
  }
  argv[argc] = NULL;
  return cmd(argc, argv);
}

static void test_commands(void **state) {
  (void)state;
  char *dir = test_tmpdir();
  char *csv = test_data_path("import/headlines.csv");
  char *moodle = test_data_path("import/moodle-media-literacy.xml");
  char *out = fs_join(dir, "my-pack.xml");

  assert_int_equal(run_cmd(cmd_import_csv, (const char *[]){"import-csv", "--help", NULL}), 0);
  assert_int_equal(run_cmd(cmd_import_moodle, (const char *[]){"import-moodle", "-h", NULL}), 0);
  assert_int_equal(run_cmd(cmd_import_csv, (const char *[]){"import-csv", csv, NULL}), 2);
  assert_int_equal(run_cmd(cmd_import_csv, (const char *[]){"import-csv", "-o", out, NULL}), 2);
  assert_int_equal(run_cmd(cmd_import_csv, (const char *[]){"import-csv", csv, "-o", out, "--bogus", NULL}), 2);
  assert_int_equal(run_cmd(cmd_import_csv, (const char *[]){"import-csv", csv, "-o", out, "--id", "a b", NULL}), 2);
  assert_int_equal(run_cmd(cmd_import_csv, (const char *[]){"import-csv", csv, "-o", out, "--lang", "x", NULL}), 2);
  assert_int_equal(run_cmd(cmd_import_csv, (const char *[]){"import-csv", csv, "extra", "-o", out, NULL}), 2);
  assert_false(fs_exists(out));

  // Written, but exit 1: its first real row has no url, and it has more
  // fabricated rows than real ones, which `validate --strict` refuses, and
  // "ready" means exactly that check.
  assert_int_equal(run_cmd(cmd_import_csv, (const char *[]){"import-csv", csv, "-o", out, "--title", "My headlines",
                                                            "--lang", "en-GB", NULL}),
                   1);
  DiagList diags = {0};
  Pack *pack = pack_load_file(out, &diags);
  assert_non_null(pack);
  assert_int_equal(diags.errors, 0);
  assert_int_equal(diags.warnings, 2);
  pack_destroy(pack);
  diag_clear(&diags);
  bool loads = false;
  assert_null(pack_load_file_strict(out, &diags, &loads));
  assert_true(loads);
  assert_int_equal(diags.errors, 2);
  diag_clear(&diags);
  pack = pack_load_file(out, &diags);
  assert_string_equal(pack->id, "my-pack");
  assert_string_equal(pack->title, "My headlines");
  assert_string_equal(pack->lang, "en-GB");
  assert_string_equal(pack->description, "Imported from headlines.csv.");
  assert_int_equal(pack->item_count, 5);
  pack_destroy(pack);
  diag_clear(&diags);

  // An existing pack is never replaced without --force.
  char *before = test_read_file(out);
  assert_int_equal(run_cmd(cmd_import_moodle, (const char *[]){"import-moodle", moodle, "-o", out, NULL}), 1);
  char *after = test_read_file(out);
  assert_string_equal(before, after);
  free(after);
  // Moodle: written (nothing is lost), but exit 1 since the pack cannot be
  // played: the real item's source is missing (the loader refuses the pack
  // until it is added).
  assert_int_equal(
      run_cmd(cmd_import_moodle, (const char *[]){"import-moodle", moodle, "-o", out, "--force", "--id", "ml", NULL}),
      1);
  pack = pack_load_file(out, &diags);
  assert_null(pack);
  assert_true(diags.errors > 0);
  diag_clear(&diags);
  after = test_read_file(out);
  assert_string_not_equal(before, after);
  assert_non_null(strstr(after, "id=\"ml\""));
  assert_non_null(strstr(after, "<title>Media literacy</title>"));
  free(after);
  free(before);

  // Bad input: nothing written.
  char *bad = test_write_file(dir, "bad.csv", "headline,answer\nA,maybe\n");
  char *out2 = fs_join(dir, "other.xml");
  assert_int_equal(run_cmd(cmd_import_csv, (const char *[]){"import-csv", bad, "-o", out2, NULL}), 1);
  assert_false(fs_exists(out2));
  // Output over the input is refused even with --force.
  assert_int_equal(run_cmd(cmd_import_csv, (const char *[]){"import-csv", bad, "-o", bad, "--force", NULL}), 1);
  char *still = test_read_file(bad);
  assert_string_equal(still, "headline,answer\nA,maybe\n");
  free(still);
  free(out2);
  free(bad);

  free(out);
  free(moodle);
  free(csv);
  test_rmtree(dir);
  free(dir);
}

// Kahoot's quiz template saved as CSV: instruction rows above a header with
// long texts; its true/false questions come in, every other row is skipped
// at its line and counted; one time limit becomes the pack's seconds.
static void test_kahoot_template(void **state) {
  (void)state;
  char *path = test_data_path("import/kahoot-template.csv");
  CsvReport report;
  DiagList d = {0};
  Pack *p = import_csv_file(path, &report, &d);
  if (!p) {
    diag_print(&d, stderr);
  }
  assert_non_null(p);
  assert_int_equal(d.errors, 0);
  assert_true(report.kahoot);
  assert_int_equal(report.kahoot_header_line, 5);
  assert_int_equal(p->item_count, 4);
  static const PackAnswer want[] = {PACK_ANSWER_REAL, PACK_ANSWER_FABRICATED, PACK_ANSWER_FABRICATED, PACK_ANSWER_REAL};
  static const int lines[] = {6, 7, 9, 10};
  for (size_t i = 0; i < 4; i++) {
    assert_int_equal(p->items[i].answer, want[i]);
    assert_int_equal(p->items[i].line, lines[i]);
    assert_null(p->items[i].explanation);
    assert_null(p->items[i].outlet);
  }
  assert_string_equal(p->items[0].headline,
                      "Real or fake? \"Cows painted like zebras fend off flies better, study says\"");
  assert_int_equal(p->round_seconds, 20);
  assert_int_equal(report.skipped, 3);
  assert_int_equal(report.need_explanation, 4);
  assert_int_equal(report.need_source, 2);
  assert_false(report.one_sided);
  // Each skipped row named at its line, with what kind of row it is.
  static const struct {
    int line;
    const char *text;
  } skipped[] = {{8, "'Which planet is closest to the sun?' is not a true/false question (a multiple-choice question)"},
                 {11,
                  "'Pick your favourite colour' is not a true/false question (its two answers do not read as true "
                  "and false)"},
                 {12, "'Which of these are fruit?' is not a true/false question (a multiple-choice question)"}};
  for (size_t k = 0; k < 3; k++) {
    bool found = false;
    for (size_t i = 0; i < d.count && !found; i++) {
      found = d.items[i].line == skipped[k].line && strstr(d.items[i].message, skipped[k].text) != NULL;
    }
    if (!found) {
      diag_print(&d, stderr);
      fail_msg("no warning at line %d: %s", skipped[k].line, skipped[k].text);
    }
  }
  pack_destroy(p);
  diag_clear(&d);
  free(path);
}

static void test_kahoot_true_false(void **state) {
  (void)state;
  static const struct {
    const char *a[4];
    const char *correct;
    int want;  // 1 real, 0 fabricated, -1 skipped
  } cases[] = {
      {{"Real", "Fake", "", ""}, "1", 1},
      {{"Real", "Fake", "", ""}, "2", 0},
      {{"TRUE", "FALSE", "", ""}, " 2 ", 0},
      {{"Made up!", "Real.", "", ""}, "2", 1},
      {{"fabricated", "genuine", "", ""}, "1", 0},
      {{"", "Vrai", "", "Faux"}, "4", 0},  // any two of the four answer columns
      {{"Real", "Fake", "", ""}, "1,2", -1},
      {{"Real", "Fake", "", ""}, "", -1},
      {{"Real", "Fake", "", ""}, "3", -1},
      {{"Real", "Real", "", ""}, "1", -1},
      {{"Yes", "Maybe", "", ""}, "1", -1},
      {{"Real", "Fake", "Unsure", ""}, "1", -1},
      {{"Real", "", "", ""}, "1", -1},
      {{"Real", "Fake", "", ""}, "12", -1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    PackAnswer a = PACK_ANSWER_REAL;
    const char *why = NULL;
    bool ok = kahoot_true_false(cases[i].a, cases[i].correct, &a, &why);
    if (cases[i].want < 0) {
      assert_false(ok);
      assert_non_null(why);
    } else {
      if (!ok) {
        fail_msg("case %zu skipped: %s", i, why);
      }
      assert_int_equal(a, cases[i].want ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED);
    }
  }
  // Header cells: Kahoot's long texts, any case; not a look-alike word.
  assert_int_equal(kahoot_column("Question - max 120 characters"), KAHOOT_QUESTION);
  assert_int_equal(kahoot_column(" answer 3 - max 75 characters"), KAHOOT_ANSWER_3);
  assert_int_equal(kahoot_column("Time limit (sec) – 5, 10, 20"), KAHOOT_TIME_LIMIT);
  assert_int_equal(kahoot_column("Correct answer(s) - choose at least one"), KAHOOT_CORRECT);
  assert_int_equal(kahoot_column("Questionnaire"), -1);
  assert_int_equal(kahoot_column("headline"), -1);
}

// Time limits: one value outside the pack's range, or several values, set
// no seconds and say so; the pack's own columns are never taken for Kahoot.
static void test_kahoot_time_limits(void **state) {
  (void)state;
  static const char head[] = "Kahoot!\nQuestion,Answer 1,Answer 2,Answer 3,Answer 4,Time limit,Correct answer\n";
  char *mixed = xasprintf("%sA,True,False,,,20,1\nB,True,False,,,30,2\n", head);
  char *slow = xasprintf("%sA,True,False,,,240,1\nB,True,False,,,240,2\n", head);
  const char *texts[] = {mixed, slow};
  const char *needles[] = {"different time limits", "outside the 5-120 s"};
  for (size_t i = 0; i < 2; i++) {
    CsvReport report;
    DiagList d = {0};
    Pack *p = import_csv_memory("k.csv", texts[i], strlen(texts[i]), &report, &d);
    assert_non_null(p);
    assert_int_equal(p->round_seconds, 0);
    bool found = false;
    for (size_t k = 0; k < d.count; k++) {
      found = found || strstr(d.items[k].message, needles[i]);
    }
    assert_true(found);
    pack_destroy(p);
    diag_clear(&d);
  }
  free(mixed);
  free(slow);
  // Nothing true/false at all: an error, no pack.
  static const char none[] =
      "Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit,Correct answer\n"
      "Q?,A,B,C,D,20,1\n";
  CsvReport report;
  DiagList d = {0};
  assert_null(import_csv_memory("k.csv", none, strlen(none), &report, &d));
  assert_int_equal(d.errors, 1);
  assert_non_null(strstr(d.items[d.count - 1].message, "no true/false question to import from this Kahoot quiz"));
  diag_clear(&d);
  // The pack's own header is not Kahoot's, even with a "question" column.
  static const char native[] = "headline,answer,explanation,question\nH,fabricated,E,x\nR,real,E,y\n";
  Pack *p = import_csv_memory("n.csv", native, strlen(native), &report, &d);
  assert_false(report.kahoot);
  pack_destroy(p);
  diag_clear(&d);
}

static int teardown_loader(void **state) {
  (void)state;
  pack_loader_shutdown();
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_write_roundtrip_starter),
      cmocka_unit_test(test_write_roundtrip_assessment),
      cmocka_unit_test(test_write_escaping_roundtrip),
      cmocka_unit_test(test_write_rejects_control_characters),
      cmocka_unit_test(test_write_file_atomic),
      cmocka_unit_test(test_ids),
      cmocka_unit_test(test_html_to_text),
      cmocka_unit_test(test_moodle_sample),
      cmocka_unit_test(test_moodle_ids_and_answers),
      cmocka_unit_test(test_moodle_dropped_questions),
      cmocka_unit_test(test_moodle_malformed),
      cmocka_unit_test(test_moodle_sources_sample),
      cmocka_unit_test(test_moodle_source_lines),
      cmocka_unit_test(test_moodle_verdicts),
      cmocka_unit_test(test_csv_sample),
      cmocka_unit_test(test_csv_errors),
      cmocka_unit_test(test_csv_variants),
      cmocka_unit_test(test_csv_template),
      cmocka_unit_test(test_commands),
      cmocka_unit_test(test_kahoot_template),
      cmocka_unit_test(test_kahoot_true_false),
      cmocka_unit_test(test_kahoot_time_limits),
  };
  return cmocka_run_group_tests(tests, NULL, teardown_loader);
}

// The pack loader: every rule, with the exact message a pack author sees.
#include "support/test_support.h"

#include <fcntl.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/str.h"
#include "pack_test_support.h"
#include "quiz/pack_load.h"

// Loads a fixture that must fail with exactly the given diagnostics.
#define EXPECT_INVALID(fixture, ...)                 \
  do {                                               \
    DiagList d_ = {0};                               \
    char *path_;                                     \
    Pack *p_ = load_fixture((fixture), &d_, &path_); \
    assert_null(p_);                                 \
    EXPECT(&d_, path_, __VA_ARGS__);                 \
    diag_clear(&d_);                                 \
    free(path_);                                     \
  } while (0)

static Pack *load_text(const char *text, DiagList *d) {
  return pack_load_memory("mem.xml", text, strlen(text), d);
}

// A valid pack around `items` (XML for <item> elements).
static char *pack_with(const char *items) {
  return xasprintf(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"gen\" version=\"1\" xml:lang=\"en\">\n"
      "<title>T</title>\n"
      "<description>D</description>\n"
      "%s"
      "</quizpack>\n",
      items);
}

static const char real_item[] =
    "<item id=\"r\" answer=\"real\"><headline>R</headline>"
    "<source outlet=\"O\" date=\"2020\" url=\"https://example.org/r\"/><explanation>E</explanation></item>\n";

static bool any_message_contains(const DiagList *d, const char *needle) {
  for (size_t i = 0; i < d->count; i++) {
    if (strstr(d->items[i].message, needle)) {
      return true;
    }
  }
  return false;
}

// --- valid packs -----------------------------------------------------------

static void test_valid_minimal(void **state) {
  (void)state;
  DiagList d = {0};
  char *path;
  Pack *p = load_fixture("valid-minimal.xml", &d, &path);
  assert_non_null(p);
  assert_int_equal(d.count, 0);
  assert_string_equal(p->path, path);
  assert_string_equal(p->id, "minimal");
  assert_int_equal(p->version, 2);
  assert_string_equal(p->lang, "en");
  assert_int_equal(p->kind, PACK_KIND_PRACTICE);
  assert_string_equal(p->title, "A minimal pack");
  // A blank line separates paragraphs; a single line break is a space.
  assert_string_equal(p->description, "First paragraph, wrapped over two lines.\nSecond paragraph.");
  assert_null(p->author);
  assert_int_equal(p->round_questions, 2);
  assert_int_equal(p->round_seconds, 20);
  assert_int_equal(p->item_count, 2);

  const PackItem *a = &p->items[0];
  assert_string_equal(a->id, "boaty");
  assert_int_equal(a->answer, PACK_ANSWER_REAL);
  assert_string_equal(a->headline, "RRS Boaty McBoatface wins poll");
  assert_string_equal(a->outlet, "The Guardian");
  assert_string_equal(a->date, "2016-04-17");
  assert_string_equal(a->url, "https://www.theguardian.com/x");
  assert_string_equal(a->explanation, "Real. Reported widely.");
  assert_string_equal(a->tip, "Look for the follow-up.");
  assert_int_equal(a->tag_count, 2);
  assert_string_equal(a->tags[1], "science");
  assert_null(a->lang);
  assert_int_equal(a->techniques, 0);
  assert_int_equal(a->line, 10);

  const PackItem *b = &p->items[1];
  assert_int_equal(b->answer, PACK_ANSWER_FABRICATED);
  assert_string_equal(b->headline, "Chewing gum makes you 40% smarter & kinder");
  assert_string_equal(b->explanation, "Fabricated <for> this pack.");
  assert_string_equal(b->lang, "en-GB");
  assert_null(b->outlet);
  assert_null(b->tip);
  assert_int_equal(b->techniques, (1u << TECHNIQUE_FAKE_EXPERT) | (1u << TECHNIQUE_MISLEADING_STATISTIC));
  assert_int_equal(b->line, 19);
  pack_destroy(p);
  free(path);
}

static void test_assessment_without_source_is_valid(void **state) {
  (void)state;
  DiagList d = {0};
  char *path;
  Pack *p = load_fixture("assessment-no-source.xml", &d, &path);
  assert_non_null(p);
  assert_int_equal(d.count, 0);  // nor warnings: no url or technique is expected in a fixed test
  assert_int_equal(p->kind, PACK_KIND_ASSESSMENT);
  assert_null(p->items[0].outlet);
  pack_destroy(p);
  free(path);
}

static void test_warnings_do_not_stop_loading(void **state) {
  (void)state;
  DiagList d = {0};
  char *path;
  Pack *p = load_fixture("warnings.xml", &d, &path);
  assert_non_null(p);
  assert_int_equal(d.errors, 0);
  EXPECT(&d, path, ":5: warning: the round asks for 10 questions but the pack has only 4 items",
         ":8: warning: real item has no url; players cannot look the story up at its source",
         ":11: warning: fabricated item names no <technique>; players learn more when they see how it misleads",
         ":16: warning: headline is longer than 200 characters");
  assert_true(diag_has_errors(&d, true));
  assert_false(diag_has_errors(&d, false));
  pack_destroy(p);
  diag_clear(&d);
  free(path);
}

// validate --strict and the importers' "ready to play" are one function:
// every warning becomes an error, each listed once, and the pack is refused;
// problems already in the list (another file's) are left as they were.
static void test_strict_load(void **state) {
  (void)state;
  DiagList d = {0};
  diag_add(&d, DIAG_WARNING, "other.xml", 3, "an earlier warning");
  char *path = test_data_path("packs/warnings.xml");
  bool loads = false;
  assert_null(pack_load_file_strict(path, &d, &loads));
  assert_true(loads);
  assert_int_equal(d.count, 5);
  assert_int_equal(d.errors, 4);
  assert_int_equal(d.warnings, 1);
  assert_int_equal(d.items[0].severity, DIAG_WARNING);
  for (size_t i = 1; i < d.count; i++) {
    assert_int_equal(d.items[i].severity, DIAG_ERROR);
  }
  diag_clear(&d);
  free(path);

  path = test_data_path("packs/valid-minimal.xml");
  Pack *p = pack_load_file_strict(path, &d, &loads);
  assert_non_null(p);
  assert_true(loads);
  assert_int_equal(d.count, 0);
  pack_destroy(p);
  free(path);

  path = test_data_path("packs/bad-answer.xml");
  assert_null(pack_load_file_strict(path, &d, &loads));
  assert_false(loads);
  assert_int_equal(d.errors, 1);
  diag_clear(&d);
  free(path);
}

static void test_lopsided_pack_warns(void **state) {
  (void)state;
  DiagList d = {0};
  char *path;
  Pack *p = load_fixture("lopsided.xml", &d, &path);
  assert_non_null(p);
  EXPECT(&d, path,
         ":2: warning: the pack has 1 real and 5 fabricated items; a lopsided pack rewards always giving the same "
         "answer");
  pack_destroy(p);
  diag_clear(&d);
  free(path);
}

// --- each malformed kind ---------------------------------------------------

static void test_not_well_formed(void **state) {
  (void)state;
  EXPECT_INVALID("malformed.xml",
                 ":7: error: malformed XML: </item> closes <headline>, which was opened on line 6: close it "
                 "with </headline> first");
}

// The schema's messages about order, repeats and unknown names, in plain
// words; the order is the schema's own xs:sequence.
static void test_schema_messages(void **state) {
  (void)state;
  static const struct {
    const char *item;
    const char *want;
  } cases[] = {
      {"<headline>F</headline><tip>T</tip><explanation>E</explanation><technique>emotion</technique>",
       "mem.xml:6: error: <tip> must come after <explanation>"},
      {"<headline>F</headline><explanation>E</explanation><tip>T</tip><technique>emotion</technique>",
       "mem.xml:6: error: <tip> must come after <technique>"},
      {"<explanation>E</explanation><headline>F</headline><technique>emotion</technique>",
       "mem.xml:6: error: <explanation> must come after <headline>"},
      {"<headline>F</headline><headline>G</headline><explanation>E</explanation><technique>emotion</technique>",
       "mem.xml:6: error: <item> may have only one <headline> (the first is on line 6)"},
      {"<headline>F</headline><explanation>E</explanation><technique>emotion</technique><tipp>T</tipp>",
       "mem.xml:6: error: unknown element <tipp> in <item>; did you mean <tip>?"},
      {"<headline>F</headline><explenation>E</explenation><technique>emotion</technique>",
       "mem.xml:6: error: unknown element <explenation> in <item>; did you mean <explanation>?"},
      {"<headline>F</headline><explanation>E</explanation><technique>emotion</technique><tga>x</tga>",
       "mem.xml:6: error: unknown element <tga> in <item>; did you mean <tag>?"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *items = xasprintf("%s<item id=\"f\" answer=\"fabricated\">%s</item>\n", real_item, cases[i].item);
    char *text = pack_with(items);
    DiagList d = {0};
    assert_null(load_text(text, &d));
    bool found = false;
    for (size_t k = 0; k < d.count; k++) {
      char *got = diag_format(&d.items[k]);
      found = found || strcmp(got, cases[i].want) == 0;
      assert_null(strstr(got, "Expected is"));  // libxml2's raw words never reach the author
      free(got);
    }
    if (!found) {
      diag_print(&d, stderr);
      fail_msg("case %zu: no \"%s\"", i, cases[i].want);
    }
    diag_clear(&d);
    free(text);
    free(items);
  }
  // A swapped pair of letters is one edit: <itme> is <item>, not <title>.
  char *swapped = pack_with("<itme id=\"f\" answer=\"fabricated\"><headline>F</headline></itme>\n");
  DiagList ds = {0};
  assert_null(load_text(swapped, &ds));
  assert_true(any_message_contains(&ds, "unknown element <itme> in <quizpack>; did you mean <item>?"));
  diag_clear(&ds);
  free(swapped);
  // The pack level: <round> after the items.
  char *items = xasprintf(
      "%s<item id=\"f\" answer=\"fabricated\"><headline>F</headline><explanation>E</explanation>"
      "<technique>emotion</technique></item>\n<round questions=\"2\"/>\n",
      real_item);
  char *text = pack_with(items);
  DiagList d = {0};
  assert_null(load_text(text, &d));
  EXPECT(&d, "mem.xml", ":7: error: <item> must come after <round>");
  diag_clear(&d);
  free(text);
  free(items);
}

// Well-formedness: the first syntax error, with a hint at its likely cause.
static void test_wellformed_hints(void **state) {
  (void)state;
  static const struct {
    const char *text;
    const char *want;
  } cases[] = {
      {"<quizpack>\n<title>Tom & Jerry</title>\n</quizpack>\n",
       "mem.xml:2: error: malformed XML: a '&' that starts no entity: write &amp; for &"},
      {"<quizpack>\n<title>Tom &nbsp;Jerry</title>\n</quizpack>\n",
       "mem.xml:2: error: malformed XML: unknown entity &nbsp; (XML knows only &amp; &lt; &gt; &quot; &apos; and "
       "numbers such as &#233;): write &amp; for &, or type the character itself"},
      {"<quizpack>\n<title>3 < 4</title>\n</quizpack>\n",
       "mem.xml:2: error: malformed XML: a '<' that starts no tag: write &lt; for < in text"},
      {"<quizpack>\n\n<title>T\n</quizpack>\n",
       "mem.xml:4: error: malformed XML: </quizpack> closes <title>, which was opened on line 3: close it with "
       "</title> first"},
      {"<quizpack>\n<title>T</title>\n",
       "mem.xml:3: error: malformed XML: the file ends before <quizpack> (opened on line 1) is closed: add "
       "</quizpack>"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    DiagList d = {0};
    assert_null(load_text(cases[i].text, &d));
    assert_int_equal(d.count, 1);  // the first syntax error only, as the guide says
    char *got = diag_format(&d.items[0]);
    if (strcmp(got, cases[i].want) != 0) {
      fail_msg("case %zu:\n got  %s\n want %s", i, got, cases[i].want);
    }
    free(got);
    diag_clear(&d);
  }
}

static void test_wrong_namespace(void **state) {
  (void)state;
  EXPECT_INVALID(
      "wrong-namespace.xml",
      ":2: error: <quizpack> must be in namespace \"urn:prebunk:quizpack:1\", not \"urn:prebunk:quizpack:2\"");
  DiagList d = {0};
  assert_null(load_text("<quizpack id=\"x\"/>", &d));
  EXPECT(&d, "mem.xml", ":1: error: <quizpack> needs xmlns=\"urn:prebunk:quizpack:1\"");
  diag_clear(&d);
}

static void test_not_a_pack(void **state) {
  (void)state;
  EXPECT_INVALID("not-a-pack.xml",
                 ":3: error: this is not a quiz pack: the root element is <quiz>, not <quizpack "
                 "xmlns=\"urn:prebunk:quizpack:1\">");
}

static void test_missing_required_element(void **state) {
  (void)state;
  // The schema's "Missing child element(s)" is replaced by the friendlier one.
  EXPECT_INVALID("missing-explanation.xml", ":10: error: item has no <explanation>");
}

static void test_bad_answer(void **state) {
  (void)state;
  EXPECT_INVALID("bad-answer.xml", ":10: error: answer must be \"real\" or \"fabricated\", not \"maybe\"");
}

static void test_duplicate_ids(void **state) {
  (void)state;
  EXPECT_INVALID("duplicate-ids.xml", ":15: error: item id \"boaty\" is used twice (first on line 5)");
}

static void test_impossible_dates(void **state) {
  (void)state;
  // 2016, 2016-04 and 2024-02-29 are fine.
  EXPECT_INVALID("impossible-date.xml", ":22: error: date \"2023-02-30\" does not exist",
                 ":28: error: date \"2023-13\" does not exist",
                 ":34: error: date must be YYYY, YYYY-MM or YYYY-MM-DD, not \"17/04/2016\"");
}

static void test_empty_text(void **state) {
  (void)state;
  EXPECT_INVALID("empty-headline.xml", ":11: error: <headline> is empty", ":15: error: <tip> is empty");
}

static void test_unknown_technique_with_hint(void **state) {
  (void)state;
  // The schema's enumeration error for the same elements is not shown.
  EXPECT_INVALID("unknown-technique.xml",
                 ":13: error: unknown technique \"fake expert\"; did you mean \"fake-expert\"?",
                 ":15: error: unknown technique \"clickbait\" (the techniques are: impersonation, emotion, "
                 "polarization, conspiracy, discrediting, trolling, fake-expert, fearmongering, satire, "
                 "false-context, misleading-statistic, scapegoating, dehumanising-language, false-dichotomy, "
                 "ad-hominem, ai-generated-media)");
}

static void test_no_real_items(void **state) {
  (void)state;
  EXPECT_INVALID("no-real.xml",
                 ":2: error: the pack has no real items; with one kind of answer it teaches players to always give it");
  DiagList d = {0};
  char *text = pack_with(real_item);
  assert_null(load_text(text, &d));
  EXPECT(&d, "mem.xml",
         ":2: error: the pack has no fabricated items; with one kind of answer it teaches players to always give it");
  diag_clear(&d);
  free(text);
}

static void test_real_item_without_source(void **state) {
  (void)state;
  EXPECT_INVALID("real-no-source.xml", ":5: error: real item needs <source> with outlet and date",
                 ":11: error: real item needs an outlet in <source>",
                 ":16: error: real item needs an outlet in <source>", ":16: error: real item needs a date in <source>");
}

static void test_bad_url_scheme(void **state) {
  (void)state;
  EXPECT_INVALID("bad-url.xml",
                 ":7: error: url must be a web address starting with http:// or https://, not \"javascript:alert(1)\"",
                 ":12: error: url must be a web address starting with http:// or https://, not \"file:///etc/passwd\"");
}

static void test_all_problems_in_one_pass(void **state) {
  (void)state;
  // C checks and schema errors together, in line order; a start tag over
  // several lines (item "b", lines 10-12) is reported at its first line.
  EXPECT_INVALID(
      "many-problems.xml", ":2: error: the pack has no version (version=\"1\", raised whenever the content changes)",
      ":2: error: the pack has no xml:lang (the language of its text, e.g. xml:lang=\"en\")",
      ":2: error: kind must be \"practice\" or \"assessment\", not \"exam\"",
      ":2: warning: the pack has 2 fabricated and 1 real items; practice with more fakes than real headlines "
      "teaches distrust, not discernment",
      ":5: error: unknown attribute answr on <item>; did you mean answer?",
      ":6: error: <explanation> must come after <headline>",
      ":10: error: xml:lang must be a language tag such as \"en\" or \"pt-BR\", not \"not a tag\"",
      ":13: error: <headline> must be plain text, without elements such as <b>",
      ":16: error: unknown element <bogus> in <item>; allowed here: <headline>, <source>, <explanation>, "
      "<technique>, <tip>, <tag>",
      ":18: error: item id \"a\" is used twice (first on line 5)", ":20: error: date \"2021-02-29\" does not exist",
      ":22: error: unknown technique \"fearmongerin\"; did you mean \"fearmongering\"?");
}

// --- hostile input -----------------------------------------------------------

static void test_invalid_utf8(void **state) {
  (void)state;
  static const struct {
    const char *text;
    const char *want;
  } cases[] = {
      {"<?xml version=\"1.0\"?>\n<quizpack>\n<title>ok</title>\n<title>caf\xC3\x28</title>\n",
       "mem.xml:4: error: the file is not valid UTF-8; save it as UTF-8"},
      {"<?xml version=\"1.0\"?>\n\n<a>\xC0\xAF</a>\n",
       "mem.xml:3: error: the file is not valid UTF-8; save it as UTF-8"},
      {"<a>\xED\xA0\x80</a>", "mem.xml:1: error: the file is not valid UTF-8; save it as UTF-8"},  // surrogate
      {"<a>\n\xE2\x82</a>", "mem.xml:2: error: the file is not valid UTF-8; save it as UTF-8"},    // truncated
      {"\xFF\xFE<\0a\0", "mem.xml:1: error: the file is saved as UTF-16; save it as UTF-8"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    DiagList d = {0};
    size_t len = i == 4 ? 6 : strlen(cases[i].text);
    assert_null(pack_load_memory("mem.xml", cases[i].text, len, &d));
    assert_int_equal(d.count, 1);
    char *got = diag_format(&d.items[0]);
    assert_string_equal(got, cases[i].want);
    free(got);
    diag_clear(&d);
  }
  // A NUL byte (UTF-16 without a byte order mark looks like this).
  static const char nul[] = "<\0q\0u\0";
  DiagList d = {0};
  assert_null(pack_load_memory("mem.xml", nul, sizeof nul - 1, &d));
  EXPECT(&d, "mem.xml", ":1: error: the file contains a NUL byte; save it as UTF-8 text");
  diag_clear(&d);
}

static const char doctype_msg[] =
    "error: a DOCTYPE is not allowed in a quiz pack (it could pull in other files or expand entities without end)";

static void test_external_entity_rejected(void **state) {
  (void)state;
  DiagList d = {0};
  char *path;
  assert_null(load_fixture("doctype-external-entity.xml", &d, &path));
  char *want = xasprintf(":2: %s", doctype_msg);
  expect_diags(&d, path, (const char *const[]){want}, 1);
  // Nothing of /etc/passwd reached any message.
  assert_false(any_message_contains(&d, "root:"));
  free(want);
  diag_clear(&d);
  free(path);
}

static void test_billion_laughs_rejected(void **state) {
  (void)state;
  // Refused on the bytes, before libxml2 parses a single declaration, so no
  // entity is ever expanded (no timing assertion: it simply never starts).
  char *want = xasprintf(":2: %s", doctype_msg);
  expect_fixture_refused("billion-laughs.xml", (const char *const[]){want}, 1);
  free(want);
}

static void test_external_dtd_rejected(void **state) {
  (void)state;
  char *want = xasprintf(":3: %s", doctype_msg);
  expect_fixture_refused("external-dtd.xml", (const char *const[]){want}, 1);
  free(want);
}

static void test_doctype_cannot_hide(void **state) {
  (void)state;
  // A processing instruction holding "<!--" would fool a scanner that skips
  // comments; ours matches the token everywhere.
  char *want = xasprintf(":3: %s", doctype_msg);
  expect_fixture_refused("doctype-after-pi.xml", (const char *const[]){want}, 1);
  free(want);

  // Inside a comment or CDATA too (documented: write &lt;!DOCTYPE instead).
  DiagList d = {0};
  char *text = pack_with("<!-- <!DOCTYPE x> -->\n");
  assert_null(load_text(text, &d));
  want = xasprintf(":5: %s", doctype_msg);
  expect_diags(&d, "mem.xml", (const char *const[]){want}, 1);
  free(want);
  free(text);
  diag_clear(&d);

  text = pack_with("<item id=\"x\" answer=\"real\"><headline><![CDATA[\n<!ENTITY e \"x\">]]></headline></item>\n");
  assert_null(load_text(text, &d));
  EXPECT(&d, "mem.xml", ":6: error: an ENTITY declaration is not allowed in a quiz pack");
  free(text);
  diag_clear(&d);
}

static void test_xinclude_not_processed(void **state) {
  (void)state;
  DiagList d = {0};
  char *path;
  assert_null(load_fixture("xinclude.xml", &d, &path));
  EXPECT(&d, path, ":6: error: <headline> must be plain text, without elements such as <xi:include>");
  assert_false(any_message_contains(&d, "root:"));
  diag_clear(&d);
  free(path);
}

static void test_file_over_16_mib(void **state) {
  (void)state;
  char *dir = test_tmpdir();
  char *path = xasprintf("%s/huge.xml", dir);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  char block[4096];
  memset(block, ' ', sizeof block);
  for (size_t i = 0; i < PACK_MAX_FILE_BYTES / sizeof block; i++) {
    assert_int_equal(fwrite(block, 1, sizeof block, f), sizeof block);
  }
  fputc(' ', f);  // one byte over
  fclose(f);
  DiagList d = {0};
  assert_null(pack_load_file(path, &d));
  EXPECT(&d, path, ": error: the file is larger than the limit of 16777216 bytes (16 MiB)");
  diag_clear(&d);

  // The same limit from memory (no need for the bytes to exist).
  static const char tiny[] = "<quizpack/>";
  assert_null(pack_load_memory("mem.xml", tiny, (size_t)PACK_MAX_FILE_BYTES + 1, &d));
  EXPECT(&d, "mem.xml", ": error: the pack is 16777217 bytes; the limit is 16777216 bytes");
  diag_clear(&d);
  test_rmtree(dir);
  free(path);
  free(dir);
}

static void test_missing_file(void **state) {
  (void)state;
  DiagList d = {0};
  assert_null(pack_load_memory("empty.xml", NULL, 0, &d));
  EXPECT(&d, "empty.xml", ":1: error: malformed XML: Document is empty");
  diag_clear(&d);
  assert_null(pack_load_file("/nonexistent/pack.xml", &d));
  EXPECT(&d, "/nonexistent/pack.xml", ": error: cannot read the file: cannot open: No such file or directory");
  diag_clear(&d);
}

static void test_too_many_items(void **state) {
  (void)state;
  StrBuf items = {0};
  for (int i = 0; i <= PACK_MAX_ITEMS; i++) {
    strbuf_appendf(
        &items,
        i % 2 ? "<item id=\"i%d\" answer=\"real\"><headline>h</headline>"
                "<source outlet=\"o\" date=\"2020\" url=\"https://e.org/\"/><explanation>e</explanation></item>\n"
              : "<item id=\"i%d\" answer=\"fabricated\"><headline>h</headline><explanation>e</explanation>"
                "<technique>emotion</technique></item>\n",
        i);
  }
  char *text = pack_with(items.data);
  strbuf_free(&items);
  DiagList d = {0};
  assert_null(load_text(text, &d));
  // The header takes 4 lines; item number 100,001 is on line 100,005.
  EXPECT(&d, "mem.xml", ":100005: error: the pack has more than 100000 items");
  diag_clear(&d);
  free(text);
}

static void test_over_long_fields(void **state) {
  (void)state;
  // Limits count characters, not bytes: 500 two-byte characters are fine.
  StrBuf ok = {0}, headline = {0}, explanation = {0};
  for (int i = 0; i < PACK_MAX_HEADLINE_CHARS; i++) {
    strbuf_append(&ok, "\xC3\xA9");
  }
  for (int i = 0; i <= PACK_MAX_HEADLINE_CHARS; i++) {
    strbuf_append_char(&headline, 'h');
  }
  for (int i = 0; i <= PACK_MAX_EXPLANATION_CHARS; i++) {
    strbuf_append_char(&explanation, 'e');
  }
  char *items = xasprintf(
      "%s<item id=\"a\" answer=\"real\">\n<headline>%s</headline>\n<source outlet=\"O\" date=\"2020\" "
      "url=\"https://example.org/a\"/><explanation>E</explanation></item>\n"
      "<item id=\"b\" answer=\"fabricated\">\n<headline>%s</headline>\n<explanation>%s</explanation>"
      "<technique>emotion</technique></item>\n",
      real_item, ok.data, headline.data, explanation.data);
  char *text = pack_with(items);
  DiagList d = {0};
  assert_null(load_text(text, &d));
  EXPECT(&d, "mem.xml", ":7: warning: headline is longer than 200 characters",
         ":10: error: <headline> is 501 characters long; the limit is 500",
         ":11: error: <explanation> is 5001 characters long; the limit is 5000");
  diag_clear(&d);
  free(text);
  free(items);
  strbuf_free(&ok);
  strbuf_free(&headline);
  strbuf_free(&explanation);
}

static void test_control_characters_not_echoed(void **state) {
  (void)state;
  // U+009B is a terminal's CSI in disguise; it is shown as '?'.
  char *text = pack_with(
      "<item id=\"a\" answer=\"re\xC2\x9B"
      "al\"><headline>h</headline><explanation>e</explanation></item>\n");
  DiagList d = {0};
  assert_null(load_text(text, &d));
  EXPECT(&d, "mem.xml", ":5: error: answer must be \"real\" or \"fabricated\", not \"re?al\"");
  diag_clear(&d);
  free(text);
}

// --- libxml2 hygiene -------------------------------------------------------

static void test_libxml2_prints_nothing(void **state) {
  (void)state;
  char *dir = test_tmpdir();
  char *log = xasprintf("%s/stderr.txt", dir);
  fflush(stderr);
  int saved = dup(2);
  int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  assert_true(fd >= 0);
  dup2(fd, 2);
  close(fd);
  const char *fixtures[] = {"malformed.xml", "many-problems.xml", "wrong-namespace.xml", "xinclude.xml"};
  for (size_t i = 0; i < 4; i++) {
    DiagList d = {0};
    char *path;
    assert_null(load_fixture(fixtures[i], &d, &path));
    assert_true(d.errors > 0);
    diag_clear(&d);
    free(path);
  }
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  char *captured = test_read_file(log);
  assert_string_equal(captured, "");
  free(captured);
  test_rmtree(dir);
  free(log);
  free(dir);
}

static void test_other_libxml2_users_unaffected(void **state) {
  (void)state;
  // The deny-all entity loader refuses only while a pack loads: another
  // module reading a file through libxml2 afterwards still can.
  DiagList d = {0};
  char *path;
  Pack *p = load_fixture("valid-minimal.xml", &d, &path);
  assert_non_null(p);
  xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  assert_non_null(doc);
  xmlFreeDoc(doc);
  pack_destroy(p);
  free(path);
}

static void test_shutdown_then_reload(void **state) {
  (void)state;
  pack_loader_shutdown();
  pack_loader_shutdown();  // twice is harmless
  DiagList d = {0};
  char *path;
  Pack *p = load_fixture("valid-minimal.xml", &d, &path);
  assert_non_null(p);  // the schema is built again
  pack_destroy(p);
  free(path);
  EXPECT_INVALID("unknown-technique.xml",
                 ":13: error: unknown technique \"fake expert\"; did you mean \"fake-expert\"?",
                 ":15: error: unknown technique \"clickbait\" (the techniques are: impersonation, emotion, "
                 "polarization, conspiracy, discrediting, trolling, fake-expert, fearmongering, satire, "
                 "false-context, misleading-statistic, scapegoating, dehumanising-language, false-dichotomy, "
                 "ad-hominem, ai-generated-media)");
}

static void test_sniff(void **state) {
  (void)state;
  static const char pack[] = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- x <quiz> -->\n<quizpack xmlns=\"u\">";
  static const char prefixed[] = "<p:quizpack xmlns:p=\"urn:prebunk:quizpack:1\">";
  static const char moodle[] = "<?xml version=\"1.0\"?>\n<quiz>\n<question/>";
  static const char html[] = "<!-- c --><html>";
  static const char doctype[] = "<!DOCTYPE quiz><quiz/>";  // unsure: let the loader report it
  static const char text[] = "not xml at all";
  assert_true(pack_load_sniff(pack, sizeof pack - 1));
  assert_true(pack_load_sniff(prefixed, sizeof prefixed - 1));
  assert_false(pack_load_sniff(moodle, sizeof moodle - 1));
  assert_false(pack_load_sniff(html, sizeof html - 1));
  assert_true(pack_load_sniff(doctype, sizeof doctype - 1));
  assert_true(pack_load_sniff(text, sizeof text - 1));
  assert_true(pack_load_sniff(moodle, 10));  // cut before the root: unsure
}

static int teardown(void **state) {
  (void)state;
  pack_loader_shutdown();
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_valid_minimal),
      cmocka_unit_test(test_assessment_without_source_is_valid),
      cmocka_unit_test(test_warnings_do_not_stop_loading),
      cmocka_unit_test(test_lopsided_pack_warns),
      cmocka_unit_test(test_not_well_formed),
      cmocka_unit_test(test_wrong_namespace),
      cmocka_unit_test(test_not_a_pack),
      cmocka_unit_test(test_missing_required_element),
      cmocka_unit_test(test_bad_answer),
      cmocka_unit_test(test_duplicate_ids),
      cmocka_unit_test(test_impossible_dates),
      cmocka_unit_test(test_empty_text),
      cmocka_unit_test(test_unknown_technique_with_hint),
      cmocka_unit_test(test_no_real_items),
      cmocka_unit_test(test_real_item_without_source),
      cmocka_unit_test(test_bad_url_scheme),
      cmocka_unit_test(test_all_problems_in_one_pass),
      cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_external_entity_rejected),
      cmocka_unit_test(test_billion_laughs_rejected),
      cmocka_unit_test(test_external_dtd_rejected),
      cmocka_unit_test(test_doctype_cannot_hide),
      cmocka_unit_test(test_xinclude_not_processed),
      cmocka_unit_test(test_file_over_16_mib),
      cmocka_unit_test(test_missing_file),
      cmocka_unit_test(test_too_many_items),
      cmocka_unit_test(test_over_long_fields),
      cmocka_unit_test(test_control_characters_not_echoed),
      cmocka_unit_test(test_libxml2_prints_nothing),
      cmocka_unit_test(test_other_libxml2_users_unaffected),
      cmocka_unit_test(test_shutdown_then_reload),
      cmocka_unit_test(test_sniff),
      cmocka_unit_test(test_strict_load),
      cmocka_unit_test(test_schema_messages),
      cmocka_unit_test(test_wellformed_hints),
  };
  return cmocka_run_group_tests(tests, NULL, teardown);
}

// Text that could deceive (issue #11): bidi controls in pack text, zero-width
// characters in ids, terminal control sequences in what the command line
// prints; and the loader, schema and importers agreeing with the writer.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/utf8.h"
#include "quiz/import_csv.h"
#include "quiz/pack_load.h"
#include "store/store.h"
#include "support/test_support.h"

#define HEAD                                                                               \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                           \
  "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"gen\" version=\"1\" xml:lang=\"en\">\n" \
  "<title>T</title>\n<description>D</description>\n"
#define FAB_ITEM                                                                            \
  "<item id=\"f\" answer=\"fabricated\"><headline>F</headline><explanation>E</explanation>" \
  "<technique>emotion</technique></item>\n"

// Loads HEAD + items + FAB_ITEM; returns the diagnostics (to clear) and
// whether a pack came back.
static bool load_items(const char *items, DiagList *d) {
  char *text = xasprintf(HEAD "%s" FAB_ITEM "</quizpack>\n", items);
  Pack *p = pack_load_memory("mem.xml", text, strlen(text), d);
  bool ok = p != NULL;
  pack_destroy(p);
  free(text);
  return ok;
}

static void test_escape_terminal(void **state) {
  (void)state;
  char *s = utf8_escape_terminal(
      "a\x1b]0;owned\x07"
      "b\x1b[2Jc\xc2\x9b"
      "d\xe2\x80\xae"
      "e\xff\tf\n");
  assert_string_equal(s, "a\\x1b]0;owned\\x07b\\x1b[2Jc\\u009bd\\u202ee\\xff\tf\n");
  free(s);
  s = utf8_escape_terminal("caf\xc3\xa9 \xe2\x80\x94 ok");  // ordinary text is left alone
  assert_string_equal(s, "caf\xc3\xa9 \xe2\x80\x94 ok");
  free(s);
  s = utf8_escape_terminal(NULL);
  assert_string_equal(s, "");
  free(s);
}

static void test_bidi_controls_refused_in_pack_text(void **state) {
  (void)state;
  DiagList d = {0};
  // U+202E RIGHT-TO-LEFT OVERRIDE: "efas ton" displays as "not safe".
  assert_false(
      load_items("<item id=\"r\" answer=\"real\"><headline>\xe2\x80\xae"
                 "efas ton</headline>"
                 "<source outlet=\"O\" date=\"2020\" url=\"https://e.org/\"/><explanation>E</explanation></item>\n",
                 &d));
  assert_int_equal(d.errors, 1);
  assert_int_equal(d.items[0].line, 5);
  assert_non_null(strstr(d.items[0].message, "<headline> contains the invisible direction control U+202E"));
  diag_clear(&d);
  // U+2066 LEFT-TO-RIGHT ISOLATE in an outlet: it could display as "BBC".
  assert_false(
      load_items("<item id=\"r\" answer=\"real\"><headline>H</headline>"
                 "<source outlet=\"\xe2\x81\xa6"
                 "CBB\" date=\"2020\" url=\"https://e.org/\"/>"
                 "<explanation>E</explanation></item>\n",
                 &d));
  assert_int_equal(d.errors, 1);
  assert_non_null(strstr(d.items[0].message, "outlet contains the invisible direction control U+2066"));
  diag_clear(&d);
}

// A player typed as U+202E + "ecilA" would display as "Alice".
static void test_player_names_refused(void **state) {
  (void)state;
  char *err = NULL;
  assert_null(
      store_player_name_clean("\xe2\x80\xae"
                              "ecilA",
                              &err));
  assert_non_null(strstr(err, "invisible characters"));
  free(err);
  err = NULL;
  assert_null(
      store_player_name_clean("Ali\xe2\x80\x8b"
                              "ce",
                              &err));
  free(err);
  char *ok = store_player_name_clean("  Zo\xc3\xab  ", &err);
  assert_string_equal(ok, "Zo\xc3\xab");
  free(ok);
}

static void test_zero_width_refused_in_ids(void **state) {
  (void)state;
  DiagList d = {0};
  // "f" + U+200B ZERO WIDTH SPACE looks like the fabricated item's id "f".
  assert_false(
      load_items("<item id=\"f\xe2\x80\x8b\" answer=\"real\"><headline>H</headline>"
                 "<source outlet=\"O\" date=\"2020\" url=\"https://e.org/\"/><explanation>E</explanation></item>\n",
                 &d));
  assert_true(d.errors >= 1);
  assert_int_equal(d.items[0].line, 5);
  assert_non_null(strstr(d.items[0].message, "id"));
  diag_clear(&d);
}

// The rules accepted HTTPS:// and the schema refused it: both accept any case now.
static void test_url_scheme_case_agrees(void **state) {
  (void)state;
  DiagList d = {0};
  assert_true(
      load_items("<item id=\"r\" answer=\"real\"><headline>H</headline>"
                 "<source outlet=\"O\" date=\"2020\" url=\"HTTPS://Example.org/A\"/><explanation>E</explanation>"
                 "</item>\n",
                 &d));
  assert_int_equal(d.errors, 0);
  diag_clear(&d);
  assert_false(
      load_items("<item id=\"r\" answer=\"real\"><headline>H</headline>"
                 "<source outlet=\"O\" date=\"2020\" url=\"FTP://example.org/\"/><explanation>E</explanation>"
                 "</item>\n",
                 &d));
  assert_int_equal(d.errors, 1);  // once, from the rules; the schema's echo is covered
  diag_clear(&d);
}

// U+FFFF was accepted by the CSV importer and refused by the writer, with no
// line to point at.
static void test_csv_refuses_what_xml_cannot_carry(void **state) {
  (void)state;
  static const char csv[] =
      "headline,answer,explanation,outlet,date,url\n"
      "A fine headline,real,Because.,BBC,2020-01-01,https://bbc.co.uk/x\n"
      "Bad \xef\xbf\xbf headline,fabricated,Because.,,,\n";
  DiagList d = {0};
  CsvReport r = {0};
  Pack *p = import_csv_memory("in.csv", csv, strlen(csv), &r, &d);
  assert_null(p);
  assert_int_equal(d.errors, 1);
  char *s = diag_format(&d.items[0]);
  assert_string_equal(s,
                      "in.csv:3: error: column 'headline' holds the non-character U+FFFF, which a pack cannot "
                      "contain");
  free(s);
  diag_clear(&d);
}

// What the command line prints about a file never carries its control
// characters to the terminal: a file name and a CSV cell with ESC sequences.
static void test_cli_output_escaped(void **state) {
  (void)state;
  const char *bin = getenv("PREBUNK_BINARY");
  if (!bin) {
    skip();
  }
  char *dir = test_tmpdir();
  char *bad = test_write_file(dir, "evil\x1b]0;owned\x07.xml", "<quizpack");
  char *cmd = xasprintf("'%s' validate '%s'", bin, bad);
  int status = 0;
  char *out = test_run(cmd, &status);
  assert_int_equal(status, 1);
  assert_null(strchr(out, '\x1b'));
  assert_null(strchr(out, '\x07'));
  assert_non_null(strstr(out, "evil\\x1b]0;owned\\x07.xml"));
  free(out);
  free(cmd);
  char *csv = test_write_file(dir, "in.csv",
                              "headline,answer,explanation\n"
                              "\x1b[2J\xc2\x9b"
                              "Cleared,maybe,E\n");
  cmd = xasprintf("cd '%s' && '%s' import-csv in.csv -o out.xml", dir, bin);
  out = test_run(cmd, &status);
  assert_int_equal(status, 1);
  assert_null(strchr(out, '\x1b'));
  assert_null(strstr(out, "\xc2\x9b"));
  free(out);
  free(cmd);
  free(csv);
  free(bad);
  test_rmtree(dir);
  free(dir);
}

static int teardown(void **state) {
  (void)state;
  pack_loader_shutdown();
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_escape_terminal),           cmocka_unit_test(test_bidi_controls_refused_in_pack_text),
      cmocka_unit_test(test_zero_width_refused_in_ids), cmocka_unit_test(test_player_names_refused),
      cmocka_unit_test(test_url_scheme_case_agrees),    cmocka_unit_test(test_csv_refuses_what_xml_cannot_carry),
      cmocka_unit_test(test_cli_output_escaped),
  };
  return cmocka_run_group_tests(tests, NULL, teardown);
}

// The pack library: folder scans, order, broken packs, duplicates, --pack FILE.
#include "support/test_support.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/log.h"
#include "base/str.h"
#include "quiz/pack_library.h"
#include "quiz/pack_load.h"

// A valid pack; `attrs` is more of the root's attributes (may be "").
static char *pack_text_with(const char *id, const char *title, const char *attrs) {
  return xasprintf(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"%s\" version=\"1\" xml:lang=\"en\"%s>\n"
      "<title>%s</title><description>D</description>\n"
      "<item id=\"r\" answer=\"real\"><headline>R</headline>"
      "<source outlet=\"O\" date=\"2020\" url=\"https://example.org/r\"/><explanation>E</explanation></item>\n"
      "<item id=\"f\" answer=\"fabricated\"><headline>F</headline><explanation>E</explanation>"
      "<technique>emotion</technique></item>\n"
      "</quizpack>\n",
      id, attrs, title);
}

static char *pack_text(const char *id, const char *title) {
  return pack_text_with(id, title, "");
}

static void write_pack(const char *dir, const char *file, const char *id, const char *title) {
  char *text = pack_text(id, title);
  free(test_write_file(dir, file, text));
  free(text);
}

typedef struct Fixture {
  char *root;
  char *bundled;
  char *user;
} Fixture;

static int setup(void **state) {
  log_set_stderr(false);  // the library logs broken packs; keep test output clean
  Fixture *f = xcalloc(1, sizeof *f);
  f->root = test_tmpdir();
  f->bundled = xasprintf("%s/quizzes", f->root);
  f->user = xasprintf("%s/packs", f->root);
  mkdir(f->bundled, 0700);
  mkdir(f->user, 0700);
  write_pack(f->bundled, "zeta.xml", "zeta", "Zeta pack");
  write_pack(f->bundled, "alpha.xml", "alpha", "alpha pack");  // sorts before "Zeta" ignoring case
  free(test_write_file(f->bundled, "broken.xml", "<quizpack xmlns=\"urn:prebunk:quizpack:1\"><title>"));
  free(test_write_file(f->bundled, "moodle.xml", "<?xml version=\"1.0\"?>\n<quiz><question/></quiz>\n"));
  free(test_write_file(f->bundled, "quizpack-1.xsd", "<xs:schema/>"));
  free(test_write_file(f->bundled, "README.md", "# packs"));
  free(test_write_file(f->bundled, ".hidden.xml", "<quizpack/>"));
  char *folder = xasprintf("%s/folder.xml", f->bundled);
  mkdir(folder, 0700);  // a folder named like a pack is skipped, with a word
  free(folder);
  char *pipe = xasprintf("%s/pipe.xml", f->user);
  mkfifo(pipe, 0600);  // a FIFO would block a reader: skipped, with a word
  free(pipe);
  write_pack(f->user, "mine.xml", "my-pack", "Beta (mine)");
  write_pack(f->user, "copy.xml", "alpha", "Another alpha");  // duplicate id of a bundled pack
  *state = f;
  return 0;
}

static int teardown(void **state) {
  Fixture *f = *state;
  test_rmtree(f->root);
  free(f->root);
  free(f->bundled);
  free(f->user);
  free(f);
  pack_loader_shutdown();
  log_set_stderr(true);
  return 0;
}

static void test_scan_order_and_broken_packs(void **state) {
  Fixture *f = *state;
  PackLibrary *lib = pack_library_create();
  // User folder first on purpose: the order does not depend on the call order.
  assert_int_equal(pack_library_add_dir(lib, f->user, PACK_ORIGIN_USER), 2);
  assert_int_equal(pack_library_add_dir(lib, f->bundled, PACK_ORIGIN_BUNDLED), 3);  // not moodle, xsd, hidden
  assert_int_equal(pack_library_count(lib), 5);

  static const struct {
    const char *file;
    PackOrigin origin;
    bool loaded;
  } want[] = {
      {"alpha.xml", PACK_ORIGIN_BUNDLED, true},   {"zeta.xml", PACK_ORIGIN_BUNDLED, true},
      {"broken.xml", PACK_ORIGIN_BUNDLED, false},  // broken packs after playable ones
      {"copy.xml", PACK_ORIGIN_USER, true},        // "Another alpha" < "Beta (mine)"
      {"mine.xml", PACK_ORIGIN_USER, true},
  };
  for (size_t i = 0; i < 5; i++) {
    const PackEntry *e = pack_library_get(lib, i);
    assert_non_null(e);
    assert_string_equal(strrchr(e->path, '/') + 1, want[i].file);
    assert_int_equal(e->origin, want[i].origin);
    assert_int_equal(e->pack != NULL, want[i].loaded);
  }
  assert_null(pack_library_get(lib, 5));

  // The broken one keeps its diagnostics: the first error is what the menu shows.
  const PackEntry *broken = pack_library_get(lib, 2);
  const Diag *first = diag_first_error(&broken->diags);
  assert_non_null(first);
  assert_int_equal(first->line, 1);
  assert_non_null(strstr(first->message, "malformed XML"));

  // The duplicate id is flagged on the later entry and explained once.
  assert_false(pack_library_get(lib, 0)->duplicate_id);
  assert_true(pack_library_get(lib, 3)->duplicate_id);
  // Entries that are not files are named, with what they are.
  const DiagList *ld = pack_library_diags(lib);
  assert_int_equal(ld->count, 3);
  char *msg = diag_format(&ld->items[0]);
  char *expect = xasprintf("%s/pipe.xml: warning: skipped: this is a named pipe (FIFO), not a file", f->user);
  assert_string_equal(msg, expect);
  free(msg);
  free(expect);
  msg = diag_format(&ld->items[1]);
  expect = xasprintf("%s/folder.xml: warning: skipped: this is a folder, not a file", f->bundled);
  assert_string_equal(msg, expect);
  free(msg);
  free(expect);
  msg = diag_format(&ld->items[2]);
  expect = xasprintf(
      "%s/copy.xml: warning: pack id \"alpha\" is already used by %s/alpha.xml; give each pack its own id, or their "
      "scores get mixed up",
      f->user, f->bundled);
  assert_string_equal(msg, expect);
  free(msg);
  free(expect);

  // find() returns the first in display order: the bundled one.
  const PackEntry *alpha = pack_library_find(lib, "alpha");
  assert_non_null(alpha);
  assert_int_equal(alpha->origin, PACK_ORIGIN_BUNDLED);
  assert_null(pack_library_find(lib, "nope"));
  pack_library_destroy(lib);
}

static void test_practice_before_assessment(void **state) {
  (void)state;
  char *dir = test_tmpdir();
  // Marked as an assessment: it sorts first by title, but a fixed test is
  // not where a new player should start.
  char *assessment = pack_text_with("aaa-test", "Aardvark test", " kind=\"assessment\"");
  free(test_write_file(dir, "test.xml", assessment));
  write_pack(dir, "practice.xml", "practice", "Zebra practice");
  PackLibrary *lib = pack_library_create();
  assert_int_equal(pack_library_add_dir(lib, dir, PACK_ORIGIN_BUNDLED), 2);
  assert_string_equal(pack_library_get(lib, 0)->pack->id, "practice");
  assert_string_equal(pack_library_get(lib, 1)->pack->id, "aaa-test");
  assert_int_equal(pack_library_get(lib, 1)->pack->kind, PACK_KIND_ASSESSMENT);
  pack_library_destroy(lib);
  test_rmtree(dir);
  free(dir);
  free(assessment);
}

// Packs for everyone before age-banded ones (the youngest band first),
// whatever their titles; an explicit order first within those; practice
// still before assessment.
static void test_general_before_age_banded(void **state) {
  (void)state;
  char *dir = test_tmpdir();
  static const struct {
    const char *file, *id, *title, *attrs;
  } packs[] = {
      {"a.xml", "identity", "Identity: hate speech", " min-age=\"14\""},
      {"b.xml", "older", "Another banded pack", " min-age=\"16\""},
      {"c.xml", "starter", "Starter", " order=\"1\""},
      {"d.xml", "society", "Society", ""},
      {"e.xml", "test", "A test", " kind=\"assessment\""},
  };
  for (size_t i = 0; i < sizeof packs / sizeof *packs; i++) {
    char *text = pack_text_with(packs[i].id, packs[i].title, packs[i].attrs);
    free(test_write_file(dir, packs[i].file, text));
    free(text);
  }
  PackLibrary *lib = pack_library_create();
  assert_int_equal(pack_library_add_dir(lib, dir, PACK_ORIGIN_BUNDLED), 5);
  static const char *const want[] = {"starter", "society", "identity", "older", "test"};
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    assert_string_equal(pack_library_get(lib, i)->pack->id, want[i]);
  }
  pack_library_destroy(lib);
  test_rmtree(dir);
  free(dir);
}

// The bundled packs: the starter pack comes first, the age-banded identity
// pack after the general ones, the MIST-20 test last.
static void test_bundled_order(void **state) {
  (void)state;
  char *dir = test_source_path("quizzes");
  PackLibrary *lib = pack_library_create();
  size_t n = pack_library_add_dir(lib, dir, PACK_ORIGIN_BUNDLED);
  assert_true(n >= 3);
  assert_string_equal(pack_library_get(lib, 0)->pack->id, "starter-en");
  size_t identity = n, general_last = 0;
  for (size_t i = 0; i < n; i++) {
    const Pack *p = pack_library_get(lib, i)->pack;
    assert_non_null(p);
    if (strcmp(p->id, "identity-en") == 0) {
      identity = i;
    } else if (p->min_age == 0 && p->kind == PACK_KIND_PRACTICE) {
      general_last = i;
    }
  }
  assert_true(identity < n && identity > general_last);
  assert_int_equal(pack_library_get(lib, n - 1)->pack->kind, PACK_KIND_ASSESSMENT);
  pack_library_destroy(lib);
  free(dir);
}

static void test_add_file(void **state) {
  Fixture *f = *state;
  PackLibrary *lib = pack_library_create();
  pack_library_add_dir(lib, f->bundled, PACK_ORIGIN_BUNDLED);
  size_t before = pack_library_count(lib);

  // A file already listed (here by another spelling of its path) is not added twice.
  char *again = xasprintf("%s/../quizzes/zeta.xml", f->bundled);
  const PackEntry *zeta = pack_library_add_file(lib, again);
  assert_int_equal(pack_library_count(lib), before);
  assert_int_equal(zeta->origin, PACK_ORIGIN_BUNDLED);
  assert_string_equal(zeta->pack->id, "zeta");
  free(again);

  // A new one goes last, and entries handed out earlier stay valid.
  char *extra_dir = xasprintf("%s/elsewhere", f->root);
  mkdir(extra_dir, 0700);
  write_pack(extra_dir, "extra.xml", "extra", "AAA first by title");
  char *extra = xasprintf("%s/extra.xml", extra_dir);
  const PackEntry *e = pack_library_add_file(lib, extra);
  assert_int_equal(pack_library_count(lib), before + 1);
  assert_int_equal(e->origin, PACK_ORIGIN_FILE);
  assert_ptr_equal(pack_library_get(lib, before), e);
  assert_string_equal(zeta->pack->id, "zeta");

  // A missing file is an entry with an error, not a failure of the library.
  const PackEntry *missing = pack_library_add_file(lib, "/nonexistent/x.xml");
  assert_null(missing->pack);
  assert_true(missing->diags.errors > 0);
  assert_int_equal(pack_library_count(lib), before + 2);
  free(extra);
  free(extra_dir);
  pack_library_destroy(lib);
}

static void test_missing_folder_is_fine(void **state) {
  Fixture *f = *state;
  PackLibrary *lib = pack_library_create();
  char *none = xasprintf("%s/does-not-exist", f->root);
  assert_int_equal(pack_library_add_dir(lib, none, PACK_ORIGIN_USER), 0);
  assert_int_equal(pack_library_count(lib), 0);
  assert_int_equal(pack_library_diags(lib)->count, 0);
  free(none);
  pack_library_destroy(lib);
  pack_library_destroy(NULL);
}

// A folder with no .xml file: the scan has nothing to sort (qsort on a NULL
// array is undefined behaviour, caught by UBSan's nonnull check).
static void test_folder_without_packs(void **state) {
  Fixture *f = *state;
  char *empty = xasprintf("%s/empty", f->root);
  mkdir(empty, 0700);
  free(test_write_file(empty, "notes.txt", "not a pack"));
  PackLibrary *lib = pack_library_create();
  assert_int_equal(pack_library_add_dir(lib, empty, PACK_ORIGIN_USER), 0);
  assert_int_equal(pack_library_count(lib), 0);
  assert_int_equal(pack_library_diags(lib)->count, 0);
  free(empty);
  pack_library_destroy(lib);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_scan_order_and_broken_packs, setup, teardown),
      cmocka_unit_test_setup_teardown(test_practice_before_assessment, setup, teardown),
      cmocka_unit_test_setup_teardown(test_general_before_age_banded, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bundled_order, setup, teardown),
      cmocka_unit_test_setup_teardown(test_add_file, setup, teardown),
      cmocka_unit_test_setup_teardown(test_missing_folder_is_fine, setup, teardown),
      cmocka_unit_test_setup_teardown(test_folder_without_packs, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

// Unit tests for the base helpers: strings, UTF-8, files, random numbers.
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/rng.h"
#include "base/str.h"
#include "base/utf8.h"
#include "support/test_support.h"

static void test_trim_and_squash(void **state) {
  (void)state;
  char a[] = "  \t hello world \n";
  assert_string_equal(str_trim(a), "hello world");
  char b[] = "\n  many   spaces\n\tand  lines  ";
  assert_string_equal(str_squash_space(b), "many spaces and lines");
  char c[] = "   ";
  assert_string_equal(str_trim(c), "");
  assert_true(str_is_blank(" \n\t"));
  assert_false(str_is_blank(" x "));
}

static void test_copy_keeps_utf8_whole(void **state) {
  (void)state;
  char dst[5];
  // "ab" + U+00E9 (2 bytes) + "c": cutting at 4 bytes must not split the é.
  assert_false(str_copy(dst, sizeof dst,
                        "ab\xc3\xa9"
                        "cd"));
  assert_string_equal(dst, "ab\xc3\xa9");
  char small[4];
  assert_false(str_copy(small, sizeof small, "ab\xc3\xa9"));
  assert_string_equal(small, "ab");
  assert_true(str_copy(dst, sizeof dst, "abc"));
}

static void test_utf8_validation(void **state) {
  (void)state;
  assert_true(utf8_valid("plain", 5));
  const char arabic[] = "\xd8\xa7\xd9\x84\xd8\xb5\xd8\xad\xd8\xa9";
  assert_true(utf8_valid(arabic, sizeof arabic - 1));
  assert_true(utf8_valid("\xf0\x9f\x98\x80", 4));   // emoji
  assert_false(utf8_valid("\xc3", 1));              // truncated
  assert_false(utf8_valid("\xc0\xaf", 2));          // overlong
  assert_false(utf8_valid("\xed\xa0\x80", 3));      // surrogate
  assert_false(utf8_valid("\xf4\x90\x80\x80", 4));  // > U+10FFFF
  assert_false(utf8_valid("a\xff", 2));
}

static void test_edit_distance(void **state) {
  (void)state;
  assert_int_equal(str_edit_distance("emotion", "emotion", 3), 0);
  assert_int_equal(str_edit_distance("emotoin", "emotion", 3), 2);
  assert_int_equal(str_edit_distance("polarisation", "polarization", 3), 1);
  assert_int_equal(str_edit_distance("abc", "xyzxyzxyz", 3), 4);  // capped
}

static void test_parse_numbers(void **state) {
  (void)state;
  long v = 7;
  assert_true(str_parse_long("42", 0, 100, &v));
  assert_int_equal(v, 42);
  assert_true(str_parse_long("-5", -10, 10, &v));
  assert_int_equal(v, -5);
  const char *bad_long[] = {"", " 4", "4 ", "+4", "4x", "0x10", "-", "101", "99999999999999999999999"};
  for (size_t i = 0; i < sizeof bad_long / sizeof bad_long[0]; i++) {
    v = 7;
    assert_false(str_parse_long(bad_long[i], 0, 100, &v));
    assert_int_equal(v, 7);  // untouched
  }
  uint64_t u = 0;
  assert_true(str_parse_u64("18446744073709551615", &u));
  assert_true(u == UINT64_MAX);
  const char *bad_u64[] = {"", "-3", " -3", " 3", "+3", "3.0", "18446744073709551616"};
  for (size_t i = 0; i < sizeof bad_u64 / sizeof bad_u64[0]; i++) {
    assert_false(str_parse_u64(bad_u64[i], &u));
  }
}

static void test_strbuf(void **state) {
  (void)state;
  StrBuf b = {0};
  strbuf_append(&b, "a");
  strbuf_appendf(&b, "%d-%s", 42, "x");
  strbuf_append_char(&b, '!');
  char *s = strbuf_take(&b);
  assert_string_equal(s, "a42-x!");
  free(s);
  s = strbuf_take(&b);  // empty buffer still gives a string
  assert_string_equal(s, "");
  free(s);
}

static void test_rng_is_reproducible(void **state) {
  (void)state;
  Rng a, b;
  rng_seed(&a, 12345);
  rng_seed(&b, 12345);
  for (int i = 0; i < 100; i++) {
    assert_int_equal(rng_next(&a), rng_next(&b));
  }
  rng_seed(&b, 12346);
  int same = 0;
  for (int i = 0; i < 100; i++) {
    same += rng_next(&a) == rng_next(&b);
  }
  assert_true(same < 3);
}

static void test_rng_below_is_uniform_enough(void **state) {
  (void)state;
  Rng r;
  rng_seed(&r, 7);
  int counts[6] = {0};
  for (int i = 0; i < 60000; i++) {
    uint32_t v = rng_below(&r, 6);
    assert_true(v < 6);
    counts[v]++;
  }
  for (int i = 0; i < 6; i++) {
    assert_in_range(counts[i], 9500, 10500);
  }
  assert_int_equal(rng_below(&r, 0), 0);
}

static void test_shuffle_is_a_permutation(void **state) {
  (void)state;
  Rng r;
  rng_seed(&r, 99);
  int v[50];
  for (int i = 0; i < 50; i++) {
    v[i] = i;
  }
  rng_shuffle(&r, v, 50, sizeof v[0]);
  int seen[50] = {0}, moved = 0;
  for (int i = 0; i < 50; i++) {
    seen[v[i]]++;
    moved += v[i] != i;
  }
  for (int i = 0; i < 50; i++) {
    assert_int_equal(seen[i], 1);
  }
  assert_true(moved > 40);
}

static void test_files(void **state) {
  (void)state;
  char *dir = test_tmpdir();
  char *sub = fs_join(dir, "a/b/c");
  assert_true(fs_mkdir_p(sub));
  assert_true(fs_is_dir(sub));
  char *path = fs_join(sub, "f.txt");
  char *err = NULL;
  assert_true(fs_write_atomic(path, "hello", 5, &err));
  char *data;
  size_t len;
  assert_int_equal(fs_read_file(path, 100, &data, &len, &err), FS_READ_OK);
  assert_int_equal(len, 5);
  assert_string_equal(data, "hello");
  free(data);
  assert_int_equal(fs_read_file(path, 4, &data, &len, &err), FS_READ_TOO_BIG);
  assert_non_null(err);
  assert_null(data);
  free(err);
  assert_int_equal(fs_read_file(sub, 100, &data, &len, &err), FS_READ_ERROR);
  free(err);
  char *missing = fs_join(dir, "missing");
  assert_int_equal(fs_read_file(missing, 100, &data, &len, &err), FS_READ_ERROR);
  assert_non_null(strstr(err, "cannot open"));
  free(err);
  assert_true(fs_mtime_ns(path) > 0);
  assert_int_equal(fs_mtime_ns(missing), 0);
  assert_string_equal(fs_basename(path), "f.txt");
  char *made = fs_make_temp_dir("prebunk-base-test");
  assert_non_null(made);
  assert_true(fs_is_dir(made));
  char *inner = fs_join(made, "x/y");
  assert_true(fs_mkdir_p(inner));
  free(test_write_file(inner, "f.txt", "data"));
  assert_true(fs_remove_tree(made));
  assert_false(fs_exists(made));
  free(inner);
  free(made);
  test_rmtree(dir);
  assert_false(fs_exists(dir));
  free(missing);
  free(path);
  free(sub);
  free(dir);
}

static void test_rtl_languages(void **state) {
  (void)state;
  assert_true(i18n_lang_is_rtl("ar"));
  assert_true(i18n_lang_is_rtl("ar-EG"));
  assert_false(i18n_lang_is_rtl("en"));
  assert_false(i18n_lang_is_rtl("arn"));  // Mapudungun: not Arabic
  assert_false(i18n_lang_is_rtl(NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_trim_and_squash),
      cmocka_unit_test(test_copy_keeps_utf8_whole),
      cmocka_unit_test(test_utf8_validation),
      cmocka_unit_test(test_edit_distance),
      cmocka_unit_test(test_strbuf),
      cmocka_unit_test(test_parse_numbers),
      cmocka_unit_test(test_rng_is_reproducible),
      cmocka_unit_test(test_rng_below_is_uniform_enough),
      cmocka_unit_test(test_shuffle_is_a_permutation),
      cmocka_unit_test(test_files),
      cmocka_unit_test(test_rtl_languages),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

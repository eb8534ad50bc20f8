// The one UTF-8 module: decoding refuses what str_utf8_valid refused,
// boundaries never split a code point, and the name key unifies composed,
// decomposed and differently cased spellings.
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "support/test_support.h"

static void test_decode_and_encode(void **state) {
  (void)state;
  size_t adv = 0;
  assert_int_equal(utf8_decode("A", 1, &adv), 'A');
  assert_int_equal(adv, 1);
  assert_int_equal(utf8_decode("\xC3\xA9", 2, &adv), 0xE9);
  assert_int_equal(adv, 2);
  assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &adv), 0x1F600);
  assert_int_equal(adv, 4);
  // Truncated, overlong, surrogate, continuation alone: invalid, one byte.
  assert_int_equal(utf8_decode("\xC3", 1, &adv), UTF8_INVALID);
  assert_int_equal(adv, 1);
  assert_int_equal(utf8_decode("\xC0\xAF", 2, &adv), UTF8_INVALID);
  assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &adv), UTF8_INVALID);
  assert_int_equal(utf8_decode("\x80", 1, &adv), UTF8_INVALID);
  assert_int_equal(utf8_decode("", 0, &adv), UTF8_INVALID);
  assert_int_equal(adv, 0);
  char out[4];
  assert_int_equal(utf8_encode(0x20AC, out), 3);
  assert_memory_equal(out, "\xE2\x82\xAC", 3);
  assert_int_equal(utf8_encode(0xD800, out), 0);
  assert_int_equal(utf8_encode(0x110000, out), 0);
  StrBuf b = {0};
  utf8_append(&b, 'x');
  utf8_append(&b, 0xD800);  // dropped
  utf8_append(&b, 0x627);
  char *s = strbuf_take(&b);
  assert_string_equal(s, "x\xD8\xA7");
  free(s);
}

static void test_valid_and_length(void **state) {
  (void)state;
  assert_true(utf8_valid("caf\xC3\xA9", 5));
  assert_false(utf8_valid("caf\xC3", 4));
  assert_false(utf8_valid("\xF4\x90\x80\x80", 4));  // above U+10FFFF
  assert_int_equal(utf8_length("caf\xC3\xA9"), 4);
  assert_int_equal(utf8_length(""), 0);
  assert_int_equal(utf8_prefix_bytes("\xC3\xA9t\xC3\xA9", 2), 3);
  assert_int_equal(utf8_prefix_bytes("ab", 9), 2);
}

static void test_boundaries(void **state) {
  (void)state;
  const char *s =
      "a\xE2\x82\xAC"
      "b";  // a € b
  size_t len = strlen(s);
  assert_true(utf8_is_boundary(s, len, 1));
  assert_false(utf8_is_boundary(s, len, 2));
  assert_int_equal(utf8_floor(s, len, 3), 1);
  assert_int_equal(utf8_floor(s, len, 4), 4);
  assert_int_equal(utf8_next(s, len, 1), 4);
  assert_int_equal(utf8_prev(s, 4), 1);
  assert_int_equal(utf8_prev(s, 1), 0);
  assert_int_equal(utf8_prev(s, 0), 0);
  assert_int_equal(utf8_next(s, len, len), len);
}

static void test_fold_key_unifies_spellings(void **state) {
  (void)state;
  char *composed = utf8_fold_key("\xC3\x89lodie");     // É as one code point
  char *decomposed = utf8_fold_key("E\xCC\x81lodie");  // E + combining acute
  char *upper = utf8_fold_key("\xC3\x89LODIE");
  char *other = utf8_fold_key("Elodie");
  assert_non_null(composed);
  assert_string_equal(composed, decomposed);
  assert_string_equal(composed, upper);
  assert_string_not_equal(composed, other);  // the accent still matters
  char *strasse = utf8_fold_key("STRASSE");
  char *eszett = utf8_fold_key(
      "Stra\xC3\x9F"
      "e");
  assert_string_equal(strasse, eszett);
  assert_null(utf8_fold_key("bad\xC3"));
  char *nfc = utf8_nfc("E\xCC\x81");
  assert_string_equal(nfc, "\xC3\x89");
  free(composed);
  free(decomposed);
  free(upper);
  free(other);
  free(strasse);
  free(eszett);
  free(nfc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_decode_and_encode),
      cmocka_unit_test(test_valid_and_length),
      cmocka_unit_test(test_boundaries),
      cmocka_unit_test(test_fold_key_unifies_spellings),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

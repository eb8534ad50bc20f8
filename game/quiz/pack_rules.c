#include "quiz/pack_rules.h"

#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "quiz/pack_load.h"

static bool digits_only(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') {
      return false;
    }
  }
  return true;
}

// The number written by n digits (checked by digits_only).
static int digits_value(const char *s, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

PackDate pack_rules_date(const char *s) {
  size_t n = strlen(s);
  bool iso = (n == 4 || n == 7 || n == 10) && digits_only(s, 4) && (n == 4 || (s[4] == '-' && digits_only(s + 5, 2))) &&
             (n < 10 || (s[7] == '-' && digits_only(s + 8, 2)));
  if (!iso) {
    // Digits in two or more groups split by '/', '.' or '-': a date, but in
    // an order that readers in different countries take differently.
    size_t groups = 1;
    bool shape = n > 0;
    for (const char *p = s; *p; p++) {
      if (*p == '/' || *p == '.' || *p == '-') {
        groups++;
      } else if (*p < '0' || *p > '9') {
        shape = false;
      }
    }
    return shape && groups >= 2 ? PACK_DATE_AMBIGUOUS : PACK_DATE_BAD;
  }
  int year = digits_value(s, 4), month = n >= 7 ? digits_value(s + 5, 2) : 1,
      day = n == 10 ? digits_value(s + 8, 2) : 1;
  static const int month_days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > month_days[month - 1] ||
      (month == 2 && day == 29 && !leap)) {
    return PACK_DATE_NO_SUCH_DAY;
  }
  return PACK_DATE_OK;
}

// ASCII case-insensitive prefix test; returns what follows the prefix.
static const char *after_prefix(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++) {
    char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
    if (c != *prefix) {
      return NULL;
    }
  }
  return s;
}

// Only web links: javascript:, file: and friends have no place in a pack.
bool pack_rules_url_ok(const char *url) {
  const char *rest = after_prefix(url, "http://");
  if (!rest) {
    rest = after_prefix(url, "https://");
  }
  if (!rest || !*rest || *rest == '/') {
    return false;
  }
  for (const char *p = url; *p; p++) {
    if ((unsigned char)*p <= ' ') {
      return false;
    }
  }
  return true;
}

Pack *pack_rules_parse_file(const char *path, PackParseFn parse, void *report, DiagList *diags) {
  char *data = NULL, *err = NULL;
  size_t len = 0;
  if (fs_read_file(path, PACK_MAX_FILE_BYTES, &data, &len, &err) != FS_READ_OK) {
    diag_add(diags, DIAG_ERROR, path, 0, "%s", err);
    free(err);
    return NULL;
  }
  Pack *pack = parse(path, data, len, report, diags);
  free(data);
  return pack;
}

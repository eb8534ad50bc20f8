#include "base/str.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

static void out_of_memory(size_t size) {
  fprintf(stderr, "prebunk: out of memory (%zu bytes)\n", size);
  abort();
}

void *xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p) {
    out_of_memory(size);
  }
  return p;
}

void *xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) {
    out_of_memory(count * size);
  }
  return p;
}

void *xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p) {
    out_of_memory(size);
  }
  return p;
}

void *xgrow(void *ptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) {
    return ptr;
  }
  size_t n = *cap ? *cap : 8;
  while (n < need) {
    if (n > SIZE_MAX / 2 / elem) {
      out_of_memory(SIZE_MAX);
    }
    n *= 2;
  }
  *cap = n;
  return xrealloc(ptr, n * elem);
}

char *xstrdup(const char *s) {
  return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n) {
  size_t len = strnlen(s, n);
  char *p = xmalloc(len + 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *xvasprintf(const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0) {
    return xstrdup("");
  }
  char *p = xmalloc((size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  return p;
}

char *xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *p = xvasprintf(fmt, ap);
  va_end(ap);
  return p;
}

bool str_copy(char *dst, size_t size, const char *src) {
  size_t len = strlen(src);
  if (len < size) {
    memcpy(dst, src, len + 1);
    return true;
  }
  // Do not split a multi-byte UTF-8 sequence.
  size_t n = utf8_floor(src, len, size - 1);
  memcpy(dst, src, n);
  dst[n] = '\0';
  return false;
}

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *str_trim(char *s) {
  size_t len = strlen(s);
  while (len > 0 && is_space(s[len - 1])) {
    s[--len] = '\0';
  }
  size_t start = 0;
  while (is_space(s[start])) {
    start++;
  }
  if (start) {
    memmove(s, s + start, len - start + 1);
  }
  return s;
}

char *str_squash_space(char *s) {
  char *w = s;
  bool pending_space = false;
  for (const char *r = s; *r; r++) {
    if (is_space(*r)) {
      pending_space = (w != s);
      continue;
    }
    if (pending_space) {
      *w++ = ' ';
      pending_space = false;
    }
    *w++ = *r;
  }
  *w = '\0';
  return s;
}

bool str_is_blank(const char *s) {
  if (!s) {
    return true;
  }
  for (; *s; s++) {
    if (!is_space(*s)) {
      return false;
    }
  }
  return true;
}

bool str_starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

int str_casecmp(const char *a, const char *b) {
  for (;; a++, b++) {
    int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
    if (ca != cb || ca == 0) {
      return ca - cb;
    }
  }
}

size_t str_edit_distance(const char *a, const char *b, size_t cap) {
  size_t la = strlen(a), lb = strlen(b);
  if ((la > lb ? la - lb : lb - la) > cap) {
    return cap + 1;
  }
  size_t *row = xmalloc((lb + 1) * sizeof *row);
  for (size_t j = 0; j <= lb; j++) {
    row[j] = j;
  }
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t cost = (tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1])) ? 0 : 1;
      size_t v = diag + cost;
      if (row[j] + 1 < v) {
        v = row[j] + 1;
      }
      if (row[j - 1] + 1 < v) {
        v = row[j - 1] + 1;
      }
      row[j] = v;
      diag = up;
      if (v < best) {
        best = v;
      }
    }
    if (best > cap) {
      free(row);
      return cap + 1;
    }
  }
  size_t d = row[lb];
  free(row);
  return d > cap ? cap + 1 : d;
}

bool str_parse_long(const char *s, long min, long max, long *out) {
  const char *digits = s[0] == '-' ? s + 1 : s;
  if (!isdigit((unsigned char)digits[0])) {
    return false;  // strtol would skip spaces and take '+'
  }
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end || v < min || v > max) {
    return false;
  }
  *out = v;
  return true;
}

bool str_parse_u64(const char *s, uint64_t *out) {
  if (!isdigit((unsigned char)s[0])) {
    return false;  // strtoull would take "-3" as a huge number
  }
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || *end || v > UINT64_MAX) {
    return false;
  }
  *out = (uint64_t)v;
  return true;
}

void strbuf_append_n(StrBuf *b, const char *s, size_t n) {
  b->data = xgrow(b->data, &b->cap, b->len + n + 1, 1);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void strbuf_append(StrBuf *b, const char *s) {
  strbuf_append_n(b, s, strlen(s));
}

void strbuf_append_char(StrBuf *b, char c) {
  strbuf_append_n(b, &c, 1);
}

void strbuf_appendf(StrBuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = xvasprintf(fmt, ap);
  va_end(ap);
  strbuf_append(b, s);
  free(s);
}

char *strbuf_take(StrBuf *b) {
  char *s = b->data ? b->data : xstrdup("");
  b->data = NULL;
  b->len = b->cap = 0;
  return s;
}

void strbuf_free(StrBuf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

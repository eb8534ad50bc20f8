#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int32_t utf8_decode(const char *s, size_t len, size_t *adv) {
  if (len == 0) {
    *adv = 0;
    return UTF8_INVALID;
  }
  utf8proc_int32_t cp = 0;
  size_t max = len < 4 ? len : 4;
  utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)max, &cp);
  if (n <= 0 || cp < 0) {
    *adv = 1;
    return UTF8_INVALID;
  }
  *adv = (size_t)n;
  return cp;
}

size_t utf8_encode(int32_t cp, char out[4]) {
  if (!utf8proc_codepoint_valid(cp)) {
    return 0;
  }
  return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

void utf8_append(StrBuf *b, int32_t cp) {
  char buf[4];
  size_t n = utf8_encode(cp, buf);
  if (n) {
    strbuf_append_n(b, buf, n);
  }
}

bool utf8_valid(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    // ASCII, the bulk of a pack, eight bytes at a time.
    uint64_t word;
    if (len - i >= sizeof word && (memcpy(&word, s + i, sizeof word), (word & 0x8080808080808080ull) == 0)) {
      i += sizeof word;
      continue;
    }
    size_t adv;
    if (utf8_decode(s + i, len - i, &adv) == UTF8_INVALID) {
      return false;
    }
    i += adv;
  }
  return true;
}

size_t utf8_length(const char *s) {
  size_t len = strlen(s), i = 0, n = 0;
  while (i < len) {
    size_t adv;
    (void)utf8_decode(s + i, len - i, &adv);
    i += adv;
    n++;
  }
  return n;
}

static bool is_continuation(unsigned char c) {
  return (c & 0xC0u) == 0x80u;
}

bool utf8_is_boundary(const char *s, size_t len, size_t i) {
  return i >= len || !is_continuation((unsigned char)s[i]);
}

size_t utf8_floor(const char *s, size_t len, size_t i) {
  if (i >= len) {
    return len;
  }
  // At most three continuation bytes belong to one code point.
  for (size_t back = 0; back < 3 && i > 0 && is_continuation((unsigned char)s[i]); back++) {
    i--;
  }
  return i;
}

size_t utf8_next(const char *s, size_t len, size_t i) {
  if (i >= len) {
    return len;
  }
  size_t adv;
  (void)utf8_decode(s + i, len - i, &adv);
  return i + adv;
}

size_t utf8_prev(const char *s, size_t i) {
  if (i == 0) {
    return 0;
  }
  size_t j = i - 1;
  for (size_t back = 0; back < 3 && j > 0 && is_continuation((unsigned char)s[j]); back++) {
    j--;
  }
  return j;
}

size_t utf8_prefix_bytes(const char *s, size_t max_chars) {
  size_t len = strlen(s), i = 0;
  for (size_t n = 0; n < max_chars && i < len; n++) {
    i = utf8_next(s, len, i);
  }
  return i;
}

static char *map(const char *s, utf8proc_option_t options) {
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out, options | UTF8PROC_NULLTERM);
  if (n < 0) {
    free(out);
    return NULL;
  }
  return (char *)out;
}

char *utf8_nfc(const char *s) {
  return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

char *utf8_fold_key(const char *s) {
  return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
}

bool utf8_is_bidi_control(int32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool utf8_is_zero_width(int32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF;
}

const char *utf8_find_bidi_control(const char *s) {
  size_t len = s ? strlen(s) : 0;
  for (size_t i = 0, adv = 0; i < len; i += adv) {
    if (utf8_is_bidi_control(utf8_decode(s + i, len - i, &adv))) {
      return s + i;
    }
  }
  return NULL;
}

// Rewrites `s` one character at a time: `put` appends what character `cp`
// (the `adv` bytes at `at`; UTF8_INVALID for one byte that is not UTF-8)
// becomes. Owned; never NULL.
static char *utf8_map(const char *s, void (*put)(StrBuf *b, const char *at, size_t adv, int32_t cp)) {
  StrBuf b = {0};
  strbuf_append(&b, "");
  size_t len = s ? strlen(s) : 0;
  for (size_t i = 0, adv = 0; i < len; i += adv) {
    int32_t cp = utf8_decode(s + i, len - i, &adv);
    put(&b, s + i, adv, cp);
  }
  return strbuf_take(&b);
}

static void put_unless_bidi(StrBuf *b, const char *at, size_t adv, int32_t cp) {
  if (cp == UTF8_INVALID || !utf8_is_bidi_control(cp)) {
    strbuf_append_n(b, at, adv);
  }
}

char *utf8_strip_bidi_controls(const char *s) {
  return utf8_map(s, put_unless_bidi);
}

static void put_escaped(StrBuf *b, const char *at, size_t adv, int32_t cp) {
  if (cp == UTF8_INVALID) {
    strbuf_appendf(b, "\\x%02x", (unsigned char)*at);
  } else if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F) {
    strbuf_appendf(b, "\\x%02x", (unsigned)cp);
  } else if ((cp >= 0x80 && cp <= 0x9F) || utf8_is_bidi_control(cp)) {
    strbuf_appendf(b, "\\u%04x", (unsigned)cp);
  } else {
    strbuf_append_n(b, at, adv);
  }
}

char *utf8_escape_terminal(const char *s) {
  return utf8_map(s, put_escaped);
}

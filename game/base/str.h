#pragma once
// String and memory helpers. Allocation failure is not recoverable in a game
// of this size: the x* functions abort with a message instead of returning NULL.

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
// Grow an array to hold at least `need` elements of `elem` bytes (doubling).
void *xgrow(void *ptr, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);  // NULL in -> NULL out
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

// Copies at most size-1 bytes and always terminates (size > 0). Returns false
// when `src` was cut. Cuts on a UTF-8 character boundary.
bool str_copy(char *dst, size_t size, const char *src);
// Trims ASCII white space in place; returns s.
char *str_trim(char *s);
// Collapses runs of white space (incl. newlines) to one space and trims; in place.
char *str_squash_space(char *s);
bool str_is_blank(const char *s);
bool str_starts_with(const char *s, const char *prefix);
bool str_ends_with(const char *s, const char *suffix);
// Case-insensitive ASCII comparison.
int str_casecmp(const char *a, const char *b);
// Levenshtein distance, capped: returns cap+1 early when it is exceeded.
size_t str_edit_distance(const char *a, const char *b, size_t cap);
// Strict whole-number parsing for options and settings: optional '-' (signed
// only) then decimal digits and nothing else (no spaces, no '+'), in range.
// Returns false, leaving *out alone, otherwise.
bool str_parse_long(const char *s, long min, long max, long *out);
bool str_parse_u64(const char *s, uint64_t *out);
// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates).
// The same as utf8_valid() (base/utf8.h), which new code should call; kept
// for the callers in the loader, importers and cli that are being rewritten.
bool str_utf8_valid(const char *s, size_t len);

// A growable string.
typedef struct StrBuf {
  char *data;  // always NUL-terminated once anything was appended
  size_t len;
  size_t cap;
} StrBuf;

void strbuf_append(StrBuf *b, const char *s);
void strbuf_append_n(StrBuf *b, const char *s, size_t n);
void strbuf_appendf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_append_char(StrBuf *b, char c);
// Returns the string (owned by the caller) and resets the buffer. Never NULL.
char *strbuf_take(StrBuf *b);
void strbuf_free(StrBuf *b);

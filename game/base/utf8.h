#pragma once
// UTF-8 in one place: decoding, encoding, boundaries, counting, and the
// normalised, case-folded key used to compare names (utf8proc does the
// Unicode work; nothing here decodes by hand elsewhere in the game).
//
// All functions take byte strings that may be invalid UTF-8: decoding never
// reads past `len` and reports a bad sequence instead of guessing.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"

// Returned by utf8_decode() for a malformed or truncated sequence (an
// overlong form, a surrogate, a code point above U+10FFFF).
#define UTF8_INVALID (-1)

// Decodes the code point at s[0..len); stores its length in bytes in *adv
// (1 for an invalid byte, so a loop always advances; 0 only when len == 0).
// Returns the code point or UTF8_INVALID.
int32_t utf8_decode(const char *s, size_t len, size_t *adv);
// Writes `cp` (0..0x10FFFF, not a surrogate) as UTF-8 into out; returns its
// length (1..4), or 0 when `cp` cannot be encoded.
size_t utf8_encode(int32_t cp, char out[4]);
// Appends `cp` to `b` (nothing for a code point that cannot be encoded).
void utf8_append(StrBuf *b, int32_t cp);

// True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates).
bool utf8_valid(const char *s, size_t len);
// Number of code points in the NUL-terminated `s` (an invalid byte counts as one).
size_t utf8_length(const char *s);
// True when byte i of s is the first byte of a code point (or past the end).
bool utf8_is_boundary(const char *s, size_t len, size_t i);
// The largest code point boundary <= i (i <= len).
size_t utf8_floor(const char *s, size_t len, size_t i);
// The byte offset just after the code point starting at i (<= len).
size_t utf8_next(const char *s, size_t len, size_t i);
// The byte offset of the code point before i (0 when i == 0).
size_t utf8_prev(const char *s, size_t i);
// Byte length of the first `max_chars` code points of `s` (the whole string
// when it is shorter).
size_t utf8_prefix_bytes(const char *s, size_t max_chars);

// Canonical composition (NFC) of `s`, owned by the caller; NULL when `s` is
// not valid UTF-8.
char *utf8_nfc(const char *s);
// The key two names compare equal by: NFC, case-folded, with compatibility
// forms unified (NFKC_Casefold-like, via utf8proc), so "Élodie" typed with a
// combining accent, "ÉLODIE" and "élodie" give one key. Owned by the caller;
// NULL when `s` is not valid UTF-8.
char *utf8_fold_key(const char *s);

// Characters that can make text read as something it is not (issue #11):
// the bidi embedding, override and isolate controls U+202A-U+202E and
// U+2066-U+2069 ("efas ton" shown as "not safe").
bool utf8_is_bidi_control(int32_t cp);
// Zero-width characters that make two ids look the same: U+200B-U+200F,
// U+2060, U+FEFF.
bool utf8_is_zero_width(int32_t cp);
// The first bidi control in s (a pointer into s), or NULL.
const char *utf8_find_bidi_control(const char *s);
// `s` without its bidi controls, for showing text that was stored before
// they were refused (player names): "\u202eecilA" shows as "ecilA", not
// as "Alice". Bytes that are not UTF-8 are kept. Owned; never NULL (NULL
// gives "").
char *utf8_strip_bidi_controls(const char *s);
// `s` made safe to print on a terminal: C0 controls other than '\n' and
// '\t', DEL, C1 controls (U+0080-U+009F, ESC sequences' 8-bit form) and the
// bidi controls become visible escapes ("\x1b", "\u202e"); bytes that are
// not UTF-8 become "\xNN". Owned by the caller; never NULL.
char *utf8_escape_terminal(const char *s);

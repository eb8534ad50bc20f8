#pragma once
// Functions we do not call, and what to call instead (after Taisei's
// src/util/consideredharmful.h). The build force-includes this header into
// every translation unit of game/ (cmake/PrebunkOptions.cmake, target
// prebunk_harmful), so a use of one of them is a deprecation naming the
// replacement, made an error by -Werror=deprecated-declarations.
//
// Why each one is here:
// - strcpy, strcat, sprintf, vsprintf, gets: no bound on the destination.
// - atoi, atol, atoll, atof: no error report; "12abc" and overflow pass.
// - the scanf family: "%d" overflow is undefined behaviour and trailing
//   junk is easy to miss.
// - strtok: hidden global state.
// - rand, srand: global state and no seed that reproduces a round.
//
// Because this header includes the C library headers first (so that their
// own declarations are seen before ours are added), feature-test macros such
// as _XOPEN_SOURCE must come from the build (a compile definition), not from
// a #define at the top of a source file: by then these headers are in.
//
// A file that cannot yet be changed may be built with PREBUNK_HARMFUL_ALLOW
// defined (a temporary, per-source compile definition, listed in
// game/CMakeLists.txt); nothing else should define it.

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PREBUNK_HARMFUL_ALLOW

#define PREBUNK_HARMFUL(why) __attribute__((deprecated(why)))

// C libraries may define some of these as macros (glibc's fortified
// sprintf under clang); the #undefs make every call reach our declaration.
// Clang ignores, with a warning, an attribute added after a fortified
// inline definition: that only loses the guard, never the build.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wignored-attributes"

// Strings: base/str.h.
#undef strcpy
PREBUNK_HARMFUL("use str_copy (base/str.h), which bounds and reports a cut")
char *strcpy(char *restrict dst, const char *restrict src);
#undef strcat
PREBUNK_HARMFUL("use StrBuf and strbuf_append (base/str.h)")
char *strcat(char *restrict dst, const char *restrict src);
#undef sprintf
PREBUNK_HARMFUL("use snprintf, xasprintf or strbuf_appendf (base/str.h)")
int sprintf(char *restrict dst, const char *restrict fmt, ...);
#undef vsprintf
PREBUNK_HARMFUL("use vsnprintf or xvasprintf (base/str.h)")
int vsprintf(char *restrict dst, const char *restrict fmt, va_list ap);
#undef gets
PREBUNK_HARMFUL("use fgets or fs_read_file (base/fs.h)")
char *gets(char *s);
#undef strtok
PREBUNK_HARMFUL("use strcspn/strspn or strtok_r: strtok keeps hidden global state")
char *strtok(char *restrict s, const char *restrict delim);

// Numbers: strict parsing with range checks.
#undef atoi
PREBUNK_HARMFUL("use str_parse_long (base/str.h), which rejects junk and overflow")
int atoi(const char *s);
#undef atol
PREBUNK_HARMFUL("use str_parse_long (base/str.h), which rejects junk and overflow")
long atol(const char *s);
#undef atoll
PREBUNK_HARMFUL("use str_parse_long or str_parse_u64 (base/str.h)")
long long atoll(const char *s);
#undef atof
PREBUNK_HARMFUL("use strtod with an end pointer and errno check")
double atof(const char *s);
#undef sscanf
PREBUNK_HARMFUL("use str_parse_long/str_parse_u64 (base/str.h) on split fields: %d overflow is undefined")
int sscanf(const char *restrict s, const char *restrict fmt, ...);
#undef vsscanf
PREBUNK_HARMFUL("use str_parse_long/str_parse_u64 (base/str.h) on split fields: %d overflow is undefined")
int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap);
#undef scanf
PREBUNK_HARMFUL("read a line (fgets) and parse it with str_parse_long (base/str.h)")
int scanf(const char *restrict fmt, ...);
#undef fscanf
PREBUNK_HARMFUL("read a line (fgets) and parse it with str_parse_long (base/str.h)")
int fscanf(FILE *restrict f, const char *restrict fmt, ...);

// Randomness: a seeded generator passed in (base/rng.h).
#undef rand
PREBUNK_HARMFUL("use rng_next/rng_below with an Rng passed in (base/rng.h)")
int rand(void);
#undef srand
PREBUNK_HARMFUL("use rng_seed on an Rng passed in (base/rng.h)")
void srand(unsigned seed);

#pragma GCC diagnostic pop
#undef PREBUNK_HARMFUL

#endif

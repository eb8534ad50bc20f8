// The translation unit that proves base/harmful.h works (check_guard.cmake):
// compiled with the game's flags it builds; with PREBUNK_PROBE_HARMFUL it
// calls every function the guard forbids and must fail, each error naming
// the replacement. Never linked into anything.
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "base/rng.h"
#include "base/str.h"

int guard_probe(char *dst, size_t size, const char *src);

#ifndef PREBUNK_PROBE_HARMFUL
int guard_probe(char *dst, size_t size, const char *src) {
  long v = 0;
  Rng rng;
  rng_seed(&rng, 1);
  str_copy(dst, size, src);
  (void)snprintf(dst, size, "%s", src);
  return str_parse_long(src, 0, 100, &v) ? (int)v + (int)rng_below(&rng, 6) : 0;
}
#else
static int call_vsprintf(char *dst, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsprintf(dst, fmt, ap);
  va_end(ap);
  return n;
}

static int call_vsscanf(const char *src, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsscanf(src, fmt, ap);
  va_end(ap);
  return n;
}

int guard_probe(char *dst, size_t size, const char *src) {
  (void)size;
  int d = 0;
  srand(1);
  strcpy(dst, src);
  strcat(dst, src);
  (void)sprintf(dst, "%s", src);
  (void)call_vsprintf(dst, "%s", src);
  (void)gets(dst);
  (void)strtok(dst, ",");
  (void)sscanf(src, "%d", &d);
  (void)call_vsscanf(src, "%d", &d);
  (void)scanf("%d", &d);
  (void)fscanf(stdin, "%d", &d);
  return atoi(src) + (int)atol(src) + (int)atoll(src) + (int)atof(src) + rand() + call_vsprintf(dst, "") + d;
}
#endif

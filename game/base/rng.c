#include "base/rng.h"

#include <string.h>

void rng_seed(Rng *rng, uint64_t seed) {
  rng->state = 0;
  rng->inc = (seed << 1u) | 1u;
  rng_next(rng);
  rng->state += seed ^ 0x853c49e6748fea9bULL;
  rng_next(rng);
}

uint32_t rng_next(Rng *rng) {
  uint64_t old = rng->state;
  rng->state = old * 6364136223846793005ULL + rng->inc;
  uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
  uint32_t rot = (uint32_t)(old >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

uint32_t rng_below(Rng *rng, uint32_t bound) {
  if (bound == 0) {
    return 0;
  }
  uint32_t threshold = (uint32_t)(-bound) % bound;
  for (;;) {
    uint32_t r = rng_next(rng);
    if (r >= threshold) {
      return r % bound;
    }
  }
}

void rng_shuffle(Rng *rng, void *base, size_t count, size_t size) {
  unsigned char *a = base;
  unsigned char tmp[64];
  for (size_t i = count; i > 1; i--) {
    size_t j = rng_below(rng, (uint32_t)i);
    if (j == i - 1) {
      continue;
    }
    unsigned char *x = a + (i - 1) * size, *y = a + j * size;
    for (size_t off = 0; off < size; off += sizeof tmp) {
      size_t n = size - off < sizeof tmp ? size - off : sizeof tmp;
      memcpy(tmp, x + off, n);
      memcpy(x + off, y + off, n);
      memcpy(y + off, tmp, n);
    }
  }
}

#pragma once
// A small seeded random generator (PCG32, O'Neill 2014). Values are passed in
// wherever randomness is needed so a seed reproduces a shuffle exactly.

#include <stddef.h>
#include <stdint.h>

typedef struct Rng {
  uint64_t state;
  uint64_t inc;
} Rng;

void rng_seed(Rng *rng, uint64_t seed);
uint32_t rng_next(Rng *rng);
// Uniform in [0, bound) without modulo bias; bound 0 returns 0.
uint32_t rng_below(Rng *rng, uint32_t bound);
// Fisher-Yates shuffle of `count` elements of `size` bytes.
void rng_shuffle(Rng *rng, void *base, size_t count, size_t size);

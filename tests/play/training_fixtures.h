#pragma once
// A generated practice pack for the training tests: `real` real items
// ("r0"...) and `fake` fabricated ones ("f0"...), each fabricated item showing
// one technique (f<i>: technique i mod TECHNIQUE_COUNT), and the first
// `pairs` real and fabricated items paired ("p0": r0 + f0, ...). Owned.

#include <stddef.h>

#include "quiz/pack.h"

Pack *training_pack(const char *id, size_t real, size_t fake, size_t pairs);

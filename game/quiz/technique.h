#pragma once
// The vocabulary of manipulation techniques a fabricated headline can show.
// Names are the pack format's <technique> values; descriptions are one
// learner-facing line each, shown in the game (translate with _()).

#include <stdbool.h>
#include <stdint.h>

typedef enum Technique {
  TECHNIQUE_IMPERSONATION,
  TECHNIQUE_EMOTION,
  TECHNIQUE_POLARIZATION,
  TECHNIQUE_CONSPIRACY,
  TECHNIQUE_DISCREDITING,
  TECHNIQUE_TROLLING,
  TECHNIQUE_FAKE_EXPERT,
  TECHNIQUE_FEARMONGERING,
  TECHNIQUE_SATIRE,
  TECHNIQUE_FALSE_CONTEXT,
  TECHNIQUE_MISLEADING_STATISTIC,
  TECHNIQUE_COUNT
} Technique;

// A set of techniques, bit (1u << technique).
typedef uint32_t TechniqueSet;

const char *technique_name(Technique t);         // "fake-expert"
const char *technique_description(Technique t);  // untranslated; wrap in _()
bool technique_from_name(const char *name, Technique *out);
// The closest known name to an unknown one ("did you mean"), or NULL.
const char *technique_suggest(const char *unknown);

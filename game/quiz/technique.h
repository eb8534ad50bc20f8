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
  // Appended later: stored answers keep technique names, not these numbers,
  // but keep appending so that nothing that does rely on order shifts.
  TECHNIQUE_SCAPEGOATING,
  TECHNIQUE_DEHUMANISING_LANGUAGE,
  TECHNIQUE_FALSE_DICHOTOMY,
  TECHNIQUE_AD_HOMINEM,
  TECHNIQUE_AI_GENERATED_MEDIA,
  TECHNIQUE_COUNT
} Technique;

// A set of techniques, bit (1u << technique).
typedef uint32_t TechniqueSet;
_Static_assert(TECHNIQUE_COUNT <= 32, "TechniqueSet has 32 bits");

const char *technique_name(Technique t);         // "fake-expert"
const char *technique_description(Technique t);  // untranslated; wrap in _()
// One concrete thing to check next time (learner-facing, untranslated; wrap in
// _()). Static strings, never NULL; "" for an out-of-range value.
const char *technique_tip(Technique t);
bool technique_from_name(const char *name, Technique *out);
// The closest known name to an unknown one ("did you mean"), or NULL.
const char *technique_suggest(const char *unknown);

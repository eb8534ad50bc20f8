#pragma once
// Forewarning: a round can open with a short card on one technique (what it
// is, a small invented example, how to spot it), the forewarn-refute-
// example pattern that worked at scale (Roozenbeek et al. 2022, Sci Adv).
// The card is on the player's weakest technique: the lowest accuracy of
// their verdicts on headlines showing it, among techniques with at least
// PLAY_FOREWARN_MIN_VERDICTS verdicts; when none has that much data, one
// they have not met yet; among the pack's techniques when the pack has any
// with a card (so the round can show one), ties broken by the seed.
// No SDL: the screen shows the card's text.

#include <stdbool.h>
#include <stdint.h>

#include "quiz/pack.h"
#include "quiz/technique.h"
#include "store/store.h"

#define PLAY_FOREWARN_MIN_VERDICTS 5

typedef struct PlayForewarnCard {
  Technique technique;
  const char *title;    // translated, e.g. "Fake experts"
  const char *what;     // translated: what the technique is
  const char *example;  // translated: a small invented headline using it
  const char *spot;     // translated: how to spot it
} PlayForewarnCard;

// The card for `t`; false when there is no card text for it.
bool play_forewarn_card(Technique t, PlayForewarnCard *out);

// The player's weakest technique (rule above) from the per-technique stats
// of the store (nullable: nothing known), among `pack`'s techniques (nullable:
// all). False when no technique has a card.
bool play_forewarn_pick(const StoreTechniqueStatList *stats, const Pack *pack, uint64_t seed, Technique *out);

// The same reading the player's stats from the store (store NULL or
// player_id <= 0: a player with no history). A store error is logged and the
// pick made without stats.
bool play_forewarn_for(Store *store, int64_t player_id, const Pack *pack, uint64_t seed, PlayForewarnCard *out);

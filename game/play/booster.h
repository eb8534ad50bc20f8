#pragma once
// Boosters: game effects fade within weeks unless boosted (Maertens et al.
// 2025), and reviews on an expanding schedule keep recall higher (Kang et
// al. 2014). The store knows when each player last practised (the end of
// their latest practice round with answers) and how many boosters they took
// since. Booster k (1, 2, 3) is due PLAY_BOOSTER_DAY_1/7/30 days after that
// practice; the title screen offers the highest one due that was not taken
// (a player back after 31 days gets one booster, not three). A new practice
// round starts the schedule again; after the third booster none is due.
// Times are Unix ms passed in (the injected clock), UTC.
//
// A booster is a 2-minute round of PLAY_BOOSTER_ITEMS headlines the player
// has not seen, from one practice pack: PLAY_BOOSTER_FAKES fabricated ones
// showing techniques the player missed before (verdicts or technique
// answers wrong), the rest real (practice stays mostly real), 20 s each,
// no speed bonus. It is a PlaySession: play it like any other; finishing
// (or abandoning with answers) records the step.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "play/session.h"
#include "store/store.h"

#define PLAY_DAY_MS (INT64_C(24) * 60 * 60 * 1000)
enum {
  PLAY_BOOSTER_DAY_1 = 1,
  PLAY_BOOSTER_DAY_2 = 7,
  PLAY_BOOSTER_DAY_3 = 30,
  PLAY_BOOSTER_STEPS = 3,
  PLAY_BOOSTER_ITEMS = 5,
  PLAY_BOOSTER_FAKES = 2,
  PLAY_BOOSTER_SECONDS = 20,
};

typedef struct PlayBoosterOffer {
  bool due;             // offer a booster now
  int step;             // 1..PLAY_BOOSTER_STEPS when due, else 0
  int64_t next_due_ms;  // when the next booster falls due (0: none is scheduled)
  int64_t last_practised_ms;
} PlayBoosterOffer;

// The schedule rule above for a practice state at `now_unix_ms` (pure).
PlayBoosterOffer play_booster_schedule(const StorePracticeState *state, int64_t now_unix_ms);
// The same for a player, read from the store. False on a store error.
bool play_booster_offer(Store *store, int64_t player_id, int64_t now_unix_ms, PlayBoosterOffer *out, char **err);

typedef struct PlayBoosterSpec {
  Store *store;              // borrowed, required (the booster is built from the history)
  int64_t player_id;         // > 0
  const Pack *const *packs;  // borrowed: the packs to choose from (assessments are skipped)
  size_t pack_count;
  int step;  // the offer's step
  uint64_t seed;
  int64_t started_unix_ms;
  PlayRun *run;  // borrowed, nullable
} PlayBoosterSpec;

// The booster round as a session (owned by the caller), on the practice
// pack with the most unseen fabricated items of missed techniques. NULL
// with a translated message in *err (owned) when no pack has unseen items.
PlaySession *play_booster_create(const PlayBoosterSpec *spec, char **err);

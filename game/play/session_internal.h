#pragma once
// What the play layer's files share about a session and nothing outside
// game/play/ may use: session.c (drawing, recording, ending) and
// training.c (the confidence tap, the technique question, the summary).

#include "base/rng.h"
#include "play/session.h"
#include "quiz/technique.h"

enum { PLAY_TECHNIQUE_CHOICES = 3 };

// The optional taps after one question's verdict.
typedef struct PlayExtra {
  StoreConfidence confidence;  // NONE until tapped
  bool technique_offered;      // the question was made (its choices are fixed)
  Technique choices[PLAY_TECHNIQUE_CHOICES];
  int right;  // index of the right choice
  bool technique_answered;
  Technique technique_given;
} PlayExtra;

struct PlaySession {
  Store *store;  // borrowed; NULL when nothing is recorded
  int64_t player_id;
  const Pack *pack;  // borrowed
  Round *round;      // owned until taken
  uint64_t seed;
  int64_t started_unix_ms;
  int64_t round_id;  // 0 until the first answer created the row
  bool save_failed;
  bool ended;    // finished or abandoned
  PlayRun *run;  // borrowed, nullable
  int booster_step;
  PlayExtra *extras;  // one per question
  Rng taps_rng;       // the technique questions' distractors, apart from the draw
};

// Logs a store failure; the round goes on unsaved. Frees `err`.
void play_session_save_failed_now(PlaySession *s, const char *what, char *err);

// The ids of `pack_id`'s fabricated items shown in the run: *ids (owned
// array, free) of borrowed strings valid while the run lives. Returns the count.
size_t play_run_excluded(const PlayRun *run, const char *pack_id, const char ***ids);

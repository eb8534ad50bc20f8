#pragma once
// Pair rounds: "Which one is real?" Two headlines on one topic, one real
// and one fabricated (the pack's pair="..." items, quiz/pack.h pack_pairs),
// the real one on a side drawn with the seed. This is a two-alternative
// forced choice: only picking the real one scores, so calling everything
// fake cannot win and a response bias cannot raise the score.
//
// A pair round is untimed (the choice is the judgement) and its own small
// state machine: for each pair, play_pair_round_current() while it is open,
// play_pair_round_answer() (the pair's feedback: both stamped, TRUE and
// FALSE, with the true fact), play_pair_round_next(). Each choice is
// committed to the store at once as one answer holding both ids (item_id:
// the real one, pair_item_id: the fabricated one; given REAL when the real
// one was picked), in a round of kind STORE_ROUND_PAIR, which does not rank
// in the high-score table. A PlayRun keeps the pairs' fakes from repeating.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "play/session.h"
#include "quiz/pack.h"
#include "store/store.h"

typedef enum PlaySide {
  PLAY_SIDE_LEFT,
  PLAY_SIDE_RIGHT,
} PlaySide;

enum { PLAY_PAIR_POINTS = ROUND_POINTS_CORRECT, PLAY_PAIR_DEFAULT_COUNT = 5 };

typedef struct PlayPairSpec {
  Store *store;       // borrowed, nullable
  int64_t player_id;  // <= 0: nothing recorded
  const Pack *pack;   // borrowed; must outlive the round
  int pairs;          // pairs asked (>= 1), capped at the pairs available
  uint64_t seed;      // which pairs, their order and sides
  int64_t started_unix_ms;
  PlayRun *run;  // borrowed, nullable: pairs whose fake was shown in the run are skipped
} PlayPairSpec;

// One question: the two headlines as shown.
typedef struct PlayPairQuestion {
  const PackItem *left, *right;  // borrowed from the pack
  PlaySide real_side;            // for the feedback; the screen must not show it before the choice
} PlayPairQuestion;

typedef struct PlayPairResult {
  const PackItem *real, *fabricated;  // borrowed
  PlaySide chosen;
  bool correct;  // the real one was picked
  int points;    // PLAY_PAIR_POINTS or 0
  int64_t response_ms;
} PlayPairResult;

typedef struct PlayPairRound PlayPairRound;

// The number of pairs of `pack` a round could ask now (well-formed pairs
// whose fake was not shown in `run`, nullable).
size_t play_pairs_available(const Pack *pack, const PlayRun *run);

// Draws the round; NULL with a translated message in *err (owned) when the
// pack has no usable pair or spec->pairs < 1. Owned by the caller.
PlayPairRound *play_pair_round_create(const PlayPairSpec *spec, char **err);
void play_pair_round_destroy(PlayPairRound *round);  // NULL is a no-op

size_t play_pair_round_count(const PlayPairRound *round);
size_t play_pair_round_index(const PlayPairRound *round);  // == count when finished
bool play_pair_round_is_finished(const PlayPairRound *round);
// The open question, shown from `now_ms` (its response time starts at the
// first call for the question). False after the choice or when finished.
bool play_pair_round_current(PlayPairRound *round, int64_t now_ms, PlayPairQuestion *out);
// The player picked `side`. False when no question is open. Recorded at once.
bool play_pair_round_answer(PlayPairRound *round, PlaySide side, int64_t now_ms, int64_t now_unix_ms,
                            PlayPairResult *out);
// After the choice: on to the next pair (true) or finished (false).
bool play_pair_round_next(PlayPairRound *round);
// Results so far, in order (borrowed).
size_t play_pair_round_result_count(const PlayPairRound *round);
const PlayPairResult *play_pair_round_result(const PlayPairRound *round, size_t i);
int play_pair_round_score(const PlayPairRound *round);
int play_pair_round_correct(const PlayPairRound *round);
// Completed / abandoned, as play_session_finish / abandon; once.
void play_pair_round_finish(PlayPairRound *round, int64_t now_unix_ms);
void play_pair_round_abandon(PlayPairRound *round, int64_t now_unix_ms);
bool play_pair_round_save_failed(const PlayPairRound *round);

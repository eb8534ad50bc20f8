#pragma once
// One round of the game: which items are asked, in which order, the per-question
// timer and the points. Pure C: the caller passes the time (milliseconds from
// any monotonic clock, e.g. SDL_GetTicks64) and the random generator in, so a
// round is reproducible from its seed and testable without a window.
//
// States, in order:
//   ROUND_STATE_READY     question i is chosen but not shown yet (timer idle)
//   ROUND_STATE_QUESTION  question i is on screen, timer running (unless paused)
//   ROUND_STATE_FEEDBACK  question i was answered or timed out
//   ROUND_STATE_FINISHED  every question was answered; round_next() led here
// round_start_question: READY -> QUESTION; round_answer / round_tick (time-out):
// QUESTION -> FEEDBACK; round_next: FEEDBACK -> READY (next item) or FINISHED.
// Calls made in the wrong state change nothing and return false: an answer that
// arrives in the same frame as the time-out is a normal event, not a bug.
//
// Drawing the items (practice packs):
// - N = settings.questions, capped at the number of items that may be drawn
//   (the pack's, less those the history excludes).
// - Mostly real: more fabricated items in practice raise distrust without
//   better discernment (Altay, Lyons & Modirrousta-Galian 2024), so a round
//   holds a share of real items, settings.real_percent (default 60, or the
//   pack's <round real-share>), moved for each round by a whole number of
//   points drawn uniformly from -real_spread..+real_spread (default 10) and
//   kept within 0..100: real = round-half-up(N * percent / 100). A fixed
//   split would be learnt and played instead of the headlines.
//   When a class has too few items (3 real, 20 fabricated, N = 10) all of
//   the scarce class is taken and the other fills the round (3 real + 7
//   fabricated): the round size wins over the share.
// - Within each class, items are preferred by history tier: never seen first,
//   then those whose last answer was wrong, then the rest; random within a tier.
//   Items the history lists as excluded (fabricated items already shown in
//   this run of the game) are never drawn.
// - No item twice. The order is random with no more than ROUND_MAX_RUN
//   answers in a row the same (so a streak does not tell the next answer),
//   whenever the two counts allow it (a run is unavoidable in a round of 5
//   real items and none fabricated).
// Assessment packs (PACK_KIND_ASSESSMENT) ask every item, N is ignored, in the
// file's order when settings.fixed_order is set, else shuffled by the seed.
//
// Points: 100 for a correct answer, plus with the speed bonus on and a time
// limit set, ceil(50 * time_left / time_limit), i.e. rounded up so any time
// left earns at least one point: full time 150, half time 125, deadline 100.
// A wrong answer or a time-out scores 0; nothing is ever subtracted and there
// is no streak bonus (speed and luck should not outweigh judgement).
//
// Timer: it runs only in ROUND_STATE_QUESTION and not while paused. The
// deadline is inclusive for answers (an answer with exactly 0 ms left is
// accepted and scores 100); round_tick() closes the question once no time is
// left. A time-out counts as no answer, which is wrong.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/rng.h"
#include "quiz/pack.h"

enum {
  ROUND_POINTS_CORRECT = 100,
  ROUND_POINTS_SPEED_MAX = 50,
  ROUND_SECONDS_MIN = 5,
  ROUND_SECONDS_MAX = 120,
  ROUND_DEFAULT_QUESTIONS = 10,
  ROUND_DEFAULT_SECONDS = 20,
  ROUND_DEFAULT_REAL_PERCENT = 60,
  ROUND_DEFAULT_REAL_SPREAD = 10,
  ROUND_REAL_SPREAD_MAX = 50,
  ROUND_MAX_RUN = 3,  // at most this many answers in a row the same (practice)
};

typedef struct RoundSettings {
  int questions;             // N, >= 1 (practice packs); capped at the pack size
  int seconds_per_question;  // ROUND_SECONDS_MIN..ROUND_SECONDS_MAX, or 0 = no time limit
  bool speed_bonus;          // on by default; no effect without a time limit
  bool fixed_order;          // assessment packs: ask in file order instead of shuffled
  int real_percent;          // practice: share of real items, 0..100 (see the draw above)
  int real_spread;           // practice: +- points the share moves per round, 0..ROUND_REAL_SPREAD_MAX
} RoundSettings;

// Defaults (10 questions, 20 s, speed bonus on, shuffled, 60 % real +- 10;
// no time limit for an assessment pack), overridden by the pack's own
// round_questions / round_seconds / round_real_percent when it sets them.
// `pack` may be NULL.
RoundSettings round_settings_default(const Pack *pack);
// False with a translated message in *err (owned by the caller) when a value
// is out of range.
bool round_settings_check(const RoundSettings *s, char **err);

// What the player did with an item in earlier rounds, as the store knows it.
typedef struct RoundHistoryEntry {
  const char *item_id;  // borrowed
  int times_seen;
  int times_correct;
  bool last_correct;  // the most recent answer was right
} RoundHistoryEntry;

typedef struct RoundHistory {
  const RoundHistoryEntry *entries;  // borrowed; ids not in the pack are ignored
  size_t count;
  // Ids never to draw (borrowed; nullable when excluded_count is 0): the
  // play layer lists the fabricated items already shown in this run, since
  // a second sight of a fake makes it feel truer (Pennycook et al. 2018).
  const char *const *excluded;
  size_t excluded_count;
} RoundHistory;

typedef enum RoundState {
  ROUND_STATE_READY,
  ROUND_STATE_QUESTION,
  ROUND_STATE_FEEDBACK,
  ROUND_STATE_FINISHED,
} RoundState;

// One question's result: what round_answer()/round_tick() report, and what the
// summary and the store read back with round_result().
typedef struct RoundAnswer {
  const PackItem *item;  // borrowed from the pack
  bool answered;         // false: the time ran out
  PackAnswer given;      // meaningful only when answered
  bool correct;
  bool timed_out;
  int points;
  int64_t response_ms;  // time the question was open, paused time excluded
} RoundAnswer;

typedef struct Round Round;

// Draws the round's items. `pack` is borrowed and must outlive the round;
// `history` (nullable) and `rng` are only used during the call. Returns NULL
// with a translated message in *err (owned) when the settings are invalid or
// the pack has no items (or every item is excluded). The round is owned by
// the caller.
Round *round_create(const Pack *pack, const RoundSettings *settings, const RoundHistory *history, Rng *rng, char **err);
// A round of exactly `count` given items of `pack` (borrowed, in this
// order; settings.questions is ignored): the play layer's boosters choose
// their own items. NULL with a translated message in *err (owned) when the
// settings are invalid or there are no items.
Round *round_create_from_items(const Pack *pack, const RoundSettings *settings, const PackItem *const *items,
                               size_t count, char **err);
void round_destroy(Round *round);  // NULL is a no-op

RoundState round_state(const Round *round);
bool round_is_finished(const Round *round);
const Pack *round_pack(const Round *round);               // borrowed
const RoundSettings *round_settings(const Round *round);  // borrowed
// False for assessment packs, whose answers are only explained at the end.
bool round_shows_feedback(const Round *round);

size_t round_count(const Round *round);  // questions in this round
size_t round_index(const Round *round);  // 0-based current question (== count when finished)
// The round's i-th item (borrowed), i < round_count().
const PackItem *round_item(const Round *round, size_t i);
// The current question's item, NULL when finished.
const PackItem *round_current_item(const Round *round);

// READY -> QUESTION: the item is now shown and its timer starts.
bool round_start_question(Round *round, int64_t now_ms);
// QUESTION -> FEEDBACK. When the time had already run out the answer is
// ignored and the question is recorded as timed out. False (nothing changes)
// when no question is open or the round is paused. *out (nullable) gets the result.
bool round_answer(Round *round, PackAnswer answer, int64_t now_ms, RoundAnswer *out);
// Call every frame: true when the open question has just timed out (state
// is now FEEDBACK and *out, nullable, holds the time-out result).
bool round_tick(Round *round, int64_t now_ms, RoundAnswer *out);
// Freezes / restarts the timer of the open question. False when there is no
// open question or it is already paused / not paused.
bool round_pause(Round *round, int64_t now_ms);
bool round_resume(Round *round, int64_t now_ms);
bool round_is_paused(const Round *round);
// FEEDBACK -> READY for the next item, or FINISHED after the last one. True
// when another question is ready.
bool round_next(Round *round);

// Time limit of one question in ms, 0 when there is none.
int64_t round_time_limit_ms(const Round *round);
// Milliseconds left on the current question (the full limit before it starts,
// what was left at the answer during feedback); -1 when there is no time limit.
int64_t round_time_left_ms(const Round *round, int64_t now_ms);
// Time the current question has been open, paused time excluded.
int64_t round_elapsed_ms(const Round *round, int64_t now_ms);

int round_score(const Round *round);
// Best possible score of this round (every answer right with full time left).
int round_max_score(const Round *round);
// Results recorded so far, in question order: round_result(r, i) for
// i < round_result_count(r) (borrowed, valid until round_destroy).
size_t round_result_count(const Round *round);
const RoundAnswer *round_result(const Round *round, size_t i);
// Points for a correct answer with `left_ms` of `limit_ms` left (the scoring
// rule above, exposed so the rules screen and tests use the same formula).
int round_points_for(bool correct, bool speed_bonus, int64_t limit_ms, int64_t left_ms);

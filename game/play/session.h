#pragma once
// The play layer: what a screen needs to play a round, with the quiz rules
// (quiz/round.h, quiz/measures.h) and the score store (store/store.h)
// joined here and nowhere else. No SDL, no clock, no global random state:
// the caller passes monotonic time (ms, for the question timer), Unix time
// (ms, UTC, for the store) and the seed in, so a session is reproducible
// and testable without a window.
//
// Round settings for a pack (play_round_settings):
//   - practice packs: the player's preferences where set, else the pack's
//     own <round questions/seconds>, else the round defaults (10, 20 s);
//   - assessment packs (PACK_KIND_ASSESSMENT, e.g. the MIST-20) are a
//     validated instrument: every item is asked (shuffled by the seed), there is
//     no clock, whatever the preferences say; only the pack itself can set
//     seconds (then the pack's seconds);
//   - the speed bonus is the player's choice (off by default) and has no
//     effect without a time limit.
//
// A session's life:
//   play_session_create   loads the player's history for the pack (unseen
//                         and missed items first) and draws the round from
//                         the seed; nothing is stored yet
//   play_session_answer / play_session_tick
//                         the player answers / the time runs out: the
//                         result is committed to the store at once; the
//                         first one creates the round's row (so a round
//                         closed on its first question leaves no empty
//                         "abandoned" round behind)
//   play_session_finish   after the last question: the round is completed
//   play_session_abandon  the player quits (or the window closes) before
//                         the end: a round with answers is marked abandoned,
//                         one without answers was never stored
//   play_session_destroy  frees it (a stored round still in progress is
//                         left for the store's next open to mark abandoned)
// After a verdict (FEEDBACK) the screen may offer the optional taps of
// play/training.h: the confidence tap, then, for a fabricated headline,
// "Which technique?". After the last question, play_summary_create() gives
// the summary screen everything it shows.
//
// A run of the game (PlayRun, from start to quit) remembers every
// fabricated headline shown: no later round of the run draws it again, since
// a second sight of a fake makes it feel truer (Pennycook, Cannon & Rand
// 2018). Reviews show fakes again only stamped FALSE with the true fact.
// A store failure never stops the game: the round goes on, unsaved, and
// play_session_save_failed() says so for the screen.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/rng.h"
#include "quiz/pack.h"
#include "quiz/round.h"
#include "store/store.h"

// A preference left to the pack (seconds or questions).
#define PLAY_FROM_PACK (-1)
// seconds_per_question: no time limit.
#define PLAY_SECONDS_OFF 0

// What the player chose in the settings.
typedef struct PlayPreferences {
  int seconds_per_question;  // ROUND_SECONDS_MIN..MAX, PLAY_SECONDS_OFF or PLAY_FROM_PACK
  int questions;             // >= 1 or PLAY_FROM_PACK
  bool speed_bonus;
} PlayPreferences;

// The round rules for `pack` (nullable: the defaults) given the player's
// preferences (rules above). Out-of-range seconds are clamped to
// ROUND_SECONDS_MIN..MAX, never refused.
RoundSettings play_round_settings(const Pack *pack, const PlayPreferences *prefs);

// The next round seed from the game's generator: two draws, high word first,
// in separate statements (in one expression the order of the two calls is
// unspecified, so `--seed N` gave different rounds on different compilers).
uint64_t play_seed_next(Rng *rng);

// ---- the run of the game ----------------------------------------------------------

typedef struct PlayRun PlayRun;

// One per run of the game (create at start, destroy at quit); owned by the
// caller. Sessions given it keep its fabricated headlines from repeating.
PlayRun *play_run_create(void);
void play_run_destroy(PlayRun *run);  // NULL is a no-op
// Notes that `item` of `pack` was shown (only fabricated items are kept).
// The session does this itself for each answered or timed-out question.
void play_run_note_shown(PlayRun *run, const Pack *pack, const PackItem *item);
// Whether the fabricated item `item_id` of pack `pack_id` was shown in this run.
bool play_run_fake_shown(const PlayRun *run, const char *pack_id, const char *item_id);
size_t play_run_fake_count(const PlayRun *run);  // fabricated headlines shown so far

typedef struct PlaySessionSpec {
  Store *store;       // borrowed, nullable: nothing is recorded
  int64_t player_id;  // <= 0: nothing is recorded and no history is used
  const Pack *pack;   // borrowed; must outlive the session
  RoundSettings settings;
  uint64_t seed;  // the draw's seed, stored with the round
  int64_t started_unix_ms;
  PlayRun *run;  // borrowed, nullable: fakes shown earlier in the run are not drawn
  // Set by play_booster_create (leave zeroed otherwise): the booster's own
  // items (borrowed from `pack`) instead of a draw, and its schedule step.
  const PackItem *const *items;
  size_t item_count;
  int booster_step;  // 1.. for a booster round, 0 for a classic one
} PlaySessionSpec;

typedef struct PlaySession PlaySession;

// Draws the round (history read from the store when there is a player).
// NULL with a translated message in *err (owned) when the round cannot be
// drawn (bad settings, empty pack). A history that cannot be read is logged
// and the round drawn without it. The session is owned by the caller.
PlaySession *play_session_create(const PlaySessionSpec *spec, char **err);
void play_session_destroy(PlaySession *session);  // NULL is a no-op

// The round being played (borrowed; NULL after play_session_take_round).
// The screen drives its timer with round_start_question / round_pause /
// round_resume / round_next and reads it; answers go through the session.
Round *play_session_round(PlaySession *session);
uint64_t play_session_seed(const PlaySession *session);

// round_answer() plus recording: false (nothing recorded) when no question
// is open. *out (nullable) gets the result.
bool play_session_answer(PlaySession *session, PackAnswer answer, int64_t now_ms, int64_t now_unix_ms,
                         RoundAnswer *out);
// round_tick() plus recording of a time-out: true when the question has
// just timed out.
bool play_session_tick(PlaySession *session, int64_t now_ms, int64_t now_unix_ms, RoundAnswer *out);
// The round was played to the end: its row is completed with the final score.
void play_session_finish(PlaySession *session, int64_t now_unix_ms);
// The player left before the end (see above). Finish or abandon: once.
void play_session_abandon(PlaySession *session, int64_t now_unix_ms);
// The round, now owned by the caller; the session keeps no pointer to it
// (the taps of play/training.h then do nothing: create the summary first).
Round *play_session_take_round(PlaySession *session);
// True once the store refused a write: the screen says scores are not saved.
bool play_session_save_failed(const PlaySession *session);
// The store's id of the round, 0 while nothing was recorded.
int64_t play_session_round_id(const PlaySession *session);
const Pack *play_session_pack(const PlaySession *session);  // borrowed
// 0 for a classic round, else the booster's step in the schedule (1..3).
int play_session_booster_step(const PlaySession *session);

// ---- players -------------------------------------------------------------------

// A new guest: "Guest 1", "Guest 2" ... (translated), the lowest number no
// player has, created now. Guests are separate people, never one shared
// history. *name is owned by the caller.
bool play_new_guest(Store *store, int64_t now_ms, int64_t *id, char **name, char **err);

// ---- packs ---------------------------------------------------------------------

typedef struct PlayProgress {
  size_t seen;    // distinct items of the pack the player was shown (timed out included)
  size_t total;   // items in the pack
  bool all_seen;  // seen == total (and the pack has items)
} PlayProgress;

// "24 of 32 seen": items of the pack's current version the player has met,
// from one indexed query over the store (ids no longer in the pack ignored).
bool play_pack_progress(Store *store, int64_t player_id, const Pack *pack, PlayProgress *out, char **err);

// The pack's high-score table: each player's best round, ranked by correct
// answers, then discernment (d'), then total response time (store_top_scores).
bool play_leaderboard(Store *store, const Pack *pack, size_t limit, StoreTopList *out, char **err);

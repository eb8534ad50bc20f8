#pragma once
// The score store: one SQLite database, <data folder>/scores.db, that keeps
// players, rounds and every answer. Crash-safe by design:
//   - WAL journal with synchronous=FULL, so a committed answer survives a
//     crash of the game AND a power cut (NORMAL would only survive crashes);
//   - every answer is its own transaction, committed when it is given;
//   - rounds a previous run left "in progress" are marked abandoned on open
//     (not those of another copy of the game running right now: a game holds
//     a lock on scores.db.lock while its store is open);
//   - a damaged database is moved aside (never overwritten or deleted) and a
//     fresh one started; a folder we cannot write to gives an in-memory store
//     so the game still plays, shows its summary and high scores.
//
// Times are passed in by the caller (no clock in here) as Unix time in
// milliseconds, UTC; the database stores them as INTEGER columns named *_ms.
// No SDL and no round logic in here: plain strings, ints and our own enums.
//
// Error messages (`char **err` parameters) are owned by the caller and may be
// shown to the player; pass NULL when you do not want one.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Schema version this build writes (PRAGMA user_version). Older files are
// migrated forward on open; newer ones are refused and left untouched.
#define STORE_SCHEMA_VERSION 4
#define STORE_FILE_NAME "scores.db"
// Longest accepted player name, in Unicode code points (after trimming).
#define STORE_PLAYER_NAME_MAX 40

typedef struct Store Store;

typedef enum StoreOpenStatus {
  STORE_OPEN_OK,             // the file is open (created when it was missing)
  STORE_OPEN_RECOVERED,      // it was damaged: moved aside to `moved_to`, a fresh one started
  STORE_OPEN_READ_ONLY,      // the folder or file cannot be written (or is locked), or the file
                             // exists but cannot be read (`read_errno`): the store lives in
                             // memory, seeded with a copy of the old scores when they could be
                             // read; nothing is saved after this session. An unreadable file
                             // is not damaged: it is left exactly where and as it is.
  STORE_OPEN_NEWER_VERSION,  // written by a newer Prebunk (`file_version`): left untouched;
                             // the store lives in memory, empty, for this session
  STORE_OPEN_MISSING,        // query-only: there is no database yet (empty in-memory store)
  STORE_OPEN_DAMAGED,        // query-only: the database is damaged; nothing touched, NULL returned
                             // (`stuck` when the game could not set it aside either)
  STORE_OPEN_UNREADABLE,     // query-only: the file exists but cannot be read (`read_errno`,
                             // e.g. EACCES); nothing touched, NULL returned
  STORE_OPEN_FAILED,         // not even an in-memory database could be made; NULL returned
} StoreOpenStatus;

typedef struct StoreOptions {
  // For `prebunk scores` and other readers that may run beside the game:
  // never create, migrate (in place), repair or modify the file; rounds in
  // progress stay as they are. Reads a snapshot copied into memory.
  bool query_only;
  // Behave exactly as when the folder cannot be written. Used by tests (they
  // run as root, which ignores permission bits) and for a read-only kiosk.
  bool force_read_only;
  // Behave as if opening the existing score file for reading failed with
  // this errno (e.g. EACCES); 0 to check the file for real. For tests, which
  // run as root, where a mode 000 file is still readable.
  int force_read_errno;
  // Player names as stored. By default they come without the bidi controls
  // (U+202A-202E, U+2066-2069) a name stored before they were refused may
  // hold, so no screen shows "\u202eecilA" as "Alice". `prebunk scores`
  // takes them raw and escapes them on output instead.
  bool raw_names;
  // Wall-clock time (Unix ms) used to name a damaged file set aside:
  // scores.db.corrupt-YYYYmmdd-HHMMSS (UTC). 0 means "now".
  int64_t now_ms;
} StoreOptions;

typedef struct StoreOpenResult {
  StoreOpenStatus status;
  char *path;        // the database file path (owned)
  char *moved_to;    // RECOVERED: full path of the damaged file set aside (owned), else NULL
  char *detail;      // why it was not a plain OK, from SQLite or the OS, for the log (owned) or NULL
  int file_version;  // NEWER_VERSION: the schema version found in the file
  int abandoned;     // rounds a previous run left in progress, now marked abandoned
  int read_errno;    // READ_ONLY or UNREADABLE because the existing file cannot be read: why
                     // (errno, e.g. EACCES); else 0 (UNREADABLE then: SQLite could not read it,
                     // e.g. locked by another program; `detail` says why)
  bool shared;       // OK: another copy of the game has this file open right now (both
                     // record; its rounds in progress are left alone)
  bool stuck;        // DAMAGED: the folder or the file cannot be written, so the game cannot
                     // set the file aside either (it plays with scores in memory only)
} StoreOpenResult;

// Opens (creating `dir` and the file when needed) the store in `dir`.
// `opts` may be NULL for the game's defaults. Always fills `result` (free it
// with store_open_result_clear). Returns an owned store, or NULL only for
// STORE_OPEN_DAMAGED (query-only) and STORE_OPEN_FAILED.
Store *store_open(const char *dir, const StoreOptions *opts, StoreOpenResult *result);
void store_close(Store *store);  // NULL is a no-op
void store_open_result_clear(StoreOpenResult *result);
// One translated sentence for the player about a non-OK open (names the
// set-aside file for RECOVERED; for a file that cannot be read, says so with
// the reason, e.g. "Cannot read the score file F: permission denied. ..."),
// or NULL for STORE_OPEN_OK. Owned.
char *store_open_result_message(const StoreOpenResult *result);
// False when scores are only kept in memory for this session.
bool store_is_persistent(const Store *store);
// Writes that failed since the store was opened because of the file or the
// disk (full, over the file size limit, an I/O error, the file made read-only
// or kept busy by another process), not because of a bad argument. Each
// failed call still returns false with its *err; these let the game say so
// once on screen, whichever screen made the write. The reason is one short
// translated clause for the player (e.g. "the disk is full"), borrowed until
// the next failure, or NULL when nothing failed.
unsigned store_write_failures(const Store *store);
const char *store_last_write_failure(const Store *store);

// ---- players ---------------------------------------------------------------

typedef struct StorePlayer {
  int64_t id;
  char *name;  // as first typed (trimmed), owned
  int64_t created_ms;
  int64_t last_played_ms;  // start of the latest round, or created_ms
} StorePlayer;

typedef struct StorePlayerList {
  StorePlayer *items;
  size_t count;
} StorePlayerList;

// Cleans a typed name: trims, squashes runs of white space to one space.
// Returns NULL (and *err) when it is empty, too long, not UTF-8 or holds
// control characters, bidi controls or zero-width characters. Owned.
char *store_player_name_clean(const char *raw, char **err);
// Finds the player whose cleaned name matches (NFC and Unicode case folding,
// base/utf8.h utf8_fold_key: composed and decomposed "Élodie", "ÉLODIE" and
// "élodie" are one player), or creates one. Fills *player_id.
bool store_player_get_or_create(Store *store, const char *name, int64_t now_ms, int64_t *player_id, char **err);
// *player_id = the id of the player whose name matches as above, or 0 when
// there is none (a name that cannot be clean matches nobody). False only on
// a database error.
bool store_player_find(Store *store, const char *name, int64_t *player_id, char **err);
// The `limit` most recently active players, newest first.
bool store_recent_players(Store *store, size_t limit, StorePlayerList *out, char **err);
void store_player_list_free(StorePlayerList *list);  // frees the items, leaves an empty list

// ---- rounds and answers ----------------------------------------------------

typedef enum StoreVerdict {
  STORE_VERDICT_NONE,  // no answer: time ran out (only for `given`)
  STORE_VERDICT_REAL,
  STORE_VERDICT_FABRICATED,
} StoreVerdict;

typedef enum StoreRoundStatus {
  STORE_ROUND_IN_PROGRESS,
  STORE_ROUND_COMPLETED,
  STORE_ROUND_ABANDONED,
} StoreRoundStatus;

// What a round asked (schema 4; older rounds are CLASSIC).
typedef enum StoreRoundKind {
  STORE_ROUND_CLASSIC,  // one headline at a time: real or fabricated?
  STORE_ROUND_PAIR,     // two headlines on one topic: which one is real?
  STORE_ROUND_BOOSTER,  // a short spaced review offered on the title screen
} StoreRoundKind;

// How sure the player said they were of a verdict (schema 4).
typedef enum StoreConfidence {
  STORE_CONFIDENCE_NONE,   // not given (the tap is optional)
  STORE_CONFIDENCE_SURE,   // "sure"
  STORE_CONFIDENCE_THINK,  // "think so"
  STORE_CONFIDENCE_GUESS,  // "guessing"
} StoreConfidence;

typedef struct StoreRoundSpec {
  int64_t player_id;
  const char *pack_id;  // borrowed
  int pack_version;
  int questions;  // planned number of questions
  int seconds_per_question;
  bool speed_bonus;
  uint64_t seed;  // the round's shuffle seed (stored bit for bit)
  int64_t started_ms;
  StoreRoundKind kind;  // zero: CLASSIC
} StoreRoundSpec;

typedef struct StoreAnswerSpec {
  int position;         // 0-based place in the round; unique per round
  const char *item_id;  // borrowed
  StoreVerdict truth;   // REAL or FABRICATED
  StoreVerdict given;   // REAL, FABRICATED or NONE (timed out)
  int points;
  int response_ms;
  const char *techniques;  // "emotion;fake-expert", NULL or "" for none; borrowed
  int64_t answered_ms;
  // Pair rounds: item_id is the real headline, truth REAL, given REAL when
  // the player picked it and FABRICATED when they picked this one, the
  // fabricated headline of the pair (borrowed). NULL otherwise.
  const char *pair_item_id;
} StoreAnswerSpec;

// Starts a round (status in_progress); fills *round_id.
bool store_round_begin(Store *store, const StoreRoundSpec *spec, int64_t *round_id, char **err);
// Records one answer and updates the round's running counts and score in the
// same transaction, committed (and synced) before returning. `correct` is
// given == truth. Fails for an unknown or finished round or a repeated position.
bool store_answer_add(Store *store, int64_t round_id, const StoreAnswerSpec *answer, char **err);
// The optional confidence tap after a verdict, stored with the answer at
// `position` of the round (which must exist; the round may be over, since
// the tap can come after the last answer). NONE clears it.
bool store_answer_set_confidence(Store *store, int64_t round_id, int position, StoreConfidence confidence, char **err);
// The optional "Which technique?" question after a fabricated headline:
// `asked` is the right technique's name, `given` the player's choice (NULL:
// skipped, which counts as not asked). Stored with the answer at `position`.
bool store_answer_set_technique(Store *store, int64_t round_id, int position, const char *asked, const char *given,
                                char **err);
// Ends a round: completed (played to the end) or abandoned (the player quit).
// `final_score` replaces the running sum of points (it may include bonuses).
bool store_round_finish(Store *store, int64_t round_id, int final_score, bool completed, int64_t ended_ms, char **err);

// ---- queries ---------------------------------------------------------------

typedef struct StoreRound {
  int64_t id;
  int64_t player_id;
  char *player_name;  // owned
  char *pack_id;      // owned
  int pack_version;
  int questions;
  int seconds_per_question;
  bool speed_bonus;
  uint64_t seed;
  int64_t started_ms;
  int64_t ended_ms;  // 0 while in progress
  int score;
  StoreRoundStatus status;
  int answered;  // answers recorded (timed-out ones included)
  int correct;
  int timed_out;
  // The round in plain counts (schema 3; backfilled from the answers of
  // older rounds): real headlines asked / trusted / called fabricated,
  // fabricated ones asked / caught / believed. Timed-out items count in
  // *_items only.
  int real_items, real_trusted, real_rejected;
  int fake_items, fake_caught, fake_believed;
  int64_t response_ms;  // sum of the answers' response times
  double d_prime;       // corrected d' of the answered items (base/stats.h), 0 when none
  StoreRoundKind kind;  // schema 4
} StoreRound;

typedef struct StoreRoundList {
  StoreRound *items;
  size_t count;
} StoreRoundList;

typedef struct StoreAnswer {
  int64_t round_id;
  char *player_name;  // owned
  char *pack_id;      // owned
  int position;
  char *item_id;  // owned
  StoreVerdict truth;
  StoreVerdict given;
  bool correct;
  int points;
  int response_ms;
  char *techniques;  // owned, "" for none
  int64_t answered_ms;
  StoreConfidence confidence;  // schema 4: NONE when not given
  char *technique_asked;       // owned, NULL when no technique question was answered
  char *technique_given;       // owned, NULL when none
  char *pair_item_id;          // owned, NULL outside pair rounds
} StoreAnswer;

typedef struct StoreAnswerList {
  StoreAnswer *items;
  size_t count;
} StoreAnswerList;

// Which rounds (or their answers) a query returns. Zero/NULL fields match all.
typedef struct StoreFilter {
  int64_t player_id;
  const char *player_name;  // matched as names are (trimmed, case-insensitive)
  const char *pack_id;
  int64_t round_id;
  bool completed_only;
  bool oldest_first;  // default newest first
  size_t limit;       // rounds (not answers); 0: no limit
} StoreFilter;

// Rounds matching `filter` (NULL: all), newest first unless oldest_first.
bool store_rounds(Store *store, const StoreFilter *filter, StoreRoundList *out, char **err);
// Answers of the rounds matching `filter`, in round order then position.
bool store_answers(Store *store, const StoreFilter *filter, StoreAnswerList *out, char **err);
void store_round_list_free(StoreRoundList *list);
void store_answer_list_free(StoreAnswerList *list);

// Best final score of a completed round of `pack_id` by the player. *found is
// false (and *score 0) when there is none.
bool store_best_score(Store *store, int64_t player_id, const char *pack_id, int *score, bool *found, char **err);

typedef struct StoreTopEntry {
  int rank;  // 1-based; equal scores share a rank (1, 2, 2, 4)
  int64_t round_id;
  int64_t player_id;
  char *player_name;  // owned
  int score;
  int correct;
  int answered;
  double accuracy;  // correct / answered, 0 when nothing was answered
  int64_t ended_ms;
  int questions;                 // planned questions of the round
  int real_items, real_trusted;  // real headlines asked, and trusted
  int fake_items, fake_caught;   // fabricated headlines asked, and caught
  double d_prime;                // corrected d' (base/stats.h)
  int64_t response_ms;           // total response time of the round
} StoreTopEntry;

typedef struct StoreTopList {
  StoreTopEntry *items;
  size_t count;
} StoreTopList;

// High-score table of a pack: each player's BEST completed round, one row
// per player, ranked by care rather than speed: most correct answers first,
// then the higher d' (discernment), then the shorter total response time;
// rounds equal in all three share a rank (1, 2, 2, 4) and are listed by who
// got there first (earlier end), then the lower round id. The score (with
// any speed bonus) is shown but does not rank: ten instant guesses must not
// beat a careful player with as many right. Only CLASSIC rounds rank: a
// pair round or a 5-item booster is not the same contest.
bool store_top_scores(Store *store, const char *pack_id, size_t limit, StoreTopList *out, char **err);
void store_top_list_free(StoreTopList *list);

typedef struct StoreItemStat {
  char *item_id;  // owned
  int seen;       // answers given to it, any round status
  int correct;
  bool last_correct;  // the most recent answer was correct
  int64_t last_seen_ms;
  int64_t last_correct_ms;  // 0 when never answered correctly
} StoreItemStat;

typedef struct StoreItemStatList {
  StoreItemStat *items;  // sorted by item_id (strcmp order)
  size_t count;
} StoreItemStatList;

// What the player did with each item of a pack before, so a round can draw
// unseen and missed items first. Items never seen are absent.
bool store_item_history(Store *store, int64_t player_id, const char *pack_id, StoreItemStatList *out, char **err);
// The entry for `item_id` (binary search), borrowed, or NULL when never seen.
const StoreItemStat *store_item_stat_find(const StoreItemStatList *list, const char *item_id);
void store_item_stat_list_free(StoreItemStatList *list);

// ---- training state (schema 4) ----------------------------------------------

// When the player last practised and how far the spaced boosters after it
// have gone.
typedef struct StorePracticeState {
  int64_t last_practised_ms;  // end of the latest practice round with answers, 0 when never
  int boosters_done;          // boosters taken since then (0..)
} StorePracticeState;

// *out for the player (zeroed for an unknown player).
bool store_practice_state(Store *store, int64_t player_id, StorePracticeState *out, char **err);
// The player practised at `now_ms`: the booster schedule starts again.
bool store_practice_mark(Store *store, int64_t player_id, int64_t now_ms, char **err);
// The player took booster number `done` (1-based) of the current schedule.
bool store_booster_mark(Store *store, int64_t player_id, int done, char **err);

// Per technique, over every answer of the player (all packs, all rounds):
// verdicts on headlines showing it, and "Which technique?" answers whose
// right answer it was.
typedef struct StoreTechniqueStat {
  char *name;             // owned, the pack format's technique name
  int verdicts;           // headlines with this technique the player judged (time-outs included)
  int verdicts_correct;   // of those, judged right
  int questions;          // technique questions answered with this as the right answer
  int questions_correct;  // of those, named right
} StoreTechniqueStat;

typedef struct StoreTechniqueStatList {
  StoreTechniqueStat *items;  // sorted by name (strcmp order)
  size_t count;
} StoreTechniqueStatList;

bool store_technique_stats(Store *store, int64_t player_id, StoreTechniqueStatList *out, char **err);
void store_technique_stat_list_free(StoreTechniqueStatList *list);

// Stable names used in the database and in CSV output.
const char *store_verdict_name(StoreVerdict verdict);          // "none", "real", "fabricated"
const char *store_round_status_name(StoreRoundStatus status);  // "in_progress", "completed", "abandoned"
const char *store_round_kind_name(StoreRoundKind kind);        // "classic", "pair", "booster"
const char *store_confidence_name(StoreConfidence c);          // "none", "sure", "think", "guess"

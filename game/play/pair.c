// "Which one is real?" rounds: two headlines, one real, a seeded side.

#include "play/pair.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/rng.h"
#include "base/str.h"

typedef struct PairSlot {
  PackPair pair;
  PlaySide real_side;
} PairSlot;

struct PlayPairRound {
  Store *store;  // NULL: nothing recorded
  int64_t player_id;
  const Pack *pack;
  PlayRun *run;
  uint64_t seed;
  int64_t started_unix_ms;
  PairSlot *slots;
  size_t count, index;
  PlayPairResult *results;
  size_t result_count;
  bool open;  // the current question was shown and not yet answered
  int64_t shown_ms;
  int score, correct;
  int64_t round_id;
  bool save_failed, ended;
};

static bool usable(const PackPair *p, const Pack *pack, const PlayRun *run) {
  return !play_run_fake_shown(run, pack->id, p->fabricated->id);
}

size_t play_pairs_available(const Pack *pack, const PlayRun *run) {
  PackPair *pairs;
  size_t n = pack_pairs(pack, &pairs), ok = 0;
  for (size_t i = 0; i < n; i++) {
    ok += usable(&pairs[i], pack, run);
  }
  free(pairs);
  return ok;
}

PlayPairRound *play_pair_round_create(const PlayPairSpec *spec, char **err) {
  *err = NULL;
  if (!spec->pack || spec->pairs < 1) {
    *err = xstrdup(_("A pair round needs at least one pair."));
    return NULL;
  }
  PackPair *pairs;
  size_t n = pack_pairs(spec->pack, &pairs), kept = 0;
  for (size_t i = 0; i < n; i++) {
    if (usable(&pairs[i], spec->pack, spec->run)) {
      pairs[kept++] = pairs[i];
    }
  }
  if (kept == 0) {
    free(pairs);
    *err = xstrdup(_("This pack has no pairs of headlines left to compare."));
    return NULL;
  }
  Rng rng;
  rng_seed(&rng, spec->seed);
  rng_shuffle(&rng, pairs, kept, sizeof *pairs);
  PlayPairRound *r = xcalloc(1, sizeof *r);
  r->store = spec->player_id > 0 ? spec->store : NULL;
  r->player_id = spec->player_id;
  r->pack = spec->pack;
  r->run = spec->run;
  r->seed = spec->seed;
  r->started_unix_ms = spec->started_unix_ms;
  r->count = (size_t)spec->pairs < kept ? (size_t)spec->pairs : kept;
  r->slots = xcalloc(r->count, sizeof *r->slots);
  r->results = xcalloc(r->count, sizeof *r->results);
  for (size_t i = 0; i < r->count; i++) {
    r->slots[i] = (PairSlot){.pair = pairs[i], .real_side = rng_below(&rng, 2) ? PLAY_SIDE_RIGHT : PLAY_SIDE_LEFT};
  }
  free(pairs);
  return r;
}

void play_pair_round_destroy(PlayPairRound *r) {
  if (!r) {
    return;
  }
  free(r->slots);
  free(r->results);
  free(r);
}

size_t play_pair_round_count(const PlayPairRound *r) {
  return r->count;
}
size_t play_pair_round_index(const PlayPairRound *r) {
  return r->index;
}
bool play_pair_round_is_finished(const PlayPairRound *r) {
  return r->index >= r->count;
}
size_t play_pair_round_result_count(const PlayPairRound *r) {
  return r->result_count;
}
const PlayPairResult *play_pair_round_result(const PlayPairRound *r, size_t i) {
  return i < r->result_count ? &r->results[i] : NULL;
}
int play_pair_round_score(const PlayPairRound *r) {
  return r->score;
}
int play_pair_round_correct(const PlayPairRound *r) {
  return r->correct;
}
bool play_pair_round_save_failed(const PlayPairRound *r) {
  return r->save_failed;
}

bool play_pair_round_current(PlayPairRound *r, int64_t now_ms, PlayPairQuestion *out) {
  if (play_pair_round_is_finished(r) || r->result_count > r->index) {
    return false;
  }
  if (!r->open) {
    r->open = true;
    r->shown_ms = now_ms;
  }
  const PairSlot *s = &r->slots[r->index];
  bool real_left = s->real_side == PLAY_SIDE_LEFT;
  *out = (PlayPairQuestion){.left = real_left ? s->pair.real : s->pair.fabricated,
                            .right = real_left ? s->pair.fabricated : s->pair.real,
                            .real_side = s->real_side};
  return true;
}

static void save_failed(PlayPairRound *r, const char *what, char *err) {
  log_warn("%s: %s", what, err ? err : "?");
  free(err);
  r->save_failed = true;
}

static void record(PlayPairRound *r, const PlayPairResult *res, int64_t now_unix_ms) {
  if (!r->store || r->ended || (r->save_failed && r->round_id == 0)) {
    return;
  }
  char *err = NULL;
  if (r->round_id == 0) {
    StoreRoundSpec spec = {.player_id = r->player_id,
                           .pack_id = r->pack->id,
                           .pack_version = r->pack->version,
                           .questions = (int)r->count,
                           .seconds_per_question = 0,
                           .seed = r->seed,
                           .started_ms = r->started_unix_ms,
                           .kind = STORE_ROUND_PAIR};
    if (!store_round_begin(r->store, &spec, &r->round_id, &err)) {
      r->round_id = 0;
      save_failed(r, "pair round not recorded", err);
      return;
    }
  }
  StoreAnswerSpec a = {
      .position = (int)r->result_count - 1,
      .item_id = res->real->id,
      .truth = STORE_VERDICT_REAL,
      .given = res->correct ? STORE_VERDICT_REAL : STORE_VERDICT_FABRICATED,
      .points = res->points,
      .response_ms = res->response_ms > INT32_MAX ? INT32_MAX : (int)res->response_ms,
      .techniques = "",
      .answered_ms = now_unix_ms,
      .pair_item_id = res->fabricated->id,
  };
  if (!store_answer_add(r->store, r->round_id, &a, &err)) {
    save_failed(r, "pair answer not saved", err);
  }
}

bool play_pair_round_answer(PlayPairRound *r, PlaySide side, int64_t now_ms, int64_t now_unix_ms, PlayPairResult *out) {
  if (!r->open || play_pair_round_is_finished(r)) {
    return false;
  }
  const PairSlot *s = &r->slots[r->index];
  PlayPairResult *res = &r->results[r->result_count++];
  int64_t ms = now_ms - r->shown_ms;
  *res = (PlayPairResult){.real = s->pair.real,
                          .fabricated = s->pair.fabricated,
                          .chosen = side,
                          .correct = side == s->real_side,
                          .response_ms = ms < 0 ? 0 : ms};
  res->points = res->correct ? PLAY_PAIR_POINTS : 0;
  r->score += res->points;
  r->correct += res->correct;
  r->open = false;
  play_run_note_shown(r->run, r->pack, s->pair.fabricated);
  record(r, res, now_unix_ms);
  if (out) {
    *out = *res;
  }
  return true;
}

bool play_pair_round_next(PlayPairRound *r) {
  if (play_pair_round_is_finished(r) || r->result_count <= r->index) {
    return false;
  }
  r->index++;
  return !play_pair_round_is_finished(r);
}

static void end(PlayPairRound *r, bool completed, int64_t now_unix_ms) {
  if (r->ended) {
    return;
  }
  r->ended = true;
  if (r->open && !play_pair_round_is_finished(r)) {
    play_run_note_shown(r->run, r->pack, r->slots[r->index].pair.fabricated);
  }
  if (!r->store || r->round_id <= 0) {
    return;
  }
  char *err = NULL;
  if (!store_round_finish(r->store, r->round_id, r->score, completed, now_unix_ms, &err) ||
      !store_practice_mark(r->store, r->player_id, now_unix_ms, &err)) {
    save_failed(r, "pair round end not saved", err);
  } else {
    free(err);
  }
}

void play_pair_round_finish(PlayPairRound *r, int64_t now_unix_ms) {
  end(r, true, now_unix_ms);
}

void play_pair_round_abandon(PlayPairRound *r, int64_t now_unix_ms) {
  end(r, false, now_unix_ms);
}

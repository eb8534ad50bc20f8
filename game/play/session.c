#include "play/session.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "play/session_internal.h"
#include "quiz/technique.h"

// The guest numbers tried before giving up (a class would need a thousand
// guests to get there).
enum { PLAY_GUEST_MAX = 10000 };

RoundSettings play_round_settings(const Pack *pack, const PlayPreferences *prefs) {
  RoundSettings r = round_settings_default(pack);
  r.speed_bonus = prefs->speed_bonus;
  if (pack && pack->kind == PACK_KIND_ASSESSMENT) {
    // round_settings_default already leaves the clock to the pack and the
    // round asks every item: the player's preferences do not apply.
    return r;
  }
  if (prefs->questions != PLAY_FROM_PACK) {
    r.questions = prefs->questions;
  }
  if (prefs->seconds_per_question != PLAY_FROM_PACK) {
    r.seconds_per_question = prefs->seconds_per_question;
  }
  // The loader keeps a pack's seconds within 5..120, but a pack built in
  // memory (an importer, a test) may not: clamp rather than refuse to start.
  if (r.seconds_per_question != PLAY_SECONDS_OFF) {
    if (r.seconds_per_question < ROUND_SECONDS_MIN) {
      r.seconds_per_question = ROUND_SECONDS_MIN;
    } else if (r.seconds_per_question > ROUND_SECONDS_MAX) {
      r.seconds_per_question = ROUND_SECONDS_MAX;
    }
  }
  return r;
}

uint64_t play_seed_next(Rng *rng) {
  uint64_t high = rng_next(rng);
  uint64_t low = rng_next(rng);
  return (high << 32) | low;
}

// ---- session -------------------------------------------------------------------

// Draws the round with the player's history (unseen and missed items first).
static Round *draw(const PlaySessionSpec *spec, char **err) {
  StoreItemStatList stats = {0};
  RoundHistoryEntry *entries = NULL;
  RoundHistory history = {0};
  if (spec->store && spec->player_id > 0) {
    char *herr = NULL;
    if (store_item_history(spec->store, spec->player_id, spec->pack->id, &stats, &herr)) {
      entries = xcalloc(stats.count ? stats.count : 1, sizeof *entries);
      for (size_t i = 0; i < stats.count; i++) {
        entries[i] = (RoundHistoryEntry){.item_id = stats.items[i].item_id,
                                         .times_seen = stats.items[i].seen,
                                         .times_correct = stats.items[i].correct,
                                         .last_correct = stats.items[i].last_correct};
      }
      history = (RoundHistory){.entries = entries, .count = stats.count};
    } else {
      log_warn("history not read, drawing without it: %s", herr ? herr : "?");
    }
    free(herr);
  }
  const char **excluded = NULL;
  history.excluded_count = play_run_excluded(spec->run, spec->pack->id, &excluded);
  history.excluded = excluded;
  Rng rng;
  rng_seed(&rng, spec->seed);
  Round *round = spec->items ? round_create_from_items(spec->pack, &spec->settings, spec->items, spec->item_count, err)
                             : round_create(spec->pack, &spec->settings, &history, &rng, err);
  free(excluded);
  free(entries);
  store_item_stat_list_free(&stats);
  return round;
}

PlaySession *play_session_create(const PlaySessionSpec *spec, char **err) {
  if (!spec->pack) {
    if (err) {
      *err = xstrdup(_("Choose a pack first."));
    }
    return NULL;
  }
  char *rerr = NULL;
  Round *round = draw(spec, &rerr);
  if (!round) {
    if (err) {
      *err = rerr ? rerr : xstrdup(_("This pack cannot be played."));
    } else {
      free(rerr);
    }
    return NULL;
  }
  PlaySession *s = xcalloc(1, sizeof *s);
  s->store = spec->player_id > 0 ? spec->store : NULL;
  s->player_id = spec->player_id;
  s->pack = spec->pack;
  s->round = round;
  s->seed = spec->seed;
  s->started_unix_ms = spec->started_unix_ms;
  s->run = spec->run;
  s->booster_step = spec->booster_step > 0 ? spec->booster_step : 0;
  s->extras = xcalloc(round_count(round), sizeof *s->extras);
  // The technique questions' own stream: offering one never changes the draw.
  rng_seed(&s->taps_rng, spec->seed ^ UINT64_C(0x7465636871756573));
  return s;
}

void play_session_destroy(PlaySession *s) {
  if (!s) {
    return;
  }
  round_destroy(s->round);
  free(s->extras);
  free(s);
}

Round *play_session_round(PlaySession *s) {
  return s->round;
}

uint64_t play_session_seed(const PlaySession *s) {
  return s->seed;
}

bool play_session_save_failed(const PlaySession *s) {
  return s->save_failed;
}

int64_t play_session_round_id(const PlaySession *s) {
  return s->round_id;
}

const Pack *play_session_pack(const PlaySession *s) {
  return s->pack;
}

int play_session_booster_step(const PlaySession *s) {
  return s->booster_step;
}

Round *play_session_take_round(PlaySession *s) {
  Round *r = s->round;
  s->round = NULL;
  return r;
}

void play_session_save_failed_now(PlaySession *s, const char *what, char *err) {
  log_warn("%s: %s", what, err ? err : "?");
  free(err);
  s->save_failed = true;
}

// The round's row, created with the first answer.
static bool ensure_row(PlaySession *s) {
  if (s->round_id > 0) {
    return true;
  }
  const RoundSettings *rs = round_settings(s->round);
  StoreRoundSpec spec = {
      .player_id = s->player_id,
      .pack_id = s->pack->id,
      .pack_version = s->pack->version,
      .questions = (int)round_count(s->round),
      .seconds_per_question = rs->seconds_per_question,
      .speed_bonus = rs->speed_bonus,
      .seed = s->seed,
      .started_ms = s->started_unix_ms,
      .kind = s->booster_step > 0 ? STORE_ROUND_BOOSTER : STORE_ROUND_CLASSIC,
  };
  char *err = NULL;
  if (!store_round_begin(s->store, &spec, &s->round_id, &err)) {
    s->round_id = 0;
    play_session_save_failed_now(s, "round not recorded", err);
    return false;
  }
  return true;
}

static char *techniques_joined(TechniqueSet set) {
  StrBuf b = {0};
  strbuf_append(&b, "");
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    if (set & (1u << i)) {
      if (b.len) {
        strbuf_append_char(&b, ';');
      }
      strbuf_append(&b, technique_name((Technique)i));
    }
  }
  return strbuf_take(&b);
}

static StoreVerdict verdict_of(PackAnswer a) {
  return a == PACK_ANSWER_REAL ? STORE_VERDICT_REAL : STORE_VERDICT_FABRICATED;
}

// Commits the latest result of the round.
static void record(PlaySession *s, const RoundAnswer *a, int64_t now_unix_ms) {
  play_run_note_shown(s->run, s->pack, a->item);
  if (!s->store || s->ended || (s->save_failed && s->round_id == 0) || !ensure_row(s)) {
    return;
  }
  char *techniques = techniques_joined(a->item->techniques);
  StoreAnswerSpec spec = {
      .position = (int)round_result_count(s->round) - 1,
      .item_id = a->item->id,
      .truth = verdict_of(a->item->answer),
      .given = a->answered ? verdict_of(a->given) : STORE_VERDICT_NONE,
      .points = a->points,
      .response_ms = a->response_ms > INT32_MAX ? INT32_MAX : (int)a->response_ms,
      .techniques = techniques,
      .answered_ms = now_unix_ms,
  };
  char *err = NULL;
  if (!store_answer_add(s->store, s->round_id, &spec, &err)) {
    play_session_save_failed_now(s, "answer not saved", err);
  } else {
    free(err);
  }
  free(techniques);
}

bool play_session_answer(PlaySession *s, PackAnswer answer, int64_t now_ms, int64_t now_unix_ms, RoundAnswer *out) {
  RoundAnswer a;
  if (!s->round || !round_answer(s->round, answer, now_ms, &a)) {
    return false;
  }
  record(s, &a, now_unix_ms);
  if (out) {
    *out = a;
  }
  return true;
}

bool play_session_tick(PlaySession *s, int64_t now_ms, int64_t now_unix_ms, RoundAnswer *out) {
  RoundAnswer a;
  if (!s->round || !round_tick(s->round, now_ms, &a)) {
    return false;
  }
  record(s, &a, now_unix_ms);
  if (out) {
    *out = a;
  }
  return true;
}

// The player's practice state after a round with answers: a booster moves
// the schedule on; a practice round starts it again (the boosters are
// counted from the last practice). Assessments are tests, not practice.
static void mark_practice(PlaySession *s, int64_t now_unix_ms) {
  char *err = NULL;
  bool ok = true;
  if (s->booster_step > 0) {
    ok = store_booster_mark(s->store, s->player_id, s->booster_step, &err);
  } else if (s->pack->kind == PACK_KIND_PRACTICE) {
    ok = store_practice_mark(s->store, s->player_id, now_unix_ms, &err);
  }
  if (!ok) {
    play_session_save_failed_now(s, "practice time not saved", err);
  } else {
    free(err);
  }
}

static void end(PlaySession *s, bool completed, int64_t now_unix_ms) {
  if (s->ended) {
    return;
  }
  s->ended = true;
  if (s->round && !completed && round_state(s->round) == ROUND_STATE_QUESTION) {
    // Quit with a headline on screen: it was seen.
    play_run_note_shown(s->run, s->pack, round_current_item(s->round));
  }
  if (!s->store || s->round_id <= 0 || !s->round) {
    return;  // nothing was recorded: there is no row to close
  }
  char *err = NULL;
  if (!store_round_finish(s->store, s->round_id, round_score(s->round), completed, now_unix_ms, &err)) {
    play_session_save_failed_now(s, "round end not saved", err);
  } else {
    free(err);
  }
  mark_practice(s, now_unix_ms);
}

void play_session_finish(PlaySession *s, int64_t now_unix_ms) {
  end(s, true, now_unix_ms);
}

void play_session_abandon(PlaySession *s, int64_t now_unix_ms) {
  end(s, false, now_unix_ms);
}

// ---- players and packs ------------------------------------------------------------

bool play_new_guest(Store *store, int64_t now_ms, int64_t *id, char **name, char **err) {
  *id = 0;
  *name = NULL;
  for (int n = 1; n <= PLAY_GUEST_MAX; n++) {
    char *candidate = xasprintf(_("Guest %d"), n);
    int64_t existing = 0;
    if (!store_player_find(store, candidate, &existing, err)) {
      free(candidate);
      return false;
    }
    if (existing == 0) {
      if (!store_player_get_or_create(store, candidate, now_ms, id, err)) {
        free(candidate);
        return false;
      }
      *name = candidate;
      return true;
    }
    free(candidate);
  }
  if (err) {
    *err = xstrdup(_("There are too many guests; please type a name."));
  }
  return false;
}

bool play_pack_progress(Store *store, int64_t player_id, const Pack *pack, PlayProgress *out, char **err) {
  *out = (PlayProgress){.total = pack->item_count};
  if (!store || player_id <= 0) {
    return true;
  }
  StoreItemStatList stats;
  if (!store_item_history(store, player_id, pack->id, &stats, err)) {
    return false;
  }
  for (size_t i = 0; i < pack->item_count; i++) {
    if (store_item_stat_find(&stats, pack->items[i].id)) {
      out->seen++;
    }
  }
  store_item_stat_list_free(&stats);
  out->all_seen = out->total > 0 && out->seen == out->total;
  return true;
}

bool play_leaderboard(Store *store, const Pack *pack, size_t limit, StoreTopList *out, char **err) {
  return store_top_scores(store, pack->id, limit, out, err);
}

// Boosters: the expanding schedule and the choice of items.

#include "play/booster.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/rng.h"
#include "base/str.h"
#include "quiz/technique.h"

static const int BOOSTER_DAYS[PLAY_BOOSTER_STEPS] = {PLAY_BOOSTER_DAY_1, PLAY_BOOSTER_DAY_2, PLAY_BOOSTER_DAY_3};

PlayBoosterOffer play_booster_schedule(const StorePracticeState *state, int64_t now_unix_ms) {
  PlayBoosterOffer o = {.last_practised_ms = state->last_practised_ms};
  if (state->last_practised_ms <= 0) {
    return o;
  }
  int passed = 0;
  for (int k = 0; k < PLAY_BOOSTER_STEPS; k++) {
    if (now_unix_ms - state->last_practised_ms >= BOOSTER_DAYS[k] * PLAY_DAY_MS) {
      passed = k + 1;
    }
  }
  if (passed > state->boosters_done) {
    o.due = true;
    o.step = passed;
  }
  int next = o.due ? passed : state->boosters_done;  // index of the next step after this one
  if (next < PLAY_BOOSTER_STEPS) {
    o.next_due_ms = state->last_practised_ms + BOOSTER_DAYS[next] * PLAY_DAY_MS;
  }
  return o;
}

bool play_booster_offer(Store *store, int64_t player_id, int64_t now_unix_ms, PlayBoosterOffer *out, char **err) {
  *out = (PlayBoosterOffer){0};
  StorePracticeState st;
  if (!store || player_id <= 0) {
    return true;
  }
  if (!store_practice_state(store, player_id, &st, err)) {
    return false;
  }
  *out = play_booster_schedule(&st, now_unix_ms);
  return true;
}

// Techniques the player got wrong at least once (a verdict or a technique answer).
static TechniqueSet missed_techniques(Store *store, int64_t player_id) {
  StoreTechniqueStatList stats;
  char *err = NULL;
  TechniqueSet missed = 0;
  if (!store_technique_stats(store, player_id, &stats, &err)) {
    log_warn("technique stats not read for the booster: %s", err ? err : "?");
    free(err);
    return 0;
  }
  for (size_t i = 0; i < stats.count; i++) {
    const StoreTechniqueStat *s = &stats.items[i];
    Technique t;
    if (technique_from_name(s->name, &t) &&
        (s->verdicts_correct < s->verdicts || s->questions_correct < s->questions)) {
      missed |= 1u << t;
    }
  }
  store_technique_stat_list_free(&stats);
  return missed;
}

// A pack's unseen, drawable items split three ways.
typedef struct Candidates {
  const PackItem **fakes_missed, **fakes_other, **reals;
  size_t n_missed, n_other, n_real;
} Candidates;

static void candidates_free(Candidates *c) {
  free(c->fakes_missed);
  free(c->fakes_other);
  free(c->reals);
  *c = (Candidates){0};
}

static bool candidates_of(const PlayBoosterSpec *spec, const Pack *pack, TechniqueSet missed, Candidates *c) {
  *c = (Candidates){0};
  StoreItemStatList seen;
  char *err = NULL;
  if (!store_item_history(spec->store, spec->player_id, pack->id, &seen, &err)) {
    log_warn("history not read for the booster: %s", err ? err : "?");
    free(err);
    return false;
  }
  size_t n = pack->item_count ? pack->item_count : 1;
  c->fakes_missed = xmalloc(n * sizeof *c->fakes_missed);
  c->fakes_other = xmalloc(n * sizeof *c->fakes_other);
  c->reals = xmalloc(n * sizeof *c->reals);
  for (size_t i = 0; i < pack->item_count; i++) {
    const PackItem *it = &pack->items[i];
    if (store_item_stat_find(&seen, it->id) || play_run_fake_shown(spec->run, pack->id, it->id)) {
      continue;
    }
    if (it->answer == PACK_ANSWER_REAL) {
      c->reals[c->n_real++] = it;
    } else if (it->techniques & missed) {
      c->fakes_missed[c->n_missed++] = it;
    } else {
      c->fakes_other[c->n_other++] = it;
    }
  }
  store_item_stat_list_free(&seen);
  return true;
}

// Takes up to `want` of `pool` (shuffled) into items; returns how many.
static size_t take(Rng *rng, const PackItem **pool, size_t n, size_t want, const PackItem **items, size_t *count) {
  rng_shuffle(rng, pool, n, sizeof *pool);
  size_t k = 0;
  for (; k < n && k < want; k++) {
    items[(*count)++] = pool[k];
  }
  return k;
}

// The best pack: most unseen fakes of missed techniques, then most unseen items.
static const Pack *choose_pack(const PlayBoosterSpec *spec, TechniqueSet missed, Candidates *best) {
  const Pack *chosen = NULL;
  *best = (Candidates){0};
  for (size_t p = 0; p < spec->pack_count; p++) {
    const Pack *pack = spec->packs[p];
    Candidates c;
    if (!pack || pack->kind != PACK_KIND_PRACTICE || !candidates_of(spec, pack, missed, &c)) {
      continue;
    }
    size_t total = c.n_missed + c.n_other + c.n_real;
    size_t best_total = best->n_missed + best->n_other + best->n_real;
    if (total > 0 && (!chosen || c.n_missed > best->n_missed || (c.n_missed == best->n_missed && total > best_total))) {
      candidates_free(best);
      *best = c;
      chosen = pack;
    } else {
      candidates_free(&c);
    }
  }
  return chosen;
}

PlaySession *play_booster_create(const PlayBoosterSpec *spec, char **err) {
  *err = NULL;
  if (!spec->store || spec->player_id <= 0) {
    *err = xstrdup(_("A booster needs a player's history."));
    return NULL;
  }
  TechniqueSet missed = missed_techniques(spec->store, spec->player_id);
  Candidates c;
  const Pack *pack = choose_pack(spec, missed, &c);
  if (!pack) {
    *err = xstrdup(_("You have seen every headline: there is nothing new for a booster."));
    return NULL;
  }
  Rng rng;
  rng_seed(&rng, spec->seed);
  const PackItem *items[PLAY_BOOSTER_ITEMS];
  size_t count = 0;
  size_t fakes = take(&rng, c.fakes_missed, c.n_missed, PLAY_BOOSTER_FAKES, items, &count);
  fakes += take(&rng, c.fakes_other, c.n_other, PLAY_BOOSTER_FAKES - fakes, items, &count);
  take(&rng, c.reals, c.n_real, PLAY_BOOSTER_ITEMS - fakes, items, &count);
  candidates_free(&c);
  rng_shuffle(&rng, items, count, sizeof *items);
  RoundSettings rs = round_settings_default(pack);
  rs.questions = (int)count;
  rs.seconds_per_question = PLAY_BOOSTER_SECONDS;
  rs.speed_bonus = false;
  PlaySessionSpec ss = {.store = spec->store,
                        .player_id = spec->player_id,
                        .pack = pack,
                        .settings = rs,
                        .seed = spec->seed,
                        .started_unix_ms = spec->started_unix_ms,
                        .run = spec->run,
                        .items = items,
                        .item_count = count,
                        .booster_step = spec->step > 0 ? spec->step : 1};
  return play_session_create(&ss, err);
}

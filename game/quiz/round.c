#include "quiz/round.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"

struct Round {
  const Pack *pack;
  RoundSettings settings;
  const PackItem **items;  // the round's questions, in the order asked
  size_t count;
  RoundAnswer *results;  // one slot per question; the first `result_count` are filled
  size_t result_count;
  size_t index;
  RoundState state;
  int64_t start_ms;         // when the current question was shown
  int64_t paused_total_ms;  // paused time of the current question so far
  int64_t pause_start_ms;
  bool paused;
  int64_t elapsed_at_answer_ms;  // frozen timer shown during feedback
  int score;
};

// History tiers, in the order items are preferred.
enum { TIER_UNSEEN, TIER_MISSED, TIER_REST, TIER_COUNT };

RoundSettings round_settings_default(const Pack *pack) {
  RoundSettings s = {
      .questions = ROUND_DEFAULT_QUESTIONS,
      .seconds_per_question = ROUND_DEFAULT_SECONDS,
      .speed_bonus = true,
      .fixed_order = false,
  };
  if (pack && pack->kind == PACK_KIND_ASSESSMENT) {
    // A validated test such as the MIST-20 is taken without a clock unless
    // the pack itself sets one: a time limit changes the instrument.
    s.seconds_per_question = 0;
  }
  if (pack && pack->round_questions > 0) {
    s.questions = pack->round_questions;
  }
  if (pack && pack->round_seconds > 0) {
    s.seconds_per_question = pack->round_seconds;
  }
  return s;
}

bool round_settings_check(const RoundSettings *s, char **err) {
  if (s->questions < 1) {
    *err = xasprintf(_("A round needs at least one question (got %d)."), s->questions);
    return false;
  }
  int sec = s->seconds_per_question;
  if (sec != 0 && (sec < ROUND_SECONDS_MIN || sec > ROUND_SECONDS_MAX)) {
    *err = xasprintf(_("Seconds per question must be between %d and %d, or 0 for no time limit (got %d)."),
                     ROUND_SECONDS_MIN, ROUND_SECONDS_MAX, sec);
    return false;
  }
  return true;
}

static int history_cmp(const void *a, const void *b) {
  const RoundHistoryEntry *x = *(const RoundHistoryEntry *const *)a;
  const RoundHistoryEntry *y = *(const RoundHistoryEntry *const *)b;
  return strcmp(x->item_id, y->item_id);
}

static int history_key_cmp(const void *key, const void *elem) {
  const RoundHistoryEntry *e = *(const RoundHistoryEntry *const *)elem;
  return strcmp(key, e->item_id);
}

// A sorted view of the history so each item's lookup is a binary search.
typedef struct HistoryIndex {
  const RoundHistoryEntry **sorted;
  size_t count;
} HistoryIndex;

static HistoryIndex history_index_build(const RoundHistory *h) {
  HistoryIndex idx = {0};
  if (!h || h->count == 0) {
    return idx;
  }
  idx.sorted = xmalloc(h->count * sizeof *idx.sorted);
  for (size_t i = 0; i < h->count; i++) {
    if (h->entries[i].item_id) {
      idx.sorted[idx.count++] = &h->entries[i];
    }
  }
  qsort(idx.sorted, idx.count, sizeof *idx.sorted, history_cmp);
  return idx;
}

static int history_tier(const HistoryIndex *idx, const PackItem *item) {
  if (!item->id || idx->count == 0) {
    return TIER_UNSEEN;
  }
  const RoundHistoryEntry *const *found =
      bsearch(item->id, idx->sorted, idx->count, sizeof *idx->sorted, history_key_cmp);
  if (!found || (*found)->times_seen <= 0) {
    return TIER_UNSEEN;
  }
  // An item missed once but answered right since has been learned: only the
  // latest answer decides.
  return (*found)->last_correct ? TIER_REST : TIER_MISSED;
}

// Appends up to `want` items with the given answer to r->items, preferring
// lower history tiers, random within a tier.
static void draw_class(Round *r, PackAnswer answer, size_t want, const HistoryIndex *hist, Rng *rng) {
  const Pack *pack = r->pack;
  size_t n = 0;
  const PackItem **pool = xmalloc(pack->item_count * sizeof *pool);
  for (size_t i = 0; i < pack->item_count; i++) {
    if (pack->items[i].answer == answer) {
      pool[n++] = &pack->items[i];
    }
  }
  // Shuffle first, then take tier by tier in the shuffled order: this is
  // "random within each tier" without a stable sort.
  rng_shuffle(rng, pool, n, sizeof *pool);
  for (int tier = 0; tier < TIER_COUNT && want > 0; tier++) {
    for (size_t i = 0; i < n && want > 0; i++) {
      if (history_tier(hist, pool[i]) == tier) {
        r->items[r->count++] = pool[i];
        want--;
      }
    }
  }
  free(pool);
}

static void draw_practice(Round *r, const RoundHistory *history, Rng *rng) {
  const Pack *pack = r->pack;
  size_t total = pack->item_count;
  size_t n = (size_t)r->settings.questions < total ? (size_t)r->settings.questions : total;
  size_t have_real = pack_count_answer(pack, PACK_ANSWER_REAL);
  size_t have_fake = total - have_real;

  size_t want_real = n / 2;
  if (n % 2 == 1 && rng_below(rng, 2) == 1) {
    want_real++;
  }
  if (want_real > have_real) {
    want_real = have_real;
  }
  size_t want_fake = n - want_real;
  if (want_fake > have_fake) {
    want_fake = have_fake;
    want_real = n - want_fake;  // n <= total, so the real items suffice
  }

  HistoryIndex hist = history_index_build(history);
  draw_class(r, PACK_ANSWER_REAL, want_real, &hist, rng);
  draw_class(r, PACK_ANSWER_FABRICATED, want_fake, &hist, rng);
  free(hist.sorted);
  assert(r->count == n);
  rng_shuffle(rng, r->items, r->count, sizeof *r->items);
}

static void draw_assessment(Round *r, Rng *rng) {
  for (size_t i = 0; i < r->pack->item_count; i++) {
    r->items[r->count++] = &r->pack->items[i];
  }
  if (!r->settings.fixed_order) {
    rng_shuffle(rng, r->items, r->count, sizeof *r->items);
  }
}

Round *round_create(const Pack *pack, const RoundSettings *settings, const RoundHistory *history, Rng *rng,
                    char **err) {
  assert(pack && settings && rng && err);
  *err = NULL;
  if (!round_settings_check(settings, err)) {
    return NULL;
  }
  if (pack->item_count == 0) {
    *err = xstrdup(_("This pack has no items to play."));
    return NULL;
  }
  Round *r = xcalloc(1, sizeof *r);
  r->pack = pack;
  r->settings = *settings;
  r->items = xmalloc(pack->item_count * sizeof *r->items);
  if (pack->kind == PACK_KIND_ASSESSMENT) {
    draw_assessment(r, rng);
  } else {
    draw_practice(r, history, rng);
  }
  r->results = xcalloc(r->count, sizeof *r->results);
  r->state = ROUND_STATE_READY;
  return r;
}

void round_destroy(Round *round) {
  if (!round) {
    return;
  }
  free(round->items);
  free(round->results);
  free(round);
}

RoundState round_state(const Round *round) {
  return round->state;
}
bool round_is_finished(const Round *round) {
  return round->state == ROUND_STATE_FINISHED;
}
const Pack *round_pack(const Round *round) {
  return round->pack;
}
const RoundSettings *round_settings(const Round *round) {
  return &round->settings;
}
bool round_shows_feedback(const Round *round) {
  return round->pack->kind != PACK_KIND_ASSESSMENT;
}
size_t round_count(const Round *round) {
  return round->count;
}
size_t round_index(const Round *round) {
  return round->index;
}

const PackItem *round_item(const Round *round, size_t i) {
  assert(i < round->count);
  return round->items[i];
}

const PackItem *round_current_item(const Round *round) {
  return round->state == ROUND_STATE_FINISHED ? NULL : round->items[round->index];
}

int64_t round_time_limit_ms(const Round *round) {
  return (int64_t)round->settings.seconds_per_question * 1000;
}

int64_t round_elapsed_ms(const Round *round, int64_t now_ms) {
  switch (round->state) {
  case ROUND_STATE_READY:
  case ROUND_STATE_FINISHED:
    return 0;
  case ROUND_STATE_FEEDBACK:
    return round->elapsed_at_answer_ms;
  case ROUND_STATE_QUESTION:
    break;
  }
  int64_t until = round->paused ? round->pause_start_ms : now_ms;
  int64_t e = until - round->start_ms - round->paused_total_ms;
  return e < 0 ? 0 : e;  // a clock that steps back must not give negative times
}

int64_t round_time_left_ms(const Round *round, int64_t now_ms) {
  int64_t limit = round_time_limit_ms(round);
  if (limit == 0) {
    return -1;
  }
  int64_t left = limit - round_elapsed_ms(round, now_ms);
  return left < 0 ? 0 : left;
}

int round_points_for(bool correct, bool speed_bonus, int64_t limit_ms, int64_t left_ms) {
  if (!correct) {
    return 0;
  }
  if (!speed_bonus || limit_ms <= 0 || left_ms <= 0) {
    return ROUND_POINTS_CORRECT;
  }
  if (left_ms > limit_ms) {
    left_ms = limit_ms;
  }
  // Integer ceiling keeps the exact values 150/125/100 free of float rounding.
  int64_t bonus = (ROUND_POINTS_SPEED_MAX * left_ms + limit_ms - 1) / limit_ms;
  return ROUND_POINTS_CORRECT + (int)bonus;
}

bool round_start_question(Round *round, int64_t now_ms) {
  if (round->state != ROUND_STATE_READY) {
    return false;
  }
  round->state = ROUND_STATE_QUESTION;
  round->start_ms = now_ms;
  round->paused_total_ms = 0;
  round->paused = false;
  round->elapsed_at_answer_ms = 0;
  return true;
}

// Closes the open question with the given result; `answered` false = time-out.
static void record(Round *round, bool answered, PackAnswer given, int64_t elapsed, RoundAnswer *out) {
  int64_t limit = round_time_limit_ms(round);
  const PackItem *item = round->items[round->index];
  RoundAnswer *a = &round->results[round->index];
  a->item = item;
  a->answered = answered;
  a->given = given;
  a->timed_out = !answered;
  a->correct = answered && given == item->answer;
  a->response_ms = elapsed;
  a->points = round_points_for(a->correct, round->settings.speed_bonus, limit, limit > 0 ? limit - elapsed : 0);
  round->score += a->points;
  round->result_count = round->index + 1;
  round->elapsed_at_answer_ms = elapsed;
  round->paused = false;
  round->state = ROUND_STATE_FEEDBACK;
  if (out) {
    *out = *a;
  }
}

bool round_answer(Round *round, PackAnswer answer, int64_t now_ms, RoundAnswer *out) {
  if (round->state != ROUND_STATE_QUESTION || round->paused) {
    return false;
  }
  int64_t limit = round_time_limit_ms(round);
  int64_t elapsed = round_elapsed_ms(round, now_ms);
  if (limit > 0 && elapsed > limit) {
    // The frame's tick had not yet noticed: the time-out wins.
    record(round, false, PACK_ANSWER_REAL, limit, out);
  } else {
    record(round, true, answer, elapsed, out);
  }
  return true;
}

bool round_tick(Round *round, int64_t now_ms, RoundAnswer *out) {
  int64_t limit = round_time_limit_ms(round);
  if (round->state != ROUND_STATE_QUESTION || round->paused || limit == 0) {
    return false;
  }
  if (round_elapsed_ms(round, now_ms) < limit) {
    return false;
  }
  record(round, false, PACK_ANSWER_REAL, limit, out);
  return true;
}

bool round_pause(Round *round, int64_t now_ms) {
  if (round->state != ROUND_STATE_QUESTION || round->paused) {
    return false;
  }
  round->paused = true;
  round->pause_start_ms = now_ms;
  return true;
}

bool round_resume(Round *round, int64_t now_ms) {
  if (round->state != ROUND_STATE_QUESTION || !round->paused) {
    return false;
  }
  if (now_ms > round->pause_start_ms) {
    round->paused_total_ms += now_ms - round->pause_start_ms;
  }
  round->paused = false;
  return true;
}

bool round_is_paused(const Round *round) {
  return round->paused;
}

bool round_next(Round *round) {
  if (round->state != ROUND_STATE_FEEDBACK) {
    return false;
  }
  round->index++;
  if (round->index >= round->count) {
    round->state = ROUND_STATE_FINISHED;
    return false;
  }
  round->state = ROUND_STATE_READY;
  return true;
}

int round_score(const Round *round) {
  return round->score;
}

int round_max_score(const Round *round) {
  bool bonus = round->settings.speed_bonus && round->settings.seconds_per_question > 0;
  return (int)round->count * (ROUND_POINTS_CORRECT + (bonus ? ROUND_POINTS_SPEED_MAX : 0));
}

size_t round_result_count(const Round *round) {
  return round->result_count;
}

const RoundAnswer *round_result(const Round *round, size_t i) {
  assert(i < round->result_count);
  return &round->results[i];
}

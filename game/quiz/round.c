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
      .real_percent = ROUND_DEFAULT_REAL_PERCENT,
      .real_spread = ROUND_DEFAULT_REAL_SPREAD,
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
  if (pack && pack->round_real_percent > 0 && pack->round_real_percent <= 100) {
    s.real_percent = pack->round_real_percent;
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
  if (s->real_percent < 0 || s->real_percent > 100) {
    *err = xasprintf(_("The share of real headlines must be between 0 and 100 %% (got %d)."), s->real_percent);
    return false;
  }
  if (s->real_spread < 0 || s->real_spread > ROUND_REAL_SPREAD_MAX) {
    *err = xasprintf(_("The spread of the real share must be between 0 and %d points (got %d)."), ROUND_REAL_SPREAD_MAX,
                     s->real_spread);
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
  const char **excluded;  // sorted ids never to draw
  size_t excluded_count;
} HistoryIndex;

static int id_cmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static HistoryIndex history_index_build(const RoundHistory *h) {
  HistoryIndex idx = {0};
  if (!h) {
    return idx;
  }
  if (h->count > 0) {
    idx.sorted = xmalloc(h->count * sizeof *idx.sorted);
    for (size_t i = 0; i < h->count; i++) {
      if (h->entries[i].item_id) {
        idx.sorted[idx.count++] = &h->entries[i];
      }
    }
    qsort(idx.sorted, idx.count, sizeof *idx.sorted, history_cmp);
  }
  if (h->excluded_count > 0) {
    idx.excluded = xmalloc(h->excluded_count * sizeof *idx.excluded);
    for (size_t i = 0; i < h->excluded_count; i++) {
      if (h->excluded[i]) {
        idx.excluded[idx.excluded_count++] = h->excluded[i];
      }
    }
    qsort(idx.excluded, idx.excluded_count, sizeof *idx.excluded, id_cmp);
  }
  return idx;
}

static void history_index_free(HistoryIndex *idx) {
  free(idx->sorted);
  free(idx->excluded);
}

static bool history_excludes(const HistoryIndex *idx, const PackItem *item) {
  return item->id && idx->excluded_count > 0 &&
         bsearch(&item->id, idx->excluded, idx->excluded_count, sizeof *idx->excluded, id_cmp) != NULL;
}

// Items of the pack with `answer` that may be drawn.
static size_t count_drawable(const Pack *pack, PackAnswer answer, const HistoryIndex *idx) {
  size_t n = 0;
  for (size_t i = 0; i < pack->item_count; i++) {
    n += pack->items[i].answer == answer && !history_excludes(idx, &pack->items[i]);
  }
  return n;
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
    if (pack->items[i].answer == answer && !history_excludes(hist, &pack->items[i])) {
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

// Whether `x` more items of the class that ends the sequence with a run of
// `run` and `y` of the other can still follow with no run over ROUND_MAX_RUN:
// the run's class fills up to ROUND_MAX_RUN - run now and ROUND_MAX_RUN
// after each item of the other class, which in turn needs the first.
static bool order_feasible(size_t x, size_t y, size_t run) {
  return x <= (ROUND_MAX_RUN - run) + ROUND_MAX_RUN * y && y <= ROUND_MAX_RUN * (x + 1);
}

// Orders the drawn items (real ones first in r->items, then fabricated, each
// class already shuffled): at each place a class is drawn in proportion to
// what is left of it, among the classes that keep the rest arrangeable with
// no run over ROUND_MAX_RUN (the larger class when none can).
static void order_practice(Round *r, size_t real, Rng *rng) {
  const PackItem **drawn = xmalloc(r->count * sizeof *drawn);
  memcpy(drawn, r->items, r->count * sizeof *drawn);
  size_t left[2] = {real, r->count - real};  // [0] real, [1] fabricated
  size_t next[2] = {0, real};
  int last = -1;
  size_t run = 0;
  for (size_t i = 0; i < r->count; i++) {
    bool ok[2];
    for (int c = 0; c < 2; c++) {
      size_t run_after = c == last ? run + 1 : 1;
      ok[c] = left[c] > 0 && run_after <= ROUND_MAX_RUN && order_feasible(left[c] - 1, left[1 - c], run_after);
    }
    int pick;
    if (ok[0] && ok[1]) {
      pick = rng_below(rng, (uint32_t)(left[0] + left[1])) < left[0] ? 0 : 1;
    } else if (ok[0] || ok[1]) {
      pick = ok[0] ? 0 : 1;
    } else {
      pick = left[0] >= left[1] ? 0 : 1;  // no order avoids a long run: do the least harm
    }
    r->items[i] = drawn[next[pick]++];
    left[pick]--;
    run = pick == last ? run + 1 : 1;
    last = pick;
  }
  free(drawn);
}

// The real items wanted in a round of n: the share moved by the seeded spread.
static size_t want_real_for(const RoundSettings *s, size_t n, Rng *rng) {
  int percent = s->real_percent;
  if (s->real_spread > 0) {
    percent += (int)rng_below(rng, (uint32_t)(2 * s->real_spread + 1)) - s->real_spread;
  }
  percent = percent < 0 ? 0 : percent > 100 ? 100 : percent;
  return (n * (size_t)percent + 50) / 100;
}

static void draw_practice(Round *r, const RoundHistory *history, Rng *rng) {
  const Pack *pack = r->pack;
  HistoryIndex hist = history_index_build(history);
  size_t have_real = count_drawable(pack, PACK_ANSWER_REAL, &hist);
  size_t have_fake = count_drawable(pack, PACK_ANSWER_FABRICATED, &hist);
  size_t total = have_real + have_fake;
  size_t n = (size_t)r->settings.questions < total ? (size_t)r->settings.questions : total;

  size_t want_real = want_real_for(&r->settings, n, rng);
  if (want_real > have_real) {
    want_real = have_real;
  }
  size_t want_fake = n - want_real;
  if (want_fake > have_fake) {
    want_fake = have_fake;
    want_real = n - want_fake;  // n <= total, so the real items suffice
  }

  draw_class(r, PACK_ANSWER_REAL, want_real, &hist, rng);
  draw_class(r, PACK_ANSWER_FABRICATED, want_fake, &hist, rng);
  history_index_free(&hist);
  assert(r->count == n);
  order_practice(r, want_real, rng);
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
  if (r->count == 0) {
    *err = xstrdup(_("Every headline of this pack has been shown in this session: choose another pack."));
    round_destroy(r);
    return NULL;
  }
  r->results = xcalloc(r->count, sizeof *r->results);
  r->state = ROUND_STATE_READY;
  return r;
}

Round *round_create_from_items(const Pack *pack, const RoundSettings *settings, const PackItem *const *items,
                               size_t count, char **err) {
  assert(pack && settings && err);
  *err = NULL;
  if (!round_settings_check(settings, err)) {
    return NULL;
  }
  if (count == 0) {
    *err = xstrdup(_("This pack has no items to play."));
    return NULL;
  }
  Round *r = xcalloc(1, sizeof *r);
  r->pack = pack;
  r->settings = *settings;
  r->items = xmalloc(count * sizeof *r->items);
  memcpy(r->items, items, count * sizeof *r->items);
  r->count = count;
  r->results = xcalloc(count, sizeof *r->results);
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

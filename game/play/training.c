// The optional taps after a verdict (confidence, "Which technique?") and
// the summary: calibration, per-technique accuracy, the stamped review.

#include "play/training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "play/session_internal.h"

_Static_assert((int)PLAY_CONFIDENCE_SURE == (int)STORE_CONFIDENCE_SURE &&
                   (int)PLAY_CONFIDENCE_THINK == (int)STORE_CONFIDENCE_THINK &&
                   (int)PLAY_CONFIDENCE_GUESS == (int)STORE_CONFIDENCE_GUESS,
               "confidence levels are stored as they are");
_Static_assert(PLAY_TECHNIQUE_CHOICES == 3, "three choices, as PlayTechniqueQuestion holds");

const char *play_confidence_label(PlayConfidence c) {
  switch (c) {
  case PLAY_CONFIDENCE_SURE:
    return _("Sure");
  case PLAY_CONFIDENCE_THINK:
    return _("I think so");
  case PLAY_CONFIDENCE_GUESS:
    return _("Guessing");
  case PLAY_CONFIDENCE_NONE:
  case PLAY_CONFIDENCE_COUNT:
    break;
  }
  return "";
}

// The latest result while its feedback is on screen (or after the last
// question), with its index; NULL when there is none to tap on.
static const RoundAnswer *latest(const PlaySession *s, size_t *index) {
  if (!s->round) {
    return NULL;
  }
  RoundState st = round_state(s->round);
  size_t n = round_result_count(s->round);
  if (n == 0 || (st != ROUND_STATE_FEEDBACK && st != ROUND_STATE_FINISHED)) {
    return NULL;
  }
  *index = n - 1;
  return round_result(s->round, n - 1);
}

bool play_session_confidence(PlaySession *s, PlayConfidence c) {
  size_t i;
  const RoundAnswer *a = latest(s, &i);
  if (!a || !a->answered || c <= PLAY_CONFIDENCE_NONE || c >= PLAY_CONFIDENCE_COUNT) {
    return false;
  }
  s->extras[i].confidence = (StoreConfidence)c;
  char *err = NULL;
  if (s->store && s->round_id > 0 &&
      !store_answer_set_confidence(s->store, s->round_id, (int)i, (StoreConfidence)c, &err)) {
    play_session_save_failed_now(s, "confidence not saved", err);
  }
  return true;
}

// The item's techniques as a list; returns how many.
static int techniques_of(TechniqueSet set, Technique *out) {
  int n = 0;
  for (int t = 0; t < TECHNIQUE_COUNT; t++) {
    if (set & (1u << t)) {
      out[n++] = (Technique)t;
    }
  }
  return n;
}

// False when the vocabulary has too few techniques the item does not show
// for two distractors (a pack may list nearly all of them on one item).
static bool make_question(PlaySession *s, PlayExtra *x, const PackItem *item) {
  Technique own[TECHNIQUE_COUNT], others[TECHNIQUE_COUNT];
  int n_own = techniques_of(item->techniques, own);
  int n_others = techniques_of(~item->techniques & ((1u << TECHNIQUE_COUNT) - 1), others);
  if (n_own == 0 || n_others < PLAY_TECHNIQUE_CHOICES - 1) {
    return false;
  }
  Technique right = own[rng_below(&s->taps_rng, (uint32_t)n_own)];
  rng_shuffle(&s->taps_rng, others, (size_t)n_others, sizeof *others);
  x->choices[0] = right;
  x->choices[1] = others[0];
  x->choices[2] = others[1];
  rng_shuffle(&s->taps_rng, x->choices, PLAY_TECHNIQUE_CHOICES, sizeof *x->choices);
  for (int k = 0; k < PLAY_TECHNIQUE_CHOICES; k++) {
    if (x->choices[k] == right) {
      x->right = k;
    }
  }
  x->technique_offered = true;
  return true;
}

bool play_session_technique_question(PlaySession *s, PlayTechniqueQuestion *out) {
  size_t i;
  const RoundAnswer *a = latest(s, &i);
  if (!a || !round_shows_feedback(s->round) || a->item->answer != PACK_ANSWER_FABRICATED || a->item->techniques == 0) {
    return false;
  }
  PlayExtra *x = &s->extras[i];
  if (!x->technique_offered && !make_question(s, x, a->item)) {
    return false;
  }
  out->item = a->item;
  memcpy(out->choices, x->choices, sizeof out->choices);
  out->right = x->right;
  return true;
}

bool play_session_technique_answer(PlaySession *s, Technique chosen, bool *right) {
  PlayTechniqueQuestion q;
  size_t i;
  if (!play_session_technique_question(s, &q) || !latest(s, &i) || s->extras[i].technique_answered) {
    return false;
  }
  int k = 0;
  while (k < PLAY_TECHNIQUE_CHOICES && q.choices[k] != chosen) {
    k++;
  }
  if (k == PLAY_TECHNIQUE_CHOICES) {
    return false;
  }
  PlayExtra *x = &s->extras[i];
  x->technique_answered = true;
  x->technique_given = chosen;
  if (right) {
    *right = k == q.right;
  }
  char *err = NULL;
  if (s->store && s->round_id > 0 &&
      !store_answer_set_technique(s->store, s->round_id, (int)i, technique_name(q.choices[q.right]),
                                  technique_name(chosen), &err)) {
    play_session_save_failed_now(s, "technique answer not saved", err);
  }
  return true;
}

// ---- the summary --------------------------------------------------------------

bool play_calibration_sentence(const PlayCalibration *c, PlayConfidence level, char *buf, size_t size) {
  if (size > 0) {
    buf[0] = '\0';
  }
  if (level <= PLAY_CONFIDENCE_NONE || level >= PLAY_CONFIDENCE_COUNT || c->given[level] == 0 || size == 0) {
    return false;
  }
  int n = c->given[level], k = c->correct[level];
  unsigned long plural = (unsigned long)n;
  int len;
  switch (level) {
  case PLAY_CONFIDENCE_SURE:
    len = snprintf(buf, size,
                   ngettext("When you were sure, you were right %d of %d time.",
                            "When you were sure, you were right %d of %d times.", plural),
                   k, n);
    break;
  case PLAY_CONFIDENCE_THINK:
    len = snprintf(buf, size,
                   ngettext("When you thought so, you were right %d of %d time.",
                            "When you thought so, you were right %d of %d times.", plural),
                   k, n);
    break;
  default:
    len = snprintf(buf, size,
                   ngettext("When you were guessing, you were right %d of %d time.",
                            "When you were guessing, you were right %d of %d times.", plural),
                   k, n);
    break;
  }
  return len >= 0 && (size_t)len < size;
}

static void add_review(PlaySummary *sum, const RoundAnswer *a) {
  const PackItem *it = a->item;
  bool fake = it->answer == PACK_ANSWER_FABRICATED;
  sum->review[sum->review_count++] = (PlayReviewEntry){
      .item = it,
      .stamp = fake ? PLAY_STAMP_FALSE : PLAY_STAMP_TRUE,
      .believed = fake && a->answered && a->given == PACK_ANSWER_REAL,
      .rejected = !fake && a->answered && a->given == PACK_ANSWER_FABRICATED,
      .timed_out = !a->answered,
      .true_fact = it->explanation,
      .source = fake ? NULL : it->outlet,
  };
}

// Fills the review in its three groups: believed fakes, rejected real
// headlines, time-outs.
static void build_review(PlaySummary *sum, const Round *r) {
  size_t n = round_result_count(r);
  sum->review = xcalloc(n ? n : 1, sizeof *sum->review);
  for (int group = 0; group < 3; group++) {
    for (size_t i = 0; i < n; i++) {
      const RoundAnswer *a = round_result(r, i);
      bool fake = a->item->answer == PACK_ANSWER_FABRICATED;
      bool in = group == 0   ? a->answered && fake && a->given == PACK_ANSWER_REAL
                : group == 1 ? a->answered && !fake && a->given == PACK_ANSWER_FABRICATED
                             : !a->answered;
      if (in) {
        add_review(sum, a);
        sum->believed_count += group == 0;
        sum->rejected_count += group == 1;
      }
    }
  }
}

PlaySummary *play_summary_create(const PlaySession *s) {
  if (!s->round) {
    return NULL;
  }
  const Round *r = s->round;
  PlaySummary *sum = xcalloc(1, sizeof *sum);
  sum->measures = measures_create_from_round(r);
  int64_t total_ms = 0;
  int answered = 0;
  for (size_t i = 0; i < round_result_count(r); i++) {
    const RoundAnswer *a = round_result(r, i);
    const PlayExtra *x = &s->extras[i];
    if (a->answered) {
      total_ms += a->response_ms;
      answered++;
      sum->calibration.given[x->confidence]++;
      sum->calibration.correct[x->confidence] += a->correct;
    }
    for (int t = 0; t < TECHNIQUE_COUNT; t++) {
      if (a->item->answer == PACK_ANSWER_FABRICATED && (a->item->techniques & (1u << t))) {
        sum->techniques[t].verdicts++;
        sum->techniques[t].verdicts_correct += a->correct;
      }
    }
    if (x->technique_answered) {
      PlayTechniqueScore *ts = &sum->techniques[x->choices[x->right]];
      ts->questions++;
      ts->questions_correct += x->technique_given == x->choices[x->right];
    }
  }
  sum->mean_response_ms = answered > 0 ? total_ms / answered : 0;
  build_review(sum, r);
  sum->lean = play_lean_of(sum->measures, sum->mean_response_ms);
  return sum;
}

void play_summary_destroy(PlaySummary *sum) {
  if (!sum) {
    return;
  }
  measures_destroy(sum->measures);
  free(sum->review);
  free(sum);
}

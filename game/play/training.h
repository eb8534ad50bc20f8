#pragma once
// Training that rewards discernment, not cynicism: the optional taps after a
// verdict and what the summary shows. No SDL; the screens call this.
//
// After each verdict (the round is in ROUND_STATE_FEEDBACK) a screen may offer:
//   1. the confidence tap (sure / think so / guessing), optional:
//        play_session_confidence(session, PLAY_CONFIDENCE_SURE)
//   2. for a fabricated headline that names a technique, "Which technique?"
//      with three choices, optional, scored apart from real/fake:
//        PlayTechniqueQuestion q;
//        if (play_session_technique_question(session, &q)) { show q.choices }
//        play_session_technique_answer(session, q.choices[k], &right)
// Both are stored with the answer (the store's schema 4) at once. Both may be
// skipped: nothing is stored, and a skipped technique question does not count.
//
// After the last question: PlaySummary *sum = play_summary_create(session)
// (before play_session_take_round), then play_summary_destroy(sum).

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "play/session.h"
#include "quiz/measures.h"
#include "quiz/technique.h"

// ---- confidence ------------------------------------------------------------------

typedef enum PlayConfidence {
  PLAY_CONFIDENCE_NONE,   // not tapped
  PLAY_CONFIDENCE_SURE,   // "Sure"
  PLAY_CONFIDENCE_THINK,  // "I think so"
  PLAY_CONFIDENCE_GUESS,  // "Guessing"
  PLAY_CONFIDENCE_COUNT
} PlayConfidence;

// The button label of a level, translated ("Sure", "I think so", "Guessing").
const char *play_confidence_label(PlayConfidence c);

// Stores how sure the player was of the verdict just given (the latest
// result; the tap may change it until the next question starts). False
// (nothing stored) when there is no answered verdict to rate: no result
// yet, the time ran out, the next question already started, or c is not
// SURE, THINK or GUESS.
bool play_session_confidence(PlaySession *session, PlayConfidence c);

// ---- "Which technique?" ---------------------------------------------------------------

typedef struct PlayTechniqueQuestion {
  const PackItem *item;  // the fabricated headline just revealed (borrowed)
  Technique choices[3];  // shown in this order
  int right;             // index of the item's technique in choices
} PlayTechniqueQuestion;

// The question for the latest result: the item's technique (one of them,
// chosen with the round's seed when it has several) and two distractors
// drawn with the seed from the rest of the vocabulary (never another of the
// item's own), in a seeded order. The same question every call for a
// question. False when it does not apply: the latest result is not a
// fabricated item with a technique (and at least two it does not show),
// the round is an assessment (nothing is
// revealed before the end), or the next question has started.
bool play_session_technique_question(PlaySession *session, PlayTechniqueQuestion *out);
// The player chose `chosen` (one of the choices): stored, *right (nullable)
// says whether it was the item's technique. False when there is no open
// question (see above), it was already answered, or `chosen` is not a choice.
bool play_session_technique_answer(PlaySession *session, Technique chosen, bool *right);

// ---- the summary --------------------------------------------------------------

// How often each confidence level was right (answered verdicts only).
typedef struct PlayCalibration {
  int given[PLAY_CONFIDENCE_COUNT];    // verdicts tapped with each level ([NONE]: not tapped)
  int correct[PLAY_CONFIDENCE_COUNT];  // of those, right
} PlayCalibration;

// One translated sentence for a level ("When you were sure, you were right
// 7 of 9 times."), false (buf "") when that level was never tapped.
bool play_calibration_sentence(const PlayCalibration *c, PlayConfidence level, char *buf, size_t size);

// Per technique: verdicts on fabricated headlines showing it, and answers
// to "Which technique?" whose right answer it was.
typedef struct PlayTechniqueScore {
  int verdicts, verdicts_correct;
  int questions, questions_correct;
} PlayTechniqueScore;

typedef enum PlayStamp {
  PLAY_STAMP_TRUE,   // a real headline: shown with a TRUE stamp and why it can be trusted
  PLAY_STAMP_FALSE,  // a fabricated one: ALWAYS shown with a FALSE stamp and the true fact
} PlayStamp;

// One headline of the review, in the order below.
typedef struct PlayReviewEntry {
  const PackItem *item;   // borrowed from the pack
  PlayStamp stamp;        // from the item's answer, whatever the player said
  bool believed;          // a fabricated headline called real
  bool rejected;          // a real headline called fabricated
  bool timed_out;         // no answer
  const char *true_fact;  // what is actually true (the item's explanation), borrowed
  const char *source;     // real items: the outlet, NULL when none (why it can be trusted)
} PlayReviewEntry;

typedef enum PlayLean {
  PLAY_LEAN_TOO_FEW,     // fewer than PLAY_LEAN_MIN_ANSWERS verdicts: nothing to say yet
  PLAY_LEAN_HASTY,       // answered faster than PLAY_LEAN_HASTY_MS on average without telling them apart
  PLAY_LEAN_SCEPTICAL,   // leans to "fabricated": c <= -PLAY_LEAN_BIAS
  PLAY_LEAN_TRUSTING,    // leans to "real": c >= PLAY_LEAN_BIAS
  PLAY_LEAN_DISCERNING,  // tells them apart: d' >= PLAY_LEAN_DISCERNING_D, no strong lean
  PLAY_LEAN_GUESSING,    // neither a lean nor discernment yet
} PlayLean;

#define PLAY_LEAN_MIN_ANSWERS 4
#define PLAY_LEAN_HASTY_MS 1500
#define PLAY_LEAN_BIAS 0.5
#define PLAY_LEAN_DISCERNING_D 1.0

typedef struct PlaySummary {
  Measures *measures;  // owned: V, r, f, d, n, d', c and the MIST view
  PlayCalibration calibration;
  PlayTechniqueScore techniques[TECHNIQUE_COUNT];
  // The review: every fabricated headline believed (stamped FALSE, with the
  // true fact), then every real headline rejected (as prominent: distrust is
  // an error too), then those left unanswered. Owned.
  PlayReviewEntry *review;
  size_t review_count;
  size_t believed_count;     // the first entries of review
  size_t rejected_count;     // the next ones
  int64_t mean_response_ms;  // answered questions only, 0 when none
  PlayLean lean;
} PlaySummary;

// The summary of the session's round so far (normally after the last
// question). NULL when the round was taken. Owned: play_summary_destroy.
PlaySummary *play_summary_create(const PlaySession *session);
void play_summary_destroy(PlaySummary *summary);  // NULL is a no-op

// The lean from the measures and the mean response time of the answered
// questions (rules in the PlayLean values above, checked in that order).
PlayLean play_lean_of(const Measures *m, int64_t mean_response_ms);
// The summary's lean sentence: whole translated sentences (with the counts)
// describing `lean` for these measures, e.g. "You leaned towards calling
// headlines fake: you rejected 4 of 6 real ones. ...". False when cut.
bool play_lean_sentence(PlayLean lean, const Measures *m, int64_t mean_response_ms, char *buf, size_t size);

// "Gains from practice": d' of a later block of answers minus d' of an
// earlier one is at least PLAY_GAIN_MIN_D_PRIME, and both blocks have
// answers of both kinds. *gain (nullable) gets the difference.
#define PLAY_GAIN_MIN_D_PRIME 0.5
bool play_gains_from_practice(const Measures *early, const Measures *late, double *gain);

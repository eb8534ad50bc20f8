#pragma once
// Discernment measures of a set of answers, all computed here and nowhere else.
//
// MIST view (Maertens et al. 2024, "Verification done"; see
// DOI 10.3758/s13428-023-02124-2), generalised from the 20-item test with
// 10 real / 10 fake to a round with R real and F fabricated items:
//   V  veracity discernment = number of correct answers       (0..R+F)
//   r  real news detection  = correct answers on real items     (0..R)
//   f  fake news detection  = correct answers on fabricated ones (0..F)
//   d  distrust = max(0, "fabricated" answers - F)
//   n  naivety  = max(0, "real" answers - R)
// With R = F = 10 and every item answered these are exactly MIST's
// d = max(0, fake answers - 10) and n = max(0, real answers - 10).
// Unanswered (timed-out) items count as wrong for V, r and f, and as neither a
// "real" nor a "fabricated" answer for d and n: running out of time is not
// evidence of trust or distrust.
//
// Plain counts (what the summary shows first): every item of a class is in
// exactly one of three piles, so each count has the class size as its
// denominator, the same everywhere:
//   real items       = trusted (r) + rejected (k_s) + ran out of time
//   fabricated items = caught (f)  + believed (k_t) + ran out of time
//
// Signal-detection view (shown beside V, never instead of it):
//   the signal is a fabricated headline ("detecting fakes"):
//   hit          = fabricated item answered "fabricated"
//   false alarm  = real item answered "fabricated"
//   Only answered items enter this view: a time-out is no decision, and
//   treating it as "said real" would shift c towards trusting.
//   Rates use the log-linear correction (Hautus 1995) so that rates of 0 or 1
//   stay finite: H = (hits + 0.5) / (answered fabricated + 1),
//   FA = (false alarms + 0.5) / (answered real + 1).
//   d' = z(H) - z(FA)         (0 = no discrimination, higher = better)
//   c  = -(z(H) + z(FA)) / 2  (> 0: leans to "real", trusting;
//                              < 0: leans to "fabricated", sceptical)
//
// Tendency (the pattern named on the summary screen), with k_s = real items
// called fabricated and k_t = fabricated items called real:
//   OUT_OF_TIME    more than half of the items were not answered
//   a kind of error is "notable" when its count is at least
//   max(MEASURES_TENDENCY_MIN_ERRORS, ceil(MEASURES_TENDENCY_SHARE * items of that class))
//   BOTH           both kinds notable
//   TOO_SKEPTICAL  only k_s notable
//   TOO_TRUSTING   only k_t notable
//   BALANCED       neither notable
// So in a 10-question round (5/5) two errors of one kind are named; in a
// 20-item test (10/10) three are.

#include <stdbool.h>
#include <stddef.h>

#include "quiz/pack.h"
#include "quiz/round.h"
#include "quiz/technique.h"

#define MEASURES_TENDENCY_MIN_ERRORS 2
#define MEASURES_TENDENCY_SHARE 0.25

// One answered (or unanswered) item.
typedef struct MeasureResponse {
  PackAnswer truth;         // what the item really is
  bool answered;            // false: no answer (timed out)
  PackAnswer given;         // the player's answer; ignored when !answered
  TechniqueSet techniques;  // the item's techniques (counted for fabricated items)
} MeasureResponse;

typedef enum MeasuresTendency {
  MEASURES_TENDENCY_BALANCED,
  MEASURES_TENDENCY_TOO_SKEPTICAL,  // called real headlines fabricated
  MEASURES_TENDENCY_TOO_TRUSTING,   // believed fabricated headlines
  MEASURES_TENDENCY_BOTH,           // many errors of both kinds
  MEASURES_TENDENCY_OUT_OF_TIME,    // most items left unanswered
} MeasuresTendency;

typedef struct TechniqueAccuracy {
  int total;    // fabricated items showing this technique
  int correct;  // of those, answered "fabricated"
} TechniqueAccuracy;

typedef struct Measures {
  // Counts.
  int total;             // items
  int real_items;        // R
  int fake_items;        // F
  int answered;          // items with an answer
  int unanswered;        // items timed out
  int real_answers;      // "real" answers given (to any item)
  int fake_answers;      // "fabricated" answers given
  int real_called_fake;  // real items answered "fabricated" (sceptical errors, k_s)
  int fake_called_real;  // fabricated items answered "real" (trusting errors, k_t)
  int real_unanswered;   // real items timed out (real_detected + real_called_fake + this = real_items)
  int fake_unanswered;   // fabricated items timed out (fake_detected + fake_called_real + this = fake_items)
  // MIST.
  int veracity;       // V
  int real_detected;  // r
  int fake_detected;  // f
  int distrust;       // d
  int naivety;        // n
  // Signal detection (signal = fabricated), answered items only.
  int hits;                 // fabricated answered "fabricated"
  int false_alarms;         // real answered "fabricated"
  int signals;              // answered fabricated items
  int noise;                // answered real items
  double hit_rate;          // hits / signals, raw (0 when signals == 0)
  double false_alarm_rate;  // false_alarms / noise, raw (0 when noise == 0)
  double hit_rate_corrected;
  double false_alarm_rate_corrected;
  double d_prime;
  double criterion;     // c
  bool sdt_meaningful;  // both classes had at least one answered item
  // Per technique, for fabricated items.
  TechniqueAccuracy techniques[TECHNIQUE_COUNT];
  // Indices (into the responses given) of items answered wrong or not at all,
  // in order. Owned by the Measures.
  size_t *missed;
  size_t missed_count;
  MeasuresTendency tendency;
} Measures;

// Computes everything from `count` responses (count may be 0). Owned by the
// caller; free with measures_destroy.
Measures *measures_create(const MeasureResponse *responses, size_t count);
// The same from a round's recorded results (missed indices are question
// indices of the round). `round` is borrowed.
Measures *measures_create_from_round(const Round *round);
void measures_destroy(Measures *m);  // NULL is a no-op

// Inverse of the standard normal CDF: z such that Phi(z) = p. Acklam's
// rational approximation refined by one Halley step: relative error below
// 2e-14 for 1e-300 <= p < 1 (about 1e-9 below that). Exactly odd around 0.5.
// -INFINITY for p <= 0, INFINITY for p >= 1, NaN for NaN.
double measures_normal_quantile(double p);

// The tendency as one English sentence, translated through gettext, with
// counts over the class they belong to, e.g. "You leaned towards calling
// things fake: you rejected 4 of 10 real headlines. Doubt is healthy, ...".
// Writes at most `size` bytes (always terminated when size > 0); false when
// the sentence was cut.
bool measures_tendency_sentence(const Measures *m, char *buf, size_t size);
// Its two parts, for screens that show them in two styles: the finding
// ("You leaned towards believing: you believed 3 of 5 fabricated
// headlines."), written like measures_tendency_sentence(), and the advice
// that follows it (static, translated; NULL when there is none).
bool measures_tendency_finding(const Measures *m, char *buf, size_t size);
const char *measures_tendency_advice(const Measures *m);

// The figures of a "details" view, in the order shown.
typedef enum MeasuresDetail {
  MEASURES_DETAIL_V,
  MEASURES_DETAIL_R,
  MEASURES_DETAIL_F,
  MEASURES_DETAIL_D,
  MEASURES_DETAIL_N,
  MEASURES_DETAIL_D_PRIME,
  MEASURES_DETAIL_C,
  MEASURES_DETAIL_COUNT,
} MeasuresDetail;

// Its symbol ("V", "d′"), not translated. Static.
const char *measures_detail_symbol(MeasuresDetail d);
// One line a 15-year-old can read ("Correct answers; running out of time
// counts as not correct."), translated. Static.
const char *measures_detail_meaning(MeasuresDetail d);
// The exact formula in words and symbols, for the help page, translated.
// Static. Together they say how a time-out is counted in every figure.
const char *measures_detail_formula(MeasuresDetail d);
// Its value with its denominator where it has one ("7 of 10"; "1.20" for d′
// and c, "-" when d′/c are not meaningful), written like
// measures_tendency_sentence(); false when cut.
bool measures_detail_value(const Measures *m, MeasuresDetail d, char *buf, size_t size);

// The summary's lean: which way the player's answers lean, in whole
// translated sentences, and whether a learner gained from practice.

#include "play/training.h"

#include <stdio.h>

#include "base/i18n.h"

PlayLean play_lean_of(const Measures *m, int64_t mean_response_ms) {
  if (m->answered < PLAY_LEAN_MIN_ANSWERS) {
    return PLAY_LEAN_TOO_FEW;
  }
  // Speed first: a lean drawn from instant taps describes the taps, not a
  // judgement, and "slow down" is the advice that helps.
  if (mean_response_ms < PLAY_LEAN_HASTY_MS && m->d_prime < PLAY_LEAN_DISCERNING_D) {
    return PLAY_LEAN_HASTY;
  }
  if (m->criterion <= -PLAY_LEAN_BIAS) {
    return PLAY_LEAN_SCEPTICAL;
  }
  if (m->criterion >= PLAY_LEAN_BIAS) {
    return PLAY_LEAN_TRUSTING;
  }
  return m->d_prime >= PLAY_LEAN_DISCERNING_D ? PLAY_LEAN_DISCERNING : PLAY_LEAN_GUESSING;
}

bool play_lean_sentence(PlayLean lean, const Measures *m, int64_t mean_response_ms, char *buf, size_t size) {
  if (size == 0) {
    return false;
  }
  int n = 0;
  switch (lean) {
  case PLAY_LEAN_TOO_FEW:
    n = snprintf(buf, size, "%s", _("Answer a few more headlines and this will say which way you lean."));
    break;
  case PLAY_LEAN_HASTY:
    // TRANSLATORS: %.1f is the mean time per answer in seconds.
    n = snprintf(buf, size,
                 _("You answered in %.1f seconds on average, too fast to weigh the source: slow down and read "
                   "who says it and when."),
                 (double)mean_response_ms / 1000.0);
    break;
  case PLAY_LEAN_SCEPTICAL:
    n = snprintf(buf, size,
                 ngettext("You leaned towards calling headlines fake: you rejected %d of %d real one. Doubt is "
                          "healthy, but distrusting everything is also a way to be misled.",
                          "You leaned towards calling headlines fake: you rejected %d of %d real ones. Doubt is "
                          "healthy, but distrusting everything is also a way to be misled.",
                          (unsigned long)m->real_items),
                 m->real_called_fake, m->real_items);
    break;
  case PLAY_LEAN_TRUSTING:
    n = snprintf(buf, size,
                 ngettext("You leaned towards believing: you believed %d of %d fabricated headline. Check who "
                          "is speaking and what evidence is given.",
                          "You leaned towards believing: you believed %d of %d fabricated headlines. Check who "
                          "is speaking and what evidence is given.",
                          (unsigned long)m->fake_items),
                 m->fake_called_real, m->fake_items);
    break;
  case PLAY_LEAN_DISCERNING:
    n = snprintf(buf, size,
                 ngettext("You told real from fabricated well, %d of %d right, without leaning either way.",
                          "You told real from fabricated well, %d of %d right, without leaning either way.",
                          (unsigned long)m->total),
                 m->veracity, m->total);
    break;
  case PLAY_LEAN_GUESSING:
    n = snprintf(buf, size,
                 ngettext("Your answers did not yet tell real from fabricated (%d of %d right): look for the "
                          "source, the date and the evidence.",
                          "Your answers did not yet tell real from fabricated (%d of %d right): look for the "
                          "source, the date and the evidence.",
                          (unsigned long)m->total),
                 m->veracity, m->total);
    break;
  }
  return n >= 0 && (size_t)n < size;
}

bool play_gains_from_practice(const Measures *early, const Measures *late, double *gain) {
  double g = late->d_prime - early->d_prime;
  if (gain) {
    *gain = g;
  }
  return early->sdt_meaningful && late->sdt_meaningful && g >= PLAY_GAIN_MIN_D_PRIME;
}

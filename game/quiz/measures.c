#include "quiz/measures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/stats.h"
#include "base/str.h"

double measures_normal_quantile(double p) {
  return stats_normal_quantile(p);
}

static bool error_notable(int errors, int class_items) {
  int share = (int)ceil(MEASURES_TENDENCY_SHARE * class_items);
  int need = share > MEASURES_TENDENCY_MIN_ERRORS ? share : MEASURES_TENDENCY_MIN_ERRORS;
  return errors >= need;
}

static MeasuresTendency tendency_of(const Measures *m) {
  if (m->total > 0 && m->unanswered * 2 > m->total) {
    return MEASURES_TENDENCY_OUT_OF_TIME;
  }
  bool sceptical = error_notable(m->real_called_fake, m->real_items);
  bool trusting = error_notable(m->fake_called_real, m->fake_items);
  if (sceptical && trusting) {
    return MEASURES_TENDENCY_BOTH;
  }
  if (sceptical) {
    return MEASURES_TENDENCY_TOO_SKEPTICAL;
  }
  if (trusting) {
    return MEASURES_TENDENCY_TOO_TRUSTING;
  }
  return MEASURES_TENDENCY_BALANCED;
}

static void compute_sdt(Measures *m) {
  m->hit_rate = m->signals > 0 ? (double)m->hits / m->signals : 0.0;
  m->false_alarm_rate = m->noise > 0 ? (double)m->false_alarms / m->noise : 0.0;
  m->hit_rate_corrected = (m->hits + 0.5) / (m->signals + 1.0);
  m->false_alarm_rate_corrected = (m->false_alarms + 0.5) / (m->noise + 1.0);
  double zh = measures_normal_quantile(m->hit_rate_corrected);
  double zf = measures_normal_quantile(m->false_alarm_rate_corrected);
  m->d_prime = zh - zf;
  m->criterion = -(zh + zf) / 2.0;
  m->sdt_meaningful = m->signals > 0 && m->noise > 0;
}

Measures *measures_create(const MeasureResponse *responses, size_t count) {
  Measures *m = xcalloc(1, sizeof *m);
  m->missed = xmalloc((count > 0 ? count : 1) * sizeof *m->missed);
  for (size_t i = 0; i < count; i++) {
    const MeasureResponse *r = &responses[i];
    bool is_real = r->truth == PACK_ANSWER_REAL;
    bool correct = r->answered && r->given == r->truth;
    m->total++;
    if (is_real) {
      m->real_items++;
    } else {
      m->fake_items++;
    }
    if (r->answered) {
      m->answered++;
      if (r->given == PACK_ANSWER_REAL) {
        m->real_answers++;
      } else {
        m->fake_answers++;
      }
      if (is_real) {
        m->noise++;
        m->false_alarms += !correct;
        m->real_called_fake += !correct;
      } else {
        m->signals++;
        m->hits += correct;
        m->fake_called_real += !correct;
      }
    } else {
      m->unanswered++;
      m->real_unanswered += is_real;
      m->fake_unanswered += !is_real;
    }
    if (correct) {
      m->veracity++;
      if (is_real) {
        m->real_detected++;
      } else {
        m->fake_detected++;
      }
    } else {
      m->missed[m->missed_count++] = i;
    }
    if (!is_real) {
      for (int t = 0; t < TECHNIQUE_COUNT; t++) {
        if (r->techniques & (1u << t)) {
          m->techniques[t].total++;
          m->techniques[t].correct += correct;
        }
      }
    }
  }
  m->distrust = m->fake_answers > m->fake_items ? m->fake_answers - m->fake_items : 0;
  m->naivety = m->real_answers > m->real_items ? m->real_answers - m->real_items : 0;
  compute_sdt(m);
  m->tendency = tendency_of(m);
  return m;
}

Measures *measures_create_from_round(const Round *round) {
  size_t n = round_result_count(round);
  MeasureResponse *resp = xcalloc(n > 0 ? n : 1, sizeof *resp);
  for (size_t i = 0; i < n; i++) {
    const RoundAnswer *a = round_result(round, i);
    resp[i] = (MeasureResponse){
        .truth = a->item->answer,
        .answered = a->answered,
        .given = a->given,
        .techniques = a->item->techniques,
    };
  }
  Measures *m = measures_create(resp, n);
  free(resp);
  return m;
}

void measures_destroy(Measures *m) {
  if (!m) {
    return;
  }
  free(m->missed);
  free(m);
}

bool measures_tendency_finding(const Measures *m, char *buf, size_t size) {
  // Each sentence is whole in the catalogue (no glued fragments), so every
  // language can order its words freely. Counts are given over their class
  // ("3 of 5 real headlines") as the plain counts beside them are.
  char one[512];
  one[0] = '\0';
  int ks = m->real_called_fake, kt = m->fake_called_real;
  switch (m->tendency) {
  case MEASURES_TENDENCY_BALANCED:
    snprintf(one, sizeof one, "%s",
             _("You kept a good balance: you neither believed everything nor doubted everything."));
    break;
  case MEASURES_TENDENCY_TOO_SKEPTICAL:
    snprintf(one, sizeof one,
             ngettext("You leaned towards calling things fake: you rejected %d of %d real headline.",
                      "You leaned towards calling things fake: you rejected %d of %d real headlines.",
                      (unsigned long)m->real_items),
             ks, m->real_items);
    break;
  case MEASURES_TENDENCY_TOO_TRUSTING:
    snprintf(one, sizeof one,
             ngettext("You leaned towards believing: you believed %d of %d fabricated headline.",
                      "You leaned towards believing: you believed %d of %d fabricated headlines.",
                      (unsigned long)m->fake_items),
             kt, m->fake_items);
    break;
  case MEASURES_TENDENCY_BOTH:
    // TRANSLATORS: rejected %1$d of %2$d real headlines, believed %3$d of %4$d fabricated ones.
    snprintf(one, sizeof one, _("You rejected %d of %d real headlines and believed %d of %d fabricated ones."), ks,
             m->real_items, kt, m->fake_items);
    break;
  case MEASURES_TENDENCY_OUT_OF_TIME:
    snprintf(one, sizeof one,
             ngettext("You ran out of time on %d of %d headline: a missing answer counts as wrong, so give your "
                      "best judgement.",
                      "You ran out of time on %d of %d headlines: a missing answer counts as wrong, so give your "
                      "best judgement.",
                      (unsigned long)m->total),
             m->unanswered, m->total);
    break;
  }
  return size > 0 && str_copy(buf, size, one);
}

const char *measures_tendency_advice(const Measures *m) {
  switch (m->tendency) {
  case MEASURES_TENDENCY_TOO_SKEPTICAL:
    return _("Doubt is healthy, but distrusting everything is also a way to be misled.");
  case MEASURES_TENDENCY_TOO_TRUSTING:
    return _("Check who is speaking, what evidence is given and whether the wording is trying to stir you up.");
  case MEASURES_TENDENCY_BOTH:
    return _("Both kinds of mistake matter: take your time and look for the source and the evidence.");
  case MEASURES_TENDENCY_BALANCED:
  case MEASURES_TENDENCY_OUT_OF_TIME:
    break;
  }
  return NULL;
}

bool measures_tendency_sentence(const Measures *m, char *buf, size_t size) {
  char one[512];
  measures_tendency_finding(m, one, sizeof one);
  const char *two = measures_tendency_advice(m);
  StrBuf b = {0};
  strbuf_append(&b, one);
  if (two) {
    strbuf_append_char(&b, ' ');
    strbuf_append(&b, two);
  }
  bool whole = size > 0 && str_copy(buf, size, b.data);
  strbuf_free(&b);
  return whole;
}

const char *measures_detail_symbol(MeasuresDetail d) {
  static const char *const symbols[MEASURES_DETAIL_COUNT] = {"V", "r", "f", "d", "n", "d′", "c"};
  return (unsigned)d < MEASURES_DETAIL_COUNT ? symbols[d] : "?";
}

const char *measures_detail_meaning(MeasuresDetail d) {
  static const char *const meanings[MEASURES_DETAIL_COUNT] = {
      [MEASURES_DETAIL_V] = N_("Correct answers. Running out of time counts as not correct."),
      [MEASURES_DETAIL_R] = N_("Real headlines you trusted."),
      [MEASURES_DETAIL_F] = N_("Fabricated headlines you caught."),
      [MEASURES_DETAIL_D] = N_("Distrust: how many more times you said fabricated than there were fabricated "
                               "headlines."),
      [MEASURES_DETAIL_N] = N_("Naivety: how many more times you said real than there were real headlines."),
      [MEASURES_DETAIL_D_PRIME] = N_("How well you told real from fabricated: 0 is guessing, higher is better. "
                                     "Answered headlines only."),
      [MEASURES_DETAIL_C] = N_("Your lean: above 0 towards trusting, below 0 towards doubting. Answered headlines "
                               "only."),
  };
  return (unsigned)d < MEASURES_DETAIL_COUNT ? _(meanings[d]) : "?";
}

const char *measures_detail_formula(MeasuresDetail d) {
  static const char *const formulas[MEASURES_DETAIL_COUNT] = {
      [MEASURES_DETAIL_V] = N_("V = r + f, out of all headlines; a time-out is not correct."),
      [MEASURES_DETAIL_R] = N_("r = real headlines answered real, out of all real headlines R; a time-out is not "
                               "trusted."),
      [MEASURES_DETAIL_F] = N_("f = fabricated headlines answered fabricated, out of all fabricated headlines F; a "
                               "time-out is not caught."),
      [MEASURES_DETAIL_D] = N_("d = max(0, answers \"fabricated\" - F); a time-out is no answer."),
      [MEASURES_DETAIL_N] = N_("n = max(0, answers \"real\" - R); a time-out is no answer."),
      [MEASURES_DETAIL_D_PRIME] =
          N_("d′ = z(H) - z(FA), with H = (caught + 0.5) / (answered fabricated + 1) and FA = (real rejected + "
             "0.5) / (answered real + 1); z is the inverse of the standard normal distribution; time-outs are left "
             "out."),
      [MEASURES_DETAIL_C] = N_("c = -(z(H) + z(FA)) / 2, with H and FA as for d′; time-outs are left out."),
  };
  return (unsigned)d < MEASURES_DETAIL_COUNT ? _(formulas[d]) : "?";
}

// A value that rounds to zero at two decimals prints as "0.00", not "-0.00".
static double no_negative_zero(double v) {
  return fabs(v) < 0.005 ? 0.0 : v;
}

bool measures_detail_value(const Measures *m, MeasuresDetail d, char *buf, size_t size) {
  char *v = NULL;
  switch (d) {
  case MEASURES_DETAIL_V:
    v = xasprintf(_("%d of %d"), m->veracity, m->total);
    break;
  case MEASURES_DETAIL_R:
    v = xasprintf(_("%d of %d"), m->real_detected, m->real_items);
    break;
  case MEASURES_DETAIL_F:
    v = xasprintf(_("%d of %d"), m->fake_detected, m->fake_items);
    break;
  case MEASURES_DETAIL_D:
    v = xasprintf("%d", m->distrust);
    break;
  case MEASURES_DETAIL_N:
    v = xasprintf("%d", m->naivety);
    break;
  case MEASURES_DETAIL_D_PRIME:
  case MEASURES_DETAIL_C:
    if (!m->sdt_meaningful) {
      v = xstrdup("-");
    } else {
      v = xasprintf("%.2f", no_negative_zero(d == MEASURES_DETAIL_C ? m->criterion : m->d_prime));
    }
    break;
  default:
    v = xstrdup("?");
    break;
  }
  bool whole = size > 0 && str_copy(buf, size, v);
  free(v);
  return whole;
}

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

bool measures_tendency_sentence(const Measures *m, char *buf, size_t size) {
  // Each sentence is whole in the catalogue (no glued fragments), so every
  // language can order its words freely; BOTH is three sentences in a row.
  char one[512], two[512];
  const char *three = NULL;
  one[0] = two[0] = '\0';
  int ks = m->real_called_fake, kt = m->fake_called_real;
  switch (m->tendency) {
  case MEASURES_TENDENCY_BALANCED:
    snprintf(one, sizeof one, "%s",
             _("You kept a good balance: you neither believed everything nor doubted everything."));
    break;
  case MEASURES_TENDENCY_TOO_SKEPTICAL:
    snprintf(one, sizeof one,
             ngettext("You called %d real headline fabricated: doubt is healthy, but distrusting everything is "
                      "also a way to be misled.",
                      "You called %d real headlines fabricated: doubt is healthy, but distrusting everything is "
                      "also a way to be misled.",
                      (unsigned long)ks),
             ks);
    break;
  case MEASURES_TENDENCY_TOO_TRUSTING:
    snprintf(one, sizeof one,
             ngettext("You believed %d fabricated headline: check who is speaking, what evidence is given and "
                      "whether the wording is trying to stir you up.",
                      "You believed %d fabricated headlines: check who is speaking, what evidence is given and "
                      "whether the wording is trying to stir you up.",
                      (unsigned long)kt),
             kt);
    break;
  case MEASURES_TENDENCY_BOTH:
    snprintf(one, sizeof one,
             ngettext("You called %d real headline fabricated.", "You called %d real headlines fabricated.",
                      (unsigned long)ks),
             ks);
    snprintf(
        two, sizeof two,
        ngettext("You believed %d fabricated headline.", "You believed %d fabricated headlines.", (unsigned long)kt),
        kt);
    three = _("Both kinds of mistake matter: take your time and look for the source and the evidence.");
    break;
  case MEASURES_TENDENCY_OUT_OF_TIME:
    snprintf(one, sizeof one,
             ngettext("You ran out of time on %d headline: a missing answer counts as wrong, so give your best "
                      "judgement.",
                      "You ran out of time on %d headlines: a missing answer counts as wrong, so give your best "
                      "judgement.",
                      (unsigned long)m->unanswered),
             m->unanswered);
    break;
  }
  StrBuf b = {0};
  strbuf_append(&b, one);
  if (two[0]) {
    strbuf_append_char(&b, ' ');
    strbuf_append(&b, two);
  }
  if (three) {
    strbuf_append_char(&b, ' ');
    strbuf_append(&b, three);
  }
  bool whole = size > 0 && str_copy(buf, size, b.data);
  strbuf_free(&b);
  return whole;
}

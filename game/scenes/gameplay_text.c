// Text pieces the gameplay screens share (gameplay.h): technique names, key
// hints, dates and truth sentences for people, the scrolling explanation
// column and the fitted headline card. The feedback screen and the
// author's preview both draw an item with these, so authors see exactly
// what students see.

#include "scenes/gameplay.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "engine/text.h"

const char *gameplay_technique_label(Technique t) {
  static const char *const labels[TECHNIQUE_COUNT] = {
      [TECHNIQUE_IMPERSONATION] = N_("Impersonation"),
      [TECHNIQUE_EMOTION] = N_("Emotional language"),
      [TECHNIQUE_POLARIZATION] = N_("Polarisation"),
      [TECHNIQUE_CONSPIRACY] = N_("Conspiracy theory"),
      [TECHNIQUE_DISCREDITING] = N_("Discrediting"),
      [TECHNIQUE_TROLLING] = N_("Trolling"),
      [TECHNIQUE_FAKE_EXPERT] = N_("Fake expert"),
      [TECHNIQUE_FEARMONGERING] = N_("Fearmongering"),
      [TECHNIQUE_SATIRE] = N_("Satire taken as news"),
      [TECHNIQUE_FALSE_CONTEXT] = N_("False context"),
      [TECHNIQUE_MISLEADING_STATISTIC] = N_("Misleading statistic"),
      [TECHNIQUE_SCAPEGOATING] = N_("Scapegoating"),
      [TECHNIQUE_DEHUMANISING_LANGUAGE] = N_("Dehumanising language"),
      [TECHNIQUE_FALSE_DICHOTOMY] = N_("False dichotomy"),
      [TECHNIQUE_AD_HOMINEM] = N_("Ad hominem attack"),
      [TECHNIQUE_AI_GENERATED_MEDIA] = N_("AI-generated or manipulated media"),
  };
  return (unsigned)t < TECHNIQUE_COUNT ? _(labels[t]) : "?";
}

const char *gameplay_key_hint(const App *app, InputAction action, char buf[GAMEPLAY_HINT_SIZE]) {
  const char *hint = game_key_hint(app->engine, action);
  if (!hint[0]) {
    return NULL;
  }
  str_copy(buf, GAMEPLAY_HINT_SIZE, hint);  // a longer key name is cut: still a hint
  return buf;
}

static bool parse_digits(const char *s, size_t n, int *out) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') {
      return false;
    }
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

char *gameplay_format_date(const char *iso) {
  static const char *const months[12] = {
      N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
      N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December"),
  };
  if (!iso) {
    return NULL;
  }
  size_t len = strlen(iso);
  int year = 0, month = 0, day = 0;
  if (len < 4 || !parse_digits(iso, 4, &year)) {
    return xstrdup(iso);
  }
  if (len == 4) {
    return xasprintf("%d", year);
  }
  if ((len != 7 && len != 10) || iso[4] != '-' || !parse_digits(iso + 5, 2, &month) || month < 1 || month > 12) {
    return xstrdup(iso);
  }
  const char *mname = _(months[month - 1]);
  if (len == 7) {
    // TRANSLATORS: a month and a year, e.g. "April 2016"; use %2$d / %1$s to reorder.
    return xasprintf(_("%s %d"), mname, year);
  }
  if (iso[7] != '-' || !parse_digits(iso + 8, 2, &day) || day < 1 || day > 31) {
    return xstrdup(iso);
  }
  // TRANSLATORS: day, month name, year, e.g. "17 April 2016"; reorder with %2$s etc.
  return xasprintf(_("%d %s %d"), day, mname, year);
}

char *gameplay_truth_sentence(const PackItem *item) {
  char *date = gameplay_format_date(item->date);
  // The outlet may be written in another direction than the sentence (an
  // Arabic outlet in an English sentence): isolate it so the date and the
  // punctuation around it stay in place.
  char *outlet = item->outlet ? text_isolate(item->outlet) : NULL;
  char *out;
  if (item->answer == PACK_ANSWER_REAL) {
    if (outlet && date) {
      out = xasprintf(_("This headline is real: %s, %s."), outlet, date);
    } else if (outlet) {
      out = xasprintf(_("This headline is real: %s."), outlet);
    } else if (date) {
      out = xasprintf(_("This headline is real: it ran in %s."), date);
    } else {
      out = xstrdup(_("This headline is real."));
    }
  } else if (outlet) {
    // A fabricated item's "outlet" says how it circulated ("Viral post on
    // social media", "Screenshot styled as a BBC News post"), which reads
    // wrongly after "It imitates".
    out = xasprintf(_("This headline is fabricated. It circulated as: %s."), outlet);
  } else {
    out = xstrdup(_("This headline is fabricated."));
  }
  free(date);
  free(outlet);
  return out;
}

char *gameplay_truth_short(const PackItem *item) {
  return xstrdup(item->answer == PACK_ANSWER_REAL ? _("This headline is real.") : _("This headline is fabricated."));
}

char *gameplay_source_sentence(const PackItem *item) {
  char *date = gameplay_format_date(item->date);
  char *outlet = item->outlet ? text_isolate(item->outlet) : NULL;
  char *out = NULL;
  if (item->answer == PACK_ANSWER_REAL) {
    if (outlet && date) {
      out = xasprintf(_("Source: %s, %s."), outlet, date);
    } else if (outlet) {
      out = xasprintf(_("Source: %s."), outlet);
    } else if (date) {
      out = xasprintf(_("It ran in %s."), date);
    }
  } else if (outlet) {
    out = xasprintf(_("It circulated as: %s."), outlet);
  }
  free(date);
  free(outlet);
  return out;
}

float gameplay_clamp_scroll(float scroll, float content_h, float visible_h) {
  float max = content_h - visible_h;
  if (max < 0) {
    max = 0;
  }
  return scroll < 0 ? 0 : scroll > max ? max : scroll;
}

// One wrapped block of the explanation column: measured, drawn when it shows
// through the clip, and *y moved past it.
typedef struct Column {
  Engine *engine;
  float x, y, width, scroll;
  Rect clip;
  bool measure_only;  // lay out without drawing
} Column;

static void column_text(Column *c, const char *text, TextStyle style, float gap_after) {
  if (!text || !text[0]) {
    return;
  }
  style.wrap_width = c->width;
  TextSize m = text_measure(c->engine, text, &style);
  Rect box = {c->x, c->y - c->scroll, c->width, m.h};
  if (!c->measure_only && box.y + box.h > c->clip.y && box.y < c->clip.y + c->clip.h) {
    text_draw(c->engine, text, &style, box);
  }
  c->y += m.h + gap_after;
}

// A URL has no spaces to wrap at, so it is broken after '/', '?', '&', '-'
// or '.' wherever the line would grow wider than the column.
static char *break_url(Engine *engine, const char *url, const TextStyle *style, float width) {
  StrBuf out = {0};
  StrBuf line = {0};
  const char *p = url;
  while (*p) {
    const char *q = p;
    while (*q && !strchr("/?&-.", *q)) {
      q++;
    }
    if (*q) {
      q++;
    }
    StrBuf trial = {0};
    strbuf_append(&trial, line.data ? line.data : "");
    strbuf_append_n(&trial, p, (size_t)(q - p));
    if (line.len > 0 && text_measure(engine, trial.data, style).w > width) {
      strbuf_append(&out, line.data);
      strbuf_append_char(&out, '\n');
      strbuf_free(&line);
      line = (StrBuf){0};
      strbuf_append_n(&line, p, (size_t)(q - p));
      strbuf_free(&trial);
    } else {
      strbuf_free(&line);
      line = trial;
    }
    p = q;
  }
  if (line.data) {
    strbuf_append(&out, line.data);
  }
  strbuf_free(&line);
  return strbuf_take(&out);
}

float gameplay_explain_body_draw(const Ui *ui, const Pack *pack, const PackItem *item, Rect body, float scroll,
                                 bool draw) {
  const Theme *t = ui->theme;
  float gap = t->spacing > 0 ? t->spacing : ui_gap(ui);
  // Room at the end side for the scroll bar.
  Column c = {.engine = ui->engine,
              .x = ui->rtl ? body.x + 40.0f : body.x,
              .y = body.y,
              .width = body.w - 40.0f,
              .scroll = scroll,
              .clip = body,
              .measure_only = !draw};
  UiClip clip = {0};
  if (draw) {
    clip = ui_clip_begin(ui, body);
  }
  if (item->url) {
    TextStyle small = ui_text_style(ui, THEME_TEXT_SMALL, t->text_muted);
    small.lang = "en";  // a URL reads left to right in every language
    // Two ems of slack: the text engine wraps a line measured close to the
    // width once more, leaving an empty line after it.
    char *url = break_url(ui->engine, item->url, &small, c.width - 2.0f * small.size);
    column_text(&c, url, small, gap * 0.5f);
    free(url);
  }
  TextStyle text = text_style(theme_text_size(t, THEME_TEXT_BODY), t->text, pack_item_lang(pack, item));
  column_text(&c, item->explanation, text, gap);
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    if (!(item->techniques & (1u << i))) {
      continue;
    }
    TextStyle label = ui_text_style(ui, THEME_TEXT_BODY, t->high_contrast ? t->text : t->fabricated);
    label.weight = TEXT_WEIGHT_BOLD;
    column_text(&c, gameplay_technique_label((Technique)i), label, 0);
    column_text(&c, _(technique_description((Technique)i)), ui_text_style(ui, THEME_TEXT_BODY, t->text), gap);
  }
  if (draw) {
    ui_clip_end(ui, clip);
  }
  return c.y - body.y;
}

float gameplay_headline_fit(const Ui *ui, const Pack *pack, const PackItem *item, Rect box, float max_size) {
  Rect in = rect_inset(box, GAMEPLAY_HEADLINE_PAD);
  TextStyle s = text_style(max_size, ui->theme->text, pack_item_lang(pack, item));
  s.weight = TEXT_WEIGHT_BOLD;
  float size = text_fit(ui->engine, item->headline, &s, in.w, in.h, GAMEPLAY_HEADLINE_MIN_SIZE);
  // text_fit() allows an output pixel of slack, which at a small scale is
  // about two units: checked against the real measured height, a size that
  // runs into the card's padding steps down (the width keeps the wrapper's
  // rounding to whole pixels).
  s.wrap_width = in.w;
  while (size > GAMEPLAY_HEADLINE_MIN_SIZE) {
    s.size = size;
    TextSize m = text_measure(ui->engine, item->headline, &s);
    if (m.h <= in.h + 0.5f && m.w <= in.w + 1.5f) {
      break;
    }
    size = fmaxf(GAMEPLAY_HEADLINE_MIN_SIZE, size - 1.0f);
  }
  return size;
}

void gameplay_headline_draw(const Ui *ui, const Pack *pack, const PackItem *item, Rect box, float max_size) {
  ui_card_draw(ui, box);
  TextStyle s =
      text_style(gameplay_headline_fit(ui, pack, item, box, max_size), ui->theme->text, pack_item_lang(pack, item));
  s.weight = TEXT_WEIGHT_BOLD;
  s.align = TEXT_ALIGN_CENTER;
  s.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(ui, item->headline, &s, rect_inset(box, GAMEPLAY_HEADLINE_PAD), GAMEPLAY_HEADLINE_MIN_SIZE);
}

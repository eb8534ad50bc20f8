// The summary's review: no uncorrected fakes. Every fabricated headline the
// player believed comes back stamped FALSE with what is actually true, and
// every real headline they rejected comes back stamped TRUE with why it can
// be trusted, in the same cards under headings of the same size and weight:
// calling a real headline fake is a mistake too (Guess et al. 2020). Then
// the time-outs, and, in an assessment (nothing was revealed during it),
// the right answers. Selecting a card reopens that item's whole feedback.

#include "scenes/scene_summary.h"

#include <math.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "scenes/gameplay.h"

// The review's groups, in the order shown.
typedef enum ReviewGroup { GROUP_BELIEVED, GROUP_REJECTED, GROUP_TIMED_OUT, GROUP_RIGHT, GROUP_COUNT } ReviewGroup;

static ReviewGroup group_of(const SummaryScene *s, size_t k) {
  const PlaySummary *sum = s->sum;
  if (k < sum->believed_count) {
    return GROUP_BELIEVED;
  }
  if (k < sum->believed_count + sum->rejected_count) {
    return GROUP_REJECTED;
  }
  return k < sum->review_count ? GROUP_TIMED_OUT : GROUP_RIGHT;
}

static Color class_color(const Theme *t, bool real) {
  return t->high_contrast ? t->text : real ? t->real : t->fabricated;
}

static UiChip stamp_chip(PlayStamp kind, Rect r) {
  bool fake = kind == PLAY_STAMP_FALSE;
  // The stamp of a corrected headline: the word the player reads first.
  return (UiChip){.rect = r,
                  .label = fake ? _("FALSE") : _("TRUE"),
                  .icon = fake ? DRAW_ICON_CROSS : DRAW_ICON_CHECK,
                  .kind = fake ? UI_CHIP_FABRICATED : UI_CHIP_REAL};
}

static const char *verdict_words(ReviewGroup g, const RoundAnswer *a) {
  switch (g) {
  case GROUP_BELIEVED:
    return _("You believed it.");
  case GROUP_REJECTED:
    return _("You rejected it.");
  case GROUP_TIMED_OUT:
    return _("No answer in time.");
  default:
    return a->item->answer == PACK_ANSWER_FABRICATED ? _("You caught it.") : _("You trusted it.");
  }
}

// The heading of a group, and what it says when the group is empty (NULL:
// an empty group is not shown).
static const char *group_heading(ReviewGroup g, const char **empty) {
  *empty = NULL;
  switch (g) {
  case GROUP_BELIEVED:
    *empty = _("None: you believed no fabricated headline.");
    return _("Fabricated headlines you believed");
  case GROUP_REJECTED:
    *empty = _("None: you rejected no real headline.");
    return _("Real headlines you rejected");
  case GROUP_TIMED_OUT:
    return _("Ran out of time");
  default:
    return _("Your right answers");
  }
}

// One card: the stamp and what the player did on the first line, the
// headline, then the correction. Returns the card's height.
static float layout_card(SummaryScene *s, const Ui *ui, size_t k, Rect r) {
  const Theme *t = ui->theme;
  MenuTextPlan *p = &s->head.texts;
  SummaryReviewCard *c = &s->cards[k];
  const RoundAnswer *a = round_result(s->round, s->review_q[k]);
  const PackItem *it = a->item;
  bool fake = it->answer == PACK_ANSWER_FABRICATED;
  float pad = ui_gap(ui);
  float x = r.x + pad + 12.0f, w = r.w - 2 * pad - 12.0f, y = r.y + pad * 0.75f;
  c->kind = fake ? PLAY_STAMP_FALSE : PLAY_STAMP_TRUE;
  UiChip chip = stamp_chip(c->kind, (Rect){0});
  float cw = ui_chip_width(ui, &chip), ch = ui_chip_height(ui);
  c->stamp = (Rect){x, y, cw, ch};
  TextStyle said = menu_text_style(ui, THEME_TEXT_SMALL, t->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  const char *words = verdict_words(group_of(s, k), a);
  float beside = w - cw - pad;
  if (beside >= 6 * said.size) {
    // Beside the stamp, centred on it when it is one line.
    said.wrap_width = beside;
    float h = text_measure(ui->engine, words, &said).h;
    float dy = h < ch ? (ch - h) / 2 : 0.0f;
    menu_text_add(p, ui, words, said, (Rect){x + cw + pad, y + dy, beside, 0}, SUMMARY_LAYER_PAGE);
    y += fmaxf(ch, h) + pad * 0.5f;
  } else {
    y += ch + pad * 0.25f;
    y += menu_text_add(p, ui, words, said, (Rect){x, y, w, 0}, SUMMARY_LAYER_PAGE) + pad * 0.5f;
  }
  TextStyle head = menu_text_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  head.lang = pack_item_lang(round_pack(s->round), it);
  y += menu_text_add(p, ui, it->headline, head, (Rect){x, y, w, 0}, SUMMARY_LAYER_PAGE) + pad * 0.5f;
  // The correction a step smaller than the headline: the card stays a card.
  TextStyle body = menu_text_style(ui, THEME_TEXT_SMALL, t->text, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
  body.lang = head.lang;
  if (!fake) {
    // Why it can be trusted: where it was published, then the explanation.
    char *source = gameplay_source_sentence(it);
    if (source) {
      TextStyle src = menu_text_style(ui, THEME_TEXT_SMALL, class_color(t, true), TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
      y += menu_text_add(p, ui, source, src, (Rect){x, y, w, 0}, SUMMARY_LAYER_PAGE) + 4.0f;
      free(source);
    }
  }
  if (it->explanation) {
    // Under the FALSE stamp the explanation is the correction (the packs
    // say there what is actually true); no label of ours in front of it,
    // which would repeat the explanation's own "What is true:".
    y += menu_text_add(p, ui, it->explanation, body, (Rect){x, y, w, 0}, SUMMARY_LAYER_PAGE);
  }
  c->card = (Rect){r.x, r.y, r.w, y + pad * 0.75f - r.y};
  return c->card.h;
}

float summary_review_layout(SummaryScene *s, const Ui *ui, float x, float y, float w) {
  const Theme *t = ui->theme;
  MenuTextPlan *p = &s->head.texts;
  float gap = ui_gap(ui);
  TextStyle title = menu_text_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  TextStyle muted = menu_text_style(ui, THEME_TEXT_SMALL, t->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
  const char *intro = s->review_n ? _("Select a headline to open its feedback again, with the techniques and the tip.")
                                  : _("Nothing to review: every answer was right.");
  y += menu_text_add(p, ui, s->review_n ? _("To review") : intro, title, (Rect){x, y, w, 0}, SUMMARY_LAYER_PAGE);
  if (s->review_n) {
    y += menu_text_add(p, ui, intro, muted, (Rect){x, y, w, 0}, SUMMARY_LAYER_PAGE);
  }
  y += gap;
  size_t k = 0;
  for (int g = 0; g < GROUP_COUNT; g++) {
    size_t end = k;
    while (end < s->review_n && group_of(s, end) == (ReviewGroup)g) {
      end++;
    }
    const char *empty;
    const char *heading = group_heading((ReviewGroup)g, &empty);
    // An assessment reviews every answer; a practice round shows both
    // kinds of mistake even when there were none (saying so).
    if (end == k && (!empty || s->review_n == 0)) {
      continue;
    }
    Color hc = g == GROUP_BELIEVED ? class_color(t, false) : g == GROUP_REJECTED ? class_color(t, true) : t->text;
    TextStyle hs = menu_text_style(ui, THEME_TEXT_BODY, hc, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
    y += menu_text_add(p, ui, heading, hs, (Rect){x, y, w, 0}, SUMMARY_LAYER_PAGE) + gap * 0.5f;
    if (end == k) {
      y += menu_text_add(p, ui, empty, muted, (Rect){x, y, w, 0}, SUMMARY_LAYER_PAGE) + gap;
    }
    for (; k < end; k++) {
      y += layout_card(s, ui, k, (Rect){x, y, w, 0}) + gap * 0.75f;
    }
    y += gap * 0.25f;
  }
  return y;
}

void summary_review_draw(const SummaryScene *s, const Ui *ui, float offset) {
  const Theme *t = ui->theme;
  const UiScroll *sc = &s->head.scroll;
  for (size_t k = 0; k < s->review_n; k++) {
    const SummaryReviewCard *c = &s->cards[k];
    Rect r = c->card;
    r.y -= offset;
    if (r.y > sc->view.y + sc->view.h || r.y + r.h < sc->view.y) {
      continue;
    }
    Rect m = ui_mirror(ui, r);
    ui_card_draw(ui, m);
    if (s->pressed_card == (int)k || s->hover_card == (int)k) {
      draw_round_rect(ui->engine, rect_inset(m, 2.0f), 14.0f, t->surface_hover);
    }
    Rect edge = {ui->rtl ? m.x + m.w - 12.0f : m.x, m.y, 12.0f, m.h};
    draw_round_rect(ui->engine, edge, 6.0f, class_color(t, c->kind == PLAY_STAMP_TRUE));
    Rect st = c->stamp;
    st.y -= offset;
    UiChip chip = stamp_chip(c->kind, ui_mirror(ui, st));
    ui_chip_draw(ui, &chip);
  }
}

int summary_review_card_at(const SummaryScene *s, const Ui *ui, float x, float y) {
  const UiScroll *sc = &s->head.scroll;
  if (!rect_contains(sc->view, x, y)) {
    return -1;
  }
  for (size_t k = 0; k < s->review_n; k++) {
    Rect r = s->cards[k].card;
    r.y -= sc->offset;
    if (rect_contains(ui_mirror(ui, r), x, y)) {
      return (int)k;
    }
  }
  return -1;
}

// A card's rect as drawn, cut to the view (w 0 when it is out of view).
static Rect visible_part(const SummaryScene *s, const Ui *ui, size_t k) {
  const UiScroll *sc = &s->head.scroll;
  Rect r = ui_mirror(ui, s->cards[k].card);
  r.y -= sc->offset;
  float top = fmaxf(r.y, sc->view.y), bottom = fminf(r.y + r.h, sc->view.y + sc->view.h);
  if (bottom - top < 1.0f) {
    return (Rect){r.x, top, 0, 0};
  }
  return (Rect){r.x, top, r.w, bottom - top};
}

void summary_review_sync(SummaryScene *s, const Ui *ui) {
  UiForm *form = &s->head.form;
  bool lost = false;
  for (int k = 0; k < s->review_buttons; k++) {
    UiButton *b = &form->buttons[s->review_button0 + k];
    b->rect = visible_part(s, ui, (size_t)k);
    b->disabled = b->rect.w <= 0;
    lost |= b->disabled && form->focus == s->review_button0 + k;
  }
  if (lost) {
    // Scrolled out of view: the focus goes to a card still in view.
    int k = 0;
    while (k < s->review_buttons && form->buttons[s->review_button0 + k].disabled) {
      k++;
    }
    form->focus = k < s->review_buttons ? s->review_button0 + k : UI_FOCUS_NONE;
  }
}

// The explanation page of an item, as the feedback screen shows it (and the
// author's preview, so authors see what students see): the headline card,
// then the part that is always in view (the truth sentence with the source,
// the techniques by name, the tip), then the part that scrolls when it is
// long (the address, the explanation, what each technique means).

#include "scenes/gameplay.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "engine/text.h"

// Below this the headline card would not hold a line of the headline at
// its smallest size.
#define PAGE_HEADLINE_MIN_H 96.0f
#define PAGE_HEADLINE_MAX_H 240.0f
#define PAGE_HEADLINE_SIZE 52.0f
#define PAGE_HEADLINE_MIN_SIZE 30.0f
#define PAGE_HEADLINE_PAD 32.0f
#define PAGE_EDGE_W 12.0f

static TextStyle page_style(const Ui *ui, ThemeText role, bool bold, Color color) {
  TextStyle st = ui_text_style(ui, role, color);
  st.weight = bold ? TEXT_WEIGHT_BOLD : TEXT_WEIGHT_REGULAR;
  return st;
}

static float measure_h(const Ui *ui, const char *text, TextStyle st, float w) {
  if (!text || !text[0]) {
    return 0;
  }
  st.wrap_width = w;
  return text_measure(ui->engine, text, &st).h;
}

// "Techniques used: Fake expert · Misleading statistic", or NULL.
static char *techniques_line(TechniqueSet set) {
  if (!set) {
    return NULL;
  }
  StrBuf b = {0};
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    if (set & (1u << i)) {
      if (b.len) {
        strbuf_append(&b, " · ");
      }
      strbuf_append(&b, gameplay_technique_label((Technique)i));
    }
  }
  char *names = strbuf_take(&b);
  char *line = xasprintf(_("Techniques used: %s"), names);
  free(names);
  return line;
}

void gameplay_page_free(GameplayPage *p) {
  if (!p) {
    return;
  }
  free(p->truth_text);
  free(p->tech_text);
  *p = (GameplayPage){0};
}

void gameplay_page_layout(GameplayPage *p, const Ui *ui, const Pack *pack, const PackItem *item, Rect area) {
  gameplay_page_free(p);
  const Theme *t = ui->theme;
  p->pack = pack;
  p->item = item;
  p->truth_text = gameplay_truth_sentence(item);
  p->tech_text = techniques_line(item->techniques);
  float gap = ui_gap(ui) * 0.5f;
  float w = area.w;
  // The tip's card: its word at the start side, the tip beside it.
  TextStyle head_st = page_style(ui, THEME_TEXT_BODY, true, t->text);
  float tip_word_w = item->tip ? text_measure(ui->engine, _("Tip"), &head_st).w + ui_gap(ui) : 0;
  float inner = w - 2 * ui_gap(ui) - PAGE_EDGE_W - tip_word_w;
  // The fixed part, measured.
  float truth_h = measure_h(ui, p->truth_text, page_style(ui, THEME_TEXT_BODY, false, t->text), w);
  float tech_h = measure_h(ui, p->tech_text, page_style(ui, THEME_TEXT_BODY, true, t->text), w);
  TextStyle tip_st = text_style(theme_text_size(t, THEME_TEXT_BODY), t->text, pack_item_lang(pack, item));
  float tip_h = item->tip ? measure_h(ui, item->tip, tip_st, inner) : 0;
  float tip_card_h = item->tip ? tip_h + 2 * ui_gap(ui) * 0.5f : 0;
  float fixed = truth_h + gap + (tech_h > 0 ? tech_h + gap : 0) + (tip_card_h > 0 ? tip_card_h + gap : 0);
  // The headline card: as tall as the headline wants at its size, but
  // giving way so the fixed part and a line of the scrolling part fit.
  float line = text_line_height(ui->engine, &tip_st);
  TextStyle hs = text_style(PAGE_HEADLINE_SIZE, t->text, pack_item_lang(pack, item));
  hs.weight = TEXT_WEIGHT_BOLD;
  hs.wrap_width = w - 2 * PAGE_HEADLINE_PAD;
  float want = fminf(PAGE_HEADLINE_MAX_H, text_measure(ui->engine, item->headline, &hs).h + 2 * PAGE_HEADLINE_PAD);
  float room = area.h - fixed - gap - line;
  float hl_h = fmaxf(PAGE_HEADLINE_MIN_H, fminf(want, room));
  p->overflow = room < PAGE_HEADLINE_MIN_H;
  float y = area.y;
  p->headline = (Rect){area.x, y, w, hl_h};
  y += hl_h + gap;
  p->truth = (Rect){area.x, y, w, truth_h};
  y += truth_h + gap;
  p->techniques = (Rect){area.x, y, w, tech_h};
  y += tech_h > 0 ? tech_h + gap : 0;
  p->tip_card = (Rect){area.x, y, w, tip_card_h};
  p->tip_head = (Rect){area.x + PAGE_EDGE_W + ui_gap(ui), y + ui_gap(ui) * 0.5f, tip_word_w, tip_h};
  p->tip = (Rect){p->tip_head.x + tip_word_w, p->tip_head.y, inner, tip_h};
  y += tip_card_h > 0 ? tip_card_h + gap : 0;
  p->body = (Rect){area.x, y, w, fmaxf(0, area.y + area.h - y)};
  p->body_h = gameplay_explain_body_draw(ui, pack, item, p->body, 0, false);
  // Mirrored for right-to-left interfaces (the body mirrors nothing: it
  // spans the width).
  p->headline = ui_mirror(ui, p->headline);
  p->truth = ui_mirror(ui, p->truth);
  p->techniques = ui_mirror(ui, p->techniques);
  p->tip_card = ui_mirror(ui, p->tip_card);
  p->tip_head = ui_mirror(ui, p->tip_head);
  p->tip = ui_mirror(ui, p->tip);
}

static void draw_text_in(const Ui *ui, const char *text, TextStyle st, Rect box) {
  if (text && text[0] && box.h > 0) {
    st.wrap_width = box.w;
    text_draw(ui->engine, text, &st, box);
  }
}

void gameplay_page_draw(const GameplayPage *p, const Ui *ui, float scroll) {
  const Theme *t = ui->theme;
  gameplay_headline_draw(ui, p->pack, p->item, p->headline, PAGE_HEADLINE_SIZE);
  Color truth = p->item->answer == PACK_ANSWER_REAL ? t->real : t->fabricated;
  Rect edge = {ui->rtl ? p->headline.x + p->headline.w - 14.0f : p->headline.x, p->headline.y, 14.0f, p->headline.h};
  draw_round_rect(ui->engine, edge, 7.0f, truth);
  draw_text_in(ui, p->truth_text, page_style(ui, THEME_TEXT_BODY, false, t->text), p->truth);
  TextStyle ts = page_style(ui, THEME_TEXT_BODY, true, t->high_contrast ? t->text : t->fabricated);
  draw_text_in(ui, p->tech_text, ts, p->techniques);
  if (p->item->tip) {
    ui_card_draw(ui, p->tip_card);
    Rect tedge = {ui->rtl ? p->tip_card.x + p->tip_card.w - PAGE_EDGE_W : p->tip_card.x, p->tip_card.y, PAGE_EDGE_W,
                  p->tip_card.h};
    draw_round_rect(ui->engine, tedge, 6.0f, t->accent);
    draw_text_in(ui, _("Tip"), page_style(ui, THEME_TEXT_BODY, true, t->high_contrast ? t->text : t->accent),
                 p->tip_head);
    TextStyle tip = text_style(theme_text_size(t, THEME_TEXT_BODY), t->text, pack_item_lang(p->pack, p->item));
    draw_text_in(ui, p->item->tip, tip, p->tip);
  }
  if (p->body.h > 0) {
    gameplay_explain_body_draw(ui, p->pack, p->item, p->body, scroll, true);
  }
}

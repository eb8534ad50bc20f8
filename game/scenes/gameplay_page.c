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

// The headline's size on this page at Normal (it grows with the text size).
#define PAGE_HEADLINE_SIZE 52.0f
#define PAGE_EDGE_W 12.0f

static TextStyle page_style(const Ui *ui, float size, bool bold, Color color, const char *lang) {
  TextStyle st = ui_text_style(ui, THEME_TEXT_BODY, color);
  st.size = size;
  st.weight = bold ? TEXT_WEIGHT_BOLD : TEXT_WEIGHT_REGULAR;
  if (lang) {
    st.lang = lang;
  }
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
  free(p->truth_moved);
  free(p->tech_text);
  memset(p, 0, sizeof *p);
}

static float page_gap(const Ui *ui) {
  return ui_gap(ui) * 0.5f;
}

// The fixed part's heights at text size `size` in width `w`.
typedef struct PageFixed {
  float said_h, truth_h, tech_h, note_h, tip_h, tip_word_w, tip_card_h, total;
} PageFixed;

static TextStyle said_style(const Ui *ui) {
  return ui_text_style(ui, THEME_TEXT_SMALL, ui->theme->text_muted);
}

static PageFixed measure_fixed(const Ui *ui, const GameplayPage *p, float size, float w) {
  const Theme *t = ui->theme;
  PageFixed f = {0};
  float gap = page_gap(ui);
  if (p->item->tip) {
    TextStyle head = page_style(ui, size, true, t->text, NULL);
    f.tip_word_w = text_measure(ui->engine, _("Tip"), &head).w + ui_gap(ui);
    float inner = w - 2 * ui_gap(ui) - PAGE_EDGE_W - f.tip_word_w;
    f.tip_h =
        measure_h(ui, p->item->tip, page_style(ui, size, false, t->text, pack_item_lang(p->pack, p->item)), inner);
    f.tip_card_h = f.tip_h + ui_gap(ui);
  }
  f.said_h = p->said_scrolls ? 0 : measure_h(ui, p->said, said_style(ui), w);
  f.truth_h = measure_h(ui, p->truth_text, page_style(ui, size, false, t->text, NULL), w);
  f.tech_h = measure_h(ui, p->tech_text, page_style(ui, size, true, t->text, NULL), w);
  f.note_h = measure_h(ui, p->note, page_style(ui, size, false, t->text, NULL), w);
  f.total = (f.said_h > 0 ? f.said_h + gap : 0) + f.truth_h + gap + (f.tech_h > 0 ? f.tech_h + gap : 0) +
            (f.note_h > 0 ? f.note_h + gap : 0) + (f.tip_card_h > 0 ? f.tip_card_h + gap : 0);
  return f;
}

// The headline card's height: the headline wrapped at its full size.
static float headline_card_h(const Ui *ui, const GameplayPage *p, float w) {
  TextStyle hs =
      text_style(PAGE_HEADLINE_SIZE * ui->theme->text_scale, ui->theme->text, pack_item_lang(p->pack, p->item));
  hs.weight = TEXT_WEIGHT_BOLD;
  hs.wrap_width = w - 2 * GAMEPLAY_HEADLINE_PAD;
  return ceilf(text_measure(ui->engine, p->item->headline, &hs).h) + 2 * GAMEPLAY_HEADLINE_PAD + 2.0f;
}

// What moved into the body before the explanation, in reading order: the
// headline card, the "You answered" line, the truth sentence.
static float prefix_h(const Ui *ui, const GameplayPage *p) {
  float w = p->body.w - 40.0f;
  float h = p->headline_scrolls ? p->headline_h + page_gap(ui) : 0;
  if (p->said_scrolls) {
    h += measure_h(ui, p->said, said_style(ui), w) + page_gap(ui);
  }
  if (p->truth_moved) {
    h += measure_h(ui, p->truth_moved,
                   page_style(ui, theme_text_size(ui->theme, THEME_TEXT_BODY), false, ui->theme->text, NULL), w) +
         page_gap(ui);
  }
  return h;
}

// Decides what stays in view (see gameplay.h) and measures the fixed part.
// Nothing gets smaller: what does not fit moves into the body, in order.
static PageFixed page_choose(GameplayPage *p, const Ui *ui, Rect area, float fixed_max) {
  float gap = page_gap(ui);
  TextStyle body = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  p->size = theme_text_size(ui->theme, THEME_TEXT_BODY);
  if (fixed_max > 0) {
    p->size = fminf(p->size, fixed_max);
  }
  // The body's one line in view is a line at the fixed part's size.
  body.size = p->size;
  float line = text_line_height(ui->engine, &body);
  PageFixed f = measure_fixed(ui, p, p->size, area.w);
  p->headline_h = headline_card_h(ui, p, area.w);
  p->headline_scrolls = f.total + p->headline_h + gap + line > area.h;
  if (f.total + line > area.h && p->said) {
    p->said_scrolls = true;
    f = measure_fixed(ui, p, p->size, area.w);
  }
  if (f.total + line > area.h) {
    // The source stays ("Source: The Guardian, 17 April 2016."); "This
    // headline is real." moves.
    char *source = gameplay_source_sentence(p->item);
    if (source) {
      free(p->truth_text);
      p->truth_moved = gameplay_truth_short(p->item);
      p->truth_text = source;
      f = measure_fixed(ui, p, p->size, area.w);
    }
  }
  // Last: the fixed part at the size of a smaller text step, one step at
  // a time. The shape's room shrinks less from step to step than the text
  // grows, so a page capped at one step keeps at least that size at the
  // next: no text here gets smaller when the player turns the size up
  // (tests/scenes/test_gameplay_layout.c checks every shape and step).
  for (int k = (int)ui->theme->text_size - 1; k >= 0 && f.total + line > area.h; k--) {
    float size = roundf(theme_text_size_normal(THEME_TEXT_BODY) * theme_text_scale((SettingsTextSize)k));
    if (size >= p->size) {
      continue;
    }
    p->size = size;
    f = measure_fixed(ui, p, p->size, area.w);
    body.size = p->size;
    line = text_line_height(ui->engine, &body);
  }
  p->overflow = f.total + line > area.h;
  return f;
}

void gameplay_page_layout(GameplayPage *p, const Ui *ui, const Pack *pack, const PackItem *item, const char *said,
                          Rect area, float fixed_max) {
  gameplay_page_layout_noted(p, ui, pack, item, said, NULL, area, fixed_max);
}

void gameplay_page_layout_noted(GameplayPage *p, const Ui *ui, const Pack *pack, const PackItem *item, const char *said,
                                const GameplayPageNote *note, Rect area, float fixed_max) {
  gameplay_page_free(p);
  p->pack = pack;
  p->item = item;
  p->said = said;
  if (note) {
    p->note = note->text;
    p->note_right = note->right;
  }
  p->truth_text = gameplay_truth_sentence(item);
  p->tech_text = techniques_line(item->techniques);
  float gap = page_gap(ui);
  float w = area.w;
  PageFixed f = page_choose(p, ui, area, fixed_max);
  float y = area.y;
  p->headline = (Rect){area.x, y, w, p->headline_scrolls ? 0 : p->headline_h};
  y += p->headline_scrolls ? 0 : p->headline_h + gap;
  p->said_box = (Rect){area.x, y, w, f.said_h};
  y += f.said_h > 0 ? f.said_h + gap : 0;
  p->truth = (Rect){area.x, y, w, f.truth_h};
  y += f.truth_h + gap;
  p->techniques = (Rect){area.x, y, w, f.tech_h};
  y += f.tech_h > 0 ? f.tech_h + gap : 0;
  p->note_box = (Rect){area.x, y, w, f.note_h};
  y += f.note_h > 0 ? f.note_h + gap : 0;
  p->tip_card = (Rect){area.x, y, w, f.tip_card_h};
  p->tip_head = (Rect){area.x + PAGE_EDGE_W + ui_gap(ui), y + ui_gap(ui) * 0.5f, f.tip_word_w, f.tip_h};
  p->tip =
      (Rect){p->tip_head.x + f.tip_word_w, p->tip_head.y, w - 2 * ui_gap(ui) - PAGE_EDGE_W - f.tip_word_w, f.tip_h};
  y += f.tip_card_h > 0 ? f.tip_card_h + gap : 0;
  p->body = (Rect){area.x, y, w, fmaxf(0, area.y + area.h - y)};
  p->body_h = prefix_h(ui, p) + gameplay_explain_body_draw(ui, pack, item, p->body, 0, false);
  // Mirrored for right-to-left interfaces (the body mirrors nothing: it
  // spans the width).
  p->headline = ui_mirror(ui, p->headline);
  p->said_box = ui_mirror(ui, p->said_box);
  p->truth = ui_mirror(ui, p->truth);
  p->techniques = ui_mirror(ui, p->techniques);
  p->note_box = ui_mirror(ui, p->note_box);
  p->tip_card = ui_mirror(ui, p->tip_card);
  p->tip_head = ui_mirror(ui, p->tip_head);
  p->tip = ui_mirror(ui, p->tip);
}

// Text through the kit (which counts anything it had to cut) in a box
// measured for it.
static void draw_text_in(const Ui *ui, const char *text, TextStyle st, Rect box) {
  if (text && text[0] && box.h > 0) {
    ui_text_fitted(ui, text, &st, box, st.size);
  }
}

// The headline card with the truth's colour at its start edge.
static void draw_headline(const GameplayPage *p, const Ui *ui, Rect card) {
  const Theme *t = ui->theme;
  gameplay_headline_draw(ui, p->pack, p->item, card, PAGE_HEADLINE_SIZE * t->text_scale);
  Color truth = p->item->answer == PACK_ANSWER_REAL ? t->real : t->fabricated;
  Rect edge = {ui->rtl ? card.x + card.w - 14.0f : card.x, card.y, 14.0f, card.h};
  draw_round_rect(ui->engine, edge, 7.0f, truth);
}

// One text of the body's prefix at `*y`, moving it down.
static void draw_moved(const Ui *ui, const char *text, TextStyle st, float x, float w, float *y) {
  float h = measure_h(ui, text, st, w);
  draw_text_in(ui, text, st, (Rect){x, *y, w, h + 1.0f});
  *y += h + page_gap(ui);
}

// The body: what moved into it (headline card, said, truth), then the explanation.
static void draw_body(const GameplayPage *p, const Ui *ui, float scroll) {
  float y = p->body.y - scroll;
  float pre = prefix_h(ui, p);
  if (pre > 0) {
    UiClip clip = ui_clip_begin(ui, p->body);
    float w = p->body.w - 40.0f;  // room for the scroll bar, as the explanation leaves
    float x = ui->rtl ? p->body.x + 40.0f : p->body.x;
    if (p->headline_scrolls) {
      draw_headline(p, ui, (Rect){x, y, w, p->headline_h});
      y += p->headline_h + page_gap(ui);
    }
    if (p->said_scrolls) {
      draw_moved(ui, p->said, said_style(ui), x, w, &y);
    }
    if (p->truth_moved) {
      draw_moved(ui, p->truth_moved,
                 page_style(ui, theme_text_size(ui->theme, THEME_TEXT_BODY), false, ui->theme->text, NULL), x, w, &y);
    }
    ui_clip_end(ui, clip);
  }
  gameplay_explain_body_draw(ui, p->pack, p->item, p->body, scroll - pre, true);
}

void gameplay_page_draw(const GameplayPage *p, const Ui *ui, float scroll) {
  gameplay_page_draw_fixed(p, ui);
  gameplay_page_draw_body(p, ui, scroll);
}

void gameplay_page_draw_body(const GameplayPage *p, const Ui *ui, float scroll) {
  if (p->body.h > 0) {
    draw_body(p, ui, scroll);
  }
}

void gameplay_page_draw_fixed(const GameplayPage *p, const Ui *ui) {
  const Theme *t = ui->theme;
  if (!p->headline_scrolls) {
    draw_headline(p, ui, p->headline);
  }
  if (p->said && !p->said_scrolls) {
    draw_text_in(ui, p->said, said_style(ui), p->said_box);
  }
  draw_text_in(ui, p->truth_text, page_style(ui, p->size, false, t->text, NULL), p->truth);
  draw_text_in(ui, p->tech_text, page_style(ui, p->size, true, t->high_contrast ? t->text : t->fabricated, NULL),
               p->techniques);
  if (p->note) {
    Color nc = t->high_contrast ? t->text : p->note_right ? t->correct : t->wrong;
    draw_text_in(ui, p->note, page_style(ui, p->size, false, nc, NULL), p->note_box);
  }
  if (p->item->tip) {
    ui_card_draw(ui, p->tip_card);
    Rect tedge = {ui->rtl ? p->tip_card.x + p->tip_card.w - PAGE_EDGE_W : p->tip_card.x, p->tip_card.y, PAGE_EDGE_W,
                  p->tip_card.h};
    draw_round_rect(ui->engine, tedge, 6.0f, t->accent);
    draw_text_in(ui, _("Tip"), page_style(ui, p->size, true, t->high_contrast ? t->text : t->accent, NULL),
                 p->tip_head);
    draw_text_in(ui, p->item->tip, page_style(ui, p->size, false, t->text, pack_item_lang(p->pack, p->item)), p->tip);
  }
}

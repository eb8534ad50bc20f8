#include "scenes/ui.h"

#include <math.h>

#include "engine/engine.h"

// ---- chip ------------------------------------------------------------------
// A label, not a control: a flat card-coloured pill (no raised surface, no
// border, no hover or pressed state), a small badge in the meaning's colour
// with its icon, and the word in the text colour. It looks like the legend
// of the answer buttons, never like one of them.

UiChipStyle ui_chip_style(const Ui *ui, UiChipKind kind) {
  const Theme *t = ui->theme;
  UiChipStyle st = {.fill = t->surface, .text = t->text, .badge = t->accent, .on_badge = t->on_accent};
  switch (kind) {
  case UI_CHIP_REAL:
    st.badge = t->real_fill;
    st.on_badge = t->on_real;
    break;
  case UI_CHIP_FABRICATED:
    st.badge = t->fabricated_fill;
    st.on_badge = t->on_fabricated;
    break;
  case UI_CHIP_NEUTRAL:
    break;
  }
  st.border_w = 0;  // flat: a border is what makes a button look pressable
  st.raised = false;
  return st;
}

static TextStyle chip_text(const Ui *ui, Color color) {
  TextStyle st = ui_text_style(ui, THEME_TEXT_SMALL, color);
  st.weight = TEXT_WEIGHT_BOLD;
  st.valign = TEXT_VALIGN_MIDDLE;
  return st;
}

float ui_chip_height(const Ui *ui) {
  TextStyle st = chip_text(ui, ui->theme->text);
  return ceilf(text_line_height(ui->engine, &st) * 1.5f);
}

// The badge is a circle as tall as the text line; padding on both sides.
static float chip_pad(float h) {
  return roundf(h * 0.22f);
}

float ui_chip_width(const Ui *ui, const UiChip *chip) {
  float h = ui_chip_height(ui);
  TextStyle st = chip_text(ui, ui->theme->text);
  float word = ceilf(text_measure(ui->engine, chip->label, &st).w) + 2;
  float badge = chip->icon != UI_NO_ICON ? h - 2 * chip_pad(h) + chip_pad(h) : 0;
  return chip_pad(h) + badge + word + chip_pad(h) * 1.5f;
}

void ui_chip_draw(const Ui *ui, const UiChip *chip) {
  UiChipStyle cs = ui_chip_style(ui, chip->kind);
  Rect r = chip->rect;
  float pad = chip_pad(r.h);
  draw_round_rect(ui->engine, r, r.h / 2, cs.fill);
  float bd = r.h - 2 * pad;
  float start = pad;
  if (chip->icon != UI_NO_ICON) {
    Rect badge = {ui->rtl ? r.x + r.w - pad - bd : r.x + pad, r.y + pad, bd, bd};
    draw_round_rect(ui->engine, badge, bd / 2, cs.badge);
    ui_icon_draw(ui, chip->icon, rect_inset(badge, bd * 0.2f), cs.on_badge);
    start += bd + pad;
  }
  TextStyle st = chip_text(ui, cs.text);
  st.align = TEXT_ALIGN_START;
  float end_pad = pad * 1.5f;
  Rect word = {ui->rtl ? r.x + end_pad : r.x + start, r.y, r.w - start - end_pad, r.h};
  ui_text_line(ui, chip->label, &st, word, st.size);
}

#include "scenes/ui.h"

#include <math.h>

#include "engine/engine.h"

// ---- dialog ------------------------------------------------------------------

static TextStyle dialog_title_style(const Ui *ui, Color color, bool centred) {
  TextStyle st = ui_text_style(ui, THEME_TEXT_TITLE, color);
  st.weight = TEXT_WEIGHT_BOLD;
  st.align = centred ? TEXT_ALIGN_CENTER : TEXT_ALIGN_START;
  return st;
}

static TextStyle dialog_body_style(const Ui *ui) {
  return ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
}

void ui_dialog_layout(UiDialog *d, const Ui *ui, const UiDialogSpec *spec) {
  float m = ui_margin(ui), gap = ui_gap(ui), bh = ui_button_h(ui);
  float pad = m / 1.5f;
  float card_w = fminf(1280.0f, ui_w(ui) - 2 * m);
  float inner_w = card_w - 2 * pad;
  *d = (UiDialog){.count = spec->count < UI_DIALOG_MAX_BUTTONS ? spec->count : UI_DIALOG_MAX_BUTTONS};
  // Buttons side by side when their words fit, else one under the other.
  float widest = 0;
  for (int i = 0; i < d->count; i++) {
    UiButton b = ui_button(0, (Rect){0}, spec->labels[i], UI_BUTTON_NORMAL);
    widest = fmaxf(widest, ui_button_width(ui, &b, bh, false));
  }
  float row_w = (float)d->count * widest + (float)(d->count - 1) * gap;
  bool stacked = row_w > inner_w;
  float buttons_h = stacked ? (float)d->count * bh + (float)(d->count - 1) * gap : bh;
  // Title and message are measured wrapped at the card's width, so the card
  // is as tall as they need (up to the canvas; then they are fitted).
  TextStyle ts = dialog_title_style(ui, ui->theme->text, spec->centred);
  ts.wrap_width = inner_w;
  float title_h = spec->title && *spec->title ? text_measure(ui->engine, spec->title, &ts).h : 0;
  TextStyle bs = dialog_body_style(ui);
  bs.wrap_width = inner_w;
  float body_h = spec->message && *spec->message ? text_measure(ui->engine, spec->message, &bs).h : 0;
  float content_h = title_h + (title_h > 0 && body_h > 0 ? gap : 0) + body_h;
  float max_h = ui_h(ui) - 2 * m;
  float card_h = fminf(max_h, fmaxf(2 * pad + content_h + 2 * gap + buttons_h, bh * 3));
  d->card = (Rect){(ui_w(ui) - card_w) / 2, (ui_h(ui) - card_h) / 2, card_w, card_h};
  float room = card_h - 2 * pad - 2 * gap - buttons_h;
  float y = d->card.y + pad;
  if (content_h > room && content_h > 0) {
    // Too tall for the canvas: share the room in proportion; the fitting
    // cuts (and counts) what still cannot fit.
    title_h = roundf(room * title_h / content_h);
    body_h = room - title_h - (title_h > 0 && body_h > 0 ? gap : 0);
  }
  d->title = ui_mirror(ui, (Rect){d->card.x + pad, y, inner_w, title_h});
  d->message = ui_mirror(ui, (Rect){d->card.x + pad, y + title_h + (title_h > 0 ? gap : 0), inner_w, body_h});
  float by = d->card.y + card_h - pad - buttons_h;
  for (int i = 0; i < d->count; i++) {
    Rect r;
    if (stacked) {
      r = (Rect){d->card.x + pad, by + (float)i * (bh + gap), inner_w, bh};
    } else {
      // At the end side, in the given order, each as wide as the widest word.
      float w = fmaxf(widest, fminf(440.0f, (inner_w - (float)(d->count - 1) * gap) / (float)d->count));
      float x0 = d->card.x + d->card.w - pad - ((float)d->count * w + (float)(d->count - 1) * gap);
      r = (Rect){x0 + (float)i * (w + gap), by, w, bh};
    }
    d->buttons[i] = ui_mirror(ui, r);
  }
}

void ui_dialog_draw(const Ui *ui, const UiDialog *d, const UiDialogSpec *spec) {
  ui_scrim_draw(ui);
  ui_card_draw(ui, d->card);
  if (spec->title && *spec->title && d->title.h > 0) {
    TextStyle ts = dialog_title_style(ui, spec->warning ? ui->theme->warning : ui->theme->text, spec->centred);
    ui_text_fitted(ui, spec->title, &ts, d->title, ts.size);
  }
  if (spec->message && *spec->message && d->message.h > 0) {
    TextStyle bs = dialog_body_style(ui);
    bs.align = spec->centred ? TEXT_ALIGN_CENTER : TEXT_ALIGN_START;
    ui_text_fitted(ui, spec->message, &bs, d->message, bs.size);
  }
}

#include "scenes/ui.h"

#include <math.h>

#include "engine/engine.h"

float ui_w(const Ui *ui) {
  return ui->w;
}

float ui_h(const Ui *ui) {
  return ui->h;
}

Rect ui_content_rect(const Ui *ui) {
  float top = UI_CONTENT_TOP;
  return (Rect){UI_MARGIN, top, ui_w(ui) - 2 * UI_MARGIN, ui_h(ui) - top - UI_GAP * 2};
}

Rect ui_mirror(const Ui *ui, Rect r) {
  if (ui->rtl) {
    r.x = ui_w(ui) - r.x - r.w;
  }
  return r;
}
// ---- shapes ----------------------------------------------------------------

void ui_card_draw(const Ui *ui, Rect r) {
  const Theme *t = ui->theme;
  draw_round_rect(ui->engine, r, t->radius, t->surface);
  draw_round_rect_outline(ui->engine, r, t->radius, t->high_contrast ? 3.0f : 2.0f, t->border);
}

void ui_focus_ring_draw(const Ui *ui, Rect r) {
  const Theme *t = ui->theme;
  float gap = 4.0f;
  float grow = t->focus_thickness + gap;
  // A dark line inside the ring keeps it visible against light fills too.
  draw_round_rect_outline(ui->engine, rect_inset(r, -gap), t->radius + gap, gap, t->background);
  draw_round_rect_outline(ui->engine, rect_inset(r, -grow), t->radius + grow, t->focus_thickness, t->focus);
}

void ui_scrim_draw(const Ui *ui) {
  draw_fill_rect(ui->engine, (Rect){0, 0, ui_w(ui), ui_h(ui)}, ui->theme->scrim);
}

#include "scenes/ui.h"

#include <math.h>
#include <string.h>

#include "engine/engine.h"

float ui_w(const Ui *ui) {
  return ui->w;
}

float ui_h(const Ui *ui) {
  return ui->h;
}

float ui_margin(const Ui *ui) {
  return ui->theme->margin;
}

float ui_gap(const Ui *ui) {
  return ui->theme->gap;
}

float ui_header_h(const Ui *ui) {
  return ui->theme->header_h;
}

float ui_button_h(const Ui *ui) {
  return ui->theme->button_h;
}

float ui_content_top(const Ui *ui) {
  return fmaxf(ui_header_h(ui), ui->header_bottom) + 2 * ui_gap(ui);
}

Rect ui_content_rect(const Ui *ui) {
  float top = ui_content_top(ui), m = ui_margin(ui);
  return (Rect){m, top, ui_w(ui) - 2 * m, ui_h(ui) - top - ui_gap(ui) * 2};
}

void ui_stats_clear(UiStats *stats) {
  memset(stats, 0, sizeof *stats);
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

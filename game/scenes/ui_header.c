#include "scenes/ui.h"

#include <math.h>

#include "base/i18n.h"
#include "engine/engine.h"

// ---- header bar ------------------------------------------------------------

// Slots, left to right before mirroring. Help's word is short, Settings'
// long; both keep their word at the largest text size (hints give way).
#define HEADER_BUTTON_H 96.0f
#define HEADER_EDGE (UI_MARGIN - 24)
#define HEADER_BACK_W 300.0f
#define HEADER_HELP_W 240.0f
#define HEADER_SETTINGS_W 390.0f
#define HEADER_BUTTON_GAP 16.0f
#define HEADER_HELP_X (ui_w(ui) - HEADER_EDGE - HEADER_HELP_W)
#define HEADER_SETTINGS_X (HEADER_HELP_X - HEADER_BUTTON_GAP - HEADER_SETTINGS_W)

Rect ui_header_start_rect(const Ui *ui) {
  return ui_mirror(ui, (Rect){HEADER_EDGE, (UI_HEADER_H - HEADER_BUTTON_H) / 2, HEADER_BACK_W, HEADER_BUTTON_H});
}

void ui_form_add_header(UiForm *form, const Ui *ui, bool with_back, bool with_settings) {
  float y = (UI_HEADER_H - HEADER_BUTTON_H) / 2;
  if (with_back) {
    UiButton back = ui_button(UI_ID_BACK, ui_header_start_rect(ui), _("Back"), UI_BUTTON_NORMAL);
    back.icon = ui->rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
    back.key_hint = _("Esc");
    ui_form_add(form, back);
  }
  if (with_settings) {
    UiButton settings =
        ui_button(UI_ID_SETTINGS, ui_mirror(ui, (Rect){HEADER_SETTINGS_X, y, HEADER_SETTINGS_W, HEADER_BUTTON_H}),
                  _("Settings"), UI_BUTTON_NORMAL);
    settings.icon = UI_ICON_GEAR;
    settings.key_hint = _("F2");
    ui_form_add(form, settings);
  }
  UiButton help = ui_button(UI_ID_HELP, ui_mirror(ui, (Rect){HEADER_HELP_X, y, HEADER_HELP_W, HEADER_BUTTON_H}),
                            _("Help"), UI_BUTTON_NORMAL);
  help.key_hint = _("F1");
  ui_form_add(form, help);
}

void ui_header_draw(const Ui *ui, const char *title) {
  const Theme *t = ui->theme;
  draw_fill_rect(ui->engine, (Rect){0, 0, ui_w(ui), UI_HEADER_H}, t->surface);
  draw_fill_rect(ui->engine, (Rect){0, UI_HEADER_H - 3, ui_w(ui), 3}, t->border);
  TextStyle st = ui_text_style(ui, THEME_TEXT_TITLE, t->text);
  st.weight = TEXT_WEIGHT_BOLD;
  st.align = TEXT_ALIGN_CENTER;
  st.valign = TEXT_VALIGN_MIDDLE;
  // Centred on the canvas when the title fits there at its full size (the
  // wider end side decides the room); otherwise centred in all the room
  // between the buttons, which is a little off-centre but larger.
  float end_side = ui_w(ui) - HEADER_SETTINGS_X + UI_GAP;
  Rect box = {end_side, 8, ui_w(ui) - 2 * end_side, UI_HEADER_H - 16};
  if (text_measure(ui->engine, title, &st).w > box.w) {
    float start = HEADER_EDGE + HEADER_BACK_W + UI_GAP;
    box = ui_mirror(ui, (Rect){start, 8, HEADER_SETTINGS_X - UI_GAP - start, UI_HEADER_H - 16});
  }
  // One line always: a wrapped title in a bar this high is cramped and hard
  // to read from the back of a room. Shrink to ~60% at most, then cut.
  ui_text_line(ui, title, &st, box, fmaxf(32.0f, roundf(st.size * 0.6f)));
}

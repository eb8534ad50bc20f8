#include "scenes/ui.h"

#include <math.h>

#include "base/i18n.h"
#include "engine/engine.h"

// ---- header bar ------------------------------------------------------------

// The header's slots, left to right before mirroring, sized from their
// words at the current text size. When Back, Settings and Help with their
// key hints leave the title too little room (narrow canvas, large text),
// the hints go first (the help lists every key), then Settings keeps only
// its gear.
typedef struct HeaderSlots {
  Rect back, settings, help;  // not mirrored
  bool hints, settings_word;
} HeaderSlots;

#define HEADER_BUTTON_GAP 16.0f

static float header_edge(const Ui *ui) {
  return ui_margin(ui) - 24;
}

static HeaderSlots header_slots(const Ui *ui) {
  HeaderSlots hs = {.hints = true, .settings_word = true};
  float h = ui->theme->header_button_h;
  float y = (ui_header_h(ui) - h) / 2;
  UiButton back = ui_button(UI_ID_BACK, (Rect){0}, _("Back"), UI_BUTTON_NORMAL);
  back.icon = DRAW_ICON_ARROW_LEFT;
  back.key_hint = _("Esc");
  UiButton settings = ui_button(UI_ID_SETTINGS, (Rect){0}, _("Settings"), UI_BUTTON_NORMAL);
  settings.icon = UI_ICON_GEAR;
  settings.key_hint = _("F2");
  UiButton help = ui_button(UI_ID_HELP, (Rect){0}, _("Help"), UI_BUTTON_NORMAL);
  help.key_hint = _("F1");
  float min_w = h * 1.5f;
  float wb = 0, ws = 0, wh = 0;
  for (int attempt = 0; attempt < 3; attempt++) {
    hs.hints = attempt == 0;
    hs.settings_word = attempt < 2;
    settings.icon_only = !hs.settings_word;
    wb = fmaxf(min_w, ui_button_width(ui, &back, h, hs.hints));
    ws = fmaxf(hs.settings_word ? min_w : h, ui_button_width(ui, &settings, h, hs.hints));
    wh = fmaxf(min_w, ui_button_width(ui, &help, h, hs.hints));
    float title_room = ui_w(ui) - 2 * header_edge(ui) - wb - ws - wh - HEADER_BUTTON_GAP - 2 * ui_gap(ui);
    if (title_room >= ui_w(ui) * 0.3f) {
      break;
    }
  }
  float edge = header_edge(ui);
  hs.back = (Rect){edge, y, wb, h};
  hs.help = (Rect){ui_w(ui) - edge - wh, y, wh, h};
  hs.settings = (Rect){hs.help.x - HEADER_BUTTON_GAP - ws, y, ws, h};
  return hs;
}

Rect ui_header_start_rect(const Ui *ui) {
  return ui_mirror(ui, header_slots(ui).back);
}

void ui_form_add_header(UiForm *form, const Ui *ui, bool with_back, bool with_settings) {
  HeaderSlots hs = header_slots(ui);
  if (with_back) {
    UiButton back = ui_button(UI_ID_BACK, ui_mirror(ui, hs.back), _("Back"), UI_BUTTON_NORMAL);
    back.icon = ui->rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
    back.key_hint = hs.hints ? _("Esc") : NULL;
    ui_form_add(form, back);
  }
  if (with_settings) {
    UiButton settings = ui_button(UI_ID_SETTINGS, ui_mirror(ui, hs.settings), _("Settings"), UI_BUTTON_NORMAL);
    settings.icon = UI_ICON_GEAR;
    settings.key_hint = hs.hints ? _("F2") : NULL;
    settings.icon_only = !hs.settings_word;
    ui_form_add(form, settings);
  }
  UiButton help = ui_button(UI_ID_HELP, ui_mirror(ui, hs.help), _("Help"), UI_BUTTON_NORMAL);
  help.key_hint = hs.hints ? _("F1") : NULL;
  ui_form_add(form, help);
}

void ui_header_draw(const Ui *ui, const char *title) {
  const Theme *t = ui->theme;
  float bar_h = ui_header_h(ui);
  draw_fill_rect(ui->engine, (Rect){0, 0, ui_w(ui), bar_h}, t->surface);
  draw_fill_rect(ui->engine, (Rect){0, bar_h - 3, ui_w(ui), 3}, t->border);
  TextStyle st = ui_text_style(ui, THEME_TEXT_TITLE, t->text);
  st.weight = TEXT_WEIGHT_BOLD;
  st.align = TEXT_ALIGN_CENTER;
  st.valign = TEXT_VALIGN_MIDDLE;
  HeaderSlots hs = header_slots(ui);
  // Centred on the canvas when the title fits there at its full size (the
  // wider end side decides the room); otherwise centred in all the room
  // between the buttons, which is a little off-centre but larger.
  float end_side = ui_w(ui) - hs.settings.x + ui_gap(ui);
  Rect box = {end_side, 8, ui_w(ui) - 2 * end_side, bar_h - 16};
  if (text_measure(ui->engine, title, &st).w > box.w) {
    float start = hs.back.x + hs.back.w + ui_gap(ui);
    box = ui_mirror(ui, (Rect){start, 8, hs.settings.x - ui_gap(ui) - start, bar_h - 16});
  }
  // One line always: a wrapped title in a bar this high is cramped and hard
  // to read from the back of a room. Shrink to half at most (never below
  // the Normal title size, ui_text_floor), then cut.
  ui_text_line(ui, title, &st, box, fmaxf(32.0f, roundf(st.size * 0.5f)));
}

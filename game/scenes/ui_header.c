#include "scenes/ui.h"

#include <math.h>

#include "base/i18n.h"
#include "base/str.h"
#include "engine/engine.h"

// ---- header bar ------------------------------------------------------------

// The header's slots, left to right before mirroring, sized from their
// words at the current text size. When Back, Settings and Help with their
// key hints leave the title too little room (narrow canvas, large text),
// the header gives the title room step by step: first the key hints go (the
// help lists every key), then Settings keeps only its gear, then Back only
// its arrow. With a title the first step at which it fits at its full size
// wins; without one (ui_form_add_header / ui_header_draw), the first that
// leaves the title 30% of the width.

#define HEADER_BUTTON_GAP 16.0f
#define HEADER_STEPS 4

static float header_edge(const Ui *ui) {
  return ui_margin(ui) - 24;
}

static TextStyle title_style(const Ui *ui) {
  TextStyle st = ui_text_style(ui, THEME_TEXT_TITLE, ui->theme->text);
  st.weight = TEXT_WEIGHT_BOLD;
  st.align = TEXT_ALIGN_CENTER;
  st.valign = TEXT_VALIGN_MIDDLE;
  return st;
}

// The title's box between the buttons (unmirrored): centred on the canvas
// when the title fits there at its full size (the wider end side decides
// the room); otherwise all the room between them, a little off-centre but
// larger.
static Rect title_box(const Ui *ui, const UiHeader *h, const char *title) {
  float bar_h = ui_header_h(ui);
  float end_side = ui_w(ui) - h->settings.x + ui_gap(ui);
  Rect box = {end_side, 8, ui_w(ui) - 2 * end_side, bar_h - 16};
  TextStyle st = title_style(ui);
  if (!title || text_measure(ui->engine, title, &st).w > box.w) {
    float start = h->back.x + h->back.w + ui_gap(ui);
    box = (Rect){start, 8, h->settings.x - ui_gap(ui) - start, bar_h - 16};
  }
  return box;
}

static void copy_hint(char *dst, size_t cap, const Ui *ui, InputAction action) {
  str_copy(dst, cap, game_key_hint(ui->engine, action));
}

UiHeader ui_header_layout(const Ui *ui, const char *title, bool with_back, bool with_settings) {
  UiHeader h = {.with_back = with_back, .with_settings = with_settings};
  copy_hint(h.back_hint, sizeof h.back_hint, ui, INPUT_ACTION_BACK);
  copy_hint(h.settings_hint, sizeof h.settings_hint, ui, INPUT_ACTION_SETTINGS);
  copy_hint(h.help_hint, sizeof h.help_hint, ui, INPUT_ACTION_HELP);
  float bh = ui->theme->header_button_h;
  float y = (ui_header_h(ui) - bh) / 2;
  UiButton back = ui_button(UI_ID_BACK, (Rect){0}, _("Back"), UI_BUTTON_NORMAL);
  back.icon = DRAW_ICON_ARROW_LEFT;
  back.key_hint = h.back_hint;
  UiButton settings = ui_button(UI_ID_SETTINGS, (Rect){0}, _("Settings"), UI_BUTTON_NORMAL);
  settings.icon = UI_ICON_GEAR;
  settings.key_hint = h.settings_hint;
  UiButton help = ui_button(UI_ID_HELP, (Rect){0}, _("Help"), UI_BUTTON_NORMAL);
  help.key_hint = h.help_hint;
  TextStyle ts = title_style(ui);
  float title_w = title ? text_measure(ui->engine, title, &ts).w : 0;
  float min_w = bh * 1.5f, edge = header_edge(ui);
  for (int step = 0; step < HEADER_STEPS; step++) {
    h.hints = step == 0;
    h.settings_word = step < 2;
    h.back_word = step < 3;
    settings.icon_only = !h.settings_word;
    back.icon_only = !h.back_word;
    float wb = with_back ? fmaxf(h.back_word ? min_w : bh, ui_button_width(ui, &back, bh, h.hints)) : min_w;
    float ws = fmaxf(h.settings_word ? min_w : bh, ui_button_width(ui, &settings, bh, h.hints));
    float wh = fmaxf(min_w, ui_button_width(ui, &help, bh, h.hints));
    h.back = (Rect){edge, y, wb, bh};
    h.help = (Rect){ui_w(ui) - edge - wh, y, wh, bh};
    h.settings = (Rect){h.help.x - HEADER_BUTTON_GAP - ws, y, ws, bh};
    if (!with_settings) {
      h.settings = (Rect){h.help.x, y, 0, bh};
    }
    float room = title_box(ui, &h, title).w;
    if (title ? title_w <= room : room >= ui_w(ui) * 0.3f) {
      break;
    }
  }
  return h;
}

Rect ui_header_start_rect(const Ui *ui) {
  return ui_mirror(ui, ui_header_layout(ui, NULL, true, true).back);
}

static void add_buttons(UiForm *form, const Ui *ui, const UiHeader *h, const char *back_hint, const char *settings_hint,
                        const char *help_hint) {
  if (h->with_back) {
    UiButton back = ui_button(UI_ID_BACK, ui_mirror(ui, h->back), _("Back"), UI_BUTTON_NORMAL);
    back.icon = ui->rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
    back.key_hint = h->hints ? back_hint : NULL;
    back.icon_only = !h->back_word;
    ui_form_add(form, back);
  }
  if (h->with_settings) {
    UiButton settings = ui_button(UI_ID_SETTINGS, ui_mirror(ui, h->settings), _("Settings"), UI_BUTTON_NORMAL);
    settings.icon = UI_ICON_GEAR;
    settings.key_hint = h->hints ? settings_hint : NULL;
    settings.icon_only = !h->settings_word;
    ui_form_add(form, settings);
  }
  UiButton help = ui_button(UI_ID_HELP, ui_mirror(ui, h->help), _("Help"), UI_BUTTON_NORMAL);
  help.key_hint = h->hints ? help_hint : NULL;
  ui_form_add(form, help);
}

void ui_form_add_header_from(UiForm *form, const Ui *ui, const UiHeader *h) {
  add_buttons(form, ui, h, h->back_hint, h->settings_hint, h->help_hint);
}

void ui_form_add_header(UiForm *form, const Ui *ui, bool with_back, bool with_settings) {
  // The same slots as ui_header_draw() (which knows nothing of the flags).
  UiHeader h = ui_header_layout(ui, NULL, true, true);
  h.with_back = with_back;
  h.with_settings = with_settings;
  // These hints must outlive the call: the bindings' own labels (translated,
  // valid while the binding table is), not the copies in `h`.
  add_buttons(form, ui, &h, game_key_hint(ui->engine, INPUT_ACTION_BACK),
              game_key_hint(ui->engine, INPUT_ACTION_SETTINGS), game_key_hint(ui->engine, INPUT_ACTION_HELP));
}

static void header_bar_draw(const Ui *ui) {
  const Theme *t = ui->theme;
  float bar_h = ui_header_h(ui);
  draw_fill_rect(ui->engine, (Rect){0, 0, ui_w(ui), bar_h}, t->surface);
  draw_fill_rect(ui->engine, (Rect){0, bar_h - 3, ui_w(ui), 3}, t->border);
}

// One line always: a wrapped title in a bar this high is cramped and hard
// to read from the back of a room. Shrunk to half at most (never below the
// Normal title size, ui_text_floor), then cut.
static void title_draw(const Ui *ui, const UiHeader *h, const char *title) {
  TextStyle st = title_style(ui);
  Rect box = ui_mirror(ui, title_box(ui, h, title));
  ui_text_line(ui, title, &st, box, fmaxf(32.0f, roundf(st.size * 0.5f)));
}

void ui_header_draw_from(const Ui *ui, const UiHeader *h, const char *title) {
  header_bar_draw(ui);
  title_draw(ui, h, title);
}

void ui_header_draw(const Ui *ui, const char *title) {
  UiHeader h = ui_header_layout(ui, NULL, true, true);
  header_bar_draw(ui);
  title_draw(ui, &h, title);
}

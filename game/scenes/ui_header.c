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
// wins, else the first at which it fits shrunk (never below its Normal
// size), and when none does the title moves to its own line under the
// buttons at its full size (ui.h); without one (ui_form_add_header / ui_header_draw), the
// first that leaves the title 30% of the width.

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

// The smallest size a title is drawn at in the bar: half its size at
// most, never below its Normal size (ui_text_floor).
static float title_floor(const Ui *ui, const TextStyle *st) {
  return ui_text_floor(ui, st, fmaxf(32.0f, roundf(st->size * 0.5f)));
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

// The header's buttons.
typedef struct HeaderButtons {
  UiButton back, settings, help;
} HeaderButtons;

// Sizes and places the buttons at `step` (see above) in `h`.
static void place_step(const Ui *ui, UiHeader *h, HeaderButtons *b, int step) {
  float bh = ui->theme->header_button_h, y = (ui_header_h(ui) - bh) / 2;
  float min_w = bh * 1.5f, edge = header_edge(ui);
  h->hints = step == 0;
  h->settings_word = step < 2;
  h->back_word = step < 3;
  b->settings.icon_only = !h->settings_word;
  b->back.icon_only = !h->back_word;
  float wb = h->with_back ? fmaxf(h->back_word ? min_w : bh, ui_button_width(ui, &b->back, bh, h->hints)) : min_w;
  float ws = fmaxf(h->settings_word ? min_w : bh, ui_button_width(ui, &b->settings, bh, h->hints));
  float wh = fmaxf(min_w, ui_button_width(ui, &b->help, bh, h->hints));
  h->back = (Rect){edge, y, wb, bh};
  h->help = (Rect){ui_w(ui) - edge - wh, y, wh, bh};
  h->settings = (Rect){h->help.x - HEADER_BUTTON_GAP - ws, y, ws, bh};
  if (!h->with_settings) {
    h->settings = (Rect){h->help.x, y, 0, bh};
  }
}

// The title on its own line under the buttons, across the page between
// the margins; the bar grows to hold it. At its full size when it takes at
// most two lines there, else the largest size (never below its Normal
// size) at which it does, else its Normal size wrapped at spaces.
#define TITLE_BELOW_LINES 2
#define TITLE_BELOW_STEP 4.0f
static void title_below(const Ui *ui, UiHeader *h, const char *title) {
  float m = ui_margin(ui), pad = (ui_header_h(ui) - ui->theme->header_button_h) / 2;
  TextStyle st = title_style(ui);
  st.wrap_width = ui_w(ui) - 2 * m;
  float floor_size = title_floor(ui, &st);
  float th = text_measure(ui->engine, title, &st).h;
  while (st.size > floor_size && th > TITLE_BELOW_LINES * text_line_height(ui->engine, &st) + 0.5f) {
    st.size = fmaxf(floor_size, st.size - TITLE_BELOW_STEP);
    th = text_measure(ui->engine, title, &st).h;
  }
  h->title_below = true;
  h->title_size = st.size;
  h->title = (Rect){m, ui_header_h(ui) - pad / 2, ui_w(ui) - 2 * m, ceilf(th)};
  h->bottom = h->title.y + h->title.h + pad;
}

UiHeader ui_header_layout(const Ui *ui, const char *title, bool with_back, bool with_settings) {
  UiHeader h = {.with_back = with_back, .with_settings = with_settings, .bottom = ui_header_h(ui)};
  copy_hint(h.back_hint, sizeof h.back_hint, ui, INPUT_ACTION_BACK);
  copy_hint(h.settings_hint, sizeof h.settings_hint, ui, INPUT_ACTION_SETTINGS);
  copy_hint(h.help_hint, sizeof h.help_hint, ui, INPUT_ACTION_HELP);
  HeaderButtons b = {
      .back = ui_button(UI_ID_BACK, (Rect){0}, _("Back"), UI_BUTTON_NORMAL),
      .settings = ui_button(UI_ID_SETTINGS, (Rect){0}, _("Settings"), UI_BUTTON_NORMAL),
      .help = ui_button(UI_ID_HELP, (Rect){0}, _("Help"), UI_BUTTON_NORMAL),
  };
  b.back.icon = DRAW_ICON_ARROW_LEFT;
  b.back.key_hint = h.back_hint;
  b.settings.icon = UI_ICON_GEAR;
  b.settings.key_hint = h.settings_hint;
  b.help.key_hint = h.help_hint;
  // The title's width at its size, then at the smallest it may be drawn
  // in the bar (title_draw: never below its Normal size).
  TextStyle ts = title_style(ui);
  float widths[2] = {0, 0};
  if (title) {
    widths[0] = text_measure(ui->engine, title, &ts).w;
    ts.size = title_floor(ui, &ts);
    widths[1] = text_measure(ui->engine, title, &ts).w;
  }
  // Shrunk, it gets the most room there is (the last step), to shrink least.
  for (int pass = 0; pass < (title ? 2 : 1); pass++) {
    for (int step = pass ? HEADER_STEPS - 1 : 0; step < HEADER_STEPS; step++) {
      place_step(ui, &h, &b, step);
      float room = title_box(ui, &h, title).w;
      if (title ? widths[pass] <= room : room >= ui_w(ui) * 0.3f) {
        h.title = title_box(ui, &h, title);
        return h;
      }
    }
  }
  if (!title) {
    h.title = title_box(ui, &h, NULL);
    return h;
  }
  // No step leaves the title room: it goes under the buttons, which keep
  // the most words that still leave each other a gap.
  for (int step = 0; step < HEADER_STEPS; step++) {
    place_step(ui, &h, &b, step);
    float end = h.with_settings ? h.settings.x : h.help.x;
    if (h.back.x + h.back.w + ui_gap(ui) <= end) {
      break;
    }
  }
  title_below(ui, &h, title);
  return h;
}

void ui_header_use(Ui *ui, const UiHeader *h) {
  ui->header_bottom = h->bottom;
}

Rect ui_header_start_rect(const Ui *ui) {
  return ui_mirror(ui, ui_header_layout(ui, NULL, true, true).back);
}

static UiButton back_button(const Ui *ui, const UiHeader *h, const char *hint) {
  UiButton back = ui_button(UI_ID_BACK, ui_mirror(ui, h->back), _("Back"), UI_BUTTON_NORMAL);
  back.icon = ui->rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
  back.key_hint = h->hints ? hint : NULL;
  back.icon_only = !h->back_word;
  return back;
}

UiButton ui_header_back_button(const Ui *ui) {
  // The slots ui_form_add_header() uses; the hint outlives the call (see there).
  UiHeader h = ui_header_layout(ui, NULL, true, true);
  return back_button(ui, &h, game_key_hint(ui->engine, INPUT_ACTION_BACK));
}

static void add_buttons(UiForm *form, const Ui *ui, const UiHeader *h, const char *back_hint, const char *settings_hint,
                        const char *help_hint) {
  if (h->with_back) {
    ui_form_add(form, back_button(ui, h, back_hint));
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

// The bar, `bar_h` high (taller than ui_header_h() with the title below).
static void header_bar_draw(const Ui *ui, float bar_h) {
  const Theme *t = ui->theme;
  draw_fill_rect(ui->engine, (Rect){0, 0, ui_w(ui), bar_h}, t->surface);
  draw_fill_rect(ui->engine, (Rect){0, bar_h - 3, ui_w(ui), 3}, t->border);
}

// In the bar, one line always: a wrapped title in a bar this high is
// cramped and hard to read from the back of a room. There it is shrunk to
// half at most (never below the Normal title size, ui_text_floor), then
// cut: the cut only for screens that draw their header without laying it
// out for its title (ui_header_draw); a header laid out for it puts a
// title that does not fit even shrunk on its own line instead.
static void title_draw(const Ui *ui, const UiHeader *h, const char *title) {
  TextStyle st = title_style(ui);
  if (h->title_below) {
    // Its own line, at the size the layout chose (never below Normal).
    st.valign = TEXT_VALIGN_TOP;
    st.size = h->title_size;
    ui_text_fitted(ui, title, &st, ui_mirror(ui, h->title), st.size);
    return;
  }
  Rect box = ui_mirror(ui, title_box(ui, h, title));
  ui_text_line(ui, title, &st, box, title_floor(ui, &st));
}

void ui_header_draw_from(const Ui *ui, const UiHeader *h, const char *title) {
  header_bar_draw(ui, fmaxf(ui_header_h(ui), h->bottom));
  title_draw(ui, h, title);
}

void ui_header_draw(const Ui *ui, const char *title) {
  UiHeader h = ui_header_layout(ui, NULL, true, true);
  header_bar_draw(ui, ui_header_h(ui));
  title_draw(ui, &h, title);
}

#include "scenes/ui.h"

#include <math.h>

#include "engine/engine.h"

// ---- buttons ---------------------------------------------------------------

UiButton ui_button(int id, Rect rect, const char *label, UiButtonKind kind) {
  return (UiButton){.id = id, .rect = rect, .label = label, .icon = UI_NO_ICON, .kind = kind};
}

typedef struct ButtonColors {
  Color fill, text, border;
  bool has_fill;
  float border_w;
} ButtonColors;

static ButtonColors button_colors(const Theme *t, const UiButton *b, bool active) {
  ButtonColors c = {.fill = t->surface_raised, .text = t->text, .border = t->border, .has_fill = true, .border_w = 2};
  switch (b->kind) {
  case UI_BUTTON_NORMAL:
    c.fill = active ? t->surface_hover : t->surface_raised;
    break;
  case UI_BUTTON_QUIET:
  case UI_BUTTON_AREA:
    c.fill = t->surface_hover;
    c.has_fill = active;
    break;
  case UI_BUTTON_PRIMARY:
    c.fill = t->accent;
    c.text = t->on_accent;
    c.border = t->accent;
    break;
  case UI_BUTTON_REAL:
    c.fill = t->real_fill;
    c.text = t->on_real;
    c.border = t->real;
    break;
  case UI_BUTTON_FABRICATED:
    c.fill = t->fabricated_fill;
    c.text = t->on_fabricated;
    c.border = t->fabricated;
    break;
  }
  if (t->high_contrast) {
    c.border = t->border;
    c.border_w = 3;
  }
  if (b->selected) {
    c.border = t->accent;
    c.border_w = 5;
  }
  if (b->disabled) {
    c.fill = t->surface;
    c.has_fill = true;
    c.text = t->text_disabled;
    c.border = t->border;
    c.border_w = 2;
  }
  return c;
}

static DrawIcon button_icon(const UiButton *b) {
  if (b->icon != UI_NO_ICON) {
    return b->icon;
  }
  if (b->kind == UI_BUTTON_REAL || b->selected) {
    return DRAW_ICON_CHECK;
  }
  if (b->kind == UI_BUTTON_FABRICATED) {
    return DRAW_ICON_CROSS;
  }
  return UI_NO_ICON;
}

// A gear: a thick ring with eight square teeth around it. Drawn as outlines
// and lines only, so it needs no background colour to punch its hole and
// works on every button fill.
static void gear_draw(Engine *e, Rect box, Color color) {
  float side = fminf(box.w, box.h);
  float cx = box.x + box.w / 2, cy = box.y + box.h / 2;
  float outer = side * 0.5f;  // tips of the teeth
  float body = side * 0.36f;  // outer edge of the ring
  float ring = fmaxf(2.0f, side * 0.16f);
  float tooth_w = fmaxf(2.0f, side * 0.2f);
  for (int i = 0; i < 8; i++) {
    float a = (float)i * 0.78539816f;  // 45 degrees
    float ca = cosf(a), sa = sinf(a);
    float r0 = body - ring * 0.5f;
    draw_line(e, cx + ca * r0, cy + sa * r0, cx + ca * outer, cy + sa * outer, tooth_w, color);
  }
  Rect rb = {cx - body, cy - body, 2 * body, 2 * body};
  draw_round_rect_outline(e, rb, body, ring, color);
}

void ui_icon_draw(const Ui *ui, DrawIcon icon, Rect box, Color color) {
  if (icon == UI_NO_ICON) {
    return;
  }
  if (icon == UI_ICON_GEAR) {
    gear_draw(ui->engine, box, color);
    return;
  }
  draw_icon(ui->engine, icon, box, color);
}

// A key name in a small outlined key cap, centred vertically at `x_start`
// (its start edge, physical) in `row`; returns its width.
static float key_hint_measure(const Ui *ui, const char *hint, TextStyle *st, float *cap_h) {
  *st = ui_text_style(ui, THEME_TEXT_SMALL, ui->theme->text);
  st->size = roundf(st->size * 0.85f);
  st->weight = TEXT_WEIGHT_BOLD;
  TextSize ts = text_measure(ui->engine, hint, st);
  *cap_h = ts.h + 6;
  return ts.w + 22;
}

float ui_button_width(const Ui *ui, const UiButton *b, float h, bool with_hint) {
  float pad = fmaxf(20.0f, h * 0.22f);
  bool has_icon = button_icon(b) != UI_NO_ICON;
  float icon = has_icon ? fminf(h * 0.42f, 56.0f * ui->theme->layout_scale) + 16.0f : 0.0f;
  float word = 0;
  if (b->label && !b->icon_only) {
    TextStyle st = ui_text_style(ui, THEME_TEXT_BUTTON, ui->theme->text);
    st.weight = TEXT_WEIGHT_BOLD;
    word = ceilf(text_measure(ui->engine, b->label, &st).w) + 2;
  }
  float inner = word + icon;
  if (with_hint && b->key_hint && *b->key_hint) {
    TextStyle hs;
    float cap_h;
    float cap = key_hint_measure(ui, b->key_hint, &hs, &cap_h);
    // ui_button_draw shows a hint only when it takes under 35% of the room.
    inner = fmaxf(inner + cap + UI_GAP * 0.5f, cap / 0.35f + 1);
  }
  return inner + 2 * pad;
}

// How far text_fit() lets a fitted text exceed its box (a unit and an
// output pixel): the label is checked against the box with the same slack,
// or a label text_fit() accepted would then be cut as not fitting.
#define LABEL_FIT_SLACK 2.0f

// The label's style shrunk to fit `w` x `h`, never below its floor (ui.h).
static TextStyle label_fit(const Ui *ui, const char *label, const TextStyle *st, float w, float h) {
  TextStyle fit = *st;
  fit.wrap_width = w;
  TextSize ts = text_measure(ui->engine, label, &fit);
  if (ts.w > w || ts.h > h) {
    fit.size = text_fit(ui->engine, label, &fit, w, h, ui_text_floor(ui, st, 20.0f));
  }
  return fit;
}

// Draws the label at its fitted size (`fit`, from label_fit) in `box`. It is
// drawn as fitted, not fitted a second time: ui_text_fitted() checks the
// height strictly while text_fit() allows LABEL_FIT_SLACK, so a refit cut
// every key of the on-screen keyboard to "…" at 1024x768 Largest. Only a
// label that does not fit even at its floor goes to ui_text_fitted(), which
// cuts it and counts the cut.
static void label_draw(const Ui *ui, const char *label, const TextStyle *st, const TextStyle *fit, Rect box) {
  TextSize ts = text_measure(ui->engine, label, fit);
  if (ts.w > box.w + LABEL_FIT_SLACK || ts.h > box.h + LABEL_FIT_SLACK) {
    ui_text_fitted(ui, label, st, box, 20.0f);
    return;
  }
  float scale = ui->theme->text_scale > 0 ? ui->theme->text_scale : 1.0f;
  if (ui->stats && fit->size + 0.5f < roundf(st->size / scale)) {
    ui->stats->shrunk++;  // as ui_text_fitted() counts it
  }
  TextStyle draw = *fit;
  draw.wrap_width = box.w;
  float h = fmaxf(box.h, ceilf(ts.h));
  text_draw(ui->engine, label, &draw, (Rect){box.x, box.y + (box.h - h) / 2, box.w, h});
}

void ui_button_draw(const Ui *ui, const UiButton *b, bool focused, bool hovered, bool pressed) {
  if (b->kind == UI_BUTTON_AREA) {
    if (focused && !b->disabled) {
      ui_focus_ring_draw(ui, b->rect);
    }
    return;
  }
  const Theme *t = ui->theme;
  Engine *e = ui->engine;
  bool active = !b->disabled && (hovered || focused);
  ButtonColors c = button_colors(t, b, active);
  Rect r = b->rect;
  if (pressed && !b->disabled) {
    r = rect_inset(r, 3);  // a small "pushed in" response, not an animation
  }
  if (c.has_fill) {
    draw_round_rect(e, r, t->radius, c.fill);
  }
  if (active && b->kind != UI_BUTTON_NORMAL && b->kind != UI_BUTTON_QUIET) {
    // Filled buttons show hover with a light inner line instead of a new fill colour.
    draw_round_rect_outline(e, rect_inset(r, 4), t->radius - 4, 3, c.text);
  }
  if (c.border_w > 0 && (b->kind != UI_BUTTON_QUIET || active || t->high_contrast)) {
    draw_round_rect_outline(e, r, t->radius, c.border_w, c.border);
  }

  float pad = fmaxf(20.0f, r.h * 0.22f);
  float inner_x = r.x + pad, inner_w = r.w - 2 * pad;
  DrawIcon icon = button_icon(b);
  float icon_sz = icon != UI_NO_ICON ? fminf(r.h * 0.42f, 56.0f * t->layout_scale) : 0.0f;
  float icon_gap = icon != UI_NO_ICON ? 16.0f : 0.0f;
  TextStyle st = ui_text_style(ui, THEME_TEXT_BUTTON, c.text);
  st.weight = TEXT_WEIGHT_BOLD;
  st.align = TEXT_ALIGN_CENTER;
  st.valign = TEXT_VALIGN_MIDDLE;
  const char *label = b->label && !b->icon_only ? b->label : "";
  float label_full_w = text_measure(e, label, &st).w;
  // Key hint at the end side.
  if (b->key_hint && *b->key_hint) {
    TextStyle hs;
    float cap_h;
    float cap_w = key_hint_measure(ui, b->key_hint, &hs, &cap_h);
    // The word matters more than the hint: with the hint the word would have
    // to shrink, so leave the hint out (the help lists every key).
    bool word_fits = label_full_w <= inner_w - cap_w - UI_GAP * 0.5f - icon_sz - icon_gap;
    if (cap_w < inner_w * 0.35f && word_fits) {
      Rect cap = {ui->rtl ? inner_x : inner_x + inner_w - cap_w, r.y + (r.h - cap_h) / 2, cap_w, cap_h};
      Color hc = c.text;
      draw_round_rect_outline(e, cap, 8, 2, hc);
      hs.color = hc;
      hs.align = TEXT_ALIGN_CENTER;
      hs.valign = TEXT_VALIGN_MIDDLE;
      text_draw(e, b->key_hint, &hs, cap);
      inner_w -= cap_w + UI_GAP * 0.5f;
      if (ui->rtl) {
        inner_x += cap_w + UI_GAP * 0.5f;
      }
    }
  }
  float label_w = inner_w - icon_sz - icon_gap;
  if (label_w < 10) {
    label_w = 10;
  }
  float label_h = r.h - 2 * fmaxf(10.0f, r.h * 0.12f);
  TextStyle fit = label_fit(ui, label, &st, label_w, label_h);
  TextSize ts = text_measure(e, label, &fit);
  float text_w = fminf(ceilf(ts.w) + 1, label_w);
  float group_w = text_w + icon_sz + icon_gap;
  float gx = inner_x + (inner_w - group_w) / 2;
  float ly = r.y + (r.h - label_h) / 2;
  Rect icon_box, label_box;
  if (ui->rtl) {
    icon_box = (Rect){gx + group_w - icon_sz, r.y + (r.h - icon_sz) / 2, icon_sz, icon_sz};
    label_box = (Rect){gx, ly, text_w, label_h};
  } else {
    icon_box = (Rect){gx, r.y + (r.h - icon_sz) / 2, icon_sz, icon_sz};
    label_box = (Rect){gx + icon_sz + icon_gap, ly, text_w, label_h};
  }
  ui_icon_draw(ui, icon, icon_box, c.text);
  label_draw(ui, label, &st, &fit, label_box);
  if (focused && !b->disabled) {
    ui_focus_ring_draw(ui, b->rect);
  }
}

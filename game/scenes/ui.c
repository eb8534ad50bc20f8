#include "scenes/ui.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"
#include "engine/engine.h"

Rect ui_content_rect(void) {
  float top = UI_HEADER_H + UI_GAP * 2;
  return (Rect){UI_MARGIN, top, VIEW_LOGICAL_W - 2 * UI_MARGIN, VIEW_LOGICAL_H - top - UI_GAP * 2};
}

Rect ui_mirror(const Ui *ui, Rect r) {
  if (ui->rtl) {
    r.x = VIEW_LOGICAL_W - r.x - r.w;
  }
  return r;
}

// ---- text ------------------------------------------------------------------

TextStyle ui_text_style(const Ui *ui, ThemeText role, Color color) {
  return text_style(theme_text_size(ui->theme, role), color, ui->lang);
}

static TextSize text_in_box(const Ui *ui, const char *utf8, ThemeText role, TextWeight weight, Color color, Rect box,
                            TextAlign align, TextVAlign valign) {
  TextStyle st = ui_text_style(ui, role, color);
  st.weight = weight;
  st.align = align;
  st.valign = valign;
  st.wrap_width = box.w;
  return text_draw(ui->engine, utf8, &st, box);
}

TextSize ui_text(const Ui *ui, const char *utf8, ThemeText role, Color color, Rect box, TextAlign align,
                 TextVAlign valign) {
  return text_in_box(ui, utf8, role, TEXT_WEIGHT_REGULAR, color, box, align, valign);
}

TextSize ui_text_bold(const Ui *ui, const char *utf8, ThemeText role, Color color, Rect box, TextAlign align,
                      TextVAlign valign) {
  return text_in_box(ui, utf8, role, TEXT_WEIGHT_BOLD, color, box, align, valign);
}

// text_fit() unless the text already fits at its full size (one cached
// measurement instead of several).
static float fit_size(const Ui *ui, const char *utf8, const TextStyle *st, Rect box, float min_size) {
  if (text_measure(ui->engine, utf8, st).h <= box.h) {
    return st->size;
  }
  return text_fit(ui->engine, utf8, st, box.w, box.h, min_size);
}

float ui_text_fitted(const Ui *ui, const char *utf8, const TextStyle *style, Rect box, float min_size) {
  TextStyle st = *style;
  st.wrap_width = box.w;
  st.size = fit_size(ui, utf8, &st, box, min_size);
  text_draw(ui->engine, utf8, &st, box);
  return st.size;
}

float ui_text_fitted_clipped(const Ui *ui, const char *utf8, const TextStyle *style, Rect box, float min_size) {
  TextStyle st = *style;
  st.wrap_width = box.w;
  st.size = fit_size(ui, utf8, &st, box, min_size);
  if (text_measure(ui->engine, utf8, &st).h <= box.h) {
    text_draw(ui->engine, utf8, &st, box);
    return st.size;
  }
  // Binary search over word boundaries for the longest prefix that fits
  // with an ellipsis: a handful of measurements, each cached by the engine.
  size_t len = strlen(utf8);
  size_t *cuts = xmalloc((len + 1) * sizeof *cuts);
  size_t ncuts = 0;
  for (size_t i = 1; i < len; i++) {
    if ((utf8[i] == ' ' || utf8[i] == '\n') && utf8[i - 1] != ' ') {
      cuts[ncuts++] = i;
    }
  }
  char *buf = xmalloc(len + 4);
  size_t lo = 0, hi = ncuts, best = 0;
  bool found = false;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    memcpy(buf, utf8, cuts[mid]);
    memcpy(buf + cuts[mid], "\xE2\x80\xA6", 4);  // U+2026 HORIZONTAL ELLIPSIS
    if (text_measure(ui->engine, buf, &st).h <= box.h) {
      best = mid;
      found = true;
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  size_t cut = found ? cuts[best] : 0;
  memcpy(buf, utf8, cut);
  memcpy(buf + cut, "\xE2\x80\xA6", 4);
  text_draw(ui->engine, buf, &st, box);
  free(buf);
  free(cuts);
  return st.size;
}

// Byte length of the longest prefix of `utf8` (cut at a code point) that,
// with an ellipsis after it, is at most `max_w` wide on one line. Binary
// search over code point boundaries: a handful of cached measurements.
static size_t one_line_cut(const Ui *ui, const char *utf8, const TextStyle *st, float max_w, char *buf) {
  size_t len = strlen(utf8);
  size_t *cuts = xmalloc((len + 1) * sizeof *cuts);
  size_t ncuts = 0;
  for (size_t i = 1; i <= len; i++) {
    if (utf8_is_boundary(utf8, len, i)) {
      cuts[ncuts++] = i;
    }
  }
  size_t lo = 0, hi = ncuts, best = 0;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    size_t n = cuts[mid];
    while (n > 0 && utf8[n - 1] == ' ') {
      n--;  // "word …" reads worse than "word…"
    }
    memcpy(buf, utf8, n);
    memcpy(buf + n, "\xE2\x80\xA6", 4);
    if (text_measure(ui->engine, buf, st).w <= max_w) {
      best = n;
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  free(cuts);
  return best;
}

float ui_text_line(const Ui *ui, const char *utf8, const TextStyle *style, Rect box, float min_size) {
  TextStyle st = *style;
  st.wrap_width = 0;
  if (min_size > st.size) {
    min_size = st.size;
  }
  float w = text_measure(ui->engine, utf8, &st).w;
  if (w > box.w && w > 0) {
    // Width grows about linearly with the size: guess, then step down the
    // last few units that hinting and kerning add.
    float size = floorf(st.size * box.w / w);
    st.size = size < min_size ? min_size : size;
    while (st.size > min_size && text_measure(ui->engine, utf8, &st).w > box.w) {
      st.size -= 1;
    }
    w = text_measure(ui->engine, utf8, &st).w;
  }
  if (w <= box.w) {
    text_draw(ui->engine, utf8, &st, box);
    return st.size;
  }
  char *buf = xmalloc(strlen(utf8) + 4);
  size_t n = one_line_cut(ui, utf8, &st, box.w, buf);
  memcpy(buf, utf8, n);
  memcpy(buf + n, "\xE2\x80\xA6", 4);  // U+2026 HORIZONTAL ELLIPSIS
  text_draw(ui->engine, buf, &st, box);
  free(buf);
  return st.size;
}

// ---- clipping and scrolling --------------------------------------------------

UiClip ui_clip_begin(const Ui *ui, Rect r) {
  SDL_Renderer *ren = engine_renderer(ui->engine);
  UiClip saved = {.enabled = SDL_RenderIsClipEnabled(ren) == SDL_TRUE};
  SDL_RenderGetClipRect(ren, &saved.rect);
  Rect px = view_rect_to_px(engine_view(ui->engine), r);
  SDL_Rect clip = {(int)floorf(px.x), (int)floorf(px.y), (int)ceilf(px.w), (int)ceilf(px.h)};
  SDL_RenderSetClipRect(ren, &clip);
  return saved;
}

void ui_clip_end(const Ui *ui, UiClip saved) {
  SDL_RenderSetClipRect(engine_renderer(ui->engine), saved.enabled ? &saved.rect : NULL);
}

void ui_scrollbar_draw(const Ui *ui, Rect track, float visible, float content, float offset) {
  if (content <= visible || content <= 0) {
    return;
  }
  const Theme *t = ui->theme;
  draw_round_rect(ui->engine, track, track.w / 2, t->bar_track);
  float h = fmaxf(track.h * visible / content, 32.0f);
  float max_offset = content - visible;
  float frac = max_offset > 0 ? fminf(fmaxf(offset / max_offset, 0.0f), 1.0f) : 0.0f;
  Rect thumb = {track.x, track.y + (track.h - h) * frac, track.w, h};
  draw_round_rect(ui->engine, thumb, track.w / 2, t->text_muted);
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
  draw_fill_rect(ui->engine, (Rect){0, 0, VIEW_LOGICAL_W, VIEW_LOGICAL_H}, ui->theme->scrim);
}

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
  float icon_sz = icon != UI_NO_ICON ? fminf(r.h * 0.42f, 56.0f) : 0.0f;
  float icon_gap = icon != UI_NO_ICON ? 16.0f : 0.0f;
  TextStyle st = ui_text_style(ui, THEME_TEXT_BUTTON, c.text);
  st.weight = TEXT_WEIGHT_BOLD;
  st.align = TEXT_ALIGN_CENTER;
  st.valign = TEXT_VALIGN_MIDDLE;
  const char *label = b->label ? b->label : "";
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
  TextSize ts = text_measure(e, label, &st);
  if (ts.w > label_w || ts.h > label_h) {
    st.size = text_fit(e, label, &st, label_w, label_h, 20.0f);
  }
  st.wrap_width = label_w;
  ts = text_measure(e, label, &st);
  float group_w = fminf(ts.w, label_w) + icon_sz + icon_gap;
  float gx = inner_x + (inner_w - group_w) / 2;
  Rect icon_box, label_box;
  if (ui->rtl) {
    icon_box = (Rect){gx + group_w - icon_sz, r.y + (r.h - icon_sz) / 2, icon_sz, icon_sz};
    label_box = (Rect){gx, r.y, group_w - icon_sz - icon_gap, r.h};
  } else {
    icon_box = (Rect){gx, r.y + (r.h - icon_sz) / 2, icon_sz, icon_sz};
    label_box = (Rect){gx + icon_sz + icon_gap, r.y, group_w - icon_sz - icon_gap, r.h};
  }
  ui_icon_draw(ui, icon, icon_box, c.text);
  text_draw(e, label, &st, label_box);
  if (focused && !b->disabled) {
    ui_focus_ring_draw(ui, b->rect);
  }
}

// ---- list ------------------------------------------------------------------

void ui_list_init(UiList *list, Rect rect, float row_h, float gap) {
  *list = (UiList){.rect = rect, .row_h = row_h, .gap = gap, .hover = -1};
}

size_t ui_list_visible_rows(const UiList *list) {
  float step = list->row_h + list->gap;
  size_t n = step > 0 ? (size_t)((list->rect.h + list->gap) / step) : 1;
  return n ? n : 1;
}

static void list_clamp_first(UiList *list) {
  size_t vis = ui_list_visible_rows(list);
  size_t max_first = list->count > vis ? list->count - vis : 0;
  if (list->first > max_first) {
    list->first = max_first;
  }
}

static void list_ensure_visible(UiList *list) {
  size_t vis = ui_list_visible_rows(list);
  if (list->selected < list->first) {
    list->first = list->selected;
  } else if (list->selected >= list->first + vis) {
    list->first = list->selected + 1 - vis;
  }
  list_clamp_first(list);
}

void ui_list_set_count(UiList *list, size_t count) {
  list->count = count;
  if (list->selected >= count) {
    list->selected = count ? count - 1 : 0;
  }
  if (list->hover >= (int)count) {
    list->hover = -1;
  }
  list_ensure_visible(list);
}

void ui_list_select(UiList *list, size_t row) {
  if (row < list->count) {
    list->selected = row;
    list_ensure_visible(list);
  }
}

Rect ui_list_row_rect(const UiList *list, size_t row) {
  float step = list->row_h + list->gap;
  float y = list->rect.y + ((float)row - (float)list->first) * step;
  return (Rect){list->rect.x, y, list->rect.w, list->row_h};
}

int ui_list_row_at(const UiList *list, float x, float y) {
  if (!rect_contains(list->rect, x, y)) {
    return -1;
  }
  size_t vis = ui_list_visible_rows(list);
  for (size_t i = list->first; i < list->count && i < list->first + vis; i++) {
    if (rect_contains(ui_list_row_rect(list, i), x, y)) {
      return (int)i;
    }
  }
  return -1;
}

void ui_list_row_background(const Ui *ui, Rect r, bool selected, bool focused, bool hovered) {
  const Theme *t = ui->theme;
  Color fill = (selected || hovered) ? t->surface_hover : t->surface_raised;
  draw_round_rect(ui->engine, r, t->radius, fill);
  if (t->high_contrast) {
    draw_round_rect_outline(ui->engine, r, t->radius, selected ? 5.0f : 2.0f, t->border);
  }
  if (selected) {
    // An edge bar on the reading-start side marks the selection without colour alone.
    float bar_w = 10.0f;
    Rect bar = {ui->rtl ? r.x + r.w - bar_w - 10 : r.x + 10, r.y + 14, bar_w, r.h - 28};
    draw_round_rect(ui->engine, bar, bar_w / 2, t->accent);
  }
  if (focused) {
    ui_focus_ring_draw(ui, r);
  }
}

void ui_list_draw(const Ui *ui, const UiList *list, bool focused, UiListDrawRow draw_row, void *user) {
  size_t vis = ui_list_visible_rows(list);
  for (size_t i = list->first; i < list->count && i < list->first + vis; i++) {
    draw_row(user, ui, i, ui_list_row_rect(list, i), i == list->selected, focused && i == list->selected,
             (int)i == list->hover);
  }
  if (list->count > vis) {
    // A scroll bar beside the list, on the reading-end side.
    const Theme *t = ui->theme;
    float w = 10.0f;
    Rect track = {ui->rtl ? list->rect.x - w - 14 : list->rect.x + list->rect.w + 14, list->rect.y, w, list->rect.h};
    draw_round_rect(ui->engine, track, w / 2, t->bar_track);
    float frac_h = (float)vis / (float)list->count;
    float frac_y = (float)list->first / (float)list->count;
    Rect thumb = {track.x, track.y + track.h * frac_y, w, fmaxf(track.h * frac_h, 24.0f)};
    draw_round_rect(ui->engine, thumb, w / 2, t->text_muted);
  }
}

// ---- form ------------------------------------------------------------------

bool ui_is_header_id(int id) {
  return id == UI_ID_BACK || id == UI_ID_HELP || id == UI_ID_SETTINGS;
}

void ui_form_init(UiForm *form, bool rtl) {
  memset(form, 0, sizeof *form);
  form->focus = UI_FOCUS_NONE;
  form->hover = -1;
  form->pressed = -1;
  form->list_pressed = -1;
  form->rtl = rtl;
}

int ui_form_add(UiForm *form, UiButton button) {
  if (form->count >= UI_FORM_MAX_BUTTONS) {
    return -1;  // a screen with more than UI_FORM_MAX_BUTTONS buttons is a layout bug; the extra one is not shown
  }
  int i = form->count++;
  form->buttons[i] = button;
  bool header = ui_is_header_id(button.id);
  if (form->focus == UI_FOCUS_NONE && !button.disabled && !header) {
    form->focus = i;
  }
  return i;
}

void ui_form_clear(UiForm *form) {
  form->count = 0;
  form->hover = -1;
  form->pressed = -1;
  form->focus = form->list ? UI_FOCUS_LIST : UI_FOCUS_NONE;
}

void ui_form_set_list(UiForm *form, UiList *list) {
  form->list = list;
  if (list) {
    form->focus = UI_FOCUS_LIST;
  }
}

UiButton *ui_form_button(UiForm *form, int id) {
  for (int i = 0; i < form->count; i++) {
    if (form->buttons[i].id == id) {
      return &form->buttons[i];
    }
  }
  return NULL;
}

bool ui_form_focus_id(UiForm *form, int id) {
  for (int i = 0; i < form->count; i++) {
    if (form->buttons[i].id == id && !form->buttons[i].disabled) {
      form->focus = i;
      return true;
    }
  }
  return false;
}

int ui_form_focused_id(const UiForm *form) {
  if (form->focus >= 0 && form->focus < form->count) {
    return form->buttons[form->focus].id;
  }
  return form->focus == UI_FOCUS_LIST ? UI_FOCUS_LIST : UI_FOCUS_NONE;
}

static int button_at(const UiForm *form, float x, float y) {
  for (int i = form->count - 1; i >= 0; i--) {
    if (form->buttons[i].kind != UI_BUTTON_AREA && rect_contains(form->buttons[i].rect, x, y)) {
      return i;
    }
  }
  return -1;
}

static bool list_usable(const UiForm *form) {
  return form->list && form->list->count > 0;
}

static Rect focus_rect(const UiForm *form) {
  if (form->focus == UI_FOCUS_LIST && form->list) {
    return form->list->rect;
  }
  if (form->focus >= 0 && form->focus < form->count) {
    return form->buttons[form->focus].rect;
  }
  return (Rect){VIEW_LOGICAL_W / 2.0f, 0, 0, 0};
}

// A rect's extent along one axis: its two edges and its centre.
typedef struct NavSpan {
  float lo, hi, mid;
} NavSpan;

static NavSpan nav_span(float pos, float size) {
  return (NavSpan){pos, pos + size, pos + size / 2};
}

// The same extent seen with the axis reversed, so that moving up or left can
// be scored as moving down or right (negation is exact, so scores and ties
// come out as if each direction were written out).
static NavSpan nav_flip(NavSpan s) {
  return (NavSpan){-s.hi, -s.lo, -s.mid};
}

// How far `to` lies from `from` in `dir`; negative when it is not that way
// (its centre and its far edge must both lie beyond `from`, so a wide key
// does not reach a narrower one above it that ends where it ends).
// Distance along the direction plus a penalty for sideways offset, so the
// nearest thing roughly in line wins over a closer one far to the side.
static float nav_score(Rect from, Rect to, InputAction dir) {
  bool vertical = dir == INPUT_ACTION_UP || dir == INPUT_ACTION_DOWN;
  bool backwards = dir == INPUT_ACTION_UP || dir == INPUT_ACTION_LEFT;
  if (!vertical && dir != INPUT_ACTION_LEFT && dir != INPUT_ACTION_RIGHT) {
    return -1;
  }
  NavSpan f = vertical ? nav_span(from.y, from.h) : nav_span(from.x, from.w);
  NavSpan t = vertical ? nav_span(to.y, to.h) : nav_span(to.x, to.w);
  NavSpan fs = vertical ? nav_span(from.x, from.w) : nav_span(from.y, from.h);
  NavSpan ts = vertical ? nav_span(to.x, to.w) : nav_span(to.y, to.h);
  if (backwards) {
    f = nav_flip(f);
    t = nav_flip(t);
  }
  if (t.mid <= f.mid + 1 || t.hi <= f.hi + 1) {
    return -1;
  }
  float along = t.lo - f.hi;
  float side_gap = fmaxf(0, fmaxf(ts.lo - fs.hi, fs.lo - ts.hi));
  float side_center = fabsf(ts.mid - fs.mid);
  return fmaxf(0, along) + 3 * side_gap + 0.05f * side_center;
}

bool ui_form_navigate(UiForm *form, InputAction dir) {
  Rect from = focus_rect(form);
  int best = UI_FOCUS_NONE;
  float best_score = 0;
  for (int i = 0; i < form->count; i++) {
    if (i == form->focus || form->buttons[i].disabled) {
      continue;
    }
    float s = nav_score(from, form->buttons[i].rect, dir);
    if (s >= 0 && (best == UI_FOCUS_NONE || s < best_score)) {
      best = i;
      best_score = s;
    }
  }
  if (list_usable(form) && form->focus != UI_FOCUS_LIST) {
    float s = nav_score(from, form->list->rect, dir);
    if (s >= 0 && (best == UI_FOCUS_NONE || s < best_score)) {
      best = UI_FOCUS_LIST;
    }
  }
  if (best == UI_FOCUS_NONE) {
    return false;
  }
  form->focus = best;
  return true;
}

static UiResult result(UiResultKind kind) {
  return (UiResult){.kind = kind};
}

static UiResult pointer_event(UiForm *form, const InputEvent *ev) {
  UiList *list = form->list;
  int row = list ? ui_list_row_at(list, ev->x, ev->y) : -1;
  int b = button_at(form, ev->x, ev->y);
  switch (ev->type) {
  case INPUT_EVENT_POINTER_MOVE: {
    bool changed = false;
    if (form->dragging && list) {
      // Touch/mouse drag scrolls the list by whole rows.
      float step = list->row_h + list->gap;
      float moved = form->press_y - ev->y;
      int rows = (int)(moved / step);
      if (rows != 0) {
        long first = (long)list->first + rows;
        list->first = first < 0 ? 0 : (size_t)first;
        list_clamp_first(list);
        form->press_y -= (float)rows * step;
        changed = true;
      }
      return result(changed ? UI_RESULT_CHANGED : UI_RESULT_IGNORED);
    }
    if (form->list_pressed >= 0 && list && fabsf(ev->y - form->press_y) > list->row_h * 0.4f) {
      form->dragging = true;
      return result(UI_RESULT_CHANGED);
    }
    if (b != form->hover) {
      form->hover = b;
      changed = true;
    }
    if (b >= 0 && !form->buttons[b].disabled && form->focus != b) {
      form->focus = b;  // one highlighted thing at a time: focus follows the pointer
      changed = true;
    }
    if (list && row != list->hover) {
      list->hover = row;
      changed = true;
    }
    return result(changed ? UI_RESULT_CHANGED : UI_RESULT_IGNORED);
  }
  case INPUT_EVENT_POINTER_DOWN:
    if (ev->button != 1) {
      return result(UI_RESULT_IGNORED);
    }
    if (b >= 0) {
      if (form->buttons[b].disabled) {
        return result(UI_RESULT_IGNORED);
      }
      form->pressed = b;
      form->focus = b;
      form->hover = b;
      return result(UI_RESULT_CHANGED);
    }
    if (row >= 0) {
      form->list_pressed = row;
      form->press_y = ev->y;
      form->dragging = false;
      return result(UI_RESULT_CHANGED);
    }
    return result(UI_RESULT_IGNORED);
  case INPUT_EVENT_POINTER_UP: {
    if (ev->button != 1) {
      return result(UI_RESULT_IGNORED);
    }
    int pressed = form->pressed;
    int lpressed = form->list_pressed;
    bool dragged = form->dragging;
    form->pressed = -1;
    form->list_pressed = -1;
    form->dragging = false;
    if (pressed >= 0) {
      if (b == pressed && !form->buttons[b].disabled) {
        return (UiResult){.kind = UI_RESULT_ACTIVATE, .id = form->buttons[b].id};
      }
      return result(UI_RESULT_CHANGED);  // released elsewhere: cancelled
    }
    if (lpressed >= 0 && list) {
      if (dragged || row != lpressed) {
        return result(UI_RESULT_CHANGED);
      }
      bool again = form->focus == UI_FOCUS_LIST && list->selected == (size_t)row;
      form->focus = UI_FOCUS_LIST;
      ui_list_select(list, (size_t)row);
      return (UiResult){.kind = again ? UI_RESULT_LIST_ACTIVATE : UI_RESULT_LIST_SELECT, .row = (size_t)row};
    }
    return result(UI_RESULT_IGNORED);
  }
  case INPUT_EVENT_WHEEL:
    if (list && list->count > ui_list_visible_rows(list)) {
      long first = (long)list->first - (ev->wheel_y > 0 ? 1 : ev->wheel_y < 0 ? -1 : 0);
      list->first = first < 0 ? 0 : (size_t)first;
      list_clamp_first(list);
      list->hover = ui_list_row_at(list, ev->x, ev->y);
      return result(UI_RESULT_CHANGED);
    }
    return result(UI_RESULT_IGNORED);
  default:
    return result(UI_RESULT_IGNORED);
  }
}

UiResult ui_form_event(UiForm *form, const InputEvent *ev) {
  if (ev->type != INPUT_EVENT_ACTION) {
    return pointer_event(form, ev);
  }
  UiList *list = form->list;
  switch (ev->action) {
  case INPUT_ACTION_UP:
  case INPUT_ACTION_DOWN:
    if (form->focus == UI_FOCUS_LIST && list_usable(form)) {
      if (ev->action == INPUT_ACTION_UP && list->selected > 0) {
        ui_list_select(list, list->selected - 1);
        return (UiResult){.kind = UI_RESULT_LIST_SELECT, .row = list->selected};
      }
      if (ev->action == INPUT_ACTION_DOWN && list->selected + 1 < list->count) {
        ui_list_select(list, list->selected + 1);
        return (UiResult){.kind = UI_RESULT_LIST_SELECT, .row = list->selected};
      }
    }
    /* fall through */
  case INPUT_ACTION_LEFT:
  case INPUT_ACTION_RIGHT:
    if (form->focus == UI_FOCUS_NONE || (form->focus == UI_FOCUS_LIST && !list_usable(form))) {
      // Nothing focused yet: the first arrow press shows where the focus is.
      for (int i = 0; i < form->count; i++) {
        bool header = ui_is_header_id(form->buttons[i].id);
        if (!form->buttons[i].disabled && !header) {
          form->focus = i;
          return result(UI_RESULT_CHANGED);
        }
      }
    }
    return result(ui_form_navigate(form, ev->action) ? UI_RESULT_CHANGED : UI_RESULT_IGNORED);
  case INPUT_ACTION_CONFIRM:
    if (form->focus >= 0 && form->focus < form->count && !form->buttons[form->focus].disabled) {
      return (UiResult){.kind = UI_RESULT_ACTIVATE, .id = form->buttons[form->focus].id};
    }
    if (form->focus == UI_FOCUS_LIST && list_usable(form)) {
      return (UiResult){.kind = UI_RESULT_LIST_ACTIVATE, .row = list->selected};
    }
    return result(UI_RESULT_IGNORED);
  default:
    return result(UI_RESULT_IGNORED);
  }
}

void ui_form_draw(const Ui *ui, const UiForm *form) {
  for (int i = 0; i < form->count; i++) {
    ui_button_draw(ui, &form->buttons[i], form->focus == i, form->hover == i, form->pressed == i);
  }
}

// ---- header bar ------------------------------------------------------------

// Slots, left to right before mirroring. Help's word is short, Settings'
// long; both keep their word at the largest text size (hints give way).
#define HEADER_BUTTON_H 96.0f
#define HEADER_EDGE (UI_MARGIN - 24)
#define HEADER_BACK_W 300.0f
#define HEADER_HELP_W 240.0f
#define HEADER_SETTINGS_W 390.0f
#define HEADER_BUTTON_GAP 16.0f
#define HEADER_HELP_X (VIEW_LOGICAL_W - HEADER_EDGE - HEADER_HELP_W)
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
  draw_fill_rect(ui->engine, (Rect){0, 0, VIEW_LOGICAL_W, UI_HEADER_H}, t->surface);
  draw_fill_rect(ui->engine, (Rect){0, UI_HEADER_H - 3, VIEW_LOGICAL_W, 3}, t->border);
  TextStyle st = ui_text_style(ui, THEME_TEXT_TITLE, t->text);
  st.weight = TEXT_WEIGHT_BOLD;
  st.align = TEXT_ALIGN_CENTER;
  st.valign = TEXT_VALIGN_MIDDLE;
  // Centred on the canvas when the title fits there at its full size (the
  // wider end side decides the room); otherwise centred in all the room
  // between the buttons, which is a little off-centre but larger.
  float end_side = VIEW_LOGICAL_W - HEADER_SETTINGS_X + UI_GAP;
  Rect box = {end_side, 8, VIEW_LOGICAL_W - 2 * end_side, UI_HEADER_H - 16};
  if (text_measure(ui->engine, title, &st).w > box.w) {
    float start = HEADER_EDGE + HEADER_BACK_W + UI_GAP;
    box = ui_mirror(ui, (Rect){start, 8, HEADER_SETTINGS_X - UI_GAP - start, UI_HEADER_H - 16});
  }
  // One line always: a wrapped title in a bar this high is cramped and hard
  // to read from the back of a room. Shrink to ~60% at most, then cut.
  ui_text_line(ui, title, &st, box, fmaxf(32.0f, roundf(st.size * 0.6f)));
}

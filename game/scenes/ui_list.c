#include "scenes/ui.h"

#include <math.h>

#include "engine/engine.h"

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

void ui_list_scroll(UiList *list, long rows) {
  long first = (long)list->first + rows;
  list->first = first < 0 ? 0 : (size_t)first;
  list_clamp_first(list);
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

#include "scenes/ui_scroll.h"

#include <math.h>

#include "scenes/ui.h"

// ---- scroll view -------------------------------------------------------------

void ui_scroll_set(UiScroll *s, Rect view, float content_h, float step) {
  s->view = view;
  s->content_h = content_h > 0 ? content_h : 0;
  s->step = step > 1 ? step : 1;
  s->pressed = s->dragging = false;
  ui_scroll_to(s, s->offset);
}

float ui_scroll_max(const UiScroll *s) {
  return fmaxf(0, s->content_h - s->view.h);
}

bool ui_scroll_overflows(const UiScroll *s) {
  return s->content_h > s->view.h + 0.5f;
}

float ui_scroll_content_w(const UiScroll *s) {
  return fmaxf(0, s->view.w - UI_SCROLLBAR_ROOM);
}

bool ui_scroll_to(UiScroll *s, float offset) {
  float max = ui_scroll_max(s);
  float before = s->offset;
  // NaN (a bad sum somewhere) must not stick: it fails both comparisons.
  s->offset = !(offset > 0) ? 0 : offset > max ? max : offset;
  return s->offset != before;
}

bool ui_scroll_by(UiScroll *s, float dy) {
  return ui_scroll_to(s, s->offset + dy);
}

bool ui_scroll_reveal(UiScroll *s, float y, float h) {
  float top = y - s->view.y;  // in content units from the top
  if (h >= s->view.h || top < s->offset) {
    return ui_scroll_to(s, top);
  }
  if (top + h > s->offset + s->view.h) {
    return ui_scroll_to(s, top + h - s->view.h);
  }
  return false;
}

static float page(const UiScroll *s) {
  // Most of a viewport, so a line of the last page is still in sight.
  return fmaxf(s->step, s->view.h - 2 * s->step);
}

static bool scroll_key(UiScroll *s, InputAction a) {
  switch ((int)a) {
  case INPUT_ACTION_UP:
    return ui_scroll_by(s, -s->step);
  case INPUT_ACTION_DOWN:
    return ui_scroll_by(s, s->step);
  case INPUT_ACTION_PAGE_UP:
    ui_scroll_by(s, -page(s));
    return true;
  case INPUT_ACTION_PAGE_DOWN:
    ui_scroll_by(s, page(s));
    return true;
  case INPUT_ACTION_HOME:
    ui_scroll_to(s, 0);
    return true;
  case INPUT_ACTION_END:
    ui_scroll_to(s, ui_scroll_max(s));
    return true;
  default:
    return false;
  }
}

static bool scroll_pointer(UiScroll *s, const InputEvent *ev) {
  switch (ev->type) {
  case INPUT_EVENT_WHEEL:
    return ui_scroll_by(s, -ev->wheel_y * 3 * s->step);  // wheel events carry no position
  case INPUT_EVENT_POINTER_DOWN:
    if (ev->button == 1 && ui_scroll_overflows(s) && rect_contains(s->view, ev->x, ev->y)) {
      s->pressed = true;
      s->dragging = false;
      s->press_y = s->last_y = ev->y;
    }
    return false;  // a tap may still be meant for something inside
  case INPUT_EVENT_POINTER_MOVE:
    if (!s->pressed) {
      return false;
    }
    if (!s->dragging && fabsf(ev->y - s->press_y) < UI_SCROLL_DRAG_SLOP) {
      return true;  // still undecided: nothing else should hover meanwhile
    }
    s->dragging = true;
    ui_scroll_by(s, s->last_y - ev->y);
    s->last_y = ev->y;
    return true;
  case INPUT_EVENT_POINTER_UP: {
    bool was_drag = s->dragging;
    s->pressed = s->dragging = false;
    return was_drag;
  }
  default:
    return false;
  }
}

bool ui_scroll_event(UiScroll *s, const InputEvent *ev, bool focused) {
  if (ev->type == INPUT_EVENT_ACTION) {
    return focused && scroll_key(s, ev->action);
  }
  return scroll_pointer(s, ev);
}

bool ui_scroll_bar_rects(const UiScroll *s, bool rtl, Rect *track, Rect *thumb) {
  if (!ui_scroll_overflows(s) || s->content_h <= 0) {
    return false;
  }
  Rect tr = {rtl ? s->view.x : s->view.x + s->view.w - UI_SCROLLBAR_W, s->view.y, UI_SCROLLBAR_W, s->view.h};
  float h = fminf(tr.h, fmaxf(tr.h * s->view.h / s->content_h, UI_SCROLLBAR_MIN_THUMB));
  float max = ui_scroll_max(s);
  float frac = max > 0 ? fminf(fmaxf(s->offset / max, 0), 1) : 0;
  if (track) {
    *track = tr;
  }
  if (thumb) {
    *thumb = (Rect){tr.x, tr.y + (tr.h - h) * frac, tr.w, h};
  }
  return true;
}

UiClip ui_scroll_begin(const Ui *ui, const UiScroll *s) {
  return ui_clip_begin(ui, s->view);
}

void ui_scroll_end(const Ui *ui, const UiScroll *s, UiClip saved) {
  ui_clip_end(ui, saved);
  ui_scroll_bar_draw(ui, s);
}

void ui_scroll_bar_draw(const Ui *ui, const UiScroll *s) {
  Rect track, thumb;
  if (ui_scroll_bar_rects(s, ui->rtl, &track, &thumb)) {
    draw_round_rect(ui->engine, track, track.w / 2, ui->theme->bar_track);
    draw_round_rect(ui->engine, thumb, thumb.w / 2, ui->theme->text_muted);
  }
}

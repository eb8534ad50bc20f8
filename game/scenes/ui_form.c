#include "scenes/ui.h"

#include <math.h>
#include <string.h>

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
  return (Rect){VIEW_MIN_W / 2.0f, 0, 0, 0};
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
        ui_list_scroll(list, rows);
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
      // One click or tap chooses the row: selecting first and choosing on a
      // second click made touch players tap twice and mouse players think
      // the game had not heard them.
      form->focus = UI_FOCUS_LIST;
      ui_list_select(list, (size_t)row);
      return (UiResult){.kind = UI_RESULT_LIST_ACTIVATE, .row = (size_t)row};
    }
    return result(UI_RESULT_IGNORED);
  }
  case INPUT_EVENT_WHEEL:
    if (list && list->count > ui_list_visible_rows(list)) {
      ui_list_scroll(list, ev->wheel_y > 0 ? -1 : ev->wheel_y < 0 ? 1 : 0);
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
  case INPUT_ACTION_NEXT:
  case INPUT_ACTION_PREV:
    return result(ui_form_focus_step(form, ev->action == INPUT_ACTION_NEXT ? 1 : -1) ? UI_RESULT_CHANGED
                                                                                     : UI_RESULT_IGNORED);
  default:
    return result(UI_RESULT_IGNORED);
  }
}

// Reading order: top to bottom by rows (things whose tops are within half
// the smaller height of each other share a row), then along the reading
// direction. Returns < 0 when `a` comes first.
static int reading_cmp(Rect a, Rect b, bool rtl) {
  float tol = fminf(a.h, b.h) * 0.5f;
  if (fabsf(a.y - b.y) > tol) {
    return a.y < b.y ? -1 : 1;
  }
  float ax = rtl ? -(a.x + a.w) : a.x, bx = rtl ? -(b.x + b.w) : b.x;
  return ax < bx ? -1 : ax > bx ? 1 : 0;
}

static Rect focusable_rect(const UiForm *form, int i) {
  return i == UI_FOCUS_LIST ? form->list->rect : form->buttons[i].rect;
}

bool ui_form_focus_step(UiForm *form, int dir) {
  // Candidates: enabled buttons and a usable list, in reading order.
  int order[UI_FORM_MAX_BUTTONS + 1];
  int n = 0;
  for (int i = 0; i < form->count; i++) {
    if (!form->buttons[i].disabled) {
      order[n++] = i;
    }
  }
  if (list_usable(form)) {
    order[n++] = UI_FOCUS_LIST;
  }
  if (n == 0) {
    return false;
  }
  for (int i = 1; i < n; i++) {  // insertion sort: a few dozen items at most, stable
    int v = order[i], j = i;
    while (j > 0 && reading_cmp(focusable_rect(form, v), focusable_rect(form, order[j - 1]), form->rtl) < 0) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = v;
  }
  int at = -1;
  for (int i = 0; i < n; i++) {
    if (order[i] == form->focus) {
      at = i;
    }
  }
  int next = at < 0 ? (dir >= 0 ? 0 : n - 1) : ((at + (dir >= 0 ? 1 : -1)) % n + n) % n;
  if (order[next] == form->focus) {
    return false;
  }
  form->focus = order[next];
  return true;
}

void ui_form_draw(const Ui *ui, const UiForm *form) {
  for (int i = 0; i < form->count; i++) {
    ui_button_draw(ui, &form->buttons[i], form->focus == i, form->hover == i, form->pressed == i);
  }
}

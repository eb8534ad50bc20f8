#include "scenes/menu_text.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"

void menu_text_clear(MenuTextPlan *plan) {
  for (size_t i = 0; i < plan->count; i++) {
    free(plan->items[i].text);
  }
  plan->count = 0;
  plan->cut = 0;
}

void menu_text_free(MenuTextPlan *plan) {
  if (!plan) {
    return;
  }
  menu_text_clear(plan);
  free(plan->items);
  plan->items = NULL;
  plan->cap = 0;
}

TextStyle menu_text_style(const Ui *ui, ThemeText role, Color color, TextWeight weight, TextAlign align) {
  TextStyle st = ui_text_style(ui, role, color);
  st.weight = weight;
  st.align = align;
  return st;
}

static MenuText *push(MenuTextPlan *plan, const char *utf8, TextStyle style, Rect box, int layer) {
  if (plan->count == plan->cap) {
    plan->cap = plan->cap ? plan->cap * 2 : 16;
    plan->items = xrealloc(plan->items, plan->cap * sizeof *plan->items);
  }
  MenuText *t = &plan->items[plan->count++];
  *t = (MenuText){.text = xstrdup(utf8 ? utf8 : ""), .style = style, .box = box, .layer = layer};
  return t;
}

float menu_text_add(MenuTextPlan *plan, const Ui *ui, const char *utf8, TextStyle style, Rect box, int layer) {
  style.wrap_width = box.w;
  style.valign = TEXT_VALIGN_TOP;
  MenuText *t = push(plan, utf8, style, box, layer);
  t->box.h = text_measure(ui->engine, t->text, &t->style).h;
  return t->box.h;
}

float menu_text_add_line(MenuTextPlan *plan, const Ui *ui, const char *utf8, TextStyle style, Rect box, int layer) {
  style.wrap_width = 0;
  MenuText *t = push(plan, utf8, style, box, layer);
  TextSize sz = text_measure(ui->engine, t->text, &t->style);
  if (sz.w > box.w + 0.5f) {
    plan->cut++;
  }
  if (t->box.h < sz.h) {
    t->box.h = sz.h;
  }
  return sz.w;
}

void menu_text_draw(const Ui *ui, const MenuTextPlan *plan, int layer, float scroll) {
  for (size_t i = 0; i < plan->count; i++) {
    const MenuText *t = &plan->items[i];
    if (t->layer != layer) {
      continue;
    }
    Rect box = t->box;
    box.y -= scroll;
    text_draw(ui->engine, t->text, &t->style, ui_mirror(ui, box));
  }
}

float menu_text_bottom(const MenuTextPlan *plan, int layer) {
  float bottom = 0;
  for (size_t i = 0; i < plan->count; i++) {
    const MenuText *t = &plan->items[i];
    if (t->layer == layer && t->box.y + t->box.h > bottom) {
      bottom = t->box.y + t->box.h;
    }
  }
  return bottom;
}

static bool boxes_overlap(Rect a, Rect b) {
  // Touching edges are fine; a pixel of rounding is too.
  return a.x + 1 < b.x + b.w && b.x + 1 < a.x + a.w && a.y + 1 < b.y + b.h && b.y + 1 < a.y + a.h;
}

bool menu_text_overlaps(const MenuTextPlan *plan, size_t *a, size_t *b) {
  for (size_t i = 0; i < plan->count; i++) {
    for (size_t j = i + 1; j < plan->count; j++) {
      const MenuText *p = &plan->items[i], *q = &plan->items[j];
      if (p->layer == q->layer && boxes_overlap(p->box, q->box)) {
        if (a) {
          *a = i;
        }
        if (b) {
          *b = j;
        }
        return true;
      }
    }
  }
  return false;
}

void menu_scene_draw(const Ui *ui, const MenuSceneHead *head, int fixed, int scrolled, MenuDrawFn under, void *user) {
  if (fixed >= 0) {
    menu_text_draw(ui, &head->texts, fixed, 0);
  }
  if (scrolled >= 0) {
    UiClip clip = ui_scroll_begin(ui, &head->scroll);
    if (under) {
      under(ui, head, user);
    }
    menu_text_draw(ui, &head->texts, scrolled, head->scroll.offset);
    ui_scroll_end(ui, &head->scroll, clip);
  }
  ui_form_draw(ui, &head->form);
}

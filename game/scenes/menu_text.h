#pragma once
// The text of a menu screen, laid out once by the screen's layout() and drawn
// as is by draw(): every piece at its role's themed size, wrapped at its box
// width, its box as tall as the measured text. Nothing here shrinks or cuts
// text: a screen that runs out of room scrolls or wraps instead. A single
// line that is wider than its room is counted in `cut` (and clipped when
// drawn), so tests can assert that a layout never had to give up.
//
// Every menu screen's data starts with a MenuSceneHead (see scenes.h), so
// tests read the plan of the top screen without knowing its type.

#include <stdbool.h>
#include <stddef.h>

#include "engine/draw.h"
#include "engine/text.h"
#include "scenes/ui.h"

typedef struct MenuText {
  char *text;       // owned
  TextStyle style;  // size: the role's size; wrap_width: box.w (0 for a single line)
  Rect box;         // logical, unmirrored, before scrolling; h is the measured height
  int layer;        // which part of the screen (e.g. 0 fixed, 1 a scrolled panel)
} MenuText;

typedef struct MenuTextPlan {
  MenuText *items;  // owned
  size_t count, cap;
  size_t cut;  // single lines wider than their room (0 in a good layout)
} MenuTextPlan;

typedef struct MenuSceneHead {
  UiForm form;  // first: see scenes.h
  MenuTextPlan texts;
  UiScroll scroll;  // the scrolled part of the screen (its layer of `texts`); unused views stay zero
} MenuSceneHead;

// Forgets every piece (their text is freed); keeps the storage.
void menu_text_clear(MenuTextPlan *plan);
// Frees everything; the plan is empty afterwards. NULL is a no-op.
void menu_text_free(MenuTextPlan *plan);

// The style of a role (ui_text_style) with weight and alignment set.
TextStyle menu_text_style(const Ui *ui, ThemeText role, Color color, TextWeight weight, TextAlign align);

// Adds `utf8` (copied) wrapped at `box.w` at x/y of `box` in `layer`;
// box.h is ignored and replaced by the measured height, which is returned.
float menu_text_add(MenuTextPlan *plan, const Ui *ui, const char *utf8, TextStyle style, Rect box, int layer);
// Adds `utf8` on one line in `box` (placed by style.align/valign inside it);
// counts a cut when it is wider than box.w. Returns its measured width.
float menu_text_add_line(MenuTextPlan *plan, const Ui *ui, const char *utf8, TextStyle style, Rect box, int layer);

// Draws the pieces of `layer` shifted up by `scroll` (mirrored for
// right-to-left interfaces), clipped to their box horizontally.
void menu_text_draw(const Ui *ui, const MenuTextPlan *plan, int layer, float scroll);
// The bottom of the lowest piece of `layer` (0 when there is none).
float menu_text_bottom(const MenuTextPlan *plan, int layer);
// True when two pieces of the same layer overlap (tests).
bool menu_text_overlaps(const MenuTextPlan *plan, size_t *a, size_t *b);

// What a menu screen draws inside its scroll view before the scrolled text
// (cards, highlighted rows, a list), shifted up by head->scroll.offset.
typedef void (*MenuDrawFn)(const Ui *ui, const MenuSceneHead *head, void *user);
// Draws a menu screen from its layout: the `fixed` layer of head->texts
// unscrolled (-1: none); when `scrolled` >= 0, clipped to head->scroll's
// view, `under` (nullable, given `user`) and the `scrolled` layer moved up
// by the offset, then the scroll bar; last the form's buttons.
void menu_scene_draw(const Ui *ui, const MenuSceneHead *head, int fixed, int scrolled, MenuDrawFn under, void *user);

#pragma once
// A table laid out from measured text: a header row of labels, then rows of
// cells. Every column but one is as wide as its widest cell (header
// included) at the current text size plus padding, on one line; the one
// flexible column takes the width that is left and wraps its cells (names,
// descriptions). When the fixed columns leave the flexible one less than
// its minimum (2x text on a 1440-unit canvas), the table stacks: each row
// keeps the columns up to the flexible one on its first line, the flexible
// one running to the end, and puts the columns after it on a second line
// below it (from the table's start when they do not fit under it), so
// nothing ever overlaps or has to be cut. Columns are aligned at their start or their end (numbers:
// end). The cells go into a MenuTextPlan (menu_text.h), the measuring
// layer the menu screens draw from, so tests see them as any other text.
//
// Layout is left to right in unmirrored canvas units, like the plan; the
// plan mirrors when it draws, so in a right-to-left interface the first
// column is at the right. Row rects (for hit-testing and highlighting) are
// unmirrored too: pass them through ui_mirror() for pointer events.
//
// Usage in layout():
//   UiTableColumn cols[] = {{"#", TEXT_ALIGN_END}, {_("Name"), TEXT_ALIGN_START, .flex = true}, ...};
//   UiTableSpec spec = {.columns = cols, .cols = 3, .cells = cells, .rows = n, .head = hs, .body = bs};
//   if (ui_table_min_width(&ui, &spec) > room) stack the cards instead...
//   float h = ui_table_layout(&s->table, &ui, &spec, (Rect){x, y, w, 0}, &plan, layer);

#include <stdbool.h>
#include <stddef.h>

#include "engine/draw.h"
#include "engine/text.h"

typedef struct Ui Ui;
typedef struct MenuTextPlan MenuTextPlan;

#define UI_TABLE_MAX_COLS 8

typedef struct UiTableColumn {
  const char *label;  // the header cell, borrowed
  TextAlign align;    // TEXT_ALIGN_START or TEXT_ALIGN_END (numbers)
  bool flex;          // takes the remaining width and wraps (at most one column)
} UiTableColumn;

typedef struct UiTableSpec {
  const UiTableColumn *columns;  // `cols` of them, borrowed
  int cols;                      // 1 .. UI_TABLE_MAX_COLS
  const char *const *cells;      // rows * cols, row-major, borrowed; NULL cells are empty
  size_t rows;                   // body rows (the header row is extra)
  TextStyle head, body;          // styles of the header row and of the cells (size, weight, colour, lang)
  // Rows to draw in bold (e.g. the current player's), or NULL.
  const bool *bold;
  float col_gap;   // between columns; 0: 2 * the theme's gap
  float row_gap;   // between rows; 0: the theme's gap / 3
  float flex_min;  // the flexible column's least width; 0: 6 body-size ems
} UiTableSpec;

typedef struct UiTable {
  int cols;
  float col_x[UI_TABLE_MAX_COLS], col_w[UI_TABLE_MAX_COLS];  // unmirrored
  Rect head;                                                 // the header row
  Rect *row;                                                 // owned: `rows` body row rects
  size_t rows;
  Rect rect;     // all of it
  int flex;      // the flexible column, -1 for none
  bool stacked;  // the columns after the flexible one are on a second line
  bool fits;     // false only when even stacked the cells are wider than the box (cut lines in the plan)
} UiTable;

// The width the table needs side by side (not stacked): the fixed columns
// at their measured width, the flexible one at its minimum, and the gaps.
float ui_table_min_width(const Ui *ui, const UiTableSpec *spec);
// Measures the columns, lays every cell into `plan` (layer `layer`) from
// box.x/box.y at box.w (box.h is ignored) and fills `t` (its old rows are
// freed). Returns the table's height. Narrower than ui_table_min_width() it
// stacks (t->stacked).
float ui_table_layout(UiTable *t, const Ui *ui, const UiTableSpec *spec, Rect box, MenuTextPlan *plan, int layer);
// The body row under a pointer at the physical point (x, y), or -1
// (`scroll_y`: how far the table's content is scrolled up, 0 when not).
int ui_table_row_at(const UiTable *t, const Ui *ui, float x, float y, float scroll_y);
// Frees the rows; `t` may be reused. NULL is a no-op.
void ui_table_free(UiTable *t);

#include "scenes/ui_table.h"

#include <math.h>
#include <stdlib.h>

#include "base/str.h"
#include "scenes/menu_text.h"
#include "scenes/ui.h"

// ---- table -------------------------------------------------------------------

static float col_gap(const Ui *ui, const UiTableSpec *spec) {
  return spec->col_gap > 0 ? spec->col_gap : 2 * ui_gap(ui);
}

static float row_gap(const Ui *ui, const UiTableSpec *spec) {
  return spec->row_gap > 0 ? spec->row_gap : ui_gap(ui) / 3;
}

static const char *cell(const UiTableSpec *spec, size_t row, int col) {
  const char *c = spec->cells[row * (size_t)spec->cols + (size_t)col];
  return c ? c : "";
}

static TextStyle cell_style(const UiTableSpec *spec, size_t row, int col) {
  TextStyle st = spec->body;
  if (spec->bold && spec->bold[row]) {
    st.weight = TEXT_WEIGHT_BOLD;
  }
  st.align = spec->columns[col].align;
  return st;
}

// Padding inside a column: a couple of units so a measured width that
// rounds down never cuts its last glyph.
#define CELL_PAD 4.0f

// Fills widths[] with the fixed columns' measured widths (the flexible
// column 0) and returns their sum plus the gaps.
static float measure(const Ui *ui, const UiTableSpec *spec, float *widths, int *flex) {
  *flex = -1;
  float total = col_gap(ui, spec) * (float)(spec->cols - 1);
  for (int k = 0; k < spec->cols; k++) {
    widths[k] = 0;
    if (spec->columns[k].flex && *flex < 0) {
      *flex = k;
      continue;
    }
    TextStyle hs = spec->head;
    widths[k] = text_measure(ui->engine, spec->columns[k].label ? spec->columns[k].label : "", &hs).w;
    for (size_t r = 0; r < spec->rows; r++) {
      TextStyle st = cell_style(spec, r, k);
      widths[k] = fmaxf(widths[k], text_measure(ui->engine, cell(spec, r, k), &st).w);
    }
    widths[k] = ceilf(widths[k]) + CELL_PAD;
    total += widths[k];
  }
  return total;
}

static float flex_min(const UiTableSpec *spec) {
  return spec->flex_min > 0 ? spec->flex_min : 6 * spec->body.size;
}

float ui_table_min_width(const Ui *ui, const UiTableSpec *spec) {
  float widths[UI_TABLE_MAX_COLS];
  int flex;
  float fixed = measure(ui, spec, widths, &flex);
  return fixed + (flex >= 0 ? flex_min(spec) : 0);
}

// Lays out one row (the header when `row` is SIZE_MAX) at y; returns its
// height. Stacked, the columns after the flexible one go on a second line.
static float layout_row(const UiTable *t, const Ui *ui, const UiTableSpec *spec, size_t row, float y,
                        MenuTextPlan *plan, int layer) {
  float h[2] = {0, 0};
  for (int line = 0; line < (t->stacked ? 2 : 1); line++) {
    float ly = line == 0 ? y : y + h[0] + row_gap(ui, spec) / 2;
    for (int k = 0; k < spec->cols; k++) {
      if (t->stacked && (k > t->flex) != (line == 1)) {
        continue;
      }
      bool head = row == SIZE_MAX;
      TextStyle st = head ? spec->head : cell_style(spec, row, k);
      st.align = spec->columns[k].align;
      const char *text = head ? (spec->columns[k].label ? spec->columns[k].label : "") : cell(spec, row, k);
      Rect box = {t->col_x[k], ly, t->col_w[k], 0};
      if (k == t->flex) {
        h[line] = fmaxf(h[line], menu_text_add(plan, ui, text, st, box, layer));
      } else {
        menu_text_add_line(plan, ui, text, st, box, layer);
        h[line] = fmaxf(h[line], plan->items[plan->count - 1].box.h);
      }
    }
  }
  return t->stacked ? h[0] + row_gap(ui, spec) / 2 + h[1] : h[0];
}

// Column positions. Side by side when everything fits; else stacked: the
// columns up to the flexible one on the first line (the flexible one to
// the end), the rest on a second line from the flexible column's start
// (or the table's, when that leaves them too little room).
static void place_columns(UiTable *t, const Ui *ui, const UiTableSpec *spec, Rect box, float fixed) {
  float gap = col_gap(ui, spec);
  t->stacked = t->flex >= 0 && fixed + flex_min(spec) > box.w + 0.5f;
  // The second line starts under the flexible column, or at the table's
  // start when it would not fit from there.
  float line2_x = box.x;
  if (t->stacked) {
    float line2_w = -gap;
    for (int k = t->flex + 1; k < spec->cols; k++) {
      line2_w += t->col_w[k] + gap;
    }
    float under = box.x;
    for (int k = 0; k < t->flex; k++) {
      under += t->col_w[k] + gap;
    }
    line2_x = under + line2_w <= box.x + box.w + 0.5f ? under : box.x;
  }
  float x = box.x;
  for (int k = 0; k < spec->cols; k++) {
    if (t->stacked && k == t->flex + 1) {
      x = line2_x;
    }
    t->col_x[k] = x;
    if (k == t->flex) {
      float after = 0;  // side by side: the fixed columns after it need their room
      for (int j = k + 1; j < spec->cols && !t->stacked; j++) {
        after += t->col_w[j] + gap;
      }
      t->col_w[k] = fmaxf(box.x + box.w - x - after, t->stacked ? 0 : flex_min(spec));
    }
    x += t->col_w[k] + gap;
  }
  // Too narrow even so: the columns that spill are cut at the box (their
  // lines count as cut in the plan), never drawn over their neighbours.
  t->fits = t->flex < 0 || t->col_w[t->flex] >= fminf(flex_min(spec), box.w);
  for (int k = 0; k < spec->cols; k++) {
    float room = box.x + box.w - t->col_x[k];
    if (t->col_w[k] > room + 0.5f) {
      t->col_w[k] = fmaxf(room, 0);
      t->fits = false;
    }
  }
}

float ui_table_layout(UiTable *t, const Ui *ui, const UiTableSpec *spec, Rect box, MenuTextPlan *plan, int layer) {
  ui_table_free(t);
  float fixed = measure(ui, spec, t->col_w, &t->flex);
  t->cols = spec->cols;
  place_columns(t, ui, spec, box, fixed);
  float y = box.y, rg = row_gap(ui, spec);
  float hh = layout_row(t, ui, spec, SIZE_MAX, y, plan, layer);
  t->head = (Rect){box.x, y, box.w, hh};
  y += hh + rg;
  t->rows = spec->rows;
  t->row = spec->rows ? xcalloc(spec->rows, sizeof *t->row) : NULL;
  for (size_t r = 0; r < spec->rows; r++) {
    float h = layout_row(t, ui, spec, r, y, plan, layer);
    t->row[r] = (Rect){box.x, y - rg / 2, box.w, h + rg};
    y += h + rg;
  }
  t->rect = (Rect){box.x, box.y, box.w, y - box.y};
  return t->rect.h;
}

int ui_table_row_at(const UiTable *t, const Ui *ui, float x, float y, float scroll_y) {
  for (size_t r = 0; r < t->rows; r++) {
    Rect rr = t->row[r];
    rr.y -= scroll_y;
    if (rect_contains(ui_mirror(ui, rr), x, y)) {
      return (int)r;
    }
  }
  return -1;
}

void ui_table_free(UiTable *t) {
  if (!t) {
    return;
  }
  free(t->row);
  t->row = NULL;
  t->rows = 0;
}

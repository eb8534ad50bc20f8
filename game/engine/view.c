#include "engine/view.h"

View view_make(int out_w, int out_h, int win_w, int win_h) {
  View v = {.out_w = out_w, .out_h = out_h, .win_w = win_w, .win_h = win_h};
  if (out_w <= 0 || out_h <= 0) {
    return v;
  }
  float sx = (float)out_w / VIEW_MIN_W;
  float sy = (float)out_h / VIEW_MIN_H;
  v.scale = sx < sy ? sx : sy;
  v.w = (float)out_w / v.scale;
  v.h = (float)out_h / v.scale;
  return v;
}

float view_px_x(const View *view, float lx) {
  return lx * view->scale;
}

float view_px_y(const View *view, float ly) {
  return ly * view->scale;
}

float view_px_len(const View *view, float len) {
  return len * view->scale;
}

Rect view_rect_to_px(const View *view, Rect r) {
  return (Rect){view_px_x(view, r.x), view_px_y(view, r.y), r.w * view->scale, r.h * view->scale};
}

void view_px_to_logical(const View *view, float px, float py, float *lx, float *ly) {
  if (view->scale <= 0.0f) {
    *lx = 0.0f;
    *ly = 0.0f;
    return;
  }
  *lx = px / view->scale;
  *ly = py / view->scale;
}

void view_window_to_logical(const View *view, float wx, float wy, float *lx, float *ly) {
  // On HiDPI the window is measured in points and the output in pixels.
  float rx = view->win_w > 0 ? (float)view->out_w / (float)view->win_w : 1.0f;
  float ry = view->win_h > 0 ? (float)view->out_h / (float)view->win_h : 1.0f;
  view_px_to_logical(view, wx * rx, wy * ry, lx, ly);
}

Rect view_canvas(const View *view) {
  return (Rect){0, 0, view->w, view->h};
}

bool view_in_canvas(const View *view, float lx, float ly) {
  return rect_contains(view_canvas(view), lx, ly);
}

bool rect_contains(Rect r, float x, float y) {
  return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

Rect rect_inset(Rect r, float d) {
  return (Rect){r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d};
}

Rect rect_center(Rect r, float w, float h) {
  return (Rect){r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h};
}

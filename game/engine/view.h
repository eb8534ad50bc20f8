#pragma once
// Resolution independence. Screens are laid out on a logical canvas that
// fills the whole output, whatever its shape: the scale is chosen so that
// the canvas is at least VIEW_MIN_W x VIEW_MIN_H units (1440x1080, 4:3) and
// exactly that in one direction; the other direction grows with the aspect
// (16:9 at 1920x1080 pixels is a 1920x1080 canvas, 4:3 is 1440x1080, 21:9 is
// 2520x1080, a portrait tablet 1440x1920). No bars: a 4:3 projector loses
// nothing. One logical unit is one pixel at 1080p. Text is NOT scaled as a
// texture: it is rasterised at (logical size * scale) pixels, which is why
// the transform is done here rather than with SDL_RenderSetLogicalSize().
// Layouts read the canvas size from the view (w, h) and must hold from
// VIEW_MIN_W x VIEW_MIN_H upwards in both directions.
//
// Pure arithmetic: no SDL calls, so it can be tested on its own.

#include <stdbool.h>

#define VIEW_MIN_W 1440
#define VIEW_MIN_H 1080
// Below this window size (window units), text would fall under a legible
// pixel size; the engine asks the window system for it as a minimum.
#define VIEW_MIN_WINDOW_W 640
#define VIEW_MIN_WINDOW_H 480

// A rectangle. In logical units unless a function says otherwise.
typedef struct Rect {
  float x, y, w, h;
} Rect;

typedef struct View {
  int out_w, out_h;  // renderer output size in real pixels
  float scale;       // output pixels per logical unit
  float w, h;        // the logical canvas: out_w / scale x out_h / scale
  // Window size in window coordinates (differs from out_* on HiDPI), used to
  // map mouse and touch positions.
  int win_w, win_h;
} View;

// The view for an output of out_w x out_h pixels shown in a window of
// win_w x win_h window units (pass the output size again when they agree).
// Sizes <= 0 give a degenerate view with scale 0 that maps everything to 0.
View view_make(int out_w, int out_h, int win_w, int win_h);

// Logical -> output pixels.
float view_px_x(const View *view, float lx);
float view_px_y(const View *view, float ly);
float view_px_len(const View *view, float len);
Rect view_rect_to_px(const View *view, Rect logical);
// Output pixels -> logical.
void view_px_to_logical(const View *view, float px, float py, float *lx, float *ly);
// Window coordinates (mouse events) -> logical.
void view_window_to_logical(const View *view, float wx, float wy, float *lx, float *ly);
// True when a logical point is on the canvas.
bool view_in_canvas(const View *view, float lx, float ly);
// The whole canvas as a rectangle.
Rect view_canvas(const View *view);

// True when (x, y) lies in r (left/top edges inclusive, right/bottom exclusive).
bool rect_contains(Rect r, float x, float y);
// r shrunk by `d` on every side (grown when d < 0).
Rect rect_inset(Rect r, float d);
// The box of size w x h centred in r.
Rect rect_center(Rect r, float w, float h);

#pragma once
// Drawing in logical units (see view.h). Every function maps to output
// pixels itself, so shapes stay crisp at any window size.

#include <stdbool.h>
#include <stdint.h>

#include "engine/view.h"

typedef struct Engine Engine;

typedef struct Color {
  uint8_t r, g, b, a;
} Color;

// Colour from 0xRRGGBB, opaque.
Color color_rgb(uint32_t rgb);
// Colour from 0xRRGGBBAA.
Color color_rgba(uint32_t rgba);

void draw_fill_rect(Engine *engine, Rect r, Color color);
// Outline drawn inside r, `thickness` logical units wide.
void draw_rect_outline(Engine *engine, Rect r, float thickness, Color color);
// Filled rectangle with rounded corners (radius clamped to half the short side).
void draw_round_rect(Engine *engine, Rect r, float radius, Color color);
// Rounded outline, `thickness` wide, inside r.
void draw_round_rect_outline(Engine *engine, Rect r, float radius, float thickness, Color color);
// A straight line as a quad `thickness` logical units wide.
void draw_line(Engine *engine, float x0, float y0, float x1, float y1, float thickness, Color color);
// A filled circle (centre, radius).
void draw_circle(Engine *engine, float cx, float cy, float radius, Color color);

// A bar with a track and a filled part `fraction` (clamped to 0..1) long,
// e.g. a countdown. The fill grows from the reading-start side: from the
// left, or from the right when `rtl` is true.
void draw_bar(Engine *engine, Rect r, float fraction, Color fill, Color track, bool rtl);

// Simple vector icons drawn with geometry, fitted into the square centred in
// `box`. Directional icons are physical (ARROW_LEFT points left); pick the
// one that matches the reading direction.
typedef enum DrawIcon {
  DRAW_ICON_CHECK,
  DRAW_ICON_CROSS,
  DRAW_ICON_PAUSE,
  DRAW_ICON_PLAY,
  DRAW_ICON_SPEAKER,
  DRAW_ICON_SPEAKER_MUTED,
  DRAW_ICON_ARROW_LEFT,
  DRAW_ICON_ARROW_RIGHT,
  DRAW_ICON_COUNT,
} DrawIcon;

void draw_icon(Engine *engine, DrawIcon icon, Rect box, Color color);

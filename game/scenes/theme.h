#pragma once
// The look: two palettes (normal: calm dark navy; high contrast: black and
// white, every text/background pair at WCAG AAA, >= 7:1), five text-size
// steps (Normal 1x, Large 1.25x, Larger 1.5x, Very large 1.75x, Largest 2x)
// and the page geometry that goes with them. Screens take every colour and size from here and never hard-code
// one, so the settings screen can switch them live.
//
// Meanings have one colour each, and never only a colour:
//   REAL        blue      #0072B2 + check icon + the word   (Okabe-Ito, colour-blind safe)
//   FABRICATED  vermillion #D55E00 + cross icon + the word
//   correct / wrong (feedback) have their own colours + icons + words.
//   focus       a thick ring that is visible on every surface.

#include <stdbool.h>

#include "engine/draw.h"
#include "scenes/settings.h"

#define THEME_COLOR_REAL 0x0072B2u
#define THEME_COLOR_FABRICATED 0xD55E00u

// Text roles; the logical size of each (on the 1920x1080 canvas) is scaled by
// the text-size step.
typedef enum ThemeText {
  THEME_TEXT_SMALL,     // secondary details (signal-detection block, hints): 30
  THEME_TEXT_BODY,      // body text, list rows, explanations: 38
  THEME_TEXT_BUTTON,    // button labels: 40 (bold)
  THEME_TEXT_TITLE,     // screen titles in the header bar: 56 (bold)
  THEME_TEXT_HEADLINE,  // the headline of a question: 76 (fit to its box)
  THEME_TEXT_DISPLAY,   // the game's name on the title screen, big scores: 120
  THEME_TEXT_COUNT,
} ThemeText;

typedef struct Theme {
  bool high_contrast;
  bool reduced_motion;
  SettingsTextSize text_size;
  float text_scale;    // 1.0, 1.25, 1.5, 1.75, 2.0
  float layout_scale;  // 1 + (text_scale - 1) / 2: boxes that hold a line of text grow by it

  // Page geometry (logical units). Margins and gaps hold no text and stay;
  // bars and buttons hold text and grow with layout_scale (at 2x text a
  // button is 1.5x taller). Screens read them through ui_margin(),
  // ui_header_h()... (ui.h).
  float margin;           // left/right page margin: 72
  float gap;              // standard gap: 24
  float header_h;         // header bar: 128 at Normal
  float header_button_h;  // Back / Settings / Help in the header: 96 at Normal
  float button_h;         // a standard (touch friendly) button: 104 at Normal

  Color background;      // the canvas
  Color letterbox;       // bars around the canvas
  Color surface;         // cards, panels
  Color surface_raised;  // buttons, list rows
  Color surface_hover;   // a hovered button / row
  Color border;          // card and button outlines
  Color text;            // main text on background / surface
  Color text_muted;      // secondary text (still >= 7:1 in high contrast, >= 4.5:1 otherwise)
  Color text_disabled;   // greyed (broken packs): still readable
  Color accent;          // primary action buttons, selection
  Color on_accent;       // text / icons on `accent`
  Color focus;           // focus ring
  Color warning;         // an error line (broken pack), a notice title

  Color real;        // REAL: #0072B2 (icons, borders, bars)
  Color real_fill;   // fill of a REAL button
  Color on_real;     // text / icon on real_fill
  Color fabricated;  // FABRICATED: #D55E00
  Color fabricated_fill;
  Color on_fabricated;

  Color correct;    // "Right" in feedback (with a check icon)
  Color wrong;      // "Wrong" / "Time ran out" (with a cross icon)
  Color bar_track;  // background of bars (countdown)
  Color scrim;      // translucent layer drawn over the scene beneath an overlay

  float radius;           // corner radius of cards and buttons
  float focus_thickness;  // focus ring width
  float spacing;          // the basic gap between things (logical units)
} Theme;

// A theme for the given palette and text-size step.
Theme theme_make(bool high_contrast, SettingsTextSize text_size, bool reduced_motion);
Theme theme_from_settings(const Settings *s);

// Logical text size of a role at this theme's text-size step.
float theme_text_size(const Theme *t, ThemeText role);
// The role's size at Normal: the floor under which the UI kit never
// shrinks text of that role at a larger step (ui.h, "text").
float theme_text_size_normal(ThemeText role);
// The scale of a step (1 for anything out of range).
float theme_text_scale(SettingsTextSize size);

// WCAG 2 contrast ratio of two opaque colours (1..21), for tests and checks.
double theme_contrast(Color a, Color b);

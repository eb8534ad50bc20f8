#include "scenes/theme.h"

#include <math.h>

static const float text_sizes[THEME_TEXT_COUNT] = {
    [THEME_TEXT_SMALL] = 30.0f, [THEME_TEXT_BODY] = 38.0f,     [THEME_TEXT_BUTTON] = 40.0f,
    [THEME_TEXT_TITLE] = 56.0f, [THEME_TEXT_HEADLINE] = 76.0f, [THEME_TEXT_DISPLAY] = 120.0f,
};

static const float text_scales[SETTINGS_TEXT_COUNT] = {1.0f, 1.25f, 1.5f, 1.75f, 2.0f};

// Page geometry at Normal text (logical units, canvas at least 1440x1080).
#define THEME_MARGIN 72.0f
#define THEME_GAP 24.0f
#define THEME_HEADER_H 128.0f
#define THEME_HEADER_BUTTON_H 96.0f
#define THEME_BUTTON_H 104.0f

// Boxes that hold one line of text grow half as fast as the text: a
// button's word takes about three quarters of its height at Normal, so
// at 2x text a 1.5x button still holds it with padding (checked in
// test_ui_text_sizes), and the page keeps room for content.
static void layout_numbers(Theme *t) {
  t->layout_scale = 1.0f + (t->text_scale - 1.0f) * 0.5f;
  t->margin = THEME_MARGIN;
  t->gap = THEME_GAP;
  t->header_h = roundf(THEME_HEADER_H * t->layout_scale);
  t->header_button_h = roundf(THEME_HEADER_BUTTON_H * t->layout_scale);
  t->button_h = roundf(THEME_BUTTON_H * t->layout_scale);
}

// Calm dark navy. Text pairs are >= 7:1 on background and surfaces except
// text_muted (>= 4.5:1); the white/near-black labels on the answer colours
// are >= 4.5:1, which is AAA for large (bold >= 18.7 px) text.
static void palette_normal(Theme *t) {
  t->background = color_rgb(0x0E1A2B);
  t->letterbox = color_rgb(0x08111D);
  t->surface = color_rgb(0x16273D);
  t->surface_raised = color_rgb(0x1F3552);
  t->surface_hover = color_rgb(0x2A4669);
  t->border = color_rgb(0x3B5679);
  t->text = color_rgb(0xF4F6FA);
  t->text_muted = color_rgb(0xC3CEDD);
  t->text_disabled = color_rgb(0x9AA8BB);
  t->accent = color_rgb(0xE8EEF6);
  t->on_accent = color_rgb(0x0E1A2B);
  t->focus = color_rgb(0xF0E442);  // Okabe-Ito yellow: visible on every surface and fill
  t->warning = color_rgb(0xF5C26B);
  t->real = color_rgb(THEME_COLOR_REAL);
  t->real_fill = color_rgb(THEME_COLOR_REAL);
  t->on_real = color_rgb(0xFFFFFF);
  t->fabricated = color_rgb(THEME_COLOR_FABRICATED);
  t->fabricated_fill = color_rgb(THEME_COLOR_FABRICATED);
  t->on_fabricated = color_rgb(0x140A00);  // white would be 3.9:1 on vermillion
  t->correct = color_rgb(0x3CCB9E);
  t->wrong = color_rgb(0xE7A3CB);  // reddish purple, far from vermillion (FABRICATED)
  t->bar_track = color_rgb(0x2A3D58);
  t->scrim = color_rgba(0x050A14C0);
  t->radius = 20.0f;
  t->focus_thickness = 6.0f;
  t->spacing = 24.0f;
}

// Black and white with WCAG AAA contrast (>= 7:1 for all text on
// background and surfaces), borders everywhere, a cyan focus ring.
static void palette_high_contrast(Theme *t) {
  t->background = color_rgb(0x000000);
  t->letterbox = color_rgb(0x000000);
  t->surface = color_rgb(0x000000);
  t->surface_raised = color_rgb(0x000000);
  t->surface_hover = color_rgb(0x262626);
  t->border = color_rgb(0xFFFFFF);
  t->text = color_rgb(0xFFFFFF);
  t->text_muted = color_rgb(0xE6E6E6);
  t->text_disabled = color_rgb(0xBDBDBD);
  t->accent = color_rgb(0xFFFF00);
  t->on_accent = color_rgb(0x000000);
  t->focus = color_rgb(0x00FFFF);
  t->warning = color_rgb(0xFFD24D);
  t->real = color_rgb(THEME_COLOR_REAL);
  t->real_fill = color_rgb(THEME_COLOR_REAL);
  t->on_real = color_rgb(0xFFFFFF);
  t->fabricated = color_rgb(THEME_COLOR_FABRICATED);
  t->fabricated_fill = color_rgb(THEME_COLOR_FABRICATED);
  t->on_fabricated = color_rgb(0x000000);
  t->correct = color_rgb(0x66FFB8);
  t->wrong = color_rgb(0xFFA6DA);
  t->bar_track = color_rgb(0x4D4D4D);
  t->scrim = color_rgba(0x000000E0);
  t->radius = 16.0f;
  t->focus_thickness = 8.0f;
  t->spacing = 24.0f;
}

Theme theme_make(bool high_contrast, SettingsTextSize text_size, bool reduced_motion) {
  Theme t = {0};
  if (text_size < 0 || text_size >= SETTINGS_TEXT_COUNT) {
    text_size = SETTINGS_TEXT_NORMAL;
  }
  if (high_contrast) {
    palette_high_contrast(&t);
  } else {
    palette_normal(&t);
  }
  t.high_contrast = high_contrast;
  t.reduced_motion = reduced_motion;
  t.text_size = text_size;
  t.text_scale = text_scales[text_size];
  layout_numbers(&t);
  return t;
}

Theme theme_from_settings(const Settings *s) {
  return theme_make(s->high_contrast, s->text_size, s->reduced_motion);
}

float theme_text_size(const Theme *t, ThemeText role) {
  if (role < 0 || role >= THEME_TEXT_COUNT) {
    role = THEME_TEXT_BODY;
  }
  return roundf(text_sizes[role] * t->text_scale);
}

float theme_text_size_normal(ThemeText role) {
  if (role < 0 || role >= THEME_TEXT_COUNT) {
    role = THEME_TEXT_BODY;
  }
  return text_sizes[role];
}

float theme_text_scale(SettingsTextSize size) {
  return (size >= 0 && size < SETTINGS_TEXT_COUNT) ? text_scales[size] : text_scales[0];
}

static double channel(uint8_t c) {
  double v = c / 255.0;
  return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(Color c) {
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double theme_contrast(Color a, Color b) {
  double la = luminance(a), lb = luminance(b);
  double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
  return (hi + 0.05) / (lo + 0.05);
}

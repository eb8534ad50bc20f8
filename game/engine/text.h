#pragma once
// Styled text in logical units. Text is rasterised at the real output pixel
// size (logical size * view scale), so it stays sharp on HiDPI and 4K, and a
// rasterised string is kept in the engine's text cache (text_cache.h): a
// frame that shows the same text again rasterises nothing.
//
// Faces come from the game (EngineConfig.fonts: file, bold, script): the
// style's language tag picks the script (Arabic-script languages -> the
// "Arab" fonts, everything else -> the fonts without a script), the weight
// picks among them, and the tag gives the direction (i18n_lang_is_rtl). Shaping is done by HarfBuzz through SDL_ttf.
// Text must be valid UTF-8; invalid text is not drawn (a warning is logged,
// never a crash).

#include <stdbool.h>
#include <stddef.h>

#include "engine/draw.h"
#include "engine/view.h"

typedef struct Engine Engine;

typedef enum TextWeight {
  TEXT_WEIGHT_REGULAR,
  TEXT_WEIGHT_BOLD,
} TextWeight;

// Horizontal alignment. START is the side where reading begins: left for
// left-to-right languages, right for right-to-left ones. Applies both to the
// lines inside a wrapped block and to the block inside the box given to
// text_draw().
typedef enum TextAlign {
  TEXT_ALIGN_START,
  TEXT_ALIGN_CENTER,
  TEXT_ALIGN_END,
} TextAlign;

typedef enum TextVAlign {
  TEXT_VALIGN_TOP,
  TEXT_VALIGN_MIDDLE,
  TEXT_VALIGN_BOTTOM,
} TextVAlign;

typedef struct TextStyle {
  TextWeight weight;
  float size;  // logical units (em size; 36 reads well on the 1080 canvas)
  Color color;
  float wrap_width;  // logical units; 0 = no wrapping (only at '\n')
  TextAlign align;
  TextVAlign valign;  // placement inside the box of text_draw()
  const char *lang;   // BCP 47 tag, e.g. "en", "ar"; NULL = "en". Borrowed.
} TextStyle;

typedef struct TextSize {
  float w, h;  // logical units
} TextSize;

// A handy default: regular, `size`, opaque `color`, no wrap, start-aligned, top.
TextStyle text_style(float size, Color color, const char *lang);

// Draws `utf8` laid out by `style` inside `box` (logical): horizontally by
// style->align (and direction), vertically by style->valign. The box does not
// clip; text larger than it overflows (use text_fit). Returns the drawn size.
TextSize text_draw(Engine *engine, const char *utf8, const TextStyle *style, Rect box);

// The logical size text_draw() would use. Exact (it uses the cached
// rasterisation), so a later text_draw() of the same text costs no
// rasterisation. Empty text has width 0 and one line's height.
TextSize text_measure(Engine *engine, const char *utf8, const TextStyle *style);

// The largest size <= style->size (and >= min_size) at which `utf8`, wrapped at
// box_w, fits in box_w x box_h; min_size when even that does not fit.
// Results are whole logical units. Measures a few sizes (each cached once).
float text_fit(Engine *engine, const char *utf8, const TextStyle *style, float box_w, float box_h, float min_size);

// Height of one line (logical) for a style's face and size.
float text_line_height(Engine *engine, const TextStyle *style);

// The font file a style selects from the configured fonts (EngineConfig.fonts),
// e.g. "DejaVuSans.ttf" or "NotoSansArabic-Bold.ttf" (borrowed from the
// config), for logs and tests.
const char *text_face_file(const Engine *engine, const TextStyle *style);

// One run of laid-out text: a logical piece drawn in one direction with one
// face. For tests and tools.
typedef struct TextRun {
  size_t start, len;      // bytes of the UTF-8 text, logical order
  int line;               // 0-based
  float x, w;             // logical units from the left edge of the text block
  bool rtl;               // shaped right to left
  const char *face_file;  // e.g. "NotoSansArabic-Regular.ttf" (borrowed from the config)
} TextRun;

// Text with a right-to-left character, or in a right-to-left style, is laid
// out by the Unicode Bidirectional Algorithm (FriBidi): the paragraph takes
// the style's direction, each run of one direction and script is shaped with
// its own face (Arabic script: Noto Sans Arabic; else DejaVu Sans) and the
// runs are ordered for display. This gives that layout's runs in visual order
// (line by line, left to right): up to `max` into `runs`, returning how many
// there are. Returns 0 for left-to-right text in a left-to-right style, which
// SDL_ttf lays out in one call. Rasterises nothing.
size_t text_layout_runs(Engine *engine, const char *utf8, const TextStyle *style, TextRun *runs, size_t max);

// A copy of `utf8` ready to be inserted into a sentence (a name, a title, an
// outlet): text with right-to-left characters is wrapped in FIRST STRONG
// ISOLATE ... POP DIRECTIONAL ISOLATE, so the punctuation and numbers after
// it stay on the sentence's side ("real: البيان, 5 May", not "real: 5 ,البيان
// May", which the bidi algorithm gives without it). Other text is copied
// unchanged. Owned by the caller.
char *text_isolate(const char *utf8);

#pragma once
// Bidirectional layout for SDL_ttf. SDL_ttf shapes a whole string with one
// font in one direction; mixed text ("عام 2021", or an English sentence that
// quotes an Arabic outlet) needs the Unicode Bidirectional Algorithm
// (UAX #9, by FriBidi) to find runs of one direction, a face per script, and
// the visual order of the runs on each line. This module does that: it breaks
// lines itself (greedy at spaces, measuring with the real fonts), splits each
// line into runs of equal embedding level and face, orders the runs by rule L2
// and renders each run with SDL_ttf/HarfBuzz in its own direction.
//
// Engine-private; text.c decides which strings need it (bidi_has_rtl).

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>

// The two faces a layout chooses between per run, by script.
typedef enum BidiFace {
  BIDI_FACE_LATIN,   // DejaVu Sans: Latin, Greek, Cyrillic, Hebrew, symbols
  BIDI_FACE_ARABIC,  // Noto Sans Arabic
  BIDI_FACE_COUNT,
} BidiFace;

// True when valid UTF-8 `utf8` holds a right-to-left character (FriBidi type
// R, AL or AN, or an RLE/RLO/RLI control). Only reads bytes for ASCII-only
// and other text below U+0590, so the check is cheap for English.
bool bidi_has_rtl(const char *utf8);

// One run: a logical piece of the text drawn in one direction with one face.
typedef struct BidiRun {
  size_t start, len;  // bytes of the laid-out UTF-8 text
  int line;           // 0-based
  int x, w;           // pixels from the block's left edge
  bool rtl;           // shaped right to left (odd embedding level)
  BidiFace face;
} BidiRun;

typedef struct BidiLayout BidiLayout;

typedef struct BidiParams {
  TTF_Font *fonts[BIDI_FACE_COUNT];  // borrowed; their direction is changed
  bool base_rtl;                     // paragraph direction
  BidiFace default_face;             // for digits and punctuation with no strong neighbour
  int wrap_px;                       // 0 = break only at '\n'
  int align;                         // TTF_WRAPPED_ALIGN_* for lines inside the block
} BidiParams;

// Lays out valid UTF-8 `utf8` (not kept). Never fails for valid text; a line
// that FriBidi cannot resolve (out of memory) is drawn at the base level.
// Owned by the caller.
BidiLayout *bidi_layout_create(const char *utf8, const BidiParams *params);
void bidi_layout_destroy(BidiLayout *layout);

// Block size in pixels. Like SDL_ttf's wrapped rendering, a block of several
// lines with a wrap width is as wide as the wrap width (wider only when one
// word alone overflows it).
int bidi_layout_width(const BidiLayout *layout);
int bidi_layout_height(const BidiLayout *layout);
int bidi_layout_lines(const BidiLayout *layout);

// Runs in visual order: line by line, left to right. Borrowed.
const BidiRun *bidi_layout_runs(const BidiLayout *layout, size_t *count);

// Renders the layout of `utf8` (the same text it was made from) white on
// transparent, ARGB8888. Owned by the caller; NULL when SDL fails (logged).
SDL_Surface *bidi_layout_render(const BidiLayout *layout, const char *utf8, const BidiParams *params);

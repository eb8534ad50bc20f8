#include "engine/bidi.h"

#include <fribidi.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/str.h"
#include "base/utf8.h"

struct BidiLayout {
  BidiRun *runs;
  size_t nruns, runs_cap;
  int *line_w;
  int nlines, lines_cap;
  int w, h;
  int ascent, lineskip;  // shared by every line, so lines sit on an even grid
};

// A run while a line is being built: code point indexes of the paragraph.
typedef struct Span {
  size_t a, b;
  FriBidiLevel level;
  BidiFace face;
  int w;
} Span;

// Working state for one paragraph (text between '\n's).
typedef struct Para {
  const char *text;  // the whole laid-out string
  const BidiParams *params;
  size_t n;                // code points
  FriBidiChar *cp;         // n
  size_t *off;             // n + 1 byte offsets into text
  FriBidiCharType *types;  // n
  FriBidiBracketType *brackets;
  FriBidiLevel *levels;  // n, paragraph levels (before rule L1)
  FriBidiLevel *line_levels;
  unsigned char *face;  // n, BidiFace
  FriBidiParType base;
  Span *spans;
  size_t nspans, spans_cap;
  size_t *words;  // ends of the words of the line being filled
  size_t nwords, words_cap;
  char *scratch;
  size_t scratch_cap;
} Para;

// Decodes one code point of s[0..len); invalid bytes (never expected:
// text.c validates) decode as U+FFFD one byte long, so a bad string cannot
// read past its end.
static FriBidiChar decode(const char *s, size_t len, size_t *adv) {
  int32_t cp = utf8_decode(s, len, adv);
  return cp == UTF8_INVALID ? 0xFFFD : (FriBidiChar)cp;
}

bool bidi_has_rtl(const char *utf8) {
  size_t len = strlen(utf8);
  for (size_t i = 0; i < len;) {
    // Lead bytes below 0xD6 (and continuation bytes) belong to code points
    // below U+0580, where nothing is right to left: English never decodes.
    if ((unsigned char)utf8[i] < 0xD6) {
      i++;
      continue;
    }
    size_t n;
    FriBidiCharType t = fribidi_get_bidi_type(decode(utf8 + i, len - i, &n));
    if (FRIBIDI_IS_RTL(t) || t == FRIBIDI_TYPE_AN) {
      return true;
    }
    i += n;
  }
  return false;
}

// Explicit directional formatting characters: they steer FriBidi but have no
// glyph, so they are left out of the shaped runs.
static bool is_bidi_control(FriBidiChar c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static bool is_space(const Para *p, size_t i) {
  return p->types[i] == FRIBIDI_TYPE_WS || p->cp[i] == '\t';
}

// The face a character asks for by itself, or -1 for characters of no script
// (digits, punctuation, spaces, marks) that follow their neighbours.
static int face_of_char(FriBidiChar c, FriBidiCharType t) {
  bool arabic = (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x0870 && c <= 0x08FF) ||
                (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
  if (arabic) {
    return BIDI_FACE_ARABIC;
  }
  return FRIBIDI_IS_LETTER(t) ? BIDI_FACE_LATIN : -1;
}

_Static_assert(BIDI_FACE_COUNT == 2, "assign_faces falls back to 'the other' face");

// Picks a face per character: letters by script; a neutral takes the face of
// its nearest letters when they agree (or the only one there is), else the
// style's face; and a face without the glyph yields to one that has it.
static void assign_faces(Para *p) {
  const BidiParams *pr = p->params;
  int *before = xmalloc((p->n + 1) * sizeof *before);
  int last = -1;
  for (size_t i = 0; i < p->n; i++) {
    int f = face_of_char(p->cp[i], p->types[i]);
    if (f >= 0) {
      last = f;
    }
    before[i] = last;
  }
  int next = -1;
  for (size_t k = p->n; k-- > 0;) {
    int f = face_of_char(p->cp[k], p->types[k]);
    if (f >= 0) {
      next = f;
      p->face[k] = (unsigned char)f;
    } else {
      int prev = before[k];
      if (prev >= 0 && next >= 0) {
        f = prev == next ? prev : (int)pr->default_face;
      } else {
        f = prev >= 0 ? prev : next >= 0 ? next : (int)pr->default_face;
      }
      p->face[k] = (unsigned char)f;
    }
    FriBidiChar c = p->cp[k];
    if (c == '\t' || is_bidi_control(c)) {
      continue;
    }
    int other = 1 - p->face[k];
    if (!TTF_GlyphIsProvided32(pr->fonts[p->face[k]], c) && TTF_GlyphIsProvided32(pr->fonts[other], c)) {
      p->face[k] = (unsigned char)other;
    }
  }
  free(before);
}

// The UTF-8 of code points [a, b) without bidi controls, in p->scratch.
static const char *span_text(Para *p, size_t a, size_t b) {
  size_t need = p->off[b] - p->off[a] + 1;
  if (need > p->scratch_cap) {
    p->scratch = xrealloc(p->scratch, need);
    p->scratch_cap = need;
  }
  size_t n = 0;
  for (size_t i = a; i < b; i++) {
    if (is_bidi_control(p->cp[i])) {
      continue;
    }
    size_t len = p->off[i + 1] - p->off[i];
    memcpy(p->scratch + n, p->text + p->off[i], len);
    n += len;
  }
  p->scratch[n] = '\0';
  return p->scratch;
}

static TTF_Font *span_font(const Para *p, const Span *s) {
  TTF_Font *f = p->params->fonts[s->face];
  TTF_SetFontDirection(f, FRIBIDI_LEVEL_IS_RTL(s->level) ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
  return f;
}

// Splits the line [a, b) into spans of one level (after rule L1, which puts
// trailing spaces back at the paragraph level) and one face, in logical
// order, and measures them. Returns the line width in pixels.
static int line_spans(Para *p, size_t a, size_t b) {
  p->nspans = 0;
  if (b <= a) {
    return 0;
  }
  FriBidiLevel *lv = p->line_levels + a;
  memcpy(lv, p->levels + a, (b - a) * sizeof *lv);
  if (!fribidi_reorder_line(0, p->types + a, (FriBidiStrIndex)(b - a), 0, p->base, lv, NULL, NULL)) {
    log_warn("FriBidi could not apply rule L1 to a line; keeping its levels");
  }
  for (size_t i = a; i < b; i++) {
    if (is_bidi_control(p->cp[i])) {
      if (p->nspans) {
        p->spans[p->nspans - 1].b = i + 1;
      }
      continue;
    }
    FriBidiLevel level = lv[i - a];
    BidiFace face = (BidiFace)p->face[i];
    Span *last = p->nspans ? &p->spans[p->nspans - 1] : NULL;
    if (last && last->level == level && last->face == face) {
      last->b = i + 1;
      continue;
    }
    if (p->nspans == p->spans_cap) {
      p->spans_cap = p->spans_cap ? p->spans_cap * 2 : 16;
      p->spans = xrealloc(p->spans, p->spans_cap * sizeof *p->spans);
    }
    p->spans[p->nspans++] = (Span){.a = i, .b = i + 1, .level = level, .face = face};
  }
  int total = 0;
  for (size_t s = 0; s < p->nspans; s++) {
    Span *sp = &p->spans[s];
    const char *t = span_text(p, sp->a, sp->b);
    int w = 0, h = 0;
    if (t[0] && TTF_SizeUTF8(span_font(p, sp), t, &w, &h) != 0) {
      log_warn("cannot measure a text run: %s", TTF_GetError());
      w = 0;
    }
    sp->w = w;
    total += w;
  }
  return total;
}

static void push_line(BidiLayout *l, int w) {
  if (l->nlines == l->lines_cap) {
    l->lines_cap = l->lines_cap ? l->lines_cap * 2 : 8;
    l->line_w = xrealloc(l->line_w, (size_t)l->lines_cap * sizeof *l->line_w);
  }
  l->line_w[l->nlines++] = w;
}

// Lays out [a, b) as the next line: rule L2 on the spans (from the highest
// level down to the lowest odd one, reverse every sequence at that level or
// higher), then x positions left to right.
static void emit_line(Para *p, BidiLayout *l, size_t a, size_t b) {
  int w = line_spans(p, a, b);
  Span *s = p->spans;
  size_t n = p->nspans;
  // Resolved levels are never negative (at most 125, FriBidi's explicit maximum, + 1).
  int hi = 0, lo = 127;
  for (size_t i = 0; i < n; i++) {
    int level = (unsigned char)s[i].level;
    hi = level > hi ? level : hi;
    lo = level < lo ? level : lo;
  }
  if (lo % 2 == 0) {
    lo++;
  }
  for (int level = hi; level >= lo; level--) {
    for (size_t i = 0; i < n;) {
      if (s[i].level < level) {
        i++;
        continue;
      }
      size_t j = i;
      while (j < n && s[j].level >= level) {
        j++;
      }
      for (size_t x = i, y = j - 1; x < y; x++, y--) {
        Span t = s[x];
        s[x] = s[y];
        s[y] = t;
      }
      i = j;
    }
  }
  if (l->nruns + n > l->runs_cap) {
    l->runs_cap = (l->nruns + n) * 2;
    l->runs = xrealloc(l->runs, l->runs_cap * sizeof *l->runs);
  }
  int x = 0;
  for (size_t i = 0; i < n; i++) {
    l->runs[l->nruns++] = (BidiRun){.start = p->off[s[i].a],
                                    .len = p->off[s[i].b] - p->off[s[i].a],
                                    .line = l->nlines,
                                    .x = x,
                                    .w = s[i].w,
                                    .rtl = FRIBIDI_LEVEL_IS_RTL(s[i].level),
                                    .face = s[i].face};
    x += s[i].w;
  }
  push_line(l, w);
}

// A break inside a word too long for a line: the longest prefix of [a, end)
// that fits, at least one character, never before a combining mark (which
// belongs to the character before it).
static size_t break_word(Para *p, size_t a, size_t end, int wrap) {
  size_t lo = a + 1, hi = end;  // the answer is in [lo, hi]
  while (lo < hi) {
    size_t mid = lo + (hi - lo + 1) / 2;
    if (line_spans(p, a, mid) <= wrap) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  while (lo < end && p->types[lo] == FRIBIDI_TYPE_NSM) {
    lo++;
  }
  return lo;
}

// Where the line starting at `i` ends: greedy, taking words (each with the
// spaces before it) while the line fits. Words are measured one at a time
// (each once), then the line is measured whole, since shaping across words
// (kerning) can differ from the sum by a pixel; words are given back until it
// fits. Measuring every candidate line whole would shape each line once per
// word. A first word too wide alone is broken between characters.
static size_t greedy_line(Para *p, size_t i, int wrap) {
  size_t n = p->n;
  p->nwords = 0;
  int sum = 0;
  for (size_t k = i; k < n;) {
    size_t w_end = k;
    while (w_end < n && is_space(p, w_end)) {
      w_end++;
    }
    while (w_end < n && !is_space(p, w_end)) {
      w_end++;
    }
    int w = line_spans(p, k, w_end);
    if (p->nwords > 0 && sum + w > wrap) {
      break;
    }
    if (p->nwords == p->words_cap) {
      p->words_cap = p->words_cap ? p->words_cap * 2 : 16;
      p->words = xrealloc(p->words, p->words_cap * sizeof *p->words);
    }
    p->words[p->nwords++] = w_end;
    sum += w;
    k = w_end;
    if (w > wrap) {
      break;  // a first word too wide alone
    }
  }
  while (p->nwords > 1 && line_spans(p, i, p->words[p->nwords - 1]) > wrap) {
    p->nwords--;
  }
  size_t end = p->words[0];
  if (p->nwords == 1 && line_spans(p, i, end) > wrap) {
    return break_word(p, i, end, wrap);
  }
  return p->words[p->nwords - 1];
}

static void layout_paragraph(Para *p, BidiLayout *l) {
  size_t n = p->n;
  if (n == 0) {
    push_line(l, 0);
    return;
  }
  fribidi_get_bidi_types(p->cp, (FriBidiStrIndex)n, p->types);
  fribidi_get_bracket_types(p->cp, (FriBidiStrIndex)n, p->types, p->brackets);
  FriBidiParType base = p->params->base_rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  p->base = base;
  if (!fribidi_get_par_embedding_levels_ex(p->types, p->brackets, (FriBidiStrIndex)n, &p->base, p->levels)) {
    log_warn("FriBidi could not resolve a paragraph; drawing it at the base level");
    p->base = base;
    memset(p->levels, p->params->base_rtl ? 1 : 0, n * sizeof *p->levels);
  }
  assign_faces(p);
  int wrap = p->params->wrap_px;
  size_t i = 0;
  while (i < n) {
    size_t end = n;
    if (wrap > 0) {
      end = greedy_line(p, i, wrap);
    }
    // A line broken at spaces does not keep them (as SDL_ttf does); the
    // paragraph's last line keeps trailing spaces, which rule L1 handles.
    size_t line_end = end;
    if (end < n) {
      while (line_end > i && is_space(p, line_end - 1)) {
        line_end--;
      }
    }
    emit_line(p, l, i, line_end);
    i = end;
    while (i < n && end < n && is_space(p, i)) {
      i++;
    }
  }
}

static void para_free(Para *p) {
  free(p->cp);
  free(p->off);
  free(p->types);
  free(p->brackets);
  free(p->levels);
  free(p->line_levels);
  free(p->face);
  free(p->spans);
  free(p->words);
  free(p->scratch);
}

BidiLayout *bidi_layout_create(const char *utf8, const BidiParams *params) {
  BidiLayout *l = xcalloc(1, sizeof *l);
  size_t len = strlen(utf8);
  // Arrays sized for the whole text (every paragraph fits), allocated once.
  Para p = {.text = utf8, .params = params};
  p.cp = xmalloc((len + 1) * sizeof *p.cp);
  p.off = xmalloc((len + 1) * sizeof *p.off);
  p.types = xmalloc((len + 1) * sizeof *p.types);
  p.brackets = xmalloc((len + 1) * sizeof *p.brackets);
  p.levels = xmalloc((len + 1) * sizeof *p.levels);
  p.line_levels = xmalloc((len + 1) * sizeof *p.line_levels);
  p.face = xmalloc((len + 1) * sizeof *p.face);
  bool used[BIDI_FACE_COUNT] = {false};
  size_t pos = 0;
  for (;;) {
    size_t end = pos + strcspn(utf8 + pos, "\n");
    p.n = 0;
    for (size_t b = pos; b < end;) {
      size_t n;
      p.cp[p.n] = decode(utf8 + b, end - b, &n);
      p.off[p.n++] = b;
      b += n;
    }
    p.off[p.n] = end;
    layout_paragraph(&p, l);
    for (size_t i = 0; i < p.n; i++) {
      used[p.face[i]] = true;
    }
    if (!utf8[end]) {
      break;
    }
    pos = end + 1;
  }
  para_free(&p);
  // One grid for all lines: the tallest face used sets ascent, descent and
  // line spacing (an English line quoting Arabic needs Noto's room).
  if (!used[BIDI_FACE_LATIN] && !used[BIDI_FACE_ARABIC]) {
    used[params->default_face] = true;
  }
  int ascent = 0, descent = 0, skip = 0;
  for (int f = 0; f < BIDI_FACE_COUNT; f++) {
    if (used[f]) {
      TTF_Font *font = params->fonts[f];
      ascent = TTF_FontAscent(font) > ascent ? TTF_FontAscent(font) : ascent;
      descent = -TTF_FontDescent(font) > descent ? -TTF_FontDescent(font) : descent;
      skip = TTF_FontLineSkip(font) > skip ? TTF_FontLineSkip(font) : skip;
    }
  }
  l->ascent = ascent;
  l->lineskip = skip;
  l->h = (l->nlines - 1) * skip + ascent + descent;
  int w = 0;
  for (int i = 0; i < l->nlines; i++) {
    w = l->line_w[i] > w ? l->line_w[i] : w;
  }
  if (params->wrap_px > 0 && l->nlines > 1 && w < params->wrap_px) {
    w = params->wrap_px;
  }
  l->w = w;
  // Align each line inside the block.
  for (size_t r = 0; r < l->nruns; r++) {
    int slack = w - l->line_w[l->runs[r].line];
    if (params->align == TTF_WRAPPED_ALIGN_RIGHT) {
      l->runs[r].x += slack;
    } else if (params->align == TTF_WRAPPED_ALIGN_CENTER) {
      l->runs[r].x += slack / 2;
    }
  }
  return l;
}

void bidi_layout_destroy(BidiLayout *l) {
  if (!l) {
    return;
  }
  free(l->runs);
  free(l->line_w);
  free(l);
}

int bidi_layout_width(const BidiLayout *l) {
  return l->w;
}

int bidi_layout_height(const BidiLayout *l) {
  return l->h;
}

int bidi_layout_lines(const BidiLayout *l) {
  return l->nlines;
}

const BidiRun *bidi_layout_runs(const BidiLayout *l, size_t *count) {
  *count = l->nruns;
  return l->runs;
}

SDL_Surface *bidi_layout_render(const BidiLayout *l, const char *utf8, const BidiParams *params) {
  int w = l->w > 0 ? l->w : 1;
  SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w, l->h > 0 ? l->h : 1, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!out) {
    log_warn("cannot make a %dx%d text surface: %s", w, l->h, SDL_GetError());
    return NULL;
  }
  // Transparent white: blending white glyphs onto it keeps the colour white
  // and composes only alpha, which is what the tinted texture needs.
  SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, 255, 255, 255, 0));
  static const SDL_Color white = {255, 255, 255, 255};
  char *buf = NULL;
  size_t cap = 0;
  for (size_t i = 0; i < l->nruns; i++) {
    const BidiRun *r = &l->runs[i];
    if (!buf || r->len + 1 > cap) {
      cap = r->len + 1;
      buf = xrealloc(buf, cap);
    }
    // The run's text without bidi controls (they have no glyph).
    size_t n = 0;
    for (size_t b = r->start; b < r->start + r->len;) {
      size_t clen;
      FriBidiChar c = decode(utf8 + b, r->start + r->len - b, &clen);
      if (!is_bidi_control(c)) {
        memcpy(buf + n, utf8 + b, clen);
        n += clen;
      }
      b += clen;
    }
    buf[n] = '\0';
    if (!n) {
      continue;
    }
    TTF_Font *font = params->fonts[r->face];
    TTF_SetFontDirection(font, r->rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, buf, white);
    if (!s) {
      log_warn("cannot render a text run (%zu bytes): %s", n, TTF_GetError());
      continue;
    }
    SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_BLEND);
    SDL_Rect dst = {r->x, r->line * l->lineskip + l->ascent - TTF_FontAscent(font), s->w, s->h};
    SDL_BlitSurface(s, NULL, out, &dst);
    SDL_FreeSurface(s);
  }
  free(buf);
  return out;
}

#include "engine/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "base/utf8.h"
#include "engine/bidi.h"
#include "engine/engine_internal.h"

typedef int Face;  // an index into the configured fonts
// Enough for every size a few screens use, plus text_fit's probes; the least
// recently used font is closed beyond it (fonts are cheap to reopen from memory).
#define FONT_CACHE_MAX 48

typedef struct OpenFont {
  Face face;
  int px;
  TTF_Font *font;
  uint64_t last_use;
} OpenFont;

struct FontCache {
  // Font files are read once and opened from memory, so reopening a size
  // touches no file and holds no descriptor.
  EngineFont font[ENGINE_MAX_FONTS];  // strings borrowed from the config
  size_t nfonts;
  char *file[ENGINE_MAX_FONTS];
  size_t file_len[ENGINE_MAX_FONTS];
  bool bad[ENGINE_MAX_FONTS];  // missing or not a font: never picked
  char *problems;              // what was wrong with the bad ones, or NULL (owned)
  OpenFont open[FONT_CACHE_MAX];
  size_t nopen;
  uint64_t use_counter;
};

// Reads font `f` into memory and opens it once: a file that FreeType cannot
// read (garbage, truncated) must be found here, not as a screen without text.
static bool font_load(FontCache *fc, const char *dir, size_t f, StrBuf *problems) {
  char *path = fs_join(dir, fc->font[f].file);
  char *ferr = NULL;
  FsReadStatus st = fs_read_file(path, (size_t)32 << 20, &fc->file[f], &fc->file_len[f], &ferr);
  TTF_Font *probe = NULL;
  if (st == FS_READ_OK) {
    SDL_RWops *rw = SDL_RWFromConstMem(fc->file[f], (int)fc->file_len[f]);
    probe = rw ? TTF_OpenFontRW(rw, 1, 16) : NULL;
  }
  if (!probe) {
    strbuf_appendf(problems, "%s%s: %s", problems->len ? "; " : "", path,
                   st != FS_READ_OK ? (ferr ? ferr : "cannot read it") : "not a font SDL_ttf can open");
  }
  if (probe) {
    TTF_CloseFont(probe);
  }
  free(ferr);
  free(path);
  return probe != NULL;
}

FontCache *font_cache_create(const char *dir, const EngineFont *fonts, size_t count, char **err) {
  if (!fonts || count == 0 || count > ENGINE_MAX_FONTS) {
    *err = xasprintf("between 1 and %d fonts must be given", ENGINE_MAX_FONTS);
    return NULL;
  }
  FontCache *fc = xcalloc(1, sizeof *fc);
  fc->nfonts = count;
  StrBuf problems = {0};
  size_t good = 0;
  if (!fs_is_dir(dir)) {
    strbuf_appendf(&problems, "the font folder %s is missing (it should hold", dir);
    for (size_t f = 0; f < count; f++) {
      strbuf_appendf(&problems, "%s %s", f ? "," : "", fonts[f].file);
    }
    strbuf_append(&problems, ")");
  }
  for (size_t f = 0; f < count && fs_is_dir(dir); f++) {
    fc->font[f] = fonts[f];
    fc->bad[f] = !font_load(fc, dir, f, &problems);
    good += !fc->bad[f];
  }
  if (problems.len) {
    log_error("fonts: %s", problems.data);
  }
  if (good == 0) {
    *err = xasprintf(
        "no font could be used, so no text can be shown: %s. Reinstall Prebunk, or set "
        "PREBUNK_DATA_DIR to the folder that holds its assets/ and quizzes/",
        problems.data);
    strbuf_free(&problems);
    font_cache_destroy(fc);
    return NULL;
  }
  fc->problems = problems.len ? strbuf_take(&problems) : NULL;
  strbuf_free(&problems);
  return fc;
}

const char *font_cache_problems(const FontCache *fc) {
  return fc ? fc->problems : NULL;
}

void font_cache_destroy(FontCache *fc) {
  if (!fc) {
    return;
  }
  for (size_t i = 0; i < fc->nopen; i++) {
    TTF_CloseFont(fc->open[i].font);
  }
  for (size_t f = 0; f < fc->nfonts; f++) {
    free(fc->file[f]);
  }
  free(fc->problems);
  free(fc);
}

size_t font_cache_count(const FontCache *fc) {
  return fc->nopen;
}

static TTF_Font *font_get(FontCache *fc, Face face, int px) {
  fc->use_counter++;
  for (size_t i = 0; i < fc->nopen; i++) {
    if (fc->open[i].face == face && fc->open[i].px == px) {
      fc->open[i].last_use = fc->use_counter;
      return fc->open[i].font;
    }
  }
  SDL_RWops *rw = SDL_RWFromConstMem(fc->file[face], (int)fc->file_len[face]);
  TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
  if (!font) {
    log_error("cannot open %s at %d px: %s", fc->font[face].file, px, TTF_GetError());
    return NULL;
  }
  if (fc->font[face].script) {
    TTF_SetFontScriptName(font, fc->font[face].script);
  }
  size_t slot = fc->nopen;
  if (fc->nopen == FONT_CACHE_MAX) {
    slot = 0;
    for (size_t i = 1; i < fc->nopen; i++) {
      if (fc->open[i].last_use < fc->open[slot].last_use) {
        slot = i;
      }
    }
    TTF_CloseFont(fc->open[slot].font);
  } else {
    fc->nopen++;
  }
  fc->open[slot] = (OpenFont){face, px, font, fc->use_counter};
  return font;
}

// Languages written in the Arabic script (primary subtag).
static bool lang_is_arabic_script(const char *lang) {
  static const char *const arab[] = {"ar", "fa", "ur", "ps", "ckb", "sd", "ug"};
  if (!lang) {
    return false;
  }
  size_t n = strcspn(lang, "-_");
  for (size_t i = 0; i < sizeof arab / sizeof arab[0]; i++) {
    if (strlen(arab[i]) == n && strncmp(lang, arab[i], n) == 0) {
      return true;
    }
  }
  return false;
}

// The font for a script (NULL: the default one) and weight: that weight,
// else that script's first font, else the first font of all that works.
// Fonts that could not be loaded are passed over.
static Face face_pick(const FontCache *fc, const char *script, TextWeight weight) {
  Face any = -1;
  for (size_t f = 0; f < fc->nfonts; f++) {
    const EngineFont *ef = &fc->font[f];
    if (fc->bad[f]) {
      continue;
    }
    bool same = script ? ef->script && strcmp(ef->script, script) == 0 : ef->script == NULL;
    if (!same) {
      continue;
    }
    if (ef->bold == (weight == TEXT_WEIGHT_BOLD)) {
      return (Face)f;
    }
    any = any < 0 ? (Face)f : any;
  }
  for (size_t f = 0; any < 0 && f < fc->nfonts; f++) {
    any = fc->bad[f] ? -1 : (Face)f;
  }
  return any >= 0 ? any : 0;
}

// The engine face a bidi run's face stands for at a weight.
static Face face_of_run(const FontCache *fc, BidiFace bf, TextWeight weight) {
  return face_pick(fc, bf == BIDI_FACE_ARABIC ? "Arab" : NULL, weight);
}

static Face face_for(const FontCache *fc, const TextStyle *style) {
  const char *lang = style->lang ? style->lang : "en";
  return face_of_run(fc, lang_is_arabic_script(lang) ? BIDI_FACE_ARABIC : BIDI_FACE_LATIN, style->weight);
}

const char *text_face_file(const Engine *e, const TextStyle *style) {
  return e->fonts->font[face_for(e->fonts, style)].file;
}

// Everything a style resolves to at the current output scale.
typedef struct Resolved {
  TTF_Font *font;
  TextKey key;
  float scale;
  BidiParams bidi;  // filled when key.bidi
} Resolved;

static bool resolve(Engine *e, const char *utf8, const TextStyle *style, Resolved *r) {
  const View *v = &e->view;
  if (v->scale <= 0.0f || style->size <= 0.0f) {
    return false;
  }
  const char *lang = style->lang ? style->lang : "en";
  bool rtl = i18n_lang_is_rtl(lang);
  Face face = face_for(e->fonts, style);
  int px = (int)lroundf(style->size * v->scale);
  px = px < 1 ? 1 : px;
  TTF_Font *font = font_get(e->fonts, face, px);
  if (!font) {
    return false;
  }
  // Text in a right-to-left style or with any right-to-left character needs
  // the bidi layout (one SDL_ttf call has one direction and one face);
  // left-to-right text keeps the single-call path exactly.
  bool bidi = rtl || bidi_has_rtl(utf8);
  BidiParams bp = {0};
  if (bidi) {
    for (int f = 0; f < BIDI_FACE_COUNT; f++) {
      Face rf = face_of_run(e->fonts, (BidiFace)f, style->weight);
      bp.fonts[f] = rf == face ? font : font_get(e->fonts, rf, px);
      if (!bp.fonts[f]) {
        return false;
      }
    }
    // The paragraph direction is the style's: an English sentence quoting an
    // Arabic name stays left to right; an Arabic headline starting with a
    // number or a Latin name stays right to left.
    bp.base_rtl = rtl;
    bp.default_face = lang_is_arabic_script(lang) ? BIDI_FACE_ARABIC : BIDI_FACE_LATIN;
  }
  // Direction is per call: DejaVu serves both LTR and RTL (Hebrew) text.
  TTF_SetFontDirection(font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
  int align;
  switch (style->align) {
  case TEXT_ALIGN_CENTER:
    align = TTF_WRAPPED_ALIGN_CENTER;
    break;
  case TEXT_ALIGN_END:
    align = rtl ? TTF_WRAPPED_ALIGN_LEFT : TTF_WRAPPED_ALIGN_RIGHT;
    break;
  case TEXT_ALIGN_START:
  default:
    align = rtl ? TTF_WRAPPED_ALIGN_RIGHT : TTF_WRAPPED_ALIGN_LEFT;
    break;
  }
  int wrap = 0;
  if (style->wrap_width > 0.0f) {
    wrap = (int)lroundf(style->wrap_width * v->scale);
    wrap = wrap < 1 ? 1 : wrap;
  }
  bp.wrap_px = wrap;
  bp.align = align;
  *r = (Resolved){
      .font = font,
      .key = {.face = face, .px_size = px, .rtl = rtl, .wrap_px = wrap, .align = align, .bidi = bidi, .text = utf8},
      .scale = v->scale,
      .bidi = bp,
  };
  return true;
}

static SDL_Surface *render_bidi(const TextKey *key, void *ctx) {
  const BidiParams *bp = ctx;
  BidiLayout *layout = bidi_layout_create(key->text, bp);
  SDL_Surface *s = bidi_layout_render(layout, key->text, bp);
  bidi_layout_destroy(layout);
  return s;
}

// The cached texture of resolved text, rasterised on a miss.
static SDL_Texture *cached(Engine *e, Resolved *r, int *w, int *h) {
  if (r->key.bidi) {
    return text_cache_get_rendered(e->text, &r->key, render_bidi, &r->bidi, w, h);
  }
  return text_cache_get(e->text, &r->key, r->font, w, h);
}

static bool text_ok(const char *utf8) {
  if (!utf8) {
    return false;
  }
  if (!utf8_valid(utf8, strlen(utf8))) {
    log_warn("text is not valid UTF-8; not drawn");
    return false;
  }
  return true;
}

TextStyle text_style(float size, Color color, const char *lang) {
  return (TextStyle){.weight = TEXT_WEIGHT_REGULAR, .size = size, .color = color, .lang = lang};
}

float text_line_height(Engine *e, const TextStyle *style) {
  Resolved r;
  if (!resolve(e, "", style, &r)) {
    return 0.0f;
  }
  return (float)TTF_FontLineSkip(r.font) / r.scale;
}

TextSize text_measure(Engine *e, const char *utf8, const TextStyle *style) {
  Resolved r;
  if (!text_ok(utf8) || !resolve(e, utf8, style, &r)) {
    return (TextSize){0, 0};
  }
  if (!utf8[0]) {
    return (TextSize){0, (float)TTF_FontLineSkip(r.font) / r.scale};
  }
  int w, h;
  cached(e, &r, &w, &h);
  return (TextSize){(float)w / r.scale, (float)h / r.scale};
}

TextSize text_draw(Engine *e, const char *utf8, const TextStyle *style, Rect box) {
  Resolved r;
  if (!text_ok(utf8) || !resolve(e, utf8, style, &r)) {
    return (TextSize){0, 0};
  }
  if (!utf8[0]) {
    return (TextSize){0, (float)TTF_FontLineSkip(r.font) / r.scale};
  }
  int w, h;
  SDL_Texture *t = cached(e, &r, &w, &h);
  if (!t) {
    return (TextSize){0, 0};
  }
  TextSize size = {(float)w / r.scale, (float)h / r.scale};
  // Place the block in the box: START is the reading-start side.
  bool left;
  switch (style->align) {
  case TEXT_ALIGN_START:
    left = !r.key.rtl;
    break;
  case TEXT_ALIGN_END:
    left = r.key.rtl;
    break;
  case TEXT_ALIGN_CENTER:
  default:
    left = false;
    break;
  }
  float x;
  if (style->align == TEXT_ALIGN_CENTER) {
    x = box.x + (box.w - size.w) / 2;
  } else {
    x = left ? box.x : box.x + box.w - size.w;
  }
  float y;
  switch (style->valign) {
  case TEXT_VALIGN_MIDDLE:
    y = box.y + (box.h - size.h) / 2;
    break;
  case TEXT_VALIGN_BOTTOM:
    y = box.y + box.h - size.h;
    break;
  case TEXT_VALIGN_TOP:
  default:
    y = box.y;
    break;
  }
  // Whole output pixels and the texture's own size: glyphs are never resampled.
  SDL_Rect dst = {(int)lroundf(view_px_x(&e->view, x)), (int)lroundf(view_px_y(&e->view, y)), w, h};
  SDL_SetTextureColorMod(t, style->color.r, style->color.g, style->color.b);
  SDL_SetTextureAlphaMod(t, style->color.a);
  SDL_RenderCopy(e->renderer, t, NULL, &dst);
  return size;
}

float text_fit(Engine *e, const char *utf8, const TextStyle *style, float box_w, float box_h, float min_size) {
  int lo = (int)ceilf(min_size < 1.0f ? 1.0f : min_size);
  int hi = (int)floorf(style->size);
  if (hi <= lo) {
    return (float)lo;
  }
  TextStyle s = *style;
  s.wrap_width = box_w;
  // Wrapped text is measured as wide as the wrap width rounded to whole output
  // pixels, so allow one output pixel (in logical units) besides half a unit.
  const View *view = engine_view(e);
  float tol = 0.5f + (view->scale > 0.0f ? 1.0f / view->scale : 0.0f);
  // Binary search for the largest size that fits; measuring is monotone in
  // size up to line-breaking noise, which only costs a unit or so.
  int best = lo;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    s.size = (float)mid;
    TextSize m = text_measure(e, utf8, &s);
    if (m.w <= box_w + tol && m.h <= box_h + tol) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return (float)best;
}

size_t text_layout_runs(Engine *e, const char *utf8, const TextStyle *style, TextRun *runs, size_t max) {
  Resolved r;
  if (!text_ok(utf8) || !utf8[0] || !resolve(e, utf8, style, &r) || !r.key.bidi) {
    return 0;
  }
  BidiLayout *layout = bidi_layout_create(utf8, &r.bidi);
  size_t n;
  const BidiRun *br = bidi_layout_runs(layout, &n);
  for (size_t i = 0; i < n && i < max; i++) {
    runs[i] = (TextRun){.start = br[i].start,
                        .len = br[i].len,
                        .line = br[i].line,
                        .x = (float)br[i].x / r.scale,
                        .w = (float)br[i].w / r.scale,
                        .rtl = br[i].rtl,
                        .face_file = e->fonts->font[face_of_run(e->fonts, br[i].face, style->weight)].file};
  }
  bidi_layout_destroy(layout);
  return n;
}

char *text_isolate(const char *utf8) {
  if (!bidi_has_rtl(utf8)) {
    return xstrdup(utf8);
  }
  return xasprintf("\xE2\x81\xA8%s\xE2\x81\xA9", utf8);  // U+2068 ... U+2069
}

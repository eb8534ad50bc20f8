#include "scenes/ui.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/utf8.h"
#include "engine/engine.h"

// ---- text ------------------------------------------------------------------

TextStyle ui_text_style(const Ui *ui, ThemeText role, Color color) {
  return text_style(theme_text_size(ui->theme, role), color, ui->lang);
}

static TextSize text_in_box(const Ui *ui, const char *utf8, ThemeText role, TextWeight weight, Color color, Rect box,
                            TextAlign align, TextVAlign valign) {
  TextStyle st = ui_text_style(ui, role, color);
  st.weight = weight;
  st.align = align;
  st.valign = valign;
  st.wrap_width = box.w;
  return text_draw(ui->engine, utf8, &st, box);
}

TextSize ui_text(const Ui *ui, const char *utf8, ThemeText role, Color color, Rect box, TextAlign align,
                 TextVAlign valign) {
  return text_in_box(ui, utf8, role, TEXT_WEIGHT_REGULAR, color, box, align, valign);
}

TextSize ui_text_bold(const Ui *ui, const char *utf8, ThemeText role, Color color, Rect box, TextAlign align,
                      TextVAlign valign) {
  return text_in_box(ui, utf8, role, TEXT_WEIGHT_BOLD, color, box, align, valign);
}

#define ELLIPSIS "\xE2\x80\xA6"  // U+2026 HORIZONTAL ELLIPSIS

float ui_text_floor(const Ui *ui, const TextStyle *style, float min_size) {
  float floor_size = fminf(min_size, style->size);
  float scale = ui->theme->text_scale;
  if (scale > 1.0f) {
    // Never below what the same text is at Normal.
    floor_size = fmaxf(floor_size, roundf(style->size / scale));
  }
  return floor_size;
}

static void note_drawn(const Ui *ui, const TextStyle *asked, float size) {
  float scale = ui->theme->text_scale > 0 ? ui->theme->text_scale : 1.0f;
  if (ui->stats && size + 0.5f < roundf(asked->size / scale)) {
    ui->stats->shrunk++;
  }
}

static void note_cut(const Ui *ui, const char *utf8) {
  if (ui->stats) {
    ui->stats->cut++;
    str_copy(ui->stats->last_cut, sizeof ui->stats->last_cut, utf8);
  }
}

// text_fit() unless the text already fits at its full size (one cached
// measurement instead of several).
static float fit_size(const Ui *ui, const char *utf8, const TextStyle *st, Rect box, float min_size) {
  if (text_measure(ui->engine, utf8, st).h <= box.h) {
    return st->size;
  }
  return text_fit(ui->engine, utf8, st, box.w, box.h, min_size);
}

// The longest prefix of `utf8` cut at a word boundary that, wrapped with an
// ellipsis after it, fits `box` at `st` (in `buf`, len + 4 bytes). Binary
// search over the boundaries: a handful of measurements, each cached.
static void word_cut(const Ui *ui, const char *utf8, const TextStyle *st, Rect box, char *buf) {
  size_t len = strlen(utf8);
  size_t *cuts = xmalloc((len + 1) * sizeof *cuts);
  size_t ncuts = 0;
  for (size_t i = 1; i < len; i++) {
    if ((utf8[i] == ' ' || utf8[i] == '\n') && utf8[i - 1] != ' ') {
      cuts[ncuts++] = i;
    }
  }
  size_t lo = 0, hi = ncuts, cut = 0;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    memcpy(buf, utf8, cuts[mid]);
    memcpy(buf + cuts[mid], ELLIPSIS, 4);
    if (text_measure(ui->engine, buf, st).h <= box.h) {
      cut = cuts[mid];
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  memcpy(buf, utf8, cut);
  memcpy(buf + cut, ELLIPSIS, 4);
  free(cuts);
}

float ui_text_fitted(const Ui *ui, const char *utf8, const TextStyle *style, Rect box, float min_size) {
  TextStyle st = *style;
  st.wrap_width = box.w;
  st.size = fit_size(ui, utf8, &st, box, ui_text_floor(ui, style, min_size));
  note_drawn(ui, style, st.size);
  if (text_measure(ui->engine, utf8, &st).h <= box.h) {
    text_draw(ui->engine, utf8, &st, box);
    return st.size;
  }
  note_cut(ui, utf8);
  char *buf = xmalloc(strlen(utf8) + 4);
  word_cut(ui, utf8, &st, box, buf);
  text_draw(ui->engine, buf, &st, box);
  free(buf);
  return st.size;
}

float ui_text_fitted_clipped(const Ui *ui, const char *utf8, const TextStyle *style, Rect box, float min_size) {
  return ui_text_fitted(ui, utf8, style, box, min_size);
}

// Byte length of the longest prefix of `utf8` (cut at a code point) that,
// with an ellipsis after it, is at most `max_w` wide on one line. Binary
// search over code point boundaries: a handful of cached measurements.
static size_t one_line_cut(const Ui *ui, const char *utf8, const TextStyle *st, float max_w, char *buf) {
  size_t len = strlen(utf8);
  size_t *cuts = xmalloc((len + 1) * sizeof *cuts);
  size_t ncuts = 0;
  for (size_t i = 1; i <= len; i++) {
    if (utf8_is_boundary(utf8, len, i)) {
      cuts[ncuts++] = i;
    }
  }
  size_t lo = 0, hi = ncuts, best = 0;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    size_t n = cuts[mid];
    while (n > 0 && utf8[n - 1] == ' ') {
      n--;  // "word …" reads worse than "word…"
    }
    memcpy(buf, utf8, n);
    memcpy(buf + n, ELLIPSIS, 4);
    if (text_measure(ui->engine, buf, st).w <= max_w) {
      best = n;
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  free(cuts);
  return best;
}

float ui_text_line(const Ui *ui, const char *utf8, const TextStyle *style, Rect box, float min_size) {
  TextStyle st = *style;
  st.wrap_width = 0;
  min_size = ui_text_floor(ui, style, min_size);
  float w = text_measure(ui->engine, utf8, &st).w;
  if (w > box.w && w > 0) {
    // Width grows about linearly with the size: guess, then step down the
    // last few units that hinting and kerning add.
    float size = floorf(st.size * box.w / w);
    st.size = size < min_size ? min_size : size;
    while (st.size > min_size && text_measure(ui->engine, utf8, &st).w > box.w) {
      st.size -= 1;
    }
    w = text_measure(ui->engine, utf8, &st).w;
  }
  note_drawn(ui, style, st.size);
  if (w <= box.w) {
    text_draw(ui->engine, utf8, &st, box);
    return st.size;
  }
  note_cut(ui, utf8);
  char *buf = xmalloc(strlen(utf8) + 4);
  size_t n = one_line_cut(ui, utf8, &st, box.w, buf);
  memcpy(buf, utf8, n);
  memcpy(buf + n, ELLIPSIS, 4);
  text_draw(ui->engine, buf, &st, box);
  free(buf);
  return st.size;
}

// ---- clipping and scrolling --------------------------------------------------

UiClip ui_clip_begin(const Ui *ui, Rect r) {
  SDL_Renderer *ren = engine_renderer(ui->engine);
  UiClip saved = {.enabled = SDL_RenderIsClipEnabled(ren) == SDL_TRUE};
  SDL_RenderGetClipRect(ren, &saved.rect);
  Rect px = view_rect_to_px(engine_view(ui->engine), r);
  SDL_Rect clip = {(int)floorf(px.x), (int)floorf(px.y), (int)ceilf(px.w), (int)ceilf(px.h)};
  SDL_RenderSetClipRect(ren, &clip);
  return saved;
}

void ui_clip_end(const Ui *ui, UiClip saved) {
  SDL_RenderSetClipRect(engine_renderer(ui->engine), saved.enabled ? &saved.rect : NULL);
}

void ui_scrollbar_draw(const Ui *ui, Rect track, float visible, float content, float offset) {
  if (content <= visible || content <= 0) {
    return;
  }
  const Theme *t = ui->theme;
  draw_round_rect(ui->engine, track, track.w / 2, t->bar_track);
  float h = fmaxf(track.h * visible / content, 32.0f);
  float max_offset = content - visible;
  float frac = max_offset > 0 ? fminf(fmaxf(offset / max_offset, 0.0f), 1.0f) : 0.0f;
  Rect thumb = {track.x, track.y + (track.h - h) * frac, track.w, h};
  draw_round_rect(ui->engine, thumb, track.w / 2, t->text_muted);
}

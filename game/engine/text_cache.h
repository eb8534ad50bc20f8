#pragma once
// A cache of rasterised strings. A key is the whole description of a
// rasterisation (face, pixel size, direction, wrap width in pixels,
// alignment, text); its value is a texture rendered once and reused. Least
// recently used entries are evicted when the textures' total size (w*h*4
// bytes) exceeds the cap. Textures are rendered white and tinted at draw time
// (SDL_SetTextureColorMod/AlphaMod), so a change of colour never rasterises.
//
// Textures at an old output size (after a resize, fullscreen, HiDPI move)
// are simply no longer asked for and age out under the cap.

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct TextCache TextCache;

typedef struct TextKey {
  int face;          // caller's face id (font file + weight)
  int px_size;       // font size in output pixels
  bool rtl;          // shaped right to left
  int wrap_px;       // wrap width in output pixels, 0 = only at '\n'
  int align;         // TTF_WRAPPED_ALIGN_*
  bool bidi;         // laid out by bidi.h (runs per direction and face), not by one SDL_ttf call
  const char *text;  // UTF-8, borrowed (the cache keeps a copy)
} TextKey;

// Makes the white-on-transparent surface for `key` on a cache miss; NULL on
// failure (after logging). The surface is owned by the cache, which frees it.
typedef SDL_Surface *(*TextRenderFn)(const TextKey *key, void *ctx);

typedef struct TextCacheStats {
  uint64_t rasterisations;  // strings rendered (cache misses that produced a texture)
  uint64_t hits;
  uint64_t evictions;
  size_t bytes;  // texture memory held now
  size_t entries;
  size_t cap_bytes;
} TextCacheStats;

// Renders into textures of `renderer` (borrowed, must outlive the cache).
// Owned by the caller.
TextCache *text_cache_create(SDL_Renderer *renderer, size_t cap_bytes);
void text_cache_destroy(TextCache *cache);

// The texture for `key` (borrowed; valid until the next text_cache_get or
// text_cache_clear), rasterising it with `font` on a miss. `font` must
// already be set to key->rtl's direction. *w and *h get the size in pixels.
// Returns NULL for empty text or when SDL_ttf fails (logged).
SDL_Texture *text_cache_get(TextCache *cache, const TextKey *key, TTF_Font *font, int *w, int *h);

// Like text_cache_get, but a miss is rendered by `render` (with `ctx`), for
// text that one SDL_ttf call cannot lay out (mixed directions and faces).
SDL_Texture *text_cache_get_rendered(TextCache *cache, const TextKey *key, TextRenderFn render, void *ctx, int *w,
                                     int *h);

// Drops every entry (counted as evictions).
void text_cache_clear(TextCache *cache);
void text_cache_set_cap(TextCache *cache, size_t cap_bytes);
TextCacheStats text_cache_stats(const TextCache *cache);

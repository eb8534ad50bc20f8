#include "engine/text_cache.h"

#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/str.h"

// A chained hash table plus an intrusive doubly-linked LRU list. Written here
// rather than taken from a library: the only candidate in Debian, GLib's
// GHashTable, would pull a large dependency (and its allocator and main-loop
// conventions) into the engine for one map of a few hundred entries, and it
// has no LRU order anyway; this is ~150 lines and fully tested.

typedef struct Entry {
  uint64_t hash;
  int face, px_size, wrap_px, align;
  bool rtl, bidi;
  char *text;
  size_t text_len;
  SDL_Texture *texture;
  int w, h;
  size_t bytes;
  struct Entry *chain;  // next in the same bucket
  struct Entry *newer, *older;
} Entry;

struct TextCache {
  SDL_Renderer *renderer;
  Entry **buckets;
  size_t nbuckets;  // power of two
  size_t count;
  Entry *newest, *oldest;
  size_t bytes, cap;
  uint64_t rasterisations, hits, evictions;
};

// FNV-1a: simple, good enough spread for short strings and small ints.
static uint64_t fnv(uint64_t h, const void *data, size_t len) {
  const unsigned char *p = data;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 1099511628211ULL;
  }
  return h;
}

// The bytes of an int, low first, without reading its object representation
// (which the static analyzer takes for uninitialised bytes).
static uint64_t fnv_int(uint64_t h, int v) {
  uint32_t u = (uint32_t)v;
  for (int i = 0; i < 4; i++) {
    h ^= (u >> (8 * i)) & 0xFFu;
    h *= 1099511628211ULL;
  }
  return h;
}

static uint64_t key_hash(const TextKey *k, size_t text_len) {
  int ints[6] = {k->face, k->px_size, k->rtl, k->wrap_px, k->align, k->bidi};
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
    h = fnv_int(h, ints[i]);
  }
  return fnv(h, k->text, text_len);
}

static bool key_equal(const Entry *e, uint64_t hash, const TextKey *k, size_t text_len) {
  return e->hash == hash && e->face == k->face && e->px_size == k->px_size && e->rtl == k->rtl && e->bidi == k->bidi &&
         e->wrap_px == k->wrap_px && e->align == k->align && e->text_len == text_len &&
         memcmp(e->text, k->text, text_len) == 0;
}

TextCache *text_cache_create(SDL_Renderer *renderer, size_t cap_bytes) {
  TextCache *c = xcalloc(1, sizeof *c);
  c->renderer = renderer;
  c->nbuckets = 256;
  c->buckets = xcalloc(c->nbuckets, sizeof *c->buckets);
  c->cap = cap_bytes;
  return c;
}

static void lru_unlink(TextCache *c, Entry *e) {
  if (e->newer) {
    e->newer->older = e->older;
  } else {
    c->newest = e->older;
  }
  if (e->older) {
    e->older->newer = e->newer;
  } else {
    c->oldest = e->newer;
  }
  e->newer = e->older = NULL;
}

static void lru_push_newest(TextCache *c, Entry *e) {
  e->older = c->newest;
  e->newer = NULL;
  if (c->newest) {
    c->newest->newer = e;
  }
  c->newest = e;
  if (!c->oldest) {
    c->oldest = e;
  }
}

static void entry_free(Entry *e) {
  if (e->texture) {
    SDL_DestroyTexture(e->texture);
  }
  free(e->text);
  free(e);
}

static void remove_entry(TextCache *c, Entry *e) {
  Entry **pp = &c->buckets[e->hash & (c->nbuckets - 1)];
  while (*pp != e) {
    pp = &(*pp)->chain;
  }
  *pp = e->chain;
  lru_unlink(c, e);
  c->count--;
  c->bytes -= e->bytes;
  c->evictions++;
  entry_free(e);
}

static void grow(TextCache *c) {
  size_t n = c->nbuckets * 2;
  Entry **b = xcalloc(n, sizeof *b);
  for (size_t i = 0; i < c->nbuckets; i++) {
    Entry *e = c->buckets[i];
    while (e) {
      Entry *next = e->chain;
      e->chain = b[e->hash & (n - 1)];
      b[e->hash & (n - 1)] = e;
      e = next;
    }
  }
  free(c->buckets);
  c->buckets = b;
  c->nbuckets = n;
}

// Evicts least recently used entries until the cap holds, but never `keep`
// (the entry just asked for: it is about to be drawn).
static void enforce_cap(TextCache *c, const Entry *keep) {
  // Walk from the oldest with the next one read before the free: the
  // analyzer cannot see that unlinking moves c->oldest off the freed entry.
  for (Entry *e = c->oldest; e && e != keep && c->bytes > c->cap;) {
    Entry *newer = e->newer;
    remove_entry(c, e);
    e = newer;
  }
}

// One SDL_ttf call: the layout of text in a single face and direction.
static SDL_Surface *render_wrapped(const TextKey *k, void *ctx) {
  static const SDL_Color white = {255, 255, 255, 255};
  TTF_Font *font = ctx;
  TTF_SetFontWrappedAlign(font, k->align);
  // Wrapped rendering also honours '\n' when wrap_px is 0.
  SDL_Surface *s = TTF_RenderUTF8_Blended_Wrapped(font, k->text, white, (Uint32)k->wrap_px);
  if (!s) {
    log_warn("cannot render text (%zu bytes): %s", strlen(k->text), TTF_GetError());
  }
  return s;
}

static SDL_Texture *rasterise(TextCache *c, const TextKey *k, TextRenderFn render, void *ctx, int *w, int *h) {
  SDL_Surface *s = render(k, ctx);
  if (!s) {
    return NULL;
  }
  SDL_Texture *t = SDL_CreateTextureFromSurface(c->renderer, s);
  if (!t) {
    log_warn("cannot make a %dx%d text texture: %s", s->w, s->h, SDL_GetError());
    SDL_FreeSurface(s);
    return NULL;
  }
  SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
  *w = s->w;
  *h = s->h;
  SDL_FreeSurface(s);
  return t;
}

SDL_Texture *text_cache_get(TextCache *c, const TextKey *k, TTF_Font *font, int *w, int *h) {
  return text_cache_get_rendered(c, k, render_wrapped, font, w, h);
}

SDL_Texture *text_cache_get_rendered(TextCache *c, const TextKey *k, TextRenderFn render, void *ctx, int *w, int *h) {
  *w = *h = 0;
  if (!k->text || !k->text[0]) {
    return NULL;
  }
  size_t len = strlen(k->text);
  uint64_t hash = key_hash(k, len);
  for (Entry *e = c->buckets[hash & (c->nbuckets - 1)]; e; e = e->chain) {
    if (key_equal(e, hash, k, len)) {
      c->hits++;
      lru_unlink(c, e);
      lru_push_newest(c, e);
      *w = e->w;
      *h = e->h;
      return e->texture;
    }
  }
  int tw, th;
  SDL_Texture *t = rasterise(c, k, render, ctx, &tw, &th);
  if (!t) {
    return NULL;
  }
  c->rasterisations++;
  Entry *e = xcalloc(1, sizeof *e);
  *e = (Entry){.hash = hash,
               .face = k->face,
               .px_size = k->px_size,
               .wrap_px = k->wrap_px,
               .align = k->align,
               .rtl = k->rtl,
               .bidi = k->bidi,
               .text = xstrndup(k->text, len),
               .text_len = len,
               .texture = t,
               .w = tw,
               .h = th,
               .bytes = (size_t)tw * (size_t)th * 4};
  if (c->count + 1 > c->nbuckets * 3 / 4) {
    grow(c);
  }
  size_t b = hash & (c->nbuckets - 1);
  e->chain = c->buckets[b];
  c->buckets[b] = e;
  c->count++;
  c->bytes += e->bytes;
  lru_push_newest(c, e);
  enforce_cap(c, e);
  *w = tw;
  *h = th;
  return t;
}

void text_cache_clear(TextCache *c) {
  while (c->oldest) {
    remove_entry(c, c->oldest);
  }
}

void text_cache_set_cap(TextCache *c, size_t cap_bytes) {
  c->cap = cap_bytes;
  enforce_cap(c, NULL);
}

TextCacheStats text_cache_stats(const TextCache *c) {
  return (TextCacheStats){.rasterisations = c->rasterisations,
                          .hits = c->hits,
                          .evictions = c->evictions,
                          .bytes = c->bytes,
                          .entries = c->count,
                          .cap_bytes = c->cap};
}

void text_cache_destroy(TextCache *c) {
  if (!c) {
    return;
  }
  for (Entry *e = c->oldest; e;) {
    Entry *newer = e->newer;
    entry_free(e);
    e = newer;
  }
  free(c->buckets);
  free(c);
}

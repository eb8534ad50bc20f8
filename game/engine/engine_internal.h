#pragma once
// Private to game/engine: the Engine structure shared by engine.c, draw.c and
// text.c. Scenes use the functions in engine.h, never this.

#include <SDL.h>
#include <SDL_ttf.h>

#include "engine/engine.h"
#include "engine/text_cache.h"

typedef struct FontCache FontCache;

// Loads the `count` configured font files from `dir` into memory (the
// EngineFont strings stay borrowed). A font that is missing or cannot be
// opened is logged and passed over (font_cache_problems); NULL and *err
// when none can be used.
FontCache *font_cache_create(const char *dir, const EngineFont *fonts, size_t count, char **err);
// What was wrong with the fonts passed over, for the player (borrowed), or NULL.
const char *font_cache_problems(const FontCache *fonts);
void font_cache_destroy(FontCache *fonts);
size_t font_cache_count(const FontCache *fonts);

typedef struct SceneEntry {
  const SceneVTable *vt;
  void *data;
  bool covered;  // cover() was called and uncover() not yet
} SceneEntry;

typedef enum SceneOp {
  SCENE_OP_PUSH,
  SCENE_OP_POP,
  SCENE_OP_REPLACE,
} SceneOp;

typedef struct SceneRequest {
  SceneOp op;
  const SceneVTable *vt;
  void *data;
} SceneRequest;

struct Engine {
  EngineConfig config;  // strings borrowed from the caller
  SDL_Window *window;
  SDL_Renderer *renderer;
  bool vsync;
  int refresh_hz;
  View view;
  Clock real_clock;
  const Clock *clock;
  Input *input;
  Audio *audio;
  TextCache *text;
  FontCache *fonts;
  bool ttf_inited;

  SceneEntry *stack;
  size_t depth, stack_cap;
  SceneRequest *pending;
  size_t npending, pending_cap;

  SDL_GameController **pads;
  size_t npads, pads_cap;

  bool quit;
  bool focused;  // the window has the keyboard focus (and is not minimised)
  bool redraw;
  bool animating;
  bool top_changed;  // the next update() of the top scene gets dt 0
  uint64_t last_update_ms;
  Color background;
  bool relayout;     // engine_relayout() was asked: layout() every scene next step
  int win_w, win_h;  // windowed size (kept while fullscreen)
  bool fullscreen;
  uint64_t frames, events, steps;
  uint64_t cues_requested;  // engine_play_sound() calls (EngineStats)
  SoundCue last_cue;
  uint64_t scene_frames;  // frames drawn with a scene on the stack (screenshot option)
  bool screenshot_done;
};

// window.c: false with *err when SDL's video driver shows nothing (offscreen,
// dummy) and was not asked for by name (SDL_VIDEODRIVER).
bool engine_video_check(char **err);
// Opens e->window and e->renderer from e->config (the size clamped to the
// display when config.fit_display). False with *err.
bool engine_window_open(Engine *e, char **err);
// Sets the window icon from a PNG; a missing or bad file is logged, not an error.
void engine_window_set_icon(Engine *e, const char *path);

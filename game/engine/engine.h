#pragma once
// The engine: window, renderer, logical canvas (view.h), drawing (draw.h),
// text (text.h), input (input.h), the scene stack (scene.h), a clock passed
// in (clock.h) and sound cues (audio.h). It knows nothing about quizzes.
//
// Typical use (the game):
//   EngineConfig cfg = engine_config_default();
//   cfg.title = _("Prebunk"); cfg.font_dir = ".../assets/fonts"; cfg.app = app;
//   Engine *e = engine_create(&cfg, &err);
//   engine_push_scene(e, &title_scene, NULL);
//   engine_run(e);            // until engine_quit() or the window closes
//   engine_window_size(e, &w, &h); engine_is_fullscreen(e);  -> save settings
//   engine_destroy(e);
//
// The loop idles: with nothing animating it blocks on SDL_WaitEventTimeout
// and draws nothing. A frame is drawn only when something changed (an event
// was handled, a scene asked with engine_request_redraw(), the scene stack
// changed, the window was exposed or resized) or while the top scene's
// update() says it animates; then frames follow the display rate (vsync, or
// SDL_Delay pacing when the renderer has no vsync).
// While idle the loop still wakes at least every ENGINE_IDLE_WAKE_MS and
// calls the top scene's update() (without drawing), so a scene can poll
// something slow, such as a file's modification time, without animating.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/audio.h"
#include "engine/clock.h"
#include "engine/draw.h"
#include "engine/input.h"
#include "engine/scene.h"
#include "engine/text.h"
#include "engine/view.h"

typedef struct Engine Engine;

enum { ENGINE_IDLE_WAKE_MS = 1000 };

// One font file the game ships, and what it serves.
typedef struct EngineFont {
  const char *file;    // file name in EngineConfig.font_dir, borrowed
  bool bold;           // serves TEXT_WEIGHT_BOLD
  const char *script;  // ISO 15924 script it serves and shapes ("Arab"); NULL = the default fonts for all other text
} EngineFont;

enum { ENGINE_MAX_FONTS = 16 };

typedef struct EngineConfig {
  const char *title;        // window title (already translated), borrowed
  const char *font_dir;     // folder with the font files (assets/fonts), required
  const EngineFont *fonts;  // the game's fonts (1..ENGINE_MAX_FONTS), borrowed; required
  size_t nfonts;
  const char *icon_path;    // PNG window icon; NULL or missing = no icon (not an error)
  const char *data_dir;     // user data folder: gamecontrollerdb.txt is read from it if present; may be NULL
  int width, height;        // initial window size (default 1280x720)
  bool fit_display;         // a remembered size: clamp it to the display (an explicit one is honoured)
  bool fullscreen;          // start in desktop fullscreen
  int display;              // display index for the window; -1 = default
  bool sound;               // sound cues on at start
  bool vsync;               // ask for a vsync'd renderer (default true)
  size_t text_cache_bytes;  // text texture memory cap (default 64 MiB)
  const Clock *clock;       // borrowed; NULL = the real clock (owned by the engine)
  void *app;                // handed to scenes as SceneCtx.app, borrowed
  // The game's key and button bindings (input.h), copied at creation; the
  // labels stay borrowed. NULL = input_default_bindings().
  const InputBinding *bindings;
  size_t nbindings;
  // The game's sound cues (audio.h), synthesised at creation (not kept);
  // engine_play_sound() takes an index into it. NULL = no cues.
  const AudioCueSpec *cues;
  size_t ncues;
  // Called with an input event the top scene's event() did not handle (or
  // every event when the stack is empty): the game's one place for global
  // keys (Back, Help, Settings, sound, ...). True when it handled it (a frame
  // is drawn). NULL: nothing.
  bool (*on_unhandled_event)(void *app, const InputEvent *event);
  // Drawn after every scene, above them all (e.g. a brief "Sound off"
  // notice). NULL: nothing.
  void (*draw_overlay)(void *app);
  // Called once per step (also when idle, at least every ENGINE_IDLE_WAKE_MS)
  // with the engine's time; true asks for a frame (the brief notice expired).
  bool (*on_step)(void *app, uint64_t now_ms);
  // --screenshot: when set, the engine saves a screenshot after the
  // screenshot_frames'th frame drawn by the starting scene stack, then quits.
  const char *screenshot_path;
  int screenshot_frames;  // default 1 (the first complete frame)
  // --frames: draw a frame every step and quit after this many; 0 = run until quit.
  int quit_after_frames;
} EngineConfig;

// Defaults as documented above.
EngineConfig engine_config_default(void);

// Initialises SDL video, audio (optional) and game controllers, SDL_ttf,
// opens the window and renderer and loads the fonts. Returns NULL and sets
// *err (owned by the caller) when the window, renderer or fonts cannot be
// had. The engine owns everything it creates.
Engine *engine_create(const EngineConfig *config, char **err);
// Leaves every scene (top first, after applying pending requests), closes
// the window and shuts SDL down. NULL is a no-op.
void engine_destroy(Engine *engine);

// Runs until engine_quit(), the window closes or the scene stack is empty.
void engine_run(Engine *engine);
// One iteration, never blocks: handles queued events, updates the top scene,
// draws if needed, applies scene requests. Returns false once quitting.
bool engine_step(Engine *engine);
void engine_quit(Engine *engine);
bool engine_quitting(const Engine *engine);

// Scene stack (requests; applied at the end of the current step, in order).
// `data` becomes SceneCtx.data; ownership passes to the engine, which gives it
// back to vtable->free_data() (see scene.h). `vtable` is borrowed and must
// outlive the engine (a static const).
void engine_push_scene(Engine *engine, const SceneVTable *vtable, void *data);
// Pushes unless a scene with this vtable is on top or already requested in
// this step (two F1 presses in one frame open one Help). When refused, `data`
// is freed through vtable->free_data() and false is returned.
bool engine_push_scene_once(Engine *engine, const SceneVTable *vtable, void *data);
void engine_pop_scene(Engine *engine);
// Pops the top scene and pushes this one.
void engine_replace_scene(Engine *engine, const SceneVTable *vtable, void *data);
// Number of scenes on the stack (requests not yet applied excluded).
size_t engine_scene_count(const Engine *engine);
// The top scene's vtable, or NULL when the stack is empty.
const SceneVTable *engine_top_scene(const Engine *engine);
// The scene's data `depth` levels below the top (0 = top), NULL if none.
void *engine_scene_data(const Engine *engine, size_t depth);

// Ask for a frame (something changed outside of an event).
void engine_request_redraw(Engine *engine);
// Ask every scene on the stack to lay itself out again at the start of the
// next step (e.g. the text size changed).
void engine_relayout(Engine *engine);
// Time from the engine's clock.
uint64_t engine_now_ms(const Engine *engine);

// Window: windowed size in window units (the size to remember; unchanged
// while fullscreen), fullscreen state, toggling.
void engine_window_size(const Engine *engine, int *w, int *h);
bool engine_is_fullscreen(const Engine *engine);
void engine_set_fullscreen(Engine *engine, bool fullscreen);
// Resizes the window (windowed mode); also used by tests.
void engine_set_window_size(Engine *engine, int w, int h);
// The current logical<->pixel transform (updated every step).
const View *engine_view(const Engine *engine);
// Window coordinates (e.g. from SDL mouse events) -> logical.
void engine_window_to_logical(const Engine *engine, float wx, float wy, float *lx, float *ly);

// Colour of the canvas before scenes draw.
void engine_set_background_color(Engine *engine, Color color);

// Text input (name entry): while active, text keys produce
// INPUT_EVENT_TEXT instead of actions (see input.h).
void engine_text_input_start(Engine *engine);
void engine_text_input_stop(Engine *engine);
bool engine_text_input_active(const Engine *engine);

// Bindings: replaces the table (copied, labels borrowed; NULL = the engine's
// defaults), e.g. after the player rebinds a key. Key hints follow at once.
void engine_set_bindings(Engine *engine, const InputBinding *bindings, size_t count);
// Short label of the first key bound to `action` ("R", "Esc", "F1"), for key
// hints on screen; "" when no key is bound. Borrowed, see input_key_label().
const char *engine_key_label(const Engine *engine, InputAction action);

// Sound.
void engine_play_sound(Engine *engine, SoundCue cue);
void engine_set_sound(Engine *engine, bool on);
bool engine_sound_on(const Engine *engine);
Audio *engine_audio(Engine *engine);  // borrowed

// Draws the current state of the scene stack and writes it to `path` as PNG.
// Returns false and sets *err (owned by the caller) on failure.
bool engine_save_screenshot(Engine *engine, const char *path, char **err);

typedef struct EngineStats {
  uint64_t frames_drawn;
  uint64_t events_handled;  // SDL events the engine acted on (including ones scenes ignored)
  uint64_t steps;
  uint64_t text_rasterisations;
  uint64_t text_cache_hits;
  uint64_t text_cache_evictions;
  size_t text_cache_bytes;
  size_t fonts_open;
  // Sound cues asked for (whether or not an audio device played them), and
  // the last one (-1 before any): tests check what a screen sounds.
  uint64_t cues_requested;
  SoundCue last_cue;
} EngineStats;

EngineStats engine_stats(const Engine *engine);
// The configured fonts that could not be used (missing, or not a font) and
// why, one sentence for the log and the player: text falls back to another
// font. Borrowed; NULL when every font loaded.
const char *engine_font_problems(const Engine *engine);
// Changes the text cache cap (tests).
void engine_set_text_cache_cap(Engine *engine, size_t cap_bytes);

// Escape hatches for anything the helpers do not cover (borrowed).
SDL_Renderer *engine_renderer(Engine *engine);
SDL_Window *engine_window(Engine *engine);

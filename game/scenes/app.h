#pragma once
// The game's context: everything a screen needs, created once by cmd_play
// (or by a test) and handed to every scene as SceneCtx.app. There are no
// globals: scenes reach the engine, store, packs, settings, theme, random
// generator and the current player through this struct.
//
// Life cycle:
//   AppConfig cfg = app_config_default(); cfg.data_dir = ...; cfg.content_dir = ...;
//   App *app = app_create(&cfg, &err);   // settings, store, packs, engine
//   app_start(app, "title", &err);       // first screen (+ a notice about the store)
//   app_run(app);                        // until the player quits
//   app_destroy(app);                    // saves settings (window size too), frees all

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/rng.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "play/session.h"
#include "quiz/pack.h"
#include "scenes/settings.h"
#include "scenes/theme.h"
#include "scenes/ui.h"
#include "store/store.h"

typedef struct PackLibrary PackLibrary;

typedef struct AppConfig {
  const char *data_dir;     // where settings.ini, scores.db, the log and packs/ live; required, borrowed
  const char *content_dir;  // holds assets/ and quizzes/; required, borrowed
  const char *pack_path;    // --pack FILE, added to the library; NULL for none
  const Clock *clock;       // borrowed; NULL = the real clock
  int width, height;        // window size; 0 = the remembered one (settings)
  bool fullscreen;          // start fullscreen (else as remembered)
  int display;              // -1 = default
  bool has_seed;
  uint64_t seed;                // shuffle seed; else from the time
  const char *screenshot_path;  // save the first complete frame and quit
  int quit_after_frames;        // 0 = run
  bool open_log;                // write <data>/prebunk.log (the game: true; tests: false)
  bool store_read_only;         // behave as if the data folder were read-only (tests, kiosks)
  // Unix time in ms at clock time 0 for a manual clock (tests), so stored
  // times are reproducible; 0 = the real wall clock.
  int64_t wall_base_ms;
} AppConfig;

AppConfig app_config_default(void);

typedef struct App {
  Engine *engine;      // owned
  const Clock *clock;  // borrowed from the config or points at clock_storage
  Clock clock_storage;
  int64_t wall_base_ms;

  Store *store;                  // owned; never NULL after app_create (at worst in memory)
  StoreOpenResult store_result;  // how the store opened (for the notice), owned
  PackLibrary *packs;            // owned

  Settings settings;
  char *settings_path;  // owned
  char *settings_kept;  // why settings.ini exists but was not read (owned), else NULL: then it is never written
  Theme theme;          // from the settings; app_apply_settings() rebuilds it
  UiStats *ui_stats;    // owned: the UI kit's cut/shrunk text counters (app_ui() lends it)
  Rng rng;

  char *data_dir;        // owned
  char *content_dir;     // owned
  char *pack_path;       // --pack FILE (owned) or NULL: what "preview" shows
  bool remember_window;  // save the window size on exit (not for screenshots / --frames runs)

  char ui_lang[16];  // interface language (BCP 47), from the translation in use
  bool ui_rtl;       // the interface reads right to left

  // The current player (id 0 and name NULL until chosen on the player screen).
  int64_t player_id;
  char *player_name;  // owned
  // The pack chosen on the pack screen (borrowed from `packs`), or NULL.
  const Pack *pack;

  // This run of the game (owned): every session, pair round and booster gets
  // it, so no fabricated headline is drawn twice (play/session.h).
  PlayRun *run;
  int forewarn_last;  // technique of the last forewarning card shown in this run, -1 for none

  // A brief notice drawn above every screen (app_toast), e.g. "Sound off".
  char toast[256];
  uint64_t toast_until_ms;  // app clock; 0 = none showing
  // Store writes that failed (disk full...) and were already told on screen.
  unsigned write_failures_told;
} App;

// Creates everything but shows nothing. NULL with *err (owned) when the
// window or fonts cannot be had; a damaged or read-only store is not an
// error (see store_result).
App *app_create(const AppConfig *config, char **err);
// Leaves every scene, saves the settings (with the window size and
// fullscreen state), closes the store and frees everything. NULL is a no-op.
void app_destroy(App *app);

// Pushes the first screen by name, from the one table of screens (app.c):
// "title", "packs", "player", "round", "feedback", "summary", "scores",
// "settings", "help" (player, round, feedback and summary get demo state:
// the first valid pack and the player "Demo"), or "preview" with a pack path.
// Then, above it, a notice when the store was recovered or is read-only.
// NULL means "title". False with *err (owned) for an unknown name (the
// message lists the known ones) or when the demo state cannot be made (no
// valid pack).
bool app_start(App *app, const char *scene, char **err);  // err may be NULL
// True for a screen name app_start() knows, so the command line can refuse a
// wrong --scene before it opens a window.
bool app_scene_known(const char *scene);
// The screens app_start() knows, in the table's order (for --help):
// app_scene_name(i) for i < app_scene_count() (static strings), NULL past the end.
size_t app_scene_count(void);
const char *app_scene_name(size_t i);
// "title, packs, ..., preview" (owned by the caller).
char *app_scene_list(void);
// Runs the engine loop until the player quits.
void app_run(App *app);

// The drawing context for the UI kit (borrows from `app`).
Ui app_ui(const App *app);
// Rebuilds the theme and applies sound and fullscreen after the settings
// changed, then saves them. Returns false (logged) when saving failed.
bool app_apply_settings(App *app);
// Writes settings.ini now (the window size is taken from the engine).
bool app_save_settings(App *app, char **err);

// Makes `name` the current player (cleaned, created in the store when new).
// False with a message for the player in *err (owned) for a bad name.
bool app_set_player(App *app, const char *name, char **err);
// Makes a new guest ("Guest 1", "Guest 2" ..., play_new_guest) the current
// player: every guest is a separate person with a history of their own.
// False with a message in *err (owned) when the store refuses.
bool app_set_guest(App *app, char **err);
// Makes `pack` (borrowed from app->packs) the selected pack.
void app_select_pack(App *app, const Pack *pack);
// The first pack of the library that loaded without errors, or NULL.
const Pack *app_first_valid_pack(const App *app);

// Time for the store: Unix ms (wall_base_ms + clock when set, else the real time).
int64_t app_unix_ms(const App *app);
// Time from the app's clock (ms, monotonic).
uint64_t app_now_ms(const App *app);

// The App of a scene callback's context.
App *app_from_ctx(const SceneCtx *ctx);

// ---- global keys (app_keys.c) -------------------------------------------
// The one place for keys that mean the same on every screen: Back (pops the
// top screen), Help, Settings, sound on/off (with a brief notice). The engine
// calls it for every event the top screen did not handle
// (EngineConfig.on_unhandled_event). True when handled.
bool app_global_event(void *app, const InputEvent *ev);
// Shows `text` (copied, cut to fit) for APP_TOAST_MS above every screen.
#define APP_TOAST_MS 1500
// How long "Could not save: ..." stays: long enough to read in a round.
#define APP_SAVE_TOAST_MS 6000
void app_toast(App *app, const char *text);
// EngineConfig.draw_overlay and .on_step for the notice.
void app_draw_toast(void *app);
bool app_toast_step(void *app, uint64_t now_ms);

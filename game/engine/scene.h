#pragma once
// Scenes: one screen per file, a small set of callbacks. The engine keeps a
// stack of them (engine_push_scene & co. in engine.h).
//
// Rules:
// - push/pop/replace requested during a frame take effect at the END of that
//   engine step, in the order requested (no modal inner loops).
// - Only the TOP scene receives events and update(). A scene beneath an
//   overlay is frozen: it is drawn, but its time does not run (so a pause
//   overlay pauses a countdown without extra code).
// - draw(): an overlay scene (vtable->overlay) has the scene beneath it drawn
//   first (recursively, down to the first non-overlay scene).
// - Every scene that was pushed gets exactly one enter() and one leave(), even
//   when the engine is destroyed with requests still pending.

#include <stdbool.h>
#include <stdint.h>

#include "engine/input.h"

typedef struct Engine Engine;

// What a callback gets. Built by the engine for each call; do not keep it.
typedef struct SceneCtx {
  Engine *engine;  // borrowed
  void *app;       // the game's context (EngineConfig.app), borrowed
  // This scene's own data: the pointer given to engine_push_scene(). enter()
  // may replace it (e.g. allocate it); the engine stores the new value.
  void *data;
} SceneCtx;

typedef struct SceneVTable {
  const char *name;  // for logs and tests, e.g. "round"
  bool overlay;      // draw the scene beneath first
  // All callbacks are optional (NULL = nothing to do).
  // The scene became part of the stack (called once, at the end of the frame
  // that pushed it).
  void (*enter)(SceneCtx *ctx);
  // The scene left the stack: release ctx->data and everything it owns.
  void (*leave)(SceneCtx *ctx);
  // An input event (only the top scene gets them).
  void (*event)(SceneCtx *ctx, const InputEvent *event);
  // Advance time. Called once per engine step for the top scene only.
  // Return true while animating (needs continuous frames, e.g. a countdown);
  // false lets the engine sleep until the next event.
  bool (*update)(SceneCtx *ctx, uint64_t now_ms, uint64_t dt_ms);
  // Draw in logical units with draw.h / text.h. Must not change state that
  // update() owns; may be called more than once per state (screenshots).
  void (*draw)(SceneCtx *ctx);
} SceneVTable;

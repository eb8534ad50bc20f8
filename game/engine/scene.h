#pragma once
// Scenes: one screen per file, a small set of callbacks. The engine keeps a
// stack of them (engine_push_scene & co. in engine.h).
//
// Rules:
// - push/pop/replace requested during a frame take effect at the END of that
//   engine step, in the order requested (no modal inner loops).
// - Only the TOP scene receives events and update(). A scene beneath another
//   is covered: cover() tells it when something goes on top, uncover() when it
//   is the top again (after all of a frame's requests are applied, so a pop
//   followed by a push in one frame neither uncovers nor covers the scene
//   beneath). A round stops its clock in cover(); a name field stops text
//   input there and restarts it in uncover(). No flags needed.
// - layout(): (re)compute geometry from the canvas size (engine_view(): w, h)
//   and the game's text size. Called right after enter(), for every scene on
//   the stack when the output size changes, and after engine_relayout().
//   draw() only reads that geometry; event() hit-tests against it.
// - event() returns true when it handled the event (something may have
//   changed: the engine draws a frame); false lets the game's fallback
//   (EngineConfig.on_unhandled_event: Back, Help, Settings, ...) have it, and
//   draws nothing when that ignores it too (a mouse move over nothing).
// - draw(): an overlay scene (vtable->overlay) has the scene beneath it drawn
//   first (recursively, down to the first non-overlay scene).
// - Ownership of scene data: the push helper builds it (engine_push_scene's
//   `data`); free_data() releases it. The engine calls free_data() once: after
//   leave(), or instead of enter()/leave() for a request it drops (a push made
//   while quitting, a push_once that was refused, requests past the per-frame
//   bound). Every scene that was entered gets exactly one leave(), even when
//   the engine is destroyed with requests still pending.

#include <stdbool.h>
#include <stdint.h>

#include "engine/input.h"

typedef struct Engine Engine;

// What a callback gets. Built by the engine for each call; do not keep it.
typedef struct SceneCtx {
  Engine *engine;  // borrowed
  void *app;       // the game's context (EngineConfig.app), borrowed
  // This scene's own data: the pointer given to engine_push_scene().
  void *data;
} SceneCtx;

typedef struct SceneVTable {
  const char *name;  // for logs and tests, e.g. "round"
  bool overlay;      // draw the scene beneath first
  // All callbacks are optional (NULL = nothing to do).
  // The scene became part of the stack (called once, at the end of the frame
  // that pushed it). ctx->data is what the push gave.
  void (*enter)(SceneCtx *ctx);
  // The scene leaves the stack: side effects such as saving; the data itself
  // is released by free_data() just after.
  void (*leave)(SceneCtx *ctx);
  // Releases the scene's data (and everything it owns). NULL data is never
  // passed. See "Ownership" above.
  void (*free_data)(void *data);
  // Another scene went on top of this one / this one is the top again.
  void (*cover)(SceneCtx *ctx);
  void (*uncover)(SceneCtx *ctx);
  // Geometry from the current canvas size (see above).
  void (*layout)(SceneCtx *ctx);
  // An input event (only the top scene gets them). True when handled.
  bool (*event)(SceneCtx *ctx, const InputEvent *event);
  // Advance time. Called once per engine step for the top scene only.
  // Return true while animating (needs continuous frames, e.g. a countdown);
  // false lets the engine sleep until the next event.
  bool (*update)(SceneCtx *ctx, uint64_t now_ms, uint64_t dt_ms);
  // Draw in logical units with draw.h / text.h. Must not change state that
  // update() owns; may be called more than once per state (screenshots).
  void (*draw)(SceneCtx *ctx);
} SceneVTable;

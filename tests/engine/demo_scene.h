#pragma once
// A tiny scene for the engine tests and the benchmark: it records what the
// engine calls on it and draws known shapes and text.

#include <stdbool.h>
#include <stddef.h>

#include "engine/engine.h"

#define DEMO_LOG_MAX 64

// Shared by every demo scene of a test (SceneCtx.app). Owned by the test.
typedef struct DemoLog {
  char calls[DEMO_LOG_MAX][48];  // "enter:a", "leave:a", "update:a", ...
  size_t ncalls;
  InputEvent events[DEMO_LOG_MAX];
  size_t nevents;
  int unhandled;  // events the scene did not handle, given to on_unhandled_event
  InputEvent last_unhandled;
  bool unhandled_handles;  // what demo_unhandled answers
} DemoLog;

typedef enum DemoDraw {
  DEMO_DRAW_NOTHING,
  DEMO_DRAW_TEXT,       // a few lines of text
  DEMO_DRAW_QUADRANTS,  // red top-left quarter, blue elsewhere
  DEMO_DRAW_FULL,       // a screen full of text, shapes and icons (benchmark)
} DemoDraw;

// Per-scene data. Created with demo_create (owned by the scene once pushed:
// leave() frees it).
typedef struct Demo {
  char name[16];
  DemoDraw what;
  bool animate;
  int draws;
  int updates;
  unsigned long long last_dt;
  // Requests to make from inside the next event (tests deferral).
  const SceneVTable *push_on_event;
  bool pop_on_event;
  size_t count_during_event;  // engine_scene_count() right after the request
  int *draws_out;             // if set, draws are also counted here (survives leave)
  int *freed_out;             // if set, counts free_data() calls (survives the free)
  bool ignore_events;         // event() answers "not handled"
} Demo;

Demo *demo_create(const char *name, DemoDraw what);
extern const SceneVTable demo_scene;
extern const SceneVTable demo_overlay;
// Number of `call` ("enter:a") entries in the log.
size_t demo_log_count(const DemoLog *log, const char *call);
// Index of `call` in the log, or -1.
int demo_log_index(const DemoLog *log, const char *call);
// The on_unhandled_event callback, recording into the DemoLog app pointer;
// returns log->unhandled_handles.
bool demo_unhandled(void *app, const InputEvent *ev);

#pragma once
// Private to scene_confirm.c and scene_notice.c: the overlay both of them
// are, a dialog card (ui_dialog) with one or two buttons over the current
// screen. The first button is the primary one and is focused first. A
// press of button i, or BACK (which is button 0's answer: "no", "OK"),
// pops the overlay and calls `fn` once with `yes` = (i == 1); leaving
// unanswered (the app closes) calls it with false. Each screen keeps its
// own vtable (its name) and push helper; these are its callbacks.

#include <stdbool.h>

#include "engine/scene.h"
#include "scenes/scenes.h"
#include "scenes/ui.h"

typedef struct DialogScene {
  UiForm form;            // first: see scenes.h
  char *title, *message;  // owned, never NULL
  char *labels[2];        // owned; start to end side
  const char *hints[2];   // borrowed translated constants, nullable
  int count;
  bool centred;         // a short question, centred
  bool warning;         // a notice: the title in the warning colour
  bool confirm_closes;  // CONFIRM answers with button 0 even when the focus is elsewhere
  SceneConfirmFn fn;    // nullable
  void *user;           // borrowed, passed to fn
  bool answered;
  UiDialog dialog;
} DialogScene;

// A dialog with `title` and `message` (copied; NULL is ""), no buttons yet.
// Owned by the caller until it is pushed (then free_data frees it).
DialogScene *scene_dialog_create(const char *title, const char *message);
// Adds a button (`label` copied; `hint` borrowed); at most two.
void scene_dialog_add(DialogScene *d, const char *label, const char *hint);

void scene_dialog_layout(SceneCtx *ctx);
void scene_dialog_leave(SceneCtx *ctx);
void scene_dialog_free(void *data);
bool scene_dialog_event(SceneCtx *ctx, const InputEvent *ev);
void scene_dialog_draw(SceneCtx *ctx);

// The vtable of a dialog screen named `name_` (a string literal).
#define SCENE_DIALOG_VTABLE(name_)                                                                 \
  {                                                                                                \
    .name = (name_), .overlay = true, .leave = scene_dialog_leave, .free_data = scene_dialog_free, \
    .layout = scene_dialog_layout, .event = scene_dialog_event, .draw = scene_dialog_draw,         \
  }

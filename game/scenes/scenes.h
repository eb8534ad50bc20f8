#pragma once
// Every screen of the game: its vtable (name in quotes) and a helper that
// pushes it. Menu screens and overlays are in scene_title.c ... scene_notice.c;
// the gameplay screens (round, feedback, summary, preview, the round's pause
// menu) in scene_round.c, scene_feedback.c, scene_summary.c,
// scene_preview.c, scene_pause.c.
//
// Conventions shared by all screens:
// - BACK (Esc, controller B, the header's Back button) goes back one step;
//   on the title screen it asks whether to quit.
// - HELP (F1, H, controller Back, the header's Help button) opens the help
//   overlay from every screen.
// - SETTINGS (F2, the header's Settings button; in a round also the pause
//   menu) opens the settings screen above every screen; BACK returns to it.
// - Strings given to the push helpers are copied unless said otherwise.
// - The data of every screen and overlay starts with its UiForm, so tests
//   and tools can find and press its buttons:
//   (UiForm *)engine_scene_data(engine, 0).

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/scene.h"
#include "quiz/round.h"
#include "scenes/app.h"

// ---- menus and overlays (engineer A) ---------------------------------------

extern const SceneVTable scene_title_vtable;     // "title": Play, Settings, High scores, Help, Quit
extern const SceneVTable scene_packs_vtable;     // "packs": choose a pack, then the player screen
extern const SceneVTable scene_player_vtable;    // "player": type a name or pick a recent one, then the round
extern const SceneVTable scene_settings_vtable;  // "settings"
extern const SceneVTable scene_help_vtable;      // "help" (overlay): keys and scoring rules
extern const SceneVTable scene_confirm_vtable;   // "confirm" (overlay): a yes/no question
extern const SceneVTable scene_scores_vtable;    // "scores": top 10 per pack and the player's history
extern const SceneVTable scene_notice_vtable;    // "notice" (overlay): a message with an OK button

void scene_title_push(App *app);
void scene_packs_push(App *app);
// The player screen; when a name is confirmed it becomes app's player and the
// round of app->pack starts (the player screen is replaced by the round).
void scene_player_push(App *app);
// Does nothing when the settings screen is already on top.
void scene_settings_push(App *app);
// The same, opened during a round (from the round, its pause menu or its
// feedback): the screen says that seconds, questions and the speed bonus
// apply from the next round.
void scene_settings_push_in_round(App *app);
void scene_help_push(App *app);
// High scores of `pack_id` (NULL: the selected pack, else the first one);
// Left/Right switch packs.
void scene_scores_push(App *app, const char *pack_id);

// Called once when the player answers a confirm overlay. The overlay has
// already requested its own pop, so scene requests made here apply after it
// (e.g. popping the round beneath).
typedef void (*SceneConfirmFn)(App *app, void *user, bool yes);
// Asks `question` with two buttons (`yes_label`, `no_label`; NULL for "Yes"
// / "No"). No is focused first; BACK means no. `user` is borrowed and must
// live until fn is called (it is called exactly once, also with yes = false
// when the overlay leaves without an answer, e.g. the app closes).
void scene_confirm_push(App *app, const char *question, const char *yes_label, const char *no_label, SceneConfirmFn fn,
                        void *user);
// A message with a title and an OK button (CONFIRM or BACK closes it).
void scene_notice_push(App *app, const char *title, const char *message);

// What the header's buttons do on every screen that keeps the conventions
// above: UI_ID_BACK pops the screen, UI_ID_HELP and UI_ID_SETTINGS open
// theirs. Returns false (and does nothing) for any other id, which is the
// screen's own.
bool scene_header_activate(SceneCtx *ctx, int id);
// The same for the BACK, HELP and SETTINGS actions (keys and controller
// buttons) that the screen's form left alone. Returns false (and does
// nothing) for any other event.
bool scene_header_action(SceneCtx *ctx, const InputEvent *ev);

// ---- gameplay (engineer B) -------------------------------------------------

extern const SceneVTable scene_round_vtable;     // "round"
extern const SceneVTable scene_feedback_vtable;  // "feedback"
extern const SceneVTable scene_summary_vtable;   // "summary"
extern const SceneVTable scene_preview_vtable;   // "preview"
extern const SceneVTable scene_pause_vtable;     // "pause" (overlay): the round's pause menu

// Starts a round of app->pack for app's player with app->settings and app->rng:
// the push builds the play session (the round is drawn then), free_data frees it.
void scene_round_push(App *app);
// Plays `session` (a booster from play_booster_create; ownership passes to
// the round) as a round of its own pack, with the normal feedback.
void scene_round_push_booster(App *app, PlaySession *session);
// The summary of a round (finished, or with at least the results recorded)
// from `summary`, made from the round's session at its last answer, before
// the round was taken (play_summary_create). Takes ownership of both.
typedef struct PlaySummary PlaySummary;
void scene_summary_push(App *app, Round *round, PlaySummary *summary);
// The author's preview of the pack file at `path` (reloads when it changes).
void scene_preview_push(App *app, const char *path);

#pragma once
// The training screens of issue #8 (scene_pair.c, scene_forewarn.c): a
// "Which one is real?" pair round and the forewarning card before a round.
// Both follow the scene rules of engine/scene.h: the push helper builds the
// data, free_data releases it, geometry is computed in layout().

#include <stdbool.h>

#include "engine/scene.h"
#include "play/forewarn.h"
#include "play/pair.h"
#include "scenes/app.h"

extern const SceneVTable scene_pair_vtable;      // "pair": Which one is real?
extern const SceneVTable scene_forewarn_vtable;  // "forewarn": a technique card before a round

// A pair round of app->pack for app's player (recorded when there is one),
// with app->run. Two headlines side by side (stacked on a portrait canvas):
// Left / Right (or a click, a tap, the controller's D-pad, A on the focused
// card) picks the one the player thinks is real; then both are stamped REAL
// and FALSE, each card opens its explanation, and Next moves on. The round
// ends on a results page. A pack without pairs shows why, with Back.
void scene_pair_push(App *app);
// True when app->pack has a pair round to offer now (play_pairs_available).
bool scene_pair_available(const App *app);

// Looks into a pair scene (engine_scene_data of a "pair" scene), for tests:
// the round (borrowed, NULL when it could not start) and the card
// rectangles of the last layout (index 0: the PLAY_SIDE_LEFT card).
const PlayPairRound *scene_pair_peek_round(const void *scene_data);
Rect scene_pair_peek_card(const void *scene_data, int side);
// True while the verdict of the last choice shows.
bool scene_pair_peek_revealed(const void *scene_data);

// Called once when the player leaves the card (Continue, Enter, Esc), after
// the card requested its own pop; not called when the app closes.
typedef void (*SceneForewarnDoneFn)(App *app, void *user);
// The card (its strings are translated constants and are borrowed).
void scene_forewarn_push(App *app, const PlayForewarnCard *card, SceneForewarnDoneFn done, void *user);

// True when the forewarning column ran past the room it has on a canvas
// `canvas_h` high (tests: it never should).
bool scene_forewarn_peek_overflow(const void *scene_data, float canvas_h);
// The card's technique (tests).
Technique scene_forewarn_peek_technique(const void *scene_data);
// The card's scroll view (tests; borrowed).
const UiScroll *scene_forewarn_peek_scroll(const void *scene_data);

// For `--scene pair` / `--scene forewarn` (app_start): the pair round of the
// selected pack, or of the first pack with pairs (which becomes selected);
// the forewarning card of the selected pack over the packs screen. False
// with *err (owned) when there is none to show.
bool scene_pair_start_demo(App *app, char **err);
bool scene_forewarn_start_demo(App *app, char **err);

// Starts a round of app->pack: when it is a practice pack and
// play_forewarn_for gives a card on a technique other than the last card
// shown in this run (App.forewarn_last), the card comes first and its
// Continue starts the round; otherwise the round starts at once. Call it
// where a player starts a round (the player screen).
void scene_round_push_forewarned(App *app);

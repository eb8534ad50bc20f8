#pragma once
// Helpers shared by the scenes tests: a real App in a temporary data folder
// with a manual clock, and SDL input pushed into it as a player would give
// it. The push functions only queue events; each test decides how many
// frames to step after them (scene_test_steps), as its screens need.

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/clock.h"
#include "scenes/app.h"
#include "scenes/ui.h"

typedef struct SceneTestFixture {
  char *dir;        // temporary data folder (owned; removed with the fixture)
  char *content;    // where the game's fonts and images are: the source tree (owned)
  char *pack_path;  // the pack given as --pack, or NULL (owned)
  Clock clock;      // manual: time moves only when a test advances it
  App *app;         // owned; NULL until a test creates it
} SceneTestFixture;

// What differs between the scenes tests' apps; zero width/height mean the
// remembered window size.
typedef struct SceneTestAppOptions {
  uint64_t seed;
  int64_t wall_base_ms;
  int width, height;
  bool store_read_only;
} SceneTestAppOptions;

// A fresh temporary data folder and a manual clock at 1000 ms; no app yet.
SceneTestFixture *scene_test_fixture_create(void);
// Destroys the app, removes the data folder and frees `f`; NULL is a no-op.
void scene_test_fixture_destroy(SceneTestFixture *f);
// A cmocka teardown for a fixture in *state: destroys it and shuts the pack
// loader down (so nothing it keeps counts as a leak).
int scene_test_teardown(void **state);
// An app over `f`'s folders, clock and pack (owned by the caller, usually
// stored in f->app). Fails the test when it cannot be created.
App *scene_test_app_create(SceneTestFixture *f, const SceneTestAppOptions *opt);

// Runs `frames` engine frames.
void scene_test_steps(App *app, int frames);
// The name of the top scene, or "(none)" when the stack is empty.
const char *scene_test_top(const App *app);
// Every screen's data starts with its form (scenes.h). Borrowed.
UiForm *scene_test_top_form(App *app);
// The top screen's button with `label` / `id` (borrowed); fails the test
// when there is none.
const UiButton *scene_test_button_labelled(App *app, const char *label);
const UiButton *scene_test_button_with_id(App *app, int id);
// The row of the pack file whose path ends with `file` in the app's library;
// fails the test when it is not there.
size_t scene_test_library_index(const App *app, const char *file);

// Queues a key press and release.
void scene_test_push_key(App *app, SDL_Keycode sym);
// Queues a controller button press and release.
void scene_test_push_pad(App *app, SDL_GameControllerButton button);
// Queues typed text (as from the system's text input).
void scene_test_push_text(App *app, const char *text);
// Queues the mouse moving to the logical point (lx, ly).
void scene_test_push_mouse_move(App *app, float lx, float ly);
// Queues the left mouse button going down or up at the logical point.
void scene_test_push_mouse_button(App *app, float lx, float ly, bool down);
// Queues a left click at the logical point: move there, press, release.
void scene_test_push_click(App *app, float lx, float ly);

// Driving a fixture's app at the pace of the round tests: every input, and
// every move of the clock, is followed by three frames (enough for a scene
// change it requests and the frame drawn after it).
void scene_test_step(SceneTestFixture *f);
void scene_test_advance(SceneTestFixture *f, uint64_t ms);
void scene_test_key(SceneTestFixture *f, SDL_Keycode sym);
void scene_test_pad(SceneTestFixture *f, SDL_GameControllerButton button);
void scene_test_type(SceneTestFixture *f, const char *text);
void scene_test_click(SceneTestFixture *f, float lx, float ly);

// Driving an app at the pace of the menu tests: a key or controller button
// press and release, then two frames (menu screens settle within them).
void scene_test_menu_key(App *app, SDL_Keycode sym);
void scene_test_menu_pad(App *app, SDL_GameControllerButton button);

// How a test passes a screen: the keyboard, the mouse or the controller.
typedef enum SceneTestInput {
  SCENE_TEST_KEYBOARD,
  SCENE_TEST_MOUSE,
  SCENE_TEST_PAD,
} SceneTestInput;

// The player screen started a round for a player with no history on a
// practice pack: the forewarning card must come first
// (scene_round_push_forewarned). Fails unless it is on top; passes it with
// Enter, a click on Continue or the controller's A, and fails unless the
// round is on top after it.
void scene_test_pass_forewarning(App *app, SceneTestInput how);

// On the feedback screen right after an answer: skips its optional steps
// (the confidence tap, "Which technique?") with Enter, a click on the
// footer's button or the controller's A, until the page shows. Fails unless
// the feedback screen is on top, then and after.
void scene_test_skip_taps(SceneTestFixture *f, SceneTestInput how);

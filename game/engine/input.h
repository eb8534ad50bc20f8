#pragma once
// Input: keyboard, mouse, touch and game controllers all become the same
// abstract actions, plus pointer and text events for hit testing and name
// entry. No screen needs a particular device.
//
// Bindings come from the game (EngineConfig.bindings): a table of keyboard
// keys (+ modifiers) and controller buttons -> actions. The engine gives a
// meaning only to generic navigation (UP/DOWN/LEFT/RIGHT, CONFIRM, BACK,
// NEXT/PREV focus) and acts on one action itself, FULLSCREEN (a window
// concern: it never reaches scenes). The game numbers its own actions from
// INPUT_ACTION_GAME_FIRST. Without a table, input_default_bindings() is used:
//   UP/DOWN/LEFT/RIGHT arrow keys (repeat)    D-pad (repeat)
//   CONFIRM            Enter, KP_Enter, Space A
//   BACK               Esc                    B
//   NEXT / PREV        Tab / Shift+Tab (repeat) RB / LB
//   FULLSCREEN         F11, Alt+Enter         -
// The left stick always gives the directions (dead zone, repeat).
// Matching: a key binding fires when its modifiers are held; of several the
// one needing the most modifiers wins (Shift+Tab over Tab, Alt+Enter over
// Enter). Keys that produce text (letters, digits, Space, punctuation) fire
// only without Ctrl/Alt/GUI beyond the binding's own (Ctrl+R is not R), and
// never while text input is active (engine_text_input_start): then only
// keys that are no text (Enter, Esc, the arrows, Tab, F-keys) keep a meaning,
// and Backspace gives INPUT_TEXT_BACKSPACE. Letters match by the key's
// meaning in the user's layout, or by the physical key for layouts without
// Latin letters. Held keys repeat only for UP/DOWN/LEFT/RIGHT/NEXT/PREV.
// Mouse events that SDL synthesises from touches (SDL_TOUCH_MOUSEID) are
// ignored: touches arrive once, as finger events, flagged from_touch.

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/view.h"

// An action: one of the engine's below, or one of the game's, numbered from
// INPUT_ACTION_GAME_FIRST (an int so both share one type).
typedef int InputAction;
enum {
  INPUT_ACTION_NONE,
  INPUT_ACTION_UP,
  INPUT_ACTION_DOWN,
  INPUT_ACTION_LEFT,
  INPUT_ACTION_RIGHT,
  INPUT_ACTION_CONFIRM,
  INPUT_ACTION_BACK,
  INPUT_ACTION_NEXT,        // focus the next control (Tab)
  INPUT_ACTION_PREV,        // focus the previous control (Shift+Tab)
  INPUT_ACTION_FULLSCREEN,  // the engine toggles fullscreen; never reaches scenes
  INPUT_ACTION_ENGINE_COUNT,
  INPUT_ACTION_GAME_FIRST = 16,  // the game's actions start here
  INPUT_ACTION_MAX = 64,         // actions are below this
};

// Modifiers of a key binding (either side counts).
enum {
  INPUT_MOD_NONE = 0,
  INPUT_MOD_SHIFT = 1 << 0,
  INPUT_MOD_CTRL = 1 << 1,
  INPUT_MOD_ALT = 1 << 2,
  INPUT_MOD_GUI = 1 << 3,
};

typedef enum InputEventType {
  INPUT_EVENT_ACTION,          // .action (+ .repeat)
  INPUT_EVENT_POINTER_MOVE,    // .x .y
  INPUT_EVENT_POINTER_DOWN,    // .x .y .button
  INPUT_EVENT_POINTER_UP,      // .x .y .button
  INPUT_EVENT_WHEEL,           // .wheel_y (> 0: away from the user / scroll up)
  INPUT_EVENT_TEXT,            // .text (UTF-8), only while text input is active
  INPUT_EVENT_TEXT_BACKSPACE,  // only while text input is active
  INPUT_EVENT_FOCUS_LOST,      // the window lost the keyboard focus or was minimised
  INPUT_EVENT_FOCUS_GAINED,    // ... and got it back
} InputEventType;

typedef enum InputDevice {
  INPUT_DEVICE_KEYBOARD,
  INPUT_DEVICE_MOUSE,
  INPUT_DEVICE_TOUCH,
  INPUT_DEVICE_CONTROLLER,
} InputDevice;

typedef struct InputEvent {
  InputEventType type;
  InputDevice device;
  InputAction action;  // INPUT_EVENT_ACTION
  bool repeat;         // a held key/direction repeating
  float x, y;          // pointer events: logical units (may lie on a bar, <0 or >canvas)
  bool from_touch;     // pointer event came from a finger
  int button;          // pointer: 1 left (and touch), 2 middle, 3 right
  float wheel_y;
  char text[32];  // INPUT_EVENT_TEXT, NUL-terminated UTF-8
} InputEvent;

// One binding: a key (with modifiers) or a controller button -> an action.
typedef struct InputBinding {
  InputDevice
      device;  // INPUT_DEVICE_KEYBOARD (code: SDL_Keycode) or INPUT_DEVICE_CONTROLLER (code: SDL_GameControllerButton)
  int code;
  unsigned mods;       // INPUT_MOD_* that must be held (keyboard)
  InputAction action;  // below INPUT_ACTION_MAX
  const char *label;   // short name for key hints ("Esc", "Shift+Tab"), borrowed (a literal); NULL = SDL's key name
} InputBinding;

// The engine's generic table (see the top); static, `*count` entries.
const InputBinding *input_default_bindings(size_t *count);

// Translation state (bindings, text input flag, held directions for repeat).
typedef struct Input Input;

// Uses `bindings` (copied; the labels stay borrowed), or the default table
// when NULL. Owned by the caller; destroy with input_destroy() (NULL: no-op).
Input *input_create(const InputBinding *bindings, size_t count);
void input_destroy(Input *input);
// Replaces the table (copied), e.g. after the player rebinds a key.
void input_set_bindings(Input *input, const InputBinding *bindings, size_t count);
// The first binding of `action` on `device`, NULL if none (borrowed, valid
// until the table changes).
const InputBinding *input_find_binding(const Input *input, InputAction action, InputDevice device);
// The short label of the first key bound to `action` ("R", "Esc", "F1"):
// the binding's label, else SDL's key name; "" when no key is bound.
// Borrowed (SDL's names: until the next call).
const char *input_key_label(const Input *input, InputAction action);

void input_set_text_active(Input *input, bool active);
bool input_text_active(const Input *input);

// Translates one SDL event into at most one InputEvent, using `view` for
// pointer coordinates and `now_ms` to start direction repeat. Returns false
// when the event means nothing (unbound key, synthetic touch-mouse event,
// ...). FULLSCREEN comes out as an action: the engine acts on it.
bool input_translate(Input *input, const SDL_Event *sdl, const View *view, uint64_t now_ms, InputEvent *out);

// Controller directions held on the D-pad or stick repeat: the first repeat
// after INPUT_REPEAT_DELAY_MS, then every INPUT_REPEAT_INTERVAL_MS. Returns
// true and fills `out` when a repeat is due at `now_ms` (call until false).
bool input_poll_repeat(Input *input, uint64_t now_ms, InputEvent *out);
// True while a controller direction is held (the loop must wake up for repeats).
bool input_repeat_pending(const Input *input);

#define INPUT_REPEAT_DELAY_MS 400
#define INPUT_REPEAT_INTERVAL_MS 120
// Stick deflection (of 32767) below which the stick counts as centred.
#define INPUT_STICK_DEAD_ZONE 12000

// A short English name of an engine action ("confirm"), for logs and tests;
// "game" for the game's actions, "?" for others.
const char *input_action_name(InputAction action);

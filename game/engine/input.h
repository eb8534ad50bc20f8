#pragma once
// Input: keyboard, mouse, touch and game controllers all become the same
// abstract actions, plus pointer and text events for hit testing and name
// entry. No screen needs a particular device.
//
// Default bindings
//   action             keyboard               controller
//   UP/DOWN/LEFT/RIGHT arrow keys (repeat)    D-pad or left stick (dead zone, repeat)
//   CONFIRM            Enter, KP_Enter, Space A
//   BACK               Esc                    B
//   ANSWER_REAL        R                      X
//   ANSWER_FABRICATED  F                      Y
//   PAUSE              P                      Start
//   HELP               F1, H                  Back
//   SETTINGS           F2                     -        (every face button already has a job;
//                                                       the controller reaches Settings through
//                                                       the pause menu and the header)
//   MUTE               M                      -        (the engine toggles sound itself,
//                                                       then passes the action on)
//   NEXT / PREV        Tab / Shift+Tab (repeat) RB / LB  (focus forward / back)
// F11 and Alt+Enter toggle fullscreen in the engine and never reach scenes.
// While text input is active (engine_text_input_start), keys that produce
// text are text: only Enter (CONFIRM), Esc (BACK), the arrows, F1 (HELP),
// F2 (SETTINGS), Tab/Shift+Tab (NEXT/PREV) and Backspace (INPUT_TEXT_BACKSPACE) keep a meaning.
// Mouse events that SDL synthesises from touches (SDL_TOUCH_MOUSEID) are
// ignored: touches arrive once, as finger events, flagged from_touch.

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/view.h"

typedef enum InputAction {
  INPUT_ACTION_NONE,
  INPUT_ACTION_UP,
  INPUT_ACTION_DOWN,
  INPUT_ACTION_LEFT,
  INPUT_ACTION_RIGHT,
  INPUT_ACTION_CONFIRM,
  INPUT_ACTION_BACK,
  INPUT_ACTION_ANSWER_REAL,
  INPUT_ACTION_ANSWER_FABRICATED,
  INPUT_ACTION_PAUSE,
  INPUT_ACTION_HELP,
  INPUT_ACTION_MUTE,
  INPUT_ACTION_SETTINGS,  // added last so the values above keep their meaning
  INPUT_ACTION_NEXT,      // focus the next control (Tab)
  INPUT_ACTION_PREV,      // focus the previous control (Shift+Tab)
  INPUT_ACTION_COUNT,
} InputAction;

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

// Translation state (text input flag, held directions for repeat).
typedef struct Input Input;

// Owned by the caller; destroy with input_destroy().
Input *input_create(void);
void input_destroy(Input *input);

void input_set_text_active(Input *input, bool active);
bool input_text_active(const Input *input);

// Translates one SDL event into at most one InputEvent, using `view` for
// pointer coordinates and `now_ms` to start direction repeat. Returns false
// when the event means nothing to scenes (unbound key, synthetic touch-mouse
// event, F11/Alt+Enter, ...).
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

// A short English name of an action ("confirm"), for logs and tests.
const char *input_action_name(InputAction action);
// True for the fullscreen toggle chords (F11, Alt+Enter).
bool input_is_fullscreen_chord(const SDL_Event *sdl);

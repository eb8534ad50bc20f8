#include "engine/input.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"

typedef enum HeldSource {
  HELD_NONE,
  HELD_DPAD,
  HELD_STICK,
} HeldSource;

struct Input {
  bool text_active;
  // Controller direction held for repeat.
  HeldSource held_source;
  InputAction held_action;
  uint64_t next_repeat_ms;
  // Left stick position (SDL axis units), to find its direction.
  int stick_x, stick_y;
  // The finger that drives the pointer (others are ignored); valid when touch_down.
  SDL_FingerID finger;
  bool touch_down;
};

Input *input_create(void) {
  return xcalloc(1, sizeof(Input));
}

void input_destroy(Input *input) {
  free(input);
}

void input_set_text_active(Input *input, bool active) {
  input->text_active = active;
}

bool input_text_active(const Input *input) {
  return input->text_active;
}

bool input_is_fullscreen_chord(const SDL_Event *sdl) {
  if (sdl->type != SDL_KEYDOWN) {
    return false;
  }
  SDL_Keycode k = sdl->key.keysym.sym;
  return k == SDLK_F11 || ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && (sdl->key.keysym.mod & KMOD_ALT));
}

static bool is_direction(InputAction a) {
  return a == INPUT_ACTION_UP || a == INPUT_ACTION_DOWN || a == INPUT_ACTION_LEFT || a == INPUT_ACTION_RIGHT;
}

// Held keys repeat for moving around (arrows, Tab), never for commands.
static bool key_repeats(InputAction a) {
  return is_direction(a) || a == INPUT_ACTION_NEXT || a == INPUT_ACTION_PREV;
}

// Letters by the key's meaning in the user's layout (an AZERTY user presses
// the key labelled R), falling back to the physical key for layouts without
// Latin letters (Cyrillic, Arabic, ...).
static SDL_Keycode latin_key(const SDL_Keysym *ks) {
  SDL_Keycode k = ks->sym;
  if (k > 127 && !(k & SDLK_SCANCODE_MASK) && ks->scancode >= SDL_SCANCODE_A && ks->scancode <= SDL_SCANCODE_Z) {
    return (SDL_Keycode)('a' + (ks->scancode - SDL_SCANCODE_A));
  }
  return k;
}

static InputAction key_action(const SDL_Keysym *ks, bool text_active) {
  switch (ks->sym) {
  case SDLK_UP:
    return INPUT_ACTION_UP;
  case SDLK_DOWN:
    return INPUT_ACTION_DOWN;
  case SDLK_LEFT:
    return INPUT_ACTION_LEFT;
  case SDLK_RIGHT:
    return INPUT_ACTION_RIGHT;
  case SDLK_RETURN:
  case SDLK_KP_ENTER:
    return INPUT_ACTION_CONFIRM;
  case SDLK_ESCAPE:
    return INPUT_ACTION_BACK;
  case SDLK_F1:
    return INPUT_ACTION_HELP;
  case SDLK_F2:
    // An F-key produces no text, so like F1 it keeps its meaning in name entry.
    return INPUT_ACTION_SETTINGS;
  case SDLK_TAB:
    // Tab is no text either: it moves between a form's fields during entry.
    return (ks->mod & KMOD_SHIFT) ? INPUT_ACTION_PREV : INPUT_ACTION_NEXT;
  default:
    break;
  }
  // Everything below produces text, or is a shortcut that must not fire with
  // Ctrl/Alt/GUI held (Ctrl+R is not an answer).
  if (text_active || (ks->mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))) {
    return INPUT_ACTION_NONE;
  }
  switch (latin_key(ks)) {
  case SDLK_SPACE:
    return INPUT_ACTION_CONFIRM;
  case SDLK_r:
    return INPUT_ACTION_ANSWER_REAL;
  case SDLK_f:
    return INPUT_ACTION_ANSWER_FABRICATED;
  case SDLK_p:
    return INPUT_ACTION_PAUSE;
  case SDLK_h:
    return INPUT_ACTION_HELP;
  case SDLK_m:
    return INPUT_ACTION_MUTE;
  default:
    return INPUT_ACTION_NONE;
  }
}

static InputAction button_action(Uint8 button) {
  switch (button) {
  case SDL_CONTROLLER_BUTTON_A:
    return INPUT_ACTION_CONFIRM;
  case SDL_CONTROLLER_BUTTON_B:
    return INPUT_ACTION_BACK;
  case SDL_CONTROLLER_BUTTON_X:
    return INPUT_ACTION_ANSWER_REAL;
  case SDL_CONTROLLER_BUTTON_Y:
    return INPUT_ACTION_ANSWER_FABRICATED;
  case SDL_CONTROLLER_BUTTON_START:
    return INPUT_ACTION_PAUSE;
  case SDL_CONTROLLER_BUTTON_BACK:
    return INPUT_ACTION_HELP;
  case SDL_CONTROLLER_BUTTON_RIGHTSHOULDER:
    return INPUT_ACTION_NEXT;
  case SDL_CONTROLLER_BUTTON_LEFTSHOULDER:
    return INPUT_ACTION_PREV;
  case SDL_CONTROLLER_BUTTON_DPAD_UP:
    return INPUT_ACTION_UP;
  case SDL_CONTROLLER_BUTTON_DPAD_DOWN:
    return INPUT_ACTION_DOWN;
  case SDL_CONTROLLER_BUTTON_DPAD_LEFT:
    return INPUT_ACTION_LEFT;
  case SDL_CONTROLLER_BUTTON_DPAD_RIGHT:
    return INPUT_ACTION_RIGHT;
  default:
    return INPUT_ACTION_NONE;
  }
}

static InputAction stick_action(int x, int y) {
  int ax = abs(x), ay = abs(y);
  if (ax < INPUT_STICK_DEAD_ZONE && ay < INPUT_STICK_DEAD_ZONE) {
    return INPUT_ACTION_NONE;
  }
  if (ax > ay) {
    return x < 0 ? INPUT_ACTION_LEFT : INPUT_ACTION_RIGHT;
  }
  return y < 0 ? INPUT_ACTION_UP : INPUT_ACTION_DOWN;
}

static void hold(Input *input, HeldSource src, InputAction a, uint64_t now_ms) {
  input->held_source = src;
  input->held_action = a;
  input->next_repeat_ms = now_ms + INPUT_REPEAT_DELAY_MS;
}

static void action_event(InputEvent *out, InputDevice dev, InputAction a, bool repeat) {
  memset(out, 0, sizeof *out);
  out->type = INPUT_EVENT_ACTION;
  out->device = dev;
  out->action = a;
  out->repeat = repeat;
}

static void pointer_event(InputEvent *out, InputEventType type, InputDevice dev, const View *view, float wx, float wy,
                          int button) {
  memset(out, 0, sizeof *out);
  out->type = type;
  out->device = dev;
  out->from_touch = dev == INPUT_DEVICE_TOUCH;
  out->button = button;
  view_window_to_logical(view, wx, wy, &out->x, &out->y);
}

static bool translate_key(Input *input, const SDL_KeyboardEvent *key, InputEvent *out) {
  if (input->text_active && key->keysym.sym == SDLK_BACKSPACE) {
    memset(out, 0, sizeof *out);
    out->type = INPUT_EVENT_TEXT_BACKSPACE;
    out->device = INPUT_DEVICE_KEYBOARD;
    out->repeat = key->repeat != 0;
    return true;
  }
  InputAction a = key_action(&key->keysym, input->text_active);
  if (a == INPUT_ACTION_NONE || (key->repeat && !key_repeats(a))) {
    return false;
  }
  action_event(out, INPUT_DEVICE_KEYBOARD, a, key->repeat != 0);
  return true;
}

static bool translate_finger(Input *input, const SDL_TouchFingerEvent *f, const View *view, InputEvent *out) {
  InputEventType type;
  if (f->type == SDL_FINGERDOWN) {
    if (input->touch_down) {
      return false;  // a second finger: the pointer follows the first one
    }
    input->touch_down = true;
    input->finger = f->fingerId;
    type = INPUT_EVENT_POINTER_DOWN;
  } else {
    if (!input->touch_down || f->fingerId != input->finger) {
      return false;
    }
    if (f->type == SDL_FINGERUP) {
      input->touch_down = false;
      type = INPUT_EVENT_POINTER_UP;
    } else {
      type = INPUT_EVENT_POINTER_MOVE;
    }
  }
  // Finger positions are normalised to the window.
  pointer_event(out, type, INPUT_DEVICE_TOUCH, view, f->x * (float)view->win_w, f->y * (float)view->win_h, 1);
  return true;
}

bool input_translate(Input *input, const SDL_Event *sdl, const View *view, uint64_t now_ms, InputEvent *out) {
  switch (sdl->type) {
  case SDL_KEYDOWN:
    if (input_is_fullscreen_chord(sdl)) {
      return false;
    }
    return translate_key(input, &sdl->key, out);
  case SDL_TEXTINPUT:
    if (!input->text_active) {
      return false;
    }
    memset(out, 0, sizeof *out);
    out->type = INPUT_EVENT_TEXT;
    out->device = INPUT_DEVICE_KEYBOARD;
    str_copy(out->text, sizeof out->text, sdl->text.text);
    return true;
  case SDL_MOUSEMOTION:
    if (sdl->motion.which == SDL_TOUCH_MOUSEID) {
      return false;
    }
    pointer_event(out, INPUT_EVENT_POINTER_MOVE, INPUT_DEVICE_MOUSE, view, (float)sdl->motion.x, (float)sdl->motion.y,
                  0);
    return true;
  case SDL_MOUSEBUTTONDOWN:
  case SDL_MOUSEBUTTONUP:
    if (sdl->button.which == SDL_TOUCH_MOUSEID) {
      return false;
    }
    pointer_event(out, sdl->type == SDL_MOUSEBUTTONDOWN ? INPUT_EVENT_POINTER_DOWN : INPUT_EVENT_POINTER_UP,
                  INPUT_DEVICE_MOUSE, view, (float)sdl->button.x, (float)sdl->button.y, sdl->button.button);
    return true;
  case SDL_MOUSEWHEEL: {
    if (sdl->wheel.which == SDL_TOUCH_MOUSEID || sdl->wheel.preciseY == 0.0f) {
      return false;
    }
    memset(out, 0, sizeof *out);
    out->type = INPUT_EVENT_WHEEL;
    out->device = INPUT_DEVICE_MOUSE;
    out->wheel_y = sdl->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -sdl->wheel.preciseY : sdl->wheel.preciseY;
    return true;
  }
  case SDL_FINGERDOWN:
  case SDL_FINGERUP:
  case SDL_FINGERMOTION:
    return translate_finger(input, &sdl->tfinger, view, out);
  case SDL_CONTROLLERBUTTONDOWN: {
    InputAction a = button_action(sdl->cbutton.button);
    if (a == INPUT_ACTION_NONE) {
      return false;
    }
    if (is_direction(a)) {
      hold(input, HELD_DPAD, a, now_ms);
    }
    action_event(out, INPUT_DEVICE_CONTROLLER, a, false);
    return true;
  }
  case SDL_CONTROLLERBUTTONUP:
    if (input->held_source == HELD_DPAD && button_action(sdl->cbutton.button) == input->held_action) {
      input->held_source = HELD_NONE;
    }
    return false;
  case SDL_CONTROLLERAXISMOTION: {
    if (sdl->caxis.axis == SDL_CONTROLLER_AXIS_LEFTX) {
      input->stick_x = sdl->caxis.value;
    } else if (sdl->caxis.axis == SDL_CONTROLLER_AXIS_LEFTY) {
      input->stick_y = sdl->caxis.value;
    } else {
      return false;
    }
    InputAction a = stick_action(input->stick_x, input->stick_y);
    if (input->held_source == HELD_STICK && a == input->held_action) {
      return false;  // still pushed the same way: repeats come from input_poll_repeat
    }
    if (a == INPUT_ACTION_NONE) {
      if (input->held_source == HELD_STICK) {
        input->held_source = HELD_NONE;
      }
      return false;
    }
    hold(input, HELD_STICK, a, now_ms);
    action_event(out, INPUT_DEVICE_CONTROLLER, a, false);
    return true;
  }
  default:
    return false;
  }
}

bool input_poll_repeat(Input *input, uint64_t now_ms, InputEvent *out) {
  if (input->held_source == HELD_NONE || now_ms < input->next_repeat_ms) {
    return false;
  }
  input->next_repeat_ms += INPUT_REPEAT_INTERVAL_MS;
  // After a long stall (window dragged, debugger) do not fire a burst.
  if (input->next_repeat_ms < now_ms) {
    input->next_repeat_ms = now_ms + INPUT_REPEAT_INTERVAL_MS;
  }
  action_event(out, INPUT_DEVICE_CONTROLLER, input->held_action, true);
  return true;
}

bool input_repeat_pending(const Input *input) {
  return input->held_source != HELD_NONE;
}

const char *input_action_name(InputAction action) {
  static const char *const names[INPUT_ACTION_COUNT] = {
      "none",  "up",   "down", "left",     "right", "confirm",  "back", "answer-real", "answer-fabricated",
      "pause", "help", "mute", "settings", "next",  "previous",
  };
  if (action < 0 || action >= INPUT_ACTION_COUNT) {
    return "?";
  }
  return names[action];
}

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
  InputBinding *bindings;
  size_t nbindings;
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

static const InputBinding DEFAULT_BINDINGS[] = {
    {INPUT_DEVICE_KEYBOARD, SDLK_UP, 0, INPUT_ACTION_UP, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_DOWN, 0, INPUT_ACTION_DOWN, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_LEFT, 0, INPUT_ACTION_LEFT, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_RIGHT, 0, INPUT_ACTION_RIGHT, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_RETURN, 0, INPUT_ACTION_CONFIRM, "Enter"},
    {INPUT_DEVICE_KEYBOARD, SDLK_KP_ENTER, 0, INPUT_ACTION_CONFIRM, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_SPACE, 0, INPUT_ACTION_CONFIRM, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_ESCAPE, 0, INPUT_ACTION_BACK, "Esc"},
    {INPUT_DEVICE_KEYBOARD, SDLK_TAB, 0, INPUT_ACTION_NEXT, "Tab"},
    {INPUT_DEVICE_KEYBOARD, SDLK_TAB, INPUT_MOD_SHIFT, INPUT_ACTION_PREV, "Shift+Tab"},
    {INPUT_DEVICE_KEYBOARD, SDLK_F11, 0, INPUT_ACTION_FULLSCREEN, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_RETURN, INPUT_MOD_ALT, INPUT_ACTION_FULLSCREEN, "Alt+Enter"},
    {INPUT_DEVICE_KEYBOARD, SDLK_KP_ENTER, INPUT_MOD_ALT, INPUT_ACTION_FULLSCREEN, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_A, 0, INPUT_ACTION_CONFIRM, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_B, 0, INPUT_ACTION_BACK, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_UP, 0, INPUT_ACTION_UP, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_DOWN, 0, INPUT_ACTION_DOWN, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_LEFT, 0, INPUT_ACTION_LEFT, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, 0, INPUT_ACTION_RIGHT, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, 0, INPUT_ACTION_NEXT, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_LEFTSHOULDER, 0, INPUT_ACTION_PREV, NULL},
};

const InputBinding *input_default_bindings(size_t *count) {
  *count = sizeof DEFAULT_BINDINGS / sizeof DEFAULT_BINDINGS[0];
  return DEFAULT_BINDINGS;
}

Input *input_create(const InputBinding *bindings, size_t count) {
  Input *input = xcalloc(1, sizeof(Input));
  input_set_bindings(input, bindings, count);
  return input;
}

void input_destroy(Input *input) {
  if (!input) {
    return;
  }
  free(input->bindings);
  free(input);
}

void input_set_bindings(Input *input, const InputBinding *bindings, size_t count) {
  if (!bindings) {
    bindings = input_default_bindings(&count);
  }
  free(input->bindings);
  input->bindings = count ? xmalloc(count * sizeof *bindings) : NULL;
  if (count) {
    memcpy(input->bindings, bindings, count * sizeof *bindings);
  }
  input->nbindings = count;
  input->held_source = HELD_NONE;  // a held button may mean something else now
}

const InputBinding *input_find_binding(const Input *input, InputAction action, InputDevice device) {
  for (size_t i = 0; i < input->nbindings; i++) {
    if (input->bindings[i].action == action && input->bindings[i].device == device) {
      return &input->bindings[i];
    }
  }
  return NULL;
}

const char *input_key_label(const Input *input, InputAction action) {
  const InputBinding *b = input_find_binding(input, action, INPUT_DEVICE_KEYBOARD);
  if (!b) {
    return "";
  }
  return b->label ? b->label : SDL_GetKeyName((SDL_Keycode)b->code);
}

void input_set_text_active(Input *input, bool active) {
  input->text_active = active;
}

bool input_text_active(const Input *input) {
  return input->text_active;
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

// Keys that type a character: bound to an action only outside text input
// and without Ctrl/Alt/GUI (Tab, Enter, Esc, Backspace, F-keys are no text).
static bool key_is_text(SDL_Keycode k) {
  return !(k & SDLK_SCANCODE_MASK) && k >= SDLK_SPACE && k != SDLK_DELETE;
}

static unsigned held_mods(Uint16 mod) {
  unsigned m = 0;
  m |= (mod & KMOD_SHIFT) ? INPUT_MOD_SHIFT : 0;
  m |= (mod & KMOD_CTRL) ? INPUT_MOD_CTRL : 0;
  m |= (mod & KMOD_ALT) ? INPUT_MOD_ALT : 0;
  m |= (mod & KMOD_GUI) ? INPUT_MOD_GUI : 0;
  return m;
}

static int mod_count(unsigned m) {
  int n = 0;
  for (; m; m &= m - 1) {
    n++;
  }
  return n;
}

static InputAction key_action(const Input *input, const SDL_Keysym *ks) {
  SDL_Keycode k = latin_key(ks);
  bool text = key_is_text(k);
  if (text && input->text_active) {
    return INPUT_ACTION_NONE;
  }
  unsigned held = held_mods(ks->mod);
  InputAction best = INPUT_ACTION_NONE;
  int best_mods = -1;
  for (size_t i = 0; i < input->nbindings; i++) {
    const InputBinding *b = &input->bindings[i];
    if (b->device != INPUT_DEVICE_KEYBOARD || b->code != (int)k || (b->mods & held) != b->mods) {
      continue;
    }
    if (text && (held & ~b->mods & (INPUT_MOD_CTRL | INPUT_MOD_ALT | INPUT_MOD_GUI))) {
      continue;  // Ctrl+R is not R
    }
    if (mod_count(b->mods) > best_mods) {
      best = b->action;
      best_mods = mod_count(b->mods);
    }
  }
  return best;
}

static InputAction button_action(const Input *input, Uint8 button) {
  for (size_t i = 0; i < input->nbindings; i++) {
    if (input->bindings[i].device == INPUT_DEVICE_CONTROLLER && input->bindings[i].code == button) {
      return input->bindings[i].action;
    }
  }
  return INPUT_ACTION_NONE;
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
  InputAction a = key_action(input, &key->keysym);
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
    InputAction a = button_action(input, sdl->cbutton.button);
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
    if (input->held_source == HELD_DPAD && button_action(input, sdl->cbutton.button) == input->held_action) {
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
  static const char *const names[INPUT_ACTION_ENGINE_COUNT] = {
      "none", "up", "down", "left", "right", "confirm", "back", "next", "previous", "fullscreen",
  };
  if (action >= 0 && action < INPUT_ACTION_ENGINE_COUNT) {
    return names[action];
  }
  return action >= INPUT_ACTION_GAME_FIRST && action < INPUT_ACTION_MAX ? "game" : "?";
}

// Input: every device becomes the same actions; pointers map through the
// letterbox to logical units.
#include <math.h>
#include <string.h>

#include "engine_tests.h"

static void push_key(SDL_Keycode sym, SDL_Scancode sc, Uint16 mod) {
  SDL_Event ev = {.type = SDL_KEYDOWN};
  ev.key.keysym.sym = sym;
  ev.key.keysym.scancode = sc;
  ev.key.keysym.mod = mod;
  ev.key.state = SDL_PRESSED;
  assert_int_equal(SDL_PushEvent(&ev), 1);
}

static void push_button(Uint8 button) {
  SDL_Event ev = {.type = SDL_CONTROLLERBUTTONDOWN};
  ev.cbutton.button = button;
  ev.cbutton.state = SDL_PRESSED;
  assert_int_equal(SDL_PushEvent(&ev), 1);
}

// A game's actions and table, as a game would give them (EngineConfig):
// the engine itself knows none of these.
enum {
  T_REAL = INPUT_ACTION_GAME_FIRST,
  T_FAKE,
  T_PAUSE,
  T_HELP,
  T_MUTE,
  T_SETTINGS,
};

static const InputBinding T_BINDINGS[] = {
    {INPUT_DEVICE_KEYBOARD, SDLK_UP, 0, INPUT_ACTION_UP, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_DOWN, 0, INPUT_ACTION_DOWN, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_LEFT, 0, INPUT_ACTION_LEFT, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_RIGHT, 0, INPUT_ACTION_RIGHT, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_RETURN, 0, INPUT_ACTION_CONFIRM, "Enter"},
    {INPUT_DEVICE_KEYBOARD, SDLK_KP_ENTER, 0, INPUT_ACTION_CONFIRM, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_SPACE, 0, INPUT_ACTION_CONFIRM, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_ESCAPE, 0, INPUT_ACTION_BACK, "Esc"},
    {INPUT_DEVICE_KEYBOARD, SDLK_TAB, 0, INPUT_ACTION_NEXT, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_TAB, INPUT_MOD_SHIFT, INPUT_ACTION_PREV, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_r, 0, T_REAL, "R"},
    {INPUT_DEVICE_KEYBOARD, SDLK_f, 0, T_FAKE, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_p, 0, T_PAUSE, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_F1, 0, T_HELP, "F1"},
    {INPUT_DEVICE_KEYBOARD, SDLK_h, 0, T_HELP, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_F2, 0, T_SETTINGS, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_m, 0, T_MUTE, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_F11, 0, INPUT_ACTION_FULLSCREEN, NULL},
    {INPUT_DEVICE_KEYBOARD, SDLK_RETURN, INPUT_MOD_ALT, INPUT_ACTION_FULLSCREEN, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_A, 0, INPUT_ACTION_CONFIRM, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_B, 0, INPUT_ACTION_BACK, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_X, 0, T_REAL, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_Y, 0, T_FAKE, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_START, 0, T_PAUSE, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_BACK, 0, T_HELP, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_UP, 0, INPUT_ACTION_UP, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_DOWN, 0, INPUT_ACTION_DOWN, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_LEFT, 0, INPUT_ACTION_LEFT, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, 0, INPUT_ACTION_RIGHT, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, 0, INPUT_ACTION_NEXT, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_LEFTSHOULDER, 0, INPUT_ACTION_PREV, NULL},
};

static Engine *input_engine(DemoLog *log, const Clock *clock) {
  EngineConfig cfg = engine_config_default();
  cfg.title = "prebunk input test";
  cfg.app = log;
  cfg.clock = clock;
  cfg.on_unhandled_event = demo_unhandled;
  static const AudioCueSpec cue = {
      .name = "beep",
      .dur_s = 0.05,
      .peak = 3000,
      .notes = {{.dur_s = 0.05, .freq_hz = 440.0, .attack_s = 0.005, .decay_per_s = 1.0, .release_s = 0.01}},
      .nnotes = 1};
  cfg.cues = &cue;
  cfg.ncues = 1;
  cfg.bindings = T_BINDINGS;
  cfg.nbindings = sizeof T_BINDINGS / sizeof T_BINDINGS[0];
  Engine *e = test_engine_with(&cfg);
  engine_push_scene(e, &demo_scene, demo_create("input", DEMO_DRAW_NOTHING));
  engine_step(e);
  return e;
}

static void test_keys_map_to_actions(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = input_engine(&log, NULL);
  struct {
    SDL_Keycode sym;
    InputAction action;
  } keys[] = {
      {SDLK_UP, INPUT_ACTION_UP},
      {SDLK_DOWN, INPUT_ACTION_DOWN},
      {SDLK_LEFT, INPUT_ACTION_LEFT},
      {SDLK_RIGHT, INPUT_ACTION_RIGHT},
      {SDLK_RETURN, INPUT_ACTION_CONFIRM},
      {SDLK_KP_ENTER, INPUT_ACTION_CONFIRM},
      {SDLK_SPACE, INPUT_ACTION_CONFIRM},
      {SDLK_ESCAPE, INPUT_ACTION_BACK},
      {SDLK_r, T_REAL},
      {SDLK_f, T_FAKE},
      {SDLK_p, T_PAUSE},
      {SDLK_F1, T_HELP},
      {SDLK_h, T_HELP},
  };
  size_t n = sizeof keys / sizeof keys[0];
  for (size_t i = 0; i < n; i++) {
    push_key(keys[i].sym, SDL_SCANCODE_UNKNOWN, KMOD_NONE);
  }
  // Not actions: an unbound key, Ctrl+R, and F11 (fullscreen, engine only).
  push_key(SDLK_q, SDL_SCANCODE_Q, KMOD_NONE);
  push_key(SDLK_r, SDL_SCANCODE_R, KMOD_LCTRL);
  push_key(SDLK_F11, SDL_SCANCODE_F11, KMOD_NONE);
  engine_step(e);
  assert_int_equal(log.nevents, n);
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(log.events[i].type, INPUT_EVENT_ACTION);
    assert_int_equal(log.events[i].device, INPUT_DEVICE_KEYBOARD);
    if (log.events[i].action != keys[i].action) {
      fail_msg("key %zu gave %s, expected %s", i, input_action_name(log.events[i].action),
               input_action_name(keys[i].action));
    }
  }
  // F11 toggled fullscreen; Alt+Enter toggles back (and is not CONFIRM).
  assert_true(engine_is_fullscreen(e));
  push_key(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_LALT);
  engine_step(e);
  assert_false(engine_is_fullscreen(e));
  assert_int_equal(log.nevents, n);
  // A Cyrillic layout: the key in R's place still answers "real".
  push_key(0x440 /* U+0440 CYRILLIC SMALL LETTER ER */, SDL_SCANCODE_R, KMOD_NONE);
  engine_step(e);
  assert_int_equal(log.nevents, n + 1);
  assert_int_equal(log.events[n].action, T_REAL);
  engine_destroy(e);
}

// M is the MUTE action for the game to act on (its global keys): the engine
// itself gives it no meaning and leaves the sound alone.
static void test_mute_key_is_an_action_for_the_game(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = input_engine(&log, NULL);
  assert_true(engine_sound_on(e));
  push_key(SDLK_m, SDL_SCANCODE_M, KMOD_NONE);
  engine_step(e);
  assert_true(engine_sound_on(e));
  assert_int_equal(log.events[0].action, T_MUTE);
  engine_set_sound(e, false);
  uint64_t played = audio_cues_played(engine_audio(e));
  engine_play_sound(e, 0);
  assert_int_equal(audio_cues_played(engine_audio(e)), played);  // muted
  engine_set_sound(e, true);
  engine_play_sound(e, 0);
  assert_int_equal(audio_cues_played(engine_audio(e)), played + 1);
  engine_destroy(e);
}

static void assert_near(float a, float b) {
  if (fabsf(a - b) > 0.6f) {
    fail_msg("%f != %f", (double)a, (double)b);
  }
}

static void click(int x, int y) {
  SDL_Event down = {.type = SDL_MOUSEBUTTONDOWN};
  down.button.x = x;
  down.button.y = y;
  down.button.button = SDL_BUTTON_LEFT;
  down.button.which = 0;
  SDL_PushEvent(&down);
  SDL_Event up = down;
  up.type = SDL_MOUSEBUTTONUP;
  SDL_PushEvent(&up);
}

static void test_mouse_maps_onto_any_canvas_shape(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = input_engine(&log, NULL);
  struct {
    int w, h;      // window size
    int x, y;      // click in window coordinates
    float lx, ly;  // expected logical point
  } cases[] = {
      {1280, 720, 640, 360, 960, 540},          {1280, 720, 0, 0, 0, 0},
      {1920, 1080, 1919, 1079, 1919, 1079},     {1000, 1000, 500, 500, 720, 720},  // square: canvas 1440x1440, no bars
      {2000, 720, 1000, 360, 1500, 540},                                           // wide: canvas 3000x1080, no bars
      {1024, 768, 1023, 767, 1438.6f, 1078.6f},                                    // 4:3: canvas 1440x1080
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    engine_set_window_size(e, cases[i].w, cases[i].h);
    engine_step(e);
    log.nevents = 0;
    click(cases[i].x, cases[i].y);
    engine_step(e);
    assert_int_equal(log.nevents, 2);
    assert_int_equal(log.events[0].type, INPUT_EVENT_POINTER_DOWN);
    assert_int_equal(log.events[1].type, INPUT_EVENT_POINTER_UP);
    assert_int_equal(log.events[0].button, 1);
    assert_false(log.events[0].from_touch);
    assert_near(log.events[0].x, cases[i].lx);
    assert_near(log.events[0].y, cases[i].ly);
    float lx, ly;
    engine_window_to_logical(e, (float)cases[i].x, (float)cases[i].y, &lx, &ly);
    assert_near(lx, cases[i].lx);
  }
  // The window size to remember follows the resizes.
  int w, h;
  engine_window_size(e, &w, &h);
  assert_int_equal(w, 1024);
  assert_int_equal(h, 768);
  engine_destroy(e);
}

static void test_touch_and_synthetic_mouse(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = input_engine(&log, NULL);
  SDL_Event f = {.type = SDL_FINGERDOWN};
  f.tfinger.fingerId = 7;
  f.tfinger.x = 0.5f;
  f.tfinger.y = 0.25f;
  SDL_PushEvent(&f);
  // The mouse event SDL makes from that touch: ignored.
  SDL_Event m = {.type = SDL_MOUSEBUTTONDOWN};
  m.button.which = SDL_TOUCH_MOUSEID;
  m.button.button = SDL_BUTTON_LEFT;
  m.button.x = 640;
  m.button.y = 180;
  SDL_PushEvent(&m);
  // A second finger does not move the pointer.
  SDL_Event f2 = f;
  f2.tfinger.fingerId = 8;
  SDL_PushEvent(&f2);
  SDL_Event fu = f;
  fu.type = SDL_FINGERUP;
  SDL_PushEvent(&fu);
  engine_step(e);
  assert_int_equal(log.nevents, 2);
  assert_int_equal(log.events[0].type, INPUT_EVENT_POINTER_DOWN);
  assert_true(log.events[0].from_touch);
  assert_int_equal(log.events[0].device, INPUT_DEVICE_TOUCH);
  assert_near(log.events[0].x, 960);
  assert_near(log.events[0].y, 270);
  assert_int_equal(log.events[1].type, INPUT_EVENT_POINTER_UP);
  engine_destroy(e);
}

static void test_controller_buttons_and_repeat(void **state) {
  (void)state;
  DemoLog log = {0};
  Clock clock = clock_manual(0);
  Engine *e = input_engine(&log, &clock);
  Uint8 buttons[] = {SDL_CONTROLLER_BUTTON_A,      SDL_CONTROLLER_BUTTON_B,     SDL_CONTROLLER_BUTTON_X,
                     SDL_CONTROLLER_BUTTON_Y,      SDL_CONTROLLER_BUTTON_START, SDL_CONTROLLER_BUTTON_BACK,
                     SDL_CONTROLLER_BUTTON_DPAD_UP};
  InputAction want[] = {INPUT_ACTION_CONFIRM, INPUT_ACTION_BACK, T_REAL, T_FAKE, T_PAUSE, T_HELP, INPUT_ACTION_UP};
  for (size_t i = 0; i < sizeof buttons; i++) {
    push_button(buttons[i]);
  }
  engine_step(e);
  assert_int_equal(log.nevents, sizeof buttons);
  for (size_t i = 0; i < sizeof buttons; i++) {
    assert_int_equal(log.events[i].device, INPUT_DEVICE_CONTROLLER);
    assert_int_equal(log.events[i].action, want[i]);
  }
  // D-pad up is still held: repeats after the delay, then at the interval.
  log.nevents = 0;
  clock_advance(&clock, INPUT_REPEAT_DELAY_MS - 1);
  engine_step(e);
  assert_int_equal(log.nevents, 0);
  clock_advance(&clock, 1);
  engine_step(e);
  assert_int_equal(log.nevents, 1);
  assert_true(log.events[0].repeat);
  assert_int_equal(log.events[0].action, INPUT_ACTION_UP);
  clock_advance(&clock, INPUT_REPEAT_INTERVAL_MS);
  engine_step(e);
  assert_int_equal(log.nevents, 2);
  SDL_Event up = {.type = SDL_CONTROLLERBUTTONUP};
  up.cbutton.button = SDL_CONTROLLER_BUTTON_DPAD_UP;
  SDL_PushEvent(&up);
  clock_advance(&clock, 1000);
  engine_step(e);
  assert_int_equal(log.nevents, 2);  // released: no more repeats

  // Left stick: a small push is inside the dead zone; a full push is RIGHT.
  log.nevents = 0;
  SDL_Event ax = {.type = SDL_CONTROLLERAXISMOTION};
  ax.caxis.axis = SDL_CONTROLLER_AXIS_LEFTX;
  ax.caxis.value = 5000;
  SDL_PushEvent(&ax);
  engine_step(e);
  assert_int_equal(log.nevents, 0);
  ax.caxis.value = 30000;
  SDL_PushEvent(&ax);
  ax.caxis.value = 31000;  // still right: no second action
  SDL_PushEvent(&ax);
  engine_step(e);
  assert_int_equal(log.nevents, 1);
  assert_int_equal(log.events[0].action, INPUT_ACTION_RIGHT);
  ax.caxis.value = 0;
  SDL_PushEvent(&ax);
  clock_advance(&clock, 1000);
  engine_step(e);
  assert_int_equal(log.nevents, 1);
  engine_destroy(e);
}

static void test_text_input_suppresses_letter_actions(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = input_engine(&log, NULL);
  engine_text_input_start(e);
  assert_true(engine_text_input_active(e));
  push_key(SDLK_r, SDL_SCANCODE_R, KMOD_NONE);
  push_key(SDLK_m, SDL_SCANCODE_M, KMOD_NONE);
  push_key(SDLK_SPACE, SDL_SCANCODE_SPACE, KMOD_NONE);
  SDL_Event t = {.type = SDL_TEXTINPUT};
  strcpy(t.text.text, "r\xC3\xA9");  // "ré"
  assert_int_equal(SDL_PushEvent(&t), 1);
  push_key(SDLK_BACKSPACE, SDL_SCANCODE_BACKSPACE, KMOD_NONE);
  push_key(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE);
  push_key(SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, KMOD_NONE);
  push_key(SDLK_F1, SDL_SCANCODE_F1, KMOD_NONE);
  engine_step(e);
  assert_true(engine_sound_on(e));  // M was text, not mute
  assert_int_equal(log.nevents, 5);
  assert_int_equal(log.events[0].type, INPUT_EVENT_TEXT);
  assert_string_equal(log.events[0].text, "r\xC3\xA9");
  assert_int_equal(log.events[1].type, INPUT_EVENT_TEXT_BACKSPACE);
  assert_int_equal(log.events[2].action, INPUT_ACTION_CONFIRM);
  assert_int_equal(log.events[3].action, INPUT_ACTION_BACK);
  assert_int_equal(log.events[4].action, T_HELP);
  // Stopped: letters are actions again.
  engine_text_input_stop(e);
  log.nevents = 0;
  push_key(SDLK_r, SDL_SCANCODE_R, KMOD_NONE);
  engine_step(e);
  assert_int_equal(log.nevents, 1);
  assert_int_equal(log.events[0].action, T_REAL);
  engine_destroy(e);
}

// F2 opens the settings from every screen, also while a name is being typed
// (an F-key is never text); no controller button is taken from its job.
static void test_f2_is_settings_even_in_text_input(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = input_engine(&log, NULL);
  push_key(SDLK_F2, SDL_SCANCODE_F2, KMOD_NONE);
  engine_step(e);
  assert_int_equal(log.nevents, 1);
  assert_int_equal(log.events[0].type, INPUT_EVENT_ACTION);
  assert_int_equal(log.events[0].device, INPUT_DEVICE_KEYBOARD);
  assert_int_equal(log.events[0].action, T_SETTINGS);
  assert_string_equal(input_action_name(T_SETTINGS), "game");
  engine_text_input_start(e);
  push_key(SDLK_s, SDL_SCANCODE_S, KMOD_NONE);  // a letter is text, not a shortcut
  push_key(SDLK_F2, SDL_SCANCODE_F2, KMOD_NONE);
  engine_step(e);
  assert_int_equal(log.nevents, 2);
  assert_int_equal(log.events[1].action, T_SETTINGS);
  engine_text_input_stop(e);
  // Held F2 (key repeat) does not open it again and again.
  SDL_Event rep = {.type = SDL_KEYDOWN};
  rep.key.keysym.sym = SDLK_F2;
  rep.key.keysym.scancode = SDL_SCANCODE_F2;
  rep.key.repeat = 1;
  SDL_PushEvent(&rep);
  engine_step(e);
  assert_int_equal(log.nevents, 2);
  // Every controller button keeps its own action: none of them is SETTINGS.
  for (int b = 0; b < SDL_CONTROLLER_BUTTON_MAX; b++) {
    push_button((Uint8)b);
  }
  engine_step(e);
  assert_true(log.nevents > 2 + 4);  // A, B, X, Y, Start, Back, the D-pad... all arrived
  for (size_t i = 2; i < log.nevents; i++) {
    assert_int_not_equal(log.events[i].action, T_SETTINGS);
  }
  engine_destroy(e);
}

// Tab moves the focus forward, Shift+Tab back, also while a name is typed
// (a form's fields); the shoulder buttons do the same on a controller.
static void test_tab_and_shift_tab_move_focus(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = input_engine(&log, NULL);
  push_key(SDLK_TAB, SDL_SCANCODE_TAB, KMOD_NONE);
  push_key(SDLK_TAB, SDL_SCANCODE_TAB, KMOD_LSHIFT);
  push_key(SDLK_TAB, SDL_SCANCODE_TAB, KMOD_RSHIFT | KMOD_CAPS);
  push_button(SDL_CONTROLLER_BUTTON_RIGHTSHOULDER);
  push_button(SDL_CONTROLLER_BUTTON_LEFTSHOULDER);
  engine_text_input_start(e);
  push_key(SDLK_TAB, SDL_SCANCODE_TAB, KMOD_NONE);
  push_key(SDLK_TAB, SDL_SCANCODE_TAB, KMOD_SHIFT);
  engine_step(e);
  InputAction want[] = {INPUT_ACTION_NEXT, INPUT_ACTION_PREV, INPUT_ACTION_PREV, INPUT_ACTION_NEXT,
                        INPUT_ACTION_PREV, INPUT_ACTION_NEXT, INPUT_ACTION_PREV};
  assert_int_equal(log.nevents, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < log.nevents; i++) {
    assert_int_equal(log.events[i].type, INPUT_EVENT_ACTION);
    assert_int_equal(log.events[i].action, want[i]);
  }
  assert_string_equal(input_action_name(INPUT_ACTION_NEXT), "next");
  assert_string_equal(input_action_name(INPUT_ACTION_PREV), "previous");
  // A held Tab walks on through the fields, like a held arrow.
  SDL_Event rep = {.type = SDL_KEYDOWN};
  rep.key.keysym.sym = SDLK_TAB;
  rep.key.keysym.scancode = SDL_SCANCODE_TAB;
  rep.key.repeat = 1;
  SDL_PushEvent(&rep);
  engine_step(e);
  assert_int_equal(log.nevents, sizeof want / sizeof want[0] + 1);
  assert_true(log.events[log.nevents - 1].repeat);
  assert_int_equal(log.events[log.nevents - 1].action, INPUT_ACTION_NEXT);
  engine_destroy(e);
}

// The table is the game's: a key it rebinds answers, the old key no longer
// does, and the key hints follow at once.
static void test_rebinding_and_key_labels(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = input_engine(&log, NULL);
  assert_string_equal(engine_key_label(e, T_REAL), "R");
  assert_string_equal(engine_key_label(e, T_HELP), "F1");  // the first key bound (F1, then H)
  assert_string_equal(engine_key_label(e, T_PAUSE), "P");  // no label given: SDL's key name
  assert_string_equal(engine_key_label(e, T_MUTE + 100), "");
  InputBinding rebound[sizeof T_BINDINGS / sizeof T_BINDINGS[0]];
  memcpy(rebound, T_BINDINGS, sizeof rebound);
  for (size_t i = 0; i < sizeof rebound / sizeof rebound[0]; i++) {
    if (rebound[i].action == T_REAL && rebound[i].device == INPUT_DEVICE_KEYBOARD) {
      rebound[i].code = SDLK_t;
      rebound[i].label = NULL;
    }
    if (rebound[i].action == T_HELP && rebound[i].code == SDLK_F1) {
      rebound[i].code = SDLK_F3;
      rebound[i].label = "F3";
    }
  }
  engine_set_bindings(e, rebound, sizeof rebound / sizeof rebound[0]);
  assert_string_equal(engine_key_label(e, T_REAL), "T");
  assert_string_equal(engine_key_label(e, T_HELP), "F3");
  push_key(SDLK_r, SDL_SCANCODE_R, KMOD_NONE);
  push_key(SDLK_t, SDL_SCANCODE_T, KMOD_NONE);
  push_key(SDLK_F1, SDL_SCANCODE_F1, KMOD_NONE);
  push_key(SDLK_F3, SDL_SCANCODE_F3, KMOD_NONE);
  engine_step(e);
  assert_int_equal(log.nevents, 2);
  assert_int_equal(log.events[0].action, T_REAL);
  assert_int_equal(log.events[1].action, T_HELP);
  // A chord: Ctrl+S bound to settings fires with Ctrl, plain S stays unbound.
  InputBinding chord = {INPUT_DEVICE_KEYBOARD, SDLK_s, INPUT_MOD_CTRL, T_SETTINGS, "Ctrl+S"};
  engine_set_bindings(e, &chord, 1);
  push_key(SDLK_s, SDL_SCANCODE_S, KMOD_NONE);
  push_key(SDLK_s, SDL_SCANCODE_S, KMOD_RCTRL);
  push_key(SDLK_s, SDL_SCANCODE_S, KMOD_RCTRL | KMOD_LALT);  // more than the chord: not it
  push_key(SDLK_TAB, SDL_SCANCODE_TAB, KMOD_NONE);           // no longer in the table
  engine_step(e);
  assert_int_equal(log.nevents, 3);
  assert_int_equal(log.events[2].action, T_SETTINGS);
  assert_string_equal(engine_key_label(e, T_SETTINGS), "Ctrl+S");
  assert_string_equal(engine_key_label(e, INPUT_ACTION_NEXT), "");
  engine_destroy(e);
}

// Without a table from the game the engine binds only generic navigation:
// letters mean nothing, the arrows, Enter, Esc, Tab and F11 do.
static void test_default_bindings_are_navigation_only(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = test_engine_new(&log, NULL);
  engine_push_scene(e, &demo_scene, demo_create("input", DEMO_DRAW_NOTHING));
  engine_step(e);
  push_key(SDLK_r, SDL_SCANCODE_R, KMOD_NONE);
  push_key(SDLK_F1, SDL_SCANCODE_F1, KMOD_NONE);
  push_key(SDLK_m, SDL_SCANCODE_M, KMOD_NONE);
  push_key(SDLK_UP, SDL_SCANCODE_UP, KMOD_NONE);
  push_key(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE);
  push_key(SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, KMOD_NONE);
  push_key(SDLK_TAB, SDL_SCANCODE_TAB, KMOD_SHIFT);
  push_button(SDL_CONTROLLER_BUTTON_X);
  push_key(SDLK_F11, SDL_SCANCODE_F11, KMOD_NONE);
  engine_step(e);
  InputAction want[] = {INPUT_ACTION_UP, INPUT_ACTION_CONFIRM, INPUT_ACTION_BACK, INPUT_ACTION_PREV};
  assert_int_equal(log.nevents, 4);
  for (size_t i = 0; i < 4; i++) {
    assert_int_equal(log.events[i].action, want[i]);
    assert_true(log.events[i].action < INPUT_ACTION_ENGINE_COUNT);
  }
  assert_true(engine_is_fullscreen(e));
  assert_string_equal(engine_key_label(e, INPUT_ACTION_BACK), "Esc");
  assert_string_equal(engine_key_label(e, INPUT_ACTION_PREV), "Shift+Tab");
  engine_destroy(e);
}

int run_input_tests(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_keys_map_to_actions),
      cmocka_unit_test(test_mute_key_is_an_action_for_the_game),
      cmocka_unit_test(test_mouse_maps_onto_any_canvas_shape),
      cmocka_unit_test(test_touch_and_synthetic_mouse),
      cmocka_unit_test(test_controller_buttons_and_repeat),
      cmocka_unit_test(test_text_input_suppresses_letter_actions),
      cmocka_unit_test(test_f2_is_settings_even_in_text_input),
      cmocka_unit_test(test_tab_and_shift_tab_move_focus),
      cmocka_unit_test(test_rebinding_and_key_labels),
      cmocka_unit_test(test_default_bindings_are_navigation_only),
  };
  return cmocka_run_group_tests_name("input", tests, NULL, NULL);
}

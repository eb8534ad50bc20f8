#pragma once
// What the game tells the engine: its actions and the keys and buttons bound
// to them (engine/input.h), for EngineConfig and for key hints on screen,
// and its sound cues (engine/audio.h).
// The engine knows only generic navigation; answering, pausing, help,
// settings and sound are the game's meaning.
//
// Default bindings
//   action             keyboard               controller
//   UP/DOWN/LEFT/RIGHT arrow keys (repeat)    D-pad or left stick (dead zone, repeat)
//   CONFIRM            Enter, KP_Enter, Space A
//   BACK               Esc                    B
//   NEXT / PREV        Tab / Shift+Tab        RB / LB  (focus forward / back)
//   ANSWER_REAL        R                      X
//   ANSWER_FABRICATED  F                      Y
//   PAUSE              P                      Start
//   HELP               F1, H                  Back
//   SETTINGS           F2                     -        (every face button already has a job;
//                                                       the controller reaches Settings through
//                                                       the pause menu and the header)
//   MUTE               M                      -        (app_global_event toggles the sound)
//   FULLSCREEN         F11, Alt+Enter         -        (the engine acts on it; scenes never see it)
//   PAGE_UP/PAGE_DOWN  PageUp / PageDown      -        (scroll views, ui_scroll.h)
//   HOME / END         Home / End             -        (scroll views: top / bottom)
//   CHOICE_1 .. 3      1 2 3 (and keypad)     -        (the feedback's taps; the controller
//                                                       moves to a choice and presses A)
// F1 and F2 are no text, so they keep their meaning while a name is typed.

#include <stddef.h>

#include "engine/engine.h"

// The game's actions (the scenes use these names).
enum {
  INPUT_ACTION_ANSWER_REAL = INPUT_ACTION_GAME_FIRST,
  INPUT_ACTION_ANSWER_FABRICATED,
  INPUT_ACTION_PAUSE,
  INPUT_ACTION_HELP,
  INPUT_ACTION_MUTE,
  INPUT_ACTION_SETTINGS,
  INPUT_ACTION_PAGE_UP,    // scroll views: most of a viewport up
  INPUT_ACTION_PAGE_DOWN,  // ... down
  INPUT_ACTION_HOME,       // ... to the top
  INPUT_ACTION_END,        // ... to the bottom
  INPUT_ACTION_CHOICE_1,   // the first of three choices (the confidence tap, "Which technique?")
  INPUT_ACTION_CHOICE_2,   // ... the second
  INPUT_ACTION_CHOICE_3,   // ... the third
  GAME_ACTION_END,
};

// The game's sound cues (indices into game_cues()).
enum {
  SOUND_CUE_CORRECT,  // a bright rising two-note chime
  SOUND_CUE_WRONG,    // a soft low tone, not punishing
  SOUND_CUE_TICK,     // a short click for the last seconds of a countdown
  SOUND_CUE_COUNT,
};

// The cue table for EngineConfig.cues (static), SOUND_CUE_COUNT entries.
const AudioCueSpec *game_cues(size_t *count);

// The fonts shipped in assets/fonts (static), `*count` entries: DejaVu Sans
// (Latin, Greek, Cyrillic, Hebrew) and Noto Sans Arabic, regular and bold.
const EngineFont *game_fonts(size_t *count);

// The default table above (static), `*count` entries.
const InputBinding *game_bindings(size_t *count);

// A short English name of any action ("answer-real", "confirm"), for logs and tests.
const char *game_action_name(InputAction action);

// The key hint for `action` in the interface language: the label of the first
// key bound to it now ("R", "Esc", "F1"), translated; "" when no key is bound.
// Borrowed (a translation or SDL's key name: use it before the next call).
const char *game_key_hint(const Engine *engine, InputAction action);

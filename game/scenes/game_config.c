#include "scenes/game_config.h"

#include <SDL.h>

#include "base/i18n.h"

// Labels are marked for translation: a hint reads "Échap" in French.
static const InputBinding BINDINGS[] = {
    {INPUT_DEVICE_KEYBOARD, SDLK_UP, 0, INPUT_ACTION_UP, N_("Up")},
    {INPUT_DEVICE_KEYBOARD, SDLK_DOWN, 0, INPUT_ACTION_DOWN, N_("Down")},
    {INPUT_DEVICE_KEYBOARD, SDLK_LEFT, 0, INPUT_ACTION_LEFT, N_("Left")},
    {INPUT_DEVICE_KEYBOARD, SDLK_RIGHT, 0, INPUT_ACTION_RIGHT, N_("Right")},
    {INPUT_DEVICE_KEYBOARD, SDLK_RETURN, 0, INPUT_ACTION_CONFIRM, N_("Enter")},
    {INPUT_DEVICE_KEYBOARD, SDLK_KP_ENTER, 0, INPUT_ACTION_CONFIRM, N_("Enter")},
    {INPUT_DEVICE_KEYBOARD, SDLK_SPACE, 0, INPUT_ACTION_CONFIRM, N_("Space")},
    {INPUT_DEVICE_KEYBOARD, SDLK_ESCAPE, 0, INPUT_ACTION_BACK, N_("Esc")},
    {INPUT_DEVICE_KEYBOARD, SDLK_TAB, 0, INPUT_ACTION_NEXT, N_("Tab")},
    {INPUT_DEVICE_KEYBOARD, SDLK_TAB, INPUT_MOD_SHIFT, INPUT_ACTION_PREV, N_("Shift+Tab")},
    {INPUT_DEVICE_KEYBOARD, SDLK_r, 0, INPUT_ACTION_ANSWER_REAL, N_("R")},
    {INPUT_DEVICE_KEYBOARD, SDLK_f, 0, INPUT_ACTION_ANSWER_FABRICATED, N_("F")},
    {INPUT_DEVICE_KEYBOARD, SDLK_p, 0, INPUT_ACTION_PAUSE, N_("P")},
    {INPUT_DEVICE_KEYBOARD, SDLK_F1, 0, INPUT_ACTION_HELP, N_("F1")},
    {INPUT_DEVICE_KEYBOARD, SDLK_h, 0, INPUT_ACTION_HELP, N_("H")},
    {INPUT_DEVICE_KEYBOARD, SDLK_F2, 0, INPUT_ACTION_SETTINGS, N_("F2")},
    {INPUT_DEVICE_KEYBOARD, SDLK_m, 0, INPUT_ACTION_MUTE, N_("M")},
    {INPUT_DEVICE_KEYBOARD, SDLK_PAGEUP, 0, INPUT_ACTION_PAGE_UP, N_("Page Up")},
    {INPUT_DEVICE_KEYBOARD, SDLK_PAGEDOWN, 0, INPUT_ACTION_PAGE_DOWN, N_("Page Down")},
    {INPUT_DEVICE_KEYBOARD, SDLK_HOME, 0, INPUT_ACTION_HOME, N_("Home")},
    {INPUT_DEVICE_KEYBOARD, SDLK_END, 0, INPUT_ACTION_END, N_("End")},
    {INPUT_DEVICE_KEYBOARD, SDLK_1, 0, INPUT_ACTION_CHOICE_1, N_("1")},
    {INPUT_DEVICE_KEYBOARD, SDLK_2, 0, INPUT_ACTION_CHOICE_2, N_("2")},
    {INPUT_DEVICE_KEYBOARD, SDLK_3, 0, INPUT_ACTION_CHOICE_3, N_("3")},
    {INPUT_DEVICE_KEYBOARD, SDLK_KP_1, 0, INPUT_ACTION_CHOICE_1, N_("1")},
    {INPUT_DEVICE_KEYBOARD, SDLK_KP_2, 0, INPUT_ACTION_CHOICE_2, N_("2")},
    {INPUT_DEVICE_KEYBOARD, SDLK_KP_3, 0, INPUT_ACTION_CHOICE_3, N_("3")},
    {INPUT_DEVICE_KEYBOARD, SDLK_F11, 0, INPUT_ACTION_FULLSCREEN, N_("F11")},
    {INPUT_DEVICE_KEYBOARD, SDLK_RETURN, INPUT_MOD_ALT, INPUT_ACTION_FULLSCREEN, N_("Alt+Enter")},
    {INPUT_DEVICE_KEYBOARD, SDLK_KP_ENTER, INPUT_MOD_ALT, INPUT_ACTION_FULLSCREEN, N_("Alt+Enter")},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_A, 0, INPUT_ACTION_CONFIRM, N_("A")},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_B, 0, INPUT_ACTION_BACK, N_("B")},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_X, 0, INPUT_ACTION_ANSWER_REAL, N_("X")},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_Y, 0, INPUT_ACTION_ANSWER_FABRICATED, N_("Y")},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_START, 0, INPUT_ACTION_PAUSE, N_("Start")},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_BACK, 0, INPUT_ACTION_HELP, N_("Back")},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_UP, 0, INPUT_ACTION_UP, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_DOWN, 0, INPUT_ACTION_DOWN, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_LEFT, 0, INPUT_ACTION_LEFT, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, 0, INPUT_ACTION_RIGHT, NULL},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, 0, INPUT_ACTION_NEXT, N_("RB")},
    {INPUT_DEVICE_CONTROLLER, SDL_CONTROLLER_BUTTON_LEFTSHOULDER, 0, INPUT_ACTION_PREV, N_("LB")},
};

static const AudioCueSpec CUES[SOUND_CUE_COUNT] = {
    // A5 then E6 (a rising fifth): bright, friendly.
    [SOUND_CUE_CORRECT] = {.name = "correct",
                           .dur_s = 0.55,
                           .peak = 10000,
                           .notes = {{.start_s = 0.0,
                                      .dur_s = 0.20,
                                      .freq_hz = 880.0,
                                      .attack_s = 0.005,
                                      .decay_per_s = 14.0,
                                      .release_s = 0.01,
                                      .harmonic = 0.25},
                                     {.start_s = 0.11,
                                      .dur_s = 0.44,
                                      .freq_hz = 1318.5,
                                      .attack_s = 0.005,
                                      .decay_per_s = 7.0,
                                      .release_s = 0.01,
                                      .harmonic = 0.25}},
                           .nnotes = 2},
    // A low tone gliding gently down (G3 -> E3), soft attack, no harmonics;
    // softer: a wrong answer is information, not a punishment.
    [SOUND_CUE_WRONG] = {.name = "wrong",
                         .dur_s = 0.35,
                         .peak = 7000,
                         .notes = {{.start_s = 0.0,
                                    .dur_s = 0.35,
                                    .freq_hz = 196.0,
                                    .end_freq_hz = 165.0,
                                    .attack_s = 0.02,
                                    .decay_per_s = 6.0,
                                    .release_s = 0.02}},
                         .nnotes = 1},
    [SOUND_CUE_TICK] = {.name = "tick",
                        .dur_s = 0.03,
                        .peak = 6000,
                        .notes = {{.start_s = 0.0,
                                   .dur_s = 0.03,
                                   .freq_hz = 2000.0,
                                   .attack_s = 0.001,
                                   .decay_per_s = 160.0,
                                   .release_s = 0.01}},
                        .nnotes = 1},
};

static const EngineFont FONTS[] = {
    {"DejaVuSans.ttf", false, NULL},
    {"DejaVuSans-Bold.ttf", true, NULL},
    {"NotoSansArabic-Regular.ttf", false, "Arab"},
    {"NotoSansArabic-Bold.ttf", true, "Arab"},
};

const EngineFont *game_fonts(size_t *count) {
  *count = sizeof FONTS / sizeof FONTS[0];
  return FONTS;
}

const AudioCueSpec *game_cues(size_t *count) {
  *count = SOUND_CUE_COUNT;
  return CUES;
}

const InputBinding *game_bindings(size_t *count) {
  *count = sizeof BINDINGS / sizeof BINDINGS[0];
  return BINDINGS;
}

const char *game_action_name(InputAction action) {
  static const char *const names[] = {
      "answer-real", "answer-fabricated", "pause",    "help",     "mute", "settings", "page-up", "page-down", "home",
      "end",         "choice-1",          "choice-2", "choice-3",
  };
  if (action >= INPUT_ACTION_GAME_FIRST && action < GAME_ACTION_END) {
    return names[action - INPUT_ACTION_GAME_FIRST];
  }
  return input_action_name(action);
}

const char *game_key_hint(const Engine *engine, InputAction action) {
  const char *label = engine_key_label(engine, action);
  return *label ? _(label) : label;
}

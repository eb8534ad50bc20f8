#pragma once
// The player's settings: a plain struct, read from and written to
// <data folder>/settings.ini (INI, parsed with libinih). Writing is atomic
// (fs_write_atomic), so a crash leaves the old or the new file. Unknown keys
// are ignored; a bad value is reset to its default with a log warning, never
// an error for the player. No SDL here.
//
// settings.ini:
//   [round]
//   seconds = 20          ; 5..120, "off" (no time limit) or "pack" (the pack's choice)
//   questions = 10        ; 1..SETTINGS_QUESTIONS_MAX or "pack"
//   speed_bonus = false  ; off by default: speed must not beat care
//   confidence_tap = true ; "How sure are you?" before each verdict (optional for the player anyway)
//   [display]
//   text_size = normal    ; normal (1x), large (1.25x), larger (1.5x), very_large (1.75x), largest (2x)
//   high_contrast = false
//   reduced_motion = false
//   fullscreen = false
//   window_width = 1280   ; windowed size, remembered on exit
//   window_height = 720
//   [sound]
//   enabled = true

#include <stdbool.h>

#include "quiz/pack.h"
#include "quiz/round.h"

#define SETTINGS_FILE_NAME "settings.ini"
// seconds_per_question: no time limit.
#define SETTINGS_SECONDS_OFF 0
// seconds_per_question / questions: use what the pack asks for (or the
// round defaults when the pack says nothing).
#define SETTINGS_FROM_PACK (-1)
#define SETTINGS_QUESTIONS_MAX 100
#define SETTINGS_WINDOW_MIN_W 320
#define SETTINGS_WINDOW_MIN_H 240
#define SETTINGS_WINDOW_MAX 16384

typedef enum SettingsTextSize {
  SETTINGS_TEXT_NORMAL,
  SETTINGS_TEXT_LARGE,
  SETTINGS_TEXT_LARGER,
  SETTINGS_TEXT_VERY_LARGE,
  SETTINGS_TEXT_LARGEST,
  SETTINGS_TEXT_COUNT,
} SettingsTextSize;

typedef struct Settings {
  int seconds_per_question;  // ROUND_SECONDS_MIN..ROUND_SECONDS_MAX, SETTINGS_SECONDS_OFF or SETTINGS_FROM_PACK
  int questions;             // 1..SETTINGS_QUESTIONS_MAX or SETTINGS_FROM_PACK
  bool speed_bonus;
  bool confidence_tap;  // the feedback asks "How sure are you?" before the verdict
  bool sound;
  SettingsTextSize text_size;
  bool high_contrast;
  bool reduced_motion;
  bool fullscreen;
  int window_w, window_h;  // windowed size in window units
} Settings;

// Defaults: the pack's seconds and questions, speed bonus off, sound on,
// normal text, normal palette, motion on, windowed 1280x720.
Settings settings_default(void);

// Reads `path` into *out (which starts from the defaults). A missing file is
// not an error (defaults, true). False with *err (owned by the caller) only
// when the file exists but cannot be read, is too big, or is not text (a
// NUL byte, not UTF-8); *out then holds the defaults.
bool settings_load(const char *path, Settings *out, char **err);
// Writes every setting to `path` atomically. False with *err (owned) on failure.
bool settings_save(const char *path, const Settings *s, char **err);
// The settings as the INI text settings_save() writes (owned by the caller).
char *settings_to_ini(const Settings *s);
// Clamps / resets out-of-range values to defaults (logging a warning for
// each). Returns true when nothing had to change.
bool settings_sanitise(Settings *s);

// The round rules these settings give for `pack` (nullable): the pack's own
// defaults where a setting is SETTINGS_FROM_PACK; an assessment pack ignores
// the seconds and questions set here (play_round_settings, play/session.h).
RoundSettings settings_round_settings(const Settings *s, const Pack *pack);

// Stable names used in the file ("normal", "large", "larger", "very_large",
// "largest"); out-of-range sizes give "normal".
const char *settings_text_size_name(SettingsTextSize size);
// The step's word for the settings screen, untranslated (a static msgid:
// pass it through _()).
const char *settings_text_size_label(SettingsTextSize size);
// Reads a name from the file (case-insensitive; "very large" and
// "very-large" too). False, *out untouched, for anything else.
bool settings_text_size_parse(const char *name, SettingsTextSize *out);

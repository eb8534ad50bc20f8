#include "scenes/settings.h"

#include <ini.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "base/utf8.h"
#include "play/session.h"

// A settings file is a few hundred bytes; anything huge is not ours.
enum { SETTINGS_MAX_FILE_BYTES = 64 * 1024 };

// Names in the file. Files from before the five steps used "normal",
// "large" and "largest", which keep their meaning of "the smallest, one
// step up, the biggest there is".
static const char *const text_size_names[SETTINGS_TEXT_COUNT] = {"normal", "large", "larger", "very_large", "largest"};
// The words on the settings screen (translated by the caller with _()).
static const char *const text_size_labels[SETTINGS_TEXT_COUNT] = {N_("Normal"), N_("Large"), N_("Larger"),
                                                                  N_("Very large"), N_("Largest")};

Settings settings_default(void) {
  return (Settings){
      .seconds_per_question = SETTINGS_FROM_PACK,
      .questions = SETTINGS_FROM_PACK,
      // Off: a bonus for speed rewards guessing fast over judging well.
      .speed_bonus = false,
      .confidence_tap = true,
      .sound = true,
      .text_size = SETTINGS_TEXT_NORMAL,
      .high_contrast = false,
      .reduced_motion = false,
      .fullscreen = false,
      .window_w = 1280,
      .window_h = 720,
  };
}

const char *settings_text_size_name(SettingsTextSize size) {
  return (size >= 0 && size < SETTINGS_TEXT_COUNT) ? text_size_names[size] : text_size_names[0];
}

const char *settings_text_size_label(SettingsTextSize size) {
  return (size >= 0 && size < SETTINGS_TEXT_COUNT) ? text_size_labels[size] : text_size_labels[0];
}

bool settings_text_size_parse(const char *name, SettingsTextSize *out) {
  for (int i = 0; i < SETTINGS_TEXT_COUNT; i++) {
    if (str_casecmp(name, text_size_names[i]) == 0) {
      *out = (SettingsTextSize)i;
      return true;
    }
  }
  // Spellings a person editing the file may use for the one two-word name.
  if (str_casecmp(name, "very large") == 0 || str_casecmp(name, "very-large") == 0) {
    *out = SETTINGS_TEXT_VERY_LARGE;
    return true;
  }
  return false;
}

static bool parse_bool(const char *v, bool *out) {
  static const char *const yes[] = {"true", "yes", "on", "1"};
  static const char *const no[] = {"false", "no", "off", "0"};
  for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
    if (str_casecmp(v, yes[i]) == 0) {
      *out = true;
      return true;
    }
    if (str_casecmp(v, no[i]) == 0) {
      *out = false;
      return true;
    }
  }
  return false;
}

static bool parse_int(const char *v, long min, long max, int *out) {
  long n;
  if (!str_parse_long(v, min, max, &n)) {
    return false;
  }
  *out = (int)n;
  return true;
}

typedef struct LoadState {
  Settings *s;
  const char *path;
  const char *pos;  // where the search for the next setting's line starts
  int line;         // the line number at `pos`
} LoadState;

// libinih (as Debian builds it) does not pass line numbers to the handler,
// but calls it in file order: the line is the next one from `pos` on that
// sets `name`. Linear over the whole file.
static int line_of(LoadState *st, const char *name) {
  size_t n = strlen(name);
  for (const char *p = st->pos; *p;) {
    const char *eol = strchr(p, '\n');
    const char *q = p + strspn(p, " \t");
    if (strncmp(q, name, n) == 0 && strchr("=: \t", q[n] ? q[n] : 'x')) {
      int line = st->line;
      st->pos = eol ? eol + 1 : q + strlen(q);
      st->line++;
      return line;
    }
    if (!eol) {
      break;
    }
    p = eol + 1;
    st->line++;
  }
  return 0;
}

static bool known_setting(const char *section, const char *name) {
  static const char *const known[][2] = {
      {"round", "seconds"},          {"round", "questions"},    {"round", "speed_bonus"},
      {"round", "confidence_tap"},   {"display", "text_size"},  {"display", "high_contrast"},
      {"display", "reduced_motion"}, {"display", "fullscreen"}, {"display", "window_width"},
      {"display", "window_height"},  {"sound", "enabled"},
  };
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
    if (strcmp(section, known[i][0]) == 0 && strcmp(name, known[i][1]) == 0) {
      return true;
    }
  }
  return false;
}

static void warn_bad(LoadState *st, const char *section, const char *name, const char *value) {
  int line = line_of(st, name);
  if (!known_setting(section, name)) {
    // Ignored (a newer version may have written it), but said, at its line.
    log_warn("%s:%d: unknown setting [%s] %s; ignored", st->path, line, section, name);
    return;
  }
  log_warn("%s:%d: [%s] %s = '%s' is not a valid value; using the default", st->path, line, section, name, value);
}

// libinih calls this for every name = value; we never stop on a bad line
// (returning 1) because one bad value must not lose the others.
static int on_value(void *user, const char *section, const char *name, const char *value) {
  LoadState *st = user;
  Settings *s = st->s;
  const Settings def = settings_default();
  bool ok = true;
  if (strcmp(section, "round") == 0) {
    if (strcmp(name, "seconds") == 0) {
      if (str_casecmp(value, "off") == 0) {
        s->seconds_per_question = SETTINGS_SECONDS_OFF;
      } else if (str_casecmp(value, "pack") == 0) {
        s->seconds_per_question = SETTINGS_FROM_PACK;
      } else if (!(ok = parse_int(value, ROUND_SECONDS_MIN, ROUND_SECONDS_MAX, &s->seconds_per_question))) {
        s->seconds_per_question = def.seconds_per_question;
      }
    } else if (strcmp(name, "questions") == 0) {
      if (str_casecmp(value, "pack") == 0) {
        s->questions = SETTINGS_FROM_PACK;
      } else if (!(ok = parse_int(value, 1, SETTINGS_QUESTIONS_MAX, &s->questions))) {
        s->questions = def.questions;
      }
    } else if (strcmp(name, "speed_bonus") == 0) {
      if (!(ok = parse_bool(value, &s->speed_bonus))) {
        s->speed_bonus = def.speed_bonus;
      }
    } else if (strcmp(name, "confidence_tap") == 0) {
      if (!(ok = parse_bool(value, &s->confidence_tap))) {
        s->confidence_tap = def.confidence_tap;
      }
    }
  } else if (strcmp(section, "display") == 0) {
    if (strcmp(name, "text_size") == 0) {
      if (!(ok = settings_text_size_parse(value, &s->text_size))) {
        s->text_size = def.text_size;
      }
    } else if (strcmp(name, "high_contrast") == 0) {
      if (!(ok = parse_bool(value, &s->high_contrast))) {
        s->high_contrast = def.high_contrast;
      }
    } else if (strcmp(name, "reduced_motion") == 0) {
      if (!(ok = parse_bool(value, &s->reduced_motion))) {
        s->reduced_motion = def.reduced_motion;
      }
    } else if (strcmp(name, "fullscreen") == 0) {
      if (!(ok = parse_bool(value, &s->fullscreen))) {
        s->fullscreen = def.fullscreen;
      }
    } else if (strcmp(name, "window_width") == 0) {
      if (!(ok = parse_int(value, SETTINGS_WINDOW_MIN_W, SETTINGS_WINDOW_MAX, &s->window_w))) {
        s->window_w = def.window_w;
      }
    } else if (strcmp(name, "window_height") == 0) {
      if (!(ok = parse_int(value, SETTINGS_WINDOW_MIN_H, SETTINGS_WINDOW_MAX, &s->window_h))) {
        s->window_h = def.window_h;
      }
    }
  } else if (strcmp(section, "sound") == 0) {
    if (strcmp(name, "enabled") == 0) {
      if (!(ok = parse_bool(value, &s->sound))) {
        s->sound = def.sound;
      }
    }
  }
  if (!ok || !known_setting(section, name)) {
    warn_bad(st, section, name, value);
  } else {
    line_of(st, name);  // keep the line count in step
  }
  return 1;
}

bool settings_load(const char *path, Settings *out, char **err) {
  *out = settings_default();
  if (!fs_exists(path)) {
    return true;
  }
  char *data = NULL;
  size_t len = 0;
  char *read_err = NULL;
  FsReadStatus st = fs_read_file(path, SETTINGS_MAX_FILE_BYTES, &data, &len, &read_err);
  if (st != FS_READ_OK) {
    if (err) {
      *err = st == FS_READ_TOO_BIG ? xasprintf("larger than the limit of %d bytes", SETTINGS_MAX_FILE_BYTES)
                                   : xstrdup(read_err ? read_err : "cannot read");
    }
    free(read_err);
    free(data);
    return false;
  }
  // A NUL byte or bytes that are not UTF-8: not a settings file any more
  // (damaged, or something else saved under its name). Kept as the
  // player's, never rewritten, like one that cannot be read.
  if (memchr(data, '\0', len) || !utf8_valid(data, len)) {
    if (err) {
      *err =
          xstrdup(memchr(data, '\0', len) ? _("it holds NUL bytes: it is not a text file") : _("it is not UTF-8 text"));
    }
    free(data);
    return false;
  }
  LoadState ls = {.s = out, .path = path, .pos = data, .line = 1};
  int rc = ini_parse_string(data, on_value, &ls);
  if (rc > 0) {
    // A line that is not "name = value" or "[section]": skipped, the rest kept.
    log_warn("%s:%d: not a setting line; ignored", path, rc);
  }
  free(data);
  settings_sanitise(out);
  return true;
}

bool settings_sanitise(Settings *s) {
  const Settings def = settings_default();
  bool clean = true;
  if (s->seconds_per_question != SETTINGS_FROM_PACK && s->seconds_per_question != SETTINGS_SECONDS_OFF &&
      (s->seconds_per_question < ROUND_SECONDS_MIN || s->seconds_per_question > ROUND_SECONDS_MAX)) {
    log_warn("seconds per question %d out of range; using the default", s->seconds_per_question);
    s->seconds_per_question = def.seconds_per_question;
    clean = false;
  }
  if (s->questions != SETTINGS_FROM_PACK && (s->questions < 1 || s->questions > SETTINGS_QUESTIONS_MAX)) {
    log_warn("questions per round %d out of range; using the default", s->questions);
    s->questions = def.questions;
    clean = false;
  }
  if (s->text_size < 0 || s->text_size >= SETTINGS_TEXT_COUNT) {
    log_warn("text size %d out of range; using the default", (int)s->text_size);
    s->text_size = def.text_size;
    clean = false;
  }
  if (s->window_w < SETTINGS_WINDOW_MIN_W || s->window_w > SETTINGS_WINDOW_MAX || s->window_h < SETTINGS_WINDOW_MIN_H ||
      s->window_h > SETTINGS_WINDOW_MAX) {
    log_warn("window size %dx%d out of range; using the default", s->window_w, s->window_h);
    s->window_w = def.window_w;
    s->window_h = def.window_h;
    clean = false;
  }
  return clean;
}

static const char *bool_name(bool b) {
  return b ? "true" : "false";
}

char *settings_to_ini(const Settings *s) {
  StrBuf b = {0};
  strbuf_append(&b, "# Prebunk settings (written by the game; unknown keys are ignored)\n\n[round]\n");
  if (s->seconds_per_question == SETTINGS_FROM_PACK) {
    strbuf_append(&b, "seconds = pack\n");
  } else if (s->seconds_per_question == SETTINGS_SECONDS_OFF) {
    strbuf_append(&b, "seconds = off\n");
  } else {
    strbuf_appendf(&b, "seconds = %d\n", s->seconds_per_question);
  }
  if (s->questions == SETTINGS_FROM_PACK) {
    strbuf_append(&b, "questions = pack\n");
  } else {
    strbuf_appendf(&b, "questions = %d\n", s->questions);
  }
  strbuf_appendf(&b, "speed_bonus = %s\n", bool_name(s->speed_bonus));
  strbuf_appendf(&b, "confidence_tap = %s\n", bool_name(s->confidence_tap));
  strbuf_appendf(&b, "\n[display]\ntext_size = %s\n", settings_text_size_name(s->text_size));
  strbuf_appendf(&b, "high_contrast = %s\n", bool_name(s->high_contrast));
  strbuf_appendf(&b, "reduced_motion = %s\n", bool_name(s->reduced_motion));
  strbuf_appendf(&b, "fullscreen = %s\n", bool_name(s->fullscreen));
  strbuf_appendf(&b, "window_width = %d\nwindow_height = %d\n", s->window_w, s->window_h);
  strbuf_appendf(&b, "\n[sound]\nenabled = %s\n", bool_name(s->sound));
  return strbuf_take(&b);
}

bool settings_save(const char *path, const Settings *s, char **err) {
  char *text = settings_to_ini(s);
  char *werr = NULL;
  bool ok = fs_write_atomic(path, text, strlen(text), &werr);
  free(text);
  if (!ok) {
    if (err) {
      *err = werr;
    } else {
      free(werr);
    }
  }
  return ok;
}

// Two names for one value each, kept in step (so "both sides are equal" is the point).
// NOLINTNEXTLINE(misc-redundant-expression)
_Static_assert(SETTINGS_FROM_PACK == PLAY_FROM_PACK, "settings values are play preferences");
// NOLINTNEXTLINE(misc-redundant-expression)
_Static_assert(SETTINGS_SECONDS_OFF == PLAY_SECONDS_OFF, "settings values are play preferences");

RoundSettings settings_round_settings(const Settings *s, const Pack *pack) {
  PlayPreferences prefs = {
      .seconds_per_question = s->seconds_per_question,
      .questions = s->questions,
      .speed_bonus = s->speed_bonus,
  };
  return play_round_settings(pack, &prefs);
}

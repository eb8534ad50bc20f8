#include "scenes/app.h"

#include "scenes/gameplay.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "play/session.h"
#include "play/training.h"
#include "quiz/pack_library.h"
#include "scenes/scenes.h"
#include "scenes/training_scenes.h"

AppConfig app_config_default(void) {
  return (AppConfig){.display = -1};
}

// The interface language comes from the translation in use, not from the
// environment: a German locale without a German catalogue shows English
// text and must be laid out as English.
static void detect_ui_lang(App *app) {
  /* TRANSLATORS: replace "en" with your language's BCP 47 tag (e.g.
     "ui-language:ar"); it picks the font and the reading direction of the
     interface. Keep the "ui-language:" prefix. */
  const char *tag = _("ui-language:en");
  const char *prefix = "ui-language:";
  const char *lang = "en";
  if (str_starts_with(tag, prefix) && tag[strlen(prefix)] != '\0') {
    lang = tag + strlen(prefix);
  }
  str_copy(app->ui_lang, sizeof app->ui_lang, lang);
  app->ui_rtl = i18n_lang_is_rtl(app->ui_lang);
}

static void log_pack_problems(const PackLibrary *lib) {
  for (size_t i = 0; i < pack_library_count(lib); i++) {
    const PackEntry *e = pack_library_get(lib, i);
    for (size_t d = 0; d < e->diags.count; d++) {
      char *line = diag_format(&e->diags.items[d]);
      if (e->diags.items[d].severity == DIAG_ERROR) {
        log_warn("%s", line);
      } else {
        log_info("%s", line);
      }
      free(line);
    }
  }
  const DiagList *folder = pack_library_diags(lib);
  for (size_t d = 0; d < folder->count; d++) {
    char *line = diag_format(&folder->items[d]);
    log_warn("%s", line);
    free(line);
  }
}

static uint64_t seed_from_time(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return ((uint64_t)ts.tv_sec * 1000000007u) ^ (uint64_t)ts.tv_nsec;
}

static void apply_colors(App *app) {
  engine_set_background_color(app->engine, app->theme.background);
}

// Once per step: a store write that failed since the last step (the disk
// full, over the file size limit, another copy of the game holding the file)
// is told on screen, above whatever screen made it, and in the log. The
// round goes on; only what could not be written is lost.
static bool app_step(void *user, uint64_t now_ms) {
  App *app = user;
  bool redraw = app_toast_step(user, now_ms);
  unsigned failures = store_write_failures(app->store);
  if (failures != app->write_failures_told) {
    app->write_failures_told = failures;
    char *msg = xasprintf(_("Could not save: %s. You can play on, but this is not kept."),
                          store_last_write_failure(app->store));
    log_warn("%s (%u failed write(s) to %s)", msg, failures, app->store_result.path);
    app_toast(app, msg);
    app->toast_until_ms = now_ms + APP_SAVE_TOAST_MS;
    free(msg);
    redraw = true;
  }
  return redraw;
}

App *app_create(const AppConfig *cfg, char **err) {
  App *app = xcalloc(1, sizeof *app);
  app->ui_stats = xcalloc(1, sizeof *app->ui_stats);
  app->data_dir = xstrdup(cfg->data_dir);
  app->content_dir = xstrdup(cfg->content_dir);
  app->pack_path = xstrdup(cfg->pack_path);
  app->wall_base_ms = cfg->wall_base_ms;
  app->remember_window = !cfg->screenshot_path && cfg->quit_after_frames == 0;
  app->run = play_run_create();
  app->forewarn_last = -1;
  detect_ui_lang(app);

  app->settings_path = fs_join(app->data_dir, SETTINGS_FILE_NAME);
  char *serr = NULL;
  if (!settings_load(app->settings_path, &app->settings, &serr)) {
    // Kept as it is: writing the defaults over it at exit would lose what
    // the player had (a file too big or unreadable is still theirs).
    log_warn("cannot read the settings %s (%s); using the defaults, and the file is left as it is", app->settings_path,
             serr ? serr : "?");
    app->settings_kept = serr ? serr : xstrdup(app->settings_path);
  }
  app->theme = theme_from_settings(&app->settings);
  rng_seed(&app->rng, cfg->has_seed ? cfg->seed : seed_from_time());

  // The engine first: app_unix_ms() and the scenes need its clock.
  EngineConfig ec = engine_config_default();
  char *font_dir = fs_join(app->content_dir, "assets/fonts");
  char *icon = fs_join(app->content_dir, "assets/icons/prebunk-256.png");
  ec.title = _("Prebunk");
  ec.font_dir = font_dir;
  ec.fonts = game_fonts(&ec.nfonts);
  ec.icon_path = icon;
  ec.data_dir = app->data_dir;
  ec.width = cfg->width > 0 ? cfg->width : app->settings.window_w;
  ec.height = cfg->height > 0 ? cfg->height : app->settings.window_h;
  ec.fit_display = cfg->width <= 0 || cfg->height <= 0;  // from settings.ini: 16384x16384 must not be honoured
  ec.fullscreen = cfg->fullscreen || app->settings.fullscreen;
  ec.display = cfg->display;
  ec.sound = app->settings.sound;
  ec.clock = cfg->clock;
  ec.app = app;
  ec.bindings = game_bindings(&ec.nbindings);
  ec.cues = game_cues(&ec.ncues);
  ec.on_unhandled_event = app_global_event;
  ec.draw_overlay = app_draw_toast;
  ec.on_step = app_step;
  ec.screenshot_path = cfg->screenshot_path;
  ec.quit_after_frames = cfg->quit_after_frames;
  char *eerr = NULL;
  app->engine = engine_create(&ec, &eerr);
  free(font_dir);
  free(icon);
  if (!app->engine) {
    *err = xasprintf(_("Cannot start the game: %s"), eerr ? eerr : "?");
    free(eerr);
    app_destroy(app);
    return NULL;
  }
  apply_colors(app);
  if (cfg->clock) {
    app->clock = cfg->clock;
  } else {
    app->clock_storage = clock_real();
    app->clock = &app->clock_storage;
  }

  StoreOptions so = {.force_read_only = cfg->store_read_only, .now_ms = app_unix_ms(app)};
  app->store = store_open(app->data_dir, &so, &app->store_result);
  if (!app->store) {
    *err = xasprintf(_("Cannot keep scores, not even in memory: %s"),
                     app->store_result.detail ? app->store_result.detail : "?");
    app_destroy(app);
    return NULL;
  }
  if (app->store_result.status != STORE_OPEN_OK) {
    log_warn("score store %s: status %d (%s)", app->store_result.path ? app->store_result.path : "?",
             (int)app->store_result.status, app->store_result.detail ? app->store_result.detail : "");
  }

  app->packs = pack_library_create();
  char *bundled = fs_join(app->content_dir, "quizzes");
  char *user = fs_join(app->data_dir, "packs");
  pack_library_add_dir(app->packs, bundled, PACK_ORIGIN_BUNDLED);
  pack_library_add_dir(app->packs, user, PACK_ORIGIN_USER);
  free(bundled);
  free(user);
  if (app->pack_path) {
    const PackEntry *e = pack_library_add_file(app->packs, app->pack_path);
    if (e && e->pack) {
      app->pack = e->pack;
    }
  }
  log_pack_problems(app->packs);
  return app;
}

void app_destroy(App *app) {
  if (!app) {
    return;
  }
  if (app->engine) {
    char *err = NULL;
    if (app->remember_window && !app_save_settings(app, &err)) {
      log_warn("cannot save settings: %s", err ? err : "?");
    }
    free(err);
    // Scenes leave first: the round marks itself abandoned in the store.
    engine_destroy(app->engine);
  }
  play_run_destroy(app->run);  // after the scenes: a leaving round may still note its fakes
  store_close(app->store);
  store_open_result_clear(&app->store_result);
  pack_library_destroy(app->packs);
  free(app->settings_path);
  free(app->settings_kept);
  free(app->data_dir);
  free(app->content_dir);
  free(app->pack_path);
  free(app->player_name);
  free(app->ui_stats);
  free(app);
}

Ui app_ui(const App *app) {
  const View *v = engine_view(app->engine);
  return (Ui){.engine = app->engine,
              .theme = &app->theme,
              .lang = app->ui_lang,
              .rtl = app->ui_rtl,
              .w = v->w,
              .h = v->h,
              .stats = app->ui_stats};
}

bool app_save_settings(App *app, char **err) {
  if (app->engine && app->remember_window) {
    int w = 0, h = 0;
    engine_window_size(app->engine, &w, &h);
    if (w >= SETTINGS_WINDOW_MIN_W && h >= SETTINGS_WINDOW_MIN_H) {
      app->settings.window_w = w;
      app->settings.window_h = h;
    }
    app->settings.fullscreen = engine_is_fullscreen(app->engine);
  }
  if (app->settings_kept) {
    if (err) {
      *err =
          xasprintf(_("%s was not read at start (%s), so it is left as it is"), app->settings_path, app->settings_kept);
    }
    return false;
  }
  return settings_save(app->settings_path, &app->settings, err);
}

bool app_apply_settings(App *app) {
  settings_sanitise(&app->settings);
  app->theme = theme_from_settings(&app->settings);
  if (app->engine) {
    apply_colors(app);
    engine_set_sound(app->engine, app->settings.sound);
    if (engine_is_fullscreen(app->engine) != app->settings.fullscreen) {
      engine_set_fullscreen(app->engine, app->settings.fullscreen);
    }
    engine_request_redraw(app->engine);
  }
  // Saved without taking the window state back from the engine: the player
  // just chose it on the settings screen.
  char *err = NULL;
  bool ok = !app->settings_kept && settings_save(app->settings_path, &app->settings, &err);
  if (!ok) {
    log_warn("cannot save settings: %s", err ? err : app->settings_kept);
  }
  free(err);
  return ok;
}

bool app_set_player(App *app, const char *name, char **err) {
  char *clean = store_player_name_clean(name, err);
  if (!clean) {
    return false;
  }
  int64_t id = 0;
  if (!store_player_get_or_create(app->store, clean, app_unix_ms(app), &id, err)) {
    free(clean);
    return false;
  }
  free(app->player_name);
  app->player_name = clean;
  app->player_id = id;
  return true;
}

bool app_set_guest(App *app, char **err) {
  int64_t id = 0;
  char *name = NULL;
  if (!play_new_guest(app->store, app_unix_ms(app), &id, &name, err)) {
    return false;
  }
  free(app->player_name);
  app->player_name = name;
  app->player_id = id;
  return true;
}

void app_select_pack(App *app, const Pack *pack) {
  app->pack = pack;
}

const Pack *app_first_valid_pack(const App *app) {
  for (size_t i = 0; i < pack_library_count(app->packs); i++) {
    const PackEntry *e = pack_library_get(app->packs, i);
    if (e->pack) {
      return e->pack;
    }
  }
  return NULL;
}

int64_t app_unix_ms(const App *app) {
  if (app->wall_base_ms > 0) {
    return app->wall_base_ms + (int64_t)app_now_ms(app);
  }
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

uint64_t app_now_ms(const App *app) {
  return app->engine ? engine_now_ms(app->engine) : 0;
}

App *app_from_ctx(const SceneCtx *ctx) {
  return ctx->app;
}

void app_run(App *app) {
  engine_run(app->engine);
}

// ---- first screen ------------------------------------------------------------

static bool demo_state(App *app, char **err) {
  if (!app->pack) {
    app->pack = app_first_valid_pack(app);
  }
  if (!app->pack) {
    *err = xstrdup(_("There is no valid quiz pack to show."));
    return false;
  }
  if (!app->player_name && !app_set_player(app, "Demo", err)) {
    return false;
  }
  return true;
}

// The optional taps of a demo answer: a confidence level for all but every
// fourth, and "Which technique?" answered (right two times in three).
static void demo_taps(PlaySession *session, size_t i) {
  if (i % 4 != 3) {
    play_session_confidence(session, (PlayConfidence)(PLAY_CONFIDENCE_SURE + (int)(i % 3)));
  }
  PlayTechniqueQuestion q;
  if (play_session_technique_question(session, &q)) {
    play_session_technique_answer(session, q.choices[i % 3 == 1 ? (q.right + 1) % 3 : q.right], NULL);
  }
}

// A finished demo round for the summary screen, played through a session
// that records nothing: every third answer wrong, one time-out, the taps
// above, so every part of the summary has something to show. *summary gets
// its summary (owned); the round is the caller's.
static Round *demo_round(App *app, PlaySummary **summary, char **err) {
  PlaySessionSpec spec = {
      .pack = app->pack,
      .settings = settings_round_settings(&app->settings, app->pack),
      .seed = play_seed_next(&app->rng),
  };
  PlaySession *session = play_session_create(&spec, err);
  if (!session) {
    return NULL;
  }
  Round *round = play_session_round(session);
  int64_t now = 1000;
  for (size_t i = 0; round_state(round) == ROUND_STATE_READY; i++) {
    round_start_question(round, now);
    const PackItem *item = round_current_item(round);
    now += 2500 + (int64_t)(i % 4) * 1500;
    if (i == 4 && round_time_limit_ms(round) > 0) {
      now += round_time_limit_ms(round);
      play_session_tick(session, now, 0, NULL);
    } else {
      bool right = i % 3 != 2;
      PackAnswer truth = item->answer;
      PackAnswer other = truth == PACK_ANSWER_REAL ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL;
      play_session_answer(session, right ? truth : other, now, 0, NULL);
      demo_taps(session, i);
    }
    round_next(round);
  }
  *summary = play_summary_create(session);
  round = play_session_take_round(session);
  play_session_destroy(session);
  return round;
}

static void push_store_notice(App *app) {
  char *msg = store_open_result_message(&app->store_result);
  if (!msg) {
    return;
  }
  const char *title = _("About your scores");
  switch (app->store_result.status) {
  case STORE_OPEN_RECOVERED:
    title = _("Your score file was damaged");
    break;
  case STORE_OPEN_READ_ONLY:
    title = _("Scores will not be saved");
    break;
  case STORE_OPEN_NEWER_VERSION:
    title = _("Scores from a newer version");
    break;
  default:
    break;
  }
  scene_notice_push(app, title, msg);
  free(msg);
}

// ---- the screen table ------------------------------------------------------------
// One row per screen --scene can start: what goes beneath it, what it needs.
// app_start, app_scene_known and the --help text (app_scene_name) all read
// it, so a new screen is one new row.

// Pushes the screen (and what is beneath it); false with *err (owned).
typedef bool (*AppSceneStart)(App *app, char **err);

typedef struct AppScene {
  const char *name;
  AppSceneStart start;
  bool demo;       // needs a pack and a player: the first valid pack and "Demo" when none is chosen
  bool no_notice;  // no store notice above it (the author's preview)
} AppScene;

static bool start_title(App *app, char **err) {
  (void)err;
  scene_title_push(app);
  return true;
}

static bool start_packs(App *app, char **err) {
  (void)err;
  scene_title_push(app);
  scene_packs_push(app);
  return true;
}

static bool start_player(App *app, char **err) {
  (void)err;
  scene_title_push(app);
  scene_packs_push(app);
  scene_player_push(app);
  return true;
}

static bool start_round(App *app, char **err) {
  (void)err;
  scene_title_push(app);
  scene_packs_push(app);
  scene_round_push(app);
  return true;
}

static bool start_summary(App *app, char **err) {
  PlaySummary *summary;
  Round *round = demo_round(app, &summary, err);
  if (!round) {
    return false;
  }
  scene_title_push(app);
  scene_packs_push(app);
  scene_summary_push(app, round, summary);
  return true;
}

// The summary of a demo round with the feedback of its first fabricated
// item (the fullest page: techniques and a tip) on top, for screenshots.
static bool start_feedback(App *app, char **err) {
  PlaySummary *summary;
  Round *round = demo_round(app, &summary, err);
  if (!round) {
    return false;
  }
  size_t pick = 0;
  for (size_t i = 0; i < round_result_count(round); i++) {
    if (round_result(round, i)->item->answer == PACK_ANSWER_FABRICATED) {
      pick = i;
      break;
    }
  }
  scene_title_push(app);
  scene_summary_push(app, round, summary);  // owns the round, which outlives the feedback above it
  scene_feedback_push(app, FEEDBACK_MODE_REVIEW, round_pack(round), round_result(round, pick), pick, round_count(round),
                      false, NULL, NULL);
  return true;
}

static bool start_scores(App *app, char **err) {
  (void)err;
  scene_title_push(app);
  scene_scores_push(app, NULL);
  return true;
}

static bool start_settings(App *app, char **err) {
  (void)err;
  scene_title_push(app);
  scene_settings_push(app);
  return true;
}

static bool start_help(App *app, char **err) {
  (void)err;
  scene_title_push(app);
  scene_help_push(app);
  return true;
}

static bool start_preview(App *app, char **err) {
  if (!app->pack_path) {
    *err = xstrdup(_("--preview needs --pack FILE"));
    return false;
  }
  scene_preview_push(app, app->pack_path);
  return true;
}

// The training screens over the pack list: a pair round, a forewarning card.
static bool start_pair(App *app, char **err) {
  scene_title_push(app);
  scene_packs_push(app);
  return scene_pair_start_demo(app, err);
}

static bool start_forewarn(App *app, char **err) {
  scene_title_push(app);
  scene_packs_push(app);
  return scene_forewarn_start_demo(app, err);
}

static const AppScene SCENES[] = {
    {"title", start_title, false, false},      {"packs", start_packs, false, false},
    {"player", start_player, true, false},     {"round", start_round, true, false},
    {"feedback", start_feedback, true, false}, {"summary", start_summary, true, false},
    {"scores", start_scores, false, false},    {"settings", start_settings, false, false},
    {"help", start_help, false, false},        {"preview", start_preview, false, true},
    {"pair", start_pair, true, false},         {"forewarn", start_forewarn, true, false},
};
#define SCENE_COUNT (sizeof SCENES / sizeof SCENES[0])

static const AppScene *find_scene(const char *name) {
  for (size_t i = 0; i < SCENE_COUNT; i++) {
    if (strcmp(name, SCENES[i].name) == 0) {
      return &SCENES[i];
    }
  }
  return NULL;
}

size_t app_scene_count(void) {
  return SCENE_COUNT;
}

const char *app_scene_name(size_t i) {
  return i < SCENE_COUNT ? SCENES[i].name : NULL;
}

char *app_scene_list(void) {
  StrBuf b = {0};
  for (size_t i = 0; i < SCENE_COUNT; i++) {
    strbuf_append(&b, i ? ", " : "");
    strbuf_append(&b, SCENES[i].name);
  }
  return strbuf_take(&b);
}

bool app_scene_known(const char *scene) {
  return find_scene(scene) != NULL;
}

// What went wrong at the start, above the first screen: the score file, a
// second copy of the game on the same folder, fonts passed over, a settings
// file that was not read.
static void push_start_notices(App *app) {
  push_store_notice(app);
  if (app->store_result.shared) {
    // Nothing is refused (each answer is its own transaction), but the
    // player may wonder whose rounds appear in the high scores.
    app_toast(app, _("Another Prebunk is using this data folder: the scores of both are kept."));
    app->toast_until_ms = app_now_ms(app) + APP_SAVE_TOAST_MS;
    log_info("another copy of the game uses %s too", app->data_dir);
  }
  const char *fonts = engine_font_problems(app->engine);
  if (fonts) {
    char *msg = xasprintf(_("Some of the game's fonts could not be used, so text is drawn with another one: %s. "
                            "Reinstalling Prebunk should bring them back."),
                          fonts);
    scene_notice_push(app, _("Fonts missing"), msg);
    free(msg);
  }
  if (app->settings_kept) {
    char *msg = xasprintf(_("Cannot read the settings file %s (%s). The defaults are used, and the file is "
                            "left as it is: changes made now are not saved."),
                          app->settings_path, app->settings_kept);
    scene_notice_push(app, _("Settings not read"), msg);
    free(msg);
  }
}

static bool start_scene(App *app, const char *scene, char **err);

bool app_start(App *app, const char *scene, char **err) {
  char *ignored = NULL;
  if (!err) {
    err = &ignored;  // the demo set-up reports through *err (tests pass NULL)
  }
  bool ok = start_scene(app, scene, err);
  free(ignored);
  return ok;
}

static bool start_scene(App *app, const char *scene, char **err) {
  const AppScene *row = find_scene(scene ? scene : "title");
  if (!row) {
    char *list = app_scene_list();
    *err = xasprintf(_("unknown screen '%s' (%s)"), scene, list);
    free(list);
    return false;
  }
  if (row->demo && !demo_state(app, err)) {
    return false;
  }
  if (!row->start(app, err)) {
    return false;
  }
  if (!row->no_notice) {
    push_start_notices(app);
  }
  return true;
}

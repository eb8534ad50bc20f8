// `prebunk` without a sub-command: play. Resolves the folders, opens the log,
// creates the App (settings, store, packs, engine), shows the first screen
// and runs until the player quits.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "cli/cli.h"
#include "quiz/pack_load.h"
#include "scenes/app.h"

// Screens started with demo state (a "Demo" player and a round). Without
// --data-dir they run in a throwaway folder, so screenshots never add a demo
// player or abandoned rounds to the user's own scores.
static bool is_demo_scene(const char *scene) {
  static const char *const demo[] = {"player", "round", "feedback", "summary"};
  for (size_t i = 0; scene && i < sizeof demo / sizeof demo[0]; i++) {
    if (strcmp(scene, demo[i]) == 0) {
      return true;
    }
  }
  return false;
}

// A start that fails is said on stderr and in the log (the player may have
// started the game from a menu, with stderr going nowhere).
static void report_start_error(const char *err) {
  fprintf(stderr, "prebunk: error: %s\n", err ? err : "?");
  log_set_stderr(false);
  log_error("%s", err ? err : "?");
  log_set_stderr(true);
}

int cmd_play(const PlayOptions *opts) {
  char *scratch = NULL;
  if (!opts->data_dir && !opts->preview && is_demo_scene(opts->scene)) {
    scratch = fs_make_temp_dir("prebunk-demo");
    if (!scratch) {
      fprintf(stderr, "%s\n", _("prebunk: error: cannot create a temporary folder for the demo screen"));
      return 1;
    }
  }
  char *data_dir = paths_user_dir(scratch ? scratch : opts->data_dir);
  if (!data_dir) {
    free(scratch);
    return 1;
  }
  char *content_dir = paths_content_dir();
  char *log_path = fs_join(data_dir, "prebunk.log");
  if (!log_open_file(log_path)) {
    fprintf(stderr, _("prebunk: warning: cannot write the log file %s\n"), log_path);
  }
  free(log_path);
  char *locale_dir = fs_join(content_dir, "locale");
  i18n_init(locale_dir);
  free(locale_dir);
  log_info("prebunk %s: data folder %s, content folder %s", PREBUNK_VERSION, data_dir, content_dir);

  AppConfig cfg = app_config_default();
  cfg.data_dir = data_dir;
  cfg.content_dir = content_dir;
  cfg.pack_path = opts->pack_path;
  cfg.width = opts->width;
  cfg.height = opts->height;
  cfg.fullscreen = opts->fullscreen;
  cfg.display = opts->display;
  cfg.has_seed = opts->has_seed;
  cfg.seed = opts->seed;
  cfg.screenshot_path = opts->screenshot;
  // A screenshot is one still frame: time stands still, so the same seed
  // gives the same pixels however long the start took (the countdown bar).
  Clock still = clock_manual(0);
  if (opts->screenshot) {
    cfg.clock = &still;
  }
  cfg.quit_after_frames = opts->quit_after_frames;
  cfg.open_log = true;

  int status = 0;
  char *err = NULL;
  App *app = app_create(&cfg, &err);
  if (!app) {
    report_start_error(err);
    status = 1;
  } else {
    const char *scene = opts->preview ? "preview" : opts->scene;
    if (!app_start(app, scene, &err)) {
      report_start_error(err);
      status = opts->scene ? 2 : 1;
    } else {
      app_run(app);
    }
    app_destroy(app);
  }
  free(err);
  pack_loader_shutdown();
  log_close_file();
  free(data_dir);
  free(content_dir);
  if (scratch) {
    fs_remove_tree(scratch);
    free(scratch);
  }
  return status;
}

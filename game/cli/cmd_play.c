// `prebunk` without a sub-command: play. Resolves the folders, opens the log,
// creates the App (settings, store, packs, engine), shows the first screen
// and runs until the player quits.

#include <stdio.h>
#include <stdlib.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "cli/cli.h"
#include "quiz/pack_load.h"
#include "scenes/app.h"

int cmd_play(const PlayOptions *opts) {
  char *data_dir = paths_user_dir(opts->data_dir);
  if (!data_dir) {
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
  cfg.quit_after_frames = opts->quit_after_frames;
  cfg.open_log = true;

  int status = 0;
  char *err = NULL;
  App *app = app_create(&cfg, &err);
  if (!app) {
    fprintf(stderr, "prebunk: error: %s\n", err ? err : "?");
    status = 1;
  } else {
    const char *scene = opts->preview ? "preview" : opts->scene;
    if (!app_start(app, scene, &err)) {
      fprintf(stderr, "prebunk: error: %s\n", err ? err : "?");
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
  return status;
}

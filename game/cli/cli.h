#pragma once
// Sub-commands of the prebunk binary. main.c parses the command line and
// calls one of these; each returns the process exit status
// (0 success, 1 failure/invalid input, 2 usage error).

#include <stdbool.h>
#include <stdint.h>

typedef struct PlayOptions {
  const char *data_dir;    // --data-dir, or NULL for the user's data folder
  const char *pack_path;   // --pack FILE, or NULL
  const char *screenshot;  // --screenshot FILE: save the first complete frame, then quit
  const char *scene;       // --scene NAME: start on this screen (tests, screenshots)
  bool preview;            // --preview (with --pack): author's preview, reloads on change
  bool fullscreen;         // --fullscreen
  int display;             // --display N (-1: default)
  int width, height;       // --size WxH (0: remembered/default)
  bool has_seed;
  uint64_t seed;          // --seed N
  int quit_after_frames;  // --frames N: quit after N frames (tests); 0 = run
} PlayOptions;

int cmd_play(const PlayOptions *opts);
// argv[0] is the sub-command name.
int cmd_validate(int argc, char **argv);
int cmd_import_moodle(int argc, char **argv);
int cmd_import_csv(int argc, char **argv);
int cmd_export_moodle(int argc, char **argv);
int cmd_scores(int argc, char **argv, const char *data_dir);

// Folder where the game writes (scores, settings, log): `override` when given,
// else the user's data folder. Created if missing. Owned by the caller; NULL
// (with a message on stderr) when it cannot be determined.
char *paths_user_dir(const char *override);
// Folder holding assets/ and quizzes/: <binary>/../share/prebunk when
// installed, the source tree when run from the build tree, or $PREBUNK_DATA_DIR.
// Owned by the caller.
char *paths_content_dir(void);

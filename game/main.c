// prebunk: command line. Parses options, then runs the game or a sub-command.

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "cli/cli.h"
#include "cli/cli_util.h"
#include "scenes/app.h"

// The screens --scene starts, from the game's one table (app_scene_name),
// wrapped at about 72 columns.
static void print_scene_list(FILE *out) {
  fprintf(out, "\n%s\n ", _("Screens for --scene:"));
  size_t col = 1;
  for (size_t i = 0; i < app_scene_count(); i++) {
    const char *name = app_scene_name(i);
    if (col + strlen(name) + 2 > 72) {
      fprintf(out, "\n ");
      col = 1;
    }
    fprintf(out, " %s%s", name, i + 1 < app_scene_count() ? "," : "\n");
    col += strlen(name) + 2;
  }
}

// The "or:" lines are GNU's usage style: help2man makes the man page's
// SYNOPSIS from them (packaging/man/).
static void print_usage(FILE *out) {
  fprintf(out, _("Usage: prebunk [OPTION]...            play (the bundled packs by default)\n"
                 "  or:  prebunk validate [--strict] FILE...\n"
                 "  or:  prebunk scores [--data-dir DIR] [--pack ID] [--player NAME] [--csv] [--answers]\n"
                 "  or:  prebunk import-moodle IN.xml -o OUT.xml\n"
                 "  or:  prebunk import-csv IN.csv -o OUT.xml\n"
                 "  or:  prebunk export-moodle PACK.xml -o OUT.xml\n"
                 "\n"
                 "Practise telling real news headlines from fabricated ones.\n"
                 "\n"
                 "Options:\n"
                 "  --data-dir DIR       keep scores, settings and the log in DIR\n"
                 "                       (default: the user's data folder)\n"
                 "  --pack FILE          play (or preview) the pack in FILE\n"
                 "  --preview            with --pack: show every item with its answer and\n"
                 "                       explanation; reloads when the file changes\n"
                 "  --seed N             fix the shuffle (same seed, same questions)\n"
                 "  --fullscreen         start in desktop fullscreen (F11 or Alt+Enter toggles)\n"
                 "  --display N          open the window on display N (0 is the first)\n"
                 "  --size WxH           window size in pixels (default 1280x720, remembered)\n"
                 "  --scene NAME         start on a screen (see the list below)\n"
                 "  --screenshot FILE    save the first complete frame as PNG, then quit\n"
                 "  --frames N           quit after N frames (for tests)\n"
                 "  -h, --help           show this help and exit\n"
                 "  -V, --version        show the version and exit\n"
                 "\n"
                 "Sub-commands:\n"
                 "  validate             check pack files; prints FILE:LINE: error: ...\n"
                 "                       exit 0 valid, 1 invalid, 2 usage error\n"
                 "  scores               print the score history as a table (or CSV)\n"
                 "  import-moodle        convert Moodle XML true/false questions to a pack\n"
                 "  import-csv           convert a spreadsheet (CSV, also Kahoot's template) to a pack\n"
                 "  export-moodle        write a pack as Moodle XML true/false questions\n"
                 "Run 'prebunk COMMAND --help' for a sub-command's options.\n"));
  print_scene_list(out);
}

static const CliCommand PREBUNK = {.usage = print_usage};

enum {
  OPT_DATA_DIR = 256,
  OPT_PACK,
  OPT_PREVIEW,
  OPT_SEED,
  OPT_FULLSCREEN,
  OPT_DISPLAY,
  OPT_SIZE,
  OPT_SCENE,
  OPT_SCREENSHOT,
  OPT_FRAMES,
};

// "WIDTHxHEIGHT", each part strict (digits only, as every other number
// option) and within 320x240 .. 16384x16384.
static bool parse_size(const char *s, int *w, int *h) {
  const char *x = strchr(s, 'x');
  if (!x || (size_t)(x - s) >= 16) {
    return false;
  }
  char width[16];
  memcpy(width, s, (size_t)(x - s));
  width[x - s] = '\0';
  long a, b;
  if (!str_parse_long(width, 320, 16384, &a) || !str_parse_long(x + 1, 240, 16384, &b)) {
    return false;
  }
  *w = (int)a;
  *h = (int)b;
  return true;
}

// scores takes --data-dir itself: it reads the same store the game writes.
static int cmd_scores_own_dir(int argc, char **argv) {
  return cmd_scores(argc, argv, NULL);
}

// The sub-commands; argv[0] is the command's name.
static const struct {
  const char *name;
  int (*run)(int argc, char **argv);
} SUBCOMMANDS[] = {
    {"validate", cmd_validate},           {"import-moodle", cmd_import_moodle}, {"import-csv", cmd_import_csv},
    {"export-moodle", cmd_export_moodle}, {"scores", cmd_scores_own_dir},
};

static int run_subcommand(int argc, char **argv) {
  for (size_t i = 0; i < sizeof SUBCOMMANDS / sizeof SUBCOMMANDS[0]; i++) {
    if (strcmp(argv[0], SUBCOMMANDS[i].name) == 0) {
      return SUBCOMMANDS[i].run(argc, argv);
    }
  }
  return cli_usage_error(&PREBUNK, _("unknown command '%s'"), argv[0]);
}

int main(int argc, char **argv) {
  // Over a file size limit (ulimit -f) a write gets EFBIG instead of the
  // signal killing the game at its next answer: the store and every writer
  // report a failed write and the game plays on.
  signal(SIGXFSZ, SIG_IGN);
  i18n_init(NULL);

  if (argc > 1 && argv[1][0] != '-') {
    return run_subcommand(argc - 1, argv + 1);
  }

  static const struct option longopts[] = {
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {"data-dir", required_argument, NULL, OPT_DATA_DIR},
      {"pack", required_argument, NULL, OPT_PACK},
      {"preview", no_argument, NULL, OPT_PREVIEW},
      {"seed", required_argument, NULL, OPT_SEED},
      {"fullscreen", no_argument, NULL, OPT_FULLSCREEN},
      {"display", required_argument, NULL, OPT_DISPLAY},
      {"size", required_argument, NULL, OPT_SIZE},
      {"scene", required_argument, NULL, OPT_SCENE},
      {"screenshot", required_argument, NULL, OPT_SCREENSHOT},
      {"frames", required_argument, NULL, OPT_FRAMES},
      {NULL, 0, NULL, 0},
  };
  PlayOptions opts = {.display = -1};
  cli_getopt_reset();
  int c;
  while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
    long v;
    switch (c) {
    case 'h':
      print_usage(stdout);
      return 0;
    case 'V':
      printf("prebunk %s\n", PREBUNK_VERSION);
      return 0;
    case OPT_DATA_DIR:
      opts.data_dir = optarg;
      break;
    case OPT_PACK:
      opts.pack_path = optarg;
      break;
    case OPT_PREVIEW:
      opts.preview = true;
      break;
    case OPT_SEED:
      if (!str_parse_u64(optarg, &opts.seed)) {
        return cli_usage_error(&PREBUNK, _("--seed needs a whole number, not '%s'"), optarg);
      }
      opts.has_seed = true;
      break;
    case OPT_FULLSCREEN:
      opts.fullscreen = true;
      break;
    case OPT_DISPLAY:
      if (!str_parse_long(optarg, 0, 63, &v)) {
        return cli_usage_error(&PREBUNK, _("--display needs a display number, not '%s'"), optarg);
      }
      opts.display = (int)v;
      break;
    case OPT_SIZE:
      if (!parse_size(optarg, &opts.width, &opts.height)) {
        return cli_usage_error(&PREBUNK, _("--size needs WIDTHxHEIGHT (at least 320x240), not '%s'"), optarg);
      }
      break;
    case OPT_SCENE:
      opts.scene = optarg;
      break;
    case OPT_SCREENSHOT:
      opts.screenshot = optarg;
      break;
    case OPT_FRAMES:
      if (!str_parse_long(optarg, 1, 1000000, &v)) {
        return cli_usage_error(&PREBUNK, _("--frames needs a positive number, not '%s'"), optarg);
      }
      opts.quit_after_frames = (int)v;
      break;
    default:  // ':' or '?'
      return cli_getopt_error(&PREBUNK, c, argv);
    }
  }
  if (optind < argc) {
    return cli_unexpected_argument(&PREBUNK, argv[optind]);
  }
  if (opts.preview && !opts.pack_path) {
    return cli_usage_error(&PREBUNK, "%s", _("--preview needs --pack FILE"));
  }
  if (opts.scene && !app_scene_known(opts.scene)) {
    return cli_usage_error(&PREBUNK, _("unknown screen '%s'"), opts.scene);
  }
  return cmd_play(&opts);
}

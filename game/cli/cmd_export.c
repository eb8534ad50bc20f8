// prebunk export-moodle PACK -o OUT.xml: a pack as a Moodle XML question
// bank of true/false questions, for educators who teach with Moodle.

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/str.h"
#include "cli/cli.h"
#include "cli/cli_util.h"
#include "quiz/diag.h"
#include "quiz/export_moodle.h"
#include "quiz/pack_load.h"

static void usage(FILE *f) {
  fputs(_("Usage: prebunk export-moodle PACK.xml -o OUT.xml [--force]\n"
          "Write a quiz pack as Moodle XML true/false questions, to import into a\n"
          "Moodle question bank (Question bank > Import > Moodle XML format).\n"
          "\n"
          "  -o, --output FILE   the Moodle XML file to write (required)\n"
          "      --force         replace FILE if it exists\n"
          "  -h, --help          show this help and exit\n"
          "\n"
          "The pack must be valid (see 'prebunk validate'). Each item becomes a\n"
          "true/false question named by its id: the headline is the question text,\n"
          "'true' is correct for a real headline and 'false' for a fabricated one.\n"
          "The general feedback holds the explanation, then a line\n"
          "  Source: Outlet, YYYY-MM-DD, https://...\n"
          "and the tip as 'Tip: ...'; techniques become Moodle tags such as\n"
          "'technique:fake-expert', and the pack's title names the question\n"
          "category. 'prebunk import-moodle' reads all of this back, so a bank\n"
          "exported here and imported again gives the same items (ids may change).\n"
          "A source without a date cannot be written as a Source line and is left\n"
          "out with a warning.\n"
          "\n"
          "Exit status: 0 written; 1 the pack is invalid or the file cannot be\n"
          "written (nothing written); 2 usage error.\n"),
        f);
}

static const CliCommand EXPORT = {"export-moodle", usage};

typedef struct ExportArgs {
  const char *in, *out;
  bool force;
} ExportArgs;

// Returns -1 to go on, else the exit status.
static int parse_args(int argc, char **argv, ExportArgs *a) {
  enum { OPT_FORCE = 256 };
  static const struct option longopts[] = {
      {"help", no_argument, NULL, 'h'},
      {"output", required_argument, NULL, 'o'},
      {"force", no_argument, NULL, OPT_FORCE},
      {NULL, 0, NULL, 0},
  };
  *a = (ExportArgs){0};
  cli_getopt_reset();
  int c;
  while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
    switch (c) {
    case 'h':
      usage(stdout);
      return 0;
    case 'o':
      a->out = optarg;
      break;
    case OPT_FORCE:
      a->force = true;
      break;
    default:
      return cli_getopt_error(&EXPORT, c, argv);
    }
  }
  if (optind >= argc) {
    return cli_usage_error(&EXPORT, "%s", _("no pack file given"));
  }
  a->in = argv[optind++];
  if (optind < argc) {
    return cli_unexpected_argument(&EXPORT, argv[optind]);
  }
  if (!a->out || !*a->out) {
    return cli_usage_error(&EXPORT, "%s", _("no output file: give one with -o OUT.xml"));
  }
  return -1;
}

int cmd_export_moodle(int argc, char **argv) {
  ExportArgs a;
  int status = parse_args(argc, argv, &a);
  if (status >= 0) {
    return status;
  }
  if (fs_exists(a.out) && !a.force) {
    fprintf(stderr, _("prebunk export-moodle: %s already exists; nothing was written (use --force to replace it)\n"),
            a.out);
    return 1;
  }
  DiagList diags = {0};
  Pack *pack = pack_load_file(a.in, &diags);
  status = 1;
  if (!pack) {
    diag_print(&diags, stderr);
    fprintf(stderr, _("prebunk export-moodle: %s is not a valid pack; nothing was written\n"), a.in);
  } else {
    diag_clear(&diags);  // the pack's own warnings are validate's business
    MoodleExportReport report;
    char *err = NULL;
    char *xml = export_moodle_xml(pack, &report, &diags, &err);
    diag_print(&diags, stderr);
    if (!xml) {
      fprintf(stderr, "prebunk export-moodle: %s\n", err);
    } else if (!fs_write_atomic(a.out, xml, strlen(xml), &err)) {
      fprintf(stderr, "prebunk export-moodle: %s\n", err);
    } else {
      size_t real = pack_count_answer(pack, PACK_ANSWER_REAL);
      printf(ngettext("wrote %s: %zu true/false question (%zu real: true, %zu fabricated: false)\n",
                      "wrote %s: %zu true/false questions (%zu real: true, %zu fabricated: false)\n",
                      (unsigned long)report.questions),
             a.out, report.questions, real, pack->item_count - real);
      status = 0;
    }
    free(xml);
    free(err);
  }
  pack_destroy(pack);
  diag_clear(&diags);
  pack_loader_shutdown();
  return status;
}

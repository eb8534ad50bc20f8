// prebunk validate [--strict] FILE...
// Diagnostics go to stderr and one summary line per file to stdout, the way
// compilers and linters split them: `2>/dev/null` leaves just the verdicts,
// and an editor reading stderr gets only FILE:LINE: lines.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "cli/cli.h"
#include "cli/cli_util.h"
#include "quiz/diag.h"
#include "quiz/pack.h"
#include "quiz/pack_load.h"

static void print_usage(FILE *out) {
  fputs(_("Usage: prebunk validate [--strict] FILE...\n"
          "\n"
          "Checks quiz pack files (see quizzes/README.md). Every problem is printed to\n"
          "standard error as FILE:LINE: error: message (or warning:), then one summary\n"
          "line per file to standard output.\n"
          "\n"
          "  --strict     count warnings as errors\n"
          "  -h, --help   show this help and exit\n"
          "\n"
          "Exit status: 0 every file is valid, 1 some file is invalid, 2 usage error.\n"),
        out);
}

static const CliCommand VALIDATE = {"validate", print_usage};

// "FILE: ok, 24 items (12 real, 12 fabricated), 7 techniques[, 1 warning]"
// or "FILE: invalid, 3 errors[, 1 warning]".
static char *summary(const char *path, const Pack *pack, const DiagList *diags) {
  StrBuf b = {0};
  if (!pack || diags->errors > 0) {
    strbuf_appendf(&b, _("%s: invalid"), path);
    strbuf_append(&b, ", ");
    strbuf_appendf(&b, ngettext("%zu error", "%zu errors", diags->errors), diags->errors);
  } else {
    size_t real = pack_count_answer(pack, PACK_ANSWER_REAL);
    size_t techniques = (size_t)pack_technique_count(pack);
    strbuf_appendf(&b, _("%s: ok"), path);
    strbuf_append(&b, ", ");
    strbuf_appendf(&b, ngettext("%zu item", "%zu items", pack->item_count), pack->item_count);
    strbuf_append(&b, " (");
    strbuf_appendf(&b, _("%zu real, %zu fabricated"), real, pack->item_count - real);
    strbuf_append(&b, "), ");
    strbuf_appendf(&b, ngettext("%zu technique", "%zu techniques", techniques), techniques);
  }
  if (diags->warnings > 0) {
    strbuf_append(&b, ", ");
    strbuf_appendf(&b, ngettext("%zu warning", "%zu warnings", diags->warnings), diags->warnings);
  }
  return strbuf_take(&b);
}

int cmd_validate(int argc, char **argv) {
  bool strict = false;
  const char **files = calloc((size_t)(argc > 0 ? argc : 1), sizeof *files);
  if (!files) {
    return 1;
  }
  int count = 0;
  bool options_done = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
      files[count++] = a;
    } else if (strcmp(a, "--") == 0) {
      options_done = true;
    } else if (strcmp(a, "--strict") == 0) {
      strict = true;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      free(files);
      print_usage(stdout);
      return 0;
    } else {
      free(files);
      return cli_unknown_option(&VALIDATE, a);
    }
  }
  if (count == 0) {
    free(files);
    return cli_usage_error(&VALIDATE, "%s", _("no file given"));
  }

  int status = 0;
  for (int i = 0; i < count; i++) {
    DiagList diags = {0};
    // --strict is the check the importers call "ready to play".
    Pack *pack = strict ? pack_load_file_strict(files[i], &diags, NULL) : pack_load_file(files[i], &diags);
    diag_print(&diags, stderr);
    fflush(stderr);
    char *line = summary(files[i], pack, &diags);
    printf("%s\n", line);
    fflush(stdout);
    free(line);
    if (!pack || diags.errors > 0) {
      status = 1;
    }
    pack_destroy(pack);
    diag_clear(&diags);
  }
  free(files);
  pack_loader_shutdown();
  return status;
}

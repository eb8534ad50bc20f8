#include "cli/cli_util.h"

#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"

int cli_usage_error(const CliCommand *cmd, const char *fmt, ...) {
  assert(cmd && (cmd->name || cmd->usage));
  if (cmd->name) {
    fprintf(stderr, "prebunk %s: ", cmd->name);
  } else {
    fputs("prebunk: ", stderr);
  }
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  if (cmd->usage) {
    cmd->usage(stderr);
  } else {
    fprintf(stderr, _("Run 'prebunk %s --help' for the options.\n"), cmd->name);
  }
  return CLI_EXIT_USAGE;
}

int cli_unknown_option(const CliCommand *cmd, const char *option) {
  return cli_usage_error(cmd, _("unknown option '%s'"), option);
}

int cli_unexpected_argument(const CliCommand *cmd, const char *arg) {
  return cli_usage_error(cmd, _("unexpected argument '%s'"), arg);
}

int cli_getopt_error(const CliCommand *cmd, int c, char *const *argv) {
  const char *option = argv[optind - 1];
  if (c == ':') {
    return cli_usage_error(cmd, _("option '%s' needs a value"), option);
  }
  return cli_unknown_option(cmd, option);
}

void cli_getopt_reset(void) {
  opterr = 0;
  optind = 0;
}

int cli_printf(FILE *out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *text = xvasprintf(fmt, ap);
  va_end(ap);
  char *safe = utf8_escape_terminal(text);
  int n = fputs(safe, out);
  free(safe);
  free(text);
  return n;
}

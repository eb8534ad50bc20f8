#pragma once
// What the command line parsers of prebunk and its sub-commands share: one
// wording and one shape for usage errors ("prebunk scores: MESSAGE", then
// the help, exit status 2) and strict number parsing for option values.

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

// Exit status of a usage error (see cli.h).
enum { CLI_EXIT_USAGE = 2 };

// The command a usage error is about.
typedef struct CliCommand {
  const char *name;          // sub-command ("scores"), or NULL for prebunk itself; borrowed
  void (*usage)(FILE *out);  // prints the full help; NULL: a one-line hint to run NAME --help
} CliCommand;

// Prints "prebunk[ NAME]: MESSAGE" and the help (or the --help hint) to
// stderr. Returns CLI_EXIT_USAGE, for `return cli_usage_error(...)`.
int cli_usage_error(const CliCommand *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
// "unknown option 'OPTION'".
int cli_unknown_option(const CliCommand *cmd, const char *option);
// "unexpected argument 'ARG'" (a word left over after the options).
int cli_unexpected_argument(const CliCommand *cmd, const char *arg);
// The usage error for what getopt_long returned on a bad option (':' for a
// missing value, anything else for an unknown option) when called with an
// option string that starts with ':'; the option is argv[optind - 1].
int cli_getopt_error(const CliCommand *cmd, int c, char *const *argv);

// Prepares getopt_long for a fresh scan with our own messages (opterr = 0).
// GNU getopt keeps its state in globals: optind 0 restarts it, so a command
// can parse again after main or an earlier command in the same process.
void cli_getopt_reset(void);

// fprintf for messages and tables that quote file names or file content:
// the formatted text goes through utf8_escape_terminal, so no control or
// bidi character from a file reaches the terminal. Every command's output
// that echoes outside text goes through here or through diag_print.
int cli_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

// Numbers: str_parse_long / str_parse_u64 in base/str.h.

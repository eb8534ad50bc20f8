// placeholder: replaced by its owner
#include <stdio.h>
#include "cli/cli.h"
int cmd_import_moodle(int argc, char **argv) { (void)argc; (void)argv; fputs("not yet\n", stderr); return 2; }
int cmd_import_csv(int argc, char **argv) { (void)argc; (void)argv; fputs("not yet\n", stderr); return 2; }

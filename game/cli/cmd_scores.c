// placeholder: replaced by its owner
#include <stdio.h>
#include "cli/cli.h"
int cmd_scores(int argc, char **argv, const char *d) { (void)argc; (void)argv; (void)d; fputs("not yet\n", stderr); return 2; }

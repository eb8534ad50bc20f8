// placeholder: replaced by its owner
#include <stdio.h>
#include "cli/cli.h"
int cmd_validate(int argc, char **argv) { (void)argc; (void)argv; fputs("not yet\n", stderr); return 2; }

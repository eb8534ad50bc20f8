// placeholder: replaced by its owner
#include <stdio.h>
#include "cli/cli.h"
int cmd_play(const PlayOptions *o) { (void)o; fputs("not yet\n", stderr); return 2; }

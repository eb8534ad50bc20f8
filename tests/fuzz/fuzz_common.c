// Shared set-up of the fuzz targets and replays (see fuzz.h).

#include "fuzz.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/fs.h"
#include "base/log.h"

static char *temp_dir;
static char *input_path;

static void remove_temp_dir(void) {
  if (temp_dir) {
    fs_remove_tree(temp_dir);
  }
  free(temp_dir);
  free(input_path);
  temp_dir = NULL;
  input_path = NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  log_set_stderr(false);
  return 0;
}

const char *fuzz_input_path(const char *name) {
  if (!temp_dir) {
    temp_dir = fs_make_temp_dir("prebunk-fuzz");
    if (!temp_dir) {
      return NULL;
    }
    atexit(remove_temp_dir);
  }
  free(input_path);
  input_path = fs_join(temp_dir, name);
  return input_path;
}

const char *fuzz_write_input(const char *name, const uint8_t *data, size_t size) {
  const char *path = fuzz_input_path(name);
  FILE *f = path ? fopen(path, "wb") : NULL;
  if (!f) {
    return NULL;
  }
  bool ok = fwrite(data, 1, size, f) == size;
  ok = fclose(f) == 0 && ok;
  return ok ? temp_dir : NULL;
}

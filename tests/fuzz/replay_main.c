// Replays files through a fuzz target without libFuzzer, so that every build
// (gcc, ASan, valgrind) runs the seed corpus and each crash found by fuzzing
// (regressions/NAME) as a plain test. Arguments are files or folders (each
// regular file in them, in name order). Exits 1 when an argument cannot be
// read; a crash or sanitizer report fails the test by itself.

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "fuzz.h"

enum { REPLAY_MAX_BYTES = 64 * 1024 * 1024 };

static bool replay_file(const char *path) {
  char *data = NULL, *err = NULL;
  size_t len = 0;
  if (fs_read_file(path, REPLAY_MAX_BYTES, &data, &len, &err) != FS_READ_OK) {
    fprintf(stderr, "replay: %s: %s\n", path, err ? err : "cannot read");
    free(err);
    free(data);
    return false;
  }
  LLVMFuzzerTestOneInput((const uint8_t *)data, len);
  free(data);
  return true;
}

static int by_name(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

static int skip_dots(const struct dirent *e) {
  return e->d_name[0] != '.';
}

// Every file in `dir`; *count is raised by the files replayed.
static bool replay_dir(const char *dir, size_t *count) {
  struct dirent **names = NULL;
  int n = scandir(dir, &names, skip_dots, by_name);
  if (n < 0) {
    fprintf(stderr, "replay: %s: cannot list the folder\n", dir);
    return false;
  }
  bool ok = true;
  for (int i = 0; i < n; i++) {
    char *path = fs_join(dir, names[i]->d_name);
    if (!fs_is_dir(path)) {
      ok = replay_file(path) && ok;
      (*count)++;
    }
    free(path);
    free(names[i]);
  }
  free(names);
  return ok;
}

int main(int argc, char **argv) {
  LLVMFuzzerInitialize(&argc, &argv);
  bool ok = true;
  size_t count = 0;
  for (int i = 1; i < argc; i++) {
    if (fs_is_dir(argv[i])) {
      ok = replay_dir(argv[i], &count) && ok;
    } else {
      ok = replay_file(argv[i]) && ok;
      count++;
    }
  }
  printf("replay: %zu inputs run\n", count);
  return ok ? 0 : 1;
}

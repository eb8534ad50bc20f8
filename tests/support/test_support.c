#include "support/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/str.h"

char *test_tmpdir(void) {
  char *dir = fs_make_temp_dir("prebunk-test");
  if (!dir) {
    fail_msg("cannot create a temporary folder");
  }
  return dir;
}

void test_rmtree(const char *path) {
  if (path) {
    fs_remove_tree(path);
  }
}

static char *env_path(const char *var, const char *name) {
  const char *root = getenv(var);
  if (!root) {
    fail_msg("%s is not set: run the tests through ctest", var);
  }
  return fs_join(root, name);
}

char *test_data_path(const char *name) {
  return env_path("PREBUNK_TEST_DATA", name);
}

char *test_source_path(const char *name) {
  return env_path("PREBUNK_SOURCE_DIR", name);
}

char *test_write_file(const char *dir, const char *name, const char *text) {
  char *path = fs_join(dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return path;
}

char *test_read_file(const char *path) {
  char *data, *err;
  size_t len;
  if (fs_read_file(path, (size_t)1 << 30, &data, &len, &err) != FS_READ_OK) {
    fail_msg("cannot read %s: %s", path, err);
  }
  return data;
}

char *test_run(const char *command, int *status) {
  char *full = xasprintf("%s 2>&1", command);
  FILE *p = popen(full, "r");
  free(full);
  assert_non_null(p);
  StrBuf out = {0};
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
    strbuf_append_n(&out, buf, n);
  }
  int rc = pclose(p);
  *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : 128 + WTERMSIG(rc);
  return strbuf_take(&out);
}

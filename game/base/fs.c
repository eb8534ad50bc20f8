// _XOPEN_SOURCE (for nftw) comes from the build: see base/CMakeLists.txt.
#include "base/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/str.h"

FsReadStatus fs_read_file(const char *path, size_t max_bytes, char **data, size_t *len, char **err) {
  *data = NULL;
  *len = 0;
  *err = NULL;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *err = xasprintf("cannot open: %s", strerror(errno));
    return FS_READ_ERROR;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *err = xstrdup(S_ISDIR(st.st_mode) ? "is a folder, not a file" : "not a regular file");
    close(fd);
    return FS_READ_ERROR;
  }
  if ((uint64_t)st.st_size > max_bytes) {
    *err = xasprintf("file is %lld bytes, larger than the limit of %zu bytes", (long long)st.st_size, max_bytes);
    close(fd);
    return FS_READ_TOO_BIG;
  }
  size_t cap = (size_t)st.st_size + 1, n = 0;
  char *buf = xmalloc(cap + 1);
  for (;;) {
    if (n == cap) {
      if (cap > max_bytes) {
        free(buf);
        close(fd);
        *err = xasprintf("file is larger than the limit of %zu bytes", max_bytes);
        return FS_READ_TOO_BIG;
      }
      cap *= 2;
      buf = xrealloc(buf, cap + 1);
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0) {
      if (errno == EINTR) {
        continue;
      }
      *err = xasprintf("cannot read: %s", strerror(errno));
      free(buf);
      close(fd);
      return FS_READ_ERROR;
    }
    if (r == 0) {
      break;
    }
    n += (size_t)r;
  }
  close(fd);
  if (n > max_bytes) {
    free(buf);
    *err = xasprintf("file is larger than the limit of %zu bytes", max_bytes);
    return FS_READ_TOO_BIG;
  }
  buf[n] = '\0';
  *data = buf;
  *len = n;
  return FS_READ_OK;
}

static bool fsync_dir_of(const char *path) {
  char *dir = xstrdup(path);
  char *slash = strrchr(dir, '/');
  if (!slash) {
    free(dir);
    dir = xstrdup(".");  // a copy of "" would have no room for "."
  } else if (slash == dir) {
    slash[1] = '\0';
  } else {
    *slash = '\0';
  }
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  free(dir);
  if (fd < 0) {
    return false;
  }
  bool ok = fsync(fd) == 0;
  close(fd);
  return ok;
}

bool fs_write_atomic(const char *path, const void *data, size_t len, char **err) {
  *err = NULL;
  char *tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *err = xasprintf("cannot create %s: %s", tmp, strerror(errno));
    free(tmp);
    return false;
  }
  const char *p = data;
  size_t left = len;
  while (left > 0) {
    ssize_t w = write(fd, p, left);
    if (w < 0) {
      if (errno == EINTR) {
        continue;
      }
      *err = xasprintf("cannot write %s: %s", tmp, strerror(errno));
      close(fd);
      unlink(tmp);
      free(tmp);
      return false;
    }
    p += w;
    left -= (size_t)w;
  }
  if (fsync(fd) != 0 || close(fd) != 0) {
    *err = xasprintf("cannot flush %s: %s", tmp, strerror(errno));
    unlink(tmp);
    free(tmp);
    return false;
  }
  if (rename(tmp, path) != 0) {
    *err = xasprintf("cannot replace %s: %s", path, strerror(errno));
    unlink(tmp);
    free(tmp);
    return false;
  }
  free(tmp);
  fsync_dir_of(path);
  return true;
}

bool fs_is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st;
  (void)flag;
  (void)ftw;
  return remove(path);
}

bool fs_remove_tree(const char *path) {
  nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  return !fs_exists(path);
}

char *fs_make_temp_dir(const char *prefix) {
  const char *base = getenv("TMPDIR");
  char *tmpl = xasprintf("%s/%s-XXXXXX", base && *base ? base : "/tmp", prefix);
  if (!mkdtemp(tmpl)) {
    free(tmpl);
    return NULL;
  }
  return tmpl;
}

bool fs_exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

bool fs_mkdir_p(const char *path) {
  char *p = xstrdup(path);
  for (char *s = p + 1; *s; s++) {
    if (*s == '/') {
      *s = '\0';
      if (mkdir(p, 0755) != 0 && errno != EEXIST) {
        free(p);
        return false;
      }
      *s = '/';
    }
  }
  bool ok = mkdir(p, 0755) == 0 || errno == EEXIST;
  free(p);
  return ok && fs_is_dir(path);
}

int64_t fs_mtime_ns(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    return 0;
  }
  return (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
}

char *fs_join(const char *a, const char *b) {
  size_t la = strlen(a);
  while (la > 1 && a[la - 1] == '/') {
    la--;
  }
  while (*b == '/') {
    b++;
  }
  return xasprintf("%.*s/%s", (int)la, a, b);
}

const char *fs_basename(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

#include <SDL.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/str.h"
#include "cli/cli.h"

// The data folder with one "prebunk" level: $XDG_DATA_HOME/prebunk, or
// ~/.local/share/prebunk when the variable is unset, empty or relative (the
// XDG spec says to ignore a relative one). SDL_GetPrefPath("prebunk",
// "prebunk") doubled the level, and with XDG_DATA_HOME="" gave
// /prebunk/prebunk. Other systems keep SDL's folder for the app alone.
static char *default_user_dir(void) {
#if defined(__unix__) && !defined(__APPLE__)
  const char *xdg = getenv("XDG_DATA_HOME");
  if (xdg && xdg[0] == '/') {
    return xasprintf("%s/prebunk", xdg);
  }
  const char *home = getenv("HOME");
  if (home && home[0] == '/') {
    return xasprintf("%s/.local/share/prebunk", home);
  }
#endif
  char *pref = SDL_GetPrefPath("", "prebunk");
  if (!pref) {
    fprintf(stderr, "prebunk: error: cannot find a data folder: %s\n", SDL_GetError());
    return NULL;
  }
  char *dir = xstrdup(pref);
  SDL_free(pref);
  return dir;
}

// Earlier versions kept the data one level deeper (DIR/prebunk). Moves
// what is there up into DIR once, never replacing anything already in DIR,
// and removes the old folder when it is empty. Returns how many entries moved.
static size_t move_doubled_dir(const char *dir) {
  char *old = fs_join(dir, "prebunk");
  DIR *d = fs_is_dir(old) ? opendir(old) : NULL;
  size_t moved = 0;
  for (struct dirent *de; d && (de = readdir(d)) != NULL;) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 || strcmp(de->d_name, "prebunk") == 0) {
      continue;
    }
    char *from = fs_join(old, de->d_name), *to = fs_join(dir, de->d_name);
    struct stat st;
    if (lstat(to, &st) == 0) {
      fprintf(stderr, "prebunk: warning: %s was left where it is: %s already exists\n", from, to);
    } else if (rename(from, to) != 0) {
      fprintf(stderr, "prebunk: warning: cannot move %s to %s: %s\n", from, to, strerror(errno));
    } else {
      moved++;
    }
    free(from);
    free(to);
  }
  if (d) {
    closedir(d);
    rmdir(old);  // fails, as it should, when something was left there
    if (moved > 0) {
      fprintf(stderr, "prebunk: moved the data from %s to %s (the folder has one level now)\n", old, dir);
    }
  }
  free(old);
  return moved;
}

char *paths_user_dir(const char *override) {
  char *dir = override ? xstrdup(override) : default_user_dir();
  if (!dir) {
    return NULL;
  }
  size_t n = strlen(dir);
  while (n > 1 && dir[n - 1] == '/') {
    dir[--n] = '\0';
  }
  if (!fs_mkdir_p(dir)) {
    fprintf(stderr, "prebunk: warning: cannot create data folder %s\n", dir);
  } else if (!override) {
    move_doubled_dir(dir);
  }
  return dir;
}

static bool has_content(const char *dir) {
  char *q = fs_join(dir, "quizzes");
  char *a = fs_join(dir, "assets/fonts");
  bool ok = fs_is_dir(q) && fs_is_dir(a);
  free(q);
  free(a);
  return ok;
}

char *paths_content_dir(void) {
  const char *env = getenv("PREBUNK_DATA_DIR");
  if (env && *env) {
    return xstrdup(env);
  }
  char *base = SDL_GetBasePath();  // ends with '/'
  if (base) {
    char *installed = xasprintf("%s../share/prebunk", base);
    SDL_free(base);
    if (has_content(installed)) {
      return installed;
    }
    free(installed);
  }
  if (has_content(PREBUNK_SOURCE_DATA_DIR)) {
    return xstrdup(PREBUNK_SOURCE_DATA_DIR);
  }
  return xstrdup(".");
}

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/str.h"
#include "cli/cli.h"

char *paths_user_dir(const char *override) {
  char *dir = NULL;
  if (override) {
    dir = xstrdup(override);
  } else {
    char *pref = SDL_GetPrefPath("prebunk", "prebunk");
    if (!pref) {
      fprintf(stderr, "prebunk: error: cannot find a data folder: %s\n", SDL_GetError());
      return NULL;
    }
    dir = xstrdup(pref);
    SDL_free(pref);
  }
  size_t n = strlen(dir);
  while (n > 1 && dir[n - 1] == '/') {
    dir[--n] = '\0';
  }
  if (!fs_mkdir_p(dir)) {
    fprintf(stderr, "prebunk: warning: cannot create data folder %s\n", dir);
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

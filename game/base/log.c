#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fs.h"

static struct {
  LogLevel level;
  bool level_set;
  bool quiet;
  FILE *file;
} g_log;

static const char *const level_names[] = {"debug", "info", "warn", "error"};

static LogLevel effective_level(void) {
  if (!g_log.level_set) {
    const char *env = getenv("PREBUNK_DEBUG");
    g_log.level = (env && *env && strcmp(env, "0") != 0) ? LOG_DEBUG : LOG_INFO;
    g_log.level_set = true;
  }
  return g_log.level;
}

void log_set_level(LogLevel level) {
  g_log.level = level;
  g_log.level_set = true;
}

LogLevel log_get_level(void) {
  return effective_level();
}

bool log_open_file(const char *path) {
  log_close_file();
  // Not fopen(): a FIFO named prebunk.log would block the start.
  char *err = NULL;
  g_log.file = fs_open_append(path, &err);
  free(err);
  return g_log.file != NULL;
}

void log_close_file(void) {
  if (g_log.file) {
    fclose(g_log.file);
    g_log.file = NULL;
  }
}

void log_set_stderr(bool enabled) {
  g_log.quiet = !enabled;
}

void log_write(LogLevel level, const char *func, int line, const char *fmt, ...) {
  if (level < effective_level()) {
    return;
  }
  char msg[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (!g_log.quiet) {
    fprintf(stderr, "prebunk: %s: %s:%d: %s\n", level_names[level], func, line, msg);
  }
  if (g_log.file) {
    char stamp[32] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm)) {
      strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
    }
    fprintf(g_log.file, "%s %s %s:%d: %s\n", stamp, level_names[level], func, line, msg);
    fflush(g_log.file);
  }
}

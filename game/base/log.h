#pragma once
// Logging: log_debug/info/warn/error write "LEVEL func:line: message" to
// stderr and, once log_open_file() succeeded, to a log file as well.
// The log is process-wide by nature; it is the one piece of global state.

#include <stdbool.h>

typedef enum LogLevel {
  LOG_DEBUG,
  LOG_INFO,
  LOG_WARN,
  LOG_ERROR,
} LogLevel;

// Messages below `level` are dropped (default LOG_INFO; PREBUNK_DEBUG=1 in
// the environment lowers it to LOG_DEBUG).
void log_set_level(LogLevel level);
LogLevel log_get_level(void);
// Also write to `path` (appended). Returns false, leaving stderr only, when the
// file cannot be opened.
bool log_open_file(const char *path);
void log_close_file(void);
// Silence stderr output (tests); the file sink stays.
void log_set_stderr(bool enabled);

void log_write(LogLevel level, const char *func, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#define log_debug(...) log_write(LOG_DEBUG, __func__, __LINE__, __VA_ARGS__)
#define log_info(...) log_write(LOG_INFO, __func__, __LINE__, __VA_ARGS__)
#define log_warn(...) log_write(LOG_WARN, __func__, __LINE__, __VA_ARGS__)
#define log_error(...) log_write(LOG_ERROR, __func__, __LINE__, __VA_ARGS__)

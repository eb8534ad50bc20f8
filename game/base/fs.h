#pragma once
// File helpers. Errors come back as a message in `err` (never NULL on failure,
// owned by the caller) so callers can report FILE: error: ... themselves.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum FsReadStatus {
  FS_READ_OK,
  FS_READ_ERROR,    // could not open or read
  FS_READ_TOO_BIG,  // larger than the cap
} FsReadStatus;

// Opens `path` (flags such as O_RDONLY, or O_WRONLY | O_APPEND | O_CREAT)
// without blocking and makes sure it is a regular file before anything is
// read or written: a FIFO, device, socket or folder in its place (also behind
// a symbolic link) is refused with *err saying which ("is a named pipe
// (FIFO), not a file"). Returns the descriptor (owned, blocking again,
// close-on-exec) or -1 with *err (owned).
int fs_open_regular(const char *path, int flags, char **err);
// For files opened by a library (SQLite, SDL): true when `path` is a regular
// file or absent; else false with *err (owned) as above.
bool fs_check_regular(const char *path, char **err);
// fs_open_regular for appending (a log): a stdio stream owned by the caller.
FILE *fs_open_append(const char *path, char **err);
// "a folder, not a file", "a named pipe (FIFO), not a file", ... for a
// st_mode (borrowed, static).
const char *fs_kind_text(unsigned mode);
// Reads a whole regular file (opened with fs_open_regular), refusing anything larger than `max_bytes`
// (checked before and while reading). *data is NUL-terminated, owned by the caller.
FsReadStatus fs_read_file(const char *path, size_t max_bytes, char **data, size_t *len, char **err);
// Writes `data` to `path` so that a crash leaves either the old or the new
// file: write a temporary beside it, fsync, rename over, fsync the folder.
bool fs_write_atomic(const char *path, const void *data, size_t len, char **err);
// mkdir -p; true if the folder exists afterwards.
bool fs_mkdir_p(const char *path);
bool fs_is_dir(const char *path);
// Removes a folder and everything in it (not following links). True when it
// is gone afterwards.
bool fs_remove_tree(const char *path);
// A new empty folder under $TMPDIR (or /tmp) named prefix-XXXXXX; owned by the
// caller, NULL on failure.
char *fs_make_temp_dir(const char *prefix);
bool fs_exists(const char *path);
// Modification time in nanoseconds, or 0 when the file is missing.
int64_t fs_mtime_ns(const char *path);
// Joins two path parts with exactly one '/'. Owned by the caller.
char *fs_join(const char *a, const char *b);
// The final component of a path (borrowed pointer into `path`).
const char *fs_basename(const char *path);

// Opening the store: the file checks, recovery of a damaged file, the
// read-only and query-only fallbacks in memory, and the instance lock.

#include "store/store_internal.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"

// ---- opening -----------------------------------------------------------------

typedef enum FileState {
  FILE_USABLE,      // open read-write, configured
  FILE_CORRUPT,     // not a database, or quick_check failed
  FILE_NEWER,       // schema newer than this build
  FILE_UNWRITABLE,  // cannot be opened or written (permissions, lock, disk)
} FileState;

// Its end time is its last answer (or its start), not the time of this open.
// PRAGMA user_version as a number; anything unreadable counts as a version
// this build does not know (so the file is left alone, never migrated).
static int schema_version_of(const char *text) {
  long v = 0;
  if (!text || !str_parse_long(text, 0, INT32_MAX, &v)) {
    return INT32_MAX;
  }
  return (int)v;
}

static int abandon_stale_rounds(sqlite3 *db) {
  if (!store_db_exec(db,
                     "UPDATE rounds SET status = 'abandoned', ended_ms = COALESCE("
                     "  (SELECT MAX(a.answered_ms) FROM answers a WHERE a.round_id = rounds.id), started_ms)"
                     " WHERE status = 'in_progress'",
                     NULL)) {
    return 0;
  }
  return sqlite3_changes(db);
}

// "ok", or the first problem quick_check found (owned) in *problem.
static int check_quick(sqlite3 *db, char **problem) {
  char *text;
  int rc = store_db_scalar(db, "PRAGMA quick_check", &text);
  if (rc == SQLITE_OK && strcmp(text, "ok") != 0) {
    *problem = text;
    return SQLITE_CORRUPT;
  }
  free(text);
  return rc;
}

static FileState classify(sqlite3 *db, int rc, char **detail) {
  store_set_err(detail, "%s (%s)", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc), sqlite3_errstr(rc));
  return store_is_corruption(rc) ? FILE_CORRUPT : FILE_UNWRITABLE;
}

// classify() for a connection that failed to open or read: closes it.
static FileState classify_close(sqlite3 *db, int rc, char **detail) {
  FileState state = classify(db, rc, detail);
  sqlite3_close(db);
  return state;
}

static void store_db_configure(sqlite3 *db) {
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
  store_db_exec(db, "PRAGMA foreign_keys = ON", NULL);
  store_schema_register_functions(db);
}

// Checks an existing file through a read-only connection: unlike a
// read-write one, closing it never checkpoints a WAL into the main file or
// deletes the WAL, so a damaged or newer file is left exactly as it was.
static FileState probe_file(const char *path, int *file_version, char **detail) {
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
  char *text = NULL;
  if (rc == SQLITE_OK) {
    store_db_configure(db);
    rc = store_db_scalar(db, "PRAGMA user_version", &text);
  }
  if (rc != SQLITE_OK) {
    return classify_close(db, rc, detail);
  }
  *file_version = schema_version_of(text);
  free(text);
  FileState state = FILE_USABLE;
  char *problem = NULL;
  if (*file_version > STORE_SCHEMA_VERSION) {
    store_set_err(detail, "schema version %d, this build knows %d", *file_version, STORE_SCHEMA_VERSION);
    state = FILE_NEWER;
  } else if ((rc = check_quick(db, &problem)) != SQLITE_OK) {
    if (problem) {
      store_set_err(detail, "quick_check: %s", problem);
      free(problem);
      state = FILE_CORRUPT;
    } else {
      state = classify(db, rc, detail);
    }
  }
  sqlite3_close(db);
  return state;
}

static FileState open_file_rw(const char *path, sqlite3 **out, int *file_version, char **detail) {
  *out = NULL;
  if (fs_exists(path)) {
    FileState s = probe_file(path, file_version, detail);
    if (s != FILE_USABLE) {
      return s;
    }
  }
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK) {
    return classify_close(db, rc, detail);
  }
  store_db_configure(db);
  // WAL: readers (`prebunk scores`) never block the game's writes, and a
  // commit is one append. FULL syncs the WAL on every commit, so an answer
  // reported saved is on disk even after a power cut, not just a crash.
  char *text = NULL;
  rc = store_db_scalar(db, "PRAGMA journal_mode = WAL", &text);
  bool wal = rc == SQLITE_OK && text && strcmp(text, "wal") == 0;
  free(text);
  if (!wal) {
    FileState s = rc != SQLITE_OK ? classify(db, rc, detail) : FILE_UNWRITABLE;
    if (rc == SQLITE_OK) {
      store_set_err(detail, "%s", "cannot switch the journal to WAL");
    }
    sqlite3_close(db);
    return s;
  }
  store_db_exec(db, "PRAGMA synchronous = FULL", NULL);
  *out = db;
  return FILE_USABLE;
}

// Percent-encodes a path for a file: URI (needed for ?immutable=1).
static char *path_uri(const char *path, const char *query) {
  StrBuf b = {0};
  strbuf_append(&b, "file:");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
      strbuf_append_char(&b, (char)*p);
    } else {
      strbuf_appendf(&b, "%%%02X", *p);
    }
  }
  strbuf_appendf(&b, "?%s", query);
  return strbuf_take(&b);
}

typedef enum SnapState {
  SNAP_OK,
  SNAP_MISSING,
  SNAP_DAMAGED,
  SNAP_NEWER,
  SNAP_UNREADABLE,
} SnapState;

// Copies the database at `path` into the in-memory `mem` without writing to
// it. A WAL left by a running or crashed game is read through (read-only
// connection); without one the file is opened immutable, which creates no
// -wal/-shm files beside it.
static SnapState snapshot_file(const char *path, sqlite3 *mem, int *file_version, char **detail) {
  if (!fs_exists(path)) {
    return SNAP_MISSING;
  }
  char *wal = xasprintf("%s-wal", path);
  char *uri = path_uri(path, fs_exists(wal) ? "mode=ro" : "immutable=1");
  free(wal);
  sqlite3 *src = NULL;
  int rc = sqlite3_open_v2(uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  free(uri);
  SnapState state = SNAP_OK;
  char *text = NULL;
  if (rc == SQLITE_OK) {
    sqlite3_extended_result_codes(src, 1);
    sqlite3_busy_timeout(src, STORE_BUSY_TIMEOUT_MS);
    rc = store_db_scalar(src, "PRAGMA user_version", &text);
  }
  if (rc != SQLITE_OK) {
    store_set_err(detail, "%s", src ? sqlite3_errmsg(src) : sqlite3_errstr(rc));
    state = store_is_corruption(rc) ? SNAP_DAMAGED : SNAP_UNREADABLE;
  } else {
    *file_version = schema_version_of(text);
    if (*file_version > STORE_SCHEMA_VERSION) {
      store_set_err(detail, "schema version %d, this build knows %d", *file_version, STORE_SCHEMA_VERSION);
      state = SNAP_NEWER;
    } else {
      sqlite3_backup *bk = sqlite3_backup_init(mem, "main", src, "main");
      if (!bk) {
        rc = sqlite3_errcode(mem);
        store_set_err(detail, "%s", sqlite3_errmsg(mem));
      } else {
        sqlite3_backup_step(bk, -1);
        rc = sqlite3_backup_finish(bk);
        if (rc != SQLITE_OK) {
          store_set_err(detail, "%s", sqlite3_errstr(rc));
        }
      }
      if (rc != SQLITE_OK) {
        state = store_is_corruption(rc) ? SNAP_DAMAGED : SNAP_UNREADABLE;
      }
    }
  }
  free(text);
  sqlite3_close(src);
  if (state == SNAP_OK) {
    char *problem = NULL;
    rc = check_quick(mem, &problem);
    if (rc != SQLITE_OK) {
      store_set_err(detail, "quick_check: %s", problem ? problem : sqlite3_errmsg(mem));
      free(problem);
      state = SNAP_DAMAGED;
    }
  }
  return state;
}

static Store *store_wrap(sqlite3 *db, bool persistent) {
  Store *s = xcalloc(1, sizeof *s);
  s->db = db;
  s->persistent = persistent;
  s->lock_fd = -1;
  return s;
}

// A game holds a write lock on scores.db.lock while its store is open, so a
// second copy of the game started meanwhile knows the rounds in progress are
// being played, not left by a crash. Returns the descriptor (-1 if the lock
// file cannot be made: then we cannot tell, and assume we are alone);
// *other is true when another process holds the lock.
static int lock_instance(const char *db_path, bool *other) {
  *other = false;
  char *path = xasprintf("%s.lock", db_path);
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  free(path);
  if (fd < 0) {
    return -1;
  }
  struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
  if (fcntl(fd, F_SETLK, &fl) != 0) {
    *other = errno == EACCES || errno == EAGAIN;
    close(fd);
    return -1;
  }
  return fd;
}

// A new, configured, empty in-memory database, or NULL (and *detail).
static sqlite3 *memory_db(char **detail) {
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
    store_set_err(detail, "%s", db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return NULL;
  }
  store_db_configure(db);
  return db;
}

// An in-memory store, optionally seeded with a copy of the file at
// `seed_path`. *snap tells what became of the copy (SNAP_MISSING when none
// was made).
static Store *open_memory(const char *seed_path, SnapState *snap, int *file_version, char **detail) {
  *snap = SNAP_MISSING;
  sqlite3 *db = memory_db(detail);
  if (!db) {
    return NULL;
  }
  *snap = seed_path ? snapshot_file(seed_path, db, file_version, detail) : SNAP_MISSING;
  if (*snap != SNAP_OK) {
    // A failed or partial copy is thrown away: start from an empty schema.
    // (The copy's failure stays in *detail.)
    sqlite3_close(db);
    db = memory_db(NULL);
    if (!db) {
      return NULL;
    }
  }
  if (!store_schema_migrate(db, detail)) {
    sqlite3_close(db);
    return NULL;
  }
  return store_wrap(db, false);
}

// Makes renames in the folder of `path` durable before a fresh file takes
// the old name (a power cut must not lose the set-aside copy).
static void fsync_parent(const char *path) {
  const char *slash = strrchr(path, '/');
  // "/x" -> "/", "a/b/x" -> "a/b", "x" -> ".".
  char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  free(dir);
}

// Renames path (and its -wal, -shm, -journal) to path.corrupt-<UTC stamp>,
// adding -2, -3... if that name is taken. Nothing is deleted.
static bool move_aside(const char *path, int64_t now_ms, char **moved_to, char **detail) {
  time_t t = now_ms > 0 ? (time_t)(now_ms / 1000) : time(NULL);
  struct tm tm;
  char stamp[32];
  if (!gmtime_r(&t, &tm) || strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0) {
    snprintf(stamp, sizeof stamp, "%lld", (long long)t);
  }
  char *target = NULL;
  for (int n = 1; n < 1000 && !target; n++) {
    char *candidate = n == 1 ? xasprintf("%s.corrupt-%s", path, stamp) : xasprintf("%s.corrupt-%s-%d", path, stamp, n);
    char *cand_wal = xasprintf("%s-wal", candidate);
    if (!fs_exists(candidate) && !fs_exists(cand_wal)) {
      target = candidate;
    } else {
      free(candidate);
    }
    free(cand_wal);
  }
  if (!target) {
    store_set_err(detail, "%s", "no free name to set the damaged file aside");
    return false;
  }
  if (rename(path, target) != 0) {
    store_set_err(detail, "cannot rename %s to %s: %s", path, target, strerror(errno));
    free(target);
    return false;
  }
  static const char *const companions[] = {"-wal", "-shm", "-journal"};
  for (size_t i = 0; i < sizeof companions / sizeof companions[0]; i++) {
    char *from = xasprintf("%s%s", path, companions[i]);
    char *to = xasprintf("%s%s", target, companions[i]);
    if (fs_exists(from) && rename(from, to) != 0) {
      log_warn("cannot rename %s to %s: %s", from, to, strerror(errno));
    }
    free(from);
    free(to);
  }
  fsync_parent(path);
  *moved_to = target;
  return true;
}

static bool dir_writable(const char *dir) {
  return fs_mkdir_p(dir) && fs_is_dir(dir) && access(dir, W_OK) == 0;
}

// The errno of opening the existing file at `path` for reading (EACCES for
// a mode 000 file), `forced` when non-zero (tests run as root, which reads
// anything), or 0 when it can be read or does not exist. Checked first, so
// that an unreadable file is reported as such, not as an unwritable folder
// or a damaged database: it is neither, and must be left where it is.
// A FIFO, socket or device (ENODEV) or a folder (EISDIR) in the place of
// the file or of SQLite's companions: SQLite would block reading a FIFO, so
// these are refused before SQLite sees the name.
static int file_kind_errno(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0 || S_ISREG(st.st_mode)) {
    return 0;
  }
  return S_ISDIR(st.st_mode) ? EISDIR : ENODEV;
}

static int file_read_errno(const char *path, int forced) {
  static const char *const companions[] = {"-wal", "-shm", "-journal"};
  for (size_t i = 0; i < sizeof companions / sizeof companions[0]; i++) {
    char *other = xasprintf("%s%s", path, companions[i]);
    int e = file_kind_errno(other);
    free(other);
    if (e) {
      return e;
    }
  }
  if (!fs_exists(path)) {
    return 0;
  }
  if (forced) {
    return forced;
  }
  int e = file_kind_errno(path);
  if (e) {
    return e;
  }
  // O_NONBLOCK: a FIFO put in its place meanwhile must not hang the game.
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    return errno == ENOENT ? 0 : errno;
  }
  close(fd);
  return 0;
}

// "permission denied" for the usual case (translated, in the sentence's
// case), else the system's text.
static const char *read_errno_text(int e) {
  if (e == ENODEV) {
    return _("it is not a regular file (a named pipe, socket or device)");
  }
  if (e == EISDIR) {
    return _("it is a folder, not a file");
  }
  return e == EACCES || e == EPERM ? _("permission denied") : strerror(e);
}

static Store *open_query_only(const char *dir, StoreOpenResult *r, int forced_read_errno) {
  r->read_errno = file_read_errno(r->path, forced_read_errno);
  if (r->read_errno) {
    // The message says it all (store_open_result_message): no detail.
    r->status = STORE_OPEN_UNREADABLE;
    return NULL;
  }
  SnapState snap;
  Store *s = open_memory(r->path, &snap, &r->file_version, &r->detail);
  switch (snap) {
  case SNAP_OK:
    r->status = STORE_OPEN_OK;
    break;
  case SNAP_MISSING:
    r->status = STORE_OPEN_MISSING;
    break;
  case SNAP_NEWER:
    r->status = STORE_OPEN_NEWER_VERSION;
    break;
  case SNAP_DAMAGED:
    // What the game checks before it may move a damaged file aside
    // (store_open): else it plays in memory and leaves the file as it is.
    r->status = STORE_OPEN_DAMAGED;
    r->stuck = access(dir, W_OK) != 0 || access(r->path, W_OK) != 0;
    store_close(s);
    return NULL;
  case SNAP_UNREADABLE:
    // Not damage (locked, an I/O error): the game would not set it aside.
    r->status = STORE_OPEN_UNREADABLE;
    store_close(s);
    return NULL;
  }
  if (!s) {
    r->status = STORE_OPEN_FAILED;
  }
  return s;
}

// The game cannot save: keep this session's scores in memory, starting from
// a copy of the saved ones when they can be read.
static Store *open_unsaved(StoreOpenResult *r, StoreOpenStatus status, bool seed) {
  SnapState snap;
  int version = 0;
  char *snap_detail = NULL;
  Store *s = open_memory(seed ? r->path : NULL, &snap, &version, &snap_detail);
  if (snap != SNAP_OK && snap != SNAP_MISSING && snap_detail) {
    log_warn("cannot copy the old scores: %s", snap_detail);
  }
  free(snap_detail);
  if (!s) {
    r->status = STORE_OPEN_FAILED;
    return NULL;
  }
  r->status = status;
  if (snap == SNAP_OK) {
    r->abandoned = abandon_stale_rounds(s->db);
  }
  return s;
}

Store *store_open(const char *dir, const StoreOptions *opts, StoreOpenResult *r) {
  assert(dir && r);
  StoreOptions o = opts ? *opts : (StoreOptions){0};
  memset(r, 0, sizeof *r);
  r->path = fs_join(dir, STORE_FILE_NAME);
  if (o.query_only) {
    Store *s = open_query_only(dir, r, o.force_read_errno);
    if (s && o.raw_names) {
      store_schema_show_raw_names(s->db);
    }
    return s;
  }
  r->read_errno = file_read_errno(r->path, o.force_read_errno);
  if (r->read_errno) {
    store_set_err(&r->detail, "cannot read the score file %s: %s", r->path, read_errno_text(r->read_errno));
    log_warn("%s; it is left as it is, and scores are kept in memory only", r->detail);
    return open_unsaved(r, STORE_OPEN_READ_ONLY, false);
  }
  bool writable = !o.force_read_only && dir_writable(dir);
  if (writable && fs_exists(r->path) && access(r->path, W_OK) != 0) {
    writable = false;
  }
  if (!writable) {
    store_set_err(&r->detail, "%s", o.force_read_only ? "read-only mode requested" : "the folder cannot be written");
    log_warn("%s: %s; scores are kept in memory only", r->path, r->detail);
    return open_unsaved(r, STORE_OPEN_READ_ONLY, true);
  }
  sqlite3 *db = NULL;
  FileState state = open_file_rw(r->path, &db, &r->file_version, &r->detail);
  if (state == FILE_CORRUPT) {
    log_error("%s is damaged: %s", r->path, r->detail ? r->detail : "");
    char *move_err = NULL;
    if (!move_aside(r->path, o.now_ms, &r->moved_to, &move_err)) {
      log_error("%s", move_err);
      store_set_err(&r->detail, "%s", move_err);
      free(move_err);
      return open_unsaved(r, STORE_OPEN_READ_ONLY, false);
    }
    log_warn("damaged score database moved to %s; starting a new one", r->moved_to);
    char *again = NULL;
    state = open_file_rw(r->path, &db, &r->file_version, &again);
    if (state != FILE_USABLE) {
      store_set_err(&r->detail, "%s", again ? again : "cannot start a new database");
      free(again);
      return open_unsaved(r, STORE_OPEN_READ_ONLY, false);
    }
    free(again);
    r->status = STORE_OPEN_RECOVERED;
  }
  if (state == FILE_NEWER) {
    log_error("%s: %s; leaving it untouched", r->path, r->detail);
    return open_unsaved(r, STORE_OPEN_NEWER_VERSION, false);
  }
  if (state == FILE_UNWRITABLE) {
    log_warn("%s: %s; scores are kept in memory only", r->path, r->detail ? r->detail : "");
    return open_unsaved(r, STORE_OPEN_READ_ONLY, true);
  }
  if (!store_schema_migrate(db, &r->detail)) {
    sqlite3_close(db);
    return open_unsaved(r, STORE_OPEN_READ_ONLY, true);
  }
  bool other_running = false;
  int lock_fd = lock_instance(r->path, &other_running);
  r->shared = other_running;
  if (other_running) {
    log_info("another Prebunk is using %s: its rounds in progress are left alone", r->path);
  } else {
    r->abandoned = abandon_stale_rounds(db);
    if (r->abandoned > 0) {
      log_info("%d unfinished round(s) from an earlier run marked abandoned", r->abandoned);
    }
  }
  Store *s = store_wrap(db, true);
  s->lock_fd = lock_fd;
  return s;
}

void store_close(Store *store) {
  if (!store) {
    return;
  }
  // The last connection to close checkpoints the WAL into the main file.
  sqlite3_close(store->db);
  if (store->lock_fd >= 0) {
    close(store->lock_fd);  // releases the instance lock
  }
  free(store);
}

void store_open_result_clear(StoreOpenResult *r) {
  if (!r) {
    return;
  }
  free(r->path);
  free(r->moved_to);
  free(r->detail);
  memset(r, 0, sizeof *r);
}

char *store_open_result_message(const StoreOpenResult *r) {
  const char *path = r->path ? r->path : STORE_FILE_NAME;
  switch (r->status) {
  case STORE_OPEN_OK:
    return NULL;
  case STORE_OPEN_RECOVERED:
    return xasprintf(_("The score file was damaged. It was kept as %s and a new score file was started."),
                     r->moved_to ? r->moved_to : path);
  case STORE_OPEN_READ_ONLY:
    if (r->read_errno) {
      return xasprintf(_("Cannot read the score file %s: %s. It was left as it is; scores will not be saved this "
                         "session."),
                       path, read_errno_text(r->read_errno));
    }
    return xasprintf(_("Scores cannot be saved to %s, so they will be lost when the game closes."), path);
  case STORE_OPEN_UNREADABLE:
    if (!r->read_errno) {
      return xasprintf(_("Cannot read the score file %s: %s. It is not damaged and is left as it is; while this "
                         "lasts the game keeps its scores in memory only."),
                       path, r->detail ? r->detail : _("unknown error"));
    }
    return xasprintf(_("Cannot read the score file %s: %s."), path, read_errno_text(r->read_errno));
  case STORE_OPEN_NEWER_VERSION:
    return xasprintf(_("The score file %s was made by a newer version of Prebunk. It was left untouched; "
                       "scores will be lost when the game closes."),
                     path);
  case STORE_OPEN_MISSING:
    return xstrdup(_("There are no scores yet."));
  case STORE_OPEN_DAMAGED:
    if (r->stuck) {
      return xasprintf(_("The score file %s is damaged, and it or its folder cannot be written, so the game cannot "
                         "set it aside either: it plays with scores kept in memory only. Copy the file somewhere "
                         "safe, then move it away (or make the folder writable) to start a new one."),
                       path);
    }
    return xasprintf(_("The score file %s is damaged. Start the game once to set it aside and begin a new one."), path);
  case STORE_OPEN_FAILED:
    break;
  }
  return xasprintf(_("Scores cannot be kept: %s"), r->detail ? r->detail : _("unknown error"));
}

bool store_is_persistent(const Store *store) {
  return store && store->persistent;
}

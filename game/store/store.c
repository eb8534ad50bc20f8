#include "store/store.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"

struct Store {
  sqlite3 *db;
  bool persistent;  // false: an in-memory database, gone when the store closes
  int lock_fd;      // scores.db.lock, write-locked while open; -1 for none
};

// How long a writer waits for another connection (e.g. `prebunk scores`
// reading the file while the game saves) before giving up.
enum { STORE_BUSY_TIMEOUT_MS = 3000 };

// ---- schema ------------------------------------------------------------------

// Forward migrations: step i brings a database from user_version i to i + 1.
// All steps needed are applied in one transaction together with the new
// user_version, so an interrupted upgrade leaves the old version intact.
// Never edit a released step; append a new one and bump STORE_SCHEMA_VERSION.
static const char *const MIGRATIONS[] = {
    // 0 -> 1: players, rounds, answers.
    "CREATE TABLE players ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"             // as first typed, trimmed
    "  name_key TEXT NOT NULL UNIQUE,"  // case-folded name: uniqueness ignores case
    "  created_ms INTEGER NOT NULL);"
    "CREATE TABLE rounds ("
    "  id INTEGER PRIMARY KEY,"
    "  player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,"
    "  pack_id TEXT NOT NULL,"
    "  pack_version INTEGER NOT NULL,"
    "  questions INTEGER NOT NULL,"
    "  seconds_per_question INTEGER NOT NULL,"
    "  seed INTEGER NOT NULL,"
    "  started_ms INTEGER NOT NULL,"
    "  ended_ms INTEGER,"
    "  score INTEGER NOT NULL DEFAULT 0,"
    "  status TEXT NOT NULL DEFAULT 'in_progress'"
    "    CHECK (status IN ('in_progress', 'completed', 'abandoned')),"
    "  answered INTEGER NOT NULL DEFAULT 0,"
    "  correct INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE answers ("
    "  round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  item_id TEXT NOT NULL,"
    "  truth TEXT NOT NULL CHECK (truth IN ('real', 'fabricated')),"
    "  given TEXT NOT NULL CHECK (given IN ('real', 'fabricated', 'none')),"
    "  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),"
    "  points INTEGER NOT NULL,"
    "  response_ms INTEGER NOT NULL,"
    "  answered_ms INTEGER NOT NULL,"
    "  PRIMARY KEY (round_id, position));",
    // 1 -> 2: the speed-bonus setting, a timed-out count per round, the
    // techniques of each answered item, and indexes for the game's queries.
    "ALTER TABLE rounds ADD COLUMN speed_bonus INTEGER NOT NULL DEFAULT 0 CHECK (speed_bonus IN (0, 1));"
    "ALTER TABLE rounds ADD COLUMN timed_out INTEGER NOT NULL DEFAULT 0;"
    "UPDATE rounds SET timed_out ="
    "  (SELECT COUNT(*) FROM answers a WHERE a.round_id = rounds.id AND a.given = 'none');"
    "ALTER TABLE answers ADD COLUMN techniques TEXT NOT NULL DEFAULT '';"
    "CREATE INDEX rounds_by_pack ON rounds (pack_id, status, score DESC);"
    "CREATE INDEX rounds_by_player ON rounds (player_id, pack_id, started_ms);",
};

_Static_assert(sizeof MIGRATIONS / sizeof MIGRATIONS[0] == STORE_SCHEMA_VERSION,
               "one migration step per schema version");

// ---- small helpers -------------------------------------------------------------

__attribute__((format(printf, 2, 3))) static void set_err(char **err, const char *fmt, ...) {
  if (!err) {
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  free(*err);
  *err = xvasprintf(fmt, ap);
  va_end(ap);
}

static bool db_exec(sqlite3 *db, const char *sql, char **err) {
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    set_err(err, "%s", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    return false;
  }
  return true;
}

static sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, char **err) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    set_err(err, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return NULL;
  }
  return st;
}

// Runs a one-row, one-column statement (PRAGMA user_version, quick_check...).
// Returns the SQLite result code; *text (owned) receives column 0 as text.
static int db_scalar(sqlite3 *db, const char *sql, char **text) {
  *text = NULL;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      const unsigned char *t = sqlite3_column_text(st, 0);
      *text = xstrdup(t ? (const char *)t : "");
      rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(st);
  return rc;
}

static char *text_col(sqlite3_stmt *st, int col) {
  const unsigned char *t = sqlite3_column_text(st, col);
  return xstrdup(t ? (const char *)t : "");
}

static bool is_corruption(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT || primary == SQLITE_FORMAT;
}

static void bind_text_opt(sqlite3_stmt *st, const char *name, const char *value) {
  int i = sqlite3_bind_parameter_index(st, name);
  if (i > 0) {
    sqlite3_bind_text(st, i, value, -1, SQLITE_TRANSIENT);
  }
}

static void bind_int64_opt(sqlite3_stmt *st, const char *name, int64_t value) {
  int i = sqlite3_bind_parameter_index(st, name);
  if (i > 0) {
    sqlite3_bind_int64(st, i, value);
  }
}

// A size_t row limit as an SQL integer (signed 64-bit): larger means no limit.
static int64_t limit_arg(size_t limit) {
  return limit > INT64_MAX ? INT64_MAX : (int64_t)limit;
}

// ---- row lists -----------------------------------------------------------------

// What a query needs to know about the element type of one of our public
// lists (StorePlayerList, StoreRoundList...): its size, how to fill one from
// the current row, and how to free what one element owns.
typedef struct RowType {
  size_t size;
  void (*read)(sqlite3_stmt *st, void *elem);
  void (*clear)(void *elem);
} RowType;

// Frees `count` elements of `type` and the array holding them.
static void rows_free(const RowType *type, void *items, size_t count) {
  for (size_t i = 0; i < count; i++) {
    type->clear((char *)items + i * type->size);
  }
  free(items);
}

// Steps the prepared, bound statement `st` to its end, one element per row,
// into *items (owned by the caller) and *count, then finalizes `st`. On an
// error the rows read so far are freed, *items is NULL and *count 0.
static bool query_rows(Store *store, sqlite3_stmt *st, const RowType *type, void **items, size_t *count, char **err) {
  void *rows = NULL;
  size_t n = 0, cap = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    rows = xgrow(rows, &cap, n + 1, type->size);
    type->read(st, (char *)rows + n * type->size);
    n++;
  }
  bool ok = rc == SQLITE_DONE;
  if (!ok) {
    set_err(err, "%s", sqlite3_errmsg(store->db));
    rows_free(type, rows, n);
    rows = NULL;
    n = 0;
  }
  sqlite3_finalize(st);
  *items = rows;
  *count = n;
  return ok;
}

const char *store_verdict_name(StoreVerdict verdict) {
  switch (verdict) {
  case STORE_VERDICT_REAL:
    return "real";
  case STORE_VERDICT_FABRICATED:
    return "fabricated";
  case STORE_VERDICT_NONE:
    break;
  }
  return "none";
}

static StoreVerdict verdict_from_name(const char *name) {
  if (strcmp(name, "real") == 0) {
    return STORE_VERDICT_REAL;
  }
  if (strcmp(name, "fabricated") == 0) {
    return STORE_VERDICT_FABRICATED;
  }
  return STORE_VERDICT_NONE;
}

const char *store_round_status_name(StoreRoundStatus status) {
  switch (status) {
  case STORE_ROUND_COMPLETED:
    return "completed";
  case STORE_ROUND_ABANDONED:
    return "abandoned";
  case STORE_ROUND_IN_PROGRESS:
    break;
  }
  return "in_progress";
}

static StoreRoundStatus round_status_from_name(const char *name) {
  if (strcmp(name, "completed") == 0) {
    return STORE_ROUND_COMPLETED;
  }
  if (strcmp(name, "abandoned") == 0) {
    return STORE_ROUND_ABANDONED;
  }
  return STORE_ROUND_IN_PROGRESS;
}

// ---- player names ------------------------------------------------------------

// Decodes one code point of well-formed UTF-8 (checked before) and advances *s.
static uint32_t utf8_next(const char **s) {
  const unsigned char *p = (const unsigned char *)*s;
  uint32_t c;
  int extra;
  if (p[0] < 0x80) {
    c = p[0];
    extra = 0;
  } else if (p[0] < 0xE0) {
    c = p[0] & 0x1Fu;
    extra = 1;
  } else if (p[0] < 0xF0) {
    c = p[0] & 0x0Fu;
    extra = 2;
  } else {
    c = p[0] & 0x07u;
    extra = 3;
  }
  for (int i = 1; i <= extra; i++) {
    c = (c << 6) | (p[i] & 0x3Fu);
  }
  *s += 1 + extra;
  return c;
}

static void utf8_put(StrBuf *b, uint32_t c) {
  char out[4];
  size_t n;
  if (c < 0x80) {
    out[0] = (char)c;
    n = 1;
  } else if (c < 0x800) {
    out[0] = (char)(0xC0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3F));
    n = 2;
  } else if (c < 0x10000) {
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    n = 3;
  } else {
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    n = 4;
  }
  strbuf_append_n(b, out, n);
}

// Lower case for the scripts a class list is likely to use. SQLite's NOCASE
// only folds ASCII, which would let "ÉLODIE" and "élodie" be two players.
static uint32_t fold_case(uint32_t c) {
  if (c >= 'A' && c <= 'Z') {
    return c + 0x20;
  }
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {  // Latin-1 capitals (not ×)
    return c + 0x20;
  }
  if (c == 0x178) {  // Ÿ
    return 0xFF;
  }
  // Latin Extended-A pairs capital/small alternate, starting even or odd.
  if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) {
    return (c % 2 == 0) ? c + 1 : c;
  }
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
    return (c % 2 == 1) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) {  // Greek capitals
    return c + 0x20;
  }
  if (c >= 0x410 && c <= 0x42F) {  // Cyrillic А-Я
    return c + 0x20;
  }
  if (c >= 0x400 && c <= 0x40F) {  // Cyrillic Ѐ-Џ
    return c + 0x50;
  }
  return c;
}

char *store_player_name_clean(const char *raw, char **err) {
  if (!raw || !str_utf8_valid(raw, strlen(raw))) {
    set_err(err, "%s", _("The name is not valid text (UTF-8)."));
    return NULL;
  }
  char *name = str_squash_space(xstrdup(raw));
  size_t count = 0;
  for (const char *p = name; *p;) {
    uint32_t c = utf8_next(&p);
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      set_err(err, "%s", _("The name cannot contain control characters."));
      free(name);
      return NULL;
    }
    count++;
  }
  if (count == 0) {
    set_err(err, "%s", _("Please type a name."));
    free(name);
    return NULL;
  }
  if (count > STORE_PLAYER_NAME_MAX) {
    set_err(err, _("The name is too long (at most %d characters)."), STORE_PLAYER_NAME_MAX);
    free(name);
    return NULL;
  }
  return name;
}

// The uniqueness key of a cleaned name. Owned.
static char *name_key(const char *clean) {
  StrBuf b = {0};
  for (const char *p = clean; *p;) {
    utf8_put(&b, fold_case(utf8_next(&p)));
  }
  return strbuf_take(&b);
}

// ---- opening -----------------------------------------------------------------

typedef enum FileState {
  FILE_USABLE,      // open read-write, configured
  FILE_CORRUPT,     // not a database, or quick_check failed
  FILE_NEWER,       // schema newer than this build
  FILE_UNWRITABLE,  // cannot be opened or written (permissions, lock, disk)
} FileState;

static bool migrate(sqlite3 *db, char **err) {
  char *text;
  int rc = db_scalar(db, "PRAGMA user_version", &text);
  if (rc != SQLITE_OK) {
    set_err(err, "%s", sqlite3_errmsg(db));
    return false;
  }
  int version = atoi(text);
  free(text);
  if (version >= STORE_SCHEMA_VERSION) {
    return true;
  }
  if (!db_exec(db, "BEGIN IMMEDIATE", err)) {
    return false;
  }
  for (int step = version; step < STORE_SCHEMA_VERSION; step++) {
    if (!db_exec(db, MIGRATIONS[step], err)) {
      log_error("schema step %d -> %d failed: %s", step, step + 1, err && *err ? *err : "");
      db_exec(db, "ROLLBACK", NULL);
      return false;
    }
  }
  char *set_version = xasprintf("PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
  bool ok = db_exec(db, set_version, err) && db_exec(db, "COMMIT", err);
  free(set_version);
  if (!ok) {
    db_exec(db, "ROLLBACK", NULL);
    return false;
  }
  if (version > 0) {
    log_info("score database upgraded from schema %d to %d", version, STORE_SCHEMA_VERSION);
  }
  return true;
}

// A crash (or a killed game) leaves its round in progress: it is over now.
// Its end time is its last answer (or its start), not the time of this open.
static int abandon_stale_rounds(sqlite3 *db) {
  if (!db_exec(db,
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
  int rc = db_scalar(db, "PRAGMA quick_check", &text);
  if (rc == SQLITE_OK && strcmp(text, "ok") != 0) {
    *problem = text;
    return SQLITE_CORRUPT;
  }
  free(text);
  return rc;
}

static FileState classify(sqlite3 *db, int rc, char **detail) {
  set_err(detail, "%s (%s)", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc), sqlite3_errstr(rc));
  return is_corruption(rc) ? FILE_CORRUPT : FILE_UNWRITABLE;
}

// classify() for a connection that failed to open or read: closes it.
static FileState classify_close(sqlite3 *db, int rc, char **detail) {
  FileState state = classify(db, rc, detail);
  sqlite3_close(db);
  return state;
}

static void db_configure(sqlite3 *db) {
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
  db_exec(db, "PRAGMA foreign_keys = ON", NULL);
}

// Checks an existing file through a read-only connection: unlike a
// read-write one, closing it never checkpoints a WAL into the main file or
// deletes the WAL, so a damaged or newer file is left exactly as it was.
static FileState probe_file(const char *path, int *file_version, char **detail) {
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
  char *text = NULL;
  if (rc == SQLITE_OK) {
    db_configure(db);
    rc = db_scalar(db, "PRAGMA user_version", &text);
  }
  if (rc != SQLITE_OK) {
    return classify_close(db, rc, detail);
  }
  *file_version = atoi(text);
  free(text);
  FileState state = FILE_USABLE;
  char *problem = NULL;
  if (*file_version > STORE_SCHEMA_VERSION) {
    set_err(detail, "schema version %d, this build knows %d", *file_version, STORE_SCHEMA_VERSION);
    state = FILE_NEWER;
  } else if ((rc = check_quick(db, &problem)) != SQLITE_OK) {
    if (problem) {
      set_err(detail, "quick_check: %s", problem);
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
  db_configure(db);
  // WAL: readers (`prebunk scores`) never block the game's writes, and a
  // commit is one append. FULL syncs the WAL on every commit, so an answer
  // reported saved is on disk even after a power cut, not just a crash.
  char *text = NULL;
  rc = db_scalar(db, "PRAGMA journal_mode = WAL", &text);
  bool wal = rc == SQLITE_OK && text && strcmp(text, "wal") == 0;
  free(text);
  if (!wal) {
    FileState s = rc != SQLITE_OK ? classify(db, rc, detail) : FILE_UNWRITABLE;
    if (rc == SQLITE_OK) {
      set_err(detail, "%s", "cannot switch the journal to WAL");
    }
    sqlite3_close(db);
    return s;
  }
  db_exec(db, "PRAGMA synchronous = FULL", NULL);
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
    rc = db_scalar(src, "PRAGMA user_version", &text);
  }
  if (rc != SQLITE_OK) {
    set_err(detail, "%s", src ? sqlite3_errmsg(src) : sqlite3_errstr(rc));
    state = is_corruption(rc) ? SNAP_DAMAGED : SNAP_UNREADABLE;
  } else {
    *file_version = atoi(text);
    if (*file_version > STORE_SCHEMA_VERSION) {
      set_err(detail, "schema version %d, this build knows %d", *file_version, STORE_SCHEMA_VERSION);
      state = SNAP_NEWER;
    } else {
      sqlite3_backup *bk = sqlite3_backup_init(mem, "main", src, "main");
      if (!bk) {
        rc = sqlite3_errcode(mem);
        set_err(detail, "%s", sqlite3_errmsg(mem));
      } else {
        sqlite3_backup_step(bk, -1);
        rc = sqlite3_backup_finish(bk);
        if (rc != SQLITE_OK) {
          set_err(detail, "%s", sqlite3_errstr(rc));
        }
      }
      if (rc != SQLITE_OK) {
        state = is_corruption(rc) ? SNAP_DAMAGED : SNAP_UNREADABLE;
      }
    }
  }
  free(text);
  sqlite3_close(src);
  if (state == SNAP_OK) {
    char *problem = NULL;
    rc = check_quick(mem, &problem);
    if (rc != SQLITE_OK) {
      set_err(detail, "quick_check: %s", problem ? problem : sqlite3_errmsg(mem));
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
    set_err(detail, "%s", db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return NULL;
  }
  db_configure(db);
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
  if (!migrate(db, detail)) {
    sqlite3_close(db);
    return NULL;
  }
  return store_wrap(db, false);
}

// Makes renames in the folder of `path` durable before a fresh file takes
// the old name (a power cut must not lose the set-aside copy).
static void fsync_parent(const char *path) {
  char *dir = xstrdup(path);
  char *slash = strrchr(dir, '/');
  if (slash) {
    slash[slash == dir ? 1 : 0] = '\0';
  } else {
    strcpy(dir, ".");
  }
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
    set_err(detail, "%s", "no free name to set the damaged file aside");
    return false;
  }
  if (rename(path, target) != 0) {
    set_err(detail, "cannot rename %s to %s: %s", path, target, strerror(errno));
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
static int file_read_errno(const char *path, int forced) {
  if (!fs_exists(path)) {
    return 0;
  }
  if (forced) {
    return forced;
  }
  // O_NONBLOCK: a FIFO put in its place must not hang the game.
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
  return e == EACCES || e == EPERM ? _("permission denied") : strerror(e);
}

static Store *open_query_only(StoreOpenResult *r, int forced_read_errno) {
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
  case SNAP_UNREADABLE:
    r->status = STORE_OPEN_DAMAGED;
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
    return open_query_only(r, o.force_read_errno);
  }
  r->read_errno = file_read_errno(r->path, o.force_read_errno);
  if (r->read_errno) {
    set_err(&r->detail, "cannot read the score file %s: %s", r->path, read_errno_text(r->read_errno));
    log_warn("%s; it is left as it is, and scores are kept in memory only", r->detail);
    return open_unsaved(r, STORE_OPEN_READ_ONLY, false);
  }
  bool writable = !o.force_read_only && dir_writable(dir);
  if (writable && fs_exists(r->path) && access(r->path, W_OK) != 0) {
    writable = false;
  }
  if (!writable) {
    set_err(&r->detail, "%s", o.force_read_only ? "read-only mode requested" : "the folder cannot be written");
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
      set_err(&r->detail, "%s", move_err);
      free(move_err);
      return open_unsaved(r, STORE_OPEN_READ_ONLY, false);
    }
    log_warn("damaged score database moved to %s; starting a new one", r->moved_to);
    char *again = NULL;
    state = open_file_rw(r->path, &db, &r->file_version, &again);
    if (state != FILE_USABLE) {
      set_err(&r->detail, "%s", again ? again : "cannot start a new database");
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
  if (!migrate(db, &r->detail)) {
    sqlite3_close(db);
    return open_unsaved(r, STORE_OPEN_READ_ONLY, true);
  }
  bool other_running = false;
  int lock_fd = lock_instance(r->path, &other_running);
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
    return xasprintf(_("Cannot read the score file %s: %s."), path, read_errno_text(r->read_errno));
  case STORE_OPEN_NEWER_VERSION:
    return xasprintf(_("The score file %s was made by a newer version of Prebunk. It was left untouched; "
                       "scores will be lost when the game closes."),
                     path);
  case STORE_OPEN_MISSING:
    return xstrdup(_("There are no scores yet."));
  case STORE_OPEN_DAMAGED:
    return xasprintf(_("The score file %s is damaged. Start the game once to set it aside and begin a new one."), path);
  case STORE_OPEN_FAILED:
    break;
  }
  return xasprintf(_("Scores cannot be kept: %s"), r->detail ? r->detail : _("unknown error"));
}

bool store_is_persistent(const Store *store) {
  return store && store->persistent;
}

// ---- players -----------------------------------------------------------------

bool store_player_get_or_create(Store *store, const char *name, int64_t now_ms, int64_t *player_id, char **err) {
  char *clean = store_player_name_clean(name, err);
  if (!clean) {
    return false;
  }
  char *key = name_key(clean);
  bool ok = false;
  sqlite3_stmt *ins = db_prepare(store->db,
                                 "INSERT INTO players (name, name_key, created_ms) VALUES (?1, ?2, ?3)"
                                 " ON CONFLICT (name_key) DO NOTHING",
                                 err);
  sqlite3_stmt *sel = db_prepare(store->db, "SELECT id FROM players WHERE name_key = ?1", err);
  if (ins && sel) {
    sqlite3_bind_text(ins, 1, clean, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 3, now_ms);
    if (sqlite3_step(ins) != SQLITE_DONE) {
      set_err(err, _("cannot save the player: %s"), sqlite3_errmsg(store->db));
    } else {
      sqlite3_bind_text(sel, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step(sel) == SQLITE_ROW) {
        *player_id = sqlite3_column_int64(sel, 0);
        ok = true;
      } else {
        set_err(err, _("cannot find the player: %s"), sqlite3_errmsg(store->db));
      }
    }
  }
  sqlite3_finalize(ins);
  sqlite3_finalize(sel);
  free(clean);
  free(key);
  return ok;
}

static void player_read(sqlite3_stmt *st, void *elem) {
  StorePlayer *p = elem;
  p->id = sqlite3_column_int64(st, 0);
  p->name = text_col(st, 1);
  p->created_ms = sqlite3_column_int64(st, 2);
  p->last_played_ms = sqlite3_column_int64(st, 3);
}

static void player_clear(void *elem) {
  StorePlayer *p = elem;
  free(p->name);
}

static const RowType PLAYER_ROWS = {sizeof(StorePlayer), player_read, player_clear};

bool store_recent_players(Store *store, size_t limit, StorePlayerList *out, char **err) {
  out->items = NULL;
  out->count = 0;
  sqlite3_stmt *st = db_prepare(store->db,
                                "SELECT p.id, p.name, p.created_ms,"
                                "  MAX(p.created_ms, COALESCE(MAX(r.started_ms), 0)) AS last"
                                " FROM players p LEFT JOIN rounds r ON r.player_id = p.id"
                                " GROUP BY p.id ORDER BY last DESC, p.id DESC LIMIT ?1",
                                err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, limit_arg(limit));
  void *items;
  bool ok = query_rows(store, st, &PLAYER_ROWS, &items, &out->count, err);
  out->items = items;
  return ok;
}

void store_player_list_free(StorePlayerList *list) {
  rows_free(&PLAYER_ROWS, list->items, list->count);
  *list = (StorePlayerList){0};
}

// ---- rounds and answers ------------------------------------------------------

bool store_round_begin(Store *store, const StoreRoundSpec *spec, int64_t *round_id, char **err) {
  if (!spec->pack_id || !*spec->pack_id || spec->questions <= 0 || spec->seconds_per_question < 0) {
    set_err(err, "%s", _("cannot start the round: invalid round settings"));
    return false;
  }
  sqlite3_stmt *st = db_prepare(store->db,
                                "INSERT INTO rounds (player_id, pack_id, pack_version, questions,"
                                " seconds_per_question, speed_bonus, seed, started_ms)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, spec->player_id);
  sqlite3_bind_text(st, 2, spec->pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 3, spec->pack_version);
  sqlite3_bind_int(st, 4, spec->questions);
  sqlite3_bind_int(st, 5, spec->seconds_per_question);
  sqlite3_bind_int(st, 6, spec->speed_bonus ? 1 : 0);
  // SQLite integers are signed 64-bit: keep the seed's bits, not its value.
  int64_t seed_bits;
  memcpy(&seed_bits, &spec->seed, sizeof seed_bits);
  sqlite3_bind_int64(st, 7, seed_bits);
  sqlite3_bind_int64(st, 8, spec->started_ms);
  bool ok = sqlite3_step(st) == SQLITE_DONE;
  if (ok) {
    *round_id = sqlite3_last_insert_rowid(store->db);
  } else {
    set_err(err, _("cannot start the round: %s"), sqlite3_errmsg(store->db));
  }
  sqlite3_finalize(st);
  return ok;
}

static bool answer_write(Store *store, int64_t round_id, const StoreAnswerSpec *a, char **err) {
  bool ok = false;
  sqlite3_stmt *chk = db_prepare(store->db, "SELECT status FROM rounds WHERE id = ?1", err);
  sqlite3_stmt *ins = db_prepare(store->db,
                                 "INSERT INTO answers (round_id, position, item_id, truth, given, correct,"
                                 " points, response_ms, techniques, answered_ms)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                 err);
  sqlite3_stmt *upd = db_prepare(store->db,
                                 "UPDATE rounds SET answered = answered + 1, correct = correct + ?2,"
                                 " timed_out = timed_out + ?3, score = score + ?4 WHERE id = ?1",
                                 err);
  if (!chk || !ins || !upd) {
    goto done;
  }
  sqlite3_bind_int64(chk, 1, round_id);
  int rc = sqlite3_step(chk);
  if (rc != SQLITE_ROW) {
    set_err(err, _("cannot save the answer: round %lld does not exist"), (long long)round_id);
    goto done;
  }
  if (strcmp((const char *)sqlite3_column_text(chk, 0), "in_progress") != 0) {
    set_err(err, _("cannot save the answer: round %lld is already over"), (long long)round_id);
    goto done;
  }
  bool correct = a->given == a->truth;
  sqlite3_bind_int64(ins, 1, round_id);
  sqlite3_bind_int(ins, 2, a->position);
  sqlite3_bind_text(ins, 3, a->item_id, -1, SQLITE_STATIC);
  sqlite3_bind_text(ins, 4, store_verdict_name(a->truth), -1, SQLITE_STATIC);
  sqlite3_bind_text(ins, 5, store_verdict_name(a->given), -1, SQLITE_STATIC);
  sqlite3_bind_int(ins, 6, correct);
  sqlite3_bind_int(ins, 7, a->points);
  sqlite3_bind_int(ins, 8, a->response_ms);
  sqlite3_bind_text(ins, 9, a->techniques ? a->techniques : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64(ins, 10, a->answered_ms);
  rc = sqlite3_step(ins);
  if (rc != SQLITE_DONE) {
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
      set_err(err, _("cannot save the answer: question %d of round %lld was already answered"), a->position + 1,
              (long long)round_id);
    } else {
      set_err(err, _("cannot save the answer: %s"), sqlite3_errmsg(store->db));
    }
    goto done;
  }
  sqlite3_bind_int64(upd, 1, round_id);
  sqlite3_bind_int(upd, 2, correct);
  sqlite3_bind_int(upd, 3, a->given == STORE_VERDICT_NONE);
  sqlite3_bind_int(upd, 4, a->points);
  if (sqlite3_step(upd) != SQLITE_DONE) {
    set_err(err, _("cannot save the answer: %s"), sqlite3_errmsg(store->db));
    goto done;
  }
  ok = true;
done:
  sqlite3_finalize(chk);
  sqlite3_finalize(ins);
  sqlite3_finalize(upd);
  return ok;
}

bool store_answer_add(Store *store, int64_t round_id, const StoreAnswerSpec *a, char **err) {
  if (!a->item_id || !*a->item_id || a->position < 0 || a->response_ms < 0 ||
      (a->truth != STORE_VERDICT_REAL && a->truth != STORE_VERDICT_FABRICATED) ||
      (a->given != STORE_VERDICT_NONE && a->given != STORE_VERDICT_REAL && a->given != STORE_VERDICT_FABRICATED)) {
    set_err(err, "%s", _("cannot save the answer: invalid answer"));
    return false;
  }
  // One transaction per answer: the answer and the round's counts land
  // together, and COMMIT returns only once they are synced to disk.
  if (!db_exec(store->db, "BEGIN IMMEDIATE", err)) {
    return false;
  }
  if (!answer_write(store, round_id, a, err)) {
    db_exec(store->db, "ROLLBACK", NULL);
    return false;
  }
  char *cerr = NULL;
  if (!db_exec(store->db, "COMMIT", &cerr)) {
    set_err(err, _("cannot save the answer: %s"), cerr);
    free(cerr);
    db_exec(store->db, "ROLLBACK", NULL);
    return false;
  }
  return true;
}

bool store_round_finish(Store *store, int64_t round_id, int final_score, bool completed, int64_t ended_ms, char **err) {
  sqlite3_stmt *st = db_prepare(store->db,
                                "UPDATE rounds SET status = ?2, score = ?3, ended_ms = ?4"
                                " WHERE id = ?1 AND status = 'in_progress'",
                                err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, round_id);
  sqlite3_bind_text(st, 2, completed ? "completed" : "abandoned", -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 3, final_score);
  sqlite3_bind_int64(st, 4, ended_ms);
  bool ok = sqlite3_step(st) == SQLITE_DONE;
  if (!ok) {
    set_err(err, _("cannot save the round: %s"), sqlite3_errmsg(store->db));
  } else if (sqlite3_changes(store->db) == 0) {
    set_err(err, _("cannot save the round: round %lld does not exist or is already over"), (long long)round_id);
    ok = false;
  }
  sqlite3_finalize(st);
  return ok;
}

// ---- queries -----------------------------------------------------------------

// WHERE clause over rounds r JOIN players p for a filter; binds by name.
static void filter_where(StrBuf *sql, const StoreFilter *f) {
  strbuf_append(sql, " WHERE 1");
  if (f->player_id) {
    strbuf_append(sql, " AND r.player_id = :player_id");
  }
  if (f->player_name) {
    strbuf_append(sql, " AND p.name_key = :name_key");
  }
  if (f->pack_id) {
    strbuf_append(sql, " AND r.pack_id = :pack_id");
  }
  if (f->round_id) {
    strbuf_append(sql, " AND r.id = :round_id");
  }
  if (f->completed_only) {
    strbuf_append(sql, " AND r.status = 'completed'");
  }
}

static void filter_order(StrBuf *sql, const StoreFilter *f) {
  strbuf_append(sql,
                f->oldest_first ? " ORDER BY r.started_ms ASC, r.id ASC" : " ORDER BY r.started_ms DESC, r.id DESC");
}

// "SELECT <columns>" of the rounds (r, joined with their players p) that
// `f` picks, in its order and up to its limit.
static void filter_select_rounds(StrBuf *sql, const char *columns, const StoreFilter *f) {
  strbuf_appendf(sql, "SELECT %s FROM rounds r JOIN players p ON p.id = r.player_id", columns);
  filter_where(sql, f);
  filter_order(sql, f);
  if (f->limit) {
    strbuf_append(sql, " LIMIT :limit");
  }
}

static void filter_bind(sqlite3_stmt *st, const StoreFilter *f) {
  bind_int64_opt(st, ":player_id", f->player_id);
  if (f->player_name) {
    // A name that cannot be a player's matches nobody.
    char *clean = store_player_name_clean(f->player_name, NULL);
    char *key = clean ? name_key(clean) : xstrdup("\x01");
    bind_text_opt(st, ":name_key", key);
    free(clean);
    free(key);
  }
  bind_text_opt(st, ":pack_id", f->pack_id);
  bind_int64_opt(st, ":round_id", f->round_id);
  bind_int64_opt(st, ":limit", limit_arg(f->limit));
}

// query_rows() for `sql` (freed here) with the values of `f` bound.
static bool filter_query(Store *store, StrBuf *sql, const StoreFilter *f, const RowType *type, void **items,
                         size_t *count, char **err) {
  sqlite3_stmt *st = db_prepare(store->db, sql->data, err);
  strbuf_free(sql);
  if (!st) {
    *items = NULL;
    *count = 0;
    return false;
  }
  filter_bind(st, f);
  return query_rows(store, st, type, items, count, err);
}

static void round_read(sqlite3_stmt *st, void *elem) {
  StoreRound *r = elem;
  r->id = sqlite3_column_int64(st, 0);
  r->player_id = sqlite3_column_int64(st, 1);
  r->player_name = text_col(st, 2);
  r->pack_id = text_col(st, 3);
  r->pack_version = sqlite3_column_int(st, 4);
  r->questions = sqlite3_column_int(st, 5);
  r->seconds_per_question = sqlite3_column_int(st, 6);
  r->speed_bonus = sqlite3_column_int(st, 7) != 0;
  int64_t seed_bits = sqlite3_column_int64(st, 8);
  memcpy(&r->seed, &seed_bits, sizeof r->seed);
  r->started_ms = sqlite3_column_int64(st, 9);
  r->ended_ms = sqlite3_column_int64(st, 10);
  r->score = sqlite3_column_int(st, 11);
  r->status = round_status_from_name((const char *)sqlite3_column_text(st, 12));
  r->answered = sqlite3_column_int(st, 13);
  r->correct = sqlite3_column_int(st, 14);
  r->timed_out = sqlite3_column_int(st, 15);
}

static void round_clear(void *elem) {
  StoreRound *r = elem;
  free(r->player_name);
  free(r->pack_id);
}

static const RowType ROUND_ROWS = {sizeof(StoreRound), round_read, round_clear};

bool store_rounds(Store *store, const StoreFilter *filter, StoreRoundList *out, char **err) {
  static const StoreFilter all = {0};
  const StoreFilter *f = filter ? filter : &all;
  StrBuf sql = {0};
  filter_select_rounds(&sql,
                       "r.id, r.player_id, p.name, r.pack_id, r.pack_version, r.questions,"
                       " r.seconds_per_question, r.speed_bonus, r.seed, r.started_ms, COALESCE(r.ended_ms, 0),"
                       " r.score, r.status, r.answered, r.correct, r.timed_out",
                       f);
  void *items;
  bool ok = filter_query(store, &sql, f, &ROUND_ROWS, &items, &out->count, err);
  out->items = items;
  return ok;
}

static void answer_read(sqlite3_stmt *st, void *elem) {
  StoreAnswer *a = elem;
  a->round_id = sqlite3_column_int64(st, 0);
  a->player_name = text_col(st, 1);
  a->pack_id = text_col(st, 2);
  a->position = sqlite3_column_int(st, 3);
  a->item_id = text_col(st, 4);
  a->truth = verdict_from_name((const char *)sqlite3_column_text(st, 5));
  a->given = verdict_from_name((const char *)sqlite3_column_text(st, 6));
  a->correct = sqlite3_column_int(st, 7) != 0;
  a->points = sqlite3_column_int(st, 8);
  a->response_ms = sqlite3_column_int(st, 9);
  a->techniques = text_col(st, 10);
  a->answered_ms = sqlite3_column_int64(st, 11);
}

static void answer_clear(void *elem) {
  StoreAnswer *a = elem;
  free(a->player_name);
  free(a->pack_id);
  free(a->item_id);
  free(a->techniques);
}

static const RowType ANSWER_ROWS = {sizeof(StoreAnswer), answer_read, answer_clear};

bool store_answers(Store *store, const StoreFilter *filter, StoreAnswerList *out, char **err) {
  static const StoreFilter all = {0};
  const StoreFilter *f = filter ? filter : &all;
  StrBuf sql = {0};
  strbuf_append(&sql, "WITH picked AS (");
  filter_select_rounds(&sql, "r.id", f);
  strbuf_append(&sql,
                ") SELECT a.round_id, p.name, r.pack_id, a.position, a.item_id, a.truth, a.given, a.correct,"
                " a.points, a.response_ms, a.techniques, a.answered_ms"
                " FROM answers a JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = r.player_id"
                " WHERE a.round_id IN (SELECT id FROM picked)");
  filter_order(&sql, f);
  strbuf_append(&sql, ", a.position ASC");
  void *items;
  bool ok = filter_query(store, &sql, f, &ANSWER_ROWS, &items, &out->count, err);
  out->items = items;
  return ok;
}

void store_round_list_free(StoreRoundList *list) {
  rows_free(&ROUND_ROWS, list->items, list->count);
  *list = (StoreRoundList){0};
}

void store_answer_list_free(StoreAnswerList *list) {
  rows_free(&ANSWER_ROWS, list->items, list->count);
  *list = (StoreAnswerList){0};
}

bool store_best_score(Store *store, int64_t player_id, const char *pack_id, int *score, bool *found, char **err) {
  *score = 0;
  *found = false;
  sqlite3_stmt *st = db_prepare(store->db,
                                "SELECT MAX(score) FROM rounds"
                                " WHERE player_id = ?1 AND pack_id = ?2 AND status = 'completed'",
                                err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, player_id);
  sqlite3_bind_text(st, 2, pack_id, -1, SQLITE_STATIC);
  bool ok = sqlite3_step(st) == SQLITE_ROW;
  if (!ok) {
    set_err(err, "%s", sqlite3_errmsg(store->db));
  } else if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
    *score = sqlite3_column_int(st, 0);
    *found = true;
  }
  sqlite3_finalize(st);
  return ok;
}

static void top_read(sqlite3_stmt *st, void *elem) {
  StoreTopEntry *e = elem;
  e->round_id = sqlite3_column_int64(st, 0);
  e->player_id = sqlite3_column_int64(st, 1);
  e->player_name = text_col(st, 2);
  e->score = sqlite3_column_int(st, 3);
  e->correct = sqlite3_column_int(st, 4);
  e->answered = sqlite3_column_int(st, 5);
  e->accuracy = sqlite3_column_double(st, 6);
  e->ended_ms = sqlite3_column_int64(st, 7);
  e->rank = sqlite3_column_int(st, 8);
}

static void top_clear(void *elem) {
  StoreTopEntry *e = elem;
  free(e->player_name);
}

static const RowType TOP_ROWS = {sizeof(StoreTopEntry), top_read, top_clear};

bool store_top_scores(Store *store, const char *pack_id, size_t limit, StoreTopList *out, char **err) {
  out->items = NULL;
  out->count = 0;
  // Equal fractions give equal doubles (division is correctly rounded), so
  // comparing accuracy as REAL orders 3/4 and 6/8 as a tie.
  sqlite3_stmt *st = db_prepare(
      store->db,
      "WITH done AS ("
      "  SELECT r.id, r.player_id, r.score, r.correct, r.answered, COALESCE(r.ended_ms, 0) AS ended,"
      "    CASE WHEN r.answered > 0 THEN CAST(r.correct AS REAL) / r.answered ELSE 0.0 END AS acc"
      "  FROM rounds r WHERE r.pack_id = ?1 AND r.status = 'completed'),"
      " best AS ("
      "  SELECT *, ROW_NUMBER() OVER (PARTITION BY player_id ORDER BY score DESC, acc DESC, ended ASC, id ASC) AS n"
      "  FROM done)"
      " SELECT b.id, b.player_id, p.name, b.score, b.correct, b.answered, b.acc, b.ended,"
      "  RANK() OVER (ORDER BY b.score DESC) AS rank"
      " FROM best b JOIN players p ON p.id = b.player_id WHERE b.n = 1"
      " ORDER BY b.score DESC, b.acc DESC, b.ended ASC, b.id ASC LIMIT ?2",
      err);
  if (!st) {
    return false;
  }
  sqlite3_bind_text(st, 1, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, limit_arg(limit));
  void *items;
  bool ok = query_rows(store, st, &TOP_ROWS, &items, &out->count, err);
  out->items = items;
  return ok;
}

void store_top_list_free(StoreTopList *list) {
  rows_free(&TOP_ROWS, list->items, list->count);
  *list = (StoreTopList){0};
}

static void item_stat_read(sqlite3_stmt *st, void *elem) {
  StoreItemStat *s = elem;
  s->item_id = text_col(st, 0);
  s->seen = sqlite3_column_int(st, 1);
  s->correct = sqlite3_column_int(st, 2);
  s->last_correct = sqlite3_column_int(st, 3) != 0;
  s->last_seen_ms = sqlite3_column_int64(st, 4);
  s->last_correct_ms = sqlite3_column_int64(st, 5);
}

static void item_stat_clear(void *elem) {
  StoreItemStat *s = elem;
  free(s->item_id);
}

static const RowType ITEM_STAT_ROWS = {sizeof(StoreItemStat), item_stat_read, item_stat_clear};

bool store_item_history(Store *store, int64_t player_id, const char *pack_id, StoreItemStatList *out, char **err) {
  out->items = NULL;
  out->count = 0;
  sqlite3_stmt *st =
      db_prepare(store->db,
                 "WITH mine AS ("
                 "  SELECT a.item_id, a.correct, a.answered_ms,"
                 "    ROW_NUMBER() OVER (PARTITION BY a.item_id ORDER BY a.answered_ms DESC, a.round_id DESC,"
                 "      a.position DESC) AS recency"
                 "  FROM answers a JOIN rounds r ON r.id = a.round_id WHERE r.player_id = ?1 AND r.pack_id = ?2)"
                 " SELECT item_id, COUNT(*), SUM(correct), MAX(CASE WHEN recency = 1 THEN correct END),"
                 "  MAX(answered_ms), COALESCE(MAX(CASE WHEN correct THEN answered_ms END), 0)"
                 " FROM mine GROUP BY item_id ORDER BY item_id COLLATE BINARY",
                 err);
  if (!st) {
    return false;
  }
  sqlite3_bind_int64(st, 1, player_id);
  sqlite3_bind_text(st, 2, pack_id, -1, SQLITE_STATIC);
  void *items;
  bool ok = query_rows(store, st, &ITEM_STAT_ROWS, &items, &out->count, err);
  out->items = items;
  return ok;
}

const StoreItemStat *store_item_stat_find(const StoreItemStatList *list, const char *item_id) {
  size_t lo = 0, hi = list->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(list->items[mid].item_id, item_id);
    if (c == 0) {
      return &list->items[mid];
    }
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return NULL;
}

void store_item_stat_list_free(StoreItemStatList *list) {
  rows_free(&ITEM_STAT_ROWS, list->items, list->count);
  *list = (StoreItemStatList){0};
}

// Small SQLite helpers and the row-list reader shared by the store files.

#include "store/store_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "base/i18n.h"
#include "base/str.h"

// ---- small helpers -------------------------------------------------------------

void store_set_err(char **err, const char *fmt, ...) {
  if (!err) {
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  free(*err);
  *err = xvasprintf(fmt, ap);
  va_end(ap);
}

bool store_db_exec(sqlite3 *db, const char *sql, char **err) {
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    store_set_err(err, "%s", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    return false;
  }
  return true;
}

sqlite3_stmt *store_db_prepare(sqlite3 *db, const char *sql, char **err) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    store_set_err(err, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return NULL;
  }
  return st;
}

// Runs a one-row, one-column statement (PRAGMA user_version, quick_check...).
// Returns the SQLite result code; *text (owned) receives column 0 as text.
int store_db_scalar(sqlite3 *db, const char *sql, char **text) {
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

char *store_text_col(sqlite3_stmt *st, int col) {
  const unsigned char *t = sqlite3_column_text(st, col);
  return xstrdup(t ? (const char *)t : "");
}

char *store_text_col_opt(sqlite3_stmt *st, int col) {
  return sqlite3_column_type(st, col) == SQLITE_NULL ? NULL : store_text_col(st, col);
}

bool store_is_corruption(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT || primary == SQLITE_FORMAT;
}

// True when the process has a file size limit (ulimit -f): EFBIG then comes
// back as a plain SQLITE_IOERR_WRITE, and SQLite's system errno is whatever
// its later calls left, so the limit itself is the best evidence.
static bool file_size_limited(void) {
  struct rlimit rl;
  return getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY;
}

// The system's reason first (sqlite3_system_errno), then SQLite's.
static const char *write_failure_reason(int rc, int sys) {
  if (rc == SQLITE_IOERR_WRITE && sys != ENOSPC && file_size_limited()) {
    sys = EFBIG;
  }
  switch (sys) {
  case ENOSPC:
  case EDQUOT:
    return _("the disk is full");
  case EFBIG:
    return _("the file size limit was reached");
  case EROFS:
    return _("the disk is read-only");
  case EACCES:
  case EPERM:
    return _("the score file may no longer be written (permission denied)");
  default:
    break;
  }
  switch (rc & 0xff) {
  case SQLITE_FULL:
    return _("the disk is full");
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return _("another program kept the score file busy");
  case SQLITE_READONLY:
    return _("the score file has become read-only");
  default:
    break;
  }
  return store_is_corruption(rc) ? _("the score file is damaged") : _("the disk could not be written");
}

void store_note_write_failure(Store *store) {
  int rc = sqlite3_extended_errcode(store->db);
  switch (rc & 0xff) {
  case SQLITE_FULL:
  case SQLITE_IOERR:
  case SQLITE_READONLY:
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
  case SQLITE_CANTOPEN:
  case SQLITE_CORRUPT:
  case SQLITE_NOTADB:
  case SQLITE_NOMEM:
    break;
  default:
    return;  // a constraint, a missing round: the caller's error, not the disk's
  }
  store->write_failures++;
  store->write_failure = write_failure_reason(rc, sqlite3_system_errno(store->db));
}

unsigned store_write_failures(const Store *store) {
  return store ? store->write_failures : 0;
}

const char *store_last_write_failure(const Store *store) {
  return store ? store->write_failure : NULL;
}

void store_bind_text_opt(sqlite3_stmt *st, const char *name, const char *value) {
  int i = sqlite3_bind_parameter_index(st, name);
  if (i > 0) {
    sqlite3_bind_text(st, i, value, -1, SQLITE_TRANSIENT);
  }
}

void store_bind_int64_opt(sqlite3_stmt *st, const char *name, int64_t value) {
  int i = sqlite3_bind_parameter_index(st, name);
  if (i > 0) {
    sqlite3_bind_int64(st, i, value);
  }
}

// A size_t row limit as an SQL integer (signed 64-bit): larger means no limit.
int64_t store_limit_arg(size_t limit) {
  return limit > INT64_MAX ? INT64_MAX : (int64_t)limit;
}

// ---- row lists -----------------------------------------------------------------

// Frees `count` elements of `type` and the array holding them.
void store_rows_free(const StoreRowType *type, void *items, size_t count) {
  for (size_t i = 0; i < count; i++) {
    type->clear((char *)items + i * type->size);
  }
  free(items);
}

// Steps the prepared, bound statement `st` to its end, one element per row,
// into *items (owned by the caller) and *count, then finalizes `st`. On an
// error the rows read so far are freed, *items is NULL and *count 0.
bool store_query_rows(Store *store, sqlite3_stmt *st, const StoreRowType *type, void **items, size_t *count,
                      char **err) {
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
    store_set_err(err, "%s", sqlite3_errmsg(store->db));
    store_rows_free(type, rows, n);
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

StoreVerdict store_verdict_from_name(const char *name) {
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

StoreRoundStatus store_round_status_from_name(const char *name) {
  if (strcmp(name, "completed") == 0) {
    return STORE_ROUND_COMPLETED;
  }
  if (strcmp(name, "abandoned") == 0) {
    return STORE_ROUND_ABANDONED;
  }
  return STORE_ROUND_IN_PROGRESS;
}

const char *store_round_kind_name(StoreRoundKind kind) {
  switch (kind) {
  case STORE_ROUND_PAIR:
    return "pair";
  case STORE_ROUND_BOOSTER:
    return "booster";
  case STORE_ROUND_CLASSIC:
    break;
  }
  return "classic";
}

StoreRoundKind store_round_kind_from_name(const char *name) {
  if (name && strcmp(name, "pair") == 0) {
    return STORE_ROUND_PAIR;
  }
  if (name && strcmp(name, "booster") == 0) {
    return STORE_ROUND_BOOSTER;
  }
  return STORE_ROUND_CLASSIC;
}

const char *store_confidence_name(StoreConfidence c) {
  switch (c) {
  case STORE_CONFIDENCE_SURE:
    return "sure";
  case STORE_CONFIDENCE_THINK:
    return "think";
  case STORE_CONFIDENCE_GUESS:
    return "guess";
  case STORE_CONFIDENCE_NONE:
    break;
  }
  return "none";
}

StoreConfidence store_confidence_from_name(const char *name) {
  if (!name) {
    return STORE_CONFIDENCE_NONE;
  }
  if (strcmp(name, "sure") == 0) {
    return STORE_CONFIDENCE_SURE;
  }
  if (strcmp(name, "think") == 0) {
    return STORE_CONFIDENCE_THINK;
  }
  if (strcmp(name, "guess") == 0) {
    return STORE_CONFIDENCE_GUESS;
  }
  return STORE_CONFIDENCE_NONE;
}

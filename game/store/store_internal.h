#pragma once
// What the store's files share and nothing outside game/store/ may use: the
// Store struct, small SQLite helpers and the row-list reader. One concern
// per file: store_schema.c (schema and migrations), store_open.c (opening,
// recovery, fallbacks, the instance lock), store_players.c, store_rounds.c
// (rounds and answers), store_query.c (read queries), store_training.c
// (confidence, technique answers, practice and booster state, technique
// accuracy), store_util.c (these helpers).

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct Store {
  sqlite3 *db;
  bool persistent;            // false: an in-memory database, gone when the store closes
  int lock_fd;                // scores.db.lock, write-locked while open; -1 for none
  unsigned write_failures;    // store_write_failures()
  const char *write_failure;  // store_last_write_failure(): a static translated clause
};

// How long a writer waits for another connection (e.g. `prebunk scores`
// reading the file while the game saves) before giving up.
enum { STORE_BUSY_TIMEOUT_MS = 3000 };

// Replaces *err (when err is not NULL) with the formatted message (owned by
// the caller of the public function).
__attribute__((format(printf, 2, 3))) void store_set_err(char **err, const char *fmt, ...);
// Runs `sql` (several statements allowed); false with the SQLite message in *err.
bool store_db_exec(sqlite3 *db, const char *sql, char **err);
// A prepared statement (owned: sqlite3_finalize), or NULL with *err.
sqlite3_stmt *store_db_prepare(sqlite3 *db, const char *sql, char **err);
// Runs a one-row, one-column statement (PRAGMA user_version, quick_check...).
// Returns the SQLite result code; *text (owned) receives column 0 as text.
int store_db_scalar(sqlite3 *db, const char *sql, char **text);
// Column `col` of the current row as an owned string ("" for NULL).
char *store_text_col(sqlite3_stmt *st, int col);
// The same, but NULL for an SQL NULL.
char *store_text_col_opt(sqlite3_stmt *st, int col);
// True for the result codes of a file that is not (or no longer) a database.
bool store_is_corruption(int rc);
// Called where a write has just failed: when SQLite's latest error on the
// store's connection is the file's or the disk's fault (not a constraint or
// a bad argument), counts it for store_write_failures() with its reason.
void store_note_write_failure(Store *store);
// Bind by parameter name, doing nothing when the statement lacks it.
void store_bind_text_opt(sqlite3_stmt *st, const char *name, const char *value);
void store_bind_int64_opt(sqlite3_stmt *st, const char *name, int64_t value);
// A size_t row limit as an SQL integer (signed 64-bit): larger means no limit.
int64_t store_limit_arg(size_t limit);

// What a query needs to know about the element type of one of our public
// lists (StorePlayerList, StoreRoundList...): its size, how to fill one from
// the current row, and how to free what one element owns.
typedef struct StoreRowType {
  size_t size;
  void (*read)(sqlite3_stmt *st, void *elem);
  void (*clear)(void *elem);
} StoreRowType;

// Frees `count` elements of `type` and the array holding them.
void store_rows_free(const StoreRowType *type, void *items, size_t count);
// Steps the prepared, bound statement `st` to its end, one element per row,
// into *items (owned by the caller) and *count, then finalizes `st`. On an
// error the rows read so far are freed, *items is NULL and *count 0.
bool store_query_rows(Store *store, sqlite3_stmt *st, const StoreRowType *type, void **items, size_t *count,
                      char **err);

StoreVerdict store_verdict_from_name(const char *name);
StoreRoundStatus store_round_status_from_name(const char *name);
StoreRoundKind store_round_kind_from_name(const char *name);   // NULL or unknown: CLASSIC
StoreConfidence store_confidence_from_name(const char *name);  // NULL or unknown: NONE

// The uniqueness key of a cleaned player name. Owned.
char *store_name_key(const char *clean);

// The corrected d' of a round row, in SQL, from its summary columns (the
// function is registered on every connection by store_schema_register_functions).
#define STORE_SQL_D_PRIME \
  "prebunk_d_prime(fake_caught, fake_caught + fake_believed, real_rejected, real_trusted + real_rejected)"
// Registers prebunk_d_prime() (base/stats.h) and prebunk_shown_name() (a
// player name without bidi controls) on `db`.
void store_schema_register_functions(sqlite3 *db);
// Makes prebunk_shown_name() give names as stored (StoreOptions.raw_names).
void store_schema_show_raw_names(sqlite3 *db);
// How the read queries select a player's name.
#define STORE_SQL_SHOWN_NAME "prebunk_shown_name(p.name)"
// Brings the schema of `db` to STORE_SCHEMA_VERSION (store_schema.c).
bool store_schema_migrate(sqlite3 *db, char **err);

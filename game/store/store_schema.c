// The schema: forward migrations, applied on open.

#include "store/store_internal.h"

#include <stdlib.h>

#include "base/log.h"
#include "base/str.h"

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

bool store_schema_migrate(sqlite3 *db, char **err) {
  char *text;
  int rc = store_db_scalar(db, "PRAGMA user_version", &text);
  if (rc != SQLITE_OK) {
    store_set_err(err, "%s", sqlite3_errmsg(db));
    return false;
  }
  int version = atoi(text);
  free(text);
  if (version >= STORE_SCHEMA_VERSION) {
    return true;
  }
  if (!store_db_exec(db, "BEGIN IMMEDIATE", err)) {
    return false;
  }
  for (int step = version; step < STORE_SCHEMA_VERSION; step++) {
    if (!store_db_exec(db, MIGRATIONS[step], err)) {
      log_error("schema step %d -> %d failed: %s", step, step + 1, err && *err ? *err : "");
      store_db_exec(db, "ROLLBACK", NULL);
      return false;
    }
  }
  char *set_version = xasprintf("PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
  bool ok = store_db_exec(db, set_version, err) && store_db_exec(db, "COMMIT", err);
  free(set_version);
  if (!ok) {
    store_db_exec(db, "ROLLBACK", NULL);
    return false;
  }
  if (version > 0) {
    log_info("score database upgraded from schema %d to %d", version, STORE_SCHEMA_VERSION);
  }
  return true;
}

// A crash (or a killed game) leaves its round in progress: it is over now.

// The schema: forward migrations, applied on open.

#include "store/store_internal.h"

#include <stdlib.h>

#include "base/log.h"
#include "base/stats.h"
#include "base/str.h"
#include "base/utf8.h"

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
    // 2 -> 3: a per-round summary in plain counts (real headlines trusted and
    // rejected, fabricated ones caught and believed), the total response time
    // and the corrected d', so a leaderboard ranked by care rather than speed
    // (correct answers, then d', then time) is one indexed query. Backfilled
    // from the answers of existing rounds. Player keys are recomputed in C
    // (migrate_name_keys) after this step.
    "ALTER TABLE rounds ADD COLUMN real_items INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE rounds ADD COLUMN fake_items INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE rounds ADD COLUMN real_trusted INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE rounds ADD COLUMN real_rejected INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE rounds ADD COLUMN fake_caught INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE rounds ADD COLUMN fake_believed INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE rounds ADD COLUMN response_ms INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE rounds ADD COLUMN d_prime REAL NOT NULL DEFAULT 0;"
    "UPDATE rounds SET"
    "  real_items = (SELECT COUNT(*) FROM answers a WHERE a.round_id = rounds.id AND a.truth = 'real'),"
    "  fake_items = (SELECT COUNT(*) FROM answers a WHERE a.round_id = rounds.id AND a.truth = 'fabricated'),"
    "  real_trusted = (SELECT COUNT(*) FROM answers a"
    "    WHERE a.round_id = rounds.id AND a.truth = 'real' AND a.given = 'real'),"
    "  real_rejected = (SELECT COUNT(*) FROM answers a"
    "    WHERE a.round_id = rounds.id AND a.truth = 'real' AND a.given = 'fabricated'),"
    "  fake_caught = (SELECT COUNT(*) FROM answers a"
    "    WHERE a.round_id = rounds.id AND a.truth = 'fabricated' AND a.given = 'fabricated'),"
    "  fake_believed = (SELECT COUNT(*) FROM answers a"
    "    WHERE a.round_id = rounds.id AND a.truth = 'fabricated' AND a.given = 'real'),"
    "  response_ms = (SELECT COALESCE(SUM(a.response_ms), 0) FROM answers a WHERE a.round_id = rounds.id);"
    "UPDATE rounds SET d_prime = " STORE_SQL_D_PRIME
    ";"
    "CREATE INDEX rounds_ranked ON rounds (pack_id, status, correct DESC, d_prime DESC, response_ms ASC);",
    // 3 -> 4: training that rewards discernment. Each answer may carry the
    // player's confidence and a "Which technique?" answer; a pair round
    // records both headlines; rounds say what they asked (one headline, a
    // pair, a booster); players know when they last practised and how many
    // spaced boosters they took since, backfilled from their rounds.
    "ALTER TABLE answers ADD COLUMN confidence TEXT"
    "  CHECK (confidence IS NULL OR confidence IN ('sure', 'think', 'guess'));"
    "ALTER TABLE answers ADD COLUMN technique_asked TEXT;"
    "ALTER TABLE answers ADD COLUMN technique_given TEXT;"
    "ALTER TABLE answers ADD COLUMN pair_item_id TEXT;"
    "ALTER TABLE rounds ADD COLUMN kind TEXT NOT NULL DEFAULT 'classic'"
    "  CHECK (kind IN ('classic', 'pair', 'booster'));"
    "ALTER TABLE players ADD COLUMN last_practised_ms INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE players ADD COLUMN boosters_done INTEGER NOT NULL DEFAULT 0;"
    "UPDATE players SET last_practised_ms = COALESCE((SELECT MAX(COALESCE(r.ended_ms, r.started_ms)) FROM rounds r"
    "  WHERE r.player_id = players.id AND r.answered > 0), 0);",
};

_Static_assert(sizeof MIGRATIONS / sizeof MIGRATIONS[0] == STORE_SCHEMA_VERSION,
               "one migration step per schema version");

static void d_prime_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  sqlite3_result_double(ctx, stats_d_prime_corrected(sqlite3_value_int(argv[0]), sqlite3_value_int(argv[1]),
                                                     sqlite3_value_int(argv[2]), sqlite3_value_int(argv[3])));
}

// prebunk_shown_name(name): the name as the game shows it, without the bidi
// controls a name stored before they were refused may hold (base/utf8.h).
// With user data (store_schema_show_raw_names) the name as stored.
static void shown_name_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *name = (const char *)sqlite3_value_text(argv[0]);
  if (!name || sqlite3_user_data(ctx) || !utf8_find_bidi_control(name)) {
    sqlite3_result_value(ctx, argv[0]);
    return;
  }
  sqlite3_result_text(ctx, utf8_strip_bidi_controls(name), -1, free);
}

static void register_shown_name(sqlite3 *db, bool raw) {
  static int raw_flag = 1;
  sqlite3_create_function(db, "prebunk_shown_name", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                          raw ? &raw_flag : NULL, shown_name_sql, NULL, NULL);
}

void store_schema_register_functions(sqlite3 *db) {
  sqlite3_create_function(db, "prebunk_d_prime", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                          d_prime_sql, NULL, NULL);
  register_shown_name(db, false);
}

void store_schema_show_raw_names(sqlite3 *db) {
  register_shown_name(db, true);
}

static bool read_version(sqlite3 *db, int *version, char **err) {
  char *text;
  int rc = store_db_scalar(db, "PRAGMA user_version", &text);
  if (rc != SQLITE_OK) {
    store_set_err(err, "%s", sqlite3_errmsg(db));
    return false;
  }
  long v = 0;
  *version = str_parse_long(text, 0, INT32_MAX, &v) ? (int)v : 0;
  free(text);
  return true;
}

// True when another player already holds `key`.
static bool key_taken(sqlite3_stmt *taken, const char *key, int64_t id) {
  sqlite3_reset(taken);
  sqlite3_bind_text(taken, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(taken, 2, id);
  return sqlite3_step(taken) == SQLITE_ROW;
}

// Schema 3 keys names by utf8_fold_key() (NFC and full case folding) where
// older files used a hand-written ASCII/Latin/Greek/Cyrillic fold. Keys are
// recomputed in id order; when two existing players now fold to one key
// (e.g. "Élodie" typed composed and decomposed), nothing is merged: the
// older player takes the new key and the other keeps its old one, or, when
// that is taken too, the new key with an id suffix no typed name can give
// (names hold no control characters).
static bool migrate_name_keys(sqlite3 *db, char **err) {
  sqlite3_stmt *sel = store_db_prepare(db, "SELECT id, name, name_key FROM players ORDER BY id", err);
  sqlite3_stmt *taken = store_db_prepare(db, "SELECT 1 FROM players WHERE name_key = ?1 AND id <> ?2", err);
  sqlite3_stmt *upd = store_db_prepare(db, "UPDATE players SET name_key = ?2 WHERE id = ?1", err);
  // Park every key out of the way first so the UNIQUE constraint only sees
  // final keys.
  bool ok = sel && taken && upd && store_db_exec(db, "UPDATE players SET name_key = char(1) || id", err);
  int rc = SQLITE_DONE;
  while (ok && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(sel, 0);
    char *name = store_text_col(sel, 1);
    char *old_key = store_text_col(sel, 2);
    char *clean = store_player_name_clean(name, NULL);
    char *key = clean ? store_name_key(clean) : NULL;
    char *chosen = NULL;
    if (key && !key_taken(taken, key, id)) {
      chosen = xstrdup(key);
    } else if (!key_taken(taken, old_key, id)) {
      chosen = xstrdup(old_key);
      log_warn("players: '%s' (id %lld) now matches an older player; it keeps its own key", name, (long long)id);
    } else {
      chosen = xasprintf("%s\x1f%lld", key ? key : old_key, (long long)id);
    }
    sqlite3_reset(upd);
    sqlite3_bind_int64(upd, 1, id);
    sqlite3_bind_text(upd, 2, chosen, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(upd) != SQLITE_DONE) {
      store_set_err(err, "%s", sqlite3_errmsg(db));
      ok = false;
    }
    free(chosen);
    free(key);
    free(clean);
    free(old_key);
    free(name);
  }
  if (ok && rc != SQLITE_DONE) {  // the walk over the players stopped early
    store_set_err(err, "%s", sqlite3_errmsg(db));
    ok = false;
  }
  sqlite3_finalize(sel);
  sqlite3_finalize(taken);
  sqlite3_finalize(upd);
  return ok;
}

// Runs the steps from `version` on, inside the caller's transaction.
static bool migrate_steps(sqlite3 *db, int version, char **err) {
  for (int step = version; step < STORE_SCHEMA_VERSION; step++) {
    if (!store_db_exec(db, MIGRATIONS[step], err)) {
      log_error("schema step %d -> %d failed: %s", step, step + 1, err && *err ? *err : "");
      return false;
    }
  }
  // Files from before schema 3 keyed names by the old fold (a new file has
  // no players, so this costs nothing there).
  return version >= 3 || migrate_name_keys(db, err);
}

bool store_schema_migrate(sqlite3 *db, char **err) {
  int version;
  if (!read_version(db, &version, err)) {
    return false;
  }
  if (version >= STORE_SCHEMA_VERSION) {
    return true;
  }
  if (!store_db_exec(db, "BEGIN IMMEDIATE", err)) {
    return false;
  }
  // Another game started at the same moment may have migrated the file
  // between our first look and our write lock: look again under the lock.
  if (!read_version(db, &version, err)) {
    store_db_exec(db, "ROLLBACK", NULL);
    return false;
  }
  if (version >= STORE_SCHEMA_VERSION) {
    return store_db_exec(db, "COMMIT", err);
  }
  if (!migrate_steps(db, version, err)) {
    store_db_exec(db, "ROLLBACK", NULL);
    return false;
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

#!/bin/bash
# `ulimit -f` (RLIMIT_FSIZE): the kernel sends SIGXFSZ to a process that
# writes past the limit, which killed the game (issue #11). prebunk ignores
# the signal, so the write fails with EFBIG and is handled: the game starts
# and plays with its scores in memory, an importer says it cannot write, and
# a score file made earlier is left intact.
# shellcheck source=script_lib.sh
source "$(dirname "$0")/script_lib.sh"

# limited BLOCKS OUT -- ARGS...: runs the binary under `ulimit -f BLOCKS`;
# its output goes to a pipe (a file would be limited too). Sets $status.
limited() {
  local blocks=$1 out=$2
  shift 3
  (ulimit -f "$blocks" && exec timeout -s KILL 60 "$bin" "$@") 2>&1 | cat >"$out"
  status=${PIPESTATUS[0]}
}

# A fresh folder, nothing may be written at all.
limited 0 "$tmp/fresh.out" -- --data-dir "$tmp/fresh" --frames 3
echo "fresh folder, ulimit -f 0: exit $status"
((status == 0)) || fail "fresh folder: exit $status (153 is SIGXFSZ)"
grep -q "scores are kept in memory only" "$tmp/fresh.out" || fail "fresh folder: not told: $(cat "$tmp/fresh.out")"

# A folder with scores from before: played without a limit first, then with one.
"$bin" --data-dir "$tmp/old" --frames 3 >/dev/null 2>&1 || fail "the unlimited run failed"
sqlite3 "$tmp/old/scores.db" "INSERT INTO players (name, name_key, created_ms) VALUES ('Kept', 'kept', 1)" ||
  fail "cannot add a player"
before=$(sqlite3 "$tmp/old/scores.db" "SELECT name FROM players")
limited 0 "$tmp/old.out" -- --data-dir "$tmp/old" --frames 3
echo "existing folder, ulimit -f 0: exit $status"
((status == 0)) || fail "existing folder: exit $status"
[[ $(sqlite3 "$tmp/old/scores.db" "PRAGMA integrity_check") == ok ]] || fail "the score file is damaged"
[[ $(sqlite3 "$tmp/old/scores.db" "SELECT name FROM players") == "$before" ]] || fail "the stored player was lost"

# An importer: a clear error and no partial file.
printf 'headline,answer,explanation,outlet,date\nA fine headline here,real,Because it is.,BBC,2020-01-01\n' >"$tmp/in.csv"
printf 'Another headline here,fabricated,Because.,,\n' >>"$tmp/in.csv"
cd "$tmp" || exit 1
limited 0 "$tmp/import.out" -- import-csv in.csv -o out.xml
cd / || exit 1
echo "import-csv, ulimit -f 0: exit $status"
((status == 1)) || fail "import-csv: exit $status"
grep -q "File too large" "$tmp/import.out" || fail "import-csv: not told: $(cat "$tmp/import.out")"
compgen -G "$tmp/out.xml*" >/dev/null && fail "import-csv left a file"

finish

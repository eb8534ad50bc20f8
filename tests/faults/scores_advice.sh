#!/bin/bash
# The advice `prebunk scores` gives for each kind of damage matches what the
# game then really does (issue #11: it said "start the game to set it aside"
# for damage the game never sets aside). For each case: read the advice,
# start the game, check the outcome the advice promised.
# shellcheck source=script_lib.sh
source "$(dirname "$0")/script_lib.sh"

# A real score file: a player and a checkpointed database.
make_scores() {
  "$bin" --data-dir "$1" --scene summary --frames 3 >/dev/null 2>&1 || fail "cannot make scores in $1"
}

SET_ASIDE="Start the game once to set it aside"
STUCK="cannot set it aside either"
LEFT="It is not damaged and is left as it is"

# check NAME DIR EXPECTED_ADVICE: the advice for DIR, then the game on DIR.
check() {
  local name=$1 d=$2 want=$3
  "$bin" scores --data-dir "$d" >"$tmp/$name.advice" 2>&1
  local status=$?
  echo "$name: prebunk scores exit $status: $(tail -c 300 "$tmp/$name.advice")"
  ((status == 1)) || fail "$name: prebunk scores exit $status"
  grep -qF "$want" "$tmp/$name.advice" || fail "$name: the advice is not '$want'"
  local before
  before=$(sha256sum "$d/scores.db")
  timeout -s KILL 60 "$bin" --data-dir "$d" --frames 3 >"$tmp/$name.game" 2>&1 || fail "$name: the game failed"
  if grep -qF "$SET_ASIDE" "$tmp/$name.advice"; then
    compgen -G "$d/scores.db.corrupt-*" >/dev/null || fail "$name: advised to set aside, but the game did not"
    "$bin" scores --data-dir "$d" >/dev/null 2>&1 || fail "$name: prebunk scores still fails after the game"
  else
    compgen -G "$d/scores.db.corrupt-*" >/dev/null && fail "$name: the game set aside a file the advice said stays"
    [[ $(sha256sum "$d/scores.db") == "$before" ]] || fail "$name: the file was changed"
    grep -q "scores are kept in memory only" "$tmp/$name.game" || fail "$name: the game did not say: $(cat "$tmp/$name.game")"
  fi
}

mkdir -p "$tmp/garbage"
head -c 8192 /dev/urandom >"$tmp/garbage/scores.db"
check garbage "$tmp/garbage" "$SET_ASIDE"

make_scores "$tmp/truncated"
truncate -s 8192 "$tmp/truncated/scores.db"
check truncated "$tmp/truncated" "$SET_ASIDE"

make_scores "$tmp/page"
printf 'garbage%.0s' {1..200} | dd of="$tmp/page/scores.db" bs=1 seek=8200 conv=notrunc status=none
check damaged-page "$tmp/page" "$SET_ASIDE"

# Another program holds the file locked: not damage, never set aside.
make_scores "$tmp/locked"
(echo "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; SELECT 'locked';"; sleep 30) |
  sqlite3 "$tmp/locked/scores.db" >"$tmp/lock.out" 2>&1 &
lock_pid=$!
for _ in $(seq 100); do
  grep -q locked "$tmp/lock.out" && break
  sleep 0.1
done
grep -q locked "$tmp/lock.out" || fail "locked: the lock was not taken: $(cat "$tmp/lock.out")"
check locked "$tmp/locked" "$LEFT"
pkill -P "$lock_pid" sleep 2>/dev/null  # the writer's sleep: sqlite3 then ends
wait "$lock_pid" 2>/dev/null

# Damaged, in a folder that cannot be written (a read-only tmpfs in a mount
# namespace of its own): the game cannot set it aside either.
if unshare -m true 2>/dev/null; then
  mkdir -p "$tmp/stuck"
  export -f check fail
  export bin tmp SET_ASIDE STUCK LEFT
  unshare -m bash -c '
    mount -t tmpfs -o size=4m tmpfs "$tmp/stuck" || exit 77
    head -c 8192 /dev/urandom >"$tmp/stuck/scores.db"
    mount -o remount,ro "$tmp/stuck" || exit 77
    failures=0
    check stuck "$tmp/stuck" "$STUCK"
    exit $((failures > 0))'
  case $? in
  0) ;;
  77) echo "SKIP stuck: cannot mount a read-only tmpfs here" ;;
  *) fail "stuck: see above" ;;
  esac
else
  echo "SKIP stuck: cannot make a mount namespace here"
fi

finish

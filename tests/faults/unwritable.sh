#!/bin/bash
# A HOME that cannot hold the data folder, and a data folder on a read-only
# file system: the game starts anyway, plays with its scores in memory and
# says so; `prebunk scores` still answers; nothing stored is touched.
# (Permission bits do not stop root, which runs these tests: a HOME that is
# a plain file and a tmpfs remounted read-only stop everyone.)
# shellcheck source=script_lib.sh
source "$(dirname "$0")/script_lib.sh"

# HOME is a file: ~/.local/share/prebunk cannot be made.
echo "not a folder" >"$tmp/home"
env -u XDG_DATA_HOME HOME="$tmp/home" timeout -s KILL 60 "$bin" --frames 3 >"$tmp/home.out" 2>&1
status=$?
echo "unwritable HOME: exit $status"
((status == 0)) || fail "unwritable HOME: exit $status: $(cat "$tmp/home.out")"
grep -q "cannot create data folder $tmp/home/.local/share/prebunk" "$tmp/home.out" || fail "unwritable HOME: folder not named"
grep -q "scores are kept in memory only" "$tmp/home.out" || fail "unwritable HOME: not told: $(cat "$tmp/home.out")"
env -u XDG_DATA_HOME HOME="$tmp/home" timeout -s KILL 60 "$bin" scores >"$tmp/scores.out" 2>&1
status=$?
echo "unwritable HOME, prebunk scores: exit $status"
((status == 0)) && grep -q "No scores yet" "$tmp/scores.out" || fail "unwritable HOME: scores said: $(cat "$tmp/scores.out")"

# A read-only file system, in a mount namespace of its own.
if ! unshare -m true 2>/dev/null; then
  echo "SKIP read-only file system: cannot make a mount namespace here"
else
  d="$tmp/ro"
  mkdir -p "$d"
  unshare -m bash -c '
    set -u
    bin=$1 d=$2
    mount -t tmpfs -o size=8m tmpfs "$d" || exit 77
    "$bin" --data-dir "$d" --frames 3 >/dev/null 2>&1 || exit 10
    sum=$(sha256sum "$d"/scores.db "$d"/settings.ini 2>/dev/null)
    mount -o remount,ro "$d" || exit 11
    "$bin" --data-dir "$d" --frames 3 >"$d.out" 2>&1 || exit 12
    grep -q "scores are kept in memory only" "$d.out" || exit 13
    [[ $(sha256sum "$d"/scores.db "$d"/settings.ini 2>/dev/null) == "$sum" ]] || exit 14
    "$bin" scores --data-dir "$d" >"$d.scores" 2>&1 || exit 15
  ' _ "$bin" "$d"
  status=$?
  echo "read-only file system: status $status"
  case $status in
  0) ;;
  77) echo "SKIP read-only file system: cannot mount a tmpfs here" ;;
  12 | 13) fail "read-only file system: the game said: $(cat "$d.out")" ;;
  15) fail "read-only file system: prebunk scores said: $(cat "$d.scores")" ;;
  *) fail "read-only file system: step $status failed" ;;
  esac
fi

finish

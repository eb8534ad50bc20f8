#!/bin/bash
# A named pipe (or a device) in the place of a file the game reads at start:
# settings.ini, prebunk.log, scores.db (and its -wal), gamecontrollerdb.txt.
# Neither the game (headless, a few frames) nor `prebunk scores` may block;
# each says which file it could not use.
# shellcheck source=script_lib.sh
source "$(dirname "$0")/script_lib.sh"

# run LIMIT_S OUTFILE -- ARGS...: runs the binary, killed after LIMIT_S.
run() {
  local limit=$1 out=$2
  shift 3
  local start=$(date +%s%N)
  timeout -s KILL "$limit" "$bin" "$@" >"$out" 2>&1
  status=$?
  elapsed_ms=$((($(date +%s%N) - start) / 1000000))
}

for name in settings.ini prebunk.log scores.db scores.db-wal gamecontrollerdb.txt; do
  d="$tmp/$name.d"
  mkdir -p "$d"
  mkfifo "$d/$name"
  run 20 "$tmp/play.out" -- --data-dir "$d" --frames 3
  echo "$name: game exit $status in ${elapsed_ms} ms"
  if [[ $status == 137 ]]; then
    echo "FAIL $name: the game blocked"; failures=$((failures + 1))
  elif [[ $status != 0 ]]; then
    echo "FAIL $name: the game exited $status"; cat "$tmp/play.out"; failures=$((failures + 1))
  fi
  # The message names the file, on stderr (the log may be the FIFO itself);
  # for SQLite's companion the score file it belongs to.
  if ! grep -qF "$d/${name%-wal}" "$tmp/play.out"; then
    echo "FAIL $name: nothing names the file:"; cat "$tmp/play.out"; failures=$((failures + 1))
  fi
  run 20 "$tmp/scores.out" -- scores --data-dir "$d"
  echo "$name: scores exit $status in ${elapsed_ms} ms"
  if [[ $status == 137 ]]; then
    echo "FAIL $name: prebunk scores blocked"; failures=$((failures + 1))
  fi
  case $name in
  scores.db*)
    if [[ $status != 1 ]] || ! grep -q "not a regular file" "$tmp/scores.out"; then
      echo "FAIL $name: prebunk scores should refuse the file:"; cat "$tmp/scores.out"; failures=$((failures + 1))
    fi
    ;;
  esac
  rm -f "$d/$name"
done

# A symbolic link to /dev/zero as the settings: refused, not read forever.
d="$tmp/zero.d"
mkdir -p "$d"
ln -s /dev/zero "$d/settings.ini"
run 20 "$tmp/zero.out" -- --data-dir "$d" --frames 3
echo "settings.ini -> /dev/zero: game exit $status in ${elapsed_ms} ms"
if [[ $status != 0 ]] || ! grep -qF "settings $d/settings.ini (is a device" "$tmp/zero.out"; then
  echo "FAIL /dev/zero settings:"; cat "$tmp/zero.out"; failures=$((failures + 1))
fi

finish

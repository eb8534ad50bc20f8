#!/bin/bash
# The binary with no usable font (all garbage) and with no assets/ folder:
# a message naming the files on stderr and in the log, exit 1, no crash.
# shellcheck source=script_lib.sh
source "$(dirname "$0")/script_lib.sh"
src="${PREBUNK_SOURCE_DIR:?run through ctest}"

mkdir -p "$tmp/garbage/assets/fonts"
cp -r "$src/quizzes" "$tmp/garbage/"
for f in DejaVuSans.ttf DejaVuSans-Bold.ttf NotoSansArabic-Regular.ttf NotoSansArabic-Bold.ttf; do
  head -c 4000 /dev/urandom >"$tmp/garbage/assets/fonts/$f"
done
mkdir -p "$tmp/bare"
cp -r "$src/quizzes" "$tmp/bare/"
for case in garbage bare; do
  PREBUNK_DATA_DIR="$tmp/$case" timeout -s KILL 60 "$bin" --data-dir "$tmp/$case.d" --frames 3 >"$tmp/$case.out" 2>&1
  status=$?
  echo "$case: exit $status"
  ((status == 1)) || fail "$case: exit $status, not 1"
  grep -q "prebunk: error: Cannot start the game: no font could be used" "$tmp/$case.out" ||
    fail "$case: stderr says: $(cat "$tmp/$case.out")"
  grep -q "error .*no font could be used" "$tmp/$case.d/prebunk.log" || fail "$case: not in the log"
done
grep -q "DejaVuSans-Bold.ttf: not a font" "$tmp/garbage.out" || fail "garbage: the files are not named"
grep -q "assets/fonts is missing" "$tmp/bare.out" || fail "bare: the folder is not named"

finish

#!/bin/bash
# prebunk validate through the real binary: exit status 0/1/2, diagnostics on
# stderr, one summary line per file on stdout.
set -u
bin="${PREBUNK_BINARY:?run through ctest}"
packs="${PREBUNK_TEST_DATA:?run through ctest}/packs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# check NAME WANT_STATUS WANT_STDOUT WANT_STDERR -- ARGS...
check() {
  local name=$1 want_status=$2 want_out=$3 want_err=$4
  shift 5
  "$bin" validate "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  if [[ $status != "$want_status" ]]; then
    echo "FAIL $name: exit status $status, expected $want_status"; failures=$((failures + 1))
  fi
  if [[ $(cat "$tmp/out") != "$want_out" ]]; then
    echo "FAIL $name: stdout was:"; cat "$tmp/out"; echo "expected:"; echo "$want_out"; failures=$((failures + 1))
  fi
  if [[ $want_err != "*" && $(cat "$tmp/err") != "$want_err" ]]; then
    echo "FAIL $name: stderr was:"; cat "$tmp/err"; echo "expected:"; echo "$want_err"; failures=$((failures + 1))
  fi
}

cd "$packs" || exit 1

check valid 0 "valid-minimal.xml: ok, 2 items (1 real, 1 fabricated), 2 techniques" "" -- valid-minimal.xml

check invalid 1 "duplicate-ids.xml: invalid, 1 error" \
  'duplicate-ids.xml:15: error: item id "boaty" is used twice (first on line 5)' -- duplicate-ids.xml

check warnings 0 "lopsided.xml: ok, 6 items (1 real, 5 fabricated), 1 technique, 1 warning" \
  "lopsided.xml:2: warning: the pack has 1 real and 5 fabricated items; a lopsided pack rewards always giving the same answer" \
  -- lopsided.xml

check strict 1 "lopsided.xml: invalid, 1 error" \
  "lopsided.xml:2: error: the pack has 1 real and 5 fabricated items; a lopsided pack rewards always giving the same answer" \
  -- --strict lopsided.xml

# Under --strict each warning is printed once, as an error (never also as a
# warning), and counted once.
check strict-once 1 "warnings.xml: invalid, 4 errors" \
  "warnings.xml:5: error: the round asks for 10 questions but the pack has only 4 items
warnings.xml:8: error: real item has no url; players cannot look the story up at its source
warnings.xml:11: error: fabricated item names no <technique>; players learn more when they see how it misleads
warnings.xml:16: error: headline is longer than 200 characters" -- --strict warnings.xml

check strict-after-file 1 "lopsided.xml: invalid, 1 error" "*" -- lopsided.xml --strict

check several 1 "valid-minimal.xml: ok, 2 items (1 real, 1 fabricated), 2 techniques
bad-answer.xml: invalid, 1 error
assessment-no-source.xml: ok, 2 items (1 real, 1 fabricated), 0 techniques" \
  'bad-answer.xml:10: error: answer must be "real" or "fabricated", not "maybe"' \
  -- valid-minimal.xml bad-answer.xml assessment-no-source.xml

check missing-file 1 "nope.xml: invalid, 1 error" \
  "nope.xml: error: cannot read the file: cannot open: No such file or directory" -- nope.xml

check doctype 1 "billion-laughs.xml: invalid, 1 error" \
  "billion-laughs.xml:2: error: a DOCTYPE is not allowed in a quiz pack (it could pull in other files or expand entities without end)" \
  -- billion-laughs.xml

check dash-dash 0 "valid-minimal.xml: ok, 2 items (1 real, 1 fabricated), 2 techniques" "" -- -- valid-minimal.xml

# Usage errors: exit 2, message and usage on stderr, nothing on stdout.
check no-files 2 "" "*" --
grep -q "^prebunk validate: no file given" "$tmp/err" || { echo "FAIL no-files message"; failures=$((failures + 1)); }
check unknown-option 2 "" "*" -- --bogus valid-minimal.xml
grep -q "^prebunk validate: unknown option '--bogus'" "$tmp/err" || { echo "FAIL unknown-option message"; failures=$((failures + 1)); }
grep -q "^Usage: prebunk validate" "$tmp/err" || { echo "FAIL usage on stderr"; failures=$((failures + 1)); }

# --help: usage on stdout, exit 0.
"$bin" validate --help >"$tmp/out" 2>"$tmp/err"
status=$?
if [[ $status != 0 ]] || ! grep -q "^Usage: prebunk validate \[--strict\] FILE\.\.\." "$tmp/out" || [[ -s $tmp/err ]]; then
  echo "FAIL --help (status $status)"; failures=$((failures + 1))
fi

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all validate checks passed"

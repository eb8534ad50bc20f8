#!/usr/bin/env bash
# cppcheck over every C file the build compiles (game/ and tests/), as the
# ctest `cppcheck` (PREBUNK_CPPCHECK, on in the ci preset). Zero findings:
# any warning fails. A finding that is wrong gets an inline suppression
# (// cppcheck-suppress ID) with a comment saying why.
#   run_cppcheck.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
cppcheck -q -j2 --project="$build/compile_commands.json" \
  --enable=warning,performance,portability --inline-suppr --error-exitcode=1 \
  --library="$src/tests/cppcheck/cmocka.cfg" --suppress=missingIncludeSystem \
  -i"$build" --template='{file}:{line}: {severity}: {message} [{id}]' 2>"$out" || status=$?
cat "$out"
if [ "$status" -ne 0 ] || [ -s "$out" ]; then
  echo "cppcheck: $(grep -c . "$out") finding(s)" >&2
  exit 1
fi
echo "cppcheck: no findings"

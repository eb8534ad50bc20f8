#!/bin/bash
# clang-tidy with the top-level .clang-tidy over every game/*.c, using the
# build's compile_commands.json (so with the game's flags and base/harmful.h).
# Any finding fails. Registered as ctest `clang_tidy` when PREBUNK_TIDY is ON
# (the `ci` preset), so it runs once, not again in the sanitizer build.
#   check_tidy.sh BUILD_DIR [CLANG_TIDY]
set -u
src=${PREBUNK_SOURCE_DIR:?run through ctest}
build=${1:?build dir with compile_commands.json}
tidy=${2:-clang-tidy}
jobs=${PREBUNK_TIDY_JOBS:-2}

excluded=()

[ -f "$build/compile_commands.json" ] || { echo "FAIL: no $build/compile_commands.json" >&2; exit 1; }
files=()
while IFS= read -r f; do
  rel=${f#"$src"/}
  skip=0
  for x in "${excluded[@]}"; do
    [ "$rel" = "$x" ] && skip=1
  done
  [ "$skip" -eq 1 ] || files+=("$f")
done < <(find "$src/game" -name '*.c' | sort)

out=$(mktemp)
trap 'rm -f "$out"' EXIT
printf '%s\n' "${files[@]}" |
  xargs -P "$jobs" -n 2 "$tidy" -p "$build" --quiet --config-file="$src/.clang-tidy" >"$out" 2>/dev/null
status=$?
# One finding per "file:line:col: warning|error:" line; a header's finding
# repeats for every file that includes it.
findings=$(grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error): ' "$out" | sort -u)
if [ -n "$findings" ]; then
  echo "FAIL: clang-tidy findings in game/ (details below):" >&2
  echo "$findings" | sed "s|$src/||" >&2
  echo "--- full output" >&2
  cat "$out" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "FAIL: clang-tidy exited with status $status" >&2
  cat "$out" >&2
  exit 1
fi
echo "clang-tidy: ${#files[@]} files, no findings (${#excluded[@]} excluded for now)"

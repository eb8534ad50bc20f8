#!/bin/bash
# Every pack shipped in quizzes/ passes `prebunk validate --strict`.
set -u
bin="${PREBUNK_BINARY:?run through ctest}"
dir="${PREBUNK_SOURCE_DIR:?run through ctest}/quizzes"
shopt -s nullglob
packs=("$dir"/*.xml)
if [[ ${#packs[@]} -eq 0 ]]; then
  echo "no bundled packs in $dir yet"
  exit 0
fi
"$bin" validate --strict "${packs[@]}"

#!/bin/bash
# The layers only depend downwards:
#   scenes -> play -> engine, quiz, store -> base;  cli/main -> everything.
# The play layer (sessions over the quiz rules and the store) is pure C:
# it may use base, quiz and store, never SDL, the engine or the screens.
# The quiz core and the store are pure C (no SDL), the engine knows nothing
# about quizzes, and nothing below the scenes includes a scene or the cli.
set -u
src=${PREBUNK_SOURCE_DIR:?run through ctest}/game
failures=0

# forbid LAYER PATTERN WHY: no #include in game/LAYER may match PATTERN.
forbid() {
  local layer=$1 pattern=$2 why=$3 hits
  hits=$(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)" "$src/$layer" --include='*.c' --include='*.h')
  if [ -n "$hits" ]; then
    echo "FAIL: game/$layer $why:" >&2
    echo "$hits" | sed 's/^/  /' >&2
    failures=$((failures + 1))
  fi
}

forbid base 'SDL|quiz/|store/|play/|engine/|scenes/|cli/' "must not depend on any other layer"
forbid quiz 'SDL|store/|play/|engine/|scenes/|cli/' "is pure C: no SDL, no store, no engine"
forbid store 'SDL|quiz/round|play/|engine/|scenes/|cli/' "must not depend on SDL, the round logic, the engine or the screens"
forbid engine 'quiz/|store/|play/|scenes/|cli/' "must know nothing about quizzes, scores or screens"
forbid play 'SDL|engine/|scenes/|cli/' "may use base, quiz and store only: no SDL, no engine, no screens"
forbid scenes 'cli/' "must not depend on the command line"

if [ "$failures" -eq 0 ]; then
  echo "layers: all include rules hold"
  exit 0
fi
exit 1

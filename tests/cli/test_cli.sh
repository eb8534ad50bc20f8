#!/bin/bash
# The prebunk command line through the real binary: help, version, usage
# errors (exit 2, usage on stderr), --data-dir holding everything the game
# writes, --size and --screenshot, and --seed reproducing the same round.
set -u
bin=${PREBUNK_BINARY:?run through ctest}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
# Nothing may be written to the user's real folders.
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share"
mkdir -p "$HOME"

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run STATUS DESCRIPTION -- COMMAND...: stdout in $tmp/out, stderr in $tmp/err.
run() {
  local want=$1 what=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$what: exit $got, expected $want"
    sed 's/^/  out| /' "$tmp/out" >&2
    sed 's/^/  err| /' "$tmp/err" >&2
  fi
}

has() { # has FILE TEXT
  grep -qF -- "$2" "$1" || { fail "$(basename "$1") lacks: $2"; sed 's/^/  | /' "$1" >&2; }
}

empty() {
  [ ! -s "$1" ] || { fail "$(basename "$1") should be empty"; sed 's/^/  | /' "$1" >&2; }
}

# --help lists every option and sub-command, on stdout.
run 0 "--help" -- "$bin" --help
for word in --data-dir --pack --preview --seed --fullscreen --display --size --screenshot --help --version \
  validate scores import-moodle import-csv; do
  has "$tmp/out" "$word"
done
empty "$tmp/err"
run 0 "-h" -- "$bin" -h
has "$tmp/out" "Usage: prebunk"

# --version
run 0 "--version" -- "$bin" --version
grep -qE '^prebunk [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" || fail "--version printed: $(cat "$tmp/out")"

# Usage errors: exit 2, a message and the usage on stderr, nothing on stdout.
usage_error() { # usage_error DESCRIPTION MESSAGE -- ARGS...
  local what=$1 msg=$2
  shift 3
  run 2 "$what" -- "$bin" "$@"
  has "$tmp/err" "$msg"
  has "$tmp/err" "Usage: prebunk"
  empty "$tmp/out"
}
usage_error "unknown option" "unknown option '--bogus'" -- --bogus
usage_error "unknown command" "unknown command 'frobnicate'" -- frobnicate
usage_error "missing value" "option '--seed' needs a value" -- --seed
usage_error "bad seed" "--seed needs a whole number, not 'abc'" -- --seed abc
usage_error "negative seed" "--seed needs a whole number, not '-3'" -- --seed -3
usage_error "spaced seed" "--seed needs a whole number, not ' -3'" -- --seed " -3"
usage_error "bad display" "--display needs a display number" -- --display x
usage_error "bad size" "--size needs WIDTHxHEIGHT" -- --size 10x10
# Both numbers strict, as every other number option: sscanf("%d") took these.
usage_error "spaced size" "--size needs WIDTHxHEIGHT" -- --size "800x 600"
usage_error "signed size" "--size needs WIDTHxHEIGHT" -- --size "+800x600"
usage_error "preview without pack" "--preview needs --pack FILE" -- --preview
usage_error "stray argument" "unexpected argument" -- --seed 1 extra

# A headless run keeps everything it writes in --data-dir.
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software
data="$tmp/data"
run 0 "headless run" -- "$bin" --data-dir "$data" --frames 3
for f in scores.db prebunk.log; do
  [ -f "$data/$f" ] || fail "--data-dir: $f was not written to $data"
done
has "$data/prebunk.log" "data folder $data"
[ -z "$(find "$HOME" -type f)" ] || fail "files were written under HOME: $(find "$HOME" -type f)"

# --size and --screenshot: a PNG of the window's size.
run 0 "screenshot 1366x768" -- "$bin" --data-dir "$data" --size 1366x768 --screenshot "$tmp/title.png"
file "$tmp/title.png" | grep -q "PNG image data, 1366 x 768" || fail "screenshot: $(file "$tmp/title.png")"

# --seed: the same seed draws the same round (same first headline, same
# pixels); another seed draws another one.
shot() { "$bin" --data-dir "$tmp/seed-$1-$2" --seed "$1" --scene round --screenshot "$tmp/round-$1-$2.png"; }
shot 11 a && shot 11 b && shot 12 a || fail "round screenshots failed"
cmp -s "$tmp/round-11-a.png" "$tmp/round-11-b.png" || fail "--seed 11 twice gave different rounds"
cmp -s "$tmp/round-11-a.png" "$tmp/round-12-a.png" && fail "--seed 11 and --seed 12 gave the same round"

# Demo screens without --data-dir run in a throwaway folder: no "Demo"
# player or demo round reaches the user's own scores.
run 0 "demo screen without --data-dir" -- "$bin" --scene summary --screenshot "$tmp/demo.png"
[ -s "$tmp/demo.png" ] || fail "demo screen drew nothing"
[ -z "$(find "$HOME" -type f)" ] || fail "a demo screen wrote under HOME: $(find "$HOME" -type f)"

# Every screen named in --help can be started directly; the list comes from
# the game's one table of screens, so the author's preview is in it too.
"$bin" --help >"$tmp/help"
has "$tmp/help" "Screens for --scene:"
scenes=$(sed -n '/^Screens for --scene:/,$p' "$tmp/help" | tail -n +2 | tr -d ',')
for want in title packs player round feedback summary scores settings help preview; do
  case " $(echo $scenes) " in *" $want "*) ;; *) fail "--help does not list the screen $want" ;; esac
done
for scene in $(echo "$scenes" | tr ' ' '\n' | grep -v '^preview$'); do
  run 0 "--scene $scene" -- "$bin" --data-dir "$tmp/scenes" --scene "$scene" --screenshot "$tmp/scene-$scene.png"
  [ -s "$tmp/scene-$scene.png" ] || fail "--scene $scene drew nothing"
done
usage_error "unknown scene" "unknown screen 'nowhere'" -- --scene nowhere
run 0 "--scene preview" -- "$bin" --data-dir "$tmp/scenes" --pack "${PREBUNK_SOURCE_DIR:?}/quizzes/starter-en.xml" --scene preview \
  --screenshot "$tmp/scene-preview.png"
[ -s "$tmp/scene-preview.png" ] || fail "--scene preview drew nothing"

# A pack given with --pack that does not exist is an error for the player,
# not a crash: the game still starts on the bundled packs.
run 0 "--pack missing" -- "$bin" --data-dir "$data" --pack "$tmp/nope.xml" --frames 2

if [ "$failures" -eq 0 ]; then
  echo "cli: all checks passed"
  exit 0
fi
echo "cli: $failures check(s) failed" >&2
exit 1

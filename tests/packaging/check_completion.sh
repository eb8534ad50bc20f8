#!/usr/bin/env bash
# The bash completion, registered with bash's `complete` and called the way
# bash calls it (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT), with the
# bash-completion package's helpers loaded as in a user's shell, and without.
#   check_completion.sh COMPLETION_FILE
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
file=$(readlink -f "$1")
[ -x "${PREBUNK_BINARY:-}" ] || fail "build the game first"
[ -f "$file" ] || fail "no $file"
make_scratch
mkdir -p "$scratch/files/packs"
touch "$scratch/files/mine.xml" "$scratch/files/notes.txt"

# Prints the completions bash would offer for the words given, the last one
# being the word under the cursor ("" for a new word).
cat >"$scratch/run.sh" <<'RUN'
set -u
[ "$1" = with ] && source /usr/share/bash-completion/bash_completion
shift
source "$COMPLETION"
spec=$(complete -p prebunk) || { echo "no completion registered for prebunk"; exit 1; }
func=$(sed -n 's/.*-F \([^ ]*\).*/\1/p' <<<"$spec")
COMP_WORDS=(prebunk "$@")
COMP_CWORD=$#
COMP_LINE="prebunk $*"
COMP_POINT=${#COMP_LINE}
COMPREPLY=()
# bash runs the function as: FUNC COMMAND WORD PREVIOUS_WORD
"$func" prebunk "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}" | sort
RUN
bin_dir="$scratch/bin"
mkdir -p "$bin_dir"
ln -s "$PREBUNK_BINARY" "$bin_dir/prebunk"

offers() {  # MODE EXPECTED WORDS...: the sorted completions, one a line, are EXPECTED
  local mode=$1 expected=$2 got
  shift 2
  got=$(cd "$scratch/files" && PATH="$bin_dir:$PATH" COMPLETION="$file" bash "$scratch/run.sh" "$mode" "$@" | paste -sd ' ')
  [ "$got" = "$expected" ] || fail "($mode bash-completion) 'prebunk $*<TAB>' offered '$got', expected '$expected'"
}

modes=(without)
[ -f /usr/share/bash-completion/bash_completion ] && modes+=(with)
help=$("$PREBUNK_BINARY" --help)
commands=$(awk '$0 == "Sub-commands:" { on = 1; next } on && /^[^ ]/ { on = 0 } on && /^  [a-z]/ { print $1 }' <<<"$help" | sort | paste -sd ' ')
for mode in "${modes[@]}"; do
  offers "$mode" "$commands" ""
  offers "$mode" "import-csv import-moodle" "im"
  offers "$mode" "--data-dir --display --frames --fullscreen --help --pack --preview --scene --screenshot --seed --size --version" "--"
  offers "$mode" "summary" "--scene" "su"
  offers "$mode" "mine.xml packs" "--pack" ""
  offers "$mode" "packs" "--data-dir" ""
  offers "$mode" "--pack --player" "scores" "--p"
  offers "$mode" "--description --force --help --id --lang --output --title" "import-csv" "in.csv" "--"
  offers "$mode" "--help --strict" "validate" "--"
  offers "$mode" "mine.xml notes.txt packs" "validate" ""
  offers "$mode" "" "--seed" ""
  # After an option's value the next word is a sub-command or option again.
  offers "$mode" "validate" "--data-dir" "d" "val"
done
echo "completion OK (${modes[*]} bash-completion)"

#!/usr/bin/env bash
# The manual pages say what --help says: every line of `prebunk --help` and
# of each `prebunk COMMAND --help` (split where two spaces separate an option
# from its description) appears in the rendered page, and every sub-command
# --help lists has a page. help2man writes the pages at build time
# (packaging/man/); this catches a page left out or a help text it mangles.
#   check_manpages.sh MAN_DIR
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
man_dir=$1
need_tool man man-db
[ -x "${PREBUNK_BINARY:-}" ] || fail "build the game first"
[ -f "$man_dir/prebunk.6" ] || fail "no $man_dir/prebunk.6 (is help2man installed? Debian package help2man)"

make_scratch
squeeze() {  # one line, single spaces, ASCII
  tr -s ' \n\t' '   ' | sed 's/^ //; s/ $//'
}
compare() {  # PAGE HELP_FILE
  local page=$1 help=$2 text chunk missing=0
  text=$(LC_ALL=C MANWIDTH=2000 man -E ascii --no-hyphenation --no-justification -l "$page" 2>/dev/null | squeeze)
  [ -n "$text" ] || fail "man cannot render $page"
  while IFS= read -r line; do
    line=$(sed -E 's/^(Usage|  or): +//' <<<"$line")
    # help2man makes a heading such as "Options:" a section, OPTIONS.
    if [[ $line =~ ^([A-Z][a-z -]*):$ ]]; then
      grep -qiF -- "${BASH_REMATCH[1]}" <<<"$text" || { echo "$(basename "$page"): no heading '$line'" >&2; missing=$((missing + 1)); }
      continue
    fi
    # Runs of two or more spaces separate an option from its description.
    while IFS= read -r chunk; do
      chunk=$(squeeze <<<"$chunk")
      [ -z "$chunk" ] && continue
      if ! grep -qF -- "$chunk" <<<"$text"; then
        echo "$(basename "$page"): missing '$chunk'" >&2
        missing=$((missing + 1))
      fi
    done < <(sed -E 's/ {2,}/\n/g' <<<"$line")
  done <"$help"
  [ "$missing" -eq 0 ] || fail "$(basename "$page") lacks $missing pieces of its --help"
}

env LC_ALL=C.UTF-8 "$PREBUNK_BINARY" --help >"$scratch/help" || fail "prebunk --help failed"
compare "$man_dir/prebunk.6" "$scratch/help"
commands=$(awk '$0 == "Sub-commands:" { on = 1; next } on && /^[^ ]/ { on = 0 } on && /^  [a-z]/ { print $1 }' "$scratch/help")
[ -n "$commands" ] || fail "prebunk --help lists no sub-commands"
for cmd in $commands; do
  [ -f "$man_dir/prebunk-$cmd.6" ] || fail "no manual page for 'prebunk $cmd' (PREBUNK_MAN_SUBCOMMANDS in packaging/man/)"
  env LC_ALL=C.UTF-8 "$PREBUNK_BINARY" "$cmd" --help >"$scratch/help-$cmd" || fail "prebunk $cmd --help failed"
  compare "$man_dir/prebunk-$cmd.6" "$scratch/help-$cmd"
  LC_ALL=C MANWIDTH=2000 man -E ascii -l "$man_dir/prebunk.6" 2>/dev/null | grep -qF "prebunk-$cmd(6)" ||
    fail "prebunk(6) does not point to prebunk-$cmd(6) (packaging/man/prebunk.h2m)"
done
echo "manual pages match --help: prebunk $(paste -sd " " <<<"$commands")"

#!/bin/bash
# The data folder: $XDG_DATA_HOME/prebunk (one level, not prebunk/prebunk),
# ~/.local/share/prebunk when XDG_DATA_HOME is empty (it gave /prebunk/prebunk),
# and data at the old doubled path moved up once, nothing replaced.
# shellcheck source=script_lib.sh
source "$(dirname "$0")/script_lib.sh"

# `prebunk scores` resolves (and creates) the data folder, as the game does.
HOME="$tmp/h1" XDG_DATA_HOME="$tmp/xdg" "$bin" scores >"$tmp/out" 2>&1
[[ -d $tmp/xdg/prebunk ]] || fail "XDG_DATA_HOME: $tmp/xdg/prebunk not created"
[[ -e $tmp/xdg/prebunk/prebunk ]] && fail "XDG_DATA_HOME: the doubled folder was created"

mkdir -p "$tmp/h2"
HOME="$tmp/h2" XDG_DATA_HOME="" "$bin" scores >"$tmp/out" 2>&1
[[ -d $tmp/h2/.local/share/prebunk ]] || fail "empty XDG_DATA_HOME: ~/.local/share/prebunk not created"
[[ -e $tmp/h2/.local/share/prebunk/prebunk ]] && fail "empty XDG_DATA_HOME: the doubled folder was created"
grep -q "/prebunk/prebunk" "$tmp/out" && fail "empty XDG_DATA_HOME: output mentions /prebunk/prebunk"

# Data from an earlier version, at the doubled path.
old="$tmp/h3/.local/share/prebunk/prebunk"
mkdir -p "$old/packs"
echo "[sound]" >"$old/settings.ini"
echo "<quizpack/>" >"$old/packs/mine.xml"
echo "kept" >"$old/prebunk.log"
mkdir -p "$tmp/h3/.local/share/prebunk"
echo "newer" >"$tmp/h3/.local/share/prebunk/prebunk.log"  # already there: never replaced
HOME="$tmp/h3" XDG_DATA_HOME="" "$bin" scores >"$tmp/out" 2>&1
new="$tmp/h3/.local/share/prebunk"
[[ -f $new/settings.ini && -f $new/packs/mine.xml ]] || fail "move: settings.ini and packs/ not moved up"
[[ -e $old/settings.ini || -e $old/packs ]] && fail "move: moved entries are still at the old path"
[[ $(cat "$new/prebunk.log") == newer ]] || fail "move: an existing file was replaced"
[[ $(cat "$old/prebunk.log") == kept ]] || fail "move: the conflicting old file was lost"
grep -q "moved the data from $old to $new" "$tmp/out" || fail "move: not reported: $(cat "$tmp/out")"
grep -q "left where it is" "$tmp/out" || fail "move: the conflict was not reported"
# Once only: nothing more to move, nothing said.
rm "$old/prebunk.log"
HOME="$tmp/h3" XDG_DATA_HOME="" "$bin" scores >"$tmp/out" 2>&1
grep -q "moved" "$tmp/out" && fail "move: reported again"
[[ -e $old ]] && fail "move: the empty old folder was not removed"

finish

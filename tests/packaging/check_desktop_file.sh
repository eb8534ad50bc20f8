#!/usr/bin/env bash
# desktop-file-validate on the source .desktop file. Its keys are checked
# against the build (binary name, icon name) by test_packaging.c.
#   check_desktop_file.sh SOURCE_DIR APP_ID
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
src=$1 app_id=$2
need_tool desktop-file-validate desktop-file-utils

desktop="$src/packaging/$app_id.desktop"
[ -f "$desktop" ] || fail "missing $desktop"

# Errors make the exit status non-zero; warnings do not, but each one is a key
# some desktop ignores, so they fail the test too. Hints pass: Game and
# Education are both main categories, on purpose.
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || echo "$out"
if grep -q ": warning:" <<<"$out"; then
  fail "desktop-file-validate printed warnings"
fi
echo "desktop file OK"

# shellcheck shell=bash
# Shared helpers for the packaging script tests (sourced, not run).
set -euo pipefail

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# A scratch folder removed when the script exits, whatever the outcome.
make_scratch() {
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/prebunk-pkgtest.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
}

need_tool() {
  command -v "$1" >/dev/null || fail "$1 not found (Debian package: $2)"
}

# Runs a relocated prebunk binary the way a user would: without the test
# environment's PREBUNK_DATA_DIR, which would hide a broken installed layout.
check_version() {
  local bin=$1 version=$2 out
  [ -x "$bin" ] || fail "$bin is missing or not executable"
  out=$(env -u PREBUNK_DATA_DIR "$bin" --version) || fail "$bin --version exited with $?"
  [ "$out" = "prebunk $version" ] || fail "$bin --version printed '$out', expected 'prebunk $version'"
}

# Runs a relocated game headless and checks that it found its data (fonts,
# packs) next to itself, at <prefix>/share/prebunk, not in the source tree.
check_finds_data() {
  local prefix=$1 work
  work=$(mktemp -d "${TMPDIR:-/tmp}/prebunk-run.XXXXXX")
  env -u PREBUNK_DATA_DIR SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
    "$prefix/bin/prebunk" --data-dir "$work/data" --scene packs --screenshot "$work/packs.png" >"$work/out" 2>&1 ||
    fail "the installed game did not run: $(cat "$work/out")"
  local real
  real=$(cd "$prefix/share/prebunk" && pwd -P)
  grep -q "content folder $prefix/bin/../share/prebunk\|content folder $real" "$work/out" ||
    fail "the installed game did not use $prefix/share/prebunk: $(grep 'content folder' "$work/out")"
  [ -s "$work/packs.png" ] || fail "the installed game drew nothing"
  rm -rf "$work"
}

# The freedesktop.org parts of an installed tree rooted at $1 (a prefix).
check_desktop_layout() {
  local root=$1 app_id=$2 size
  [ -f "$root/share/applications/$app_id.desktop" ] || fail "no desktop file under $root/share/applications"
  [ -f "$root/share/metainfo/$app_id.metainfo.xml" ] || fail "no metainfo under $root/share/metainfo"
  [ -f "$root/share/icons/hicolor/scalable/apps/$app_id.svg" ] || fail "no scalable icon"
  for size in 16 22 24 32 48 64 128 256 512; do
    local png="$root/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [ -f "$png" ] || fail "no ${size}x${size} icon"
    # `file` reads the PNG header: a mis-sized icon would be scaled (blurred)
    # by the desktop or ignored by the icon theme cache.
    file -b "$png" | grep -q "PNG image data, $size x $size," || fail "$png is not a ${size}x${size} PNG: $(file -b "$png")"
  done
  desktop-file-validate "$root/share/applications/$app_id.desktop" || fail "installed desktop file is invalid"
  # validate-tree also checks that the metainfo's launchable desktop file and
  # the icon it needs are installed next to it.
  appstreamcli validate-tree --no-net --strict "$root" || fail "appstreamcli validate-tree failed on $root"
}

# The game's own data: what paths_content_dir() looks for next to the binary.
check_data_layout() {
  local root=$1
  [ -d "$root/share/prebunk/quizzes" ] || fail "no share/prebunk/quizzes"
  [ -d "$root/share/prebunk/assets/fonts" ] || fail "no share/prebunk/assets/fonts"
  ls "$root/share/prebunk/assets/fonts/"*.ttf >/dev/null 2>&1 || fail "no fonts in share/prebunk/assets/fonts"
  [ -f "$root/share/prebunk/assets/icons/prebunk-64.png" ] || fail "no window icon in share/prebunk/assets/icons"
  [ -f "$root/share/doc/prebunk/copyright" ] || fail "no share/doc/prebunk/copyright"
  grep -q "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" "$root/share/doc/prebunk/copyright" ||
    fail "share/doc/prebunk/copyright is not the machine-readable (DEP-5) one"
  [ -f "$root/share/bash-completion/completions/prebunk" ] || fail "no bash completion in share/bash-completion/completions"
}

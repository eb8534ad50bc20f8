#!/usr/bin/env bash
# `cmake --install` of the build into a scratch prefix, then the installed
# game runs from there and the installed layout is complete.
#   check_install.sh BUILD_DIR CMAKE_COMMAND APP_ID VERSION
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
build=$1 cmake=$2 app_id=$3 version=$4
need_tool desktop-file-validate desktop-file-utils
need_tool appstreamcli appstream
need_tool file file
[ -x "${PREBUNK_BINARY:-}" ] || fail "build the game first (cmake --build $build --target prebunk)"

make_scratch
prefix="$scratch/prefix"
"$cmake" --install "$build" --prefix "$prefix" >"$scratch/install.log" 2>&1 ||
  fail "cmake --install failed: $(cat "$scratch/install.log")"

# GNUInstallDirs: bin/ and share/ under the prefix (the game finds its data
# at <binary>/../share/prebunk).
check_version "$prefix/bin/prebunk" "$version"
check_finds_data "$prefix"
check_data_layout "$prefix"
check_desktop_layout "$prefix" "$app_id"
echo "install layout OK"

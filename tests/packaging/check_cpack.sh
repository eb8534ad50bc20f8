#!/usr/bin/env bash
# Builds the .tar.gz with cpack into a scratch folder and runs the game from
# the unpacked package; checks that cpack refuses to make a .deb from this
# (non-Debian) build.
#   check_cpack.sh BUILD_DIR CPACK_COMMAND APP_ID VERSION
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
build=$1 cpack=$2 app_id=$3 version=$4
need_tool desktop-file-validate desktop-file-utils
need_tool appstreamcli appstream
need_tool file file
[ -x "${PREBUNK_BINARY:-}" ] || fail "build the game first (cmake --build $build --target prebunk)"

make_scratch
out="$scratch/out"
# Like `make package`, cpack first runs the build folder's "preinstall" target,
# which builds every target that is out of date: run it on a built tree.
(cd "$scratch" && "$cpack" -G TGZ -B "$out" --config "$build/CPackConfig.cmake") >"$scratch/cpack.log" 2>&1 ||
  fail "cpack failed: $(cat "$scratch/cpack.log")"

# A plain build makes no .deb: Debian's layout needs -DPREBUNK_DEBIAN=ON
# (packaging/build-deb.sh; check_deb.sh tests that package).
if (cd "$scratch" && "$cpack" -G DEB -B "$scratch/refused" --config "$build/CPackConfig.cmake") >"$scratch/deb.log" 2>&1; then
  fail "cpack -G DEB made a package from a build not configured for Debian"
fi
grep -q "not configured for Debian" "$scratch/deb.log" || fail "cpack -G DEB failed without saying why: $(cat "$scratch/deb.log")"

# --- .tar.gz: relocatable tree under one top-level folder ---
tgz=$(ls "$out"/prebunk-"$version"-*.tar.gz) || fail "no .tar.gz in $out: $(ls "$out")"
mkdir "$scratch/tgz"
tar -xzf "$tgz" -C "$scratch/tgz"
top="$scratch/tgz/$(basename "$tgz" .tar.gz)"
[ -d "$top" ] || fail "the tarball has no top-level folder $(basename "$tgz" .tar.gz)"
check_version "$top/bin/prebunk" "$version"
check_finds_data "$top"
check_data_layout "$top"
check_desktop_layout "$top" "$app_id"
echo "tarball OK: $(basename "$tgz")"

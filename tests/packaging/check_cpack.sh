#!/usr/bin/env bash
# Builds the .deb and .tar.gz with cpack into a scratch folder, inspects the
# .deb's control fields and contents, and runs the game from both unpacked
# packages.
#   check_cpack.sh BUILD_DIR CPACK_COMMAND APP_ID VERSION
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
build=$1 cpack=$2 app_id=$3 version=$4
need_tool dpkg-deb dpkg
need_tool dpkg-shlibdeps dpkg-dev
need_tool desktop-file-validate desktop-file-utils
need_tool appstreamcli appstream
need_tool file file
[ -x "${PREBUNK_BINARY:-}" ] || fail "build the game first (cmake --build $build --target prebunk)"

make_scratch
out="$scratch/out"
# Like `make package`, cpack first runs the build folder's "preinstall" target,
# which builds every target that is out of date: run it on a built tree.
(cd "$scratch" && "$cpack" -G "DEB;TGZ" -B "$out" --config "$build/CPackConfig.cmake") >"$scratch/cpack.log" 2>&1 ||
  fail "cpack failed: $(cat "$scratch/cpack.log")"

arch=$(dpkg --print-architecture)
deb="$out/prebunk_${version}_${arch}.deb"
[ -f "$deb" ] || fail "no $deb (DEB-DEFAULT file name); made: $(ls "$out")"

# --- .deb control fields ---
field() {
  dpkg-deb -f "$deb" "$1"
}
dpkg-deb -I "$deb"
[ "$(field Package)" = prebunk ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)'"
[ "$(field Section)" = games ] || fail "Section is '$(field Section)'"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Homepage)" ] || fail "no Homepage"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
[ -n "$depends" ] || fail "no Depends (dpkg-shlibdeps did not run?)"

# --- .deb contents ---
listing=$(dpkg-deb -c "$deb")
for path in ./usr/bin/prebunk "./usr/share/applications/$app_id.desktop" \
  "./usr/share/metainfo/$app_id.metainfo.xml" "./usr/share/icons/hicolor/256x256/apps/$app_id.png" \
  ./usr/share/prebunk/quizzes/ ./usr/share/prebunk/assets/fonts/DejaVuSans.ttf; do
  grep -qF " $path" <<<"$listing" || fail ".deb does not contain $path"
done

unpacked="$scratch/deb"
dpkg-deb -x "$deb" "$unpacked"
bin="$unpacked/usr/bin/prebunk"
check_version "$bin" "$version"
check_finds_data "$unpacked/usr"
check_data_layout "$unpacked/usr"
check_desktop_layout "$unpacked/usr" "$app_id"

# Every shared library the packaged binary needs must come from a package in
# Depends (dpkg-shlibdeps computes them), and libsdl2 among them.
depends_names=$(awk -v RS='[,|]' '{ gsub(/\(.*\)|[[:space:]]/, ""); if ($0 != "") print }' <<<"$depends" | sort -u)
needed=$(LC_ALL=C readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "readelf found no NEEDED entries in $bin"
ldd_out=$(env -u PREBUNK_DATA_DIR ldd "$bin")
for soname in $needed; do
  lib=$(awk -v s="$soname" '$1 == s && $2 == "=>" { print $3 }' <<<"$ldd_out")
  [ -n "$lib" ] || fail "ldd cannot resolve $soname"
  lib=$(readlink -f "$lib")
  # The library may sit under /lib or /usr/lib (merged /usr): ask for both.
  owner=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "${lib#/usr}" 2>/dev/null || dpkg -S "/usr$lib" 2>/dev/null) ||
    fail "no package owns $lib"
  owner=${owner%%:*}
  grep -qxF "$owner" <<<"$depends_names" || fail "$soname comes from $owner, which is not in Depends: $depends"
  echo "NEEDED $soname -> $owner (in Depends)"
done
if grep -q '^libSDL2-2\.0\.so' <<<"$needed"; then
  grep -q '^libsdl2-2\.0-0$' <<<"$depends_names" || fail "binary links SDL2 but Depends lacks libsdl2: $depends"
fi

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
echo "packages OK: $(basename "$deb") $(basename "$tgz"); Depends: $depends"

#!/usr/bin/env bash
# Builds the .deb the way packaging/build-deb.sh does (its own build folder,
# configured for Debian), then checks its control fields and contents. The
# lintian and play tests use the package it leaves in OUT_DIR.
#   check_deb_build.sh SOURCE_DIR BUILD_DIR OUT_DIR APP_ID
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
src=$1 build=$2 out=$3 app_id=$4
need_tool dpkg-deb dpkg
need_tool dpkg-shlibdeps dpkg-dev
need_tool dpkg-buildflags dpkg-dev
need_tool help2man help2man

rm -rf "$out"
log="$build.log"
mkdir -p "$(dirname "$build")"
env -u CFLAGS -u LDFLAGS -u DEB_BUILD_MAINT_OPTIONS bash "$src/packaging/build-deb.sh" "$build" "$out" >"$log" 2>&1 ||
  fail "build-deb.sh failed: $(tail -40 "$log")"
deb=$(tail -1 "$log")
[ -f "$deb" ] || fail "build-deb.sh did not name a package: $(tail -5 "$log")"

version=$(sed -n 's/^prebunk (\([^)]*\)).*/\1/p;q' "$src/packaging/debian/changelog")
field() {
  dpkg-deb -f "$deb" "$1"
}
dpkg-deb -I "$deb"
[ "$(field Package)" = prebunk ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', the changelog says $version"
[ "$(field Section)" = games ] || fail "Section is '$(field Section)'"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
for f in Maintainer Homepage Description; do
  [ -n "$(field $f)" ] || fail "no $f"
done
depends=$(field Depends)
depends_names=$(awk -v RS='[,|]' '{ gsub(/\(.*\)|[[:space:]]/, ""); if ($0 != "") print }' <<<"$depends" | sort -u)
for pkg in fonts-dejavu-core fonts-noto-core libsdl2-2.0-0; do
  grep -qxF "$pkg" <<<"$depends_names" || fail "Depends lacks $pkg: $depends"
done

# --- contents: Debian's paths, one copy of each font (in its font package) ---
listing=$(dpkg-deb -c "$deb")
for path in ./usr/games/prebunk ./usr/share/man/man6/prebunk.6.gz ./usr/share/man/man6/prebunk-validate.6.gz \
  ./usr/share/bash-completion/completions/prebunk ./usr/share/doc/prebunk/copyright \
  ./usr/share/doc/prebunk/changelog.Debian.gz "./usr/share/applications/$app_id.desktop" \
  "./usr/share/metainfo/$app_id.metainfo.xml" "./usr/share/icons/hicolor/256x256/apps/$app_id.png" \
  ./usr/share/prebunk/quizzes/starter-en.xml; do
  grep -qF " $path" <<<"$listing" || fail ".deb does not contain $path"
done
! grep -q " ./usr/bin/" <<<"$listing" || fail "a game's binary belongs in /usr/games, not /usr/bin"
! grep -qE '^-.*\.ttf$' <<<"$listing" || fail "the .deb carries a font file: $(grep -E '^-.*\.ttf$' <<<"$listing")"
for font in DejaVuSans.ttf DejaVuSans-Bold.ttf NotoSansArabic-Regular.ttf NotoSansArabic-Bold.ttf; do
  grep -qE "^l.* \./usr/share/prebunk/assets/fonts/$font -> \.\./\.\./\.\./fonts/truetype/(dejavu|noto)/$font$" <<<"$listing" ||
    fail "no relative link for $font into /usr/share/fonts: $(grep "$font" <<<"$listing")"
done

# Every shared library the binary needs comes from a package in Depends.
scratch_root=$(mktemp -d "${TMPDIR:-/tmp}/prebunk-deb.XXXXXX")
trap 'rm -rf "$scratch_root"' EXIT
dpkg-deb -x "$deb" "$scratch_root"
bin="$scratch_root/usr/games/prebunk"
ldd_out=$(ldd "$bin")
for soname in $(LC_ALL=C readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  lib=$(readlink -f "$(awk -v s="$soname" '$1 == s && $2 == "=>" { print $3 }' <<<"$ldd_out")")
  owner=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "${lib#/usr}" 2>/dev/null || dpkg -S "/usr$lib" 2>/dev/null) ||
    fail "no package owns $lib ($soname)"
  grep -qxF "${owner%%:*}" <<<"$depends_names" || fail "$soname comes from ${owner%%:*}, not in Depends: $depends"
done
echo "deb OK: $deb; Depends: $depends"

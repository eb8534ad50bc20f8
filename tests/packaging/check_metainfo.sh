#!/usr/bin/env bash
# appstreamcli validation of the AppStream metainfo. Its facts are checked
# against the build (id, version, launchable) by test_packaging.c.
#   check_metainfo.sh SOURCE_DIR APP_ID
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
src=$1 app_id=$2
need_tool appstreamcli appstream

metainfo="$src/packaging/$app_id.metainfo.xml"
[ -f "$metainfo" ] || fail "missing $metainfo"

# Debian 12 ships appstream 0.16.1: --strict fails on any warning or info;
# --pedantic only prints the pedantic hints (e.g. the upper-case letter that
# the reverse-DNS id scheme requires); --no-net skips the URL checks so the
# test runs offline.
appstreamcli validate --no-net --strict --pedantic "$metainfo" || fail "appstreamcli validate failed"

# Screenshots: each image is a committed file in packaging/screenshots/ of
# the size the metainfo declares, at the address it will have once the
# repository is published; every committed screenshot is used.
need_tool file file
base="https://raw.githubusercontent.com/prebunk/prebunk/main/packaging/screenshots/"
images=$(sed -n 's|.*<image type="source" width="\([0-9]*\)" height="\([0-9]*\)">\([^<]*\)</image>.*|\1 \2 \3|p' "$metainfo")
[ "$(wc -l <<<"$images")" -ge 3 ] || fail "fewer than three screenshots: $images"
grep -c '<screenshot type="default">' "$metainfo" | grep -qx 1 || fail "not exactly one default screenshot"
while read -r width height url; do
  name=${url#"$base"}
  [ "$name" != "$url" ] || fail "screenshot $url is not under $base"
  png="$src/packaging/screenshots/$name"
  [ -f "$png" ] || fail "screenshot $url: no $png"
  file -b "$png" | grep -q "PNG image data, $width x $height," || fail "$png is not a ${width}x$height PNG: $(file -b "$png")"
done <<<"$images"
for png in "$src"/packaging/screenshots/*.png; do
  grep -qF "$base$(basename "$png")<" "$metainfo" || fail "$png is not in the metainfo"
done
echo "metainfo OK: $(wc -l <<<"$images") screenshots"

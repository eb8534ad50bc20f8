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
echo "metainfo OK"

#!/usr/bin/env bash
# lintian on the .deb check_deb_build.sh made: no error and no warning (and
# no override in the package). Then hardening-check (devscripts), when
# installed, on the packaged binary. Exit 77 (skipped) without lintian.
#   check_deb_lintian.sh OUT_DIR
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
out=$1
command -v lintian >/dev/null || { echo "SKIP: lintian is not installed (Debian package lintian)"; exit 77; }
deb=$(ls "$out"/prebunk_*.deb) || fail "no .deb in $out (packaging_deb_build makes it)"

make_scratch
# --pedantic and --display-info show everything; only E: and W: fail.
lintian --info --display-info --pedantic "$deb" >"$scratch/lintian.txt" 2>&1 || true
cat "$scratch/lintian.txt"
if grep -E '^[EW]: ' "$scratch/lintian.txt"; then
  fail "lintian reports the errors or warnings above"
fi
if dpkg-deb -c "$deb" | grep -q "lintian/overrides"; then
  fail "the package carries lintian overrides"
fi

if command -v hardening-check >/dev/null; then
  dpkg-deb -x "$deb" "$scratch/root"
  # Only what this Debian release's dpkg-buildflags can give: Debian 12 has no
  # control-flow protection feature ("branch" came with dpkg 1.22).
  skip=()
  dpkg-buildflags --query-features hardening | grep -qx "Feature: branch" || skip+=(--nocfprotection)
  hardening-check "${skip[@]}" "$scratch/root/usr/games/prebunk" || fail "hardening-check failed"
else
  echo "hardening-check not installed (Debian package devscripts): skipped"
fi
echo "lintian OK"

#!/usr/bin/env bash
# Builds the Debian package: a build folder configured for Debian
# (-DPREBUNK_DEBIAN=ON: /usr/games, the flags of dpkg-buildflags, the fonts
# from fonts-dejavu-core and fonts-noto-core), then `cpack -G DEB`.
#   bash packaging/build-deb.sh [BUILD_DIR [OUT_DIR]]
# Defaults: build-deb/ and build-deb/out/ in the source tree. Prints the
# path of the .deb last.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-deb}
out=${2:-$build/out}
jobs=${PREBUNK_JOBS:-2}

# The tests are not part of the package: the build is the game, its manual
# pages and its changelog.
mkdir -p "$build"
cmake -S "$src" -B "$build" -DPREBUNK_DEBIAN=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j "$jobs"
mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out")
version=$(sed -n 's/^prebunk (\([^)]*\)).*/\1/p;q' "$src/packaging/debian/changelog")
deb="$out/prebunk_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "build-deb: no $deb (is packaging/debian/changelog's version the project's?)" >&2; exit 1; }
echo "$deb"

#!/usr/bin/env bash
# Prebunk set-up for a fresh Debian 12 machine.
#   bash packaging/bootstrap.sh play   install what is missing, build, start the game
#   bash packaging/bootstrap.sh test   install what is missing, build, run every test
#                                      (normal build with -Werror, clang-tidy, cppcheck
#                                      and valgrind; then ASan+UBSan; then the fuzz
#                                      targets, each fuzzed for 60 s: tests/fuzz/README.md)
# Extra arguments after "play" go to the game (e.g. --fullscreen).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-play}
shift || true

# Build and run-time packages (Debian 12 names).
packages=(
  build-essential cmake pkg-config help2man
  libsdl2-dev libsdl2-ttf-dev libxml2-dev libsqlite3-dev libcmocka-dev libcsv-dev libinih-dev libpng-dev libfribidi-dev libutf8proc-dev libzip-dev
)
# Needed by the tests only: packaging checks, the .deb build, clang-tidy, and
# strace (the hostile suite proves no socket is opened)
# (clang-tidy: the ci preset's clang_tidy test). The .deb's tests: lintian,
# hardening-check (devscripts), the font packages the .deb depends on, man,
# bash-completion; flatpak-builder reads the Flatpak manifest; sqlite3 (the
# fault tests inspect score files). valgrind and cppcheck: the ci preset's
# memcheck_* and cppcheck tests; clang and libclang-rt-14-dev: libFuzzer for
# the fuzz preset.
test_packages=(desktop-file-utils appstream dpkg-dev file clang-tidy strace
  lintian devscripts fonts-dejavu-core fonts-noto-core man-db bash-completion flatpak-builder sqlite3
  valgrind cppcheck clang libclang-rt-14-dev)

want=("${packages[@]}")
[ "$mode" = test ] && want+=("${test_packages[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)

case "$mode" in
  play)
    cmake --preset dev
    cmake --build --preset dev -j "$jobs"
    exec ./build/game/prebunk "$@"
    ;;
  test)
    status=0
    for preset in ci asan fuzz; do
      echo "bootstrap: === $preset build ==="
      cmake --preset "$preset"
      cmake --build --preset "$preset" -j "$jobs"
      ctest --preset "$preset" -j "$jobs" || status=1
    done
    exit $status
    ;;
  *)
    echo "usage: bash packaging/bootstrap.sh play|test [game options]" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Renders assets/icons/prebunk.svg to the PNG sizes the hicolor icon theme and
# the window icon use. Run it by hand after editing the SVG and commit the
# PNGs: the build and the packages use the committed files, so building
# Prebunk does not need librsvg.
#   bash packaging/make-icons.sh        (needs rsvg-convert: apt install librsvg2-bin)
set -euo pipefail
cd "$(dirname "$0")/.."

svg=assets/icons/prebunk.svg
# Keep in step with PREBUNK_ICON_SIZES in packaging/CMakeLists.txt.
sizes=(16 22 24 32 48 64 128 256 512)

if ! command -v rsvg-convert >/dev/null; then
  echo "make-icons: rsvg-convert not found (Debian: apt install librsvg2-bin)" >&2
  exit 1
fi

for size in "${sizes[@]}"; do
  out="assets/icons/prebunk-${size}.png"
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio --format png --output "$out" "$svg"
  echo "make-icons: $out"
done

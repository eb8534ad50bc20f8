#!/usr/bin/env bash
# The Flatpak manifest: flatpak-builder reads it (--show-manifest parses it
# and prints it as JSON), its id and command are the build's, every library
# module is pinned to a commit, and the game module builds this source tree.
# Building it needs the freedesktop.org runtime and the network: not here.
# Exit 77 (skipped) without flatpak-builder.
#   check_flatpak.sh SOURCE_DIR APP_ID BINARY_NAME
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
src=$1 app_id=$2 binary=$3
command -v flatpak-builder >/dev/null || { echo "SKIP: flatpak-builder is not installed"; exit 77; }
manifest="$src/packaging/flatpak/$app_id.yml"
[ -f "$manifest" ] || fail "no $manifest"

make_scratch
# (from the scratch folder: flatpak-builder leaves its .flatpak-builder/ state there)
(cd "$scratch" && flatpak-builder --show-manifest "$manifest") >"$scratch/manifest.json" 2>"$scratch/err" ||
  fail "flatpak-builder cannot read the manifest: $(cat "$scratch/err")"
json=$(tr -d '\n' <"$scratch/manifest.json" | tr -s ' ')
value() {  # the first string value of "$1" in the manifest
  grep -o "\"$1\" : \"[^\"]*\"" <<<"$json" | head -1 | sed 's/.*: "\(.*\)"/\1/'
}
[ "$(value id)" = "$app_id" ] || fail "id is '$(value id)', the build's is $app_id"
[ "$(value command)" = "$binary" ] || fail "command is '$(value command)', the binary is $binary"
[ "$(value runtime)" = org.freedesktop.Platform ] || fail "runtime is '$(value runtime)'"
[ "$(value sdk)" = org.freedesktop.Sdk ] || fail "sdk is '$(value sdk)'"

# The libraries Debian gives the build and the freedesktop.org runtime does not.
for module in SDL2_ttf libcsv inih utf8proc libzip fribidi prebunk; do
  grep -q "\"name\" : \"$module\"" <<<"$json" || fail "no module $module"
done
git_sources=$(grep -o '"url" : "[^"]*\.git"' <<<"$json" | wc -l)
commits=$(grep -oE '"commit" : "[0-9a-f]{40}"' <<<"$json" | wc -l)
if [ "$git_sources" -lt 6 ] || [ "$commits" -ne "$git_sources" ]; then
  fail "$git_sources git sources but $commits pinned to a full commit id"
fi
if grep -q '"network"\|--share=network' <<<"$json"; then
  fail "the game needs no network; the manifest grants it"
fi

# The game's module is this source tree.
grep -q '"type" : "dir"' <<<"$json" || fail "the prebunk module's source is not a dir"
path=$(value path)
grep -q "^project(prebunk" "$(dirname "$manifest")/$path/CMakeLists.txt" ||
  fail "the prebunk module's dir ($path) is not the source tree"
echo "flatpak manifest OK (read by flatpak-builder; not built here)"

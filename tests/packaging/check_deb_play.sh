#!/usr/bin/env bash
# Unpacks the .deb into a scratch root, as dpkg would install it, with the
# font packages it depends on from this system, and plays from the installed
# files only: every bundled pack validates and plays a round (the round's
# first question, then a whole round to its summary); the manual page and
# the bash completion work from their installed places.
#   check_deb_play.sh OUT_DIR VERSION
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
out=$1 version=$2
need_tool dpkg-deb dpkg
need_tool man man-db
deb=$(ls "$out"/prebunk_*.deb) || fail "no .deb in $out (packaging_deb_build makes it)"
for pkg in fonts-dejavu-core fonts-noto-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
    fail "$pkg is not installed: the package depends on it (apt-get install $pkg)"
done

make_scratch
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
# The Depends, "installed" in the scratch root: the system's font folder.
ln -s /usr/share/fonts "$root/usr/share/fonts"
for link in "$root"/usr/share/prebunk/assets/fonts/*.ttf; do
  [ -L "$link" ] || fail "$link is not a link"
  target=$(readlink -f "$link")
  [ -f "$target" ] || fail "$link points to nothing ($(readlink "$link"))"
  owner=$(dpkg -S "${target#"$root"}" 2>/dev/null) || fail "no Debian package has ${target#"$root"}"
  case ${owner%%:*} in
    fonts-dejavu-core | fonts-noto-core) ;;
    *) fail "${target#"$root"} comes from ${owner%%:*}, not a font package in Depends" ;;
  esac
done

bin="$root/usr/games/prebunk"
check_version "$bin" "$version"
data="$scratch/data"
shots="$scratch/shots"
mkdir -p "$shots"
play() {  # NAME ARGS...: runs the installed game headless, as a user would
  local name=$1
  shift
  env -u PREBUNK_DATA_DIR SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
    "$bin" --data-dir "$data" --size 1024x768 --screenshot "$shots/$name.png" "$@" >"$scratch/$name.log" 2>&1 ||
    fail "the installed game failed ($name): $(cat "$scratch/$name.log")"
  grep -q "content folder $root/usr/games/../share/prebunk" "$scratch/$name.log" ||
    fail "the installed game did not use /usr/share/prebunk ($name): $(grep 'content folder' "$scratch/$name.log")"
  # A frame with text in it: far larger than a blank PNG of the same size.
  [ "$(stat -c %s "$shots/$name.png")" -gt 20000 ] || fail "the installed game drew an empty frame ($name)"
}
packs=0
for pack in "$root"/usr/share/prebunk/quizzes/*.xml; do
  name=$(basename "$pack" .xml)
  "$bin" validate --strict "$pack" >"$scratch/validate.log" 2>&1 ||
    fail "installed pack $name does not validate: $(cat "$scratch/validate.log")"
  play "$name-round" --pack "$pack" --seed 1 --scene round
  play "$name-summary" --pack "$pack" --seed 1 --scene summary
  packs=$((packs + 1))
done
[ "$packs" -ge 3 ] || fail "only $packs packs installed"
play packs --scene packs

# The manual pages render without a warning from the installed files.
for page in "$root"/usr/share/man/man6/*.6.gz; do
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) ||
    fail "man cannot show $page"
  [ -z "$warnings" ] || fail "man warns about $page: $warnings"
done
LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$root/usr/share/man/man6/prebunk.6.gz" | grep -q "import-moodle" ||
  fail "the installed prebunk(6) does not list the sub-commands"
# The installed completion completes the installed game's sub-commands.
reply=$(PATH="$root/usr/games:$PATH" bash -c 'source "$1"; COMP_WORDS=(prebunk val); COMP_CWORD=1; _prebunk; echo "${COMPREPLY[*]}"' _ \
  "$root/usr/share/bash-completion/completions/prebunk")
[ "$reply" = validate ] || fail "the installed completion offered '$reply' for 'prebunk val'"
echo "installed .deb plays: $packs packs, each a round and a summary"

#!/bin/bash
# No display: with DISPLAY and WAYLAND_DISPLAY unset SDL falls back to its
# offscreen driver, and the game ran invisibly without a word (issue #11).
# It must say so on stderr and in the log and exit non-zero. A driver named
# on purpose (SDL_VIDEODRIVER=dummy, as the tests use, or offscreen) still runs.
# shellcheck source=script_lib.sh
source "$(dirname "$0")/script_lib.sh"

env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER SDL_AUDIODRIVER=dummy \
  timeout -s KILL 60 "$bin" --data-dir "$tmp/none" --frames 3 >"$tmp/none.out" 2>&1
status=$?
echo "no display: exit $status"
((status == 1)) || fail "no display: exit $status, not 1"
grep -q "prebunk: error: .*there is no display" "$tmp/none.out" || fail "no display: stderr says: $(cat "$tmp/none.out")"
grep -q "error .*there is no display" "$tmp/none/prebunk.log" || fail "no display: not in the log"

for driver in dummy offscreen; do
  # The offscreen driver loads Mesa's EGL, which leaks and is unloaded before
  # LeakSanitizer looks ("<unknown module>": no suppression can name it).
  # shellcheck disable=SC2030,SC2031
  leaks=${ASAN_OPTIONS:-}
  [[ $driver == offscreen ]] && leaks="${leaks:+$leaks:}detect_leaks=0"
  ASAN_OPTIONS=$leaks SDL_VIDEODRIVER=$driver SDL_AUDIODRIVER=dummy timeout -s KILL 60 "$bin" --data-dir "$tmp/$driver" \
    --frames 3 >"$tmp/$driver.out" 2>&1
  status=$?
  echo "SDL_VIDEODRIVER=$driver: exit $status"
  ((status == 0)) || fail "SDL_VIDEODRIVER=$driver: exit $status: $(cat "$tmp/$driver.out")"
done

finish

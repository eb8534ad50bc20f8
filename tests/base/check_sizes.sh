#!/usr/bin/env bash
# Keeps the code base easy to read: no file in game/ over 800 lines and no
# function over 100 lines (from its opening line to its closing brace).
set -euo pipefail
root=${PREBUNK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
status=0
while IFS= read -r f; do
  n=$(wc -l < "$f")
  if [ "$n" -gt 800 ]; then
    echo "FAIL: ${f#$root/}: $n lines (limit 800)"
    status=1
  fi
done < <(find "$root/game" -name '*.[ch]' | sort)
# A function starts at a line at column 0 that is not a comment, a
# preprocessor line or a declaration ending in ';', and whose text up to its
# '{' has a '('; it ends at the next '}' at column 0.
while IFS= read -r line; do
  echo "FAIL: $line"
  status=1
done < <(find "$root/game" -name '*.c' | sort | xargs awk -v root="$root/" '
  FNR == 1 { start = 0 }
  start == 0 && /^[A-Za-z_].*\(/ && !/;[[:space:]]*$/ && !/^(typedef|struct|enum|union|static const|const)[^(]*=/ { start = FNR; name = $0 }
  start > 0 && /^\}/ {
    len = FNR - start + 1
    if (len > 100) { f = FILENAME; sub(root, "", f); printf "%s:%d: function of %d lines (limit 100): %s\n", f, start, len, name }
    start = 0
  }')
[ "$status" = 0 ] && echo "sizes: every file <= 800 lines, every function <= 100 lines"
exit $status

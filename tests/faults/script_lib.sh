# Sourced by the fault scripts: the binary, a temporary folder removed at
# exit, fail() to count a failure, and finish to report and exit.
set -u
bin="${PREBUNK_BINARY:?run through ctest}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL $*"
  failures=$((failures + 1))
}
finish() {
  if ((failures)); then
    echo "$failures failure(s)"
    exit 1
  fi
  echo "all passed"
  exit 0
}

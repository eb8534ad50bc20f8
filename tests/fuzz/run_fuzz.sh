#!/usr/bin/env bash
# One bounded fuzz run, as the ctest fuzz_NAME (tests/fuzz/CMakeLists.txt):
#   run_fuzz.sh FUZZER DICT WORKDIR SECONDS SEED_DIR...
# Starts from an empty working corpus in WORKDIR (so a run is the same each
# time: fixed -seed, the seeds only) and writes any crash, leak or timeout
# input there as crash-*, leak-*, timeout-*, which fails the test.
set -euo pipefail
fuzzer=$1 dict=$2 work=$3 seconds=$4
shift 4
rm -rf "$work"
mkdir -p "$work/corpus"
status=0
"$fuzzer" -max_total_time="$seconds" -seed=1 -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
  -dict="$dict" -artifact_prefix="$work/" "$work/corpus" "$@" >"$work/log" 2>&1 || status=$?
# The log is long: the start, the final stats and any report are enough.
head -n 5 "$work/log"
grep -aE '^(stat::|#[0-9]+[[:space:]]+DONE|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written|.*ERROR)' "$work/log" | tail -n 40 || true
if [ "$status" -ne 0 ] || compgen -G "$work/crash-*" >/dev/null || compgen -G "$work/leak-*" >/dev/null ||
  compgen -G "$work/timeout-*" >/dev/null; then
  echo "run_fuzz: $(basename "$fuzzer") failed (status $status); inputs in $work" >&2
  tail -n 60 "$work/log" >&2
  exit 1
fi
echo "run_fuzz: $(basename "$fuzzer"): $(ls "$work/corpus" | wc -l) new corpus files, no crash"

#!/bin/bash
# prebunk import-moodle / import-csv through the real binary: exit codes,
# messages, protection of an existing pack, and output that
# `prebunk validate` accepts whenever the input had everything a pack needs.
set -u
bin=${PREBUNK_BINARY:?run through ctest}
data=${PREBUNK_TEST_DATA:?run through ctest}/import
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect STATUS DESCRIPTION -- COMMAND...: runs it, output in $tmp/out.
expect() {
  local want=$1 what=$2
  shift 3
  "$@" >"$tmp/out" 2>&1
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$what: exit $got, expected $want"
    sed 's/^/  | /' "$tmp/out" >&2
  fi
}

contains() {
  grep -qF -- "$1" "$tmp/out" || { fail "output lacks: $1"; sed 's/^/  | /' "$tmp/out" >&2; }
}

# Help and usage errors.
expect 0 "csv --help" -- "$bin" import-csv --help
contains "Usage: prebunk import-csv IN.csv -o OUT.xml"
contains "Exit status"
expect 0 "moodle --help" -- "$bin" import-moodle --help
contains "Usage: prebunk import-moodle IN.xml -o OUT.xml"
contains '<source outlet="..." date="YYYY-MM-DD"/>'
expect 2 "csv without -o" -- "$bin" import-csv "$data/headlines.csv"
contains "no output file"
expect 2 "csv without input" -- "$bin" import-csv -o "$tmp/x.xml"
expect 2 "unknown option" -- "$bin" import-moodle "$data/moodle-media-literacy.xml" -o "$tmp/x.xml" --nope
expect 2 "bad --id" -- "$bin" import-csv "$data/headlines.csv" -o "$tmp/x.xml" --id "no spaces"
[ -e "$tmp/x.xml" ] && fail "a usage error wrote output"

# CSV whose pack has warnings (a real row without url; more fabricated rows
# than real ones): written, but
# "ready" is exactly `validate --strict`, so exit 1 and NOT READY with the
# problem listed once, as validate --strict lists it.
expect 1 "csv import" -- "$bin" import-csv "$data/headlines.csv" -o "$tmp/headlines.xml" --title "Headlines"
contains "wrote $tmp/headlines.xml: 5 items (2 real, 3 fabricated)"
contains "headlines.csv:1: warning: unknown column 'Notes' ignored"
contains "$tmp/headlines.xml:7: error: real item has no url"
contains "$tmp/headlines.xml:2: error: the pack has 3 fabricated and 2 real items; practice with more fakes than real headlines teaches distrust, not discernment"
grep -q "ready to play" "$tmp/out" && fail "csv import that validate --strict refuses said ready to play"
[ "$(grep -c "real item has no url" "$tmp/out")" = 1 ] || fail "the url problem is not listed exactly once"
last=$(tail -n 1 "$tmp/out")
[ "$last" = "prebunk import-csv: NOT READY: $tmp/headlines.xml was written but cannot be played yet: 2 problems that 'prebunk validate --strict' reports (see above); complete it, then check it with 'prebunk validate --strict $tmp/headlines.xml'" ] ||
  fail "last line of a csv import with a warning: $last"
expect 0 "validate csv output" -- "$bin" validate "$tmp/headlines.xml"
expect 1 "validate --strict csv output" -- "$bin" validate --strict "$tmp/headlines.xml"

# CSV with everything: ready to play, and validate --strict agrees.
sed 's|BBC News,2019-04-10,,|BBC News,2019-04-10,https://www.bbc.co.uk/news/science-environment-47873592,|' \
  "$data/headlines.csv" >"$tmp/complete.csv"
# ... and one more real row, so that real headlines are not outnumbered.
printf '%s\n' 'real,Voyager 1 enters interstellar space,NASA,2013-09-12,https://www.nasa.gov/mission_pages/voyager/voyager20130912.html,"NASA announced that the probe had left the heliosphere.",,,' >>"$tmp/complete.csv"
expect 0 "complete csv import" -- "$bin" import-csv "$tmp/complete.csv" -o "$tmp/complete.xml"
[ "$(tail -n 1 "$tmp/out")" = "$tmp/complete.xml is ready to play" ] || fail "complete csv: $(tail -n 1 "$tmp/out")"
expect 0 "validate --strict complete csv output" -- "$bin" validate --strict "$tmp/complete.xml"

# An existing pack is protected; --force replaces it.
cp "$tmp/headlines.xml" "$tmp/before.xml"
expect 1 "existing output" -- "$bin" import-csv "$data/headlines.csv" -o "$tmp/headlines.xml"
contains "already exists"
cmp -s "$tmp/before.xml" "$tmp/headlines.xml" || fail "existing output was changed"
expect 1 "--force" -- "$bin" import-csv "$data/headlines.csv" -o "$tmp/headlines.xml" --force
contains "wrote $tmp/headlines.xml"

# CSV problems: every one listed with its line, nothing written.
printf 'headline,answer,outlet,date,explanation\r\n"Two\r\nlines",real,BBC,17/04/2016,Why.\r\nB,maybe,,,Why.\r\n' >"$tmp/bad.csv"
expect 1 "bad csv" -- "$bin" import-csv "$tmp/bad.csv" -o "$tmp/bad.xml"
contains "bad.csv:2: error: date '17/04/2016' is ambiguous"
contains "bad.csv:4: error: answer 'maybe' is not 'real' or 'fabricated'"
contains "nothing was written"
[ -e "$tmp/bad.xml" ] && fail "bad csv wrote output"

# Moodle: written so nothing is lost, but exit 1 since it cannot be played
# yet; the real item's missing source is named, the last line says NOT
# READY, and the pack validates once the source is added.
expect 1 "moodle import" -- "$bin" import-moodle "$data/moodle-media-literacy.xml" -o "$tmp/media.xml"
contains "wrote $tmp/media.xml: 4 items (1 real, 3 fabricated); skipped 2 questions that are not true/false: 1 multichoice, 1 essay"
contains "moodle-media-literacy.xml:44: warning: question 'Perseverance landing' is a real headline without a Source line"
last=$(tail -n 1 "$tmp/out")
[ "$last" = "prebunk import-moodle: NOT READY: $tmp/media.xml was written but cannot be played yet: 1 real item needs its source (outlet and date) (see above); complete it, then check it with 'prebunk validate --strict $tmp/media.xml'" ] ||
  fail "last line of an incomplete import: $last"
[ -e "$tmp/media.xml" ] || fail "incomplete moodle import wrote nothing"
grep -q 'id="media"' "$tmp/media.xml" || fail "pack id not taken from the output name"
expect 1 "validate incomplete moodle output" -- "$bin" validate "$tmp/media.xml"
sed 's|<headline>NASA\(.*\)</headline>|<headline>NASA\1</headline><source outlet="NASA" date="2021-02-18"/>|' \
  "$tmp/media.xml" >"$tmp/media-fixed.xml"
expect 0 "validate completed moodle output" -- "$bin" validate "$tmp/media-fixed.xml"

# A bank of only false questions: written, flagged as needing real items.
sed -e '/<!-- question: 1042/,/<!-- question: 1043/{/<!-- question: 1043/!d}' \
  "$data/moodle-media-literacy.xml" >"$tmp/fabricated-only.xml"
expect 1 "moodle import, one-sided" -- "$bin" import-moodle "$tmp/fabricated-only.xml" -o "$tmp/fab.xml" --lang en
contains "every imported question is false (fabricated): add real items"
contains "NOT READY: $tmp/fab.xml was written but cannot be played yet: it needs real items"
expect 1 "validate one-sided output" -- "$bin" validate "$tmp/fab.xml"

# A bank prepared with Source lines and technique tags: a pack that plays,
# exit 0, and that `validate --strict` (warnings count) accepts.
expect 0 "moodle import with sources" -- "$bin" import-moodle "$data/moodle-with-sources.xml" -o "$tmp/sources.xml"
[ -s "$tmp/out" ] && [ "$(tail -n 1 "$tmp/out")" = "$tmp/sources.xml is ready to play" ] ||
  fail "last line of a complete import: $(tail -n 1 "$tmp/out")"
grep -q "warning" "$tmp/out" && fail "complete moodle import warned: $(cat "$tmp/out")"
expect 0 "validate --strict moodle output" -- "$bin" validate --strict "$tmp/sources.xml"
contains "ok, 4 items (2 real, 2 fabricated), 3 techniques"
grep -q 'outlet="CNN, via WWSB" date="2021-02-18"' "$tmp/sources.xml" || fail "source not written"

# A malformed Source line: a warning at its line, no source, not ready.
sed 's|Source: Viral post on social media, 2020-03|Source: Viral post on social media, 03/2020|' \
  "$data/moodle-with-sources.xml" >"$tmp/bad-source.xml"
sed -i 's|The Guardian, 2016-04-03|The Guardian, 17/04/2016|' "$tmp/bad-source.xml"
expect 1 "moodle import, bad Source line" -- "$bin" import-moodle "$tmp/bad-source.xml" -o "$tmp/bad-source-out.xml"
contains "bad-source.xml:27: warning: question 'Panama Papers': the date '17/04/2016' in its Source line is ambiguous"
contains "bad-source.xml:90: warning: question 'Hot water cure': the date '03/2020' in its Source line is ambiguous"
contains "NOT READY: $tmp/bad-source-out.xml was written but cannot be played yet: 1 real item needs its source"

# Nothing importable: exit 1, nothing written.
printf '<quiz>\n<question type="essay"><name><text>E</text></name></question>\n</quiz>\n' >"$tmp/essay.xml"
expect 1 "no true/false question" -- "$bin" import-moodle "$tmp/essay.xml" -o "$tmp/essay-out.xml"
contains "no true/false question to import (1 question of another type)"
[ -e "$tmp/essay-out.xml" ] && fail "empty import wrote output"

# Hostile Moodle input: refused, nothing written.
printf '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<quiz>&x;</quiz>\n' >"$tmp/xxe.xml"
expect 1 "doctype" -- "$bin" import-moodle "$tmp/xxe.xml" -o "$tmp/xxe-out.xml"
contains "xxe.xml:2: error: a DOCTYPE is not allowed"
[ -e "$tmp/xxe-out.xml" ] && fail "hostile input wrote output"

# Kahoot's quiz template saved as CSV: recognised by its header below the
# instructions; true/false rows written for the author to complete, other
# rows skipped and counted, exit 1 with NOT READY and what is missing.
expect 1 "kahoot template" -- "$bin" import-csv "$data/kahoot-template.csv" -o "$tmp/kahoot.xml"
contains "wrote $tmp/kahoot.xml: 4 items (2 real, 2 fabricated); read Kahoot's quiz template (header on line 5); skipped 3 rows that are not true/false questions"
contains "kahoot-template.csv:8: warning: row skipped: 'Which planet is closest to the sun?' is not a true/false question (a multiple-choice question)"
contains "NOT READY: $tmp/kahoot.xml was written but cannot be played yet: 2 real items need their source (outlet and date), 4 items need an explanation"
grep -q '<round seconds="20"/>' "$tmp/kahoot.xml" || fail "kahoot time limit not kept"
expect 1 "validate kahoot output" -- "$bin" validate "$tmp/kahoot.xml"

# Moodle export: the starter pack as a question bank, which import-moodle
# takes back into a pack that is ready to play; invalid packs and existing
# files are refused with nothing written.
src=${PREBUNK_SOURCE_DIR:?run through ctest}
expect 0 "export-moodle --help" -- "$bin" export-moodle --help
contains "Usage: prebunk export-moodle PACK.xml -o OUT.xml"
expect 2 "export-moodle without -o" -- "$bin" export-moodle "$src/quizzes/starter-en.xml"
expect 0 "export-moodle" -- "$bin" export-moodle "$src/quizzes/starter-en.xml" -o "$tmp/bank.xml"
contains "wrote $tmp/bank.xml: 60 true/false questions (36 real: true, 24 fabricated: false)"
grep -q '<question type="truefalse">' "$tmp/bank.xml" || fail "no truefalse question in the export"
expect 1 "export-moodle over an existing file" -- "$bin" export-moodle "$src/quizzes/starter-en.xml" -o "$tmp/bank.xml"
contains "already exists"
expect 0 "import the exported bank" -- "$bin" import-moodle "$tmp/bank.xml" -o "$tmp/back.xml"
[ "$(tail -n 1 "$tmp/out")" = "$tmp/back.xml is ready to play" ] || fail "re-imported bank: $(tail -n 1 "$tmp/out")"
expect 0 "validate --strict the re-imported bank" -- "$bin" validate --strict "$tmp/back.xml"
contains "ok, 60 items (36 real, 24 fabricated), 12 techniques"
expect 1 "export-moodle of an invalid pack" -- "$bin" export-moodle "$PREBUNK_TEST_DATA/packs/bad-answer.xml" -o "$tmp/bad-bank.xml"
contains "bad-answer.xml:10: error:"
contains "nothing was written"
[ -e "$tmp/bad-bank.xml" ] && fail "an invalid pack was exported"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all import command checks passed"

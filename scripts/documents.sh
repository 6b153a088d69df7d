#!/usr/bin/env bash
# Writes every generated document of the Stockholm 2011 demo into a folder,
# so two builds can be compared byte for byte (a refactoring must not change
# what the city signs or publishes):
#
#   scripts/documents.sh BINARY OUT_DIR
#   diff -r before/ after/
#
# The calendar's DTSTAMP (the moment of writing) is blanked; everything else
# is as the binary wrote it.
set -euo pipefail
bin=$(realpath "$1")
out=$(realpath -m "$2")
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OVERSYN_DATABASE_URL="sqlite://$work/oversyn.db"
export RUST_LOG=error
"$bin" demo >/dev/null
case_id=$("$bin" case list --tenant stockholm | awk 'NR==1{print $1}')
for lang in sv en; do
  for f in html pdf docx; do
    "$bin" report --tenant stockholm --review latest --format $f --lang $lang -o "$out/report-$lang.$f" >/dev/null
  done
  "$bin" analyse --tenant stockholm --review latest --json --lang $lang >"$out/analysis-$lang.json"
  "$bin" analyse --tenant stockholm --review latest --lang $lang >"$out/analysis-$lang.txt"
done
for f in html pdf docx; do
  "$bin" case document --tenant stockholm --case "$case_id" --format $f -o "$out/case.$f" >/dev/null
  "$bin" case document --tenant stockholm --case "$case_id" --format $f --excerpt 1 -o "$out/excerpt-1.$f" >/dev/null
done
"$bin" export akn --tenant stockholm --case "$case_id" -o "$out/case.akn.xml"
"$bin" export popolo --tenant stockholm -o "$out/popolo.json" 2>/dev/null
"$bin" export all --tenant stockholm --dir "$out/all" >/dev/null
for k in organisations persons memberships; do
  "$bin" export table --tenant stockholm --kind $k --format csv -o "$out/$k.csv" >/dev/null
done
"$bin" calendar --tenant stockholm -o "$out/calendar.ics" >/dev/null
"$bin" review export --tenant stockholm --review latest --format csv -o "$out/answers.csv" >/dev/null
sed -i 's/^DTSTAMP:.*/DTSTAMP:-/' "$out/calendar.ics"
# The data card says when it was written.
find "$out/all" -type f -name '*.md' -exec sed -i -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?/-/g' {} +
ls "$out" | wc -l

#!/usr/bin/env bash
# Fills the fuzzer's working corpus (fuzz/corpus/unit_workbook/, not committed) with the
# repository's fixtures and the shared spreadsheet corpus (../shared/corpus beside the
# repository, when it is there). Files over MAX_SEED_BYTES (default 1 MiB) are left out to keep
# the fuzzer fast. Usage: fuzz/seed.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-fuzz/corpus/unit_workbook}"
max="${MAX_SEED_BYTES:-1048576}"
mkdir -p "$out"

sources=(fixtures)
if [ -d ../shared/corpus ]; then
    sources+=(../shared/corpus)
fi

n=0
while IFS= read -r -d '' f; do
    # Named by content, so seeding twice adds nothing and two files with one name do not clash.
    sum=$(sha1sum "$f" | cut -c1-16)
    ext="${f##*.}"
    cp "$f" "$out/$sum.${ext,,}"
    n=$((n + 1))
done < <(find "${sources[@]}" -type f -size -"$((max + 1))"c \
    \( -iname '*.xlsx' -o -iname '*.xlsm' -o -iname '*.xls' -o -iname '*.xlsb' -o -iname '*.ods' \) \
    -print0)

echo "seeded $n files into $out ($(find "$out" -type f | wc -l) in all)"

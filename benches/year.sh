#!/usr/bin/env bash
# Benchmark of `danhgia nam` (docs/hieu-nang.md): four quarters of the city-scale bench generated in a
# temporary folder (never committed), each run with `danhgia run`, then `nam` over the four output
# folders against the read floor: the same four documents only read (examples/year-read.rs, danhgia's
# own reader: each ket-qua.json and khen-thuong.json parsed once with serde, in parallel, as nam does),
# and against the write floor: the year built as nam builds it and its two long lists written bare,
# one format and no layout (examples/year-write.rs, which prints the time of each step).
#
#   benches/year.sh [UNITS] [RUNS]          default 5000 units, 3 runs of each timed command
#
# Needs Python 3 with xlsxwriter and GNU time; the generator is ../shared/bench/make_city.py. Only the
# JSON documents of each run are kept (the workbooks are removed as soon as a quarter is run), so the
# whole benchmark needs about 1 GB of free space at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-5000}
runs=${2:-3}
bench=../shared/bench
[ -f "$bench/make_city.py" ] || { echo "no $bench/make_city.py" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cargo build --release --quiet --bin danhgia --example year-read --example year-write
bin=target/release/danhgia
for q in 1 2 3 4; do
    python3 "$bench/make_city.py" --units "$units" --seed 1 --quarter "2024-Q$q" "$tmp/city" >/dev/null
    "$bin" run "$tmp/city" -o "$tmp/run" --quiet || [ $? -eq 1 ]
    mkdir -p "$tmp/q$q"
    mv "$tmp/run/ket-qua.json" "$tmp/run/khen-thuong.json" "$tmp/q$q/"
    rm -rf "$tmp/city" "$tmp/run"
done
echo "4 quarters of $units units: $(du -ch "$tmp"/q*/ket-qua.json | tail -1 | cut -f1) of ket-qua.json"

measure() { # label, command...
    local label=$1
    shift
    for ((i = 1; i <= runs; i++)); do
        /usr/bin/time -f "$label: %e s, peak RSS %M KB" "$@" >/dev/null 2>"$tmp/time" || true
        tail -n 1 "$tmp/time"
    done
}
quarters=("$tmp/q1" "$tmp/q2" "$tmp/q3" "$tmp/q4")
measure "read floor (year-read: the four quarters' documents parsed)" target/release/examples/year-read "${quarters[@]}"
measure "generic parse (year-read --value: serde_json::Value)" target/release/examples/year-read --value "${quarters[@]}"
measure "write floor (year-write: the year built, its long lists written bare)" target/release/examples/year-write "$tmp/floor.xlsx" "${quarters[@]}"
measure "danhgia nam (summary only)" "$bin" nam "${quarters[@]}"
measure "danhgia nam -o nam.xlsx" "$bin" nam "${quarters[@]}" -o "$tmp/nam.xlsx"
measure "danhgia nam -o nam.xlsx --format json" "$bin" nam "${quarters[@]}" -o "$tmp/nam.xlsx" --format json
ls -l "$tmp/nam.xlsx" | awk '{print "nam.xlsx: " $5 " bytes"}'

#!/usr/bin/env bash
# Benchmark harness: a city-scale quarter generated in a temporary folder (never committed), then
# danhgia against the Rust read floor (calamine touching every cell) and, optionally, the pandas peer.
#
#   benches/city.sh [UNITS] [--peer]          default 5000 units; --peer also times peer_pandas.py
#
# Needs Python 3 with xlsxwriter (and pandas, openpyxl, python-calamine for --peer) and GNU time.
# The generator and the peer live in ../shared/bench beside this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-5000}
peer=${2:-}
bench=../shared/bench
[ -f "$bench/make_city.py" ] || { echo "no $bench/make_city.py" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cargo build --release --quiet --bin danhgia --example raw-read
python3 "$bench/make_city.py" --units "$units" --seed 1 "$tmp/city" >/dev/null
echo "city: $units units in $(du -sh "$tmp/city" | cut -f1)"

measure() { # label, command...
    local label=$1
    shift
    /usr/bin/time -f "$label: %e s, peak RSS %M KB" "$@" >/dev/null 2>"$tmp/time" || true
    tail -n 1 "$tmp/time"
}
measure "raw read (calamine, every cell)" target/release/examples/raw-read "$tmp/city"
measure "danhgia validate" target/release/danhgia validate "$tmp/city"
measure "danhgia evaluate --format json" target/release/danhgia evaluate "$tmp/city" --format json
measure "danhgia run" target/release/danhgia run "$tmp/city" -o "$tmp/out"
if [ "$peer" = "--peer" ]; then
    measure "peer_pandas --engine calamine" python3 "$bench/peer_pandas.py" "$tmp/city" --engine calamine --out "$tmp/peer.json"
fi

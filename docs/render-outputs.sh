#!/usr/bin/env bash
# Renders every workbook of the demo quarter the way it prints: runs README's first command into a
# temporary folder, prints each workbook with render.sh (LibreOffice → PDF → PNG, every page of
# every sheet) and, with --docs, copies the pages shown in the docs to docs/img/. Used to look at
# what a clerk will print (no text cut or overlapping, the signature with its table). Not needed by
# the tests or CI.
#
#   docs/render-outputs.sh [OUTDIR] [--docs]      (default OUTDIR: render-ket-qua)
#
# OUTDIR receives, for each workbook, NAME.pdf and NAME-1.png, NAME-2.png… (mẫu 06 of each unit,
# mẫu 07 of each bloc, toan-quan, khen-thuong), the templates (don-vi, phieu-03/04/05,
# de-nghi-khen-thuong), and the example year of fixtures/nam (nam-2024).
# mẫu 07 of each bloc, toan-quan, khen-thuong, the workbooks sent back in tra-lai/), the
# templates (don-vi, phieu-03/04/05, de-nghi-khen-thuong, danh-sach-don-vi) and the review of
# signs of fixtures/bat-thuong (bat-thuong).
set -euo pipefail
cd "$(dirname "$0")/.."
out=render-ket-qua
docs=false
for a in "$@"; do
    case $a in
        --docs) docs=true ;;
        -*) echo "usage: $0 [OUTDIR] [--docs]" >&2; exit 2 ;;
        *) out=$a ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

cargo build --release --quiet
bin=target/release/danhgia
# The demo quarter has findings on purpose: run exits 1.
"$bin" run examples/2024-Q1 -o "$work/ket-qua" >/dev/null || [ $? -eq 1 ]
mkdir -p "$work/mau"
"$bin" template don-vi -q 2024-Q1 -o "$work/mau/don-vi.xlsx" >/dev/null
for f in phieu-03 phieu-04 phieu-05; do
    "$bin" template "$f" -q 2024-Q2 --don-vi "Phòng Tài chính - Kế hoạch" -o "$work/mau/$f.xlsx" >/dev/null
done
"$bin" template de-nghi-khen-thuong -o "$work/mau/de-nghi-khen-thuong.xlsx" >/dev/null
# The example year of fixtures/nam: each quarter run, then the year (docs/nam.md).
mkdir -p "$work/nam"
for q in 1 2 3 4; do
    "$bin" run "fixtures/nam/2024-Q$q" -o "$work/nam-q$q" --quiet
done
"$bin" nam "$work"/nam-q{1,2,3,4} -o "$work/nam/nam-2024.xlsx" >/dev/null

"$bin" template danh-sach-don-vi -o "$work/mau/danh-sach-don-vi.xlsx" >/dev/null
# The review of signs, on its fixtures (quarter II against quarter I).
mkdir -p "$work/bat-thuong"
"$bin" bat-thuong fixtures/bat-thuong/quy-2 fixtures/bat-thuong/quy-1 \
    -o "$work/bat-thuong/bat-thuong.xlsx" >/dev/null

find "$work/ket-qua" "$work/mau" "$work/bat-thuong" "$work/nam" -name '*.xlsx' | sort | while read -r f; do
    docs/render.sh "$f" "$out" 90 >/dev/null
    echo "$out/$(basename "${f%.*}")-*.png"
done

# The page of a PDF whose text contains WORDS (the first one).
page_with() {
    local pdf=$1 words=$2 n
    n=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    for ((p = 1; p <= n; p++)); do
        if pdftotext -f "$p" -l "$p" "$pdf" - | grep -q -- "$words"; then
            echo "$p"
            return
        fi
    done
    echo "$0: no page of $pdf holds '$words'" >&2
    exit 1
}

# The PNG of page P of NAME (pdftoppm pads page numbers to the width of the last one).
png() {
    local name=$1 p=$2 n
    n=$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/ {print $2}')
    printf '%s/%s-%0*d.png' "$out" "$name" "${#n}" "$p"
}

if $docs; then
    cp "$(png tckh-mau-06 1)" docs/img/mau-06.png
    cp "$(png chinh-quyen-mau-07 1)" docs/img/mau-07.png
    cp "$(png toan-quan 1)" docs/img/toan-quan.png
    cp "$(png toan-quan "$(page_with "$out/toan-quan.pdf" "Tỷ lệ đạt (%)")")" docs/img/toan-quan-bieu-do.png
    cp "$(png khen-thuong 1)" docs/img/khen-thuong.png
    cp "$(png ubbd 1)" docs/img/tra-lai.png
    cp "$(png ubbd "$(page_with "$out/ubbd.pdf" "Mẫu 05 - Đơn vị")")" docs/img/tra-lai-mau-05.png
    cp "$(png phieu-04 1)" docs/img/phieu-04.png
    cp "$(png phieu-03 1)" docs/img/phieu-03-trang-1.png
    cp "$(png phieu-03 2)" docs/img/phieu-03-trang-2.png
    cp "$(png nam-2024 1)" docs/img/nam-tong-hop.png
    cp "$(png nam-2024 "$(page_with "$out/nam-2024.pdf" "KẾT QUẢ CỦA TỪNG NGƯỜI")")" docs/img/nam-ca-nhan.png
    cp "$(png nam-2024 "$(page_with "$out/nam-2024.pdf" "THEO KHỐI, CÁC QUÝ")")" docs/img/nam-bieu-do.png
    cp "$(png bat-thuong 1)" docs/img/bat-thuong-trang-1.png
    cp "$(png bat-thuong 2)" docs/img/bat-thuong-trang-2.png
    echo "docs/img/ updated"
fi

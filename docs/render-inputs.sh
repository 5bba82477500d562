#!/usr/bin/env bash
# Draws the pictures of docs/cac-loai-tep.md: one accepted layout of each kind of file danhgia
# reads, taken from the fixtures (which the generators in examples/ write). Each workbook is
# printed with render.sh (LibreOffice → PDF → PNG) and the top of its first page is kept.
# Not needed by the tests or CI.
#
#   docs/render-inputs.sh [OUTDIR]        (default: docs/img)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/img}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# picture NAME FILE PAGE HEIGHT_IN_PIXELS — the top of page PAGE of FILE, at 90 dpi.
picture() {
    local name=$1 file=$2 page=$3 height=$4
    docs/render.sh "$file" "$work" 90 >/dev/null
    local base
    base=$(basename "${file%.*}")
    pdftoppm -png -r 90 -f "$page" -l "$page" -x 0 -y 0 -W 1050 -H "$height" \
        "$work/$base.pdf" "$work/crop"
    mv "$work"/crop-*.png "$out/$name.png"
    echo "$out/$name.png"
}

picture tep-danh-sach-mot-thang fixtures/danh-sach-thang/moi-thang-mot-tep/xep-loai-thang-1.xlsx 1 260
picture tep-danh-sach-ba-trang fixtures/danh-sach-thang/mot-tep-ba-trang/xep-loai-quy-1.xlsx 1 180
picture tep-danh-sach-ket-xuat fixtures/danh-sach-thang/xuat-tu-phan-mem/ket-xuat-xep-loai.xlsx 1 470
picture tep-mau-06-tu-lap fixtures/mau-06/khop/mau-06.xlsx 1 330
picture tep-mau-07-go-tay fixtures/mau-07/tieu-de-hai-dong.xlsx 1 320

#!/usr/bin/env bash
# Renders a workbook the way it prints: LibreOffice converts it to PDF (every sheet, with its page
# setup), then pdftoppm turns each page into a PNG. Used to check the look of the workbooks danhgia
# writes (templates, mẫu 06/07…) and to make the pictures in docs/img/ (see docs/mau-so.md).
# Not needed by the tests or CI.
#
#   docs/render.sh FILE.xlsx [OUTDIR] [DPI]
#
# Writes OUTDIR/NAME.pdf and OUTDIR/NAME-1.png, NAME-2.png, … (OUTDIR defaults to the current
# directory, DPI to 80). Needs `soffice` (Debian: libreoffice-calc) and `pdftoppm` (poppler-utils),
# and the Carlito font (fonts-crosextra-carlito): column widths in .xlsx are measured in the default
# font, Calibri, and without a metric-compatible font LibreOffice makes every column too wide.
# A workbook that LibreOffice would have to repair does not convert: the script then fails.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
    echo "usage: $0 FILE.xlsx [OUTDIR] [DPI]" >&2
    exit 2
fi
file=$1
outdir=${2:-.}
dpi=${3:-80}

for tool in soffice pdftoppm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: '$tool' not found (apt-get install -y libreoffice-calc poppler-utils)" >&2
        exit 2
    fi
done
if command -v fc-match >/dev/null 2>&1 && ! fc-match Calibri | grep -qi -e carlito -e calibri; then
    echo "$0: warning: no Calibri-compatible font (apt-get install -y fonts-crosextra-carlito); column widths will look wrong" >&2
fi
if [ ! -f "$file" ]; then
    echo "$0: no such file: $file" >&2
    exit 2
fi

mkdir -p "$outdir"
name=$(basename "${file%.*}")
# A private LibreOffice profile, so a desktop session or another render running at the same time
# does not interfere (and nothing is left in the user's profile).
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Recalculate every formula on load, as Excel does with the files danhgia writes (otherwise a
# workbook saved by a tool that cannot calculate shows its stale cached values).
mkdir -p "$profile/user"
cat >"$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

rm -f "$outdir/$name.pdf"
soffice -env:UserInstallation="file://$profile" --headless --norestore \
    --convert-to pdf --outdir "$outdir" "$file" >/dev/null 2>&1 || true
if [ ! -s "$outdir/$name.pdf" ]; then
    echo "$0: LibreOffice could not convert $file" >&2
    exit 1
fi
rm -f "$outdir/$name"-*.png
pdftoppm -png -r "$dpi" "$outdir/$name.pdf" "$outdir/$name"
ls "$outdir/$name".pdf "$outdir/$name"-*.png

#!/usr/bin/env bash
# Renders an Excel workbook to PNG pages, one per printed page, so a person can look at what prints:
#   scripts/render-workbook.sh FILE.xlsx [OUTDIR]
# LibreOffice converts the workbook to PDF with each sheet's print setup (A4 landscape, fit to width,
# repeated header rows), then pdftoppm turns every page into OUTDIR/<name>-<page>.png (150 dpi).
# It installs nothing. On Debian/Ubuntu it needs:
#   sudo apt-get install libreoffice-calc-nogui poppler-utils fonts-wqy-microhei
# (the last one for Chinese text; without a CJK font every Chinese character prints as a box).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 FILE.xlsx [OUTDIR]" >&2
    exit 2
fi
file=$1
out=${2:-$(dirname "$file")/$(basename "${file%.*}")-pages}
if [[ ! -f $file ]]; then
    echo "$0: no such file: $file" >&2
    exit 1
fi
missing=()
command -v libreoffice >/dev/null 2>&1 || command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "$0: needs the Debian packages: ${missing[*]}" >&2
    echo "  sudo apt-get install ${missing[*]} fonts-wqy-microhei" >&2
    exit 1
fi
office=$(command -v libreoffice || command -v soffice)

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a private profile: no clash with a running LibreOffice, no first-start dialogs
"$office" -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$file" \
    >"$work/convert.log" 2>&1 || { cat "$work/convert.log" >&2; exit 1; }
pdf="$work/$(basename "${file%.*}").pdf"
if [[ ! -f $pdf ]]; then
    cat "$work/convert.log" >&2
    echo "$0: LibreOffice wrote no PDF" >&2
    exit 1
fi
base=$(basename "${file%.*}")
rm -f "$out/$base"-*.png
pdftoppm -png -r 150 "$pdf" "$out/$base"
cp "$pdf" "$out/$base.pdf"
pages=$(ls "$out/$base"-*.png | wc -l)
echo "$pages page(s) in $out"

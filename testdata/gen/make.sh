#!/bin/sh
# make.sh regenerates every derived file under testdata/ from the .txt
# sources written by hand. It is run by hand, never by CI; the generated
# files are committed. Run it from anywhere:
#
#   sh testdata/gen/make.sh
#
# Needs (Debian packages): pandoc, libreoffice-writer-nogui (soffice),
# poppler-utils (pdftoppm, pdftotext, pdffonts), img2pdf, qpdf, python3.
#
# Pipeline: NAME.txt --txt2md.py--> Markdown --pandoc--> NAME.docx
#           NAME.docx --soffice--> NAME.pdf (real word-processor output)
# and the special files: the image-only scan, the malformed files and the
# bundles. See testdata/README.md for what each file is for.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
td=$(dirname "$here")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# A fixed date keeps pandoc's DOCX output the same from run to run.
SOURCE_DATE_EPOCH=1704067200
export SOURCE_DATE_EPOCH

# Markdown dialect read by pandoc: no math, raw HTML or header identifiers;
# lettered lists only where txt2md.py --lists leaves them.
MD=markdown-auto_identifiers-tex_math_dollars-raw_html-raw_tex-citations-subscript-superscript-strikeout

# docx IN.txt OUT.docx [--lists]
docx() {
	python3 "$here/txt2md.py" ${3:-} "$1" >"$tmp/in.md"
	pandoc -f "$MD" -t docx -o "$2" "$tmp/in.md"
}

# pdf IN.docx OUT.pdf
pdf() {
	rm -rf "$tmp/pdf"
	mkdir -p "$tmp/pdf"
	soffice --headless -env:UserInstallation="file://$tmp/lo" \
		--convert-to pdf --outdir "$tmp/pdf" "$1" >/dev/null 2>&1
	mv "$tmp/pdf/$(basename "${1%.*}").pdf" "$2"
}

# --- contracts (issue 3) -----------------------------------------------------
for src in "$td"/contracts/*.txt; do
	base=${src%.txt}
	docx "$src" "$base.docx"
	pdf "$base.docx" "$base.pdf"
done

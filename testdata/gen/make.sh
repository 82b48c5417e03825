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

# --- contracts (issues 3 and 6): every contracts/NAME.txt ----------------------
for src in "$td"/contracts/*.txt; do
	base=${src%.txt}
	docx "$src" "$base.docx"
	pdf "$base.docx" "$base.pdf"
done

# --- scanned contract: image-only PDF, no text layer (issue 6) ---------------
# Pages 1-2 of complete-baa.pdf at 100 dpi, posterised to four grey levels so
# the PNGs deflate well; img2pdf wraps them without re-encoding. pdffonts
# lists no font and pdftotext prints nothing but form feeds; tesseract still
# reads it, so OCR can be tested on it.
pdftoppm -r 100 -gray -f 1 -l 2 "$td/contracts/complete-baa.pdf" "$tmp/scan"
for p in "$tmp"/scan-*.pgm; do
	convert "$p" -posterize 4 -depth 8 -define png:color-type=0 \
		-define png:bit-depth=8 -units PixelsPerInch -density 100 "${p%.pgm}.png"
done
img2pdf --producer= --creationdate=2024-03-04 --moddate=2024-03-04 \
	-o "$td/contracts/scanned-baa.pdf" "$tmp"/scan-*.png

# --- malformed files (issue 6) -----------------------------------------------
m=$td/malformed
src=$td/contracts/baa-missing-subcontractor-return

# corrupt.pdf: the first 9000 bytes of a real PDF (header, some objects, no
# cross-reference table or trailer), with a run of garbage in the middle.
python3 - "$src.pdf" "$m/corrupt.pdf" <<'PY'
import random, sys
data = bytearray(open(sys.argv[1], "rb").read()[:9000])
rnd = random.Random(6)
for i in range(4000, 4600):
    data[i] = rnd.randrange(256)
open(sys.argv[2], "wb").write(bytes(data))
PY

# encrypted.pdf: AES-256 with user password "user" (owner "owner"): cannot
# be read without the password.
qpdf --encrypt user owner 256 -- "$src.pdf" "$m/encrypted.pdf"

# encrypted-empty-password.pdf: AES-128 with an empty user password and
# printing/copying restricted, as many published PDFs are: readable by
# anyone, so it must be extracted like any other PDF.
qpdf --encrypt "" owner 128 --use-aes=y --print=none --modify=none -- \
	"$src.pdf" "$m/encrypted-empty-password.pdf"

# corrupt.docx: a real DOCX cut off halfway (no central directory).
head -c "$(($(wc -c <"$src.docx") / 2))" "$src.docx" >"$m/corrupt.docx"

# not-a-contract.png: a real 48x16 PNG with no text in it.
convert -size 48x16 gradient:white-gray40 -depth 8 -strip -define png:exclude-chunks=date,time \
	"$m/not-a-contract.png"

# empty.txt: zero bytes.
: >"$m/empty.txt"

# zipbomb.docx: word/document.xml inflates to 620 MiB (over the 512 MiB
# default limit) from about 630 KB.
python3 "$here/zipbomb.py" "$m/zipbomb.docx" 620

# encrypted.docx: the same DOCX saved by LibreOffice with the password
# "secret" to open it (an OLE compound file, not a zip).
/usr/bin/python3 "$here/encrypt_docx.py" "$src.docx" "$m/encrypted.docx" secret "$tmp/uno"

# --- bundles (issue 7) -------------------------------------------------------
# Each sub-folder of bundles/ is one contract made of several files. Sources
# that are not themselves bundle files live in gen/src/ so that a bundle
# folder holds only the documents of the deal.
b=$td/bundles/riverbend-apex
docx "$here/src/riverbend-apex-baa.txt" "$b/02-baa.docx" --lists
docx "$here/src/riverbend-apex-amendment-1.txt" "$tmp/03-amendment-1.docx"
pdf "$tmp/03-amendment-1.docx" "$b/03-amendment-1.pdf"
printf '%s\n' 01-msa.txt 02-baa.docx 03-amendment-1.pdf >"$b/order.txt"

b=$td/bundles/lakeside-medcode
docx "$here/src/lakeside-medcode-msa.txt" "$tmp/1-master-services-agreement.docx"
pdf "$tmp/1-master-services-agreement.docx" "$b/1-master-services-agreement.pdf"
docx "$here/src/lakeside-medcode-baa.txt" "$b/2-business-associate-agreement.docx"
docx "$here/src/lakeside-medcode-amendment-1.txt" "$tmp/4-amendment-1.docx"
pdf "$tmp/4-amendment-1.docx" "$b/4-amendment-1.pdf"

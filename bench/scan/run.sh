#!/bin/sh
# Throughput and peak memory of `clausecheck scan` over the CUAD dev corpus,
# PDFs and text files separately, with every built-in pack, next to
# pdftotext on the same PDFs. Run by hand from the repository root:
#
#	sh bench/scan/run.sh [CORPUS_DIR] [WORKERS]
#
# Every built-in pack is applied (--packs below). A last run scans the text
# files four times over (884 documents) to show that peak memory does not
# grow with the number of documents.
#
# Prints one line per run: documents, seconds, documents/s, MB of text/s,
# peak resident memory (MB). "MB of text" is the size of the extracted text
# (the .txt files; for PDFs, pdftotext's output), so the rates compare.
set -eu
corpus=${1:-../shared/corpus/cuad/dev}
workers=${2:-$(nproc)}
bin=${CLAUSECHECK:-/tmp/clausecheck}
packs=hipaa-baa,offshore,breach-remedies,coding-services,rcm-outsourcing,commercial
if [ ! -d "$corpus" ]; then
	echo "corpus $corpus not found: nothing to measure" >&2
	exit 0
fi
go build -o "$bin" ./cmd/clausecheck
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Stage the two sets through symbolic links, so each run sees one format.
mkdir "$tmp/pdf" "$tmp/txt" "$tmp/pdftotext"
for f in "$corpus"/*.pdf; do ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$tmp/pdf/"; done
for f in "$corpus"/*.txt; do ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$tmp/txt/"; done

# timed CMD...: runs CMD, stdout to $tmp/out, and sets secs and kb (wall
# time and peak resident memory, from GNU time).
timed() {
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || true
	read -r secs kb <"$tmp/time"
}

# line NAME DOCS TEXT_BYTES: one result line from the last timed run.
line() {
	awk -v n="$1" -v d="$2" -v b="$3" -v s="$secs" -v k="$kb" 'BEGIN {
		if (s <= 0) s = 0.01
		printf "%-30s %5d docs %8.2f s %8.1f docs/s %7.2f MB/s %7.1f MB peak\n", n, d, s, d / s, b / 1e6 / s, k / 1024
	}'
}

npdf=$(ls "$tmp/pdf" | wc -l)
ntxt=$(ls "$tmp/txt" | wc -l)

# pdftotext, one process per file, one at a time and $workers at once.
timed sh -c 'for f in "$1"/*.pdf; do pdftotext -q "$f" "$2/$(basename "$f" .pdf).txt"; done' - "$tmp/pdf" "$tmp/pdftotext"
pdfbytes=$(cat "$tmp/pdftotext"/*.txt | wc -c)
line "pdftotext (sequential)" "$npdf" "$pdfbytes"
timed sh -c 'ls "$1"/*.pdf | xargs -P "$3" -I{} sh -c "pdftotext -q {} $2/\$(basename {} .pdf).txt"' - "$tmp/pdf" "$tmp/pdftotext" "$workers"
line "pdftotext (xargs -P $workers)" "$npdf" "$pdfbytes"

txtbytes=$(cat "$tmp/txt"/*.txt | wc -c)
timed "$bin" scan --format jsonl -q --fail-on none --packs "$packs" --workers "$workers" "$tmp/txt"
line "clausecheck txt (workers $workers)" "$ntxt" "$txtbytes"
cp "$tmp/out" "$tmp/txt.jsonl"
timed "$bin" scan --format jsonl -q --fail-on none --packs "$packs" --workers "$workers" "$tmp/pdf"
line "clausecheck pdf (workers $workers)" "$npdf" "$pdfbytes"
cp "$tmp/out" "$tmp/pdf.jsonl"
# The same without OCR: a few contracts have image-only pages that the
# default --ocr auto reads with tesseract, which dominates the run above.
timed "$bin" scan --format jsonl -q --fail-on none --ocr never --packs "$packs" --workers "$workers" "$tmp/pdf"
line "clausecheck pdf, --ocr never" "$npdf" "$pdfbytes"

# The text files four times over, in four folders: memory must stay flat.
for i in 1 2 3 4; do mkdir "$tmp/txt4-$i" && ln -s "$tmp"/txt/* "$tmp/txt4-$i/"; done
timed "$bin" scan --format jsonl -q --fail-on none --packs "$packs" --workers "$workers" "$tmp"/txt4-1 "$tmp"/txt4-2 "$tmp"/txt4-3 "$tmp"/txt4-4
line "clausecheck txt x4 (workers $workers)" "$((ntxt * 4))" "$((txtbytes * 4))"

echo "results: txt $(wc -l <"$tmp/txt.jsonl") lines, pdf $(wc -l <"$tmp/pdf.jsonl") lines;" \
	"pdf documents not ok: $(grep -vc '"status":"ok"' "$tmp/pdf.jsonl" || true)"

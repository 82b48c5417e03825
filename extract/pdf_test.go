package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// blocksText joins blocks as the tests compare them: paragraphs separated
// by a blank line, each prefixed with its page when pages is set.
func blocksText(blocks []Block, pages bool) string {
	var parts []string
	for _, b := range blocks {
		if pages {
			parts = append(parts, fmt.Sprintf("[%d] %s", b.Page, b.Text))
		} else {
			parts = append(parts, b.Text)
		}
	}
	return strings.Join(parts, "\n\n")
}

func TestReadPDFText(t *testing.T) {
	// A paragraph of running text for pages that need one.
	para := []string{
		"The Supplier shall keep all Protected Health Information",
		"confidential and shall not use or disclose it except as",
		"permitted by this Agreement or required by law.",
	}
	tests := []struct {
		name  string
		pages []testPage
		want  string
		pgs   bool
	}{
		{
			name:  "single line",
			pages: []testPage{{content: textLines("F1", 12, 72, 720, 14, "Hello world")}},
			want:  "Hello world",
		},
		{
			name:  "lines of one paragraph",
			pages: []testPage{{content: textLines("F2", 11, 72, 720, 13, para...)}},
			want:  strings.Join(para, "\n"),
		},
		{
			name: "paragraphs split at a wider gap",
			pages: []testPage{{content: textLines("F2", 11, 72, 720, 13, para[:2]...) +
				textLines("F2", 11, 72, 680, 13, "Second paragraph starts here.")}},
			want: para[0] + "\n" + para[1] + "\n\nSecond paragraph starts here.",
		},
		{
			name:  "TJ offsets become spaces, kerning does not",
			pages: []testPage{{content: "BT /F2 12 Tf 72 720 Td [(Business)-300(Associate)-12(s) -250(Agreement)] TJ ET"}},
			want:  "Business Associates Agreement",
		},
		{
			name: "words placed one by one",
			pages: []testPage{{content: "BT /F1 12 Tf 72 720 Td (Covered) Tj ET BT /F1 12 Tf 122 720 Td (Entity) Tj ET " +
				"BT /F1 12 Tf 160 720 Td (means) Tj ET"}},
			want: "Covered Entity means",
		},
		{
			name:  "hyphenated line kept for the builder",
			pages: []testPage{{content: textLines("F2", 11, 72, 720, 13, "The parties agree that this con-", "tract is binding.")}},
			want:  "The parties agree that this con-\ntract is binding.",
		},
		{
			name:  "ligature glyph",
			pages: []testPage{{content: "BT /F3 12 Tf 72 720 Td (\\001nal de\\001nitions) Tj ET"}},
			want:  "\ufb01nal de\ufb01nitions",
		},
		{
			name:  "simple font whose ToUnicode declares two-byte codes",
			pages: []testPage{{content: "BT /F4 12 Tf 72 720 Td (\\002\\025\\023\\011\\016\\005\\023\\023\\033\\001\\023\\023\\017\\003\\011\\001\\024\\005) Tj ET"}},
			want:  "business associate",
		},
		{
			name:  "text before a fault in the content stream",
			pages: []testPage{{content: "BT /F1 12 Tf 72 720 Td (Kept before the fault) Tj ET BT /F1 12 Tf 72 700 Td <4G> Tj (Lost after it) Tj ET"}},
			want:  "Kept before the fault",
		},
		{
			name: "lines drawn bottom to top",
			pages: []testPage{{content: "BT /F2 11 Tf 72 694 Td (" + para[2] + ") Tj ET " +
				"BT /F2 11 Tf 72 707 Td (" + para[1] + ") Tj ET BT /F2 11 Tf 72 720 Td (" + para[0] + ") Tj ET"}},
			want: strings.Join(para, "\n"),
		},
		{
			name: "text inside nested form xobjects",
			pages: []testPage{{
				content: "q 1 0 0 1 72 700 cm /X0 Do Q",
				forms: []string{
					"BT /F1 12 Tf 0 20 Td (Outer form text) Tj ET q 1 0 0 1 0 -20 cm /X1 Do Q",
					"BT /F1 12 Tf 0 20 Td (Inner form text) Tj ET /X1 Do /X0 Do", // draws itself and its parent
				},
			}},
			want: "Outer form text\nInner form text",
		},
		{
			name: "two columns",
			pages: []testPage{{content: twoColumns(
				[]string{"Left one alpha beta gamma delta", "left two alpha beta gamma delta", "left three alpha beta gamma", "left four alpha beta gamma delta", "left five alpha beta gamma delta", "left six alpha beta gamma."},
				[]string{"Right one alpha beta gamma delta", "right two alpha beta gamma delta", "right three alpha beta gamma", "right four alpha beta gamma delta", "right five alpha beta gamma delta", "right six alpha beta gamma."})}},
			want: "Left one alpha beta gamma delta\nleft two alpha beta gamma delta\nleft three alpha beta gamma\nleft four alpha beta gamma delta\nleft five alpha beta gamma delta\nleft six alpha beta gamma.\n\n" +
				"Right one alpha beta gamma delta\nright two alpha beta gamma delta\nright three alpha beta gamma\nright four alpha beta gamma delta\nright five alpha beta gamma delta\nright six alpha beta gamma.",
		},
		{
			name:  "two columns under one em apart, justified",
			pages: []testPage{{content: tightColumns()}},
			want: "Left column line one with words.\nleft column line two with words.\nleft column line three, words.\nleft column line four words.\nleft column line five words.\nleft column ends here.\n\n" +
				"Right column line one, words.\nright column line two words.\nright column line three words.\nright column line four words.\nright column line five words.\nright column ends here.",
		},
		{
			name:  "rotated text",
			pages: []testPage{{content: "BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Sideways words) Tj 0 1 -1 0 314 100 Tm (second line) Tj ET", rotate: 90}},
			want:  "Sideways words\nsecond line",
		},
		{
			name: "running header, footer and page numbers removed",
			pages: []testPage{
				{content: furniture(1, "First page body text.")},
				{content: furniture(2, "Second page body text.")},
				{content: furniture(3, "Third page body text.")},
			},
			pgs:  true,
			want: "[1] First page body text.\n\n[2] Second page body text.\n\n[3] Third page body text.",
		},
		{
			name: "running legend of three lines removed whole, under a first-page title too",
			pages: []testPage{
				{content: textLines("F1", 9, 72, 775, 10, "Exhibit 4.2") + legend("First body line, right under the legend.", "First page body text.")},
				{content: legend("Second body line, right under the legend.", "Second page body text.")},
				{content: legend("Third body line, right under the legend.", "Third page body text.")},
			},
			pgs: true,
			want: "[1] Exhibit 4.2\nFirst body line, right under the legend.\n\n[1] First page body text.\n\n" +
				"[2] Second body line, right under the legend.\n\n[2] Second page body text.\n\n" +
				"[3] Third body line, right under the legend.\n\n[3] Third page body text.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, compress := range []bool{false, true} {
				data := makePDF(tt.pages, compress)
				blocks, n, _, err := readPDF(context.Background(), "test.pdf", data, Options{})
				if err != nil {
					t.Fatalf("readPDF: %v", err)
				}
				if n != len(tt.pages) {
					t.Errorf("pages = %d, want %d", n, len(tt.pages))
				}
				if got := blocksText(blocks, tt.pgs); got != tt.want {
					t.Errorf("compress=%v: got\n%s\nwant\n%s", compress, got, tt.want)
				}
			}
		})
	}
}

// twoColumns lays out left and right lines side by side, drawing them row
// by row so that reading order must come from layout.
func twoColumns(left, right []string) string {
	var b strings.Builder
	for i := range left {
		y := 700 - 14*i
		fmt.Fprintf(&b, "BT /F2 11 Tf 72 %d Td (%s) Tj ET\n", y, left[i])
		fmt.Fprintf(&b, "BT /F2 11 Tf 320 %d Td (%s) Tj ET\n", y, right[i])
	}
	return b.String()
}

// tightColumns sets two columns 10 points (under 1 em) apart, their lines
// justified with wide word gaps, drawn row by row.
func tightColumns() string {
	left := []string{"Left column line one with words.", "left column line two with words.", "left column line three, words.", "left column line four words.", "left column line five words.", "left column ends here."}
	right := []string{"Right column line one, words.", "right column line two words.", "right column line three words.", "right column line four words.", "right column line five words.", "right column ends here."}
	// The widths makePDF gives font F2, at 11 points with 3 points of
	// word spacing.
	width := func(s string) float64 {
		w := 0.0
		for _, c := range s {
			switch {
			case c == ' ':
				w += 250*0.011 + 3
			case strings.ContainsRune("iljtf", c):
				w += 278 * 0.011
			case strings.ContainsRune("mwMW", c):
				w += 778 * 0.011
			case c >= 'A' && c <= 'Z':
				w += 667 * 0.011
			default:
				w += 500 * 0.011
			}
		}
		return w
	}
	gutter := 0.0
	for _, l := range left {
		gutter = max(gutter, 72+width(l)+10)
	}
	var b strings.Builder
	for i := range left {
		y := 700 - 13*i
		fmt.Fprintf(&b, "BT /F2 11 Tf 72 %d Td 3 Tw (%s) Tj ET\n", y, left[i])
		fmt.Fprintf(&b, "BT /F2 11 Tf %.2f %d Td 3 Tw (%s) Tj ET\n", gutter, y, right[i])
	}
	return b.String()
}

func furniture(page int, body string) string {
	return textLines("F1", 9, 72, 760, 10, "ACME HEALTH SERVICES - CONFIDENTIAL") +
		textLines("F2", 11, 72, 700, 13, body) +
		textLines("F1", 9, 300, 40, 10, fmt.Sprintf("Page %d of 3", page))
}

// legend draws a three-line running legend at the top of a page, the
// first line of the body right under it at line spacing, and more body
// lower down.
func legend(first, body string) string {
	return textLines("F1", 9, 72, 760, 10, "Portions of this document marked with brackets have been left out", "and sent on their own to the records office under the rule for", "sealed parts.") +
		textLines("F1", 9, 72, 730, 10, first) +
		textLines("F2", 11, 72, 680, 13, body)
}

func TestReadPDFErrors(t *testing.T) {
	text := makePDF([]testPage{{content: textLines("F1", 12, 72, 720, 14, "Some text on the page.")}}, true)
	scan := makePDF([]testPage{{content: "q 600 0 0 780 6 6 cm /Im0 Do Q", images: 1}, {content: "q 600 0 0 780 6 6 cm /Im0 Do Q", images: 1}}, false)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name       string
		data       []byte
		ctx        context.Context
		opt        Options
		unreadable string // the UnreadableError reason wanted, or ""
		errHas     string // a substring of the error wanted otherwise
	}{
		{name: "scan without ocr", data: scan, unreadable: "no text layer (scanned?)"},
		{name: "not a pdf", data: []byte("%PDF-1.4\nthis is not really a pdf file at all\n"), errHas: "pdf"},
		{name: "truncated", data: text[:len(text)/2], errHas: "pdf"},
		{name: "stream over the byte limit", data: text, opt: Options{MaxBytes: 10}, errHas: "exceeds the limit"},
		{name: "cancelled", data: text, ctx: cancelled, errHas: "context canceled"},
	}
	if data, err := os.ReadFile(filepath.Join("testdata", "pdf", "encrypted-password.pdf")); err == nil {
		tests = append(tests, struct {
			name       string
			data       []byte
			ctx        context.Context
			opt        Options
			unreadable string
			errHas     string
		}{name: "encrypted with a user password", data: data, unreadable: "encrypted: a password is needed to open it"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			_, _, _, err := readPDF(ctx, "x.pdf", tt.data, tt.opt)
			if err == nil {
				t.Fatal("no error")
			}
			var u *UnreadableError
			if tt.unreadable != "" {
				if !errors.As(err, &u) || u.Reason != tt.unreadable {
					t.Fatalf("err = %v, want UnreadableError %q", err, tt.unreadable)
				}
				return
			}
			if errors.As(err, &u) {
				t.Fatalf("err = %v, want a plain error", err)
			}
			if !strings.Contains(err.Error(), tt.errHas) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.errHas)
			}
		})
	}
}

// TestReadPDFTestdata reads the PDFs of testdata/pdf that have a .txt file
// beside them and checks that the text holds every line of it.
func TestReadPDFTestdata(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "pdf", "*.txt"))
	if len(files) == 0 {
		t.Skip("no testdata/pdf/*.txt")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".pdf")
			if err != nil {
				t.Fatal(err)
			}
			want, _ := os.ReadFile(f)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			blocks, _, _, err := readPDF(ctx, name, data, Options{})
			if err != nil {
				t.Fatalf("readPDF: %v", err)
			}
			got := squash(blocksText(blocks, false))
			for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
				if !strings.Contains(got, squash(line)) {
					t.Errorf("text lacks %q\ngot: %s", line, got)
				}
			}
		})
	}
}

// squash collapses runs of white space into one space.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func TestReadPDFOCR(t *testing.T) {
	if !ocrAvailable() {
		t.Skip("tesseract or pdftoppm not installed")
	}
	pix, w, h := textImage(6, "BUSINESS ASSOCIATE AGREEMENT", "THE VENDOR SHALL REPORT ANY BREACH")
	scan := makePDF([]testPage{{content: fmt.Sprintf("q %d 0 0 %d 20 400 cm /Im0 Do Q", w/4, h/4), images: 1, gray: pix, grayW: w, grayH: h}}, true)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	blocks, _, warnings, err := readPDF(ctx, "scan.pdf", scan, Options{OCR: true})
	if err != nil {
		t.Fatalf("readPDF: %v", err)
	}
	got := squash(blocksText(blocks, false))
	for _, want := range []string{"BUSINESS ASSOCIATE AGREEMENT", "REPORT ANY BREACH"} {
		if !strings.Contains(got, want) {
			t.Errorf("OCR text lacks %q: %q", want, got)
		}
	}
	if len(warnings) != 1 || warnings[0] != "page 1 read by OCR (tesseract)" {
		t.Errorf("warnings = %q", warnings)
	}
}

// TestReadPDFRepaired reads files the library refuses as they are: the
// reader must hand them a repaired copy.
func TestReadPDFRepaired(t *testing.T) {
	good := makePDF([]testPage{{content: textLines("F1", 12, 72, 720, 14, "Repaired text reads fine.")}}, true)
	xref := bytes.LastIndex(good, []byte("xref\n"))
	tests := []struct {
		name string
		data []byte
	}{
		{"header with a trailing space", bytes.Replace(good, []byte("%PDF-1.4\n"), []byte("%PDF-1.4 \n"), 1)},
		{"version 2.0 header", bytes.Replace(good, []byte("%PDF-1.4\n"), []byte("%PDF-2.0\n"), 1)},
		{"missing startxref", good[:bytes.LastIndex(good, []byte("startxref"))]},
		{"wrong xref offsets", bytes.Replace(good, []byte(fmt.Sprintf("startxref\n%d", xref)), []byte(fmt.Sprintf("startxref\n%d", xref-7)), 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, _, _, err := readPDF(context.Background(), "x.pdf", tt.data, Options{})
			if err != nil {
				t.Fatalf("readPDF: %v", err)
			}
			if got := blocksText(blocks, false); got != "Repaired text reads fine." {
				t.Errorf("got %q", got)
			}
		})
	}
}

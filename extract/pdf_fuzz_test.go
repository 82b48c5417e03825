package extract

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var writePDFTestdata = flag.Bool("write-pdf-testdata", false, "rewrite extract/testdata/pdf from makePDF (and qpdf for encrypted files)")

// TestWritePDFTestdata makes the seed PDFs of testdata/pdf, each with the
// text lines it must yield in a .txt beside it. It runs only with
// -write-pdf-testdata.
func TestWritePDFTestdata(t *testing.T) {
	if !*writePDFTestdata {
		t.Skip("run with -write-pdf-testdata to rewrite testdata/pdf")
	}
	dir := filepath.Join("testdata", "pdf")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	body := []string{
		"1. Definitions. Business Associate shall have the meaning",
		"given in 45 C.F.R. 160.103 and includes its subcontractors.",
	}
	files := []struct {
		name  string
		pages []testPage
		want  []string
	}{
		{"text", []testPage{{content: textLines("F2", 11, 72, 720, 13, body...)}}, body},
		{"two-column", []testPage{{content: twoColumns(
			[]string{"Column one first line of text", "column one second line of text", "column one third line of text", "column one fourth line of text", "column one fifth line of text", "column one ends here."},
			[]string{"Column two first line of text", "column two second line of text", "column two third line of text", "column two fourth line of text", "column two fifth line of text", "column two ends here."})}},
			[]string{"column one fifth line of text column one ends here. Column two first line of text"}},
		{"hyphenated", []testPage{{content: textLines("F2", 11, 72, 720, 13, "The Covered Entity may terminate this con-", "tract upon written notice.")}},
			[]string{"terminate this con- tract upon"}},
		{"ligature", []testPage{{content: "BT /F3 12 Tf 72 720 Td (con\\001dential and \\001nal) Tj ET"}},
			[]string{"con\ufb01dential and \ufb01nal"}},
		{"xobject", []testPage{{content: "q 1 0 0 1 72 600 cm /X0 Do Q", forms: []string{
			"BT /F1 12 Tf 0 100 Td (Text drawn inside a form) Tj ET q 1 0 0 1 0 50 cm /X1 Do Q",
			"BT /F1 12 Tf 0 0 Td (and a nested form) Tj ET /X0 Do"}}},
			[]string{"Text drawn inside a form", "and a nested form"}},
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name+".pdf"), makePDF(f.pages, true), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.name+".txt"), []byte(strings.Join(f.want, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Log("qpdf absent: encrypted seeds not rewritten")
		return
	}
	src := filepath.Join(dir, "text.pdf")
	for _, c := range []struct{ name, user string }{{"encrypted-password", "secret"}, {"encrypted-empty", ""}} {
		out := filepath.Join(dir, c.name+".pdf")
		cmd := exec.Command("qpdf", "--encrypt", c.user, "owner-pw", "256", "--", src, out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("qpdf: %v: %s", err, msg)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "encrypted-empty.txt"), []byte(strings.Join(body, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// FuzzReadPDF checks that no input makes the reader crash or hang.
func FuzzReadPDF(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "pdf", "*.pdf"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(makePDF([]testPage{{content: "BT /F1 12 Tf 72 720 Td [(a)-300(b)] TJ ET"}}, false))
	// pdfcpu, qpdf and pdftotext run long on damaged input and would slow
	// the fuzzer to a crawl; the reader's own code is what is under test.
	pdfFallbacks = false
	defer func() { pdfFallbacks = true }()
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, _, _, err := readPDF(ctx, "fuzz.pdf", data, Options{MaxBytes: 8 << 20})
		if err != nil && strings.Contains(err.Error(), "crashed") {
			t.Fatalf("reader crashed: %v", err)
		}
	})
}

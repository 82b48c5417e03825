package extract

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testdataFiles lists the sample contracts of this package (not the PDF
// reader's own folder).
func testdataFiles(t testing.TB) []string {
	var files []string
	for _, pat := range []string{"*.md", "*.txt", "*.html", "*.docx"} {
		m, _ := filepath.Glob(filepath.Join("testdata", pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no testdata files")
	}
	return files
}

func TestTestdata(t *testing.T) {
	for _, f := range testdataFiles(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, err := File(context.Background(), f, Options{Timeout: 10 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, doc)
			numbered := 0
			for _, s := range doc.Sections {
				if s.Number != "" {
					numbered++
				}
			}
			if numbered < 3 || len(doc.Sentences) < 10 {
				t.Errorf("%d numbered sections, %d sentences", numbered, len(doc.Sentences))
			}
		})
	}
}

// TestTestdataSameText checks that one contract reads the same from
// Markdown and from the DOCX pandoc made of it.
func TestTestdataSameText(t *testing.T) {
	md, err := File(context.Background(), "testdata/services-baa.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	docx, err := File(context.Background(), "testdata/pandoc-services-baa.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if md.Text != docx.Text {
		t.Errorf("texts differ:\n%s\n---\n%s", md.Text, docx.Text)
	}
	if len(md.Sections) != len(docx.Sections) || len(md.Sentences) != len(docx.Sentences) {
		t.Errorf("md %d sections %d sentences, docx %d %d", len(md.Sections), len(md.Sentences), len(docx.Sections), len(docx.Sentences))
	}
}

// TestCorpus reads the real agreements beside the project, when present.
// It checks structure only: no error, invariants, a fair number of
// sentences and some numbered sections.
func TestCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "baa", "docs")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) == 0 {
		t.Skipf("corpus %s absent", dir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, err := File(context.Background(), f, Options{Timeout: 60 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, doc)
			if doc.Format == FormatText && !strings.HasSuffix(f, ".md") {
				t.Errorf("format %s", doc.Format)
			}
			numbered := 0
			for _, s := range doc.Sections {
				if s.Number != "" {
					numbered++
				}
			}
			t.Logf("%s: %d pages, %d sections (%d numbered), %d sentences", doc.Format, len(doc.Pages), len(doc.Sections), numbered, len(doc.Sentences))
			if len(doc.Sentences) < 10 {
				t.Errorf("only %d sentences", len(doc.Sentences))
			}
			// Cover pages hold key terms in tables, not numbered clauses.
			if numbered < 3 && !strings.Contains(f, "cover-page") && doc.Format != FormatPDF {
				t.Errorf("only %d numbered sections", numbered)
			}
		})
	}
}

package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// checkInvariants asserts what every Document promises: sentences are
// non-empty, trimmed, inside Text and inside their page; pages and
// sections are ordered ranges of Text; no sentence crosses a paragraph.
func checkInvariants(t testing.TB, doc *Document) {
	t.Helper()
	n := len(doc.Text)
	if len(doc.Pages) == 0 {
		t.Fatalf("no pages")
	}
	prevEnd := 0
	for i, p := range doc.Pages {
		if p.Number != i+1 || p.Start < prevEnd || p.End < p.Start || p.End > n {
			t.Fatalf("bad page %d: %+v (prev end %d, text %d)", i, p, prevEnd, n)
		}
		prevEnd = p.End
	}
	for i, s := range doc.Sections {
		if s.Start < 0 || s.End > n || s.Start >= s.End || s.Level < 1 {
			t.Fatalf("bad section %d: %+v", i, s)
		}
		if i > 0 && s.Start < doc.Sections[i-1].Start {
			t.Fatalf("sections out of order at %d", i)
		}
	}
	last := 0
	for i, s := range doc.Sentences {
		if s.Start < last || s.End <= s.Start || s.End > n {
			t.Fatalf("bad sentence %d: %+v", i, s)
		}
		last = s.End
		txt := doc.Text[s.Start:s.End]
		if strings.TrimSpace(txt) != txt || txt == "" {
			t.Fatalf("sentence %d not trimmed: %q", i, txt)
		}
		if strings.Contains(txt, "\n") {
			t.Fatalf("sentence %d crosses a paragraph: %q", i, txt)
		}
		if s.Page < 1 || s.Page > len(doc.Pages) {
			t.Fatalf("sentence %d page %d", i, s.Page)
		}
		p := doc.Pages[s.Page-1]
		if s.Start < p.Start || s.End > p.End {
			t.Fatalf("sentence %d [%d,%d) outside page %+v", i, s.Start, s.End, p)
		}
		if doc.PageAt(s.Start) != s.Page {
			t.Fatalf("PageAt(%d) = %d, sentence says %d", s.Start, doc.PageAt(s.Start), s.Page)
		}
		if s.Section >= len(doc.Sections) || s.Section < -1 {
			t.Fatalf("sentence %d section %d", i, s.Section)
		}
		if s.Section >= 0 {
			sec := doc.Sections[s.Section]
			if s.Start < sec.Start || s.Start >= sec.End {
				t.Fatalf("sentence %d at %d outside its section %+v", i, s.Start, sec)
			}
			if got := doc.SectionAt(s.Start); got == nil || *got != sec {
				t.Fatalf("SectionAt(%d) = %+v, sentence says %+v", s.Start, got, sec)
			}
		}
	}
}

func TestSniff(t *testing.T) {
	docx := makeDOCX(t, para("x"), nil)
	tests := []struct {
		name    string
		file    string
		data    []byte
		want    Format
		wantErr string
	}{
		{"pdf", "a.pdf", []byte("%PDF-1.7\n..."), FormatPDF, ""},
		{"pdf named txt", "a.txt", []byte("%PDF-1.4\n..."), FormatPDF, ""},
		{"pdf after junk", "a.bin", []byte("\x00\x01garbage%PDF-1.4\n"), FormatPDF, ""},
		{"docx", "a.docx", docx, FormatDOCX, ""},
		{"docx named bin", "a.bin", docx, FormatDOCX, ""},
		{"html", "a.txt", []byte("<!DOCTYPE html><html><body><p>x</p></body></html>"), FormatHTML, ""},
		{"html fragment", "a", []byte("  <div><p>Clause</p></div>"), FormatHTML, ""},
		{"html by extension", "a.htm", []byte("Just words"), FormatHTML, ""},
		{"text", "a.md", []byte("# Heading\n\nBody."), FormatText, ""},
		{"text named pdf", "a.pdf", []byte("Plain words in a file."), FormatText, ""},
		{"utf16 text", "a.txt", []byte("\xff\xfeA\x00B\x00"), FormatText, ""},
		{"cp1252 text", "a.txt", []byte("Vendor\x92s duty \x96 breach."), FormatText, ""},
		{"png", "a.pdf", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "", "unsupported format (png image)"},
		{"zip not docx", "a.docx", zipOf(t, "hello.txt"), "", "unsupported format (zip archive that is not a docx)"},
		{"xlsx", "a.xlsx", zipOf(t, "[Content_Types].xml", "xl/workbook.xml"), "", "xlsx"},
		{"binary junk", "a.txt", []byte{0x01, 0x00, 0x02, 0xff, 0x10, 0x00, 0x7f, 0x03, 0x00}, "", "unsupported format (binary data)"},
		{"legacy doc", "a.doc", append(append([]byte{}, cfbMagic...), make([]byte, 100)...), "", "legacy Office"},
		{"empty docx name", "a.docx", nil, FormatDOCX, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Sniff(tc.file, tc.data)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Sniff = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("x"))
	}
	zw.Close()
	return buf.Bytes()
}

func TestReadErrors(t *testing.T) {
	ctx := context.Background()
	t.Run("png", func(t *testing.T) {
		_, err := Read(ctx, "scan.png", []byte("\x89PNG\r\n\x1a\nxxxx"), Options{})
		if err == nil || err.Error() != "extract scan.png: unsupported format (png image)" || IsUnreadable(err) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("blank", func(t *testing.T) {
		_, err := Read(ctx, "blank.txt", []byte("  \n\n \f \n"), Options{})
		if !IsUnreadable(err) || !strings.Contains(err.Error(), "extract blank.txt: no text") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("missing", func(t *testing.T) {
		_, err := File(ctx, filepath.Join(t.TempDir(), "missing.pdf"), Options{})
		if err == nil || !errors.Is(err, os.ErrNotExist) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestReadGuards(t *testing.T) {
	defer func(f func(context.Context, string, []byte, Format, Options) ([]Block, int, []string, error)) {
		readFormatFn = f
	}(readFormatFn)
	t.Run("panic", func(t *testing.T) {
		readFormatFn = func(context.Context, string, []byte, Format, Options) ([]Block, int, []string, error) {
			var m map[string]int
			m["x"]++
			return nil, 0, nil, nil
		}
		_, err := Read(context.Background(), "boom.txt", []byte("Some text."), Options{})
		if err == nil || !strings.Contains(err.Error(), "extract boom.txt: text reader crashed: assignment to entry in nil map") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("timeout ignored by reader", func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		readFormatFn = func(context.Context, string, []byte, Format, Options) ([]Block, int, []string, error) {
			<-release // a reader that never looks at its context
			return nil, 0, nil, nil
		}
		start := time.Now()
		_, err := Read(context.Background(), "slow.txt", []byte("Some text."), Options{Timeout: 50 * time.Millisecond})
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "time limit of 50ms exceeded") {
			t.Fatalf("err = %v", err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("returned after %v", d)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		readFormatFn = readFormat
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := Read(ctx, "c.docx", makeDOCX(t, strings.Repeat(para("Text."), 10), nil), Options{})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestSHA256AndPath(t *testing.T) {
	doc, err := Read(context.Background(), "-", []byte("Hello world."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// sha256 of "Hello world."
	if doc.SHA256 != "aa3ec16e6acc809d8b2818662276256abfd2f1b441cb51574933f3d4bd115d11" || doc.Path != "-" {
		t.Errorf("sha %s path %q", doc.SHA256, doc.Path)
	}
}

func TestLeadIn(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		leads []struct{ sentence, lead string }
	}{
		{
			name: "lettered items",
			text: "Vendor shall not: (a) use PHI offshore; (b) sell PHI; and (c) keep PHI.\n\n(d) A separate item.\n\nPlain text.",
			leads: []struct{ sentence, lead string }{
				{"(b) sell PHI; and", "Vendor shall not:"},
				{"(d) A separate item.", "Vendor shall not:"},
				{"Plain text.", ""},
			},
		},
		{
			name: "multi-level numbered items",
			text: "7.1 Restrictions. During the Term, you will not, directly or indirectly:\n\n" +
				"7.1.1 solicit any customer of the Company; or\n\n7.1.2 employ any employee of the Company.\n\n" +
				"7.2 Subcontractors. Vendor shall bind its subcontractors.",
			leads: []struct{ sentence, lead string }{
				{"7.1.1 solicit any customer of the Company; or", "During the Term, you will not, directly or indirectly:"},
				{"7.1.2 employ any employee of the Company.", "During the Term, you will not, directly or indirectly:"},
				{"Vendor shall bind its subcontractors.", ""},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(context.Background(), "l.txt", []byte(tt.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, tc := range tt.leads {
				i := sentenceWith(doc, tc.sentence)
				if i < 0 {
					t.Fatalf("no sentence %q in %q", tc.sentence, doc.Text)
				}
				if got := doc.LeadIn(i); got != tc.lead {
					t.Errorf("LeadIn(%q) = %q, want %q", tc.sentence, got, tc.lead)
				}
			}
		})
	}
}

func TestIsListItem(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"(a) use PHI offshore;", true},
		{"3. the Services;", true},
		{"7.1.2 employ any employee.", true},
		{"7.2 Subcontractors.", false},
		{"- sell patient information; or", true},
		{"• sell patient information; or", true}, // a bullet drawn in a PDF
		{"▪ store it abroad.", true},
		{"•Not an item.", false},
		{"Provider will not:", false},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			if got := isListItem(tt.sentence); got != tt.want {
				t.Errorf("isListItem(%q) = %v, want %v", tt.sentence, got, tt.want)
			}
		})
	}
}

func TestSplitBlock(t *testing.T) {
	tests := []struct {
		name  string
		block string
		want  []string
	}{
		{"a heading line before its body", "7.2 Subcontractors\nVendor shall bind its subcontractors.",
			[]string{"7.2 Subcontractors", "Vendor shall bind its subcontractors."}},
		{"a sentence whose first line looks like a heading",
			"2.4 Notification of a Breach of Unsecured Protected Health Information\nshall be made within five days.",
			[]string{"2.4 Notification of a Breach of Unsecured Protected Health Information\nshall be made within five days."}},
		{"one line", "Plain text.", []string{"Plain text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitBlock(tt.block)
			if !slices.Equal(got, tt.want) {
				t.Errorf("splitBlock = %q, want %q", got, tt.want)
			}
		})
	}
}

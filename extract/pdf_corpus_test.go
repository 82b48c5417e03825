package extract

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pdfCorpus is the folder of difficult PDFs shared by the project.
const pdfCorpus = "../../shared/corpus/pdfs"

// pdfKnownGaps are corpus files whose expected text the reader does not
// find yet, with the reason.
var pdfKnownGaps = map[string]string{
	"038-pdfminer-non-unicode-cmap.pdf":   "composite font without ToUnicode: needs the embedded TrueType cmap",
	"042-pdfminer-chinese-cid.pdf":        "CID font without ToUnicode: needs the embedded TrueType cmap",
	"033-pdfminer-kampo-japanese-cid.pdf": "Japanese CID fonts without ToUnicode: need Adobe's CID-to-Unicode tables",
}

// TestReadPDFCorpus runs the reader on every difficult PDF of the corpus:
// none may crash or overrun its time, encrypted files needing a password
// and scans must be reported unreadable, and the text must hold the
// expected snippets.
func TestReadPDFCorpus(t *testing.T) {
	f, err := os.Open(filepath.Join(pdfCorpus, "manifest.csv"))
	if err != nil {
		t.Skipf("pdf corpus absent: %v", err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, row := range rows[1:] {
		name := row[col["file"]]
		features := row[col["features"]]
		hasText := row[col["has_text_layer"]]
		t.Run(strings.TrimSuffix(name, ".pdf"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(pdfCorpus, name))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			start := time.Now()
			blocks, _, _, err := readPDF(ctx, name, data, Options{})
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v", d)
			}
			if err != nil && strings.Contains(err.Error(), "crashed") {
				t.Fatalf("reader crashed: %v", err)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("did not finish: %v", err)
			}
			var u *UnreadableError
			if reason, ok := pdfKnownGaps[name]; ok {
				if err != nil && !errors.As(err, &u) {
					t.Fatalf("known gap, yet a plain error: %v", err)
				}
				t.Skipf("known gap: %s (got %d blocks, err %v)", reason, len(blocks), err)
			}
			switch {
			case strings.Contains(features, "NON-empty user password") || strings.Contains(features, "with user password"):
				if !errors.As(err, &u) || !strings.HasPrefix(u.Reason, "encrypted") {
					t.Fatalf("err = %v, want UnreadableError for a password", err)
				}
				return
			case hasText == "no":
				if !errors.As(err, &u) || u.Reason != "no text layer (scanned?)" {
					t.Fatalf("err = %v, want UnreadableError for a scan", err)
				}
				return
			case strings.HasPrefix(hasText, "yes") || strings.HasPrefix(hasText, "minimal"):
				if err != nil {
					t.Fatalf("readPDF: %v", err)
				}
				if len(blocks) == 0 {
					t.Fatal("no text")
				}
			}
			want, err := os.ReadFile(filepath.Join(pdfCorpus, "expected", strings.TrimSuffix(name, ".pdf")+".contains.txt"))
			if err != nil {
				return
			}
			got := squash(blocksText(blocks, false))
			for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
				if line = squash(line); line != "" && !strings.Contains(got, line) {
					t.Errorf("text lacks %q", line)
				}
			}
		})
	}
}

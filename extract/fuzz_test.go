package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func addSeeds(f *testing.F, patterns ...string) {
	for _, pat := range patterns {
		files, _ := filepath.Glob(filepath.Join("testdata", pat))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
}

// fuzzRead reads data as name and checks the document invariants; any
// error is fine, a panic or a broken offset is not.
func fuzzRead(t *testing.T, name string, data []byte) {
	doc, err := Read(context.Background(), name, data, Options{Timeout: 5 * time.Second, MaxBytes: 8 << 20})
	if err != nil {
		return
	}
	checkInvariants(t, doc)
}

func FuzzReadDOCX(f *testing.F) {
	addSeeds(f, "*.docx")
	f.Add(makeDOCX(f, numPara("1", "0", "Term")+para("Text. More text."), map[string]string{"word/numbering.xml": testNumbering, "word/styles.xml": testStyles}))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.docx", data) })
}

func FuzzReadHTML(f *testing.F) {
	addSeeds(f, "*.html")
	f.Add([]byte("<p>1. Term. <b>Text</b><br>more</p><ol><li>x</li></ol><table><tr><td>a<td>b</table>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.html", data) })
}

func FuzzSegment(f *testing.F) {
	addSeeds(f, "*.md", "*.txt")
	f.Add([]byte("7.2 Subcontractors. Vendor shall: (a) bind; (b) audit.\n\n(i) x\f\n(ii) y. U.S.C. Inc. e.g. J. Smith."))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.txt", data) })
}

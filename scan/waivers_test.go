package scan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clausecheck/clausecheck/rules"
)

var waiverNow = time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)

func TestLoadWaivers(t *testing.T) {
	files, err := filepath.Glob("../testdata/waivers/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no waiver files: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			wantErr := ""
			if data, err := os.ReadFile(strings.TrimSuffix(file, ".yaml") + ".err"); err == nil {
				wantErr = strings.TrimSpace(strings.ReplaceAll(string(data), "FILE", filepath.ToSlash(file)))
			}
			w, err := LoadWaivers(file, waiverNow)
			switch {
			case wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case wantErr != "" && err == nil:
				t.Fatalf("no error, want %q", wantErr)
			case wantErr != "" && err.Error() != wantErr:
				t.Fatalf("error\n%s\nwant\n%s", err, wantErr)
			case wantErr == "" && w.Len() == 0:
				t.Fatal("no waivers loaded")
			}
		})
	}
}

func TestWaiversValidate(t *testing.T) {
	w, err := LoadWaivers("../testdata/waivers/valid.yaml", waiverNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Validate([]string{"t/alpha", "t/beta"}); err != nil {
		t.Errorf("Validate with known rules: %v", err)
	}
	err = w.Validate([]string{"t/alpha"})
	if err == nil || !strings.Contains(err.Error(), `valid.yaml:`) || !strings.Contains(err.Error(), `unknown rule "t/beta"`) {
		t.Errorf("Validate = %v, want file:line: unknown rule \"t/beta\"", err)
	}
}

func TestRunWaivers(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"acme.txt": "NO-ALPHA", "beta.txt": "nothing", "gamma.txt": "ALPHA"})
	doc := filepath.ToSlash(filepath.Join(dir, "acme.txt"))
	src := `waivers:
  - document: ` + doc + `
    rule: t/alpha
    reason: Board approved.
    accepted-by: J. Smith
    expires: 2026-07-01
  - sha256: SHA-BETA.TXT
    rule: t/beta
    reason: Low risk.
    accepted-by: K. Jones
  - document: ` + doc + `
    rule: t/beta
    reason: Expired.
    accepted-by: K. Jones
    expires: 2026-06-30
  - sha256: sha-gamma.txt
    rule: t/alpha
    reason: Present needs no waiver.
    accepted-by: K. Jones
`
	w, err := ParseWaivers("w.yaml", []byte(src), waiverNow)
	if err != nil {
		t.Fatal(err)
	}
	got, sum, err := collectRun(t, context.Background(), []string{dir}, fakeExtract(0), Options{Waivers: w})
	if err != nil {
		t.Fatal(err)
	}
	waived := func(r rules.Result, rule string) *rules.Waiver {
		for _, f := range r.Findings {
			if f.Rule == rule {
				return f.Waived
			}
		}
		t.Fatalf("%s: no finding for %s", r.Path, rule)
		return nil
	}
	tests := []struct {
		name   string
		r      rules.Result
		rule   string
		reason string
	}{
		{"by path, on its expiry day", got[0], "t/alpha", "Board approved."},
		{"expired", got[0], "t/beta", ""},
		{"by sha256, any case", got[1], "t/beta", "Low risk."},
		{"not by another document", got[1], "t/alpha", ""},
		{"present is not waived", got[2], "t/alpha", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wv := waived(tc.r, tc.rule)
			switch {
			case tc.reason == "" && wv != nil:
				t.Errorf("waived %+v, want not", wv)
			case tc.reason != "" && (wv == nil || wv.Reason != tc.reason || wv.AcceptedBy == ""):
				t.Errorf("waived %+v, want reason %q", wv, tc.reason)
			}
		})
	}
	if ws := strings.Join(got[0].Warnings, "\n"); !strings.Contains(ws, "waiver for t/beta expired on 2026-06-30") {
		t.Errorf("warnings %q, want the expiry", ws)
	}
	if sum.Waived != 2 || sum.Contradicted != 1 || !sum.Fails(rules.Low) {
		t.Errorf("summary %+v: want 2 waived, counted under their status too, and the expired one failing", sum)
	}
}

package scan

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/rules"
)

func TestRunBundles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		// By name: a-msa then b-amendment; the amendment takes alpha away.
		"acme/a-msa.txt":       "ALPHA here.",
		"acme/b-amendment.txt": "NO-ALPHA now. BETA added.",
		// order.txt puts the amendment first, so the MSA (latest) wins.
		"beta/order.txt":       "# oldest first\n\nz-amendment.txt\na-msa.txt\n",
		"beta/z-amendment.txt": "NO-ALPHA",
		"beta/a-msa.txt":       "ALPHA",
		"beta/ignored.txt":     "BETA",
		// A later member that says nothing keeps the earlier verdict.
		"gamma/1.txt": "SOME-ALPHA",
		"gamma/2.txt": "nothing",
		// A listed file that does not exist.
		"delta/order.txt": "msa.txt\nmissing.pdf\n",
		"delta/msa.txt":   "ALPHA",
		// One member unreadable: still ok, loudly warned.
		"eps/1.txt": "ALPHA",
		"eps/2.pdf": "UNREADABLE",
		// Every member unreadable.
		"zeta/1.pdf": "UNREADABLE",
		"zeta/2.pdf": "UNREADABLE",
	})
	got, _, err := collectRun(t, context.Background(), []string{dir}, fakeExtract(0), Options{Bundle: true, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]rules.Result{}
	for _, r := range got {
		byName[filepath.Base(r.Path)] = r
	}
	if len(got) != 6 {
		t.Fatalf("got %d results, want 6 bundles", len(got))
	}
	slash := func(p string) string { return filepath.ToSlash(filepath.Join(dir, p)) }
	tests := []struct {
		name     string
		status   rules.DocStatus
		files    []string
		findings map[string]rules.Status
		errHas   string
		warnHas  string
	}{
		{"acme", rules.DocOK, []string{"acme/a-msa.txt", "acme/b-amendment.txt"},
			map[string]rules.Status{"t/alpha": rules.Contradicted, "t/beta": rules.Present}, "", ""},
		{"beta", rules.DocOK, []string{"beta/z-amendment.txt", "beta/a-msa.txt"},
			map[string]rules.Status{"t/alpha": rules.Present, "t/beta": rules.Missing}, "", ""},
		{"gamma", rules.DocOK, []string{"gamma/1.txt", "gamma/2.txt"},
			map[string]rules.Status{"t/alpha": rules.Weak, "t/beta": rules.Missing}, "", ""},
		{"delta", rules.DocError, nil, map[string]rules.Status{}, "missing.pdf", ""},
		{"eps", rules.DocOK, []string{"eps/1.txt", "eps/2.pdf"},
			map[string]rules.Status{"t/alpha": rules.Present, "t/beta": rules.Missing}, "", "UNCHECKED MEMBER " + slash("eps/2.pdf")},
		{"zeta", rules.DocUnreadable, []string{"zeta/1.pdf", "zeta/2.pdf"}, map[string]rules.Status{}, "no member could be read", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := byName[tc.name]
			if r.Path != slash(tc.name) {
				t.Errorf("path %q", r.Path)
			}
			if r.Status != tc.status {
				t.Errorf("status %q, want %q (error %q)", r.Status, tc.status, r.Error)
			}
			var files []string
			for _, f := range tc.files {
				files = append(files, slash(f))
			}
			if !reflect.DeepEqual(r.Files, files) {
				t.Errorf("files %q, want %q", r.Files, files)
			}
			if s := statuses(r); !reflect.DeepEqual(s, tc.findings) {
				t.Errorf("findings %v, want %v", s, tc.findings)
			}
			if !strings.Contains(r.Error, tc.errHas) {
				t.Errorf("error %q, want it to name %q", r.Error, tc.errHas)
			}
			if tc.warnHas != "" && !strings.Contains(strings.Join(r.Warnings, "\n"), tc.warnHas) {
				t.Errorf("warnings %q, want %q", r.Warnings, tc.warnHas)
			}
		})
	}

	t.Run("evidence names its file, winner first", func(t *testing.T) {
		var alpha rules.Finding
		for _, f := range byName["acme"].Findings {
			if f.Rule == "t/alpha" {
				alpha = f
			}
		}
		var files, quotes []string
		for _, e := range alpha.Evidence {
			files = append(files, e.File)
			quotes = append(quotes, e.Quote)
		}
		wantFiles := []string{slash("acme/b-amendment.txt"), slash("acme/a-msa.txt")}
		if !reflect.DeepEqual(files, wantFiles) || !reflect.DeepEqual(quotes, []string{"NO-ALPHA", "ALPHA"}) {
			t.Errorf("evidence files %q quotes %q, want %q and the contradiction first", files, quotes, wantFiles)
		}
	})
	t.Run("sha256 chains member hashes", func(t *testing.T) {
		h := sha256.Sum256([]byte("sha-a-msa.txt\nsha-b-amendment.txt\n"))
		if got := byName["acme"].SHA256; got != hex.EncodeToString(h[:]) {
			t.Errorf("sha256 %s", got)
		}
		if byName["acme"].Format != "text" || byName["acme"].Pages != 2 {
			t.Errorf("format %q pages %d", byName["acme"].Format, byName["acme"].Pages)
		}
	})
}

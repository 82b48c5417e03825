package rules

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/invalid")

func TestLoadValid(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*.yaml")
	if len(files) == 0 {
		t.Fatal("no files in testdata/valid")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Load(f, data)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if p.Name == "" || len(p.Rules) == 0 || len(p.SHA256) != 64 {
				t.Errorf("pack %q has %d rules, sha256 %q", p.Name, len(p.Rules), p.SHA256)
			}
			for _, r := range p.Rules {
				if r.Line == 0 || r.Pack != p.Name || len(r.Present) == 0 {
					t.Errorf("rule %s: line %d, pack %q, %d present patterns", r.ID, r.Line, r.Pack, len(r.Present))
				}
			}
		})
	}
}

// TestLoadInvalid compares every problem of each invalid file with its
// .want golden; go test ./rules -update rewrites them.
func TestLoadInvalid(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*.yaml")
	if len(files) == 0 {
		t.Fatal("no files in testdata/invalid")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Load(f, data)
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Load(%s) = %v, want Problems", f, err)
			}
			got := err.Error() + "\n"
			want := strings.TrimSuffix(f, ".yaml") + ".want"
			if *update {
				if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			w, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(w) {
				t.Errorf("problems differ\ngot:\n%s\nwant:\n%s", got, w)
			}
		})
	}
}

func TestLoadFilesDuplicatesAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/valid/offshore.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.yaml", "b.yml"} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err = LoadFiles(dir)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("LoadFiles = %v, want Problems", err)
	}
	dups := 0
	for _, p := range ps {
		if strings.HasSuffix(p.File, "b.yml") && strings.Contains(p.Message, "duplicate rule ID (first at ") {
			dups++
		}
	}
	if dups != 4 {
		t.Errorf("got %d duplicate-ID problems in b.yml, want 4:\n%v", dups, err)
	}
	if _, err := Compile([]*Pack{mustLoad(t, "testdata/valid/offshore.yaml"), mustLoad(t, "testdata/valid/offshore.yaml")}, Config{}); err == nil {
		t.Error("Compile accepted the same rule IDs twice")
	}
}

func TestCompileConfigProblems(t *testing.T) {
	p := mustLoad(t, "testdata/valid/offshore.yaml")
	bad := 5
	_, err := Compile([]*Pack{p}, Config{
		Settings: map[string]float64{"breach-notice-days": 5, "no-such-setting": 1},
		Disable:  []string{"offshore/nope"},
		Severity: map[string]Severity{"offshore/indemnification": "urgent", "ghost/rule": High},
		Fuzzy:    &bad,
	})
	want := []string{
		"configuration: -: fuzzy must be 0, 1 or 2",
		`configuration: -: settings: no rule reads setting "no-such-setting"`,
		"configuration: ghost/rule: severity: no such rule",
		`configuration: offshore/indemnification: severity: unknown severity "urgent" (want critical, high, medium or low)`,
		"configuration: offshore/nope: disable: no such rule or pack",
	}
	if err == nil {
		t.Fatal("Compile accepted a bad configuration")
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func mustLoad(t testing.TB, path string) *Pack {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Load(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadLabelsPaths(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.ToSlash(filepath.Join(dir, "elsewhere", "b.pdf"))
	csv := "file,x/y\nsub/a.txt,1\n" + abs + ",0\n"
	path := filepath.Join(dir, "labels.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := readLabels(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.ToSlash(filepath.Join(dir, "sub", "a.txt")), abs}
	if len(l.files) != 2 || l.files[0] != want[0] || l.files[1] != want[1] {
		t.Errorf("files %q, want %q (relative to the CSV, absolute as given)", l.files, want)
	}
	if !l.truth["x/y"][want[0]] || l.truth["x/y"][want[1]] {
		t.Errorf("labels %v", l.truth)
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name     string
		in       ruleScore
		p, r, f1 float64
	}{
		{"perfect", ruleScore{TP: 3, TN: 2}, 1, 1, 1},
		{"half", ruleScore{TP: 1, FP: 1, FN: 1}, 0.5, 0.5, 0.5},
		{"nothing predicted, nothing there", ruleScore{TN: 4}, 1, 1, 1},
		{"nothing predicted, one missed", ruleScore{FN: 1, TN: 3}, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.in
			s.score()
			if s.Precision != tt.p || s.Recall != tt.r || s.F1 != tt.f1 {
				t.Errorf("got p=%v r=%v f1=%v, want %v %v %v", s.Precision, s.Recall, s.F1, tt.p, tt.r, tt.f1)
			}
		})
	}
}

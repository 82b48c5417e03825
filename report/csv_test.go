package report

import (
	"encoding/csv"
	"strings"
	"testing"
)

func TestCSV(t *testing.T) {
	rows, err := csv.NewReader(strings.NewReader(render(t, "csv", sampleOptions(), sampleResults()))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "path,rule,severity,status,file,page,section,quote,message,waived" {
		t.Errorf("header %q", rows[0])
	}
	// 4 + 4 findings, and one row for the unreadable document.
	if len(rows) != 1+4+4+1 {
		t.Fatalf("%d rows", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	tests := []struct {
		name     string
		row      int
		col, has string
	}{
		{"quote with quotes and commas", 1, "quote", `<including "India" & the Philippines>`},
		{"page", 1, "page", "3"},
		{"waiver", 4, "waived", "accepted by J. Smith"},
		{"bundle member", 6, "file", "bundles/beta_health/msa.docx"},
		{"formula defused", 6, "quote", `'=HYPERLINK(`},
		{"unreadable status", 9, "status", "unreadable"},
		{"unreadable reason", 9, "message", "encrypted with an owner password"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := rows[tc.row][col[tc.col]]; !strings.Contains(got, tc.has) {
				t.Errorf("row %d %s = %q, want %q", tc.row, tc.col, got, tc.has)
			}
		})
	}
}

func TestCells(t *testing.T) {
	got := cells("=1+2", "+x", "-x", "@x", "plain", "")
	want := []string{"'=1+2", "'+x", "'-x", "'@x", "plain", ""}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cells = %q, want %q", got, want)
	}
}

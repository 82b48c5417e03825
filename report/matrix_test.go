package report

import (
	"encoding/csv"
	"strings"
	"testing"
)

func TestMatrix(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
	}{
		{"columns from the rules", sampleOptions()},
		{"columns from the first document", Options{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The unreadable document first: rows held until columns are known.
			res := sampleResults()
			res[0], res[2] = res[2], res[0]
			rows, err := csv.NewReader(strings.NewReader(render(t, "matrix", tc.opt, res))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			want := [][]string{
				{"path", "status", "offshore/us-only-performance", "breach/notice-days", "breach/cyber-insurance", "audit/records-access"},
				{"contracts/broken scan.pdf", "unreadable", "unreadable", "unreadable", "unreadable", "unreadable"},
				{"bundles/beta_health", "ok", "present", "present", "missing", "present"},
				{"contracts/acme-baa.pdf", "ok", "contradicted", "weak", "weak", "waived"},
			}
			if len(rows) != len(want) {
				t.Fatalf("%d rows, want %d: %q", len(rows), len(want), rows)
			}
			for i := range want {
				if strings.Join(rows[i], ",") != strings.Join(want[i], ",") {
					t.Errorf("row %d: %q, want %q", i, rows[i], want[i])
				}
			}
		})
	}
}

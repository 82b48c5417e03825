package scan

import (
	"testing"

	"github.com/clausecheck/clausecheck/rules"
)

// TestMergeQuantities checks how a bundle's later members override earlier
// verdicts: a later generic weak mention keeps an earlier protection, a
// later stated worse term replaces it.
func TestMergeQuantities(t *testing.T) {
	f := func(s rules.Status, quantity, quote string) *rules.Finding {
		if s == "" {
			return nil
		}
		return &rules.Finding{Rule: "t/notice", Status: s, Quantity: quantity,
			Evidence: []rules.Evidence{{Quote: quote}}}
	}
	tests := []struct {
		name    string
		members []*rules.Finding // oldest first; nil: the member has no finding
		want    rules.Status
		lead    string // the winner's quote
	}{
		{"later generic weak keeps present", []*rules.Finding{f(rules.Present, "five (5) days", "msa"), f(rules.Weak, "", "baa")}, rules.Present, "msa"},
		{"later stated weak replaces present", []*rules.Finding{f(rules.Present, "five (5) days", "baa"), f(rules.Weak, "thirty (30) days", "amendment")}, rules.Weak, "amendment"},
		{"later contradicted replaces present", []*rules.Finding{f(rules.Present, "", "msa"), f(rules.Contradicted, "", "amendment")}, rules.Contradicted, "amendment"},
		{"later present replaces contradicted", []*rules.Finding{f(rules.Contradicted, "", "msa"), f(rules.Present, "", "amendment")}, rules.Present, "amendment"},
		{"later generic weak keeps contradicted", []*rules.Finding{f(rules.Contradicted, "ninety (90) days", "msa"), f(rules.Weak, "", "baa")}, rules.Contradicted, "msa"},
		{"later weak replaces weak", []*rules.Finding{f(rules.Weak, "", "msa"), f(rules.Weak, "", "baa")}, rules.Weak, "baa"},
		{"weak replaces missing", []*rules.Finding{f(rules.Weak, "", "msa"), f(rules.Missing, "", "")}, rules.Weak, "msa"},
		{"missing everywhere", []*rules.Finding{f(rules.Missing, "", ""), f(rules.Missing, "", "")}, rules.Missing, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []member
			for i, fd := range tt.members {
				m := member{path: string(rune('a' + i))}
				if fd != nil {
					if fd.Status == rules.Missing {
						fd.Evidence = nil
					}
					m.findings = []rules.Finding{*fd}
				}
				ms = append(ms, m)
			}
			got := merge(ms)
			if len(got) != 1 || got[0].Status != tt.want {
				t.Fatalf("got %+v, want one %s finding", got, tt.want)
			}
			if tt.lead != "" && (len(got[0].Evidence) == 0 || got[0].Evidence[0].Quote != tt.lead) {
				t.Errorf("evidence %+v, want %q first", got[0].Evidence, tt.lead)
			}
		})
	}
}

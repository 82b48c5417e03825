package rules

import "testing"

const sectionPack = `pack: s
version: 1.0.0
title: Section scope
rules:
  - id: s/governing-law
    title: Governing law
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    scope: section
    present:
      - all: [[governing, governed], [law, laws], ohio]
    examples:
      present: [This Agreement is governed by the laws of Ohio.]
      absent: [This Agreement is governed by the laws of Texas.]
`

// TestSectionEvidence checks that a section-scoped match quotes the body
// sentences first and the heading line only after them.
func TestSectionEvidence(t *testing.T) {
	e := compilePack(t, "s.yaml", sectionPack)
	tests := []struct {
		name, text string
		quotes     []string
	}{
		{"heading supplies a term", "7. Miscellaneous\n\n7.1 Governing Law.\n\nThe laws of the State of Ohio apply to this Agreement.\n",
			[]string{"The laws of the State of Ohio apply to this Agreement.", "7.1 Governing Law."}},
		{"body alone", "7. Miscellaneous\n\n7.1 Choice of Law.\n\nThis Agreement is governed by the laws of the State of Ohio.\n",
			[]string{"This Agreement is governed by the laws of the State of Ohio."}},
		{"two body sentences", "7. Miscellaneous\n\n7.1 Choice.\n\nThis Agreement is governed by the laws below. The State is Ohio.\n",
			[]string{"This Agreement is governed by the laws below.", "The State is Ohio."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := findingOf(t, e, readText(t, tt.text), "s/governing-law")
			var got []string
			for _, ev := range f.Evidence {
				got = append(got, ev.Quote)
			}
			if f.Status != Present || len(got) != len(tt.quotes) {
				t.Fatalf("got %s %q, want present %q", f.Status, got, tt.quotes)
			}
			for i := range got {
				if got[i] != tt.quotes[i] {
					t.Errorf("quote %d = %q, want %q", i, got[i], tt.quotes[i])
				}
			}
		})
	}
}

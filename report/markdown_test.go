package report

import (
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	out := render(t, "markdown", sampleOptions(), sampleResults())
	tests := []struct {
		name string
		ok   bool
	}{
		{"a ticked box per present protection", strings.Count(out, "- [x] ") == 3},
		{"an open box per other protection", strings.Count(out, "- [ ] ") == 5},
		{"the clause to request", strings.Contains(out, "  - Request: Vendor shall perform all Services, and permit access to PHI, solely from locations within the United States.")},
		{"no request for present ones", strings.Count(out, "  - Request: ") == 5},
		{"evidence with location", strings.Contains(out, "(bundles/beta\\_health/msa.docx p. 1 § 11)")},
		{"contract text escaped", strings.Contains(out, `\<including "India" \& the Philippines\>`) && strings.Contains(out, `\*subcontractors\*`)},
		{"a sign-off per document", strings.Count(out, "### Sign-off") == 3 && strings.Count(out, "- Reviewed by: ") == 3 && strings.Count(out, "- Decision: ") == 3},
		{"unreadable not checked", strings.Contains(out, "**UNREADABLE — not checked.**")},
		{"waiver", strings.Contains(out, "  - Waived: Covered by")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.ok {
				t.Errorf("not so in\n%s", out)
			}
		})
	}
}

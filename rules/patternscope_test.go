package rules

import "testing"

const scopePack = `pack: p
version: 1.0.0
title: Pattern scope
rules:
  - id: p/termination-for-convenience
    title: Termination for convenience
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    present:
      - all: [terminat*, ["any reason", convenience]]
        none: [breach]
        polarity: [permission]
        scope: clause
    examples:
      present: [Either party may terminate this Agreement for any reason.]
      absent: [Either party may terminate this Agreement for any reason of breach.]
  - id: p/sentence-none
    title: Termination for convenience, none in the sentence
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    present:
      - all: [terminat*, ["any reason", convenience]]
        none: [breach]
        polarity: [permission]
    examples:
      present: [Either party may terminate this Agreement for any reason.]
      absent: [Either party may terminate this Agreement for any reason of breach.]
  - id: p/section-pattern
    title: Governing law, one pattern over the section
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    present:
      - all: [governed, ohio]
        scope: section
    examples:
      present: [This Agreement is governed by the laws of Ohio.]
      absent: [This Agreement is governed by the laws of Texas.]
`

// TestPatternScope checks the pattern-level scope: clause keeps the terms
// and none in one clause; sentence stays the default; section spreads one
// pattern over a section.
func TestPatternScope(t *testing.T) {
	e := compilePack(t, "p.yaml", scopePack)
	tests := []struct {
		name, rule, text string
		want             Status
	}{
		{"clause: none in a later clause", "p/termination-for-convenience",
			"Either party may terminate this Agreement for any reason upon 180 days notice, unless sooner terminated for breach.", Present},
		{"clause: none in the same clause", "p/termination-for-convenience",
			"Either party may terminate this Agreement for any reason related to a breach.", Missing},
		{"clause: terms in two clauses", "p/termination-for-convenience",
			"Either party may terminate this Agreement on notice; the notice need not state any reason.", Missing},
		{"sentence: none anywhere in the sentence", "p/sentence-none",
			"Either party may terminate this Agreement for any reason upon 180 days notice, unless sooner terminated for breach.", Missing},
		{"sentence: terms in two clauses", "p/sentence-none",
			"Either party may terminate this Agreement on notice; the notice need not state any reason.", Present},
		{"section: terms in two sentences", "p/section-pattern",
			"7. Law\n\n7.1 Choice.\n\nThis Agreement is governed by the laws below. The State is Ohio.\n", Present},
		{"section: terms in two sections", "p/section-pattern",
			"7. Law\n\nThis Agreement is governed by the laws below.\n\n8. State\n\nThe State is Ohio.\n", Missing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := findingOf(t, e, readText(t, tt.text), tt.rule)
			if f.Status != tt.want {
				t.Errorf("got %s %+v, want %s", f.Status, f.Evidence, tt.want)
			}
		})
	}
	if _, err := Load("bad.yaml", []byte(`pack: p
version: 1.0.0
title: t
rules:
  - id: p/x
    title: x
    severity: low
    citation: c
    rationale: r
    recommendation: r
    present:
      - all: [x]
        scope: paragraph
    examples:
      present: [x]
      absent: [y]
`)); err == nil || err.Error() != `bad.yaml:13: p/x: unknown scope "paragraph" (want clause, sentence or section)` {
		t.Errorf("scope paragraph: %v", err)
	}
}

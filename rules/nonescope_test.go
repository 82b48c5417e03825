package rules

import "testing"

const noneScopePack = `pack: p
version: 1.0.0
title: None scope
rules:
  - id: p/clause-sentence
    title: Termination on notice, no condition anywhere in the sentence
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    present:
      - all: [terminat*, notice]
        none: [fails, breach]
        polarity: [permission]
        scope: clause
        none-scope: sentence
    examples:
      present: [Either party may terminate this Agreement on notice.]
      absent: [If Licensee fails to pay, Licensor may terminate this Agreement on notice.]
  - id: p/clause-clause
    title: Termination on notice, no condition in the clause
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    present:
      - all: [terminat*, notice]
        none: [fails, breach]
        polarity: [permission]
        scope: clause
    examples:
      present: [Either party may terminate this Agreement on notice.]
      absent: [Either party may terminate this Agreement on notice of breach.]
  - id: p/sentence-clause
    title: Termination on notice, no condition in the anchor's clause
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    present:
      - all: [terminat*, notice]
        none: [breach]
        polarity: [permission]
        none-scope: clause
    examples:
      present: [Either party may terminate this Agreement on notice.]
      absent: [Either party may terminate this Agreement on notice of breach.]
  - id: p/sentence-section
    title: Termination on notice, no condition in the section
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    present:
      - all: [terminat*, notice]
        none: [breach]
        polarity: [permission]
        none-scope: section
    examples:
      present: [Either party may terminate this Agreement on notice.]
      absent: [Either party may terminate this Agreement on notice of breach.]
`

// TestNoneScope checks none-scope: a clause-scoped pattern may look for
// its none terms in the whole sentence or section, a sentence-scoped one
// in its anchor's clause only, and without the key none follows scope.
func TestNoneScope(t *testing.T) {
	e := compilePack(t, "p.yaml", noneScopePack)
	const (
		condition = "If Licensee fails to pay any fee when due, and such failure continues for 30 days, Licensor may terminate this Agreement on notice."
		later     = "Either Party may terminate this Agreement upon 90 days notice, unless sooner terminated for breach."
		plain     = "Either Party may terminate this Agreement upon 90 days notice."
		section   = "9. Term\n\nEither Party may terminate this Agreement upon 90 days notice. The other Party may also end it for breach.\n\n10. Fees\n\nFees are due monthly.\n"
		elsewhere = "9. Term\n\nEither Party may terminate this Agreement upon 90 days notice.\n\n10. Breach\n\nThe other Party may also end it for breach.\n"
	)
	tests := []struct {
		name, rule, text string
		want             Status
	}{
		{"clause+sentence: condition in an earlier clause", "p/clause-sentence", condition, Missing},
		{"clause+sentence: exclusion in a later clause", "p/clause-sentence", later, Missing},
		{"clause+sentence: no exclusion", "p/clause-sentence", plain, Present},
		{"clause+sentence: exclusion in the next sentence", "p/clause-sentence", section, Present},
		{"clause: condition in an earlier clause", "p/clause-clause", condition, Present},
		{"clause: exclusion in a later clause", "p/clause-clause", later, Present},
		{"sentence+clause: exclusion in a later clause", "p/sentence-clause", later, Present},
		{"sentence+clause: no exclusion", "p/sentence-clause", plain, Present},
		{"sentence+section: exclusion in the same section", "p/sentence-section", section, Missing},
		{"sentence+section: exclusion in the next section", "p/sentence-section", elsewhere, Present},
		{"sentence+section: exclusion in the sentence", "p/sentence-section", later, Missing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := findingOf(t, e, readText(t, tt.text), tt.rule)
			if f.Status != tt.want {
				t.Errorf("got %s %+v, want %s", f.Status, f.Evidence, tt.want)
			}
		})
	}
}

// TestNoneScopeLoad checks that Load rejects a bad none-scope with its line.
func TestNoneScopeLoad(t *testing.T) {
	const head = `pack: p
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
`
	const tail = `    examples:
      present: [x]
      absent: [y]
`
	tests := []struct {
		name, pattern, want string
	}{
		{"unknown value", "        none: [z]\n        none-scope: paragraph\n",
			`bad.yaml:14: p/x: unknown none-scope "paragraph" (want clause, sentence or section)`},
		{"without none", "        none-scope: sentence\n",
			`bad.yaml:13: p/x: none-scope without none`},
		{"valid", "        none: [z]\n        scope: clause\n        none-scope: section\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("bad.yaml", []byte(head+tt.pattern+tail))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

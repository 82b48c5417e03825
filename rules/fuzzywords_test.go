package rules

import (
	"strings"
	"testing"
)

func TestFunctionWordsNotFuzzy(t *testing.T) {
	p, err := Load("f.yaml", []byte(`pack: f
version: 1.0.0
title: Function words
rules:
  - id: f/neither
    title: Neither party
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    present:
      - all: ["neither party", terminat*]
      - all: [indemnify]
    examples:
      present: [Neither party shall terminate.]
      absent: [Either party may terminate.]
`))
	if err != nil {
		t.Fatal(err)
	}
	two := 2
	e, err := Compile([]*Pack{p}, Config{Fuzzy: &two})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"either", "neither", "shall", "snall", "shal", "nether"} {
		for _, fz := range e.ix.fuzzyAtoms(w) {
			if functionWords[e.ix.atomWord[fz.atom]] || functionWords[w] {
				t.Errorf("%q read as %q", w, e.ix.atomWord[fz.atom])
			}
		}
	}
	tests := []struct {
		sentence string
		want     Status
	}{
		{"Either party may terminate this Agreement for any reason.", Missing},
		{"Eitherr party may terminate this Agreement for any reason.", Missing},
		{"Neither party shall terminate this Agreement for convenience.", Present},
		{"Vendor shall indemnfy Hospital.", Present}, // content words are still read fuzzily
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			if f := statusOf(t, e, "f/neither", tt.sentence); f.Status != tt.want {
				t.Errorf("got %s %+v, want %s", f.Status, f.Evidence, tt.want)
			}
		})
	}
}

func TestPackFuzzy(t *testing.T) {
	p, err := Load("f.yaml", []byte(`pack: f
version: 1.0.0
title: Pack fuzzy
fuzzy: 0
rules:
  - id: f/pack-default
    title: Indemnity
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    present:
      - all: [indemnify]
    examples:
      present: [Vendor shall indemnify Hospital.]
      absent: [Vendor shall indemnfy Hospital.]
  - id: f/rule-override
    title: Indemnity
    severity: low
    citation: negotiated protection
    rationale: r
    recommendation: r
    fuzzy: 1
    present:
      - all: [indemnify]
    examples:
      present: [Vendor shall indemnfy Hospital.]
      absent: [Hospital shall pay.]
`))
	if err != nil {
		t.Fatal(err)
	}
	one := 1
	e, err := Compile([]*Pack{p}, Config{Fuzzy: &one})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		rule string
		want Status
	}{{"f/pack-default", Missing}, {"f/rule-override", Present}} {
		t.Run(tt.rule, func(t *testing.T) {
			if f := statusOf(t, e, tt.rule, "Vendor shall indemnfy Hospital."); f.Status != tt.want {
				t.Errorf("got %s, want %s", f.Status, tt.want)
			}
		})
	}
	if _, err := Load("bad.yaml", []byte("pack: f\nversion: 1\ntitle: t\nfuzzy: 3\nrules: []\n")); err == nil || !strings.Contains(err.Error(), "bad.yaml:4: -: fuzzy must be 0, 1 or 2") {
		t.Errorf("fuzzy 3 in the header: %v", err)
	}
}

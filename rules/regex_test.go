package rules

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		expr    string
		want    []string
		matches []string // texts the expression matches, each holding one of want
	}{
		{`\[\s*\]`, []string{"["}, []string{"[ ]", "[]", "box [\t] here"}},
		{`☐`, []string{"☐"}, []string{"☐ Option"}},
		{`164\.410\s*\(c\)`, []string{"164.410"}, []string{"45 CFR 164.410 (C)", "164.410(c)"}},
		{`[0-9]\s*%`, []string{"%"}, []string{"10 %", "5%"}},
		{`1\.501\(r\)`, []string{"1.501(r)"}, []string{"Section 1.501(R) of the Code"}},
		{`a|b`, nil, []string{"B"}},
		{`ab|cd`, []string{"ab", "cd"}, []string{"CD"}},
		{`a|b*`, nil, []string{"c"}},
		{`(notice)+ day`, []string{"notice"}, []string{"NOTICE day"}},
		{`x{2,3}`, []string{"x"}, []string{"XXX"}},
		{`(?:abc)?def`, []string{"def"}, []string{"DEF"}},
		{`\d+-\d+`, []string{"-"}, []string{"1-2"}},
		{`\b(?:over|above|beyond)\s+the`, []string{"over", "above", "beyond"}, []string{"Fees ABOVE the cap", "over  the"}},
		{`sole`, []string{"ole"}, []string{"ſOLE", "Sole"}},
		{`kilo`, []string{"ilo"}, []string{"\u212aILO"}},
		{`(?-i:Über)x`, []string{"Über"}, []string{"ÜberX"}},
		{`^\W*(?:[\w.,'()-]+\s+){0,6}[\w.,'()-]+\W*$`, nil, []string{"Short."}},
		{`a|b|c|d|e|f|g|h|i`, nil, []string{"i"}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			re := regexp.MustCompile("(?i)" + tt.expr)
			got := requiredLiterals(re.String())
			if !slices.Equal(got, tt.want) {
				t.Errorf("requiredLiterals(%q) = %q, want %q", re, got, tt.want)
			}
			for _, m := range tt.matches {
				loc := re.FindStringIndex(m)
				if loc == nil {
					t.Fatalf("%q does not match %q", re, m)
				}
				if got != nil && !containsAnyFold(m[loc[0]:loc[1]], got) {
					t.Errorf("match %q of %q holds none of %q", m[loc[0]:loc[1]], re, got)
				}
			}
		})
	}
}

func TestIndexFold(t *testing.T) {
	tests := []struct {
		text, lit string
		want      int
	}{
		{"", "", 0},
		{"abc", "", 0},
		{"", "a", -1},
		{"Moreover", "over", 4},
		{"OVER", "over", 0},
		{"ove", "over", -1},
		{"oVeR the", "over", 0},
		{"[ ]", "[", 0},
		{"a ☐ b", "☐", 2},
		{"ÜBER über", "über", 6},
		{"1.501(R)", "1.501(r)", 0},
	}
	for _, tt := range tests {
		if got := indexFold(tt.text, tt.lit); got != tt.want {
			t.Errorf("indexFold(%q, %q) = %d, want %d", tt.text, tt.lit, got, tt.want)
		}
	}
	// Against lower-casing the text, on texts of a small alphabet.
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "vVoOeErR[ "
	gen := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	for range 20000 {
		text, lit := gen(rng.IntN(12)), strings.ToLower(gen(1+rng.IntN(3)))
		if got, want := indexFold(text, lit), strings.Index(strings.ToLower(text), lit); got != want {
			t.Fatalf("indexFold(%q, %q) = %d, want %d", text, lit, got, want)
		}
	}
}

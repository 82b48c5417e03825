package rules

import (
	"regexp"
	"strings"
	"testing"
)

func TestRequiredLiteral(t *testing.T) {
	tests := []struct {
		expr    string
		want    string
		matches []string // texts the expression matches, each holding want
	}{
		{`\[\s*\]`, "[", []string{"[ ]", "[]", "box [\t] here"}},
		{`☐`, "☐", []string{"☐ Option"}},
		{`164\.410\s*\(c\)`, "164.410", []string{"45 CFR 164.410 (C)", "164.410(c)"}},
		{`[0-9]\s*%`, "%", []string{"10 %", "5%"}},
		{`1\.501\(r\)`, "1.501(", []string{"Section 1.501(R) of the Code"}},
		{`a|b`, "", []string{"b"}},
		{`(notice)+ day`, " ", []string{"NOTICE day"}},
		{`x{2,3}`, "", []string{"XXX"}},
		{`(?:abc)?def`, "", []string{"DEF"}},
		{`\d+-\d+`, "-", []string{"1-2"}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			re := regexp.MustCompile("(?i)" + tt.expr)
			got := requiredLiteral(re.String())
			if got != tt.want {
				t.Errorf("requiredLiteral(%q) = %q, want %q", re, got, tt.want)
			}
			for _, m := range tt.matches {
				loc := re.FindStringIndex(m)
				if loc == nil {
					t.Fatalf("%q does not match %q", re, m)
				}
				if !strings.Contains(m[loc[0]:loc[1]], got) {
					t.Errorf("match %q of %q lacks %q", m[loc[0]:loc[1]], re, got)
				}
			}
		})
	}
}

package report

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	plain := render(t, "text", sampleOptions(), sampleResults())
	color := render(t, "text", Options{Color: true, Rules: sampleRules}, sampleResults())
	tests := []struct {
		name string
		ok   bool
	}{
		{"no escapes without colour", !strings.Contains(plain, "\x1b[")},
		{"escapes with colour", strings.Contains(color, ansiRed+"  ✗ contradicted")},
		{"symbols", strings.Contains(plain, "✓ present") && strings.Contains(plain, "~ weak") && strings.Contains(plain, "✗ contradicted") && strings.Contains(plain, "? missing")},
		{"location and quote", strings.Contains(plain, `p. 3 § 7.2: "Vendor may perform the Services`)},
		{"long quote clipped", strings.Contains(plain, "insurance and …\"") && !strings.Contains(plain, "healthcare industry")},
		{"unreadable with reason", strings.Contains(plain, "! unreadable: contracts/broken scan.pdf: encrypted")},
		{"waiver shown", strings.Contains(plain, "waived: Covered by the master agreement's audit clause. (accepted by J. Smith")},
		{"summary last", strings.HasSuffix(plain, "3 documents (1 unreadable, 0 errors): 3 present, 2 weak, 1 contradicted, 2 missing, 1 waived\n")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.ok {
				t.Errorf("not found in\n%s", plain)
			}
		})
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short  text\nhere", 50, "short text here"},
		{"one two three four", 10, "one two …"},
		{"ééééééééééé", 5, "éé …"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := clip(tc.in, tc.n); got != tc.want {
				t.Errorf("clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}

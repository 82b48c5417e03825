package rules

import (
	"strings"
	"testing"
)

// TestFuzzyBudget checks that a document reads words fuzzily only until
// its budget of distinct unknown words is spent, and that a reused engine,
// whose word table keeps fuzzy readings between documents, still reads
// each document as a fresh engine would.
func TestFuzzyBudget(t *testing.T) {
	const rule = "offshore/indemnification"
	// Twice, so that the second is read through the word table.
	const misspelt = "Vendor shall indemnifiy Hospital. Vendor shall indemnifiy Hospital. "
	// Distinct made-up words of five or more letters, each read fuzzily.
	var noise strings.Builder
	for i := 0; i <= maxFuzzyLookups; i++ {
		w := []byte("zqaaaa")
		for j, n := len(w)-1, i; n > 0; j, n = j-1, n/26 {
			w[j] = byte('a' + n%26)
		}
		noise.Write(w)
		if i%20 == 19 {
			noise.WriteString(". ")
		} else {
			noise.WriteByte(' ')
		}
	}
	noise.WriteString(". ")
	docs := []struct {
		name, text string
		want       Status
	}{
		{"short", misspelt, Present},
		{"after the budget", noise.String() + misspelt, Missing},
		{"before the budget", misspelt + noise.String(), Present},
		{"short again", misspelt, Present},
	}
	shared := testEngine(t, Config{})
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) {
			got := findingOf(t, shared, multiDoc(d.text), rule)
			fresh := findingOf(t, testEngine(t, Config{}), multiDoc(d.text), rule)
			if got.Status != d.want || fresh.Status != d.want {
				t.Errorf("status %s with a reused engine, %s with a fresh one; want %s", got.Status, fresh.Status, d.want)
			}
		})
	}
}

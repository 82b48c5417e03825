package rules

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestTriggersKeepFindings checks that looking sentence patterns up by
// their trigger group gives the findings of looking them up by every
// literal term, in the same order.
func TestTriggersKeepFindings(t *testing.T) {
	data, err := os.ReadFile("testdata/contract.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	docs := map[string]string{
		"contract":    text,
		"permissions": strings.ReplaceAll(text, "shall", "may"),
		"misspelt":    strings.NewReplacer("maintain", "mantain", "records", "recrods", "Services", "Servcies").Replace(text),
	}
	// A pack whose rarest groups have several alternatives, each used by
	// some sentence of the extra document.
	alt := &Pack{Name: "alt", Version: "1", Title: "Alternatives", Terms: map[string][]string{}}
	for i, g := range [][]string{
		{"indemnification", "indemnify", "hold harmless"},
		{"subcontractors", "subcontract*", "third party"},
		{"confidentiality", "nondisclosure"},
	} {
		alt.Rules = append(alt.Rules, &Rule{
			ID: "alt/rule-" + string(rune('a'+i)), Pack: "alt", Title: "t", Severity: Medium, Party: AnyParty, Scope: ScopeSentence,
			Present: []*Pattern{{All: [][]string{g, {"shall", "will", "must", "may"}}}},
			Weak:    []*Pattern{{All: [][]string{{"vendor", "hospital", "the", "a"}, g}, Any: []string{"and", "or", "of"}}},
		})
	}
	docs["alternatives"] = "Vendor shall hold harmless the Hospital. Vendor may subcontract the work. " +
		"A third party will keep the records. The nondisclosure terms of Vendor survive. Hospital must indemnify nobody."
	for _, n := range []int{0, 50, 500} {
		packs := []*Pack{synthPack(n), alt}
		e, err := Compile(packs, Config{})
		if err != nil {
			t.Fatal(err)
		}
		every, err := Compile(packs, Config{})
		if err != nil {
			t.Fatal(err)
		}
		// The reference: every literal term posts every pattern using it.
		every.trig = make([][]int32, every.ix.nterms)
		for pi, cp := range every.patterns {
			if cp.section {
				continue
			}
			for _, lt := range cp.lits {
				every.trig[lt] = append(every.trig[lt], int32(pi))
			}
		}
		for name, d := range docs {
			got := e.Evaluate(context.Background(), textDoc(d))
			want := every.Evaluate(context.Background(), textDoc(d))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%d rules, %s: findings differ from looking patterns up by every term", n, name)
			}
		}
	}
}

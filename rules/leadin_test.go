package rules

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/extract"
)

// leadOfSlow is leadOf as it was first written: the quick search for a
// sentence ending with ":", confirmed by extract's LeadIn for the item.
func leadOfSlow(st *docState, si int32) int32 {
	s := st.sents[si]
	if si == 0 || len(st.doc.Sentences) != len(st.sents) || !mayBeItem(st.doc.Text[s.Start:s.End]) {
		return -1
	}
	for j := si - 1; j >= 0 && si-j <= 30; j-- {
		p := st.sents[j]
		t := st.doc.Text[p.Start:p.End]
		if len(t) > 0 && t[len(t)-1] == ':' {
			if st.doc.LeadIn(int(si)) == "" {
				return -1
			}
			return j
		}
		if !mayBeItem(t) {
			return -1
		}
	}
	return -1
}

// TestLeadOf checks that leadOf, which tests each item of a list once,
// finds the lead-ins extract's LeadIn finds, asked in any order: lists
// long and short, nested, broken by a paragraph or by a second lead-in,
// and the real contracts when they are present.
func TestLeadOf(t *testing.T) {
	var long strings.Builder
	long.WriteString("1. Duties.\n\nVendor shall:\n\n")
	for i := 0; i < 40; i++ {
		long.WriteString("(" + string(rune('a'+i%26)) + ") keep the records of month " + strings.Repeat("x", i%3+1) + ";\n\n")
	}
	texts := []string{
		long.String(),
		"2. Terms.\n\nVendor shall not:\n\n(a) sell the data;\n\n(b) move it offshore.\n\nHospital may:\n\n(a) audit Vendor;\n\nThis paragraph ends the list.\n\n(c) stray item;\n",
		"3. Nested.\n\nVendor shall:\n\n(a) report, within five days:\n\n(i) any breach;\n\n(ii) any incident; and\n\n(b) pay the fees.\n",
	}
	files, _ := filepath.Glob("../../shared/corpus/cuad/dev/*.txt")
	sort.Strings(files)
	for _, f := range files[:min(len(files), 20)] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	e := testEngine(t, Config{})
	found := 0
	for n, text := range texts {
		doc, err := extract.Read(context.Background(), "contract.txt", []byte(text), extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, backwards := range []bool{false, true} {
			st := e.state(doc)
			for k := range st.sents {
				si := int32(k)
				if backwards {
					si = int32(len(st.sents) - 1 - k)
				}
				if leadOfSlow(st, si) >= 0 {
					found++
				}
				if got, want := st.leadOf(si), leadOfSlow(st, si); got != want {
					t.Errorf("text %d, sentence %d %.40q: leadOf = %d, want %d", n, si, doc.SentenceText(int(si)), got, want)
				}
			}
			e.release(st)
		}
	}
	if found < 80 {
		t.Errorf("%d list items under lead-ins, want at least the 80 of the first text, read twice", found)
	}
}

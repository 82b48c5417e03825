package rules

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestWordTable reads a document of more distinct words than a new word
// table holds, long words sharing their first eight bytes and a word
// longer than a slot records, twice, and checks that every word is found
// under its own number and that both readings give the same tokens.
func TestWordTable(t *testing.T) {
	var b strings.Builder
	for i := 0; i < minWordTable; i++ {
		fmt.Fprintf(&b, "w%d confidentiality%d ", i, i)
		if i%16 == 15 {
			b.WriteString(". ")
		}
	}
	b.WriteString(strings.Repeat("x", maxSlotLen+10) + " " + strings.Repeat("x", maxSlotLen+11) + ".")
	text := b.String()
	e := testEngine(t, Config{})
	doc := textDoc(text)
	var first []stok
	for run := 0; run < 2; run++ {
		st := e.state(doc)
		if err := st.scan(context.Background()); err != nil {
			t.Fatal(err)
		}
		if run == 0 {
			first = append([]stok(nil), st.toks...)
		} else if len(st.toks) != len(first) {
			t.Fatalf("second reading: %d tokens, want %d", len(st.toks), len(first))
		} else {
			for i := range first {
				if st.toks[i] != first[i] {
					t.Fatalf("second reading: token %d is %+v, want %+v", i, st.toks[i], first[i])
				}
			}
		}
		for id, dw := range st.dict {
			w := []byte(dw.word)
			if s := st.slotFor(w, wordKey(w)); s.n == 0 || s.id != uint32(id) {
				t.Fatalf("word %.20q: slot %+v, want id %d", dw.word, *s, id)
			}
		}
		if 2*len(st.dict) > len(st.table) {
			t.Errorf("%d words in a table of %d slots", len(st.dict), len(st.table))
		}
		e.release(st)
	}
}

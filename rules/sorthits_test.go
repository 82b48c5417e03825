package rules

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortHits(t *testing.T) {
	st := &docState{e: &Engine{ix: &index{nterms: 3000}}}
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5, 12, 13, 100, 5000} {
		for _, bigTok := range []bool{false, true} {
			hs := make([]hit, n)
			seen := map[[2]int32]bool{}
			for i := range hs {
				for {
					h := hit{term: r.Int32N(40), tok: r.Int32N(400), start: int32(i)}
					if bigTok && i == n/2 {
						h.tok = 1 << 21 // past the packed key: the slow path
					}
					if !seen[[2]int32{h.term, h.tok}] {
						seen[[2]int32{h.term, h.tok}] = true
						hs[i] = h
						break
					}
				}
			}
			want := slices.Clone(hs)
			slices.SortFunc(want, func(a, b hit) int {
				if a.term != b.term {
					return cmp.Compare(a.term, b.term)
				}
				return cmp.Compare(a.tok, b.tok)
			})
			st.sortHits(hs)
			if !slices.Equal(hs, want) {
				t.Errorf("%d hits (big token %v): sortHits order differs from sorting by term, then token", n, bigTok)
			}
		}
	}
}

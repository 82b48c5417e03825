package rules

import (
	"slices"
	"strings"
)

// A sentence-scoped pattern can match a sentence only if each of its
// groups has a hit there, so it need only be looked at where the terms
// of one group occur: its trigger, the group whose words look rarest.
// Looking patterns up by trigger instead of by every term keeps the work
// per sentence from growing with every rule that shares a common word.
// A section-scoped pattern draws its terms from several sentences and is
// still looked up by every term.

// buildTriggers fills e.trig, e.secPost and each pattern's lits and
// check.
func (e *Engine) buildTriggers() {
	ix := e.ix
	e.trig = make([][]int32, ix.nterms)
	e.secPost = make([][]int32, ix.nterms)
	for pi, cp := range e.patterns {
		groups := cp.all
		if len(cp.any) > 0 {
			groups = append(groups[:len(groups):len(groups)], cp.any)
		}
		var lits []int32
		for _, g := range groups {
			for _, t := range g {
				if !ix.regexTerm[t] {
					lits = append(lits, t)
				}
			}
		}
		slices.Sort(lits)
		cp.lits = slices.Compact(lits)
		cp.check = nil
	groups:
		for _, g := range groups {
			for _, t := range g {
				if ix.regexTerm[t] {
					continue groups // a regular expression may match anywhere
				}
			}
			cp.check = append(cp.check, g)
		}
		post := func(list [][]int32, terms []int32) {
			for _, t := range terms {
				if ps := list[t]; len(ps) == 0 || ps[len(ps)-1] != int32(pi) {
					list[t] = append(ps, int32(pi))
				}
			}
		}
		if cp.section {
			post(e.secPost, cp.lits)
			continue
		}
		best, bestCost := -1, 0
		for k, g := range groups {
			cost, literal := 0, true
			for _, t := range g {
				if ix.regexTerm[t] {
					literal = false
					break
				}
				cost += termCost(ix.termText[t])
			}
			if literal && (best < 0 || cost < bestCost) {
				best, bestCost = k, cost
			}
		}
		if best < 0 {
			// Every group holds a regular expression: any literal term
			// makes the pattern a candidate, as mayMatch allows.
			post(e.trig, cp.lits)
			continue
		}
		post(e.trig, groups[best])
	}
	// post appends in pattern order, but a term listed twice in one
	// pattern, or in two groups, must still appear once.
	for _, list := range [][][]int32{e.trig, e.secPost} {
		for t, ps := range list {
			slices.Sort(ps)
			list[t] = slices.Compact(ps)
		}
	}
}

// termCost guesses how often a term occurs in contracts from its shape:
// phrases and long words are rarer than short words and short prefixes.
func termCost(text string) int {
	words := strings.Fields(text)
	if len(words) > 1 {
		return 1
	}
	w, prefix := strings.CutSuffix(text, "*")
	switch {
	case prefix && len(w) >= 7, !prefix && len(w) >= 8:
		return 1
	case len(w) >= 5:
		return 2
	}
	return 4
}

// minLit returns the smallest literal term of cp that sentence si holds:
// the term whose postings reached cp first when every term posted every
// pattern that uses it, which fixes the order patterns are tried in.
func (st *docState) minLit(cp *cpattern, si int32) int32 {
	for _, t := range cp.lits {
		if st.termSeen[t] == si+1 {
			return t
		}
	}
	return -1
}

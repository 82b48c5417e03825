package rules

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/clausecheck/clausecheck/extract"
)

// wordInfo is what one distinct document word means to the index.
type wordInfo struct {
	atoms   []int32 // exact atoms: the word itself and every matching prefix
	fz      []fzAtom
	singles []int32 // the one-word terms the word is, through atoms
	phrases bool    // some atom also starts phrases
	mask    uint64  // bit a%64 set for each atom a, exact or fuzzy, as in index.secondMask
}

type fzAtom struct {
	atom int32
	dist uint8
	dict bool // the document word is itself an English word
}

// hit is one occurrence of a logical term in a sentence.
type hit struct {
	term       int32
	sent       int32 // index into the document's sentences
	tok, n     int32 // first token in the sentence, number of tokens
	abs        int32 // absolute token index in the document
	start, end int32 // byte offsets
	dist       uint8 // edits used; 0 for an exact match
	fzTok      int32 // token read fuzzily, -1 when none
	fzAtom     int32
}

// docWord is one distinct word met by a docState, kept across the
// documents the state evaluates.
type docWord struct {
	word   string
	ent    *wordEntry
	fz     *wordInfo // the fuzzy reading, once fetched
	fzDone bool
	epoch  uint32 // the document that last met the word
	on     bool   // the word means something in that document
	kw     uint8  // keyword flags, as in ent
}

// docState is the per-document work of one Evaluate call. States are
// reused, so their buffers and word table outlive one document.
type docState struct {
	e         *Engine
	doc       *extract.Document
	sents     []extract.Sentence
	dict      []docWord   // every word met, in the order met
	wis       []*wordInfo // dict index → what the word means, when it means something
	fzSure    bool        // the document is too short to use up its fuzzy budget
	table     []wordSlot  // dict's words by hash
	epoch     uint32
	toks      []stok  // every sentence's tokens, in document order
	atoks     []token // the analysed sentences' tokens, with their words
	fzBudget  int
	hits      []hit
	ranges    [][2]int32 // sentence → its hits [lo, hi), in token order
	blooms    []termSet  // sentence → the terms of its hits, with false positives
	analyses  []*analysis
	regexHits [][]regexResult // regular-expression term's number → sentence → its hits, once run
	absBase   []int32         // absolute index of each sentence's first token in toks
	termSeen  []int32         // term → 1 + the last sentence found to hold it
	stamp     []int32         // pattern → 1 + the last sentence it was tried on
	sentList  []int32
	arena     []hit // termHits' results for one evalPattern call
	groups    [][]hit
	chosen    []hit
	cands     []cand
	secTerms  []int32             // the terms of a sentence's hits that post section patterns
	matches   [][3][]*pmatch      // rule → its present, weak and contradicted matches
	one       [1]int32            // a one-sentence view
	two       [2]int32            // a list item's view: its lead-in, then the item
	leads     []int32             // sentence → 1 + its lead-in's index; 0 unknown; -1 none
	pair      [2]extract.Sentence // itemOf's view of a lead-in and an item
	quants    map[int32][]Quantity
	roles     *roleIndex
	clauses   []int32 // the analyses' clause indexes
}

// cand is a pattern that may match the sentence being read, and the
// smallest of its terms the sentence holds.
type cand struct{ term, pat int32 }

// maxStateWords bounds the word table a reused docState keeps.
const maxStateWords = 100000

// state returns a docState ready for doc, reusing a free one.
func (e *Engine) state(doc *extract.Document) *docState {
	e.freeMu.Lock()
	var st *docState
	if n := len(e.free); n > 0 {
		st = e.free[n-1]
		e.free = e.free[:n-1]
	}
	e.freeMu.Unlock()
	if st == nil || len(st.dict) > maxStateWords {
		st = &docState{e: e, table: make([]wordSlot, minWordTable), quants: map[int32][]Quantity{}}
	}
	st.doc, st.sents = doc, sentences(doc)
	if st.epoch++; st.epoch == 0 {
		clear(st.table) // the epochs wrapped around
		st.dict, st.wis = st.dict[:0], st.wis[:0]
		st.epoch = 1
	}
	st.fzBudget = maxFuzzyLookups
	// A word read fuzzily has at least minFuzzyLen letters, each from a
	// byte of its own, but for the "percent" of "%".
	n := 0
	for _, s := range st.sents {
		n += max(s.End-s.Start, 0)
	}
	st.fzSure = n/minFuzzyLen+1 <= maxFuzzyLookups
	st.toks = st.toks[:0]
	if c := len(doc.Text)/6 + 16; cap(st.toks) < c { // about six bytes a word
		st.toks = make([]stok, 0, c)
	}
	st.atoks = st.atoks[:0]
	st.hits = st.hits[:0]
	st.ranges = resize(st.ranges, len(st.sents))
	st.blooms = resize(st.blooms, len(st.sents))
	st.analyses = resize(st.analyses, len(st.sents))
	st.absBase = resize(st.absBase, len(st.sents))
	for i := range st.regexHits {
		st.regexHits[i] = st.regexHits[i][:0]
	}
	clear(st.quants)
	st.termSeen = resize(st.termSeen, int(e.ix.nterms))
	st.roles = nil
	st.clauses = st.clauses[:0]
	st.leads = resize(st.leads, len(st.sents))
	return st
}

// leadOf returns the lead-in sentence of list item si ("Business Associate
// shall report ... within five (5) business days:" for "(b) any Security
// Incident; and"), or -1 when si is not a list item under one.
func (st *docState) leadOf(si int32) int32 {
	if l := st.leads[si]; l != 0 {
		return max(l-1, -1)
	}
	st.leads[si] = -1
	s := st.sents[si]
	if si == 0 || len(st.doc.Sentences) != len(st.sents) || !mayBeItem(st.doc.Text[s.Start:s.End]) {
		return -1
	}
	// The nearest earlier sentence ending with ":", past sentences that
	// may be items, found cheaply before extract's full test confirms it.
	for j := si - 1; j >= 0 && si-j <= 30; j-- {
		p := st.sents[j]
		t := st.doc.Text[p.Start:p.End]
		if len(t) > 0 && t[len(t)-1] == ':' {
			// si belongs to lead-in j when it is an item and so is every
			// sentence between, which leadOf(si-1) tells of si-1 and those
			// before it; then si alone is left to test, as the item after
			// j. Each item of a list is tested once, not once per item
			// after it.
			if j < si-1 && st.leadOf(si-1) != j || !st.itemOf(j, si) {
				return -1
			}
			st.leads[si] = j + 1
			return j
		}
		if !mayBeItem(t) {
			return -1
		}
	}
	return -1
}

// itemOf reports whether sentence si is a list item, j being a sentence
// ending with ":", by asking extract for the lead-in of si in a view of
// the document holding the two sentences alone.
func (st *docState) itemOf(j, si int32) bool {
	st.pair = [2]extract.Sentence{st.doc.Sentences[j], st.doc.Sentences[si]}
	view := extract.Document{Text: st.doc.Text, Sentences: st.pair[:]}
	return view.LeadIn(1) != ""
}

// mayBeItem is a quick test that a sentence may start with an enumerator
// or a bullet, before extract's full one.
func mayBeItem(t string) bool {
	if len(t) < 2 {
		return false
	}
	switch c := t[0]; {
	case c == '(' || c == '-' || c == '*' || '0' <= c && c <= '9':
		return true
	case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		return t[1] == '.' || t[1] == ')' || len(t) > 3 && (t[2] == '.' || t[2] == ')' || t[3] == '.' || t[3] == ')')
	}
	return false
}

// release returns st to the engine's free list.
func (e *Engine) release(st *docState) {
	st.doc, st.sents = nil, nil
	clear(st.analyses)
	clear(st.matches)
	clear(st.atoks)
	if cap(st.toks) > maxKeptTokens || cap(st.hits) > maxKeptTokens || cap(st.atoks) > maxKeptTokens {
		return // a very large document: let its buffers go
	}
	e.freeMu.Lock()
	if len(e.free) < maxFreeStates {
		e.free = append(e.free, st)
	}
	e.freeMu.Unlock()
}

// maxFreeStates is how many idle docStates an engine keeps.
const maxFreeStates = 64

// maxKeptTokens bounds the token and hit buffers of an idle docState
// (a few megabytes of text), so that one huge document does not pin its
// buffers for the engine's life.
const maxKeptTokens = 1 << 20

// resize returns s with length n and zero elements, reusing its array.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// maxFuzzyLookups bounds the distinct unknown words looked up per document,
// so a page of OCR noise cannot make a document arbitrarily slow.
const maxFuzzyLookups = 20000

// lookup returns what the document word w means to the index, reading it
// fuzzily while the document's budget lasts. It is called once per
// distinct word per document, in document order.
func (st *docState) lookup(dw *docWord) *wordInfo {
	if dw.ent.info != nil {
		return dw.ent.info
	}
	if dw.ent.fuzzy && st.fzBudget > 0 {
		st.fzBudget--
		if !dw.fzDone {
			dw.fz, dw.fzDone = st.e.fuzzyInfo(dw.word), true
		}
		return dw.fz
	}
	return nil
}

// scan tokenises every sentence once, keeping the tokens for the sentence
// analysis, and records every term hit.
func (st *docState) scan(ctx context.Context) error {
	var sc scanner
	ix := st.e.ix
	for si, s := range st.sents {
		abs := int32(len(st.toks))
		st.absBase[si] = abs
		if si%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if s.Start < 0 || s.End > len(st.doc.Text) || s.Start > s.End {
			continue
		}
		base := int32(s.Start)
		text := st.doc.Text[s.Start:s.End]
		for i := 0; ; {
			w, start, end, sep, poss, next := sc.next(text, i)
			if w == nil {
				break
			}
			i = next
			k := wordKey(w)
			slot := st.slotFor(w, k)
			if slot.flags&slotStatic != 0 || slot.flags&slotFuzzy != 0 && st.fzSure {
				st.toks = append(st.toks, stok{id: slot.id, start: base + int32(start), end: base + int32(end), sep: sep, poss: poss, kw: slot.kw, info: slot.flags&slotInfo != 0})
				continue
			}
			id := st.wordID(w, k, slot)
			st.toks = append(st.toks, stok{id: id, start: base + int32(start), end: base + int32(end), sep: sep, poss: poss, kw: st.dict[id].kw, info: st.dict[id].on})
		}
		toks := st.toks[abs:]
		lo := int32(len(st.hits))
		for i, t := range toks {
			if !t.info {
				continue
			}
			wi := st.wis[t.id]
			// Phrases can only go on when the next word means something
			// to the index; the one-word terms come first in ix.first.
			var next *wordInfo
			if i+1 < len(toks) && toks[i+1].info {
				next = st.wis[toks[i+1].id]
			}
			for _, term := range wi.singles {
				st.hits = append(st.hits, hit{
					term: term, sent: int32(si), tok: int32(i), n: 1, abs: abs + int32(i),
					start: int32(t.start), end: int32(t.end), fzTok: -1, fzAtom: -1,
				})
			}
			if wi.phrases && next != nil {
				for _, a := range wi.atoms {
					if ix.secondMask[a]&next.mask != 0 { // else no phrase goes on from a to the next word
						st.phrases(toks, i, a, ix.first[a][ix.single[a]:], next, int32(si), abs, 0, -1, -1)
					}
				}
			}
			for _, f := range wi.fz {
				cs := ix.first[f.atom]
				if !f.dict { // a real word is never misread alone
					for _, c := range cs[:ix.single[f.atom]] {
						st.match(toks, i, &ix.cterms[c], int32(si), abs, f.dist, int32(i), f.atom)
					}
				}
				st.phrases(toks, i, f.atom, cs[ix.single[f.atom]:], next, int32(si), abs, f.dist, int32(i), f.atom)
			}
		}
		st.ranges[si] = [2]int32{lo, int32(len(st.hits))}
		for _, h := range st.hits[lo:] {
			st.blooms[si].add(h.term)
		}
	}
	return nil
}

// wordID returns w's index in the word table, adding it when new, and
// fills slot, w's slot in st.table (empty when w is new), k being w's
// key. It reads the word's meaning in this document when the document
// first meets it.
//
// A word's meaning is the same in every document but for words read
// fuzzily, which are read only while the document's budget lasts; a slot
// answers those alone only in documents too short to use the budget up.
func (st *docState) wordID(w []byte, k uint64, slot *wordSlot) uint32 {
	var id uint32
	if slot.n != 0 {
		id = slot.id
	} else {
		word := string(w)
		ent := st.e.wordEntry(word)
		id = uint32(len(st.dict))
		st.dict = append(st.dict, docWord{word: word, ent: ent, kw: ent.kw})
		st.wis = append(st.wis, nil)
		slot.key, slot.n, slot.id = k, uint16(min(len(w), maxSlotLen)), id
	}
	dw := &st.dict[id]
	if dw.epoch != st.epoch {
		wi := st.lookup(dw)
		dw.epoch, dw.on = st.epoch, wi != nil
		if wi != nil {
			st.wis[id] = wi
		}
	}
	slot.kw = dw.kw
	switch {
	case dw.ent.info != nil:
		slot.flags = slotStatic | slotInfo
	case !dw.ent.fuzzy:
		slot.flags = slotStatic
	case dw.fzDone && dw.fz != nil:
		slot.flags = slotFuzzy | slotInfo
	case dw.fzDone:
		slot.flags = slotFuzzy
	default:
		slot.flags = 0
	}
	if 2*len(st.dict) > len(st.table) {
		st.growTable()
	}
	return id
}

// sentToks returns the tokens of sentence si.
func (st *docState) sentToks(si int32) []stok {
	lo := st.absBase[si]
	hi := int32(len(st.toks))
	if int(si)+1 < len(st.absBase) {
		hi = st.absBase[si+1]
	}
	return st.toks[lo:hi]
}

// phrases matches, at toks[i], the phrases cs (sorted by second atom)
// that start with atom a and whose second atom the next word, next, may
// be.
func (st *docState) phrases(toks []stok, i int, a int32, cs []int32, next *wordInfo, si, abs int32, dist uint8, fzTok, fzAtomID int32) {
	if len(cs) == 0 || next == nil {
		return
	}
	ix := st.e.ix
	mask := ix.secondMask[a]
	try := func(b int32) {
		if mask&(1<<(uint32(b)%64)) == 0 {
			return // no phrase goes on from a to b
		}
		lo, hi := 0, len(cs)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if ix.second[cs[m]] < b {
				lo = m + 1
			} else {
				hi = m
			}
		}
		for ; lo < len(cs) && ix.second[cs[lo]] == b; lo++ {
			st.match(toks, i, &ix.cterms[cs[lo]], si, abs, dist, fzTok, fzAtomID)
		}
	}
	for _, b := range next.atoms {
		try(b)
	}
	for _, f := range next.fz {
		try(f.atom)
	}
}

// match checks the rest of term ct after its first word at toks[i].
func (st *docState) match(toks []stok, i int, ct *cterm, si, abs int32, dist uint8, fzTok, fzAtomID int32) {
	if i+len(ct.atoms) > len(toks) {
		return
	}
	for k := 1; k < len(ct.atoms); k++ {
		if !toks[i+k].info {
			return
		}
		wi := st.wis[toks[i+k].id]
		found := false
		for _, a := range wi.atoms {
			if a == ct.atoms[k] {
				found = true
				break
			}
		}
		if !found {
			for _, f := range wi.fz {
				if f.atom == ct.atoms[k] && fzTok < 0 {
					found = true
					dist += f.dist
					fzTok, fzAtomID = int32(i+k), f.atom
					break
				}
			}
		}
		if !found {
			return
		}
	}
	n := len(ct.atoms)
	st.hits = append(st.hits, hit{
		term: ct.id, sent: si, tok: int32(i), n: int32(n), abs: abs + int32(i),
		start: int32(toks[i].start), end: int32(toks[i+n-1].end), dist: dist, fzTok: fzTok, fzAtom: fzAtomID,
	})
}

// Evaluate returns one Finding per enabled rule, in Rules order, with
// evidence byte offsets into doc.Text. It returns nil when ctx is cancelled
// before it finishes.
func (e *Engine) Evaluate(ctx context.Context, doc *extract.Document) []Finding {
	st := e.state(doc)
	defer e.release(st)
	if err := st.scan(ctx); err != nil {
		return nil
	}
	st.matches = resize(st.matches, len(e.crules))
	matches := st.matches
	record := func(cp *cpattern, m *pmatch) {
		k := statusRank(cp.kind)
		ms := &matches[cp.rule.idx][k]
		if len(*ms) < maxMatches {
			*ms = append(*ms, m)
		}
	}
	// full reports whether cp's rule already holds every match of cp's
	// kind it keeps: trying cp again cannot change the finding, since
	// evalPattern only reads the document and fills caches.
	full := func(cp *cpattern) bool {
		return len(matches[cp.ri][cp.ki]) >= maxMatches
	}
	// Sentences with hits, in document order.
	sentList := st.sentList[:0]
	for si, r := range st.ranges {
		if r[1] > r[0] {
			sentList = append(sentList, int32(si))
		}
	}
	st.sentList = sentList
	st.stamp = resize(st.stamp, len(e.patterns))
	stamp := st.stamp
	type secKey struct {
		pat int32
		sec int
	}
	sectionCands := map[secKey][]int32{}
	var secOrder []secKey
	for n, si := range sentList {
		if n%256 == 0 && ctx.Err() != nil {
			return nil
		}
		r := st.ranges[si]
		hs := st.hits[r[0]:r[1]]
		for _, h := range hs {
			st.termSeen[h.term] = si + 1
		}
		// A list item is read with its lead-in: the lead-in's terms count
		// and its patterns are candidates too.
		li := st.leadOf(si)
		var lhs []hit
		if li >= 0 {
			lr := st.ranges[li]
			lhs = st.hits[lr[0]:lr[1]]
			for _, h := range lhs {
				st.termSeen[h.term] = si + 1
			}
		}
		cands := st.cands[:0]
		// trigger adds the sentence patterns term triggers, once each.
		trigger := func(term int32) {
			for _, pi := range e.trig[term] {
				if stamp[pi] == si+1 {
					continue
				}
				stamp[pi] = si + 1
				cp := e.patterns[pi]
				if full(cp) || !st.mayMatch(cp, si) {
					continue
				}
				cands = append(cands, cand{st.minLit(cp, si), pi})
			}
		}
		for _, h := range lhs {
			trigger(h.term)
		}
		// Section patterns are taken up in the order of their terms, which
		// fixes the order sections are tried in.
		secTerms := st.secTerms[:0]
		for _, h := range hs {
			if len(e.secPost[h.term]) > 0 {
				secTerms = append(secTerms, h.term)
			}
			trigger(h.term)
		}
		slices.Sort(secTerms)
		st.secTerms = secTerms
		for _, t := range secTerms {
			for _, pi := range e.secPost[t] {
				if stamp[pi] == si+1 {
					continue
				}
				stamp[pi] = si + 1
				k := secKey{pi, st.sents[si].Section}
				if _, ok := sectionCands[k]; !ok {
					secOrder = append(secOrder, k)
				}
				sectionCands[k] = append(sectionCands[k], si)
			}
		}
		// Try the candidates in the order of their smallest term, then
		// pattern, as if every term had posted every pattern using it.
		slices.SortFunc(cands, func(a, b cand) int {
			if a.term != b.term {
				return cmp.Compare(a.term, b.term)
			}
			return cmp.Compare(a.pat, b.pat)
		})
		st.cands = cands
		view, item := st.one[:], int32(-1)
		st.one[0] = si
		if li >= 0 {
			st.two = [2]int32{li, si}
			view, item = st.two[:], si
		}
		for _, c := range cands {
			cp := e.patterns[c.pat]
			if full(cp) {
				continue
			}
			if m := st.evalPattern(cp, view, item); m != nil {
				record(cp, m)
			}
		}
	}
	for _, k := range secOrder {
		cp := e.patterns[k.pat]
		view := sectionCands[k]
		if k.sec < 0 {
			// Sentences before any heading form no section: each stands alone.
			for _, si := range view {
				if full(cp) {
					break
				}
				if m := st.evalPattern(cp, []int32{si}, -1); m != nil {
					record(cp, m)
				}
			}
			continue
		}
		if m := st.evalPattern(cp, view, -1); m != nil {
			record(cp, m)
		}
	}
	for _, pi := range e.always {
		cp := e.patterns[pi]
		for si := range st.sents {
			if si%256 == 0 && ctx.Err() != nil {
				return nil
			}
			if full(cp) {
				break
			}
			if m := st.evalPattern(cp, []int32{int32(si)}, -1); m != nil {
				record(cp, m)
			}
		}
	}
	out := make([]Finding, len(e.crules))
	for i, cr := range e.crules {
		out[i] = st.finding(cr, matches[i])
	}
	return out
}

// maxMatches is the most matches of one kind a rule keeps for its
// finding; later ones are not looked for.
const maxMatches = 16

// pmatch is one pattern match: the sentences that supplied its terms.
type pmatch struct {
	sents  []int32
	anchor int32 // sentence of the first term
	pos    int32 // its byte offset, for ordering
	fuzzy  bool
	note   string
	item   bool // sents are a list item and its lead-in
}

// sentWords returns the tokens of sentence si with their words, for its
// analysis. They live in st.atoks until the state is released.
func (st *docState) sentWords(si int32) []token {
	n := len(st.atoks)
	for _, t := range st.sentToks(si) {
		st.atoks = append(st.atoks, token{word: st.dict[t.id].word, start: int(t.start), end: int(t.end), sep: t.sep, poss: t.poss, kw: t.kw})
	}
	return st.atoks[n:len(st.atoks):len(st.atoks)]
}

func (st *docState) analysis(si int32) *analysis {
	if a := st.analyses[si]; a != nil {
		return a
	}
	if st.roles == nil {
		st.roles = definitions(st.doc.Text)
	}
	s := st.sents[si]
	a := analyse(st.sentWords(si), s.Start, st.roles, &st.clauses)
	st.analyses[si] = a
	return a
}

// termHits returns the usable hits of the given terms in the view's
// sentences, in st.arena, which evalPattern empties when it starts: by
// sentence, then term, each term's hits in token order. A sentence's hits
// are read in a pass per term it holds; they are few, and the scan adds
// them in token order, so they need no sorting.
func (st *docState) termHits(terms []int32, view []int32, tol int) []hit {
	start := len(st.arena)
	out := st.arena
	for _, si := range view {
		r := st.ranges[si]
		hs := st.hits[r[0]:r[1]]
		bl := &st.blooms[si]
		for _, t := range terms {
			if st.e.ix.regexTerm[t] {
				out = append(out, st.regex(t, si)...)
				continue
			}
			if !bl.has(t) {
				continue
			}
			for k := range hs {
				if hs[k].term == t && int(hs[k].dist) <= tol {
					out = append(out, hs[k])
				}
			}
		}
	}
	st.arena = out
	return out[start:len(out):len(out)]
}

// termSet is a set of terms that may hold terms it was not given: 256
// bits, one for each term's number modulo 256. A sentence holds about ten
// terms, so most terms it does not hold are told apart without searching
// its hits.
type termSet [4]uint64

func (s *termSet) add(t int32)      { s[t>>6&3] |= 1 << (t & 63) }
func (s *termSet) has(t int32) bool { return s[t>>6&3]&(1<<(t&63)) != 0 }

// anyHit reports whether termHits(terms, view, tol) would return any hit.
func (st *docState) anyHit(terms []int32, view []int32, tol int) bool {
	for _, si := range view {
		r := st.ranges[si]
		hs := st.hits[r[0]:r[1]]
		bl := &st.blooms[si]
		for _, t := range terms {
			if st.e.ix.regexTerm[t] {
				if len(st.regex(t, si)) > 0 {
					return true
				}
				continue
			}
			if !bl.has(t) {
				continue
			}
			for k := range hs {
				if hs[k].term == t && int(hs[k].dist) <= tol {
					return true
				}
			}
		}
	}
	return false
}

// mayMatch is a quick check, without allocating, that every literal group
// of cp has a hit in sentence si, whose terms are stamped si+1 in
// st.termSeen. Groups with a regular expression always pass.
func (st *docState) mayMatch(cp *cpattern, si int32) bool {
	seen := st.termSeen
	for _, g := range cp.check {
		ok := false
		for _, t := range g {
			if seen[t] == si+1 {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// regexResult is a regular-expression term's hits in one sentence.
type regexResult struct {
	hits []hit
	done bool
}

// regex runs a regular-expression term on one sentence, once.
func (st *docState) regex(t, si int32) []hit {
	num := st.e.ix.regexNum[t]
	if int(num) >= len(st.regexHits) {
		st.regexHits = append(st.regexHits, make([][]regexResult, int(num)+1-len(st.regexHits))...)
	}
	if len(st.regexHits[num]) == 0 {
		st.regexHits[num] = resize(st.regexHits[num], len(st.sents))
	}
	res := &st.regexHits[num][si]
	if res.done {
		return res.hits
	}
	res.done = true
	re := st.e.ix.regexps[t]
	s := st.sents[si]
	text := st.doc.Text[s.Start:s.End]
	if lits := st.e.ix.reLits[t]; lits != nil && !containsAnyFold(text, lits) {
		return nil
	}
	var hs []hit
	toks := st.sentToks(si)
	abs := st.absBase[si]
	for _, loc := range re.FindAllStringIndex(text, 16) {
		b := int32(s.Start + loc[0])
		tok := sort.Search(len(toks), func(i int) bool { return toks[i].end > b })
		hs = append(hs, hit{term: t, sent: si, tok: int32(tok), n: 1, abs: abs + int32(tok), start: b, end: int32(s.Start + loc[1]), fzTok: -1})
	}
	res.hits = hs
	return hs
}

// better orders hits: exact before fuzzy, then earlier before later.
func better(a, b hit) bool {
	if (a.dist == 0) != (b.dist == 0) {
		return a.dist == 0
	}
	return a.start < b.start
}

// evalPattern tries pattern cp on the sentences of view (one sentence, the
// candidate sentences of one section, or a list item's lead-in and the
// item). item is the list item of such a view, else -1: a match there
// needs at least one term in the item, and an item clause with no modal
// of its own (a relative clause's aside) takes the lead-in's.
func (st *docState) evalPattern(cp *cpattern, view []int32, item int32) *pmatch {
	tol := cp.rule.tol
	st.arena = st.arena[:0]
	groups := st.groups[:0]
	for _, g := range cp.all {
		hs := st.termHits(g, view, tol)
		if len(hs) == 0 {
			return nil
		}
		groups = append(groups, hs)
	}
	if len(cp.any) > 0 {
		hs := st.termHits(cp.any, view, tol)
		if len(hs) == 0 {
			return nil
		}
		groups = append(groups, hs)
	}
	st.groups = groups
	if len(groups) == 0 {
		return nil
	}
	anchors := groups[0] // sorted in place: only the anchors read it
	slices.SortFunc(anchors, func(a, b hit) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
	// In an item's view, the item's words count as if they followed its
	// lead-in directly, so that within spans the items between them.
	var shift int32
	if item >= 0 {
		shift = st.absBase[item] - st.absBase[view[0]] - int32(len(st.sentToks(view[0])))
	}
	pos := func(h *hit) int32 {
		if h.sent == item {
			return h.abs - shift
		}
		return h.abs
	}
	for ai := range anchors {
		an := anchors[ai]
		chosen := append(st.chosen[:0], an)
		ok := true
		apos := pos(&an)
		var ca *analysis // the anchor's sentence, for a clause-scoped pattern
		if cp.clause {
			ca = st.analysis(an.sent)
		}
		for _, g := range groups[1:] {
			var best *hit
			for k := range g {
				h := &g[k]
				d := absDiff(pos(h), apos)
				if cp.within > 0 && d > int32(cp.within) {
					continue
				}
				if ca != nil && !sameClause(ca, an, *h) {
					continue
				}
				if best == nil || (h.dist == 0) != (best.dist == 0) && h.dist == 0 ||
					(h.dist == 0) == (best.dist == 0) && d < absDiff(pos(best), apos) {
					best = h
				}
			}
			if best == nil {
				ok = false
				break
			}
			chosen = append(chosen, *best)
		}
		st.chosen = chosen
		if !ok {
			continue
		}
		if cp.within > 0 && len(view) > 1 {
			// abs indexes are document-wide, so within also works across
			// the sentences of a section.
		}
		if item >= 0 && !slices.ContainsFunc(chosen, func(h hit) bool { return h.sent == item }) {
			continue // the lead-in alone: it matched as a sentence of its own
		}
		pol, sd := st.governing(an, item, view)
		if cp.polarity&polarityBits[pol] == 0 {
			continue
		}
		if cp.party == Vendor && sd == sideCustomer || cp.party == Customer && sd == sideVendor {
			continue
		}
		m := &pmatch{anchor: an.sent, pos: an.start}
		for _, h := range chosen {
			if !containsInt32(m.sents, h.sent) {
				m.sents = append(m.sents, h.sent)
			}
			if h.dist > 0 && !m.fuzzy {
				m.fuzzy = true
				word := st.doc.Text[h.start:h.end]
				if h.fzTok >= 0 {
					word = st.fuzzyWord(h)
				}
				m.note = fmt.Sprintf("%q read as %q", word, st.e.ix.atomWord[h.fzAtom])
			}
		}
		if item >= 0 {
			// The item first, then its lead-in, which also states the
			// quantity the items share.
			m.sents = append(m.sents[:0], item, view[0])
			m.item = true
		} else {
			slices.Sort(m.sents)
			if len(m.sents) > 1 {
				// A section's heading line ("7.1 Governing Law.") is quoted
				// after the body sentences that matched.
				slices.SortStableFunc(m.sents, func(x, y int32) int {
					return cmp.Compare(b2i(st.heading(x)), b2i(st.heading(y)))
				})
			}
		}
		if len(cp.none) > 0 && st.noneHit(cp, an, m.sents, tol) {
			continue
		}
		return m
	}
	return nil
}

// sameClause reports whether hit h lies in the clause of anchor an, whose
// sentence analysis is a.
func sameClause(a *analysis, an, h hit) bool {
	return h.sent == an.sent && h.tok >= 0 && int(h.tok) < len(a.clause) && a.clause[h.tok] == a.clause[an.tok]
}

// noneInClause reports whether any of the terms has a hit in the clause of
// anchor an.
func (st *docState) noneInClause(terms []int32, a *analysis, an hit, tol int) bool {
	view := [1]int32{an.sent}
	start := len(st.arena)
	hs := st.termHits(terms, view[:], tol)
	st.arena = st.arena[:start]
	for _, h := range hs {
		if sameClause(a, an, h) {
			return true
		}
	}
	return false
}

// noneHit reports whether any of cp's none terms occurs where cp looks for
// them: in the clause of anchor an, in sents (the sentences that supplied
// the match), or in the sentences of an's section.
func (st *docState) noneHit(cp *cpattern, an hit, sents []int32, tol int) bool {
	switch cp.noneAt {
	case ScopeClause:
		return st.noneInClause(cp.none, st.analysis(an.sent), an, tol)
	case ScopeSection:
		sec := st.sents[an.sent].Section
		if sec < 0 {
			return st.anyHit(cp.none, sents, tol)
		}
		// A section's sentences are contiguous in document order.
		lo, hi := an.sent, an.sent+1
		for lo > 0 && st.sents[lo-1].Section == sec {
			lo--
		}
		for int(hi) < len(st.sents) && st.sents[hi].Section == sec {
			hi++
		}
		for si := lo; si < hi; si++ {
			one := [1]int32{si}
			if st.anyHit(cp.none, one[:], tol) {
				return true
			}
		}
		// And the match's own sentences: a list item's lead-in may
		// belong to an earlier section.
		return st.anyHit(cp.none, sents, tol)
	}
	return st.anyHit(cp.none, sents, tol)
}

// heading reports whether sentence si is its section's heading line: it
// starts the section and holds little beyond the number and title.
func (st *docState) heading(si int32) bool {
	s := st.sents[si]
	if s.Section < 0 || s.Section >= len(st.doc.Sections) {
		return false
	}
	sec := st.doc.Sections[s.Section]
	return s.Start <= sec.Start+4 && s.End-s.Start <= len(sec.Number)+len(sec.Title)+6
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// governing returns the polarity and bound side of anchor hit an. In a
// list item's view, an item clause with no main modal of its own takes
// the lead-in's last one ("Business Associate shall not:" for "(a) use
// PHI outside the United States;").
func (st *docState) governing(an hit, item int32, view []int32) (Polarity, side) {
	a := st.analysis(an.sent)
	if item < 0 || an.sent != item {
		return a.governing(int(an.tok))
	}
	if m := a.mainModal(int(an.tok)); m != nil {
		return m.polarity, m.side
	}
	la := st.analysis(view[0])
	if len(la.toks) > 0 {
		if m := la.mainModal(len(la.toks) - 1); m != nil {
			return m.polarity, m.side
		}
	}
	return a.governing(int(an.tok))
}

// fuzzyWord returns the document word that was read fuzzily in hit h.
func (st *docState) fuzzyWord(h hit) string {
	a := st.analysis(h.sent)
	if int(h.fzTok) < len(a.toks) {
		t := a.toks[h.fzTok]
		return st.doc.Text[t.start:t.end]
	}
	return st.doc.Text[h.start:h.end]
}

func absDiff(a, b int32) int32 {
	if a > b {
		return a - b
	}
	return b - a
}

func containsInt32(s []int32, v int32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// finding turns a rule's pattern matches into its verdict.
func (st *docState) finding(cr *crule, ms [3][]*pmatch) Finding {
	r := cr.r
	f := Finding{Rule: r.ID, Pack: r.Pack, Title: r.Title, Severity: cr.severity,
		Citation: r.Citation, Recommendation: r.Recommendation, Evidence: []Evidence{}}
	present, weak, contra := ms[0], ms[1], ms[2]
	switch {
	case len(contra) > 0:
		f.Status, f.Message = Contradicted, "the contract says the opposite"
		f.Evidence = st.evidence(contra, -1)
	case len(present) > 0 && r.Quantity != nil:
		// The sentences that state a number decide; vague wording only
		// when none does, and no wording only when neither does. Among
		// stated numbers the most protective wins (see rules.md).
		var best *quantityVerdict
		var same []*pmatch
		for _, m := range present {
			v := st.quantityStatus(cr, m)
			switch c := best.compare(v, r.Quantity.Kind); {
			case c > 0:
				best, same = &v, nil
			case c == 0 && v.status == best.status:
				same = append(same, m)
			}
		}
		f.Status, f.Message = best.status, best.why
		if best.q != nil && !best.q.Vague {
			f.Quantity = best.q.Text
		}
		f.Evidence = st.evidence(append([]*pmatch{best.m}, same...), best.si)
	case len(present) > 0:
		f.Status, f.Message = Present, "found"
		f.Evidence = st.evidence(present, -1)
	case len(weak) > 0:
		f.Status, f.Message = Weak, "only a weaker form of the protection was found"
		f.Evidence = st.evidence(weak, -1)
	default:
		f.Status, f.Message = Missing, "not found in the readable text"
	}
	return f
}

// statusRank orders the statuses a present match can end in, best first:
// present 0, weak 1, contradicted 2. It is also the index of a pattern's
// kind in a rule's matches.
func statusRank(s Status) int {
	switch s {
	case Present:
		return 0
	case Weak:
		return 1
	}
	return 2
}

// maxEvidence is the most quotes a finding carries.
const maxEvidence = 3

// evidence quotes the matches' sentences, exact matches before fuzzy ones,
// earlier before later, each sentence once. When first >= 0, that sentence
// (the one that decided the verdict) leads.
func (st *docState) evidence(ms []*pmatch, first int32) []Evidence {
	sorted := append([]*pmatch(nil), ms...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].fuzzy != sorted[j].fuzzy {
			return !sorted[i].fuzzy
		}
		return sorted[i].pos < sorted[j].pos
	})
	out := []Evidence{}
	seen := map[int32]bool{}
	if first >= 0 {
		// Put the deciding match first, its deciding sentence leading.
		for i, m := range sorted {
			if containsInt32(m.sents, first) {
				copy(sorted[1:i+1], sorted[:i])
				lead := *m
				lead.sents = append([]int32{first}, slices.DeleteFunc(slices.Clone(m.sents), func(x int32) bool { return x == first })...)
				sorted[0] = &lead
				break
			}
		}
	}
	for _, m := range sorted {
		for _, si := range m.sents {
			if seen[si] || len(out) == maxEvidence {
				continue
			}
			seen[si] = true
			s := st.sents[si]
			ev := Evidence{Page: s.Page, Quote: st.doc.Text[s.Start:s.End], Start: s.Start, End: s.End, Fuzzy: m.fuzzy, Note: m.note}
			if s.Section >= 0 && s.Section < len(st.doc.Sections) {
				ev.Section = st.doc.Sections[s.Section].Number
			}
			out = append(out, ev)
		}
	}
	return out
}

// quantityAt is a quantity and the sentence stating it.
type quantityAt struct {
	Quantity
	sent int32
}

// quantityVerdict is the judgement of one present match's quantity.
type quantityVerdict struct {
	m      *pmatch
	status Status
	why    string
	q      *quantityAt // the quantity judged; nil when none is stated
	si     int32       // the sentence stating it, else -1
}

// compare reports whether v should replace the best verdict so far, b (nil
// when there is none yet): 1 when v is better, 0 when as good, -1 when
// worse. A stated number outranks vague wording, which outranks none;
// among stated numbers the better status wins, then the more protective
// number (the shorter duration, the larger sum or percentage).
func (b *quantityVerdict) compare(v quantityVerdict, kind QuantityKind) int {
	if b == nil {
		return 1
	}
	rank := func(x *quantityVerdict) int {
		switch {
		case x.q == nil:
			return 0
		case x.q.Vague:
			return 1
		}
		return 2
	}
	if rv, rb := rank(&v), rank(b); rv != rb {
		return cmp.Compare(rv, rb)
	}
	if c := cmp.Compare(statusRank(b.status), statusRank(v.status)); c != 0 {
		return c
	}
	if v.q != nil && !v.q.Vague && v.q.Value != b.q.Value {
		if kind == Duration == (v.q.Value < b.q.Value) {
			return 1
		}
		return -1
	}
	return 0
}

// quantityStatus judges the quantity stated in a present match.
func (st *docState) quantityStatus(cr *crule, m *pmatch) quantityVerdict {
	v := quantityVerdict{m: m, si: -1}
	v.status, v.why, v.q = st.judgeQuantity(cr, m)
	if v.q != nil {
		v.si = v.q.sent
		if m.item {
			v.si = m.sents[0] // the item leads, whichever states the number
		}
	}
	return v
}

// judgeQuantity reads the first stated number of the rule's kind in the
// match's sentences, else the first vague wording, and judges it.
func (st *docState) judgeQuantity(cr *crule, m *pmatch) (Status, string, *quantityAt) {
	q := cr.r.Quantity
	var found, vague *quantityAt
	for _, si := range m.sents {
		qs, ok := st.quants[si]
		if !ok {
			s := st.sents[si]
			qs = ParseQuantities(st.doc.Text[s.Start:s.End])
			st.quants[si] = qs
		}
		for _, x := range qs {
			if x.Kind != q.Kind {
				continue
			}
			x := quantityAt{Quantity: x, sent: si}
			if x.Vague {
				if vague == nil {
					vague = &x
				}
				continue
			}
			if found == nil {
				found = &x
			}
		}
	}
	limit := describeLimit(q.Kind, cr.limit)
	switch {
	case found != nil:
		v := found.Value
		switch q.Kind {
		case Duration:
			if v <= cr.limit {
				return Present, "found", found
			}
			why := fmt.Sprintf("%q is more than the %s", found.Text, limit)
			if found.Unit != "days" && found.Unit != "calendar days" {
				why = fmt.Sprintf("%q (%s calendar days) is more than the %s", found.Text, formatNumber(round2(v)), limit)
			}
			if q.ContradictedAbove != nil && v > *q.ContradictedAbove {
				return Contradicted, why, found
			}
			return Weak, why, found
		default:
			if v >= cr.limit {
				return Present, "found", found
			}
			why := fmt.Sprintf("%q is below the %s", found.Text, limit)
			if q.ContradictedBelow != nil && v < *q.ContradictedBelow {
				return Contradicted, why, found
			}
			return Weak, why, found
		}
	case vague != nil:
		if q.Vague == Present {
			return Present, "found", vague
		}
		return Weak, fmt.Sprintf("%q sets no number of days (the %s)", vague.Text, limit), vague
	}
	if q.Absent == Present {
		return Present, "found", nil
	}
	what := map[QuantityKind]string{Duration: "no time limit", Money: "no amount", Percent: "no percentage"}[q.Kind]
	return Weak, fmt.Sprintf("%s stated (the %s)", what, limit), nil
}

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }

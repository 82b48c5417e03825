package rules

import (
	"cmp"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sajari/fuzzy"
)

// cterm is one compiled term: a sequence of word atoms, or a regular
// expression. Several cterms (a phrase and its hyphen-joined form) may share
// one logical term id.
type cterm struct {
	id    int32
	atoms []int32
	re    *regexp.Regexp
}

// cpattern is a compiled pattern.
type cpattern struct {
	rule     *crule
	kind     Status // Present, Weak or Contradicted
	src      *Pattern
	all      [][]int32 // logical term ids per group
	any      []int32
	none     []int32
	within   int
	polarity uint8 // bit set of accepted polarities
	party    Party
	regex    []int32   // the pattern's regular-expression terms
	literal  bool      // has at least one literal term
	lits     []int32   // its literal all and any terms, ascending
	check    [][]int32 // the all and any groups without a regular expression
	section  bool      // section-scoped: its own scope, else its rule's
	clause   bool      // clause-scoped: terms in the anchor's clause
	noneAt   Scope     // where none is looked for: clause, sentence (the match's sentences) or section
	ri       int32     // rule.idx, kept here for the hot loop
	ki       uint8     // statusRank(kind)
}

// crule is a compiled rule with its configuration applied.
type crule struct {
	r        *Rule
	idx      int // index in Engine.crules
	severity Severity
	tol      int
	limit    float64 // effective max (duration) or min (money, percent)
	patterns []*cpattern
}

var polarityBits = map[Polarity]uint8{Obligation: 1, Prohibition: 2, Permission: 4, NegatedObligation: 8, Statement: 16}

type termKey struct{ text string }

// index is the one term index of all rules: word atoms, phrases by first
// atom; Engine.trig and Engine.secPost lead from terms to patterns.
type index struct {
	exact      map[string]int32 // whole word → atom
	prefix     map[string]int32 // prefix (without "*") → atom
	prefixLen  []int            // distinct prefix lengths, ascending
	atomWord   []string         // atom → word as written ("notif*")
	first      [][]int32        // atom → the cterms starting with it: one-word ones, then phrases by second atom
	single     []int32          // atom → how many of first[atom] are one word long
	second     []int32          // cterm → its second atom, -1 for one word
	secondMask []uint64         // atom → bit b%64 set for each second atom b of its phrases
	cterms     []cterm
	nterms     int32
	termText   []string
	regexTerm  []bool
	regexNum   []int32 // term → its number among the regular-expression terms, -1 for others
	regexps    map[int32]*regexp.Regexp
	reLits     map[int32][]string // literals one of which every match of the regexp contains
	model      *fuzzy.Model       // nil when no rule allows edits
	stems      *fuzzy.Model       // prefixes, for fuzzy prefix matching
	maxTol     int
	vocab      map[string]int32 // fuzzy-eligible exact words → atom
	stemVocab  map[string]int32
}

func (ix *index) atom(w string) int32 {
	if p, ok := strings.CutSuffix(w, "*"); ok {
		if a, ok := ix.prefix[p]; ok {
			return a
		}
		a := int32(len(ix.atomWord))
		ix.prefix[p] = a
		ix.atomWord = append(ix.atomWord, w)
		return a
	}
	if a, ok := ix.exact[w]; ok {
		return a
	}
	a := int32(len(ix.atomWord))
	ix.exact[w] = a
	ix.atomWord = append(ix.atomWord, w)
	return a
}

// term compiles a literal or regular-expression term to its logical id.
func (ix *index) term(t string, seen map[termKey]int32) (int32, error) {
	if id, ok := seen[termKey{t}]; ok {
		return id, nil
	}
	id := ix.nterms
	ix.nterms++
	ix.termText = append(ix.termText, t)
	seen[termKey{t}] = id
	if expr, ok := strings.CutPrefix(t, "re:"); ok {
		re, err := regexp.Compile("(?i)" + expr)
		if err != nil {
			return 0, fmt.Errorf("bad regular expression %q: %v", expr, err)
		}
		ix.regexNum = append(ix.regexNum, int32(len(ix.regexps)))
		ix.regexTerm = append(ix.regexTerm, true)
		ix.cterms = append(ix.cterms, cterm{id: id, re: re})
		ix.regexps[id] = re
		ix.reLits[id] = requiredLiterals(re.String())
		return id, nil
	}
	ix.regexNum = append(ix.regexNum, -1)
	ix.regexTerm = append(ix.regexTerm, false)
	words, msg := termWords(t)
	if msg != "" {
		return 0, fmt.Errorf("term %q: %s", t, msg)
	}
	ix.addSeq(id, words)
	// "third party" also matches "third-party", which the tokeniser joins.
	if len(words) > 1 && len(words) <= 3 {
		joined := ""
		ok := true
		for _, w := range words[:len(words)-1] {
			ok = ok && !strings.HasSuffix(w, "*")
			joined += w
		}
		if ok {
			ix.addSeq(id, []string{joined + words[len(words)-1]})
		}
	}
	return id, nil
}

func (ix *index) addSeq(id int32, words []string) {
	ct := cterm{id: id}
	for _, w := range words {
		ct.atoms = append(ct.atoms, ix.atom(w))
	}
	n := int32(len(ix.cterms))
	ix.cterms = append(ix.cterms, ct)
	for int(ct.atoms[0]) >= len(ix.first) {
		ix.first = append(ix.first, nil)
	}
	ix.first[ct.atoms[0]] = append(ix.first[ct.atoms[0]], n)
}

// Compile checks packs and cfg together and builds one matcher for all
// enabled rules. Its error is Problems: rule IDs or pack names used twice,
// unknown rule IDs or packs in cfg.Disable and cfg.Severity, unknown
// settings, bad severities and tolerances.
func Compile(packs []*Pack, cfg Config) (*Engine, error) {
	problems := crossCheck(packs)
	const where = "configuration"
	cfgProblem := func(rule, format string, args ...any) {
		problems = append(problems, Problem{File: where, Rule: rule, Message: fmt.Sprintf(format, args...)})
	}
	ids := map[string]*Rule{}
	packNames := map[string]bool{}
	settings := map[string]bool{}
	for _, p := range packs {
		packNames[p.Name] = true
		for _, r := range p.Rules {
			ids[r.ID] = r
			if r.Quantity != nil && r.Quantity.Setting != "" {
				settings[r.Quantity.Setting] = true
			}
		}
	}
	disabled := map[string]bool{}
	for _, d := range cfg.Disable {
		if ids[d] == nil && !packNames[d] {
			cfgProblem(d, "disable: no such rule or pack")
		}
		disabled[d] = true
	}
	for _, id := range sortedKeys(cfg.Severity) {
		if ids[id] == nil {
			cfgProblem(id, "severity: no such rule")
		}
		if cfg.Severity[id].Rank() == 0 {
			cfgProblem(id, "severity: unknown severity %q (want critical, high, medium or low)", cfg.Severity[id])
		}
	}
	for _, s := range sortedKeys(cfg.Settings) {
		if !settings[s] {
			cfgProblem("", "settings: no rule reads setting %q", s)
		}
	}
	defTol := 1
	if cfg.Fuzzy != nil {
		defTol = *cfg.Fuzzy
		if defTol < 0 || defTol > 2 {
			cfgProblem("", "fuzzy must be 0, 1 or 2")
		}
	}
	if err := problems.err(); err != nil {
		return nil, err
	}

	e := &Engine{byID: map[string]*Rule{}, cfg: cfg, source: packs}
	ix := &index{exact: map[string]int32{}, prefix: map[string]int32{}, regexps: map[int32]*regexp.Regexp{}, reLits: map[int32][]string{}}
	seen := map[termKey]int32{}
	for _, p := range packs {
		e.packs = append(e.packs, p.Ref())
		if disabled[p.Name] {
			continue
		}
		for _, r := range p.Rules {
			if disabled[r.ID] {
				continue
			}
			cr := &crule{r: r, idx: len(e.crules), severity: r.Severity, tol: defTol}
			if s, ok := cfg.Severity[r.ID]; ok {
				cr.severity = s
			}
			if r.Fuzzy != nil {
				cr.tol = *r.Fuzzy
			}
			if q := r.Quantity; q != nil {
				if q.Max != nil {
					cr.limit = *q.Max
				}
				if q.Min != nil {
					cr.limit = *q.Min
				}
				if v, ok := cfg.Settings[q.Setting]; ok && q.Setting != "" {
					cr.limit = v
				}
			}
			for _, set := range []struct {
				kind Status
				pats []*Pattern
			}{{Present, r.Present}, {Weak, r.Weak}, {Contradicted, r.Contradicted}} {
				for _, pat := range set.pats {
					cp, err := e.compilePattern(ix, seen, p, cr, set.kind, pat)
					if err != nil {
						problems = append(problems, Problem{File: r.File, Line: pat.Line, Rule: r.ID, Message: err.Error()})
						continue
					}
					cr.patterns = append(cr.patterns, cp)
				}
			}
			if cr.tol > ix.maxTol {
				ix.maxTol = cr.tol
			}
			e.rules = append(e.rules, r)
			e.crules = append(e.crules, cr)
			e.byID[r.ID] = r
		}
	}
	if err := problems.err(); err != nil {
		return nil, err
	}
	for len(ix.first) < len(ix.atomWord) {
		ix.first = append(ix.first, nil) // atoms that only continue phrases
	}
	ix.second = make([]int32, len(ix.cterms))
	for c, ct := range ix.cterms {
		ix.second[c] = -1
		if len(ct.atoms) > 1 {
			ix.second[c] = ct.atoms[1]
		}
	}
	ix.single = make([]int32, len(ix.first))
	ix.secondMask = make([]uint64, len(ix.first))
	for a, cs := range ix.first {
		// One-word cterms first, then phrases by their second atom.
		slices.SortStableFunc(cs, func(x, y int32) int { return cmp.Compare(ix.second[x], ix.second[y]) })
		for _, c := range cs {
			if b := ix.second[c]; b < 0 {
				ix.single[a]++
			} else {
				ix.secondMask[a] |= 1 << (uint32(b) % 64)
			}
		}
	}
	ix.prefixLen = nil
	lens := map[int]bool{}
	for p := range ix.prefix {
		lens[len(p)] = true
	}
	for l := range lens {
		ix.prefixLen = append(ix.prefixLen, l)
	}
	sort.Ints(ix.prefixLen)
	ix.trainFuzzy()
	e.ix = ix
	e.buildTriggers()
	return e, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (e *Engine) compilePattern(ix *index, seen map[termKey]int32, p *Pack, cr *crule, kind Status, pat *Pattern) (*cpattern, error) {
	cp := &cpattern{rule: cr, kind: kind, src: pat, within: pat.Within, party: pat.Party, ri: int32(cr.idx), ki: uint8(statusRank(kind))}
	scope := pat.Scope
	if scope == "" {
		scope = cr.r.Scope
	}
	cp.section, cp.clause = scope == ScopeSection, scope == ScopeClause
	switch {
	case pat.NoneScope != "":
		cp.noneAt = pat.NoneScope
	case cp.clause:
		cp.noneAt = ScopeClause
	default:
		cp.noneAt = ScopeSentence
	}
	if cp.party == "" {
		cp.party = cr.r.Party
	}
	for _, pol := range pat.Polarity {
		cp.polarity |= polarityBits[pol]
	}
	if cp.polarity == 0 {
		cp.polarity = 0xff &^ polarityBits[NegatedObligation]
	}
	pidx := int32(len(e.patterns))
	expand := func(terms []string) ([]int32, error) {
		var out []int32
		for _, t := range terms {
			list := []string{t}
			if name, ok := strings.CutPrefix(t, "@"); ok {
				l, found := p.Terms[name]
				if !found {
					return nil, fmt.Errorf("unknown term list %q", t)
				}
				list = l
			}
			for _, lt := range list {
				id, err := ix.term(lt, seen)
				if err != nil {
					return nil, err
				}
				out = append(out, id)
			}
		}
		return out, nil
	}
	post := func(ids []int32) {
		for _, id := range ids {
			if ix.regexTerm[id] {
				cp.regex = append(cp.regex, id)
				continue
			}
			cp.literal = true
		}
	}
	for _, g := range pat.All {
		ids, err := expand(g)
		if err != nil {
			return nil, err
		}
		cp.all = append(cp.all, ids)
		post(ids)
	}
	var err error
	if cp.any, err = expand(pat.Any); err != nil {
		return nil, err
	}
	post(cp.any)
	if cp.none, err = expand(pat.None); err != nil {
		return nil, err
	}
	// none terms never make a pattern a candidate, but regex none terms
	// must still be run.
	for _, id := range cp.none {
		if ix.regexTerm[id] {
			cp.regex = append(cp.regex, id)
		}
	}
	e.patterns = append(e.patterns, cp)
	if !cp.literal {
		e.always = append(e.always, pidx)
	}
	return cp, nil
}

// requiredLiterals returns strings one of which every match of the
// regular expression contains, compared with ASCII letters in either case
// (see containsAnyFold), or nil when it finds none. Letters that match a
// non-ASCII rune when case is ignored (k, s) are never part of them.
func requiredLiterals(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	return mustContain(re.Simplify())
}

// maxLiterals bounds the literals requiredLiterals returns.
const maxLiterals = 8

func mustContain(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		// The longest run of runes that match only themselves, or
		// themselves in the other ASCII case.
		best, run := "", []byte(nil)
		for _, r := range append(re.Rune, -1) {
			if r >= 0 && (re.Flags&syntax.FoldCase == 0 || foldsASCII(r)) {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				run = utf8.AppendRune(run, r)
				continue
			}
			if len(run) > len(best) {
				best = string(run)
			}
			run = run[:0]
		}
		if best == "" {
			return nil
		}
		return []string{best}
	case syntax.OpCapture, syntax.OpPlus:
		return mustContain(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mustContain(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if l := mustContain(sub); l != nil && (best == nil || shortest(l) > shortest(best) ||
				shortest(l) == shortest(best) && len(l) < len(best)) {
				best = l
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			l := mustContain(sub)
			if l == nil {
				return nil
			}
			all = append(all, l...)
		}
		if len(all) > maxLiterals {
			return nil
		}
		return all
	}
	return nil
}

// shortest returns the length of the shortest of lits.
func shortest(lits []string) int {
	n := len(lits[0])
	for _, l := range lits[1:] {
		n = min(n, len(l))
	}
	return n
}

// foldsASCII reports whether r, with case ignored, matches only itself
// or ASCII letters.
func foldsASCII(r rune) bool {
	if r >= utf8.RuneSelf {
		return unicode.SimpleFold(r) == r
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsAnyFold reports whether text contains one of lits, an ASCII
// letter of text matching its lower case in lits.
func containsAnyFold(text string, lits []string) bool {
	for _, lit := range lits {
		if indexFold(text, lit) >= 0 {
			return true
		}
	}
	return false
}

// indexFold returns the first index of lit in text, ASCII letters of
// text compared in lower case, or -1. Lit holds no upper-case ASCII. It
// looks for lit's rarest byte in both cases, with strings.IndexByte, and
// compares the rest only there.
func indexFold(text, lit string) int {
	if lit == "" {
		return 0
	}
	k := rarestByte(lit)
	lo, up := lit[k], lit[k]
	if 'a' <= lo && lo <= 'z' {
		up = lo - 'a' + 'A'
	}
	nextUp := -1 // where up occurs next in text, at or after i; len(text) when nowhere
	for i := k; i+len(lit)-k <= len(text); i++ {
		j := strings.IndexByte(text[i:], lo)
		if j >= 0 {
			j += i
		} else {
			j = len(text)
		}
		if up != lo {
			if nextUp < i {
				nextUp = strings.IndexByte(text[i:], up)
				if nextUp >= 0 {
					nextUp += i
				} else {
					nextUp = len(text)
				}
			}
			j = min(j, nextUp)
		}
		if j+len(lit)-k > len(text) {
			return -1
		}
		if equalFold(text[j-k:j-k+len(lit)], lit) {
			return j - k
		}
		i = j
	}
	return -1
}

// equalFold reports whether s is lit, ASCII letters of s compared in
// lower case.
func equalFold(s, lit string) bool {
	for i := 0; i < len(lit); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lit[i] {
			return false
		}
	}
	return true
}

// byFrequency lists bytes of English text from the most frequent on;
// bytes not listed (punctuation, non-ASCII) count as rarer than all.
const byFrequency = " etaoinshrdlcumwfgypbvkjxqz0123456789"

// rarestByte returns the index of lit's byte that English text holds
// least often, the first of those that tie.
func rarestByte(lit string) int {
	best, rank := 0, -1
	for i := 0; i < len(lit); i++ {
		r := strings.IndexByte(byFrequency, lit[i])
		if r < 0 {
			return i
		}
		if r > rank {
			best, rank = i, r
		}
	}
	return best
}

package rules

import (
	"math/bits"
	"regexp"
	"slices"
	"strings"
)

// modal is one modal expression in a sentence: tokens [at, end).
type modal struct {
	at, end  int
	polarity Polarity
	clause   int
	inverted bool // "in no event shall Vendor": the subject follows
	relative bool // "records that may be required": the modal of a relative clause
	side     side
}

// side is the contract party a clause binds.
type side uint8

const (
	sideNone side = iota
	sideVendor
	sideCustomer
)

// analysis is the lazily built structure of one sentence: its tokens,
// clauses and modal expressions with their subjects.
type analysis struct {
	toks   []token
	clause []int32 // clause index per token
	modals []modal
	start  int // byte offset of the sentence
}

func in(w string, set ...string) bool {
	for _, s := range set {
		if w == s {
			return true
		}
	}
	return false
}

var baseModals = []string{"shall", "will", "must", "may", "can", "should", "would", "might"}

// barredFrom reports whether words w1 and w2 say that a party is kept from
// acting: "prohibited", "forbidden" or "barred", or "restricted" or
// "precluded" followed by "from" ("restricted to" limits, it does not bar).
func barredFrom(w1, w2 string) bool {
	return in(w1, "prohibited", "forbidden", "barred") || in(w1, "restricted", "precluded") && w2 == "from"
}

// Keyword flags: what a word may do in the sentence analysis, so the
// analysis skips, without comparing strings, the many words that do none.
const (
	kwStart   = 1 << iota // may start a modal expression (see classify)
	kwNeg                 // "no", "neither", "nothing", "none"
	kwProviso             // "provided", "except", "unless", "however", "notwithstanding"
)

var keywords = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, w := range append([]string{"cannot", "need", "is", "are", "be", "being", "has", "have",
		"no", "in", "under", "prohibited", "restricted", "precluded", "barred", "agrees", "agree", "covenants", "covenant", "undertakes",
		"undertake", "commits", "nor", "reserves", "retains", "reserve", "retain"}, baseModals...) {
		m[w] |= kwStart
	}
	for _, w := range []string{"no", "neither", "nothing", "none"} {
		m[w] |= kwNeg
	}
	for _, w := range []string{"provided", "except", "unless", "however", "notwithstanding"} {
		m[w] |= kwProviso
	}
	return m
}()

// clauseBreak reports whether a new clause starts at token i: after ";" or
// ":", or at ", and" / ", but" / ", provided" and the like.
func clauseBreak(ts []token, i int) bool {
	t := ts[i]
	if t.sep&(sepClause|sepComma) == 0 && t.kw&kwProviso == 0 {
		return false
	}
	if t.sep&sepClause != 0 {
		return true
	}
	if in(t.word, "provided", "except", "unless", "however", "notwithstanding") && (t.sep&sepComma != 0 || i+1 < len(ts) && in(ts[i+1].word, "that", "however")) {
		return true
	}
	return t.sep&sepComma != 0 && in(t.word, "and", "but", "or", "whereas", "although", "while")
}

// classify finds the modal expression starting at token i, if any, and
// returns its polarity and the index after it.
func classify(ts []token, i int) (Polarity, int, bool) {
	if ts[i].kw&kwStart == 0 {
		return "", i, false
	}
	w := func(k int) string {
		if i+k < len(ts) {
			return ts[i+k].word
		}
		return ""
	}
	dutyWord := func(s string) bool {
		return in(s, "required", "obligated", "obliged", "responsible", "liable", "bound")
	}
	dutyNoun := func(s string) bool {
		return in(s, "obligation", "obligations", "duty", "duties", "responsibility", "liability")
	}
	w0 := w(0)
	switch {
	case in(w0, baseModals...):
		// shall not be required to / shall have no obligation to
		if w(1) == "not" || w(1) == "never" {
			if w(2) == "be" && dutyWord(w(3)) {
				return NegatedObligation, i + 4, true
			}
			if w(2) == "have" && (w(3) == "any" || w(3) == "an") && dutyNoun(w(4)) {
				return NegatedObligation, i + 5, true
			}
			// shall not be prohibited (restricted, precluded) from: may
			if w(2) == "be" && barredFrom(w(3), w(4)) && w(4) == "from" {
				return Permission, i + 5, true
			}
			return Prohibition, i + 2, true
		}
		if (w(1) == "have" || w(1) == "be") && (w(2) == "no" && dutyNoun(w(3)) || w(2) == "under" && w(3) == "no") {
			return NegatedObligation, i + 4, true
		}
		if w(1) == "in" && w(2) == "no" && w(3) == "event" || w(1) == "under" && w(2) == "no" && w(3) == "circumstances" {
			return Prohibition, i + 4, true
		}
		if w(1) == "be" && in(w(2), "permitted", "entitled", "allowed", "authorized", "authorised", "free") {
			return Permission, i + 3, true
		}
		if w(1) == "be" && barredFrom(w(2), w(3)) {
			return Prohibition, i + 3, true
		}
		if w(1) == "have" && w(2) == "the" && w(3) == "right" {
			return Permission, i + 4, true
		}
		if w(1) == "refrain" {
			return Prohibition, i + 2, true
		}
		if in(w0, "may", "can", "might") {
			return Permission, i + 1, true
		}
		if w0 == "would" || w0 == "should" {
			return Obligation, i + 1, true
		}
		return Obligation, i + 1, true
	case w0 == "cannot":
		return Prohibition, i + 1, true
	case w0 == "need" && w(1) == "not":
		return NegatedObligation, i + 2, true
	case in(w0, "is", "are", "be", "being") && w(1) == "not" && dutyWord(w(2)):
		return NegatedObligation, i + 3, true
	case in(w0, "is", "are", "be") && w(1) == "under" && w(2) == "no":
		return NegatedObligation, i + 3, true
	case in(w0, "has", "have") && w(1) == "no" && dutyNoun(w(2)):
		return NegatedObligation, i + 3, true
	case w0 == "no" && dutyNoun(w(1)) && w(2) == "to":
		return NegatedObligation, i + 2, true
	case w0 == "in" && w(1) == "no" && w(2) == "event" || w0 == "under" && w(1) == "no" && w(2) == "circumstances":
		n := i + 3
		if in(w(3), baseModals...) {
			n++
		}
		return Prohibition, n, true
	case in(w0, "is", "are", "be") && barredFrom(w(1), w(2)):
		return Prohibition, i + 2, true
	case in(w0, "is", "are") && w(1) == "not" && barredFrom(w(2), w(3)) && w(3) == "from":
		return Permission, i + 4, true
	case in(w0, "is", "are", "be") && w(1) == "not" && in(w(2), "permitted", "allowed", "authorized", "authorised", "entitled"):
		return Prohibition, i + 3, true
	case in(w0, "prohibited", "restricted", "precluded", "barred") && w(1) == "from":
		return Prohibition, i + 2, true
	case in(w0, "agrees", "agree", "covenants", "covenant", "undertakes", "undertake") && w(1) == "not":
		return Prohibition, i + 2, true
	case w0 == "nor":
		n := i + 1
		if in(w(1), baseModals...) {
			n++
		}
		return Prohibition, n, true
	case in(w0, "is", "are") && in(w(1), "permitted", "entitled", "allowed", "authorized", "authorised", "free") && w(2) == "to":
		return Permission, i + 3, true
	case in(w0, "has", "have", "reserves", "retains", "reserve", "retain") && w(1) == "the" && w(2) == "right":
		return Permission, i + 3, true
	case in(w0, "agrees", "agree", "covenants", "covenant", "undertakes", "undertake", "commits") && in(w(1), "to", "that"):
		return Obligation, i + 2, true
	case in(w0, "is", "are") && in(w(1), "required", "obligated", "obliged", "responsible", "bound"):
		return Obligation, i + 2, true
	case in(w0, "has", "have") && in(w(1), "an", "the") && dutyNoun(w(2)):
		return Obligation, i + 3, true
	}
	return "", i, false
}

// analyse splits the sentence of tokens ts, which starts at byte base, into
// clauses and finds its modal expressions and their subjects.
//
// The clause indexes are appended to *arena, which the caller keeps and
// empties between documents.
func analyse(ts []token, base int, roles *roleIndex, arena *[]int32) *analysis {
	a := &analysis{toks: ts, start: base}
	n := len(*arena)
	*arena = slices.Grow(*arena, len(ts))[:n+len(ts)]
	a.clause = (*arena)[n : n+len(ts) : n+len(ts)]
	clear(a.clause)
	c := 0
	clauseStart := 0
	negator := -1 // a "no"/"neither"/"nothing" opening the clause's subject
	for i := 0; i < len(ts); {
		if i > 0 && clauseBreak(ts, i) {
			c++
			clauseStart = i
			negator = -1
		}
		a.clause[i] = int32(c)
		if ts[i].kw&kwNeg != 0 && !(i+1 < len(ts) && in(ts[i+1].word, "later", "less", "more", "fewer", "greater", "event", "circumstances", "obligation", "duty")) {
			negator = i
		}
		pol, next, ok := classify(ts, i)
		if !ok {
			i++
			continue
		}
		m := modal{at: i, end: next, polarity: pol, clause: c}
		w := ts[i].word
		m.inverted = w == "in" || w == "under" || w == "nor"
		m.relative = i > clauseStart && in(ts[i-1].word, "that", "which", "who", "whom") && in(w, baseModals...) ||
			(purpose(ts, clauseStart, i) || prepRelative(ts, clauseStart, i)) && in(w, baseModals...)
		nothingRequires := false
		if negator >= clauseStart && negator >= 0 && in(w, baseModals...) && pol == Prohibition && i-negator <= 8 &&
			ts[negator].word != "nothing" && i+3 < len(ts) && ts[i+1].word == "be" && barredFrom(ts[i+2].word, "from") && ts[i+3].word == "from" {
			// "Neither Party shall be restricted from ...": may
			m.polarity = Permission
		}
		if negator >= clauseStart && negator >= 0 && in(w, baseModals...) &&
			(pol == Obligation || pol == Permission && i-negator <= 8 && ts[negator].word != "nothing") {
			// "No Subcontractor shall ...", "Neither party may ...",
			// "Nothing herein shall require ..."
			m.polarity = Prohibition
			if ts[negator].word == "nothing" && next < len(ts) && (strings.HasPrefix(ts[next].word, "requir") || strings.HasPrefix(ts[next].word, "obligat")) {
				m.polarity = NegatedObligation
				nothingRequires = true
			}
		}
		for k := i + 1; k < next && k < len(ts); k++ {
			a.clause[k] = int32(c)
		}
		m.side = a.subject(m, clauseStart, roles)
		if nothingRequires {
			// "Nothing herein shall require Vendor to ...": the party
			// relieved is the object of "require".
			for k := next + 1; k < next+4 && k < len(ts); k++ {
				if s := roles.at(ts, k); s != sideNone && !compound(ts, k) {
					m.side = s
					break
				}
			}
		}
		a.modals = append(a.modals, m)
		i = next
	}
	// A clause with no modal of its own (a list continued after ", or")
	// takes the last modal before it.
	return a
}

// subject resolves the party bound by modal m: the nearest role word before
// it in its clause (possessives skipped: "at Hospital's request"), else for
// an inverted modal the words after it, else the previous modal's subject
// when the clause has no subject of its own.
func (a *analysis) subject(m modal, clauseStart int, roles *roleIndex) side {
	ts := a.toks
	lo := m.at - 12
	if lo < clauseStart {
		lo = clauseStart
	}
	for k := m.at - 1; k >= lo; k-- {
		if ts[k].poss || compound(ts, k) {
			continue
		}
		if s := roles.at(ts, k); s != sideNone {
			return s
		}
	}
	if m.inverted || m.at-clauseStart <= 1 {
		for k := m.end; k < m.end+3 && k < len(ts); k++ {
			if s := roles.at(ts, k); s != sideNone && !compound(ts, k) {
				return s
			}
		}
	}
	if m.at-clauseStart <= 1 && len(a.modals) > 0 {
		return a.modals[len(a.modals)-1].side
	}
	return sideNone
}

// purpose reports whether the modal at i is the verb of a clause of
// purpose ("so that Hospital can respond", "so the Secretary may
// determine", "in order that ..."), which states no duty of its own.
func purpose(ts []token, clauseStart, i int) bool {
	for k := i - 1; k > clauseStart && k >= i-6; k-- {
		if in(ts[k-1].word, "so", "order") && in(ts[k].word, "that", "the", "a", "an", "it", "they", "he", "she", "we", "you") {
			return true
		}
	}
	return false
}

// prepRelative reports whether the modal at i is the verb of a relative
// clause opened by a preposition ("the records to which this Agreement
// shall apply", "the site at which Vendor will work").
func prepRelative(ts []token, clauseStart, i int) bool {
	for k := i - 1; k > clauseStart && k >= i-4; k-- {
		if in(ts[k].word, "which", "whom") {
			return in(ts[k-1].word, "to", "in", "at", "of", "for", "by", "from", "under", "with", "on", "upon", "through")
		}
	}
	return false
}

// compoundNouns are the nouns a party word may modify: "Hospital data",
// "Vendor personnel" name the data or the people, not the party.
var compoundNouns = map[string]bool{
	"data": true, "information": true, "records": true, "record": true, "property": true,
	"systems": true, "system": true, "facilities": true, "facility": true, "personnel": true,
	"policies": true, "policy": true, "premises": true, "employees": true, "staff": true,
	"materials": true, "files": true, "networks": true, "network": true, "equipment": true,
	"sites": true, "site": true, "locations": true, "patients": true, "accounts": true,
	"procedures": true, "requirements": true, "standards": true, "software": true,
	"workforce": true, "users": true, "devices": true, "content": true, "environment": true,
}

// compound reports whether the word at k modifies the noun after it
// ("Hospital data"), so that a party word there is not the party.
func compound(ts []token, k int) bool {
	return k+1 < len(ts) && compoundNouns[ts[k+1].word] && ts[k+1].sep == 0
}

// governing returns the polarity and subject of the clause holding token
// i: the nearest modal before it in the clause, else the first after it,
// else the last modal of an earlier clause when this clause has none. The
// modal of a relative clause ("records that may be required") governs
// only when the sentence has no other.
func (a *analysis) governing(i int) (Polarity, side) {
	if m := a.govern(i, true); m != nil {
		return m.polarity, m.side
	}
	if m := a.govern(i, false); m != nil {
		return m.polarity, m.side
	}
	return Statement, sideNone
}

// mainModal returns the modal governing token i, skipping relative
// clauses' modals, or nil when there is none.
func (a *analysis) mainModal(i int) *modal { return a.govern(i, true) }

func (a *analysis) govern(i int, skipRelative bool) *modal {
	c := int(a.clause[i])
	var best *modal
	hasOwn := false
	for k := range a.modals {
		m := &a.modals[k]
		if m.clause != c || skipRelative && m.relative {
			continue
		}
		hasOwn = true
		if m.at <= i {
			best = m
		} else if best == nil {
			best = m
			break
		}
	}
	if best == nil && !hasOwn {
		for k := len(a.modals) - 1; k >= 0; k-- {
			if m := &a.modals[k]; m.clause < c && !(skipRelative && m.relative) {
				best = m
				break
			}
		}
	}
	return best
}

// roleIndex resolves words to contract sides: built-in role words plus the
// names a document defines.
type roleIndex struct {
	names map[string]side // one-word names from the document's definitions
}

var roleWords = map[string]side{
	"vendor": sideVendor, "vendors": sideVendor, "contractor": sideVendor, "contractors": sideVendor,
	"subcontractor": sideVendor, "subcontractors": sideVendor, "supplier": sideVendor, "suppliers": sideVendor,
	"consultant": sideVendor, "consultants": sideVendor, "licensor": sideVendor, "seller": sideVendor,
	"subprocessor": sideVendor, "subprocessors": sideVendor,
	"hospital": sideCustomer, "hospitals": sideCustomer, "customer": sideCustomer, "customers": sideCustomer,
	"client": sideCustomer, "clients": sideCustomer, "licensee": sideCustomer, "buyer": sideCustomer,
	"purchaser": sideCustomer,
}

var rolePairs = map[[2]string]side{
	{"business", "associate"}: sideVendor, {"business", "associates"}: sideVendor,
	{"service", "provider"}: sideVendor, {"service", "providers"}: sideVendor,
	{"covered", "entity"}: sideCustomer, {"covered", "entities"}: sideCustomer,
	{"health", "system"}: sideCustomer, {"medical", "center"}: sideCustomer,
	{"medical", "centre"}: sideCustomer,
}

// at returns the side named by the word at k (or the two words ending at k).
func (r *roleIndex) at(ts []token, k int) side {
	w := ts[k].word
	if k > 0 {
		if s, ok := rolePairs[[2]string{ts[k-1].word, w}]; ok {
			return s
		}
	}
	if s, ok := roleWords[w]; ok {
		return s
	}
	if r != nil {
		if s, ok := r.names[w]; ok {
			return s
		}
	}
	return sideNone
}

// sideOf resolves a quoted defined term ("Business Associate") to a side:
// the side its last role word or pair of words names, read without
// keeping the words.
func sideOf(name string) side {
	var sc scanner
	var prev [16]byte
	np := -1 // the length of the word before, -1 when none is kept
	sd := sideNone
	for i := 0; ; {
		w, _, _, _, _, next := sc.next(name, i)
		if w == nil {
			return sd
		}
		i = next
		s, ok := sideNone, false
		if np >= 0 && pairSeconds[string(w)] {
			s, ok = rolePairs[[2]string{string(prev[:np]), string(w)}]
		}
		if !ok {
			s, ok = roleWords[string(w)]
		}
		if ok && s != sideNone {
			sd = s
		}
		np = -1
		if len(w) <= len(prev) {
			np = copy(prev[:], w)
		}
	}
}

// pairSeconds holds the second words of rolePairs.
var pairSeconds = func() map[string]bool {
	m := map[string]bool{}
	for p := range rolePairs {
		m[p[1]] = true
	}
	return m
}()

var nameStop = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "each": true, "party": true, "inc": true,
	"llc": true, "ltd": true, "corp": true, "corporation": true, "company": true, "and": true,
	"by": true, "between": true, "with": true, "st": true, "saint": true, "of": true,
}

// definitions finds the names a document gives its parties:
// Acme Coding LLC ("Vendor"), ("Acme" or "Vendor"), hereinafter "Contractor",
// "Business Associate" means Acme Coding LLC. Each name whose quoted
// definition is a role word is recorded with that role's side.
func definitions(text string) *roleIndex {
	r := &roleIndex{names: map[string]side{}}
	for _, q := range []struct{ open, close string }{{`"`, `"`}, {"“", "”"}} {
		for i := 0; ; {
			j := strings.Index(text[i:], q.open)
			if j < 0 {
				break
			}
			s := i + j + len(q.open)
			k := strings.Index(text[s:], q.close)
			if k < 0 || k > 60 {
				i = s
				continue
			}
			name := text[s : s+k]
			after := s + k + len(q.close)
			i = after
			sd := sideOf(name)
			if sd == sideNone {
				continue
			}
			// The entity defined: the capitalised words before "(" or after "means".
			before := text[max(0, s-len(q.open)-160) : s-len(q.open)]
			if p := strings.LastIndexByte(before, '('); p >= 0 && len(before)-p < 60 {
				r.addName(firstName(before[:p]), sd)
				// Other quoted names in the same parentheses are aliases.
				for _, alias := range quoted(before[p:], q.open, q.close) {
					r.addName(alias, sd)
				}
				if e := strings.IndexByte(text[after:min(len(text), after+80)], ')'); e >= 0 {
					for _, alias := range quoted(text[after:after+e], q.open, q.close) {
						r.addName(alias, sd)
					}
				}
				continue
			}
			rest := text[after:min(len(text), after+160)]
			if means(rest) {
				m := strings.Index(rest, "mean")
				r.addName(firstNameAfter(rest[m+4:]), sd)
			}
		}
	}
	// Roles stated in words: "Provider is the business associate",
	// "Acme shall act as a Covered Entity".
	for _, m := range roleStatements(text, 200) {
		sd := sideOf(text[m[4]:m[5]])
		name := text[m[2]:m[3]]
		if sd == sideNone || sideOf(name) != sideNone {
			continue
		}
		r.addName(name, sd)
	}
	return r
}

// reRoleIs finds a capitalised name said to be a role: group 1 the name,
// group 2 the one or two words naming the role.
var reRoleIs = regexp.MustCompile(`\b([A-Z][A-Za-z&-]*(?: [A-Z][A-Za-z&-]*){0,3}) (?:is|shall be|will be|acts as|shall act as|will act as|is acting as) (?:the|a|an|its) ["“]?([A-Za-z]+(?: [A-Za-z]+)?)`)

// roleStatements returns what reRoleIs.FindAllStringSubmatchIndex(text, n)
// returns, running the expression only on the stretches of text that can
// hold a match. Run over a whole document, the expression alone took half
// the time of evaluating all built-in packs.
//
// A match holds only letters, digits never, "&", "-", spaces and quotes,
// so it lies within a stretch between two other ASCII bytes (barriers).
// A barrier is no word character either, so "\b" reads the start of a
// stretch as it reads that place in the whole text, and matching each
// stretch finds the same matches. Every match holds "is ", "be " or "as "
// after a space, ending one of the expression's verbs and followed by
// "the ", "a ", "an " or "its ", so only the stretches holding such words are
// matched (see roleVerbAt).
func roleStatements(text string, n int) [][]int {
	var out [][]int
	for pos := 0; len(out) < n; {
		p := nextRoleVerb(text, pos)
		if p < 0 {
			break
		}
		if !roleVerbAt(text, p) {
			pos = p + 1
			continue
		}
		start, end := p, p+4
		for start > 0 && !roleBarrier(text[start-1]) {
			start--
		}
		for end < len(text) && !roleBarrier(text[end]) {
			end++
		}
		for _, m := range reRoleIs.FindAllStringSubmatchIndex(text[start:end], n-len(out)) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += start
				}
			}
			out = append(out, m)
		}
		pos = end
	}
	return out
}

// nextRoleVerb returns the first place p at or after from where text holds
// " is ", " be " or " as ", or -1. It looks at eight places at a time for
// a space followed by a byte, "s" or "e" and a space.
func nextRoleVerb(text string, from int) int {
	const ones = 0x0101010101010101
	i := from
	for ; i+11 <= len(text); i += 8 {
		x, y, z := load64(text[i:i+8]), load64(text[i+3:i+11]), load64(text[i+2:i+10])
		m := zeroBytes(x^' '*ones) & zeroBytes(y^' '*ones) & (zeroBytes(z^'s'*ones) | zeroBytes(z^'e'*ones))
		for ; m != 0; m &= m - 1 {
			if p := i + bits.TrailingZeros64(m)/8; isRoleVerb(text[p+1 : p+3]) {
				return p
			}
		}
	}
	for ; i+4 <= len(text); i++ {
		if text[i] == ' ' && text[i+3] == ' ' && isRoleVerb(text[i+1:i+3]) {
			return i
		}
	}
	return -1
}

// load64 reads the eight bytes of s as a little-endian integer, in one
// load.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// zeroBytes returns x with the high bit of each zero byte set and every
// other bit clear.
func zeroBytes(x uint64) uint64 {
	const lows = 0x7f7f7f7f7f7f7f7f
	return ^((x&lows + lows) | x | lows)
}

func isRoleVerb(v string) bool { return v == "is" || v == "be" || v == "as" }

// roleVerbAt reports whether the verb at p (" is ", " be " or " as ") may
// be the verb of a match of reRoleIs: an article or "its" follows it, it ends one of
// the expression's verbs, and the word before that verb holds a capital.
func roleVerbAt(text string, p int) bool {
	rest := text[p+4:]
	if !strings.HasPrefix(rest, "the ") && !strings.HasPrefix(rest, "a ") && !strings.HasPrefix(rest, "an ") && !strings.HasPrefix(rest, "its ") {
		return false
	}
	before := text[:p]
	switch text[p+1 : p+3] {
	case "be":
		switch {
		case strings.HasSuffix(before, " shall"):
			before = before[:len(before)-6]
		case strings.HasSuffix(before, " will"):
			before = before[:len(before)-5]
		default:
			return false
		}
	case "as":
		found := false
		for _, v := range [...]string{" acts", " shall act", " will act", " is acting"} {
			if strings.HasSuffix(before, v) {
				before, found = before[:len(before)-len(v)], true
				break
			}
		}
		if !found {
			return false
		}
	}
	for i := len(before) - 1; i >= 0; i-- {
		c := before[i]
		switch {
		case 'A' <= c && c <= 'Z':
			return true
		case 'a' <= c && c <= 'z', c == '&', c == '-':
		default:
			return false
		}
	}
	return false
}

// roleBarrier reports whether byte c can be neither in a match of reRoleIs
// nor a word character.
func roleBarrier(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return false
	case c == '_', c == '&', c == '-', c == ' ', c == '"', c >= 0x80:
		return false
	}
	return true
}

// means reports whether s starts with the words "means" or "shall mean"
// and has a second word.
func means(s string) bool {
	var sc scanner
	n, first, second := 0, "", false
	sc.scan(s, func(w []byte, _, _ int, _ uint8, _ bool) {
		switch n {
		case 0:
			switch string(w) {
			case "means":
				first = "means"
			case "shall":
				first = "shall"
			}
		case 1:
			second = string(w) == "mean"
		}
		n++
	})
	return n > 1 && (first == "means" || first == "shall" && second)
}

func quoted(s, open, close string) []string {
	var out []string
	for {
		i := strings.Index(s, open)
		if i < 0 {
			return out
		}
		s = s[i+len(open):]
		j := strings.Index(s, close)
		if j < 0 {
			return out
		}
		out = append(out, s[:j])
		s = s[j+len(close):]
	}
}

// firstName returns the first word of the last run of capitalised words
// in s that follows "between", "and", "by" or a line start.
func firstName(s string) string {
	var sc scanner
	name, done := "", false
	sc.scan(s, func(w []byte, start, _ int, _ uint8, _ bool) {
		switch string(w) {
		case "between", "and", "by", "with":
			name, done = "", false
			return
		}
		if !done && capitalName(s, w, start) {
			name, done = string(w), true
		}
	})
	return name
}

// firstNameAfter returns the first capitalised name among the first six
// words of s.
func firstNameAfter(s string) string {
	var sc scanner
	name, n := "", 0
	sc.scan(s, func(w []byte, start, _ int, _ uint8, _ bool) {
		if n < 6 && name == "" && capitalName(s, w, start) {
			name = string(w)
		}
		n++
	})
	return name
}

// capitalName reports whether the word w, at byte start of s, is
// capitalised there and may be a name: not a stop word, three letters
// or more.
func capitalName(s string, w []byte, start int) bool {
	c := s[start]
	return 'A' <= c && c <= 'Z' && !nameStop[string(w)] && len(w) >= 3
}

func (r *roleIndex) addName(name string, sd side) {
	ts := tokens(name, 0)
	if len(ts) == 0 {
		return
	}
	// A one-word alias is recorded whole; a longer name by its first
	// distinctive word ("Acme Coding LLC" → "acme").
	w := ts[0].word
	for _, t := range ts {
		if !nameStop[t.word] {
			w = t.word
			break
		}
	}
	if nameStop[w] || len(w) < 3 {
		return
	}
	if _, builtin := roleWords[w]; builtin {
		return
	}
	if old, ok := r.names[w]; ok && old != sd {
		r.names[w] = sideNone // named on both sides: ambiguous
		return
	}
	r.names[w] = sd
}

package rules

import (
	"sync"
	"sync/atomic"

	"github.com/clausecheck/clausecheck/extract"
)

// Config adjusts rules at compile time.
type Config struct {
	Settings map[string]float64  // e.g. "breach-notice-days": 10, overriding a limit via its setting
	Disable  []string            // rule IDs or whole pack names to turn off
	Severity map[string]Severity // per rule ID
	Fuzzy    *int                // default edit tolerance (nil = 1)
}

// Engine is a compiled set of rules ready to evaluate documents. It is safe
// for concurrent use.
type Engine struct {
	cfg      Config
	source   []*Pack
	packs    []PackRef
	rules    []*Rule
	crules   []*crule
	byID     map[string]*Rule
	ix       *index
	patterns []*cpattern
	always   []int32   // patterns with no literal term: tried on every sentence
	trig     [][]int32 // term → sentence-scoped patterns it triggers
	secPost  [][]int32 // term → section-scoped patterns using it

	words     sync.Map // document word → *wordEntry, shared by all documents
	wordsSize atomic.Int64
	fzCache   sync.Map // document word → *wordInfo (nil: no fuzzy reading)
	fzSize    atomic.Int64

	freeMu sync.Mutex
	free   []*docState // idle states, their buffers ready for reuse
}

// maxFuzzyCache bounds the words whose fuzzy reading the engine remembers
// across documents.
const maxFuzzyCache = 200000

// maxWordCache bounds the words whose index lookup the engine remembers
// across documents.
const maxWordCache = 200000

// wordEntry is what a word means to the index, whatever the document.
type wordEntry struct {
	info  *wordInfo // the word's exact atoms; nil when it has none
	fuzzy bool      // it has no exact atom and may be read fuzzily
	kw    uint8     // keyword flags for the sentence analysis
}

// wordEntry looks w up in the index, through a cache shared by every
// document, since contracts repeat their vocabulary.
func (e *Engine) wordEntry(w string) *wordEntry {
	if v, ok := e.words.Load(w); ok {
		return v.(*wordEntry)
	}
	ix := e.ix
	var atoms []int32
	if a, ok := ix.exact[w]; ok {
		atoms = append(atoms, a)
	}
	for _, l := range ix.prefixLen {
		if l > len(w) {
			break
		}
		if a, ok := ix.prefix[w[:l]]; ok {
			atoms = append(atoms, a)
		}
	}
	ent := &wordEntry{fuzzy: len(atoms) == 0 && fuzzyEligible(w), kw: keywords[w]}
	if len(atoms) > 0 {
		wi := &wordInfo{atoms: atoms}
		for _, a := range atoms {
			wi.mask |= 1 << (uint32(a) % 64)
			for _, c := range ix.first[a][:ix.single[a]] {
				wi.singles = append(wi.singles, ix.cterms[c].id)
			}
			wi.phrases = wi.phrases || int(ix.single[a]) < len(ix.first[a])
		}
		ent.info = wi
	}
	if e.wordsSize.Load() < maxWordCache {
		e.wordsSize.Add(1)
		e.words.Store(w, ent)
	}
	return ent
}

// fuzzyInfo is ix.fuzzyAtoms with a cache shared by every document. It
// returns nil when w has no fuzzy reading.
func (e *Engine) fuzzyInfo(w string) *wordInfo {
	if v, ok := e.fzCache.Load(w); ok {
		return v.(*wordInfo)
	}
	var wi *wordInfo
	if fz := e.ix.fuzzyAtoms(w); len(fz) > 0 {
		wi = &wordInfo{fz: fz}
		for _, f := range fz {
			wi.mask |= 1 << (uint32(f.atom) % 64)
		}
	}
	if e.fzSize.Load() < maxFuzzyCache {
		e.fzSize.Add(1)
		e.fzCache.Store(w, wi)
	}
	return wi
}

// Rules returns the enabled rules in pack then file order.
func (e *Engine) Rules() []*Rule { return e.rules }

// Packs returns the packs the engine was compiled from.
func (e *Engine) Packs() []PackRef { return e.packs }

// Explain returns the enabled rule with the given ID.
func (e *Engine) Explain(id string) (*Rule, bool) {
	r, ok := e.byID[id]
	return r, ok
}

// sentences returns the document's sentences, or the whole text as one
// sentence when the document was built without any.
func sentences(doc *extract.Document) []extract.Sentence {
	if len(doc.Sentences) > 0 || doc.Text == "" {
		return doc.Sentences
	}
	page := 1
	if len(doc.Pages) > 0 {
		page = doc.Pages[0].Number
	}
	return []extract.Sentence{{Start: 0, End: len(doc.Text), Page: page, Section: -1}}
}

// Stats counts what an engine compiled: the size that its speed depends on.
type Stats struct {
	Packs, Rules, Patterns int
	Terms                  int // distinct terms (words, phrases, regular expressions)
	RegexpTerms            int // of which regular expressions
}

// Stats reports the size of the compiled rule set.
func (e *Engine) Stats() Stats {
	return Stats{
		Packs:       len(e.packs),
		Rules:       len(e.rules),
		Patterns:    len(e.patterns),
		Terms:       int(e.ix.nterms),
		RegexpTerms: len(e.ix.regexps),
	}
}

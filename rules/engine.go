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
	always   []int32 // patterns with no literal term: tried on every sentence

	fzCache sync.Map // document word → []fzAtom, shared by all documents
	fzSize  atomic.Int64
}

// maxFuzzyCache bounds the words whose fuzzy reading the engine remembers
// across documents.
const maxFuzzyCache = 200000

// fuzzyAtoms is ix.fuzzyAtoms with a cache shared by every document, since
// contracts repeat their vocabulary.
func (e *Engine) fuzzyAtoms(w string) []fzAtom {
	if v, ok := e.fzCache.Load(w); ok {
		return v.([]fzAtom)
	}
	fz := e.ix.fuzzyAtoms(w)
	if e.fzSize.Load() < maxFuzzyCache {
		e.fzSize.Add(1)
		e.fzCache.Store(w, fz)
	}
	return fz
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

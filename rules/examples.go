package rules

import (
	"context"
	"fmt"
	"io"

	"github.com/clausecheck/clausecheck/extract"
)

// ExampleFailure is one rule example whose verdict was not the expected one.
type ExampleFailure struct {
	Rule     string
	Want     string
	Sentence string
	Got      Status
	Detail   string
}

// exampleDoc makes a one-sentence, one-page document of s.
func exampleDoc(s string) *extract.Document {
	return &extract.Document{
		Path: "example", Format: extract.FormatText, Text: s,
		Pages:     []extract.Page{{Number: 1, Start: 0, End: len(s)}},
		Sentences: []extract.Sentence{{Start: 0, End: len(s), Page: 1, Section: -1}},
	}
}

// RunExamples evaluates every enabled rule's examples, each alone as a
// one-sentence document with the default settings (the rules' own limits
// and fuzzy tolerance, whatever the configuration says), and writes go-test
// style output to w: with verbose, "=== RUN" and "--- PASS" lines for every
// rule; always "--- FAIL" lines for failures, then "ok" or "FAIL", then
// "N passed, M failed" counting examples.
func (e *Engine) RunExamples(ctx context.Context, w io.Writer, verbose bool) []ExampleFailure {
	def, err := Compile(e.source, Config{Disable: e.cfg.Disable})
	if err != nil {
		// e compiled with the same packs, so this cannot fail; report it
		// rather than hide it.
		fmt.Fprintf(w, "FAIL\n%v\n0 passed, 1 failed\n", err)
		return []ExampleFailure{{Detail: err.Error()}}
	}
	var failures []ExampleFailure
	passed := 0
	for i, r := range def.rules {
		if ctx.Err() != nil {
			break
		}
		if verbose {
			fmt.Fprintf(w, "=== RUN   %s\n", r.ID)
		}
		n := 0
		var ruleFails []ExampleFailure
		for _, set := range []struct {
			want   string
			status Status
			list   []string
		}{
			{"present", Present, r.Examples.Present},
			{"weak", Weak, r.Examples.Weak},
			{"contradicted", Contradicted, r.Examples.Contradicted},
			{"absent", Missing, r.Examples.Absent},
		} {
			for _, s := range set.list {
				n++
				f := def.evaluateOne(ctx, i, s)
				if f.Status == set.status {
					passed++
					continue
				}
				fail := ExampleFailure{Rule: r.ID, Want: set.want, Sentence: s, Got: f.Status, Detail: f.Message}
				if len(f.Evidence) > 0 && f.Evidence[0].Note != "" {
					fail.Detail += "; " + f.Evidence[0].Note
				}
				ruleFails = append(ruleFails, fail)
				fmt.Fprintf(w, "--- FAIL: %s (example %d: want %s, got %s)\n", r.ID, n, set.want, f.Status)
				fmt.Fprintf(w, "    %q\n    %s\n", s, fail.Detail)
			}
		}
		if len(ruleFails) == 0 && verbose {
			fmt.Fprintf(w, "--- PASS: %s (%d examples)\n", r.ID, n)
		}
		failures = append(failures, ruleFails...)
	}
	if len(failures) == 0 {
		fmt.Fprintln(w, "ok")
	} else {
		fmt.Fprintln(w, "FAIL")
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", passed, len(failures))
	return failures
}

// evaluateOne evaluates sentence s alone and returns the finding of rule i.
func (e *Engine) evaluateOne(ctx context.Context, i int, s string) Finding {
	fs := e.Evaluate(ctx, exampleDoc(s))
	if i < len(fs) {
		return fs[i]
	}
	return Finding{Status: Missing, Message: "evaluation cancelled"}
}

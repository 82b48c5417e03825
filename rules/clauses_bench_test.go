package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/clauses"
	"github.com/clausecheck/clausecheck/extract"
	"github.com/clausecheck/clausecheck/rules"
)

// BenchmarkBuiltinPacks evaluates every built-in pack over 1x, 10x and
// 100x the sample contract.
func BenchmarkBuiltinPacks(b *testing.B) {
	e := builtinEngine(b)
	st := e.Stats()
	b.Logf("%d packs, %d rules, %d patterns, %d distinct terms (%d regular expressions)",
		st.Packs, st.Rules, st.Patterns, st.Terms, st.RegexpTerms)
	data, err := os.ReadFile("testdata/contract.txt")
	if err != nil {
		b.Fatal(err)
	}
	for _, copies := range []int{1, 10, 100} {
		b.Run(strconv.Itoa(copies)+"x", func(b *testing.B) {
			text := strings.Repeat(string(data)+"\n", copies)
			doc := &extract.Document{Text: text, Pages: []extract.Page{{Number: 1, Start: 0, End: len(text)}}}
			start := 0
			for i := 0; i < len(text); i++ {
				if text[i] == '\n' {
					if i > start {
						doc.Sentences = append(doc.Sentences, extract.Sentence{Start: start, End: i, Page: 1, Section: -1})
					}
					start = i + 1
				}
			}
			e.Evaluate(context.Background(), doc)
			rules.LoopCPU(b, len(text), func() { e.Evaluate(context.Background(), doc) })
		})
	}
}

// BenchmarkCorpus evaluates every built-in pack over real contracts: the
// first 20 text files of the CUAD development set, each read into a
// document once, outside the timed loop. It skips when the corpus is
// absent.
func BenchmarkCorpus(b *testing.B) {
	files, _ := filepath.Glob("../../shared/corpus/cuad/dev/*.txt")
	if len(files) == 0 {
		b.Skip("no CUAD text files in ../../shared/corpus/cuad/dev")
	}
	sort.Strings(files)
	if len(files) > 20 {
		files = files[:20]
	}
	e := builtinEngine(b)
	ctx := context.Background()
	var docs []*extract.Document
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := extract.Read(ctx, filepath.Base(f), data, extract.Options{})
		if err != nil {
			b.Fatalf("read %s: %v", f, err)
		}
		docs = append(docs, doc)
		size += len(doc.Text)
	}
	for _, doc := range docs {
		e.Evaluate(ctx, doc)
	}
	rules.LoopCPU(b, size, func() {
		for _, doc := range docs {
			e.Evaluate(ctx, doc)
		}
	})
}

// builtinEngine compiles every built-in pack with the default settings.
func builtinEngine(b *testing.B) *rules.Engine {
	b.Helper()
	packs, err := clauses.Load()
	if err != nil {
		b.Fatal(err)
	}
	e, err := rules.Compile(packs, rules.Config{})
	if err != nil {
		b.Fatal(err)
	}
	return e
}

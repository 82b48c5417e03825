package rules_test

import (
	"context"
	"os"
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
	packs, err := clauses.Load()
	if err != nil {
		b.Fatal(err)
	}
	e, err := rules.Compile(packs, rules.Config{})
	if err != nil {
		b.Fatal(err)
	}
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
			b.SetBytes(int64(len(text)))
			b.ResetTimer()
			for b.Loop() {
				e.Evaluate(context.Background(), doc)
			}
		})
	}
}

package rules

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/extract"
)

// textDoc segments text into sentences at ". " and line ends, one page,
// no sections: enough structure for the matcher, without the extract
// package's segmenter.
func textDoc(text string) *extract.Document {
	doc := &extract.Document{Text: text, Pages: []extract.Page{{Number: 1, Start: 0, End: len(text)}}}
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' || text[i] == '.' && i+1 < len(text) && text[i+1] == ' ' {
			end := i + 1
			if text[i] == '\n' {
				end = i
			}
			if end > start {
				doc.Sentences = append(doc.Sentences, extract.Sentence{Start: start, End: end, Page: 1, Section: -1})
			}
			start = i + 1
			for start < len(text) && text[start] == ' ' {
				start++
			}
			i = start - 1
		}
	}
	if start < len(text) {
		doc.Sentences = append(doc.Sentences, extract.Sentence{Start: start, End: len(text), Page: 1, Section: -1})
	}
	return doc
}

// synthPack generates n rules over a varied vocabulary, so benchmarks can
// show that time does not grow with the number of rules.
func synthPack(n int) *Pack {
	nouns := []string{"services", "records", "breach", "insurance", "audit*", "subcontract*", "terminat*", "indemnif*",
		"confidential*", "accuracy", "credential*", "safeguards", "notif*", "return", "destroy", "laws", "payment", "invoice*",
		"warrant*", "license*", "escrow", "benchmark*", "penalt*", "credit*", "dispute*", "arbitrat*", "force majeure", "assign*"}
	verbs := []string{"perform*", "maintain", "provid*", "permit*", "implement*", "report*", "deliver*", "keep", "pay*", "use"}
	p := &Pack{Name: "synth", Version: "1", Title: "Synthetic", Terms: map[string][]string{}}
	for i := 0; i < n; i++ {
		r := &Rule{
			ID: fmt.Sprintf("synth/rule-%d", i), Pack: "synth", Title: "t", Severity: Medium, Party: Vendor, Scope: ScopeSentence,
			Present: []*Pattern{{
				All:      [][]string{{verbs[i%len(verbs)], verbs[(i+3)%len(verbs)]}, {nouns[i%len(nouns)]}, {fmt.Sprintf("term%dword", i), nouns[(i*7+1)%len(nouns)]}},
				Polarity: []Polarity{Obligation},
			}},
			Contradicted: []*Pattern{{All: [][]string{{verbs[i%len(verbs)]}, {nouns[(i+5)%len(nouns)]}}, Polarity: []Polarity{Permission}, Within: 10}},
		}
		p.Rules = append(p.Rules, r)
	}
	return p
}

func benchmarkEvaluate(b *testing.B, packs []*Pack, copies int) {
	data, err := os.ReadFile("testdata/contract.txt")
	if err != nil {
		b.Fatal(err)
	}
	e, err := Compile(packs, Config{})
	if err != nil {
		b.Fatal(err)
	}
	doc := textDoc(strings.Repeat(string(data)+"\n", copies))
	e.Evaluate(context.Background(), doc) // warm the shared fuzzy cache and word list
	LoopCPU(b, len(doc.Text), func() { e.Evaluate(context.Background(), doc) })
}

// BenchmarkEvaluate runs 50 and 500 generated rules over 1x, 10x and 100x
// the sample contract: MB/s should hold steady across both dimensions.
func BenchmarkEvaluate(b *testing.B) {
	for _, n := range []int{50, 500} {
		for _, copies := range []int{1, 10, 100} {
			b.Run(fmt.Sprintf("rules=%d/text=%dx", n, copies), func(b *testing.B) {
				benchmarkEvaluate(b, []*Pack{synthPack(n)}, copies)
			})
		}
	}
}

func BenchmarkCompile(b *testing.B) {
	p := synthPack(500)
	for b.Loop() {
		if _, err := Compile([]*Pack{p}, Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

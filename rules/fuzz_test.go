package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/extract"
)

// maxFuzzInput bounds the inputs the fuzz targets read. Larger ones add
// little, and every interesting input is minimised by running the target
// over and over (up to a minute each by default), which with inputs of
// several kilobytes left the fuzzer making a handful of runs a minute.
const maxFuzzInput = 1 << 10

func FuzzLoad(f *testing.F) {
	for _, pat := range []string{"testdata/valid/*.yaml", "testdata/invalid/*.yaml"} {
		files, _ := filepath.Glob(pat)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	zero := 0
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4*maxFuzzInput {
			return
		}
		p, err := Load("fuzz.yaml", data)
		if err != nil {
			if _, ok := err.(Problems); !ok {
				t.Fatalf("error %T is not Problems", err)
			}
			return
		}
		// A pack that loads must compile. Without fuzzy matching, which
		// no check depends on, compiling skips training the spelling
		// models, the slowest part.
		if _, err := Compile([]*Pack{p}, Config{Fuzzy: &zero}); err != nil {
			t.Fatalf("loaded pack does not compile: %v", err)
		}
	})
}

func FuzzEvaluate(f *testing.F) {
	data, err := os.ReadFile("testdata/contract.txt")
	if err != nil {
		f.Fatal(err)
	}
	// The sample contract a paragraph at a time: small seeds keep each
	// run, and the minimising of what it finds, fast.
	for _, para := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(para) != "" && len(para) <= maxFuzzInput {
			f.Add(para)
		}
	}
	f.Add("7. Reports.\n\nVendor shall not:\n\n(a) perform Services offshore;\n\n(b) notify Hospital of a Breach after thirty (30) days.\n")
	f.Add("Vendor shall perform all Services only in the Untied States.")
	f.Add("Acme (\"Vendor\") shall notify Hospital of any Breach within five (5) business days.")
	f.Add("U. S. u.s.a. 5,000,000 $5M 95 % “Vendor” ’s")
	e := testEngine(f, Config{})
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > maxFuzzInput {
			return
		}
		docs := []*extract.Document{textDoc(text), multiDoc(text), exampleDoc(text)}
		// As clausecheck reads a text file: sections, list items, lead-ins.
		if doc, err := extract.Read(context.Background(), "fuzz.txt", []byte(text), extract.Options{}); err == nil {
			docs = append(docs, doc)
		}
		for _, doc := range docs {
			fs := e.Evaluate(context.Background(), doc)
			if len(fs) != len(e.Rules()) {
				t.Fatalf("%d findings for %d rules", len(fs), len(e.Rules()))
			}
			for _, f := range fs {
				for _, ev := range f.Evidence {
					if ev.Start < 0 || ev.End > len(doc.Text) || ev.Start > ev.End || doc.Text[ev.Start:ev.End] != ev.Quote {
						t.Fatalf("%s: evidence %d:%d does not quote the text: %q", f.Rule, ev.Start, ev.End, ev.Quote)
					}
				}
			}
		}
		for _, q := range ParseQuantities(text) {
			if q.Start < 0 || q.End > len(text) || text[q.Start:q.End] != q.Text {
				t.Fatalf("quantity %+v does not quote the text", q)
			}
		}
	})
}

package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/clausecheck/clausecheck/extract"
)

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
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Load("fuzz.yaml", data)
		if err != nil {
			if _, ok := err.(Problems); !ok {
				t.Fatalf("error %T is not Problems", err)
			}
			return
		}
		// A pack that loads must compile.
		if _, err := Compile([]*Pack{p}, Config{}); err != nil {
			t.Fatalf("loaded pack does not compile: %v", err)
		}
	})
}

func FuzzEvaluate(f *testing.F) {
	data, err := os.ReadFile("testdata/contract.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add("Vendor shall perform all Services only in the Untied States.")
	f.Add("Acme (\"Vendor\") shall notify Hospital of any Breach within five (5) business days.")
	f.Add("U. S. u.s.a. 5,000,000 $5M 95 % “Vendor” ’s")
	e := testEngine(f, Config{})
	f.Fuzz(func(t *testing.T, text string) {
		for _, doc := range []*extract.Document{textDoc(text), multiDoc(text), exampleDoc(text)} {
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

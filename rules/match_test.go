package rules

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/extract"
)

func testEngine(t testing.TB, cfg Config) *Engine {
	t.Helper()
	e, err := Compile([]*Pack{mustLoad(t, "testdata/valid/offshore.yaml")}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func statusOf(t testing.TB, e *Engine, rule, sentence string) Finding {
	t.Helper()
	for _, f := range e.Evaluate(context.Background(), exampleDoc(sentence)) {
		if f.Rule == rule {
			return f
		}
	}
	t.Fatalf("no finding for %s", rule)
	return Finding{}
}

// TestMatcher covers the cases of the issue in both directions: negation,
// permission, the other party, quantities and misspellings.
func TestMatcher(t *testing.T) {
	e := testEngine(t, Config{})
	tests := []struct {
		name, rule, sentence string
		want                 Status
	}{
		{"obligation", "offshore/indemnification", "Vendor shall indemnify Hospital against all claims.", Present},
		{"negated obligation", "offshore/indemnification", "Vendor shall not be required to indemnify Hospital.", Missing},
		{"no obligation", "offshore/indemnification", "Vendor has no obligation to indemnify Hospital.", Missing},
		{"nothing requires", "offshore/indemnification", "Nothing in this Agreement shall require Vendor to indemnify Hospital.", Missing},
		{"other party", "offshore/indemnification", "Hospital shall indemnify Vendor.", Missing},
		{"defined vendor name", "offshore/indemnification", `Acme Coding LLC ("Vendor") and St. Mary's Hospital agree as follows: Acme shall indemnify St. Mary's.`, Present},
		{"defined customer name", "offshore/indemnification", `Mercy Health ("Covered Entity") and Acme ("Business Associate"): Mercy shall indemnify and hold harmless Acme.`, Missing},
		{"possessive is not the subject", "offshore/indemnification", "At Hospital's request, Vendor shall indemnify Hospital.", Present},
		{"prohibition present", "offshore/us-only-performance", "Vendor shall not perform any Services outside the United States.", Present},
		{"in no event", "offshore/us-only-performance", "In no event shall Vendor perform Services offshore.", Present},
		{"permission contradicts", "offshore/us-only-performance", "Vendor may use resources outside the United States.", Contradicted},
		{"permission with consent", "offshore/us-only-performance", "Vendor may perform Services outside the United States with Hospital's consent.", Missing},
		{"customer permission", "offshore/us-only-performance", "Hospital may perform audits outside the United States.", Missing},
		{"u.s. is not us", "offshore/us-only-performance", "Vendor shall perform the Services for us only.", Missing},
		{"u. s. spaced", "offshore/us-only-performance", "Vendor shall perform all Services only in the U. S.", Present},
		{"list continues the modal", "offshore/us-only-performance", "Vendor shall not store, process, or use PHI overseas.", Present},
		{"hyphenated", "offshore/us-only-performance", "Vendor shall not per-form Services off-shore.", Present},
		{"fuzzy untied", "offshore/us-only-performance", "Vendor shall perform all Services only in the Untied States.", Present},
		{"fuzzy indemnify", "offshore/indemnification", "Vendor shall indemnifiy Hospital.", Present},
		{"breach in 5 business days", "offshore/breach-notice", "Vendor shall notify Hospital of a Breach within five (5) business days.", Present},
		{"breach in 30 days", "offshore/breach-notice", "Vendor shall notify Hospital of a Breach within thirty (30) days.", Weak},
		{"breach in 90 days", "offshore/breach-notice", "Vendor shall notify Hospital of a Breach within ninety (90) days.", Contradicted},
		{"breach promptly", "offshore/breach-notice", "Vendor shall promptly notify Hospital of a Breach.", Weak},
		{"breach immediately", "offshore/breach-notice", "Vendor shall immediately notify Hospital of a Breach.", Present},
		{"insurance short", "offshore/cyber-insurance", "Vendor shall maintain cyber insurance of $1,000,000.", Weak},
		{"insurance enough", "offshore/cyber-insurance", "Vendor shall maintain cyber insurance of ten million dollars.", Present},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := statusOf(t, e, tt.rule, tt.sentence)
			if f.Status != tt.want {
				t.Errorf("%q: got %s (%s), want %s", tt.sentence, f.Status, f.Message, tt.want)
			}
		})
	}
}

func TestFuzzy(t *testing.T) {
	e := testEngine(t, Config{})
	f := statusOf(t, e, "offshore/us-only-performance", "Vendor shall perform all Services only in the Untied States.")
	if len(f.Evidence) == 0 || !f.Evidence[0].Fuzzy || f.Evidence[0].Note != `"Untied" read as "united"` {
		t.Errorf("evidence %+v, want a fuzzy match noted as \"Untied\" read as \"united\"", f.Evidence)
	}
	// A real English word is never read as a rule word on its own.
	for _, w := range []string{"stated", "either", "united", "states"} {
		for _, fz := range e.ix.fuzzyAtoms(w) {
			t.Errorf("%q read as %q", w, e.ix.atomWord[fz.atom])
		}
	}
	if f := statusOf(t, e, "offshore/us-only-performance", "Vendor shall perform all Services only as stated."); f.Status != Missing {
		t.Errorf("\"stated\" matched: %s %+v", f.Status, f.Evidence)
	}
	if f := statusOf(t, e, "offshore/indemnification", "Vendor shall indemnify Hospital as stated in Exhibit A."); f.Status != Present || f.Evidence[0].Fuzzy {
		t.Errorf("exact match reported as %s, fuzzy %v", f.Status, f.Evidence)
	}
	off := 0
	e0 := testEngine(t, Config{Fuzzy: &off})
	if f := statusOf(t, e0, "offshore/indemnification", "Vendor shall indemnifiy Hospital."); f.Status != Missing {
		t.Errorf("fuzzy 0: got %s, want missing", f.Status)
	}
	// Exact evidence ranks above fuzzy evidence.
	doc := multiDoc("Vendor shall indemnifiy Hospital. Vendor shall indemnify Hospital.")
	f = findingOf(t, e, doc, "offshore/indemnification")
	if len(f.Evidence) != 2 || f.Evidence[0].Fuzzy || !f.Evidence[1].Fuzzy {
		t.Errorf("evidence order %+v, want exact then fuzzy", f.Evidence)
	}
}

// multiDoc makes a document of sentences separated by ". ", in one
// section "7.2" after the first sentence.
func multiDoc(text string) *extract.Document {
	doc := &extract.Document{Text: text, Pages: []extract.Page{{Number: 1, Start: 0, End: len(text)}}}
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], ". ")
		if end < 0 {
			end = len(text)
		} else {
			end += start + 1
		}
		sec := 0
		if start == 0 {
			sec = -1
		}
		doc.Sentences = append(doc.Sentences, extract.Sentence{Start: start, End: end, Page: 1, Section: sec})
		start = end
		for start < len(text) && text[start] == ' ' {
			start++
		}
	}
	doc.Sections = []extract.Section{{Number: "7.2", Title: "Security", Level: 1, Page: 1, Start: 0, End: len(text)}}
	return doc
}

// compilePack loads one pack from its YAML source and compiles it alone.
func compilePack(t testing.TB, name, src string) *Engine {
	t.Helper()
	p, err := Load(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Compile([]*Pack{p}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func findingOf(t testing.TB, e *Engine, doc *extract.Document, rule string) Finding {
	t.Helper()
	for _, f := range e.Evaluate(context.Background(), doc) {
		if f.Rule == rule {
			return f
		}
	}
	t.Fatalf("no finding for %s", rule)
	return Finding{}
}

func TestEvaluateDocument(t *testing.T) {
	text := "This Business Associate Agreement is made between Mercy Health (\"Covered Entity\") and Acme Coding LLC (\"Business Associate\"). " +
		"Acme shall notify Mercy of any Breach within thirty (30) days. " +
		"Acme may perform the Services from offshore locations. " +
		"Acme shall perform the Services only in the United States. " +
		"Mercy shall maintain cyber insurance of $10,000,000."
	doc := multiDoc(text)
	e := testEngine(t, Config{Settings: map[string]float64{"breach-notice-days": 45}})
	fs := e.Evaluate(context.Background(), doc)
	want := map[string]Status{
		"offshore/us-only-performance": Contradicted,
		"offshore/indemnification":     Missing,
		"offshore/breach-notice":       Present, // 30 days within the configured 45
		"offshore/cyber-insurance":     Present, // no party restriction
	}
	if len(fs) != len(e.Rules()) {
		t.Fatalf("%d findings for %d rules", len(fs), len(e.Rules()))
	}
	for i, f := range fs {
		if f.Rule != e.Rules()[i].ID {
			t.Errorf("finding %d is %s, want %s", i, f.Rule, e.Rules()[i].ID)
		}
		if f.Status != want[f.Rule] {
			t.Errorf("%s: got %s (%s), want %s", f.Rule, f.Status, f.Message, want[f.Rule])
		}
		for _, ev := range f.Evidence {
			if text[ev.Start:ev.End] != ev.Quote || ev.Page != 1 || ev.Section != "7.2" {
				t.Errorf("%s: bad evidence %+v", f.Rule, ev)
			}
		}
	}
	if q := fs[0].Evidence; len(q) != 1 || !strings.HasPrefix(q[0].Quote, "Acme may perform") {
		t.Errorf("contradiction evidence %+v", q)
	}
	// With the default 10-day limit the same notice is weak, with a reason.
	f := findingOf(t, testEngine(t, Config{}), doc, "offshore/breach-notice")
	if f.Status != Weak || f.Message != `"thirty (30) days" is more than the 10-day limit` {
		t.Errorf("got %s %q", f.Status, f.Message)
	}
	// Severity and disable from the configuration.
	e = testEngine(t, Config{Disable: []string{"offshore/indemnification"}, Severity: map[string]Severity{"offshore/breach-notice": Low}})
	for _, f := range e.Evaluate(context.Background(), doc) {
		if f.Rule == "offshore/indemnification" {
			t.Error("disabled rule evaluated")
		}
		if f.Rule == "offshore/breach-notice" && f.Severity != Low {
			t.Errorf("severity %s, want low", f.Severity)
		}
	}
}

func TestSectionScope(t *testing.T) {
	pack := `pack: sec
version: 1.0.0
title: Section scope
rules:
  - id: sec/audit
    title: Audit rights
    severity: low
    citation: negotiated protection
    rationale: Why.
    recommendation: Hospital may audit Vendor's records.
    scope: section
    present:
      - all: [audit*, records]
    examples:
      present: [Hospital may audit the records of Vendor.]
      absent: [Hospital may audit the premises.]
`
	e := compilePack(t, "sec.yaml", pack)
	// "audit" and "records" are in different sentences of section 7.2.
	doc := multiDoc("Preamble text here. Hospital may audit Vendor. Vendor shall keep records. Other text.")
	f := findingOf(t, e, doc, "sec/audit")
	if f.Status != Present || len(f.Evidence) != 2 {
		t.Fatalf("got %s with %d quotes, want present with 2", f.Status, len(f.Evidence))
	}
	var buf bytes.Buffer
	if fails := e.RunExamples(context.Background(), &buf, false); len(fails) != 0 {
		t.Errorf("examples failed:\n%s", buf.String())
	}
}

func TestRunExamples(t *testing.T) {
	var buf bytes.Buffer
	e := testEngine(t, Config{Settings: map[string]float64{"breach-notice-days": 100}})
	// Examples run with the rules' own limits, whatever the configuration.
	if fails := e.RunExamples(context.Background(), &buf, true); len(fails) != 0 {
		t.Fatalf("examples failed:\n%s", buf.String())
	}
	out := buf.String()
	for _, s := range []string{"=== RUN   offshore/us-only-performance\n", "--- PASS: offshore/us-only-performance (10 examples)\n", "\nok\n"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	if !strings.HasSuffix(out, " passed, 0 failed\n") {
		t.Errorf("last line of %q", out)
	}

	// A wrong example fails, with the expected line.
	p := mustLoad(t, "testdata/valid/offshore.yaml")
	p.Rules[1].Examples.Absent = append(p.Rules[1].Examples.Absent, "Vendor shall indemnify Hospital.")
	e, err := Compile([]*Pack{p}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	fails := e.RunExamples(context.Background(), &buf, false)
	if len(fails) != 1 || fails[0].Rule != "offshore/indemnification" || fails[0].Got != Present || fails[0].Want != "absent" {
		t.Fatalf("failures %+v", fails)
	}
	if !strings.Contains(buf.String(), "--- FAIL: offshore/indemnification (example 6: want absent, got present)\n") ||
		!strings.Contains(buf.String(), "\nFAIL\n") || !strings.HasSuffix(buf.String(), " passed, 1 failed\n") {
		t.Errorf("output:\n%s", buf.String())
	}
}

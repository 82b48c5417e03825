package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/rules"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/golden")

// sampleRules are the loaded rules of the sample reports.
var sampleRules = []RuleInfo{
	{ID: "offshore/us-only-performance", Title: "Services and PHI access only in the United States", Severity: rules.Critical,
		Citation: "negotiated protection", Rationale: "Work performed offshore puts PHI beyond the reach of US enforcement.",
		Recommendation: "Vendor shall perform all Services, and permit access to PHI, solely from locations within the United States."},
	{ID: "breach/notice-days", Title: "Breach notification within 10 days", Severity: rules.High,
		Citation: "45 CFR 164.410", Rationale: "Late notice shortens the time to notify patients.",
		Recommendation: "Vendor shall notify Customer of any Breach of Unsecured PHI without unreasonable delay and in no case later than ten (10) days after discovery."},
	{ID: "breach/cyber-insurance", Title: "Cyber liability insurance", Severity: rules.Medium,
		Citation: "negotiated protection", Rationale: "Insurance backs the indemnity.",
		Recommendation: "Vendor shall maintain cyber liability insurance of at least $5,000,000 per claim."},
	{ID: "audit/records-access", Title: "Audit rights over records", Severity: rules.Low,
		Citation: "45 CFR 164.504(e)(2)(ii)(I)", Rationale: "The Secretary may inspect books and records.",
		Recommendation: "Vendor shall make its internal practices, books and records available to the Secretary."},
}

func finding(r RuleInfo, status rules.Status, msg string, ev ...rules.Evidence) rules.Finding {
	pack, _, _ := strings.Cut(r.ID, "/")
	if ev == nil {
		ev = []rules.Evidence{}
	}
	return rules.Finding{Rule: r.ID, Pack: pack, Title: r.Title, Severity: r.Severity, Status: status, Message: msg,
		Evidence: ev, Citation: r.Citation, Recommendation: r.Recommendation}
}

// sampleResults are fixed results covering every status, a waiver, an
// unreadable document, a bundle, text that needs escaping in every format,
// a long quote and a spreadsheet formula.
func sampleResults() []rules.Result {
	packs := []rules.PackRef{{Name: "breach", Version: "1.0.0", SHA256: "6b1c0d6c2f5e"}, {Name: "offshore", Version: "1.2.0", SHA256: "a0e3f9b1c7d2"}}
	long := "Vendor shall maintain, at its own cost and for the whole term of this Agreement and for three (3) years after it ends, " +
		"commercial general liability insurance, professional liability insurance and cyber liability insurance with limits " +
		"that are commercially reasonable for a vendor of its size in the healthcare industry — “as agreed” by the parties."
	acme := rules.Result{
		Path: "contracts/acme-baa.pdf", SHA256: "3f1a9c0e5b7d2468ace13579bdf02468ace13579bdf02468ace13579bdf02468", Format: "pdf", Pages: 12,
		Status: rules.DocOK, Warnings: []string{}, Packs: packs,
		Findings: []rules.Finding{
			finding(sampleRules[0], rules.Contradicted, "the contract allows performance outside the United States",
				rules.Evidence{Page: 3, Section: "7.2", Quote: `Vendor may perform the Services from locations outside the United States <including "India" & the Philippines>.`, Start: 10234, End: 10346,
					Before: "7.2 Location of Services.", After: "Vendor shall give <Customer> notice of each location."}),
			finding(sampleRules[1], rules.Weak, "notice within 60 days; the limit is 10",
				rules.Evidence{Page: 5, Section: "9.1", Quote: "Vendor shall report any Breach to Customer within sixty (60) days.", Start: 20480, End: 20546}),
			finding(sampleRules[2], rules.Weak, "no minimum amount", rules.Evidence{Page: 8, Section: "12", Quote: long, Start: 30000, End: 30000 + len(long)}),
			finding(sampleRules[3], rules.Missing, "not found anywhere in the readable text"),
		},
	}
	acme.Findings[3].Waived = &rules.Waiver{Reason: "Covered by the master agreement's audit clause.", AcceptedBy: "J. Smith, General Counsel", Expires: "2027-06-30"}
	broken := rules.Result{Path: "contracts/broken scan.pdf", SHA256: "00ff", Format: "", Status: rules.DocUnreadable,
		Error: "contracts/broken scan.pdf: encrypted with an owner password", Warnings: []string{}, Packs: packs, Findings: []rules.Finding{}}
	beta := rules.Result{
		Path: "bundles/beta_health", SHA256: "9e8d7c6b5a4f", Format: "bundle", Pages: 7, Status: rules.DocOK,
		Warnings: []string{"UNCHECKED MEMBER bundles/beta_health/scan.pdf: scanned with no text layer; protections in it were not checked"},
		Files:    []string{"bundles/beta_health/msa.docx", "bundles/beta_health/amendment-1.txt", "bundles/beta_health/scan.pdf"},
		Packs:    packs,
		Findings: []rules.Finding{
			finding(sampleRules[0], rules.Present, "",
				rules.Evidence{File: "bundles/beta_health/amendment-1.txt", Page: 1, Section: "2", Quote: "Vendor shall perform all Services solely within the United States.", Start: 120, End: 187},
				rules.Evidence{File: "bundles/beta_health/msa.docx", Page: 1, Section: "4.3", Quote: "=Vendor may use offshore *subcontractors* with notice.", Start: 900, End: 954}),
			finding(sampleRules[1], rules.Present, "",
				rules.Evidence{File: "bundles/beta_health/msa.docx", Page: 1, Section: "", Quote: "=HYPERLINK(\"http://example.com\") Vendor shall notify Customer within five (5) business days of discovery of a Breach.", Start: 1500, End: 1614}),
			finding(sampleRules[2], rules.Missing, "not found anywhere in the readable text"),
			finding(sampleRules[3], rules.Present, "",
				rules.Evidence{File: "bundles/beta_health/msa.docx", Page: 1, Section: "11", Quote: "Vendor shall make its books and records available to the Secretary.", Start: 2000, End: 2067}),
		},
	}
	return []rules.Result{acme, beta, broken}
}

func sampleOptions() Options {
	return Options{Tool: ToolInfo{Name: "clausecheck", Version: "0.1.0-test"}, Rules: sampleRules}
}

// render writes results in format and returns the report.
func render(t *testing.T, format string, opt Options, results []rules.Result) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if err := w.Write(r); err != nil {
			t.Fatalf("write %s: %v", r.Path, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var goldenExt = map[string]string{"text": "txt", "json": "json", "jsonl": "jsonl", "csv": "csv", "matrix": "csv", "markdown": "md", "html": "html", "sarif": "sarif"}

func TestGolden(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, sampleOptions(), sampleResults())
			again := render(t, format, sampleOptions(), sampleResults())
			if got != again {
				t.Fatal("output differs between two runs")
			}
			path := filepath.Join("..", "testdata", "golden", format, "sample."+goldenExt[format])
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update)", err)
			}
			norm := func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
			if norm(got) != norm(string(want)) {
				t.Errorf("%s differs from %s; if the change is intended, run go test ./report -update and review the diff\n%s", format, path, firstDiff(norm(got), norm(string(want))))
			}
		})
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func TestNew(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			if _, err := New(format, &bytes.Buffer{}, Options{}); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("unknown", func(t *testing.T) {
		_, err := New("yaml", &bytes.Buffer{}, Options{})
		if err == nil || !strings.Contains(err.Error(), `"yaml"`) || !strings.Contains(err.Error(), strings.Join(Formats(), ", ")) {
			t.Errorf("err = %v, want the format and the list of formats", err)
		}
	})
}

func TestEmpty(t *testing.T) {
	// A batch with no documents still gives a well-formed report.
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			out := render(t, format, Options{Tool: ToolInfo{Name: "clausecheck", Version: "0.1.0"}}, nil)
			if format != "jsonl" && out == "" {
				t.Error("empty output")
			}
		})
	}
}

// serialised returns a copy of results as JSON carries them: without the
// evidence context, which is for in-process reports only.
func serialised(results []rules.Result) []rules.Result {
	out := make([]rules.Result, len(results))
	for i, r := range results {
		if r.Findings != nil {
			r.Findings = append([]rules.Finding{}, r.Findings...)
		}
		for j, f := range r.Findings {
			if f.Evidence == nil {
				continue
			}
			ev := append([]rules.Evidence{}, f.Evidence...)
			for k := range ev {
				ev[k].Before, ev[k].After = "", ""
			}
			r.Findings[j].Evidence = ev
		}
		out[i] = r
	}
	return out
}

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/rules"
)

var update = flag.Bool("update", false, "rewrite the golden scan reports in testdata/golden/scan")

// scanJSON runs `clausecheck scan --format json` on paths, from the
// repository root so report paths are the stable relative ones.
func scanJSON(t *testing.T, args ...string) (report []byte, code int) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var stdout, stderr bytes.Buffer
	code = run(append([]string{"scan", "--format", "json", "--fail-on", "none", "--ocr", "never", "-q"}, args...), strings.NewReader(""), &stdout, &stderr)
	if stderr.Len() > 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	return stdout.Bytes(), code
}

// TestGoldenReports scans every sample contract, in each of its formats, and
// compares the JSON report with the reviewed golden copy.
func TestGoldenReports(t *testing.T) {
	files, err := filepath.Glob("../../testdata/contracts/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".txt" && ext != ".pdf" && ext != ".docx" {
			continue
		}
		rel := "testdata/contracts/" + filepath.Base(f)
		t.Run(filepath.Base(f), func(t *testing.T) {
			got, _ := scanJSON(t, rel)
			golden := filepath.Join("../../testdata/golden/scan", filepath.Base(f)+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/clausecheck -update to create it)", err)
			}
			if !bytes.Equal(bytes.ReplaceAll(want, []byte("\r\n"), []byte("\n")), got) {
				t.Errorf("report differs from %s; run go test ./cmd/clausecheck -update and review the diff", golden)
			}
		})
	}
}

// TestExpectedVerdicts checks the verdicts a careful reading of each sample
// contract gives (testdata/contracts/NAME.expect) against the scan of the
// contract in every format it is committed in.
func TestExpectedVerdicts(t *testing.T) {
	expects, err := filepath.Glob("../../testdata/contracts/*.expect")
	if err != nil {
		t.Fatal(err)
	}
	if len(expects) == 0 {
		t.Fatal("no testdata/contracts/*.expect files")
	}
	for _, exp := range expects {
		want := readExpect(t, exp)
		base := strings.TrimSuffix(filepath.Base(exp), ".expect")
		for _, ext := range []string{".txt", ".pdf", ".docx"} {
			rel := "testdata/contracts/" + base + ext
			if _, err := os.Stat("../../" + rel); err != nil {
				continue
			}
			t.Run(base+ext, func(t *testing.T) {
				out, _ := scanJSON(t, "--packs", "hipaa-baa,offshore,breach-remedies,coding-services,rcm-outsourcing", rel)
				docs := reportDocuments(t, out)
				if len(docs) != 1 || docs[0].Status != rules.DocOK {
					t.Fatalf("want one readable document, got %+v", docs)
				}
				checkVerdicts(t, docs[0].Findings, want)
			})
		}
	}
}

// TestBundleVerdicts scans each sample bundle (MSA + BAA + amendments) as one
// contract and checks the verdicts in testdata/bundles/NAME.expect.
func TestBundleVerdicts(t *testing.T) {
	expects, err := filepath.Glob("../../testdata/bundles/*.expect")
	if err != nil {
		t.Fatal(err)
	}
	if len(expects) == 0 {
		t.Fatal("no testdata/bundles/*.expect files")
	}
	for _, exp := range expects {
		want := readExpect(t, exp)
		name := strings.TrimSuffix(filepath.Base(exp), ".expect")
		t.Run(name, func(t *testing.T) {
			out, _ := scanJSON(t, "--bundle", "testdata/bundles")
			docs := reportDocuments(t, out)
			var doc *rules.Result
			for i := range docs {
				if docs[i].Path == "testdata/bundles/"+name {
					doc = &docs[i]
				}
			}
			if doc == nil || doc.Status != rules.DocOK || len(doc.Files) < 2 {
				t.Fatalf("want bundle %s read as one contract of several files, got %+v", name, doc)
			}
			checkVerdicts(t, doc.Findings, want)
		})
	}
}

// reportDocuments decodes the documents of a JSON report.
func reportDocuments(t *testing.T, out []byte) []rules.Result {
	t.Helper()
	var rep struct {
		Documents []rules.Result `json:"documents"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	return rep.Documents
}

// checkVerdicts reports each rule of want whose finding has another status.
func checkVerdicts(t *testing.T, findings []rules.Finding, want map[string]rules.Status) {
	t.Helper()
	got := map[string]rules.Status{}
	for _, f := range findings {
		got[f.Rule] = f.Status
	}
	for rule, status := range want {
		if got[rule] != status {
			t.Errorf("%s: got %s, want %s", rule, got[rule], status)
		}
	}
}

func readExpect(t *testing.T, path string) map[string]rules.Status {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]rules.Status{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 2 {
			t.Fatalf("%s: bad line %q: want RULE STATUS", path, line)
		}
		want[fields[0]] = rules.Status(fields[1])
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return want
}

package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The schema is the OASIS SARIF 2.1.0 (errata01) JSON schema.
const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

func TestSARIFSchema(t *testing.T) {
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(sarifSchemaFile, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]Options{
		"with rules":    sampleOptions(),
		"without rules": {Tool: ToolInfo{Name: "clausecheck", Version: "9.9.9"}},
	}
	for name, opt := range cases {
		t.Run(name, func(t *testing.T) {
			out := render(t, "sarif", opt, sampleResults())
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("not valid SARIF 2.1.0: %v", err)
			}
		})
	}
	t.Run("an invalid log is caught", func(t *testing.T) {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"results": []}]}`))
		if err := schema.Validate(inst); err == nil {
			t.Error("a run with no tool passed validation: the schema check proves nothing")
		}
	})
}

func TestSARIFContent(t *testing.T) {
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version string
					Rules         []struct {
						ID         string `json:"id"`
						Help       struct{ Text string }
						Properties map[string]any `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				Notifications []struct {
					Level   string
					Message struct{ Text string }
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []struct {
				RuleID       string `json:"ruleId"`
				RuleIndex    int    `json:"ruleIndex"`
				Level        string `json:"level"`
				Suppressions []struct{ Kind, Status, Justification string }
				Locations    []struct {
					Physical struct {
						Artifact struct{ URI string } `json:"artifactLocation"`
						Region   *struct {
							ByteOffset int `json:"byteOffset"`
							ByteLength int `json:"byteLength"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	out := render(t, "sarif", sampleOptions(), sampleResults())
	if err := json.NewDecoder(bytes.NewReader([]byte(out))).Decode(&log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if log.Version != "2.1.0" || run.Tool.Driver.Version != "0.1.0-test" {
		t.Errorf("version %q, tool version %q: want 2.1.0 and the version from Options", log.Version, run.Tool.Driver.Version)
	}
	if len(run.Tool.Driver.Rules) != len(sampleRules) || run.Tool.Driver.Rules[1].Properties["severity"] != "high" || run.Tool.Driver.Rules[0].Help.Text == "" {
		t.Errorf("driver rules %+v", run.Tool.Driver.Rules)
	}
	// acme: contradicted critical, weak high, weak medium, missing low
	// (waived); beta: missing medium. Present findings are not results.
	want := []struct {
		rule, level, uri string
		offset, length   int
		suppressed       bool
	}{
		{"offshore/us-only-performance", "error", "contracts/acme-baa.pdf", 10234, 112, false},
		{"breach/notice-days", "error", "contracts/acme-baa.pdf", 20480, 66, false},
		{"breach/cyber-insurance", "warning", "contracts/acme-baa.pdf", 30000, -1, false},
		{"audit/records-access", "note", "contracts/acme-baa.pdf", -1, -1, true},
		{"breach/cyber-insurance", "warning", "bundles/beta_health", -1, -1, false},
	}
	if len(run.Results) != len(want) {
		t.Fatalf("%d results, want %d", len(run.Results), len(want))
	}
	for i, w := range want {
		r := run.Results[i]
		loc := r.Locations[0].Physical
		if r.RuleID != w.rule || r.Level != w.level || loc.Artifact.URI != w.uri || run.Tool.Driver.Rules[r.RuleIndex].ID != w.rule {
			t.Errorf("result %d: %s %s %s (index %d), want %s %s %s", i, r.RuleID, r.Level, loc.Artifact.URI, r.RuleIndex, w.rule, w.level, w.uri)
		}
		if w.offset >= 0 && (loc.Region == nil || loc.Region.ByteOffset != w.offset) {
			t.Errorf("result %d: region %+v, want byte offset %d", i, loc.Region, w.offset)
		}
		if w.length >= 0 && loc.Region.ByteLength != w.length {
			t.Errorf("result %d: byte length %d, want %d", i, loc.Region.ByteLength, w.length)
		}
		if w.offset < 0 && loc.Region != nil {
			t.Errorf("result %d: a missing protection has no region, got %+v", i, loc.Region)
		}
		if got := len(r.Suppressions) == 1 && r.Suppressions[0].Status == "accepted" && strings.Contains(r.Suppressions[0].Justification, "J. Smith"); got != w.suppressed {
			t.Errorf("result %d: suppressions %+v", i, r.Suppressions)
		}
	}
	n := run.Invocations[0].Notifications
	if len(n) != 1 || n[0].Level != "error" || !strings.Contains(n[0].Message.Text, "broken scan.pdf") {
		t.Errorf("notifications %+v, want the unreadable document", n)
	}
}

func TestSARIFURI(t *testing.T) {
	tests := map[string]string{
		"contracts/acme.pdf":        "contracts/acme.pdf",
		"contracts/broken scan.pdf": "contracts/broken%20scan.pdf",
		"/abs/a#b.pdf":              "/abs/a%23b.pdf",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := sarifURI(in); got != want {
				t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

package report

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/clausecheck/clausecheck/rules"
)

func TestJSON(t *testing.T) {
	out := render(t, "json", sampleOptions(), sampleResults())
	var got struct {
		Tool      ToolInfo       `json:"tool"`
		Documents []rules.Result `json:"documents"`
		Summary   rules.Summary  `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var keys map[string]json.RawMessage
	json.Unmarshal([]byte(out), &keys)
	t.Run("shape", func(t *testing.T) {
		if len(keys) != 3 || keys["tool"] == nil || keys["documents"] == nil || keys["summary"] == nil {
			t.Errorf("top-level keys %v, want tool, documents, summary", reflect.ValueOf(keys).MapKeys())
		}
		if got.Tool != (ToolInfo{"clausecheck", "0.1.0-test"}) {
			t.Errorf("tool %+v", got.Tool)
		}
	})
	t.Run("documents round trip", func(t *testing.T) {
		if !reflect.DeepEqual(got.Documents, serialised(sampleResults())) {
			t.Errorf("documents differ from the results written")
		}
	})
	t.Run("summary", func(t *testing.T) {
		want := rules.Summary{Documents: 3, Unreadable: 1, Present: 3, Weak: 2, Contradicted: 1, Missing: 2, Waived: 1}
		if got.Summary != want {
			t.Errorf("summary %+v, want %+v", got.Summary, want)
		}
	})
	t.Run("empty lists are arrays", func(t *testing.T) {
		r := rules.Result{Path: "a.txt", Status: rules.DocError, Error: "a.txt: boom"}
		var doc struct {
			Documents []map[string]any `json:"documents"`
		}
		if err := json.Unmarshal([]byte(render(t, "json", Options{}, []rules.Result{r})), &doc); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"warnings", "packs", "findings"} {
			if _, ok := doc.Documents[0][k].([]any); !ok {
				t.Errorf("%s is %v, want []", k, doc.Documents[0][k])
			}
		}
	})
}

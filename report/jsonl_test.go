package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/rules"
)

func TestJSONL(t *testing.T) {
	results := sampleResults()
	var buf bytes.Buffer
	w, err := New("jsonl", &buf, sampleOptions())
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
		// Streamed: each document is out before the next is written.
		if n := strings.Count(buf.String(), "\n"); n != i+1 {
			t.Fatalf("after %d documents, %d lines written", i+1, n)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	var got []rules.Result
	for sc.Scan() {
		var r rules.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", len(got)+1, err)
		}
		got = append(got, r)
	}
	if !reflect.DeepEqual(got, serialised(results)) {
		t.Errorf("lines do not round-trip to the results written (and there must be no summary line)")
	}
}

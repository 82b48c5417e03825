package rules

import (
	"context"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestEvaluateConcurrent checks that documents evaluated at the same time,
// which share the engine's caches and reuse its per-document states, get
// the findings they get alone.
func TestEvaluateConcurrent(t *testing.T) {
	data, err := os.ReadFile("testdata/contract.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	docs := []string{
		text,
		strings.ReplaceAll(text, "shall", "may"),
		strings.ReplaceAll(text, "Vendor", "Hospital"),
		strings.Repeat(text+"\n", 3),
		"Vendor shall mantain the recrods.",
	}
	for _, n := range []int{50, 500} {
		e, err := Compile([]*Pack{synthPack(n)}, Config{})
		if err != nil {
			t.Fatal(err)
		}
		want := make([][]Finding, len(docs))
		for i, d := range docs {
			want[i] = e.Evaluate(context.Background(), textDoc(d))
		}
		var wg sync.WaitGroup
		got := make([][][]Finding, 4)
		for g := range got {
			got[g] = make([][]Finding, len(docs))
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range 3 {
					for i := range docs {
						i := (i + g + k) % len(docs)
						got[g][i] = e.Evaluate(context.Background(), textDoc(docs[i]))
					}
				}
			}()
		}
		wg.Wait()
		for g := range got {
			for i := range docs {
				if !reflect.DeepEqual(got[g][i], want[i]) {
					t.Errorf("%d rules, goroutine %d, document %d: findings differ from a lone evaluation", n, g, i)
				}
			}
		}
	}
}

package scan

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clausecheck/clausecheck/extract"
	"github.com/clausecheck/clausecheck/rules"
)

// fakeExtract reads a file as plain text. A file whose text starts with
// "UNREADABLE" is unreadable; one starting with "BROKEN" fails.
func fakeExtract(delay time.Duration) Extractor {
	return func(ctx context.Context, path string) (*extract.Document, error) {
		if delay > 0 {
			d := time.Duration(rand.Int64N(int64(delay)))
			select {
			case <-time.After(d):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", filepath.Base(path), err)
		}
		text := string(data)
		switch {
		case strings.HasPrefix(text, "UNREADABLE"):
			return nil, &extract.UnreadableError{Path: path, Reason: "encrypted"}
		case strings.HasPrefix(text, "BROKEN"):
			return nil, errors.New("not a pdf:\nbad header")
		}
		return &extract.Document{Path: path, Format: extract.FormatText, SHA256: "sha-" + filepath.Base(path), Text: text,
			Pages: []extract.Page{{Number: 1, End: len(text)}}}, nil
	}
}

// fakeEval has two rules: t/alpha is present when the text holds "ALPHA",
// contradicted when it holds "NO-ALPHA", weak with "SOME-ALPHA"; t/beta is
// present with "BETA".
type fakeEval struct{ calls atomic.Int64 }

func (e *fakeEval) Packs() []rules.PackRef {
	return []rules.PackRef{{Name: "t", Version: "1.0.0", SHA256: "abc"}}
}

func (e *fakeEval) Evaluate(ctx context.Context, doc *extract.Document) []rules.Finding {
	e.calls.Add(1)
	find := func(id, word string, sev rules.Severity) rules.Finding {
		f := rules.Finding{Rule: id, Pack: "t", Title: id, Severity: sev, Status: rules.Missing}
		for _, tok := range []struct {
			w string
			s rules.Status
		}{{"NO-" + word, rules.Contradicted}, {"SOME-" + word, rules.Weak}, {word, rules.Present}} {
			if i := strings.Index(doc.Text, tok.w); i >= 0 {
				f.Status = tok.s
				f.Evidence = []rules.Evidence{{Page: 1, Quote: tok.w, Start: i, End: i + len(tok.w)}}
				break
			}
		}
		return f
	}
	return []rules.Finding{find("t/alpha", "ALPHA", rules.Critical), find("t/beta", "BETA", rules.Low)}
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func collectRun(t *testing.T, ctx context.Context, roots []string, ex Extractor, opt Options) ([]rules.Result, rules.Summary, error) {
	t.Helper()
	var out []rules.Result
	sum, err := Run(ctx, roots, ex, &fakeEval{}, opt, func(r rules.Result) error {
		out = append(out, r)
		return nil
	})
	return out, sum, err
}

func statuses(r rules.Result) map[string]rules.Status {
	m := map[string]rules.Status{}
	for _, f := range r.Findings {
		m[f.Rule] = f.Status
	}
	return m
}

func TestRunOrderWithWorkers(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 60 {
		files[fmt.Sprintf("d%d/f%02d.txt", i%5, i)] = "ALPHA"
	}
	write(t, dir, files)
	want, err := Inputs([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, sum, err := collectRun(t, context.Background(), []string{dir}, fakeExtract(5*time.Millisecond), Options{Workers: 8})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, r := range got {
		paths = append(paths, r.Path)
	}
	for i := range want {
		want[i] = filepath.ToSlash(want[i])
	}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("emitted out of path order:\n%q\nwant\n%q", paths, want)
	}
	if sum.Documents != 60 || sum.Present != 60 || sum.Missing != 60 {
		t.Errorf("summary %+v", sum)
	}
}

func TestRunBoundedWindow(t *testing.T) {
	// The first document is slow: the others must not all be read while it
	// holds up emission.
	dir := t.TempDir()
	files := map[string]string{"a-slow.txt": "ALPHA"}
	for i := range 100 {
		files[fmt.Sprintf("b%03d.txt", i)] = "ALPHA"
	}
	write(t, dir, files)
	var started atomic.Int64
	release := make(chan struct{})
	var maxAhead int64
	ex := func(ctx context.Context, path string) (*extract.Document, error) {
		started.Add(1)
		if strings.HasSuffix(path, "a-slow.txt") {
			<-release
		}
		return fakeExtract(0)(ctx, path)
	}
	go func() {
		time.Sleep(200 * time.Millisecond)
		maxAhead = started.Load()
		close(release)
	}()
	_, sum, err := collectRun(t, context.Background(), []string{dir}, ex, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 101 {
		t.Errorf("documents = %d", sum.Documents)
	}
	if limit := int64(2*windowPerWorker) + 1; maxAhead > limit {
		t.Errorf("%d documents started while the first was pending, want at most %d", maxAhead, limit)
	}
}

func TestRunErrorsDoNotStopBatch(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"a.txt": "ALPHA BETA",
		"b.pdf": "BROKEN",
		"c.pdf": "UNREADABLE",
		"d.txt": "NO-ALPHA",
	})
	got, sum, err := collectRun(t, context.Background(), []string{dir}, fakeExtract(0), Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("got %d results", len(got))
	}
	tests := []struct {
		i      int
		status rules.DocStatus
		errHas string
		rules  map[string]rules.Status
	}{
		{0, rules.DocOK, "", map[string]rules.Status{"t/alpha": rules.Present, "t/beta": rules.Present}},
		{1, rules.DocError, "b.pdf", map[string]rules.Status{}},
		{2, rules.DocUnreadable, "c.pdf", map[string]rules.Status{}},
		{3, rules.DocOK, "", map[string]rules.Status{"t/alpha": rules.Contradicted, "t/beta": rules.Missing}},
	}
	for _, tc := range tests {
		r := got[tc.i]
		t.Run(r.Path, func(t *testing.T) {
			if r.Status != tc.status {
				t.Errorf("status %q, want %q", r.Status, tc.status)
			}
			if !strings.Contains(r.Error, tc.errHas) || strings.Contains(r.Error, "\n") {
				t.Errorf("error %q: want one line naming %q", r.Error, tc.errHas)
			}
			if tc.status != rules.DocOK && r.Findings == nil {
				t.Error("findings nil, want an empty list")
			}
			if s := statuses(r); !reflect.DeepEqual(s, tc.rules) {
				t.Errorf("findings %v, want %v", s, tc.rules)
			}
			if len(r.Packs) != 1 || r.Packs[0].Name != "t" {
				t.Errorf("packs %v", r.Packs)
			}
		})
	}
	if sum.Errors != 1 || sum.Unreadable != 1 || !sum.Unchecked() {
		t.Errorf("summary %+v", sum)
	}
	if !sum.Fails(rules.Critical) || sum.Fails("") {
		t.Errorf("Fails: the contradicted critical finding must fail at critical, nothing at none")
	}
}

func TestRunCancel(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 200 {
		files[fmt.Sprintf("f%03d.txt", i)] = "ALPHA"
	}
	write(t, dir, files)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got []rules.Result
	_, err := Run(ctx, []string{dir}, fakeExtract(2*time.Millisecond), &fakeEval{}, Options{Workers: 4}, func(r rules.Result) error {
		got = append(got, r)
		if len(got) == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(got) < 10 || len(got) >= 200 {
		t.Errorf("emitted %d results, want 10 and then a stop", len(got))
	}
	for i, r := range got {
		if want := fmt.Sprintf("f%03d.txt", i); filepath.Base(r.Path) != want || r.Status != rules.DocOK {
			t.Errorf("result %d: %s %s, want %s ok (no cancelled document reported as an error)", i, r.Path, r.Status, want)
		}
	}
}

func TestRunEmitError(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": "", "b.txt": "", "c.txt": ""})
	stop := errors.New("disk full")
	n := 0
	_, err := Run(context.Background(), []string{dir}, fakeExtract(0), &fakeEval{}, Options{Workers: 2}, func(rules.Result) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err = %v after %d emits, want the emit error after 1", err, n)
	}
}

func TestRunProgress(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": "", "b.txt": "BROKEN"})
	var buf syncBuffer
	if _, _, err := collectRun(t, context.Background(), []string{dir}, fakeExtract(0), Options{Progress: &buf}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "\r2/2 documents (100%)") || !strings.Contains(out, "1 unreadable/errors") || !strings.HasSuffix(out, "\n") {
		t.Errorf("progress output %q", out)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRunRelativePaths(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"contracts/a.txt": "ALPHA", "contracts/sub/b.txt": "BROKEN"})
	t.Chdir(dir)
	got, _, err := collectRun(t, context.Background(), []string{"./contracts"}, fakeExtract(0), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, r := range got {
		paths = append(paths, r.Path)
	}
	if want := []string{"contracts/a.txt", "contracts/sub/b.txt"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("paths %q, want %q: relative, slash-separated, as walked", paths, want)
	}
	if !strings.HasPrefix(got[1].Error, "contracts/sub/b.txt: ") {
		t.Errorf("error %q does not name the file", got[1].Error)
	}
}

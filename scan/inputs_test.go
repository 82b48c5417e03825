package scan

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"testing"
)

// tree writes files (slash paths relative to dir), each holding its own
// name.
func tree(t *testing.T, dir string, files ...string) {
	t.Helper()
	contents := make(map[string]string, len(files))
	for _, f := range files {
		contents[f] = "text of " + f
	}
	write(t, dir, contents)
}

func rel(t *testing.T, root string, paths []string) []string {
	t.Helper()
	out := []string{}
	for _, p := range paths {
		r, err := filepath.Rel(root, p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	tree(t, dir,
		"a.pdf", "b.txt", "c.docx", "d.html", "e.htm", "f.md", "g.jpg", "Z.TXT",
		".hidden.txt", ".git/config.txt", "sub/x.txt", "sub/deep/y.pdf", "sub/notes.csv",
		"drafts/old.txt", "drafts/keep/k.txt")
	tests := []struct {
		name             string
		include, exclude []string
		want             []string
	}{
		{"all supported, hidden skipped", nil, nil, []string{
			"Z.TXT", "a.pdf", "b.txt", "c.docx", "d.html", "drafts/keep/k.txt", "drafts/old.txt", "e.htm", "f.md", "sub/deep/y.pdf", "sub/x.txt"}},
		{"include by base name at any depth", []string{"*.pdf"}, nil, []string{"a.pdf", "sub/deep/y.pdf"}},
		{"include anchored", []string{"sub/*"}, nil, []string{"sub/x.txt"}},
		{"include double star", []string{"sub/**"}, nil, []string{"sub/deep/y.pdf", "sub/x.txt"}},
		{"double star in the middle", []string{"**/deep/*.pdf"}, nil, []string{"sub/deep/y.pdf"}},
		{"exclude folder", nil, []string{"drafts/**"}, []string{
			"Z.TXT", "a.pdf", "b.txt", "c.docx", "d.html", "e.htm", "f.md", "sub/deep/y.pdf", "sub/x.txt"}},
		{"include and exclude", []string{"*.txt"}, []string{"drafts/*"}, []string{"b.txt", "drafts/keep/k.txt", "sub/x.txt"}},
		{"character class", []string{"[a-c].*"}, nil, []string{"a.pdf", "b.txt", "c.docx"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Inputs([]string{dir}, Options{Include: tc.include, Exclude: tc.exclude})
			if err != nil {
				t.Fatal(err)
			}
			if r := rel(t, dir, got); !reflect.DeepEqual(r, tc.want) {
				t.Errorf("got %q\nwant %q", r, tc.want)
			}
		})
	}
}

func TestInputsExplicitFiles(t *testing.T) {
	dir := t.TempDir()
	tree(t, dir, "scan.jpg", "b.txt", ".hidden.txt")
	got, err := Inputs([]string{filepath.Join(dir, "scan.jpg"), "-", filepath.Join(dir, ".hidden.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "b.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"-", filepath.Join(dir, ".hidden.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "scan.jpg")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q (explicit files kept whatever their name, duplicates once, sorted)", got, want)
	}
}

func TestInputsErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		roots []string
		opt   Options
	}{
		{"missing root", []string{filepath.Join(dir, "nope")}, Options{}},
		{"bad pattern", []string{dir}, Options{Include: []string{"[a-"}}},
		{"shard zero of two", []string{dir}, Options{Shard: 0, Shards: 2}},
		{"shard three of two", []string{dir}, Options{Shard: 3, Shards: 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := Inputs(tc.roots, tc.opt); err == nil {
				t.Errorf("Inputs = %q, want an error", got)
			}
		})
	}
}

func TestInputsSymlinkLoop(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on windows")
	}
	dir := t.TempDir()
	tree(t, dir, "a/x.txt")
	if err := os.Symlink("..", filepath.Join(dir, "a", "up")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	got, err := Inputs([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := rel(t, dir, got); !reflect.DeepEqual(r, []string{"a/x.txt"}) {
		t.Errorf("got %q, want the file once", r)
	}
}

func TestInputsShards(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 200 {
		files = append(files, filepath.Join("d"+string(rune('a'+i%7)), "f"+strconv.Itoa(i)+".txt"))
	}
	tree(t, dir, files...)
	all, err := Inputs([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 8} {
		t.Run("of "+strconv.Itoa(n), func(t *testing.T) {
			var union []string
			seen := map[string]int{}
			for k := 1; k <= n; k++ {
				part, err := Inputs([]string{dir}, Options{Shard: k, Shards: n})
				if err != nil {
					t.Fatal(err)
				}
				again, _ := Inputs([]string{dir}, Options{Shard: k, Shards: n})
				if !reflect.DeepEqual(part, again) {
					t.Fatalf("shard %d/%d not deterministic", k, n)
				}
				if n > 1 && len(part) == len(all) {
					t.Errorf("shard %d/%d holds everything", k, n)
				}
				for _, p := range part {
					if prev, dup := seen[p]; dup {
						t.Errorf("%s in shards %d and %d", p, prev, k)
					}
					seen[p] = k
				}
				union = append(union, part...)
			}
			sort.Strings(union)
			if !reflect.DeepEqual(union, all) {
				t.Errorf("shards of %d cover %d of %d inputs", n, len(union), len(all))
			}
		})
	}
}

func TestShardOfRelative(t *testing.T) {
	// The shard depends on the path relative to its root, so two machines
	// mounting the corpus at different places agree.
	a, b := t.TempDir(), t.TempDir()
	var files []string
	for i := range 50 {
		files = append(files, "f"+strconv.Itoa(i)+".txt")
	}
	tree(t, a, files...)
	tree(t, b, files...)
	for k := 1; k <= 3; k++ {
		pa, _ := Inputs([]string{a}, Options{Shard: k, Shards: 3})
		pb, _ := Inputs([]string{b}, Options{Shard: k, Shards: 3})
		if !reflect.DeepEqual(rel(t, a, pa), rel(t, b, pb)) {
			t.Errorf("shard %d/3 differs between roots", k)
		}
	}
}

func TestInputsBundles(t *testing.T) {
	dir := t.TempDir()
	tree(t, dir, "acme/msa.txt", "acme/baa.txt", "beta/msa.pdf", "loose.txt", ".hidden/x.txt", "notes.csv")
	got, err := Inputs([]string{dir}, Options{Bundle: true})
	if err != nil {
		t.Fatal(err)
	}
	if r := rel(t, dir, got); !reflect.DeepEqual(r, []string{"acme", "beta", "loose.txt"}) {
		t.Errorf("got %q", r)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"*.pdf", "a.pdf", true},
		{"*.pdf", "x/y/a.pdf", true},
		{"x/*.pdf", "x/y/a.pdf", false},
		{"x/**/a.pdf", "x/a.pdf", true},
		{"x/**/a.pdf", "x/y/z/a.pdf", true},
		{"**", "anything/at/all", true},
		{"x/**", "y/a", false},
		{"a?.txt", "ab.txt", true},
		{"a?.txt", "a/.txt", false},
	}
	for _, tc := range tests {
		t.Run(tc.pattern+" "+tc.path, func(t *testing.T) {
			if got := Match(tc.pattern, tc.path); got != tc.want {
				t.Errorf("Match(%q, %q) = %v, want %v", tc.pattern, tc.path, got, tc.want)
			}
		})
	}
}

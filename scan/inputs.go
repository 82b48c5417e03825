package scan

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Stdin is the path that stands for standard input.
const Stdin = "-"

// Extensions lists the file name extensions picked up when walking a folder.
// Files named explicitly are always taken, whatever their extension.
var Extensions = []string{".pdf", ".docx", ".html", ".htm", ".txt", ".md"}

// unit is one thing to report on: a document, or a bundle folder.
type unit struct {
	path   string // as given or walked, OS form
	rel    string // slash path relative to its root, for patterns and shards
	bundle bool
}

// Inputs expands roots into the sorted list of documents a scan would read:
// folders are walked recursively (hidden files and folders skipped, symbolic
// links followed once, loops broken), keeping only supported extensions;
// files named explicitly and "-" (standard input) are always kept. Then the
// include and exclude patterns and the shard select among them. With
// opt.Bundle the list holds the bundle folders instead (and any loose files
// directly inside a root, each reported on its own).
func Inputs(roots []string, opt Options) ([]string, error) {
	units, err := collect(roots, opt)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.path
	}
	return out, nil
}

func collect(roots []string, opt Options) ([]unit, error) {
	if err := checkShard(opt.Shard, opt.Shards); err != nil {
		return nil, err
	}
	for _, p := range slices.Concat(opt.Include, opt.Exclude) {
		if err := validPattern(p); err != nil {
			return nil, err
		}
	}
	var units []unit
	for _, root := range roots {
		us, err := expand(root, opt)
		if err != nil {
			return nil, err
		}
		units = append(units, us...)
	}
	seen := make(map[string]bool, len(units))
	kept := units[:0]
	for _, u := range units {
		if seen[u.path] || !selected(u.rel, opt) {
			continue
		}
		seen[u.path] = true
		kept = append(kept, u)
	}
	sort.Slice(kept, func(i, j int) bool {
		return filepath.ToSlash(kept[i].path) < filepath.ToSlash(kept[j].path)
	})
	return kept, nil
}

func checkShard(k, n int) error {
	switch {
	case k == 0 && n == 0:
		return nil
	case n < 1 || k < 1 || k > n:
		return fmt.Errorf("shard %d/%d: want 1 <= K <= N", k, n)
	}
	return nil
}

// ShardOf returns the 1-based shard of n that the slash path rel (relative to
// its root) falls in: FNV-1a 64 of the path, modulo n. It depends on nothing
// but the path, so every machine agrees on it.
func ShardOf(rel string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(rel))
	return int(h.Sum64()%uint64(n)) + 1
}

func selected(rel string, opt Options) bool {
	if len(opt.Include) > 0 && !matchAny(opt.Include, rel) {
		return false
	}
	if matchAny(opt.Exclude, rel) {
		return false
	}
	if opt.Shards > 0 && ShardOf(rel, opt.Shards) != opt.Shard {
		return false
	}
	return true
}

func expand(root string, opt Options) ([]unit, error) {
	if root == Stdin {
		return []unit{{path: Stdin, rel: Stdin}}, nil
	}
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("input %s: %w", root, cleanPathErr(err))
	}
	if !info.IsDir() {
		// A file named explicitly: its patterns and shard see it as given.
		return []unit{{path: root, rel: filepath.ToSlash(filepath.Clean(root))}}, nil
	}
	if opt.Bundle {
		return bundles(root, opt.Skipped)
	}
	w := walker{root: root, visited: map[string]bool{}, skipped: opt.Skipped}
	if err := w.walk(root); err != nil {
		return nil, err
	}
	return w.units, nil
}

// bundles lists the immediate sub-folders of root as bundles, and supported
// loose files directly in root as documents of their own.
func bundles(root string, skipped func(string)) ([]unit, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("input %s: %w", root, cleanPathErr(err))
	}
	var units []unit
	for _, e := range entries {
		name := e.Name()
		if hidden(name) {
			continue
		}
		p := filepath.Join(root, name)
		info, err := os.Stat(p) // follows a symbolic link to a folder
		if err != nil {
			continue
		}
		switch {
		case info.IsDir():
			units = append(units, unit{path: p, rel: name, bundle: true})
		case info.Mode().IsRegular() && supported(name):
			units = append(units, unit{path: p, rel: name})
		case info.Mode().IsRegular() && skipped != nil:
			skipped(p)
		}
	}
	return units, nil
}

type walker struct {
	root    string
	visited map[string]bool // real paths of folders already walked
	units   []unit
	skipped func(path string)
}

func (w *walker) walk(dir string) error {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return fmt.Errorf("walk %s: %w", dir, cleanPathErr(err))
	}
	if w.visited[real] {
		return nil // a symbolic link loop, or a folder reached twice
	}
	w.visited[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("walk %s: %w", dir, cleanPathErr(err))
	}
	for _, e := range entries {
		name := e.Name()
		if hidden(name) {
			continue
		}
		p := filepath.Join(dir, name)
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := os.Stat(p)
			if err != nil {
				continue // a dangling link
			}
			mode = info.Mode().Type()
		}
		switch {
		case mode.IsDir():
			if err := w.walk(p); err != nil {
				return err
			}
		case mode.IsRegular() && supported(name):
			rel, err := filepath.Rel(w.root, p)
			if err != nil {
				rel = p
			}
			w.units = append(w.units, unit{path: p, rel: filepath.ToSlash(rel)})
		case mode.IsRegular() && w.skipped != nil:
			w.skipped(p)
		}
	}
	return nil
}

func hidden(name string) bool { return strings.HasPrefix(name, ".") }

func supported(name string) bool {
	return slices.Contains(Extensions, strings.ToLower(filepath.Ext(name)))
}

func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// validPattern checks a pattern's syntax once, so a typo fails up front
// instead of silently matching nothing.
func validPattern(p string) error {
	if p == "" {
		return errors.New("empty include/exclude pattern")
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Errorf("pattern %q: %w", p, err)
		}
	}
	return nil
}

func matchAny(patterns []string, rel string) bool {
	for _, p := range patterns {
		if Match(p, rel) {
			return true
		}
	}
	return false
}

// Match reports whether the slash path rel matches pattern. Patterns are
// globs over slash paths: "*", "?" and "[...]" within one path element, "**"
// as a whole element for any number of elements (including none). A pattern
// with no "/" also matches the last element alone, so "*.txt" selects text
// files at any depth, as in .gitignore.
func Match(pattern, rel string) bool {
	if !strings.Contains(pattern, "/") {
		if ok, _ := path.Match(pattern, path.Base(rel)); ok {
			return true
		}
	}
	return matchSegs(strings.Split(pattern, "/"), strings.Split(rel, "/"))
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			for i := 0; i <= len(name); i++ {
				if matchSegs(rest, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

package clauses

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/clausecheck/clausecheck/rules"
)

// FS holds the built-in rule packs, one file a pack.
//
//go:embed *.yaml
var FS embed.FS

// defaults are the packs `clausecheck scan` applies when the configuration
// names none.
var defaults = []string{"hipaa-baa", "offshore", "breach-remedies", "coding-services", "rcm-outsourcing"}

// Names returns the names of the built-in packs (file names without
// ".yaml"), sorted.
func Names() []string {
	entries, err := fs.ReadDir(FS, ".")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !e.IsDir() {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Default returns the packs a scan applies by default.
func Default() []string { return append([]string(nil), defaults...) }

// Load parses the named built-in packs, in the order named, or every
// built-in pack when none is named. An unknown name is an error that lists
// the known ones.
func Load(names ...string) ([]*rules.Pack, error) {
	if len(names) == 0 {
		names = Names()
	}
	known := Names()
	packs := make([]*rules.Pack, 0, len(names))
	for _, n := range names {
		i := sort.SearchStrings(known, n)
		if i == len(known) || known[i] != n {
			return nil, fmt.Errorf("unknown pack %q (built-in packs: %s)", n, strings.Join(known, ", "))
		}
		file := n + ".yaml"
		data, err := FS.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("load pack %s: %w", n, err)
		}
		p, err := rules.Load(file, data)
		if err != nil {
			return nil, fmt.Errorf("load pack %s: %w", n, err)
		}
		packs = append(packs, p)
	}
	return packs, nil
}

package scan

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/clausecheck/clausecheck/extract"
	"github.com/clausecheck/clausecheck/rules"
)

// OrderFile is the file in a bundle folder that lists its members, oldest
// first.
const OrderFile = "order.txt"

// FormatBundle is the Result.Format of a bundle whose members are not all of
// one format.
const FormatBundle = "bundle"

// members lists the files of a bundle folder in order: from order.txt when
// there is one, or else the supported files by name.
func members(dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, OrderFile))
	if os.IsNotExist(err) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("bundle %s: %w", filepath.ToSlash(dir), cleanPathErr(err))
		}
		var names []string
		for _, e := range entries {
			if hidden(e.Name()) || !supported(e.Name()) {
				continue
			}
			if info, err := os.Stat(filepath.Join(dir, e.Name())); err == nil && info.Mode().IsRegular() {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		if len(names) == 0 {
			return nil, fmt.Errorf("bundle %s: no supported files", filepath.ToSlash(dir))
		}
		return joinAll(dir, names), nil
	}
	if err != nil {
		return nil, fmt.Errorf("bundle %s: %w", filepath.ToSlash(dir), cleanPathErr(err))
	}
	var names []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		name := strings.TrimSpace(sc.Text())
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		at := filepath.ToSlash(filepath.Join(dir, OrderFile))
		if name != filepath.Base(name) || name == ".." {
			return nil, fmt.Errorf("%s:%d: %q is not a file name in the bundle folder", at, n, name)
		}
		if seen[name] {
			return nil, fmt.Errorf("%s:%d: %s listed twice", at, n, name)
		}
		seen[name] = true
		if info, err := os.Stat(filepath.Join(dir, name)); err != nil || !info.Mode().IsRegular() {
			return nil, fmt.Errorf("%s:%d: listed file %s does not exist", at, n, name)
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("bundle %s: %s lists no files", filepath.ToSlash(dir), OrderFile)
	}
	return joinAll(dir, names), nil
}

func joinAll(dir string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = filepath.Join(dir, n)
	}
	return out
}

// member is one evaluated file of a bundle.
type member struct {
	path     string // slash form, as reported
	findings []rules.Finding
}

func runBundle(ctx context.Context, dir string, ex Extractor, ev Evaluator) rules.Result {
	r := rules.Result{Path: filepath.ToSlash(dir), Status: rules.DocOK}
	files, err := members(dir)
	if err != nil {
		r.Status = rules.DocError
		r.Error = strings.Join(strings.Fields(err.Error()), " ")
		return r
	}
	var (
		docs      = make([]*extract.Document, len(files)) // nil: not read
		hashes    []string
		formats   = map[string]bool{}
		failures  []string
		allUnread = true
	)
	for i, path := range files {
		slash := filepath.ToSlash(path)
		r.Files = append(r.Files, slash)
		doc, err := ex(ctx, path)
		if err != nil {
			status, msg := failure(slash, err)
			if status != rules.DocUnreadable {
				allUnread = false
			}
			failures = append(failures, msg)
			r.Warnings = append(r.Warnings, fmt.Sprintf("UNCHECKED MEMBER %s: %s; protections in it were not checked", slash, msg))
			sum, format := identify(path)
			hashes = append(hashes, sum)
			if format != "" {
				formats[format] = true
			}
			continue
		}
		docs[i] = doc
		hashes = append(hashes, doc.SHA256)
		formats[string(doc.Format)] = true
		r.Pages += len(doc.Pages)
		for _, w := range doc.Warnings {
			r.Warnings = append(r.Warnings, slash+": "+w)
		}
	}
	deletions := make([][]deletion, len(docs))
	names := make([][]string, len(docs))
	for i, doc := range docs {
		if doc != nil {
			deletions[i] = deletedSections(doc)
			names[i] = aliases(doc)
		}
	}
	var read []member
	for i, doc := range docs {
		if doc == nil {
			continue
		}
		evaluated, warnings := applyDeletions(doc, i, deletions, names, files)
		r.Warnings = append(r.Warnings, warnings...)
		read = append(read, member{path: filepath.ToSlash(files[i]), findings: withContext(doc, ev.Evaluate(ctx, evaluated))})
	}
	r.SHA256 = chainHash(hashes)
	switch len(formats) {
	case 0:
	case 1:
		for f := range formats {
			r.Format = f
		}
	default:
		r.Format = FormatBundle
	}
	if len(read) == 0 {
		r.Status = rules.DocError
		if allUnread {
			r.Status = rules.DocUnreadable
		}
		r.Error = fmt.Sprintf("bundle %s: no member could be read: %s", r.Path, strings.Join(failures, "; "))
		return r
	}
	r.Findings = merge(read)
	return r
}

// applyDeletions returns member i's document without the sections that
// later members delete ("Section 4.1 of the BAA is deleted in its
// entirety"), so a protection struck out by an amendment no longer counts,
// and a warning for each deletion it applied. A deletion applies to the
// member it names (by title, initials or the name the member gives itself)
// and, when the name fits no single member, to every earlier member holding
// that section number: counting a protection as gone when it may remain is
// the safe side of a mistake, and the warning says what was left out.
func applyDeletions(doc *extract.Document, i int, deletions [][]deletion, names [][]string, files []string) (*extract.Document, []string) {
	var warnings []string
	for j := i + 1; j < len(deletions); j++ {
		var refs []string
		for _, d := range deletions[j] {
			if slices.Contains(targets(d, j, names), i) && !slices.Contains(refs, d.ref) {
				refs = append(refs, d.ref)
			}
		}
		var removed []string
		doc, removed = withoutSections(doc, refs)
		for _, ref := range removed {
			warnings = append(warnings, fmt.Sprintf("%s deletes section %s: section %s of %s was not checked",
				filepath.ToSlash(files[j]), ref, ref, filepath.ToSlash(files[i])))
		}
	}
	return doc, warnings
}

// chainHash is the sha256 of the members' hex digests, each followed by a
// newline, in bundle order: it changes when any member changes, is added,
// removed or reordered.
func chainHash(hashes []string) string {
	h := sha256.New()
	for _, s := range hashes {
		h.Write([]byte(s))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// merge combines the members' findings rule by rule. Rules keep the order in
// which they first appear. The members are read oldest to newest: a
// present or contradicted verdict always takes over, as does a weak one
// from a missing or weak verdict; a weak one takes over from present or
// contradicted only when it states a quantity (an amendment lengthening
// breach notice to thirty days), so that a later generic mention ("no time
// limit stated") does not undo an earlier full protection. The winner's
// evidence comes first, then the other members' that say something,
// latest first. Each evidence names its member.
func merge(ms []member) []rules.Finding {
	var order []string
	byRule := map[string][]*rules.Finding{} // per rule, one slot per member
	for i, m := range ms {
		for j := range m.findings {
			f := &m.findings[j]
			slots, ok := byRule[f.Rule]
			if !ok {
				order = append(order, f.Rule)
				slots = make([]*rules.Finding, len(ms))
				byRule[f.Rule] = slots
			}
			slots[i] = f
		}
	}
	out := make([]rules.Finding, 0, len(order))
	for _, id := range order {
		slots := byRule[id]
		win := -1
		for i, f := range slots {
			if f != nil && takesOver(f, slots, win) {
				win = i
			}
		}
		if win < 0 { // missing everywhere: the latest member's wording
			for i := len(slots) - 1; i >= 0; i-- {
				if slots[i] != nil {
					f := *slots[i]
					f.Evidence = []rules.Evidence{}
					out = append(out, f)
					break
				}
			}
			continue
		}
		f := *slots[win]
		f.Evidence = nil
		add := func(i int) {
			for _, e := range slots[i].Evidence {
				e.File = ms[i].path
				f.Evidence = append(f.Evidence, e)
			}
		}
		add(win)
		for i := len(slots) - 1; i >= 0; i-- {
			if i != win && slots[i] != nil && slots[i].Status != rules.Missing {
				add(i)
			}
		}
		if f.Evidence == nil {
			f.Evidence = []rules.Evidence{}
		}
		out = append(out, f)
	}
	return out
}

// takesOver reports whether finding f of a later member replaces the
// verdict of slots[win] (win < 0: none yet).
func takesOver(f *rules.Finding, slots []*rules.Finding, win int) bool {
	switch f.Status {
	case rules.Present, rules.Contradicted:
		return true
	case rules.Weak:
		if win < 0 {
			return true
		}
		prev := slots[win].Status
		return prev == rules.Weak || f.Quantity != ""
	}
	return false
}

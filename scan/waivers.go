package scan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/clausecheck/clausecheck/rules"
)

// Waivers are accepted exceptions: a protection a document may lack (or
// weaken, or contradict) because someone with authority said so. They come
// from a YAML file:
//
//	waivers:
//	  - document: contracts/acme-msa.pdf   # path as reported, or
//	    sha256: "…"                        # the document's sha256 (either one)
//	    rule: offshore/us-only-performance
//	    reason: Board approved offshore coding for 2026 with enhanced audit.
//	    accepted-by: J. Smith, General Counsel
//	    expires: 2027-06-30                # optional, UTC; the last day it applies
type Waivers struct {
	file    string
	now     time.Time
	entries []waiverEntry
}

type waiverEntry struct {
	line       int
	Document   string    `yaml:"document"`
	SHA256     string    `yaml:"sha256"`
	Rule       string    `yaml:"rule"`
	Reason     string    `yaml:"reason"`
	AcceptedBy string    `yaml:"accepted-by"`
	Expires    string    `yaml:"expires"`
	expires    time.Time // zero: never
}

type waiverFile struct {
	Waivers []waiverEntry `yaml:"waivers"`
}

// LoadWaivers reads a waiver file. now decides which waivers have expired:
// a waiver applies up to and including its expiry date (UTC). Unknown keys,
// missing fields and malformed dates are errors, each as file:line: message,
// all reported at once.
func LoadWaivers(path string, now time.Time) (*Waivers, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("waivers: %w", err)
	}
	return ParseWaivers(path, data, now)
}

// ParseWaivers is LoadWaivers on data already read; name is used in errors.
func ParseWaivers(name string, data []byte, now time.Time) (*Waivers, error) {
	var f waiverFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %s", name, yamlMessage(err))
	}
	// Positions come from a node tree of the same bytes: the struct decode
	// above is what enforces the known keys.
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err == nil {
		lines := entryLines(&root)
		for i := range f.Waivers {
			if i < len(lines) {
				f.Waivers[i].line = lines[i]
			}
		}
	}
	w := &Waivers{file: name, now: now.UTC()}
	var problems []string
	for _, e := range f.Waivers {
		at := fmt.Sprintf("%s:%d", name, e.line)
		var missing []string
		if e.Document == "" && e.SHA256 == "" {
			missing = append(missing, "document or sha256")
		}
		if e.Rule == "" {
			missing = append(missing, "rule")
		}
		if strings.TrimSpace(e.Reason) == "" {
			missing = append(missing, "reason")
		}
		if strings.TrimSpace(e.AcceptedBy) == "" {
			missing = append(missing, "accepted-by")
		}
		if len(missing) > 0 {
			problems = append(problems, fmt.Sprintf("%s: waiver needs %s", at, strings.Join(missing, ", ")))
		}
		if e.Expires != "" {
			t, err := time.Parse(time.DateOnly, e.Expires)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: expires %q: want a date YYYY-MM-DD", at, e.Expires))
			}
			e.expires = t
		}
		e.Document = filepath.ToSlash(e.Document)
		e.SHA256 = strings.ToLower(e.SHA256)
		w.entries = append(w.entries, e)
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return w, nil
}

// yamlMessage flattens a yaml.v3 error ("yaml: line 3: field x not found")
// into "line 3: field x not found".
func yamlMessage(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return strings.Join(te.Errors, "; ")
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// entryLines returns the line of each item of the top-level "waivers" list.
func entryLines(doc *yaml.Node) []int {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "waivers" || m.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		var lines []int
		for _, item := range m.Content[i+1].Content {
			lines = append(lines, item.Line)
		}
		return lines
	}
	return nil
}

// Validate reports waivers naming a rule that is not among ruleIDs, as
// file:line: messages; nil when every rule is known.
func (w *Waivers) Validate(ruleIDs []string) error {
	if w == nil {
		return nil
	}
	known := make(map[string]bool, len(ruleIDs))
	for _, id := range ruleIDs {
		known[id] = true
	}
	var problems []string
	for _, e := range w.entries {
		if !known[e.Rule] {
			problems = append(problems, fmt.Sprintf("%s:%d: unknown rule %q", w.file, e.line, e.Rule))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// Len returns the number of waivers loaded.
func (w *Waivers) Len() int {
	if w == nil {
		return 0
	}
	return len(w.entries)
}

// Apply marks the findings of r that a waiver covers, and warns about
// waivers that would have covered one but have expired. Present findings are
// never waived: there is nothing to accept.
func (w *Waivers) Apply(r *rules.Result) {
	if w == nil || r.Status != rules.DocOK {
		return
	}
	path := filepath.ToSlash(r.Path)
	sum := strings.ToLower(r.SHA256)
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Status == rules.Present {
			continue
		}
		for _, e := range w.entries {
			if e.Rule != f.Rule || !e.matches(path, sum) {
				continue
			}
			if !e.expires.IsZero() && w.now.After(e.expires.Add(24*time.Hour-time.Nanosecond)) {
				r.Warnings = append(r.Warnings, fmt.Sprintf("waiver for %s expired on %s", f.Rule, e.Expires))
				continue
			}
			f.Waived = &rules.Waiver{Reason: strings.TrimSpace(e.Reason), AcceptedBy: strings.TrimSpace(e.AcceptedBy), Expires: e.Expires}
			break
		}
	}
}

func (e waiverEntry) matches(path, sum string) bool {
	if e.Document != "" && e.Document == path {
		return true
	}
	return e.SHA256 != "" && sum != "" && e.SHA256 == sum
}
